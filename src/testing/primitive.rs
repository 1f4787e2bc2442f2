//! Strategies, known answers and round trips for the core items.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

use proptest::prelude::*;

use crate::chars::{is_astring_char, is_atom_char, is_tag_char, is_text_char};
use crate::config::ParseConfig;
use crate::error::ErrorKind;
use crate::parse::Parse;
use crate::serialize::{EncodeConfig, LiteralMode};
use crate::testing::{assert_reparses, assert_round_trip, config};
use crate::types::auth::Base64;
use crate::types::primitive::{
    AString, Atom, Charset, IString, Literal, Literal8, NString, Number64, NzNumber64, Tag, Text,
};

/// A string of 1..=max bytes drawn from those `ok` accepts (ASCII only).
pub(crate) fn ascii_from(ok: fn(u8) -> bool, min: usize, max: usize) -> BoxedStrategy<String> {
    let alphabet: Vec<char> = (0u8..0x80).filter(|&b| ok(b)).map(char::from).collect();
    proptest::collection::vec(proptest::sample::select(alphabet), min..=max)
        .prop_map(|v| v.into_iter().collect())
        .boxed()
}

pub(crate) fn atom() -> impl Strategy<Value = Atom<'static>> {
    ascii_from(is_atom_char, 1, 12).prop_map(|s| Atom::new(s).unwrap())
}

pub(crate) fn tag() -> impl Strategy<Value = Tag<'static>> {
    ascii_from(is_tag_char, 1, 8).prop_map(|s| Tag::new(s).unwrap())
}

/// Any bytes but NUL, biased towards the interesting ones.
pub(crate) fn string_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        ascii_from(is_astring_char, 0, 10).prop_map(String::into_bytes),
        proptest::collection::vec(
            prop_oneof![
                Just(b'"'),
                Just(b'\\'),
                Just(b'\r'),
                Just(b'\n'),
                Just(b' '),
                Just(b'{'),
                1u8..=255
            ],
            0..24
        ),
        "\\PC{0,8}".prop_map(String::into_bytes),
    ]
}

pub(crate) fn astring() -> impl Strategy<Value = AString<'static>> {
    string_bytes().prop_map(|v| AString::new(v).unwrap())
}

pub(crate) fn istring() -> impl Strategy<Value = IString<'static>> {
    string_bytes().prop_map(|v| IString::new(v).unwrap())
}

pub(crate) fn nstring() -> impl Strategy<Value = NString<'static>> {
    proptest::option::of(istring()).prop_map(NString)
}

pub(crate) fn text() -> impl Strategy<Value = Text<'static>> {
    prop_oneof![
        ascii_from(is_text_char, 1, 30),
        "[a-z \\PC]{1,10}".prop_filter("no CR LF NUL", |s| s
            .bytes()
            .all(|b| b >= 0x80 || is_text_char(b))),
    ]
    .prop_map(|s| Text::new(s).unwrap())
}

/// Every encoder configuration: each literal mode, with and without `UTF8=ACCEPT`.
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

