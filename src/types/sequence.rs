//! Sets of messages: `sequence-set` (RFC 9051 §9, with RFC 5182's `$`) and `uid-set` (RFC 4315
//! §4, RFC 9051 §9).
//!
//! A set keeps its items as written, in order: `4:2` stays `4:2` and `1,1` stays `1,1`, so a
//! parsed set serializes to the bytes it came from. Two sets are equal when their items are;
//! `2:4` and `4:2` name the same messages but are different values (use
//! [`SequenceSet::contains`] to ask about membership).
//!
//! Neither set is ever empty. A parsed set borrows its bytes and produces its items by reading
//! them again (see [`List`]), so parsing allocates nothing.
//!
//! ```
//! use imap_wire::{Parse, SequenceSet, to_vec};
//! let set = SequenceSet::parse(b"2,4:7,9,12:*").unwrap();
//! let in_15: Vec<u32> = (1..=15).filter(|&n| set.contains(n, 15)).collect();
//! assert_eq!(in_15, [2, 4, 5, 6, 7, 9, 12, 13, 14, 15]);
//! assert_eq!(to_vec(&SequenceSet::from_numbers(&[7, 1, 2, 3]).unwrap()), b"1:3,7");
//! ```

use alloc::vec::Vec;
use core::num::NonZeroU32;
use core::ops::RangeInclusive;

use crate::error::{ValidationError, ValidationReason};
use crate::owned::{IntoStatic, static_types};
use crate::types::list::{Iter, List};

/// `seq-number = nz-number / "*"`: a message sequence number or UID, or `*`, the largest
/// one in use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SeqNumber {
    /// A number, from 1.
    Value(NonZeroU32),
    /// `*`: the largest number in use (the number of messages, or the UID of the last
    /// message).
    Largest,
}

impl SeqNumber {
    /// The number `n`.
    ///
    /// # Errors
    /// [`ValidationReason::OutOfRange`] for 0.
    pub const fn new(n: u32) -> Result<Self, ValidationError> {
        match NonZeroU32::new(n) {
            Some(n) => Ok(Self::Value(n)),
            None => Err(ValidationError::new(
                "seq-number",
                ValidationReason::OutOfRange,
            )),
        }
    }

    /// The number, with `*` standing for `largest`.
    pub const fn resolve(self, largest: u32) -> u32 {
        match self {
            Self::Value(n) => n.get(),
            Self::Largest => largest,
        }
    }
}

impl From<NonZeroU32> for SeqNumber {
    fn from(n: NonZeroU32) -> Self {
        Self::Value(n)
    }
}

/// One item of a `sequence-set`: `seq-number / seq-range`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sequence {
    /// One number, or `*`.
    Single(SeqNumber),
    /// `seq-range = seq-number ":" seq-number`: both ends and everything between, in either
    /// order (`4:2` is `2`, `3`, `4`). Kept in the order written.
    Range(SeqNumber, SeqNumber),
}

impl Sequence {
    /// Whether `n` is in this item, with `*` standing for `largest`.
    pub const fn contains(self, n: u32, largest: u32) -> bool {
        let (lo, hi) = match self {
            Self::Single(s) => (s.resolve(largest), s.resolve(largest)),
            Self::Range(a, b) => {
                let (a, b) = (a.resolve(largest), b.resolve(largest));
                if a <= b { (a, b) } else { (b, a) }
            }
        };
        n != 0 && lo <= n && n <= hi
    }
}

impl From<SeqNumber> for Sequence {
    fn from(n: SeqNumber) -> Self {
        Self::Single(n)
    }
}

impl From<NonZeroU32> for Sequence {
    fn from(n: NonZeroU32) -> Self {
        Self::Single(SeqNumber::Value(n))
    }
}

/// One item of a `uid-set`: `uniqueid / uid-range`; there is no `*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UidSetItem {
    /// `uniqueid = nz-number`
    Single(NonZeroU32),
    /// `uid-range = uniqueid ":" uniqueid`: both ends and everything between, in either
    /// order. Kept in the order written.
    Range(NonZeroU32, NonZeroU32),
}

impl UidSetItem {
    /// Whether `uid` is in this item.
    pub const fn contains(self, uid: u32) -> bool {
        match self {
            Self::Single(n) => n.get() == uid,
            Self::Range(a, b) => {
                let (a, b) = (a.get(), b.get());
                let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
                lo <= uid && uid <= hi
            }
        }
    }
}

