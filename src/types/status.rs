//! STATUS: the attributes a client asks for and the response that answers (RFC 9051 §6.3.11,
//! §7.3.4, §9; RFC 3501 §6.3.10, §7.2.4; RFC 4466 §2.1; RFC 7162 §3.1.8 `HIGHESTMODSEQ`;
//! RFC 7889 `APPENDLIMIT`; RFC 8474 §4.2 `MAILBOXID`; RFC 9208 §4.1 `DELETED-STORAGE`).
//!
//! Attribute names match in any case and are written upper case. An attribute this crate does
//! not know is kept by its name ([`StatusAttributeExtension`]) and, in a response, with its
//! value in the generic `tagged-ext-val` syntax that RFC 4466 asks extensions to use.
//!
//! ```
//! use imap_wire::types::status::{StatusData, StatusItem};
//! use imap_wire::Parse;
//! let data = StatusData::parse(b"STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)").unwrap();
//! assert_eq!(data.mailbox.as_str(), "blurdybloop");
//! assert_eq!(data.items.to_vec()[0], StatusItem::Messages(231));
//! ```

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt;
use core::num::NonZeroU32;

use crate::error::{ValidationError, ValidationReason};
use crate::owned::IntoStatic;
use crate::types::list::{List, NonEmptyList};
use crate::types::mailbox::Mailbox;
use crate::types::primitive::{Number64, check_bytes, cow_newtype};
use crate::types::tagged_ext::{TaggedExtValue, check_label, refuse_known};

/// The attribute names with variants of their own, in the order of [`StatusAttribute`]'s
/// variants, as they are written.
pub(crate) const STATUS_NAMES: [&str; 11] = [
    "MESSAGES",
    "UIDNEXT",
    "UIDVALIDITY",
    "UNSEEN",
    "DELETED",
    "SIZE",
    "RECENT",
    "APPENDLIMIT",
    "HIGHESTMODSEQ",
    "MAILBOXID",
    "DELETED-STORAGE",
];

/// `status-att`: what a STATUS command asks about (RFC 9051 §6.3.11, with RFC 3501's `RECENT`
/// and the extensions named in the module docs).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StatusAttribute<'a> {
    /// `MESSAGES`: the number of messages.
    Messages,
    /// `UIDNEXT`: the next UID.
    UidNext,
    /// `UIDVALIDITY`: the UID validity value.
    UidValidity,
    /// `UNSEEN`: the number of messages without `\Seen`.
    Unseen,
    /// `DELETED`: the number of messages with `\Deleted`.
    Deleted,
    /// `SIZE`: the total size of the mailbox in octets.
    Size,
    /// `RECENT` (RFC 3501): the number of messages with `\Recent`.
    Recent,
    /// `APPENDLIMIT` (RFC 7889): the largest message APPEND accepts here.
    AppendLimit,
    /// `HIGHESTMODSEQ` (RFC 7162): the highest mod-sequence of the mailbox.
    HighestModSeq,
    /// `MAILBOXID` (RFC 8474): the mailbox's object identifier.
    MailboxId,
    /// `DELETED-STORAGE` (RFC 9208): the octets that expunging `\Deleted` messages would free.
    DeletedStorage,
    /// Any other attribute, by name.
    Extension(StatusAttributeExtension<'a>),
}

impl StatusAttribute<'_> {
    /// The known attribute named `name` (any case).
    pub(crate) fn known(name: &[u8]) -> Option<StatusAttribute<'static>> {
        use StatusAttribute::*;
        let k = STATUS_NAMES
            .iter()
            .position(|s| s.as_bytes().eq_ignore_ascii_case(name))?;
        [
            Messages,
            UidNext,
            UidValidity,
            Unseen,
            Deleted,
            Size,
            Recent,
            AppendLimit,
            HighestModSeq,
            MailboxId,
            DeletedStorage,
        ]
        .into_iter()
        .nth(k)
    }

    /// The name as written.
    pub fn name(&self) -> &str {
        match self {
            Self::Messages => STATUS_NAMES[0],
            Self::UidNext => STATUS_NAMES[1],
            Self::UidValidity => STATUS_NAMES[2],
            Self::Unseen => STATUS_NAMES[3],
            Self::Deleted => STATUS_NAMES[4],
            Self::Size => STATUS_NAMES[5],
            Self::Recent => STATUS_NAMES[6],
            Self::AppendLimit => STATUS_NAMES[7],
            Self::HighestModSeq => STATUS_NAMES[8],
            Self::MailboxId => STATUS_NAMES[9],
            Self::DeletedStorage => STATUS_NAMES[10],
            Self::Extension(e) => e.as_str(),
        }
    }
}

