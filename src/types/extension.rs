//! The generic extension syntax of RFC 4466 §2 (`tagged-ext`, RFC 9051 §9): labelled
//! parameters that commands such as SELECT, CREATE and STORE accept from extensions.
//!
//! A parameter is a [`TaggedExtLabel`] and, maybe, a [`TaggedExtVal`]. The value's grammar is
//! generic (numbers, sequence sets, and parenthesised lists of strings), so it is kept as the
//! validated bytes it was read from and written back byte for byte, literals included (a
//! synchronising literal inside still makes the writer wait for `+`). Extensions this crate
//! knows get their own typed variants next to these generic ones.
//!
//! ```
//! use imap_wire::types::extension::{ExtParam, TaggedExtVal};
//! use imap_wire::{Parse, to_vec};
//! let p = ExtParam::parse(b"QRESYNC (67890007 20050715194045000 41,43:211,214:541)").unwrap();
//! assert_eq!(p.name.as_str(), "QRESYNC");
//! let value: &TaggedExtVal<'_> = p.value.as_ref().unwrap();
//! assert_eq!(value.as_bytes(), b"(67890007 20050715194045000 41,43:211,214:541)");
//! assert_eq!(to_vec(&p), b"QRESYNC (67890007 20050715194045000 41,43:211,214:541)");
//! ```

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::error::{ValidationError, ValidationReason};
use crate::owned::IntoStatic;
use crate::types::primitive::cow_newtype;

/// `tagged-label-fchar = ALPHA / "-" / "_" / "."`
pub(crate) fn is_label_fchar(b: u8) -> bool {
    b.is_ascii_alphabetic() || matches!(b, b'-' | b'_' | b'.')
}

/// `tagged-label-char = tagged-label-fchar / DIGIT / ":"`
pub(crate) fn is_label_char(b: u8) -> bool {
    is_label_fchar(b) || b.is_ascii_digit() || b == b':'
}

fn check_label(v: &[u8]) -> Result<(), ValidationError> {
    let Some(&first) = v.first() else {
        return Err(ValidationError::new(
            "tagged-ext-label",
            ValidationReason::Empty,
        ));
    };
    let bad = if is_label_fchar(first) {
        v.iter().position(|&b| !is_label_char(b))
    } else {
        Some(0)
    };
    match bad {
        Some(index) => Err(ValidationError::new(
            "tagged-ext-label",
            ValidationReason::ByteNotAllowed {
                index,
                byte: v[index],
            },
        )),
        None => Ok(()),
    }
}

fn check_value(v: &[u8]) -> Result<(), ValidationError> {
    crate::parse::extension::check_tagged_ext_val(v)
}

cow_newtype!(
    /// `tagged-ext-label = tagged-label-fchar *tagged-label-char`: the name of an extension
    /// parameter (`CONDSTORE`, `QRESYNC`, `UNCHANGEDSINCE`, ...), kept as written.
    ///
    /// ```
    /// use imap_wire::types::extension::TaggedExtLabel;
    /// assert!(TaggedExtLabel::new("X-PARAM.1:2").is_ok());
    /// assert!(TaggedExtLabel::new("1X").is_err());
    /// ```
    TaggedExtLabel, str, "tagged-ext-label", check_label
);

impl TaggedExtLabel<'_> {
    /// Whether the label is `name` in any case (labels are case-insensitive).
    pub fn is(&self, name: &str) -> bool {
        self.0.eq_ignore_ascii_case(name)
    }
}

cow_newtype!(
    /// `tagged-ext-val = tagged-ext-simple / "(" [tagged-ext-comp] ")"`: the value of an
    /// extension parameter, as the bytes that stand on the wire.
    ///
    /// `tagged-ext-simple = sequence-set / number / number64`;
    /// `tagged-ext-comp = astring / tagged-ext-comp *(SP tagged-ext-comp) / "(" tagged-ext-comp
    /// ")"`, where an item may also be `"\" atom` (RFC 6154's `use-attr`, as in
    /// `USE (\Drafts)`). The constructor checks the bytes against that grammar (with the
    /// default nesting limit); they may hold literals, which are written back as they are.
    ///
    /// ```
    /// use imap_wire::types::extension::TaggedExtVal;
    /// assert!(TaggedExtVal::new(&b"1:*"[..]).is_ok());
    /// assert!(TaggedExtVal::new(&b"(a \"b c\" (d {1}\r\ne))"[..]).is_ok());
    /// assert!(TaggedExtVal::new(&b"word"[..]).is_err());
    /// ```
    TaggedExtVal, bytes, "tagged-ext-val", check_value
);

