//! What the framer hands out: complete messages, literal announcements and limit errors.

use core::fmt;

/// The form of a literal announcement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LiteralKind {
    /// `{n+}`: the sender does not wait for `+` (RFC 7888).
    pub non_sync: bool,
    /// `~{n}`: a `literal8` that may hold NUL (RFC 3516).
    pub binary: bool,
}

/// A literal inside a framed message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LiteralSpan {
    /// Offset in the message of the literal's first data byte.
    pub start: usize,
    /// Number of data bytes.
    pub len: u64,
    /// How it was announced.
    pub kind: LiteralKind,
}

/// One complete message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frame<'f> {
    /// The message's bytes, from its first byte to the LF that ends it.
    pub bytes: &'f [u8],
    /// Offset of the message in the stream.
    pub offset: u64,
    /// The literals the message holds, in order.
    pub literals: &'f [LiteralSpan],
    /// Whether some line of the message ended in a bare LF instead of CRLF.
    pub bare_lf: bool,
}

/// A literal announced by the peer, before any of its data (only for [`Role::Commands`](super::Role::Commands)).
///
/// For a synchronising literal the client waits for the server's `+`; the owner either sends
/// it or rejects the literal with [`Framer::reject_literal`](super::Framer::reject_literal) (and answers the command with a
/// tagged NO or BAD), in which case the client does not send the data and the framer treats
/// the message as ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LiteralAnnouncement<'f> {
    /// The message so far, up to and including the announcing line.
    pub message: &'f [u8],
    /// Offset of the message in the stream.
    pub offset: u64,
    /// Number of data bytes announced.
    pub len: u64,
    /// How it was announced.
    pub kind: LiteralKind,
}

/// Which limit a rejected message broke.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FrameErrorKind {
    /// A line is longer than [`Limits::max_line`](super::Limits::max_line).
    LineTooLong {
        /// The limit.
        limit: usize,
    },
    /// A literal is larger than [`Limits::max_literal`](super::Limits::max_literal).
    LiteralTooLarge {
        /// The announced size.
        len: u64,
        /// The limit.
        limit: u64,
    },
    /// The message is larger than [`Limits::max_message`](super::Limits::max_message).
    MessageTooLarge {
        /// The limit.
        limit: u64,
    },
    /// The message announces more literals than [`Limits::max_literals`](super::Limits::max_literals).
    TooManyLiterals {
        /// The limit.
        limit: usize,
    },
}

/// A message was rejected; the framer skips the rest of it and goes on with the next one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrameError<'f> {
    /// Which limit was broken.
    pub kind: FrameErrorKind,
    /// Offset in the stream of the rejected message's first byte.
    pub offset: u64,
    /// Offset in the stream where the limit was found broken.
    pub at: u64,
    /// The first bytes of the rejected message (at most 256), enough to read its tag.
    pub head: &'f [u8],
}

impl fmt::Display for FrameError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            FrameErrorKind::LineTooLong { limit } => write!(f, "line longer than {limit} bytes")?,
            FrameErrorKind::LiteralTooLarge { len, limit } => {
                write!(f, "literal of {len} bytes exceeds the limit of {limit}")?;
            }
            FrameErrorKind::MessageTooLarge { limit } => {
                write!(f, "message larger than {limit} bytes")?;
            }
            FrameErrorKind::TooManyLiterals { limit } => {
                write!(f, "message with more than {limit} literals")?;
            }
        }
        write!(
            f,
            " (message at byte {}, detected at byte {})",
            self.offset, self.at
        )
    }
}

/// What the framer produced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameEvent<'f> {
    /// A complete message.
    Message(Frame<'f>),
    /// A literal was announced and its data has not been read yet ([`Role::Commands`](super::Role::Commands) only).
    LiteralAnnounced(LiteralAnnouncement<'f>),
    /// A message broke a limit and is being skipped.
    Error(FrameError<'f>),
}
