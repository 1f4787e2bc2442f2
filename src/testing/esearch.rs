//! Strategies, known answers and round trips for SEARCH and ESEARCH responses.

use alloc::vec::Vec;
use core::num::NonZeroU32;

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::error::ErrorKind;
use crate::parse::Parse;
use crate::testing::assert_round_trip;
use crate::testing::primitive::astring;
use crate::testing::sequence::sequence;
use crate::testing::tagged_ext::{bad, encode_configs, kat, noise, tagged_ext_value};
use crate::types::esearch::{
    EsearchData, RETURN_NAMES, SearchData, SearchReturnData, SearchReturnExtension,
};
use crate::types::list::{List, NonEmptyList};
use crate::types::primitive::{AString, NzNumber64};
use crate::types::sequence::{SeqNumber, Sequence};

fn nz() -> impl Strategy<Value = NonZeroU32> {
    prop_oneof![1u32..=100, 1..=u32::MAX].prop_map(|n| NonZeroU32::new(n).unwrap())
}

pub(crate) fn search_return_extension() -> impl Strategy<Value = SearchReturnExtension<'static>> {
    prop_oneof![
        "[A-Za-z._-][A-Za-z0-9._:-]{0,10}",
        proptest::sample::select(&["MODSEQ", "RELEVANCY", "PARTIAL", "min2"][..])
            .prop_map(alloc::string::String::from),
    ]
    .prop_map(|s| {
        SearchReturnExtension::new(s.clone())
            .unwrap_or_else(|_| SearchReturnExtension::new(alloc::format!("{s}X")).unwrap())
    })
}

pub(crate) fn search_return_data() -> impl Strategy<Value = SearchReturnData<'static>> {
    prop_oneof![
        nz().prop_map(SearchReturnData::Min),
        nz().prop_map(SearchReturnData::Max),
        proptest::collection::vec(sequence(), 1..6)
            .prop_map(|v| SearchReturnData::All(NonEmptyList::try_from(v).unwrap())),
        any::<u32>().prop_map(SearchReturnData::Count),
        (search_return_extension(), tagged_ext_value())
            .prop_map(|(n, v)| SearchReturnData::Extension(n, v)),
        crate::testing::esearch_ext::search_return_data_ext(),
    ]
}

pub(crate) fn search_data() -> impl Strategy<Value = SearchData<'static>> {
    (
        proptest::collection::vec(nz(), 0..10),
        proptest::option::of((1..=i64::MAX as u64).prop_map(|n| NzNumber64::new(n).unwrap())),
    )
        .prop_map(|(v, mod_seq)| SearchData {
            numbers: List::from(v),
            mod_seq,
        })
}

pub(crate) fn esearch_data() -> impl Strategy<Value = EsearchData<'static>> {
    (
        proptest::option::of(astring()),
        any::<bool>(),
        proptest::collection::vec(search_return_data(), 0..5),
    )
        .prop_map(|(tag, uid, data)| EsearchData {
            tag,
            uid,
            data: List::from(data),
        })
}

proptest! {
    #![proptest_config(crate::testing::tagged_ext::cases())]

    #[test]
    fn search_data_round_trips(v in search_data()) {
        assert_round_trip!(SearchData, v.clone());
        let bytes = crate::to_vec(&v);
        let back = SearchData::parse(&bytes).unwrap();
        prop_assert_eq!(back.numbers.to_vec(), v.numbers.to_vec());
    }

    #[test]
    fn search_return_data_round_trips(v in search_return_data(), enc in encode_configs()) {
        assert_round_trip!(SearchReturnData, v, enc, &ParseConfig::default());
    }

    #[test]
    fn esearch_data_round_trips(v in esearch_data(), enc in encode_configs()) {
        assert_round_trip!(EsearchData, v, enc, &ParseConfig::default());
    }

    #[test]
    fn no_input_panics_the_search_parsers(v in noise()) {
        let _ = SearchReturnData::parse(&v);
        let mut line = b"SEARCH ".to_vec();
        line.extend_from_slice(&v);
        if let Ok(s) = SearchData::parse(&line) {
            prop_assert_eq!(s.numbers.iter().count(), s.numbers.len());
        }
        let mut line = b"ESEARCH ".to_vec();
        line.extend_from_slice(&v);
        if let Ok(e) = EsearchData::parse(&line) {
            let bytes = crate::to_vec(&e);
            prop_assert_eq!(EsearchData::parse(&bytes).unwrap(), e);
        }
    }
}

fn n(v: u32) -> NonZeroU32 {
    NonZeroU32::new(v).unwrap()
}

