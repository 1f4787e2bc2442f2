//! The QUOTA extension (RFC 9208, which replaces RFC 2087): quota roots, their resources with
//! usage and limits, and the commands that read and set them.
//!
//! - Commands: [`QuotaCommand`] (`GETQUOTA`, `GETQUOTAROOT`, `SETQUOTA`), held by
//!   [`CommandBody::Quota`](crate::types::command::CommandBody::Quota).
//! - Responses: [`QuotaData`] (`* QUOTA`) and [`QuotaRootData`] (`* QUOTAROOT`).
//! - The `OVERQUOTA` code is [`Code::OverQuota`](crate::Code::OverQuota); the capabilities
//!   `QUOTA`, `QUOTASET` and `QUOTA=RES-<name>` read as ordinary capabilities.
//!
//! ```
//! use imap_wire::types::quota::QuotaData;
//! use imap_wire::{Parse, to_vec};
//! let q = QuotaData::parse(b"QUOTA \"#user/alice\" (STORAGE 54 111 MESSAGE 42 1000)").unwrap();
//! let r = q.resources.to_vec();
//! assert!(r[0].name.is("storage"));
//! assert_eq!((r[1].usage.get(), r[1].limit.get()), (42, 1000));
//! ```

use crate::owned::IntoStatic;
use crate::types::list::List;
use crate::types::mailbox::Mailbox;
use crate::types::primitive::{AString, Atom, Number64};

/// `resource-name = "STORAGE" / "MESSAGE" / "MAILBOX" / "ANNOTATION-STORAGE" /
/// resource-name-ext`, `resource-name-ext = atom` (RFC 9208 §9): the name as written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ResourceName<'a>(pub Atom<'a>);

impl ResourceName<'_> {
    /// `STORAGE`: the mailboxes' size, in units of 1024 octets.
    pub const STORAGE: ResourceName<'static> =
        ResourceName(Atom(alloc::borrow::Cow::Borrowed("STORAGE")));
    /// `MESSAGE`: the number of messages.
    pub const MESSAGE: ResourceName<'static> =
        ResourceName(Atom(alloc::borrow::Cow::Borrowed("MESSAGE")));
    /// `MAILBOX`: the number of mailboxes.
    pub const MAILBOX: ResourceName<'static> =
        ResourceName(Atom(alloc::borrow::Cow::Borrowed("MAILBOX")));
    /// `ANNOTATION-STORAGE`: the size of annotations, in units of 1024 octets.
    pub const ANNOTATION_STORAGE: ResourceName<'static> =
        ResourceName(Atom(alloc::borrow::Cow::Borrowed("ANNOTATION-STORAGE")));

    /// Whether the name is `name` in any case.
    pub fn is(&self, name: &str) -> bool {
        self.0.as_str().eq_ignore_ascii_case(name)
    }
}

/// `quota-resource = resource-name SP resource-usage SP resource-limit` (RFC 9208 §9).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct QuotaResource<'a> {
    /// The resource.
    pub name: ResourceName<'a>,
    /// `resource-usage = number64`: how much is used.
    pub usage: Number64,
    /// `resource-limit = number64`: the limit.
    pub limit: Number64,
}

/// `setquota-resource = resource-name SP resource-limit` (RFC 9208 §9).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SetQuotaResource<'a> {
    /// The resource.
    pub name: ResourceName<'a>,
    /// The new limit.
    pub limit: Number64,
}

/// The commands of RFC 9208 §4.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum QuotaCommand<'a> {
    /// `getquota = "GETQUOTA" SP quota-root-name` (§4.2).
    GetQuota {
        /// `quota-root-name = astring`
        root: AString<'a>,
    },
    /// `getquotaroot = "GETQUOTAROOT" SP mailbox` (§4.3).
    GetQuotaRoot {
        /// The mailbox whose quota roots are asked for.
        mailbox: Mailbox<'a>,
    },
    /// `setquota = "SETQUOTA" SP quota-root-name SP setquota-list` (§4.1), where
    /// `setquota-list = "(" [setquota-resource *(SP setquota-resource)] ")"`.
    SetQuota {
        /// The quota root.
        root: AString<'a>,
        /// The new limits (may be empty: remove all limits).
        limits: List<'a, SetQuotaResource<'a>>,
    },
}

impl QuotaCommand<'_> {
    /// The command's name.
    pub fn name(&self) -> &'static str {
        match self {
            Self::GetQuota { .. } => "GETQUOTA",
            Self::GetQuotaRoot { .. } => "GETQUOTAROOT",
            Self::SetQuota { .. } => "SETQUOTA",
        }
    }
}

