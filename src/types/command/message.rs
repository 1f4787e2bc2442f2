//! Arguments of the commands on messages: STORE's flags and modifiers and FETCH's modifiers.

use alloc::vec::Vec;

use crate::owned::IntoStatic;
use crate::types::extension::ExtParam;
use crate::types::flag::{Flag, FlagList};
use crate::types::list::List;

/// How STORE changes the flags: `["+" / "-"] "FLAGS"`. The enum is closed: the grammar has
/// exactly these three cases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StoreAction {
    /// `FLAGS`: replace the flags with the given ones.
    Replace,
    /// `+FLAGS`: add the given flags.
    Add,
    /// `-FLAGS`: remove the given flags.
    Remove,
}

/// `store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag)))`
/// (RFC 9051 §9, RFC 3501 §9).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StoreAttFlags<'a> {
    /// Replace, add or remove.
    pub action: StoreAction,
    /// `.SILENT`: the server does not answer with the new flags.
    pub silent: bool,
    /// The flags, in the form they are written.
    pub flags: StoreFlags<'a>,
}

impl<'a> StoreAttFlags<'a> {
    /// `action` with a parenthesised `flags` list, not silent.
    pub fn new(action: StoreAction, flags: FlagList<'a>) -> Self {
        Self {
            action,
            silent: false,
            flags: StoreFlags::List(flags),
        }
    }
}

/// The flags of STORE: `flag-list / (flag *(SP flag))`. Both forms mean the same; each is
/// kept so that a command reads back exactly as written. The enum is closed.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum StoreFlags<'a> {
    /// `flag-list = "(" [flag *(SP flag)] ")"` (may be empty).
    List(FlagList<'a>),
    /// `flag *(SP flag)`: at least one flag, without parentheses.
    Bare {
        /// The first flag.
        first: Flag<'a>,
        /// The other flags.
        rest: List<'a, Flag<'a>>,
    },
}

impl<'a> StoreFlags<'a> {
    /// Flags without parentheses.
    ///
    /// # Errors
    /// [`ValidationReason::Empty`](crate::ValidationReason::Empty) when there are none (only
    /// a parenthesised list may be empty).
    pub fn bare(flags: impl IntoIterator<Item = Flag<'a>>) -> Result<Self, crate::ValidationError> {
        let mut it = flags.into_iter();
        let Some(first) = it.next() else {
            return Err(crate::ValidationError::new(
                "flag",
                crate::ValidationReason::Empty,
            ));
        };
        Ok(Self::Bare {
            first,
            rest: it.collect(),
        })
    }

    /// The flags, in order, whatever the form.
    pub fn to_vec(&self) -> Vec<Flag<'a>> {
        match self {
            Self::List(list) => list.0.to_vec(),
            Self::Bare { first, rest } => {
                let mut v = Vec::with_capacity(1 + rest.len());
                v.push(first.clone());
                v.extend(rest.iter());
                v
            }
        }
    }

    /// Whether the flags are in parentheses.
    pub fn is_parenthesized(&self) -> bool {
        matches!(self, Self::List(_))
    }
}

/// `store-modifier = store-modifier-name [SP store-modif-params]` (RFC 4466 §2.5).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StoreModifier<'a> {
    /// A modifier in the generic syntax.
    Ext(ExtParam<'a>),
}

/// `fetch-modifier = fetch-modifier-name [SP fetch-modif-params]` (RFC 4466 §2.4), such as
/// `CHANGEDSINCE 12345` or `VANISHED` (RFC 7162 §3.1.4, §3.2.6).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FetchModifier<'a> {
    /// A modifier in the generic syntax.
    Ext(ExtParam<'a>),
}

impl IntoStatic for StoreAttFlags<'_> {
    type Static = StoreAttFlags<'static>;

    fn into_static(self) -> StoreAttFlags<'static> {
        StoreAttFlags {
            action: self.action,
            silent: self.silent,
            flags: self.flags.into_static(),
        }
    }
}

impl IntoStatic for StoreFlags<'_> {
    type Static = StoreFlags<'static>;

    fn into_static(self) -> StoreFlags<'static> {
        match self {
            Self::List(l) => StoreFlags::List(l.into_static()),
            Self::Bare { first, rest } => StoreFlags::Bare {
                first: first.into_static(),
                rest: rest.into_static(),
            },
        }
    }
}

impl IntoStatic for StoreModifier<'_> {
    type Static = StoreModifier<'static>;

    fn into_static(self) -> StoreModifier<'static> {
        match self {
            Self::Ext(p) => StoreModifier::Ext(p.into_static()),
        }
    }
}

impl IntoStatic for FetchModifier<'_> {
    type Static = FetchModifier<'static>;

    fn into_static(self) -> FetchModifier<'static> {
        match self {
            Self::Ext(p) => FetchModifier::Ext(p.into_static()),
        }
    }
}

crate::owned::static_types!(StoreAction);
