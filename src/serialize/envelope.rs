//! Serializers of the envelope and its addresses.

use super::{Encode, Encoder};
use crate::types::envelope::{Address, Envelope};
use crate::types::list::List;

impl Encode for Address<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.byte(b'(');
        enc.nstring(self.name.as_bytes());
        enc.byte(b' ');
        enc.nstring(self.adl.as_bytes());
        enc.byte(b' ');
        enc.nstring(self.mailbox.as_bytes());
        enc.byte(b' ');
        enc.nstring(self.host.as_bytes());
        enc.byte(b')');
    }
}

/// `"(" 1*address ")" / nil`: NIL for the empty list.
pub(crate) fn env_addresses(enc: &mut Encoder, list: &List<'_, Address<'_>>) {
    if list.is_empty() {
        enc.raw(b"NIL");
        return;
    }
    enc.byte(b'(');
    for a in list {
        a.encode(enc);
    }
    enc.byte(b')');
}

impl Encode for Envelope<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.byte(b'(');
        enc.nstring(self.date.as_bytes());
        enc.byte(b' ');
        enc.nstring(self.subject.as_bytes());
        for list in [
            &self.from,
            &self.sender,
            &self.reply_to,
            &self.to,
            &self.cc,
            &self.bcc,
        ] {
            enc.byte(b' ');
            env_addresses(enc, list);
        }
        enc.byte(b' ');
        enc.nstring(self.in_reply_to.as_bytes());
        enc.byte(b' ');
        enc.nstring(self.message_id.as_bytes());
        enc.byte(b')');
    }
}
