//! Tests of the framer: literals, the grammar's say on `{n}`, limits, recovery and chunking.

use alloc::vec;
use alloc::vec::Vec;

use proptest::prelude::*;

use super::*;

/// An owned copy of a framer event.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Ev {
    Msg {
        bytes: Vec<u8>,
        offset: u64,
        literals: Vec<LiteralSpan>,
        bare_lf: bool,
    },
    Ann {
        message: Vec<u8>,
        offset: u64,
        len: u64,
        kind: LiteralKind,
    },
    Err {
        kind: FrameErrorKind,
        offset: u64,
        at: u64,
        head: Vec<u8>,
    },
}

fn own(e: FrameEvent<'_>) -> Ev {
    match e {
        FrameEvent::Message(f) => Ev::Msg {
            bytes: f.bytes.to_vec(),
            offset: f.offset,
            literals: f.literals.to_vec(),
            bare_lf: f.bare_lf,
        },
        FrameEvent::LiteralAnnounced(a) => Ev::Ann {
            message: a.message.to_vec(),
            offset: a.offset,
            len: a.len,
            kind: a.kind,
        },
        FrameEvent::Error(e) => Ev::Err {
            kind: e.kind,
            offset: e.offset,
            at: e.at,
            head: e.head.to_vec(),
        },
    }
}

fn drain(f: &mut Framer, out: &mut Vec<Ev>) {
    while let Some(e) = f.next_event() {
        out.push(own(e));
    }
}

/// Frames `input` split at `cuts` (chunk sizes, cycled).
fn frame_chunked(config: FramerConfig, input: &[u8], cuts: &[usize]) -> Vec<Ev> {
    let mut f = Framer::new(config);
    let mut out = Vec::new();
    let mut rest = input;
    let mut k = 0;
    while !rest.is_empty() {
        let n = cuts
            .get(k % cuts.len().max(1))
            .copied()
            .unwrap_or(rest.len())
            .clamp(1, rest.len());
        f.push(&rest[..n]);
        drain(&mut f, &mut out);
        rest = &rest[n..];
        k += 1;
    }
    out
}

fn frame(role: Role, input: &[u8]) -> Vec<Ev> {
    frame_chunked(FramerConfig::new(role), input, &[])
}

fn messages(events: &[Ev]) -> Vec<&[u8]> {
    events
        .iter()
        .filter_map(|e| match e {
            Ev::Msg { bytes, .. } => Some(&bytes[..]),
            _ => None,
        })
        .collect()
}

#[test]
fn lines_and_literals() {
    let input = b"* 1 FETCH (BODY[] {5}\r\nhello FLAGS (\\Seen))\r\n* 2 EXISTS\r\n";
    let ev = frame(Role::Responses, input);
    let split = input.len() - b"* 2 EXISTS\r\n".len();
    assert_eq!(messages(&ev), [&input[..split], &input[split..]]);
    let Ev::Msg {
        literals, offset, ..
    } = &ev[0]
    else {
        panic!()
    };
    assert_eq!(*offset, 0);
    let kind = LiteralKind {
        non_sync: false,
        binary: false,
    };
    assert_eq!(
        literals,
        &[LiteralSpan {
            start: 23,
            len: 5,
            kind
        }]
    );
    let Ev::Msg { offset, .. } = &ev[1] else {
        panic!()
    };
    assert_eq!(*offset, split as u64);
}

#[test]
fn literal_forms() {
    let input = b"* 1 FETCH (BINARY[1] ~{3}\r\na\0b BODY[2] {2+}\r\n\r\n)\r\n";
    let ev = frame(Role::Responses, input);
    assert_eq!(messages(&ev), [&input[..]]);
    let Ev::Msg { literals, .. } = &ev[0] else {
        panic!()
    };
    assert_eq!(
        literals[0].kind,
        LiteralKind {
            non_sync: false,
            binary: true
        }
    );
    assert_eq!(
        literals[1].kind,
        LiteralKind {
            non_sync: true,
            binary: false
        }
    );
    assert_eq!((literals[0].len, literals[1].len), (3, 2));
}

