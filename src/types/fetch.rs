//! What a FETCH command asks for: the `fetch` arguments after the sequence set, `fetch-att`,
//! body sections and partial ranges (RFC 9051 §6.4.5, §9; RFC 3501 §6.4.5, §9; RFC 3516).
//!
//! [`FetchItems`] is the argument: a macro (`ALL`, `FAST`, `FULL`), one attribute, or a
//! parenthesised list of attributes. One attribute and a list of one are different values,
//! because they are written differently.
//!
//! [`Section`] (`section`), [`SectionPart`] (`section-part`) and [`SectionText`] describe a
//! part of a message. They are shared with the FETCH response (`BODY[section]`,
//! `BINARY[section-part]`), which names the same parts.
//!
//! ```
//! use imap_wire::{FetchAttribute, FetchItems, Parse, Section, to_vec};
//! let items = FetchItems::parse(b"(flags body.peek[1.2.mime]<0.100>)").unwrap();
//! let FetchItems::Attributes(list) = &items else { panic!() };
//! assert_eq!(list.to_vec()[0], FetchAttribute::Flags);
//! assert_eq!(to_vec(&items), b"(FLAGS BODY.PEEK[1.2.MIME]<0.100>)");
//! ```

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::fmt::Write as _;
use core::num::NonZeroU32;

use crate::error::{ValidationError, ValidationReason};
use crate::owned::{IntoStatic, static_types};
use crate::types::fetch_ext::SnippetOption;
use crate::types::list::NonEmptyList;
use crate::types::primitive::{AString, Number64, NzNumber64, cow_newtype};

/// The argument of FETCH after the sequence set: `"ALL" / "FULL" / "FAST" / fetch-att /
/// "(" fetch-att *(SP fetch-att) ")"` (RFC 9051 §9, RFC 3501 §9).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FetchItems<'a> {
    /// `ALL`: `(FLAGS INTERNALDATE RFC822.SIZE ENVELOPE)`.
    All,
    /// `FAST`: `(FLAGS INTERNALDATE RFC822.SIZE)`.
    Fast,
    /// `FULL`: `(FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODY)`.
    Full,
    /// One attribute, without parentheses.
    Attribute(FetchAttribute<'a>),
    /// A parenthesised list of attributes (possibly of one).
    Attributes(NonEmptyList<'a, FetchAttribute<'a>>),
}

impl<'a> FetchItems<'a> {
    /// The attributes asked for, with the macros expanded as RFC 9051 §6.4.5 defines them.
    pub fn expand(&self) -> Vec<FetchAttribute<'a>> {
        use FetchAttribute::{Body, Envelope, Flags, InternalDate, Rfc822Size};
        match self {
            Self::All => alloc::vec![Flags, InternalDate, Rfc822Size, Envelope],
            Self::Fast => alloc::vec![Flags, InternalDate, Rfc822Size],
            Self::Full => alloc::vec![Flags, InternalDate, Rfc822Size, Envelope, Body],
            Self::Attribute(a) => alloc::vec![a.clone()],
            Self::Attributes(list) => list.to_vec(),
        }
    }
}

impl<'a> From<FetchAttribute<'a>> for FetchItems<'a> {
    fn from(a: FetchAttribute<'a>) -> Self {
        Self::Attribute(a)
    }
}

impl IntoStatic for FetchItems<'_> {
    type Static = FetchItems<'static>;

    fn into_static(self) -> FetchItems<'static> {
        match self {
            Self::All => FetchItems::All,
            Self::Fast => FetchItems::Fast,
            Self::Full => FetchItems::Full,
            Self::Attribute(a) => FetchItems::Attribute(a.into_static()),
            Self::Attributes(list) => FetchItems::Attributes(list.into_static()),
        }
    }
}