/// `tagged-ext = tagged-ext-label SP tagged-ext-val` (RFC 4466 §2.1): an extension item with
/// a mandatory value, such as APPEND's `append-data-ext`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TaggedExt<'a> {
    /// The label.
    pub label: TaggedExtLabel<'a>,
    /// The value.
    pub value: TaggedExtVal<'a>,
}

impl IntoStatic for TaggedExt<'_> {
    type Static = TaggedExt<'static>;

    fn into_static(self) -> TaggedExt<'static> {
        TaggedExt {
            label: self.label.into_static(),
            value: self.value.into_static(),
        }
    }
}

/// A parameter with an optional value, `tagged-ext-label [SP tagged-ext-val]`: the shape of
/// RFC 4466's `select-param`, `create-param`, `store-modifier`, `fetch-modifier` and
/// `search-return-opt`.
///
/// A label never starts like a value (values start with a digit, `*`, `$` or `(`), so a list of
/// parameters reads without ambiguity.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ExtParam<'a> {
    /// The parameter's name.
    pub name: TaggedExtLabel<'a>,
    /// The value, if any.
    pub value: Option<TaggedExtVal<'a>>,
}

impl<'a> ExtParam<'a> {
    /// A parameter without a value.
    pub fn flag(name: TaggedExtLabel<'a>) -> Self {
        Self { name, value: None }
    }
}

impl IntoStatic for ExtParam<'_> {
    type Static = ExtParam<'static>;

    fn into_static(self) -> ExtParam<'static> {
        ExtParam {
            name: self.name.into_static(),
            value: self.value.into_static(),
        }
    }
}

/// Generated labels and values are valid by construction: values are built from pieces and
/// written by the serializer's own string rules, then checked.
#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use alloc::borrow::Cow;
    use alloc::string::String;
    use alloc::vec::Vec;

    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::{ExtParam, TaggedExt, TaggedExtLabel, TaggedExtVal, is_label_char, is_label_fchar};
    use crate::serialize::{EncodeConfig, Encoder};

    const LABELS: &[&str] = &["CONDSTORE", "QRESYNC", "UNCHANGEDSINCE", "USE", "CATENATE"];

    impl<'a> Arbitrary<'a> for TaggedExtLabel<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            if u.ratio(1, 3)? {
                return Ok(Self(Cow::Borrowed(*u.choose(LABELS)?)));
            }
            let fchars: Vec<u8> = (0..=127u8).filter(|&b| is_label_fchar(b)).collect();
            let chars: Vec<u8> = (0..=127u8).filter(|&b| is_label_char(b)).collect();
            let mut s = String::new();
            s.push(char::from(*u.choose(&fchars)?));
            for _ in 0..u.int_in_range(0..=8)? {
                s.push(char::from(*u.choose(&chars)?));
            }
            Ok(Self(Cow::Owned(s)))
        }
    }

    /// Writes one `tagged-ext-comp` of at most `depth` more levels of parentheses.
    fn comp(u: &mut Unstructured<'_>, enc: &mut Encoder, depth: u8) -> Result<()> {
        let n = u.int_in_range(1..=3)?;
        for k in 0..n {
            if k > 0 {
                enc.byte(b' ');
            }
            if depth > 0 && u.ratio(1, 4)? {
                enc.byte(b'(');
                comp(u, enc, depth - 1)?;
                enc.byte(b')');
            } else if u.ratio(1, 6)? {
                enc.raw(b"\\Drafts");
            } else {
                let len = u.int_in_range(0..=6)?;
                let mut content = Vec::with_capacity(len);
                for _ in 0..len {
                    content.push(u.int_in_range(1..=255)?);
                }
                enc.astring(&content);
            }
        }
        Ok(())
    }

    impl<'a> Arbitrary<'a> for TaggedExtVal<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let mut enc = Encoder::new(EncodeConfig::default());
            match u.int_in_range(0..=3)? {
                0 => enc.number(u64::from(u32::arbitrary(u)?)),
                1 => enc.number(u.int_in_range(0..=i64::MAX as u64)?),
                2 => crate::serialize::Encode::encode(
                    &crate::types::sequence::SequenceSet::arbitrary(u)?,
                    &mut enc,
                ),
                _ => {
                    enc.byte(b'(');
                    if u.arbitrary()? {
                        comp(u, &mut enc, 2)?;
                    }
                    enc.byte(b')');
                }
            }
            Self::new(enc.into_inner()).map_err(|_| arbitrary::Error::IncorrectFormat)
        }
    }

    impl<'a> Arbitrary<'a> for TaggedExt<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                label: TaggedExtLabel::arbitrary(u)?,
                value: TaggedExtVal::arbitrary(u)?,
            })
        }
    }

    impl<'a> Arbitrary<'a> for ExtParam<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                name: TaggedExtLabel::arbitrary(u)?,
                value: Option::<TaggedExtVal<'a>>::arbitrary(u)?,
            })
        }
    }
}
