//! Serializers of flags and flag lists: system flags in their canonical case.

use super::{Encode, Encoder};
use crate::types::flag::{Flag, FlagExtension, FlagList, FlagPerm, FlagPermList};
use crate::types::list::{List, ListItem};

impl Encode for Flag<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::Answered => enc.raw(b"\\Answered"),
            Self::Flagged => enc.raw(b"\\Flagged"),
            Self::Deleted => enc.raw(b"\\Deleted"),
            Self::Seen => enc.raw(b"\\Seen"),
            Self::Draft => enc.raw(b"\\Draft"),
            Self::Recent => enc.raw(b"\\Recent"),
            Self::Keyword(a) => enc.raw(a.as_bytes()),
            Self::Extension(e) => e.encode(enc),
        }
    }
}

impl Encode for FlagExtension<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.byte(b'\\');
        enc.raw(self.as_bytes());
    }
}

impl Encode for FlagPerm<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::Flag(f) => f.encode(enc),
            Self::Any => enc.raw(b"\\*"),
        }
    }
}

/// Writes `"(" [item *(SP item)] ")"`.
pub(crate) fn paren_items<'a, T: ListItem<'a> + Encode>(enc: &mut Encoder, list: &List<'a, T>) {
    enc.byte(b'(');
    enc.list(list, |enc, item| item.encode(enc));
    enc.byte(b')');
}

impl Encode for FlagList<'_> {
    fn encode(&self, enc: &mut Encoder) {
        paren_items(enc, &self.0);
    }
}

impl Encode for FlagPermList<'_> {
    fn encode(&self, enc: &mut Encoder) {
        paren_items(enc, &self.0);
    }
}
