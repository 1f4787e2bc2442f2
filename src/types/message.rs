//! Message data of a FETCH response: `msg-att` (RFC 9051 §7.5.2, RFC 3501 §7.4.2).
//!
//! `* 12 FETCH (FLAGS (\Seen) UID 4827313 BODY[] {342} ...)` carries a list of items. Each
//! known item has a variant, those of extensions included (`MODSEQ (12)`, `EMAILID (M1)`,
//! `X-GM-LABELS (\\Inbox)`, ...); an item this crate does not know (`X-FOO (1 2)`) is kept
//! as [`MessageAttribute::Other`] with its raw value, so nothing in the response is lost and
//! it serializes back byte for byte.
//! Under [`Leniency::MALFORMED_ITEM`](crate::Leniency::MALFORMED_ITEM) an item that does not
//! parse is kept the same way, with its error, as [`MessageAttribute::Malformed`].

use alloc::borrow::Cow;
use core::fmt;
use core::num::NonZeroU32;

use crate::owned::IntoStatic;
use crate::types::body::Body;
use crate::types::datetime::DateTime;
use crate::types::envelope::Envelope;
use crate::types::fetch::{Section, SectionPart};
use crate::types::fetch_ext::GmLabel;
use crate::types::flag::FlagList;
use crate::types::list::List;
use crate::types::primitive::{Atom, Literal8, NString, Number64};
use crate::types::status::ObjectId;
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
    /// `MODSEQ (n)` (RFC 7162 §3.1.4.1): the message's mod-sequence.
    ModSeq(Number64),
    /// `EMAILID (id)` (RFC 8474 §5.1).
    EmailId(ObjectId<'a>),
    /// `THREADID (id)` or `THREADID NIL` (RFC 8474 §5.2): `None` when the server does not
    /// thread the message.
    ThreadId(Option<ObjectId<'a>>),
    /// `SAVEDATE date-time` or `SAVEDATE NIL` (RFC 8514 §4.1): `None` when the mailbox keeps
    /// no save date.
    SaveDate(Option<DateTime>),
    /// `PREVIEW nstring` (RFC 8970 §3.1): the summary, or NIL when there is none (yet).
    Preview(NString<'a>),
    /// `SNIPPET (algorithm nstring)`: Dovecot's summary, such as `SNIPPET (FUZZY "Hi")`.
    Snippet {
        /// The algorithm (Dovecot sends `FUZZY`).
        algorithm: Atom<'a>,
        /// The summary, or NIL.
        text: NString<'a>,
    },
    /// `X-GM-MSGID n` (Gmail): the 64-bit message identifier.
    GmMsgId(u64),
    /// `X-GM-THRID n` (Gmail): the 64-bit thread identifier.
    GmThrId(u64),
    /// `X-GM-LABELS (label ...)` (Gmail): the labels, maybe none.
    GmLabels(List<'a, GmLabel<'a>>),
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
            Self::ModSeq(n) => MessageAttribute::ModSeq(n),
            Self::EmailId(id) => MessageAttribute::EmailId(id.into_static()),
            Self::ThreadId(id) => MessageAttribute::ThreadId(id.into_static()),
            Self::SaveDate(d) => MessageAttribute::SaveDate(d),
            Self::Preview(t) => MessageAttribute::Preview(t.into_static()),
            Self::Snippet { algorithm, text } => MessageAttribute::Snippet {
                algorithm: algorithm.into_static(),
                text: text.into_static(),
            },
            Self::GmMsgId(n) => MessageAttribute::GmMsgId(n),
            Self::GmThrId(n) => MessageAttribute::GmThrId(n),
            Self::GmLabels(l) => MessageAttribute::GmLabels(l.into_static()),
            Self::Malformed(m) => MessageAttribute::Malformed(m.into_static()),
        }
    }
}

#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for MessageAttribute<'a> {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        let nz = |u: &mut arbitrary::Unstructured<'a>| -> arbitrary::Result<NonZeroU32> {
            Ok(NonZeroU32::new(u32::arbitrary(u)?).unwrap_or(NonZeroU32::MIN))
        };
        Ok(match u.choose_index(23)? {
            0 => Self::Flags(FlagList::arbitrary(u)?),
            1 => Self::Envelope(Envelope::arbitrary(u)?),
            2 => Self::InternalDate(DateTime::arbitrary(u)?),
            3 => Self::Rfc822Size(Number64::arbitrary(u)?),
            4 => Self::Body(Body::arbitrary(u)?),
            5 => Self::BodyStructure(Body::arbitrary(u)?),
            6 => Self::BodySection {
                section: Section::arbitrary(u)?,
                origin: Option::<u32>::arbitrary(u)?,
                data: NString::arbitrary(u)?,
            },
            7 => Self::Binary {
                part: Option::<SectionPart<'a>>::arbitrary(u)?,
                data: if bool::arbitrary(u)? {
                    BinaryData::NString(NString::arbitrary(u)?)
                } else {
                    BinaryData::Literal8(Literal8::arbitrary(u)?)
                },
            },
            8 => Self::BinarySize {
                part: Option::<SectionPart<'a>>::arbitrary(u)?,
                size: u32::arbitrary(u)?,
            },
            9 => Self::Uid(nz(u)?),
            10 => Self::Rfc822(NString::arbitrary(u)?),
            11 => Self::Rfc822Header(NString::arbitrary(u)?),
            12 => Self::Rfc822Text(NString::arbitrary(u)?),
            13 => Self::ModSeq(Number64::arbitrary(u)?),
            14 => Self::EmailId(ObjectId::arbitrary(u)?),
            15 => Self::ThreadId(Option::<ObjectId<'a>>::arbitrary(u)?),
            16 => Self::SaveDate(Option::<DateTime>::arbitrary(u)?),
            17 => Self::Preview(NString::arbitrary(u)?),
            18 => Self::Snippet {
                algorithm: Atom::arbitrary(u)?,
                text: NString::arbitrary(u)?,
            },
            19 => Self::GmMsgId(u64::arbitrary(u)?),
            20 => Self::GmThrId(u64::arbitrary(u)?),
            21 => Self::GmLabels(List::arbitrary(u)?),
            _ => {
                // An item of a name no variant has (`X...`) with a value of one of the forms
                // an unknown item may take.
                let name = crate::types::response_arbitrary::unknown_name(u)?;
                let value: alloc::vec::Vec<u8> = match u.choose_index(5)? {
                    0 => alloc::format!("{}", u32::arbitrary(u)?).into_bytes(),
                    1 => b"NIL".to_vec(),
                    2 => b"\"some text\"".to_vec(),
                    3 => alloc::format!("(a ({}) \"b\")", u8::arbitrary(u)?).into_bytes(),
                    _ => b"{3}\r\nx\ny".to_vec(),
                };
                Self::Other(OtherAttribute {
                    name,
                    value: Cow::Owned(value),
                })
            }
        })
    }
}
