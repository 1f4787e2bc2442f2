//! What tolerant parsing hands back besides values: the deviations a message needed
//! ([`Parsed`]), a message that did not parse ([`Malformed`]) and a FETCH item that did not
//! parse ([`MalformedItem`]).
//!
//! A malformed message or item keeps its bytes as they arrived, so a program can log them,
//! forward them or write them back byte for byte; nothing after it in the stream is lost.
//!
//! ```
//! use imap_wire::types::message::MessageAttribute;
//! use imap_wire::{Data, Parse, ParseConfig, Response, Untagged};
//! // The body structure is cut short, the UID and FLAGS around it still arrive.
//! let line = b"* 1 FETCH (UID 7 BODYSTRUCTURE (\"text\" \"plain\") FLAGS (\\Seen))\r\n";
//! let r = Response::parse_with(line, &ParseConfig::lenient()).unwrap();
//! let Response::Untagged(Untagged::Data(Data::Fetch { items, .. })) = r else { panic!() };
//! let items = items.to_vec();
//! assert!(matches!(items[0], MessageAttribute::Uid(_)));
//! let MessageAttribute::Malformed(bad) = &items[1] else { panic!() };
//! assert_eq!(bad.raw(), b"BODYSTRUCTURE (\"text\" \"plain\")");
//! assert!(matches!(items[2], MessageAttribute::Flags(_)));
//! assert!(Response::parse_with(line, &ParseConfig::strict()).is_err());
//! ```

use alloc::borrow::Cow;
use core::fmt;

use crate::config::Leniency;
use crate::error::ParseError;
use crate::owned::IntoStatic;
use crate::types::primitive::Tag;

/// A value and the deviations from the grammar it needed (see
/// [`Parse::parse_report`](crate::Parse::parse_report)).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Parsed<T> {
    /// The value.
    pub value: T,
    /// The deviations without which the input would not read as `value`; empty when the
    /// strict grammar reads it so.
    pub quirks: Leniency,
}

/// A message (a response or a command) that did not parse: its bytes, why, and its tag when
/// one could be read (see [`Parse::parse_or_malformed`](crate::Parse::parse_or_malformed)).
///
/// It encodes as its bytes, unchanged.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Malformed<'a> {
    raw: Cow<'a, [u8]>,
    error: ParseError,
    tag: Option<Tag<'a>>,
}

impl<'a> Malformed<'a> {
    /// The message `raw` that failed with `error`; its tag is read from its first word, if that
    /// is a tag followed by SP (never for `*` and `+` lines).
    pub fn new(raw: &'a [u8], error: ParseError) -> Self {
        let tag = match crate::parse::primitive::tag(raw) {
            Ok(([b' ', ..], t)) => Some(t),
            _ => None,
        };
        Self {
            raw: Cow::Borrowed(raw),
            error,
            tag,
        }
    }

    /// The message's bytes as they arrived.
    pub fn raw(&self) -> &[u8] {
        &self.raw
    }

    /// Where and why parsing failed; the offset counts from the message's first byte.
    pub fn error(&self) -> ParseError {
        self.error
    }

    /// The message's tag, when its first word is one: the command a failed tagged response
    /// answers, or the command a server must answer with BAD.
    pub fn tag(&self) -> Option<&Tag<'a>> {
        self.tag.as_ref()
    }
}

impl fmt::Debug for Malformed<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Malformed")
            .field("raw", &bstr::BStr::new(&self.raw))
            .field("error", &self.error)
            .field("tag", &self.tag)
            .finish()
    }
}

impl IntoStatic for Malformed<'_> {
    type Static = Malformed<'static>;

    fn into_static(self) -> Malformed<'static> {
        Malformed {
            raw: self.raw.into_static(),
            error: self.error,
            tag: self.tag.into_static(),
        }
    }
}

/// A FETCH item that did not parse, kept as its bytes with its error (only under
/// [`Leniency::MALFORMED_ITEM`]). It encodes as its bytes, unchanged.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct MalformedItem<'a> {
    pub(crate) raw: Cow<'a, [u8]>,
    pub(crate) error: ParseError,
}

impl MalformedItem<'_> {
    /// The item's bytes as they arrived, from its name to the end of its value.
    pub fn raw(&self) -> &[u8] {
        &self.raw
    }

    /// Where and why parsing failed; the offset counts from the item's first byte.
    pub fn error(&self) -> ParseError {
        self.error
    }
}

impl fmt::Debug for MalformedItem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MalformedItem")
            .field("raw", &bstr::BStr::new(&self.raw))
            .field("error", &self.error)
            .finish()
    }
}

impl IntoStatic for MalformedItem<'_> {
    type Static = MalformedItem<'static>;

    fn into_static(self) -> MalformedItem<'static> {
        MalformedItem {
            raw: self.raw.into_static(),
            error: self.error,
        }
    }
}

impl crate::serialize::Encode for Malformed<'_> {
    fn encode(&self, enc: &mut crate::serialize::Encoder) {
        enc.raw(&self.raw);
    }
}

impl crate::serialize::Encode for MalformedItem<'_> {
    fn encode(&self, enc: &mut crate::serialize::Encoder) {
        enc.raw(&self.raw);
    }
}

#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for Malformed<'a> {
    /// Bytes that do not parse as a response, with the error they give (so that the value
    /// encodes to bytes that read back as the same `Malformed`).
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        use crate::parse::Parse;
        let cfg = crate::ParseConfig::lenient();
        let raw: &'a [u8] = u.arbitrary()?;
        let raw = match crate::Response::parse_with(raw, &cfg) {
            Ok(_) => &b"a1 NOT A RESPONSE\r\n"[..],
            Err(_) => raw,
        };
        Ok(match crate::Response::parse_or_malformed(raw, &cfg) {
            Err(m) => m,
            // INVARIANT: the fallback line above is no response; this arm is never taken.
            Ok(_) => Malformed::new(
                raw,
                ParseError {
                    kind: crate::ErrorKind::Trailing,
                    offset: 0,
                },
            ),
        })
    }
}

#[cfg(all(test, feature = "arbitrary"))]
mod tests {
    use arbitrary::{Arbitrary, Unstructured};

    use super::Malformed;
    use crate::parse::Parse;

    #[test]
    fn arbitrary_malformed_messages_read_back_equal() {
        let cfg = crate::ParseConfig::lenient();
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..3000 {
            let buf: alloc::vec::Vec<u8> = (0..64)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    (seed >> 24) as u8
                })
                .collect();
            let mut u = Unstructured::new(&buf);
            let Ok(m) = Malformed::arbitrary(&mut u) else {
                continue;
            };
            let bytes = crate::to_vec(&m);
            assert_eq!(bytes, m.raw());
            let back = crate::Response::parse_or_malformed(&bytes, &cfg).unwrap_err();
            assert_eq!(back, m);
        }
    }
}
