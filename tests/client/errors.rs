//! The server misbehaves or leaves: unknown tags, malformed responses, limits, BYE at any
//! point, the end of the stream.

use imap_wire::client::{ClientConfig, Event, ProtocolError, Unparsed};
use imap_wire::framing::Limits;
use imap_wire::session::State;

use crate::support::{cmd, greeted, take_sent, transcript, with_caps};

#[test]
fn an_unknown_tag_is_reported_and_the_machine_goes_on() {
    let mut client = with_caps("IMAP4rev1");
    let h = client.enqueue(cmd("NOOP")).unwrap();
    let _ = take_sent(&mut client);
    client.receive(b"A7 OK what\r\nB1 OK other\r\nA1 OK done\r\n");
    assert_eq!(
        transcript(&mut client),
        [
            "error tagged response for unknown tag A7",
            "error tagged response for unknown tag B1",
            "completed 1 OK done",
        ]
    );
    assert_eq!(h.number(), 1);
    // A tag answered twice is unknown the second time.
    client.receive(b"A1 OK again\r\n");
    assert_eq!(
        transcript(&mut client),
        ["error tagged response for unknown tag A1"]
    );
}

#[test]
fn a_malformed_response_is_reported_with_its_bytes_and_skipped() {
    let mut client = with_caps("IMAP4rev1");
    let _ = client.enqueue(cmd("NOOP")).unwrap();
    client.receive(b"* 1 FETCH (FLAGS (\\Seen)\r\n* 2 EXISTS\r\nA1 OK done\r\n");
    let first = client.next_event().unwrap();
    let Event::ProtocolError(ProtocolError::Malformed(Unparsed { bytes, error })) = first else {
        panic!("{first:?}")
    };
    assert_eq!(&*bytes, b"* 1 FETCH (FLAGS (\\Seen)\r\n");
    assert!(
        error.offset > 10 && error.offset <= bytes.len(),
        "{error:?}"
    );
    assert_eq!(
        transcript(&mut client),
        ["data(1) 2 EXISTS", "completed 1 OK done"]
    );
}

#[test]
fn a_response_over_the_line_limit_is_skipped() {
    let config = ClientConfig::default().with_limits(Limits::default().with_max_line(64));
    let mut client = greeted(config, b"* OK hi\r\n");
    let long = format!("* OK {}\r\n* 1 EXISTS\r\n", "x".repeat(100));
    client.receive(long.as_bytes());
    let t = transcript(&mut client);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(
        t[0].starts_with("error response at byte 9 over a limit"),
        "{t:?}"
    );
    assert_eq!(t[1], "data(-) 1 EXISTS");
}

#[test]
fn a_literal_over_the_limit_is_skipped_without_buffering() {
    let config = ClientConfig::default().with_limits(Limits::default().with_max_literal(10));
    let mut client = greeted(config, b"* OK hi\r\n");
    client.receive(b"* 1 FETCH (BODY[] {20}\r\n01234567890123456789)\r\n* 3 EXISTS\r\n");
    let t = transcript(&mut client);
    assert!(t[0].starts_with("error"), "{t:?}");
    assert_eq!(t[1..], ["data(-) 3 EXISTS"]);
}

#[test]
fn bye_at_any_point_moves_to_logout() {
    // Right after the greeting, while a literal waits, while idling.
    let cases: [(&[u8], &str, &[u8]); 3] = [
        (b"* OK hi\r\n", "NOOP", b""),
        (b"* OK hi\r\n", "LOGIN {4}\r\na\r\nb x", b""),
        (b"* PREAUTH hi\r\n", "IDLE", b"+ idling\r\n"),
    ];
    for (greeting, command, before) in cases {
        let mut client = greeted(ClientConfig::default(), greeting);
        let _ = client.enqueue(cmd(command)).unwrap();
        let _ = take_sent(&mut client);
        client.receive(before);
        let _ = transcript(&mut client);
        client.receive(b"* BYE [UNAVAILABLE] going down\r\n");
        assert_eq!(
            transcript(&mut client),
            ["bye [UNAVAILABLE] going down"],
            "{command}"
        );
        assert_eq!(client.state(), State::Logout);
        assert!(client.enqueue(cmd("NOOP")).is_err());
        client.receive_eof();
        assert_eq!(
            transcript(&mut client),
            ["aborted 1", "closed"],
            "{command}"
        );
        assert!(client.is_closed());
        assert!(client.next_event().is_none());
    }
}

#[test]
fn bye_as_greeting_and_logout() {
    let mut client = greeted(ClientConfig::default(), b"* BYE too busy\r\n");
    assert_eq!(client.state(), State::Logout);
    let mut client2 = with_caps("IMAP4rev1");
    let _ = client2.enqueue(cmd("LOGOUT")).unwrap();
    assert_eq!(take_sent(&mut client2), b"A1 LOGOUT\r\n");
    client2.receive(b"* BYE bye\r\nA1 OK done\r\n");
    client2.receive_eof();
    assert_eq!(
        transcript(&mut client2),
        ["bye bye", "completed 1 OK done", "closed"]
    );
    assert!(client.enqueue(cmd("NOOP")).is_err());
}

#[test]
fn the_end_inside_a_response_is_reported() {
    let mut client = with_caps("IMAP4rev1");
    client.receive(b"* 1 FETCH (BODY[] {10}\r\nabc");
    client.receive_eof();
    assert_eq!(
        transcript(&mut client),
        ["error connection ended 27 bytes into a response", "closed"]
    );
}

#[test]
fn a_greeting_that_is_not_one_ends_the_connection() {
    let mut client = imap_wire::client::Client::new(ClientConfig::default());
    let _ = client.enqueue(cmd("NOOP")).unwrap();
    client.receive(b"HELLO\r\n* OK hi\r\n");
    let t = transcript(&mut client);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t[0].starts_with("error malformed greeting"), "{t:?}");
    assert_eq!(t[1..], ["aborted 1", "closed"]);
    assert_eq!(
        take_sent(&mut client),
        b"",
        "nothing was sent before the greeting"
    );
}

#[test]
fn a_message_over_the_size_limit_is_skipped() {
    let config = ClientConfig::default().with_limits(Limits::default().with_max_message(100));
    let mut client = greeted(config, b"* OK hi\r\n");
    let literal = "y".repeat(60);
    let big = format!(
        "* 1 FETCH (BODY[1] {{60}}\r\n{literal} BODY[2] {{60}}\r\n{literal})\r\n* 2 EXISTS\r\n"
    );
    client.receive(big.as_bytes());
    let t = transcript(&mut client);
    assert!(
        t[0].starts_with("error response at byte 9 over a limit: MessageTooLarge"),
        "{t:?}"
    );
    assert_eq!(t[1..], ["data(-) 2 EXISTS"]);
}
