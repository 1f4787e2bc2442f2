//! Serializers of message sets: items joined by commas, each as written (`4:2` stays `4:2`).

use super::{Encode, Encoder};
use crate::types::sequence::{SeqNumber, Sequence, SequenceSet, UidSet, UidSetItem};

impl Encode for SeqNumber {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::Value(n) => enc.number(u64::from(n.get())),
            Self::Largest => enc.byte(b'*'),
        }
    }
}

impl Encode for Sequence {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::Single(n) => n.encode(enc),
            Self::Range(a, b) => {
                a.encode(enc);
                enc.byte(b':');
                b.encode(enc);
            }
        }
    }
}

impl Encode for UidSetItem {
    fn encode(&self, enc: &mut Encoder) {
        Sequence::from(*self).encode(enc);
    }
}

/// Writes items separated by commas.
fn comma_list<T: Encode>(enc: &mut Encoder, items: impl Iterator<Item = T>) {
    for (k, item) in items.enumerate() {
        if k > 0 {
            enc.byte(b',');
        }
        item.encode(enc);
    }
}

impl Encode for SequenceSet<'_> {
    fn encode(&self, enc: &mut Encoder) {
        if self.is_search_res() {
            enc.byte(b'$');
        } else {
            comma_list(enc, self.iter());
        }
    }
}

impl Encode for UidSet<'_> {
    fn encode(&self, enc: &mut Encoder) {
        comma_list(enc, self.iter());
    }
}
