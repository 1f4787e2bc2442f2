//! The replay of one transcript, in stages:
//!
//! 1. **Transport**: each direction's chunks in file order, inflated once the session has
//!    switched to DEFLATE ([`crate::inflate`]), into that direction's framer.
//! 2. **Messages**: every framed message parses and round-trips ([`crate::message`]); the
//!    leniencies it needed are counted, and are failures under `--strict`.
//! 3. **Session**: for a transcript with both directions, the messages in file order go to a
//!    [`Session`] check ([`crate::session`]), which also says how the client's next line is read
//!    and when the transport changes.
//! 4. **Server machine**: for the same transcripts, the crate's server state machine is fed the
//!    client stream and answered as the recorded server answered, and must read the commands
//!    the way the peers did ([`crate::machine`]).
//! 5. **Client machine**: the crate's client state machine is fed the recorded commands and
//!    the server stream, and must complete each command as the recorded server did
//!    ([`crate::client_machine`]).
//!
//! A transcript with one direction, or whose header says `kind=examples` (fragments of the
//! RFCs' examples), gets stages 1 and 2 only.

use std::collections::BTreeMap;

use imap_wire::framing::{FrameEvent, Framer, FramerConfig, Role};
use imap_wire::transcript::{Direction, Transcript};
use imap_wire::{EncodeConfig, Encoder};

use crate::client_machine::ClientMachine;
use crate::inflate::Inflater;
use crate::machine::ServerMachine;
use crate::message::{self, Expect, excerpt};
use crate::quirks;
use crate::session::{Effect, Pairing, Session};

/// How a transcript is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Both directions of a real connection: all stages.
    Session,
    /// Only one direction was recorded: parsing and round trip.
    OneSided,
    /// Fragments of the RFCs' examples (`kind=examples`): parsing and round trip.
    Examples,
}

impl Mode {
    /// The mode a transcript's header and contents call for.
    pub fn of(t: &Transcript<'_>) -> Self {
        if t.meta("kind") == Some("examples") {
            Self::Examples
        } else if t.has(Direction::Client) && t.has(Direction::Server) {
            Self::Session
        } else {
            Self::OneSided
        }
    }
}

/// One failure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// `client` or `server`.
    pub side: &'static str,
    /// Offset in that direction's stream (inflated, after COMPRESS).
    pub offset: u64,
    /// What went wrong.
    pub what: String,
    /// The message's first bytes.
    pub excerpt: String,
}

/// What the replay of one transcript found. It does not depend on how the bytes were chunked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// How it was checked.
    pub mode: Mode,
    /// Messages framed, both directions.
    pub messages: u64,
    /// Bytes recorded, both directions.
    pub bytes: u64,
    /// Bytes after inflating, both directions (equal to `bytes` without COMPRESS).
    pub inflated: u64,
    /// Failures, both directions and the session.
    pub failures: u64,
    /// The first failures, in the order found.
    pub shown: Vec<Failure>,
    /// Messages that needed each leniency.
    pub quirks: BTreeMap<&'static str, u64>,
    /// Commands this crate rejects that the server answered `BAD`, as it should.
    pub expected_bad: u64,
    /// Commands this crate accepts that the server answered `BAD`: (client offset, tag).
    pub accepted_bad: Vec<(u64, String)>,
    /// Whether the session switched to DEFLATE.
    pub compressed: bool,
    /// Commands the server machine read from the client stream and completed as the recorded
    /// server did.
    pub machine_commands: u64,
    /// Tagged responses the client machine matched to the command and status recorded.
    pub client_completions: u64,
}

impl Report {
    /// Whether nothing failed.
    pub fn passed(&self) -> bool {
        self.failures == 0
    }

    fn fail(&mut self, side: &'static str, offset: u64, what: String, bytes: &[u8]) {
        self.failures += 1;
        if self.shown.len() < SHOWN {
            let excerpt = excerpt(bytes);
            self.shown.push(Failure {
                side,
                offset,
                what,
                excerpt,
            });
        }
    }
}

/// How many failures a report keeps.
const SHOWN: usize = 3;