/// `quota-response = "QUOTA" SP quota-root-name SP quota-list` (RFC 9208 §5.1), with
/// `quota-list = "(" quota-resource *(SP quota-resource) ")"`.
///
/// An empty list, which RFC 2087's `#quota_resource` allowed, is read too.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct QuotaData<'a> {
    /// The quota root.
    pub root: AString<'a>,
    /// Its resources.
    pub resources: List<'a, QuotaResource<'a>>,
}

/// `quotaroot-response = "QUOTAROOT" SP mailbox *(SP quota-root-name)` (RFC 9208 §5.2).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct QuotaRootData<'a> {
    /// The mailbox.
    pub mailbox: Mailbox<'a>,
    /// Its quota roots (none when no quota applies).
    pub roots: List<'a, AString<'a>>,
}

impl IntoStatic for ResourceName<'_> {
    type Static = ResourceName<'static>;

    fn into_static(self) -> ResourceName<'static> {
        ResourceName(self.0.into_static())
    }
}

impl IntoStatic for QuotaResource<'_> {
    type Static = QuotaResource<'static>;

    fn into_static(self) -> QuotaResource<'static> {
        QuotaResource {
            name: self.name.into_static(),
            usage: self.usage,
            limit: self.limit,
        }
    }
}

impl IntoStatic for SetQuotaResource<'_> {
    type Static = SetQuotaResource<'static>;

    fn into_static(self) -> SetQuotaResource<'static> {
        SetQuotaResource {
            name: self.name.into_static(),
            limit: self.limit,
        }
    }
}

impl IntoStatic for QuotaCommand<'_> {
    type Static = QuotaCommand<'static>;

    fn into_static(self) -> QuotaCommand<'static> {
        match self {
            Self::GetQuota { root } => QuotaCommand::GetQuota {
                root: root.into_static(),
            },
            Self::GetQuotaRoot { mailbox } => QuotaCommand::GetQuotaRoot {
                mailbox: mailbox.into_static(),
            },
            Self::SetQuota { root, limits } => QuotaCommand::SetQuota {
                root: root.into_static(),
                limits: limits.into_static(),
            },
        }
    }
}

impl IntoStatic for QuotaData<'_> {
    type Static = QuotaData<'static>;

    fn into_static(self) -> QuotaData<'static> {
        QuotaData {
            root: self.root.into_static(),
            resources: self.resources.into_static(),
        }
    }
}

impl IntoStatic for QuotaRootData<'_> {
    type Static = QuotaRootData<'static>;

    fn into_static(self) -> QuotaRootData<'static> {
        QuotaRootData {
            mailbox: self.mailbox.into_static(),
            roots: self.roots.into_static(),
        }
    }
}

#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::*;

    impl<'a> Arbitrary<'a> for ResourceName<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            if u.ratio(1, 2)? {
                return Ok(u
                    .choose(&[
                        ResourceName::STORAGE,
                        ResourceName::MESSAGE,
                        ResourceName::MAILBOX,
                        ResourceName::ANNOTATION_STORAGE,
                    ])?
                    .clone());
            }
            Ok(Self(Atom::arbitrary(u)?))
        }
    }

    impl<'a> Arbitrary<'a> for QuotaResource<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                name: ResourceName::arbitrary(u)?,
                usage: Number64::arbitrary(u)?,
                limit: Number64::arbitrary(u)?,
            })
        }
    }

    impl<'a> Arbitrary<'a> for SetQuotaResource<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                name: ResourceName::arbitrary(u)?,
                limit: Number64::arbitrary(u)?,
            })
        }
    }

    impl<'a> Arbitrary<'a> for QuotaCommand<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(match u.choose_index(3)? {
                0 => Self::GetQuota {
                    root: AString::arbitrary(u)?,
                },
                1 => Self::GetQuotaRoot {
                    mailbox: Mailbox::arbitrary(u)?,
                },
                _ => Self::SetQuota {
                    root: AString::arbitrary(u)?,
                    limits: List::arbitrary(u)?,
                },
            })
        }
    }

    impl<'a> Arbitrary<'a> for QuotaData<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                root: AString::arbitrary(u)?,
                resources: List::arbitrary(u)?,
            })
        }
    }

    impl<'a> Arbitrary<'a> for QuotaRootData<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                mailbox: Mailbox::arbitrary(u)?,
                roots: List::arbitrary(u)?,
            })
        }
    }
}