/// `fetch-att` (RFC 9051 §9, with RFC 3501's `RFC822`, `RFC822.HEADER` and `RFC822.TEXT`):
/// one data item a FETCH asks for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FetchAttribute<'a> {
    /// `ENVELOPE`: the parsed header.
    Envelope,
    /// `FLAGS`: the flags.
    Flags,
    /// `INTERNALDATE`: the date the server received the message.
    InternalDate,
    /// `RFC822`: the whole message, as `BODY[]` (RFC 3501 only).
    Rfc822,
    /// `RFC822.HEADER`: the header, as `BODY.PEEK[HEADER]` (RFC 3501 only).
    Rfc822Header,
    /// `RFC822.SIZE`: the size in octets.
    Rfc822Size,
    /// `RFC822.TEXT`: the body, as `BODY[TEXT]` (RFC 3501 only).
    Rfc822Text,
    /// `BODY`: the body structure without extension data.
    Body,
    /// `BODYSTRUCTURE`: the body structure with extension data.
    BodyStructure,
    /// `UID`: the unique identifier.
    Uid,
    /// `"BODY" section [partial]` or `"BODY.PEEK" section [partial]`: the text of a section;
    /// `BODY` sets `\Seen`, `BODY.PEEK` does not.
    BodySection {
        /// Whether this is `BODY.PEEK`.
        peek: bool,
        /// The section.
        section: Section<'a>,
        /// The octets wanted, if not all.
        partial: Option<Partial>,
    },
    /// `"BINARY" [".PEEK"] section-binary [partial]` (RFC 3516, RFC 9051): a section with its
    /// content transfer encoding removed.
    Binary {
        /// Whether this is `BINARY.PEEK`.
        peek: bool,
        /// `section-binary = "[" [section-part] "]"`; `None` for `[]`.
        section: Option<SectionPart<'a>>,
        /// The octets wanted, if not all.
        partial: Option<Partial>,
    },
    /// `"BINARY.SIZE" section-binary`: the decoded size of a section.
    BinarySize {
        /// `section-binary = "[" [section-part] "]"`; `None` for `[]`.
        section: Option<SectionPart<'a>>,
    },
    /// `MODSEQ` (RFC 7162 §3.1.4.1): the message's mod-sequence.
    ModSeq,
    /// `EMAILID` (RFC 8474 §5.1): the message's unique identifier across mailboxes.
    EmailId,
    /// `THREADID` (RFC 8474 §5.2): the identifier of the message's thread.
    ThreadId,
    /// `SAVEDATE` (RFC 8514 §4.1): when the message was saved to this mailbox.
    SaveDate,
    /// `"PREVIEW" [SP "(" "LAZY" ")"]` (RFC 8970 §3.1): a short text summary; `LAZY` asks
    /// only for one the server has at hand.
    Preview {
        /// Whether `(LAZY)` follows.
        lazy: bool,
    },
    /// `"SNIPPET" [SP "(" option ")"]`: Dovecot's text summary, the forerunner of `PREVIEW`.
    Snippet(Option<SnippetOption>),
    /// `X-GM-MSGID` (Gmail X-GM-EXT-1): Gmail's 64-bit message identifier.
    GmMsgId,
    /// `X-GM-THRID` (Gmail X-GM-EXT-1): Gmail's 64-bit thread identifier.
    GmThrId,
    /// `X-GM-LABELS` (Gmail X-GM-EXT-1): the message's Gmail labels.
    GmLabels,
}

impl IntoStatic for FetchAttribute<'_> {
    type Static = FetchAttribute<'static>;

    fn into_static(self) -> FetchAttribute<'static> {
        use FetchAttribute as A;
        match self {
            Self::Envelope => A::Envelope,
            Self::Flags => A::Flags,
            Self::InternalDate => A::InternalDate,
            Self::Rfc822 => A::Rfc822,
            Self::Rfc822Header => A::Rfc822Header,
            Self::Rfc822Size => A::Rfc822Size,
            Self::Rfc822Text => A::Rfc822Text,
            Self::Body => A::Body,
            Self::BodyStructure => A::BodyStructure,
            Self::Uid => A::Uid,
            Self::BodySection {
                peek,
                section,
                partial,
            } => A::BodySection {
                peek,
                section: section.into_static(),
                partial,
            },
            Self::Binary {
                peek,
                section,
                partial,
            } => A::Binary {
                peek,
                section: section.into_static(),
                partial,
            },
            Self::BinarySize { section } => A::BinarySize {
                section: section.into_static(),
            },
            Self::ModSeq => A::ModSeq,
            Self::EmailId => A::EmailId,
            Self::ThreadId => A::ThreadId,
            Self::SaveDate => A::SaveDate,
            Self::Preview { lazy } => A::Preview { lazy },
            Self::Snippet(o) => A::Snippet(o),
            Self::GmMsgId => A::GmMsgId,
            Self::GmThrId => A::GmThrId,
            Self::GmLabels => A::GmLabels,
        }
    }
}