#[test]
fn text_ending_in_braces_is_not_a_literal() {
    // The grammar decides: status text and continuation text hold no literal.
    let input = b"* OK see section {5}\r\na1 OK done\r\n+ ready {3}\r\na2 NO [ALERT] x {2}\r\n";
    let ev = frame(Role::Responses, input);
    assert_eq!(
        messages(&ev),
        [
            &b"* OK see section {5}\r\n"[..],
            b"a1 OK done\r\n",
            b"+ ready {3}\r\n",
            b"a2 NO [ALERT] x {2}\r\n"
        ]
    );
    // The same shape in data is a literal.
    let input = b"* LIST () \"/\" {5}\r\na1 OK\r\n";
    assert_eq!(messages(&frame(Role::Responses, input)), [&input[..]]);
}

#[test]
fn commands_decide_by_their_grammar() {
    let input = b"a1 NOOP {5}\r\na2 LOGIN {4}\r\nfred {3}\r\npw!\r\nDONE {2}\r\n";
    let ev = frame(Role::Commands, input);
    assert_eq!(
        messages(&ev),
        [
            &b"a1 NOOP {5}\r\n"[..],
            b"a2 LOGIN {4}\r\nfred {3}\r\npw!\r\n",
            b"DONE {2}\r\n"
        ]
    );
    let announced: Vec<u64> = ev
        .iter()
        .filter_map(|e| match e {
            Ev::Ann { len, .. } => Some(*len),
            _ => None,
        })
        .collect();
    assert_eq!(announced, [4, 3]);
    // A responses framer never announces.
    assert!(
        !frame(Role::Responses, b"* 1 FETCH (BODY[] {1}\r\nx)\r\n")
            .iter()
            .any(|e| matches!(e, Ev::Ann { .. }))
    );
}

#[test]
fn rejected_sync_literal_ends_the_command() {
    let mut f = Framer::new(FramerConfig::new(Role::Commands));
    f.push(b"a1 APPEND INBOX {10}\r\na2 NOOP\r\n");
    let Some(FrameEvent::LiteralAnnounced(a)) = f.next_event() else {
        panic!()
    };
    assert_eq!((a.len, a.message), (10, &b"a1 APPEND INBOX {10}\r\n"[..]));
    f.reject_literal();
    let Some(FrameEvent::Message(m)) = f.next_event() else {
        panic!()
    };
    assert_eq!(m.bytes, b"a2 NOOP\r\n");
    assert_eq!(m.offset, 22);
    assert!(f.next_event().is_none());
}

/// The announcements of a command stream, written as they stand (`{3}`, `{1+}`, `~{2}`).
fn announced(events: &[Ev]) -> Vec<alloc::string::String> {
    events
        .iter()
        .filter_map(|e| match e {
            Ev::Ann { len, kind, .. } => Some(alloc::format!(
                "{}{{{len}{}}}",
                if kind.binary { "~" } else { "" },
                if kind.non_sync { "+" } else { "" }
            )),
            _ => None,
        })
        .collect()
}

/// Checks that each command of `cases` frames as one message with the announcements given,
/// alone, all together, and byte by byte, and that it parses as the command it is.
fn frames_each(cases: &[(&[u8], &[&str])]) {
    use crate::parse::Parse as _;

    let mut all = Vec::new();
    let mut all_announced = Vec::new();
    for &(command, expected) in cases {
        let ev = frame(Role::Commands, command);
        assert_eq!(messages(&ev), [command], "{:?}", bstr::BStr::new(command));
        assert_eq!(announced(&ev), expected, "{:?}", bstr::BStr::new(command));
        let parsed = crate::types::command::Command::parse_with(
            command,
            &crate::config::ParseConfig::strict(),
        )
        .unwrap();
        assert!(
            !matches!(parsed.body, crate::types::command::CommandBody::Other(_)),
            "{parsed:?}"
        );
        all.extend_from_slice(command);
        all_announced.extend_from_slice(expected);
    }
    let whole = frame(Role::Commands, &all);
    assert_eq!(
        messages(&whole),
        cases.iter().map(|c| c.0).collect::<Vec<_>>()
    );
    assert_eq!(announced(&whole), all_announced);
    let config = FramerConfig::new(Role::Commands);
    assert_eq!(frame_chunked(config, &all, &[1]), whole);
}