impl From<UidSetItem> for Sequence {
    fn from(item: UidSetItem) -> Self {
        match item {
            UidSetItem::Single(n) => Self::Single(SeqNumber::Value(n)),
            UidSetItem::Range(a, b) => Self::Range(SeqNumber::Value(a), SeqNumber::Value(b)),
        }
    }
}

static_types!(SeqNumber, Sequence, UidSetItem);

/// The runs of consecutive numbers in `numbers` once sorted and without repeats.
fn runs(
    item: &'static str,
    numbers: &[u32],
) -> Result<Vec<(NonZeroU32, NonZeroU32)>, ValidationError> {
    let mut sorted = numbers.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut out: Vec<(NonZeroU32, NonZeroU32)> = Vec::new();
    for n in sorted {
        let Some(n) = NonZeroU32::new(n) else {
            return Err(ValidationError::new(item, ValidationReason::OutOfRange));
        };
        match out.last_mut() {
            Some((_, end)) if end.get().checked_add(1) == Some(n.get()) => *end = n,
            _ => out.push((n, n)),
        }
    }
    if out.is_empty() {
        return Err(ValidationError::new(item, ValidationReason::Empty));
    }
    Ok(out)
}

/// Checks an inclusive range of numbers given to a constructor: no 0, not inverted.
fn range_ends(
    item: &'static str,
    r: &RangeInclusive<u32>,
) -> Result<(NonZeroU32, NonZeroU32), ValidationError> {
    let (Some(a), Some(b)) = (NonZeroU32::new(*r.start()), NonZeroU32::new(*r.end())) else {
        return Err(ValidationError::new(item, ValidationReason::OutOfRange));
    };
    if a > b {
        return Err(ValidationError::new(item, ValidationReason::Invalid));
    }
    Ok((a, b))
}

/// `sequence-set = (seq-number / seq-range) ["," sequence-set]`, or RFC 5182's
/// `seq-last-command = "$"`: the messages a command works on.
///
/// Build one from items ([`SequenceSet::new`]), from numbers ([`SequenceSet::from_numbers`],
/// which writes runs as ranges), from ranges ([`SequenceSet::from_ranges`]), or take
/// [`SequenceSet::all`] (`1:*`) or [`SequenceSet::SEARCH_RES`] (`$`).
///
/// `$` stands alone: RFC 5182 combines the saved result with other messages through a search
/// `OR`, never inside one set, so `1,$` does not parse.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SequenceSet<'a>(SetRepr<'a>);

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum SetRepr<'a> {
    /// At least one item.
    Items(List<'a, Sequence>),
    /// `$`
    SearchRes,
}

impl<'a> SequenceSet<'a> {
    /// `$` (RFC 5182): the messages the last `SEARCH RETURN (SAVE)` found.
    pub const SEARCH_RES: SequenceSet<'static> = SequenceSet(SetRepr::SearchRes);

