//! Generic extension data: `tagged-ext-label`, `tagged-ext-val` (RFC 4466 §2.1, RFC 9051 §9)
//! and `option-value` (RFC 5258 §6).
//!
//! Extensions to LIST, STATUS and ESEARCH that this crate has no variant for are kept as a name
//! and a value in this generic syntax. A value keeps the validated bytes it was read from (or
//! built from), so parsing it allocates nothing; it is compared, hashed and written by its
//! *tokens* ([`ExtToken`]): parentheses, strings by content and bare numbers or sets. An
//! astring written as an atom equals the same content written quoted or as a literal, and the
//! serializer writes each string in the form its content allows.
//!
//! ```
//! use imap_wire::types::tagged_ext::{ExtToken, TaggedExtValue};
//! let v = TaggedExtValue::new(&b"(\"edge\" lacy (x))"[..]).unwrap();
//! let tokens: Vec<_> = v.tokens().collect();
//! assert_eq!(tokens[1], ExtToken::String(b"edge"[..].into()));
//! assert_eq!(v, TaggedExtValue::new(&b"(edge \"lacy\" ({1}\r\nx))"[..]).unwrap());
//! assert_eq!(imap_wire::to_vec(&v), b"(edge lacy (x))");
//! ```

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt;
use core::hash::{Hash, Hasher};

use crate::config::ParseConfig;
use crate::error::{ValidationError, ValidationReason};
use crate::owned::IntoStatic;
use crate::parse::primitive::{astring, string};
use crate::parse::{Cx, PResult};
use crate::types::primitive::{Number64, cow_newtype};
use crate::types::sequence::SequenceSet;

/// `tagged-label-fchar = ALPHA / "-" / "_" / "."`
#[inline]
pub(crate) fn is_label_fchar(b: u8) -> bool {
    b.is_ascii_alphabetic() || matches!(b, b'-' | b'_' | b'.')
}

/// `tagged-label-char = tagged-label-fchar / DIGIT / ":"`
#[inline]
pub(crate) fn is_label_char(b: u8) -> bool {
    is_label_fchar(b) || b.is_ascii_digit() || b == b':'
}

/// Checks `tagged-ext-label = tagged-label-fchar *tagged-label-char` for `item`.
pub(crate) fn check_label(item: &'static str, v: &[u8]) -> Result<(), ValidationError> {
    let Some(&first) = v.first() else {
        return Err(ValidationError::new(item, ValidationReason::Empty));
    };
    if !is_label_fchar(first) {
        return Err(ValidationError::new(
            item,
            ValidationReason::ByteNotAllowed {
                index: 0,
                byte: first,
            },
        ));
    }
    crate::types::primitive::check_bytes(item, v, false, is_label_char)
}

/// Refuses `v` when it is one of `known` in any case (those names have variants of their own).
pub(crate) fn refuse_known(
    item: &'static str,
    v: &[u8],
    known: &[&str],
) -> Result<(), ValidationError> {
    if known.iter().any(|k| k.as_bytes().eq_ignore_ascii_case(v)) {
        return Err(ValidationError::new(item, ValidationReason::Invalid));
    }
    Ok(())
}

fn check_tagged_ext_label(v: &[u8]) -> Result<(), ValidationError> {
    check_label("tagged-ext-label", v)
}

cow_newtype!(
    /// `tagged-ext-label = tagged-label-fchar *tagged-label-char`: the name of an extension
    /// item (a letter, `-`, `_` or `.`, then those, digits and `:`).
    ///
    /// ```
    /// use imap_wire::types::tagged_ext::TaggedExtLabel;
    /// assert!(TaggedExtLabel::new("X-GM-LABELS").is_ok());
    /// assert!(TaggedExtLabel::new("1ABC").is_err());
    /// ```
    TaggedExtLabel, str, "tagged-ext-label", check_tagged_ext_label
);

/// One token of a [`TaggedExtValue`] or an [`OptionValue`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ExtToken<'a> {
    /// `"("`
    Open,
    /// `")"`
    Close,
    /// A string, by content: an `astring` inside parentheses, a `string` at the top.
    String(Cow<'a, [u8]>),
    /// `tagged-ext-simple = sequence-set / number / number64`, as written (only ever the whole
    /// value).
    Simple(&'a [u8]),
}

/// The tokens of validated extension bytes.
#[derive(Clone, Debug)]
pub struct ExtTokens<'a> {
    rest: &'a [u8],
    top: bool,
}

