//! Serializers of SEARCH and ESEARCH responses.

use super::{Encode, Encoder};
use crate::types::esearch::{
    ContextUpdate, EsearchData, SearchData, SearchReturnData, SearchReturnExtension,
};
use crate::types::list::NonEmptyList;
use crate::types::sequence::Sequence;

impl Encode for SearchData<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(b"SEARCH");
        numbers_mod_seq(enc, self);
    }
}

/// Writes `*(SP nz-number) [SP "(" "MODSEQ" SP mod-sequence-value ")"]` (SEARCH and SORT).
pub(crate) fn numbers_mod_seq(enc: &mut Encoder, data: &SearchData<'_>) {
    for n in &data.numbers {
        enc.byte(b' ');
        enc.number(u64::from(n.get()));
    }
    if let Some(m) = data.mod_seq {
        enc.raw(b" (MODSEQ ");
        m.encode(enc);
        enc.byte(b')');
    }
}

impl Encode for SearchReturnExtension<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.as_bytes());
    }
}

impl Encode for SearchReturnData<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::Min(n) => {
                enc.raw(b"MIN ");
                enc.number(u64::from(n.get()));
            }
            Self::Max(n) => {
                enc.raw(b"MAX ");
                enc.number(u64::from(n.get()));
            }
            Self::All(set) => {
                enc.raw(b"ALL ");
                result_set(enc, set);
            }
            Self::Count(n) => {
                enc.raw(b"COUNT ");
                enc.number(u64::from(*n));
            }
            Self::Extension(name, value) => {
                name.encode(enc);
                enc.byte(b' ');
                value.encode(enc);
            }
            Self::ModSeq(n) => {
                enc.raw(b"MODSEQ ");
                n.encode(enc);
            }
            Self::Partial { range, results } => {
                enc.raw(b"PARTIAL (");
                range.encode(enc);
                enc.byte(b' ');
                match results {
                    Some(set) => result_set(enc, set),
                    None => enc.raw(b"NIL"),
                }
                enc.byte(b')');
            }
            Self::AddTo(pairs) => updates(enc, b"ADDTO (", pairs),
            Self::RemoveFrom(pairs) => updates(enc, b"REMOVEFROM (", pairs),
        }
    }
}

/// Writes a `sequence-set` of results.
fn result_set(enc: &mut Encoder, set: &NonEmptyList<'_, Sequence>) {
    for (k, item) in set.iter().enumerate() {
        if k > 0 {
            enc.byte(b',');
        }
        item.encode(enc);
    }
}

/// Writes `head` then the pairs of ADDTO or REMOVEFROM and `)`.
fn updates(enc: &mut Encoder, head: &[u8], pairs: &NonEmptyList<'_, ContextUpdate<'_>>) {
    enc.raw(head);
    enc.list(pairs.iter(), |enc, p| p.encode(enc));
    enc.byte(b')');
}

impl Encode for ContextUpdate<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.number(u64::from(self.position));
        enc.byte(b' ');
        result_set(enc, &self.set);
    }
}

impl Encode for EsearchData<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(b"ESEARCH");
        if let Some(tag) = &self.tag {
            enc.raw(b" (TAG ");
            enc.string(tag.as_bytes());
            enc.byte(b')');
        }
        if self.uid {
            enc.raw(b" UID");
        }
        for item in &self.data {
            enc.byte(b' ');
            item.encode(enc);
        }
    }
}
