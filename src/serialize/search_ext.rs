//! Serializers of the search keys of extensions: keywords in upper case, the `MODSEQ` entry
//! name as a quoted string, Gmail's query as an astring by content.

use super::{Encode, Encoder};
use crate::types::search_ext::{ModSeqEntry, PartialRange, SearchKeyExt};

impl Encode for SearchKeyExt<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.keyword().as_bytes());
        if let Self::SaveDateSupported = self {
            return;
        }
        enc.byte(b' ');
        match self {
            Self::ModSeq { entry, value } => {
                if let Some(e) = entry {
                    e.encode(enc);
                    enc.byte(b' ');
                }
                value.encode(enc);
            }
            Self::EmailId(id) | Self::ThreadId(id) => id.encode(enc),
            Self::SavedBefore(d) | Self::SavedOn(d) | Self::SavedSince(d) => d.encode(enc),
            Self::Older(n) | Self::Younger(n) => enc.number(u64::from(n.get())),
            Self::GmRaw(s) => s.encode(enc),
            Self::GmMsgId(n) | Self::GmThrId(n) => enc.number(*n),
            Self::GmLabels(l) => l.encode(enc),
            Self::SaveDateSupported => {}
        }
    }
}

impl Encode for ModSeqEntry<'_> {
    fn encode(&self, enc: &mut Encoder) {
        let mut name = alloc::vec::Vec::with_capacity(7 + self.flag().len());
        name.extend_from_slice(b"/flags/");
        name.extend_from_slice(self.flag().as_bytes());
        enc.quoted(&name);
        enc.byte(b' ');
        enc.raw(self.entry_type().as_str().as_bytes());
    }
}

impl Encode for PartialRange {
    fn encode(&self, enc: &mut Encoder) {
        let (minus, a, b) = match *self {
            Self::First(a, b) => (false, a, b),
            Self::Last(a, b) => (true, a, b),
        };
        if minus {
            enc.byte(b'-');
        }
        enc.number(u64::from(a.get()));
        enc.raw(if minus { b":-" } else { b":" });
        enc.number(u64::from(b.get()));
    }
}