impl IntoStatic for StatusAttribute<'_> {
    type Static = StatusAttribute<'static>;

    fn into_static(self) -> StatusAttribute<'static> {
        match self {
            Self::Extension(e) => StatusAttribute::Extension(e.into_static()),
            // INVARIANT: every other variant is a known name.
            known => {
                StatusAttribute::known(known.name().as_bytes()).unwrap_or(StatusAttribute::Messages)
            }
        }
    }
}

fn check_status_extension(v: &[u8]) -> Result<(), ValidationError> {
    check_label("status-att", v)?;
    refuse_known("status-att", v, &STATUS_NAMES)
}

cow_newtype!(
    /// The name of a STATUS attribute this crate does not know: a `tagged-ext-label`
    /// (RFC 4466) that is none of the known names in any case.
    StatusAttributeExtension, str, "status-att", check_status_extension
);

/// `status-att-val`: one attribute and its value in a STATUS response.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StatusItem<'a> {
    /// `"MESSAGES" SP number`
    Messages(u32),
    /// `"UIDNEXT" SP nz-number`
    UidNext(NonZeroU32),
    /// `"UIDVALIDITY" SP nz-number`
    UidValidity(NonZeroU32),
    /// `"UNSEEN" SP number`
    Unseen(u32),
    /// `"DELETED" SP number`
    Deleted(u32),
    /// `"SIZE" SP number64`
    Size(Number64),
    /// `"RECENT" SP number` (RFC 3501)
    Recent(u32),
    /// `"APPENDLIMIT" SP (number / nil)` (RFC 7889): `None` for no limit.
    AppendLimit(Option<u32>),
    /// `"HIGHESTMODSEQ" SP mod-sequence-valzer` (RFC 7162): 0 when the mailbox keeps no
    /// mod-sequences.
    HighestModSeq(Number64),
    /// `"MAILBOXID" SP "(" objectid ")"` (RFC 8474)
    MailboxId(ObjectId<'a>),
    /// `"DELETED-STORAGE" SP number64` (RFC 9208)
    DeletedStorage(Number64),
    /// `tagged-ext-label SP tagged-ext-val`: any other attribute with its value.
    Extension(StatusAttributeExtension<'a>, TaggedExtValue<'a>),
}

impl<'a> StatusItem<'a> {
    /// The attribute this item answers.
    pub fn attribute(&self) -> StatusAttribute<'a> {
        match self {
            Self::Messages(_) => StatusAttribute::Messages,
            Self::UidNext(_) => StatusAttribute::UidNext,
            Self::UidValidity(_) => StatusAttribute::UidValidity,
            Self::Unseen(_) => StatusAttribute::Unseen,
            Self::Deleted(_) => StatusAttribute::Deleted,
            Self::Size(_) => StatusAttribute::Size,
            Self::Recent(_) => StatusAttribute::Recent,
            Self::AppendLimit(_) => StatusAttribute::AppendLimit,
            Self::HighestModSeq(_) => StatusAttribute::HighestModSeq,
            Self::MailboxId(_) => StatusAttribute::MailboxId,
            Self::DeletedStorage(_) => StatusAttribute::DeletedStorage,
            Self::Extension(name, _) => StatusAttribute::Extension(name.clone()),
        }
    }
}

impl IntoStatic for StatusItem<'_> {
    type Static = StatusItem<'static>;

    fn into_static(self) -> StatusItem<'static> {
        match self {
            Self::Messages(n) => StatusItem::Messages(n),
            Self::UidNext(n) => StatusItem::UidNext(n),
            Self::UidValidity(n) => StatusItem::UidValidity(n),
            Self::Unseen(n) => StatusItem::Unseen(n),
            Self::Deleted(n) => StatusItem::Deleted(n),
            Self::Size(n) => StatusItem::Size(n),
            Self::Recent(n) => StatusItem::Recent(n),
            Self::AppendLimit(n) => StatusItem::AppendLimit(n),
            Self::HighestModSeq(n) => StatusItem::HighestModSeq(n),
            Self::MailboxId(id) => StatusItem::MailboxId(id.into_static()),
            Self::DeletedStorage(n) => StatusItem::DeletedStorage(n),
            Self::Extension(name, v) => StatusItem::Extension(name.into_static(), v.into_static()),
        }
    }
}

fn check_objectid(v: &[u8]) -> Result<(), ValidationError> {
    check_bytes("objectid", v, false, |b| {
        b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
    })?;
    if v.len() > 255 {
        return Err(ValidationError::new(
            "objectid",
            ValidationReason::OutOfRange,
        ));
    }
    Ok(())
}

cow_newtype!(
    /// `objectid = 1*255(ALPHA / DIGIT / "_" / "-")` (RFC 8474 §7): a server-assigned
    /// identifier, compared case-sensitively.
    ///
    /// ```
    /// use imap_wire::types::status::ObjectId;
    /// assert!(ObjectId::new("F2212ea87-6097-4256-9d51-71338625").is_ok());
    /// assert!(ObjectId::new("a.b").is_err());
    /// ```
    ObjectId, str, "objectid", check_objectid
);

