//! Known answers for FETCH attributes, sections and partials: every attribute, invalid input
//! with the offset of the error, and the RFCs' own examples.

use alloc::vec::Vec;

use crate::config::ParseConfig;
use crate::error::{ErrorKind, ParseError, ValidationReason};
use crate::parse::Parse;
use crate::testing::assert_reparses;
use crate::types::fetch::{FetchAttribute, FetchItems, Partial, Section, SectionPart, SectionText};
use crate::types::list::NonEmptyList;
use crate::types::primitive::{AString, Number64, NzNumber64};

fn err(kind: ErrorKind, offset: usize) -> ParseError {
    ParseError { kind, offset }
}

fn part(v: &[u32]) -> SectionPart<'static> {
    SectionPart::from_numbers(v).unwrap()
}

fn names(v: &[&'static str]) -> NonEmptyList<'static, AString<'static>> {
    NonEmptyList::new(
        v.iter()
            .map(|s| AString::new(s.as_bytes()).unwrap())
            .collect(),
    )
    .unwrap()
}

fn body(
    peek: bool,
    section: Section<'static>,
    partial: Option<Partial>,
) -> FetchAttribute<'static> {
    FetchAttribute::BodySection {
        peek,
        section,
        partial,
    }
}

fn range(offset: u64, length: u64) -> Option<Partial> {
    Some(Partial {
        offset: Number64::new(offset).unwrap(),
        length: NzNumber64::new(length).unwrap(),
    })
}

