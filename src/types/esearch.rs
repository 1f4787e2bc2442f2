//! Search results: the IMAP4rev1 `SEARCH` response and `ESEARCH` (RFC 9051 §7.3.4, §9;
//! RFC 3501 §7.2.5; RFC 4466 §2.6.2; RFC 4731 §3.1; RFC 7162 §3.1.5 for `(MODSEQ n)`).
//!
//! [`SearchData`] keeps its numbers as a [`List`] of `nz-number`, so a long result costs no
//! allocation. [`EsearchData`] keeps the correlator's tag, the `UID` marker and the return data:
//! `MIN`, `MAX`, `ALL`, `COUNT` (RFC 4731), `MODSEQ` (RFC 4731 §3.2 with RFC 7162), `PARTIAL`
//! (RFC 5267 §4.4, RFC 9394), `ADDTO` and `REMOVEFROM` (RFC 5267 §4.3) are typed; data this
//! crate does not know keeps its name and validated value. A known name must have its form.
//!
//! ```
//! use imap_wire::types::esearch::{EsearchData, SearchReturnData};
//! use imap_wire::Parse;
//! let e = EsearchData::parse(b"ESEARCH (TAG \"A285\") UID MIN 7 MAX 3800").unwrap();
//! assert_eq!(e.tag.unwrap().as_bytes(), b"A285");
//! assert!(e.uid);
//! assert_eq!(e.data.len(), 2);
//! let p = EsearchData::parse(b"ESEARCH (TAG \"A04\") UID PARTIAL (24000:24500 NIL)").unwrap();
//! assert!(matches!(p.data.to_vec()[0], SearchReturnData::Partial { results: None, .. }));
//! ```

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt;
use core::num::NonZeroU32;

use crate::error::ValidationError;
use crate::owned::IntoStatic;
use crate::types::list::{List, NonEmptyList};
use crate::types::primitive::{AString, NzNumber64, cow_newtype};
use crate::types::search_ext::PartialRange;
use crate::types::sequence::Sequence;
use crate::types::tagged_ext::{TaggedExtValue, check_label, refuse_known};

/// `obsolete-search-response = "SEARCH" *(SP nz-number)` (RFC 9051; `mailbox-data` in RFC
/// 3501), with RFC 7162's `[SP "(" "MODSEQ" SP mod-sequence-value ")"]`.
///
/// RFC 7162 sends the mod-sequence only after at least one number; the parser also reads it
/// after none, so that every value serializes to bytes that parse back.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct SearchData<'a> {
    /// The matching message numbers or UIDs, in the order written.
    pub numbers: List<'a, NonZeroU32>,
    /// The highest mod-sequence of the matching messages (CONDSTORE).
    pub mod_seq: Option<NzNumber64>,
}

impl IntoStatic for SearchData<'_> {
    type Static = SearchData<'static>;

    fn into_static(self) -> SearchData<'static> {
        SearchData {
            numbers: self.numbers.into_static(),
            mod_seq: self.mod_seq,
        }
    }
}

/// `esearch-response = "ESEARCH" [search-correlator] [SP "UID"] *(SP search-return-data)`,
/// with `search-correlator = SP "(" "TAG" SP tag-string ")"`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct EsearchData<'a> {
    /// The tag of the command this answers (`tag-string = astring`), if given.
    pub tag: Option<AString<'a>>,
    /// Whether the data are UIDs rather than sequence numbers.
    pub uid: bool,
    /// The return data, in the order written.
    pub data: List<'a, SearchReturnData<'a>>,
}

impl IntoStatic for EsearchData<'_> {
    type Static = EsearchData<'static>;

    fn into_static(self) -> EsearchData<'static> {
        EsearchData {
            tag: self.tag.into_static(),
            uid: self.uid,
            data: self.data.into_static(),
        }
    }
}

/// `search-return-data` (RFC 4731 §3.1, RFC 9051 §9).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SearchReturnData<'a> {
    /// `"MIN" SP nz-number`: the lowest matching number.
    Min(NonZeroU32),
    /// `"MAX" SP nz-number`: the highest matching number.
    Max(NonZeroU32),
    /// `"ALL" SP sequence-set`: every matching number (never `$`).
    All(NonEmptyList<'a, Sequence>),
    /// `"COUNT" SP number`: how many messages matched.
    Count(u32),
    /// `search-ret-data-ext = search-modifier-name SP search-return-value`: any other data.
    Extension(SearchReturnExtension<'a>, TaggedExtValue<'a>),
    /// `"MODSEQ" SP mod-sequence-value` (RFC 4731 §3.2, RFC 7162 §3.1.10): the highest
    /// mod-sequence of the matching messages.
    ModSeq(NzNumber64),
    /// `ret-data-partial = "PARTIAL" SP "(" partial-range SP partial-results ")"` with
    /// `partial-results = sequence-set / "NIL"` (RFC 9394 §4, RFC 5267 §5): the results in
    /// the requested range.
    Partial {
        /// The range asked for (`a:b`, or `-a:-b` under RFC 9394).
        range: PartialRange,
        /// The results in it; `None` for `NIL`, when there are none. Never `$`.
        results: Option<NonEmptyList<'a, Sequence>>,
    },
    /// `ret-data-addto = "ADDTO" SP "(" context-position SP sequence-set *(SP
    /// context-position SP sequence-set) ")"` (RFC 5267 §4.3.3): results to insert, pair by
    /// pair.
    AddTo(NonEmptyList<'a, ContextUpdate<'a>>),
    /// `ret-data-removefrom = "REMOVEFROM" SP "(" context-position SP sequence-set *(SP
    /// context-position SP sequence-set) ")"` (RFC 5267 §4.3.4): results to remove, pair by
    /// pair.
    RemoveFrom(NonEmptyList<'a, ContextUpdate<'a>>),
}

