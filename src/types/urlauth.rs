//! The URLAUTH extension (RFC 4467) and its extended URLFETCH (RFC 5524, `URLAUTH=BINARY`):
//! URLs that carry their own authorization, and fetching the data they point to.
//!
//! - Commands: [`UrlAuthCommand`] (`GENURLAUTH`, `RESETKEY`, `URLFETCH`), held by
//!   [`CommandBody::UrlAuth`](crate::types::command::CommandBody::UrlAuth).
//! - Responses: [`GenUrlAuthData`] (`* GENURLAUTH`) and [`UrlFetchData`] (`* URLFETCH`).
//! - The `[URLMECH INTERNAL ...]` code holds a list of [`UrlMechanismKey`].
//!
//! URLs (`url-full`, `url-rump`) are `astring`s on the wire; [`ImapUrl`] holds the content
//! and checks only what every IMAP URL is made of (RFC 5092 builds them from URI characters:
//! printable ASCII, no space), not the URL's inner structure. RFC 5550's `URL-PARTIAL`
//! capability changes only that inner structure (`;PARTIAL=`), not this grammar.
//!
//! ```
//! use imap_wire::types::urlauth::{UrlFetchData, UrlFetchValue};
//! use imap_wire::Parse;
//! let d = UrlFetchData::parse(b"URLFETCH \"imap://a@b/INBOX/;uid=2;urlauth=anonymous:internal:00\" NIL")
//!     .unwrap();
//! let item = d.items.iter().next().unwrap();
//! assert!(item.url.as_str().starts_with("imap://"));
//! assert!(matches!(item.value, UrlFetchValue::Simple(ref n) if n.0.is_none()));
//! ```

use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::string::String;
use core::fmt;

use crate::error::ValidationError;
use crate::owned::IntoStatic;
use crate::types::auth::Base64;
use crate::types::body::Body;
use crate::types::list::{List, NonEmptyList};
use crate::types::mailbox::Mailbox;
use crate::types::message::BinaryData;
use crate::types::primitive::{Atom, NString, check_bytes, cow_newtype};

/// Whether `b` may stand in an IMAP URL: printable ASCII other than space.
pub(crate) const fn is_url_char(b: u8) -> bool {
    matches!(b, 0x21..=0x7e)
}

fn check_url(v: &[u8]) -> Result<(), ValidationError> {
    check_bytes("url", v, false, is_url_char)
}

/// Whether `b` may stand in a `mechanism`.
pub(crate) const fn is_mechanism_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'.'
}

fn check_mechanism(v: &[u8]) -> Result<(), ValidationError> {
    check_bytes("mechanism", v, false, is_mechanism_char)
}

cow_newtype!(
    /// `url-full = astring` / `url-rump = astring` (RFC 4467 §9): an IMAP URL, held as the
    /// astring's content. It is at least one printable ASCII character, no space (RFC 5092's
    /// URLs are made of URI characters); its inner structure is not checked.
    ///
    /// ```
    /// use imap_wire::types::urlauth::ImapUrl;
    /// assert!(ImapUrl::new("imap://joe@example.com/INBOX/;uid=20;urlauth=anonymous").is_ok());
    /// assert!(ImapUrl::new("imap://a b").is_err());
    /// assert!(ImapUrl::new("").is_err());
    /// ```
    ImapUrl, str, "url", check_url
);

cow_newtype!(
    /// `mechanism = "INTERNAL" / 1*(ALPHA / DIGIT / "-" / ".")` (RFC 4467 §9): an
    /// authorization mechanism, kept as written (`INTERNAL` is the one every server has).
    ///
    /// ```
    /// use imap_wire::types::urlauth::UrlAuthMechanism;
    /// assert!(UrlAuthMechanism::new("XSAMPLE").is_ok());
    /// assert!(UrlAuthMechanism::new("X=1").is_err());
    /// ```
    UrlAuthMechanism, str, "mechanism", check_mechanism
);

/// The commands of RFC 4467 §7, with URLFETCH as RFC 5524 §5 extends it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UrlAuthCommand<'a> {
    /// `resetkey = "RESETKEY" [SP mailbox *(SP mechanism)]`: remove the access keys of every
    /// mailbox, or regenerate those of one mailbox (for the mechanisms named, or all).
    ResetKey(Option<ResetKeyArgs<'a>>),
    /// `genurlauth = "GENURLAUTH" 1*(SP url-rump SP mechanism)`: authorize URLs.
    GenUrlAuth(NonEmptyList<'a, GenUrlAuthItem<'a>>),
    /// `urlfetch = "URLFETCH" 1*(SP url-fetch-arg)`: fetch the data of authorized URLs.
    UrlFetch(NonEmptyList<'a, UrlFetchArg<'a>>),
}

