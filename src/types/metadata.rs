//! The METADATA and METADATA-SERVER extensions (RFC 5464): annotations on mailboxes and on
//! the server, read with GETMETADATA and written with SETMETADATA.
//!
//! - Commands: [`MetadataCommand`], held by
//!   [`CommandBody::Metadata`](crate::types::command::CommandBody::Metadata).
//! - Response: [`MetadataData`] (`* METADATA`, with values or, unsolicited, entry names).
//! - Codes: [`MetadataCode`] (`[METADATA LONGENTRIES n]`, `[METADATA MAXSIZE n]`,
//!   `[METADATA TOOMANY]`, `[METADATA NOPRIVATE]`), held by
//!   [`Code::Metadata`](crate::Code::Metadata).
//!
//! An empty mailbox name (`""`) means the server's own annotations.
//!
//! ```
//! use imap_wire::types::metadata::{MetadataData, MetadataValue};
//! use imap_wire::Parse;
//! let m = MetadataData::parse(b"METADATA \"\" (/shared/comment \"My comment\")").unwrap();
//! assert_eq!(m.mailbox.as_str(), "");
//! ```

use crate::owned::IntoStatic;
use crate::types::extension::ExtParam;
use crate::types::list::{List, NonEmptyList};
use crate::types::mailbox::Mailbox;
use crate::types::primitive::{AString, Literal8, NString};

/// `value = nstring / literal8` (RFC 5464 §5).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MetadataValue<'a> {
    /// `nstring`: a string, or `NIL` (in SETMETADATA, removes the entry).
    NString(NString<'a>),
    /// `literal8`: binary data (RFC 3516's `~{n}`).
    Literal8(Literal8<'a>),
}

/// `entry-value = entry SP value`: an entry and its value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EntryValue<'a> {
    /// `entry = astring`: a slash-separated path such as `/private/comment`.
    pub entry: AString<'a>,
    /// The value.
    pub value: MetadataValue<'a>,
}

/// `scope-opt = "DEPTH" SP ("0" / "1" / "infinity")`: how far below an entry GETMETADATA
/// goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Depth {
    /// `0`: the entry itself.
    Zero,
    /// `1`: the entry and its children.
    One,
    /// `infinity`: the entry and all its descendants.
    Infinity,
}

/// `getmetadata-option = tagged-ext-label [SP tagged-ext-val]` (RFC 5464 §5).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum GetMetadataOption<'a> {
    /// `maxsize-opt = "MAXSIZE" SP number`: leave out values longer than this.
    MaxSize(u32),
    /// `scope-opt`
    Depth(Depth),
    /// An option of another extension, in the generic syntax.
    Ext(ExtParam<'a>),
}

/// The commands of RFC 5464 §4.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MetadataCommand<'a> {
    /// `getmetadata = "GETMETADATA" [SP getmetadata-options] SP mailbox SP entries` (§4.2),
    /// with `entries = entry / "(" entry *(SP entry) ")"` (one entry is written bare).
    GetMetadata {
        /// `getmetadata-options = "(" getmetadata-option *(SP getmetadata-option) ")"`;
        /// empty when absent.
        options: List<'a, GetMetadataOption<'a>>,
        /// The mailbox (`""` for the server).
        mailbox: Mailbox<'a>,
        /// The entries asked for.
        entries: NonEmptyList<'a, AString<'a>>,
    },
    /// `setmetadata = "SETMETADATA" SP mailbox SP entry-values` (§4.3).
    SetMetadata {
        /// The mailbox (`""` for the server).
        mailbox: Mailbox<'a>,
        /// `entry-values = "(" entry-value *(SP entry-value) ")"`
        values: NonEmptyList<'a, EntryValue<'a>>,
    },
}

impl MetadataCommand<'_> {
    /// The command's name.
    pub fn name(&self) -> &'static str {
        match self {
            Self::GetMetadata { .. } => "GETMETADATA",
            Self::SetMetadata { .. } => "SETMETADATA",
        }
    }
}

/// What a METADATA response carries.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum MetadataItems<'a> {
    /// `entry-values`: entries with their values (the answer to GETMETADATA).
    Values(NonEmptyList<'a, EntryValue<'a>>),
    /// `entry-list = entry *(SP entry)`: entries that changed (unsolicited).
    Entries(NonEmptyList<'a, AString<'a>>),
}

/// `metadata-resp = "METADATA" SP mailbox SP (entry-values / entry-list)` (RFC 5464 §4.4).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MetadataData<'a> {
    /// The mailbox (`""` for the server).
    pub mailbox: Mailbox<'a>,
    /// The values or entry names.
    pub items: MetadataItems<'a>,
}

