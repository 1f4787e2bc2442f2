//! Configuration of the parsers and the serializer.
//!
//! [`ParseConfig`] holds the limits of the parsers and the [`Leniency`] profile: which
//! deviations from the grammar that deployed peers send are accepted. The profile is a run-time
//! value, so one program can read one peer strictly and another leniently.

use core::fmt;
use core::ops::{BitOr, BitOrAssign, Sub};

/// How the parsers read a peer's bytes.
///
/// The default reads what real peers send: RFC 9051 with the extensions this crate knows, every
/// [`Leniency`] on, and a nesting limit of 64 levels (parenthesised lists, body structures,
/// search keys). [`ParseConfig::strict`] reads exactly the grammar.
///
/// ```
/// use imap_wire::{Leniency, Parse, ParseConfig, Response};
/// let line = b"* STATUS Inbox (MESSAGES 1) \r\n";
/// assert!(Response::parse_with(line, &ParseConfig::strict()).is_err());
/// assert!(Response::parse(line).is_ok());
/// let only_status = ParseConfig::strict().with_leniency(Leniency::STATUS_TRAILING_SPACE);
/// assert!(Response::parse_with(line, &only_status).is_ok());
/// ```
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
    /// The same as [`ParseConfig::lenient`]: what a peer sends is read with every leniency on.
    fn default() -> Self {
        Self::lenient()
    }
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

    /// The default limits with no leniency: exactly the grammar (for conformance checks).
    pub const fn strict() -> Self {
        Self {
            max_depth: 64,
            utf8_accept: false,
            leniency: Leniency::STRICT,
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

/// A set of deviations from the grammar that deployed servers and clients send, each accepted
/// only when in the set. Serialization never produces any of them.
///
/// Each constant names one behaviour; its doc says what is accepted, which peers send it (the
/// rows of the crate's table of real-server behaviours) and what value it is read as. Sets
/// combine with `|` and [`Leniency::union`]; [`Leniency::STRICT`] is the empty set and
/// [`Leniency::ALL`] holds every constant. The set a parsed message needed is reported by
/// [`Parse::parse_report`](crate::Parse::parse_report).
///
/// ```
/// use imap_wire::Leniency;
/// let some = Leniency::STATUS_TRAILING_SPACE | Leniency::CODE_WITHOUT_TEXT;
/// assert!(some.contains(Leniency::CODE_WITHOUT_TEXT));
/// assert!(!some.contains(Leniency::NIL_ENCODING));
/// assert!(Leniency::ALL.contains(some));
/// assert_eq!(some.names().collect::<Vec<_>>(), ["CODE_WITHOUT_TEXT", "STATUS_TRAILING_SPACE"]);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Leniency(u64);

/// Declares the named constants, the table of names and [`Leniency::ALL`].
macro_rules! leniencies {
    ($($(#[doc = $doc:literal])* $name:ident = $bit:literal;)*) => {
        impl Leniency {
            $(
                $(#[doc = $doc])*
                pub const $name: Leniency = Leniency(1 << $bit);
            )*

            /// Every known deviation accepted.
            pub const ALL: Leniency = Leniency(0 $(| (1 << $bit))*);

            /// Each constant with its name, in bit order.
            const NAMED: &'static [(&'static str, Leniency)] = &[$((stringify!($name), Leniency::$name)),*];
        }
    };
}

leniencies! {
    /// `* OK [HIGHESTMODSEQ 13632]` with neither SP nor text after the code (Gmail; the form
    /// RFC 7162's examples show). Read as the code with no text.
    CODE_WITHOUT_TEXT = 0;
    /// `* SEARCH 7456 ` and `* SEARCH ` with a SP before the line end (Yahoo, GreenMail). The
    /// space is ignored.
    SEARCH_TRAILING_SPACE = 1;
    /// `* STATUS Inbox (MESSAGES 1) ` with a SP before the line end (Outlook / Office365). The
    /// space is ignored.
    STATUS_TRAILING_SPACE = 2;
    /// `* CAPABILITY IMAP4rev1 MOVE ` with a SP before the line end (a QQ-like server). The
    /// space is ignored.
    CAPABILITY_TRAILING_SPACE = 3;
    /// Two or more SP where the grammar has one: between list items (`IMAP4rev1␠␠SASL-IR` from
    /// Telekom Hungary), before a FETCH item's value (`RFC822.HEADER␠␠{10275}` from DavMail),
    /// between body structure fields (Lotus Domino). The extra spaces are ignored.
    EXTRA_SPACE = 4;
    /// A SP before the `)` that closes a list: `(\Seen $Forwarded )`, `(UID 19436 )`
    /// (SurgeMail, QQ). The space is ignored.
    SPACE_BEFORE_CLOSE = 5;
    /// A SP between the items of a list the grammar writes without separators: the addresses
    /// of an ENVELOPE field (outlook.com), the parts of a multipart. The space is ignored.
    SPACE_BETWEEN_ADDRESSES = 6;
    /// `+` then the line end, with no SP or text (Yandex, public-inbox-imapd). Read as a
    /// continuation request with empty text, as `+␠` is.
    CONTINUATION_WITHOUT_TEXT = 7;
    /// `* BYE` then the line end, with no SP or text (iCloud). Read as a BYE with empty text,
    /// as `* BYE␠` is.
    BYE_WITHOUT_TEXT = 8;
    /// `\*` in a FLAGS list, where only PERMANENTFLAGS allows it (Zoho, GreenMail). Read as
    /// the extension flag named `*`, which serializes back as `\*`.
    FLAGS_WILDCARD = 9;
    /// `]` inside a keyword of a flag list: `OIB-Seen-[Gmail]/All` (Gmail labels). Read as that
    /// keyword, which serializes back as sent. Not in PERMANENTFLAGS, where `]` closes the code.
    KEYWORD_BRACKET = 10;
    /// Bytes 0x80-0xFF that are not UTF-8 inside a quoted string, without UTF8=ACCEPT
    /// (Dovecot, Cyrus and others pass Latin-1 header text through). Kept as the raw bytes.
    EIGHT_BIT_QUOTED = 11;
    /// NUL bytes inside a quoted string (a server in net-imap#191). Kept as the raw bytes.
    NUL_IN_QUOTED = 12;
    /// A negative `body-fld-octets` or `body-fld-lines` such as `-1` (Exchange or Dovecot), or
    /// a negative `MODSEQ (-1)` (Zoho). Read as 0.
    NEGATIVE_SIZE = 13;
    /// `NIL` as `body-fld-enc` (iCloud, maddy). Read as `7BIT`, the encoding RFC 2045 §6.1
    /// gives a part with no Content-Transfer-Encoding.
    NIL_ENCODING = 14;
    /// `NIL` as `body-fld-lines` of a text part (migadu). Read as 0.
    NIL_LINES = 15;
    /// `NIL` as a body parameter's value: `("boundary" NIL)` (mail.ru). Read as the empty
    /// string.
    NIL_PARAM_VALUE = 16;
    /// `()` as an empty body parameter list (mail.ru, Lotus Domino). Read as `NIL`, the empty
    /// list.
    EMPTY_PARAM_LIST = 17;
    /// `body-fld-dsp` sent as a bare string, `"inline"` for `("inline" NIL)` (Exchange). Read
    /// as that disposition with no parameters.
    BARE_DISPOSITION = 18;
    /// A FETCH item wrapped in an extra pair of parentheses: `(ENVELOPE (...))` (Lotus
    /// Domino). Read as the item inside.
    PARENTHESISED_ITEM = 19;
    /// An empty string between `BODYSTRUCTURE` and its value: `BODYSTRUCTURE "" (...)`
    /// (DavMail). The empty string is ignored.
    EMPTY_STRING_BEFORE_BODY = 20;
    /// `BODY[section]` with no value: `BODY[2] )` (Yandex). Read as `NIL`.
    SECTION_WITHOUT_VALUE = 21;
    /// A bare LF instead of CRLF at the end of a response or command line (the framer reports
    /// it in [`Frame::bare_lf`](crate::framing::Frame::bare_lf)). Read as CRLF.
    BARE_LF = 22;
    /// A FETCH item that does not parse is kept as its raw bytes and its error
    /// ([`MessageAttribute::Malformed`](crate::types::message::MessageAttribute::Malformed))
    /// and the other items of the response are still read. Without it the whole response
    /// fails.
    MALFORMED_ITEM = 23;
    /// A NOTIFY event group whose events stand without their parentheses: `(selected
    /// MessageNew (uid) MessageExpunge)`, as RFC 5465 §3's examples write it (clients that
    /// copy them). Read as `(selected (MessageNew (uid) MessageExpunge))`.
    NOTIFY_BARE_EVENTS = 24;
}

impl Leniency {
    /// Exactly the grammar: the empty set.
    pub const STRICT: Leniency = Leniency(0);

    /// Whether every deviation in `other` is in `self`.
    pub const fn contains(self, other: Leniency) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether the set is empty (strict).
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The deviations in either set.
    #[must_use]
    pub const fn union(self, other: Leniency) -> Leniency {
        Leniency(self.0 | other.0)
    }

    /// The deviations of `self` that are not in `other`.
    #[must_use]
    pub const fn difference(self, other: Leniency) -> Leniency {
        Leniency(self.0 & !other.0)
    }

    /// The set as bits, one per constant (stable only within one version of the crate).
    pub const fn bits(self) -> u64 {
        self.0
    }

    /// The set from bits; bits that name no constant are dropped.
    pub const fn from_bits_truncate(bits: u64) -> Leniency {
        Leniency(bits & Leniency::ALL.0)
    }

    /// Each deviation of the set on its own, in a fixed order.
    pub fn iter(self) -> impl Iterator<Item = Leniency> {
        Self::NAMED
            .iter()
            .filter(move |(_, l)| self.contains(*l))
            .map(|(_, l)| *l)
    }

    /// The names of the set's deviations (as the constants are spelled), in a fixed order.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        Self::NAMED
            .iter()
            .filter(move |(_, l)| self.contains(*l))
            .map(|(n, _)| *n)
    }

    /// The constant spelled `name`, if any.
    pub fn from_name(name: &str) -> Option<Leniency> {
        Self::NAMED
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, l)| *l)
    }
}

impl BitOr for Leniency {
    type Output = Leniency;

    fn bitor(self, rhs: Leniency) -> Leniency {
        self.union(rhs)
    }
}

impl BitOrAssign for Leniency {
    fn bitor_assign(&mut self, rhs: Leniency) {
        *self = self.union(rhs);
    }
}

impl Sub for Leniency {
    type Output = Leniency;

    fn sub(self, rhs: Leniency) -> Leniency {
        self.difference(rhs)
    }
}

impl fmt::Debug for Leniency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("Leniency(STRICT)");
        }
        f.write_str("Leniency(")?;
        for (n, name) in self.names().enumerate() {
            if n > 0 {
                f.write_str(" | ")?;
            }
            f.write_str(name)?;
        }
        f.write_str(")")
    }
}

#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for Leniency {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(Leniency::from_bits_truncate(u64::arbitrary(u)?))
    }
}
