//! Strategies, known answers and round trips for the generic extension syntax (RFC 4466).

use alloc::string::String;
use alloc::vec::Vec;

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::error::{ErrorKind, ParseError};
use crate::parse::Parse;
use crate::serialize::{EncodeConfig, Encoder, LiteralMode};
use crate::testing::primitive::string_bytes;
use crate::testing::sequence::sequence_set;
use crate::testing::{assert_reparses, assert_round_trip, config};
use crate::types::extension::{
    ExtParam, TaggedExt, TaggedExtLabel, TaggedExtVal, is_label_char, is_label_fchar,
};

pub(crate) fn tagged_ext_label() -> impl Strategy<Value = TaggedExtLabel<'static>> {
    let first: Vec<char> = (0..0x80u8)
        .filter(|&b| is_label_fchar(b))
        .map(char::from)
        .collect();
    let more: Vec<char> = (0..0x80u8)
        .filter(|&b| is_label_char(b))
        .map(char::from)
        .collect();
    (
        proptest::sample::select(first),
        proptest::collection::vec(proptest::sample::select(more), 0..10),
    )
        .prop_map(|(f, m)| {
            let mut s = String::new();
            s.push(f);
            s.extend(m);
            TaggedExtLabel::new(s).unwrap()
        })
}

/// The bytes of a `tagged-ext-comp`, its strings written by the encoder's own rules.
fn comp_bytes() -> impl Strategy<Value = Vec<u8>> {
    // An item is a string, or `\` and an atom (RFC 6154's `use-attr`).
    let item = prop_oneof![
        3 => string_bytes().prop_map(Ok),
        1 => crate::testing::primitive::atom().prop_map(|a| Err(alloc::format!("\\{}", a.as_str()))),
    ];
    let leaf = proptest::collection::vec(item, 1..4).prop_map(|items| {
        let mut enc = Encoder::new(EncodeConfig::default());
        enc.list(items, |enc, item| match item {
            Ok(s) => enc.astring(&s),
            Err(flag) => enc.raw(flag.as_bytes()),
        });
        enc.into_inner()
    });
    leaf.prop_recursive(3, 16, 3, |inner| {
        proptest::collection::vec(
            prop_oneof![
                inner.clone(),
                inner.prop_map(|b| [&b"("[..], &b, b")"].concat())
            ],
            1..4,
        )
        .prop_map(|parts| parts.join(&b' '))
    })
}

pub(crate) fn tagged_ext_val() -> impl Strategy<Value = TaggedExtVal<'static>> {
    prop_oneof![
        sequence_set().prop_map(|s| crate::to_vec(&s)),
        (0u64..=i64::MAX as u64).prop_map(|n| alloc::format!("{n}").into_bytes()),
        Just(b"()".to_vec()),
        comp_bytes().prop_map(|b| [&b"("[..], &b, b")"].concat()),
    ]
    .prop_map(|b| TaggedExtVal::new(b).unwrap())
}

pub(crate) fn ext_param() -> impl Strategy<Value = ExtParam<'static>> {
    (tagged_ext_label(), proptest::option::of(tagged_ext_val()))
        .prop_map(|(name, value)| ExtParam { name, value })
}

pub(crate) fn tagged_ext() -> impl Strategy<Value = TaggedExt<'static>> {
    (tagged_ext_label(), tagged_ext_val()).prop_map(|(label, value)| TaggedExt { label, value })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn tagged_ext_label_round_trips(v in tagged_ext_label()) {
        assert_round_trip!(TaggedExtLabel, v);
    }

    #[test]
    fn tagged_ext_val_round_trips(v in tagged_ext_val()) {
        assert_round_trip!(TaggedExtVal, v.clone());
        prop_assert_eq!(crate::to_vec(&v), v.as_bytes());
    }

    #[test]
    fn ext_param_round_trips(v in ext_param()) {
        assert_round_trip!(ExtParam, v);
    }

    #[test]
    fn tagged_ext_round_trips(v in tagged_ext()) {
        assert_round_trip!(TaggedExt, v);
    }

    #[test]
    fn no_input_panics_the_extension_parsers(v in proptest::collection::vec(
        prop_oneof![Just(b'('), Just(b')'), Just(b' '), Just(b'{'), Just(b'"'), Just(b'1'),
            Just(b':'), Just(b'*'), any::<u8>()],
        0..32,
    )) {
        let _ = TaggedExtVal::parse(&v);
        let _ = ExtParam::parse(&v);
        let _ = TaggedExt::parse(&v);
        let _ = TaggedExtLabel::parse(&v);
    }
}

fn err(kind: ErrorKind, offset: usize) -> ParseError {
    ParseError { kind, offset }
}