#[test]
fn multiappend_literals_frame() {
    frames_each(&[
        (
            b"a1 APPEND INBOX {3}\r\none {3}\r\ntwo\r\n",
            &["{3}", "{3}"],
        ),
        (
            b"a2 APPEND INBOX (\\Seen) {1+}\r\nx (\\Draft) \"01-Jan-2020 00:00:00 +0000\" {2}\r\nyz ~{2}\r\n\0\0\r\n",
            &["{1+}", "{2}", "~{2}"],
        ),
    ]);
}

#[test]
fn catenate_and_utf8_literals_frame() {
    frames_each(&[
        (
            b"a1 APPEND Drafts CATENATE (TEXT {3}\r\nabc URL \"/INBOX;UID=1\" TEXT {2+}\r\nde)\r\n",
            &["{3}", "{2+}"],
        ),
        (b"a2 APPEND INBOX UTF8 (~{4}\r\n\xc3\xa9\0x)\r\n", &["~{4}"]),
        (
            b"a3 APPEND INBOX CATENATE (UTF8 (~{1+}\r\n\0) TEXT {1}\r\n)) {2}\r\nhi\r\n",
            &["~{1+}", "{1}", "{2}"],
        ),
        (
            b"a4 APPEND INBOX {1}\r\na CATENATE (URL {4}\r\n/a;b) UTF8 (~{2}\r\nok)\r\n",
            &["{1}", "{4}", "~{2}"],
        ),
    ]);
}

#[test]
fn replace_literals_frame() {
    frames_each(&[
        (b"a1 REPLACE 4 Drafts {3}\r\nabc\r\n", &["{3}"]),
        (
            b"a2 UID REPLACE 2000 Drafts (\\Seen) ~{2+}\r\n\0\0\r\n",
            &["~{2+}"],
        ),
        (
            b"a3 uid replace * INBOX CATENATE (TEXT {1}\r\nx URL {1+}\r\na)\r\n",
            &["{1}", "{1+}"],
        ),
    ]);
}

#[test]
fn bare_lf_is_flagged() {
    let ev = frame(Role::Responses, b"* OK hi\n* OK there\r\n");
    assert_eq!(messages(&ev), [&b"* OK hi\n"[..], b"* OK there\r\n"]);
    assert!(matches!(ev[0], Ev::Msg { bare_lf: true, .. }));
    assert!(matches!(ev[1], Ev::Msg { bare_lf: false, .. }));
    // A literal announced on a bare-LF line still counts.
    let ev = frame(Role::Responses, b"* 1 FETCH (BODY[] {2}\nab)\r\n");
    assert_eq!(messages(&ev).len(), 1);
}

fn limits(config: Limits, role: Role) -> FramerConfig {
    FramerConfig::new(role).with_limits(config)
}

#[test]
fn line_limit_rejects_and_resumes() {
    let cfg = limits(Limits::default().with_max_line(16), Role::Responses);
    let input = b"* OK 0123456789abcdef\r\n* OK short\r\n";
    let ev = frame_chunked(cfg, input, &[]);
    assert_eq!(ev.len(), 2);
    let Ev::Err {
        kind, offset, head, ..
    } = &ev[0]
    else {
        panic!("{ev:?}")
    };
    assert_eq!(*kind, FrameErrorKind::LineTooLong { limit: 16 });
    assert_eq!((*offset, &head[..4]), (0, &b"* OK"[..]));
    assert_eq!(
        ev[1],
        Ev::Msg {
            bytes: b"* OK short\r\n".to_vec(),
            offset: 23,
            literals: vec![],
            bare_lf: false
        }
    );
}

