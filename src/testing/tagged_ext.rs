//! Strategies, known answers and round trips for generic extension data, and the helpers the
//! other mailbox-data test files share.

use alloc::vec::Vec;

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::error::{ErrorKind, ParseError};
use crate::parse::Parse;
use crate::serialize::{EncodeConfig, Encoder, LiteralMode};
use crate::testing::primitive::string_bytes;
use crate::testing::sequence::sequence_set;
use crate::testing::{assert_round_trip, config, encode_with};
use crate::types::primitive::Number64;
use crate::types::tagged_ext::{ExtToken, OptionValue, TaggedExtLabel, TaggedExtValue};

/// `kat!(Type, bytes, remainder, expected)`: parses a prefix, checks the remainder and the
/// value, and checks that the value's serialization parses back equal.
macro_rules! kat {
    ($ty:ident, $bytes:expr, $rest:expr, $want:expr) => {{
        let bytes: &[u8] = $bytes;
        let (value, rest) = match <$ty<'_> as $crate::parse::Parse<'_>>::parse_prefix(
            bytes,
            &$crate::config::ParseConfig::default(),
        ) {
            Ok(v) => v,
            Err(e) => panic!("{:?} does not parse: {e}", bstr::BStr::new(bytes)),
        };
        assert_eq!(rest, $rest, "remainder of {:?}", bstr::BStr::new(bytes));
        assert_eq!(value, $want, "{:?}", bstr::BStr::new(bytes));
        $crate::testing::assert_round_trip!($ty, value);
    }};
}
pub(crate) use kat;

/// `bad!(Type, [(bytes, kind, offset), ...])`: each input fails to parse as `Type` under the
/// strict grammar with that error (every mismatch is listed before failing).
macro_rules! bad {
    ($ty:ident, $cases:expr) => {{
        let cases: &[(&[u8], $crate::error::ErrorKind, usize)] = $cases;
        let mut wrong = alloc::vec::Vec::new();
        for (input, kind, offset) in cases {
            let strict = $crate::config::ParseConfig::strict();
            let got = <$ty<'_> as $crate::parse::Parse<'_>>::parse_with(input, &strict).map(|_| ());
            let want = Err($crate::error::ParseError {
                kind: *kind,
                offset: *offset,
            });
            if got != want {
                wrong.push(alloc::format!("{:?}: got {got:?}", bstr::BStr::new(input)));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }};
}
pub(crate) use bad;

/// The shared proptest configuration (10,000 cases) with the XorShift generator: the
/// strategies of this area draw many values per case, and ChaCha dominates their run time in
/// debug builds.
pub(crate) fn cases() -> proptest::test_runner::Config {
    proptest::test_runner::Config {
        rng_algorithm: proptest::test_runner::RngAlgorithm::XorShift,
        ..config()
    }
}

/// Every encoder configuration that matters: literal modes and `UTF8=ACCEPT`.
pub(crate) fn encode_configs() -> impl Strategy<Value = EncodeConfig> {
    (
        prop_oneof![
            Just(LiteralMode::Sync),
            Just(LiteralMode::NonSync),
            Just(LiteralMode::NonSyncUpTo4096)
        ],
        any::<bool>(),
    )
        .prop_map(|(m, u)| {
            EncodeConfig::default()
                .with_literal_mode(m)
                .with_utf8_accept(u)
        })
}

/// Bytes that stress the parsers of this area: its delimiters, keywords' letters and any byte.
pub(crate) fn noise() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(
        prop_oneof![
            Just(b' '),
            Just(b'('),
            Just(b')'),
            Just(b'"'),
            Just(b'\\'),
            Just(b'{'),
            Just(b'N'),
            Just(b'1'),
            any::<u8>()
        ],
        0..40,
    )
}

pub(crate) fn tagged_ext_label() -> impl Strategy<Value = TaggedExtLabel<'static>> {
    "[A-Za-z._-][A-Za-z0-9._:-]{0,10}".prop_map(|s| TaggedExtLabel::new(s).unwrap())
}

/// A `tagged-ext-comp` element: an astring or a parenthesised list of elements.
#[derive(Clone, Debug)]
enum Comp {
    Str(Vec<u8>),
    List(Vec<Comp>),
}

fn comp() -> impl Strategy<Value = Comp> {
    string_bytes()
        .prop_map(Comp::Str)
        .prop_recursive(3, 12, 3, |inner| {
            proptest::collection::vec(inner, 1..4).prop_map(Comp::List)
        })
}

fn write_comps(enc: &mut Encoder, comps: &[Comp]) {
    for (k, c) in comps.iter().enumerate() {
        if k > 0 {
            enc.byte(b' ');
        }
        match c {
            Comp::Str(v) => enc.astring(v),
            Comp::List(inner) => {
                enc.byte(b'(');
                write_comps(enc, inner);
                enc.byte(b')');
            }
        }
    }
}

