//! Known answers for body structures: the RFCs' examples, a real nested structure, each
//! presence of extension data, the forms chosen by media type, and invalid input with the
//! offset of the error.

use alloc::vec;
use alloc::vec::Vec;

use crate::IntoStatic;
use crate::error::{ErrorKind, ParseError};
use crate::parse::Parse;
use crate::testing::assert_reparses;
use crate::types::body::{
    BasicType, Body, BodyExtension, BodyFields, BodyParam, Encoding, MessageSubtype, MultiPart,
    OtherEncoding, SinglePart, SinglePartKind,
};
use crate::types::list::{List, NonEmptyList};
use crate::types::primitive::{IString, NString, Number64};

fn st(v: &'static str) -> IString<'static> {
    IString::new(v.as_bytes()).unwrap()
}

fn ns(v: &'static str) -> NString<'static> {
    NString(Some(st(v)))
}

fn param(name: &'static str, value: &'static str) -> BodyParam<'static> {
    BodyParam {
        name: st(name),
        value: st(value),
    }
}

fn text(subtype: &'static str, fields: BodyFields<'static>, lines: u64) -> Body<'static> {
    Body::Single(SinglePart {
        kind: SinglePartKind::Text {
            subtype: st(subtype),
            lines: Number64::new(lines).unwrap(),
        },
        fields,
        extension: None,
    })
}

fn fields(
    params: Vec<BodyParam<'static>>,
    id: NString<'static>,
    description: NString<'static>,
    encoding: Encoding<'static>,
    octets: u32,
) -> BodyFields<'static> {
    BodyFields {
        params: List::from(params),
        id,
        description,
        encoding,
        octets,
    }
}

/// Checks that `bytes` parse as a body equal to `want`, and serialize back to `bytes` exactly.
fn check_canonical(bytes: &[u8], want: &Body<'_>) {
    let body = assert_reparses!(Body, bytes);
    assert_eq!(&body, want, "{:?}", bstr::BStr::new(bytes));
    assert_eq!(crate::to_vec(&body), bytes, "{:?}", bstr::BStr::new(bytes));
}

#[test]
fn rfc_body_examples() {
    // RFC 9051 §7.5.2 and RFC 3501 §7.4.2: a simple text message.
    check_canonical(
        b"(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 2279 48)",
        &text(
            "PLAIN",
            fields(
                vec![param("CHARSET", "US-ASCII")],
                NString::NIL,
                NString::NIL,
                Encoding::SevenBit,
                2279,
            ),
            48,
        ),
    );
    // The same sections: a text part and a base64 text attachment (the folded lines joined
    // as on the wire; RFC 3501 writes no space between the parts, as the grammar says).
    let two_parts = Body::Multi(MultiPart {
        parts: NonEmptyList::try_from(vec![
            text(
                "PLAIN",
                fields(
                    vec![param("CHARSET", "US-ASCII")],
                    NString::NIL,
                    NString::NIL,
                    Encoding::SevenBit,
                    1152,
                ),
                23,
            ),
            text(
                "PLAIN",
                fields(
                    vec![param("CHARSET", "US-ASCII"), param("NAME", "cc.diff")],
                    ns("<960723163407.20117h@cac.washington.edu>"),
                    ns("Compiler diff"),
                    Encoding::Base64,
                    4554,
                ),
                73,
            ),
        ])
        .unwrap(),
        subtype: st("MIXED"),
        extension: None,
    });
    check_canonical(
        b"((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1152 23)\
(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\" \"NAME\" \"cc.diff\") \
\"<960723163407.20117h@cac.washington.edu>\" \"Compiler diff\" \"BASE64\" 4554 73) \"MIXED\")",
        &two_parts,
    );
    // RFC 9051 §8 and RFC 3501 §8: the BODY of FETCH FULL.
    check_canonical(
        b"(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92)",
        &text(
            "PLAIN",
            fields(
                vec![param("CHARSET", "US-ASCII")],
                NString::NIL,
                NString::NIL,
                Encoding::SevenBit,
                3028,
            ),
            92,
        ),
    );
}