#[test]
fn megabyte_line_is_rejected_without_buffering_it() {
    let cfg = limits(Limits::default().with_max_line(64 << 10), Role::Commands);
    let mut f = Framer::new(cfg);
    let mut out = Vec::new();
    f.push(b"a1 LOGIN ");
    let chunk = vec![b'x'; 4096];
    let mut most_buffered = 0;
    for _ in 0..256 {
        f.push(&chunk);
        drain(&mut f, &mut out);
        most_buffered = most_buffered.max(f.buffered().len());
    }
    f.push(b"\r\na2 NOOP\r\n");
    drain(&mut f, &mut out);
    assert!(
        most_buffered <= (64 << 10) + 4096,
        "buffered {most_buffered}"
    );
    assert_eq!(
        out.len(),
        2,
        "{:?}",
        out.iter()
            .map(|e| matches!(e, Ev::Msg { .. }))
            .collect::<Vec<_>>()
    );
    assert!(matches!(
        out[0],
        Ev::Err {
            kind: FrameErrorKind::LineTooLong { .. },
            offset: 0,
            ..
        }
    ));
    let Ev::Msg { bytes, offset, .. } = &out[1] else {
        panic!()
    };
    assert_eq!(bytes, b"a2 NOOP\r\n");
    assert_eq!(*offset, 9 + 256 * 4096 + 2);
}

#[test]
fn literal_limit_for_commands_and_responses() {
    let lim = Limits::default().with_max_literal(4);
    // A client waiting for `+` sends nothing: the next line is the next command.
    let ev = frame_chunked(
        limits(lim, Role::Commands),
        b"a1 LOGIN {5}\r\na2 NOOP\r\n",
        &[],
    );
    assert!(matches!(
        ev[0],
        Ev::Err {
            kind: FrameErrorKind::LiteralTooLarge { len: 5, limit: 4 },
            ..
        }
    ));
    assert_eq!(messages(&ev), [&b"a2 NOOP\r\n"[..]]);
    // A non-synchronising literal's data comes anyway and is skipped with its message.
    let ev = frame_chunked(
        limits(lim, Role::Commands),
        b"a1 LOGIN {5+}\r\nab\r\nc {1+}\r\nx\r\na2 NOOP\r\n",
        &[3],
    );
    assert!(matches!(
        ev[0],
        Ev::Err {
            kind: FrameErrorKind::LiteralTooLarge { .. },
            ..
        }
    ));
    assert_eq!(messages(&ev), [&b"a2 NOOP\r\n"[..]]);
    // A server's literal is always sent.
    let ev = frame_chunked(
        limits(lim, Role::Responses),
        b"* 1 FETCH (BODY[] {5}\r\n)\r\n\r\n)\r\n* 2 EXISTS\r\n",
        &[],
    );
    assert_eq!(messages(&ev), [&b"* 2 EXISTS\r\n"[..]]);
}

#[test]
fn message_and_literal_count_limits() {
    let lim = Limits::default().with_max_message(20);
    let ev = frame(Role::Responses, b"");
    assert!(ev.is_empty());
    let ev = frame_chunked(
        limits(lim, Role::Responses),
        b"* 1 FETCH (BODY[] {8}\r\n12345678)\r\n* 3 EXISTS\r\n",
        &[],
    );
    assert!(matches!(
        ev[0],
        Ev::Err {
            kind: FrameErrorKind::MessageTooLarge { limit: 20 },
            ..
        }
    ));
    assert_eq!(messages(&ev), [&b"* 3 EXISTS\r\n"[..]]);
    let lim = Limits::default().with_max_literals(2);
    let input = b"* 1 FETCH (A {1}\r\na B {1}\r\nb C {1}\r\nc)\r\n* 3 EXISTS\r\n";
    let ev = frame_chunked(limits(lim, Role::Responses), input, &[]);
    assert!(matches!(
        ev[0],
        Ev::Err {
            kind: FrameErrorKind::TooManyLiterals { limit: 2 },
            ..
        }
    ));
    assert_eq!(messages(&ev), [&b"* 3 EXISTS\r\n"[..]]);
}

