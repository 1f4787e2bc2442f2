//! The client state machine (sans-IO): bytes from the server in, events out; commands in,
//! bytes for the server out.
//!
//! The machine owns the protocol flow of one connection and nothing else: no socket, no
//! clock, no thread. Its owner runs this loop:
//!
//! 1. hand every chunk received from the server to [`Client::receive`] (any chunking; the end
//!    of the stream to [`Client::receive_eof`]);
//! 2. drain [`Client::next_event`] until it returns `None`;
//! 3. send [`Client::transmit`]'s bytes and report how many went with [`Client::sent`];
//! 4. enqueue commands ([`Client::enqueue`]) and answer flow events (AUTHENTICATE challenges,
//!    IDLE's DONE, transport switches) whenever it likes, then go back to 2 and 3.
//!
//! What it does on its owner's behalf:
//! - **tags**: generated (`A1`, `A2`, ... with a configurable prefix); each command gets a
//!   [`CommandHandle`] and its completion is reported against it;
//! - **state** (RFC 9051 §3): from the greeting, LOGIN/AUTHENTICATE, SELECT/EXAMINE,
//!   CLOSE/UNSELECT, UNAUTHENTICATE (RFC 8437), BYE and LOGOUT; a command the state will not
//!   allow is refused locally;
//! - **capabilities** from the greeting, CAPABILITY data and `[CAPABILITY]` codes, and
//!   ENABLED extensions. They choose the literal form (`LITERAL+`, `LITERAL-` and IMAP4rev2's
//!   literals up to 4096 bytes) and whether UTF-8 may be quoted (`UTF8=ACCEPT` enabled);
//! - **literal flow**: a synchronising literal's data is held back until the server's `+`;
//!   a command the server refuses first completes with its NO or BAD and nothing more of it
//!   is sent;
//! - **pipelining** (RFC 9051 §5.5): commands go out back to back, except that a command
//!   that changes the state or the transport runs alone, and a command with message sequence
//!   numbers waits while an EXPUNGE could renumber them;
//! - **AUTHENTICATE** (SASL-IR when advertised), **IDLE**, and **STARTTLS**/**COMPRESS**,
//!   where the machine stops at the exact byte the transport changes.
//!
//! Events borrow from the receive buffer: no copy per event. Keep one with
//! [`IntoStatic::into_static`](crate::IntoStatic::into_static).
//!
//! ```
//! use imap_wire::client::{Client, ClientConfig, Event};
//! use imap_wire::{AString, CommandBody, StatusKind};
//!
//! let mut client = Client::new(ClientConfig::default());
//! client.receive(b"* OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready\r\n");
//! assert!(matches!(client.next_event(), Some(Event::GreetingReceived(_))));
//! let login = CommandBody::login(
//!     AString::new(&b"fred"[..]).unwrap(),
//!     AString::new(&b"secret"[..]).unwrap(),
//! );
//! let handle = client.enqueue(login).unwrap();
//! assert_eq!(client.transmit(), b"A1 LOGIN fred secret\r\n");
//! client.sent(client.transmit().len());
//! client.receive(b"A1 OK logged in\r\n");
//! let Some(Event::Completed { handle: done, status, .. }) = client.next_event() else {
//!     panic!()
//! };
//! assert_eq!((done, status), (handle, StatusKind::Ok));
//! assert_eq!(client.state(), imap_wire::session::State::Authenticated);
//! ```

mod auth;
mod config;
mod event;
mod mailbox;
mod receive;
mod send;
mod state;

pub use config::ClientConfig;
pub use event::{CommandHandle, Event, ProtocolError, SwitchKind, Unparsed, UsageError};
pub use mailbox::MailboxView;

use alloc::collections::VecDeque;
use alloc::format;
use alloc::vec::Vec;

use self::auth::AuthExchange;
use self::send::SendQueue;
use self::state::Kind;
use crate::framing::{FrameEvent, Framer, FramerConfig, Role};
use crate::serialize::{Encode, EncodeConfig, Encoder, LiteralMode};
use crate::session::State;
use crate::types::capability::{Capabilities, Capability};
use crate::types::command::{Command, CommandBody};
use crate::types::primitive::{Atom, Tag};

/// The client state machine (see the module docs).
#[derive(Debug)]
pub struct Client {
    framer: Framer,
    core: Core,
}

