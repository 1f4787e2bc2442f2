//! Session states, local refusals, capabilities and ENABLE, tags, and pipelining.

use imap_wire::client::{Client, ClientConfig, UsageError};
use imap_wire::session::State;
use imap_wire::{Capability, CommandBody};

use crate::support::{cmd, greeted, take_sent, transcript, with_caps};

#[test]
fn states_follow_login_select_close_and_logout() {
    let mut client = with_caps("IMAP4rev1");
    assert_eq!(client.state(), State::NotAuthenticated);
    let _ = client.enqueue(cmd("LOGIN fred secret")).unwrap();
    // Pipelined: allowed because LOGIN will have succeeded by then; sent after it completes.
    let _ = client.enqueue(cmd("SELECT INBOX")).unwrap();
    assert_eq!(take_sent(&mut client), b"A1 LOGIN fred secret\r\n");
    client.receive(b"A1 OK done\r\n");
    let _ = transcript(&mut client);
    assert_eq!(client.state(), State::Authenticated);
    assert_eq!(take_sent(&mut client), b"A2 SELECT INBOX\r\n");
    client.receive(b"* 3 EXISTS\r\nA2 OK [READ-WRITE] selected\r\n");
    assert_eq!(
        transcript(&mut client),
        ["data(2) 3 EXISTS", "completed 2 OK [READ-WRITE] selected"]
    );
    assert_eq!(client.state(), State::Selected);
    let _ = client.enqueue(cmd("EXAMINE nosuch")).unwrap();
    let _ = take_sent(&mut client);
    client.receive(b"A3 NO no such mailbox\r\n");
    let _ = transcript(&mut client);
    assert_eq!(
        client.state(),
        State::Authenticated,
        "a failed SELECT deselects"
    );
    let _ = client.enqueue(cmd("SELECT INBOX")).unwrap();
    let _ = client.enqueue(cmd("CLOSE")).unwrap();
    assert_eq!(take_sent(&mut client), b"A4 SELECT INBOX\r\n");
    client.receive(b"A4 OK done\r\n");
    let _ = transcript(&mut client);
    assert_eq!(take_sent(&mut client), b"A5 CLOSE\r\n");
    client.receive(b"A5 OK closed\r\n");
    let _ = transcript(&mut client);
    assert_eq!(client.state(), State::Authenticated);
    let _ = client.enqueue(cmd("LOGOUT")).unwrap();
    assert_eq!(client.enqueue(cmd("NOOP")), Err(UsageError::Closed));
}

#[test]
fn commands_the_state_does_not_allow_are_refused_locally() {
    let mut client = with_caps("IMAP4rev1");
    let refused = client.enqueue(cmd("FETCH 1 FLAGS"));
    assert!(matches!(
        refused,
        Err(UsageError::NotAllowed {
            state: State::NotAuthenticated,
            ..
        })
    ));
    assert!(client.enqueue(cmd("SELECT INBOX")).is_err());
    assert_eq!(take_sent(&mut client), b"");
    // Preauthenticated: LOGIN is refused.
    let mut pre = greeted(ClientConfig::default(), b"* PREAUTH hi\r\n");
    assert_eq!(pre.state(), State::Authenticated);
    assert!(pre.enqueue(cmd("LOGIN a b")).is_err());
    // Switched off, anything goes.
    let config = ClientConfig::default().with_refuse_disallowed(false);
    let mut odd = greeted(config, b"* OK hi\r\n");
    let _ = odd.enqueue(cmd("FETCH 1 FLAGS")).unwrap();
    assert_eq!(take_sent(&mut odd), b"A1 FETCH 1 FLAGS\r\n");
}

#[test]
fn nothing_is_sent_before_the_greeting() {
    let mut client = Client::new(ClientConfig::default().with_tag_prefix("t").unwrap());
    let _ = client.enqueue(cmd("CAPABILITY")).unwrap();
    assert_eq!(client.transmit(), b"");
    client.receive(b"* OK hi\r\n");
    let _ = transcript(&mut client);
    assert_eq!(take_sent(&mut client), b"t1 CAPABILITY\r\n");
    assert!(ClientConfig::default().with_tag_prefix("a+").is_err());
    assert!(ClientConfig::default().with_tag_prefix("a1").is_err());
    assert!(ClientConfig::default().with_tag_prefix("").is_err());
}

