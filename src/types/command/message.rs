//! Arguments of the commands on messages: STORE's flags (or Gmail's labels) and modifiers and
//! FETCH's modifiers.

use alloc::vec::Vec;

use crate::owned::IntoStatic;
use crate::types::extension::ExtParam;
use crate::types::fetch_ext::GmLabel;
use crate::types::flag::{Flag, FlagList};
use crate::types::list::List;

/// How STORE changes the flags or labels: `["+" / "-"] "FLAGS"` (or `"X-GM-LABELS"`). The
/// enum is closed: the grammar has exactly these three cases. On its own it reads and writes
/// the flags form (`+FLAGS`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StoreAction {
    /// `FLAGS`: replace the flags with the given ones.
    Replace,
    /// `+FLAGS`: add the given flags.
    Add,
    /// `-FLAGS`: remove the given flags.
    Remove,
}

/// What a STORE command changes: the message's flags (`store-att-flags`, RFC 9051 §9) or,
/// with Gmail's X-GM-EXT-1, its labels. The two never mix: a label store changes no flag.
///
/// ```
/// use imap_wire::types::command::{CommandBody, StoreAction, StoreAtt};
/// use imap_wire::{Command, Parse};
/// let cmd = Command::parse(b"a1 STORE 1 +X-GM-LABELS (\\Important foo)\r\n").unwrap();
/// let CommandBody::Store { att, .. } = &cmd.body else { panic!() };
/// let StoreAtt::GmLabels(labels) = att else { panic!() };
/// assert_eq!(labels.action, StoreAction::Add);
/// assert_eq!(labels.labels.to_vec().len(), 2);
/// assert!(att.as_flags().is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StoreAtt<'a> {
    /// `["+" / "-"] "FLAGS" [".SILENT"] SP (flag-list / (flag *(SP flag)))`.
    Flags(StoreAttFlags<'a>),
    /// `["+" / "-"] "X-GM-LABELS" [".SILENT"] SP ("(" [label *(SP label)] ")" / (label *(SP
    /// label)))` (Gmail X-GM-EXT-1).
    GmLabels(StoreAttLabels<'a>),
}

impl<'a> StoreAtt<'a> {
    /// Replace, add or remove, whatever is changed.
    pub fn action(&self) -> StoreAction {
        match self {
            Self::Flags(f) => f.action,
            Self::GmLabels(l) => l.action,
        }
    }

    /// Whether `.SILENT` was given.
    pub fn is_silent(&self) -> bool {
        match self {
            Self::Flags(f) => f.silent,
            Self::GmLabels(l) => l.silent,
        }
    }

    /// The flags change, when the command changes flags.
    pub fn as_flags(&self) -> Option<&StoreAttFlags<'a>> {
        match self {
            Self::Flags(f) => Some(f),
            Self::GmLabels(_) => None,
        }
    }

    /// The labels change, when the command changes Gmail labels.
    pub fn as_labels(&self) -> Option<&StoreAttLabels<'a>> {
        match self {
            Self::GmLabels(l) => Some(l),
            Self::Flags(_) => None,
        }
    }
}

impl<'a> From<StoreAttFlags<'a>> for StoreAtt<'a> {
    fn from(v: StoreAttFlags<'a>) -> Self {
        Self::Flags(v)
    }
}

impl<'a> From<StoreAttLabels<'a>> for StoreAtt<'a> {
    fn from(v: StoreAttLabels<'a>) -> Self {
        Self::GmLabels(v)
    }
}

/// `["+" / "-"] "X-GM-LABELS" [".SILENT"] SP ("(" [label *(SP label)] ")" / (label *(SP
/// label)))`: the labels change of a Gmail STORE (X-GM-EXT-1). Each label is a
/// [`GmLabel`]: an `astring`, or `"\" atom` for a system label such as `\Inbox`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StoreAttLabels<'a> {
    /// Replace, add or remove.
    pub action: StoreAction,
    /// `.SILENT`: the server does not answer with the new labels.
    pub silent: bool,
    /// The labels, in the form they are written.
    pub labels: StoreLabels<'a>,
}

impl<'a> StoreAttLabels<'a> {
    /// `action` with a parenthesised list of `labels`, not silent.
    pub fn new(action: StoreAction, labels: impl IntoIterator<Item = GmLabel<'a>>) -> Self {
        Self {
            action,
            silent: false,
            labels: StoreLabels::List(labels.into_iter().collect()),
        }
    }
}

/// The labels of a Gmail STORE: `"(" [label *(SP label)] ")" / (label *(SP label))`. Both
/// forms mean the same; each is kept so that a command reads back exactly as written. The enum
/// is closed.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum StoreLabels<'a> {
    /// `"(" [label *(SP label)] ")"` (may be empty).
    List(List<'a, GmLabel<'a>>),
    /// `label *(SP label)`: at least one label, without parentheses.
    Bare {
        /// The first label.
        first: GmLabel<'a>,
        /// The other labels.
        rest: List<'a, GmLabel<'a>>,
    },
}

impl<'a> StoreLabels<'a> {
    /// The labels, in order, whatever the form.
    pub fn to_vec(&self) -> Vec<GmLabel<'a>> {
        match self {
            Self::List(list) => list.to_vec(),
            Self::Bare { first, rest } => core::iter::once(first.clone()).chain(rest).collect(),
        }
    }

    /// Whether the labels are in parentheses.
    pub fn is_parenthesized(&self) -> bool {
        matches!(self, Self::List(_))
    }
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

impl IntoStatic for StoreAtt<'_> {
    type Static = StoreAtt<'static>;

    fn into_static(self) -> StoreAtt<'static> {
        match self {
            Self::Flags(f) => StoreAtt::Flags(f.into_static()),
            Self::GmLabels(l) => StoreAtt::GmLabels(l.into_static()),
        }
    }
}

impl IntoStatic for StoreAttLabels<'_> {
    type Static = StoreAttLabels<'static>;

    fn into_static(self) -> StoreAttLabels<'static> {
        StoreAttLabels {
            action: self.action,
            silent: self.silent,
            labels: self.labels.into_static(),
        }
    }
}

impl IntoStatic for StoreLabels<'_> {
    type Static = StoreLabels<'static>;

    fn into_static(self) -> StoreLabels<'static> {
        match self {
            Self::List(l) => StoreLabels::List(l.into_static()),
            Self::Bare { first, rest } => StoreLabels::Bare {
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
