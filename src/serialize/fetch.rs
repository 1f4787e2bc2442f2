//! Serializers of FETCH attributes and sections: names in upper case, header field names by
//! content.

use super::search::parenthesised;
use super::{Encode, Encoder};
use crate::types::fetch::{FetchAttribute, FetchItems, Partial, Section, SectionPart, SectionText};

impl Encode for FetchItems<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::All => enc.raw(b"ALL"),
            Self::Fast => enc.raw(b"FAST"),
            Self::Full => enc.raw(b"FULL"),
            Self::Attribute(a) => a.encode(enc),
            Self::Attributes(list) => parenthesised(enc, list),
        }
    }
}

/// Writes `section-binary [partial]`.
fn binary(enc: &mut Encoder, section: Option<&SectionPart<'_>>, partial: Option<&Partial>) {
    enc.byte(b'[');
    if let Some(part) = section {
        part.encode(enc);
    }
    enc.byte(b']');
    if let Some(p) = partial {
        p.encode(enc);
    }
}

impl Encode for FetchAttribute<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::Envelope => enc.raw(b"ENVELOPE"),
            Self::Flags => enc.raw(b"FLAGS"),
            Self::InternalDate => enc.raw(b"INTERNALDATE"),
            Self::Rfc822 => enc.raw(b"RFC822"),
            Self::Rfc822Header => enc.raw(b"RFC822.HEADER"),
            Self::Rfc822Size => enc.raw(b"RFC822.SIZE"),
            Self::Rfc822Text => enc.raw(b"RFC822.TEXT"),
            Self::Body => enc.raw(b"BODY"),
            Self::BodyStructure => enc.raw(b"BODYSTRUCTURE"),
            Self::Uid => enc.raw(b"UID"),
            Self::BodySection {
                peek,
                section,
                partial,
            } => {
                enc.raw(if *peek { b"BODY.PEEK" } else { b"BODY" });
                section.encode(enc);
                if let Some(p) = partial {
                    p.encode(enc);
                }
            }
            Self::Binary {
                peek,
                section,
                partial,
            } => {
                enc.raw(if *peek { b"BINARY.PEEK" } else { b"BINARY" });
                binary(enc, section.as_ref(), partial.as_ref());
            }
            Self::BinarySize { section } => {
                enc.raw(b"BINARY.SIZE");
                binary(enc, section.as_ref(), None);
            }
            Self::ModSeq => enc.raw(b"MODSEQ"),
            Self::EmailId => enc.raw(b"EMAILID"),
            Self::ThreadId => enc.raw(b"THREADID"),
            Self::SaveDate => enc.raw(b"SAVEDATE"),
            Self::Preview { lazy } => {
                enc.raw(if *lazy { b"PREVIEW (LAZY)" } else { b"PREVIEW" });
            }
            Self::Snippet(option) => {
                enc.raw(b"SNIPPET");
                if let Some(o) = option {
                    enc.raw(b" (");
                    enc.raw(o.as_str().as_bytes());
                    enc.byte(b')');
                }
            }
            Self::GmMsgId => enc.raw(b"X-GM-MSGID"),
            Self::GmThrId => enc.raw(b"X-GM-THRID"),
            Self::GmLabels => enc.raw(b"X-GM-LABELS"),
        }
    }
}

impl Encode for Section<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.byte(b'[');
        if let Some(part) = self.part_path() {
            part.encode(enc);
            if self.text().is_some() {
                enc.byte(b'.');
            }
        }
        if let Some(text) = self.text() {
            text.encode(enc);
        }
        enc.byte(b']');
    }
}

impl Encode for SectionText<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::Header => enc.raw(b"HEADER"),
            Self::HeaderFields(names) => {
                enc.raw(b"HEADER.FIELDS ");
                parenthesised(enc, names);
            }
            Self::HeaderFieldsNot(names) => {
                enc.raw(b"HEADER.FIELDS.NOT ");
                parenthesised(enc, names);
            }
            Self::Text => enc.raw(b"TEXT"),
            Self::Mime => enc.raw(b"MIME"),
        }
    }
}

impl Encode for SectionPart<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.as_bytes());
    }
}

impl Encode for Partial {
    fn encode(&self, enc: &mut Encoder) {
        enc.byte(b'<');
        self.offset.encode(enc);
        enc.byte(b'.');
        self.length.encode(enc);
        enc.byte(b'>');
    }
}
