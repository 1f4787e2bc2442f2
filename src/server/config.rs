//! The server machine's configuration: limits, which literal forms and extensions it honours,
//! and how it answers what it refuses on its own.

use crate::framing::Limits;
use crate::types::response::StatusKind;

/// Which non-synchronising literals the server accepts (RFC 7888). Advertise the matching
/// capability (`LITERAL+` or `LITERAL-`); [`Server::capabilities`](super::Server::capabilities)
/// does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NonSyncLiterals {
    /// None: every literal waits for `+`. A `{n+}` is a protocol error; its bytes are read
    /// and dropped, and the command is answered `BAD`.
    #[default]
    Refused,
    /// `LITERAL-`: non-synchronising literals of at most 4096 bytes.
    UpTo4096,
    /// `LITERAL+`: non-synchronising literals of any size up to the limits.
    Any,
}

/// What happens to a non-synchronising literal over its limit: the client sends its bytes
/// without waiting, so they are on their way whatever the server says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OversizeAction {
    /// Read the bytes and drop them (never buffering them), answer the command `NO`, go on.
    #[default]
    Discard,
    /// Send `* BYE` and end the connection.
    Disconnect,
}

/// The extensions a client may turn on with ENABLE (RFC 5161); the server answers `ENABLED`
/// with those of the request that are set here.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Extensions {
    /// `UTF8=ACCEPT` (RFC 6855): strings and mailbox names may hold UTF-8.
    pub utf8_accept: bool,
    /// `CONDSTORE` (RFC 7162).
    pub condstore: bool,
    /// `QRESYNC` (RFC 7162; enabling it enables CONDSTORE too): `VANISHED` may be sent.
    pub qresync: bool,
}

impl Extensions {
    /// Every extension the machine knows.
    pub const ALL: Extensions = Extensions {
        utf8_accept: true,
        condstore: true,
        qresync: true,
    };

    /// Those set in both.
    #[must_use]
    pub const fn intersect(self, other: Extensions) -> Extensions {
        Extensions {
            utf8_accept: self.utf8_accept && other.utf8_accept,
            condstore: self.condstore && other.condstore,
            qresync: self.qresync && other.qresync,
        }
    }

    /// Those set in either.
    #[must_use]
    pub const fn union(self, other: Extensions) -> Extensions {
        Extensions {
            utf8_accept: self.utf8_accept || other.utf8_accept,
            condstore: self.condstore || other.condstore,
            qresync: self.qresync || other.qresync,
        }
    }
}

/// Limits on what a client may send. A message over a limit is answered and dropped without
/// being buffered past the limit; the connection goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ServerLimits {
    /// Longest command line in bytes, CRLF included (default 64 KiB).
    pub max_line: usize,
    /// Largest literal in any command but APPEND and REPLACE (default 1 MiB).
    pub max_literal: u64,
    /// Largest literal in APPEND, REPLACE and UID REPLACE: the message being stored (default
    /// 64 MiB).
    pub max_append_literal: u64,
    /// Largest command, lines and literals together (default 80 MiB).
    pub max_message: u64,
    /// Deepest nesting of parentheses in a command (default 32).
    pub max_depth: u32,
    /// Most commands delivered and not yet completed (default 32). A command past it is
    /// answered `NO [LIMIT]`.
    pub max_in_flight: usize,
    /// Most literals in one command (default 256).
    pub max_literals: usize,
}

impl Default for ServerLimits {
    fn default() -> Self {
        Self {
            max_line: 64 << 10,
            max_literal: 1 << 20,
            max_append_literal: 64 << 20,
            max_message: 80 << 20,
            max_depth: 32,
            max_in_flight: 32,
            max_literals: 256,
        }
    }
}

impl ServerLimits {
    /// The framer's limits. Literal sizes are left to the machine, which applies the limit
    /// of each command (and the configured [`OversizeAction`]) when a literal is announced.
    pub(crate) fn framing(&self) -> Limits {
        Limits::default()
            .with_max_line(self.max_line)
            .with_max_literal(u64::MAX)
            .with_max_message(self.max_message)
            .with_max_literals(self.max_literals)
    }
}

