//! Configuration of the parsers and the serializer.

/// How the parsers read a peer's bytes.
///
/// The defaults follow RFC 9051 with the extensions this crate knows, and a nesting limit of
/// 64 levels (parenthesised lists, body structures, search keys).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseConfig {
    /// Deepest nesting of parenthesised structures accepted before
    /// [`ErrorKind::TooDeep`](crate::ErrorKind::TooDeep).
    pub max_depth: u32,
    /// Whether `UTF8=ACCEPT` (RFC 6855) is in force: mailbox names are then read as raw UTF-8
    /// rather than modified UTF-7.
    pub utf8_accept: bool,
    /// Which deviations from the grammar that real peers send are accepted.
    pub leniency: Leniency,
}

impl Default for ParseConfig {
    fn default() -> Self {
        Self {
            max_depth: 64,
            utf8_accept: false,
            leniency: Leniency::STRICT,
        }
    }
}

/// Deviations from the grammar that deployed servers and clients send, each accepted only when
/// switched on. Serialization never produces any of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Leniency {
    /// `* OK [UIDNEXT 4392]` with neither SP nor text after the code (Gmail, Cyrus; the form
    /// RFC 7162's examples show). Read as a code with no text.
    pub code_without_text: bool,
}

impl Leniency {
    /// Exactly the grammar.
    pub const STRICT: Leniency = Leniency {
        code_without_text: false,
    };
    /// Every known deviation accepted.
    pub const ALL: Leniency = Leniency {
        code_without_text: true,
    };
}

impl ParseConfig {
    /// The default limits with every leniency on: for reading what a real peer sends.
    pub const fn lenient() -> Self {
        Self {
            max_depth: 64,
            utf8_accept: false,
            leniency: Leniency::ALL,
        }
    }

    /// Sets [`ParseConfig::leniency`].
    #[must_use]
    pub const fn with_leniency(mut self, leniency: Leniency) -> Self {
        self.leniency = leniency;
        self
    }

    /// Sets [`ParseConfig::max_depth`].
    #[must_use]
    pub const fn with_max_depth(mut self, max_depth: u32) -> Self {
        self.max_depth = max_depth;
        self
    }

    /// Sets [`ParseConfig::utf8_accept`].
    #[must_use]
    pub const fn with_utf8_accept(mut self, on: bool) -> Self {
        self.utf8_accept = on;
        self
    }
}
