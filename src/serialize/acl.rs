//! Serializers of the ACL extension (RFC 4314).

use super::{Encode, Encoder};
use crate::types::acl::{AclCommand, AclData, AclEntry, ListRightsData, MyRightsData};

/// Writes the command with its name.
impl Encode for AclCommand<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.name().as_bytes());
        enc.byte(b' ');
        self.mailbox().encode(enc);
        match self {
            Self::SetAcl {
                identifier, rights, ..
            } => {
                enc.byte(b' ');
                identifier.encode(enc);
                enc.byte(b' ');
                rights.encode(enc);
            }
            Self::DeleteAcl { identifier, .. } | Self::ListRights { identifier, .. } => {
                enc.byte(b' ');
                identifier.encode(enc);
            }
            Self::GetAcl { .. } | Self::MyRights { .. } => {}
        }
    }
}

impl Encode for AclEntry<'_> {
    fn encode(&self, enc: &mut Encoder) {
        self.identifier.encode(enc);
        enc.byte(b' ');
        self.rights.encode(enc);
    }
}

/// Writes `ACL mailbox ...`.
impl Encode for AclData<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(b"ACL ");
        self.mailbox.encode(enc);
        for e in &self.entries {
            enc.byte(b' ');
            e.encode(enc);
        }
    }
}

/// Writes `LISTRIGHTS mailbox identifier rights...`.
impl Encode for ListRightsData<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(b"LISTRIGHTS ");
        self.mailbox.encode(enc);
        enc.byte(b' ');
        self.identifier.encode(enc);
        enc.byte(b' ');
        self.required.encode(enc);
        for r in &self.optional {
            enc.byte(b' ');
            r.encode(enc);
        }
    }
}

/// Writes `MYRIGHTS mailbox rights`.
impl Encode for MyRightsData<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(b"MYRIGHTS ");
        self.mailbox.encode(enc);
        enc.byte(b' ');
        self.rights.encode(enc);
    }
}