/// `section = "[" [section-spec] "]"` with `section-spec = section-msgtext / (section-part
/// ["." section-text])` (RFC 9051 §9, RFC 3501 §9): which part of a message.
///
/// A part number path, a text specifier, both, or neither (`[]`, the whole message). `MIME`
/// needs a part path; the constructor refuses it without one. The same type names the
/// section in a FETCH response's `BODY[section]`.
///
/// ```
/// use imap_wire::{Section, SectionPart, SectionText, to_vec};
/// let mime = Section::new(Some(SectionPart::new("1.2").unwrap()), Some(SectionText::Mime));
/// assert_eq!(to_vec(&mime.unwrap()), b"[1.2.MIME]");
/// assert!(Section::new(None, Some(SectionText::Mime)).is_err());
/// assert_eq!(to_vec(&Section::ENTIRE), b"[]");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Section<'a> {
    pub(crate) part: Option<SectionPart<'a>>,
    pub(crate) text: Option<SectionText<'a>>,
}

impl<'a> Section<'a> {
    /// `[]`: the whole message, header included.
    pub const ENTIRE: Section<'static> = Section {
        part: None,
        text: None,
    };

    /// `[HEADER]`: the message's header.
    pub const HEADER: Section<'static> = Section {
        part: None,
        text: Some(SectionText::Header),
    };

    /// `[TEXT]`: the message's body, without the header.
    pub const TEXT: Section<'static> = Section {
        part: None,
        text: Some(SectionText::Text),
    };

    /// The section of `part` (the top level when `None`) and `text`.
    ///
    /// # Errors
    /// [`ValidationReason::Invalid`] for [`SectionText::Mime`] without a part.
    pub fn new(
        part: Option<SectionPart<'a>>,
        text: Option<SectionText<'a>>,
    ) -> Result<Self, ValidationError> {
        if part.is_none() && text == Some(SectionText::Mime) {
            return Err(ValidationError::new("section", ValidationReason::Invalid));
        }
        Ok(Self { part, text })
    }

    /// The section of a body part: `[1.2]`.
    pub fn part(part: SectionPart<'a>) -> Self {
        Self {
            part: Some(part),
            text: None,
        }
    }

    /// The part number path; `None` for the top level.
    pub fn part_path(&self) -> Option<&SectionPart<'a>> {
        self.part.as_ref()
    }

    /// The text specifier after the path, if any.
    pub fn text(&self) -> Option<&SectionText<'a>> {
        self.text.as_ref()
    }
}

impl IntoStatic for Section<'_> {
    type Static = Section<'static>;

    fn into_static(self) -> Section<'static> {
        Section {
            part: self.part.into_static(),
            text: self.text.into_static(),
        }
    }
}

/// `section-text = section-msgtext / "MIME"` with `section-msgtext = "HEADER" /
/// "HEADER.FIELDS" [".NOT"] SP header-list / "TEXT"` (RFC 9051 §9, RFC 3501 §9).
///
/// `header-list = "(" header-fld-name *(SP header-fld-name) ")"` with `header-fld-name =
/// astring`; field names keep their case (servers compare them without it).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SectionText<'a> {
    /// `HEADER`: the header.
    Header,
    /// `HEADER.FIELDS (names)`: the named header fields.
    HeaderFields(NonEmptyList<'a, AString<'a>>),
    /// `HEADER.FIELDS.NOT (names)`: every header field but the named ones.
    HeaderFieldsNot(NonEmptyList<'a, AString<'a>>),
    /// `TEXT`: the body, without the header.
    Text,
    /// `MIME`: the MIME header of a body part (only after a part path).
    Mime,
}

impl IntoStatic for SectionText<'_> {
    type Static = SectionText<'static>;

    fn into_static(self) -> SectionText<'static> {
        match self {
            Self::Header => SectionText::Header,
            Self::HeaderFields(l) => SectionText::HeaderFields(l.into_static()),
            Self::HeaderFieldsNot(l) => SectionText::HeaderFieldsNot(l.into_static()),
            Self::Text => SectionText::Text,
            Self::Mime => SectionText::Mime,
        }
    }
}

