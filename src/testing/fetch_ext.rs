//! Strategies, known answers and round trips for the FETCH items of extensions: CONDSTORE's
//! `MODSEQ`, OBJECTID's `EMAILID` and `THREADID`, `SAVEDATE`, `PREVIEW`, Dovecot's `SNIPPET`
//! and Gmail's `X-GM-*` items, in requests and responses.

use alloc::vec::Vec;

use proptest::prelude::*;

use crate::owned::IntoStatic;
use crate::parse::Parse;
use crate::testing::datetime::date_time;
use crate::testing::primitive::{ascii_from, atom, nstring, string_bytes};
use crate::testing::status::objectid;
use crate::testing::{assert_reparses, assert_round_trip, config};
use crate::types::fetch::{FetchAttribute, FetchItems};
use crate::types::fetch_ext::{GmLabel, SnippetOption};
use crate::types::list::List;
use crate::types::message::MessageAttribute;
use crate::types::primitive::{NString, Number64};
use crate::types::response::{Data, Response, Untagged};

pub(crate) fn gm_label() -> impl Strategy<Value = GmLabel<'static>> {
    prop_oneof![
        ascii_from(crate::chars::is_atom_char, 1, 10).prop_map(|s| {
            let mut v = alloc::vec![b'\\'];
            v.extend_from_slice(s.as_bytes());
            v
        }),
        string_bytes(),
    ]
    .prop_map(|v| GmLabel::new(v).unwrap())
}

/// The attributes extensions add to FETCH.
pub(crate) fn fetch_attribute_ext() -> impl Strategy<Value = FetchAttribute<'static>> {
    use FetchAttribute as A;
    proptest::sample::select(alloc::vec![
        A::ModSeq,
        A::EmailId,
        A::ThreadId,
        A::SaveDate,
        A::Preview { lazy: false },
        A::Preview { lazy: true },
        A::Snippet(None),
        A::Snippet(Some(SnippetOption::Fuzzy)),
        A::Snippet(Some(SnippetOption::LazyFuzzy)),
        A::GmMsgId,
        A::GmThrId,
        A::GmLabels,
    ])
}

/// The FETCH response items extensions add.
pub(crate) fn message_attribute_ext() -> impl Strategy<Value = MessageAttribute<'static>> {
    use MessageAttribute as M;
    prop_oneof![
        (0..=i64::MAX as u64).prop_map(|n| M::ModSeq(Number64::new(n).unwrap())),
        objectid().prop_map(M::EmailId),
        proptest::option::of(objectid()).prop_map(M::ThreadId),
        proptest::option::of(date_time()).prop_map(M::SaveDate),
        nstring().prop_map(M::Preview),
        (atom(), nstring()).prop_map(|(algorithm, text)| M::Snippet { algorithm, text }),
        any::<u64>().prop_map(M::GmMsgId),
        any::<u64>().prop_map(M::GmThrId),
        proptest::collection::vec(gm_label(), 0..4).prop_map(|v| M::GmLabels(List::from(v))),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fetch_attribute_ext_round_trips(v in fetch_attribute_ext()) {
        assert_round_trip!(FetchAttribute, v.clone());
        assert_round_trip!(FetchItems, FetchItems::Attribute(v));
    }

    #[test]
    fn message_attribute_ext_round_trips(v in message_attribute_ext()) {
        assert_round_trip!(MessageAttribute, v);
    }

    #[test]
    fn gm_label_round_trips(v in gm_label()) {
        assert_round_trip!(GmLabel, v);
    }
}

fn items(bytes: &[u8]) -> Vec<MessageAttribute<'static>> {
    let r = assert_reparses!(Response, bytes);
    let Response::Untagged(Untagged::Data(Data::Fetch { items, .. })) = r else {
        panic!("not a FETCH response: {r:?}")
    };
    items.iter().map(IntoStatic::into_static).collect()
}

fn label(s: &str) -> GmLabel<'static> {
    GmLabel::new(s.as_bytes().to_vec()).unwrap()
}

