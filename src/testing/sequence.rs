//! Strategies, known answers and round trips for message sets.

use alloc::vec::Vec;
use core::num::NonZeroU32;
use core::ops::RangeInclusive;

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::error::{ErrorKind, ParseError, ValidationReason};
use crate::owned::IntoStatic;
use crate::parse::Parse;
use crate::testing::{assert_reparses, assert_round_trip, config, round_trip_owned};
use crate::types::sequence::{SeqNumber, Sequence, SequenceSet, UidSet, UidSetItem};

/// A UID or sequence number, often small, sometimes at the top of the range.
fn nz() -> impl Strategy<Value = NonZeroU32> {
    prop_oneof![
        4 => 1u32..=20,
        2 => 1u32..=u32::MAX,
        1 => (u32::MAX - 2)..=u32::MAX,
    ]
    .prop_map(|n| NonZeroU32::new(n).unwrap())
}

pub(crate) fn seq_number() -> impl Strategy<Value = SeqNumber> {
    prop_oneof![4 => nz().prop_map(SeqNumber::Value), 1 => Just(SeqNumber::Largest)]
}

pub(crate) fn sequence() -> impl Strategy<Value = Sequence> {
    prop_oneof![
        seq_number().prop_map(Sequence::Single),
        (seq_number(), seq_number()).prop_map(|(a, b)| Sequence::Range(a, b)),
    ]
}

pub(crate) fn sequence_set() -> impl Strategy<Value = SequenceSet<'static>> {
    prop_oneof![
        8 => proptest::collection::vec(sequence(), 1..8)
            .prop_map(|v| SequenceSet::new(v).unwrap()),
        1 => Just(SequenceSet::SEARCH_RES),
    ]
}

pub(crate) fn uid_set_item() -> impl Strategy<Value = UidSetItem> {
    prop_oneof![
        nz().prop_map(UidSetItem::Single),
        (nz(), nz()).prop_map(|(a, b)| UidSetItem::Range(a, b)),
    ]
}

pub(crate) fn uid_set() -> impl Strategy<Value = UidSet<'static>> {
    proptest::collection::vec(uid_set_item(), 1..8).prop_map(|v| UidSet::new(v).unwrap())
}

fn n(v: u32) -> NonZeroU32 {
    NonZeroU32::new(v).unwrap()
}

fn num(v: u32) -> SeqNumber {
    SeqNumber::Value(n(v))
}

