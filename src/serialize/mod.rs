//! The serializer: writes values as IMAP bytes into a buffer the caller keeps.
//!
//! An [`Encoder`] owns an output buffer and the list of points where the output must pause for
//! a `+` continuation (after each synchronising literal's `{n}\r\n`). The caller reuses one
//! encoder, so writing a value allocates nothing once the buffer has grown. Output is always
//! strict: it parses back to the value written.
//!
//! Strings are written by content: as an atom where the grammar allows one and the content is
//! an atom, as a quoted string when the content has no CR, LF, NUL or 8-bit byte (8-bit UTF-8
//! is quoted only when [`EncodeConfig::utf8_accept`] is on), and as a literal otherwise.

pub(crate) mod acl;
pub(crate) mod append;
pub(crate) mod body;
pub(crate) mod capability;
pub(crate) mod catenate;
pub(crate) mod code;
pub(crate) mod command;
pub(crate) mod condstore;
pub(crate) mod datetime;
pub(crate) mod envelope;
pub(crate) mod esearch;
pub(crate) mod extension;
pub(crate) mod fetch;
pub(crate) mod flag;
pub(crate) mod i18n;
pub(crate) mod id;
pub(crate) mod list_args;
pub(crate) mod listing;
pub(crate) mod mailbox;
pub(crate) mod mailbox_data;
pub(crate) mod message;
pub(crate) mod metadata;
pub(crate) mod notify;
pub(crate) mod primitive;
pub(crate) mod quota;
pub(crate) mod referral;
pub(crate) mod response;
pub(crate) mod search;
pub(crate) mod search_ext;
pub(crate) mod sequence;
pub(crate) mod sort;
pub(crate) mod status;
pub(crate) mod tagged_ext;
pub(crate) mod urlauth;

use alloc::vec::Vec;

use crate::chars::{is_astring_char, is_quoted_char};

/// Which literal forms the peer accepts (RFC 7888).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LiteralMode {
    /// Synchronising literals only: `{n}`, then wait for `+`. Servers always use this form.
    #[default]
    Sync,
    /// `LITERAL+`: every literal may be non-synchronising, `{n+}`.
    NonSync,
    /// `LITERAL-`: non-synchronising literals of at most 4096 bytes; larger ones synchronise.
    NonSyncUpTo4096,
}

/// How values are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct EncodeConfig {
    /// Which literal forms to use.
    pub literal_mode: LiteralMode,
    /// Whether `UTF8=ACCEPT` is in force: UTF-8 may then go in quoted strings, and mailbox
    /// names are written as UTF-8 instead of modified UTF-7.
    pub utf8_accept: bool,
}

impl EncodeConfig {
    /// Sets [`EncodeConfig::literal_mode`].
    #[must_use]
    pub const fn with_literal_mode(mut self, mode: LiteralMode) -> Self {
        self.literal_mode = mode;
        self
    }

    /// Sets [`EncodeConfig::utf8_accept`].
    #[must_use]
    pub const fn with_utf8_accept(mut self, on: bool) -> Self {
        self.utf8_accept = on;
        self
    }
}

/// A value that can be written as IMAP bytes.
pub trait Encode {
    /// Appends the value's bytes to `enc`.
    fn encode(&self, enc: &mut Encoder);
}

impl<T: Encode + ?Sized> Encode for &T {
    fn encode(&self, enc: &mut Encoder) {
        (**self).encode(enc);
    }
}

/// Writes `value` with the default configuration and returns the bytes.
///
/// ```
/// let atom = imap_wire::Atom::new("NOOP").unwrap();
/// assert_eq!(imap_wire::to_vec(&atom), b"NOOP");
/// ```
pub fn to_vec<T: Encode + ?Sized>(value: &T) -> Vec<u8> {
    let mut enc = Encoder::new(EncodeConfig::default());
    value.encode(&mut enc);
    enc.into_inner()
}

/// An output buffer with the points where a synchronising literal makes the writer wait.
///
/// ```
/// use imap_wire::{AString, EncodeConfig, Encoder};
/// let mut enc = Encoder::new(EncodeConfig::default());
/// enc.raw(b"a1 LOGIN ");
/// enc.astring(b"line\r\nbreak");
/// enc.raw(b" secret\r\n");
/// let parts: Vec<_> = enc.fragments().collect();
/// assert_eq!(parts[0].bytes, b"a1 LOGIN {11}\r\n");
/// assert!(parts[0].wait_for_continuation);
/// assert_eq!(parts[1].bytes, b"line\r\nbreak secret\r\n");
/// assert!(!parts[1].wait_for_continuation);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Encoder {
    out: Vec<u8>,
    sync_points: Vec<usize>,
    config: EncodeConfig,
}

/// A piece of encoder output. When `wait_for_continuation` is set, the piece ends with a
/// synchronising literal's announcement and the next piece may be sent only after the peer's
/// `+`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fragment<'e> {
    /// The bytes of this piece.
    pub bytes: &'e [u8],
    /// Whether the sender must wait for `+` after these bytes.
    pub wait_for_continuation: bool,
}

impl Encoder {
    /// An empty encoder.
    pub fn new(config: EncodeConfig) -> Self {
        Self {
            out: Vec::new(),
            sync_points: Vec::new(),
            config,
        }
    }

    /// An encoder that appends to `buffer` (its content is kept).
    pub fn with_buffer(buffer: Vec<u8>, config: EncodeConfig) -> Self {
        Self {
            out: buffer,
            sync_points: Vec::new(),
            config,
        }
    }

    /// The configuration in use.
    pub fn config(&self) -> &EncodeConfig {
        &self.config
    }

    /// Changes the configuration for what is written next.
    pub fn set_config(&mut self, config: EncodeConfig) {
        self.config = config;
    }

