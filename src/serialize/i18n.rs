//! Serializers of the internationalization extensions (RFC 5255).

use super::{Encode, Encoder};
use crate::types::i18n::{ComparatorData, LanguageData};
use crate::types::list::List;
use crate::types::primitive::AString;

/// Writes a command's name and its `*(SP astring)` arguments (LANGUAGE, COMPARATOR).
pub(crate) fn name_and_args(enc: &mut Encoder, name: &str, args: &List<'_, AString<'_>>) {
    enc.raw(name.as_bytes());
    for a in args {
        enc.byte(b' ');
        a.encode(enc);
    }
}

/// Writes `LANGUAGE (tag ...)`.
impl Encode for LanguageData<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(b"LANGUAGE (");
        enc.list(self.tags.iter(), |e, t| t.encode(e));
        enc.byte(b')');
    }
}

/// Writes `COMPARATOR active [(matching ...)]`.
impl Encode for ComparatorData<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(b"COMPARATOR ");
        self.active.encode(enc);
        if let Some(matching) = &self.matching {
            enc.raw(b" (");
            enc.list(matching.iter(), |e, c| c.encode(e));
            enc.byte(b')');
        }
    }
}
