//! Arguments of the LIST and LSUB commands: reference, patterns, selection and return options
//! (RFC 9051 §6.3.9, §9; RFC 3501 §6.3.8-6.3.9; RFC 5258 §3; RFC 5819 §2; RFC 6154 §3).
//!
//! [`ListArguments`] is everything after `LIST SP`; [`LsubArguments`] everything after
//! `LSUB SP`. Options this crate knows have variants; any other `option-extension` keeps its
//! name and its validated value. RFC 5258 forbids `RECURSIVEMATCH` without a base option such
//! as `SUBSCRIBED`; that is a rule about meaning, left to the server (the syntax cannot tell a
//! base option from an unknown one).
//!
//! ```
//! use imap_wire::types::list_args::{ListArguments, ListReturnOption, ListSelectOption};
//! use imap_wire::Parse;
//! let args = ListArguments::parse(b"(SUBSCRIBED) \"\" \"*\" RETURN (CHILDREN)").unwrap();
//! assert_eq!(args.selection.unwrap().to_vec(), [ListSelectOption::Subscribed]);
//! assert_eq!(args.return_options.unwrap().to_vec(), [ListReturnOption::Children]);
//! ```

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt;

use crate::chars::is_atom_char;
use crate::error::ValidationError;
use crate::owned::IntoStatic;
use crate::types::list::{List, NonEmptyList};
use crate::types::mailbox::{ListMailbox, Mailbox};
use crate::types::primitive::{check_bytes, cow_newtype};
use crate::types::status::StatusAttribute;
use crate::types::tagged_ext::{OptionValue, refuse_known};

/// `list-select-opt = list-select-base-opt / list-select-independent-opt /
/// list-select-mod-opt` (RFC 5258 §6, RFC 9051 §9, RFC 6154 §6).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ListSelectOption<'a> {
    /// `SUBSCRIBED`: only subscribed mailboxes (the replacement for LSUB).
    Subscribed,
    /// `REMOTE`: include mailboxes on other servers.
    Remote,
    /// `RECURSIVEMATCH`: also list parents of matching mailboxes, with CHILDINFO.
    RecursiveMatch,
    /// `SPECIAL-USE` (RFC 6154): only mailboxes with a special-use attribute.
    SpecialUse,
    /// `option-extension = (option-standard-tag / option-vendor-tag) [SP option-value]`.
    Extension(OptionName<'a>, Option<OptionValue<'a>>),
}

impl IntoStatic for ListSelectOption<'_> {
    type Static = ListSelectOption<'static>;

    fn into_static(self) -> ListSelectOption<'static> {
        match self {
            Self::Subscribed => ListSelectOption::Subscribed,
            Self::Remote => ListSelectOption::Remote,
            Self::RecursiveMatch => ListSelectOption::RecursiveMatch,
            Self::SpecialUse => ListSelectOption::SpecialUse,
            Self::Extension(n, v) => ListSelectOption::Extension(n.into_static(), v.into_static()),
        }
    }
}

/// `return-option = "SUBSCRIBED" / "CHILDREN" / status-option / option-extension`
/// (RFC 5258 §6, RFC 5819 §4, RFC 6154 §6, RFC 9051 §9).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ListReturnOption<'a> {
    /// `SUBSCRIBED`: return `\Subscribed` where it applies.
    Subscribed,
    /// `CHILDREN`: return `\HasChildren` or `\HasNoChildren`.
    Children,
    /// `SPECIAL-USE` (RFC 6154): return special-use attributes.
    SpecialUse,
    /// `status-option = "STATUS" SP "(" status-att *(SP status-att) ")"` (RFC 5819): a STATUS
    /// response for each listed mailbox.
    Status(NonEmptyList<'a, StatusAttribute<'a>>),
    /// `option-extension`.
    Extension(OptionName<'a>, Option<OptionValue<'a>>),
}

impl IntoStatic for ListReturnOption<'_> {
    type Static = ListReturnOption<'static>;

    fn into_static(self) -> ListReturnOption<'static> {
        match self {
            Self::Subscribed => ListReturnOption::Subscribed,
            Self::Children => ListReturnOption::Children,
            Self::SpecialUse => ListReturnOption::SpecialUse,
            Self::Status(v) => ListReturnOption::Status(v.into_static()),
            Self::Extension(n, v) => ListReturnOption::Extension(n.into_static(), v.into_static()),
        }
    }
}

/// The option names with variants of their own, in either option list.
pub(crate) const OPTION_NAMES: [&str; 6] = [
    "SUBSCRIBED",
    "REMOTE",
    "RECURSIVEMATCH",
    "SPECIAL-USE",
    "CHILDREN",
    "STATUS",
];

fn check_option_name(v: &[u8]) -> Result<(), ValidationError> {
    check_bytes("option-extension", v, false, is_atom_char)?;
    refuse_known("option-extension", v, &OPTION_NAMES)
}

cow_newtype!(
    /// The name of an `option-extension` (`option-standard-tag = atom` or
    /// `option-vendor-tag = vendor-token "-" atom`, both atoms).
    ///
    /// The constructor refuses every name that has a variant of its own in either option list
    /// (`SUBSCRIBED`, `REMOTE`, `RECURSIVEMATCH`, `SPECIAL-USE`, `CHILDREN`, `STATUS`, in any
    /// case). The parser still reads, say, `CHILDREN` among selection options as an extension,
    /// since it has no selection variant.
    OptionName, str, "option-extension", check_option_name
);