proptest! {
    #![proptest_config(config())]

    #[test]
    fn atom_round_trips(v in atom()) {
        assert_round_trip!(Atom, v);
    }

    #[test]
    fn tag_round_trips(v in tag()) {
        assert_round_trip!(Tag, v);
    }

    #[test]
    fn astring_round_trips(v in astring(), enc in encode_configs()) {
        assert_round_trip!(AString, v, enc, &ParseConfig::default());
    }

    #[test]
    fn string_round_trips(v in istring(), enc in encode_configs()) {
        assert_round_trip!(IString, v, enc, &ParseConfig::default());
    }

    #[test]
    fn nstring_round_trips(v in nstring(), enc in encode_configs()) {
        assert_round_trip!(NString, v, enc, &ParseConfig::default());
    }

    #[test]
    fn literal_round_trips(v in string_bytes(), enc in encode_configs()) {
        assert_round_trip!(Literal, Literal::new(v).unwrap(), enc, &ParseConfig::default());
    }

    #[test]
    fn literal8_round_trips(v in proptest::collection::vec(any::<u8>(), 0..40)) {
        assert_round_trip!(Literal8, Literal8::new(v));
    }

    #[test]
    fn text_round_trips(v in text()) {
        assert_round_trip!(Text, v);
    }

    #[test]
    fn charset_round_trips(s in ascii_from(is_text_char, 0, 12)) {
        assert_round_trip!(Charset, Charset::new(s).unwrap());
    }

    #[test]
    fn base64_round_trips(data in proptest::collection::vec(any::<u8>(), 0..40)) {
        let b = Base64::encode(&data);
        prop_assert_eq!(b.decode(), data);
        assert_round_trip!(Base64, b);
    }

    #[test]
    fn number64_round_trips(n in 0u64..=i64::MAX as u64) {
        let v = Number64::new(n).unwrap();
        let bytes = crate::to_vec(&v);
        prop_assert_eq!(Number64::parse(&bytes).unwrap(), v);
        if n > 0 {
            let v = NzNumber64::new(n).unwrap();
            prop_assert_eq!(NzNumber64::parse(&crate::to_vec(&v)).unwrap(), v);
        }
    }

    #[test]
    fn number_parses_what_it_prints(n in any::<u32>()) {
        prop_assert_eq!(crate::parse_number(alloc::format!("{n}").as_bytes()).unwrap(), n);
    }

    #[test]
    fn no_input_panics_the_core_parsers(v in proptest::collection::vec(any::<u8>(), 0..32)) {
        let _ = Atom::parse(&v);
        let _ = AString::parse(&v);
        let _ = NString::parse(&v);
        let _ = Literal8::parse(&v);
        let _ = Text::parse(&v);
        let _ = Base64::parse(&v);
    }
}

#[test]
fn known_atoms_and_tags() {
    for ok in [
        &b"NOOP"[..],
        b"a",
        b"X-GM-EXT-1",
        b"\\Seen".get(1..).unwrap(),
    ] {
        assert_reparses!(Atom, ok);
    }
    for bad in [
        &b""[..],
        b"a b",
        b"a(",
        b"a)",
        b"a{",
        b"a%",
        b"a*",
        b"a\"",
        b"a\\",
        b"a]",
        b"\x7f",
        b"\xc3\xa9",
    ] {
        assert!(
            Atom::parse_with(bad, &crate::config::ParseConfig::strict()).is_err(),
            "{bad:?}"
        );
    }
    assert_eq!(assert_reparses!(Tag, b"A0001").as_str(), "A0001");
    assert_eq!(assert_reparses!(Tag, b"a]1").as_str(), "a]1");
    assert!(Tag::parse(b"a+1").is_err());
    assert!(Tag::parse(b"*").is_err());
    assert!(Tag::new("+").is_err());
}

#[test]
fn known_strings() {
    // RFC 9051 §4.3: quoted strings and literals.
    assert_eq!(
        assert_reparses!(IString, b"\"fred smith\"").as_bytes(),
        b"fred smith"
    );
    assert_eq!(
        assert_reparses!(IString, b"\"a\\\"b\\\\c\"").as_bytes(),
        b"a\"b\\c"
    );
    assert!(matches!(
        IString::parse(b"\"plain\"").unwrap().into_inner(),
        Cow::Borrowed(_)
    ));
    assert_eq!(
        assert_reparses!(IString, b"{11}\r\nline\r\nbreak").as_bytes(),
        b"line\r\nbreak"
    );
    assert_eq!(assert_reparses!(IString, b"{3+}\r\nabc").as_bytes(), b"abc");
    assert_eq!(assert_reparses!(IString, b"{0}\r\n").as_bytes(), b"");
    assert_eq!(
        assert_reparses!(IString, "\"caf\u{e9}\"".as_bytes()).as_bytes(),
        "café".as_bytes()
    );
    assert_eq!(assert_reparses!(AString, b"INBOX]").as_bytes(), b"INBOX]");
    assert_eq!(assert_reparses!(NString, b"NIL"), NString(None));
    assert_eq!(assert_reparses!(NString, b"nil"), NString(None));
    assert_eq!(
        assert_reparses!(NString, b"\"NIL\"").as_bytes(),
        Some(&b"NIL"[..])
    );
    assert_eq!(
        assert_reparses!(Literal8, b"~{3}\r\na\0b").as_bytes(),
        b"a\0b"
    );

    let bad: &[(&[u8], ErrorKind)] = &[
        (b"\"a\rb\"", ErrorKind::Expected("QUOTED-CHAR")),
        (b"\"a\nb\"", ErrorKind::Expected("QUOTED-CHAR")),
        (b"\"a\0b\"", ErrorKind::Expected("QUOTED-CHAR")),
        (
            b"\"a\\xb\"",
            ErrorKind::Expected("quoted-specials after \\"),
        ),
        (b"\"a\xffb\"", ErrorKind::BadUtf8),
        (b"\"abc", ErrorKind::Incomplete),
        (b"{3}\r\nab", ErrorKind::Incomplete),
        (b"{3}\na", ErrorKind::Expected("CRLF")),
        (
            b"{2}\r\na\0",
            ErrorKind::Expected("CHAR8 (no NUL in a literal)"),
        ),
        (b"{99999999999999999999}\r\n", ErrorKind::BadNumber),
        (b"abc", ErrorKind::Expected("string")),
    ];
    for (input, kind) in bad {
        assert_eq!(
            IString::parse(input).unwrap_err().kind,
            *kind,
            "{:?}",
            bstr::BStr::new(input)
        );
    }
    assert_eq!(IString::parse(b"\"a\rb\"").unwrap_err().offset, 2);
    assert_eq!(IString::parse(b"{2}\r\na\0").unwrap_err().offset, 6);
    assert!(IString::new(&b"a\0"[..]).is_err());
}

