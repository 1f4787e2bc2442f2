//! The ACL extension (RFC 4314): access control lists on mailboxes.
//!
//! - Commands: [`AclCommand`] (`GETACL`, `SETACL`, `DELETEACL`, `LISTRIGHTS`, `MYRIGHTS`),
//!   held by [`CommandBody::Acl`](crate::types::command::CommandBody::Acl).
//! - Responses: [`AclData`] (`* ACL`), [`ListRightsData`] (`* LISTRIGHTS`) and
//!   [`MyRightsData`] (`* MYRIGHTS`).
//!
//! Identifiers and rights are `astring`s (RFC 4314 §7), held as [`AString`] content: rights
//! are letters and digits such as `lrswipkxtecda`, and SETACL's may start with `+` or `-`.
//!
//! ```
//! use imap_wire::types::acl::AclData;
//! use imap_wire::{Parse, to_vec};
//! let acl = AclData::parse(b"ACL INBOX Fred rwipslxetad -Fred wetd $team w").unwrap();
//! let entries = acl.entries.to_vec();
//! assert_eq!(entries[1].identifier.as_bytes(), b"-Fred");
//! assert_eq!(entries[2].rights.as_bytes(), b"w");
//! ```

use crate::owned::IntoStatic;
use crate::types::list::List;
use crate::types::mailbox::Mailbox;
use crate::types::primitive::AString;

/// The commands of RFC 4314 §3.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AclCommand<'a> {
    /// `setacl = "SETACL" SP mailbox SP identifier SP mod-rights` (§3.1): `mod-rights` is
    /// `+rights` to add, `-rights` to remove, or the rights that replace the old ones.
    SetAcl {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// `identifier = astring`: whose rights.
        identifier: AString<'a>,
        /// `mod-rights = astring`
        rights: AString<'a>,
    },
    /// `deleteacl = "DELETEACL" SP mailbox SP identifier` (§3.2).
    DeleteAcl {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// Whose entry to remove.
        identifier: AString<'a>,
    },
    /// `getacl = "GETACL" SP mailbox` (§3.3).
    GetAcl {
        /// The mailbox.
        mailbox: Mailbox<'a>,
    },
    /// `listrights = "LISTRIGHTS" SP mailbox SP identifier` (§3.4).
    ListRights {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// Whose possible rights.
        identifier: AString<'a>,
    },
    /// `myrights = "MYRIGHTS" SP mailbox` (§3.5).
    MyRights {
        /// The mailbox.
        mailbox: Mailbox<'a>,
    },
}

impl AclCommand<'_> {
    /// The command's name.
    pub fn name(&self) -> &'static str {
        match self {
            Self::SetAcl { .. } => "SETACL",
            Self::DeleteAcl { .. } => "DELETEACL",
            Self::GetAcl { .. } => "GETACL",
            Self::ListRights { .. } => "LISTRIGHTS",
            Self::MyRights { .. } => "MYRIGHTS",
        }
    }

    /// The mailbox the command is about.
    pub fn mailbox(&self) -> &Mailbox<'_> {
        match self {
            Self::SetAcl { mailbox, .. }
            | Self::DeleteAcl { mailbox, .. }
            | Self::GetAcl { mailbox }
            | Self::ListRights { mailbox, .. }
            | Self::MyRights { mailbox } => mailbox,
        }
    }
}

/// `identifier SP rights`, one entry of an [`AclData`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AclEntry<'a> {
    /// `identifier = astring`
    pub identifier: AString<'a>,
    /// `rights = astring`
    pub rights: AString<'a>,
}

/// `acl-data = "ACL" SP mailbox *(SP identifier SP rights)` (RFC 4314 §3.6).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AclData<'a> {
    /// The mailbox.
    pub mailbox: Mailbox<'a>,
    /// Its entries (may be none).
    pub entries: List<'a, AclEntry<'a>>,
}

/// `listrights-data = "LISTRIGHTS" SP mailbox SP identifier SP rights *(SP rights)` (RFC
/// 4314 §3.7).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ListRightsData<'a> {
    /// The mailbox.
    pub mailbox: Mailbox<'a>,
    /// Whose rights.
    pub identifier: AString<'a>,
    /// The rights always granted (may be empty, written `""`).
    pub required: AString<'a>,
    /// The groups of rights that may be granted, each all or nothing.
    pub optional: List<'a, AString<'a>>,
}

