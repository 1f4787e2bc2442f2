//! Values of the FETCH items that extensions add, on both sides: Dovecot's `SNIPPET` options
//! and Gmail's labels (X-GM-EXT-1). The items themselves are variants of
//! [`FetchAttribute`](crate::FetchAttribute) (what a FETCH asks for) and
//! [`MessageAttribute`](crate::types::message::MessageAttribute) (what the response holds).
//!
//! A Gmail label is written either as a system label, `"\" atom` (`\Inbox`, `\Important`), or
//! as an `astring`; Gmail itself sends some system labels quoted (`"\\Important"`). A
//! [`GmLabel`] holds the content, so both spellings are the same value, and the serializer
//! writes the bare form whenever the content allows it.
//!
//! ```
//! use imap_wire::types::fetch_ext::GmLabel;
//! use imap_wire::{Parse, to_vec};
//! let quoted = GmLabel::parse(br#""\\Important""#).unwrap();
//! assert_eq!(quoted, GmLabel::parse(br"\Important").unwrap());
//! assert_eq!(to_vec(&quoted), br"\Important");
//! assert_eq!(to_vec(&GmLabel::new(&b"My Work"[..]).unwrap()), br#""My Work""#);
//! ```

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::error::{ValidationError, ValidationReason};
use crate::owned::{IntoStatic, static_types};
use crate::types::primitive::cow_newtype;

/// The options of Dovecot's `SNIPPET` FETCH item (the forerunner of RFC 8970's `PREVIEW`):
/// `"SNIPPET" [SP "(" ("FUZZY" / "LAZY=FUZZY") ")"]`.
///
/// Only these two are read as options, so that `SNIPPET` followed by a list of FETCH
/// modifiers is not mistaken for an option.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SnippetOption {
    /// `FUZZY`: the server's text summary (the only algorithm Dovecot has).
    Fuzzy,
    /// `LAZY=FUZZY`: the summary only if it is already at hand.
    LazyFuzzy,
}

impl SnippetOption {
    /// The option as written.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Fuzzy => "FUZZY",
            Self::LazyFuzzy => "LAZY=FUZZY",
        }
    }
}

static_types!(SnippetOption);

/// A Gmail label: any `astring` content, or `"\" atom` for a system label.
fn check_label(v: &[u8]) -> Result<(), ValidationError> {
    match v.iter().position(|&b| b == 0) {
        Some(index) => Err(ValidationError::new(
            "x-gm-label",
            ValidationReason::ByteNotAllowed { index, byte: 0 },
        )),
        None => Ok(()),
    }
}

cow_newtype!(
    /// One Gmail label (X-GM-EXT-1): `astring` or `"\" atom` (a system label such as
    /// `\Inbox`), held as its content. Any bytes but NUL.
    GmLabel, bytes, "x-gm-label", check_label
);

impl GmLabel<'_> {
    /// Whether the label is a system label, `\` followed by an atom (`\Inbox`, `\Sent`).
    pub fn is_system(&self) -> bool {
        match self.0.split_first() {
            Some((b'\\', name)) => !name.is_empty() && name.iter().all(|&b| is_atom_char(b)),
            _ => false,
        }
    }
}

/// `ATOM-CHAR` (RFC 9051 §9).
fn is_atom_char(b: u8) -> bool {
    crate::chars::is_atom_char(b)
}

/// A label's content from `u`: a system label, an atom, text with spaces, or any bytes.
#[cfg(feature = "arbitrary")]
pub(crate) fn arbitrary_label_content(
    u: &mut arbitrary::Unstructured<'_>,
) -> arbitrary::Result<Vec<u8>> {
    const SYSTEM: &[&str] = &[
        "\\Inbox",
        "\\Sent",
        "\\Important",
        "\\Starred",
        "\\Draft",
        "\\Trash",
    ];
    Ok(match u.int_in_range(0..=3)? {
        0 => u.choose(SYSTEM)?.as_bytes().to_vec(),
        1 => {
            let mut s = String::from("\\");
            s.push_str(&arbitrary_word(u)?);
            s.into_bytes()
        }
        2 => {
            let mut s = arbitrary_word(u)?;
            if u.arbitrary()? {
                s.push(' ');
                s.push_str(&arbitrary_word(u)?);
            }
            s.into_bytes()
        }
        _ => <&[u8] as arbitrary::Arbitrary>::arbitrary(u)?
            .iter()
            .map(|&b| if b == 0 { b'x' } else { b })
            .collect(),
    })
}

/// One to eight atom characters.
#[cfg(feature = "arbitrary")]
fn arbitrary_word(u: &mut arbitrary::Unstructured<'_>) -> arbitrary::Result<String> {
    let alphabet: Vec<u8> = (0u8..0x80).filter(|&b| is_atom_char(b)).collect();
    (0..u.int_in_range(1..=8)?)
        .map(|_| u.choose(&alphabet).map(|&b| char::from(b)))
        .collect()
}

#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use alloc::borrow::Cow;

    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::{GmLabel, SnippetOption, arbitrary_label_content};

    impl<'a> Arbitrary<'a> for SnippetOption {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(if u.arbitrary()? {
                Self::Fuzzy
            } else {
                Self::LazyFuzzy
            })
        }
    }

    impl<'a> Arbitrary<'a> for GmLabel<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self(Cow::Owned(arbitrary_label_content(u)?)))
        }
    }
}
