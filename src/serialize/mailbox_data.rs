//! Serializers of NAMESPACE and ENABLED responses.

use super::flag::paren_items;
use super::listing::delimiter;
use super::{Encode, Encoder};
use crate::types::list::NonEmptyList;
use crate::types::mailbox_data::{EnabledData, NamespaceData, NamespaceDescr, NamespaceExtension};

/// `namespace = nil / "(" 1*namespace-descr ")"`
fn namespace(enc: &mut Encoder, ns: Option<&NonEmptyList<'_, NamespaceDescr<'_>>>) {
    match ns {
        None => enc.raw(b"NIL"),
        Some(list) => {
            enc.byte(b'(');
            for d in list.iter() {
                d.encode(enc);
            }
            enc.byte(b')');
        }
    }
}

impl Encode for NamespaceData<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(b"NAMESPACE ");
        namespace(enc, self.personal.as_ref());
        enc.byte(b' ');
        namespace(enc, self.other_users.as_ref());
        enc.byte(b' ');
        namespace(enc, self.shared.as_ref());
    }
}

impl Encode for NamespaceDescr<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.byte(b'(');
        self.prefix.encode(enc);
        enc.byte(b' ');
        delimiter(enc, self.delimiter);
        for ext in &self.extensions {
            enc.byte(b' ');
            ext.encode(enc);
        }
        enc.byte(b')');
    }
}

impl Encode for NamespaceExtension<'_> {
    fn encode(&self, enc: &mut Encoder) {
        self.name.encode(enc);
        enc.byte(b' ');
        paren_items(enc, &self.values);
    }
}

impl Encode for EnabledData<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(b"ENABLED");
        for cap in &self.capabilities {
            enc.byte(b' ');
            cap.encode(enc);
        }
    }
}