/// Parses a prefix of `input` as a sequence set, checks the remainder and the items, then the
/// round trip.
fn set_accepts(input: &[u8], rest: &[u8], want: &[Sequence]) {
    let shown = bstr::BStr::new(input);
    let (got, left) = SequenceSet::parse_prefix(input, &ParseConfig::default())
        .unwrap_or_else(|e| panic!("{shown:?}: {e}"));
    assert_eq!(got.iter().collect::<Vec<_>>(), want, "{shown:?}");
    assert_eq!(got, SequenceSet::new(want.iter().copied()).unwrap());
    assert_eq!(left, rest, "{shown:?}");
    assert_eq!(crate::to_vec(&got), &input[..input.len() - rest.len()]);
    assert_round_trip!(SequenceSet, got);
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn seq_number_round_trips(v in seq_number()) {
        round_trip_owned(v);
    }

    #[test]
    fn sequence_round_trips(v in sequence()) {
        round_trip_owned(v);
    }

    #[test]
    fn uid_set_item_round_trips(v in uid_set_item()) {
        round_trip_owned(v);
    }

    #[test]
    fn sequence_set_round_trips(v in sequence_set()) {
        let bytes = crate::to_vec(&v);
        let parsed = SequenceSet::parse(&bytes).unwrap();
        // The parsed set reads its items from the bytes; they are the items written.
        prop_assert_eq!(parsed.iter().collect::<Vec<_>>(), v.iter().collect::<Vec<_>>());
        prop_assert_eq!(parsed.is_search_res(), v.is_search_res());
        prop_assert_eq!(parsed.clone().into_static(), v.clone());
        assert_round_trip!(SequenceSet, v);
    }

    #[test]
    fn uid_set_round_trips(v in uid_set()) {
        let bytes = crate::to_vec(&v);
        let parsed = UidSet::parse(&bytes).unwrap();
        prop_assert_eq!(parsed.len(), v.len());
        prop_assert_eq!(parsed.iter().collect::<Vec<_>>(), v.iter().collect::<Vec<_>>());
        // A uid-set is also a sequence-set with the same items.
        let as_seq = SequenceSet::parse(&bytes).unwrap();
        prop_assert_eq!(as_seq, SequenceSet::from(&v));
        assert_round_trip!(UidSet, v);
    }

    /// `from_numbers` holds exactly the numbers given, as ascending runs that do not touch.
    #[test]
    fn from_numbers_compresses_exactly(nums in proptest::collection::vec(1u32..=60, 1..40)) {
        let set = SequenceSet::from_numbers(&nums).unwrap();
        for k in 0..=61 {
            prop_assert_eq!(set.contains(k, 61), nums.contains(&k), "{}", k);
        }
        let ends: Vec<(u32, u32)> = set
            .iter()
            .map(|s| match s {
                Sequence::Single(a) => (a.resolve(0), a.resolve(0)),
                Sequence::Range(a, b) => (a.resolve(0), b.resolve(0)),
            })
            .collect();
        for w in ends.windows(2) {
            prop_assert!(w[0].0 <= w[0].1 && w[0].1 + 1 < w[1].0, "{:?}", ends);
        }
        let uids = UidSet::from_numbers(&nums).unwrap();
        prop_assert_eq!(crate::to_vec(&uids), crate::to_vec(&set));
        for k in 0..=61 {
            prop_assert_eq!(uids.contains(k), nums.contains(&k));
        }
    }

    /// Membership follows the RFC: both ends and all between, in either order, `*` = largest.
    #[test]
    fn contains_matches_a_model(s in sequence(), largest in 1u32..=30, k in 0u32..=35) {
        let (lo, hi) = match s {
            Sequence::Single(a) => (a.resolve(largest), a.resolve(largest)),
            Sequence::Range(a, b) => {
                let (a, b) = (a.resolve(largest), b.resolve(largest));
                (a.min(b), a.max(b))
            }
        };
        prop_assert_eq!(s.contains(k, largest), k != 0 && (lo..=hi).contains(&k));
        let set = SequenceSet::from(s);
        prop_assert_eq!(set.contains(k, largest), s.contains(k, largest));
    }

    #[test]
    fn no_input_panics_the_set_parsers(
        v in prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..32),
            proptest::collection::vec(
                proptest::sample::select(b"0123456789*:,$ 9".to_vec()),
                0..32,
            ),
        ]
    ) {
        if let Ok(set) = SequenceSet::parse(&v) {
            assert_round_trip!(SequenceSet, set);
        }
        if let Ok(set) = UidSet::parse(&v) {
            assert_round_trip!(UidSet, set);
        }
        let _ = SeqNumber::parse(&v);
        let _ = Sequence::parse(&v);
        let _ = UidSetItem::parse(&v);
    }
}

#[test]
fn rfc_examples() {
    use SeqNumber::Largest;
    use Sequence::{Range, Single};
    // RFC 9051 §9 (seq-range): 2:4 and 4:2 name the same messages, kept as written.
    set_accepts(b"2:4", b"", &[Range(num(2), num(4))]);
    set_accepts(b"4:2", b"", &[Range(num(4), num(2))]);
    let (a, b) = (
        SequenceSet::parse(b"2:4").unwrap(),
        SequenceSet::parse(b"4:2").unwrap(),
    );
    assert_ne!(a, b);
    assert!((0..=6).all(|k| a.contains(k, 6) == b.contains(k, 6)));
    // RFC 9051 §9 (sequence-set): 2,4:7,9,12:* with 15 messages.
    set_accepts(
        b"2,4:7,9,12:*",
        b"",
        &[
            Single(num(2)),
            Range(num(4), num(7)),
            Single(num(9)),
            Range(num(12), Largest),
        ],
    );
    let set = SequenceSet::parse(b"2,4:7,9,12:*").unwrap();
    let members: Vec<u32> = (0..=20).filter(|&k| set.contains(k, 15)).collect();
    assert_eq!(members, [2, 4, 5, 6, 7, 9, 12, 13, 14, 15]);
    // RFC 9051 §9: *:4,5:7 with 10 messages is 4 to 10.
    let set = SequenceSet::parse(b"*:4,5:7").unwrap();
    let members: Vec<u32> = (0..=20).filter(|&k| set.contains(k, 10)).collect();
    assert_eq!(members, [4, 5, 6, 7, 8, 9, 10]);
    // RFC 9051 §9: 3291:* includes the last UID even when it is below 3291.
    assert!(SequenceSet::parse(b"3291:*").unwrap().contains(100, 100));
    // RFC 9051 §6.4.4.4 and RFC 5182 §2.2: `FETCH $ (...)`, `(OR $ 1,3000:3021)`.
    let (dollar, rest) = SequenceSet::parse_prefix(b"$ (UID", &ParseConfig::default()).unwrap();
    assert!(dollar.is_search_res());
    assert_eq!(dollar, SequenceSet::SEARCH_RES);
    assert_eq!(rest, b" (UID");
    assert_eq!(dollar.iter().count(), 0);
    assert!(!dollar.contains(1, 10));
    assert_eq!(assert_reparses!(SequenceSet, b"$"), SequenceSet::SEARCH_RES);
    set_accepts(
        b"1,3000:3021)",
        b")",
        &[Single(num(1)), Range(num(3000), num(3021))],
    );
    // RFC 9051 §6.4.9: UID FETCH 4827313:4828442 FLAGS.
    set_accepts(
        b"4827313:4828442 FLAGS",
        b" FLAGS",
        &[Range(num(4827313), num(4828442))],
    );
    // RFC 4315 §3: COPYUID 38505 304,319:320 3956:3958 and APPENDUID 38505 3955.
    let (src, rest) =
        UidSet::parse_prefix(b"304,319:320 3956:3958", &ParseConfig::default()).unwrap();
    assert_eq!(rest, b" 3956:3958");
    assert_eq!(
        src.iter().collect::<Vec<_>>(),
        [
            UidSetItem::Single(n(304)),
            UidSetItem::Range(n(319), n(320))
        ]
    );
    assert_eq!(assert_reparses!(UidSet, b"3956:3958").len(), 1);
    assert!(assert_reparses!(UidSet, b"3955").contains(3955));
}