impl<'a> ExtTokens<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self {
            rest: bytes,
            top: true,
        }
    }
}

impl<'a> Iterator for ExtTokens<'a> {
    type Item = ExtToken<'a>;

    fn next(&mut self) -> Option<ExtToken<'a>> {
        let top = core::mem::replace(&mut self.top, false);
        let i = self.rest.strip_prefix(b" ").unwrap_or(self.rest);
        let parsed: PResult<'a, ExtToken<'a>> = match i.first()? {
            b'(' => Ok((&i[1..], ExtToken::Open)),
            b')' => Ok((&i[1..], ExtToken::Close)),
            b'"' | b'{' => string(i).map(|(r, v)| (r, ExtToken::String(v))),
            _ if top => Ok((&[][..], ExtToken::Simple(i))),
            _ => astring(i).map(|(r, v)| (r, ExtToken::String(v.0))),
        };
        // INVARIANT: the bytes were validated by the grammar; a failure would be a parser bug
        // and ends the tokens rather than panicking.
        match parsed {
            Ok((rest, token)) => {
                self.rest = rest;
                Some(token)
            }
            Err(_) => {
                self.rest = &[];
                None
            }
        }
    }
}

fn hash_tokens<H: Hasher>(tokens: ExtTokens<'_>, state: &mut H) {
    for t in tokens {
        t.hash(state);
    }
}

/// Runs `parser` over the whole of `bytes` under the strict grammar.
fn validate(
    item: &'static str,
    bytes: &[u8],
    parser: for<'b> fn(&Cx, &'b [u8]) -> PResult<'b, ()>,
) -> Result<(), ValidationError> {
    match parser(&Cx::new(&ParseConfig::strict()), bytes) {
        Ok(([], ())) => Ok(()),
        _ => Err(ValidationError::new(item, ValidationReason::Invalid)),
    }
}

/// Defines a value type over validated extension bytes, compared by tokens.
macro_rules! ext_value {
    ($(#[$m:meta])* $name:ident, $item:literal, $check:path) => {
        $(#[$m])*
        #[derive(Clone)]
        pub struct $name<'a>(pub(crate) Cow<'a, [u8]>);

        impl<'a> $name<'a> {
            /// Checks that `wire` is the item as it stands on the wire (literals included)
            /// and wraps it.
            ///
            /// # Errors
            /// [`ValidationReason::Invalid`] when the bytes are not exactly one such item.
            pub fn new(wire: impl Into<Cow<'a, [u8]>>) -> Result<Self, ValidationError> {
                let wire = wire.into();
                validate($item, &wire, $check)?;
                Ok(Self(wire))
            }

            /// The bytes the value was read or built from.
            pub fn as_bytes(&self) -> &[u8] {
                &self.0
            }

            /// The tokens of the value, in order.
            pub fn tokens(&self) -> ExtTokens<'_> {
                ExtTokens::new(&self.0)
            }
        }

        impl PartialEq for $name<'_> {
            fn eq(&self, other: &Self) -> bool {
                self.0 == other.0 || self.tokens().eq(other.tokens())
            }
        }

        impl Eq for $name<'_> {}

        impl Hash for $name<'_> {
            fn hash<H: Hasher>(&self, state: &mut H) {
                hash_tokens(self.tokens(), state);
            }
        }

        impl fmt::Debug for $name<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), bstr::BStr::new(&self.0))
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

ext_value!(
    /// `tagged-ext-val = tagged-ext-simple / "(" [tagged-ext-comp] ")"` (RFC 4466 §2.1): the
    /// value of an extension item this crate has no variant for.
    ///
    /// `tagged-ext-simple` is a sequence set or a number; `tagged-ext-comp` nests astrings in
    /// parentheses. RFC 9051 §7.3.1 shows a LIST extended item whose value is a quoted
    /// string (`Sample "text"`), which the formal syntax does not allow; the parser accepts a
    /// `string` as the whole value too, so that example reads.
    TaggedExtValue,
    "tagged-ext-val",
    crate::parse::tagged_ext::tagged_ext_val_unit
);

