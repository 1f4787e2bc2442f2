//! Serializers of FETCH response items.

use super::{Encode, Encoder};
use crate::types::fetch_ext::GmLabel;
use crate::types::message::{BinaryData, MessageAttribute};

impl Encode for MessageAttribute<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            MessageAttribute::Flags(f) => {
                enc.raw(b"FLAGS ");
                f.encode(enc);
            }
            MessageAttribute::Envelope(e) => {
                enc.raw(b"ENVELOPE ");
                e.encode(enc);
            }
            MessageAttribute::InternalDate(d) => {
                enc.raw(b"INTERNALDATE ");
                d.encode(enc);
            }
            MessageAttribute::Rfc822Size(n) => {
                enc.raw(b"RFC822.SIZE ");
                n.encode(enc);
            }
            MessageAttribute::Body(b) => {
                enc.raw(b"BODY ");
                b.encode(enc);
            }
            MessageAttribute::BodyStructure(b) => {
                enc.raw(b"BODYSTRUCTURE ");
                b.encode(enc);
            }
            MessageAttribute::BodySection {
                section,
                origin,
                data,
            } => {
                enc.raw(b"BODY");
                section.encode(enc);
                if let Some(o) = origin {
                    enc.byte(b'<');
                    enc.number(u64::from(*o));
                    enc.byte(b'>');
                }
                enc.byte(b' ');
                data.encode(enc);
            }
            MessageAttribute::Binary { part, data } => {
                enc.raw(b"BINARY[");
                if let Some(p) = part {
                    p.encode(enc);
                }
                enc.raw(b"] ");
                match data {
                    BinaryData::NString(n) => n.encode(enc),
                    BinaryData::Literal8(l) => l.encode(enc),
                }
            }
            MessageAttribute::BinarySize { part, size } => {
                enc.raw(b"BINARY.SIZE[");
                if let Some(p) = part {
                    p.encode(enc);
                }
                enc.raw(b"] ");
                enc.number(u64::from(*size));
            }
            MessageAttribute::Uid(n) => {
                enc.raw(b"UID ");
                enc.number(u64::from(n.get()));
            }
            MessageAttribute::Rfc822(n) => {
                enc.raw(b"RFC822 ");
                n.encode(enc);
            }
            MessageAttribute::Rfc822Header(n) => {
                enc.raw(b"RFC822.HEADER ");
                n.encode(enc);
            }
            MessageAttribute::Rfc822Text(n) => {
                enc.raw(b"RFC822.TEXT ");
                n.encode(enc);
            }
            MessageAttribute::Other(o) => {
                enc.raw(o.name.as_bytes());
                enc.byte(b' ');
                enc.raw(&o.value);
            }
            MessageAttribute::ModSeq(n) => {
                enc.raw(b"MODSEQ (");
                n.encode(enc);
                enc.byte(b')');
            }
            MessageAttribute::EmailId(id) => {
                enc.raw(b"EMAILID (");
                id.encode(enc);
                enc.byte(b')');
            }
            MessageAttribute::ThreadId(id) => {
                enc.raw(b"THREADID ");
                match id {
                    Some(id) => {
                        enc.byte(b'(');
                        id.encode(enc);
                        enc.byte(b')');
                    }
                    None => enc.raw(b"NIL"),
                }
            }
            MessageAttribute::SaveDate(d) => {
                enc.raw(b"SAVEDATE ");
                match d {
                    Some(d) => d.encode(enc),
                    None => enc.raw(b"NIL"),
                }
            }
            MessageAttribute::Preview(t) => {
                enc.raw(b"PREVIEW ");
                t.encode(enc);
            }
            MessageAttribute::Snippet { algorithm, text } => {
                enc.raw(b"SNIPPET (");
                enc.raw(algorithm.as_bytes());
                enc.byte(b' ');
                text.encode(enc);
                enc.byte(b')');
            }
            MessageAttribute::GmMsgId(n) => {
                enc.raw(b"X-GM-MSGID ");
                enc.number(*n);
            }
            MessageAttribute::GmThrId(n) => {
                enc.raw(b"X-GM-THRID ");
                enc.number(*n);
            }
            MessageAttribute::GmLabels(labels) => {
                enc.raw(b"X-GM-LABELS (");
                enc.list(labels.iter(), |enc, l| l.encode(enc));
                enc.byte(b')');
            }
            MessageAttribute::Malformed(m) => m.encode(enc),
        }
    }
}

impl Encode for GmLabel<'_> {
    fn encode(&self, enc: &mut Encoder) {
        if self.is_system() {
            enc.raw(self.as_bytes());
        } else {
            enc.astring(self.as_bytes());
        }
    }
}
