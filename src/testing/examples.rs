//! The RFCs' examples of the extensions to FETCH, SEARCH, STATUS, SELECT and the response
//! codes, as transcripts in `corpus/examples/`: every message of each file parses (client
//! messages as commands, server messages as responses), serializes, and parses back equal.

use alloc::vec::Vec;

use crate::config::ParseConfig;
use crate::parse::Parse;
use crate::serialize::EncodeConfig;
use crate::testing::assert_round_trip;
use crate::transcript::{Direction, Transcript};
use crate::types::command::Command;
use crate::types::response::Response;

/// Each file, with the number of messages it holds (both directions).
const FILES: &[(&str, &[u8], usize)] = &[
    (
        "rfc7162",
        include_bytes!("../../corpus/examples/rfc7162.imap"),
        88,
    ),
    (
        "rfc8474",
        include_bytes!("../../corpus/examples/rfc8474.imap"),
        52,
    ),
    (
        "rfc8514",
        include_bytes!("../../corpus/examples/rfc8514.imap"),
        11,
    ),
    (
        "rfc5032",
        include_bytes!("../../corpus/examples/rfc5032.imap"),
        3,
    ),
    (
        "rfc8970",
        include_bytes!("../../corpus/examples/rfc8970.imap"),
        28,
    ),
    (
        "rfc9394",
        include_bytes!("../../corpus/examples/rfc9394.imap"),
        28,
    ),
    (
        "gmail-x-gm-ext-1",
        include_bytes!("../../corpus/examples/gmail-x-gm-ext-1.imap"),
        40,
    ),
    (
        "dovecot-snippet",
        include_bytes!("../../corpus/examples/dovecot-snippet.imap"),
        11,
    ),
    (
        "rfc4731",
        include_bytes!("../../corpus/examples/rfc4731.imap"),
        29,
    ),
    (
        "rfc5182",
        include_bytes!("../../corpus/examples/rfc5182.imap"),
        60,
    ),
    (
        "rfc5258",
        include_bytes!("../../corpus/examples/rfc5258.imap"),
        159,
    ),
    (
        "rfc5819",
        include_bytes!("../../corpus/examples/rfc5819.imap"),
        12,
    ),
    (
        "rfc3348",
        include_bytes!("../../corpus/examples/rfc3348.imap"),
        6,
    ),
    (
        "rfc6154",
        include_bytes!("../../corpus/examples/rfc6154.imap"),
        51,
    ),
    (
        "rfc8438",
        include_bytes!("../../corpus/examples/rfc8438.imap"),
        28,
    ),
    (
        "rfc7889",
        include_bytes!("../../corpus/examples/rfc7889.imap"),
        14,
    ),
    (
        "rfc3516",
        include_bytes!("../../corpus/examples/rfc3516.imap"),
        8,
    ),
    (
        "rfc7888",
        include_bytes!("../../corpus/examples/rfc7888.imap"),
        4,
    ),
    (
        "rfc6855",
        include_bytes!("../../corpus/examples/rfc6855.imap"),
        8,
    ),
];

/// Parses and round-trips every message of `file`; the failures, by record offset. A file
/// whose header says `utf8=accept` is read and written with UTF8=ACCEPT in force.
fn check(file: &[u8]) -> (usize, Vec<(usize, alloc::string::String)>) {
    let t = Transcript::parse(file).unwrap();
    let utf8 = t.meta("utf8") == Some("accept");
    let cfg = ParseConfig {
        utf8_accept: utf8,
        ..ParseConfig::default()
    };
    let enc = EncodeConfig::default().with_utf8_accept(utf8);
    let mut failures = Vec::new();
    let mut count = 0;
    for r in t.records() {
        count += 1;
        let outcome = match r.direction {
            Direction::Client => Command::parse_with(r.bytes, &cfg).map(|c| {
                assert_round_trip!(Command, c, enc, &cfg);
            }),
            Direction::Server => Response::parse_with(r.bytes, &cfg).map(|c| {
                assert_round_trip!(Response, c, enc, &cfg);
            }),
        };
        if let Err(e) = outcome {
            let text = alloc::format!("{e} in {:?}", bstr::BStr::new(r.bytes));
            failures.push((r.offset, text));
        }
    }
    (count, failures)
}

#[test]
fn every_example_parses_and_round_trips() {
    let mut report = Vec::new();
    for (name, file, want) in FILES {
        let (count, failures) = check(file);
        if !failures.is_empty() || count != *want {
            report.push(alloc::format!(
                "{name}: {count} messages (want {want}), {failures:#?}"
            ));
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}
