//! Serializers of CATENATE (RFC 4469 §5) and UTF8's APPEND data (RFC 6855 §4). Literals are
//! written by the [`Encoder`], which records where a synchronising one makes the client wait.

use super::{Encode, Encoder};
use crate::types::catenate::{CatPart, UrlRespText};
use crate::types::list::NonEmptyList;
use crate::types::primitive::Literal8;

/// Writes `"CATENATE" SP "(" cat-part *(SP cat-part) ")"`.
pub(crate) fn catenate(enc: &mut Encoder, parts: &NonEmptyList<'_, CatPart<'_>>) {
    enc.raw(b"CATENATE (");
    enc.list(parts.iter(), |enc, part| part.encode(enc));
    enc.byte(b')');
}

/// Writes `utf8-literal = "UTF8" SP "(" literal8 ")"`.
pub(crate) fn utf8_literal(enc: &mut Encoder, data: &Literal8<'_>) {
    enc.raw(b"UTF8 (");
    data.encode(enc);
    enc.byte(b')');
}

impl Encode for CatPart<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::Text(l) => {
                enc.raw(b"TEXT ");
                l.encode(enc);
            }
            Self::Url(url) => {
                enc.raw(b"URL ");
                url.encode(enc);
            }
            Self::Utf8(l) => utf8_literal(enc, l),
        }
    }
}

impl Encode for UrlRespText<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.as_bytes());
    }
}
