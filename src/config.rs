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
}

impl Default for ParseConfig {
    fn default() -> Self {
        Self {
            max_depth: 64,
            utf8_accept: false,
        }
    }
}

impl ParseConfig {
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
