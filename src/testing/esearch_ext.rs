//! Strategies, known answers and round trips for the ESEARCH return data of extensions:
//! `MODSEQ` (RFC 4731 §3.2 with RFC 7162), `PARTIAL` (RFC 5267 §4.4, RFC 9394) and `ADDTO` /
//! `REMOVEFROM` (RFC 5267 §4.3), with the RFCs' examples.

use alloc::vec::Vec;
use core::num::NonZeroU32;

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::parse::Parse;
use crate::testing::examples::{check_examples, examples};
use crate::testing::search_ext::partial_range;
use crate::testing::sequence::sequence;
use crate::testing::tagged_ext::kat;
use crate::testing::{assert_round_trip, config};
use crate::types::esearch::{ContextUpdate, EsearchData, SearchReturnData};
use crate::types::list::{List, NonEmptyList};
use crate::types::primitive::{AString, NzNumber64};
use crate::types::search_ext::PartialRange;
use crate::types::sequence::{SeqNumber, Sequence};

fn result_set() -> impl Strategy<Value = NonEmptyList<'static, Sequence>> {
    proptest::collection::vec(sequence(), 1..5).prop_map(|v| NonEmptyList::try_from(v).unwrap())
}

pub(crate) fn context_update() -> impl Strategy<Value = ContextUpdate<'static>> {
    (prop_oneof![Just(0u32), any::<u32>()], result_set())
        .prop_map(|(position, set)| ContextUpdate { position, set })
}

fn updates() -> impl Strategy<Value = NonEmptyList<'static, ContextUpdate<'static>>> {
    proptest::collection::vec(context_update(), 1..4)
        .prop_map(|v| NonEmptyList::try_from(v).unwrap())
}

/// The typed return data of extensions.
pub(crate) fn search_return_data_ext() -> impl Strategy<Value = SearchReturnData<'static>> {
    prop_oneof![
        (1..=i64::MAX as u64).prop_map(|v| SearchReturnData::ModSeq(NzNumber64::new(v).unwrap())),
        (partial_range(), proptest::option::of(result_set()))
            .prop_map(|(range, results)| SearchReturnData::Partial { range, results }),
        updates().prop_map(SearchReturnData::AddTo),
        updates().prop_map(SearchReturnData::RemoveFrom),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn return_data_ext_round_trips(v in search_return_data_ext(), u in context_update()) {
        assert_round_trip!(SearchReturnData, v);
        assert_round_trip!(ContextUpdate, u);
    }
}

fn n(v: u32) -> NonZeroU32 {
    NonZeroU32::new(v).unwrap()
}

fn range(a: u32, b: u32) -> Sequence {
    if a == b {
        return Sequence::Single(SeqNumber::Value(n(a)));
    }
    Sequence::Range(SeqNumber::Value(n(a)), SeqNumber::Value(n(b)))
}

fn set(items: &[(u32, u32)]) -> NonEmptyList<'static, Sequence> {
    NonEmptyList::try_from(items.iter().map(|&(a, b)| range(a, b)).collect::<Vec<_>>()).unwrap()
}

fn pairs(v: &[(u32, &[(u32, u32)])]) -> NonEmptyList<'static, ContextUpdate<'static>> {
    let v: Vec<_> = v
        .iter()
        .map(|&(position, items)| ContextUpdate {
            position,
            set: set(items),
        })
        .collect();
    NonEmptyList::try_from(v).unwrap()
}

fn es(t: &'static str, data: Vec<SearchReturnData<'static>>) -> EsearchData<'static> {
    EsearchData {
        tag: Some(AString::new(t.as_bytes()).unwrap()),
        uid: true,
        data: List::from(data),
    }
}