/// `mbox-or-pat = list-mailbox / patterns`, `patterns = "(" list-mailbox *(SP list-mailbox)
/// ")"` (RFC 5258 §6; RFC 9051 requires servers to take one pattern in parentheses).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ListPatterns<'a> {
    /// One pattern, bare.
    Single(ListMailbox<'a>),
    /// Patterns in parentheses (one or more).
    Multiple(NonEmptyList<'a, ListMailbox<'a>>),
}

impl<'a> From<ListMailbox<'a>> for ListPatterns<'a> {
    fn from(v: ListMailbox<'a>) -> Self {
        Self::Single(v)
    }
}

impl IntoStatic for ListPatterns<'_> {
    type Static = ListPatterns<'static>;

    fn into_static(self) -> ListPatterns<'static> {
        match self {
            Self::Single(p) => ListPatterns::Single(p.into_static()),
            Self::Multiple(v) => ListPatterns::Multiple(v.into_static()),
        }
    }
}

/// The arguments of LIST, everything after `"LIST" SP`:
/// `[list-select-opts SP] mailbox SP mbox-or-pat [SP list-return-opts]`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ListArguments<'a> {
    /// `list-select-opts`: `None` when absent, `Some` of an empty list for `()`.
    pub selection: Option<List<'a, ListSelectOption<'a>>>,
    /// The reference name (RFC 9051 §6.3.9), often `""`.
    pub reference: Mailbox<'a>,
    /// The mailbox pattern or patterns.
    pub patterns: ListPatterns<'a>,
    /// `list-return-opts = "RETURN" SP "(" [return-option *(SP return-option)] ")"`: `None`
    /// when absent, `Some` of an empty list for `RETURN ()`.
    pub return_options: Option<List<'a, ListReturnOption<'a>>>,
}

impl<'a> ListArguments<'a> {
    /// The basic form `reference pattern`, without options.
    pub fn new(reference: Mailbox<'a>, pattern: ListMailbox<'a>) -> Self {
        Self {
            selection: None,
            reference,
            patterns: ListPatterns::Single(pattern),
            return_options: None,
        }
    }
}

impl IntoStatic for ListArguments<'_> {
    type Static = ListArguments<'static>;

    fn into_static(self) -> ListArguments<'static> {
        ListArguments {
            selection: self.selection.map(IntoStatic::into_static),
            reference: self.reference.into_static(),
            patterns: self.patterns.into_static(),
            return_options: self.return_options.map(IntoStatic::into_static),
        }
    }
}

/// The arguments of LSUB (RFC 3501 §6.3.9), everything after `"LSUB" SP`:
/// `mailbox SP list-mailbox`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LsubArguments<'a> {
    /// The reference name.
    pub reference: Mailbox<'a>,
    /// The mailbox pattern.
    pub pattern: ListMailbox<'a>,
}

impl IntoStatic for LsubArguments<'_> {
    type Static = LsubArguments<'static>;

    fn into_static(self) -> LsubArguments<'static> {
        LsubArguments {
            reference: self.reference.into_static(),
            pattern: self.pattern.into_static(),
        }
    }
}

/// Generated values are valid: extension names avoid the known ones.
#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use alloc::borrow::Cow;

    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::{
        ListArguments, ListPatterns, ListReturnOption, ListSelectOption, LsubArguments,
        OPTION_NAMES, OptionName,
    };
    use crate::types::listing::atom_text_except;

    impl<'a> Arbitrary<'a> for OptionName<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self(Cow::Owned(atom_text_except(u, &OPTION_NAMES)?)))
        }
    }

    impl<'a> Arbitrary<'a> for ListSelectOption<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(match u.int_in_range(0..=4)? {
                0 => Self::Subscribed,
                1 => Self::Remote,
                2 => Self::RecursiveMatch,
                3 => Self::SpecialUse,
                _ => Self::Extension(Arbitrary::arbitrary(u)?, Arbitrary::arbitrary(u)?),
            })
        }
    }

    impl<'a> Arbitrary<'a> for ListReturnOption<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(match u.int_in_range(0..=4)? {
                0 => Self::Subscribed,
                1 => Self::Children,
                2 => Self::SpecialUse,
                3 => Self::Status(Arbitrary::arbitrary(u)?),
                _ => Self::Extension(Arbitrary::arbitrary(u)?, Arbitrary::arbitrary(u)?),
            })
        }
    }

    impl<'a> Arbitrary<'a> for ListPatterns<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(if u.ratio(2, 3)? {
                Self::Single(Arbitrary::arbitrary(u)?)
            } else {
                Self::Multiple(Arbitrary::arbitrary(u)?)
            })
        }
    }

    impl<'a> Arbitrary<'a> for ListArguments<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                selection: Arbitrary::arbitrary(u)?,
                reference: Arbitrary::arbitrary(u)?,
                patterns: Arbitrary::arbitrary(u)?,
                return_options: Arbitrary::arbitrary(u)?,
            })
        }
    }

    impl<'a> Arbitrary<'a> for LsubArguments<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                reference: Arbitrary::arbitrary(u)?,
                pattern: Arbitrary::arbitrary(u)?,
            })
        }
    }
}
