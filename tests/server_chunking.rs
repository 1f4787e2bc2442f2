//! Every chunking of a client's stream gives the server machine's owner the same events and
//! the client the same bytes.
#![cfg(feature = "arbitrary")]

use imap_wire::fuzzing::{Owner, Transcript, assert_lines, owner_in_state, small_config};
use proptest::prelude::*;

/// Pieces of client streams: commands of every state, literals (accepted, over the limit,
/// non-synchronising), AUTHENTICATE and IDLE exchanges, switches, malformed lines.
const PIECES: &[&[u8]] = &[
    b"a1 NOOP\r\n",
    b"a2 LOGIN fred secret\r\n",
    b"a3 LOGIN {4}\r\nfred {6}\r\nsecret\r\n",
    b"a4 SELECT INBOX\r\n",
    b"a5 FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])\r\n",
    b"a6 APPEND INBOX (\\Seen) {12}\r\nhello world!\r\n",
    b"a7 APPEND INBOX {300}\r\n",
    b"a8 APPEND INBOX {20+}\r\n01234567890123456789\r\n",
    b"a9 LOGIN {400+}\r\n",
    b"a10 AUTHENTICATE PLAIN\r\nAGZyZWQAc2VjcmV0\r\n",
    b"a11 AUTHENTICATE PLAIN\r\n*\r\n",
    b"a12 IDLE\r\nDONE\r\n",
    b"a13 FETCH\r\n",
    b"\r\n",
    b"garbage {3}\r\n",
    b"a14 SEARCH ((((((((((ALL))))))))))\r\n",
    b"a15 ENABLE UTF8=ACCEPT QRESYNC\r\n",
    b"a16 STARTTLS\r\n",
    b"a17 LOGOUT\r\n",
    b"a18 CLOSE\r\n",
    b"a19 STORE 1 +FLAGS (\\Deleted)\r\na20 EXPUNGE\r\n",
];

fn stream(picks: &[usize], filler: &[u8]) -> Vec<u8> {
    let mut v = Vec::new();
    for &p in picks {
        v.extend_from_slice(PIECES[p % PIECES.len()]);
        // Bytes of literals the client sends whether or not they are wanted.
        if p % 5 == 0 {
            v.extend_from_slice(filler);
        }
    }
    v
}

fn run(config_variant: u8, state: u8, bytes: &[u8], cuts: &[usize]) -> Transcript {
    let mut owner: Owner = owner_in_state(small_config(config_variant), state);
    let mut at = 0;
    for &cut in cuts {
        let end = (at + cut).min(bytes.len());
        owner.feed(&bytes[at..end]);
        at = end;
    }
    owner.feed(&bytes[at..]);
    owner.transcript
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn every_chunking_gives_the_same_events(
        picks in prop::collection::vec(0..PIECES.len() * 5, 1..24),
        filler in prop::collection::vec(any::<u8>(), 0..40),
        cuts in prop::collection::vec(0usize..64, 0..64),
        variant in 0u8..8,
        state in 0u8..4,
    ) {
        let bytes = stream(&picks, &filler);
        let whole = run(variant, state, &bytes, &[]);
        let chunked = run(variant, state, &bytes, &cuts);
        let bytewise = run(variant, state, &bytes, &vec![1; bytes.len()]);
        prop_assert_eq!(&whole, &chunked);
        prop_assert_eq!(&whole, &bytewise);
        assert_lines(&whole.sent);
    }
}
