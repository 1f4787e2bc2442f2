//! Hostile and broken input to the server machine: malformed commands, each limit, and text
//! that tries to inject lines into the responses.

use imap_wire::framing::FrameErrorKind;
use imap_wire::server::{Event, ProtocolErrorKind, Server, ServerConfig, ServerLimits};
use imap_wire::{ErrorKind, IntoStatic, StatusKind};

#[path = "support/server.rs"]
mod support;

/// A machine greeted with PREAUTH (or OK), with `SELECT INBOX` done when `select`.
fn server(config: ServerConfig, preauth: bool, select: bool) -> Server {
    let mut s = support::greeted(config, preauth);
    if select {
        s.receive(b"s1 SELECT INBOX\r\n");
        answer_all(&mut s);
    }
    support::take(&mut s);
    s
}

/// Completes every command OK at once; returns the events.
fn answer_all(s: &mut Server) -> Vec<Event<'static>> {
    let mut events = Vec::new();
    while let Some(e) = s.next_event() {
        let e = e.into_static();
        if let Event::Command { handle, .. } = &e {
            s.complete(*handle, StatusKind::Ok, None, "done").unwrap();
        }
        events.push(e);
    }
    events
}

fn take(s: &mut Server) -> String {
    let out = String::from_utf8(s.transmit().to_vec()).unwrap();
    s.sent(out.len());
    out
}

fn kinds(events: &[Event<'static>]) -> Vec<ProtocolErrorKind> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Error(err) => Some(err.kind),
            _ => None,
        })
        .collect()
}

#[test]
fn malformed_commands_get_a_tagged_or_untagged_bad_and_the_stream_goes_on() {
    let mut s = server(ServerConfig::default(), true, true);
    s.receive(b"a1 FETCH\r\n\r\n+ hello\r\na2 STORE 1 +FLAGS (\r\na3 NOOP\r\n");
    let events = answer_all(&mut s);
    assert_eq!(kinds(&events).len(), 4);
    assert_eq!(
        take(&mut s),
        "a1 BAD Syntax error: expected SP\r\n\
         * BAD Syntax error: expected tag\r\n\
         * BAD Syntax error: expected tag\r\n\
         a2 BAD Syntax error: expected \")\"\r\n\
         a3 OK done\r\n"
    );
}

#[test]
fn ten_thousand_malformed_commands_among_valid_ones() {
    let mut s = server(ServerConfig::default(), true, true);
    let mut stream = Vec::new();
    let (mut valid, mut malformed) = (Vec::new(), Vec::new());
    for k in 0..20_000 {
        if k % 2 == 0 {
            let tag = format!("v{k}");
            let line = match k % 8 {
                0 => format!("{tag} FETCH 1:* (FLAGS)\r\n"),
                2 => format!("{tag} UID SEARCH OR SEEN (FROM \"x\")\r\n"),
                4 => format!("{tag} STORE 1 +FLAGS.SILENT (\\Seen)\r\n"),
                _ => format!("{tag} APPEND INBOX {{5}}\r\nhello\r\n"),
            };
            stream.extend_from_slice(line.as_bytes());
            valid.push(tag);
        } else {
            let tag = format!("m{k}");
            let line = match k % 10 {
                1 => format!("{tag} FETCH\r\n"),
                3 => format!("{tag} STORE 1 +FLAGS (\r\n"),
                5 => format!("{tag} SEARCH (((\r\n"),
                7 => format!("{tag} APPEND INBOX (\\Seen {{5}}\r\nhello\r\n"),
                _ => format!("{tag} COPY 1\r\n"),
            };
            stream.extend_from_slice(line.as_bytes());
            malformed.push(tag);
        }
    }
    // In pieces of 7 bytes, to cross every boundary.
    let mut events = Vec::new();
    for chunk in stream.chunks(7) {
        s.receive(chunk);
        events.extend(answer_all(&mut s));
    }
    let delivered: Vec<String> = events
        .iter()
        .filter_map(|e| match e {
            Event::Command { command, .. } => Some(command.tag.as_str().to_owned()),
            _ => None,
        })
        .collect();
    let first_wrong = delivered.iter().zip(&valid).position(|(a, b)| a != b);
    assert_eq!(
        first_wrong, None,
        "a command was lost or a malformed one delivered"
    );
    assert_eq!(delivered.len(), valid.len());
    let out = take(&mut s);
    let bad: Vec<&str> = out
        .lines()
        .filter(|l| l.contains(" BAD "))
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    let first_wrong = bad.iter().zip(&malformed).position(|(a, b)| a != b);
    assert_eq!(
        first_wrong, None,
        "a malformed command was answered out of order"
    );
    assert_eq!(bad.len(), malformed.len());
    assert_eq!(kinds(&events).len(), 10_000);
    assert_eq!(
        out.lines().filter(|l| l.ends_with(" OK done")).count(),
        10_000
    );
}

