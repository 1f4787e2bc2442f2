//! STARTTLS and COMPRESS: the machine stops at the exact byte, hands back what it received
//! past it, and resumes when told.

use imap_wire::Capability;
use imap_wire::client::UsageError;

use crate::support::{cmd, take_sent, transcript, with_caps};

#[test]
fn starttls_with_bytes_after_the_ok_in_the_same_chunk() {
    let mut client = with_caps("IMAP4rev1 STARTTLS LOGINDISABLED");
    let h = client.enqueue(cmd("STARTTLS")).unwrap();
    let _ = client.enqueue(cmd("CAPABILITY")).unwrap();
    assert_eq!(take_sent(&mut client), b"A1 STARTTLS\r\n");
    let ok = b"A1 OK begin TLS now\r\n";
    let mut chunk = ok.to_vec();
    chunk.extend_from_slice(b"\x16\x03\x01\x00\x05hello");
    client.receive(&chunk);
    let greeting_len = "* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready\r\n".len();
    let at = greeting_len + ok.len();
    assert_eq!(
        transcript(&mut client),
        [
            "completed 1 OK begin TLS now".to_string(),
            format!("switch 1 StartTls at {at}"),
        ]
    );
    assert!(client.is_switching());
    // More bytes meanwhile are kept with the rest, not read.
    client.receive(b"!");
    assert!(client.next_event().is_none());
    assert_eq!(
        take_sent(&mut client),
        b"",
        "nothing goes out before the switch"
    );
    assert_eq!(client.take_unconsumed(), b"\x16\x03\x01\x00\x05hello!");
    client.transport_switched().unwrap();
    assert_eq!(client.transport_switched(), Err(UsageError::NoSwitch));
    assert!(
        client.capabilities().is_none(),
        "capabilities are forgotten"
    );
    assert_eq!(take_sent(&mut client), b"A2 CAPABILITY\r\n");
    client.receive(b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\nA2 OK done\r\n");
    assert_eq!(
        transcript(&mut client),
        [
            "data(2) CAPABILITY IMAP4rev1 AUTH=PLAIN",
            "completed 2 OK done"
        ]
    );
    assert!(client.has_capability(&Capability::Auth(imap_wire::Atom::new("PLAIN").unwrap())));
    assert_eq!(h.number(), 1);
}

#[test]
fn a_refused_starttls_switches_nothing() {
    let mut client = with_caps("IMAP4rev1 STARTTLS");
    let _ = client.enqueue(cmd("STARTTLS")).unwrap();
    let _ = take_sent(&mut client);
    client.receive(b"A1 NO [UNAVAILABLE] not now\r\n* 1 EXISTS\r\n");
    assert_eq!(
        transcript(&mut client),
        ["completed 1 NO [UNAVAILABLE] not now", "data(-) 1 EXISTS"]
    );
    assert!(!client.is_switching());
    assert!(client.capabilities().is_some());
}

#[test]
fn compress_keeps_the_capabilities() {
    let mut client = with_caps("IMAP4rev1 COMPRESS=DEFLATE");
    let _ = client.enqueue(cmd("LOGIN a b")).unwrap();
    client.receive(b"A1 OK done\r\n");
    let _ = transcript(&mut client);
    let _ = take_sent(&mut client);
    let _ = client.enqueue(cmd("COMPRESS DEFLATE")).unwrap();
    assert_eq!(take_sent(&mut client), b"A2 COMPRESS DEFLATE\r\n");
    client.receive(b"A2 OK deflate active\r\n\x78\x9c");
    let t = transcript(&mut client);
    assert_eq!(t.len(), 2);
    assert!(t[1].starts_with("switch 2 Compress"), "{t:?}");
    assert_eq!(client.take_unconsumed(), b"\x78\x9c");
    client.transport_switched().unwrap();
    assert!(client.capabilities().is_some());
}