/// One pair of `ADDTO` or `REMOVEFROM`: `context-position SP sequence-set` (RFC 5267 §5),
/// the results to insert or remove starting at a position of the result list.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ContextUpdate<'a> {
    /// `context-position = number`: where in the result list, counting from 1; 0 for
    /// SEARCH results kept in mailbox order.
    pub position: u32,
    /// The message numbers or UIDs, in the requested order. Never `$`.
    pub set: NonEmptyList<'a, Sequence>,
}

impl IntoStatic for ContextUpdate<'_> {
    type Static = ContextUpdate<'static>;

    fn into_static(self) -> ContextUpdate<'static> {
        ContextUpdate {
            position: self.position,
            set: self.set.into_static(),
        }
    }
}

impl IntoStatic for SearchReturnData<'_> {
    type Static = SearchReturnData<'static>;

    fn into_static(self) -> SearchReturnData<'static> {
        match self {
            Self::Min(n) => SearchReturnData::Min(n),
            Self::Max(n) => SearchReturnData::Max(n),
            Self::All(set) => SearchReturnData::All(set.into_static()),
            Self::Count(n) => SearchReturnData::Count(n),
            Self::Extension(name, v) => {
                SearchReturnData::Extension(name.into_static(), v.into_static())
            }
            Self::ModSeq(n) => SearchReturnData::ModSeq(n),
            Self::Partial { range, results } => SearchReturnData::Partial {
                range,
                results: results.into_static(),
            },
            Self::AddTo(v) => SearchReturnData::AddTo(v.into_static()),
            Self::RemoveFrom(v) => SearchReturnData::RemoveFrom(v.into_static()),
        }
    }
}

/// The return data names with variants of their own.
pub(crate) const RETURN_NAMES: [&str; 8] = [
    "MIN",
    "MAX",
    "ALL",
    "COUNT",
    "MODSEQ",
    "PARTIAL",
    "ADDTO",
    "REMOVEFROM",
];

fn check_return_extension(v: &[u8]) -> Result<(), ValidationError> {
    check_label("search-modifier-name", v)?;
    refuse_known("search-modifier-name", v, &RETURN_NAMES)
}

cow_newtype!(
    /// The name of ESEARCH return data this crate does not know: `search-modifier-name =
    /// tagged-ext-label`, other than `MIN`, `MAX`, `ALL`, `COUNT`, `MODSEQ`, `PARTIAL`,
    /// `ADDTO` and `REMOVEFROM` in any case.
    SearchReturnExtension, str, "search-modifier-name", check_return_extension
);

/// Generated values are valid: names avoid the known ones and `ALL` never holds `$`.
#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use alloc::borrow::Cow;

    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::{
        ContextUpdate, EsearchData, RETURN_NAMES, SearchData, SearchReturnData,
        SearchReturnExtension,
    };
    use crate::types::primitive::AString;
    use crate::types::tagged_ext::label_text;

    impl<'a> Arbitrary<'a> for SearchReturnExtension<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let mut s = label_text(u)?;
            if RETURN_NAMES.iter().any(|k| k.eq_ignore_ascii_case(&s)) {
                s.push('X');
            }
            Ok(Self(Cow::Owned(s)))
        }
    }

    impl<'a> Arbitrary<'a> for SearchReturnData<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(match u.int_in_range(0..=8)? {
                0 => Self::Min(Arbitrary::arbitrary(u)?),
                1 => Self::Max(Arbitrary::arbitrary(u)?),
                2 => Self::All(Arbitrary::arbitrary(u)?),
                3 => Self::Count(u32::arbitrary(u)?),
                4 => Self::ModSeq(Arbitrary::arbitrary(u)?),
                5 => Self::Partial {
                    range: Arbitrary::arbitrary(u)?,
                    results: Arbitrary::arbitrary(u)?,
                },
                6 => Self::AddTo(Arbitrary::arbitrary(u)?),
                7 => Self::RemoveFrom(Arbitrary::arbitrary(u)?),
                _ => Self::Extension(Arbitrary::arbitrary(u)?, Arbitrary::arbitrary(u)?),
            })
        }
    }

    impl<'a> Arbitrary<'a> for ContextUpdate<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                position: u32::arbitrary(u)?,
                set: Arbitrary::arbitrary(u)?,
            })
        }
    }

    impl<'a> Arbitrary<'a> for SearchData<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let mod_seq = if u.ratio(1, 4)? {
                let n = u.int_in_range(1..=i64::MAX as u64)?;
                crate::types::primitive::NzNumber64::new(n).ok()
            } else {
                None
            };
            Ok(Self {
                numbers: Arbitrary::arbitrary(u)?,
                mod_seq,
            })
        }
    }

    impl<'a> Arbitrary<'a> for EsearchData<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let tag = if u.ratio(3, 4)? {
                let mut v = alloc::vec::Vec::<u8>::arbitrary(u)?;
                v.retain(|&b| b != 0);
                Some(AString(Cow::Owned(v)))
            } else {
                None
            };
            Ok(Self {
                tag,
                uid: bool::arbitrary(u)?,
                data: Arbitrary::arbitrary(u)?,
            })
        }
    }
}