#[test]
fn known_sequence_sets() {
    use SeqNumber::Largest;
    use Sequence::{Range, Single};
    set_accepts(b"1", b"", &[Single(num(1))]);
    set_accepts(b"*", b"", &[Single(Largest)]);
    set_accepts(b"*:*", b"", &[Range(Largest, Largest)]);
    set_accepts(b"5:5,5", b"", &[Range(num(5), num(5)), Single(num(5))]);
    set_accepts(b"4294967295:1 ", b" ", &[Range(num(u32::MAX), num(1))]);
    set_accepts(b"1:3 (FLAGS)", b" (FLAGS)", &[Range(num(1), num(3))]);
    set_accepts(b"1:3]", b"]", &[Range(num(1), num(3))]);

    let bad: &[(&[u8], ErrorKind, usize)] = &[
        (b"", ErrorKind::Expected("seq-number"), 0),
        (b"0", ErrorKind::Expected("seq-number"), 0),
        (b"01", ErrorKind::Expected("seq-number"), 0),
        (b",1", ErrorKind::Expected("seq-number"), 0),
        (b"1,", ErrorKind::Expected("seq-number"), 2),
        (b"1,,2", ErrorKind::Expected("seq-number"), 2),
        (b"1:", ErrorKind::Expected("seq-number"), 2),
        (b"1:0", ErrorKind::Expected("seq-number"), 2),
        (b"1::2", ErrorKind::Expected("seq-number"), 2),
        (b"2,4:7,0", ErrorKind::Expected("seq-number"), 6),
        (b"1,$", ErrorKind::Expected("seq-number"), 2),
        (b"$,1", ErrorKind::Trailing, 1),
        (b"$$", ErrorKind::Trailing, 1),
        (b"**", ErrorKind::Trailing, 1),
        (b"1 2", ErrorKind::Trailing, 1),
        (b"1:2:3", ErrorKind::Trailing, 3),
        (b"4294967296", ErrorKind::BadNumber, 0),
        (b"1:4294967296", ErrorKind::BadNumber, 2),
        (b"1,99999999999", ErrorKind::BadNumber, 2),
        (b"-1", ErrorKind::Expected("seq-number"), 0),
    ];
    for (input, kind, offset) in bad {
        assert_eq!(
            SequenceSet::parse(input).unwrap_err(),
            ParseError {
                kind: *kind,
                offset: *offset
            },
            "{:?}",
            bstr::BStr::new(input)
        );
    }
}

#[test]
fn known_uid_sets() {
    let bad: &[(&[u8], ErrorKind, usize)] = &[
        (b"", ErrorKind::Expected("uniqueid"), 0),
        (b"*", ErrorKind::Expected("uniqueid"), 0),
        (b"$", ErrorKind::Expected("uniqueid"), 0),
        (b"1:*", ErrorKind::Expected("uniqueid"), 2),
        (b"1,*", ErrorKind::Expected("uniqueid"), 2),
        (b"0", ErrorKind::Expected("uniqueid"), 0),
        (b"7,", ErrorKind::Expected("uniqueid"), 2),
        (b"7:8:9", ErrorKind::Trailing, 3),
    ];
    for (input, kind, offset) in bad {
        assert_eq!(
            UidSet::parse(input).unwrap_err(),
            ParseError {
                kind: *kind,
                offset: *offset
            },
            "{:?}",
            bstr::BStr::new(input)
        );
    }
    let set = assert_reparses!(UidSet, b"9:7,20");
    assert!(set.contains(8) && set.contains(20) && !set.contains(10) && !set.contains(0));
    assert!(!set.is_empty());
}

