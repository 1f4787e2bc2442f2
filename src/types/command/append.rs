//! APPEND's messages (RFC 9051 §6.3.12) and what they carry: one or more per command under
//! MULTIAPPEND (RFC 3502), each with optional flags and internal date and its data — a
//! literal, a binary literal (RFC 3516), the parts of CATENATE (RFC 4469), UTF8's literal
//! (RFC 6855 §4) or another extension's `append-data-ext` (RFC 4466 §2.3).
//!
//! ```
//! use imap_wire::types::command::{AppendData, AppendMessage, CommandBody};
//! use imap_wire::{Literal, Mailbox, to_vec};
//! let message = AppendMessage::new(AppendData::Literal(Literal::new(&b"Hi\r\n"[..]).unwrap()));
//! let body = CommandBody::append(Mailbox::new("Drafts").unwrap(), message);
//! assert_eq!(to_vec(&body), b"APPEND Drafts {4}\r\nHi\r\n");
//! ```

use crate::owned::IntoStatic;
use crate::types::catenate::CatPart;
use crate::types::datetime::DateTime;
use crate::types::extension::TaggedExt;
use crate::types::flag::FlagList;
use crate::types::list::NonEmptyList;
use crate::types::primitive::{Literal, Literal8};

/// `append-message = [SP flag-list] [SP date-time] SP append-data` (RFC 3502 §6.3.11 with
/// RFC 4466 §2.3's `append-data`): one message of APPEND.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AppendMessage<'a> {
    /// Flags to set on the message.
    pub flags: Option<FlagList<'a>>,
    /// The message's internal date.
    pub date: Option<DateTime>,
    /// The message.
    pub data: AppendData<'a>,
}

impl<'a> AppendMessage<'a> {
    /// A message without flags or date.
    pub fn new(data: AppendData<'a>) -> Self {
        Self {
            flags: None,
            date: None,
            data,
        }
    }

    /// The message with `flags` set.
    #[must_use]
    pub fn with_flags(self, flags: FlagList<'a>) -> Self {
        Self {
            flags: Some(flags),
            ..self
        }
    }

    /// The message with the internal date `date`.
    #[must_use]
    pub fn with_date(self, date: DateTime) -> Self {
        Self {
            date: Some(date),
            ..self
        }
    }
}

/// `append-data = literal / literal8 / append-data-ext` (RFC 4466 §2.3; `literal8` from
/// RFC 3516 BINARY), with `append-data =/ "CATENATE" SP "(" cat-part *(SP cat-part) ")"`
/// (RFC 4469 §5) and `append-data =/ utf8-literal` (RFC 6855 §4).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AppendData<'a> {
    /// The message as a literal (`{n}` or `{n+}`; no NUL).
    Literal(Literal<'a>),
    /// The message as a binary literal `~{n}` (may hold NUL).
    Literal8(Literal8<'a>),
    /// `append-data-ext = tagged-ext`: the message built by an extension this crate does not
    /// type. Its label is neither `CATENATE` nor `UTF8` in any case (those are
    /// [`AppendData::Catenate`] and [`AppendData::Utf8`]); such a value would not read back
    /// as itself.
    Ext(TaggedExt<'a>),
    /// `"CATENATE" SP "(" cat-part *(SP cat-part) ")"` (RFC 4469): the message put together
    /// from literal text and the parts of messages the server holds.
    Catenate(NonEmptyList<'a, CatPart<'a>>),
    /// `utf8-literal = "UTF8" SP "(" literal8 ")"` (RFC 6855 §4): a message whose header
    /// holds UTF-8, under UTF8=ACCEPT.
    Utf8(Literal8<'a>),
}

impl IntoStatic for AppendMessage<'_> {
    type Static = AppendMessage<'static>;

    fn into_static(self) -> AppendMessage<'static> {
        AppendMessage {
            flags: self.flags.into_static(),
            date: self.date,
            data: self.data.into_static(),
        }
    }
}

impl IntoStatic for AppendData<'_> {
    type Static = AppendData<'static>;

    fn into_static(self) -> AppendData<'static> {
        match self {
            Self::Literal(l) => AppendData::Literal(l.into_static()),
            Self::Literal8(l) => AppendData::Literal8(l.into_static()),
            Self::Ext(e) => AppendData::Ext(e.into_static()),
            Self::Catenate(parts) => AppendData::Catenate(parts.into_static()),
            Self::Utf8(l) => AppendData::Utf8(l.into_static()),
        }
    }
}
