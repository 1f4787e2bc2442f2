//! Message data of a FETCH response: `msg-att` (RFC 9051 §7.5.2, RFC 3501 §7.4.2).
//!
//! `* 12 FETCH (FLAGS (\Seen) UID 4827313 BODY[] {342} ...)` carries a list of items. Each
//! known item has a variant; an item this crate does not know (`X-GM-LABELS (...)`,
//! `MODSEQ (12)`, ...) is kept as [`MessageAttribute::Other`] with its raw value, so nothing in
//! the response is lost and it serializes back byte for byte. Under
//! [`Leniency::MALFORMED_ITEM`](crate::Leniency::MALFORMED_ITEM) an item that does not parse is
//! kept the same way, with its error, as [`MessageAttribute::Malformed`].

use alloc::borrow::Cow;
use core::fmt;
use core::num::NonZeroU32;

use crate::owned::IntoStatic;
use crate::types::body::Body;
use crate::types::datetime::DateTime;
use crate::types::envelope::Envelope;
use crate::types::fetch::{Section, SectionPart};
use crate::types::flag::FlagList;
use crate::types::primitive::{Atom, Literal8, NString, Number64};
pub use crate::types::tolerance::MalformedItem;

/// One item of a FETCH response.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MessageAttribute<'a> {
    /// `FLAGS (...)`: the message's flags (`flag-fetch`, `\Recent` included).
    Flags(FlagList<'a>),
    /// `ENVELOPE (...)`.
    Envelope(Envelope<'a>),
    /// `INTERNALDATE "..."`.
    InternalDate(DateTime),
    /// `RFC822.SIZE n`.
    Rfc822Size(Number64),
    /// `BODY (...)`: the body structure without extension data.
    Body(Body<'a>),
    /// `BODYSTRUCTURE (...)`.
    BodyStructure(Body<'a>),
    /// `BODY[section]<origin> nstring`.
    BodySection {
        /// The section.
        section: Section<'a>,
        /// Where a partial fetch started.
        origin: Option<u32>,
        /// The data, or `NIL`.
        data: NString<'a>,
    },
    /// `BINARY[part] (nstring / literal8)` (RFC 3516, RFC 9051).
    Binary {
        /// The part, if any.
        part: Option<SectionPart<'a>>,
        /// The decoded data.
        data: BinaryData<'a>,
    },
    /// `BINARY.SIZE[part] n`.
    BinarySize {
        /// The part, if any.
        part: Option<SectionPart<'a>>,
        /// The decoded size.
        size: u32,
    },
    /// `UID n`.
    Uid(NonZeroU32),
    /// `RFC822 nstring` (RFC 3501).
    Rfc822(NString<'a>),
    /// `RFC822.HEADER nstring` (RFC 3501).
    Rfc822Header(NString<'a>),
    /// `RFC822.TEXT nstring` (RFC 3501).
    Rfc822Text(NString<'a>),
    /// An item this crate does not know, with its raw value.
    Other(OtherAttribute<'a>),
    /// An item that did not parse, with its bytes and error (only under
    /// [`Leniency::MALFORMED_ITEM`](crate::Leniency::MALFORMED_ITEM), so that the other items
    /// of the response are still read).
    Malformed(MalformedItem<'a>),
}

/// The value of a `BINARY[...]` item: a string (or NIL) or a `literal8`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum BinaryData<'a> {
    /// `nstring`: data without NUL, or NIL.
    NString(NString<'a>),
    /// `literal8`: any bytes.
    Literal8(Literal8<'a>),
}

/// A FETCH item of an unknown kind: its name and its value as it stood on the wire (a
/// parenthesised list, a string, a literal, a number or an atom).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct OtherAttribute<'a> {
    pub(crate) name: Atom<'a>,
    pub(crate) value: Cow<'a, [u8]>,
}

impl<'a> OtherAttribute<'a> {
    /// The item's name.
    pub fn name(&self) -> &Atom<'a> {
        &self.name
    }

    /// The value's raw bytes.
    pub fn value(&self) -> &[u8] {
        &self.value
    }
}

impl fmt::Debug for OtherAttribute<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {:?}",
            self.name.as_str(),
            bstr::BStr::new(&self.value)
        )
    }
}

impl IntoStatic for BinaryData<'_> {
    type Static = BinaryData<'static>;

    fn into_static(self) -> BinaryData<'static> {
        match self {
            Self::NString(n) => BinaryData::NString(n.into_static()),
            Self::Literal8(l) => BinaryData::Literal8(l.into_static()),
        }
    }
}

impl IntoStatic for MessageAttribute<'_> {
    type Static = MessageAttribute<'static>;

    fn into_static(self) -> MessageAttribute<'static> {
        match self {
            Self::Flags(f) => MessageAttribute::Flags(f.into_static()),
            Self::Envelope(e) => MessageAttribute::Envelope(e.into_static()),
            Self::InternalDate(d) => MessageAttribute::InternalDate(d),
            Self::Rfc822Size(n) => MessageAttribute::Rfc822Size(n),
            Self::Body(b) => MessageAttribute::Body(b.into_static()),
            Self::BodyStructure(b) => MessageAttribute::BodyStructure(b.into_static()),
            Self::BodySection {
                section,
                origin,
                data,
            } => MessageAttribute::BodySection {
                section: section.into_static(),
                origin,
                data: data.into_static(),
            },
            Self::Binary { part, data } => MessageAttribute::Binary {
                part: part.into_static(),
                data: data.into_static(),
            },
            Self::BinarySize { part, size } => MessageAttribute::BinarySize {
                part: part.into_static(),
                size,
            },
            Self::Uid(n) => MessageAttribute::Uid(n),
            Self::Rfc822(n) => MessageAttribute::Rfc822(n.into_static()),
            Self::Rfc822Header(n) => MessageAttribute::Rfc822Header(n.into_static()),
            Self::Rfc822Text(n) => MessageAttribute::Rfc822Text(n.into_static()),
            Self::Other(o) => MessageAttribute::Other(OtherAttribute {
                name: o.name.into_static(),
                value: o.value.into_static(),
            }),
            Self::Malformed(m) => MessageAttribute::Malformed(m.into_static()),
        }
    }
}