/// Everything but the framer, so that an event can borrow the framer's buffer while the
/// machine updates itself.
#[derive(Debug)]
struct Core {
    config: ClientConfig,
    state: State,
    greeted: bool,
    capabilities: Option<Capabilities<'static>>,
    enabled: Vec<Atom<'static>>,
    next_tag: u64,
    send: SendQueue,
    encoder: Encoder,
    /// Events decided before they are handed out (they borrow nothing).
    queued: VecDeque<Event<'static>>,
    /// AUTHENTICATE exchanges of the commands not yet completed, oldest first.
    auth: VecDeque<AuthExchange>,
    /// IDLE commands not yet completed, oldest first.
    idle: VecDeque<Idle>,
    /// A transport switch is pending: input stops until the owner says it is done.
    switch: Option<SwitchKind>,
    view: Option<MailboxView>,
    eof: bool,
    closed: bool,
}

/// An IDLE in progress.
#[derive(Debug)]
struct Idle {
    handle: CommandHandle,
    accepted: bool,
    done_requested: bool,
}

/// What the first look at a framed message decided.
enum Step {
    /// A message to interpret, by stream offset and length.
    Message { offset: u64, len: usize },
    /// A message over a limit, skipped.
    TooLarge {
        kind: crate::framing::FrameErrorKind,
        offset: u64,
        head: usize,
    },
}

impl Client {
    /// A machine waiting for the server's greeting.
    pub fn new(config: ClientConfig) -> Self {
        let framer = Framer::new(FramerConfig::new(Role::Responses).with_limits(config.limits));
        let view = config.mailbox_view.then(MailboxView::default);
        Self {
            framer,
            core: Core {
                config,
                state: State::NotAuthenticated,
                greeted: false,
                capabilities: None,
                enabled: Vec::new(),
                next_tag: 1,
                send: SendQueue::default(),
                encoder: Encoder::new(EncodeConfig::default()),
                queued: VecDeque::new(),
                auth: VecDeque::new(),
                idle: VecDeque::new(),
                switch: None,
                view,
                eof: false,
                closed: false,
            },
        }
    }

    /// The connection state.
    pub fn state(&self) -> State {
        self.core.state
    }

