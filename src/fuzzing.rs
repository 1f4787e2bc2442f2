//! Checks shared by the fuzz targets (`fuzz/`) and by the test that replays their seeds
//! (`tests/fuzz_seeds.rs`), so a seed or a crash means the same thing in both places.
//!
//! Each check takes raw bytes and panics when a property fails; that panic is what a fuzzer
//! reports. Two kinds exist per grammar area:
//! - `parse_*` parses the input as each type of the area. Whatever parses must survive
//!   `into_static`, serialize under every [`EncodeConfig`] to bytes that parse back equal,
//!   and serialize the same way again. A failure must name an offset inside the input.
//! - `arbitrary_*` builds values of each type with [`arbitrary::Arbitrary`], serializes them
//!   under a configuration chosen by the input and parses them back.
//!
//! Not a stable API: it exists for the crate's own fuzzing and tests, behind the `arbitrary`
//! feature.

mod client;

pub use client::client;

use arbitrary::{Arbitrary, Unstructured};

mod server_owner;
pub use server_owner::{
    Owner, Transcript, assert_lines, chunks, owner_in_state, server, small_config,
};

use crate::ParseConfig;
use crate::framing::{FrameEvent, Framer, FramerConfig, Limits, Role};
use crate::serialize::{EncodeConfig, Encoder, LiteralMode};
use crate::types::auth::Base64;
use crate::types::command::{AuthenticateResponse, Command, IdleDone};
use crate::types::primitive::{
    AString, Atom, Charset, IString, Literal, Literal8, NString, Number64, NzNumber64, Tag, Text,
};
use crate::types::response::{Continuation, Greeting, Response};

/// A named check, as the fuzz targets and the seed directories under `corpus/fuzz/` call it.
#[derive(Clone, Copy, Debug)]
pub struct Check {
    /// The fuzz target's name and the seed directory's.
    pub name: &'static str,
    /// Runs the check on one input; panics when a property fails.
    pub run: fn(&[u8]),
}

/// Every check, one per fuzz target.
pub const CHECKS: &[Check] = &[
    Check {
        name: "parse_primitives",
        run: parse_primitives,
    },
    Check {
        name: "arbitrary_primitives",
        run: arbitrary_primitives,
    },
    Check {
        name: "parse_messages",
        run: parse_messages,
    },
    Check {
        name: "framer",
        run: framer,
    },
    Check {
        name: "arbitrary_messages",
        run: arbitrary_messages,
    },
    Check {
        name: "server",
        run: server,
    },
    Check {
        name: "client",
        run: client,
    },
    Check {
        name: "parse_command",
        run: parse_command,
    },
    Check {
        name: "parse_response",
        run: parse_response,
    },
    Check {
        name: "parse_greeting",
        run: parse_greeting,
    },
    Check {
        name: "arbitrary_command",
        run: arbitrary_command,
    },
    Check {
        name: "arbitrary_response",
        run: arbitrary_response,
    },
    Check {
        name: "arbitrary_greeting",
        run: arbitrary_greeting,
    },
];

/// Every encoder configuration, paired with the parser configuration that reads its output.
pub fn configs() -> impl Iterator<Item = (EncodeConfig, ParseConfig)> {
    [
        LiteralMode::Sync,
        LiteralMode::NonSync,
        LiteralMode::NonSyncUpTo4096,
    ]
    .into_iter()
    .flat_map(|mode| {
        [false, true].into_iter().map(move |utf8| {
            (
                EncodeConfig::default()
                    .with_literal_mode(mode)
                    .with_utf8_accept(utf8),
                ParseConfig::strict().with_utf8_accept(utf8),
            )
        })
    })
}

/// Serializes `value` under `config`.
pub fn encode_with<T: crate::Encode + ?Sized>(
    value: &T,
    config: EncodeConfig,
) -> alloc::vec::Vec<u8> {
    let mut enc = Encoder::new(config);
    value.encode(&mut enc);
    enc.into_inner()
}