fn numbers(v: &[u32]) -> SearchData<'static> {
    SearchData {
        numbers: v.iter().map(|&x| n(x)).collect(),
        mod_seq: None,
    }
}

fn tag(t: &'static str) -> Option<AString<'static>> {
    Some(AString::new(t.as_bytes()).unwrap())
}

fn es(
    t: Option<AString<'static>>,
    uid: bool,
    data: Vec<SearchReturnData<'static>>,
) -> EsearchData<'static> {
    EsearchData {
        tag: t,
        uid,
        data: List::from(data),
    }
}

fn all(items: &[Sequence]) -> SearchReturnData<'static> {
    SearchReturnData::All(NonEmptyList::try_from(items.to_vec()).unwrap())
}

fn one(v: u32) -> Sequence {
    Sequence::Single(SeqNumber::Value(n(v)))
}

fn range(a: u32, b: u32) -> Sequence {
    Sequence::Range(SeqNumber::Value(n(a)), SeqNumber::Value(n(b)))
}

#[test]
fn rfc_search_examples() {
    use SearchReturnData::*;
    // RFC 3501 §6.4.4 and §7.2.5.
    kat!(SearchData, b"SEARCH 2 84 882", b"", numbers(&[2, 84, 882]));
    kat!(SearchData, b"SEARCH", b"", numbers(&[]));
    kat!(SearchData, b"SEARCH 43", b"", numbers(&[43]));
    kat!(
        SearchData,
        b"SEARCH 2 3 6\r\n",
        b"\r\n",
        numbers(&[2, 3, 6])
    );
    // RFC 7162 §3.1.5.
    kat!(
        SearchData,
        b"SEARCH 2 5 6 7 11 12 18 19 20 23 (MODSEQ 917162500)",
        b"",
        SearchData {
            mod_seq: Some(NzNumber64::new(917_162_500).unwrap()),
            ..numbers(&[2, 5, 6, 7, 11, 12, 18, 19, 20, 23])
        }
    );
    // RFC 4731 §3.1 and RFC 9051 §6.4.4.
    kat!(
        EsearchData,
        b"ESEARCH (TAG \"A282\") MIN 2 COUNT 3",
        b"",
        es(tag("A282"), false, alloc::vec![Min(n(2)), Count(3)])
    );
    kat!(
        EsearchData,
        b"ESEARCH (TAG \"A283\") ALL 2,10:11",
        b"",
        es(
            tag("A283"),
            false,
            alloc::vec![all(&[one(2), range(10, 11)])]
        )
    );
    kat!(
        EsearchData,
        b"ESEARCH (TAG \"A284\")",
        b"",
        es(tag("A284"), false, alloc::vec![])
    );
    kat!(
        EsearchData,
        b"ESEARCH (TAG \"A284\") MIN 4",
        b"",
        es(tag("A284"), false, alloc::vec![Min(n(4))])
    );
    kat!(
        EsearchData,
        b"ESEARCH (TAG \"A285\") UID MIN 7 MAX 3800",
        b"",
        es(tag("A285"), true, alloc::vec![Min(n(7)), Max(n(3800))])
    );
    kat!(
        EsearchData,
        b"ESEARCH (TAG \"A286\") COUNT 15",
        b"",
        es(tag("A286"), false, alloc::vec![Count(15)])
    );
    // A UID search without results.
    kat!(
        EsearchData,
        b"ESEARCH (TAG \"T7\") UID",
        b"",
        es(tag("T7"), true, alloc::vec![])
    );
    // RFC 9051 §7.3.4: without a correlator.
    kat!(
        EsearchData,
        b"ESEARCH UID COUNT 17 ALL 4:18,21,28",
        b"",
        es(
            None,
            true,
            alloc::vec![Count(17), all(&[range(4, 18), one(21), one(28)])]
        )
    );
    kat!(
        EsearchData,
        b"ESEARCH (TAG \"a567\") UID COUNT 17 ALL 4:18,21,28",
        b"",
        es(
            tag("a567"),
            true,
            alloc::vec![Count(17), all(&[range(4, 18), one(21), one(28)])]
        )
    );
    kat!(
        EsearchData,
        b"ESEARCH COUNT 18 ALL 1:17,21",
        b"",
        es(
            None,
            false,
            alloc::vec![Count(18), all(&[range(1, 17), one(21)])]
        )
    );
    kat!(EsearchData, b"ESEARCH", b"", es(None, false, alloc::vec![]));
    // RFC 4731 §3.2 with RFC 7162.
    let modseq = |v: u64| ModSeq(NzNumber64::new(v).unwrap());
    kat!(
        EsearchData,
        b"ESEARCH (TAG \"a1\") MIN 2 MODSEQ 917162488",
        b"",
        es(
            tag("a1"),
            false,
            alloc::vec![Min(n(2)), modseq(917_162_488)]
        )
    );
    kat!(
        EsearchData,
        b"ESEARCH (TAG \"a4\") MIN 2 COUNT 10 MODSEQ 917162500",
        b"",
        es(
            tag("a4"),
            false,
            alloc::vec![Min(n(2)), Count(10), modseq(917_162_500)]
        )
    );
    // RFC 9394's data, and keywords in any case.
    kat!(
        EsearchData,
        b"esearch (tag a1) uid partial (-1:-100 200:250,252:300)",
        b"",
        es(
            tag("a1"),
            true,
            alloc::vec![Partial {
                range: crate::types::search_ext::PartialRange::Last(n(1), n(100)),
                results: Some(
                    NonEmptyList::try_from(alloc::vec![range(200, 250), range(252, 300)]).unwrap()
                ),
            }]
        )
    );
    assert_eq!(
        crate::to_vec(&EsearchData::parse(b"esearch (tag a1) uid min 1").unwrap()),
        b"ESEARCH (TAG \"a1\") UID MIN 1"
    );
    // A name that starts with UID is data, not the marker.
    kat!(
        EsearchData,
        b"ESEARCH UIDS 1",
        b"",
        es(
            None,
            false,
            alloc::vec![Extension(
                SearchReturnExtension::new("UIDS").unwrap(),
                crate::types::tagged_ext::TaggedExtValue::new(&b"1"[..]).unwrap()
            )]
        )
    );
}

