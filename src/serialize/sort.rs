//! Serializers of SORT and THREAD (RFC 5256), SORT=DISPLAY (RFC 5957) and ESORT / CONTEXT
//! (RFC 5267).

use super::{Encode, Encoder};
use crate::types::sort::{
    SortArgs, SortCriterion, SortKey, Thread, ThreadAlgorithm, ThreadArgs, ThreadData,
};

impl Encode for SortKey {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.as_str().as_bytes());
    }
}

impl Encode for SortCriterion {
    fn encode(&self, enc: &mut Encoder) {
        if self.reverse {
            enc.raw(b"REVERSE ");
        }
        self.key.encode(enc);
    }
}

/// Writes `charset 1*(SP search-key)`.
fn search_criteria(
    enc: &mut Encoder,
    charset: &crate::types::primitive::Charset<'_>,
    keys: &crate::types::list::List<'_, crate::types::search::SearchKey<'_>>,
) {
    charset.encode(enc);
    for k in keys {
        enc.byte(b' ');
        k.encode(enc);
    }
}

impl Encode for SortArgs<'_> {
    fn encode(&self, enc: &mut Encoder) {
        if let Some(opts) = &self.return_options {
            enc.raw(b"RETURN (");
            enc.list(opts, |e, o| o.encode(e));
            enc.raw(b") ");
        }
        enc.byte(b'(');
        enc.list(self.criteria.iter(), |e, c| c.encode(e));
        enc.raw(b") ");
        search_criteria(enc, &self.charset, &self.keys);
    }
}

impl Encode for ThreadAlgorithm<'_> {
    fn encode(&self, enc: &mut Encoder) {
        self.0.encode(enc);
    }
}

impl Encode for ThreadArgs<'_> {
    fn encode(&self, enc: &mut Encoder) {
        self.algorithm.encode(enc);
        enc.byte(b' ');
        search_criteria(enc, &self.charset, &self.keys);
    }
}

impl Encode for Thread<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.byte(b'(');
        for (k, id) in self.ids().iter().enumerate() {
            if k > 0 {
                enc.byte(b' ');
            }
            enc.number(u64::from(id.get()));
        }
        if !self.ids().is_empty() && !self.children().is_empty() {
            enc.byte(b' ');
        }
        for child in self.children() {
            child.encode(enc);
        }
        enc.byte(b')');
    }
}

/// Writes `THREAD` and the threads.
impl Encode for ThreadData<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(b"THREAD");
        if !self.threads.is_empty() {
            enc.byte(b' ');
            for t in &self.threads {
                t.encode(enc);
            }
        }
    }
}
