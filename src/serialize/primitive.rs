//! Serializers for the core items.

use super::{Encode, Encoder};
use crate::chars::is_atom_char;
use crate::types::auth::Base64;
use crate::types::primitive::{
    AString, Atom, Charset, IString, Literal, Literal8, NString, Number64, NzNumber64, Tag, Text,
};

impl Encode for Atom<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.as_bytes());
    }
}

impl Encode for Tag<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.as_bytes());
    }
}

impl Encode for Text<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.as_bytes());
    }
}

impl Encode for AString<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.astring(self.as_bytes());
    }
}

impl Encode for IString<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.string(self.as_bytes());
    }
}

impl Encode for NString<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.nstring(self.as_bytes());
    }
}

impl Encode for Literal<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.literal(self.as_bytes());
    }
}

impl Encode for Literal8<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.literal8(self.as_bytes());
    }
}

impl Encode for Charset<'_> {
    fn encode(&self, enc: &mut Encoder) {
        let name = self.as_str().as_bytes();
        if !name.is_empty() && name.iter().all(|&b| is_atom_char(b)) {
            enc.raw(name);
        } else {
            enc.quoted(name);
        }
    }
}

impl Encode for Base64<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.as_str().as_bytes());
    }
}

impl Encode for Number64 {
    fn encode(&self, enc: &mut Encoder) {
        enc.number(self.get());
    }
}

impl Encode for NzNumber64 {
    fn encode(&self, enc: &mut Encoder) {
        enc.number(self.get());
    }
}