/// `section-part = nz-number *("." nz-number)`: the checked text itself.
pub(crate) fn check_section_part(v: &[u8]) -> Result<(), ValidationError> {
    let item = "section-part";
    if v.is_empty() {
        return Err(ValidationError::new(item, ValidationReason::Empty));
    }
    let mut start = 0;
    for field in v.split(|&b| b == b'.') {
        let bad = |at: usize| match v.get(at) {
            Some(&byte) => {
                ValidationError::new(item, ValidationReason::ByteNotAllowed { index: at, byte })
            }
            None => ValidationError::new(item, ValidationReason::Invalid),
        };
        if field.first().is_none_or(|&b| b == b'0') {
            return Err(bad(start));
        }
        if let Some(k) = field.iter().position(|b| !b.is_ascii_digit()) {
            return Err(bad(start + k));
        }
        if parse_u32(field).is_none() {
            return Err(ValidationError::new(item, ValidationReason::OutOfRange));
        }
        start += field.len() + 1;
    }
    Ok(())
}

/// Digits as a `u32`, if they fit.
fn parse_u32(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |n, &d| {
        n.checked_mul(10)?
            .checked_add(u32::from(d.wrapping_sub(b'0')))
    })
}

cow_newtype!(
    /// `section-part = nz-number *("." nz-number)`: the path to a body part, such as `4.2.1`
    /// (RFC 9051 §9, RFC 3501 §9).
    ///
    /// It holds the path as written, which is its only form (an `nz-number` has no leading
    /// zero), and borrows it from the input when parsed; [`SectionPart::iter`] reads the
    /// numbers from that text, so no path costs an allocation.
    ///
    /// ```
    /// use imap_wire::SectionPart;
    /// let path = SectionPart::from_numbers(&[4, 2, 1]).unwrap();
    /// assert_eq!(path.as_str(), "4.2.1");
    /// assert_eq!(path.iter().map(|n| n.get()).collect::<Vec<_>>(), [4, 2, 1]);
    /// assert!(SectionPart::new("1.0").is_err());
    /// ```
    SectionPart, str, "section-part", check_section_part
);

impl SectionPart<'_> {
    /// The path of `numbers`.
    ///
    /// # Errors
    /// [`ValidationReason::Empty`] for no numbers, [`ValidationReason::OutOfRange`] for 0.
    pub fn from_numbers(numbers: &[u32]) -> Result<SectionPart<'static>, ValidationError> {
        if numbers.is_empty() {
            return Err(ValidationError::new(
                "section-part",
                ValidationReason::Empty,
            ));
        }
        let mut s = String::new();
        for (k, &n) in numbers.iter().enumerate() {
            if n == 0 {
                return Err(ValidationError::new(
                    "section-part",
                    ValidationReason::OutOfRange,
                ));
            }
            if k > 0 {
                s.push('.');
            }
            // Writing to a `String` cannot fail.
            let _ = write!(s, "{n}");
        }
        Ok(SectionPart(Cow::Owned(s)))
    }

    /// The part numbers, outermost first.
    pub fn iter(&self) -> impl Iterator<Item = NonZeroU32> + '_ {
        // INVARIANT: the text is checked to be dot-separated nz-numbers that fit a u32.
        self.0
            .as_bytes()
            .split(|&b| b == b'.')
            .filter_map(|d| parse_u32(d).and_then(NonZeroU32::new))
    }

    /// Number of part numbers (at least 1).
    pub fn len(&self) -> usize {
        self.0.bytes().filter(|&b| b == b'.').count() + 1
    }

    /// Always `false`: a path has at least one number.
    pub fn is_empty(&self) -> bool {
        false
    }
}

/// `partial = "<" number64 "." nz-number64 ">"` (RFC 9051 §9; RFC 3501 has the 32-bit
/// `"<" number "." nz-number ">"`): a range of octets, from a 0-based offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Partial {
    /// The first octet wanted, from 0.
    pub offset: Number64,
    /// How many octets, at most.
    pub length: NzNumber64,
}

static_types!(Partial);