/// Checks that `$value` (of type `$ty`) serializes under `$enc` to bytes that parse back
/// under `$cfg` to an equal value (a macro, so the parsed value may borrow a local buffer).
macro_rules! assert_encodes_back {
    ($ty:ty, $value:expr, $enc:expr, $cfg:expr) => {{
        let value = &$value;
        let bytes = $crate::fuzzing::encode_with(value, $enc);
        match <$ty as $crate::Parse<'_>>::parse_with(&bytes, $cfg) {
            Ok(back) => assert!(
                back == *value,
                "{value:?} serialized as {:?} parsed back as {back:?}",
                bstr::BStr::new(&bytes)
            ),
            Err(e) => panic!(
                "{value:?} serialized as {:?} does not parse: {e}",
                bstr::BStr::new(&bytes)
            ),
        }
    }};
}
pub(crate) use assert_encodes_back;

/// For each `$ty`: if `$data` parses, checks the value as the module docs say.
macro_rules! check_parsed {
    ($data:expr; $($ty:ty),* $(,)?) => {{
        let data: &[u8] = $data;
        $(
            match <$ty as $crate::Parse<'_>>::parse(data) {
                Ok(value) => {
                    let owned = $crate::IntoStatic::into_static(value.clone());
                    assert!(owned == value, "into_static changed {value:?}");
                    for (enc, cfg) in $crate::fuzzing::configs() {
                        $crate::fuzzing::assert_encodes_back!($ty, value, enc, &cfg);
                    }
                    let bytes = $crate::to_vec(&value);
                    if let Ok(again) = <$ty as $crate::Parse<'_>>::parse(&bytes) {
                        assert!(
                            $crate::to_vec(&again) == bytes,
                            "{value:?} does not serialize the same way twice"
                        );
                    }
                }
                Err(e) => assert!(
                    e.offset <= data.len(),
                    "{}: error offset {} past the input ({} bytes)",
                    stringify!($ty),
                    e.offset,
                    data.len()
                ),
            }
        )*
    }};
}

/// For each `$ty`: builds a value from `$u` and checks its round trip under a configuration
/// also drawn from `$u`. Stops quietly when the input runs out.
macro_rules! check_arbitrary {
    ($u:expr; $($ty:ty),* $(,)?) => {{
        let u: &mut Unstructured<'_> = $u;
        $(
            let Ok(value) = <$ty as Arbitrary<'_>>::arbitrary(u) else {
                return;
            };
            let Ok(pick) = u.choose_index(6) else {
                return;
            };
            if let Some((enc, cfg)) = $crate::fuzzing::configs().nth(pick) {
                $crate::fuzzing::assert_encodes_back!($ty, value, enc, &cfg);
            }
        )*
    }};
}

/// The core items (`types::primitive`, `types::auth`) parsed from `data`.
///
/// # Panics
/// When a property fails (see the module docs).
pub fn parse_primitives(data: &[u8]) {
    check_parsed!(data;
        Atom<'_>, Tag<'_>, Text<'_>, AString<'_>, IString<'_>, NString<'_>, Literal<'_>,
        Literal8<'_>, Charset<'_>, Base64<'_>, Number64, NzNumber64,
    );
}

/// The core items (`types::primitive`, `types::auth`) built from `data` with `Arbitrary`.
///
/// # Panics
/// When a generated value does not serialize and parse back equal.
pub fn arbitrary_primitives(data: &[u8]) {
    let mut u = Unstructured::new(data);
    while !u.is_empty() {
        let before = u.len();
        check_arbitrary!(&mut u;
            Atom<'_>, Tag<'_>, Text<'_>, AString<'_>, IString<'_>, NString<'_>, Literal<'_>,
            Literal8<'_>, Charset<'_>, Base64<'_>, Number64, NzNumber64,
        );
        if u.len() == before {
            return;
        }
    }
}

/// Whole messages of both directions (commands, `DONE`, AUTHENTICATE lines, greetings,
/// responses, continuation requests) parsed from `data`.
///
/// # Panics
/// When a property fails (see the module docs).
pub fn parse_messages(data: &[u8]) {
    parse_command(data);
    parse_greeting(data);
    parse_response(data);
}

/// The client's messages (a command, `DONE`, an AUTHENTICATE line) parsed from `data`.
///
/// # Panics
/// When a property fails (see the module docs).
pub fn parse_command(data: &[u8]) {
    check_parsed!(data; Command<'_>, IdleDone, AuthenticateResponse<'_>);
}

