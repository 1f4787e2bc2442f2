//! Flows of the server machine with the exact bytes it sends: literals, AUTHENTICATE, IDLE,
//! state refusals, transport switches, ENABLE, LOGOUT and misuse by the owner.

use imap_wire::server::{
    CommandHandle, Disposition, Event, Extensions, NonSyncLiterals, OversizeAction,
    ProtocolErrorKind, Server, ServerConfig, ServerLimits, Switch, UsageError,
};
use imap_wire::session::State;
use imap_wire::{
    AuthenticateResponse, CommandBody, Data, Greeting, GreetingKind, IntoStatic, Parse,
    ResponseText, StatusKind,
};

#[path = "support/server.rs"]
mod support;

use support::{greeted as server, take};

/// Drains the events.
fn events(s: &mut Server) -> Vec<Event<'static>> {
    let mut v = Vec::new();
    while let Some(e) = s.next_event() {
        v.push(e.into_static());
        assert!(v.len() < 10_000, "event livelock");
    }
    v
}

/// The handle of the single command event in `events`, checking its name.
fn one_command(events: &[Event<'static>], name: &str) -> CommandHandle {
    match events {
        [Event::Command { handle, command }] => {
            assert_eq!(command.body.name(), name);
            *handle
        }
        other => panic!("expected one {name}, got {other:?}"),
    }
}

fn feed(s: &mut Server, bytes: &[u8]) -> Vec<Event<'static>> {
    s.receive(bytes);
    events(s)
}

fn ok(s: &mut Server, h: CommandHandle, text: &str) {
    s.complete(h, StatusKind::Ok, None, text).unwrap();
}

fn error_kind(e: &Event<'static>) -> ProtocolErrorKind {
    match e {
        Event::Error(err) => err.kind,
        other => panic!("expected an error, got {other:?}"),
    }
}

/// A machine logged in with LOGIN (and `SELECT INBOX` when `select`).
fn logged_in(config: ServerConfig, select: bool) -> Server {
    let mut s = server(config, false);
    let h = one_command(&feed(&mut s, b"l1 LOGIN fred pw\r\n"), "LOGIN");
    ok(&mut s, h, "welcome");
    if select {
        let h = one_command(&feed(&mut s, b"l2 SELECT INBOX\r\n"), "SELECT");
        ok(&mut s, h, "selected");
    }
    take(&mut s);
    s
}

#[test]
fn literal_accepted_by_limit_sends_plus_before_the_bytes() {
    let mut s = server(ServerConfig::default(), false);
    let ev = feed(&mut s, b"a1 LOGIN {4}\r\n");
    let [Event::LiteralAnnounced(r)] = &ev[..] else {
        panic!("{ev:?}")
    };
    assert_eq!((r.len, r.non_sync, r.awaiting_decision), (4, false, false));
    assert_eq!(r.tag.as_str(), "a1");
    assert_eq!(r.command.as_ref().unwrap().as_str(), "LOGIN");
    assert_eq!(take(&mut s), b"+ Ready for literal data\r\n");
    let ev = feed(&mut s, b"fred secret\r\n");
    let h = one_command(&ev, "LOGIN");
    ok(&mut s, h, "LOGIN completed");
    assert_eq!(take(&mut s), b"a1 OK LOGIN completed\r\n");
    assert_eq!(s.state(), State::Authenticated);
}

