//! Partial decoding: a FETCH item that does not parse is kept raw with its error while the
//! other items are read, and a message that does not parse is reported as [`Malformed`] while
//! the messages around it, framed from the same stream, arrive intact.

use alloc::vec::Vec;

use crate::config::{Leniency, ParseConfig};
use crate::framing::{FrameEvent, Framer, FramerConfig, Role};
use crate::owned::IntoStatic;
use crate::parse::Parse;
use crate::testing::encode_with;
use crate::testing::quirks::fetch_items;
use crate::types::message::MessageAttribute;
use crate::types::response::Response;
use crate::types::tolerance::Malformed;
use crate::{Command, EncodeConfig, ErrorKind};

#[test]
fn broken_bodystructure_among_good_items() {
    let raw = b"* 1 FETCH (UID 7 BODYSTRUCTURE (\"text\" \"plain\" BROKEN) FLAGS (\\Seen) BODY[] {5}\r\nhello)\r\n";
    assert!(Response::parse_with(raw, &ParseConfig::strict()).is_err());
    let only = ParseConfig::strict().with_leniency(Leniency::MALFORMED_ITEM);
    let parsed = Response::parse_report(raw, &ParseConfig::lenient()).unwrap();
    assert_eq!(parsed.quirks, Leniency::MALFORMED_ITEM);
    assert_eq!(Response::parse_with(raw, &only).unwrap(), parsed.value);
    let all = fetch_items(&parsed.value);
    assert_eq!(all.len(), 4);
    assert!(matches!(all[0], MessageAttribute::Uid(n) if n.get() == 7));
    let MessageAttribute::Malformed(bad) = &all[1] else {
        panic!("{:?}", all[1])
    };
    assert_eq!(bad.raw(), b"BODYSTRUCTURE (\"text\" \"plain\" BROKEN)");
    // The error points into the item: at `BROKEN`, where the body fields were expected.
    assert_eq!(&bad.raw()[bad.error().offset..], b"BROKEN)");
    assert!(matches!(bad.error().kind, ErrorKind::Expected(_)));
    assert!(matches!(all[2], MessageAttribute::Flags(_)));
    let MessageAttribute::BodySection { data, .. } = &all[3] else {
        panic!()
    };
    assert_eq!(data.as_bytes(), Some(&b"hello"[..]));
    // The broken item is written back byte for byte, and the response reads back equal.
    let bytes = encode_with(&parsed.value, EncodeConfig::default());
    assert!(bytes.windows(bad.raw().len()).any(|w| w == bad.raw()));
    assert_eq!(Response::parse(&bytes).unwrap(), parsed.value);
}

#[test]
fn broken_unknown_item_and_nested_literal() {
    // An unknown item whose value holds a NUL in a quoted string, then a good item; a broken
    // item whose value holds a literal with a `)` in it.
    let raw = b"* 3 FETCH (X-GM-LABELS (\\Inbox \"a\x00b\") UID 9 BODY[1] (\"x\" {3}\r\n)))) RFC822.SIZE 44)\r\n";
    assert!(Response::parse_with(raw, &ParseConfig::strict()).is_err());
    let r = Response::parse(raw).unwrap();
    let all = fetch_items(&r);
    assert_eq!(all.len(), 4, "{all:?}");
    let MessageAttribute::Malformed(first) = &all[0] else {
        panic!("{:?}", all[0])
    };
    assert_eq!(first.raw(), b"X-GM-LABELS (\\Inbox \"a\x00b\")");
    assert!(matches!(all[1], MessageAttribute::Uid(n) if n.get() == 9));
    let MessageAttribute::Malformed(second) = &all[2] else {
        panic!("{:?}", all[2])
    };
    assert_eq!(second.raw(), b"BODY[1] (\"x\" {3}\r\n))))");
    assert!(matches!(all[3], MessageAttribute::Rfc822Size(n) if n.get() == 44));
    assert_eq!(encode_with(&r, EncodeConfig::default()), raw);
}

#[test]
fn an_item_that_cannot_be_delimited_fails_the_response() {
    // An unbalanced parenthesis: no extent can be found, so the whole response fails.
    let raw = b"* 1 FETCH (UID 7 BODYSTRUCTURE ((\"text\" FLAGS (\\Seen))\r\n";
    let bad = Response::parse_or_malformed(raw, &ParseConfig::lenient()).unwrap_err();
    assert_eq!(bad.raw(), raw);
    assert!(bad.tag().is_none());
}

