//! Mailbox names and LIST patterns (RFC 9051 §5.1, §9 `mailbox` and `list-mailbox`; RFC 3501
//! §5.1, §9).
//!
//! A [`Mailbox`] is either [`Mailbox::Inbox`] (the name `INBOX` in any case, however it was
//! written) or [`Mailbox::Other`], which keeps the name exactly as it stands on the wire (the
//! content of the `astring`). What those bytes mean depends on whether `UTF8=ACCEPT`
//! (RFC 6855) is in force, so the conversions to and from Unicode take that as an argument:
//!
//! - With `utf8_accept` off (IMAP4rev1), the wire name is modified UTF-7 ([`crate::utf7`]),
//!   printable US-ASCII only. The parser accepts only valid modified UTF-7 and fails with
//!   [`ErrorKind::BadUtf7`](crate::ErrorKind::BadUtf7) otherwise (8-bit bytes included).
//! - With `utf8_accept` on (`UTF8=ACCEPT`, RFC 6855; IMAP4rev2), the wire name is UTF-8 and `&`
//!   is an ordinary character. The parser accepts any UTF-8 and fails with
//!   [`ErrorKind::BadUtf8`](crate::ErrorKind::BadUtf8) otherwise.
//!
//! A name is valid under both settings when it is modified UTF-7; such a name round-trips
//! through the serializer under any [`EncodeConfig`](crate::EncodeConfig). A UTF-8 name (from
//! [`Mailbox::from_utf8`] with `utf8_accept` on) is meant for a connection where `UTF8=ACCEPT` is
//! in force: the serializer writes it as a quoted string when
//! [`EncodeConfig::utf8_accept`](crate::EncodeConfig::utf8_accept) is on and as a literal
//! otherwise, and a parser without `utf8_accept` rejects it.
//!
//! ```
//! use imap_wire::{Mailbox, Parse, ParseConfig};
//! let m = Mailbox::parse(b"\"iNbOx\"").unwrap();
//! assert_eq!(m, Mailbox::Inbox);
//! let m = Mailbox::parse(b"~peter/mail/&U,BTFw-/&ZeVnLIqe-").unwrap();
//! assert_eq!(m.to_utf8(false).unwrap(), "~peter/mail/台北/日本語");
//! let utf8 = ParseConfig::default().with_utf8_accept(true);
//! let m = Mailbox::parse_with("\"台北\"".as_bytes(), &utf8).unwrap();
//! assert_eq!(m, Mailbox::from_utf8("台北", true).unwrap());
//! ```

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt;

use crate::error::{ValidationError, ValidationReason};
use crate::owned::IntoStatic;
use crate::types::primitive::{check_bytes, cow_newtype};
use crate::utf7::{Utf7Error, decode_utf7, encode_utf7};

/// Whether `name` is `INBOX` in any case.
#[inline]
pub(crate) fn is_inbox(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"INBOX")
}

/// A mailbox name may hold any character but NUL (it travels as an `astring`).
fn check_name(item: &'static str, v: &[u8]) -> Result<(), ValidationError> {
    check_bytes(item, v, true, |b| b != 0)
}

fn check_mailbox_other(v: &[u8]) -> Result<(), ValidationError> {
    check_name("mailbox", v)?;
    if is_inbox(v) {
        return Err(ValidationError::new("mailbox", ValidationReason::Invalid));
    }
    Ok(())
}

fn check_list_mailbox(v: &[u8]) -> Result<(), ValidationError> {
    check_name("list-mailbox", v)
}

/// Decodes a wire name: modified UTF-7 unless `UTF8=ACCEPT` is on.
fn wire_to_utf8(wire: &str, utf8_accept: bool) -> Result<Cow<'_, str>, Utf7Error> {
    if utf8_accept {
        Ok(Cow::Borrowed(wire))
    } else {
        decode_utf7(wire.as_bytes())
    }
}

/// Encodes a Unicode name for the wire: modified UTF-7 unless `UTF8=ACCEPT` is on.
fn utf8_to_wire(name: &str, utf8_accept: bool) -> Cow<'_, str> {
    if utf8_accept {
        Cow::Borrowed(name)
    } else {
        encode_utf7(name)
    }
}

/// `mailbox = "INBOX" / astring`: a mailbox name (RFC 9051 §5.1).
///
/// `INBOX` is case-insensitive and is always [`Mailbox::Inbox`], whether it arrived as an
/// atom, a quoted string or a literal; every other name is a [`MailboxOther`]. The enum is
/// closed: the grammar has exactly these two cases.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Mailbox<'a> {
    /// `INBOX`, the user's primary mailbox (any case on the wire; written `INBOX`).
    Inbox,
    /// Any other name, as it stands on the wire.
    Other(MailboxOther<'a>),
}

