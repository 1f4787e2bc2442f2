//! Serializers of mailbox names and LIST patterns.
//!
//! Names are written by content, as they stand in the value: `INBOX` for
//! [`Mailbox::Inbox`], else an `astring` (`list-mailbox`: `1*list-char` when possible, else a
//! string). Nothing is transcoded; a UTF-8 name goes in a quoted string only when
//! [`EncodeConfig::utf8_accept`](super::EncodeConfig::utf8_accept) is on, else in a literal.

use super::{Encode, Encoder};
use crate::chars::is_list_char;
use crate::types::mailbox::{ListMailbox, Mailbox, MailboxOther};

impl Encode for Mailbox<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::Inbox => enc.raw(b"INBOX"),
            Self::Other(o) => o.encode(enc),
        }
    }
}

impl Encode for MailboxOther<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.astring(self.as_bytes());
    }
}

impl Encode for ListMailbox<'_> {
    fn encode(&self, enc: &mut Encoder) {
        let v = self.as_bytes();
        if !v.is_empty() && v.iter().all(|&b| is_list_char(b)) {
            enc.raw(v);
        } else {
            enc.string(v);
        }
    }
}
