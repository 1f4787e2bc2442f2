//! Strategies, known answers and round trips for the ID extension (RFC 2971).

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::parse::Parse;
use crate::testing::examples::{check_examples, examples};
use crate::testing::primitive::{encode_configs, istring, nstring};
use crate::testing::{assert_reparses, assert_round_trip, config};
use crate::types::command::{Command, CommandBody};
use crate::types::id::{IdField, IdParams};
use crate::types::list::List;
use crate::types::primitive::{IString, NString};
use crate::types::response::{Data, Response, Untagged};

pub(crate) fn id_field() -> impl Strategy<Value = IdField<'static>> {
    (istring(), nstring()).prop_map(|(name, value)| IdField { name, value })
}

pub(crate) fn id_params() -> impl Strategy<Value = IdParams<'static>> {
    proptest::option::of(proptest::collection::vec(id_field(), 0..4).prop_map(List::from))
        .prop_map(IdParams)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn id_params_round_trip(v in id_params(), enc in encode_configs()) {
        assert_round_trip!(IdParams, v.clone(), enc, &ParseConfig::default());
        let cmd = Command::new(crate::Tag::new("a1").unwrap(), CommandBody::Id(v.clone()));
        assert_round_trip!(Command, cmd, enc, &ParseConfig::default());
        let r = Response::Untagged(Untagged::Data(Data::Id(v)));
        assert_round_trip!(Response, r);
    }

    #[test]
    fn id_field_round_trips(v in id_field()) {
        assert_round_trip!(IdField, v);
    }
}

fn field(name: &'static str, value: Option<&'static str>) -> IdField<'static> {
    IdField {
        name: IString::new(name.as_bytes()).unwrap(),
        value: NString(value.map(|v| IString::new(v.as_bytes()).unwrap())),
    }
}

#[test]
fn rfc2971_examples() {
    assert_eq!(check_examples(examples!("rfc2971.imap")), 6);
    // §3.1
    let c = Command::parse(
        b"a023 ID (\"name\" \"sodr\" \"version\" \"19.34\" \"vendor\" \"Pink Floyd Music Limited\")\r\n",
    )
    .unwrap();
    let CommandBody::Id(p) = &c.body else {
        panic!("{c:?}")
    };
    assert_eq!(
        p.fields().unwrap().to_vec(),
        [
            field("name", Some("sodr")),
            field("version", Some("19.34")),
            field("vendor", Some("Pink Floyd Music Limited")),
        ]
    );
    assert_eq!(c.body.name(), "ID");
    let r = Response::parse(b"* ID NIL\r\n").unwrap();
    assert_eq!(
        r,
        Response::Untagged(Untagged::Data(Data::Id(IdParams::NIL)))
    );
    // §3.2
    let c = Command::parse(b"a042 ID NIL\r\n").unwrap();
    assert_eq!(c.body, CommandBody::Id(IdParams::NIL));
    let r = Response::parse(
        b"* ID (\"name\" \"Cyrus\" \"version\" \"1.5\" \"os\" \"sunos\" \"os-version\" \"5.5\" \
          \"support-url\" \"mailto:cyrus-bugs+@andrew.cmu.edu\")\r\n",
    )
    .unwrap();
    let Response::Untagged(Untagged::Data(Data::Id(p))) = r else {
        panic!()
    };
    assert_eq!(p.fields().unwrap().len(), 5);
    assert_eq!(
        p.fields().unwrap().iter().last().unwrap(),
        field("support-url", Some("mailto:cyrus-bugs+@andrew.cmu.edu"))
    );
}

#[test]
fn id_known_answers() {
    // Any case, NIL values, an empty list, literals.
    let p = assert_reparses!(IdParams, b"(\"name\" NIL \"x\" {3}\r\na\r\n)");
    assert_eq!(
        p.fields().unwrap().to_vec(),
        [field("name", None), field("x", Some("a\r\n"))]
    );
    assert_eq!(assert_reparses!(IdParams, b"()").fields().unwrap().len(), 0);
    assert_eq!(assert_reparses!(IdParams, b"nil"), IdParams::NIL);
    let c = Command::parse(b"a1 id nil\r\n").unwrap();
    assert_eq!(crate::to_vec(&c), b"a1 ID NIL\r\n");
    for bad in [
        &b"(\"name\")"[..],
        b"(name \"x\")",
        b"(\"a\" \"b\" )",
        b"(\"a\",\"b\")",
        b"NILL",
        b"",
    ] {
        assert!(
            IdParams::parse_with(bad, &crate::config::ParseConfig::strict()).is_err(),
            "{:?}",
            bstr::BStr::new(bad)
        );
    }
    let e = Command::parse(b"a1 ID (\"a\")\r\n").unwrap_err();
    assert_eq!(e.offset, 7);
    assert!(Command::parse(b"a1 ID\r\n").is_err());
}

#[test]
fn id_values_in_literals_are_framed() {
    // The value is a literal: the framer waits for it and hands out one message.
    let bytes = b"a1 ID (\"name\" {5}\r\nab\r\nc)\r\n";
    let mut f = crate::framing::Framer::new(crate::framing::FramerConfig::new(
        crate::framing::Role::Commands,
    ));
    f.push(&bytes[..19]);
    assert!(matches!(
        f.next_event(),
        Some(crate::framing::FrameEvent::LiteralAnnounced(a)) if a.len == 5
    ));
    assert!(f.next_event().is_none());
    f.push(&bytes[19..]);
    let Some(crate::framing::FrameEvent::Message(m)) = f.next_event() else {
        panic!()
    };
    assert_eq!(m.bytes, bytes);
    assert!(Command::parse(m.bytes).is_ok());
    // Server side: `* ID` carries strings, so its `{n}` is a literal too.
    let bytes = b"* ID (\"os\" {2}\r\nab)\r\n";
    let mut f = crate::framing::Framer::new(crate::framing::FramerConfig::new(
        crate::framing::Role::Responses,
    ));
    f.push(bytes);
    let Some(crate::framing::FrameEvent::Message(m)) = f.next_event() else {
        panic!()
    };
    assert_eq!(m.bytes, bytes);
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_id_values_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};
    let mut nil = 0;
    for buf in crate::testing::random_buffers(3000) {
        let mut u = Unstructured::new(&buf);
        let Ok(v) = IdParams::arbitrary(&mut u) else {
            continue;
        };
        nil += usize::from(v.0.is_none());
        assert_round_trip!(IdParams, v);
        if let Ok(f) = IdField::arbitrary(&mut u) {
            assert_round_trip!(IdField, f);
        }
    }
    assert!(nil > 100);
}