impl<'a> Mailbox<'a> {
    /// Wraps a name as it stands on the wire (modified UTF-7, or UTF-8 under `UTF8=ACCEPT`);
    /// `INBOX` in any case gives [`Mailbox::Inbox`].
    ///
    /// The name is not checked as modified UTF-7, since it may be meant for a `UTF8=ACCEPT`
    /// connection; [`Mailbox::to_utf8`] with `utf8_accept` off or
    /// [`validate_utf7`](crate::utf7::validate_utf7) checks it.
    ///
    /// # Errors
    /// A [`ValidationError`] when the name holds NUL.
    pub fn new(wire: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        let wire = wire.into();
        if is_inbox(wire.as_bytes()) {
            return Ok(Self::Inbox);
        }
        MailboxOther::new(wire).map(Self::Other)
    }

    /// Builds the wire name for a Unicode name: encoded as modified UTF-7 unless `utf8_accept`
    /// (`UTF8=ACCEPT` is in force), in which case the name is used as it is.
    ///
    /// ```
    /// use imap_wire::Mailbox;
    /// let m = Mailbox::from_utf8("Entwürfe & Co", false).unwrap();
    /// assert_eq!(m.as_str(), "Entw&APw-rfe &- Co");
    /// assert_eq!(Mailbox::from_utf8("Entwürfe", true).unwrap().as_str(), "Entwürfe");
    /// ```
    ///
    /// # Errors
    /// A [`ValidationError`] when `utf8_accept` is on and the name holds NUL (modified UTF-7
    /// encodes NUL, so it is no error then).
    pub fn from_utf8(name: &'a str, utf8_accept: bool) -> Result<Self, ValidationError> {
        Self::new(utf8_to_wire(name, utf8_accept))
    }

    /// The Unicode name: the wire name decoded from modified UTF-7 unless `utf8_accept`
    /// (`UTF8=ACCEPT` is in force), in which case it is the wire name itself. `INBOX` for
    /// [`Mailbox::Inbox`].
    ///
    /// # Errors
    /// A [`Utf7Error`] when `utf8_accept` is off and the wire name is not valid modified UTF-7.
    pub fn to_utf8(&self, utf8_accept: bool) -> Result<Cow<'_, str>, Utf7Error> {
        match self {
            Self::Inbox => Ok(Cow::Borrowed("INBOX")),
            Self::Other(o) => o.to_utf8(utf8_accept),
        }
    }

    /// The name as it stands on the wire (`INBOX` for [`Mailbox::Inbox`]).
    pub fn as_str(&self) -> &str {
        match self {
            Self::Inbox => "INBOX",
            Self::Other(o) => o.as_str(),
        }
    }

    /// Whether this is `INBOX`.
    pub fn is_inbox(&self) -> bool {
        matches!(self, Self::Inbox)
    }
}

impl<'a> From<MailboxOther<'a>> for Mailbox<'a> {
    fn from(v: MailboxOther<'a>) -> Self {
        Self::Other(v)
    }
}

impl<'a> TryFrom<&'a str> for Mailbox<'a> {
    type Error = ValidationError;

    fn try_from(v: &'a str) -> Result<Self, ValidationError> {
        Self::new(v)
    }
}

impl TryFrom<String> for Mailbox<'static> {
    type Error = ValidationError;

    fn try_from(v: String) -> Result<Self, ValidationError> {
        Self::new(v)
    }
}

impl IntoStatic for Mailbox<'_> {
    type Static = Mailbox<'static>;

    fn into_static(self) -> Mailbox<'static> {
        match self {
            Self::Inbox => Mailbox::Inbox,
            Self::Other(o) => Mailbox::Other(o.into_static()),
        }
    }
}

impl fmt::Display for Mailbox<'_> {
    /// Writes the wire name (not quoted).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

cow_newtype!(
    /// A mailbox name other than `INBOX`, exactly as it stands on the wire (the content of the
    /// `astring`, without quotes or literal framing).
    ///
    /// It may hold any character but NUL and is never `INBOX` in any case (that is
    /// [`Mailbox::Inbox`]). See the [module docs](self) for which names each configuration
    /// accepts.
    MailboxOther, str, "mailbox", check_mailbox_other
);

