//! CATENATE (RFC 4469): the parts an APPEND puts together into one message, and the BADURL
//! response code's URL. RFC 6855 §4 adds UTF8's literal as a part.
//!
//! ```
//! use imap_wire::types::catenate::CatPart;
//! use imap_wire::types::command::{AppendData, AppendMessage, CommandBody};
//! use imap_wire::types::list::NonEmptyList;
//! use imap_wire::{AString, Literal, Mailbox, to_vec};
//! let parts = NonEmptyList::try_from(vec![
//!     CatPart::Url(AString::new(&b"/Drafts;UID=20/;section=1"[..]).unwrap()),
//!     CatPart::Text(Literal::new(&b"--\r\n"[..]).unwrap()),
//! ])
//! .unwrap();
//! let body = CommandBody::append(
//!     Mailbox::new("Drafts").unwrap(),
//!     AppendMessage::new(AppendData::Catenate(parts)),
//! );
//! // The URL is a plain astring: written as an atom when it can be one.
//! assert_eq!(
//!     to_vec(&body),
//!     b"APPEND Drafts CATENATE (URL /Drafts;UID=20/;section=1 TEXT {4}\r\n--\r\n)"
//! );
//! ```

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::chars::is_text_char;
use crate::error::ValidationError;
use crate::owned::IntoStatic;
use crate::types::primitive::{AString, Literal, Literal8, check_bytes, cow_newtype};

/// `cat-part = text-literal / url` (RFC 4469 §5), with `cat-part =/ utf8-literal` (RFC 6855
/// §4). The enum is closed: the grammars have exactly these three cases.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CatPart<'a> {
    /// `text-literal = "TEXT" SP literal`: octets to add as they are.
    Text(Literal<'a>),
    /// `url = "URL" SP astring`: a message or message part the server holds, named by an
    /// IMAP URL (RFC 5092), usually relative (`/INBOX;UID=20/;section=1`).
    Url(AString<'a>),
    /// `utf8-literal = "UTF8" SP "(" literal8 ")"` (RFC 6855 §4): text with UTF-8 headers.
    Utf8(Literal8<'a>),
}

/// Checks `url-resp-text = 1*(%x01-09 / %x0B-0C / %x0E-5B / %x5D-FE)`: any TEXT-CHAR but
/// `]`, 8-bit bytes up to 0xFE included (RFC 4469 §5).
fn check_url_resp_text(v: &[u8]) -> Result<(), ValidationError> {
    check_bytes("url-resp-text", v, false, is_url_resp_char)
}

/// A byte of `url-resp-text`.
pub(crate) fn is_url_resp_char(b: u8) -> bool {
    (is_text_char(b) || (0x80..=0xFE).contains(&b)) && b != b']'
}

cow_newtype!(
    /// `url-resp-text`, the URL of a BADURL code (RFC 4469 §4.1): the first URL of the APPEND
    /// that the server could not use, as the client wrote it.
    ///
    /// ```
    /// use imap_wire::types::catenate::UrlRespText;
    /// assert!(UrlRespText::new(&b"/INBOX;UID=20/;section=1"[..]).is_ok());
    /// assert!(UrlRespText::new(&b"a]b"[..]).is_err());
    /// ```
    UrlRespText, bytes, "url-resp-text", check_url_resp_text
);

impl IntoStatic for CatPart<'_> {
    type Static = CatPart<'static>;

    fn into_static(self) -> CatPart<'static> {
        match self {
            Self::Text(l) => CatPart::Text(l.into_static()),
            Self::Url(u) => CatPart::Url(u.into_static()),
            Self::Utf8(l) => CatPart::Utf8(l.into_static()),
        }
    }
}

/// Generated values are valid: URLs of every form an astring takes, text of any TEXT-CHAR.
#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use alloc::vec::Vec;

    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::{CatPart, Cow, UrlRespText, is_url_resp_char};
    use crate::types::primitive::{AString, Literal, Literal8};

    const URLS: &[&str] = &[
        "/INBOX;UIDVALIDITY=785799047/;UID=11467",
        "/Drafts/;UID=3002",
        "/INBOX;UID=20/;section=1.MIME",
    ];

    fn bytes(u: &mut Unstructured<'_>, ok: fn(u8) -> bool, min: usize) -> Result<Vec<u8>> {
        let alphabet: Vec<u8> = (0..=255u8).filter(|&b| ok(b)).collect();
        let len = u.int_in_range(min..=24)?;
        (0..len).map(|_| u.choose(&alphabet).copied()).collect()
    }

    impl<'a> Arbitrary<'a> for CatPart<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(match u.int_in_range(0..=2)? {
                0 => Self::Text(Literal(Cow::Owned(bytes(u, |b| b != 0, 0)?))),
                1 if u.ratio(1, 2)? => {
                    Self::Url(AString(Cow::Borrowed(u.choose(URLS)?.as_bytes())))
                }
                1 => Self::Url(AString(Cow::Owned(bytes(u, |b| b != 0, 0)?))),
                _ => {
                    let len = u.int_in_range(0..=24)?;
                    Self::Utf8(Literal8(Cow::Borrowed(u.bytes(len)?)))
                }
            })
        }
    }

    impl<'a> Arbitrary<'a> for UrlRespText<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            if u.ratio(1, 2)? {
                return Ok(Self(Cow::Borrowed(u.choose(URLS)?.as_bytes())));
            }
            Ok(Self(Cow::Owned(bytes(u, is_url_resp_char, 1)?)))
        }
    }
}