/// The METADATA response codes (RFC 5464 §4.2.1, §4.3):
/// `"METADATA" SP ("LONGENTRIES" SP number / "MAXSIZE" SP number / "TOOMANY" / "NOPRIVATE")`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MetadataCode {
    /// `LONGENTRIES n`: values longer than MAXSIZE were left out; the longest is `n` octets.
    LongEntries(u32),
    /// `MAXSIZE n`: the value is too long; the server takes at most `n` octets.
    MaxSize(u32),
    /// `TOOMANY`: too many annotations.
    TooMany,
    /// `NOPRIVATE`: the server does not keep private annotations.
    NoPrivate,
}

crate::owned::static_types!(Depth, MetadataCode);

impl IntoStatic for MetadataValue<'_> {
    type Static = MetadataValue<'static>;

    fn into_static(self) -> MetadataValue<'static> {
        match self {
            Self::NString(s) => MetadataValue::NString(s.into_static()),
            Self::Literal8(l) => MetadataValue::Literal8(l.into_static()),
        }
    }
}

impl IntoStatic for EntryValue<'_> {
    type Static = EntryValue<'static>;

    fn into_static(self) -> EntryValue<'static> {
        EntryValue {
            entry: self.entry.into_static(),
            value: self.value.into_static(),
        }
    }
}

impl IntoStatic for GetMetadataOption<'_> {
    type Static = GetMetadataOption<'static>;

    fn into_static(self) -> GetMetadataOption<'static> {
        match self {
            Self::MaxSize(n) => GetMetadataOption::MaxSize(n),
            Self::Depth(d) => GetMetadataOption::Depth(d),
            Self::Ext(p) => GetMetadataOption::Ext(p.into_static()),
        }
    }
}

impl IntoStatic for MetadataCommand<'_> {
    type Static = MetadataCommand<'static>;

    fn into_static(self) -> MetadataCommand<'static> {
        match self {
            Self::GetMetadata {
                options,
                mailbox,
                entries,
            } => MetadataCommand::GetMetadata {
                options: options.into_static(),
                mailbox: mailbox.into_static(),
                entries: entries.into_static(),
            },
            Self::SetMetadata { mailbox, values } => MetadataCommand::SetMetadata {
                mailbox: mailbox.into_static(),
                values: values.into_static(),
            },
        }
    }
}

impl IntoStatic for MetadataItems<'_> {
    type Static = MetadataItems<'static>;

    fn into_static(self) -> MetadataItems<'static> {
        match self {
            Self::Values(v) => MetadataItems::Values(v.into_static()),
            Self::Entries(e) => MetadataItems::Entries(e.into_static()),
        }
    }
}

impl IntoStatic for MetadataData<'_> {
    type Static = MetadataData<'static>;

    fn into_static(self) -> MetadataData<'static> {
        MetadataData {
            mailbox: self.mailbox.into_static(),
            items: self.items.into_static(),
        }
    }
}

#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::*;

    impl<'a> Arbitrary<'a> for MetadataValue<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(if u.ratio(1, 4)? {
                Self::Literal8(Literal8::arbitrary(u)?)
            } else {
                Self::NString(NString::arbitrary(u)?)
            })
        }
    }

    impl<'a> Arbitrary<'a> for EntryValue<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                entry: AString::arbitrary(u)?,
                value: MetadataValue::arbitrary(u)?,
            })
        }
    }

    impl<'a> Arbitrary<'a> for Depth {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(*u.choose(&[Self::Zero, Self::One, Self::Infinity])?)
        }
    }

    impl<'a> Arbitrary<'a> for GetMetadataOption<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(match u.choose_index(3)? {
                0 => Self::MaxSize(u32::arbitrary(u)?),
                1 => Self::Depth(Depth::arbitrary(u)?),
                _ => {
                    let p = ExtParam::arbitrary(u)?;
                    if p.name.is("MAXSIZE") || p.name.is("DEPTH") {
                        Self::MaxSize(0)
                    } else {
                        Self::Ext(p)
                    }
                }
            })
        }
    }

    impl<'a> Arbitrary<'a> for MetadataCommand<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(if u.arbitrary()? {
                Self::GetMetadata {
                    options: List::arbitrary(u)?,
                    mailbox: Mailbox::arbitrary(u)?,
                    entries: NonEmptyList::arbitrary(u)?,
                }
            } else {
                Self::SetMetadata {
                    mailbox: Mailbox::arbitrary(u)?,
                    values: NonEmptyList::arbitrary(u)?,
                }
            })
        }
    }

    impl<'a> Arbitrary<'a> for MetadataData<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                mailbox: Mailbox::arbitrary(u)?,
                items: if u.arbitrary()? {
                    MetadataItems::Values(NonEmptyList::arbitrary(u)?)
                } else {
                    MetadataItems::Entries(NonEmptyList::arbitrary(u)?)
                },
            })
        }
    }

    impl<'a> Arbitrary<'a> for MetadataCode {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(match u.choose_index(4)? {
                0 => Self::LongEntries(u32::arbitrary(u)?),
                1 => Self::MaxSize(u32::arbitrary(u)?),
                2 => Self::TooMany,
                _ => Self::NoPrivate,
            })
        }
    }
}