impl UrlAuthCommand<'_> {
    /// The command's name.
    pub fn name(&self) -> &'static str {
        match self {
            Self::ResetKey(_) => "RESETKEY",
            Self::GenUrlAuth(_) => "GENURLAUTH",
            Self::UrlFetch(_) => "URLFETCH",
        }
    }
}

/// `SP mailbox *(SP mechanism)`: the arguments of a RESETKEY that names a mailbox.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ResetKeyArgs<'a> {
    /// The mailbox whose keys are regenerated.
    pub mailbox: Mailbox<'a>,
    /// The mechanisms whose keys are regenerated (all when none are named).
    pub mechanisms: List<'a, UrlAuthMechanism<'a>>,
}

/// `url-rump SP mechanism`: one URL to authorize, and the mechanism to do it with.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GenUrlAuthItem<'a> {
    /// The URL without its authorization token (it ends in `;URLAUTH=access`).
    pub url: ImapUrl<'a>,
    /// The mechanism.
    pub mechanism: UrlAuthMechanism<'a>,
}

/// `url-fetch-arg`: one URL of a URLFETCH.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum UrlFetchArg<'a> {
    /// `url-full`: the URL alone (RFC 4467), answered with the data as stored.
    Url(ImapUrl<'a>),
    /// `"(" url-full *(SP url-fetch-param) ")"` (RFC 5524 §3.1): the URL with the metadata
    /// asked for.
    Extended {
        /// The URL.
        url: ImapUrl<'a>,
        /// The parameters, possibly none.
        params: List<'a, UrlFetchParam<'a>>,
    },
}

/// `url-fetch-param = "BODY" / "BINARY" / "BODYPARTSTRUCTURE" / atom` (RFC 5524 §5).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UrlFetchParam<'a> {
    /// `BODYPARTSTRUCTURE`: the part's structure.
    BodyPartStructure,
    /// `BINARY`: the part with its content transfer encoding undone.
    Binary,
    /// `BODY`: the part as stored.
    Body,
    /// A parameter of a later extension: an atom that is none of the names above.
    Other(Atom<'a>),
}

/// The parameter names with a variant of their own.
pub(crate) const FETCH_PARAMS: &[(&str, UrlFetchParam<'static>)] = &[
    ("BODYPARTSTRUCTURE", UrlFetchParam::BodyPartStructure),
    ("BINARY", UrlFetchParam::Binary),
    ("BODY", UrlFetchParam::Body),
];

impl<'a> UrlFetchParam<'a> {
    /// The parameter named `atom`: a known one in any case, or [`UrlFetchParam::Other`].
    pub fn from_atom(atom: Atom<'a>) -> Self {
        FETCH_PARAMS
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(atom.as_str()))
            .map_or(Self::Other(atom), |(_, p)| p.clone())
    }
}

/// `genurlauth-data = "*" SP "GENURLAUTH" 1*(SP url-full)` (RFC 4467 §9): the authorized
/// URLs, in the order they were asked for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GenUrlAuthData<'a> {
    /// The URLs, each with its authorization token.
    pub urls: NonEmptyList<'a, ImapUrl<'a>>,
}

/// `urlfetch-data = "*" SP "URLFETCH" 1*(SP (urldata-simple / urldata-ext))` (RFC 4467 §9,
/// RFC 5524 §5).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct UrlFetchData<'a> {
    /// The URLs and their data.
    pub items: NonEmptyList<'a, UrlFetchItem<'a>>,
}

/// One URL of a `* URLFETCH` and what it yielded.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct UrlFetchItem<'a> {
    /// The URL as the client sent it.
    pub url: ImapUrl<'a>,
    /// Its data.
    pub value: UrlFetchValue<'a>,
}

/// What a URL of a URLFETCH yielded.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum UrlFetchValue<'a> {
    /// `urldata-simple = url-full SP nstring`: the data, or `NIL` when the URL is invalid.
    Simple(NString<'a>),
    /// `urldata-ext = url-full url-metadata`, `url-metadata = 1*(SP "(" url-metadata-el
    /// ")")` (RFC 5524 §3.2): the metadata asked for.
    Metadata(NonEmptyList<'a, UrlMetadata<'a>>),
}