#[test]
fn literal_asked_then_accepted_or_rejected() {
    let mut s = logged_in(ServerConfig::default().with_ask_literals(true), false);
    let ev = feed(&mut s, b"a1 APPEND INBOX {5}\r\n");
    assert!(matches!(&ev[..], [Event::LiteralAnnounced(r)] if r.awaiting_decision));
    assert!(take(&mut s).is_empty(), "no + before the decision");
    // Nothing is read while the decision is pending.
    assert!(feed(&mut s, b"hello\r\n").is_empty());
    s.accept_literal().unwrap();
    assert_eq!(take(&mut s), b"+ Ready for literal data\r\n");
    let h = one_command(&events(&mut s), "APPEND");
    ok(&mut s, h, "APPEND completed");
    assert_eq!(take(&mut s), b"a1 OK APPEND completed\r\n");

    let ev = feed(&mut s, b"a2 APPEND INBOX {5}\r\n");
    assert!(matches!(&ev[..], [Event::LiteralAnnounced(r)] if r.awaiting_decision));
    s.accept_literal().unwrap();
    take(&mut s);
    // Reject the next one; the following line is a command, not literal data.
    let _ = one_command(&feed(&mut s, b"12345\r\n"), "APPEND");
    let ev = feed(&mut s, b"a3 APPEND INBOX {9}\r\n");
    assert!(matches!(&ev[..], [Event::LiteralAnnounced(r)] if r.tag.as_str() == "a3"));
    s.reject_literal(StatusKind::No, "Mailbox full").unwrap();
    assert_eq!(take(&mut s), b"a3 NO Mailbox full\r\n");
    assert_eq!(
        s.reject_literal(StatusKind::No, "x"),
        Err(UsageError::NoLiteralPending)
    );
    let ev = feed(&mut s, b"a4 NOOP\r\n");
    let _ = one_command(&ev, "NOOP");
}

