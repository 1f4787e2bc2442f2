//! Serializers of the body structure. Media types, subtypes and encodings of the known forms
//! are written quoted in canonical case (`"TEXT"`, `"MESSAGE" "RFC822"`, `"BASE64"`).

use super::{Encode, Encoder};
use crate::types::body::{
    Body, BodyExtension, BodyFields, BodyParam, Disposition, DispositionExt, Encoding,
    MessageSubtype, MultiPart, SinglePart, SinglePartKind,
};
use crate::types::list::List;
use crate::types::primitive::IString;

impl Encode for Body<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.byte(b'(');
        match self {
            Self::Single(s) => single_part(enc, s),
            Self::Multi(m) => multi_part(enc, m),
        }
        enc.byte(b')');
    }
}

/// `body-type-1part`, without the parentheses of `body`.
fn single_part(enc: &mut Encoder, part: &SinglePart<'_>) {
    match &part.kind {
        SinglePartKind::Basic(b) => {
            enc.string(b.media_type().as_bytes());
            enc.byte(b' ');
            enc.string(b.subtype().as_bytes());
            enc.byte(b' ');
            body_fields(enc, &part.fields);
        }
        SinglePartKind::Text { subtype, lines } => {
            enc.raw(b"\"TEXT\" ");
            enc.string(subtype.as_bytes());
            enc.byte(b' ');
            body_fields(enc, &part.fields);
            enc.byte(b' ');
            enc.number(lines.get());
        }
        SinglePartKind::Message(m) => {
            enc.raw(match m.subtype {
                MessageSubtype::Rfc822 => b"\"MESSAGE\" \"RFC822\" ",
                MessageSubtype::Global => b"\"MESSAGE\" \"GLOBAL\" ",
            });
            body_fields(enc, &part.fields);
            enc.byte(b' ');
            m.envelope().encode(enc);
            enc.byte(b' ');
            m.body().encode(enc);
            enc.byte(b' ');
            enc.number(m.lines.get());
        }
    }
    if let Some(ext) = &part.extension {
        enc.byte(b' ');
        enc.nstring(ext.md5.as_bytes());
        disposition_ext(enc, ext.rest.as_ref());
    }
}

/// `body-type-mpart`, without the parentheses of `body`.
fn multi_part(enc: &mut Encoder, part: &MultiPart<'_>) {
    for child in part.parts.iter() {
        child.encode(enc);
    }
    enc.byte(b' ');
    enc.string(part.subtype.as_bytes());
    if let Some(ext) = &part.extension {
        enc.byte(b' ');
        body_fld_param(enc, &ext.params);
        disposition_ext(enc, ext.rest.as_ref());
    }
}

/// `body-fields`
fn body_fields(enc: &mut Encoder, fields: &BodyFields<'_>) {
    body_fld_param(enc, &fields.params);
    enc.byte(b' ');
    enc.nstring(fields.id.as_bytes());
    enc.byte(b' ');
    enc.nstring(fields.description.as_bytes());
    enc.byte(b' ');
    match &fields.encoding {
        Encoding::Other(o) => enc.string(o.as_bytes()),
        known => enc.quoted(known.as_bytes()),
    }
    enc.byte(b' ');
    enc.number(u64::from(fields.octets));
}

/// `body-fld-param`: NIL for the empty list.
fn body_fld_param(enc: &mut Encoder, params: &List<'_, BodyParam<'_>>) {
    if params.is_empty() {
        enc.raw(b"NIL");
        return;
    }
    enc.byte(b'(');
    enc.list(params, |enc, p| {
        enc.string(p.name.as_bytes());
        enc.byte(b' ');
        enc.string(p.value.as_bytes());
    });
    enc.byte(b')');
}

/// `[SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]]`
fn disposition_ext(enc: &mut Encoder, ext: Option<&DispositionExt<'_>>) {
    let Some(ext) = ext else { return };
    enc.byte(b' ');
    body_fld_dsp(enc, ext.disposition.as_ref());
    let Some(lang) = &ext.rest else { return };
    enc.byte(b' ');
    body_fld_lang(enc, &lang.language);
    let Some(loc) = &lang.rest else { return };
    enc.byte(b' ');
    enc.nstring(loc.location.as_bytes());
    for e in &loc.extensions {
        enc.byte(b' ');
        e.encode(enc);
    }
}

/// `body-fld-dsp`
fn body_fld_dsp(enc: &mut Encoder, dsp: Option<&Disposition<'_>>) {
    let Some(dsp) = dsp else {
        enc.raw(b"NIL");
        return;
    };
    enc.byte(b'(');
    enc.string(dsp.kind.as_bytes());
    enc.byte(b' ');
    body_fld_param(enc, &dsp.params);
    enc.byte(b')');
}

/// `body-fld-lang`: NIL for no tag, a string for one, a list for more.
fn body_fld_lang(enc: &mut Encoder, tags: &List<'_, IString<'_>>) {
    match tags.len() {
        0 => enc.raw(b"NIL"),
        1 => {
            for t in tags {
                enc.string(t.as_bytes());
            }
        }
        _ => {
            enc.byte(b'(');
            enc.list(tags, |enc, t| enc.string(t.as_bytes()));
            enc.byte(b')');
        }
    }
}

impl Encode for BodyExtension<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::NString(s) => enc.nstring(s.as_bytes()),
            Self::Number(n) => enc.number(n.get()),
            Self::List(items) => {
                enc.byte(b'(');
                enc.list(items.iter(), |enc, e| e.encode(enc));
                enc.byte(b')');
            }
        }
    }
}