/// `myrights-data = "MYRIGHTS" SP mailbox SP rights` (RFC 4314 §3.8).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MyRightsData<'a> {
    /// The mailbox.
    pub mailbox: Mailbox<'a>,
    /// The rights of the logged-in user.
    pub rights: AString<'a>,
}

impl IntoStatic for AclCommand<'_> {
    type Static = AclCommand<'static>;

    fn into_static(self) -> AclCommand<'static> {
        match self {
            Self::SetAcl {
                mailbox,
                identifier,
                rights,
            } => AclCommand::SetAcl {
                mailbox: mailbox.into_static(),
                identifier: identifier.into_static(),
                rights: rights.into_static(),
            },
            Self::DeleteAcl {
                mailbox,
                identifier,
            } => AclCommand::DeleteAcl {
                mailbox: mailbox.into_static(),
                identifier: identifier.into_static(),
            },
            Self::GetAcl { mailbox } => AclCommand::GetAcl {
                mailbox: mailbox.into_static(),
            },
            Self::ListRights {
                mailbox,
                identifier,
            } => AclCommand::ListRights {
                mailbox: mailbox.into_static(),
                identifier: identifier.into_static(),
            },
            Self::MyRights { mailbox } => AclCommand::MyRights {
                mailbox: mailbox.into_static(),
            },
        }
    }
}

impl IntoStatic for AclEntry<'_> {
    type Static = AclEntry<'static>;

    fn into_static(self) -> AclEntry<'static> {
        AclEntry {
            identifier: self.identifier.into_static(),
            rights: self.rights.into_static(),
        }
    }
}

impl IntoStatic for AclData<'_> {
    type Static = AclData<'static>;

    fn into_static(self) -> AclData<'static> {
        AclData {
            mailbox: self.mailbox.into_static(),
            entries: self.entries.into_static(),
        }
    }
}

impl IntoStatic for ListRightsData<'_> {
    type Static = ListRightsData<'static>;

    fn into_static(self) -> ListRightsData<'static> {
        ListRightsData {
            mailbox: self.mailbox.into_static(),
            identifier: self.identifier.into_static(),
            required: self.required.into_static(),
            optional: self.optional.into_static(),
        }
    }
}

impl IntoStatic for MyRightsData<'_> {
    type Static = MyRightsData<'static>;

    fn into_static(self) -> MyRightsData<'static> {
        MyRightsData {
            mailbox: self.mailbox.into_static(),
            rights: self.rights.into_static(),
        }
    }
}

#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::*;

    impl<'a> Arbitrary<'a> for AclCommand<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let mailbox = Mailbox::arbitrary(u)?;
            Ok(match u.choose_index(5)? {
                0 => Self::SetAcl {
                    mailbox,
                    identifier: AString::arbitrary(u)?,
                    rights: AString::arbitrary(u)?,
                },
                1 => Self::DeleteAcl {
                    mailbox,
                    identifier: AString::arbitrary(u)?,
                },
                2 => Self::GetAcl { mailbox },
                3 => Self::ListRights {
                    mailbox,
                    identifier: AString::arbitrary(u)?,
                },
                _ => Self::MyRights { mailbox },
            })
        }
    }

    impl<'a> Arbitrary<'a> for AclEntry<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                identifier: AString::arbitrary(u)?,
                rights: AString::arbitrary(u)?,
            })
        }
    }

    impl<'a> Arbitrary<'a> for AclData<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                mailbox: Mailbox::arbitrary(u)?,
                entries: List::arbitrary(u)?,
            })
        }
    }

    impl<'a> Arbitrary<'a> for ListRightsData<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                mailbox: Mailbox::arbitrary(u)?,
                identifier: AString::arbitrary(u)?,
                required: AString::arbitrary(u)?,
                optional: List::arbitrary(u)?,
            })
        }
    }

    impl<'a> Arbitrary<'a> for MyRightsData<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                mailbox: Mailbox::arbitrary(u)?,
                rights: AString::arbitrary(u)?,
            })
        }
    }
}
