//! Mailbox data of untagged responses (RFC 9051 §7.2-7.4, §9 `mailbox-data`,
//! `namespace-response`, `enable-data`; RFC 3501 §7.2; RFC 2342 NAMESPACE; RFC 5161 ENABLED).
//!
//! Each piece of `mailbox-data` has a type that parses what follows `* `:
//!
//! | Response                  | Type                                                         |
//! |---------------------------|--------------------------------------------------------------|
//! | `LIST` / `LSUB`           | [`MailboxList`](crate::types::listing::MailboxList) (after the keyword and SP) |
//! | `STATUS`                  | [`StatusData`](crate::types::status::StatusData)             |
//! | `ESEARCH`                 | [`EsearchData`](crate::types::esearch::EsearchData)          |
//! | `SEARCH` (IMAP4rev1)      | [`SearchData`](crate::types::esearch::SearchData)            |
//! | `NAMESPACE`               | [`NamespaceData`]                                            |
//! | `ENABLED`                 | [`EnabledData`]                                              |
//!
//! `FLAGS` (a [`FlagList`](crate::FlagList)), `n EXISTS` and the obsolete `n RECENT` (plain
//! numbers) need no type of their own: the response enum holds them directly.
//!
//! ```
//! use imap_wire::types::mailbox_data::NamespaceData;
//! use imap_wire::Parse;
//! let ns = NamespaceData::parse(b"NAMESPACE ((\"\" \"/\")) NIL ((\"#shared/\" \"/\"))").unwrap();
//! let personal = ns.personal.unwrap().to_vec();
//! assert_eq!(personal[0].prefix.as_bytes(), b"");
//! assert!(ns.other_users.is_none());
//! ```

use crate::owned::IntoStatic;
use crate::types::list::{List, NonEmptyList};
use crate::types::listing::Delimiter;
use crate::types::primitive::{Atom, IString};

/// `namespace-response = "NAMESPACE" SP namespace SP namespace SP namespace`, where
/// `namespace = nil / "(" 1*namespace-descr ")"` (RFC 9051 §7.3.2, RFC 2342 §5).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct NamespaceData<'a> {
    /// The personal namespaces, `None` for `NIL`.
    pub personal: Option<NonEmptyList<'a, NamespaceDescr<'a>>>,
    /// Other users' namespaces, `None` for `NIL`.
    pub other_users: Option<NonEmptyList<'a, NamespaceDescr<'a>>>,
    /// The shared namespaces, `None` for `NIL`.
    pub shared: Option<NonEmptyList<'a, NamespaceDescr<'a>>>,
}

impl IntoStatic for NamespaceData<'_> {
    type Static = NamespaceData<'static>;

    fn into_static(self) -> NamespaceData<'static> {
        NamespaceData {
            personal: self.personal.map(IntoStatic::into_static),
            other_users: self.other_users.map(IntoStatic::into_static),
            shared: self.shared.map(IntoStatic::into_static),
        }
    }
}

/// `namespace-descr = "(" string SP (DQUOTE QUOTED-CHAR DQUOTE / nil)
/// [namespace-response-extensions] ")"`: one namespace.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct NamespaceDescr<'a> {
    /// The prefix of the namespace's mailbox names (may be empty).
    pub prefix: IString<'a>,
    /// The hierarchy delimiter, `None` for `NIL`.
    pub delimiter: Option<Delimiter>,
    /// `*namespace-response-extension`, in the order written.
    pub extensions: List<'a, NamespaceExtension<'a>>,
}

impl<'a> NamespaceDescr<'a> {
    /// A namespace without extensions.
    pub fn new(prefix: IString<'a>, delimiter: Option<Delimiter>) -> Self {
        Self {
            prefix,
            delimiter,
            extensions: List::new(),
        }
    }
}

impl IntoStatic for NamespaceDescr<'_> {
    type Static = NamespaceDescr<'static>;

    fn into_static(self) -> NamespaceDescr<'static> {
        NamespaceDescr {
            prefix: self.prefix.into_static(),
            delimiter: self.delimiter,
            extensions: self.extensions.into_static(),
        }
    }
}

