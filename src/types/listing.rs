//! LIST and LSUB responses: `mailbox-list` with its attributes, hierarchy delimiter and
//! extended items (RFC 9051 §7.3.1, §9; RFC 3501 §7.2.2-7.2.3; RFC 5258 §3-4; RFC 6154 §2).
//!
//! A [`MailboxList`] is the data of `* LIST` and of `* LSUB` alike; the response says which.
//! Attributes are a [`List`] of [`MailboxAttribute`], known names in any case on the wire and
//! canonical case when written, any other `\atom` kept as an extension. The grammar allows at
//! most one selectability attribute (`\Noselect`, `\NonExistent`, `\Marked`, `\Unmarked`) and
//! each attribute once; the parser does not count them, it reads the list as written.
//!
//! ```
//! use imap_wire::types::listing::{MailboxAttribute, MailboxList};
//! use imap_wire::{Mailbox, Parse};
//! let list = MailboxList::parse(b"(\\Noselect) \"/\" ~/Mail/foo").unwrap();
//! assert_eq!(list.attributes.to_vec(), [MailboxAttribute::Noselect]);
//! assert_eq!(list.delimiter.map(|d| d.get()), Some('/'));
//! assert_eq!(list.mailbox, Mailbox::new("~/Mail/foo").unwrap());
//! ```

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt;

use crate::chars::is_atom_char;
use crate::error::{ValidationError, ValidationReason};
use crate::owned::{IntoStatic, static_types};
use crate::serialize::{Encode, EncodeConfig, Encoder};
use crate::types::list::{List, NonEmptyList};
use crate::types::list_args::ListSelectOption;
use crate::types::mailbox::Mailbox;
use crate::types::primitive::{check_bytes, cow_newtype};
use crate::types::tagged_ext::{TaggedExtValue, refuse_known};

/// The known attribute names without the backslash, in the order of [`MailboxAttribute`]'s
/// variants.
pub(crate) const ATTRIBUTES: [&str; 18] = [
    "Noinferiors",
    "Noselect",
    "Marked",
    "Unmarked",
    "NonExistent",
    "Subscribed",
    "Remote",
    "HasChildren",
    "HasNoChildren",
    "All",
    "Archive",
    "Drafts",
    "Flagged",
    "Junk",
    "Sent",
    "Trash",
    "Important",
    "NoAccess",
];

/// The known attributes, in the order of [`ATTRIBUTES`].
const KNOWN: [MailboxAttribute<'static>; 18] = {
    use MailboxAttribute::*;
    [
        Noinferiors,
        Noselect,
        Marked,
        Unmarked,
        NonExistent,
        Subscribed,
        Remote,
        HasChildren,
        HasNoChildren,
        All,
        Archive,
        Drafts,
        Flagged,
        Junk,
        Sent,
        Trash,
        Important,
        NoAccess,
    ]
};

/// A mailbox attribute of a LIST or LSUB response: `mbx-list-oflag / mbx-list-sflag`
/// (RFC 9051 §7.3.1, RFC 5258 §3, RFC 6154 §2 `use-attr`, RFC 8457 `\Important`, RFC 5465
/// `\NoAccess`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MailboxAttribute<'a> {
    /// `\Noinferiors`: no child mailbox can exist under this one.
    Noinferiors,
    /// `\Noselect`: the mailbox cannot be selected.
    Noselect,
    /// `\Marked`: the mailbox probably has new messages.
    Marked,
    /// `\Unmarked`: the mailbox has no new messages.
    Unmarked,
    /// `\NonExistent`: the name does not refer to an existing mailbox (implies `\Noselect`).
    NonExistent,
    /// `\Subscribed`: the mailbox is subscribed.
    Subscribed,
    /// `\Remote`: the mailbox is on another server.
    Remote,
    /// `\HasChildren`: the mailbox has child mailboxes.
    HasChildren,
    /// `\HasNoChildren`: the mailbox has no child mailbox.
    HasNoChildren,
    /// `\All` (RFC 6154): every message of the store.
    All,
    /// `\Archive` (RFC 6154): archived messages.
    Archive,
    /// `\Drafts` (RFC 6154): drafts.
    Drafts,
    /// `\Flagged` (RFC 6154): flagged messages.
    Flagged,
    /// `\Junk` (RFC 6154): junk mail.
    Junk,
    /// `\Sent` (RFC 6154): sent mail.
    Sent,
    /// `\Trash` (RFC 6154): deleted messages.
    Trash,
    /// `\Important` (RFC 8457): important messages.
    Important,
    /// `flag-extension = "\" atom`: an attribute this crate does not know.
    Extension(MailboxAttributeExtension<'a>),
    /// `\NoAccess` (RFC 5465 §5.9, `mbx-list-oflag =/ "\NoAccess"`): the user lost the
    /// right to see the mailbox.
    NoAccess,
}

