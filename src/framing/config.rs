//! The framer's configuration: whose messages it frames and its size limits.

/// Which side's messages are being framed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Role {
    /// What a client sends: commands, AUTHENTICATE responses, `DONE` (a server frames these).
    Commands,
    /// What a server sends: greeting, responses, continuation requests (a client frames these).
    Responses,
}

/// Size limits of the framer. Each has a default fit for a mail client or server; a peer that
/// exceeds one gets its message rejected, never buffered past the limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Limits {
    /// Longest line in bytes, line end included (default 1 MiB).
    pub max_line: usize,
    /// Largest literal in bytes (default 64 MiB).
    pub max_literal: u64,
    /// Largest message in bytes: all lines and literals together (default 80 MiB).
    pub max_message: u64,
    /// Most literals in one message (default 4096).
    pub max_literals: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_line: 1 << 20,
            max_literal: 64 << 20,
            max_message: 80 << 20,
            max_literals: 4096,
        }
    }
}

impl Limits {
    /// Sets [`Limits::max_line`].
    #[must_use]
    pub const fn with_max_line(mut self, n: usize) -> Self {
        self.max_line = n;
        self
    }

    /// Sets [`Limits::max_literal`].
    #[must_use]
    pub const fn with_max_literal(mut self, n: u64) -> Self {
        self.max_literal = n;
        self
    }

    /// Sets [`Limits::max_literals`].
    #[must_use]
    pub const fn with_max_literals(mut self, n: usize) -> Self {
        self.max_literals = n;
        self
    }

    /// Sets [`Limits::max_message`].
    #[must_use]
    pub const fn with_max_message(mut self, n: u64) -> Self {
        self.max_message = n;
        self
    }
}

/// Configuration of a [`Framer`](super::Framer).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct FramerConfig {
    /// Whose messages are framed.
    pub role: Role,
    /// Size limits.
    pub limits: Limits,
    /// Whether a bare LF (no CR before it) ends a line, as some peers send (default `true`).
    /// Such a frame has [`Frame::bare_lf`](super::Frame::bare_lf) set, and its parser needs
    /// [`Leniency::BARE_LF`](crate::Leniency::BARE_LF). When `false`, only CRLF ends a line
    /// and a bare LF is one more byte of it.
    pub lf_ends_line: bool,
}

impl FramerConfig {
    /// The default limits for `role`.
    pub fn new(role: Role) -> Self {
        Self {
            role,
            limits: Limits::default(),
            lf_ends_line: true,
        }
    }

    /// Sets [`FramerConfig::lf_ends_line`].
    #[must_use]
    pub const fn with_lf_ends_line(mut self, on: bool) -> Self {
        self.lf_ends_line = on;
        self
    }

    /// Sets [`FramerConfig::limits`].
    #[must_use]
    pub const fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }
}
