//! Search keys that extensions add to `search-key`: CONDSTORE's `MODSEQ` (RFC 7162 §3.1.5),
//! OBJECTID's `EMAILID` and `THREADID` (RFC 8474 §6), SAVEDATE's `SAVEDBEFORE`, `SAVEDON`,
//! `SAVEDSINCE` and `SAVEDATESUPPORTED` (RFC 8514 §4.2), WITHIN's `OLDER` and `YOUNGER` (RFC
//! 5032) and Gmail's `X-GM-RAW`, `X-GM-MSGID`, `X-GM-THRID` and `X-GM-LABELS`.
//!
//! They are one variant of [`SearchKey`](crate::SearchKey), `SearchKey::Ext`, so the base
//! grammar's keys stay apart from the extensions'.
//!
//! ```
//! use imap_wire::types::search_ext::{EntryType, SearchKeyExt};
//! use imap_wire::{Parse, SearchKey, to_vec};
//! let key = SearchKey::parse(br#"MODSEQ "/flags/\\draft" all 620162338"#).unwrap();
//! let SearchKey::Ext(SearchKeyExt::ModSeq { entry: Some(entry), value }) = &key else {
//!     panic!()
//! };
//! assert_eq!(entry.flag(), r"\draft");
//! assert_eq!((entry.entry_type(), value.get()), (EntryType::All, 620162338));
//! assert_eq!(to_vec(&key), br#"MODSEQ "/flags/\\draft" all 620162338"#);
//! ```

use alloc::borrow::Cow;
use core::num::NonZeroU32;

use crate::error::{ValidationError, ValidationReason};
use crate::owned::{IntoStatic, static_types};
use crate::types::datetime::Date;
use crate::types::fetch_ext::GmLabel;
use crate::types::primitive::{AString, Number64};
use crate::types::status::ObjectId;

/// A search key of an extension.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SearchKeyExt<'a> {
    /// `"MODSEQ" [SP entry-name SP entry-type-req] SP mod-sequence-valzer` (RFC 7162 §3.1.5):
    /// messages whose mod-sequence (of the one flag, when named) is at least the value.
    ModSeq {
        /// The flag whose mod-sequence counts, if named.
        entry: Option<ModSeqEntry<'a>>,
        /// The mod-sequence.
        value: Number64,
    },
    /// `"EMAILID" SP objectid` (RFC 8474 §6).
    EmailId(ObjectId<'a>),
    /// `"THREADID" SP objectid` (RFC 8474 §6).
    ThreadId(ObjectId<'a>),
    /// `"SAVEDBEFORE" SP date` (RFC 8514 §4.2): saved before the date.
    SavedBefore(Date),
    /// `"SAVEDON" SP date`: saved on the date.
    SavedOn(Date),
    /// `"SAVEDSINCE" SP date`: saved on or after the date.
    SavedSince(Date),
    /// `"SAVEDATESUPPORTED"`: every message, if the mailbox keeps save dates.
    SaveDateSupported,
    /// `"OLDER" SP nz-number` (RFC 5032): internal date at least that many seconds ago.
    Older(NonZeroU32),
    /// `"YOUNGER" SP nz-number` (RFC 5032): internal date at most that many seconds ago.
    Younger(NonZeroU32),
    /// `"X-GM-RAW" SP astring` (Gmail): a query in Gmail's own search syntax.
    GmRaw(AString<'a>),
    /// `"X-GM-MSGID" SP number` (Gmail): the message with that 64-bit identifier.
    GmMsgId(u64),
    /// `"X-GM-THRID" SP number` (Gmail): the messages of that 64-bit thread.
    GmThrId(u64),
    /// `"X-GM-LABELS" SP label` (Gmail): the messages with that label.
    GmLabels(GmLabel<'a>),
}

impl SearchKeyExt<'_> {
    /// The keyword that starts the key, in upper case.
    pub fn keyword(&self) -> &'static str {
        match self {
            Self::ModSeq { .. } => "MODSEQ",
            Self::EmailId(_) => "EMAILID",
            Self::ThreadId(_) => "THREADID",
            Self::SavedBefore(_) => "SAVEDBEFORE",
            Self::SavedOn(_) => "SAVEDON",
            Self::SavedSince(_) => "SAVEDSINCE",
            Self::SaveDateSupported => "SAVEDATESUPPORTED",
            Self::Older(_) => "OLDER",
            Self::Younger(_) => "YOUNGER",
            Self::GmRaw(_) => "X-GM-RAW",
            Self::GmMsgId(_) => "X-GM-MSGID",
            Self::GmThrId(_) => "X-GM-THRID",
            Self::GmLabels(_) => "X-GM-LABELS",
        }
    }
}

impl IntoStatic for SearchKeyExt<'_> {
    type Static = SearchKeyExt<'static>;

    fn into_static(self) -> SearchKeyExt<'static> {
        use SearchKeyExt as K;
        match self {
            Self::ModSeq { entry, value } => K::ModSeq {
                entry: entry.into_static(),
                value,
            },
            Self::EmailId(id) => K::EmailId(id.into_static()),
            Self::ThreadId(id) => K::ThreadId(id.into_static()),
            Self::SavedBefore(d) => K::SavedBefore(d),
            Self::SavedOn(d) => K::SavedOn(d),
            Self::SavedSince(d) => K::SavedSince(d),
            Self::SaveDateSupported => K::SaveDateSupported,
            Self::Older(n) => K::Older(n),
            Self::Younger(n) => K::Younger(n),
            Self::GmRaw(s) => K::GmRaw(s.into_static()),
            Self::GmMsgId(n) => K::GmMsgId(n),
            Self::GmThrId(n) => K::GmThrId(n),
            Self::GmLabels(l) => K::GmLabels(l.into_static()),
        }
    }
}

