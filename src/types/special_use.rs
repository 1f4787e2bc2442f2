//! RFC 6154's CREATE-SPECIAL-USE: the `USE (...)` parameter of CREATE, as a typed view over
//! the generic `create-param` that [`CommandBody::Create`](crate::types::command::CommandBody)
//! carries.
//!
//! `create-param =/ "USE" SP "(" [use-attr *(SP use-attr)] ")"`, with `use-attr = "\All" /
//! "\Archive" / "\Drafts" / "\Flagged" / "\Junk" / "\Sent" / "\Trash" / use-attr-ext` and
//! `use-attr-ext = "\" atom`: every [`MailboxAttribute`] has that form.
//!
//! ```
//! use imap_wire::types::command::{Command, CommandBody};
//! use imap_wire::types::extension::ExtParam;
//! use imap_wire::types::listing::MailboxAttribute;
//! use imap_wire::{Parse, to_vec};
//! let cmd = Command::parse(b"t2 CREATE MySpecial (USE (\\Drafts \\Sent))\r\n").unwrap();
//! let CommandBody::Create { params, .. } = &cmd.body else { panic!() };
//! let param = params.iter().next().unwrap();
//! let attrs = param.use_attributes().unwrap().unwrap();
//! assert_eq!(attrs.to_vec(), [MailboxAttribute::Drafts, MailboxAttribute::Sent]);
//! let built = ExtParam::special_use([MailboxAttribute::Drafts, MailboxAttribute::Sent]);
//! assert_eq!(built, param);
//! assert_eq!(to_vec(&built), b"USE (\\Drafts \\Sent)");
//! ```

use alloc::borrow::Cow;
use alloc::vec::Vec;

use crate::parse::Cx;
use crate::parse::list::{Sep, paren_list};
use crate::types::extension::{ExtParam, TaggedExtLabel, TaggedExtVal};
use crate::types::list::List;
use crate::types::listing::MailboxAttribute;
use crate::{Encode, EncodeConfig, Encoder, ParseConfig};

impl ExtParam<'_> {
    /// `USE (attrs)` (RFC 6154 §3): create the mailbox with these special-use attributes.
    pub fn special_use<'b>(
        attrs: impl IntoIterator<Item = MailboxAttribute<'b>>,
    ) -> ExtParam<'static> {
        let mut enc = Encoder::new(EncodeConfig::default());
        enc.byte(b'(');
        enc.list(attrs, |enc, a: MailboxAttribute<'b>| a.encode(enc));
        enc.byte(b')');
        let value: Vec<u8> = enc.bytes().to_vec();
        ExtParam {
            name: TaggedExtLabel(Cow::Borrowed("USE")),
            value: Some(TaggedExtVal(Cow::Owned(value))),
        }
    }

    /// The attributes when this is `USE (...)`: `None` for another parameter, `Some(None)`
    /// for a `USE` whose value is not a parenthesised list of `"\" atom` attributes.
    pub fn use_attributes(&self) -> Option<Option<List<'_, MailboxAttribute<'_>>>> {
        if !self.name.is("USE") {
            return None;
        }
        let Some(value) = self.value.as_ref() else {
            return Some(None);
        };
        let cx = Cx::new(&ParseConfig::strict());
        Some(match paren_list(&cx, value.as_bytes(), Sep::Space, 0) {
            Ok((&[], list)) => Some(list),
            _ => None,
        })
    }
}
