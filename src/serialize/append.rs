//! Serializers of APPEND's messages (RFC 9051 §9, RFC 3502, RFC 4466 §2.3) and of REPLACE
//! (RFC 8508). A literal's
//! form (`{n}`, `{n+}`, `~{n}`) is the [`Encoder`]'s choice, which records where a
//! synchronising one makes the client wait for `+`.

use super::{Encode, Encoder};
use crate::types::command::{AppendData, AppendMessage};
use crate::types::mailbox::Mailbox;
use crate::types::sequence::SeqNumber;

/// Writes `["UID" SP] "REPLACE" SP seq-number SP mailbox SP append-message` (RFC 8508 §5).
pub(crate) fn replace(
    enc: &mut Encoder,
    uid: bool,
    message_id: SeqNumber,
    mailbox: &Mailbox<'_>,
    message: &AppendMessage<'_>,
) {
    enc.raw(if uid { b"UID REPLACE " } else { b"REPLACE " });
    message_id.encode(enc);
    enc.byte(b' ');
    mailbox.encode(enc);
    enc.byte(b' ');
    message.encode(enc);
}

impl Encode for AppendMessage<'_> {
    /// `[flag-list SP] [date-time SP] append-data`: the message without the `SP` that
    /// precedes it in the command.
    fn encode(&self, enc: &mut Encoder) {
        if let Some(flags) = &self.flags {
            flags.encode(enc);
            enc.byte(b' ');
        }
        if let Some(date) = &self.date {
            date.encode(enc);
            enc.byte(b' ');
        }
        self.data.encode(enc);
    }
}

impl Encode for AppendData<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::Literal(l) => l.encode(enc),
            Self::Literal8(l) => l.encode(enc),
            Self::Ext(e) => e.encode(enc),
            Self::Catenate(parts) => super::catenate::catenate(enc, parts),
            Self::Utf8(l) => super::catenate::utf8_literal(enc, l),
        }
    }
}