#[test]
fn invalid_search_responses() {
    bad!(
        SearchData,
        &[
            (b"SEARCH 0", ErrorKind::Expected("nz-number"), 7),
            (b"SEARCH 1 0", ErrorKind::Trailing, 8),
            (b"SEARCH 1  2", ErrorKind::Trailing, 8),
            (b"SEARCH 1 ", ErrorKind::Trailing, 8),
            (b"SEARCH 4294967296", ErrorKind::BadNumber, 7),
            (
                b"SEARCH 1 (MODSEQ 0)",
                ErrorKind::Expected("nz-number64"),
                17
            ),
            (b"SEARCH 1 (MODSEQ 5", ErrorKind::Expected("\")\""), 18),
            (b"SEARCH 1 (FOO 5)", ErrorKind::Expected("MODSEQ"), 10),
            (b"SEARCHING", ErrorKind::Trailing, 6),
        ]
    );
    bad!(
        EsearchData,
        &[
            (b"ESEARCH (TAG)", ErrorKind::Expected("SP"), 12),
            (b"ESEARCH (TAG \"a\"", ErrorKind::Expected("\")\""), 16),
            (b"ESEARCH (FOO \"a\")", ErrorKind::Expected("TAG"), 9),
            (b"ESEARCH MIN 0", ErrorKind::Expected("nz-number"), 12),
            (b"ESEARCH MIN", ErrorKind::Expected("SP"), 11),
            (
                b"ESEARCH ALL $",
                ErrorKind::Expected("sequence-set without $"),
                12
            ),
            (b"ESEARCH ALL 1,", ErrorKind::Expected("seq-number"), 14),
            (b"ESEARCH COUNT x", ErrorKind::Expected("number"), 14),
            (
                b"ESEARCH X-FOO bar",
                ErrorKind::Expected("tagged-ext-val"),
                14
            ),
            (b"ESEARCH UID UID", ErrorKind::Expected("SP"), 15),
            (b"ESEARCH MIN 1 ", ErrorKind::Trailing, 13),
            (
                b"ESEARCH  MIN 1",
                ErrorKind::Expected("tagged-ext-label"),
                8
            ),
        ]
    );
    for known in RETURN_NAMES {
        assert!(
            SearchReturnExtension::new(known.to_ascii_lowercase()).is_err(),
            "{known}"
        );
    }
    assert!(SearchReturnExtension::parse(b"count").is_err());
    assert!(SearchReturnExtension::parse(b"MODSEQ").is_err());
    assert!(SearchReturnExtension::parse(b"RELEVANCY").is_ok());
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_search_responses_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};
    for buf in crate::testing::random_buffers(4000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = SearchData::arbitrary(&mut u) {
            assert_round_trip!(SearchData, v);
        }
        if let Ok(v) = SearchReturnExtension::arbitrary(&mut u) {
            assert_round_trip!(SearchReturnExtension, v);
        }
        if let Ok(v) = SearchReturnData::arbitrary(&mut u) {
            assert_round_trip!(SearchReturnData, v);
        }
        if let Ok(v) = EsearchData::arbitrary(&mut u) {
            assert_round_trip!(EsearchData, v);
        }
    }
}