/// `url-metadata-el` (RFC 5524 §5): one item of an extended URLFETCH answer.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UrlMetadata<'a> {
    /// `url-meta-bodystruct = "BODYPARTSTRUCTURE" SP body` (boxed: a structure is large)
    BodyPartStructure(Box<Body<'a>>),
    /// `url-meta-body = "BODY" SP nstring`: the part as stored.
    Body(NString<'a>),
    /// `url-meta-binary = "BINARY" SP (nstring / literal8)`: the decoded part, or `NIL`
    /// when it could not be decoded.
    Binary(BinaryData<'a>),
}

/// `mechanism ["=" base64]`: one mechanism of a `[URLMECH INTERNAL ...]` code (RFC 4467 §9),
/// with the access key the server may disclose for it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct UrlMechanismKey<'a> {
    /// The mechanism.
    pub mechanism: UrlAuthMechanism<'a>,
    /// Its key (`base64`, which may be empty), if given.
    pub key: Option<Base64<'a>>,
}

impl IntoStatic for UrlAuthCommand<'_> {
    type Static = UrlAuthCommand<'static>;

    fn into_static(self) -> UrlAuthCommand<'static> {
        match self {
            Self::ResetKey(a) => UrlAuthCommand::ResetKey(a.map(|a| ResetKeyArgs {
                mailbox: a.mailbox.into_static(),
                mechanisms: a.mechanisms.into_static(),
            })),
            Self::GenUrlAuth(l) => UrlAuthCommand::GenUrlAuth(l.into_static()),
            Self::UrlFetch(l) => UrlAuthCommand::UrlFetch(l.into_static()),
        }
    }
}

impl IntoStatic for GenUrlAuthItem<'_> {
    type Static = GenUrlAuthItem<'static>;

    fn into_static(self) -> GenUrlAuthItem<'static> {
        GenUrlAuthItem {
            url: self.url.into_static(),
            mechanism: self.mechanism.into_static(),
        }
    }
}

impl IntoStatic for UrlFetchArg<'_> {
    type Static = UrlFetchArg<'static>;

    fn into_static(self) -> UrlFetchArg<'static> {
        match self {
            Self::Url(u) => UrlFetchArg::Url(u.into_static()),
            Self::Extended { url, params } => UrlFetchArg::Extended {
                url: url.into_static(),
                params: params.into_static(),
            },
        }
    }
}

impl IntoStatic for UrlFetchParam<'_> {
    type Static = UrlFetchParam<'static>;

    fn into_static(self) -> UrlFetchParam<'static> {
        match self {
            Self::BodyPartStructure => UrlFetchParam::BodyPartStructure,
            Self::Binary => UrlFetchParam::Binary,
            Self::Body => UrlFetchParam::Body,
            Self::Other(a) => UrlFetchParam::Other(a.into_static()),
        }
    }
}

impl IntoStatic for GenUrlAuthData<'_> {
    type Static = GenUrlAuthData<'static>;

    fn into_static(self) -> GenUrlAuthData<'static> {
        GenUrlAuthData {
            urls: self.urls.into_static(),
        }
    }
}

impl IntoStatic for UrlFetchData<'_> {
    type Static = UrlFetchData<'static>;

    fn into_static(self) -> UrlFetchData<'static> {
        UrlFetchData {
            items: self.items.into_static(),
        }
    }
}

impl IntoStatic for UrlFetchItem<'_> {
    type Static = UrlFetchItem<'static>;

    fn into_static(self) -> UrlFetchItem<'static> {
        UrlFetchItem {
            url: self.url.into_static(),
            value: match self.value {
                UrlFetchValue::Simple(n) => UrlFetchValue::Simple(n.into_static()),
                UrlFetchValue::Metadata(m) => UrlFetchValue::Metadata(m.into_static()),
            },
        }
    }
}

impl IntoStatic for UrlMetadata<'_> {
    type Static = UrlMetadata<'static>;

    fn into_static(self) -> UrlMetadata<'static> {
        match self {
            Self::BodyPartStructure(b) => {
                UrlMetadata::BodyPartStructure(Box::new((*b).into_static()))
            }
            Self::Body(n) => UrlMetadata::Body(n.into_static()),
            Self::Binary(d) => UrlMetadata::Binary(d.into_static()),
        }
    }
}