    /// `1:*`: every message.
    pub fn all() -> SequenceSet<'static> {
        SequenceSet::from(Sequence::Range(
            SeqNumber::Value(NonZeroU32::MIN),
            SeqNumber::Largest,
        ))
    }

    /// The set of `items`, in the order given.
    ///
    /// # Errors
    /// [`ValidationReason::Empty`] when there are no items.
    pub fn new(items: impl IntoIterator<Item = Sequence>) -> Result<Self, ValidationError> {
        let items: List<'a, Sequence> = items.into_iter().collect();
        if items.is_empty() {
            return Err(ValidationError::new(
                "sequence-set",
                ValidationReason::Empty,
            ));
        }
        Ok(Self(SetRepr::Items(items)))
    }

    /// The set of `numbers`, sorted, without repeats, and with each run of consecutive
    /// numbers written as a range (`[7, 1, 2, 3]` gives `1:3,7`).
    ///
    /// # Errors
    /// [`ValidationReason::Empty`] for no numbers, [`ValidationReason::OutOfRange`] for 0.
    pub fn from_numbers(numbers: &[u32]) -> Result<Self, ValidationError> {
        let runs = runs("sequence-set", numbers)?;
        Self::new(runs.into_iter().map(|(a, b)| {
            if a == b {
                Sequence::Single(SeqNumber::Value(a))
            } else {
                Sequence::Range(SeqNumber::Value(a), SeqNumber::Value(b))
            }
        }))
    }

    /// The set of inclusive `ranges`, in the order given; a range of one number is written as
    /// that number (`[1..=3, 7..=7]` gives `1:3,7`).
    ///
    /// # Errors
    /// [`ValidationReason::Empty`] for no ranges, [`ValidationReason::OutOfRange`] for a
    /// bound of 0, [`ValidationReason::Invalid`] for a range whose start is above its end
    /// (empty in Rust, though `5:1` is not empty in IMAP; build that with [`Sequence::Range`]).
    pub fn from_ranges(
        ranges: impl IntoIterator<Item = RangeInclusive<u32>>,
    ) -> Result<Self, ValidationError> {
        let mut items = Vec::new();
        for r in ranges {
            let (a, b) = range_ends("sequence-set", &r)?;
            items.push(if a == b {
                Sequence::Single(SeqNumber::Value(a))
            } else {
                Sequence::Range(SeqNumber::Value(a), SeqNumber::Value(b))
            });
        }
        Self::new(items)
    }

    /// A set over validated items (crate-internal: the parser has checked `items` is not
    /// empty).
    pub(crate) fn from_list(items: List<'a, Sequence>) -> Self {
        debug_assert!(!items.is_empty(), "empty sequence-set");
        Self(SetRepr::Items(items))
    }

    /// Whether this is `$`.
    pub fn is_search_res(&self) -> bool {
        matches!(self.0, SetRepr::SearchRes)
    }

    /// The items, or `None` for `$`.
    pub fn items(&self) -> Option<&List<'a, Sequence>> {
        match &self.0 {
            SetRepr::Items(list) => Some(list),
            SetRepr::SearchRes => None,
        }
    }

    /// The items in the order written; nothing for `$`.
    pub fn iter(&self) -> impl Iterator<Item = Sequence> + '_ {
        self.items().map(List::iter).into_iter().flatten()
    }

    /// Whether message `n` is in the set, with `*` standing for `largest`. Always `false` for
    /// `$`, whose messages only the server knows (check [`SequenceSet::is_search_res`]), and
    /// for 0.
    pub fn contains(&self, n: u32, largest: u32) -> bool {
        self.iter().any(|s| s.contains(n, largest))
    }
}

impl From<Sequence> for SequenceSet<'_> {
    fn from(s: Sequence) -> Self {
        Self(SetRepr::Items(List::from(alloc::vec![s])))
    }
}

impl From<SeqNumber> for SequenceSet<'_> {
    fn from(n: SeqNumber) -> Self {
        Self::from(Sequence::Single(n))
    }
}

impl From<NonZeroU32> for SequenceSet<'_> {
    fn from(n: NonZeroU32) -> Self {
        Self::from(Sequence::from(n))
    }
}

impl<'a> From<&UidSet<'a>> for SequenceSet<'static> {
    fn from(set: &UidSet<'a>) -> Self {
        SequenceSet(SetRepr::Items(set.iter().map(Sequence::from).collect()))
    }
}

impl IntoStatic for SequenceSet<'_> {
    type Static = SequenceSet<'static>;

    fn into_static(self) -> SequenceSet<'static> {
        SequenceSet(match self.0 {
            SetRepr::Items(list) => SetRepr::Items(list.into_static()),
            SetRepr::SearchRes => SetRepr::SearchRes,
        })
    }
}

/// `uid-set = (uniqueid / uid-range) *("," uid-set)`: UIDs as in `COPYUID` and `APPENDUID`
/// (RFC 4315 §4); never empty, no `*` and no `$`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct UidSet<'a>(List<'a, UidSetItem>);

impl<'a> UidSet<'a> {
    /// The set of `items`, in the order given.
    ///
    /// # Errors
    /// [`ValidationReason::Empty`] when there are no items.
    pub fn new(items: impl IntoIterator<Item = UidSetItem>) -> Result<Self, ValidationError> {
        let items: List<'a, UidSetItem> = items.into_iter().collect();
        if items.is_empty() {
            return Err(ValidationError::new("uid-set", ValidationReason::Empty));
        }
        Ok(Self(items))
    }