/// multipart/mixed holding a multipart/alternative, a PDF attachment and a forwarded
/// message, with the extension data a BODYSTRUCTURE carries.
const NESTED: &[u8] = b"(\
((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"UTF-8\") NIL NIL \"QUOTED-PRINTABLE\" 1234 40 NIL NIL NIL NIL)\
(\"TEXT\" \"HTML\" (\"CHARSET\" \"UTF-8\") NIL NIL \"QUOTED-PRINTABLE\" 5678 120 NIL NIL NIL NIL) \
\"ALTERNATIVE\" (\"BOUNDARY\" \"alt\") NIL NIL NIL)\
(\"APPLICATION\" \"PDF\" (\"NAME\" \"report.pdf\") NIL NIL \"BASE64\" 102400 NIL \
(\"ATTACHMENT\" (\"FILENAME\" \"report.pdf\")) NIL NIL)\
(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 3000 \
(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"Fwd: hello\" ((\"Ann\" NIL \"ann\" \"example.com\")) \
((\"Ann\" NIL \"ann\" \"example.com\")) ((\"Ann\" NIL \"ann\" \"example.com\")) \
((NIL NIL \"bob\" \"example.org\")) NIL NIL NIL \"<m1@example.com>\") \
(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 200 5 NIL NIL NIL NIL) \
60 NIL (\"INLINE\" NIL) NIL NIL) \
\"MIXED\" (\"BOUNDARY\" \"mixed\") NIL (\"EN\" \"DE\") \"http://example.com/loc\" 42 \
(\"a\" (1 \"b\")))";

