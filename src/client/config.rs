//! The client's configuration: tag prefix, limits, leniencies and the optional mailbox view.

use alloc::borrow::Cow;
use alloc::string::String;

use crate::config::ParseConfig;
use crate::error::{ValidationError, ValidationReason};
use crate::framing::Limits;

/// How a [`Client`](super::Client) behaves. Build it with [`ClientConfig::default`] and the
/// `with_*` setters.
///
/// ```
/// use imap_wire::client::ClientConfig;
/// use imap_wire::framing::Limits;
/// let config = ClientConfig::default()
///     .with_tag_prefix("X")
///     .unwrap()
///     .with_limits(Limits::default().with_max_literal(1 << 20))
///     .with_mailbox_view(true);
/// assert_eq!(config.tag_prefix(), "X");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ClientConfig {
    tag_prefix: Cow<'static, str>,
    /// Size limits on what the server sends (line, literal, message).
    pub limits: Limits,
    /// How responses are parsed; `utf8_accept` is switched on by the machine once
    /// `UTF8=ACCEPT` is enabled. Default: [`ParseConfig::lenient`].
    pub parse: ParseConfig,
    /// Whether [`Client::enqueue`](super::Client::enqueue) refuses a command the connection
    /// state does not allow (default `true`; switch it off to probe odd servers).
    pub refuse_disallowed: bool,
    /// Whether the machine keeps a [`MailboxView`](super::MailboxView) of the selected
    /// mailbox (default `false`: it costs a look at every FETCH response's items).
    pub mailbox_view: bool,
}

impl Default for ClientConfig {
    fn default() -> Self {
        Self {
            tag_prefix: Cow::Borrowed("A"),
            limits: Limits::default(),
            parse: ParseConfig::lenient(),
            refuse_disallowed: true,
            mailbox_view: false,
        }
    }
}

impl ClientConfig {
    /// The prefix of generated tags (`A` gives `A1`, `A2`, ...).
    pub fn tag_prefix(&self) -> &str {
        &self.tag_prefix
    }

    /// Sets the tag prefix.
    ///
    /// # Errors
    /// When the prefix is empty or holds a byte a tag may not hold (RFC 9051 `tag`: any
    /// `ASTRING-CHAR` but `+`), or ends in a digit (tags are the prefix and a number).
    pub fn with_tag_prefix(mut self, prefix: &str) -> Result<Self, ValidationError> {
        crate::types::primitive::Tag::new(prefix)?;
        if prefix.ends_with(|c: char| c.is_ascii_digit()) {
            return Err(ValidationError::new("tag", ValidationReason::Invalid));
        }
        self.tag_prefix = Cow::Owned(String::from(prefix));
        Ok(self)
    }

    /// Sets [`ClientConfig::limits`].
    #[must_use]
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Sets [`ClientConfig::parse`].
    #[must_use]
    pub fn with_parse(mut self, parse: ParseConfig) -> Self {
        self.parse = parse;
        self
    }

    /// Sets [`ClientConfig::refuse_disallowed`].
    #[must_use]
    pub fn with_refuse_disallowed(mut self, on: bool) -> Self {
        self.refuse_disallowed = on;
        self
    }

    /// Sets [`ClientConfig::mailbox_view`].
    #[must_use]
    pub fn with_mailbox_view(mut self, on: bool) -> Self {
        self.mailbox_view = on;
        self
    }
}