impl<'a> MailboxAttribute<'a> {
    /// The attribute written as `\` and `name`: the known attribute of that name in any case,
    /// else an [`MailboxAttribute::Extension`].
    ///
    /// ```
    /// use imap_wire::types::listing::MailboxAttribute;
    /// assert_eq!(MailboxAttribute::backslash("NOSELECT").unwrap(), MailboxAttribute::Noselect);
    /// ```
    ///
    /// # Errors
    /// A [`ValidationError`] when `name` is not an atom.
    pub fn backslash(name: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        let name = name.into();
        if let Some(known) = Self::known(&name) {
            return Ok(known);
        }
        MailboxAttributeExtension::new(name).map(Self::Extension)
    }

    /// The known attribute named `name` (without the backslash, any case).
    pub(crate) fn known(name: &str) -> Option<MailboxAttribute<'static>> {
        let k = ATTRIBUTES
            .iter()
            .position(|s| s.eq_ignore_ascii_case(name))?;
        KNOWN.get(k).cloned()
    }

    /// The position of a known attribute in [`ATTRIBUTES`].
    fn index(&self) -> Option<usize> {
        Some(match self {
            Self::Extension(_) => return None,
            Self::Noinferiors => 0,
            Self::Noselect => 1,
            Self::Marked => 2,
            Self::Unmarked => 3,
            Self::NonExistent => 4,
            Self::Subscribed => 5,
            Self::Remote => 6,
            Self::HasChildren => 7,
            Self::HasNoChildren => 8,
            Self::All => 9,
            Self::Archive => 10,
            Self::Drafts => 11,
            Self::Flagged => 12,
            Self::Junk => 13,
            Self::Sent => 14,
            Self::Trash => 15,
            Self::Important => 16,
            Self::NoAccess => 17,
        })
    }

    /// The name without the backslash, canonical case for known attributes.
    pub fn name(&self) -> &str {
        match (self, self.index()) {
            (Self::Extension(e), _) => e.as_str(),
            (_, Some(k)) => ATTRIBUTES[k],
            (_, None) => "",
        }
    }

    /// Whether this is a selectability attribute (`mbx-list-sflag`: `\NonExistent`,
    /// `\Noselect`, `\Marked`, `\Unmarked`).
    pub fn is_selectability(&self) -> bool {
        matches!(
            self,
            Self::NonExistent | Self::Noselect | Self::Marked | Self::Unmarked
        )
    }
}

impl IntoStatic for MailboxAttribute<'_> {
    type Static = MailboxAttribute<'static>;

    fn into_static(self) -> MailboxAttribute<'static> {
        match (self.index(), self) {
            (Some(k), _) => KNOWN[k].clone(),
            (None, Self::Extension(e)) => MailboxAttribute::Extension(e.into_static()),
            // INVARIANT: only `Extension` has no index; this arm is never taken.
            (None, _) => MailboxAttribute::Noselect,
        }
    }
}

fn check_attribute_extension(v: &[u8]) -> Result<(), ValidationError> {
    check_bytes("mailbox attribute", v, false, is_atom_char)?;
    refuse_known("mailbox attribute", v, &ATTRIBUTES)
}

cow_newtype!(
    /// The atom of an attribute this crate does not know (`"\" atom`), without the backslash.
    /// Never a known attribute name in any case (those have their own variants).
    MailboxAttributeExtension, str, "mailbox attribute", check_attribute_extension
);

/// The hierarchy delimiter of a LIST or NAMESPACE response: `DQUOTE QUOTED-CHAR DQUOTE`.
///
/// One character: any ASCII `TEXT-CHAR` (`"` and `\` included; they are written escaped) or,
/// as RFC 9051's `QUOTED-CHAR` allows, any non-ASCII character.
///
/// ```
/// use imap_wire::types::listing::Delimiter;
/// assert_eq!(Delimiter::new('/').unwrap().get(), '/');
/// assert!(Delimiter::new('\n').is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Delimiter(pub(crate) char);

impl Delimiter {
    /// Checks that `c` can stand in a quoted string.
    ///
    /// # Errors
    /// [`ValidationReason::ByteNotAllowed`] for NUL, CR and LF.
    pub const fn new(c: char) -> Result<Self, ValidationError> {
        if matches!(c, '\0' | '\r' | '\n') {
            return Err(ValidationError::new(
                "delimiter",
                ValidationReason::ByteNotAllowed {
                    index: 0,
                    byte: c as u8,
                },
            ));
        }
        Ok(Self(c))
    }