#[test]
fn nested_multipart_with_attached_message() {
    let body = assert_reparses!(Body, NESTED);
    assert_eq!(crate::to_vec(&body), NESTED);
    let Body::Multi(mixed) = &body else {
        panic!("not a multipart")
    };
    assert_eq!(mixed.subtype, st("MIXED"));
    let parts = mixed.parts.to_vec();
    assert_eq!(parts.len(), 3);

    let Body::Multi(alt) = &parts[0] else {
        panic!("not a multipart")
    };
    assert_eq!(alt.subtype, st("ALTERNATIVE"));
    let alt_ext = alt.extension.as_ref().unwrap();
    assert_eq!(alt_ext.params.to_vec(), [param("BOUNDARY", "alt")]);
    let subtypes: Vec<_> = alt
        .parts
        .iter()
        .map(|p| match p {
            Body::Single(SinglePart {
                kind: SinglePartKind::Text { subtype, lines },
                fields,
                ..
            }) => (subtype, lines.get(), fields.encoding),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        subtypes,
        [
            (st("PLAIN"), 40, Encoding::QuotedPrintable),
            (st("HTML"), 120, Encoding::QuotedPrintable)
        ]
    );

    let Body::Single(pdf) = &parts[1] else {
        panic!("not a single part")
    };
    let SinglePartKind::Basic(t) = &pdf.kind else {
        panic!("not basic")
    };
    assert_eq!(
        (t.media_type(), t.subtype()),
        (&st("APPLICATION"), &st("PDF"))
    );
    assert_eq!(pdf.md5(), Some(&NString::NIL));
    let dsp = pdf.disposition_ext().unwrap().disposition.as_ref().unwrap();
    assert_eq!(dsp.kind, st("ATTACHMENT"));
    assert_eq!(dsp.params.to_vec(), [param("FILENAME", "report.pdf")]);
    assert_eq!(pdf.disposition_ext().unwrap().language().unwrap().len(), 0);
    assert_eq!(
        pdf.disposition_ext().unwrap().location(),
        Some(&NString::NIL)
    );

    let Body::Single(fwd) = &parts[2] else {
        panic!("not a single part")
    };
    let SinglePartKind::Message(m) = &fwd.kind else {
        panic!("not a message")
    };
    assert_eq!(m.subtype, MessageSubtype::Rfc822);
    assert_eq!(m.envelope().subject, ns("Fwd: hello"));
    assert_eq!(m.envelope().to.iter().next().unwrap().mailbox, ns("bob"));
    assert_eq!(m.lines.get(), 60);
    assert!(matches!(m.body(), Body::Single(s) if s.fields.octets == 200));
    let inline = fwd.disposition_ext().unwrap().disposition.as_ref().unwrap();
    assert_eq!((&inline.kind, inline.params.len()), (&st("INLINE"), 0));

    let top = mixed.disposition_ext().unwrap();
    assert!(top.disposition.is_none());
    assert_eq!(top.language().unwrap().to_vec(), [st("EN"), st("DE")]);
    assert_eq!(top.location(), Some(&ns("http://example.com/loc")));
    let ext = top.rest.as_ref().unwrap().rest.as_ref().unwrap();
    let n = |v| BodyExtension::Number(Number64::new(v).unwrap());
    let list = |v: Vec<BodyExtension<'static>>| BodyExtension::List(v.try_into().unwrap());
    assert_eq!(
        ext.extensions.to_vec(),
        [
            n(42),
            list(vec![
                BodyExtension::NString(ns("a")),
                list(vec![n(1), BodyExtension::NString(ns("b"))])
            ])
        ]
    );

    // The value outlives its input once owned.
    let owned = {
        let copy = NESTED.to_vec();
        Body::parse(&copy).unwrap().into_static()
    };
    assert_eq!(owned, body);
}

#[test]
fn extension_fields_round_trip_as_present() {
    let head = "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 10 1";
    let tails = [
        "",
        " \"md5\"",
        " NIL NIL",
        " NIL NIL \"en\"",
        " NIL NIL NIL NIL",
        " NIL NIL NIL NIL 1 NIL",
    ];
    let mut seen = Vec::new();
    for (depth, tail) in tails.iter().enumerate() {
        let wire = alloc::format!("{head}{tail})");
        let body = assert_reparses!(Body, wire.as_bytes());
        assert_eq!(crate::to_vec(&body), wire.as_bytes());
        let Body::Single(part) = &body else { panic!() };
        let present = match &part.extension {
            None => 0,
            Some(e) => match &e.rest {
                None => 1,
                Some(d) => match &d.rest {
                    None => 2,
                    Some(l) => match &l.rest {
                        None => 3,
                        Some(loc) if loc.extensions.is_empty() => 4,
                        Some(_) => 5,
                    },
                },
            },
        };
        assert_eq!(present, depth, "{wire}");
        seen.push(body.into_static());
    }
    seen.dedup();
    assert_eq!(seen.len(), tails.len());

    let head = "((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 10 1) \"MIXED\"";
    for tail in [
        "",
        " NIL",
        " (\"A\" \"B\") NIL",
        " NIL NIL NIL",
        " NIL NIL NIL NIL (NIL)",
    ] {
        let wire = alloc::format!("{head}{tail})");
        let body = assert_reparses!(Body, wire.as_bytes());
        assert_eq!(crate::to_vec(&body), wire.as_bytes());
    }
}

#[test]
fn media_types_and_encodings_in_any_case() {
    let body = assert_reparses!(Body, b"(\"text\" \"plain\" nil nil nil \"base64\" 1 2)");
    assert_eq!(
        crate::to_vec(&body),
        b"(\"TEXT\" \"plain\" NIL NIL NIL \"BASE64\" 1 2)"
    );
    let Body::Single(part) = &body else { panic!() };
    assert_eq!(part.fields.encoding, Encoding::Base64);
    // A literal is a string like any other.
    let body = assert_reparses!(Body, b"({4}\r\nText \"X\" NIL NIL NIL {6}\r\nBase64 1 2)");
    assert!(matches!(&body, Body::Single(s) if matches!(s.kind, SinglePartKind::Text { .. })));
    let body = assert_reparses!(
        Body,
        b"(\"APPLICATION\" \"X\" NIL NIL NIL \"x-uuencode\" 1)"
    );
    let Body::Single(part) = &body else { panic!() };
    assert_eq!(part.fields.encoding.as_bytes(), b"x-uuencode");
    assert!(matches!(part.fields.encoding, Encoding::Other(_)));
    assert!(OtherEncoding::new(&b"QUOTED-printable"[..]).is_err());
    assert!(OtherEncoding::new(&b"x\0"[..]).is_err());
    assert_eq!(
        Encoding::from_name(st("8bit")),
        Encoding::EightBit,
        "known names in any case"
    );
    assert!(BasicType::new(st("TEXT"), st("X")).is_err());
    assert!(BasicType::new(st("message"), st("Rfc822")).is_err());
    assert!(BasicType::new(st("MESSAGE"), st("GLOBAL")).is_ok());
    assert!(BasicType::new(st("MESSAGE"), st("DELIVERY-STATUS")).is_ok());
}

#[test]
fn message_global_in_both_forms() {
    let env = "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)";
    let inner = "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"8BIT\" 5 1)";
    // RFC 9051: message/global carries an envelope and a body.
    let wire = alloc::format!("(\"MESSAGE\" \"GLOBAL\" NIL NIL NIL \"8BIT\" 100 {env} {inner} 4)");
    let body = assert_reparses!(Body, wire.as_bytes());
    assert!(
        matches!(&body, Body::Single(SinglePart { kind: SinglePartKind::Message(m), .. })
        if m.subtype == MessageSubtype::Global && m.lines.get() == 4)
    );
    assert_eq!(crate::to_vec(&body), wire.as_bytes());
    // RFC 3501: it is a basic type, with or without extension data.
    for tail in ["", " NIL", " \"md5\" NIL"] {
        let wire = alloc::format!("(\"message\" \"global\" NIL NIL NIL \"8BIT\" 100{tail})");
        let body = assert_reparses!(Body, wire.as_bytes());
        assert!(matches!(
            &body,
            Body::Single(SinglePart {
                kind: SinglePartKind::Basic(_),
                ..
            })
        ));
    }
    // message/rfc822 always has the envelope form.
    let wire = alloc::format!("(\"MESSAGE\" \"rfc822\" NIL NIL NIL \"7BIT\" 100 {env} {inner} 4)");
    let body = assert_reparses!(Body, wire.as_bytes());
    assert!(matches!(
        &body,
        Body::Single(SinglePart {
            kind: SinglePartKind::Message(_),
            ..
        })
    ));
}

#[test]
fn language_is_held_as_its_tags() {
    let head = "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1 NIL NIL ";
    for (lang, canonical, n) in [
        ("NIL", "NIL", 0),
        ("\"en\"", "\"en\"", 1),
        ("(\"en\")", "\"en\"", 1),
        ("(\"en\" \"fr\")", "(\"en\" \"fr\")", 2),
    ] {
        let wire = alloc::format!("{head}{lang})");
        let body = assert_reparses!(Body, wire.as_bytes());
        let Body::Single(part) = &body else { panic!() };
        let tags = part.disposition_ext().unwrap().language().unwrap();
        assert_eq!(tags.len(), n, "{wire}");
        assert_eq!(
            crate::to_vec(&body),
            alloc::format!("{head}{canonical})").as_bytes()
        );
    }
}

#[test]
fn invalid_bodies() {
    let text = "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" ";
    let bad: &[(&str, ErrorKind, usize)] = &[
        ("", ErrorKind::Expected("body"), 0),
        ("()", ErrorKind::Expected("string"), 1),
        ("(\"TEXT\")", ErrorKind::Expected("SP"), 7),
        // A text part needs its line count.
        (
            "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 10)",
            ErrorKind::Expected("SP"),
            37,
        ),
        (
            "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 4294967296 1)",
            ErrorKind::BadNumber,
            35,
        ),
        (
            "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 9223372036854775808)",
            ErrorKind::BadNumber,
            37,
        ),
        (
            "(\"TEXT\" \"PLAIN\" () NIL NIL \"7BIT\" 1 1)",
            ErrorKind::Expected("string"),
            17,
        ),
        (
            "(\"TEXT\" \"PLAIN\" (\"A\") NIL NIL \"7BIT\" 1 1)",
            ErrorKind::Expected("SP"),
            20,
        ),
        (
            "(\"TEXT\" \"PLAIN\" (\"A\" \"B\" \"C\") NIL NIL \"7BIT\" 1 1)",
            ErrorKind::Expected("\")\""),
            24,
        ),
        (
            "(\"TEXT\" \"PLAIN\" NIL NIL NIL 7BIT 1 1)",
            ErrorKind::Expected("string"),
            28,
        ),
        // A trailing space promises an extension field.
        (
            "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1 )",
            ErrorKind::Expected("string"),
            39,
        ),
        (
            "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1 NIL ())",
            ErrorKind::Expected("string"),
            44,
        ),
        (
            "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1 NIL NIL NIL NIL ())",
            ErrorKind::Expected("string"),
            56,
        ),
        // message/rfc822 needs its envelope.
        (
            "(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 1 1)",
            ErrorKind::Expected("envelope"),
            41,
        ),
        // A multipart needs its subtype, after a space.
        (
            "((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1))",
            ErrorKind::Expected("SP"),
            40,
        ),
        (
            "((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1)\"MIXED\")",
            ErrorKind::Expected("SP"),
            40,
        ),
    ];
    for (input, kind, offset) in bad {
        assert_eq!(
            Body::parse_with(input.as_bytes(), &crate::ParseConfig::strict()).unwrap_err(),
            ParseError {
                kind: *kind,
                offset: *offset
            },
            "{input}"
        );
    }
    assert!(Body::parse(alloc::format!("{text}1 1) ").as_bytes()).is_err());
    assert!(BodyExtension::parse(b"()").is_err());
    assert!(BodyExtension::parse_with(b"(1 )", &crate::ParseConfig::strict()).is_err());
    assert!(NonEmptyList::new(List::<'_, BodyExtension<'_>>::new()).is_err());
    assert!(NonEmptyList::<'_, BodyExtension<'_>>::try_from(Vec::new()).is_err());
}
