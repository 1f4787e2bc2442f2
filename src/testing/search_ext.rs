//! Strategies, known answers and round trips for the search keys of extensions.

use alloc::vec;
use core::num::NonZeroU32;

use proptest::prelude::*;

use crate::error::ErrorKind;
use crate::parse::Parse;
use crate::testing::datetime::date;
use crate::testing::fetch_ext::gm_label;
use crate::testing::primitive::{ascii_from, astring};
use crate::testing::status::objectid;
use crate::testing::{assert_reparses, assert_round_trip, config};
use crate::types::datetime::{Date, Month};
use crate::types::primitive::{AString, Number64};
use crate::types::search::{SearchKey, SearchProgram};
use crate::types::search_ext::{EntryType, ModSeqEntry, PartialRange, SearchKeyExt as X};
use crate::types::status::ObjectId;

fn entry() -> impl Strategy<Value = ModSeqEntry<'static>> {
    (
        any::<bool>(),
        ascii_from(crate::chars::is_atom_char, 1, 10),
        proptest::sample::select(alloc::vec![
            EntryType::Priv,
            EntryType::Shared,
            EntryType::All
        ]),
    )
        .prop_map(|(system, name, t)| {
            let flag = if system {
                alloc::format!("\\{name}")
            } else {
                name
            };
            ModSeqEntry::new(flag, t).unwrap()
        })
}

fn nz() -> impl Strategy<Value = NonZeroU32> {
    (1..=u32::MAX).prop_map(|n| NonZeroU32::new(n).unwrap())
}

pub(crate) fn partial_range() -> impl Strategy<Value = PartialRange> {
    (any::<bool>(), nz(), nz()).prop_map(|(last, a, b)| {
        if last {
            PartialRange::Last(a, b)
        } else {
            PartialRange::First(a, b)
        }
    })
}

/// Every key of an extension.
pub(crate) fn search_key_ext() -> impl Strategy<Value = X<'static>> {
    let dates: [fn(Date) -> X<'static>; 3] = [X::SavedBefore, X::SavedOn, X::SavedSince];
    prop_oneof![
        (
            proptest::option::of(entry()),
            (0..=i64::MAX as u64).prop_map(|n| Number64::new(n).unwrap())
        )
            .prop_map(|(entry, value)| X::ModSeq { entry, value }),
        objectid().prop_map(X::EmailId),
        objectid().prop_map(X::ThreadId),
        (proptest::sample::select(dates.to_vec()), date()).prop_map(|(f, d)| f(d)),
        Just(X::SaveDateSupported),
        nz().prop_map(X::Older),
        nz().prop_map(X::Younger),
        astring().prop_map(X::GmRaw),
        any::<u64>().prop_map(X::GmMsgId),
        any::<u64>().prop_map(X::GmThrId),
        gm_label().prop_map(X::GmLabels),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn search_key_ext_round_trips(v in search_key_ext()) {
        assert_round_trip!(SearchKey, SearchKey::Ext(v.clone()));
        assert_round_trip!(SearchKey, !SearchKey::Ext(v));
    }
}

fn key(bytes: &[u8]) -> X<'static> {
    match assert_reparses!(SearchKey, bytes) {
        SearchKey::Ext(k) => crate::owned::IntoStatic::into_static(k),
        other => panic!("not an extension key: {other:?}"),
    }
}