    /// The character.
    pub const fn get(self) -> char {
        self.0
    }
}

static_types!(Delimiter);

/// `mailbox-list = "(" [mbx-list-flags] ")" SP (DQUOTE QUOTED-CHAR DQUOTE / nil) SP mailbox
/// [SP mbox-list-extended]`: the data of a LIST or LSUB response.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MailboxList<'a> {
    /// The attributes, in the order written.
    pub attributes: List<'a, MailboxAttribute<'a>>,
    /// The hierarchy delimiter, `None` for `NIL` (a flat name space).
    pub delimiter: Option<Delimiter>,
    /// The mailbox name.
    pub mailbox: Mailbox<'a>,
    /// `mbox-list-extended` (RFC 5258): `None` when absent; `Some` of an empty list for `()`.
    pub extended: Option<List<'a, ListExtendedItem<'a>>>,
}

impl<'a> MailboxList<'a> {
    /// A list entry without attributes or extended items.
    pub fn new(mailbox: Mailbox<'a>, delimiter: Option<Delimiter>) -> Self {
        Self {
            attributes: List::new(),
            delimiter,
            mailbox,
            extended: None,
        }
    }

    /// Whether the attributes include `attribute`.
    pub fn has(&self, attribute: &MailboxAttribute<'_>) -> bool {
        self.attributes.iter().any(|a| a.name() == attribute.name())
    }
}

impl IntoStatic for MailboxList<'_> {
    type Static = MailboxList<'static>;

    fn into_static(self) -> MailboxList<'static> {
        MailboxList {
            attributes: self.attributes.into_static(),
            delimiter: self.delimiter,
            mailbox: self.mailbox.into_static(),
            extended: self.extended.map(IntoStatic::into_static),
        }
    }
}

/// `mbox-list-extended-item = mbox-list-extended-item-tag SP tagged-ext-val` (RFC 5258 §6,
/// RFC 9051 §9).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ListExtendedItem<'a> {
    /// `"CHILDINFO" SP "(" list-select-base-opt-quoted *(SP list-select-base-opt-quoted) ")"`:
    /// the selection options that some child of this mailbox matched (RECURSIVEMATCH).
    ChildInfo(NonEmptyList<'a, ChildInfoOption<'a>>),
    /// `"OLDNAME" SP "(" mailbox ")"`: the mailbox's previous name (RFC 9051 §6.3.9.7).
    OldName(Mailbox<'a>),
    /// Any other item: a tag and its value, validated.
    Extension(ListExtendedTag<'a>, TaggedExtValue<'a>),
}

impl IntoStatic for ListExtendedItem<'_> {
    type Static = ListExtendedItem<'static>;

    fn into_static(self) -> ListExtendedItem<'static> {
        match self {
            Self::ChildInfo(v) => ListExtendedItem::ChildInfo(v.into_static()),
            Self::OldName(m) => ListExtendedItem::OldName(m.into_static()),
            Self::Extension(t, v) => ListExtendedItem::Extension(t.into_static(), v.into_static()),
        }
    }
}

/// The extended item tags with variants of their own.
pub(crate) const EXTENDED_TAGS: [&str; 2] = ["CHILDINFO", "OLDNAME"];

fn check_extended_tag(v: &[u8]) -> Result<(), ValidationError> {
    check_bytes("mbox-list-extended-item-tag", v, false, is_atom_char)?;
    refuse_known("mbox-list-extended-item-tag", v, &EXTENDED_TAGS)
}

cow_newtype!(
    /// `mbox-list-extended-item-tag = astring` whose content is an atom (`eitem-standard-tag`
    /// or `eitem-vendor-tag`), other than `CHILDINFO` and `OLDNAME` in any case.
    ListExtendedTag, str, "mbox-list-extended-item-tag", check_extended_tag
);

/// `list-select-base-opt-quoted = DQUOTE list-select-base-opt DQUOTE`: a selection option
/// inside CHILDINFO, written as a quoted string.
///
/// The option must be writable inside a quoted string, so an option value may not hold a
/// string that needs a literal (CR, LF, or bytes that are not UTF-8).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ChildInfoOption<'a>(pub(crate) ListSelectOption<'a>);

impl<'a> ChildInfoOption<'a> {
    /// `"SUBSCRIBED"`, the option RFC 5258 defines for CHILDINFO.
    pub const SUBSCRIBED: ChildInfoOption<'static> = ChildInfoOption(ListSelectOption::Subscribed);

