//! Literal flow: synchronising literals wait for `+`; a refusal drops the rest; LITERAL+ and
//! LITERAL- (and IMAP4rev2) send without waiting within their limits.

use imap_wire::StatusKind;
use imap_wire::client::Event;

use crate::support::{cmd, take_sent, transcript, with_caps};

#[test]
fn a_synchronising_literal_waits_for_the_continuation() {
    let mut client = with_caps("IMAP4rev1");
    let login = cmd("LOGIN {4}\r\na\r\nb secret");
    let h = client.enqueue(login).unwrap();
    assert_eq!(take_sent(&mut client), b"A1 LOGIN {4}\r\n");
    // Nothing more before `+`, and untagged data meanwhile is reported.
    client.receive(b"* OK [ALERT] hi\r\n");
    assert_eq!(transcript(&mut client), ["status(1) OK [ALERT] hi"]);
    assert_eq!(take_sent(&mut client), b"");
    client.receive(b"+ Ready for literal data\r\n");
    assert!(transcript(&mut client).is_empty());
    assert_eq!(take_sent(&mut client), b"a\r\nb secret\r\n");
    client.receive(b"A1 OK [CAPABILITY IMAP4rev1 LITERAL+] logged in\r\n");
    assert_eq!(
        transcript(&mut client),
        ["completed 1 OK [CAPABILITY IMAP4rev1 LITERAL+] logged in"]
    );
    assert_eq!(h.number(), 1);
    assert!(client.has_capability(&imap_wire::Capability::LiteralPlus));
}

#[test]
fn a_literal_refused_before_the_continuation_completes_the_command() {
    let mut client = with_caps("IMAP4rev1");
    let append = client
        .enqueue(cmd("LOGIN {4}\r\na\r\nb {4}\r\nc\r\nd"))
        .unwrap();
    let noop = client.enqueue(cmd("NOOP")).unwrap();
    assert_eq!(take_sent(&mut client), b"A1 LOGIN {4}\r\n");
    client.receive(b"A1 NO [LIMIT] too big\r\n");
    assert_eq!(transcript(&mut client), ["completed 1 NO [LIMIT] too big"]);
    // Nothing of the refused command follows; the next command goes out.
    assert_eq!(take_sent(&mut client), b"A2 NOOP\r\n");
    client.receive(b"+ go ahead\r\nA2 OK done\r\n");
    assert_eq!(
        transcript(&mut client),
        [
            "error continuation request nobody waited for",
            "completed 2 OK done",
        ]
    );
    assert_eq!(take_sent(&mut client), b"");
    assert_eq!((append.number(), noop.number()), (1, 2));
}

#[test]
fn two_literals_in_one_command_each_wait() {
    let mut client = with_caps("IMAP4rev1");
    let _ = client
        .enqueue(cmd("LOGIN {4}\r\na\r\nb {4}\r\nc\r\nd"))
        .unwrap();
    assert_eq!(take_sent(&mut client), b"A1 LOGIN {4}\r\n");
    client.receive(b"+ \r\n");
    assert!(client.next_event().is_none());
    assert_eq!(take_sent(&mut client), b"a\r\nb {4}\r\n");
    client.receive(b"+ more\r\n");
    assert!(client.next_event().is_none());
    assert_eq!(take_sent(&mut client), b"c\r\nd\r\n");
}

#[test]
fn literal_plus_sends_any_size_without_waiting() {
    let mut client = with_caps("IMAP4rev1 LITERAL+");
    let _ = client.enqueue(cmd("LOGIN fred \"a\\\"b\"")).unwrap();
    assert_eq!(take_sent(&mut client), b"A1 LOGIN fred \"a\\\"b\"\r\n");
    client.receive(b"A1 OK done\r\n");
    let _ = transcript(&mut client);
    let big = "x".repeat(5000);
    let _ = client
        .enqueue(cmd(&format!("APPEND INBOX {{5000}}\r\n{big}")))
        .unwrap();
    let sent = take_sent(&mut client);
    assert!(sent.starts_with(b"A2 APPEND INBOX {5000+}\r\nxxx"));
    assert_eq!(sent.len(), "A2 APPEND INBOX {5000+}\r\n".len() + 5000 + 2);
}