impl MailboxOther<'_> {
    /// The Unicode name (see [`Mailbox::to_utf8`]).
    ///
    /// # Errors
    /// A [`Utf7Error`] when `utf8_accept` is off and the name is not valid modified UTF-7.
    pub fn to_utf8(&self, utf8_accept: bool) -> Result<Cow<'_, str>, Utf7Error> {
        wire_to_utf8(&self.0, utf8_accept)
    }
}

cow_newtype!(
    /// `list-mailbox = 1*list-char / string`: the mailbox pattern of LIST, where `%` matches
    /// within one hierarchy level and `*` across levels (RFC 9051 §6.3.9).
    ///
    /// Holds the pattern as it stands on the wire; it may hold any character but NUL and may be
    /// empty. It follows the same modified UTF-7 / UTF-8 rules as [`Mailbox`] names, and `INBOX`
    /// has no special meaning here (the server matches the pattern). The serializer writes it
    /// bare (`1*list-char`) when it can, and as a string otherwise.
    ///
    /// ```
    /// use imap_wire::{ListMailbox, to_vec};
    /// assert_eq!(to_vec(&ListMailbox::new("~/Mail/%").unwrap()), b"~/Mail/%");
    /// assert_eq!(to_vec(&ListMailbox::new("").unwrap()), b"\"\"");
    /// ```
    ListMailbox, str, "list-mailbox", check_list_mailbox
);

impl<'a> ListMailbox<'a> {
    /// Builds the wire pattern for a Unicode pattern (see [`Mailbox::from_utf8`]).
    ///
    /// # Errors
    /// A [`ValidationError`] when `utf8_accept` is on and the pattern holds NUL.
    pub fn from_utf8(pattern: &'a str, utf8_accept: bool) -> Result<Self, ValidationError> {
        Self::new(utf8_to_wire(pattern, utf8_accept))
    }

    /// The Unicode pattern (see [`Mailbox::to_utf8`]).
    ///
    /// # Errors
    /// A [`Utf7Error`] when `utf8_accept` is off and the pattern is not valid modified UTF-7.
    pub fn to_utf8(&self, utf8_accept: bool) -> Result<Cow<'_, str>, Utf7Error> {
        wire_to_utf8(&self.0, utf8_accept)
    }
}

impl<'a> From<Mailbox<'a>> for ListMailbox<'a> {
    /// A pattern that matches exactly this name, if the name has no wildcard.
    fn from(v: Mailbox<'a>) -> Self {
        Self(match v {
            Mailbox::Inbox => Cow::Borrowed("INBOX"),
            Mailbox::Other(o) => o.0,
        })
    }
}

/// Arbitrary names are built from arbitrary Unicode, encoded as modified UTF-7, so they are
/// valid under either setting of `utf8_accept`.
#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use alloc::borrow::Cow;
    use alloc::string::String;

    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::{ListMailbox, Mailbox, MailboxOther, is_inbox};
    use crate::utf7::encode_utf7;

    /// A Unicode name, often built from pieces that matter to the grammar.
    fn unicode<'a>(u: &mut Unstructured<'a>) -> Result<Cow<'a, str>> {
        const PIECES: &[&str] = &[
            "INBOX",
            "inbox",
            "&",
            "/",
            ".",
            " ",
            "%",
            "*",
            "\"",
            "\\",
            "]",
            "{",
            "~",
            "é",
            "台北",
            "\u{1f600}",
            "\0",
            "\r\n",
            "-",
        ];
        if u.ratio(1, 2)? {
            return Ok(Cow::Borrowed(<&'a str>::arbitrary(u)?));
        }
        let n = u.int_in_range(0..=6)?;
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(u.choose(PIECES)?);
        }
        Ok(Cow::Owned(s))
    }

    fn encoded(name: Cow<'_, str>) -> Cow<'_, str> {
        match name {
            Cow::Borrowed(s) => encode_utf7(s),
            Cow::Owned(s) => Cow::Owned(encode_utf7(&s).into_owned()),
        }
    }

    impl<'a> Arbitrary<'a> for MailboxOther<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let wire = encoded(unicode(u)?);
            if is_inbox(wire.as_bytes()) {
                return Ok(Self(Cow::Owned(alloc::format!("{wire}/"))));
            }
            Ok(Self(wire))
        }
    }

    impl<'a> Arbitrary<'a> for Mailbox<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            if u.ratio(1, 8)? {
                return Ok(Self::Inbox);
            }
            let wire = encoded(unicode(u)?);
            if is_inbox(wire.as_bytes()) {
                return Ok(Self::Inbox);
            }
            Ok(Self::Other(MailboxOther(wire)))
        }
    }

    impl<'a> Arbitrary<'a> for ListMailbox<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self(encoded(unicode(u)?)))
        }
    }
}