/// `namespace-response-extension = SP string SP "(" string *(SP string) ")"`: a named list
/// of values describing a namespace further (RFC 2342's `X-PARAM` example).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct NamespaceExtension<'a> {
    /// The extension's name.
    pub name: IString<'a>,
    /// Its values (at least one).
    pub values: NonEmptyList<'a, IString<'a>>,
}

impl IntoStatic for NamespaceExtension<'_> {
    type Static = NamespaceExtension<'static>;

    fn into_static(self) -> NamespaceExtension<'static> {
        NamespaceExtension {
            name: self.name.into_static(),
            values: self.values.into_static(),
        }
    }
}

/// `enable-data = "ENABLED" *(SP capability)` (RFC 5161 §4, RFC 9051 §7.2.1): the extensions
/// an ENABLE command turned on.
///
/// The capabilities are held as atoms (`capability = ("AUTH=" auth-type) / atom` is always an
/// atom); the dedicated capability type lives with the CAPABILITY response.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct EnabledData<'a> {
    /// The capabilities enabled, in the order written (possibly none).
    pub capabilities: List<'a, Atom<'a>>,
}

impl IntoStatic for EnabledData<'_> {
    type Static = EnabledData<'static>;

    fn into_static(self) -> EnabledData<'static> {
        EnabledData {
            capabilities: self.capabilities.into_static(),
        }
    }
}

/// Generated values are valid: strings never hold NUL, atoms hold atom characters only.
#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use alloc::borrow::Cow;
    use alloc::string::String;
    use alloc::vec::Vec;

    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::{EnabledData, NamespaceData, NamespaceDescr, NamespaceExtension};
    use crate::types::list::{List, NonEmptyList};
    use crate::types::listing::ATOM_CHARS;
    use crate::types::primitive::{Atom, IString};

    /// A string: a namespace-like prefix, or any bytes but NUL.
    fn istring(u: &mut Unstructured<'_>) -> Result<IString<'static>> {
        const PREFIXES: &[&str] = &["", "#shared/", "~", "INBOX.", "Other Users/", "#news."];
        if u.ratio(1, 2)? {
            return Ok(IString(Cow::Borrowed(u.choose(PREFIXES)?.as_bytes())));
        }
        let mut v = Vec::<u8>::arbitrary(u)?;
        v.retain(|&b| b != 0);
        Ok(IString(Cow::Owned(v)))
    }

    fn istrings(u: &mut Unstructured<'_>) -> Result<NonEmptyList<'static, IString<'static>>> {
        let mut v = alloc::vec![istring(u)?];
        for _ in 0..u.int_in_range(0..=3)? {
            v.push(istring(u)?);
        }
        Ok(NonEmptyList::parsed(List::from(v)))
    }

    impl<'a> Arbitrary<'a> for NamespaceExtension<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                name: istring(u)?,
                values: istrings(u)?,
            })
        }
    }

    impl<'a> Arbitrary<'a> for NamespaceDescr<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let mut extensions = Vec::new();
            for _ in 0..u.int_in_range(0..=2)? {
                extensions.push(NamespaceExtension::arbitrary(u)?);
            }
            Ok(Self {
                prefix: istring(u)?,
                delimiter: Arbitrary::arbitrary(u)?,
                extensions: List::from(extensions),
            })
        }
    }

    impl<'a> Arbitrary<'a> for NamespaceData<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                personal: Arbitrary::arbitrary(u)?,
                other_users: Arbitrary::arbitrary(u)?,
                shared: Arbitrary::arbitrary(u)?,
            })
        }
    }

    impl<'a> Arbitrary<'a> for EnabledData<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let mut caps = Vec::new();
            for _ in 0..u.int_in_range(0..=4)? {
                let mut s = String::new();
                for _ in 0..u.int_in_range(1..=12)? {
                    s.push(char::from(*u.choose(ATOM_CHARS)?));
                }
                caps.push(Atom(Cow::Owned(s)));
            }
            Ok(Self {
                capabilities: List::from(caps),
            })
        }
    }
}
