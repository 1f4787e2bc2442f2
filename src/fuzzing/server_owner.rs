//! A scripted owner of the server machine, for the `server` fuzz target and the chunking
//! property: it answers every event at once and records what happened.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::owned::IntoStatic;
use crate::server::{Event, NonSyncLiterals, Server, ServerConfig, ServerLimits};
use crate::session::State;
use crate::types::code::ResponseText;
use crate::types::response::{Greeting, GreetingKind, StatusKind};

/// What a session produced: the events (as `Debug` text) and the bytes sent, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Transcript {
    /// One line per event.
    pub events: Vec<String>,
    /// Everything the server sent.
    pub sent: Vec<u8>,
}

/// Small limits, so that hostile input reaches them.
pub fn small_config(variant: u8) -> ServerConfig {
    let non_sync = match variant % 3 {
        0 => NonSyncLiterals::Refused,
        1 => NonSyncLiterals::UpTo4096,
        _ => NonSyncLiterals::Any,
    };
    ServerConfig::default()
        .with_limits(
            ServerLimits::default()
                .with_max_line(512)
                .with_max_literal(256)
                .with_max_append_literal(2048)
                .with_max_message(8192)
                .with_max_depth(8)
                .with_max_in_flight(4)
                .with_max_literals(8),
        )
        .with_non_sync_literals(non_sync)
        .with_ask_literals(variant & 4 != 0)
        .with_starttls(true)
        .with_compress(true)
}

/// A machine that has greeted, driven by [`Owner`].
#[derive(Debug)]
pub struct Owner {
    /// The machine.
    pub server: Server,
    /// What happened so far.
    pub transcript: Transcript,
}

impl Owner {
    /// Greets with `* OK`.
    pub fn new(config: ServerConfig) -> Self {
        let mut server = Server::new(config);
        let greeting = Greeting {
            kind: GreetingKind::Ok,
            text: ResponseText::text("ready").unwrap_or(ResponseText {
                code: None,
                text: None,
            }),
        };
        let _ = server.greet(greeting);
        let mut owner = Self {
            server,
            transcript: Transcript::default(),
        };
        owner.drain();
        owner
    }

    /// Feeds `chunk`, answers every event, and checks that memory stays bounded.
    pub fn feed(&mut self, chunk: &[u8]) {
        self.server.receive(chunk);
        self.drain();
        let limits = self.server.config().limits;
        let bound = limits.max_message as usize + limits.max_line + chunk.len() + 64;
        assert!(
            self.server.buffered().len() <= bound,
            "{} bytes buffered",
            self.server.buffered().len()
        );
    }

    /// Answers events until there are none, then takes the output.
    pub fn drain(&mut self) {
        for _ in 0..1_000_000 {
            let Some(event) = self.server.next_event() else {
                break;
            };
            let event = event.into_static();
            self.transcript.events.push(format!("{event:?}"));
            self.answer(event);
        }
        let out = self.server.transmit().len();
        self.transcript
            .sent
            .extend_from_slice(self.server.transmit());
        self.server.sent(out);
    }

    fn answer(&mut self, event: Event<'static>) {
        let s = &mut self.server;
        let done = |s: &mut Server, h| {
            let _ = s.complete(h, StatusKind::Ok, None, "done");
        };
        match event {
            Event::Command { handle, command } => match command.body.name() {
                "AUTHENTICATE" => {
                    let _ = s.challenge(handle, b"");
                }
                "IDLE" => {
                    let _ = s.accept_idle(handle);
                }
                _ => done(s, handle),
            },
            Event::LiteralAnnounced(r) if r.awaiting_decision => {
                if r.len < 100 {
                    let _ = s.accept_literal();
                } else {
                    let _ = s.reject_literal(StatusKind::No, "too big");
                }
            }
            Event::AuthenticateData { handle, .. } | Event::IdleDone { handle } => done(s, handle),
            Event::TransportSwitch(_) => {
                // The new layer decodes to the same bytes here.
                let rest = s.take_unconsumed();
                s.resume();
                s.receive(&rest);
            }
            _ => {}
        }
    }
}

/// Drives a fresh machine into `state` (0: not authenticated, 1: authenticated, 2: selected,
/// 3: idling) and checks it got there.
pub fn owner_in_state(config: ServerConfig, state: u8) -> Owner {
    let mut owner = Owner::new(config);
    let script: &[u8] = match state % 4 {
        0 => b"",
        1 => b"p1 LOGIN fred secret\r\n",
        2 => b"p1 LOGIN fred secret\r\np2 SELECT INBOX\r\n",
        _ => b"p1 LOGIN fred secret\r\np2 SELECT INBOX\r\np3 IDLE\r\n",
    };
    owner.feed(script);
    let expected = match state % 4 {
        0 => State::NotAuthenticated,
        1 => State::Authenticated,
        _ => State::Selected,
    };
    assert_eq!(owner.server.state(), expected);
    if state % 4 == 3 {
        assert!(owner.transcript.sent.ends_with(b"+ idling\r\n"));
    }
    owner
}

/// Splits `data` into chunks whose sizes come from `seed`.
pub fn chunks(data: &[u8], seed: u8) -> impl Iterator<Item = &[u8]> {
    let mut rest = data;
    let mut x = u32::from(seed) | 1;
    core::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        let n = match seed % 4 {
            0 => 1,
            1 => 1 + x as usize % 8,
            2 => 1 + x as usize % 200,
            _ => rest.len(),
        }
        .min(rest.len());
        let (a, b) = rest.split_at(n);
        rest = b;
        Some(a)
    })
}

/// The fuzz check: byte 0 picks the state and the configuration, byte 1 the chunking, the
/// rest is the client's stream. No panic, bounded memory, and every response line ends in
/// CRLF.
pub fn server(data: &[u8]) {
    let [pick, seed, stream @ ..] = data else {
        return;
    };
    let mut owner = owner_in_state(small_config(pick >> 2), *pick);
    for chunk in chunks(stream, *seed) {
        owner.feed(chunk);
    }
    owner.server.receive_eof();
    owner.drain();
    assert_lines(&owner.transcript.sent);
}

/// Checks that `sent` is whole lines, each ending in CRLF with no other CR or LF, each a
/// status, data or continuation line (the scripted owner sends no literal).
pub fn assert_lines(sent: &[u8]) {
    assert!(
        sent.is_empty() || sent.ends_with(b"\r\n"),
        "unterminated output"
    );
    for line in sent.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let Some(body) = line.strip_suffix(b"\r") else {
            panic!("bare LF after {:?}", bstr::BStr::new(line));
        };
        assert!(
            !body.contains(&b'\r'),
            "bare CR in {:?}",
            bstr::BStr::new(line)
        );
        assert!(
            is_response_start(body),
            "not a response line: {:?}",
            bstr::BStr::new(line)
        );
    }
}

/// `* `, `+ ` or a tag and a space.
fn is_response_start(line: &[u8]) -> bool {
    let tag_end = line
        .iter()
        .position(|&b| !crate::chars::is_tag_char(b))
        .unwrap_or(0);
    line.starts_with(b"* ") || line.starts_with(b"+ ") || (tag_end > 0 && line[tag_end] == b' ')
}