fn paren_comps(comps: &[Comp], enc: EncodeConfig) -> Vec<u8> {
    let mut e = Encoder::new(enc);
    e.byte(b'(');
    write_comps(&mut e, comps);
    e.byte(b')');
    e.into_inner()
}

pub(crate) fn tagged_ext_value() -> impl Strategy<Value = TaggedExtValue<'static>> {
    prop_oneof![
        (0..=i64::MAX as u64).prop_map(|n| TaggedExtValue::number(Number64::new(n).unwrap())),
        sequence_set().prop_map(|s| TaggedExtValue::sequence_set(&s)),
        (string_bytes(), encode_configs()).prop_map(|(v, enc)| {
            let mut e = Encoder::new(enc);
            e.string(&v);
            TaggedExtValue::new(e.into_inner()).unwrap()
        }),
        Just(TaggedExtValue::new(&b"()"[..]).unwrap()),
        (proptest::collection::vec(comp(), 1..4), encode_configs())
            .prop_map(|(c, enc)| TaggedExtValue::new(paren_comps(&c, enc)).unwrap()),
    ]
}

pub(crate) fn option_value() -> impl Strategy<Value = OptionValue<'static>> {
    (proptest::collection::vec(comp(), 1..4), encode_configs())
        .prop_map(|(c, enc)| OptionValue::new(paren_comps(&c, enc)).unwrap())
}

proptest! {
    #![proptest_config(crate::testing::tagged_ext::cases())]

    #[test]
    fn tagged_ext_label_round_trips(v in tagged_ext_label()) {
        assert_round_trip!(TaggedExtLabel, v);
    }

    #[test]
    fn tagged_ext_value_round_trips(v in tagged_ext_value(), enc in encode_configs()) {
        assert_round_trip!(TaggedExtValue, v.clone(), enc, &ParseConfig::default());
        // Equal values hash and tokenize alike whatever form their strings took.
        let again = TaggedExtValue::new(encode_with(&v, enc)).unwrap();
        prop_assert_eq!(again.tokens().collect::<Vec<_>>(), v.tokens().collect::<Vec<_>>());
    }

    #[test]
    fn option_value_round_trips(v in option_value(), enc in encode_configs()) {
        assert_round_trip!(OptionValue, v, enc, &ParseConfig::default());
    }

    #[test]
    fn no_input_panics_the_extension_parsers(v in noise()) {
        let _ = TaggedExtLabel::parse(&v);
        if let Ok(t) = TaggedExtValue::parse(&v) {
            prop_assert!(t.tokens().count() > 0);
            let bytes = crate::to_vec(&t);
            prop_assert_eq!(TaggedExtValue::parse(&bytes).unwrap(), t);
        }
        if let Ok(o) = OptionValue::parse(&v) {
            prop_assert_eq!(o.tokens().next(), Some(ExtToken::Open));
        }
    }
}