#[test]
fn multiappend_answers_each_literal_in_turn() {
    let config = ServerConfig::default().with_non_sync_literals(NonSyncLiterals::Any);
    let mut s = logged_in(config, false);
    let ev = feed(&mut s, b"a1 APPEND Drafts (\\Seen) {3}\r\n");
    let [Event::LiteralAnnounced(r)] = &ev[..] else {
        panic!("{ev:?}")
    };
    assert_eq!((r.len, r.non_sync), (3, false));
    assert_eq!(r.command.as_ref().unwrap().as_str(), "APPEND");
    assert_eq!(take(&mut s), b"+ Ready for literal data\r\n");
    // The first message and the second announcement: a second `+`, no command yet.
    let ev = feed(&mut s, b"one \"01-Jan-2020 00:00:00 +0000\" {5}\r\n");
    let [Event::LiteralAnnounced(r)] = &ev[..] else {
        panic!("{ev:?}")
    };
    assert_eq!((r.len, r.tag.as_str()), (5, "a1"));
    assert_eq!(take(&mut s), b"+ Ready for literal data\r\n");
    // A third message with a non-synchronising literal needs no `+`.
    let ev = feed(&mut s, b"three {3+}\r\n");
    assert!(matches!(&ev[..], [Event::LiteralAnnounced(r)] if r.non_sync));
    assert!(take(&mut s).is_empty());
    let ev = feed(&mut s, b"two\r\n");
    let [Event::Command { handle, command }] = &ev[..] else {
        panic!("{ev:?}")
    };
    let CommandBody::Append { messages, .. } = &command.body else {
        panic!("{command:?}")
    };
    let data: Vec<Vec<u8>> = messages
        .iter()
        .map(|m| match m.data {
            imap_wire::types::command::AppendData::Literal(l) => l.as_bytes().to_vec(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(data, [&b"one"[..], b"three", b"two"]);
    ok(&mut s, *handle, "APPEND completed");
    assert_eq!(take(&mut s), b"a1 OK APPEND completed\r\n");
}

#[test]
fn multiappend_literal_over_the_limit_ends_the_command() {
    let limits = ServerLimits::default().with_max_append_literal(10);
    let mut s = logged_in(ServerConfig::default().with_limits(limits), false);
    let _ = feed(&mut s, b"a1 APPEND INBOX {3}\r\n");
    take(&mut s);
    // The second message is too big: refused before its bytes, and the rest of the line is
    // read as the next command.
    let ev = feed(&mut s, b"abc {11}\r\n");
    assert!(matches!(
        error_kind(&ev[0]),
        ProtocolErrorKind::LiteralTooLarge { len: 11, limit: 10 }
    ));
    assert_eq!(take(&mut s), b"a1 NO [LIMIT] Literal too large\r\n");
    let _ = one_command(&feed(&mut s, b"a2 NOOP\r\n"), "NOOP");
}

#[test]
fn replace_literals_are_answered_in_the_selected_state_only() {
    let mut s = logged_in(ServerConfig::default(), false);
    let ev = feed(&mut s, b"a1 REPLACE 4 Drafts {3}\r\n");
    assert_eq!(
        error_kind(&ev[0]),
        ProtocolErrorKind::NotAllowed(State::Authenticated)
    );
    assert_eq!(take(&mut s), b"a1 BAD No mailbox selected\r\n");
    let _ = one_command(&feed(&mut s, b"a2 NOOP\r\n"), "NOOP");

    // Selected: each REPLACE's literal is answered, and falls under the APPEND limit.
    let limits = ServerLimits::default()
        .with_max_literal(10)
        .with_max_append_literal(100);
    let mut s = logged_in(ServerConfig::default().with_limits(limits), true);
    for (line, name) in [
        (&b"a3 REPLACE 4 Drafts {50}\r\n"[..], "REPLACE"),
        (b"a4 UID REPLACE 2000 Drafts (\\Seen) {50}\r\n", "UID"),
    ] {
        let ev = feed(&mut s, line);
        let [Event::LiteralAnnounced(r)] = &ev[..] else {
            panic!("{ev:?}")
        };
        assert_eq!(r.command.as_ref().unwrap().as_str(), name);
        assert_eq!(take(&mut s), b"+ Ready for literal data\r\n");
        let mut body = vec![b'x'; 50];
        body.extend_from_slice(b"\r\n");
        let h = one_command(&feed(&mut s, &body), "REPLACE");
        ok(&mut s, h, "REPLACE completed");
        take(&mut s);
    }
    let ev = feed(&mut s, b"a5 UID REPLACE 1 Drafts {101}\r\n");
    assert!(matches!(
        error_kind(&ev[0]),
        ProtocolErrorKind::LiteralTooLarge {
            len: 101,
            limit: 100
        }
    ));
    assert_eq!(take(&mut s), b"a5 NO [LIMIT] Literal too large\r\n");
}

#[test]
fn literal_limits_are_per_command() {
    let limits = ServerLimits::default()
        .with_max_literal(10)
        .with_max_append_literal(100);
    let mut s = logged_in(ServerConfig::default().with_limits(limits), false);
    let ev = feed(&mut s, b"a1 SELECT {11}\r\n");
    assert_eq!(
        error_kind(&ev[0]),
        ProtocolErrorKind::LiteralTooLarge { len: 11, limit: 10 }
    );
    assert_eq!(take(&mut s), b"a1 NO [LIMIT] Literal too large\r\n");
    let ev = feed(&mut s, b"a2 APPEND INBOX {50}\r\n");
    assert!(matches!(&ev[..], [Event::LiteralAnnounced(r)] if r.len == 50));
    assert_eq!(take(&mut s), b"+ Ready for literal data\r\n");
    let mut body = vec![b'x'; 50];
    body.extend_from_slice(b"\r\n");
    let _ = one_command(&feed(&mut s, &body), "APPEND");
    let ev = feed(&mut s, b"a3 APPEND INBOX {101}\r\n");
    assert!(ev.len() == 1, "{ev:?}");
    assert!(matches!(
        error_kind(&ev[0]),
        ProtocolErrorKind::LiteralTooLarge { len: 101, .. }
    ));
    assert_eq!(take(&mut s), b"a3 NO [LIMIT] Literal too large\r\n");
}

#[test]
fn literal_for_a_command_not_allowed_is_refused_before_its_bytes() {
    let mut s = server(ServerConfig::default(), false);
    let ev = feed(&mut s, b"a1 APPEND INBOX {5}\r\n");
    assert_eq!(
        error_kind(&ev[0]),
        ProtocolErrorKind::NotAllowed(State::NotAuthenticated)
    );
    assert_eq!(take(&mut s), b"a1 BAD Log in first\r\n");
    let _ = one_command(&feed(&mut s, b"a2 NOOP\r\n"), "NOOP");
}

#[test]
fn non_sync_literal_over_the_limit_is_discarded_unbuffered() {
    let config = ServerConfig::default()
        .with_non_sync_literals(NonSyncLiterals::Any)
        .with_limits(ServerLimits::default().with_max_literal(10));
    let mut s = server(config, false);
    let ev = feed(&mut s, b"a1 LOGIN {100000+}\r\n");
    assert!(matches!(
        error_kind(&ev[0]),
        ProtocolErrorKind::LiteralTooLarge { .. }
    ));
    assert_eq!(take(&mut s), b"a1 NO [LIMIT] Literal too large\r\n");
    for _ in 0..100 {
        assert!(feed(&mut s, &[b'\n'; 1000]).is_empty());
        assert!(s.buffered().len() < 2000, "the literal is buffered");
    }
    let ev = feed(&mut s, b" pw\r\na2 NOOP\r\n");
    let _ = one_command(&ev, "NOOP");
    assert!(take(&mut s).is_empty());
}

#[test]
fn non_sync_literal_over_the_limit_can_end_the_connection() {
    let config = ServerConfig::default()
        .with_non_sync_literals(NonSyncLiterals::Any)
        .with_oversize(OversizeAction::Disconnect)
        .with_limits(ServerLimits::default().with_max_literal(10));
    let mut s = server(config, false);
    let ev = feed(&mut s, b"a1 LOGIN {11+}\r\nfred12345678 pw\r\n");
    let [Event::Error(e), Event::Closed] = &ev[..] else {
        panic!("{ev:?}")
    };
    assert_eq!(e.disposition, Disposition::Poisoned);
    assert_eq!(take(&mut s), b"* BYE Literal not accepted\r\n");
    assert!(s.is_closed());
    assert!(feed(&mut s, b"a2 NOOP\r\n").is_empty());
}

#[test]
fn non_sync_literals_only_as_advertised() {
    // Not advertised: BAD, and the bytes are dropped.
    let mut s = server(ServerConfig::default(), false);
    let ev = feed(&mut s, b"a1 LOGIN {4+}\r\nfred pw\r\na2 NOOP\r\n");
    assert_eq!(error_kind(&ev[0]), ProtocolErrorKind::NonSyncLiteral);
    let _ = one_command(&ev[1..], "NOOP");
    assert_eq!(
        take(&mut s),
        b"a1 BAD Non-synchronising literal not allowed\r\n"
    );
    // LITERAL-: up to 4096 bytes.
    let config = ServerConfig::default().with_non_sync_literals(NonSyncLiterals::UpTo4096);
    let mut s = server(config, false);
    let ev = feed(&mut s, b"a1 LOGIN {4+}\r\nfred pw\r\n");
    assert!(matches!(&ev[..], [Event::LiteralAnnounced(r), Event::Command { .. }] if r.non_sync));
    assert!(
        take(&mut s).is_empty(),
        "no + for a non-synchronising literal"
    );
    let mut s = server(config, false);
    let mut big = b"a1 LOGIN {4097+}\r\n".to_vec();
    big.extend_from_slice(&[b'a'; 4097]);
    big.extend_from_slice(b" pw\r\na2 NOOP\r\n");
    let ev = feed(&mut s, &big);
    assert_eq!(error_kind(&ev[0]), ProtocolErrorKind::NonSyncLiteral);
    let _ = one_command(&ev[1..], "NOOP");
}

#[test]
fn authenticate_plain_with_a_challenge() {
    let mut s = server(ServerConfig::default(), false);
    let h = one_command(&feed(&mut s, b"a1 AUTHENTICATE PLAIN\r\n"), "AUTHENTICATE");
    // The client waits for the challenge: nothing is read before it.
    assert!(feed(&mut s, b"AGZyZWQAcHc=\r\n").is_empty());
    s.challenge(h, b"").unwrap();
    assert_eq!(take(&mut s), b"+ \r\n");
    let ev = events(&mut s);
    let [Event::AuthenticateData { handle, data }] = &ev[..] else {
        panic!("{ev:?}")
    };
    assert_eq!(*handle, h);
    let plain = data.expose().decode();
    let creds = imap_wire::server::auth::PlainCredentials::decode(&plain).unwrap();
    assert_eq!(creds.authcid, b"fred");
    ok(&mut s, h, "authenticated");
    assert_eq!(take(&mut s), b"a1 OK authenticated\r\n");
    assert_eq!(s.state(), State::Authenticated);
}

#[test]
fn authenticate_with_initial_response_and_cancel() {
    let mut s = server(ServerConfig::default(), false);
    let ev = feed(&mut s, b"a1 AUTHENTICATE PLAIN AGZyZWQAcHc=\r\n");
    let [Event::Command { handle, command }] = &ev[..] else {
        panic!("{ev:?}")
    };
    let CommandBody::Authenticate {
        initial_response: Some(ir),
        ..
    } = &command.body
    else {
        panic!("{command:?}")
    };
    assert_eq!(ir.expose().decode(), b"\0fred\0pw");
    s.complete(*handle, StatusKind::No, None, "bad password")
        .unwrap();
    assert_eq!(take(&mut s), b"a1 NO bad password\r\n");

    // LOGIN mechanism, cancelled at the password prompt.
    let h = one_command(&feed(&mut s, b"a2 AUTHENTICATE LOGIN\r\n"), "AUTHENTICATE");
    s.challenge(h, b"Username:").unwrap();
    assert_eq!(take(&mut s), b"+ VXNlcm5hbWU6\r\n");
    assert!(matches!(
        &feed(&mut s, b"ZnJlZA==\r\n")[..],
        [Event::AuthenticateData { .. }]
    ));
    s.challenge(h, b"Password:").unwrap();
    assert_eq!(take(&mut s), b"+ UGFzc3dvcmQ6\r\n");
    let ev = feed(&mut s, b"*\r\na3 NOOP\r\n");
    assert!(matches!(ev[0], Event::AuthenticateCancelled { handle } if handle == h));
    let _ = one_command(&ev[1..], "NOOP");
    assert_eq!(take(&mut s), b"a2 BAD Authentication cancelled\r\n");
    assert_eq!(
        s.complete(h, StatusKind::Ok, None, "x"),
        Err(UsageError::UnknownHandle)
    );
    assert_eq!(s.state(), State::NotAuthenticated);
    // A malformed line ends the exchange too.
    let h = one_command(&feed(&mut s, b"a4 AUTHENTICATE PLAIN\r\n"), "AUTHENTICATE");
    s.challenge(h, b"").unwrap();
    let ev = feed(&mut s, b"not base64!\r\n");
    assert_eq!(error_kind(&ev[0]), ProtocolErrorKind::BadAuthenticateLine);
    assert_eq!(
        take(&mut s),
        b"+ \r\na4 BAD Malformed authentication response\r\n"
    );
    let _ = AuthenticateResponse::parse(b"*\r\n").unwrap();
}

#[test]
fn idle_until_done() {
    let mut s = server(ServerConfig::default(), true);
    let h = one_command(&feed(&mut s, b"a1 SELECT INBOX\r\n"), "SELECT");
    let validity = std::num::NonZeroU32::new(7).unwrap();
    s.status(
        StatusKind::Ok,
        Some(imap_wire::Code::UidValidity(validity)),
        "UIDs valid",
    )
    .unwrap();
    s.complete(
        h,
        StatusKind::Ok,
        Some(imap_wire::Code::ReadWrite),
        "selected",
    )
    .unwrap();
    assert_eq!(
        take(&mut s),
        b"* OK [UIDVALIDITY 7] UIDs valid\r\na1 OK [READ-WRITE] selected\r\n"
    );
    let h = one_command(&feed(&mut s, b"a2 IDLE\r\n"), "IDLE");
    s.accept_idle(h).unwrap();
    assert_eq!(take(&mut s), b"+ idling\r\n");
    s.notify(Data::Exists(3)).unwrap();
    assert_eq!(
        s.complete(h, StatusKind::Ok, None, "x"),
        Err(UsageError::IdleNotDone)
    );
    let ev = feed(&mut s, b"a3 NOOP\r\n");
    assert_eq!(error_kind(&ev[0]), ProtocolErrorKind::ExpectedDone);
    let ev = feed(&mut s, b"done\r\na4 NOOP\r\n");
    assert!(matches!(&ev[..], [Event::IdleDone { handle }] if *handle == h));
    ok(&mut s, h, "IDLE terminated");
    let _ = one_command(&events(&mut s), "NOOP");
    assert_eq!(
        take(&mut s),
        b"* 3 EXISTS\r\n* BAD Expected DONE\r\na2 OK IDLE terminated\r\n"
    );
    assert_eq!(s.state(), State::Selected);
}

#[test]
fn idle_refused_by_the_owner() {
    let mut s = server(ServerConfig::default(), true);
    let h = one_command(&feed(&mut s, b"a1 IDLE\r\na2 NOOP\r\n"), "IDLE");
    s.complete(h, StatusKind::No, None, "not now").unwrap();
    let _ = one_command(&events(&mut s), "NOOP");
    assert_eq!(take(&mut s), b"a1 NO not now\r\n");
}

#[test]
fn commands_not_allowed_in_the_state_are_refused() {
    let mut s = server(ServerConfig::default(), false);
    let ev = feed(&mut s, b"a1 FETCH 1 FLAGS\r\na2 SELECT INBOX\r\n");
    assert_eq!(ev.len(), 2);
    assert_eq!(
        take(&mut s),
        b"a1 BAD Log in first\r\na2 BAD Log in first\r\n"
    );
    let mut s = logged_in(ServerConfig::default(), false);
    let ev = feed(
        &mut s,
        b"a3 LOGIN fred pw\r\na4 EXPUNGE\r\na5 CAPABILITY\r\n",
    );
    assert_eq!(
        error_kind(&ev[0]),
        ProtocolErrorKind::NotAllowed(State::Authenticated)
    );
    let _ = one_command(&ev[2..], "CAPABILITY");
    assert_eq!(
        take(&mut s),
        b"a3 BAD Already authenticated\r\na4 BAD No mailbox selected\r\n"
    );
    // Configured as NO.
    let mut s = server(ServerConfig::default().with_refusal(StatusKind::No), false);
    feed(&mut s, b"a1 LIST \"\" *\r\n");
    assert_eq!(take(&mut s), b"a1 NO Log in first\r\n");
}

#[test]
fn a_failed_select_deselects_and_close_returns_to_authenticated() {
    let mut s = logged_in(ServerConfig::default(), true);
    assert_eq!(s.state(), State::Selected);
    let h = one_command(&feed(&mut s, b"a1 SELECT nosuch\r\n"), "SELECT");
    s.complete(h, StatusKind::No, None, "no such mailbox")
        .unwrap();
    assert_eq!(s.state(), State::Authenticated);
    let mut s = logged_in(ServerConfig::default(), true);
    let h = one_command(&feed(&mut s, b"a1 CLOSE\r\n"), "CLOSE");
    ok(&mut s, h, "closed");
    assert_eq!(s.state(), State::Authenticated);
}

#[test]
fn login_disabled_until_starttls() {
    let config = ServerConfig::default()
        .with_login_requires_tls(true)
        .with_starttls(true);
    let mut s = server(config, false);
    let caps = s.capabilities();
    assert!(caps.contains(&imap_wire::Capability::LoginDisabled));
    assert!(caps.contains(&imap_wire::Capability::StartTls));
    let ev = feed(&mut s, b"a1 LOGIN fred pw\r\n");
    assert_eq!(error_kind(&ev[0]), ProtocolErrorKind::LoginDisabled);
    assert_eq!(
        take(&mut s),
        b"a1 NO [PRIVACYREQUIRED] LOGIN is disabled on an insecure connection\r\n"
    );
    // STARTTLS stops at the exact byte; what follows is handed back, never read.
    let h = one_command(
        &feed(&mut s, b"a2 STARTTLS\r\na3 LOGIN fred pw\r\n"),
        "STARTTLS",
    );
    ok(&mut s, h, "Begin TLS negotiation now");
    let ev = events(&mut s);
    assert_eq!(ev, vec![Event::TransportSwitch(Switch::StartTls)]);
    assert_eq!(take(&mut s), b"a2 OK Begin TLS negotiation now\r\n");
    assert_eq!(s.take_unconsumed(), b"a3 LOGIN fred pw\r\n");
    assert!(events(&mut s).is_empty());
    s.resume();
    assert!(s.is_secure());
    assert!(
        !s.capabilities()
            .contains(&imap_wire::Capability::LoginDisabled)
    );
    let _ = one_command(&feed(&mut s, b"a4 LOGIN fred pw\r\n"), "LOGIN");
}

#[test]
fn compress_switches_at_the_exact_byte() {
    let mut s = logged_in(ServerConfig::default().with_compress(true), false);
    let mut bytes = b"a1 COMPRESS DEFLATE\r\n".to_vec();
    bytes.extend_from_slice(&[0x78, 0x9c, 0x0a, 0x0d, 0xff]);
    let h = one_command(&feed(&mut s, &bytes), "COMPRESS");
    ok(&mut s, h, "DEFLATE active");
    assert_eq!(
        events(&mut s),
        vec![Event::TransportSwitch(Switch::Compress)]
    );
    assert_eq!(s.take_unconsumed(), [0x78, 0x9c, 0x0a, 0x0d, 0xff]);
    s.resume();
    assert!(
        !s.capabilities()
            .contains(&imap_wire::Capability::CompressDeflate)
    );
}

#[test]
fn logout_sends_bye_then_ok_then_closes() {
    let mut s = server(ServerConfig::default(), false);
    let h = one_command(&feed(&mut s, b"a1 LOGOUT\r\na2 NOOP\r\n"), "LOGOUT");
    ok(&mut s, h, "LOGOUT completed");
    assert_eq!(events(&mut s), vec![Event::Closed]);
    assert_eq!(
        take(&mut s),
        b"* BYE Logging out\r\na1 OK LOGOUT completed\r\n"
    );
    assert!(s.is_closed());
    assert_eq!(s.state(), State::Logout);
    assert_eq!(s.notify(Data::Exists(1)), Err(UsageError::Closed));
}

#[test]
fn enable_tracks_extensions_and_vanished_needs_qresync() {
    let mut s = logged_in(ServerConfig::default(), false);
    let vanished = imap_wire::Response::parse(b"* VANISHED 1:3\r\n").unwrap();
    let imap_wire::Response::Untagged(imap_wire::Untagged::Data(vanished)) = vanished else {
        panic!()
    };
    assert_eq!(
        s.notify(vanished.clone()),
        Err(UsageError::QresyncNotEnabled)
    );
    let h = one_command(
        &feed(&mut s, b"a1 ENABLE UTF8=ACCEPT qresync X-UNKNOWN\r\n"),
        "ENABLE",
    );
    ok(&mut s, h, "ENABLE completed");
    assert_eq!(
        take(&mut s),
        b"* ENABLED UTF8=ACCEPT QRESYNC\r\na1 OK ENABLE completed\r\n"
    );
    let e = s.enabled();
    assert!(e.utf8_accept && e.qresync && e.condstore);
    s.notify(vanished).unwrap();
    assert_eq!(take(&mut s), b"* VANISHED 1:3\r\n");
    // Only what the server allows is enabled.
    let config = ServerConfig::default().with_enable(Extensions::default());
    let mut s = logged_in(config, false);
    let h = one_command(&feed(&mut s, b"a1 ENABLE QRESYNC\r\n"), "ENABLE");
    ok(&mut s, h, "done");
    assert_eq!(take(&mut s), b"* ENABLED\r\na1 OK done\r\n");
    assert!(!s.enabled().qresync);
}

#[test]
fn utf8_accept_changes_the_command_grammar() {
    let line = "a2 SELECT \"Entwürfe\"\r\n".as_bytes();
    let mut s = logged_in(ServerConfig::default(), false);
    let before = feed(&mut s, line);
    let mut s = logged_in(ServerConfig::default(), false);
    let h = one_command(&feed(&mut s, b"a1 ENABLE UTF8=ACCEPT\r\n"), "ENABLE");
    ok(&mut s, h, "done");
    let after = feed(&mut s, line);
    let _ = one_command(&after, "SELECT");
    assert!(
        matches!(&before[..], [Event::Error(_)]),
        "UTF-8 mailbox name read without UTF8=ACCEPT: {before:?}"
    );
}

#[test]
fn barriers_hold_the_next_command_and_others_pipeline() {
    let mut s = logged_in(ServerConfig::default(), true);
    let ev = feed(
        &mut s,
        b"a1 FETCH 1 FLAGS\r\na2 FETCH 2 FLAGS\r\na3 SELECT Sent\r\na4 NOOP\r\n",
    );
    assert_eq!(ev.len(), 3, "two fetches and the select, then the barrier");
    let handles: Vec<CommandHandle> = ev
        .iter()
        .map(|e| match e {
            Event::Command { handle, .. } => *handle,
            other => panic!("{other:?}"),
        })
        .collect();
    // Completions may come in any order; each is checked against the table.
    ok(&mut s, handles[1], "fetch 2");
    ok(&mut s, handles[0], "fetch 1");
    assert_eq!(
        s.complete(handles[0], StatusKind::Ok, None, "again"),
        Err(UsageError::UnknownHandle)
    );
    assert!(events(&mut s).is_empty());
    s.data(handles[2], Data::Exists(0)).unwrap();
    ok(&mut s, handles[2], "selected");
    let _ = one_command(&events(&mut s), "NOOP");
    assert_eq!(
        take(&mut s),
        b"a2 OK fetch 2\r\na1 OK fetch 1\r\n* 0 EXISTS\r\na3 OK selected\r\n"
    );
}

#[test]
fn owner_misuse_is_a_usage_error() {
    let mut s = Server::new(ServerConfig::default());
    assert_eq!(s.notify(Data::Exists(1)), Err(UsageError::Greeting));
    s.receive(b"a1 NOOP\r\n");
    assert!(
        events(&mut s).is_empty(),
        "nothing is read before the greeting"
    );
    s.greet(Greeting {
        kind: GreetingKind::Ok,
        text: ResponseText::text("hi").unwrap(),
    })
    .unwrap();
    let h = one_command(&events(&mut s), "NOOP");
    assert_eq!(s.challenge(h, b""), Err(UsageError::NoContinuationExpected));
    assert_eq!(
        s.complete(h, StatusKind::Ok, None, "two\r\nlines"),
        Err(UsageError::InvalidText)
    );
    assert_eq!(
        s.complete(h, StatusKind::Ok, None, "[ALERT] x"),
        Err(UsageError::InvalidText)
    );
    assert_eq!(s.accept_literal(), Err(UsageError::NoLiteralPending));
    ok(&mut s, h, "");
    assert_eq!(take(&mut s), b"* OK hi\r\na1 OK \r\n");
    assert!(
        s.greet(Greeting {
            kind: GreetingKind::Ok,
            text: ResponseText::text("x").unwrap()
        })
        .is_err()
    );
}

#[test]
fn bye_greeting_and_bye_end_the_connection() {
    let mut s = Server::new(ServerConfig::default());
    s.greet(Greeting {
        kind: GreetingKind::Bye,
        text: ResponseText::text("busy").unwrap(),
    })
    .unwrap();
    assert_eq!(events(&mut s), vec![Event::Closed]);
    let mut s = server(ServerConfig::default(), false);
    s.bye("shutting down").unwrap();
    assert_eq!(take(&mut s), b"* BYE shutting down\r\n");
    assert_eq!(events(&mut s), vec![Event::Closed]);
}

#[test]
fn the_server_writes_only_synchronising_literals() {
    let config = ServerConfig::default().with_non_sync_literals(NonSyncLiterals::Any);
    let mut s = server(config, true);
    let fetch = imap_wire::Response::parse(b"* 1 FETCH (BODY[] {5}\r\nab\r\nc)\r\n").unwrap();
    let imap_wire::Response::Untagged(imap_wire::Untagged::Data(data)) = fetch else {
        panic!()
    };
    s.notify(data).unwrap();
    assert_eq!(take(&mut s), b"* 1 FETCH (BODY[] {5}\r\nab\r\nc)\r\n");
}
