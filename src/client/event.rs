//! What the client machine reports: [`Event`]s about the server's side of the conversation,
//! [`ProtocolError`]s when the server misbehaves, and [`UsageError`]s when the caller does.
//!
//! Events borrow from the machine's receive buffer until the next `&mut` call; keep one with
//! [`IntoStatic::into_static`].

use alloc::borrow::Cow;
use alloc::vec::Vec;
use core::fmt;

use crate::error::ParseError;
use crate::framing::FrameErrorKind;
use crate::owned::IntoStatic;
use crate::session::{Scope, State};
use crate::types::code::Code;
use crate::types::primitive::Text;
use crate::types::response::{Continuation, Data, Greeting, StatusKind, Tagged};

/// A command accepted by [`Client::enqueue`](super::Client::enqueue). Its completion and
/// the flow events of its exchange carry the same handle; never correlate by raw tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[must_use]
pub struct CommandHandle(pub(crate) u64);

impl CommandHandle {
    /// The number in the command's tag (the tag is the configured prefix and this number).
    pub fn number(self) -> u64 {
        self.0
    }
}

/// Which transport change the server agreed to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SwitchKind {
    /// `STARTTLS` (RFC 9051 §6.2.1): TLS starts on the next byte in both directions.
    StartTls,
    /// `COMPRESS DEFLATE` (RFC 4978): compression starts on the next byte in both directions.
    Compress,
}

/// Something the server did, in the order it did it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Event<'a> {
    /// The server's first line. `PREAUTH` moves to the authenticated state, `BYE` to logout.
    GreetingReceived(Greeting<'a>),
    /// Untagged data (`* 3 EXISTS`, `* LIST ...`, `* 1 FETCH ...`).
    DataReceived {
        /// The oldest command in progress when it arrived, if any (under pipelining, data
        /// may belong to any command in progress).
        handle: Option<CommandHandle>,
        /// The data.
        data: Data<'a>,
    },
    /// Untagged status (`* OK [UIDVALIDITY 3857529045] UIDs valid`, `* NO [ALERT] ...`).
    StatusReceived {
        /// The oldest command in progress when it arrived, if any.
        handle: Option<CommandHandle>,
        /// `OK`, `NO` or `BAD`.
        status: StatusKind,
        /// The response code.
        code: Option<Code<'a>>,
        /// The human-readable text.
        text: Option<Text<'a>>,
    },
    /// A command completed with a tagged `OK`, `NO` or `BAD`. A command whose synchronising
    /// literal the server refused completes here with `NO` or `BAD`, and nothing more of it
    /// was sent.
    Completed {
        /// The command.
        handle: CommandHandle,
        /// `OK`, `NO` or `BAD`.
        status: StatusKind,
        /// The response code.
        code: Option<Code<'a>>,
        /// The human-readable text.
        text: Option<Text<'a>>,
    },
    /// An AUTHENTICATE challenge, decoded from base64. Answer with
    /// [`Client::authenticate_continue`](super::Client::authenticate_continue) or
    /// [`Client::authenticate_cancel`](super::Client::authenticate_cancel).
    AuthenticateChallenge {
        /// The AUTHENTICATE command.
        handle: CommandHandle,
        /// The challenge's bytes (empty for `+ ` with nothing after it).
        challenge: Vec<u8>,
    },
    /// The server accepted IDLE (`+`): updates follow as events until
    /// [`Client::idle_done`](super::Client::idle_done).
    IdleAccepted {
        /// The IDLE command.
        handle: CommandHandle,
    },
    /// The server agreed to change the transport. The machine stopped reading at the byte
    /// after the tagged `OK`; bytes received past it are returned by
    /// [`Client::take_unconsumed`](super::Client::take_unconsumed). Whatever
    /// [`Client::transmit`](super::Client::transmit) still holds was released before the
    /// switch and goes out on the old transport; nothing more is released until
    /// [`Client::transport_switched`](super::Client::transport_switched), to call once the new
    /// transport is up.
    TransportSwitch {
        /// The STARTTLS or COMPRESS command.
        handle: CommandHandle,
        /// Which change.
        kind: SwitchKind,
        /// Offset in the received stream of the first byte of the new transport.
        offset: u64,
    },
    /// `* BYE`: the server is closing the connection; the state is now logout.
    ByeReceived {
        /// The response code.
        code: Option<Code<'a>>,
        /// The human-readable text.
        text: Option<Text<'a>>,
    },
    /// A command ended without a completion from the server: the connection closed first.
    Aborted {
        /// The command.
        handle: CommandHandle,
    },
    /// The server misbehaved. Unless [`ProtocolError::is_fatal`], the message was skipped
    /// and the machine goes on.
    ProtocolError(ProtocolError<'a>),
    /// The connection ended (after [`Client::receive_eof`](super::Client::receive_eof), or a
    /// fatal protocol error). Nothing follows.
    Closed,
}

/// How the server broke the protocol.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProtocolError<'a> {
    /// A tagged response whose tag names no command in progress.
    UnknownTag(Tagged<'a>),
    /// A response that does not parse; it was skipped.
    Malformed(Unparsed<'a>),
    /// A response that broke a configured limit; it was skipped without being buffered.
    TooLarge {
        /// Which limit.
        kind: FrameErrorKind,
        /// Offset of the response in the received stream.
        offset: u64,
        /// Its first bytes (at most 256).
        head: Cow<'a, [u8]>,
    },
    /// A continuation request (`+`) while nothing waited for one.
    UnexpectedContinuation(Continuation<'a>),
    /// The greeting does not parse: the connection cannot go on (fatal).
    BadGreeting(Unparsed<'a>),
    /// The connection ended inside a response (fatal).
    Truncated {
        /// How many bytes of the unfinished response were received.
        len: usize,
    },
}

/// A message that did not parse: its bytes as received and the parser's error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unparsed<'a> {
    /// The message's bytes, as received.
    pub bytes: Cow<'a, [u8]>,
    /// Where and why parsing failed.
    pub error: ParseError,
}

impl IntoStatic for Unparsed<'_> {
    type Static = Unparsed<'static>;

    fn into_static(self) -> Unparsed<'static> {
        Unparsed {
            bytes: self.bytes.into_static(),
            error: self.error,
        }
    }
}

impl ProtocolError<'_> {
    /// Whether the connection cannot go on.
    pub fn is_fatal(&self) -> bool {
        matches!(self, Self::BadGreeting(_) | Self::Truncated { .. })
    }
}

