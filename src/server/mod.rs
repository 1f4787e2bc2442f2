//! The server's state machine (sans-IO): client bytes in, events out; the owner's answers in,
//! response bytes out.
//!
//! A [`Server`] owns the protocol flow of one connection, and its owner keeps only the mail
//! store and its policy. The machine frames and parses commands, tracks the connection state
//! (RFC 9051 §3) and answers on its own what the state does not allow, decides literals by
//! limit (or asks), carries AUTHENTICATE and IDLE exchanges, stops at the exact byte of a
//! STARTTLS or COMPRESS switch, and answers malformed commands `BAD` and goes on with the next.
//!
//! ## Run loop
//! After any call that feeds the machine ([`Server::receive`], [`Server::complete`], ...),
//! drain [`Server::next_event`] until it returns `None`, then send [`Server::transmit`] and
//! report it with [`Server::sent`]. Events borrow the machine's buffer until the next `&mut`
//! call. No IO, no clock: IMAP's timers (autologout) are the owner's policy.
//!
//! A command that changes the state or the grammar (LOGIN, AUTHENTICATE, SELECT, EXAMINE,
//! CLOSE, UNSELECT, ENABLE, IDLE, STARTTLS, COMPRESS, UNAUTHENTICATE, LOGOUT) is a barrier: the
//! machine reads no further command until the owner completes it, so every command is judged
//! in the state it runs in. Other commands may be in flight together, up to
//! [`ServerLimits::max_in_flight`].
//!
//! ```
//! use imap_wire::server::{Event, Server, ServerConfig};
//! use imap_wire::{Greeting, GreetingKind, ResponseText, StatusKind};
//!
//! let mut server = Server::new(ServerConfig::default());
//! server
//!     .greet(Greeting { kind: GreetingKind::Ok, text: ResponseText::text("ready").unwrap() })
//!     .unwrap();
//! server.receive(b"a1 NOOP\r\na2 FETCH 1 FLAGS\r\n");
//! let mut handles = Vec::new();
//! while let Some(event) = server.next_event() {
//!     match event {
//!         Event::Command { handle, .. } => handles.push(handle),
//!         Event::Error(e) => assert_eq!(e.tag.unwrap().as_str(), "a2"),
//!         other => panic!("{other:?}"),
//!     }
//! }
//! server.complete(handles[0], StatusKind::Ok, None, "NOOP done").unwrap();
//! assert_eq!(
//!     server.transmit(),
//!     b"* OK ready\r\na2 BAD Log in first\r\na1 OK NOOP done\r\n"
//! );
//! let n = server.transmit().len();
//! server.sent(n);
//! ```

pub mod auth;
mod config;
mod event;
mod flight;
mod input;
mod output;
mod transition;

pub use config::{Extensions, NonSyncLiterals, OversizeAction, ServerConfig, ServerLimits};
pub use event::{
    CommandHandle, Disposition, Event, LiteralRequest, ProtocolError, ProtocolErrorKind, Switch,
    UsageError,
};

use alloc::vec::Vec;

use crate::config::ParseConfig;
use crate::framing::{Framer, FramerConfig, Role};
use crate::session::State;
use crate::types::auth::Base64;
use crate::types::capability::Capability;
use crate::types::code::{Code, ResponseText};
use crate::types::primitive::Text;
use crate::types::response::{Continuation, Data, Greeting, GreetingKind, StatusKind};
use flight::{Flight, Kind};
use output::Output;

/// What the machine is doing with the client's bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// Reading commands (unless a barrier is in flight).
    Commands,
    /// A literal announcement waits for the owner's decision.
    LiteralDecision,
    /// An AUTHENTICATE exchange: `reading` once a challenge is out.
    Authenticate {
        handle: CommandHandle,
        reading: bool,
    },
    /// IDLE: `accepted` once `+` is out, `done` once the client sent DONE.
    Idle {
        handle: CommandHandle,
        accepted: bool,
        done: bool,
    },
    /// Stopped at a transport switch until [`Server::resume`].
    Paused(Switch),
    /// The connection is over.
    Closed,
}

