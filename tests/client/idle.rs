//! IDLE: data before the `+`, updates while idling, DONE before or after the `+`.

use imap_wire::client::UsageError;

use crate::support::{cmd, greeted, take_sent, transcript};
use imap_wire::client::ClientConfig;

fn selected() -> imap_wire::client::Client {
    let mut client = greeted(
        ClientConfig::default(),
        b"* PREAUTH [CAPABILITY IMAP4rev2 IDLE] hi\r\n",
    );
    let _ = client.enqueue(cmd("SELECT INBOX")).unwrap();
    let _ = take_sent(&mut client);
    client.receive(b"* 2 EXISTS\r\nA1 OK [READ-WRITE] done\r\n");
    let _ = transcript(&mut client);
    client
}

#[test]
fn data_before_the_continuation_then_updates_then_done() {
    let mut client = selected();
    assert_eq!(client.idle_done(), Err(UsageError::NotIdling));
    let h = client.enqueue(cmd("IDLE")).unwrap();
    let _ = client.enqueue(cmd("NOOP")).unwrap();
    assert_eq!(take_sent(&mut client), b"A2 IDLE\r\n");
    client.receive(b"* 3 EXISTS\r\n+ idling\r\n* 1 EXPUNGE\r\n* 2 FETCH (FLAGS (\\Seen))\r\n");
    assert_eq!(
        transcript(&mut client),
        [
            "data(2) 3 EXISTS",
            "idle accepted 2",
            "data(2) 1 EXPUNGE",
            "data(2) 2 FETCH (FLAGS (\\Seen))",
        ]
    );
    assert_eq!(
        take_sent(&mut client),
        b"",
        "NOOP waits for the idle to end"
    );
    client.idle_done().unwrap();
    assert_eq!(client.idle_done(), Err(UsageError::NotIdling));
    assert_eq!(take_sent(&mut client), b"DONE\r\n");
    client.receive(b"A2 OK IDLE terminated\r\n");
    assert_eq!(transcript(&mut client), ["completed 2 OK IDLE terminated"]);
    assert_eq!(take_sent(&mut client), b"A3 NOOP\r\n");
    assert_eq!(h.number(), 2);
}

#[test]
fn done_requested_before_the_continuation_goes_after_it() {
    let mut client = selected();
    let _ = client.enqueue(cmd("IDLE")).unwrap();
    assert_eq!(take_sent(&mut client), b"A2 IDLE\r\n");
    client.idle_done().unwrap();
    assert_eq!(take_sent(&mut client), b"");
    client.receive(b"+ idling\r\n");
    assert_eq!(transcript(&mut client), ["idle accepted 2"]);
    assert_eq!(take_sent(&mut client), b"DONE\r\n");
}

#[test]
fn a_refused_idle_completes_without_acceptance() {
    let mut client = selected();
    let _ = client.enqueue(cmd("IDLE")).unwrap();
    let _ = take_sent(&mut client);
    client.receive(b"A2 BAD no idle here\r\n");
    assert_eq!(transcript(&mut client), ["completed 2 BAD no idle here"]);
    assert_eq!(client.idle_done(), Err(UsageError::NotIdling));
}