/// The server's messages after the greeting (a response, a continuation request) parsed from
/// `data`.
///
/// # Panics
/// When a property fails (see the module docs).
pub fn parse_response(data: &[u8]) {
    check_parsed!(data; Response<'_>, Continuation<'_>);
}

/// A greeting parsed from `data`.
///
/// # Panics
/// When a property fails (see the module docs).
pub fn parse_greeting(data: &[u8]) {
    check_parsed!(data; Greeting<'_>);
}

/// An owned copy of a framer event, for comparing two runs.
#[derive(Debug, PartialEq, Eq)]
enum Owned {
    Message(alloc::vec::Vec<u8>, u64),
    Announced(u64, u64),
    Error(crate::framing::FrameErrorKind, u64, u64),
}

fn frame(role: Role, limits: Limits, data: &[u8], chunk: usize) -> alloc::vec::Vec<Owned> {
    let mut framer = Framer::new(FramerConfig::new(role).with_limits(limits));
    let mut out = alloc::vec::Vec::new();
    for piece in data.chunks(chunk.max(1)) {
        framer.push(piece);
        while let Some(event) = framer.next_event() {
            out.push(match event {
                FrameEvent::Message(m) => {
                    assert!(m.bytes.ends_with(b"\n"), "a message ends with LF");
                    Owned::Message(m.bytes.to_vec(), m.offset)
                }
                FrameEvent::LiteralAnnounced(a) => Owned::Announced(a.offset, a.len),
                FrameEvent::Error(e) => Owned::Error(e.kind, e.offset, e.at),
            });
        }
        assert!(
            framer.buffered().len() <= limits.max_message as usize + chunk + 64,
            "the framer buffered more than a message"
        );
    }
    out
}

/// The framer fed `data[2..]` in chunks of the size `data[0]` gives, as the role `data[1]`
/// picks, with small limits: every chunking must give the events of the whole buffer, and no
/// more than a message is ever buffered.
///
/// # Panics
/// When chunked framing differs from whole-buffer framing.
pub fn framer(data: &[u8]) {
    let [chunk, role, stream @ ..] = data else {
        return;
    };
    let role = if role & 1 == 0 {
        Role::Commands
    } else {
        Role::Responses
    };
    let limits = Limits::default()
        .with_max_line(256)
        .with_max_literal(512)
        .with_max_message(1024)
        .with_max_literals(8);
    let whole = frame(role, limits, stream, stream.len());
    let chunked = frame(role, limits, stream, usize::from(*chunk));
    assert!(whole == chunked, "chunks of {chunk} give other events");
}

/// Commands, greetings and responses built from `data` with `Arbitrary`.
///
/// # Panics
/// When a generated value does not serialize and parse back equal.
pub fn arbitrary_messages(data: &[u8]) {
    repeat(
        data,
        |u| check_arbitrary!(u; Command<'_>, Greeting<'_>, Response<'_>),
    );
}

/// Runs `one` on what is left of `data` until it is used up or `one` takes nothing.
fn repeat(data: &[u8], mut one: impl FnMut(&mut Unstructured<'_>)) {
    let mut u = Unstructured::new(data);
    while !u.is_empty() {
        let before = u.len();
        one(&mut u);
        if u.len() == before {
            return;
        }
    }
}

/// Commands built from `data` with `Arbitrary`.
///
/// # Panics
/// When a generated value does not serialize and parse back equal.
pub fn arbitrary_command(data: &[u8]) {
    repeat(data, |u| check_arbitrary!(u; Command<'_>));
}

/// Responses built from `data` with `Arbitrary`.
///
/// # Panics
/// When a generated value does not serialize and parse back equal.
pub fn arbitrary_response(data: &[u8]) {
    repeat(data, |u| check_arbitrary!(u; Response<'_>));
}

/// Greetings built from `data` with `Arbitrary`.
///
/// # Panics
/// When a generated value does not serialize and parse back equal.
pub fn arbitrary_greeting(data: &[u8]) {
    repeat(data, |u| check_arbitrary!(u; Greeting<'_>));
}