#[test]
fn constructors() {
    let w = |s: &SequenceSet<'_>| crate::to_vec(s);
    assert_eq!(
        w(&SequenceSet::from_numbers(&[1, 2, 3, 7]).unwrap()),
        b"1:3,7"
    );
    assert_eq!(
        w(&SequenceSet::from_numbers(&[7, 3, 2, 1, 1]).unwrap()),
        b"1:3,7"
    );
    assert_eq!(
        w(&SequenceSet::from_numbers(&[u32::MAX, u32::MAX - 1, 5]).unwrap()),
        b"5,4294967294:4294967295"
    );
    assert_eq!(
        w(&SequenceSet::from_ranges([1..=3, 7..=7]).unwrap()),
        b"1:3,7"
    );
    assert_eq!(
        w(&SequenceSet::from_ranges([9..=12, 1..=1]).unwrap()),
        b"9:12,1"
    );
    assert_eq!(w(&SequenceSet::all()), b"1:*");
    assert_eq!(w(&SequenceSet::SEARCH_RES), b"$");
    assert_eq!(w(&SequenceSet::from(num(3))), b"3");
    assert_eq!(w(&SequenceSet::from(n(4))), b"4");
    assert!(SequenceSet::all().contains(u32::MAX, u32::MAX));
    assert!(!SequenceSet::all().contains(0, 10));

    let reason = |r: Result<SequenceSet<'_>, crate::ValidationError>| r.unwrap_err().reason;
    assert_eq!(
        reason(SequenceSet::from_numbers(&[])),
        ValidationReason::Empty
    );
    assert_eq!(
        reason(SequenceSet::from_numbers(&[0, 1])),
        ValidationReason::OutOfRange
    );
    assert_eq!(
        reason(SequenceSet::from_ranges([])),
        ValidationReason::Empty
    );
    assert_eq!(
        reason(SequenceSet::from_ranges([0..=3])),
        ValidationReason::OutOfRange
    );
    assert_eq!(
        reason(SequenceSet::from_ranges([RangeInclusive::new(5, 1)])),
        ValidationReason::Invalid
    );
    assert_eq!(reason(SequenceSet::new([])), ValidationReason::Empty);
    assert!(SeqNumber::new(0).is_err());
    assert_eq!(SeqNumber::new(9).unwrap(), num(9));
    assert_eq!(SeqNumber::Largest.resolve(42), 42);

    assert!(UidSet::new([]).is_err());
    assert!(UidSet::from_numbers(&[0]).is_err());
    assert!(UidSet::from_ranges([RangeInclusive::new(3, 2)]).is_err());
    let uids = UidSet::from_ranges([1..=1, 4..=6]).unwrap();
    assert_eq!(crate::to_vec(&uids), b"1,4:6");
    assert_eq!(crate::to_vec(&UidSet::from(n(8))), b"8");
    assert_eq!(w(&SequenceSet::from(&uids)), b"1,4:6");
    assert_eq!(uids.items().len(), 2);
    assert_eq!(
        Sequence::from(UidSetItem::Range(n(1), n(2))),
        Sequence::Range(num(1), num(2))
    );
    // A parsed set and a built set with the same items are equal and hash the same.
    let parsed = SequenceSet::parse(b"1:3,7").unwrap();
    let built = SequenceSet::from_numbers(&[1, 2, 3, 7]).unwrap();
    assert_eq!(parsed, built);
    let hash = |s: &SequenceSet<'_>| {
        use core::hash::{Hash, Hasher};
        /// FNV-1a, enough to compare two hashes without `std`.
        struct Fnv(u64);
        impl Hasher for Fnv {
            fn finish(&self) -> u64 {
                self.0
            }
            fn write(&mut self, bytes: &[u8]) {
                for &b in bytes {
                    self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
                }
            }
        }
        let mut h = Fnv(0xcbf2_9ce4_8422_2325);
        s.hash(&mut h);
        h.finish()
    };
    assert_eq!(hash(&parsed), hash(&built));
    assert_eq!(parsed.items().map(|l| l.len()), Some(2));
    assert_eq!(SequenceSet::SEARCH_RES.items(), None);
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_values_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};
    let mut search_res = 0;
    for buf in crate::testing::random_buffers(4000) {
        let mut u = Unstructured::new(&buf);
        round_trip_owned(SeqNumber::arbitrary(&mut u).unwrap());
        round_trip_owned(Sequence::arbitrary(&mut u).unwrap());
        round_trip_owned(UidSetItem::arbitrary(&mut u).unwrap());
        let set = SequenceSet::arbitrary(&mut u).unwrap();
        search_res += usize::from(set.is_search_res());
        assert_round_trip!(SequenceSet, set);
        assert_round_trip!(UidSet, UidSet::arbitrary(&mut u).unwrap());
    }
    assert!(search_res > 0, "`$` is never generated");
}
