//! Serializers of STATUS attributes, items, responses and command arguments: names upper case.

use super::flag::paren_items;
use super::{Encode, Encoder};
use crate::types::status::{
    ObjectId, StatusArguments, StatusAttribute, StatusAttributeExtension, StatusData, StatusItem,
};

impl Encode for StatusAttribute<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.name().as_bytes());
    }
}

impl Encode for StatusAttributeExtension<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.as_bytes());
    }
}

impl Encode for ObjectId<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.as_bytes());
    }
}

impl Encode for StatusItem<'_> {
    fn encode(&self, enc: &mut Encoder) {
        self.attribute().encode(enc);
        enc.byte(b' ');
        match self {
            Self::Messages(n) | Self::Unseen(n) | Self::Deleted(n) | Self::Recent(n) => {
                enc.number(u64::from(*n));
            }
            Self::UidNext(n) | Self::UidValidity(n) => enc.number(u64::from(n.get())),
            Self::Size(n) | Self::HighestModSeq(n) | Self::DeletedStorage(n) => n.encode(enc),
            Self::AppendLimit(Some(n)) => enc.number(u64::from(*n)),
            Self::AppendLimit(None) => enc.raw(b"NIL"),
            Self::MailboxId(id) => {
                enc.byte(b'(');
                id.encode(enc);
                enc.byte(b')');
            }
            Self::Extension(_, value) => value.encode(enc),
        }
    }
}

impl Encode for StatusData<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(b"STATUS ");
        self.mailbox.encode(enc);
        enc.byte(b' ');
        paren_items(enc, &self.items);
    }
}

impl Encode for StatusArguments<'_> {
    fn encode(&self, enc: &mut Encoder) {
        self.mailbox.encode(enc);
        enc.byte(b' ');
        paren_items(enc, &self.attributes);
    }
}