    /// Everything written so far.
    pub fn bytes(&self) -> &[u8] {
        &self.out
    }

    /// Offsets into [`Encoder::bytes`] at which output must pause for a `+`.
    pub fn sync_points(&self) -> &[usize] {
        &self.sync_points
    }

    /// The output split at synchronising literals.
    pub fn fragments(&self) -> impl Iterator<Item = Fragment<'_>> + '_ {
        let n = self.sync_points.len();
        let tail_empty = self.sync_points.last() == Some(&self.out.len());
        (0..=n).filter_map(move |k| {
            let start = if k == 0 { 0 } else { self.sync_points[k - 1] };
            let end = if k == n {
                self.out.len()
            } else {
                self.sync_points[k]
            };
            if k == n && tail_empty && n > 0 {
                return None;
            }
            Some(Fragment {
                bytes: &self.out[start..end],
                wait_for_continuation: k < n,
            })
        })
    }

    /// Forgets the output, keeping the buffer's capacity.
    pub fn clear(&mut self) {
        self.out.clear();
        self.sync_points.clear();
    }

    /// Returns the output buffer.
    pub fn into_inner(self) -> Vec<u8> {
        self.out
    }

    /// Appends bytes as they are. The caller is responsible for their validity.
    pub fn raw(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }

    /// Appends one byte.
    pub fn byte(&mut self, b: u8) {
        self.out.push(b);
    }

    /// Appends a decimal number.
    pub fn number(&mut self, n: u64) {
        let mut buf = [0u8; 20];
        let mut at = buf.len();
        let mut n = n;
        loop {
            at -= 1;
            buf[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.out.extend_from_slice(&buf[at..]);
    }

    /// Whether `content` may be written as a quoted string under the configuration.
    pub(crate) fn can_quote(&self, content: &[u8]) -> bool {
        if content.is_ascii() {
            return content
                .iter()
                .all(|&b| is_quoted_char(b) || b == b'"' || b == b'\\');
        }
        self.config.utf8_accept
            && core::str::from_utf8(content).is_ok()
            && content
                .iter()
                .all(|&b| b >= 0x80 || is_quoted_char(b) || b == b'"' || b == b'\\')
    }

    /// Writes `content` as a quoted string. The caller has checked [`Encoder::can_quote`].
    pub(crate) fn quoted(&mut self, content: &[u8]) {
        self.out.reserve(content.len() + 2);
        self.out.push(b'"');
        let mut rest = content;
        while let Some(p) = memchr::memchr2(b'"', b'\\', rest) {
            self.out.extend_from_slice(&rest[..p]);
            self.out.push(b'\\');
            self.out.push(rest[p]);
            rest = &rest[p + 1..];
        }
        self.out.extend_from_slice(rest);
        self.out.push(b'"');
    }

    /// Writes a literal announcement `{n}` or `{n+}` with its CRLF, recording a sync point
    /// when the peer must answer `+` first.
    fn literal_header(&mut self, len: usize, binary: bool) {
        let non_sync = match self.config.literal_mode {
            LiteralMode::Sync => false,
            LiteralMode::NonSync => true,
            LiteralMode::NonSyncUpTo4096 => len <= 4096,
        };
        if binary {
            self.out.push(b'~');
        }
        self.out.push(b'{');
        self.number(len as u64);
        if non_sync {
            self.out.extend_from_slice(b"+}\r\n");
        } else {
            self.out.extend_from_slice(b"}\r\n");
            self.sync_points.push(self.out.len());
        }
    }

    /// Writes `content` as a literal (`literal`; the content must not hold NUL).
    pub fn literal(&mut self, content: &[u8]) {
        self.literal_header(content.len(), false);
        self.out.extend_from_slice(content);
    }

    /// Writes `content` as a `literal8` (`~{n}`; any bytes).
    pub fn literal8(&mut self, content: &[u8]) {
        self.literal_header(content.len(), true);
        self.out.extend_from_slice(content);
    }

    /// Writes `content` as a `string`: quoted when it can be, else a literal.
    pub fn string(&mut self, content: &[u8]) {
        // One pass over ASCII content tells both whether it may be quoted (no NUL, CR or
        // LF) and whether it needs escapes; written as a fold so it vectorises.
        let (bad, special) = content.iter().fold((false, false), |(bad, special), &b| {
            (
                bad | (b == 0) | (b >= 0x80) | (b == b'\r') | (b == b'\n'),
                special | (b == b'"') | (b == b'\\'),
            )
        });
        if !bad {
            if special {
                self.quoted(content);
            } else {
                self.out.reserve(content.len() + 2);
                self.out.push(b'"');
                self.out.extend_from_slice(content);
                self.out.push(b'"');
            }
        } else if self.can_quote(content) {
            self.quoted(content);
        } else {
            self.literal(content);
        }
    }

    /// Writes `content` as an `astring`: an atom when it is one, else a `string`.
    pub fn astring(&mut self, content: &[u8]) {
        if !content.is_empty() && content.iter().all(|&b| is_astring_char(b)) {
            self.raw(content);
        } else {
            self.string(content);
        }
    }

    /// Writes `content` as an `nstring`: `NIL` for `None`.
    pub fn nstring(&mut self, content: Option<&[u8]>) {
        match content {
            Some(c) => self.string(c),
            None => self.raw(b"NIL"),
        }
    }

    /// Writes items separated by single spaces.
    pub fn list<T, I>(&mut self, items: I, mut each: impl FnMut(&mut Self, T))
    where
        I: IntoIterator<Item = T>,
    {
        for (k, item) in items.into_iter().enumerate() {
            if k > 0 {
                self.out.push(b' ');
            }
            each(self, item);
        }
    }
}
