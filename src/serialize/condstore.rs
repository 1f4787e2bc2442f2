//! Serializers of QRESYNC's own shapes: `VANISHED` and the `QRESYNC` parameter's value.

use super::{Encode, Encoder};
use crate::types::condstore::{QresyncParams, VanishedData};

impl Encode for VanishedData<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(if self.earlier {
            b"VANISHED (EARLIER) "
        } else {
            b"VANISHED "
        });
        self.uids.encode(enc);
    }
}

impl Encode for QresyncParams<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.byte(b'(');
        enc.number(u64::from(self.uid_validity.get()));
        enc.byte(b' ');
        self.mod_seq.encode(enc);
        if let Some(set) = &self.known_uids {
            enc.byte(b' ');
            set.encode(enc);
        }
        if let Some((seqs, uids)) = &self.seq_match {
            enc.raw(b" (");
            seqs.encode(enc);
            enc.byte(b' ');
            uids.encode(enc);
            enc.byte(b')');
        }
        enc.byte(b')');
    }
}