/// Frames `stream` and parses each message with `parse`, in order.
fn frame_all<T>(role: Role, stream: &[u8], mut parse: impl FnMut(&[u8]) -> T) -> Vec<(Vec<u8>, T)> {
    let mut framer = Framer::new(FramerConfig::new(role));
    let mut out = Vec::new();
    // Fed in small chunks, as a socket would.
    for chunk in stream.chunks(7) {
        framer.push(chunk);
        while let Some(event) = framer.next_event() {
            match event {
                FrameEvent::Message(f) => out.push((f.bytes.to_vec(), parse(f.bytes))),
                FrameEvent::LiteralAnnounced(_) => {}
                FrameEvent::Error(e) => panic!("limit: {e:?}"),
            }
        }
    }
    assert!(!framer.has_partial());
    out
}

/// Frames `first`, `garbage` and `third` as one stream and parses each with `parse`: the first
/// and third arrive equal to their own parse, the middle one as a `Malformed` with `tag`.
fn three_messages<T: PartialEq + core::fmt::Debug>(
    role: Role,
    [first, garbage, third]: [&[u8]; 3],
    tag: Option<&str>,
    mut parse: impl FnMut(&[u8]) -> Result<T, Malformed<'static>>,
) {
    let stream = [first, garbage, third].concat();
    let got = frame_all(role, &stream, &mut parse);
    assert_eq!(got.len(), 3);
    assert_eq!(got[0].0, first);
    assert_eq!(got[0].1, parse(first));
    assert!(got[0].1.is_ok());
    let bad = got[1].1.as_ref().unwrap_err();
    assert_eq!(bad.raw(), garbage);
    assert_eq!(bad.tag().map(|t| t.as_str()), tag);
    assert_eq!(got[2].0, third);
    assert_eq!(got[2].1, parse(third));
    assert!(got[2].1.is_ok());
}

#[test]
fn garbage_between_two_responses_loses_nothing() {
    let cfg = ParseConfig::lenient();
    let messages: [&[u8]; 3] = [
        b"* 1 FETCH (UID 4 BODY[] {5}\r\nhello)\r\n",
        b"\x00\x7f((( garbage \"x))))  ]]\r\n",
        b"a1 OK [READ-WRITE] done\r\n",
    ];
    three_messages(Role::Responses, messages, None, |b| {
        Response::parse_or_malformed(b, &cfg)
            .map(IntoStatic::into_static)
            .map_err(IntoStatic::into_static)
    });
    let bad = Response::parse_or_malformed(messages[1], &cfg).unwrap_err();
    assert_eq!(bad.error().offset, 0);
}

#[test]
fn garbage_between_two_commands_loses_nothing() {
    // The tag is read, so the server can answer `a2 BAD`.
    let cfg = ParseConfig::lenient();
    let messages: [&[u8]; 3] = [
        b"a1 SELECT INBOX\r\n",
        b"a2 FETCH 1:* (UID FLAGS\r\n",
        b"a3 FETCH 1 (UID)\r\n",
    ];
    three_messages(Role::Commands, messages, Some("a2"), |b| {
        Command::parse_or_malformed(b, &cfg)
            .map(IntoStatic::into_static)
            .map_err(IntoStatic::into_static)
    });
}

#[test]
fn framer_can_refuse_bare_lf_line_ends() {
    let stream = b"* OK a\nb\r\n* 1 EXISTS\n".as_slice();
    let lenient = frame_all(Role::Responses, stream, |b| b.len());
    let lines: Vec<_> = lenient.iter().map(|(b, _)| b.as_slice()).collect();
    assert_eq!(lines, [&b"* OK a\n"[..], b"b\r\n", b"* 1 EXISTS\n"]);
    let mut framer = Framer::new(FramerConfig::new(Role::Responses).with_lf_ends_line(false));
    framer.push(stream);
    let Some(FrameEvent::Message(f)) = framer.next_event() else {
        panic!()
    };
    assert_eq!(f.bytes, b"* OK a\nb\r\n");
    assert!(framer.next_event().is_none());
    assert!(framer.has_partial());
}