#[test]
fn take_buffered_hands_back_the_rest() {
    let mut f = Framer::new(FramerConfig::new(Role::Responses));
    f.push(b"a1 OK begin TLS\r\n\x16\x03\x01");
    let Some(FrameEvent::Message(m)) = f.next_event() else {
        panic!()
    };
    assert_eq!(m.bytes, b"a1 OK begin TLS\r\n");
    assert_eq!(f.take_buffered(), b"\x16\x03\x01");
    assert!(!f.has_partial());
    f.push(b"* OK\r\n");
    let Some(FrameEvent::Message(m)) = f.next_event() else {
        panic!()
    };
    assert_eq!(m.offset, 20);
}

/// A stream of responses and commands with every framing feature, for the chunking property.
fn sample_stream(role: Role) -> Vec<u8> {
    let mut v = Vec::new();
    match role {
        Role::Responses => {
            v.extend_from_slice(b"* OK [CAPABILITY IMAP4rev2] ready {3}\r\n");
            v.extend_from_slice(
                b"* 1 FETCH (UID 7 BODY[] {12}\r\nhello\r\nworld BINARY[1] ~{2}\r\n\0\x01)\r\n",
            );
            v.extend_from_slice(b"* LIST () \"/\" {3}\r\na}b\r\n+ go {9}\r\n");
            v.extend_from_slice(b"* 2 FETCH (BODY[] {999}\r\n");
            v.extend_from_slice(&[b'z'; 999]);
            v.extend_from_slice(b")\r\n* OK hi\n");
            v.extend_from_slice(
                b"a1 OK 0123456789012345678901234567890123456789012345678901234567890123456789\r\n",
            );
            v.extend_from_slice(b"a2 OK done\r\n");
        }
        Role::Commands => {
            v.extend_from_slice(b"a1 login {4}\r\nfred {3+}\r\npw!\r\na2 NOOP {5}\r\n");
            v.extend_from_slice(b"a3 APPEND INBOX {2000}\r\n");
            v.extend_from_slice(&[b'm'; 2000]);
            v.extend_from_slice(b"\r\nDONE\r\na4 LOGIN x 0123456789012345678901234567890123456789012345678901234567890123456789\r\n");
            v.extend_from_slice(b"a5 APPEND INBOX ~{3+}\r\n\0\0\0\r\n");
        }
    }
    v
}

fn small_limits(role: Role) -> FramerConfig {
    let lim = Limits::default()
        .with_max_line(64)
        .with_max_literal(1000)
        .with_max_message(1100);
    limits(lim, role)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_chunking_gives_the_same_events(cuts in proptest::collection::vec(1usize..80, 1..20), commands in any::<bool>()) {
        let role = if commands { Role::Commands } else { Role::Responses };
        let input = sample_stream(role);
        let whole = frame_chunked(small_limits(role), &input, &[]);
        prop_assert_eq!(frame_chunked(small_limits(role), &input, &cuts), whole);
    }

    #[test]
    fn arbitrary_bytes_never_panic_and_chunking_does_not_matter(
        input in proptest::collection::vec(prop_oneof![Just(b'{'), Just(b'}'), Just(b'\r'), Just(b'\n'), Just(b' '), Just(b'*'), Just(b'1'), Just(b'+'), Just(b'~'), any::<u8>()], 0..300),
        cuts in proptest::collection::vec(1usize..40, 1..10),
        commands in any::<bool>(),
    ) {
        let role = if commands { Role::Commands } else { Role::Responses };
        let cfg = limits(Limits::default().with_max_line(32).with_max_literal(16).with_max_message(64), role);
        let whole = frame_chunked(cfg, &input, &[]);
        prop_assert_eq!(frame_chunked(cfg, &input, &cuts), whole.clone());
        // Every message that comes out is a whole number of lines and literals of the input.
        let total: usize = whole.iter().map(|e| match e { Ev::Msg { bytes, .. } => bytes.len(), _ => 0 }).sum();
        prop_assert!(total <= input.len());
    }
}

#[test]
fn byte_by_byte_equals_whole_buffer() {
    for role in [Role::Commands, Role::Responses] {
        let input = sample_stream(role);
        let whole = frame_chunked(small_limits(role), &input, &[]);
        assert!(whole.len() >= 5, "{whole:?}");
        assert_eq!(frame_chunked(small_limits(role), &input, &[1]), whole);
    }
}
