//! Serializers of the generic extension syntax: labels as written, values byte for byte.

use super::{Encode, Encoder};
use crate::types::extension::{ExtParam, TaggedExt, TaggedExtLabel, TaggedExtVal};

impl Encode for TaggedExtLabel<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.as_bytes());
    }
}

impl Encode for TaggedExtVal<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw_with_literals(self.as_bytes());
    }
}

impl Encode for TaggedExt<'_> {
    fn encode(&self, enc: &mut Encoder) {
        self.label.encode(enc);
        enc.byte(b' ');
        self.value.encode(enc);
    }
}

impl Encode for ExtParam<'_> {
    fn encode(&self, enc: &mut Encoder) {
        self.name.encode(enc);
        if let Some(value) = &self.value {
            enc.byte(b' ');
            value.encode(enc);
        }
    }
}
