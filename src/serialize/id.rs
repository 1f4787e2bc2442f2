//! Serializers of the ID extension (RFC 2971).

use super::{Encode, Encoder};
use crate::types::id::{IdField, IdParams};

impl Encode for IdParams<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match &self.0 {
            None => enc.raw(b"NIL"),
            Some(list) => {
                enc.byte(b'(');
                enc.list(list, |e, f| f.encode(e));
                enc.byte(b')');
            }
        }
    }
}

impl Encode for IdField<'_> {
    fn encode(&self, enc: &mut Encoder) {
        self.name.encode(enc);
        enc.byte(b' ');
        self.value.encode(enc);
    }
}