    /// The server's capabilities, once announced (none after STARTTLS until announced again).
    pub fn capabilities(&self) -> Option<&Capabilities<'static>> {
        self.core.capabilities.as_ref()
    }

    /// Whether the server announced `cap`.
    pub fn has_capability(&self, cap: &Capability<'_>) -> bool {
        self.core.has(cap)
    }

    /// The extensions the server reported ENABLED.
    pub fn enabled(&self) -> &[Atom<'static>] {
        &self.core.enabled
    }

    /// The mailbox view, when [`ClientConfig::mailbox_view`] is on.
    pub fn mailbox(&self) -> Option<&MailboxView> {
        self.core.view.as_ref()
    }

    /// Whether the connection ended: nothing more will happen.
    pub fn is_closed(&self) -> bool {
        self.core.closed
    }

    /// Whether the machine waits for [`Client::transport_switched`].
    pub fn is_switching(&self) -> bool {
        self.core.switch.is_some()
    }

    /// Whether commands are waiting to be sent or to complete.
    pub fn has_pending_commands(&self) -> bool {
        self.core.send.pending_kinds().next().is_some()
    }

    /// Takes bytes received from the server.
    pub fn receive(&mut self, bytes: &[u8]) {
        if !self.core.closed {
            self.framer.push(bytes);
        }
    }

    /// The server closed the connection. Commands without a completion are reported
    /// [`Event::Aborted`], then [`Event::Closed`].
    pub fn receive_eof(&mut self) {
        self.core.eof = true;
    }

    /// The next event, or `None` when more input (or a call such as
    /// [`Client::transport_switched`]) is needed.
    pub fn next_event(&mut self) -> Option<Event<'_>> {
        if let Some(event) = self.core.queued.pop_front() {
            return Some(event);
        }
        if self.core.closed || self.core.switch.is_some() {
            return None;
        }
        let step = loop {
            match self.framer.next_event() {
                None => {
                    if self.core.eof {
                        let partial = self.framer.buffered().len();
                        self.core.end(partial);
                        return self.core.queued.pop_front();
                    }
                    return None;
                }
                Some(FrameEvent::Message(m)) => {
                    let (offset, len) = (m.offset, m.bytes.len());
                    if self.core.greeted
                        && m.bytes.first() == Some(&b'+')
                        && self.core.continue_internally()
                    {
                        continue;
                    }
                    break Step::Message { offset, len };
                }
                Some(FrameEvent::Error(e)) => {
                    break Step::TooLarge {
                        kind: e.kind,
                        offset: e.offset,
                        head: e.head.len(),
                    };
                }
                Some(_) => continue,
            }
        };
        Some(match step {
            Step::Message { offset, len } => {
                let bytes = self.framer.retained(offset, len).unwrap_or_default();
                self.core.interpret(bytes, offset)
            }
            Step::TooLarge { kind, offset, head } => {
                let head = self.framer.retained(offset, head).unwrap_or_default();
                Event::ProtocolError(ProtocolError::TooLarge {
                    kind,
                    offset,
                    head: head.into(),
                })
            }
        })
    }

    /// Queues a command and returns its handle. The command goes out when the pipelining
    /// rules and the literal flow allow; drain [`Client::transmit`].
    ///
    /// # Errors
    /// [`UsageError::NotAllowed`] when the state the connection will be in by then does not
    /// allow the command (unless [`ClientConfig::refuse_disallowed`] is off), and
    /// [`UsageError::Closed`] after LOGOUT, BYE or the end of the connection.
    pub fn enqueue(&mut self, body: CommandBody<'_>) -> Result<CommandHandle, UsageError> {
        self.core.enqueue(body, VecDeque::new())
    }

    /// Queues `AUTHENTICATE PLAIN` with these credentials: the initial response goes inline
    /// when the server announced `SASL-IR`, else it answers the first challenge.
    ///
    /// # Errors
    /// As [`Client::enqueue`].
    pub fn authenticate_plain(
        &mut self,
        user: &[u8],
        password: &[u8],
    ) -> Result<CommandHandle, UsageError> {
        let message = auth::plain_message(user, password);
        let script = VecDeque::from([auth::answer_line(&message)]);
        let body = CommandBody::Authenticate {
            mechanism: Atom::unvalidated("PLAIN"),
            initial_response: None,
        };
        self.core.enqueue(body, script)
    }

    /// Queues `AUTHENTICATE LOGIN` (the obsolete mechanism many servers still offer): the
    /// user name answers the first challenge, the password the second.
    ///
    /// # Errors
    /// As [`Client::enqueue`].
    pub fn authenticate_login(
        &mut self,
        user: &[u8],
        password: &[u8],
    ) -> Result<CommandHandle, UsageError> {
        let script = VecDeque::from([auth::answer_line(user), auth::answer_line(password)]);
        let body = CommandBody::Authenticate {
            mechanism: Atom::unvalidated("LOGIN"),
            initial_response: None,
        };
        self.core.enqueue(body, script)
    }

    /// Answers the AUTHENTICATE challenge last reported with `data` (sent as base64).
    ///
    /// # Errors
    /// [`UsageError::NoChallenge`] when no challenge waits for an answer.
    pub fn authenticate_continue(&mut self, data: &[u8]) -> Result<(), UsageError> {
        self.core.answer_challenge(&auth::answer_line(data))
    }

    /// Cancels the AUTHENTICATE exchange (`*`); the server then completes it with BAD.
    ///
    /// # Errors
    /// [`UsageError::NoChallenge`] when no challenge waits for an answer.
    pub fn authenticate_cancel(&mut self) -> Result<(), UsageError> {
        self.core.answer_challenge(b"*\r\n")
    }

    /// Ends the IDLE in progress (`DONE`). Before the server accepted it, DONE goes out
    /// right after its `+`.
    ///
    /// # Errors
    /// [`UsageError::NotIdling`] when no IDLE is in progress or DONE was already requested.
    pub fn idle_done(&mut self) -> Result<(), UsageError> {
        let Some(idle) = self.core.idle.front_mut() else {
            return Err(UsageError::NotIdling);
        };
        if idle.done_requested {
            return Err(UsageError::NotIdling);
        }
        idle.done_requested = true;
        if idle.accepted {
            self.core.send.line(b"DONE\r\n");
        }
        Ok(())
    }

    /// Bytes ready to send to the server.
    pub fn transmit(&self) -> &[u8] {
        self.core.send.transmit()
    }

    /// The first `n` bytes of [`Client::transmit`] were sent.
    pub fn sent(&mut self, n: usize) {
        self.core.send.sent(n);
    }

    /// The bytes received past a transport switch point (they belong to the new transport:
    /// decrypt or decompress them first). Also returns any partial message of a closing
    /// connection.
    pub fn take_unconsumed(&mut self) -> Vec<u8> {
        self.framer.take_buffered()
    }

    /// The owner changed the transport after [`Event::TransportSwitch`]: the machine reads
    /// again. After STARTTLS the capabilities are forgotten (RFC 9051 §6.2.1); ask again.
    ///
    /// # Errors
    /// [`UsageError::NoSwitch`] when no switch is pending.
    pub fn transport_switched(&mut self) -> Result<(), UsageError> {
        let Some(kind) = self.core.switch.take() else {
            return Err(UsageError::NoSwitch);
        };
        if kind == SwitchKind::StartTls {
            self.core.capabilities = None;
        }
        self.core.pump();
        Ok(())
    }
}