/// The STATUS response, everything after `* `:
/// `"STATUS" SP mailbox SP "(" [status-att-list] ")"`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StatusData<'a> {
    /// The mailbox.
    pub mailbox: Mailbox<'a>,
    /// The attributes and their values, in the order written.
    pub items: List<'a, StatusItem<'a>>,
}

impl<'a> StatusData<'a> {
    /// The first item that answers `attribute`.
    pub fn get(&self, attribute: &StatusAttribute<'_>) -> Option<StatusItem<'a>> {
        self.items.iter().find(|item| {
            item.attribute()
                .name()
                .eq_ignore_ascii_case(attribute.name())
        })
    }
}

impl IntoStatic for StatusData<'_> {
    type Static = StatusData<'static>;

    fn into_static(self) -> StatusData<'static> {
        StatusData {
            mailbox: self.mailbox.into_static(),
            items: self.items.into_static(),
        }
    }
}

/// The arguments of STATUS, everything after `"STATUS" SP`:
/// `mailbox SP "(" status-att *(SP status-att) ")"`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StatusArguments<'a> {
    /// The mailbox.
    pub mailbox: Mailbox<'a>,
    /// The attributes asked for (at least one).
    pub attributes: NonEmptyList<'a, StatusAttribute<'a>>,
}

impl IntoStatic for StatusArguments<'_> {
    type Static = StatusArguments<'static>;

    fn into_static(self) -> StatusArguments<'static> {
        StatusArguments {
            mailbox: self.mailbox.into_static(),
            attributes: self.attributes.into_static(),
        }
    }
}

/// Generated values are valid: names avoid the known ones and numbers stay in range.
#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use alloc::borrow::Cow;
    use alloc::string::String;

    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::{
        ObjectId, STATUS_NAMES, StatusArguments, StatusAttribute, StatusAttributeExtension,
        StatusData, StatusItem,
    };
    use crate::types::primitive::Number64;
    use crate::types::tagged_ext::label_text;

    fn number64(u: &mut Unstructured<'_>) -> Result<Number64> {
        Number64::new(u.int_in_range(0..=i64::MAX as u64)?)
            .map_err(|_| arbitrary::Error::IncorrectFormat)
    }

    impl<'a> Arbitrary<'a> for StatusAttributeExtension<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let mut s = label_text(u)?;
            if STATUS_NAMES.iter().any(|k| k.eq_ignore_ascii_case(&s)) {
                s.push('X');
            }
            Ok(Self(Cow::Owned(s)))
        }
    }

    impl<'a> Arbitrary<'a> for StatusAttribute<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let k = u.int_in_range(0..=STATUS_NAMES.len())?;
            match STATUS_NAMES
                .get(k)
                .and_then(|n| StatusAttribute::known(n.as_bytes()))
            {
                Some(known) => Ok(known),
                None => Ok(Self::Extension(Arbitrary::arbitrary(u)?)),
            }
        }
    }

    impl<'a> Arbitrary<'a> for ObjectId<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            const CHARS: &[u8] = b"AZaz09_-";
            let mut s = String::new();
            for _ in 0..u.int_in_range(1..=40)? {
                s.push(char::from(*u.choose(CHARS)?));
            }
            Ok(Self(Cow::Owned(s)))
        }
    }

    impl<'a> Arbitrary<'a> for StatusItem<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(match u.int_in_range(0..=11)? {
                0 => Self::Messages(u32::arbitrary(u)?),
                1 => Self::UidNext(Arbitrary::arbitrary(u)?),
                2 => Self::UidValidity(Arbitrary::arbitrary(u)?),
                3 => Self::Unseen(u32::arbitrary(u)?),
                4 => Self::Deleted(u32::arbitrary(u)?),
                5 => Self::Size(number64(u)?),
                6 => Self::Recent(u32::arbitrary(u)?),
                7 => Self::AppendLimit(Arbitrary::arbitrary(u)?),
                8 => Self::HighestModSeq(number64(u)?),
                9 => Self::MailboxId(Arbitrary::arbitrary(u)?),
                10 => Self::DeletedStorage(number64(u)?),
                _ => Self::Extension(Arbitrary::arbitrary(u)?, Arbitrary::arbitrary(u)?),
            })
        }
    }

    impl<'a> Arbitrary<'a> for StatusData<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                mailbox: Arbitrary::arbitrary(u)?,
                items: Arbitrary::arbitrary(u)?,
            })
        }
    }

    impl<'a> Arbitrary<'a> for StatusArguments<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                mailbox: Arbitrary::arbitrary(u)?,
                attributes: Arbitrary::arbitrary(u)?,
            })
        }
    }
}