fn sec(p: Option<&[u32]>, text: Option<SectionText<'static>>) -> Section<'static> {
    Section::new(p.map(part), text).unwrap()
}

/// Every attribute, as written and canonical, and again in lower case.
#[test]
fn every_attribute() {
    use FetchAttribute as A;
    let table: Vec<(&[u8], FetchAttribute<'static>)> = alloc::vec![
        (b"ENVELOPE", A::Envelope),
        (b"FLAGS", A::Flags),
        (b"INTERNALDATE", A::InternalDate),
        (b"RFC822", A::Rfc822),
        (b"RFC822.HEADER", A::Rfc822Header),
        (b"RFC822.SIZE", A::Rfc822Size),
        (b"RFC822.TEXT", A::Rfc822Text),
        (b"BODY", A::Body),
        (b"BODYSTRUCTURE", A::BodyStructure),
        (b"UID", A::Uid),
        (b"BODY[]", body(false, Section::ENTIRE, None)),
        (b"BODY[HEADER]", body(false, Section::HEADER, None)),
        (b"BODY[TEXT]", body(false, Section::TEXT, None)),
        (
            b"BODY.PEEK[]<0.2048>",
            body(true, Section::ENTIRE, range(0, 2048))
        ),
        (b"BODY[1]", body(false, sec(Some(&[1]), None), None)),
        (
            b"BODY[4.2.2.1]",
            body(false, sec(Some(&[4, 2, 2, 1]), None), None)
        ),
        (
            b"BODY[3.HEADER]",
            body(false, sec(Some(&[3]), Some(SectionText::Header)), None)
        ),
        (
            b"BODY[3.TEXT]",
            body(false, sec(Some(&[3]), Some(SectionText::Text)), None)
        ),
        (
            b"BODY[4.1.MIME]",
            body(false, sec(Some(&[4, 1]), Some(SectionText::Mime)), None)
        ),
        (
            b"BODY.PEEK[1.2.MIME]<0.100>",
            body(
                true,
                sec(Some(&[1, 2]), Some(SectionText::Mime)),
                range(0, 100)
            ),
        ),
        (
            b"BODY[HEADER.FIELDS (DATE FROM)]",
            body(
                false,
                sec(
                    None,
                    Some(SectionText::HeaderFields(names(&["DATE", "FROM"])))
                ),
                None
            ),
        ),
        (
            b"BODY.PEEK[2.HEADER.FIELDS.NOT (\"X Y\" {2}\r\nZ\n)]<9223372036854775807.1>",
            body(
                true,
                sec(
                    Some(&[2]),
                    Some(SectionText::HeaderFieldsNot(names(&["X Y", "Z\n"])))
                ),
                range(Number64::MAX.get(), 1),
            ),
        ),
        (
            b"BINARY[]",
            A::Binary {
                peek: false,
                section: None,
                partial: None
            },
        ),
        (
            b"BINARY.PEEK[1]",
            A::Binary {
                peek: true,
                section: Some(part(&[1])),
                partial: None
            },
        ),
        (
            b"BINARY[1.4294967295]<7.9>",
            A::Binary {
                peek: false,
                section: Some(part(&[1, u32::MAX])),
                partial: range(7, 9)
            },
        ),
        (b"BINARY.SIZE[]", A::BinarySize { section: None }),
        (
            b"BINARY.SIZE[3.1]",
            A::BinarySize {
                section: Some(part(&[3, 1]))
            }
        ),
    ];
    for (input, want) in table {
        let got = assert_reparses!(FetchAttribute, input);
        assert_eq!(got, want, "{:?}", bstr::BStr::new(input));
        assert_eq!(crate::to_vec(&got), input);
        // Lower case everywhere but inside the header names (upper case already there).
        let lower: Vec<u8> = match input.iter().position(|&b| b == b'(') {
            Some(p) => [&input[..p].to_ascii_lowercase()[..], &input[p..]].concat(),
            None => input.to_ascii_lowercase(),
        };
        let got = assert_reparses!(FetchAttribute, &lower);
        assert_eq!(got, want, "{:?}", bstr::BStr::new(&lower));
        // One attribute alone and in a list of one.
        let alone = assert_reparses!(FetchItems, input);
        assert_eq!(alone, FetchItems::Attribute(want.clone()));
        let listed = [&b"("[..], input, b")"].concat();
        let list = assert_reparses!(FetchItems, &listed);
        assert_eq!(list, FetchItems::Attributes(NonEmptyList::one(want)));
        assert_ne!(list, alone);
    }
}

/// The FETCH examples of RFC 9051 §6.4.5 and §6.4.4.1, RFC 3501 §6.4.5 and §8.
#[test]
fn rfc_examples() {
    use FetchAttribute as A;
    // A654 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])
    let items = assert_reparses!(FetchItems, b"(FLAGS BODY[HEADER.FIELDS (DATE FROM)])");
    let header_fields = SectionText::HeaderFields(names(&["DATE", "FROM"]));
    assert_eq!(
        items.expand(),
        [A::Flags, body(false, sec(None, Some(header_fields)), None)]
    );
    // A283 FETCH $ (UID INTERNALDATE FLAGS BODY.PEEK[HEADER])
    let items = assert_reparses!(FetchItems, b"(UID INTERNALDATE FLAGS BODY.PEEK[HEADER])");
    assert_eq!(
        items.expand(),
        [
            A::Uid,
            A::InternalDate,
            A::Flags,
            body(true, Section::HEADER, None)
        ]
    );
    // A003 FETCH 4 ALL, a003 fetch 12 full, a004 fetch 12 body[header],
    // A999 UID FETCH 4827313:4828442 FLAGS
    assert_eq!(assert_reparses!(FetchItems, b"ALL"), FetchItems::All);
    assert_eq!(assert_reparses!(FetchItems, b"full"), FetchItems::Full);
    assert_eq!(assert_reparses!(FetchItems, b"Fast"), FetchItems::Fast);
    assert_eq!(
        assert_reparses!(FetchItems, b"body[header]"),
        FetchItems::Attribute(body(false, Section::HEADER, None))
    );
    assert_eq!(
        assert_reparses!(FetchItems, b"FLAGS"),
        FetchItems::Attribute(A::Flags)
    );
    // fetch 1 body[]
    let items = assert_reparses!(FetchItems, b"body[]");
    assert_eq!(crate::to_vec(&items), b"BODY[]");
    // The macros' meaning (RFC 9051 §6.4.5).
    assert_eq!(
        FetchItems::All.expand(),
        [A::Flags, A::InternalDate, A::Rfc822Size, A::Envelope]
    );
    assert_eq!(
        FetchItems::Fast.expand(),
        [A::Flags, A::InternalDate, A::Rfc822Size]
    );
    assert_eq!(
        FetchItems::Full.expand(),
        [
            A::Flags,
            A::InternalDate,
            A::Rfc822Size,
            A::Envelope,
            A::Body
        ]
    );
    // RFC 3501 §6.4.5: the part specifiers of its complex message.
    for spec in [
        "HEADER",
        "TEXT",
        "1",
        "2",
        "3",
        "3.HEADER",
        "3.TEXT",
        "3.1",
        "3.2",
        "4",
        "4.1",
        "4.1.MIME",
        "4.2",
        "4.2.HEADER",
        "4.2.TEXT",
        "4.2.1",
        "4.2.2",
        "4.2.2.1",
    ] {
        let wire = alloc::format!("[{spec}]");
        let section = assert_reparses!(Section, wire.as_bytes());
        assert_eq!(crate::to_vec(&section), wire.as_bytes());
    }
}

#[test]
fn invalid_attributes() {
    let bad: &[(&[u8], ParseError)] = &[
        (b"", err(ErrorKind::Expected("fetch-att"), 0)),
        (b"BODY[0]", err(ErrorKind::Expected("nz-number"), 5)),
        (b"BODY[01]", err(ErrorKind::Expected("nz-number"), 5)),
        (b"BODY[1.]", err(ErrorKind::Expected("section-text"), 7)),
        (b"BODY[1.0]", err(ErrorKind::Expected("nz-number"), 7)),
        (b"BODY[.1]", err(ErrorKind::Expected("section-msgtext"), 5)),
        (
            b"BODY[MIME]",
            err(ErrorKind::Expected("section-msgtext"), 5),
        ),
        (b"BODY[1.FOO]", err(ErrorKind::Expected("section-text"), 7)),
        (b"BODY[HEADER", err(ErrorKind::Expected("\"]\""), 11)),
        (b"BODY[HEADER.FIELDS]", err(ErrorKind::Expected("SP"), 18)),
        (
            b"BODY[HEADER.FIELDS ()]",
            err(ErrorKind::Expected("astring"), 20),
        ),
        (
            b"BODY[HEADER.FIELDS (A )]",
            err(ErrorKind::Expected("astring"), 22),
        ),
        (
            b"BODY[HEADER.FIELDS DATE]",
            err(ErrorKind::Expected("\"(\""), 19),
        ),
        (b"BODY[4294967296]", err(ErrorKind::BadNumber, 5)),
        (b"BODY[]<1.0>", err(ErrorKind::Expected("nz-number64"), 9)),
        (b"BODY[]<1>", err(ErrorKind::Expected("\".\""), 8)),
        (b"BODY[]<1.2", err(ErrorKind::Expected("\">\""), 10)),
        (b"BODY[]<.2>", err(ErrorKind::Expected("number64"), 7)),
        (b"BODY[]<-1.2>", err(ErrorKind::Expected("number64"), 7)),
        (
            b"BODY[]<9223372036854775808.1>",
            err(ErrorKind::BadNumber, 7),
        ),
        (b"BODY.PEEK", err(ErrorKind::Expected("\"[\""), 9)),
        (b"BODY.PEEK<0.1>", err(ErrorKind::Expected("\"[\""), 9)),
        (b"BODY HEADER", err(ErrorKind::Trailing, 4)),
        (b"BODY<0.1>", err(ErrorKind::Trailing, 4)),
        (b"BODYSTRUCTURE[]", err(ErrorKind::Trailing, 13)),
        (b"BINARY", err(ErrorKind::Expected("\"[\""), 6)),
        (b"BINARY[HEADER]", err(ErrorKind::Expected("nz-number"), 7)),
        (b"BINARY[1.MIME]", err(ErrorKind::Expected("\"]\""), 8)),
        (b"BINARY.SIZE[1]<0.1>", err(ErrorKind::Trailing, 14)),
        (
            b"BINARY.PEEK.SIZE[1]",
            err(ErrorKind::Expected("fetch-att"), 0),
        ),
        (b"RFC822.PEEK", err(ErrorKind::Expected("fetch-att"), 0)),
        (b"ALL", err(ErrorKind::Expected("fetch-att"), 0)),
        (b"(FLAGS)", err(ErrorKind::Expected("fetch-att"), 0)),
    ];
    for (input, want) in bad {
        assert_eq!(
            FetchAttribute::parse(input),
            Err(*want),
            "{:?}",
            bstr::BStr::new(input)
        );
    }
    let bad_items: &[(&[u8], ParseError)] = &[
        (b"()", err(ErrorKind::Expected("fetch-att"), 1)),
        (b"(FLAGS", err(ErrorKind::Expected("\")\""), 6)),
        (b"(FLAGS )", err(ErrorKind::Expected("fetch-att"), 7)),
        (b"(FLAGS  UID)", err(ErrorKind::Expected("fetch-att"), 7)),
        (b"(ALL)", err(ErrorKind::Expected("fetch-att"), 1)),
        (b"(FLAGS (UID))", err(ErrorKind::Expected("fetch-att"), 7)),
        (b"ALLX", err(ErrorKind::Expected("fetch-att"), 0)),
        (b"FLAGS UID", err(ErrorKind::Trailing, 5)),
        (b"BODY[", err(ErrorKind::Expected("section-msgtext"), 5)),
        (b"BODY]", err(ErrorKind::Trailing, 4)),
    ];
    for (input, want) in bad_items {
        assert_eq!(
            FetchItems::parse_with(input, &crate::ParseConfig::strict()),
            Err(*want),
            "{:?}",
            bstr::BStr::new(input)
        );
    }
    let shallow = ParseConfig::default().with_max_depth(0);
    assert_eq!(
        FetchItems::parse_with(b"(FLAGS)", &shallow),
        Err(err(ErrorKind::TooDeep, 0))
    );
    assert_eq!(
        FetchItems::parse_with(b"BODY[HEADER.FIELDS (A)]", &shallow),
        Err(err(ErrorKind::TooDeep, 19))
    );
}

#[test]
fn sections_and_parts() {
    assert_eq!(assert_reparses!(SectionText, b"mime"), SectionText::Mime);
    assert_eq!(
        assert_reparses!(SectionText, b"header.fields.not (Received)"),
        SectionText::HeaderFieldsNot(names(&["Received"]))
    );
    let (p, rest) = SectionPart::parse_prefix(b"1.2.3.MIME", &ParseConfig::default()).unwrap();
    assert_eq!((p.as_str(), rest), ("1.2.3", &b".MIME"[..]));
    assert_eq!(p.len(), 3);
    assert!(!p.is_empty());
    assert_eq!(
        Section::parse(b"[1.2]").unwrap(),
        Section::part(part(&[1, 2]))
    );
    let s = Section::parse(b"[2.MIME]").unwrap();
    assert_eq!(s.part_path(), Some(&part(&[2])));
    assert_eq!(s.text(), Some(&SectionText::Mime));
    assert_eq!(Section::ENTIRE.part_path(), None);
    assert_eq!(crate::to_vec(&Section::TEXT), b"[TEXT]");
    assert_eq!(
        Section::new(None, Some(SectionText::Mime))
            .unwrap_err()
            .reason,
        ValidationReason::Invalid
    );
    let bad_parts: &[(&str, ValidationReason)] = &[
        ("", ValidationReason::Empty),
        (
            "0",
            ValidationReason::ByteNotAllowed {
                index: 0,
                byte: b'0',
            },
        ),
        (
            "1.0",
            ValidationReason::ByteNotAllowed {
                index: 2,
                byte: b'0',
            },
        ),
        (
            "1..2",
            ValidationReason::ByteNotAllowed {
                index: 2,
                byte: b'.',
            },
        ),
        (
            ".1",
            ValidationReason::ByteNotAllowed {
                index: 0,
                byte: b'.',
            },
        ),
        ("1.", ValidationReason::Invalid),
        (
            "1a",
            ValidationReason::ByteNotAllowed {
                index: 1,
                byte: b'a',
            },
        ),
        ("4294967296", ValidationReason::OutOfRange),
    ];
    for (v, reason) in bad_parts {
        assert_eq!(SectionPart::new(*v).unwrap_err().reason, *reason, "{v:?}");
    }
    assert!(SectionPart::new("4294967295.1").is_ok());
    assert_eq!(
        SectionPart::from_numbers(&[]).unwrap_err().reason,
        ValidationReason::Empty
    );
    assert_eq!(
        SectionPart::from_numbers(&[1, 0]).unwrap_err().reason,
        ValidationReason::OutOfRange
    );
    assert_eq!(Partial::parse(b"<0.1>").unwrap(), range(0, 1).unwrap());
}