#[test]
fn literal_minus_sends_small_literals_without_waiting_and_big_ones_synchronised() {
    for caps in ["IMAP4rev1 LITERAL-", "IMAP4rev2"] {
        let mut client = with_caps(caps);
        let _ = client.enqueue(cmd("LOGIN fred secret")).unwrap();
        client.receive(b"A1 OK done\r\n");
        let _ = transcript(&mut client);
        let _ = take_sent(&mut client);
        let small = "y".repeat(4096);
        let _ = client
            .enqueue(cmd(&format!("APPEND INBOX {{4096}}\r\n{small}")))
            .unwrap();
        let sent = take_sent(&mut client);
        assert!(
            sent.starts_with(b"A2 APPEND INBOX {4096+}\r\nyyy"),
            "{caps}"
        );
        client.receive(b"A2 OK done\r\n");
        let _ = transcript(&mut client);
        let big = "z".repeat(4097);
        let _ = client
            .enqueue(cmd(&format!("APPEND INBOX {{4097}}\r\n{big}")))
            .unwrap();
        assert_eq!(
            take_sent(&mut client),
            b"A3 APPEND INBOX {4097}\r\n",
            "{caps}"
        );
        client.receive(b"+ OK\r\n");
        assert!(client.next_event().is_none());
        assert_eq!(take_sent(&mut client).len(), 4097 + 2);
    }
}

#[test]
fn untagged_updates_arrive_while_a_literal_waits() {
    let mut client = with_caps("IMAP4rev1");
    let _ = client.enqueue(cmd("LOGIN {4}\r\na\r\nb x")).unwrap();
    let _ = take_sent(&mut client);
    client.receive(b"* 4 EXISTS\r\n* BYE shutting down\r\n");
    let events: Vec<_> = std::iter::from_fn(|| {
        client
            .next_event()
            .map(|e| matches!(e, Event::DataReceived { .. } | Event::ByeReceived { .. }))
    })
    .collect();
    assert_eq!(events, [true, true]);
    assert_eq!(client.state(), imap_wire::session::State::Logout);
    let _ = StatusKind::Ok;
}

#[test]
fn multiappend_sends_each_message_after_its_continuation() {
    let mut client = logged_in("IMAP4rev1 MULTIAPPEND");
    let append = cmd(
        "APPEND Drafts (\\Seen) {3}\r\none {3}\r\ntwo \"01-Jan-2020 00:00:00 +0000\" {5}\r\nthree",
    );
    let imap_wire::CommandBody::Append { messages, .. } = &append else {
        panic!("{append:?}")
    };
    assert_eq!(messages.len(), 3);
    let _ = client.enqueue(append).unwrap();
    assert_eq!(take_sent(&mut client), b"A2 APPEND Drafts (\\Seen) {3}\r\n");
    client.receive(b"+ Ready for literal data\r\n");
    assert!(client.next_event().is_none());
    assert_eq!(take_sent(&mut client), b"one {3}\r\n");
    assert_eq!(take_sent(&mut client), b"", "the second literal waits too");
    client.receive(b"+ Ready for literal data\r\n");
    assert!(client.next_event().is_none());
    assert_eq!(
        take_sent(&mut client),
        b"two \"01-Jan-2020 00:00:00 +0000\" {5}\r\n"
    );
    client.receive(b"+ Ready for literal data\r\n");
    assert!(client.next_event().is_none());
    assert_eq!(take_sent(&mut client), b"three\r\n");
    client.receive(b"A2 OK [APPENDUID 7 10:12] done\r\n");
    assert_eq!(
        transcript(&mut client),
        ["completed 2 OK [APPENDUID 7 10:12] done"]
    );
}

#[test]
fn multiappend_refused_after_the_first_message_sends_no_more() {
    let mut client = logged_in("IMAP4rev1");
    let _ = client
        .enqueue(cmd("APPEND INBOX {1}\r\na {2}\r\nbc"))
        .unwrap();
    let _ = client.enqueue(cmd("NOOP")).unwrap();
    assert_eq!(take_sent(&mut client), b"A2 APPEND INBOX {1}\r\n");
    client.receive(b"+ go\r\n");
    assert!(client.next_event().is_none());
    assert_eq!(take_sent(&mut client), b"a {2}\r\n");
    client.receive(b"A2 NO [OVERQUOTA] quota exceeded\r\n");
    assert_eq!(
        transcript(&mut client),
        ["completed 2 NO [OVERQUOTA] quota exceeded"]
    );
    assert_eq!(take_sent(&mut client), b"A3 NOOP\r\n");
}

#[test]
fn multiappend_with_literal_plus_sends_at_once() {
    let mut client = logged_in("IMAP4rev1 LITERAL+");
    let _ = client
        .enqueue(cmd("APPEND INBOX {1}\r\na {2}\r\nbc"))
        .unwrap();
    assert_eq!(
        take_sent(&mut client),
        b"A2 APPEND INBOX {1+}\r\na {2+}\r\nbc\r\n"
    );
}

/// A client with `caps` whose LOGIN (tag A1) has completed, with nothing left to send.
fn logged_in(caps: &str) -> imap_wire::client::Client {
    let mut client = with_caps(caps);
    let _ = client.enqueue(cmd("LOGIN fred secret")).unwrap();
    client.receive(b"A1 OK done\r\n");
    let _ = transcript(&mut client);
    let _ = take_sent(&mut client);
    client
}