#[test]
fn known_extension_values() {
    // RFC 7162 §3.1.8 (CONDSTORE), §3.2.5 (QRESYNC), §3.1.3 (UNCHANGEDSINCE); RFC 6154 §5.2
    // (CREATE USE); RFC 4469 §5 (CATENATE).
    let p = assert_reparses!(ExtParam, b"CONDSTORE");
    assert_eq!((p.name.as_str(), p.value), ("CONDSTORE", None));
    let p = assert_reparses!(
        ExtParam,
        b"QRESYNC (67890007 20050715194045000 41,43:211,214:541)"
    );
    assert!(p.name.is("qresync"));
    assert_eq!(
        p.value.unwrap().as_bytes(),
        b"(67890007 20050715194045000 41,43:211,214:541)"
    );
    let p = assert_reparses!(
        ExtParam,
        b"QRESYNC (67890007 90060115194045000 1:29997 (5000,7500,9000,9990:9999 15000,22500,27000,29970,29973,29976,29979,29982,29985,29988,29991,29994,29997))"
    );
    assert!(p.value.is_some());
    let p = assert_reparses!(ExtParam, b"UNCHANGEDSINCE 12345");
    assert_eq!(p.value.unwrap().as_bytes(), b"12345");
    let p = assert_reparses!(ExtParam, b"USE (\\Drafts)");
    assert_eq!(p.value.unwrap().as_bytes(), b"(\\Drafts)");
    let e = assert_reparses!(
        TaggedExt,
        b"CATENATE (URL \"/Drafts;UIDVALIDITY=385759045/;UID=20\" TEXT {3}\r\nabc)"
    );
    assert_eq!(e.label.as_str(), "CATENATE");
    // Simple values: a sequence set, a number, a number64.
    for ok in [
        &b"1:*"[..],
        b"$",
        b"0",
        b"4294967296",
        b"9223372036854775807",
        b"()",
        b"(a)",
        b"((a) b)",
        b"(\"\" NIL)",
    ] {
        assert_eq!(assert_reparses!(TaggedExtVal, ok).as_bytes(), ok);
    }
    // Where a parameter ends: a space and a label start the next one.
    let (p, rest) = ExtParam::parse_prefix(b"CONDSTORE QRESYNC", &ParseConfig::default()).unwrap();
    assert_eq!((p.value, rest), (None, &b" QRESYNC"[..]));
}

#[test]
fn invalid_extension_values() {
    let bad: &[(&[u8], ParseError)] = &[
        (b"", err(ErrorKind::Expected("tagged-ext-val"), 0)),
        (b"word", err(ErrorKind::Expected("tagged-ext-val"), 0)),
        (b"(", err(ErrorKind::Expected("astring"), 1)),
        (b"(a", err(ErrorKind::Expected("\")\""), 2)),
        (b"(a )", err(ErrorKind::Expected("astring"), 3)),
        (b"( a)", err(ErrorKind::Expected("astring"), 1)),
        (b"(())", err(ErrorKind::Expected("astring"), 2)),
        (b"(a) ", err(ErrorKind::Trailing, 3)),
        (b"1:", err(ErrorKind::Expected("seq-number"), 2)),
        (b"99999999999999999999", err(ErrorKind::BadNumber, 0)),
    ];
    for (input, want) in bad {
        assert_eq!(
            TaggedExtVal::parse(input),
            Err(*want),
            "{:?}",
            bstr::BStr::new(input)
        );
    }
    assert_eq!(
        ExtParam::parse(b"1X"),
        Err(err(ErrorKind::Expected("tagged-ext-label"), 0))
    );
    assert_eq!(
        ExtParam::parse(b"X (a"),
        Err(err(ErrorKind::Expected("\")\""), 4))
    );
    assert_eq!(
        TaggedExt::parse(b"X"),
        Err(err(ErrorKind::Expected("SP"), 1))
    );
    for bad in ["", "1a", ":a", "a b", "a*"] {
        assert!(TaggedExtLabel::new(bad).is_err(), "{bad:?}");
    }
    assert!(TaggedExtVal::new(&b"(a) "[..]).is_err());
    assert!(TaggedExtVal::new(&b"(a"[..]).is_err());
    let shallow = ParseConfig::default().with_max_depth(1);
    assert_eq!(
        TaggedExtVal::parse_with(b"((a))", &shallow),
        Err(err(ErrorKind::TooDeep, 1))
    );
    assert!(TaggedExtVal::parse_with(b"(a)", &shallow).is_ok());
}

#[test]
fn literals_in_values_are_kept_and_make_the_writer_wait() {
    let v = TaggedExtVal::new(&b"(a {3}\r\nx\"y {2+}\r\n\r\n)"[..]).unwrap();
    for mode in [LiteralMode::Sync, LiteralMode::NonSync] {
        let mut enc = Encoder::new(EncodeConfig::default().with_literal_mode(mode));
        crate::serialize::Encode::encode(&v, &mut enc);
        assert_eq!(enc.bytes(), v.as_bytes());
        // Only the synchronising literal waits; the data of both is stepped over.
        assert_eq!(enc.sync_points(), [8]);
    }
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_extension_values_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};

    let mut nested = false;
    for buf in crate::testing::random_buffers(4000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = TaggedExtLabel::arbitrary(&mut u) {
            assert_round_trip!(TaggedExtLabel, v);
        }
        if let Ok(v) = TaggedExtVal::arbitrary(&mut u) {
            nested |= v.as_bytes().starts_with(b"((") || v.as_bytes().contains(&b'{');
            assert_round_trip!(TaggedExtVal, v);
        }
        if let Ok(v) = ExtParam::arbitrary(&mut u) {
            assert_round_trip!(ExtParam, v);
        }
        if let Ok(v) = TaggedExt::arbitrary(&mut u) {
            assert_round_trip!(TaggedExt, v);
        }
    }
    assert!(nested);
}
