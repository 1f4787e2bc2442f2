//! What the server machine hands its owner: events (borrowed from the machine's buffer),
//! command handles, and the errors of each side.

use alloc::borrow::Cow;
use core::fmt;

use crate::error::ParseError;
use crate::framing::FrameErrorKind;
use crate::owned::IntoStatic;
use crate::session::State;
use crate::types::auth::{Base64, Secret};
use crate::types::command::Command;
use crate::types::primitive::{Atom, Tag};

/// Names a command in flight: the owner passes it back with the command's data and
/// completion. Opaque; never reused within a connection.
#[must_use]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CommandHandle(pub(crate) u64);

/// A transport change at an exact byte of the stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Switch {
    /// STARTTLS was answered OK: start the TLS handshake.
    StartTls,
    /// `COMPRESS DEFLATE` was answered OK: both directions are compressed from here (RFC
    /// 4978).
    Compress,
}

/// A literal announced by the client, before any of its bytes arrive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiteralRequest<'a> {
    /// The command's tag.
    pub tag: Tag<'a>,
    /// The command's name as sent (`APPEND`, `LOGIN`, ...), when it can be read.
    pub command: Option<Atom<'a>>,
    /// Number of bytes announced.
    pub len: u64,
    /// Whether it is non-synchronising (`{n+}`): its bytes come without a `+`.
    pub non_sync: bool,
    /// Whether the machine waits for [`Server::accept_literal`](super::Server::accept_literal)
    /// or [`Server::reject_literal`](super::Server::reject_literal); when `false` it has
    /// accepted the literal on its own (within its limit).
    pub awaiting_decision: bool,
}

/// What the client did wrong. The machine has already answered it; the event is for logging.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProtocolErrorKind {
    /// The command does not parse: answered `tag BAD` (or `* BAD` without a readable tag).
    Malformed(ParseError),
    /// The command is not allowed in this state: answered with the configured refusal.
    NotAllowed(State),
    /// LOGIN on an insecure transport while `LOGINDISABLED`: answered `NO`.
    LoginDisabled,
    /// A framing limit was broken (line, literal, message or literal count).
    Limit(FrameErrorKind),
    /// A literal over the limit of its command (APPEND's or the others').
    LiteralTooLarge {
        /// Bytes announced.
        len: u64,
        /// The limit.
        limit: u64,
    },
    /// A non-synchronising literal that was not advertised.
    NonSyncLiteral,
    /// More commands than [`ServerLimits::max_in_flight`](super::ServerLimits::max_in_flight).
    TooManyInFlight,
    /// A line in an AUTHENTICATE exchange that is neither base64 nor `*`.
    BadAuthenticateLine,
    /// A line other than `DONE` during IDLE.
    ExpectedDone,
    /// A literal inside a line that cannot hold one (an AUTHENTICATE or IDLE line).
    UnexpectedLiteral,
}

/// What happened to the connection because of a [`ProtocolError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Disposition {
    /// The offending message was answered and dropped; the connection goes on.
    Discarded,
    /// The machine sent `* BYE`: the connection is ending.
    Poisoned,
}

/// The client misbehaved. Never caused by the owner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProtocolError<'a> {
    /// What was wrong.
    pub kind: ProtocolErrorKind,
    /// The command's tag, when one could be read.
    pub tag: Option<Tag<'a>>,
    /// The start of the offending message (it may hold credentials).
    pub bytes: Secret<Cow<'a, [u8]>>,
    /// What happened next.
    pub disposition: Disposition,
}

impl fmt::Display for ProtocolErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Malformed(e) => write!(f, "malformed command: {e}"),
            Self::NotAllowed(state) => write!(f, "command not allowed in state {state:?}"),
            Self::LoginDisabled => f.write_str("login refused on an insecure transport"),
            Self::Limit(kind) => write!(f, "limit broken: {kind:?}"),
            Self::LiteralTooLarge { len, limit } => {
                write!(f, "literal of {len} bytes exceeds the limit of {limit}")
            }
            Self::NonSyncLiteral => f.write_str("non-synchronising literal not advertised"),
            Self::TooManyInFlight => f.write_str("too many commands in flight"),
            Self::BadAuthenticateLine => f.write_str("malformed authenticate response"),
            Self::ExpectedDone => f.write_str("expected DONE"),
            Self::UnexpectedLiteral => f.write_str("literal where none may stand"),
        }
    }
}

