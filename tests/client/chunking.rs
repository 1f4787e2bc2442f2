//! The same server bytes, fed in any chunking, give the same events and the same bytes sent.

use imap_wire::client::{Client, ClientConfig, Event};
use proptest::prelude::*;

use crate::support::{cmd, describe, events};

/// A session: greeting, login with a synchronising literal, select, fetches with literals,
/// an unknown tag, a malformed line, IDLE, BYE.
const SERVER: &[u8] = b"* OK [CAPABILITY IMAP4rev1 IDLE] ready\r\n\
+ go\r\n\
A1 OK [CAPABILITY IMAP4rev1 IDLE] in\r\n\
* 3 EXISTS\r\n* OK [UIDVALIDITY 7] v\r\nA2 OK [READ-WRITE] done\r\n\
* 1 FETCH (UID 4 BODY[] {12}\r\nhello\r\nworld)\r\n* 2 FETCH (FLAGS (\\Seen) UID 5)\r\n\
Z9 OK stray\r\n* 3 FETCH (oops\r\nA3 OK fetched\r\n\
* 4 EXISTS\r\n+ idling\r\n* 1 EXPUNGE\r\nA4 OK done\r\n* BYE [ALERT] later\r\n";

/// What the machine reports for [`SERVER`]; the `+ go` went to the literal.
const TRANSCRIPT: &[&str] = &[
    "greeting * OK [CAPABILITY IMAP4rev1 IDLE] ready",
    "completed 1 OK [CAPABILITY IMAP4rev1 IDLE] in",
    "data(2) 3 EXISTS",
    "status(2) OK [UIDVALIDITY 7] v",
    "completed 2 OK [READ-WRITE] done",
    "data(3) 1 FETCH (UID 4 BODY[] {12}\r\nhello\r\nworld)",
    "data(3) 2 FETCH (FLAGS (\\Seen) UID 5)",
    "error tagged response for unknown tag Z9",
    "error malformed response: expected \")\" at byte 15",
    "completed 3 OK fetched",
    "data(4) 4 EXISTS",
    "idle accepted 4",
    "data(4) 1 EXPUNGE",
    "completed 4 OK done",
    "bye [ALERT] later",
    "closed",
];

fn run(chunks: &[usize]) -> (Vec<Event<'static>>, Vec<u8>) {
    let mut client = Client::new(ClientConfig::default().with_mailbox_view(true));
    for c in [
        "LOGIN {4}\r\na\r\nb pw",
        "SELECT INBOX",
        "FETCH 1:3 (UID BODY[])",
        "IDLE",
    ] {
        let _ = client.enqueue(cmd(c)).unwrap();
    }
    client.idle_done().unwrap();
    let mut out = Vec::new();
    let mut seen = Vec::new();
    let mut rest = SERVER;
    let mut k = 0;
    while !rest.is_empty() {
        let n = chunks
            .get(k)
            .copied()
            .unwrap_or(rest.len())
            .clamp(1, rest.len());
        k += 1;
        client.receive(&rest[..n]);
        rest = &rest[n..];
        seen.extend(events(&mut client));
        let t = client.transmit().to_vec();
        client.sent(t.len());
        out.extend(t);
    }
    client.receive_eof();
    seen.extend(events(&mut client));
    (seen, out)
}

#[test]
fn the_whole_stream_at_once() {
    let (events, sent) = run(&[]);
    let lines: Vec<String> = events.iter().map(describe).collect();
    assert_eq!(lines, TRANSCRIPT);
    assert_eq!(
        sent,
        b"A1 LOGIN {4}\r\na\r\nb pw\r\nA2 SELECT INBOX\r\nA3 FETCH 1:3 (UID BODY[])\r\nA4 IDLE\r\nDONE\r\n"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_chunking_gives_the_same_events(chunks in prop::collection::vec(1usize..40, 0..80)) {
        let whole = run(&[]);
        let chunked = run(&chunks);
        prop_assert_eq!(&whole.0, &chunked.0);
        prop_assert_eq!(whole.1, chunked.1);
    }
}

#[test]
fn byte_by_byte() {
    let ones = vec![1; SERVER.len()];
    assert_eq!(run(&ones), run(&[]));
}

/// Pieces of server lines, so random streams often hold real responses.
#[cfg(feature = "arbitrary")]
const PIECES: &[&str] = &[
    "* OK [CAPABILITY IMAP4rev1 LITERAL+ SASL-IR IDLE] hi\r\n",
    "* PREAUTH hi\r\n",
    "+ \r\n",
    "+ idling\r\n",
    "+ dj1zaWc=\r\n",
    "A1 OK done\r\n",
    "A2 NO nope\r\n",
    "A3 BAD what\r\n",
    "A4 OK [READ-WRITE] ok\r\n",
    "* 3 EXISTS\r\n",
    "* 1 EXPUNGE\r\n",
    "* VANISHED 1:3\r\n",
    "* 2 FETCH (UID 9 BODY[] {5}\r\nhello)\r\n",
    "* OK [UIDVALIDITY 5] x\r\n",
    "* BYE bye\r\n",
    "* ENABLED UTF8=ACCEPT\r\n",
    "{99}\r\n",
    "\r\n",
    "(",
];

#[cfg(feature = "arbitrary")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// The fuzz target's check, on streams built from real lines and random bytes.
    #[test]
    fn the_fuzz_check_holds(
        head in prop::collection::vec(any::<u8>(), 3..40),
        parts in prop::collection::vec(
            prop_oneof![
                (0..PIECES.len()).prop_map(|k| PIECES[k].as_bytes().to_vec()),
                prop::collection::vec(any::<u8>(), 0..8),
            ],
            0..30,
        ),
    ) {
        let mut data = head;
        if data[1] & 4 == 0 {
            // No arbitrary commands: the whole rest is server bytes.
            data[2] = 0;
        }
        for p in parts {
            data.extend(p);
        }
        imap_wire::fuzzing::client(&data);
    }
}

/// The server's OK to STARTTLS arrives with the greeting, before the command could go out:
/// read whole, `A1 STARTTLS` is still waiting in `transmit` at the switch; read byte by byte,
/// it went out after the greeting. Both runs send it.
#[cfg(feature = "arbitrary")]
#[test]
fn the_fuzz_check_counts_what_waits_to_go_out_at_a_switch() {
    let mut data = vec![0, 116, 176, 227];
    data.extend(PIECES[0].as_bytes());
    data.extend(PIECES[5].as_bytes());
    imap_wire::fuzzing::client(&data);
}