impl Core {
    fn has(&self, cap: &Capability<'_>) -> bool {
        self.capabilities.as_ref().is_some_and(|c| c.contains(cap))
    }

    fn is_enabled(&self, name: &str) -> bool {
        self.enabled
            .iter()
            .any(|a| a.as_str().eq_ignore_ascii_case(name))
    }

    /// How commands are written now.
    fn encode_config(&self) -> EncodeConfig {
        let mode = if self.has(&Capability::LiteralPlus) {
            LiteralMode::NonSync
        } else if self.has(&Capability::LiteralMinus) || self.has(&Capability::Imap4Rev2) {
            LiteralMode::NonSyncUpTo4096
        } else {
            LiteralMode::Sync
        };
        EncodeConfig::default()
            .with_literal_mode(mode)
            .with_utf8_accept(self.is_enabled("UTF8=ACCEPT"))
    }

    /// The state once every command not yet completed has succeeded.
    fn anticipated_state(&self) -> State {
        self.send.pending_kinds().fold(self.state, |s, kind| {
            state::transition(s, state::Input::Completed(kind, crate::StatusKind::Ok))
        })
    }

    fn enqueue(
        &mut self,
        mut body: CommandBody<'_>,
        mut script: VecDeque<Vec<u8>>,
    ) -> Result<CommandHandle, UsageError> {
        let anticipated = self.anticipated_state();
        if self.closed || self.eof || anticipated == State::Logout {
            return Err(UsageError::Closed);
        }
        if self.config.refuse_disallowed && !anticipated.allows(&body) {
            return Err(UsageError::NotAllowed {
                state: anticipated,
                scope: body.scope(),
            });
        }
        let kind = Kind::of(&body);
        if let CommandBody::Authenticate {
            initial_response, ..
        } = &mut body
        {
            let sasl_ir = self.has(&Capability::SaslIr);
            if let Some(ir) = initial_response.take() {
                if sasl_ir {
                    *initial_response = Some(ir);
                } else {
                    let mut line = ir.expose().as_str().as_bytes().to_vec();
                    line.extend_from_slice(b"\r\n");
                    script.push_front(line);
                }
            } else if sasl_ir {
                if let Some(first) = script.pop_front() {
                    let text = core::str::from_utf8(first.strip_suffix(b"\r\n").unwrap_or(&first))
                        .ok()
                        .and_then(|t| crate::Base64::new(alloc::string::String::from(t)).ok());
                    *initial_response = text.map(crate::Secret::new);
                }
            }
        }
        let handle = CommandHandle(self.next_tag);
        self.next_tag += 1;
        let tag = Tag::unvalidated(format!("{}{}", self.config.tag_prefix(), handle.0));
        let config = self.encode_config();
        self.encoder.set_config(config);
        self.encoder.clear();
        Command::new(tag, body).encode(&mut self.encoder);
        self.send.push(
            handle,
            kind,
            self.encoder.bytes().to_vec(),
            self.encoder.sync_points(),
        );
        match kind {
            Kind::Authenticate => self.auth.push_back(AuthExchange::new(handle, script)),
            Kind::Idle => self.idle.push_back(Idle {
                handle,
                accepted: false,
                done_requested: false,
            }),
            _ => {}
        }
        self.pump();
        Ok(handle)
    }

    /// Releases whatever commands may go out now.
    fn pump(&mut self) {
        if !self.greeted || self.switch.is_some() || self.closed {
            return;
        }
        let mut selecting = false;
        self.send.pump(|kind| selecting |= kind == Kind::Select);
        if selecting {
            if let Some(view) = self.view.as_mut() {
                view.reset();
            }
        }
    }
}
