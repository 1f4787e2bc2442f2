//! Public error types of the codec.
//!
//! [`ParseError`] says where a message stopped matching the grammar and what was expected
//! there. It is `Copy`, carries no allocation and no nom type, and is created on every failed
//! branch of a parser, so it must stay cheap.
//!
//! [`ValidationError`] is what a validating constructor returns when a value cannot be written
//! as the IMAP item it claims to be (an atom with a space, a tag with `+`, ...).

use core::fmt;

/// Why a byte sequence did not parse.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A grammar item was expected here; the string names it (an ABNF rule name or a
    /// literal token such as `")"`).
    Expected(&'static str),
    /// A number does not fit the range its rule allows (`nz-number` of 0, a `number` above
    /// 4,294,967,295, a `number64` above 2^63-1, a day of month that does not exist).
    BadNumber,
    /// Bytes that must be UTF-8 are not.
    BadUtf8,
    /// A mailbox name is not valid modified UTF-7 (RFC 3501 §5.1.3).
    BadUtf7,
    /// Base64 data is malformed.
    BadBase64,
    /// Nesting (parenthesised lists, body structures, search keys) went deeper than the
    /// configured limit.
    TooDeep,
    /// An item is longer than a configured limit allows.
    TooLong,
    /// The message was parsed but bytes are left over after it.
    Trailing,
    /// The input ended inside an item. Framed messages are complete, so for them this means
    /// the message itself is truncated.
    Incomplete,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Expected(what) => write!(f, "expected {what}"),
            Self::BadNumber => f.write_str("number out of range"),
            Self::BadUtf8 => f.write_str("invalid utf-8"),
            Self::BadUtf7 => f.write_str("invalid modified utf-7 mailbox name"),
            Self::BadBase64 => f.write_str("invalid base64"),
            Self::TooDeep => f.write_str("nesting deeper than the configured limit"),
            Self::TooLong => f.write_str("item longer than the configured limit"),
            Self::Trailing => f.write_str("unexpected bytes after the end of the item"),
            Self::Incomplete => f.write_str("input ends inside an item"),
        }
    }
}

/// A parse failure: what went wrong and at which byte offset of the parsed input.
///
/// The offset counts from the first byte handed to the parser (for a framed message, its
/// first byte).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParseError {
    /// What was expected, or what was wrong.
    pub kind: ErrorKind,
    /// Byte offset into the parsed input.
    pub offset: usize,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.kind, self.offset)
    }
}

impl core::error::Error for ParseError {}

/// A value given to a validating constructor cannot be written as the item it is meant to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ValidationError {
    /// The item that was being built (an ABNF rule name such as `"atom"`).
    pub item: &'static str,
    /// Why the value was refused.
    pub reason: ValidationReason,
}

/// Why a value was refused by a validating constructor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ValidationReason {
    /// The item may not be empty.
    Empty,
    /// The byte at this index is not allowed in the item.
    ByteNotAllowed {
        /// Index of the first offending byte.
        index: usize,
        /// The byte itself.
        byte: u8,
    },
    /// A number is out of the item's range.
    OutOfRange,
    /// The value is well-formed bytes but not what the item means (a reserved name, an
    /// impossible date, a text that would read back as something else).
    Invalid,
}

impl ValidationError {
    pub(crate) const fn new(item: &'static str, reason: ValidationReason) -> Self {
        Self { item, reason }
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.reason {
            ValidationReason::Empty => write!(f, "{} may not be empty", self.item),
            ValidationReason::ByteNotAllowed { index, byte } => {
                write!(
                    f,
                    "byte 0x{byte:02x} at index {index} is not allowed in {}",
                    self.item
                )
            }
            ValidationReason::OutOfRange => write!(f, "value out of range for {}", self.item),
            ValidationReason::Invalid => write!(f, "value is not a valid {}", self.item),
        }
    }
}

impl core::error::Error for ValidationError {}