#[test]
fn keys_have_their_values() {
    let n = |v: u32| NonZeroU32::new(v).unwrap();
    let day = Date::new(2014, Month::Dec, 28).unwrap();
    let table: alloc::vec::Vec<(&[u8], X<'static>)> = alloc::vec![
        // RFC 7162 §3.1.5
        (
            b"MODSEQ \"/flags/\\\\draft\" all 620162338",
            X::ModSeq {
                entry: Some(ModSeqEntry::new("\\draft", EntryType::All).unwrap()),
                value: Number64::new(620_162_338).unwrap(),
            },
        ),
        (
            b"modseq \"/flags/$MDNSent\" PRIV 0",
            X::ModSeq {
                entry: Some(ModSeqEntry::new("$MDNSent", EntryType::Priv).unwrap()),
                value: Number64::new(0).unwrap(),
            },
        ),
        (
            b"MODSEQ 720162338",
            X::ModSeq {
                entry: None,
                value: Number64::new(720_162_338).unwrap(),
            },
        ),
        // RFC 8474 §6
        (
            b"emailid M6d99ac3275bb4e",
            X::EmailId(ObjectId::new("M6d99ac3275bb4e").unwrap())
        ),
        (
            b"THREADID T64b478a75b7ea9",
            X::ThreadId(ObjectId::new("T64b478a75b7ea9").unwrap())
        ),
        // RFC 8514 §4.2
        (b"SAVEDON 28-Dec-2014", X::SavedOn(day)),
        (b"SAVEDSINCE 28-Dec-2014", X::SavedSince(day)),
        (b"savedbefore \"28-Dec-2014\"", X::SavedBefore(day)),
        (b"SAVEDATESUPPORTED", X::SaveDateSupported),
        // RFC 5032 §3
        (b"YOUNGER 259200", X::Younger(n(259_200))),
        (b"older 1", X::Older(n(1))),
        // Gmail
        (
            b"X-GM-RAW \"has:attachment in:unread\"",
            X::GmRaw(AString::new(&b"has:attachment in:unread"[..]).unwrap()),
        ),
        (
            b"X-GM-MSGID 1278455344230334865",
            X::GmMsgId(1_278_455_344_230_334_865)
        ),
        (b"x-gm-thrid 18446744073709551615", X::GmThrId(u64::MAX)),
        (
            b"X-GM-LABELS \\Important",
            X::GmLabels(crate::types::fetch_ext::GmLabel::new(&b"\\Important"[..]).unwrap()),
        ),
    ];
    for (bytes, want) in table {
        assert_eq!(key(bytes), want, "{:?}", bstr::BStr::new(bytes));
    }
    // RFC 7162 §3.1.5: the extension keys nest like any other.
    let p = assert_reparses!(SearchProgram, b"OR NOT MODSEQ 720162338 LARGER 50000");
    assert_eq!(p.keys.len(), 1);
    let p = assert_reparses!(SearchProgram, b"UNSEEN YOUNGER 259200 X-GM-LABELS foo");
    assert_eq!(p.keys.len(), 3);
}

#[test]
fn invalid_keys() {
    let bad: &[(&[u8], usize, ErrorKind)] = &[
        (
            b"MODSEQ \"/flags/\\\\draft\" every 1",
            24,
            ErrorKind::Expected("entry-type-req"),
        ),
        (
            b"MODSEQ \"/other/x\" all 1",
            7,
            ErrorKind::Expected("entry-flag-name"),
        ),
        (
            b"MODSEQ \"/flags/\" all 1",
            7,
            ErrorKind::Expected("entry-flag-name"),
        ),
        (b"YOUNGER 0", 8, ErrorKind::Expected("nz-number")),
        (b"EMAILID (M1)", 8, ErrorKind::Expected("objectid")),
        (b"X-GM-MSGID 18446744073709551616", 11, ErrorKind::BadNumber),
        (b"X-GM-FOO 1", 0, ErrorKind::Expected("search-key")),
    ];
    for (input, offset, kind) in bad {
        let e = SearchKey::parse(input).unwrap_err();
        assert_eq!(
            (e.offset, e.kind),
            (*offset, *kind),
            "{:?}",
            bstr::BStr::new(*input)
        );
    }
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_values_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};
    let mut seen = 0;
    for buf in crate::testing::random_buffers(4000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = X::arbitrary(&mut u) {
            seen += 1;
            assert_round_trip!(SearchKey, SearchKey::Ext(v));
        }
        if let Ok(v) = ModSeqEntry::arbitrary(&mut u) {
            let k = X::ModSeq {
                entry: Some(v),
                value: Number64::new(1).unwrap(),
            };
            assert_round_trip!(SearchKey, SearchKey::Ext(k));
        }
    }
    assert!(seen > 1000, "only {seen} keys generated");
}