    /// The set of `uids`, sorted, without repeats, and with runs written as ranges.
    ///
    /// # Errors
    /// [`ValidationReason::Empty`] for no UIDs, [`ValidationReason::OutOfRange`] for 0.
    pub fn from_numbers(uids: &[u32]) -> Result<Self, ValidationError> {
        let runs = runs("uid-set", uids)?;
        Self::new(runs.into_iter().map(|(a, b)| {
            if a == b {
                UidSetItem::Single(a)
            } else {
                UidSetItem::Range(a, b)
            }
        }))
    }

    /// The set of inclusive `ranges`, in the order given; a range of one UID is written as
    /// that UID.
    ///
    /// # Errors
    /// As [`SequenceSet::from_ranges`].
    pub fn from_ranges(
        ranges: impl IntoIterator<Item = RangeInclusive<u32>>,
    ) -> Result<Self, ValidationError> {
        let mut items = Vec::new();
        for r in ranges {
            let (a, b) = range_ends("uid-set", &r)?;
            items.push(if a == b {
                UidSetItem::Single(a)
            } else {
                UidSetItem::Range(a, b)
            });
        }
        Self::new(items)
    }

    /// A set over validated items (crate-internal: the parser has checked `items` is not
    /// empty).
    pub(crate) fn from_list(items: List<'a, UidSetItem>) -> Self {
        debug_assert!(!items.is_empty(), "empty uid-set");
        Self(items)
    }

    /// The items.
    pub fn items(&self) -> &List<'a, UidSetItem> {
        &self.0
    }

    /// The items in the order written.
    pub fn iter(&self) -> Iter<'a, '_, UidSetItem> {
        self.0.iter()
    }

    /// Number of items (at least 1).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always `false`: a `uid-set` has at least one item.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Whether `uid` is in the set.
    pub fn contains(&self, uid: u32) -> bool {
        self.iter().any(|s| s.contains(uid))
    }
}

impl From<UidSetItem> for UidSet<'_> {
    fn from(item: UidSetItem) -> Self {
        Self(List::from(alloc::vec![item]))
    }
}

impl From<NonZeroU32> for UidSet<'_> {
    fn from(uid: NonZeroU32) -> Self {
        Self::from(UidSetItem::Single(uid))
    }
}

impl IntoStatic for UidSet<'_> {
    type Static = UidSet<'static>;

    fn into_static(self) -> UidSet<'static> {
        UidSet(self.0.into_static())
    }
}

#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::{SeqNumber, Sequence, SequenceSet, SetRepr, UidSet, UidSetItem};
    use crate::types::list::List;

    impl<'a> Arbitrary<'a> for SeqNumber {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(match core::num::NonZeroU32::new(u32::arbitrary(u)?) {
                Some(n) => Self::Value(n),
                None => Self::Largest,
            })
        }
    }

    impl<'a> Arbitrary<'a> for Sequence {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(if bool::arbitrary(u)? {
                Self::Range(SeqNumber::arbitrary(u)?, SeqNumber::arbitrary(u)?)
            } else {
                Self::Single(SeqNumber::arbitrary(u)?)
            })
        }
    }

    impl<'a> Arbitrary<'a> for UidSetItem {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let a = core::num::NonZeroU32::arbitrary(u)?;
            Ok(if bool::arbitrary(u)? {
                Self::Range(a, core::num::NonZeroU32::arbitrary(u)?)
            } else {
                Self::Single(a)
            })
        }
    }

    /// One item, then as many more as the data gives.
    fn non_empty<'a, T: Arbitrary<'a>>(u: &mut Unstructured<'a>) -> Result<List<'a, T>> {
        let mut items = alloc::vec![T::arbitrary(u)?];
        for item in u.arbitrary_iter::<T>()? {
            items.push(item?);
        }
        Ok(List::from(items))
    }

    impl<'a> Arbitrary<'a> for SequenceSet<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            if u.ratio(1u8, 16)? {
                return Ok(SequenceSet::SEARCH_RES);
            }
            Ok(SequenceSet(SetRepr::Items(non_empty(u)?)))
        }
    }

    impl<'a> Arbitrary<'a> for UidSet<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(UidSet(non_empty(u)?))
        }
    }
}