ext_value!(
    /// `option-value = "(" option-val-comp ")"` (RFC 5258 §6): the value of a LIST option this
    /// crate has no variant for; astrings nested in parentheses.
    OptionValue,
    "option-value",
    crate::parse::tagged_ext::option_value_unit
);

impl TaggedExtValue<'_> {
    /// A bare number (`number64`).
    pub fn number(n: Number64) -> TaggedExtValue<'static> {
        TaggedExtValue(Cow::Owned(crate::to_vec(&n)))
    }

    /// A sequence set.
    pub fn sequence_set(set: &SequenceSet<'_>) -> TaggedExtValue<'static> {
        TaggedExtValue(Cow::Owned(crate::to_vec(set)))
    }
}

/// Generated values are built as token trees and written by the serializer, so they are valid.
#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use alloc::borrow::Cow;
    use alloc::string::String;
    use alloc::vec::Vec;

    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::{OptionValue, TaggedExtLabel, TaggedExtValue};
    use crate::serialize::{EncodeConfig, Encoder};
    use crate::types::primitive::Number64;
    use crate::types::sequence::SequenceSet;

    /// A label of 1 to 10 characters.
    pub(crate) fn label_text(u: &mut Unstructured<'_>) -> Result<String> {
        const FIRST: &[u8] = b"ABCXYZabcxyz-_.";
        const REST: &[u8] = b"ABCXYZabcxyz-_.0189:";
        let mut s = String::new();
        s.push(char::from(*u.choose(FIRST)?));
        for _ in 0..u.int_in_range(0..=9)? {
            s.push(char::from(*u.choose(REST)?));
        }
        Ok(s)
    }

    impl<'a> Arbitrary<'a> for TaggedExtLabel<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self(Cow::Owned(label_text(u)?)))
        }
    }

    /// Bytes for a string: any but NUL.
    fn content(u: &mut Unstructured<'_>) -> Result<Vec<u8>> {
        const PIECES: &[&[u8]] = &[
            b"a",
            b"edge",
            b" ",
            b"\"",
            b"\\",
            b"\r\n",
            b"(",
            b"12",
            b"\xc3\xa9",
        ];
        let mut v = Vec::new();
        for _ in 0..u.int_in_range(0..=4)? {
            v.extend_from_slice(u.choose(PIECES)?);
        }
        Ok(v)
    }

    /// `elem *(SP elem)`, `elem = astring / "(" comp ")"`.
    fn comp(u: &mut Unstructured<'_>, enc: &mut Encoder, depth: u32) -> Result<()> {
        let n = u.int_in_range(1..=3)?;
        for k in 0..n {
            if k > 0 {
                enc.byte(b' ');
            }
            if depth < 3 && u.ratio(1, 4)? {
                enc.byte(b'(');
                comp(u, enc, depth + 1)?;
                enc.byte(b')');
            } else {
                enc.astring(&content(u)?);
            }
        }
        Ok(())
    }

    fn encoder() -> Encoder {
        Encoder::new(EncodeConfig::default())
    }

    impl<'a> Arbitrary<'a> for TaggedExtValue<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let mut enc = encoder();
            match u.int_in_range(0..=4)? {
                0 => {
                    let n = Number64::new(u.int_in_range(0..=i64::MAX as u64)?)
                        .map_err(|_| arbitrary::Error::IncorrectFormat)?;
                    return Ok(TaggedExtValue::number(n));
                }
                1 => return Ok(TaggedExtValue::sequence_set(&SequenceSet::arbitrary(u)?)),
                2 => enc.string(&content(u)?),
                3 => enc.raw(b"()"),
                _ => {
                    enc.byte(b'(');
                    comp(u, &mut enc, 1)?;
                    enc.byte(b')');
                }
            }
            Ok(Self(Cow::Owned(enc.into_inner())))
        }
    }

    impl<'a> Arbitrary<'a> for OptionValue<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let mut enc = encoder();
            enc.byte(b'(');
            comp(u, &mut enc, 1)?;
            enc.byte(b')');
            Ok(Self(Cow::Owned(enc.into_inner())))
        }
    }
}

#[cfg(feature = "arbitrary")]
pub(crate) use arbitrary_impls::label_text;
