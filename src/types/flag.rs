//! Message flags (RFC 9051 §2.3.2 and §9 `flag`, `flag-fetch`, `flag-perm`, `flag-list`; RFC
//! 3501 §2.3.2, §9).
//!
//! A [`Flag`] is a system flag (`\Seen`, ...), a keyword (an atom such as `$Forwarded`) or a
//! flag extension (`\` and an atom that is not a system flag name). System flags are read in
//! any case and written in their canonical case. `\Recent`, obsolete in IMAP4rev2 but still
//! sent by IMAP4rev1 servers in `flag-fetch`, is accepted wherever a flag is: a rev2 grammar
//! would read it as a `flag-extension` anyway, so giving it its own variant changes nothing on
//! the wire. [`FlagPerm`] adds `\*` (PERMANENTFLAGS: new keywords may be created).
//!
//! ```
//! use imap_wire::{Flag, FlagList, Parse, to_vec};
//! let flags = FlagList::parse(b"(\\SEEN $Forwarded \\Answered)").unwrap();
//! assert_eq!(flags.0.to_vec()[0], Flag::Seen);
//! assert_eq!(to_vec(&flags), b"(\\Seen $Forwarded \\Answered)");
//! ```

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::chars::is_atom_char;
use crate::error::{ValidationError, ValidationReason};
use crate::owned::IntoStatic;
use crate::types::list::List;
use crate::types::primitive::{Atom, check_bytes, cow_newtype};

/// The system flags' names without the backslash, in the order of [`Flag`]'s variants.
const SYSTEM: [&str; 6] = ["Answered", "Flagged", "Deleted", "Seen", "Draft", "Recent"];

/// A message flag: `flag` (RFC 9051 §9) with the obsolete `\Recent` of `flag-fetch`.
///
/// Values are never ambiguous: a system flag is always its own variant (the
/// [`FlagExtension`] constructor refuses system names), and a keyword never starts with `\`.
/// Keywords keep their case; the comparison is exact.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Flag<'a> {
    /// `\Answered`: the message has been answered.
    Answered,
    /// `\Flagged`: the message is flagged for urgent or special attention.
    Flagged,
    /// `\Deleted`: the message is marked for removal by a later EXPUNGE.
    Deleted,
    /// `\Seen`: the message has been read.
    Seen,
    /// `\Draft`: the message has not completed composition.
    Draft,
    /// `\Recent`: the message arrived recently (IMAP4rev1; obsolete in IMAP4rev2).
    Recent,
    /// `flag-keyword = atom`, including the registered `$MDNSent`, `$Forwarded`, `$Junk`,
    /// `$NotJunk` and `$Phishing`.
    Keyword(Atom<'a>),
    /// `flag-extension = "\" atom`, a backslash flag this crate does not know.
    Extension(FlagExtension<'a>),
}

impl<'a> Flag<'a> {
    /// A keyword flag (`flag-keyword = atom`).
    ///
    /// # Errors
    /// A [`ValidationError`] when `name` is not an atom.
    pub fn keyword(name: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        Atom::new(name).map(Self::Keyword)
    }

    /// The flag written as `\` and `name`: the system flag of that name in any case, else a
    /// [`Flag::Extension`].
    ///
    /// ```
    /// use imap_wire::Flag;
    /// assert_eq!(Flag::backslash("SEEN").unwrap(), Flag::Seen);
    /// assert!(matches!(Flag::backslash("Important").unwrap(), Flag::Extension(_)));
    /// ```
    ///
    /// # Errors
    /// A [`ValidationError`] when `name` is not an atom.
    pub fn backslash(name: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        let name = name.into();
        if let Some(flag) = Self::system(&name) {
            return Ok(flag);
        }
        FlagExtension::new(name).map(Self::Extension)
    }

    /// The system flag named `name` (without the backslash, any case), if there is one.
    pub(crate) fn system(name: &str) -> Option<Flag<'static>> {
        let k = SYSTEM.iter().position(|s| s.eq_ignore_ascii_case(name))?;
        Some(match k {
            0 => Flag::Answered,
            1 => Flag::Flagged,
            2 => Flag::Deleted,
            3 => Flag::Seen,
            4 => Flag::Draft,
            _ => Flag::Recent,
        })
    }

    /// The canonical name of a system flag, backslash included.
    pub fn system_name(&self) -> Option<&'static str> {
        Some(match self {
            Self::Answered => "\\Answered",
            Self::Flagged => "\\Flagged",
            Self::Deleted => "\\Deleted",
            Self::Seen => "\\Seen",
            Self::Draft => "\\Draft",
            Self::Recent => "\\Recent",
            Self::Keyword(_) | Self::Extension(_) => return None,
        })
    }
}

impl IntoStatic for Flag<'_> {
    type Static = Flag<'static>;

    fn into_static(self) -> Flag<'static> {
        match self {
            Self::Answered => Flag::Answered,
            Self::Flagged => Flag::Flagged,
            Self::Deleted => Flag::Deleted,
            Self::Seen => Flag::Seen,
            Self::Draft => Flag::Draft,
            Self::Recent => Flag::Recent,
            Self::Keyword(a) => Flag::Keyword(a.into_static()),
            Self::Extension(e) => Flag::Extension(e.into_static()),
        }
    }
}

fn check_flag_extension(v: &[u8]) -> Result<(), ValidationError> {
    check_bytes("flag-extension", v, false, is_atom_char)?;
    let is_system = SYSTEM.iter().any(|s| s.as_bytes().eq_ignore_ascii_case(v));
    if is_system {
        return Err(ValidationError::new(
            "flag-extension",
            ValidationReason::Invalid,
        ));
    }
    Ok(())
}

