//! Serializers of the NOTIFY extension (RFC 5465): keywords in upper case, event names in the
//! case RFC 5465 writes them.

use super::{Encode, Encoder};
use crate::types::notify::{
    EventExtension, EventGroup, EventName, MailboxFilter, NotifyCommand, NotifyEvent,
};

/// Writes `NOTIFY NONE` or `NOTIFY SET [STATUS] groups`.
impl Encode for NotifyCommand<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::None => enc.raw(b"NOTIFY NONE"),
            Self::Set { status, groups } => {
                enc.raw(if *status {
                    b"NOTIFY SET STATUS "
                } else {
                    b"NOTIFY SET "
                });
                enc.list(groups.iter(), |e, g| g.encode(e));
            }
        }
    }
}

impl Encode for EventGroup<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.byte(b'(');
        self.filter.encode(enc);
        enc.byte(b' ');
        match &self.events {
            Some(events) => {
                enc.byte(b'(');
                enc.list(events.iter(), |e, ev| ev.encode(e));
                enc.byte(b')');
            }
            None => enc.raw(b"NONE"),
        }
        enc.byte(b')');
    }
}

/// Writes the keyword, and for `SUBTREE` and `MAILBOXES` one mailbox bare or several in
/// parentheses.
impl Encode for MailboxFilter<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.name().as_bytes());
        let Some(mailboxes) = self.mailboxes() else {
            return;
        };
        enc.byte(b' ');
        if mailboxes.len() == 1 {
            enc.list(mailboxes.iter(), |e, m| m.encode(e));
        } else {
            enc.byte(b'(');
            enc.list(mailboxes.iter(), |e, m| m.encode(e));
            enc.byte(b')');
        }
    }
}

impl Encode for NotifyEvent<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.name().as_bytes());
        if let Self::MessageNew(atts) = self {
            if !atts.is_empty() {
                enc.raw(b" (");
                enc.list(atts.iter(), |e, a| a.encode(e));
                enc.byte(b')');
            }
        }
    }
}

impl Encode for EventName {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.as_str().as_bytes());
    }
}

impl Encode for EventExtension<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.as_bytes());
    }
}
