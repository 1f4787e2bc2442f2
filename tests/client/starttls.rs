//! STARTTLS and COMPRESS: the machine stops at the exact byte, hands back what it received
//! past it, and resumes when told.

use imap_wire::Capability;
use imap_wire::client::UsageError;

use imap_wire::client::{Client, ClientConfig};

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

/// A client with STARTTLS then AUTHENTICATE queued, fed `chunks` (the owner sends after each);
/// returns what went out before the switch, what `transmit` held at it, and the transcript.
fn starttls_then_plain(chunks: &[&[u8]]) -> (Vec<u8>, Vec<u8>, Vec<String>) {
    let mut client = Client::new(ClientConfig::default());
    let _ = client.enqueue(cmd("STARTTLS")).unwrap();
    let _ = client.authenticate_plain(b"user", b"password").unwrap();
    let mut sent = Vec::new();
    let mut events = Vec::new();
    for chunk in chunks {
        client.receive(chunk);
        events.extend(transcript(&mut client));
        if client.is_switching() {
            break;
        }
        sent.extend(take_sent(&mut client));
    }
    assert!(client.is_switching(), "{events:?}");
    let held = client.transmit().to_vec();
    // Nothing more goes out, whatever is asked, until the switch is done.
    client.sent(held.len());
    assert_eq!(client.transmit(), b"");
    client.transport_switched().unwrap();
    assert!(
        client.transmit().starts_with(b"A2 AUTHENTICATE PLAIN"),
        "{:?}",
        String::from_utf8_lossy(client.transmit())
    );
    (sent, held, events)
}

#[test]
fn starttls_answered_in_the_chunk_of_the_greeting_keeps_its_command_for_the_old_transport() {
    let greeting: &[u8] = b"* OK [CAPABILITY IMAP4rev1 LITERAL+ SASL-IR IDLE] hi\r\n";
    let ok: &[u8] = b"A1 OK done\r\n";
    let whole = [greeting, ok].concat();
    let (sent, held, events) = starttls_then_plain(&[&whole]);
    assert_eq!(sent, b"", "the owner had no chance to send");
    assert_eq!(
        held, b"A1 STARTTLS\r\n",
        "released before the switch, nothing after it"
    );
    let (sent_apart, held_apart, events_apart) = starttls_then_plain(&[greeting, ok]);
    assert_eq!(sent_apart, b"A1 STARTTLS\r\n");
    assert_eq!(held_apart, b"");
    assert_eq!(events, events_apart);
    assert_eq!(
        events.last().map(String::as_str),
        Some(format!("switch 1 StartTls at {}", whole.len()).as_str())
    );
}
