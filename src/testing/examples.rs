//! Checks of the RFC example transcripts under `corpus/examples/`: each record is one whole
//! message, which the framer finds as one message (so it decides every literal the way the
//! grammar does), which parses, and whose serialization parses back equal.

use alloc::vec::Vec;

use crate::framing::{FrameEvent, Framer, FramerConfig, LiteralKind, Role};
use crate::parse::Parse;
use crate::testing::assert_round_trip;
use crate::transcript::{Direction, Transcript};
use crate::types::command::Command;
use crate::types::response::Response;

/// The messages the framer finds in `bytes`, read as `role`, and the literals it announced
/// on the way (length and kind); an announcement is answered (the data follows in the same
/// bytes). A framing error fails the test.
pub(crate) fn framed(role: Role, bytes: &[u8]) -> (Vec<Vec<u8>>, Vec<(u64, LiteralKind)>) {
    let mut f = Framer::new(FramerConfig::new(role));
    f.push(bytes);
    let (mut messages, mut announced) = (Vec::new(), Vec::new());
    while let Some(e) = f.next_event() {
        match e {
            FrameEvent::Message(m) => messages.push(m.bytes.to_vec()),
            FrameEvent::LiteralAnnounced(a) => announced.push((a.len, a.kind)),
            FrameEvent::Error(e) => panic!("framing error {e:?}"),
        }
    }
    (messages, announced)
}

/// The messages the framer finds in `bytes`, read as `role`.
fn frames(role: Role, bytes: &[u8]) -> Vec<Vec<u8>> {
    framed(role, bytes).0
}

/// Checks every record of the transcript `file` and returns how many there are.
pub(crate) fn check_examples(file: &[u8]) -> usize {
    let t = Transcript::parse(file).unwrap();
    let mut n = 0;
    for r in t.records() {
        if r.bytes.is_empty() {
            continue;
        }
        let role = match r.direction {
            Direction::Client => Role::Commands,
            Direction::Server => Role::Responses,
        };
        let framed = frames(role, r.bytes);
        assert_eq!(
            framed,
            [r.bytes.to_vec()],
            "record at {} is not one message",
            r.offset
        );
        match r.direction {
            Direction::Client => {
                let c = Command::parse(r.bytes).unwrap_or_else(|e| {
                    panic!("{:?} does not parse: {e}", bstr::BStr::new(r.bytes))
                });
                assert!(
                    !matches!(c.body, crate::types::command::CommandBody::Other(_)),
                    "{:?} read as an unknown command",
                    bstr::BStr::new(r.bytes)
                );
                assert_round_trip!(Command, c);
            }
            Direction::Server => {
                let v = Response::parse(r.bytes).unwrap_or_else(|e| {
                    panic!("{:?} does not parse: {e}", bstr::BStr::new(r.bytes))
                });
                assert!(
                    !matches!(
                        v,
                        Response::Untagged(crate::types::response::Untagged::Data(
                            crate::types::response::Data::Other(_)
                        ))
                    ),
                    "{:?} read as unknown data",
                    bstr::BStr::new(r.bytes)
                );
                assert_round_trip!(Response, v);
            }
        }
        n += 1;
    }
    n
}

/// A transcript of `corpus/examples/`, by file name.
macro_rules! examples {
    ($name:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/corpus/examples/",
            $name
        ))
    };
}
pub(crate) use examples;