/// Replays one transcript with the session check of this tool ([`Pairing`]); `strict` makes
/// every message that needed a leniency a failure.
pub fn replay(t: &Transcript<'_>, strict: bool) -> Report {
    replay_with(t, strict, &mut Pairing::default())
}

/// Replays one transcript with `session` as its session check (stage 3).
pub fn replay_with(t: &Transcript<'_>, strict: bool, session: &mut dyn Session) -> Report {
    let mode = Mode::of(t);
    let mut r = Replay {
        mode,
        strict,
        sides: [Side::new(Role::Commands), Side::new(Role::Responses)],
        session,
        machine: ServerMachine::new(),
        client_machine: ClientMachine::new(quirks::config(true, t.meta("utf8") == Some("accept"))),
        // `utf8=accept` in the header: the session runs under UTF8=ACCEPT (RFC 6855).
        enc: Encoder::new(
            EncodeConfig::default().with_utf8_accept(t.meta("utf8") == Some("accept")),
        ),
        scratch: Vec::new(),
        stopped: false,
        report: Report {
            mode,
            messages: 0,
            bytes: 0,
            inflated: 0,
            failures: 0,
            shown: Vec::new(),
            quirks: BTreeMap::new(),
            expected_bad: 0,
            accepted_bad: Vec::new(),
            compressed: false,
            machine_commands: 0,
            client_completions: 0,
        },
    };
    for record in t.records() {
        if r.stopped {
            break;
        }
        r.report.bytes += record.bytes.len() as u64;
        if record.bytes.is_empty() {
            if record.direction == Direction::Client && mode == Mode::Session {
                r.session.client_ended();
                r.machine.client_ended();
            }
        } else {
            r.feed(record.direction, record.bytes);
        }
    }
    r.finish()
}

/// One direction's transport and framer.
struct Side {
    framer: Framer,
    inflater: Option<Inflater>,
    /// No message framed yet.
    first: bool,
}

impl Side {
    fn new(role: Role) -> Self {
        Self {
            framer: Framer::new(FramerConfig::new(role)),
            inflater: None,
            first: true,
        }
    }
}

/// The replay in progress.
struct Replay<'s> {
    mode: Mode,
    strict: bool,
    /// Client, then server.
    sides: [Side; 2],
    session: &'s mut dyn Session,
    /// Stage 4: the server machine fed the client stream.
    machine: ServerMachine,
    /// Stage 5: the client machine fed the server stream.
    client_machine: ClientMachine,
    enc: Encoder,
    scratch: Vec<u8>,
    /// The rest cannot be read (TLS, or a broken DEFLATE stream).
    stopped: bool,
    report: Report,
}

fn index(d: Direction) -> usize {
    usize::from(d == Direction::Server)
}

fn side_name(d: Direction) -> &'static str {
    match d {
        Direction::Client => "client",
        Direction::Server => "server",
    }
}