impl IntoStatic for UrlMechanismKey<'_> {
    type Static = UrlMechanismKey<'static>;

    fn into_static(self) -> UrlMechanismKey<'static> {
        UrlMechanismKey {
            mechanism: self.mechanism.into_static(),
            key: self.key.into_static(),
        }
    }
}

/// Generated values are valid: URLs and mechanisms are drawn from their alphabets, and an
/// `Other` parameter is never one of the known names.
#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::*;

    /// At least one character of `ok`, drawn from printable ASCII.
    pub(crate) fn ascii_text(u: &mut Unstructured<'_>, ok: fn(u8) -> bool) -> Result<String> {
        let len = u.int_in_range(1..=24)?;
        let mut s = String::with_capacity(len);
        for _ in 0..len {
            let b = u.int_in_range(0x21u8..=0x7e)?;
            s.push(char::from(if ok(b) { b } else { b'x' }));
        }
        Ok(s)
    }

    impl<'a> Arbitrary<'a> for ImapUrl<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self(Cow::Owned(ascii_text(u, is_url_char)?)))
        }
    }

    impl<'a> Arbitrary<'a> for UrlAuthMechanism<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self(Cow::Owned(ascii_text(u, is_mechanism_char)?)))
        }
    }

    impl<'a> Arbitrary<'a> for UrlAuthCommand<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(match u.choose_index(3)? {
                0 => Self::ResetKey(if u.arbitrary()? {
                    Some(ResetKeyArgs {
                        mailbox: Mailbox::arbitrary(u)?,
                        mechanisms: List::arbitrary(u)?,
                    })
                } else {
                    None
                }),
                1 => Self::GenUrlAuth(NonEmptyList::arbitrary(u)?),
                _ => Self::UrlFetch(NonEmptyList::arbitrary(u)?),
            })
        }
    }

    impl<'a> Arbitrary<'a> for GenUrlAuthItem<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                url: ImapUrl::arbitrary(u)?,
                mechanism: UrlAuthMechanism::arbitrary(u)?,
            })
        }
    }

    impl<'a> Arbitrary<'a> for UrlFetchArg<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let url = ImapUrl::arbitrary(u)?;
            Ok(if u.arbitrary()? {
                Self::Url(url)
            } else {
                Self::Extended {
                    url,
                    params: List::arbitrary(u)?,
                }
            })
        }
    }

    impl<'a> Arbitrary<'a> for UrlFetchParam<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(match u.choose_index(4)? {
                0 => Self::BodyPartStructure,
                1 => Self::Binary,
                2 => Self::Body,
                _ => match UrlFetchParam::from_atom(Atom::arbitrary(u)?) {
                    Self::Other(a) => Self::Other(a),
                    _ => Self::Other(Atom::unvalidated("XPARAM")),
                },
            })
        }
    }

    impl<'a> Arbitrary<'a> for GenUrlAuthData<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                urls: NonEmptyList::arbitrary(u)?,
            })
        }
    }

    impl<'a> Arbitrary<'a> for UrlFetchData<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                items: NonEmptyList::arbitrary(u)?,
            })
        }
    }

    impl<'a> Arbitrary<'a> for UrlFetchItem<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let url = ImapUrl::arbitrary(u)?;
            let value = if u.arbitrary()? {
                UrlFetchValue::Simple(NString::arbitrary(u)?)
            } else {
                UrlFetchValue::Metadata(NonEmptyList::arbitrary(u)?)
            };
            Ok(Self { url, value })
        }
    }

    impl<'a> Arbitrary<'a> for UrlMetadata<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(match u.choose_index(4)? {
                0 => Self::BodyPartStructure(Box::new(Body::arbitrary(u)?)),
                1 => Self::Body(NString::arbitrary(u)?),
                2 => Self::Binary(BinaryData::NString(NString::arbitrary(u)?)),
                _ => Self::Binary(BinaryData::Literal8(Arbitrary::arbitrary(u)?)),
            })
        }
    }

    impl<'a> Arbitrary<'a> for UrlMechanismKey<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                mechanism: UrlAuthMechanism::arbitrary(u)?,
                key: Option::<Base64<'a>>::arbitrary(u)?,
            })
        }
    }
}

#[cfg(feature = "arbitrary")]
pub(crate) use arbitrary_impls::ascii_text;
