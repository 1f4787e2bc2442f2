//! Serializers of generic extension data: labels as they are, values token by token.
//!
//! A value is written from its tokens, not copied: each string goes in the form its content
//! and the [`EncodeConfig`](super::EncodeConfig) allow (an astring inside parentheses may be an
//! atom; a string standing as the whole value is quoted or a literal), so literals follow the
//! encoder's literal mode and record their synchronisation points.

use super::{Encode, Encoder};
use crate::types::tagged_ext::{ExtToken, ExtTokens, OptionValue, TaggedExtLabel, TaggedExtValue};

impl Encode for TaggedExtLabel<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.as_bytes());
    }
}

/// Writes tokens with single spaces between the elements of a parenthesised list.
fn encode_tokens(enc: &mut Encoder, tokens: ExtTokens<'_>) {
    let mut after_open = true;
    let mut depth = 0usize;
    for token in tokens {
        match token {
            ExtToken::Open => {
                if !after_open {
                    enc.byte(b' ');
                }
                enc.byte(b'(');
                depth += 1;
                after_open = true;
            }
            ExtToken::Close => {
                enc.byte(b')');
                depth = depth.saturating_sub(1);
                after_open = false;
            }
            ExtToken::String(content) => {
                if !after_open {
                    enc.byte(b' ');
                }
                if depth == 0 {
                    enc.string(&content);
                } else {
                    enc.astring(&content);
                }
                after_open = false;
            }
            ExtToken::Simple(bytes) => {
                enc.raw(bytes);
                after_open = false;
            }
        }
    }
}

impl Encode for TaggedExtValue<'_> {
    fn encode(&self, enc: &mut Encoder) {
        encode_tokens(enc, self.tokens());
    }
}

impl Encode for OptionValue<'_> {
    fn encode(&self, enc: &mut Encoder) {
        encode_tokens(enc, self.tokens());
    }
}