/// Configuration of a [`Server`](super::Server).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ServerConfig {
    /// Size and count limits.
    pub limits: ServerLimits,
    /// Which non-synchronising literals are honoured.
    pub non_sync_literals: NonSyncLiterals,
    /// What happens to a non-synchronising literal over its limit.
    pub oversize: OversizeAction,
    /// Whether a synchronising literal within its limit waits for the owner's
    /// [`accept_literal`](super::Server::accept_literal) or
    /// [`reject_literal`](super::Server::reject_literal) (`true`), or is accepted at once
    /// (`false`, the default). Either way it is announced as an event first.
    pub ask_literals: bool,
    /// How a command not allowed in the current state is answered (default `BAD`).
    pub refusal: StatusKind,
    /// Whether the transport is secure (TLS from the first byte). STARTTLS makes it so.
    pub secure: bool,
    /// Whether LOGIN is refused (`LOGINDISABLED`) while the transport is not secure.
    pub login_requires_tls: bool,
    /// Whether STARTTLS is offered (it is refused once the transport is secure).
    pub starttls: bool,
    /// Whether `COMPRESS=DEFLATE` is offered (RFC 4978).
    pub compress: bool,
    /// Whether IDLE is offered (RFC 2177).
    pub idle: bool,
    /// Whether SASL-IR is offered (RFC 4959): AUTHENTICATE may carry an initial response.
    pub sasl_ir: bool,
    /// Which extensions ENABLE may turn on.
    pub enable: Extensions,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            limits: ServerLimits::default(),
            non_sync_literals: NonSyncLiterals::Refused,
            oversize: OversizeAction::Discard,
            ask_literals: false,
            refusal: StatusKind::Bad,
            secure: false,
            login_requires_tls: false,
            starttls: false,
            compress: false,
            idle: true,
            sasl_ir: true,
            enable: Extensions::ALL,
        }
    }
}

/// Builder methods `with_*` that set one field each.
macro_rules! setters {
    ($target:ident { $($(#[$doc:meta])* $name:ident: $field:ident: $ty:ty;)* }) => {
        impl $target {
            $(
                $(#[$doc])*
                #[must_use]
                pub const fn $name(mut self, value: $ty) -> Self {
                    self.$field = value;
                    self
                }
            )*
        }
    };
}

setters! {
    ServerConfig {
    /// Sets [`ServerConfig::limits`].
    with_limits: limits: ServerLimits;
    /// Sets [`ServerConfig::non_sync_literals`].
    with_non_sync_literals: non_sync_literals: NonSyncLiterals;
    /// Sets [`ServerConfig::oversize`].
    with_oversize: oversize: OversizeAction;
    /// Sets [`ServerConfig::ask_literals`].
    with_ask_literals: ask_literals: bool;
    /// Sets [`ServerConfig::refusal`].
    with_refusal: refusal: StatusKind;
    /// Sets [`ServerConfig::secure`].
    with_secure: secure: bool;
    /// Sets [`ServerConfig::login_requires_tls`].
    with_login_requires_tls: login_requires_tls: bool;
    /// Sets [`ServerConfig::starttls`].
    with_starttls: starttls: bool;
    /// Sets [`ServerConfig::compress`].
    with_compress: compress: bool;
    /// Sets [`ServerConfig::idle`].
    with_idle: idle: bool;
    /// Sets [`ServerConfig::sasl_ir`].
    with_sasl_ir: sasl_ir: bool;
    /// Sets [`ServerConfig::enable`].
    with_enable: enable: Extensions;
    }
}

setters! {
    ServerLimits {
    /// Sets [`ServerLimits::max_line`].
    with_max_line: max_line: usize;
    /// Sets [`ServerLimits::max_literal`].
    with_max_literal: max_literal: u64;
    /// Sets [`ServerLimits::max_append_literal`].
    with_max_append_literal: max_append_literal: u64;
    /// Sets [`ServerLimits::max_message`].
    with_max_message: max_message: u64;
    /// Sets [`ServerLimits::max_depth`].
    with_max_depth: max_depth: u32;
    /// Sets [`ServerLimits::max_in_flight`].
    with_max_in_flight: max_in_flight: usize;
    /// Sets [`ServerLimits::max_literals`].
    with_max_literals: max_literals: usize;
    }
}