#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use alloc::borrow::Cow;
    use alloc::vec::Vec;

    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::{FetchAttribute, FetchItems, Partial, Section, SectionPart, SectionText};
    use crate::types::list::{List, NonEmptyList};
    use crate::types::primitive::{AString, Number64, NzNumber64};
    use crate::types::search::arbitrary_astring;

    impl<'a> Arbitrary<'a> for Partial {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let offset = Number64(u.int_in_range(0..=Number64::MAX.get())?);
            let length = NzNumber64::new(u.int_in_range(1..=Number64::MAX.get())?)
                .map_err(|_| arbitrary::Error::IncorrectFormat)?;
            Ok(Self { offset, length })
        }
    }

    impl<'a> Arbitrary<'a> for SectionPart<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let n = u.int_in_range(1..=5)?;
            let numbers = (0..n)
                .map(|_| {
                    if bool::arbitrary(u)? {
                        u.int_in_range(1..=9)
                    } else {
                        u.int_in_range(1..=u32::MAX)
                    }
                })
                .collect::<Result<Vec<u32>>>()?;
            SectionPart::from_numbers(&numbers).map_err(|_| arbitrary::Error::IncorrectFormat)
        }
    }

    fn header_list<'a>(u: &mut Unstructured<'a>) -> Result<NonEmptyList<'a, AString<'a>>> {
        let n = u.int_in_range(1..=4)?;
        let v = (0..n)
            .map(|_| arbitrary_astring(u))
            .collect::<Result<Vec<_>>>()?;
        NonEmptyList::new(List::from(v)).map_err(|_| arbitrary::Error::IncorrectFormat)
    }

    impl<'a> Arbitrary<'a> for SectionText<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(match u.int_in_range(0..=4)? {
                0 => Self::Header,
                1 => Self::HeaderFields(header_list(u)?),
                2 => Self::HeaderFieldsNot(header_list(u)?),
                3 => Self::Text,
                _ => Self::Mime,
            })
        }
    }

    impl<'a> Arbitrary<'a> for Section<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let mut part = Option::<SectionPart<'a>>::arbitrary(u)?;
            let text = Option::<SectionText<'a>>::arbitrary(u)?;
            if part.is_none() && text == Some(SectionText::Mime) {
                part = Some(SectionPart(Cow::Borrowed("1")));
            }
            Ok(Self { part, text })
        }
    }

    impl<'a> Arbitrary<'a> for FetchAttribute<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            use FetchAttribute as A;
            Ok(match u.int_in_range(0..=21)? {
                0 => A::Envelope,
                1 => A::Flags,
                2 => A::InternalDate,
                3 => A::Rfc822,
                4 => A::Rfc822Header,
                5 => A::Rfc822Size,
                6 => A::Rfc822Text,
                7 => A::Body,
                8 => A::BodyStructure,
                9 => A::Uid,
                10 => A::BodySection {
                    peek: bool::arbitrary(u)?,
                    section: Section::arbitrary(u)?,
                    partial: Option::<Partial>::arbitrary(u)?,
                },
                11 => A::Binary {
                    peek: bool::arbitrary(u)?,
                    section: Option::<SectionPart<'a>>::arbitrary(u)?,
                    partial: Option::<Partial>::arbitrary(u)?,
                },
                12 => A::BinarySize {
                    section: Option::<SectionPart<'a>>::arbitrary(u)?,
                },
                13 => A::ModSeq,
                14 => A::EmailId,
                15 => A::ThreadId,
                16 => A::SaveDate,
                17 => A::Preview {
                    lazy: bool::arbitrary(u)?,
                },
                18 => A::Snippet(Option::arbitrary(u)?),
                19 => A::GmMsgId,
                20 => A::GmThrId,
                _ => A::GmLabels,
            })
        }
    }

    impl<'a> Arbitrary<'a> for FetchItems<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(match u.int_in_range(0..=4)? {
                0 => Self::All,
                1 => Self::Fast,
                2 => Self::Full,
                3 => Self::Attribute(FetchAttribute::arbitrary(u)?),
                _ => {
                    let n = u.int_in_range(1..=5)?;
                    let v = (0..n)
                        .map(|_| FetchAttribute::arbitrary(u))
                        .collect::<Result<Vec<_>>>()?;
                    Self::Attributes(
                        NonEmptyList::new(List::from(v))
                            .map_err(|_| arbitrary::Error::IncorrectFormat)?,
                    )
                }
            })
        }
    }
}