impl Replay<'_> {
    /// Stage 1: one chunk into its direction's framer.
    fn feed(&mut self, d: Direction, bytes: &[u8]) {
        let side = &mut self.sides[index(d)];
        if let Some(inflater) = &mut side.inflater {
            self.scratch.clear();
            if let Err(e) = inflater.inflate(bytes, &mut self.scratch) {
                let offset = side.framer.stream_offset();
                self.report.fail(side_name(d), offset, e, b"");
                self.stopped = true;
                return;
            }
            self.report.inflated += self.scratch.len() as u64;
            side.framer.push(&self.scratch);
            if d == Direction::Client && self.mode == Mode::Session {
                self.machine.client_bytes(&self.scratch);
            }
        } else {
            self.report.inflated += bytes.len() as u64;
            side.framer.push(bytes);
            if d == Direction::Client && self.mode == Mode::Session {
                self.machine.client_bytes(bytes);
            }
        }
        self.drain(d);
    }

    /// Stages 2 and 3 for every message now complete in direction `d`.
    fn drain(&mut self, d: Direction) {
        loop {
            let Self {
                sides,
                session,
                machine,
                client_machine,
                enc,
                report,
                mode,
                strict,
                ..
            } = self;
            let side = &mut sides[index(d)];
            let Some(event) = side.framer.next_event() else {
                return;
            };
            let frame = match event {
                FrameEvent::Message(m) => m,
                FrameEvent::LiteralAnnounced(_) => continue,
                FrameEvent::Error(e) => {
                    report.fail(side_name(d), e.offset, e.to_string(), e.head);
                    continue;
                }
            };
            report.messages += 1;
            let first = std::mem::replace(&mut side.first, false);
            let with_session = *mode == Mode::Session;
            let (bytes, offset) = (frame.bytes, frame.offset);
            let mut effect = Effect::None;
            let (quirks, result) = match d {
                Direction::Client => {
                    let expect = if with_session {
                        session.expect()
                    } else {
                        Expect::Command
                    };
                    match message::client(bytes, expect, !with_session, enc) {
                        Ok(c) => (
                            c.quirks,
                            with_session.then(|| {
                                client_machine.client_line(offset, bytes, &c.line);
                                session.client(offset, &c.line)
                            }),
                        ),
                        Err(e) if with_session && expect == Expect::Command => {
                            // Judged when the server answers (a BAD is expected).
                            session.client_unparsed(offset, message::tentative_tag(bytes), e);
                            (Vec::new(), None)
                        }
                        Err(e) => (Vec::new(), Some(Err(e))),
                    }
                }
                Direction::Server => match message::server(bytes, first, enc) {
                    Ok(c) => {
                        let result = with_session.then(|| {
                            machine.server_line(offset, &c.line);
                            client_machine.server_message(offset, bytes, &c.line);
                            session.server(offset, &c.line).map(|e| effect = e)
                        });
                        (c.quirks, result)
                    }
                    Err(e) => (Vec::new(), Some(Err(e))),
                },
            };
            for q in &quirks {
                *report.quirks.entry(q).or_default() += 1;
            }
            if *strict && !quirks.is_empty() {
                let what = format!("needs leniency {} (strict replay)", quirks.join(", "));
                report.fail(side_name(d), offset, what, bytes);
            }
            if let Some(Err(e)) = result {
                report.fail(side_name(d), offset, e, bytes);
            }
            match effect {
                Effect::None => {}
                Effect::StartDeflate => self.start_deflate(),
                Effect::StartTls => {
                    self.machine.stop();
                    self.client_machine.stop();
                    self.stopped = true;
                }
            }
        }
    }

    /// Both directions are DEFLATE from here on: what is buffered past the last message is
    /// the start of the compressed stream.
    fn start_deflate(&mut self) {
        if self.report.compressed {
            return;
        }
        self.report.compressed = true;
        for d in [Direction::Client, Direction::Server] {
            let side = &mut self.sides[index(d)];
            let rest = side.framer.take_buffered();
            self.report.inflated -= rest.len() as u64;
            side.inflater = Some(Inflater::new());
            if !rest.is_empty() {
                self.feed(d, &rest);
            }
        }
    }

    fn finish(mut self) -> Report {
        for d in [Direction::Client, Direction::Server] {
            let side = &self.sides[index(d)];
            if side.framer.has_partial() && !self.stopped {
                let offset = side.framer.stream_offset();
                let rest = side.framer.buffered().to_vec();
                let what = "stream ends inside a message".to_string();
                self.report.fail(side_name(d), offset, what, &rest);
            }
        }
        if self.mode == Mode::Session {
            for (offset, what) in self.session.finish() {
                self.report.fail("client", offset, what, b"");
            }
            for (side, offset, what) in self.machine.finish() {
                self.report.fail(side, offset, what, b"");
            }
            for (side, offset, what) in self.client_machine.finish() {
                self.report.fail(side, offset, what, b"");
            }
            self.report.machine_commands = self.machine.commands();
            self.report.client_completions = self.client_machine.completions();
            self.report.expected_bad = self.session.expected_bad();
            self.report.accepted_bad = self.session.accepted_bad().to_vec();
        }
        self.report
    }
}