#[test]
fn capabilities_come_from_greeting_data_and_codes() {
    let mut client = with_caps("IMAP4rev1 STARTTLS");
    assert!(client.has_capability(&Capability::StartTls));
    let _ = client.enqueue(cmd("CAPABILITY")).unwrap();
    client.receive(b"* CAPABILITY IMAP4rev1 IDLE\r\nA1 OK done\r\n");
    let _ = transcript(&mut client);
    assert!(!client.has_capability(&Capability::StartTls));
    assert!(client.has_capability(&Capability::Idle));
    client.receive(b"* OK [CAPABILITY IMAP4rev2 ENABLE UTF8=ACCEPT] more\r\n");
    let _ = transcript(&mut client);
    assert!(client.has_capability(&Capability::Utf8Accept));
    assert!(!client.has_capability(&Capability::Idle));
}

#[test]
fn utf8_is_quoted_once_enabled() {
    let mut client = greeted(
        ClientConfig::default(),
        b"* PREAUTH [CAPABILITY IMAP4rev1 ENABLE UTF8=ACCEPT] hi\r\n",
    );
    let _ = client.enqueue(cmd("ENABLE UTF8=ACCEPT")).unwrap();
    let body = CommandBody::Create {
        mailbox: imap_wire::Mailbox::from_utf8("Entwürfe", true).unwrap(),
        params: Default::default(),
    };
    let _ = client.enqueue(body.clone()).unwrap();
    assert_eq!(take_sent(&mut client), b"A1 ENABLE UTF8=ACCEPT\r\n");
    client.receive(b"* ENABLED UTF8=ACCEPT\r\nA1 OK done\r\n");
    assert_eq!(
        transcript(&mut client),
        ["data(1) ENABLED UTF8=ACCEPT", "completed 1 OK done"]
    );
    assert_eq!(client.enabled().len(), 1);
    // Encoded when enqueued, before the ENABLE completed: a literal, synchronised.
    assert_eq!(take_sent(&mut client), "A2 CREATE {9}\r\n".as_bytes());
    let _ = client.enqueue(body).unwrap();
    client.receive(b"+ go\r\nA2 OK done\r\n");
    let _ = transcript(&mut client);
    assert_eq!(
        take_sent(&mut client),
        "Entwürfe\r\nA3 CREATE \"Entwürfe\"\r\n".as_bytes()
    );
}

#[test]
fn pipelining_waits_where_results_would_be_ambiguous() {
    let mut client = greeted(ClientConfig::default(), b"* PREAUTH hi\r\n");
    let _ = client.enqueue(cmd("SELECT INBOX")).unwrap();
    client.receive(b"A1 OK done\r\n");
    let _ = transcript(&mut client);
    let _ = take_sent(&mut client);
    // FETCH, STORE and SEARCH by sequence number go back to back.
    let _ = client.enqueue(cmd("FETCH 1 FLAGS")).unwrap();
    let _ = client.enqueue(cmd("STORE 2 +FLAGS (\\Seen)")).unwrap();
    let _ = client.enqueue(cmd("UID FETCH 9 FLAGS")).unwrap();
    // A command with sequence numbers after UID FETCH waits (RFC 9051 §5.5).
    let _ = client.enqueue(cmd("COPY 1 Trash")).unwrap();
    assert_eq!(
        take_sent(&mut client),
        b"A2 FETCH 1 FLAGS\r\nA3 STORE 2 +FLAGS (\\Seen)\r\nA4 UID FETCH 9 FLAGS\r\n"
    );
    client.receive(b"A2 OK done\r\nA3 OK done\r\n");
    let _ = transcript(&mut client);
    assert_eq!(take_sent(&mut client), b"");
    client.receive(b"* 1 EXPUNGE\r\nA4 OK done\r\n");
    assert_eq!(
        transcript(&mut client),
        ["data(4) 1 EXPUNGE", "completed 4 OK done"]
    );
    assert_eq!(take_sent(&mut client), b"A5 COPY 1 Trash\r\n");
    // A barrier runs alone.
    let _ = client.enqueue(cmd("NOOP")).unwrap();
    let _ = client.enqueue(cmd("CLOSE")).unwrap();
    let _ = client.enqueue(cmd("NOOP")).unwrap();
    assert_eq!(take_sent(&mut client), b"A6 NOOP\r\n");
    client.receive(b"A5 OK done\r\nA6 OK done\r\n");
    let _ = transcript(&mut client);
    assert_eq!(take_sent(&mut client), b"A7 CLOSE\r\n");
    client.receive(b"A7 OK done\r\n");
    let _ = transcript(&mut client);
    assert_eq!(take_sent(&mut client), b"A8 NOOP\r\n");
}
