//! The crate's client state machine ([`imap_wire::client::Client`]) fed the recorded server
//! stream: a check that the machine reads the server's responses the way the recorded client
//! did.
//!
//! The machine makes its own tags (`A1`, `A2`, ... in the order commands are queued), so the
//! recorded commands are queued in order, as parsed from the client stream, and each recorded
//! tagged response is handed to the machine with the machine's tag for that command in place
//! of the recorded one. The server's messages go in one at a time (inflated after COMPRESS);
//! AUTHENTICATE answers and IDLE's `DONE` are given when the recorded client sent them.
//! It must agree with the recording:
//!
//! - each tagged response completes the command it answers, with the recorded status;
//! - the machine reports no protocol error for a message the peers treated as normal, and
//!   takes every command and answer the recorded client sent.
//!
//! A command this crate cannot parse is not queued, and the server's answer to it is not
//! handed to the machine. A transcript without a greeting is not checked, and checks stop at
//! STARTTLS.

use std::collections::BTreeMap;

use imap_wire::client::{Client, ClientConfig, CommandHandle, Event};
use imap_wire::framing::{FrameEvent, Framer, FramerConfig, Role};
use imap_wire::{AuthenticateResponse, Command, Parse, ParseConfig};

use crate::machine::Disagreement;
use crate::message::{ClientLine, CommandKind, ServerLine};

/// The prefix of the machine's tags.
const PREFIX: &str = "A";

/// The client machine following a recorded session.
pub struct ClientMachine {
    client: Client,
    parse: ParseConfig,
    /// Greeted (checks run), or not yet.
    greeted: bool,
    /// No greeting came first, or the transport went to TLS: nothing is checked.
    off: bool,
    /// Commands queued so far (the machine's tags count them).
    queued: u64,
    /// Recorded tag to the machine's tag and handle, for commands not yet answered.
    tags: BTreeMap<String, (String, CommandHandle)>,
    /// Completions checked.
    completions: u64,
    /// Reads what the machine sends, to count the synchronising literals it announces.
    sent: Framer,
    /// Synchronising literals the machine announced and still waits a `+` for.
    literals: u64,
    /// The recorded tag of an AUTHENTICATE or IDLE in progress.
    exchange: Option<String>,
    found: Vec<Disagreement>,
}

impl ClientMachine {
    /// A machine waiting for the recorded greeting; commands are parsed with `parse`.
    pub fn new(parse: ParseConfig) -> Self {
        Self {
            client: Client::new(ClientConfig::default().with_refuse_disallowed(false)),
            parse,
            greeted: false,
            off: false,
            queued: 0,
            tags: BTreeMap::new(),
            completions: 0,
            sent: Framer::new(FramerConfig::new(Role::Commands)),
            literals: 0,
            exchange: None,
            found: Vec::new(),
        }
    }

    /// Tagged responses the machine matched to their command and status.
    pub fn completions(&self) -> u64 {
        self.completions
    }

    /// The transport changed to TLS: nothing more can be checked.
    pub fn stop(&mut self) {
        self.off = true;
    }

    fn active(&self) -> bool {
        self.greeted && !self.off
    }

    /// A recorded client message that parsed, at `offset` in the client stream.
    pub fn client_line(&mut self, offset: u64, bytes: &[u8], line: &ClientLine) {
        if !self.active() {
            return;
        }
        let result = match line {
            ClientLine::Command { tag, kind, .. } => {
                match Command::parse_with(bytes, &self.parse) {
                    Ok(c) => self.client.enqueue(c.body).map(|handle| {
                        self.queued += 1;
                        let ours = format!("{PREFIX}{}", self.queued);
                        self.tags.insert(tag.clone(), (ours, handle));
                        if matches!(kind, CommandKind::Authenticate | CommandKind::Idle) {
                            self.exchange = Some(tag.clone());
                        }
                    }),
                    // The message check reports it.
                    Err(_) => Ok(()),
                }
            }
            ClientLine::Done => self.client.idle_done(),
            ClientLine::AuthData => match AuthenticateResponse::parse_with(bytes, &self.parse) {
                Ok(AuthenticateResponse::Cancel) => self.client.authenticate_cancel(),
                Ok(AuthenticateResponse::Data(d)) => {
                    self.client.authenticate_continue(&d.expose().decode())
                }
                Err(_) => Ok(()),
            },
        };
        if let Err(e) = result {
            self.found.push((
                "client",
                offset,
                format!("client machine refused what the client sent: {e}"),
            ));
        }
        self.flush();
    }

    /// A recorded server message that parsed, at `offset` in the server stream.
    pub fn server_message(&mut self, offset: u64, bytes: &[u8], line: &ServerLine) {
        if self.off {
            return;
        }
        if !self.greeted {
            match line {
                ServerLine::Greeting { .. } => self.greeted = true,
                _ => {
                    self.off = true;
                    return;
                }
            }
        }
        let mut expect = None;
        if *line == ServerLine::Continuation && self.exchange.is_none() {
            // A `+` for a literal: the machine may have sent that literal non-synchronising
            // (LITERAL+) where the recorded client waited.
            if self.literals == 0 {
                return;
            }
            self.literals -= 1;
        }
        if let ServerLine::Tagged { tag, kind } = line {
            if self.exchange.as_ref() == Some(tag) {
                self.exchange = None;
            }
            // The answer to a command this crate could not parse was not queued.
            let Some((ours, handle)) = self.tags.remove(tag) else {
                return;
            };
            let rest = bytes.get(tag.len()..).unwrap_or_default();
            self.client.receive(&[ours.as_bytes(), rest].concat());
            expect = Some((tag.clone(), handle, *kind));
        } else {
            self.client.receive(bytes);
        }
        let mut switched = false;
        while let Some(event) = self.client.next_event() {
            match event {
                Event::Completed { handle, status, .. } => {
                    let what = match &expect {
                        Some((_, h, kind)) if *h == handle && *kind == status => {
                            self.completions += 1;
                            expect = None;
                            continue;
                        }
                        Some((tag, _, kind)) => format!(
                            "client machine completed a command {} where the server answered \
                             {tag} {}",
                            status.as_str(),
                            kind.as_str()
                        ),
                        None => format!(
                            "client machine completed a command {} on an untagged message",
                            status.as_str()
                        ),
                    };
                    self.found.push(("server", offset, what));
                }
                Event::ProtocolError(e) => {
                    self.found
                        .push(("server", offset, format!("client machine reported: {e}")));
                }
                Event::TransportSwitch { .. } => switched = true,
                _ => {}
            }
        }
        if let Some((tag, _, kind)) = expect {
            self.found.push((
                "server",
                offset,
                format!(
                    "client machine did not complete the command of {tag} {}",
                    kind.as_str()
                ),
            ));
        }
        if switched {
            // The replay hands the machine the inflated stream from here.
            let _ = self.client.take_unconsumed();
            let _ = self.client.transport_switched();
        }
        self.flush();
    }

    /// Everything the machine wants to send counts as sent.
    fn flush(&mut self) {
        let out = self.client.transmit();
        self.sent.push(out);
        let n = out.len();
        self.client.sent(n);
        while let Some(event) = self.sent.next_event() {
            if let FrameEvent::LiteralAnnounced(l) = event {
                if !l.kind.non_sync {
                    self.literals += 1;
                }
            }
        }
    }

    /// What disagreed.
    pub fn finish(&mut self) -> Vec<Disagreement> {
        std::mem::take(&mut self.found)
    }
}