/// Something to do to the framer before it reads on (decided while it was borrowed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Deferred {
    /// The synchronising literal just announced is refused: the message ends there.
    RejectLiteral,
    /// The message whose non-synchronising literal was just announced is dropped unread.
    DiscardMessage,
}

/// An event the machine raises on its own, handed out before reading on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Notice {
    Switch(Switch),
    Closed,
}

/// Everything but the framer, so it can change while a framed message is borrowed.
#[derive(Clone, Debug)]
struct Flow {
    config: ServerConfig,
    parse: ParseConfig,
    state: State,
    mode: Mode,
    flight: Flight,
    out: Output,
    enabled: Extensions,
    secure: bool,
    compressed: bool,
    greeted: bool,
    bye_sent: bool,
    notice: Option<Notice>,
    deferred: Option<Deferred>,
    /// The tag of the literal waiting for a decision.
    literal_tag: Vec<u8>,
}

/// The server side of one IMAP connection (see the module docs).
#[derive(Clone, Debug)]
pub struct Server {
    framer: Framer,
    flow: Flow,
}

impl Server {
    /// A machine for a new connection; send the greeting with [`Server::greet`] first.
    pub fn new(config: ServerConfig) -> Self {
        let framing = FramerConfig::new(Role::Commands).with_limits(config.limits.framing());
        let mut out = Output::default();
        out.set_utf8(false);
        Self {
            framer: Framer::new(framing),
            flow: Flow {
                config,
                parse: ParseConfig::default().with_max_depth(config.limits.max_depth),
                state: State::NotAuthenticated,
                mode: Mode::Commands,
                flight: Flight::default(),
                out,
                enabled: Extensions::default(),
                secure: config.secure,
                compressed: false,
                greeted: false,
                bye_sent: false,
                notice: None,
                deferred: None,
                literal_tag: Vec::new(),
            },
        }
    }

    /// The connection state.
    pub fn state(&self) -> State {
        self.flow.state
    }

    /// The configuration.
    pub fn config(&self) -> &ServerConfig {
        &self.flow.config
    }

    /// The extensions the client has enabled.
    pub fn enabled(&self) -> Extensions {
        self.flow.enabled
    }

    /// Whether the transport is secure (configured so, or after STARTTLS).
    pub fn is_secure(&self) -> bool {
        self.flow.secure
    }

    /// Tells the machine whether the transport is secure (for `LOGINDISABLED`).
    pub fn set_secure(&mut self, secure: bool) {
        self.flow.secure = secure;
    }

    /// Whether the connection is over.
    pub fn is_closed(&self) -> bool {
        self.flow.mode == Mode::Closed
    }

    /// Commands delivered and not yet completed.
    pub fn in_flight(&self) -> usize {
        self.flow.flight.len()
    }

    /// Client bytes received and not yet handed out as events.
    pub fn buffered(&self) -> &[u8] {
        self.framer.buffered()
    }