cow_newtype!(
    /// The atom of a `flag-extension` (`"\" atom`), without the backslash.
    ///
    /// Never a system flag name in any case (`Seen`, `RECENT`, ...): those are [`Flag`]'s own
    /// variants, so a value always reads back as itself.
    ///
    /// ```
    /// use imap_wire::FlagExtension;
    /// assert!(FlagExtension::new("Important").is_ok());
    /// assert!(FlagExtension::new("sEEn").is_err());
    /// ```
    FlagExtension, str, "flag-extension", check_flag_extension
);

/// `flag-perm = flag / "\*"`: a flag of PERMANENTFLAGS. The enum is closed: the grammar has
/// exactly these two cases.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FlagPerm<'a> {
    /// A flag that can be changed permanently.
    Flag(Flag<'a>),
    /// `\*`: new keywords can be created by storing them.
    Any,
}

impl<'a> From<Flag<'a>> for FlagPerm<'a> {
    fn from(v: Flag<'a>) -> Self {
        Self::Flag(v)
    }
}

impl IntoStatic for FlagPerm<'_> {
    type Static = FlagPerm<'static>;

    fn into_static(self) -> FlagPerm<'static> {
        match self {
            Self::Flag(f) => FlagPerm::Flag(f.into_static()),
            Self::Any => FlagPerm::Any,
        }
    }
}

/// `flag-list = "(" [flag *(SP flag)] ")"` (FLAGS response, FETCH FLAGS, APPEND, STORE).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct FlagList<'a>(pub List<'a, Flag<'a>>);

/// The `"(" [flag-perm *(SP flag-perm)] ")"` list of the PERMANENTFLAGS response code.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct FlagPermList<'a>(pub List<'a, FlagPerm<'a>>);

macro_rules! list_newtype {
    ($name:ident, $item:ident) => {
        impl<'a> From<List<'a, $item<'a>>> for $name<'a> {
            fn from(v: List<'a, $item<'a>>) -> Self {
                Self(v)
            }
        }

        impl<'a> From<Vec<$item<'a>>> for $name<'a> {
            fn from(v: Vec<$item<'a>>) -> Self {
                Self(List::from(v))
            }
        }

        impl<'a> FromIterator<$item<'a>> for $name<'a> {
            fn from_iter<I: IntoIterator<Item = $item<'a>>>(iter: I) -> Self {
                Self(iter.into_iter().collect())
            }
        }

        impl IntoStatic for $name<'_> {
            type Static = $name<'static>;

            fn into_static(self) -> $name<'static> {
                $name(self.0.into_static())
            }
        }
    };
}

list_newtype!(FlagList, Flag);
list_newtype!(FlagPermList, FlagPerm);

/// Generated flags are always valid; names are drawn from the atom alphabet and from names
/// that matter to the grammar (system names, registered keywords).
#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use alloc::borrow::Cow;
    use alloc::string::String;

    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::{Flag, FlagExtension, FlagList, FlagPerm, FlagPermList, SYSTEM};
    use crate::types::list::List;
    use crate::types::primitive::Atom;

    /// Every `ATOM-CHAR`.
    pub(crate) const ATOM_CHARS: &[u8] =
        b"!#$&'+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[^_`abcdefghijklmnopqrstuvwxyz|}~";

    const NAMES: &[&str] = &[
        "$MDNSent",
        "$Forwarded",
        "$Junk",
        "$NotJunk",
        "$Phishing",
        "seen",
        "RECENT",
        "Important",
        "NonJunk",
    ];

    /// An atom's text: a known name or 1 to 12 atom characters.
    fn atom_text(u: &mut Unstructured<'_>) -> Result<String> {
        if u.ratio(1, 3)? {
            return Ok(String::from(*u.choose(NAMES)?));
        }
        let len = u.int_in_range(1..=12)?;
        let mut s = String::with_capacity(len);
        for _ in 0..len {
            s.push(char::from(*u.choose(ATOM_CHARS)?));
        }
        Ok(s)
    }

    impl<'a> Arbitrary<'a> for FlagExtension<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let mut name = atom_text(u)?;
            if SYSTEM.iter().any(|s| s.eq_ignore_ascii_case(&name)) {
                name.push('X');
            }
            Ok(Self(Cow::Owned(name)))
        }
    }

    impl<'a> Arbitrary<'a> for Flag<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(match u.int_in_range(0..=7)? {
                0 => Self::Answered,
                1 => Self::Flagged,
                2 => Self::Deleted,
                3 => Self::Seen,
                4 => Self::Draft,
                5 => Self::Recent,
                6 => Self::Keyword(Atom(Cow::Owned(atom_text(u)?))),
                _ => Self::Extension(FlagExtension::arbitrary(u)?),
            })
        }
    }

    impl<'a> Arbitrary<'a> for FlagPerm<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            if u.ratio(1, 8)? {
                return Ok(Self::Any);
            }
            Ok(Self::Flag(Flag::arbitrary(u)?))
        }
    }

    impl<'a> Arbitrary<'a> for FlagList<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self(List::arbitrary(u)?))
        }
    }

    impl<'a> Arbitrary<'a> for FlagPermList<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self(List::arbitrary(u)?))
        }
    }
}

#[cfg(all(test, feature = "arbitrary"))]
pub(crate) use arbitrary_impls::ATOM_CHARS;