#[test]
fn rfc_return_data_examples() {
    use SearchReturnData::*;
    // RFC 5267 §4.3.3: ADDTO, one pair or several, in one item or several.
    kat!(
        EsearchData,
        b"ESEARCH (TAG \"B01\") UID ADDTO (0 32768:32769)",
        b"",
        es("B01", alloc::vec![AddTo(pairs(&[(0, &[(32768, 32769)])]))])
    );
    kat!(
        EsearchData,
        b"ESEARCH (TAG \"C01\") UID ADDTO (1 2733 1 2732 1 2731)",
        b"",
        es(
            "C01",
            alloc::vec![AddTo(pairs(&[
                (1, &[(2733, 2733)]),
                (1, &[(2732, 2732)]),
                (1, &[(2731, 2731)])
            ]))]
        )
    );
    kat!(
        EsearchData,
        b"ESEARCH (TAG \"C01\") UID ADDTO (1 2733) ADDTO (1 2731:2732)",
        b"",
        es(
            "C01",
            alloc::vec![
                AddTo(pairs(&[(1, &[(2733, 2733)])])),
                AddTo(pairs(&[(1, &[(2731, 2732)])]))
            ]
        )
    );
    // RFC 5267 §4.3.4.
    kat!(
        EsearchData,
        b"ESEARCH (TAG \"B01\") UID REMOVEFROM (0 32768)",
        b"",
        es(
            "B01",
            alloc::vec![RemoveFrom(pairs(&[(0, &[(32768, 32768)])]))]
        )
    );
    // RFC 5267 §4.4 and RFC 9394 §3.1: the range asked for, then the results or NIL.
    let partial = |tag, range, results| es(tag, alloc::vec![Partial { range, results }]);
    kat!(
        EsearchData,
        b"ESEARCH (TAG \"A04\") UID PARTIAL (24000:24500 NIL)",
        b"",
        partial("A04", PartialRange::First(n(24000), n(24500)), None)
    );
    kat!(
        EsearchData,
        b"ESEARCH (TAG \"A01\") UID PARTIAL (-1:-100 23665:23764)",
        b"",
        partial(
            "A01",
            PartialRange::Last(n(1), n(100)),
            Some(set(&[(23665, 23764)]))
        )
    );
    // RFC 7162 §3.1.10.
    kat!(
        EsearchData,
        b"ESEARCH (TAG \"a\") ALL 1:3,5 MODSEQ 1236",
        b"",
        EsearchData {
            uid: false,
            ..es(
                "a",
                alloc::vec![
                    All(set(&[(1, 3), (5, 5)])),
                    ModSeq(NzNumber64::new(1236).unwrap())
                ]
            )
        }
    );
    // Names in any case; written in upper case.
    let v = EsearchData::parse(b"ESEARCH addto (2 4,7) removefrom (3 *) modseq 9 partial (5:1 1)")
        .unwrap();
    assert_eq!(
        crate::to_vec(&v),
        b"ESEARCH ADDTO (2 4,7) REMOVEFROM (3 *) MODSEQ 9 PARTIAL (5:1 1)"
    );
}

#[test]
fn malformed_known_data_fails() {
    for bad in [
        &b"ESEARCH MODSEQ 0"[..],
        b"ESEARCH MODSEQ x",
        b"ESEARCH MODSEQ 9223372036854775808",
        b"ESEARCH MODSEQ (5)",
        b"ESEARCH PARTIAL 1:5",
        b"ESEARCH PARTIAL (1:5)",
        b"ESEARCH PARTIAL (0:5 NIL)",
        b"ESEARCH PARTIAL (-1:5 NIL)",
        b"ESEARCH PARTIAL (1:* NIL)",
        b"ESEARCH PARTIAL (1:5 $)",
        b"ESEARCH PARTIAL (1:5 NIL",
        b"ESEARCH PARTIAL (1:5 NIL 3)",
        b"ESEARCH PARTIAL (1:5  1)",
        b"ESEARCH ADDTO ()",
        b"ESEARCH ADDTO (1)",
        b"ESEARCH ADDTO (1 2 3)",
        b"ESEARCH ADDTO 1 2",
        b"ESEARCH ADDTO (1 $)",
        b"ESEARCH ADDTO (-1 2)",
        b"ESEARCH REMOVEFROM (x 1)",
        b"ESEARCH REMOVEFROM (1 2,)",
    ] {
        assert!(
            EsearchData::parse_with(bad, &ParseConfig::strict()).is_err(),
            "{:?}",
            bstr::BStr::new(bad)
        );
    }
    // A known name has its form under the lenient grammar too: it is not read as other data.
    assert!(EsearchData::parse_with(b"ESEARCH MODSEQ 0", &ParseConfig::lenient()).is_err());
    assert!(EsearchData::parse_with(b"ESEARCH X-MODSEQ 0", &ParseConfig::strict()).is_ok());
}

#[test]
fn rfc5267_and_rfc9394_examples() {
    assert_eq!(check_examples(examples!("rfc9394.imap")), 28);
    assert_eq!(check_examples(examples!("rfc4731.imap")), 29);
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_return_data_round_trips() {
    use arbitrary::{Arbitrary, Unstructured};

    let mut seen = alloc::collections::BTreeSet::new();
    for buf in crate::testing::random_buffers(4000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = SearchReturnData::arbitrary(&mut u) {
            seen.insert(match &v {
                SearchReturnData::ModSeq(_) => "MODSEQ",
                SearchReturnData::Partial { .. } => "PARTIAL",
                SearchReturnData::AddTo(_) => "ADDTO",
                SearchReturnData::RemoveFrom(_) => "REMOVEFROM",
                _ => "other",
            });
            assert_round_trip!(SearchReturnData, v);
        }
        if let Ok(v) = ContextUpdate::arbitrary(&mut u) {
            assert_round_trip!(ContextUpdate, v);
        }
    }
    assert_eq!(seen.len(), 5, "{seen:?}");
}