impl fmt::Display for ProtocolError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownTag(t) => write!(f, "tagged response for unknown tag {}", t.tag.as_str()),
            Self::Malformed(u) => write!(f, "malformed response: {}", u.error),
            Self::TooLarge { kind, offset, .. } => {
                write!(f, "response at byte {offset} over a limit: {kind:?}")
            }
            Self::UnexpectedContinuation(_) => {
                f.write_str("continuation request nobody waited for")
            }
            Self::BadGreeting(u) => write!(f, "malformed greeting: {}", u.error),
            Self::Truncated { len } => {
                write!(f, "connection ended {len} bytes into a response")
            }
        }
    }
}

impl core::error::Error for ProtocolError<'_> {}

/// A mistake in how the caller drives the machine. Never caused by the server's bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UsageError {
    /// The command is not allowed in the state the connection will be in when it is sent.
    NotAllowed {
        /// That state.
        state: State,
        /// The states the command needs.
        scope: Scope,
    },
    /// The connection is ending or ended: nothing more can be sent.
    Closed,
    /// No AUTHENTICATE challenge is waiting for an answer.
    NoChallenge,
    /// No IDLE is in progress, or DONE was already requested.
    NotIdling,
    /// No transport switch is pending.
    NoSwitch,
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotAllowed { state, scope } => {
                write!(
                    f,
                    "a command of scope {scope:?} is not allowed in state {state:?}"
                )
            }
            Self::Closed => f.write_str("the connection is closed"),
            Self::NoChallenge => f.write_str("no authenticate challenge is waiting"),
            Self::NotIdling => f.write_str("no idle is in progress"),
            Self::NoSwitch => f.write_str("no transport switch is pending"),
        }
    }
}

impl core::error::Error for UsageError {}

impl IntoStatic for Event<'_> {
    type Static = Event<'static>;

    fn into_static(self) -> Event<'static> {
        match self {
            Self::GreetingReceived(g) => Event::GreetingReceived(g.into_static()),
            Self::DataReceived { handle, data } => Event::DataReceived {
                handle,
                data: data.into_static(),
            },
            Self::StatusReceived {
                handle,
                status,
                code,
                text,
            } => Event::StatusReceived {
                handle,
                status,
                code: code.into_static(),
                text: text.into_static(),
            },
            Self::Completed {
                handle,
                status,
                code,
                text,
            } => Event::Completed {
                handle,
                status,
                code: code.into_static(),
                text: text.into_static(),
            },
            Self::AuthenticateChallenge { handle, challenge } => {
                Event::AuthenticateChallenge { handle, challenge }
            }
            Self::IdleAccepted { handle } => Event::IdleAccepted { handle },
            Self::TransportSwitch {
                handle,
                kind,
                offset,
            } => Event::TransportSwitch {
                handle,
                kind,
                offset,
            },
            Self::ByeReceived { code, text } => Event::ByeReceived {
                code: code.into_static(),
                text: text.into_static(),
            },
            Self::Aborted { handle } => Event::Aborted { handle },
            Self::ProtocolError(e) => Event::ProtocolError(e.into_static()),
            Self::Closed => Event::Closed,
        }
    }
}

impl IntoStatic for ProtocolError<'_> {
    type Static = ProtocolError<'static>;

    fn into_static(self) -> ProtocolError<'static> {
        match self {
            Self::UnknownTag(t) => ProtocolError::UnknownTag(t.into_static()),
            Self::Malformed(u) => ProtocolError::Malformed(u.into_static()),
            Self::TooLarge { kind, offset, head } => ProtocolError::TooLarge {
                kind,
                offset,
                head: head.into_static(),
            },
            Self::UnexpectedContinuation(c) => {
                ProtocolError::UnexpectedContinuation(c.into_static())
            }
            Self::BadGreeting(u) => ProtocolError::BadGreeting(u.into_static()),
            Self::Truncated { len } => ProtocolError::Truncated { len },
        }
    }
}
