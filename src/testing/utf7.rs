//! Known answers and properties of the modified UTF-7 codec.

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use proptest::prelude::*;

use crate::testing::config;
use crate::utf7::{Utf7Error, Utf7ErrorReason, decode_utf7, encode_utf7, validate_utf7};

/// Unicode strings biased towards what makes runs: ASCII, `&`, `-`, BMP and astral characters.
pub(crate) fn unicode_name() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(
            prop_oneof![
                Just('&'),
                Just('-'),
                Just('a'),
                Just('/'),
                Just('\0'),
                Just('\u{7f}'),
                Just('\u{e9}'),
                Just('\u{53f0}'),
                Just('\u{ffff}'),
                Just('\u{10000}'),
                Just('\u{1f600}'),
                Just('\u{10ffff}'),
                any::<char>(),
            ],
            0..12
        )
        .prop_map(|v| v.into_iter().collect()),
    ]
}

/// Bytes of the modified UTF-7 alphabet, so that valid names come up often.
fn utf7_like() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(
        proptest::sample::select(&b"&-&-AAOkUBT,+Fw0zAa /e~"[..]),
        0..20,
    )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn decode_inverts_encode(s in unicode_name()) {
        let encoded = encode_utf7(&s);
        prop_assert!(encoded.bytes().all(|b| (0x20..=0x7e).contains(&b)), "{encoded:?}");
        prop_assert_eq!(validate_utf7(encoded.as_bytes()), Ok(()));
        prop_assert_eq!(decode_utf7(encoded.as_bytes()).unwrap(), s.as_str());
    }

    #[test]
    fn only_the_encoding_decodes(v in utf7_like()) {
        // Strictness: whatever decodes is the one encoding of what it decodes to.
        if let Ok(s) = decode_utf7(&v) {
            let again = encode_utf7(&s);
            prop_assert_eq!(again.as_bytes(), &v[..]);
        }
        prop_assert_eq!(validate_utf7(&v).is_ok(), decode_utf7(&v).is_ok());
    }

    #[test]
    fn no_input_panics_the_decoder(v in proptest::collection::vec(any::<u8>(), 0..40)) {
        let decoded = decode_utf7(&v);
        prop_assert_eq!(validate_utf7(&v), decoded.as_ref().map(|_| ()).map_err(|e| *e));
        if let Err(e) = decoded {
            prop_assert!(e.offset <= v.len());
        }
    }
}

#[test]
fn known_encodings() {
    // RFC 3501 §5.1.3, RFC 9051 Appendix A.1.
    let table: &[(&str, &str)] = &[
        ("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"),
        ("台北日本語", "&U,BTF2XlZyyKng-"),
        ("☺!", "&Jjo-!"),
        ("", ""),
        ("INBOX", "INBOX"),
        ("&", "&-"),
        ("a&b&&", "a&-b&-&-"),
        ("Entwürfe", "Entw&APw-rfe"),
        ("é&é", "&AOk-&-&AOk-"),
        ("éé", "&AOkA6Q-"),
        ("\0", "&AAA-"),
        ("\r\n", "&AA0ACg-"),
        ("\u{7f}", "&AH8-"),
        ("\u{1f600}", "&2D3eAA-"),
        ("~/Mail/%*", "~/Mail/%*"),
    ];
    for (text, wire) in table {
        assert_eq!(encode_utf7(text), *wire, "{text:?}");
        assert_eq!(decode_utf7(wire.as_bytes()).unwrap(), *text, "{wire:?}");
    }
    assert!(matches!(
        encode_utf7("plain"),
        alloc::borrow::Cow::Borrowed(_)
    ));
    assert!(matches!(
        decode_utf7(b"plain").unwrap(),
        alloc::borrow::Cow::Borrowed(_)
    ));
}

#[test]
fn invalid_names() {
    use Utf7ErrorReason::*;
    let table: &[(&[u8], usize, Utf7ErrorReason)] = &[
        // RFC 9051 Appendix A.1: no shift back before "!", and a superfluous shift.
        (b"&Jjo!", 4, Unterminated),
        (b"&U,BTFw-&ZeVnLIqe-", 8, AdjacentRuns),
        (b"&AOk-&AOk-", 5, AdjacentRuns),
        (b"&", 1, Unterminated),
        (b"a&AOk", 5, Unterminated),
        (b"&&-", 1, Unterminated),
        (b"a\tb", 1, ByteNotAllowed),
        (b"a\x7f", 1, ByteNotAllowed),
        (b"caf\xc3\xa9", 3, ByteNotAllowed),
        (b"&AOk\r-", 4, ByteNotAllowed),
        // Printable US-ASCII, `&` included, must be written directly.
        (b"&AGE-", 0, DirectlyEncodable),
        (b"&ACY-", 0, DirectlyEncodable),
        (b"x&AOkAYQ-", 1, DirectlyEncodable),
        (b"&ACA-", 0, DirectlyEncodable),
        // Leftover bits and characters.
        (b"&AOl-", 0, BadPadding),
        (b"&AOm-", 0, BadPadding),
        (b"&A-", 0, BadPadding),
        (b"&AOkAA-", 0, BadPadding),
        (b"&AA-", 0, OddLength),
        (b"&AOkA-", 0, OddLength),
        (b"&AOkA6QA-", 0, OddLength),
        // Surrogates: a lone high, a lone low, a high then a non-low.
        (b"&2D0-", 0, UnpairedSurrogate),
        (b"&3gA-", 0, UnpairedSurrogate),
        (b"&2D0A6Q-", 0, UnpairedSurrogate),
        // The standard base64 "/" is not modified base64.
        (b"&AO/-", 3, Unterminated),
    ];
    for (wire, offset, reason) in table {
        let want = Utf7Error {
            offset: *offset,
            reason: *reason,
        };
        assert_eq!(decode_utf7(wire), Err(want), "{:?}", bstr::BStr::new(wire));
        assert_eq!(validate_utf7(wire), Err(want));
    }
}

#[test]
fn error_display_names_the_offset() {
    let e = decode_utf7(b"&Jjo!").unwrap_err();
    assert_eq!(
        alloc::format!("{e}"),
        "invalid modified UTF-7 at byte 4: base64 run not closed by \"-\""
    );
}
