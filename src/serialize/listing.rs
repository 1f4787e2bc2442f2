//! Serializers of LIST and LSUB responses: known attributes in canonical case, the delimiter
//! as a quoted string, CHILDINFO and OLDNAME with quoted tags as RFC 5258 and RFC 9051 show
//! them.

use super::flag::paren_items;
use super::{Encode, Encoder};
use crate::types::listing::{
    ChildInfoOption, Delimiter, ListExtendedItem, ListExtendedTag, MailboxAttribute,
    MailboxAttributeExtension, MailboxList,
};

impl Encode for MailboxAttribute<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.byte(b'\\');
        enc.raw(self.name().as_bytes());
    }
}

impl Encode for MailboxAttributeExtension<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.byte(b'\\');
        enc.raw(self.as_bytes());
    }
}

impl Encode for Delimiter {
    fn encode(&self, enc: &mut Encoder) {
        let mut buf = [0u8; 4];
        enc.quoted(self.get().encode_utf8(&mut buf).as_bytes());
    }
}

/// `(DQUOTE QUOTED-CHAR DQUOTE / nil)`
pub(crate) fn delimiter(enc: &mut Encoder, d: Option<Delimiter>) {
    match d {
        Some(d) => d.encode(enc),
        None => enc.raw(b"NIL"),
    }
}

impl Encode for MailboxList<'_> {
    fn encode(&self, enc: &mut Encoder) {
        paren_items(enc, &self.attributes);
        enc.byte(b' ');
        delimiter(enc, self.delimiter);
        enc.byte(b' ');
        self.mailbox.encode(enc);
        if let Some(extended) = &self.extended {
            enc.byte(b' ');
            paren_items(enc, extended);
        }
    }
}

impl Encode for ListExtendedTag<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.as_bytes());
    }
}

impl Encode for ChildInfoOption<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.quoted(&ChildInfoOption::inner_bytes(self.option()));
    }
}

impl Encode for ListExtendedItem<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::ChildInfo(options) => {
                enc.raw(b"\"CHILDINFO\" ");
                paren_items(enc, options);
            }
            Self::OldName(name) => {
                enc.raw(b"\"OLDNAME\" (");
                name.encode(enc);
                enc.byte(b')');
            }
            Self::Extension(tag, value) => {
                tag.encode(enc);
                enc.byte(b' ');
                value.encode(enc);
            }
        }
    }
}