fn s(v: &'static [u8]) -> ExtToken<'static> {
    ExtToken::String(v.into())
}

#[test]
fn known_extension_values() {
    use ExtToken::{Close, Open, Simple};
    let tv = |b: &'static [u8]| TaggedExtValue::new(b).unwrap();
    // RFC 9051 §7.3.1: extended LIST data.
    kat!(
        TaggedExtValue,
        b"((\"edge\" \"lacy\") (\"color\" \"red\")) Sample",
        b" Sample",
        tv(b"((edge lacy) (color red))")
    );
    assert_eq!(
        tv(b"((\"edge\" \"lacy\") (\"color\" \"red\"))")
            .tokens()
            .collect::<Vec<_>>(),
        [
            Open,
            Open,
            s(b"edge"),
            s(b"lacy"),
            Close,
            Open,
            s(b"color"),
            s(b"red"),
            Close,
            Close
        ]
    );
    // A string as the whole value (the same example's `Sample "text"`): written quoted.
    kat!(TaggedExtValue, b"\"text\")", b")", tv(b"{4}\r\ntext"));
    assert_eq!(crate::to_vec(&tv(b"{4}\r\ntext")), b"\"text\"");
    // Simple values: sequence sets and numbers, kept as written.
    kat!(TaggedExtValue, b"1:5,7 X", b" X", tv(b"1:5,7"));
    kat!(TaggedExtValue, b"$", b"", tv(b"$"));
    kat!(TaggedExtValue, b"0", b"", tv(b"0"));
    kat!(TaggedExtValue, b"917162488", b"", tv(b"917162488"));
    kat!(
        TaggedExtValue,
        b"9223372036854775807",
        b"",
        TaggedExtValue::number(Number64::MAX)
    );
    assert_eq!(tv(b"12").tokens().collect::<Vec<_>>(), [Simple(b"12")]);
    assert_ne!(tv(b"12"), tv(b"\"12\""));
    kat!(TaggedExtValue, b"()", b"", tv(b"()"));
    kat!(
        TaggedExtValue,
        b"(a (b (c)) d)",
        b"",
        tv(b"(\"a\" (b ({1}\r\nc)) d)")
    );
    assert_ne!(tv(b"(a b)"), tv(b"(a (b))"));
    assert_eq!(crate::to_vec(&tv(b"(\"a\" (\"b c\"))")), b"(a (\"b c\"))");
    kat!(
        OptionValue,
        b"(tablecloth) x",
        b" x",
        OptionValue::new(&b"(\"tablecloth\")"[..]).unwrap()
    );
    kat!(
        TaggedExtLabel,
        b"X-GM-LABELS ",
        b" ",
        TaggedExtLabel::new("X-GM-LABELS").unwrap()
    );
    kat!(
        TaggedExtLabel,
        b"a.b:1",
        b"",
        TaggedExtLabel::new("a.b:1").unwrap()
    );

    bad!(
        TaggedExtValue,
        &[
            (b"", ErrorKind::Expected("tagged-ext-val"), 0),
            (b"abc", ErrorKind::Expected("tagged-ext-val"), 0),
            (b"(a", ErrorKind::Expected("\")\""), 2),
            (b"(a )", ErrorKind::Expected("astring"), 3),
            (b"( a)", ErrorKind::Expected("astring"), 1),
            (b"(())", ErrorKind::Expected("astring"), 2),
            (b"(1:*)", ErrorKind::Expected("\")\""), 3),
            (b"1:", ErrorKind::Expected("seq-number"), 2),
            (b"5,", ErrorKind::Expected("seq-number"), 2),
            (b"99999999999999999999", ErrorKind::BadNumber, 0),
            (b"1 2", ErrorKind::Trailing, 1),
            (b"\"a", ErrorKind::Incomplete, 2),
        ]
    );
    bad!(
        OptionValue,
        &[
            (b"()", ErrorKind::Expected("astring"), 1),
            (b"x", ErrorKind::Expected("option-value"), 0),
            (b"12", ErrorKind::Expected("option-value"), 0),
        ]
    );
    bad!(
        TaggedExtLabel,
        &[
            (b"1a", ErrorKind::Expected("tagged-ext-label"), 0),
            (b"", ErrorKind::Expected("tagged-ext-label"), 0),
            (b"a b", ErrorKind::Trailing, 1),
        ]
    );
    for v in [&b"abc"[..], b"(a", b"()x", b"1,"] {
        assert!(TaggedExtValue::new(v).is_err(), "{v:?}");
    }
    assert!(OptionValue::new(&b"()"[..]).is_err());
    assert!(TaggedExtLabel::new(":a").is_err());
}

#[test]
fn extension_values_nest_only_to_the_limit() {
    let deep = |n: usize| {
        let mut v = alloc::vec![b'('; n];
        v.push(b'a');
        v.extend(core::iter::repeat_n(b')', n));
        v
    };
    let cfg = ParseConfig::default().with_max_depth(4);
    assert!(TaggedExtValue::parse_with(&deep(4), &cfg).is_ok());
    assert_eq!(
        TaggedExtValue::parse_with(&deep(5), &cfg),
        Err(ParseError {
            kind: ErrorKind::TooDeep,
            offset: 4
        })
    );
    assert_eq!(
        OptionValue::parse_with(&deep(5), &cfg).unwrap_err().kind,
        ErrorKind::TooDeep
    );
    // The default limit holds against a deep input without exhausting the stack.
    assert_eq!(
        TaggedExtValue::parse(&deep(100_000)).unwrap_err().kind,
        ErrorKind::TooDeep
    );
}

#[test]
fn literals_in_values_follow_the_encoder() {
    let v = TaggedExtValue::new(&b"(a {2+}\r\n\r\n)"[..]).unwrap();
    let mut enc = Encoder::new(EncodeConfig::default());
    crate::Encode::encode(&v, &mut enc);
    assert_eq!(enc.bytes(), b"(a {2}\r\n\r\n)");
    assert_eq!(enc.sync_points(), [8]);
    let plus = encode_with(
        &v,
        EncodeConfig::default().with_literal_mode(LiteralMode::NonSync),
    );
    assert_eq!(plus, b"(a {2+}\r\n\r\n)");
    assert_eq!(TaggedExtValue::parse(&plus).unwrap(), v);
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_extension_values_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};
    for buf in crate::testing::random_buffers(4000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = TaggedExtLabel::arbitrary(&mut u) {
            assert_round_trip!(TaggedExtLabel, v);
        }
        if let Ok(v) = TaggedExtValue::arbitrary(&mut u) {
            assert!(TaggedExtValue::new(v.as_bytes().to_vec()).is_ok(), "{v:?}");
            assert_round_trip!(TaggedExtValue, v);
        }
        if let Ok(v) = OptionValue::arbitrary(&mut u) {
            assert_round_trip!(OptionValue, v);
        }
    }
}