    /// Checks that `option` can be written inside a quoted string.
    ///
    /// # Errors
    /// [`ValidationReason::Invalid`] when the option's value holds a string that needs a
    /// literal.
    pub fn new(option: ListSelectOption<'a>) -> Result<Self, ValidationError> {
        let inner = Self::inner_bytes(&option);
        if inner.iter().any(|&b| b == b'\r' || b == b'\n') {
            return Err(ValidationError::new(
                "list-select-base-opt-quoted",
                ValidationReason::Invalid,
            ));
        }
        Ok(Self(option))
    }

    /// The option.
    pub fn option(&self) -> &ListSelectOption<'a> {
        &self.0
    }

    /// Returns the option.
    pub fn into_inner(self) -> ListSelectOption<'a> {
        self.0
    }

    /// The option as it stands between the quotes (before escaping).
    pub(crate) fn inner_bytes(option: &ListSelectOption<'_>) -> alloc::vec::Vec<u8> {
        let mut enc = Encoder::new(EncodeConfig::default().with_utf8_accept(true));
        option.encode(&mut enc);
        enc.into_inner()
    }
}

impl IntoStatic for ChildInfoOption<'_> {
    type Static = ChildInfoOption<'static>;

    fn into_static(self) -> ChildInfoOption<'static> {
        ChildInfoOption(self.0.into_static())
    }
}

impl fmt::Display for MailboxAttribute<'_> {
    /// Writes `\` and the name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\\{}", self.name())
    }
}

/// Generated values are valid: names avoid known ones where an extension is built, and
/// CHILDINFO options are checked.
#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use alloc::borrow::Cow;
    use alloc::string::String;

    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::{
        ATTRIBUTES, ChildInfoOption, Delimiter, EXTENDED_TAGS, ListExtendedItem, ListExtendedTag,
        MailboxAttribute, MailboxAttributeExtension, MailboxList,
    };
    use crate::types::list::{List, NonEmptyList};
    use crate::types::list_args::ListSelectOption;

    /// Every `ATOM-CHAR`.
    pub(crate) const ATOM_CHARS: &[u8] =
        b"!#$&'+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[^_`abcdefghijklmnopqrstuvwxyz|}~";

    /// An atom of 1 to 10 characters that is none of `known`.
    pub(crate) fn atom_text_except(u: &mut Unstructured<'_>, known: &[&str]) -> Result<String> {
        let mut s = String::new();
        for _ in 0..u.int_in_range(1..=10)? {
            s.push(char::from(*u.choose(ATOM_CHARS)?));
        }
        if known.iter().any(|k| k.eq_ignore_ascii_case(&s)) {
            s.push('X');
        }
        Ok(s)
    }

    impl<'a> Arbitrary<'a> for MailboxAttributeExtension<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self(Cow::Owned(atom_text_except(u, &ATTRIBUTES)?)))
        }
    }

    impl<'a> Arbitrary<'a> for MailboxAttribute<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let k = u.int_in_range(0..=ATTRIBUTES.len())?;
            match ATTRIBUTES.get(k).and_then(|n| MailboxAttribute::known(n)) {
                Some(known) => Ok(known),
                None => Ok(Self::Extension(MailboxAttributeExtension::arbitrary(u)?)),
            }
        }
    }

    impl<'a> Arbitrary<'a> for Delimiter {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let c = if u.ratio(3, 4)? {
                char::from(*u.choose(b"/.:\\\"~ -")?)
            } else {
                char::arbitrary(u)?
            };
            Ok(Delimiter::new(c).unwrap_or(Delimiter('/')))
        }
    }

    impl<'a> Arbitrary<'a> for ListExtendedTag<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self(Cow::Owned(atom_text_except(u, &EXTENDED_TAGS)?)))
        }
    }

    impl<'a> Arbitrary<'a> for ChildInfoOption<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(ChildInfoOption::new(ListSelectOption::arbitrary(u)?)
                .unwrap_or(ChildInfoOption::SUBSCRIBED))
        }
    }

    impl<'a> Arbitrary<'a> for ListExtendedItem<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(match u.int_in_range(0..=2)? {
                0 => Self::ChildInfo(NonEmptyList::arbitrary(u)?),
                1 => Self::OldName(Arbitrary::arbitrary(u)?),
                _ => Self::Extension(Arbitrary::arbitrary(u)?, Arbitrary::arbitrary(u)?),
            })
        }
    }

    impl<'a> Arbitrary<'a> for MailboxList<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                attributes: List::arbitrary(u)?,
                delimiter: Arbitrary::arbitrary(u)?,
                mailbox: Arbitrary::arbitrary(u)?,
                extended: Arbitrary::arbitrary(u)?,
            })
        }
    }
}

#[cfg(feature = "arbitrary")]
pub(crate) use arbitrary_impls::{ATOM_CHARS, atom_text_except};
