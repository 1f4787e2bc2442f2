//! The internationalization extensions (RFC 5255): LANGUAGE, I18NLEVEL=1 and I18NLEVEL=2.
//!
//! - Commands: `LANGUAGE` ([`CommandBody::Language`](crate::types::command::CommandBody::Language))
//!   and `COMPARATOR` ([`CommandBody::Comparator`](crate::types::command::CommandBody::Comparator)).
//! - Responses: [`LanguageData`] (`* LANGUAGE (...)`) and [`ComparatorData`]
//!   (`* COMPARATOR ...`).
//! - The `BADCOMPARATOR` code is [`Code::BadComparator`](crate::types::code::Code::BadComparator).
//! - The `TRANSLATION` extension of a NAMESPACE descriptor (`namespace-trans`) is a
//!   `namespace-response-extension` like any other; [`NamespaceDescr::translation`] reads it
//!   and [`NamespaceExtension::translation`] builds it.
//!
//! Language tags, language ranges and comparator names are `astring`s (RFC 5255 §3.5,
//! §4.10), held as [`AString`] content: once the quoting is removed they follow RFC 4646,
//! RFC 4647 and RFC 4790, which this crate does not check.
//!
//! ```
//! use imap_wire::types::i18n::ComparatorData;
//! use imap_wire::{Parse, to_vec};
//! let c = ComparatorData::parse(b"COMPARATOR i;basic (i;basic \"cz;*\")").unwrap();
//! assert_eq!(c.active.as_bytes(), b"i;basic");
//! assert_eq!(c.matching.map(|m| m.len()), Some(2));
//! ```

use crate::owned::IntoStatic;
use crate::types::list::NonEmptyList;
use crate::types::mailbox_data::{NamespaceDescr, NamespaceExtension};
use crate::types::primitive::{AString, IString};

/// `language-data = "LANGUAGE" SP "(" lang-tag-quoted *(SP lang-tag-quoted) ")"` (RFC 5255
/// §3.3): one tag names the language now in use; several list the languages available.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LanguageData<'a> {
    /// `lang-tag-quoted = astring`: the language tags (at least one).
    pub tags: NonEmptyList<'a, AString<'a>>,
}

/// `comparator-data = "COMPARATOR" SP comp-sel-quoted [SP "(" comp-id-quoted *(SP
/// comp-id-quoted) ")"]` (RFC 5255 §4.8).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ComparatorData<'a> {
    /// `comp-sel-quoted = astring`: the active comparator.
    pub active: AString<'a>,
    /// `comp-id-quoted = astring`: the comparators that matched the command's arguments,
    /// present only when more than one did.
    pub matching: Option<NonEmptyList<'a, AString<'a>>>,
}

/// The name of RFC 5255's namespace extension.
const TRANSLATION: &[u8] = b"TRANSLATION";

impl<'a> NamespaceDescr<'a> {
    /// `namespace-trans = SP DQUOTE "TRANSLATION" DQUOTE SP "(" string ")"` (RFC 5255 §3.4):
    /// the translated prefix, in modified UTF-7, when the descriptor has a `TRANSLATION`
    /// extension with a single value.
    ///
    /// ```
    /// use imap_wire::types::mailbox_data::NamespaceData;
    /// use imap_wire::Parse;
    /// let ns = NamespaceData::parse(
    ///     b"NAMESPACE NIL ((\"Other Users/\" \"/\" \"TRANSLATION\" (\"Andere Ben&APw-tzer/\"))) NIL",
    /// )
    /// .unwrap();
    /// let other = ns.other_users.unwrap().to_vec();
    /// assert_eq!(other[0].translation().unwrap().as_bytes(), b"Andere Ben&APw-tzer/");
    /// ```
    pub fn translation(&self) -> Option<IString<'a>> {
        self.extensions.iter().find_map(|e| {
            if !e.name.as_bytes().eq_ignore_ascii_case(TRANSLATION) || e.values.len() != 1 {
                return None;
            }
            e.values.iter().next()
        })
    }
}

impl<'a> NamespaceExtension<'a> {
    /// The `"TRANSLATION" (translated)` extension of RFC 5255 §3.4.
    pub fn translation(translated: IString<'a>) -> Self {
        Self {
            name: IString::unvalidated(TRANSLATION),
            values: NonEmptyList::one(translated),
        }
    }
}

impl IntoStatic for LanguageData<'_> {
    type Static = LanguageData<'static>;

    fn into_static(self) -> LanguageData<'static> {
        LanguageData {
            tags: self.tags.into_static(),
        }
    }
}

impl IntoStatic for ComparatorData<'_> {
    type Static = ComparatorData<'static>;

    fn into_static(self) -> ComparatorData<'static> {
        ComparatorData {
            active: self.active.into_static(),
            matching: self.matching.map(IntoStatic::into_static),
        }
    }
}

#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::*;

    impl<'a> Arbitrary<'a> for LanguageData<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                tags: NonEmptyList::arbitrary(u)?,
            })
        }
    }

    impl<'a> Arbitrary<'a> for ComparatorData<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                active: AString::arbitrary(u)?,
                matching: Option::arbitrary(u)?,
            })
        }
    }
}