#[test]
fn line_limit() {
    let limits = ServerLimits::default().with_max_line(100);
    let mut s = server(ServerConfig::default().with_limits(limits), true, false);
    let mut line = b"a1 LIST \"\" ".to_vec();
    line.extend_from_slice(&[b'x'; 200]);
    line.extend_from_slice(b"\r\na2 NOOP\r\n");
    s.receive(&line);
    let events = answer_all(&mut s);
    assert_eq!(
        kinds(&events),
        [ProtocolErrorKind::Limit(FrameErrorKind::LineTooLong {
            limit: 100
        })]
    );
    assert_eq!(
        take(&mut s),
        "a1 NO [LIMIT] Line too long\r\na2 OK done\r\n"
    );
}

#[test]
fn message_limit() {
    let limits = ServerLimits::default().with_max_message(40);
    let mut s = server(ServerConfig::default().with_limits(limits), true, false);
    s.receive(b"a1 APPEND INBOX {30}\r\na2 NOOP\r\n");
    let events = answer_all(&mut s);
    assert!(matches!(
        kinds(&events)[..],
        [ProtocolErrorKind::Limit(FrameErrorKind::MessageTooLarge {
            limit: 40
        })]
    ));
    assert_eq!(
        take(&mut s),
        "a1 NO [LIMIT] Command too large\r\na2 OK done\r\n"
    );
}

#[test]
fn literal_count_limit() {
    let limits = ServerLimits::default().with_max_literals(2);
    let mut s = server(ServerConfig::default().with_limits(limits), false, false);
    s.receive(b"a1 XCMD {1}\r\na {1}\r\nb {1}\r\na2 NOOP\r\n");
    let events = answer_all(&mut s);
    assert!(matches!(
        kinds(&events)[..],
        [ProtocolErrorKind::Limit(FrameErrorKind::TooManyLiterals {
            limit: 2
        })]
    ));
    assert_eq!(
        take(&mut s),
        "+ Ready for literal data\r\n+ Ready for literal data\r\n\
         a1 NO [LIMIT] Too many literals\r\na2 OK done\r\n"
    );
}

#[test]
fn depth_limit() {
    let limits = ServerLimits::default().with_max_depth(3);
    let mut s = server(ServerConfig::default().with_limits(limits), true, true);
    s.receive(b"a1 SEARCH (((SEEN)))\r\na2 SEARCH ((((SEEN))))\r\n");
    let events = answer_all(&mut s);
    assert!(matches!(
        kinds(&events)[..],
        [ProtocolErrorKind::Malformed(e)] if e.kind == ErrorKind::TooDeep
    ));
    assert_eq!(
        take(&mut s),
        "a1 OK done\r\na2 BAD Syntax error: nested too deeply\r\n"
    );
}

#[test]
fn in_flight_limit() {
    let limits = ServerLimits::default().with_max_in_flight(2);
    let mut s = server(ServerConfig::default().with_limits(limits), false, false);
    s.receive(b"a1 NOOP\r\na2 NOOP\r\na3 NOOP\r\n");
    let mut events = Vec::new();
    while let Some(e) = s.next_event() {
        events.push(e.into_static());
    }
    assert_eq!(kinds(&events), [ProtocolErrorKind::TooManyInFlight]);
    assert_eq!(s.in_flight(), 2);
    assert_eq!(
        take(&mut s),
        "a3 NO [LIMIT] Too many commands in flight\r\n"
    );
}

#[test]
fn client_text_is_never_echoed_into_responses() {
    let mut s = server(ServerConfig::default(), false, false);
    s.receive(b"a1 LOGIN \"x\r\n* OK [ALERT] injected\"\r\na2 X\x00Y\r\nb\rc NOOP\r\n");
    let events = answer_all(&mut s);
    assert_eq!(kinds(&events).len(), 4);
    let out = take(&mut s);
    assert!(!out.contains("injected"), "{out}");
    for line in out.split_terminator("\r\n") {
        assert!(!line.contains('\r') && !line.contains('\n'), "{line:?}");
        assert!(
            ["a1 BAD ", "a2 BAD ", "* BAD "]
                .iter()
                .any(|p| line.starts_with(p)),
            "{line:?}"
        );
    }
}
