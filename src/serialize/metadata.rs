//! Serializers of the METADATA extension (RFC 5464).

use super::{Encode, Encoder};
use crate::types::metadata::{
    Depth, EntryValue, GetMetadataOption, MetadataCode, MetadataCommand, MetadataData,
    MetadataItems, MetadataValue,
};

impl Encode for MetadataValue<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::NString(s) => s.encode(enc),
            Self::Literal8(l) => l.encode(enc),
        }
    }
}

impl Encode for EntryValue<'_> {
    fn encode(&self, enc: &mut Encoder) {
        self.entry.encode(enc);
        enc.byte(b' ');
        self.value.encode(enc);
    }
}

impl Encode for GetMetadataOption<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::MaxSize(n) => {
                enc.raw(b"MAXSIZE ");
                enc.number(u64::from(*n));
            }
            Self::Depth(d) => enc.raw(match d {
                Depth::Zero => b"DEPTH 0",
                Depth::One => b"DEPTH 1",
                Depth::Infinity => b"DEPTH infinity",
            }),
            Self::Ext(p) => p.encode(enc),
        }
    }
}

/// Writes `(item SP item ...)`.
fn paren<T: Encode>(enc: &mut Encoder, items: impl IntoIterator<Item = T>) {
    enc.byte(b'(');
    enc.list(items, |e, v| v.encode(e));
    enc.byte(b')');
}

/// Writes the command with its name.
impl Encode for MetadataCommand<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.name().as_bytes());
        enc.byte(b' ');
        match self {
            Self::GetMetadata {
                options,
                mailbox,
                entries,
            } => {
                if !options.is_empty() {
                    paren(enc, options.iter());
                    enc.byte(b' ');
                }
                mailbox.encode(enc);
                enc.byte(b' ');
                if entries.len() == 1 {
                    enc.list(entries.iter(), |e, v| v.encode(e));
                } else {
                    paren(enc, entries.iter());
                }
            }
            Self::SetMetadata { mailbox, values } => {
                mailbox.encode(enc);
                enc.byte(b' ');
                paren(enc, values.iter());
            }
        }
    }
}

/// Writes `METADATA mailbox ...`.
impl Encode for MetadataData<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(b"METADATA ");
        self.mailbox.encode(enc);
        enc.byte(b' ');
        match &self.items {
            MetadataItems::Values(v) => paren(enc, v.iter()),
            MetadataItems::Entries(e) => enc.list(e.iter(), |e, v| v.encode(e)),
        }
    }
}

/// Writes `METADATA ...` as it stands in the brackets.
impl Encode for MetadataCode {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(b"METADATA ");
        match self {
            Self::LongEntries(n) => {
                enc.raw(b"LONGENTRIES ");
                enc.number(u64::from(*n));
            }
            Self::MaxSize(n) => {
                enc.raw(b"MAXSIZE ");
                enc.number(u64::from(*n));
            }
            Self::TooMany => enc.raw(b"TOOMANY"),
            Self::NoPrivate => enc.raw(b"NOPRIVATE"),
        }
    }
}