    /// The capabilities the machine itself honours under its configuration, for the owner's
    /// CAPABILITY answer (the owner adds `IMAP4rev1`/`IMAP4rev2` and its `AUTH=` mechanisms).
    pub fn capabilities(&self) -> Vec<Capability<'static>> {
        let c = &self.flow.config;
        let mut caps = Vec::new();
        if c.login_requires_tls && !self.flow.secure {
            caps.push(Capability::LoginDisabled);
        }
        if c.starttls && !self.flow.secure {
            caps.push(Capability::StartTls);
        }
        match c.non_sync_literals {
            NonSyncLiterals::Any => caps.push(Capability::LiteralPlus),
            NonSyncLiterals::UpTo4096 => caps.push(Capability::LiteralMinus),
            NonSyncLiterals::Refused => {}
        }
        if c.sasl_ir {
            caps.push(Capability::SaslIr);
        }
        if c.idle {
            caps.push(Capability::Idle);
        }
        if c.compress && !self.flow.compressed {
            caps.push(Capability::CompressDeflate);
        }
        if c.enable != Extensions::default() {
            caps.push(Capability::Enable);
        }
        if c.enable.utf8_accept {
            caps.push(Capability::Utf8Accept);
        }
        if c.enable.condstore {
            caps.push(Capability::CondStore);
        }
        if c.enable.qresync {
            caps.push(Capability::QResync);
        }
        caps
    }

    /// Sends the greeting: `* OK` (not authenticated), `* PREAUTH` (authenticated) or `* BYE`
    /// (refused; the connection ends).
    ///
    /// # Errors
    /// [`UsageError::Greeting`] when a greeting was already sent.
    pub fn greet(&mut self, greeting: Greeting<'_>) -> Result<(), UsageError> {
        let flow = &mut self.flow;
        if flow.greeted {
            return Err(UsageError::Greeting);
        }
        flow.greeted = true;
        flow.out.value(&greeting);
        match greeting.kind {
            GreetingKind::Ok => {}
            GreetingKind::PreAuth => flow.state = State::Authenticated,
            GreetingKind::Bye => flow.close(),
        }
        Ok(())
    }

    /// Appends bytes received from the client (any chunking).
    pub fn receive(&mut self, bytes: &[u8]) {
        if self.flow.mode == Mode::Closed {
            return;
        }
        self.apply_deferred();
        self.framer.push(bytes);
    }

    /// The next event; `None` when more bytes (or an answer from the owner) are needed.
    pub fn next_event(&mut self) -> Option<Event<'_>> {
        self.apply_deferred();
        if let Some(notice) = self.flow.notice.take() {
            return Some(match notice {
                Notice::Switch(s) => Event::TransportSwitch(s),
                Notice::Closed => Event::Closed,
            });
        }
        if !self.flow.reading() {
            return None;
        }
        let event = self.framer.next_event()?;
        Some(self.flow.read(event))
    }

    fn apply_deferred(&mut self) {
        match self.flow.deferred.take() {
            Some(Deferred::RejectLiteral) => self.framer.reject_literal(),
            Some(Deferred::DiscardMessage) => self.framer.discard_message(),
            None => {}
        }
    }

    /// Accepts the literal of the last [`Event::LiteralAnnounced`] that awaits a decision:
    /// sends `+`.
    ///
    /// # Errors
    /// [`UsageError::NoLiteralPending`] when none waits.
    pub fn accept_literal(&mut self) -> Result<(), UsageError> {
        let flow = &mut self.flow;
        if flow.mode != Mode::LiteralDecision {
            return Err(UsageError::NoLiteralPending);
        }
        flow.out.raw(input::READY);
        flow.mode = Mode::Commands;
        Ok(())
    }

    /// Refuses the literal of the last [`Event::LiteralAnnounced`] that awaits a decision:
    /// answers the command `tag <kind> text` (`NO` or `BAD`; `OK` is written as `NO`); the
    /// client does not send the literal, and the command ends there.
    ///
    /// # Errors
    /// [`UsageError::NoLiteralPending`] when none waits; [`UsageError::InvalidText`] when the
    /// text cannot be written.
    pub fn reject_literal(&mut self, kind: StatusKind, text: &str) -> Result<(), UsageError> {
        if self.flow.mode != Mode::LiteralDecision {
            return Err(UsageError::NoLiteralPending);
        }
        let text = response_text(None, text)?;
        let kind = if kind == StatusKind::Ok {
            StatusKind::No
        } else {
            kind
        };
        self.framer.reject_literal();
        let flow = &mut self.flow;
        flow.out.raw(&flow.literal_tag);
        flow.tagged_rest(kind, &text);
        flow.mode = Mode::Commands;
        Ok(())
    }

    /// Sends untagged data as part of the answer to `handle`.
    ///
    /// # Errors
    /// [`UsageError::UnknownHandle`] when no such command is in flight;
    /// [`UsageError::QresyncNotEnabled`] for `VANISHED` before `ENABLE QRESYNC`.
    pub fn data(&mut self, handle: CommandHandle, data: Data<'_>) -> Result<(), UsageError> {
        self.flow.writable()?;
        self.flow
            .flight
            .find(handle)
            .ok_or(UsageError::UnknownHandle)?;
        self.notify(data)
    }

    /// Sends untagged data that answers no command (new messages, expunges, flag changes of
    /// other sessions); between commands, or during IDLE.
    ///
    /// # Errors
    /// As [`Server::data`].
    pub fn notify(&mut self, data: Data<'_>) -> Result<(), UsageError> {
        let flow = &mut self.flow;
        flow.writable()?;
        if matches!(data, Data::Vanished(_)) && !flow.enabled.qresync {
            return Err(UsageError::QresyncNotEnabled);
        }
        flow.out.raw(b"* ");
        flow.out.value(&data);
        flow.out.raw(b"\r\n");
        Ok(())
    }

    /// Sends an untagged status, `* OK [code] text` (or `NO`, `BAD`): the codes SELECT
    /// reports (`UIDVALIDITY`, `UIDNEXT`, `PERMANENTFLAGS`), warnings, alerts.
    ///
    /// # Errors
    /// [`UsageError::InvalidText`]; [`UsageError::Greeting`] or [`UsageError::Closed`].
    pub fn status(
        &mut self,
        kind: StatusKind,
        code: Option<Code<'_>>,
        text: &str,
    ) -> Result<(), UsageError> {
        let flow = &mut self.flow;
        flow.writable()?;
        let text = response_text(code, text)?;
        flow.out.raw(b"*");
        flow.tagged_rest(kind, &text);
        Ok(())
    }

    /// Sends a continuation request for `handle`: an AUTHENTICATE challenge (after which the
    /// client's next line is read as its response) or the `+` that accepts IDLE.
    ///
    /// # Errors
    /// [`UsageError::NoContinuationExpected`] unless `handle` is an AUTHENTICATE waiting for a
    /// challenge or an IDLE not yet accepted.
    pub fn continuation(
        &mut self,
        handle: CommandHandle,
        continuation: Continuation<'_>,
    ) -> Result<(), UsageError> {
        let flow = &mut self.flow;
        flow.writable()?;
        match &mut flow.mode {
            Mode::Authenticate { handle: h, reading } if *h == handle && !*reading => {
                *reading = true;
            }
            Mode::Idle {
                handle: h,
                accepted,
                ..
            } if *h == handle && !*accepted => *accepted = true,
            _ => return Err(UsageError::NoContinuationExpected),
        }
        flow.out.value(&continuation);
        Ok(())
    }

    /// Sends an AUTHENTICATE challenge: `data` base64-encoded (may be empty).
    ///
    /// # Errors
    /// As [`Server::continuation`].
    pub fn challenge(&mut self, handle: CommandHandle, data: &[u8]) -> Result<(), UsageError> {
        self.continuation(handle, Continuation::Base64(Base64::encode(data)))
    }

    /// Accepts IDLE: sends `+ idling`.
    ///
    /// # Errors
    /// As [`Server::continuation`].
    pub fn accept_idle(&mut self, handle: CommandHandle) -> Result<(), UsageError> {
        let text = ResponseText::text("idling").map_err(|_| UsageError::InvalidText)?;
        self.continuation(handle, Continuation::Text(text))
    }

    /// Completes the command `handle` with `tag OK/NO/BAD [code] text`, and applies what its
    /// success means: LOGIN and AUTHENTICATE authenticate, SELECT and EXAMINE select (and a
    /// failed one deselects), CLOSE and UNSELECT deselect, ENABLE enables (the machine writes
    /// `* ENABLED` first), LOGOUT ends the connection (the machine writes `* BYE` first),
    /// STARTTLS and COMPRESS stop at the switch ([`Event::TransportSwitch`]).
    ///
    /// # Errors
    /// [`UsageError::UnknownHandle`], [`UsageError::IdleNotDone`] (IDLE accepted and the
    /// client has not sent DONE), [`UsageError::InvalidText`].
    pub fn complete(
        &mut self,
        handle: CommandHandle,
        kind: StatusKind,
        code: Option<Code<'_>>,
        text: &str,
    ) -> Result<(), UsageError> {
        let flow = &mut self.flow;
        flow.writable()?;
        let at = flow.flight.find(handle).ok_or(UsageError::UnknownHandle)?;
        if let Mode::Idle {
            handle: h,
            accepted: true,
            done: false,
        } = flow.mode
        {
            if h == handle {
                return Err(UsageError::IdleNotDone);
            }
        }
        let text = response_text(code, text)?;
        let ok = kind == StatusKind::Ok;
        let command = flow.flight.kind(at);
        match command {
            Kind::Logout if ok && !flow.bye_sent => {
                flow.out.raw(b"* BYE Logging out\r\n");
                flow.bye_sent = true;
            }
            Kind::Enable(asked) if ok => flow.enable(asked),
            _ => {}
        }
        flow.out.raw(flow.flight.tag(at));
        flow.tagged_rest(kind, &text);
        flow.flight.remove(at);
        flow.completed(command, handle, kind);
        Ok(())
    }

    /// Sends `* BYE text` and ends the connection (shutdown, autologout).
    ///
    /// # Errors
    /// [`UsageError::InvalidText`]; [`UsageError::Closed`] when already over.
    pub fn bye(&mut self, text: &str) -> Result<(), UsageError> {
        let flow = &mut self.flow;
        if flow.mode == Mode::Closed || !flow.greeted {
            return Err(UsageError::Closed);
        }
        let text = response_text(None, text)?;
        flow.out.raw(b"* BYE ");
        flow.out.value(&text);
        flow.out.raw(b"\r\n");
        flow.bye_sent = true;
        flow.close();
        Ok(())
    }

    /// The client closed its side: the connection is over.
    pub fn receive_eof(&mut self) {
        if self.flow.mode != Mode::Closed {
            self.flow.close();
        }
    }

    /// Bytes waiting to be sent.
    pub fn transmit(&self) -> &[u8] {
        self.flow.out.pending()
    }

    /// Records that the first `n` bytes of [`Server::transmit`] were sent.
    pub fn sent(&mut self, n: usize) {
        self.flow.out.sent(n);
    }

    /// At a transport switch: the bytes the client sent past the switch point, which belong
    /// to the new layer (TLS or the compressed stream). After STARTTLS, bytes that came before
    /// the handshake were sent in clear text and must not be read as commands: the machine
    /// never does.
    pub fn take_unconsumed(&mut self) -> Vec<u8> {
        self.apply_deferred();
        self.framer.take_buffered()
    }

    /// Goes on after a transport switch: the owner has switched and feeds the new layer's
    /// plain bytes from here. After STARTTLS the transport counts as secure.
    pub fn resume(&mut self) {
        let flow = &mut self.flow;
        if let Mode::Paused(switch) = flow.mode {
            match switch {
                Switch::StartTls => flow.secure = true,
                Switch::Compress => flow.compressed = true,
            }
            flow.mode = Mode::Commands;
        }
    }
}

/// A response text from the owner's code and text.
fn response_text<'t>(
    code: Option<Code<'t>>,
    text: &'t str,
) -> Result<ResponseText<'t>, UsageError> {
    let text = if text.is_empty() {
        None
    } else {
        Some(Text::new(text).map_err(|_| UsageError::InvalidText)?)
    };
    ResponseText::new(code, text).map_err(|_| UsageError::InvalidText)
}