#[test]
fn response_items_have_their_values() {
    use MessageAttribute as M;
    let oid = |s: &'static str| crate::types::status::ObjectId::new(s).unwrap();
    // RFC 7162 §3.1.4.1
    assert_eq!(
        items(b"* 4 FETCH (UID 8 MODSEQ (12121231000))\r\n")[1],
        M::ModSeq(Number64::new(12_121_231_000).unwrap())
    );
    // RFC 8474 §5.1, §5.2
    assert_eq!(
        items(b"* 3 FETCH (EMAILID (Ma6e7f0f6) THREADID NIL)\r\n"),
        [M::EmailId(oid("Ma6e7f0f6")), M::ThreadId(None)]
    );
    assert_eq!(
        items(b"* 1 FETCH (threadid (T64b478a75b7ea9def))\r\n"),
        [M::ThreadId(Some(oid("T64b478a75b7ea9def")))]
    );
    // RFC 8514 §4.1
    let saved = items(b"* 1 FETCH (SAVEDATE \"01-Jan-2019 10:12:00 +0100\" UID 1)\r\n");
    assert!(matches!(saved[0], M::SaveDate(Some(_))));
    assert_eq!(items(b"* 1 FETCH (SAVEDATE NIL)\r\n"), [M::SaveDate(None)]);
    // RFC 8970 §3.1
    assert_eq!(
        items(b"* 1 FETCH (PREVIEW NIL)\r\n"),
        [M::Preview(NString(None))]
    );
    // Dovecot
    let M::Snippet { algorithm, text } = &items(b"* 1 FETCH (SNIPPET (FUZZY \"Hi there\"))\r\n")[0]
    else {
        panic!()
    };
    assert_eq!(
        (algorithm.as_str(), text.as_bytes()),
        ("FUZZY", Some(&b"Hi there"[..]))
    );
    // Gmail
    assert_eq!(
        items(b"* 1 FETCH (X-GM-THRID 18446744073709551615 X-GM-MSGID 1278455344230334865)\r\n"),
        [M::GmThrId(u64::MAX), M::GmMsgId(1_278_455_344_230_334_865)]
    );
    let M::GmLabels(labels) =
        &items(b"* 1 FETCH (X-GM-LABELS (\\Inbox \"\\\\Important\" Work \"Muy Importante\"))\r\n")
            [0]
    else {
        panic!()
    };
    let labels: Vec<_> = labels.iter().collect();
    assert_eq!(
        labels,
        [
            label("\\Inbox"),
            label("\\Important"),
            label("Work"),
            label("Muy Importante")
        ]
    );
    assert!(labels[1].is_system());
    assert_eq!(
        items(b"* 1 FETCH (X-GM-LABELS ())\r\n"),
        [M::GmLabels(List::new())]
    );
}

#[test]
fn request_items_read_in_any_case() {
    use FetchAttribute as A;
    let table: &[(&[u8], FetchAttribute<'static>, &[u8])] = &[
        (b"modseq", A::ModSeq, b"MODSEQ"),
        (b"EmailId", A::EmailId, b"EMAILID"),
        (b"threadid", A::ThreadId, b"THREADID"),
        (b"savedate", A::SaveDate, b"SAVEDATE"),
        (b"preview", A::Preview { lazy: false }, b"PREVIEW"),
        (
            b"preview (lazy)",
            A::Preview { lazy: true },
            b"PREVIEW (LAZY)",
        ),
        (b"snippet", A::Snippet(None), b"SNIPPET"),
        (
            b"SNIPPET (fuzzy)",
            A::Snippet(Some(SnippetOption::Fuzzy)),
            b"SNIPPET (FUZZY)",
        ),
        (
            b"SNIPPET (LAZY=FUZZY)",
            A::Snippet(Some(SnippetOption::LazyFuzzy)),
            b"SNIPPET (LAZY=FUZZY)",
        ),
        (b"x-gm-msgid", A::GmMsgId, b"X-GM-MSGID"),
        (b"X-GM-THRID", A::GmThrId, b"X-GM-THRID"),
        (b"X-GM-LABELS", A::GmLabels, b"X-GM-LABELS"),
    ];
    for (input, want, canonical) in table {
        assert_eq!(&FetchAttribute::parse(input).unwrap(), want);
        assert_eq!(crate::to_vec(want), *canonical);
    }
    // A list after a lone PREVIEW that is not `(LAZY)` is not the item's.
    assert!(FetchAttribute::parse(b"PREVIEW (CHANGEDSINCE 1)").is_err());
}

#[test]
fn known_items_must_have_their_form() {
    for bad in [
        &b"* 1 FETCH (MODSEQ 12)\r\n"[..],
        b"* 1 FETCH (EMAILID M1)\r\n",
        b"* 1 FETCH (THREADID ())\r\n",
        b"* 1 FETCH (X-GM-MSGID 18446744073709551616)\r\n",
        b"* 1 FETCH (X-GM-LABELS \\Inbox)\r\n",
        b"* 1 FETCH (SNIPPET \"x\")\r\n",
    ] {
        assert!(
            Response::parse_with(bad, &crate::config::ParseConfig::strict()).is_err(),
            "{:?}",
            bstr::BStr::new(bad)
        );
    }
}

#[test]
fn unknown_items_stay_raw_byte_for_byte() {
    let wire = b"* 7 FETCH (X-FOO (1 \"a b\" {3}\r\nxyz NIL) UID 3 XBAR 12)\r\n";
    let r = Response::parse(wire).unwrap();
    assert_eq!(crate::to_vec(&r), wire);
    let Response::Untagged(Untagged::Data(Data::Fetch { items, .. })) = r else {
        panic!()
    };
    let MessageAttribute::Other(o) = items.iter().next().unwrap() else {
        panic!()
    };
    assert_eq!(
        (o.name().as_str(), o.value()),
        ("X-FOO", &b"(1 \"a b\" {3}\r\nxyz NIL)"[..])
    );
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_values_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};
    let mut ext = 0;
    for buf in crate::testing::random_buffers(4000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = FetchAttribute::arbitrary(&mut u) {
            ext += usize::from(matches!(
                v,
                FetchAttribute::GmLabels | FetchAttribute::Snippet(_)
            ));
            assert_round_trip!(FetchAttribute, v);
        }
        if let Ok(v) = GmLabel::arbitrary(&mut u) {
            assert_round_trip!(GmLabel, v);
        }
        if let Ok(v) = SnippetOption::arbitrary(&mut u) {
            assert_round_trip!(FetchAttribute, FetchAttribute::Snippet(Some(v)));
        }
    }
    assert!(ext > 0, "extension items are never generated");
}