/// `entry-type-req = entry-type-resp / "all"` with `entry-type-resp = "priv" / "shared"`
/// (RFC 7162 §7): which metadata of the flag a `MODSEQ` key searches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntryType {
    /// `priv`: the private mod-sequence.
    Priv,
    /// `shared`: the shared mod-sequence.
    Shared,
    /// `all`: either.
    All,
}

impl EntryType {
    /// The type as written (the RFC writes it in lower case).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Priv => "priv",
            Self::Shared => "shared",
            Self::All => "all",
        }
    }
}

static_types!(EntryType);

/// Checks `attr-flag = "\\" atom / atom` (RFC 7162 §7, `\Recent` included in the form).
pub(crate) fn check_attr_flag(v: &[u8]) -> Result<(), ValidationError> {
    let name = v.strip_prefix(b"\\").unwrap_or(v);
    if name.is_empty() {
        return Err(ValidationError::new("attr-flag", ValidationReason::Empty));
    }
    if let Some(k) = name.iter().position(|&b| !crate::chars::is_atom_char(b)) {
        let index = k + v.len() - name.len();
        return Err(ValidationError::new(
            "attr-flag",
            ValidationReason::ByteNotAllowed {
                index,
                byte: v[index],
            },
        ));
    }
    Ok(())
}

/// `entry-name SP entry-type-req` of a `MODSEQ` key, with `entry-name = DQUOTE "/flags/"
/// attr-flag DQUOTE` (RFC 7162 §7): the flag whose mod-sequence is searched.
///
/// The flag is held as written (`\draft`, `$mdnsent`); servers compare it without case.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ModSeqEntry<'a> {
    pub(crate) flag: Cow<'a, str>,
    pub(crate) entry_type: EntryType,
}

impl<'a> ModSeqEntry<'a> {
    /// The entry of `flag` (`\Seen`, `$MDNSent`) and `entry_type`.
    ///
    /// # Errors
    /// A [`ValidationError`] when `flag` is not `"\" atom` or `atom`.
    pub fn new(
        flag: impl Into<Cow<'a, str>>,
        entry_type: EntryType,
    ) -> Result<Self, ValidationError> {
        let flag = flag.into();
        check_attr_flag(flag.as_bytes())?;
        Ok(Self { flag, entry_type })
    }