#[test]
fn serializer_picks_the_form_by_content() {
    let cases: &[(&[u8], &[u8])] = &[
        (b"INBOX", b"INBOX"),
        (b"a]b", b"a]b"),
        (b"", b"\"\""),
        (b"two words", b"\"two words\""),
        (b"q\"b\\", b"\"q\\\"b\\\\\""),
        (b"cr\rlf", b"{5}\r\ncr\rlf"),
        ("café".as_bytes(), b"{5}\r\ncaf\xc3\xa9"),
    ];
    for (content, wire) in cases {
        assert_eq!(crate::to_vec(&AString::new(*content).unwrap()), *wire);
    }
    let utf8 = EncodeConfig::default().with_utf8_accept(true);
    assert_eq!(
        crate::testing::encode_with(&AString::new("café".as_bytes()).unwrap(), utf8),
        "\"café\"".as_bytes()
    );
    let plus = EncodeConfig::default().with_literal_mode(LiteralMode::NonSync);
    assert_eq!(
        crate::testing::encode_with(&IString::new(&b"\n"[..]).unwrap(), plus),
        b"{1+}\r\n\n"
    );
    let minus = EncodeConfig::default().with_literal_mode(LiteralMode::NonSyncUpTo4096);
    let big = alloc::vec![b'\n'; 4097];
    let out = crate::testing::encode_with(&Literal::new(&big[..]).unwrap(), minus);
    assert!(out.starts_with(b"{4097}\r\n"));
    let out = crate::testing::encode_with(&Literal::new(&big[..4096]).unwrap(), minus);
    assert!(out.starts_with(b"{4096+}\r\n"));
}

#[test]
fn known_numbers() {
    assert_eq!(crate::parse_number(b"0").unwrap(), 0);
    assert_eq!(crate::parse_number(b"4294967295").unwrap(), u32::MAX);
    assert_eq!(
        crate::parse_number(b"4294967296").unwrap_err().kind,
        ErrorKind::BadNumber
    );
    assert_eq!(
        crate::parse_number(b"").unwrap_err().kind,
        ErrorKind::Expected("number")
    );
    assert_eq!(
        crate::parse_number(b"1a").unwrap_err(),
        crate::ParseError {
            kind: ErrorKind::Trailing,
            offset: 1
        }
    );
    assert_eq!(crate::parse_nz_number(b"1").unwrap().get(), 1);
    assert!(crate::parse_nz_number(b"0").is_err());
    assert!(crate::parse_nz_number(b"01").is_err());
    assert_eq!(
        Number64::parse(b"9223372036854775807").unwrap(),
        Number64::MAX
    );
    assert_eq!(
        Number64::parse(b"9223372036854775808").unwrap_err().kind,
        ErrorKind::BadNumber
    );
    assert!(Number64::new(u64::MAX).is_err());
    assert!(NzNumber64::parse(b"0").is_err());
    assert!(NzNumber64::new(0).is_err());
}

