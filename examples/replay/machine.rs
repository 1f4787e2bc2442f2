//! The crate's server state machine ([`imap_wire::server::Server`]) fed the recorded client
//! stream, and answered as the recorded server answered: a check that the machine reads the
//! session the way the two peers did.
//!
//! The machine gets the client's bytes in the chunks they were recorded in (inflated after
//! COMPRESS, as the framers get them). It is greeted with the recorded greeting's kind; each
//! command it hands out is completed with the status the recorded server gave that tag;
//! AUTHENTICATE challenges and IDLE's `+` are sent when the recorded server sent its
//! continuation. It must agree with the recording:
//!
//! - every command the recorded server answered came out of the machine as a command, or as a
//!   protocol error the machine answered itself where the server did not answer `OK` (a
//!   command the machine calls malformed must have been answered `BAD`);
//! - the machine reports no protocol error for a command the server accepted, and no error
//!   without a tag unless the server also answered an unreadable line `* BAD`;
//! - the machine accepts the owner's calls the recording implies (a challenge, an IDLE
//!   acceptance, a completion).
//!
//! The machine is configured permissively: every extension it knows (non-synchronising
//! literals of any size, IDLE, SASL-IR, COMPRESS, every ENABLE), generous limits, state
//! refusals on. A transcript without a greeting (an excerpt) is not checked by the machine,
//! and checks stop at STARTTLS.

use std::collections::BTreeMap;

use imap_wire::server::{
    CommandHandle, Event, NonSyncLiterals, ProtocolErrorKind, Server, ServerConfig, ServerLimits,
};
use imap_wire::{Greeting, GreetingKind, ResponseText, StatusKind};

use crate::message::{CommandKind, ServerLine};