    /// The flag, without the `/flags/` prefix.
    pub fn flag(&self) -> &str {
        &self.flag
    }

    /// Which metadata is searched.
    pub fn entry_type(&self) -> EntryType {
        self.entry_type
    }
}

impl IntoStatic for ModSeqEntry<'_> {
    type Static = ModSeqEntry<'static>;

    fn into_static(self) -> ModSeqEntry<'static> {
        ModSeqEntry {
            flag: self.flag.into_static(),
            entry_type: self.entry_type,
        }
    }
}

/// `partial-range = partial-range-first / partial-range-last` with `partial-range-first =
/// nz-number ":" nz-number` and `partial-range-last = MINUS nz-number ":" MINUS nz-number`
/// (RFC 9394 §4): which slice of the results a `PARTIAL` search return option or FETCH
/// modifier asks for, counted from the first result or (negative) from the last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartialRange {
    /// `a:b`: the results from the `a`-th to the `b`-th, counting from 1.
    First(NonZeroU32, NonZeroU32),
    /// `-a:-b`: the results from the `a`-th last to the `b`-th last.
    Last(NonZeroU32, NonZeroU32),
}

static_types!(PartialRange);

/// Generated keys are valid: flags are drawn from atom characters, labels and strings from
/// the generators of their types.
#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use alloc::borrow::Cow;
    use alloc::string::String;
    use alloc::vec::Vec;
    use core::num::NonZeroU32;

    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::{EntryType, ModSeqEntry, SearchKeyExt};
    use crate::types::datetime::Date;
    use crate::types::fetch_ext::GmLabel;
    use crate::types::primitive::Number64;
    use crate::types::search::arbitrary_astring;
    use crate::types::status::ObjectId;

    impl<'a> Arbitrary<'a> for super::PartialRange {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let (a, b) = (nz(u)?, nz(u)?);
            Ok(if u.arbitrary()? {
                Self::First(a, b)
            } else {
                Self::Last(a, b)
            })
        }
    }

    impl<'a> Arbitrary<'a> for EntryType {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(*u.choose(&[Self::Priv, Self::Shared, Self::All])?)
        }
    }

    impl<'a> Arbitrary<'a> for ModSeqEntry<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let alphabet: Vec<u8> = (0u8..0x80)
                .filter(|&b| crate::chars::is_atom_char(b))
                .collect();
            let mut flag = String::new();
            if u.arbitrary()? {
                flag.push('\\');
            }
            for _ in 0..u.int_in_range(1..=8)? {
                flag.push(char::from(*u.choose(&alphabet)?));
            }
            Ok(Self {
                flag: Cow::Owned(flag),
                entry_type: EntryType::arbitrary(u)?,
            })
        }
    }

    fn nz(u: &mut Unstructured<'_>) -> Result<NonZeroU32> {
        NonZeroU32::new(u.int_in_range(1..=u32::MAX)?).ok_or(arbitrary::Error::IncorrectFormat)
    }

    impl<'a> Arbitrary<'a> for SearchKeyExt<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            use SearchKeyExt as K;
            Ok(match u.int_in_range(0..=12)? {
                0 => K::ModSeq {
                    entry: Option::<ModSeqEntry<'a>>::arbitrary(u)?,
                    value: Number64::arbitrary(u)?,
                },
                1 => K::EmailId(ObjectId::arbitrary(u)?),
                2 => K::ThreadId(ObjectId::arbitrary(u)?),
                3 => K::SavedBefore(Date::arbitrary(u)?),
                4 => K::SavedOn(Date::arbitrary(u)?),
                5 => K::SavedSince(Date::arbitrary(u)?),
                6 => K::SaveDateSupported,
                7 => K::Older(nz(u)?),
                8 => K::Younger(nz(u)?),
                9 => K::GmRaw(arbitrary_astring(u)?),
                10 => K::GmMsgId(u64::arbitrary(u)?),
                11 => K::GmThrId(u64::arbitrary(u)?),
                _ => K::GmLabels(GmLabel::arbitrary(u)?),
            })
        }
    }
}