#[test]
fn known_text_charset_base64() {
    assert_eq!(
        assert_reparses!(Text, b"LOGIN completed").as_str(),
        "LOGIN completed"
    );
    assert_eq!(
        assert_reparses!(Text, "Logged in \u{2013} go ahead".as_bytes())
            .as_str()
            .len(),
        22
    );
    assert!(Text::parse(b"").is_err());
    assert_eq!(Text::parse(b"a\rb").unwrap_err().kind, ErrorKind::Trailing);
    assert_eq!(Text::parse(b"a\xffb").unwrap_err().kind, ErrorKind::BadUtf8);
    assert_eq!(assert_reparses!(Charset, b"UTF-8").as_str(), "UTF-8");
    assert_eq!(
        assert_reparses!(Charset, b"\"ISO-8859-1\"").as_str(),
        "ISO-8859-1"
    );
    assert_eq!(crate::to_vec(&Charset::new("x y").unwrap()), b"\"x y\"");
    for ok in [
        &b""[..],
        b"dGVzdA==",
        b"dGVzdDE=",
        b"dGVzdDEy",
        b"VXNlciBOYU1lAA==",
    ] {
        assert_reparses!(Base64, ok);
    }
    for bad in [
        &b"dGVzd"[..],
        b"dGVzdA=",
        b"dGVzdA===",
        b"d===",
        b"dG=zdA==",
    ] {
        assert!(
            Base64::parse_with(bad, &crate::config::ParseConfig::strict()).is_err(),
            "{bad:?}"
        );
        assert!(
            Base64::new(core::str::from_utf8(bad).unwrap()).is_err(),
            "{bad:?}"
        );
    }
    assert_eq!(
        Base64::parse(b"VXNlciBOYU1lAA==").unwrap().decode(),
        b"User NaMe\0"
    );
}

/// `Arbitrary` generators: never fail, yield every form the serializer has, and round-trip.
#[cfg(feature = "arbitrary")]
mod arbitrary_values {
    use arbitrary::{Arbitrary, Unstructured};
    use proptest::prelude::*;

    use super::*;

    /// Fixed-seed pseudo-random buffers, so a failure reproduces.
    fn buffers(count: usize) -> impl Iterator<Item = Vec<u8>> {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..count).map(move |_| {
            let len = (next() % 300) as usize;
            (0..len).map(|_| next() as u8).collect()
        })
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn generated_values_round_trip(data in proptest::collection::vec(any::<u8>(), 0..400)) {
            crate::fuzzing::arbitrary_primitives(&data);
        }
    }

    #[test]
    fn generators_never_fail_and_cover_every_form() {
        let (mut atom, mut quoted, mut literal, mut nil, mut padded, mut utf8) = (0, 0, 0, 0, 0, 0);
        for data in buffers(4000) {
            let mut u = Unstructured::new(&data);
            let a = AString::arbitrary(&mut u).unwrap();
            match crate::to_vec(&a).first() {
                Some(b'"') => quoted += 1,
                Some(b'{') => literal += 1,
                _ => atom += 1,
            }
            nil += usize::from(NString::arbitrary(&mut u).unwrap().0.is_none());
            padded += usize::from(Base64::arbitrary(&mut u).unwrap().as_str().ends_with('='));
            utf8 += usize::from(!Text::arbitrary(&mut u).unwrap().as_str().is_ascii());
            Atom::arbitrary(&mut u).unwrap();
            Tag::arbitrary(&mut u).unwrap();
            IString::arbitrary(&mut u).unwrap();
            Literal::arbitrary(&mut u).unwrap();
            Literal8::arbitrary(&mut u).unwrap();
            Charset::arbitrary(&mut u).unwrap();
            Number64::arbitrary(&mut u).unwrap();
            NzNumber64::arbitrary(&mut u).unwrap();
            crate::fuzzing::arbitrary_primitives(&data);
        }
        for (what, n) in [
            ("atom", atom),
            ("quoted", quoted),
            ("literal", literal),
            ("NIL", nil),
            ("padded base64", padded),
            ("UTF-8 text", utf8),
        ] {
            assert!(n >= 400, "only {n} of 4000 generated values were {what}");
        }
    }
}
