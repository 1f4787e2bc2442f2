//! UNAUTHENTICATE (RFC 8437) on the server machine: the owner's tagged OK returns the
//! connection to the not authenticated state, deselects the mailbox and ends what ENABLE
//! turned on.

use imap_wire::server::{CommandHandle, Event, Server, ServerConfig};
use imap_wire::session::State;
use imap_wire::{IntoStatic, StatusKind};

#[path = "support/server.rs"]
mod support;

use support::{greeted, take};

/// Feeds `bytes` and returns the handle of the one command they hold, checking its name.
fn command(s: &mut Server, bytes: &[u8], name: &str) -> CommandHandle {
    s.receive(bytes);
    let mut events = Vec::new();
    while let Some(e) = s.next_event() {
        events.push(e.into_static());
        assert!(events.len() < 100, "event livelock");
    }
    match events.as_slice() {
        [Event::Command { handle, command }] => {
            assert_eq!(command.body.name(), name);
            *handle
        }
        other => panic!("expected one {name}, got {other:?}"),
    }
}

fn ok(s: &mut Server, h: CommandHandle) {
    s.complete(h, StatusKind::Ok, None, "done").unwrap();
}

#[test]
fn unauthenticate_ok_returns_to_not_authenticated() {
    let mut s = greeted(ServerConfig::default(), false);
    let h = command(&mut s, b"a1 LOGIN fred pw\r\n", "LOGIN");
    ok(&mut s, h);
    let h = command(&mut s, b"a2 ENABLE UTF8=ACCEPT CONDSTORE\r\n", "ENABLE");
    ok(&mut s, h);
    let h = command(&mut s, b"a3 SELECT INBOX\r\n", "SELECT");
    ok(&mut s, h);
    assert_eq!(s.state(), State::Selected);
    assert!(s.enabled().utf8_accept && s.enabled().condstore);
    let _ = take(&mut s);

    let h = command(&mut s, b"a4 UNAUTHENTICATE\r\n", "UNAUTHENTICATE");
    ok(&mut s, h);
    assert_eq!(take(&mut s), b"a4 OK done\r\n");
    assert_eq!(s.state(), State::NotAuthenticated);
    let e = s.enabled();
    assert!(!e.utf8_accept && !e.condstore && !e.qresync, "{e:?}");
    // Selected-state commands are refused, LOGIN is read again.
    s.receive(b"a5 FETCH 1 FLAGS\r\n");
    while s.next_event().is_some() {}
    assert_eq!(take(&mut s), b"a5 BAD Log in first\r\n");
    let h = command(&mut s, b"a6 LOGIN other pw\r\n", "LOGIN");
    ok(&mut s, h);
    assert_eq!(s.state(), State::Authenticated);
    // UTF8=ACCEPT ended: a quoted UTF-8 mailbox name no longer parses as one.
    s.receive("a7 SELECT \"Entwürfe\"\r\n".as_bytes());
    let mut got_command = false;
    while let Some(e) = s.next_event() {
        got_command |= matches!(e, Event::Command { .. });
    }
    assert!(!got_command, "8-bit quoted text read without UTF8=ACCEPT");
}

#[test]
fn unauthenticate_refused_changes_nothing() {
    let mut s = greeted(ServerConfig::default(), true);
    let h = command(&mut s, b"a1 UNAUTHENTICATE\r\n", "UNAUTHENTICATE");
    s.complete(h, StatusKind::Bad, None, "not here").unwrap();
    assert_eq!(take(&mut s), b"a1 BAD not here\r\n");
    assert_eq!(s.state(), State::Authenticated);
    // A server in the not authenticated state refuses it itself.
    let mut s = greeted(ServerConfig::default(), false);
    s.receive(b"a1 UNAUTHENTICATE\r\n");
    while s.next_event().is_some() {}
    assert_eq!(take(&mut s), b"a1 BAD Log in first\r\n");
}