/// A disagreement: (side, offset in that side's stream, what).
pub type Disagreement = (&'static str, u64, String);

/// What the machine made of a tag.
enum Seen {
    /// Handed out as a command.
    Command(CommandHandle, CommandKind),
    /// Answered by the machine itself.
    Refused(ProtocolErrorKind),
    /// An AUTHENTICATE the client cancelled with `*`, answered by the machine itself.
    Cancelled,
}

/// The server machine following a recorded session.
pub struct ServerMachine {
    /// `None` until the greeting, and after the machine checks stop.
    server: Option<Server>,
    /// Whether the transcript's first server message was not a greeting: nothing is checked.
    off: bool,
    /// Tags the machine handed out or refused, not yet answered by the recorded server.
    seen: BTreeMap<String, Seen>,
    /// Errors without a tag not yet matched by an untagged `* BAD`.
    untagged_errors: Vec<String>,
    /// Client bytes that came before the greeting, for the machine once it is greeted.
    early: Vec<u8>,
    /// Client bytes given to the machine so far.
    client_offset: u64,
    /// Commands the machine handed out.
    commands: u64,
    found: Vec<Disagreement>,
}

impl Default for ServerMachine {
    fn default() -> Self {
        Self::new()
    }
}

impl ServerMachine {
    /// A machine waiting for the recorded greeting.
    pub fn new() -> Self {
        Self {
            server: None,
            off: false,
            seen: BTreeMap::new(),
            untagged_errors: Vec::new(),
            early: Vec::new(),
            client_offset: 0,
            commands: 0,
            found: Vec::new(),
        }
    }

    /// The configuration of a replay: everything the machine knows is offered.
    fn config() -> ServerConfig {
        let mut limits = ServerLimits::default();
        limits.max_line = 1 << 20;
        limits.max_literal = 1 << 30;
        limits.max_append_literal = 1 << 30;
        limits.max_message = 1 << 31;
        limits.max_in_flight = 4096;
        limits.max_literals = 1 << 16;
        ServerConfig::default()
            .with_limits(limits)
            .with_non_sync_literals(NonSyncLiterals::Any)
            .with_compress(true)
            .with_idle(true)
            .with_sasl_ir(true)
    }

    /// Commands the machine handed out as events.
    pub fn commands(&self) -> u64 {
        self.commands
    }

    /// Client bytes (inflated after COMPRESS), in the chunks the recording holds.
    pub fn client_bytes(&mut self, bytes: &[u8]) {
        self.client_offset += bytes.len() as u64;
        if let Some(server) = &mut self.server {
            server.receive(bytes);
            self.drain();
        } else if !self.off {
            self.early.extend_from_slice(bytes);
        }
    }

    /// The client closed its side.
    pub fn client_ended(&mut self) {
        if let Some(server) = &mut self.server {
            server.receive_eof();
            self.drain();
        }
    }

    /// The transport changed to TLS: nothing more can be checked.
    pub fn stop(&mut self) {
        self.server = None;
        self.off = true;
    }

    /// A recorded server message that parsed, at `offset` in the server stream.
    pub fn server_line(&mut self, offset: u64, line: &ServerLine) {
        if self.off {
            return;
        }
        let Some(server) = &mut self.server else {
            match line {
                ServerLine::Greeting { preauth } => self.greet(offset, *preauth),
                _ => self.off = true,
            }
            return;
        };
        match line {
            ServerLine::Tagged { tag, kind } => self.answer(offset, tag, *kind),
            ServerLine::Continuation => {
                // The continuation answers the AUTHENTICATE or IDLE in progress, or a literal
                // the machine accepted on its own.
                let waiting = self.seen.values().find_map(|s| match s {
                    Seen::Command(h, CommandKind::Authenticate) => Some((*h, true)),
                    Seen::Command(h, CommandKind::Idle) => Some((*h, false)),
                    _ => None,
                });
                if let Some((handle, auth)) = waiting {
                    let result = if auth {
                        server.challenge(handle, b"")
                    } else {
                        server.accept_idle(handle)
                    };
                    // A second `+` for an accepted IDLE, or one for a literal, is no call.
                    if let Err(e) = result {
                        if auth {
                            self.found.push((
                                "server",
                                offset,
                                format!("server machine refused a challenge: {e}"),
                            ));
                        }
                    }
                    self.drain();
                }
            }
            ServerLine::Untagged { bad: true, .. } => {
                if !self.untagged_errors.is_empty() {
                    self.untagged_errors.remove(0);
                }
            }
            ServerLine::Greeting { .. } | ServerLine::Untagged { .. } => {}
        }
    }

    fn greet(&mut self, offset: u64, preauth: bool) {
        let mut server = Server::new(Self::config());
        let kind = if preauth {
            GreetingKind::PreAuth
        } else {
            GreetingKind::Ok
        };
        let greeting = ResponseText::text("ready").map(|text| Greeting { kind, text });
        match greeting.map(|g| server.greet(g)) {
            Ok(Ok(())) => {}
            _ => {
                self.found.push((
                    "server",
                    offset,
                    "server machine refused the greeting".into(),
                ));
                self.off = true;
                return;
            }
        }
        server.receive(&std::mem::take(&mut self.early));
        self.server = Some(server);
        self.drain();
    }

    /// The recorded server answered `tag` with `kind`.
    fn answer(&mut self, offset: u64, tag: &str, kind: StatusKind) {
        let Some(server) = &mut self.server else {
            return;
        };
        let what = match self.seen.remove(tag) {
            Some(Seen::Command(handle, _)) => match server.complete(handle, kind, None, "done") {
                Ok(()) => None,
                Err(e) => Some(format!(
                    "server machine could not complete {tag} {}: {e}",
                    kind.as_str()
                )),
            },
            Some(Seen::Refused(e)) => match (e, kind) {
                (_, StatusKind::Ok) => Some(format!(
                    "the server accepted {tag}, which the server machine refused ({e})"
                )),
                (ProtocolErrorKind::Malformed(_), StatusKind::No) => Some(format!(
                    "the server answered {tag} NO, which the server machine called malformed \
                     ({e})"
                )),
                _ => None,
            },
            // RFC 9051 answers a cancelled exchange BAD, RFC 3501's example NO.
            Some(Seen::Cancelled) if kind == StatusKind::Ok => Some(format!(
                "the server accepted {tag}, an AUTHENTICATE the client cancelled"
            )),
            Some(Seen::Cancelled) => None,
            None => Some(format!(
                "the server answered {tag} {}, a command the server machine did not read",
                kind.as_str()
            )),
        };
        if let Some(what) = what {
            self.found.push(("server", offset, what));
        }
        self.drain();
    }

    /// Takes the machine's events until it needs more.
    fn drain(&mut self) {
        let Some(server) = &mut self.server else {
            return;
        };
        let mut switched = false;
        while let Some(event) = server.next_event() {
            match event {
                Event::Command { handle, command } => {
                    self.commands += 1;
                    let kind = crate::message::command_kind(&command.body);
                    self.seen.insert(
                        command.tag.as_str().to_string(),
                        Seen::Command(handle, kind),
                    );
                }
                Event::Error(e) => match &e.tag {
                    Some(tag) => {
                        self.seen
                            .insert(tag.as_str().to_string(), Seen::Refused(e.kind));
                    }
                    None => self.untagged_errors.push(e.to_string()),
                },
                // Within the limits the machine accepts literals on its own; none waits.
                Event::LiteralAnnounced(l) if l.awaiting_decision => {
                    let _ = server.accept_literal();
                }
                Event::TransportSwitch(_) => switched = true,
                Event::AuthenticateCancelled { handle } => {
                    for seen in self.seen.values_mut() {
                        if matches!(seen, Seen::Command(h, _) if *h == handle) {
                            *seen = Seen::Cancelled;
                        }
                    }
                }
                Event::AuthenticateData { .. } | Event::IdleDone { .. } | Event::Closed => {}
                _ => {}
            }
            if switched {
                break;
            }
        }
        let n = server.transmit().len();
        server.sent(n);
        if switched {
            // The replay feeds the machine the inflated stream from here; what it holds past
            // the switch is the compressed form of the same bytes.
            let _ = server.take_unconsumed();
            server.resume();
            self.drain();
        }
    }

    /// What disagreed, found at the end of the transcript as well as on the way.
    pub fn finish(&mut self) -> Vec<Disagreement> {
        for what in self.untagged_errors.drain(..) {
            self.found.push((
                "client",
                self.client_offset,
                format!("server machine reported {what}, and the server answered no * BAD"),
            ));
        }
        std::mem::take(&mut self.found)
    }
}