impl fmt::Display for ProtocolError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.kind.fmt(f)?;
        if let Some(tag) = &self.tag {
            write!(f, " (tag {})", tag.as_str())?;
        }
        Ok(())
    }
}

impl core::error::Error for ProtocolError<'_> {}

/// What the server machine produced. Borrows from the machine until its next `&mut` call;
/// keep one with [`IntoStatic::into_static`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Event<'a> {
    /// A command allowed in the current state: answer it with
    /// [`data`](super::Server::data) and [`complete`](super::Server::complete).
    Command {
        /// Names the command in the answers.
        handle: CommandHandle,
        /// The command.
        command: Command<'a>,
    },
    /// A literal was announced and is within its limits (see
    /// [`LiteralRequest::awaiting_decision`]); one over its limit is answered by the machine
    /// and reported as [`Event::Error`].
    LiteralAnnounced(LiteralRequest<'a>),
    /// A response in an AUTHENTICATE exchange.
    AuthenticateData {
        /// The AUTHENTICATE command.
        handle: CommandHandle,
        /// The client's data.
        data: Secret<Base64<'a>>,
    },
    /// The client cancelled an AUTHENTICATE exchange with `*`; the machine answered `BAD`
    /// and the command is no longer in flight.
    AuthenticateCancelled {
        /// The AUTHENTICATE command.
        handle: CommandHandle,
    },
    /// The client ended IDLE: complete the IDLE command.
    IdleDone {
        /// The IDLE command.
        handle: CommandHandle,
    },
    /// The transport changes here: send what [`transmit`](super::Server::transmit) holds,
    /// switch, hand the bytes from [`take_unconsumed`](super::Server::take_unconsumed) to the
    /// new layer (or drop them), then call [`resume`](super::Server::resume).
    TransportSwitch(Switch),
    /// The client misbehaved; the machine has answered (for logging).
    Error(ProtocolError<'a>),
    /// The connection is over (LOGOUT answered, or `* BYE` sent): send what
    /// [`transmit`](super::Server::transmit) holds, then close.
    Closed,
}

impl IntoStatic for Event<'_> {
    type Static = Event<'static>;

    fn into_static(self) -> Event<'static> {
        match self {
            Self::Command { handle, command } => Event::Command {
                handle,
                command: command.into_static(),
            },
            Self::LiteralAnnounced(r) => Event::LiteralAnnounced(LiteralRequest {
                tag: r.tag.into_static(),
                command: r.command.map(IntoStatic::into_static),
                len: r.len,
                non_sync: r.non_sync,
                awaiting_decision: r.awaiting_decision,
            }),
            Self::AuthenticateData { handle, data } => Event::AuthenticateData {
                handle,
                data: data.into_static(),
            },
            Self::AuthenticateCancelled { handle } => Event::AuthenticateCancelled { handle },
            Self::IdleDone { handle } => Event::IdleDone { handle },
            Self::TransportSwitch(s) => Event::TransportSwitch(s),
            Self::Error(e) => Event::Error(ProtocolError {
                kind: e.kind,
                tag: e.tag.map(IntoStatic::into_static),
                bytes: e.bytes.into_static(),
                disposition: e.disposition,
            }),
            Self::Closed => Event::Closed,
        }
    }
}

/// The owner called the machine out of order. Never caused by the client's bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UsageError {
    /// The handle names no command in flight (never delivered, or already completed).
    UnknownHandle,
    /// The greeting was already sent, or a response came before it.
    Greeting,
    /// A continuation request for a command that cannot take one now.
    NoContinuationExpected,
    /// No literal announcement waits for a decision.
    NoLiteralPending,
    /// IDLE cannot complete before the client's `DONE` once `+` was sent.
    IdleNotDone,
    /// The text holds CR, LF or NUL, or would read back as a response code.
    InvalidText,
    /// `VANISHED` before the client enabled QRESYNC.
    QresyncNotEnabled,
    /// The connection is closed.
    Closed,
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::UnknownHandle => "no command in flight has this handle",
            Self::Greeting => "the greeting must be sent first and once",
            Self::NoContinuationExpected => "the command cannot take a continuation request now",
            Self::NoLiteralPending => "no literal waits for a decision",
            Self::IdleNotDone => "idle completed before the client's done",
            Self::InvalidText => "the text cannot be written in a response",
            Self::QresyncNotEnabled => "vanished sent before qresync was enabled",
            Self::Closed => "the connection is closed",
        })
    }
}

impl core::error::Error for UsageError {}
