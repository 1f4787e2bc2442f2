//! Core items: atoms, strings, literals, numbers, tags and text (RFC 9051 §4, §9).
//!
//! String types hold *content*, not representation: an [`AString`] holding `INBOX` is the same
//! value whether it arrived as an atom, a quoted string or a literal, and the serializer picks
//! the form by content (atom, then quoted string, then literal). Each type checks its content
//! in its constructor, so every value serializes and parses back equal.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::num::NonZeroU64;

#[cfg(feature = "arbitrary")]
use arbitrary::{Arbitrary, Unstructured};

#[cfg(feature = "arbitrary")]
use crate::chars::is_astring_char;
use crate::chars::{is_atom_char, is_tag_char, is_text_char};
use crate::error::{ValidationError, ValidationReason};
use crate::owned::{IntoStatic, static_types};

/// Checks every byte of `v` with `ok`; the first failure names its index.
pub(crate) fn check_bytes(
    item: &'static str,
    v: &[u8],
    allow_empty: bool,
    ok: impl Fn(u8) -> bool,
) -> Result<(), ValidationError> {
    if v.is_empty() && !allow_empty {
        return Err(ValidationError::new(item, ValidationReason::Empty));
    }
    match v.iter().position(|&b| !ok(b)) {
        Some(index) => Err(ValidationError::new(
            item,
            ValidationReason::ByteNotAllowed {
                index,
                byte: v[index],
            },
        )),
        None => Ok(()),
    }
}

/// Defines a validated newtype over `Cow<'a, str>` or `Cow<'a, [u8]>` with the usual
/// conversions, accessors and `into_static`.
macro_rules! cow_newtype {
    ($(#[$m:meta])* $name:ident, str, $item:literal, $check:expr) => {
        $(#[$m])*
        #[derive(Clone, PartialEq, Eq, Hash)]
        pub struct $name<'a>(pub(crate) Cow<'a, str>);

        impl<'a> $name<'a> {
            /// Validates and wraps `value`.
            ///
            /// # Errors
            /// A [`ValidationError`] naming the first byte that is not allowed.
            pub fn new(value: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
                let value = value.into();
                ($check)(value.as_bytes())?;
                Ok(Self(value))
            }

            /// Wraps `value` without validation.
            ///
            /// # Warning
            /// An invalid value serializes to bytes that do not parse back; debug builds
            /// check and panic.
            pub fn unvalidated(value: impl Into<Cow<'a, str>>) -> Self {
                let value = value.into();
                debug_assert!(($check)(value.as_bytes()).is_ok(), "invalid {}", $item);
                Self(value)
            }

            /// The content.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The content as bytes.
            pub fn as_bytes(&self) -> &[u8] {
                self.0.as_bytes()
            }

            /// The content, borrowed or owned as it is held.
            pub fn into_inner(self) -> Cow<'a, str> {
                self.0
            }
        }

        impl<'a> TryFrom<&'a str> for $name<'a> {
            type Error = ValidationError;

            fn try_from(v: &'a str) -> Result<Self, ValidationError> {
                Self::new(v)
            }
        }

        impl TryFrom<String> for $name<'static> {
            type Error = ValidationError;

            fn try_from(v: String) -> Result<Self, ValidationError> {
                Self::new(v)
            }
        }

        impl AsRef<str> for $name<'_> {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Debug for $name<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), &*self.0)
            }
        }

        impl IntoStatic for $name<'_> {
            type Static = $name<'static>;

            fn into_static(self) -> $name<'static> {
                $name(self.0.into_static())
            }
        }
    };
    ($(#[$m:meta])* $name:ident, bytes, $item:literal, $check:expr) => {
        $(#[$m])*
        #[derive(Clone, PartialEq, Eq, Hash)]
        pub struct $name<'a>(pub(crate) Cow<'a, [u8]>);

        impl<'a> $name<'a> {
            /// Validates and wraps `value`.
            ///
            /// # Errors
            /// A [`ValidationError`] naming the first byte that is not allowed.
            pub fn new(value: impl Into<Cow<'a, [u8]>>) -> Result<Self, ValidationError> {
                let value = value.into();
                ($check)(&value[..])?;
                Ok(Self(value))
            }

            /// Wraps `value` without validation.
            ///
            /// # Warning
            /// An invalid value serializes to bytes that do not parse back; debug builds
            /// check and panic.
            pub fn unvalidated(value: impl Into<Cow<'a, [u8]>>) -> Self {
                let value = value.into();
                debug_assert!(($check)(&value[..]).is_ok(), "invalid {}", $item);
                Self(value)
            }

            /// The content.
            pub fn as_bytes(&self) -> &[u8] {
                &self.0
            }

            /// The content as UTF-8, if it is.
            pub fn to_str(&self) -> Option<&str> {
                core::str::from_utf8(&self.0).ok()
            }

            /// The content, borrowed or owned as it is held.
            pub fn into_inner(self) -> Cow<'a, [u8]> {
                self.0
            }
        }

        impl<'a> TryFrom<&'a [u8]> for $name<'a> {
            type Error = ValidationError;

            fn try_from(v: &'a [u8]) -> Result<Self, ValidationError> {
                Self::new(v)
            }
        }

        impl<'a> TryFrom<&'a str> for $name<'a> {
            type Error = ValidationError;

            fn try_from(v: &'a str) -> Result<Self, ValidationError> {
                Self::new(v.as_bytes())
            }
        }

        impl TryFrom<Vec<u8>> for $name<'static> {
            type Error = ValidationError;

            fn try_from(v: Vec<u8>) -> Result<Self, ValidationError> {
                Self::new(v)
            }
        }

        impl TryFrom<String> for $name<'static> {
            type Error = ValidationError;

            fn try_from(v: String) -> Result<Self, ValidationError> {
                Self::new(v.into_bytes())
            }
        }

        impl AsRef<[u8]> for $name<'_> {
            fn as_ref(&self) -> &[u8] {
                &self.0
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

pub(crate) use cow_newtype;

pub(crate) fn check_atom(v: &[u8]) -> Result<(), ValidationError> {
    check_bytes("atom", v, false, is_atom_char)
}

pub(crate) fn check_tag(v: &[u8]) -> Result<(), ValidationError> {
    check_bytes("tag", v, false, is_tag_char)
}

/// `string` content: any byte but NUL (a literal carries CR, LF and 8-bit bytes).
pub(crate) fn check_string(v: &[u8]) -> Result<(), ValidationError> {
    check_bytes("string", v, true, |b| b != 0)
}

/// `text = 1*(TEXT-CHAR / UTF8-2 / UTF8-3 / UTF8-4)` (RFC 9051); the `&str` is UTF-8 already.
pub(crate) fn check_text(v: &[u8]) -> Result<(), ValidationError> {
    check_bytes("text", v, false, |b| b >= 0x80 || is_text_char(b))
}

cow_newtype!(
    /// `atom = 1*ATOM-CHAR`: a bare word such as a command name, a keyword flag or a
    /// capability.
    ///
    /// ```
    /// use imap_wire::Atom;
    /// assert!(Atom::new("XYZZY").is_ok());
    /// assert!(Atom::new("two words").is_err());
    /// ```
    Atom, str, "atom", check_atom
);

cow_newtype!(
    /// `tag = 1*<any ASTRING-CHAR except "+">`: the client's label that pairs a command with
    /// its completion.
    ///
    /// ```
    /// use imap_wire::Tag;
    /// assert!(Tag::new("a001").is_ok());
    /// assert!(Tag::new("a+1").is_err());
    /// ```
    Tag, str, "tag", check_tag
);

cow_newtype!(
    /// `text = 1*(TEXT-CHAR / UTF8-2 / UTF8-3 / UTF8-4)`: human-readable text to the end of a
    /// line; never empty, never CR, LF or NUL.
    Text, str, "text", check_text
);

cow_newtype!(
    /// `astring = 1*ASTRING-CHAR / string`: an atom-like word or any string.
    ///
    /// The value is the content; the serializer writes it as an atom when it can, else as a
    /// quoted string, else as a literal. It may hold any byte but NUL.
    ///
    /// ```
    /// use imap_wire::AString;
    /// let a = AString::new(&b"pass word"[..]).unwrap();
    /// assert_eq!(imap_wire::to_vec(&a), b"\"pass word\"");
    /// ```
    AString, bytes, "astring", check_string
);

cow_newtype!(
    /// `string = quoted / literal`: any bytes but NUL, written as a quoted string when the
    /// content allows and as a literal otherwise.
    IString, bytes, "string", check_string
);

cow_newtype!(
    /// `literal = "{" number64 ["+"] "}" CRLF *CHAR8`: bytes that are always written as a
    /// literal (message bodies in APPEND, for instance). Any byte but NUL.
    Literal, bytes, "literal", check_string
);

impl<'a> From<IString<'a>> for AString<'a> {
    fn from(v: IString<'a>) -> Self {
        Self(v.0)
    }
}

impl<'a> From<AString<'a>> for IString<'a> {
    fn from(v: AString<'a>) -> Self {
        Self(v.0)
    }
}

impl<'a> From<Atom<'a>> for AString<'a> {
    fn from(v: Atom<'a>) -> Self {
        Self(match v.0 {
            Cow::Borrowed(s) => Cow::Borrowed(s.as_bytes()),
            Cow::Owned(s) => Cow::Owned(s.into_bytes()),
        })
    }
}

/// `literal8 = "~{" number64 "}" CRLF *OCTET` (RFC 3516, RFC 9051): binary data, NUL included.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Literal8<'a>(pub(crate) Cow<'a, [u8]>);

impl<'a> Literal8<'a> {
    /// Wraps any bytes.
    pub fn new(value: impl Into<Cow<'a, [u8]>>) -> Self {
        Self(value.into())
    }

    /// The content.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The content, borrowed or owned as it is held.
    pub fn into_inner(self) -> Cow<'a, [u8]> {
        self.0
    }
}

impl fmt::Debug for Literal8<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Literal8({:?})", bstr::BStr::new(&self.0))
    }
}

impl IntoStatic for Literal8<'_> {
    type Static = Literal8<'static>;

    fn into_static(self) -> Literal8<'static> {
        Literal8(self.0.into_static())
    }
}

/// `nstring = string / NIL`
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct NString<'a>(pub Option<IString<'a>>);

impl NString<'_> {
    /// `NIL`.
    pub const NIL: NString<'static> = NString(None);

    /// The content, `None` for `NIL`.
    pub fn as_bytes(&self) -> Option<&[u8]> {
        self.0.as_ref().map(IString::as_bytes)
    }
}

impl IntoStatic for NString<'_> {
    type Static = NString<'static>;

    fn into_static(self) -> NString<'static> {
        NString(self.0.into_static())
    }
}

/// `number64 = 1*DIGIT`, an unsigned 63-bit integer (0 ..= 2^63-1, RFC 9051).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Number64(pub(crate) u64);

impl Number64 {
    /// The largest value, 2^63-1.
    pub const MAX: Number64 = Number64(i64::MAX as u64);

    /// Checks the range.
    ///
    /// # Errors
    /// [`ValidationReason::OutOfRange`] above 2^63-1.
    pub const fn new(v: u64) -> Result<Self, ValidationError> {
        if v > i64::MAX as u64 {
            return Err(ValidationError::new(
                "number64",
                ValidationReason::OutOfRange,
            ));
        }
        Ok(Self(v))
    }

    /// The value.
    pub const fn get(self) -> u64 {
        self.0
    }
}

/// `nz-number64 = digit-nz *DIGIT`, 1 ..= 2^63-1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NzNumber64(NonZeroU64);

impl NzNumber64 {
    /// Checks the range.
    ///
    /// # Errors
    /// [`ValidationReason::OutOfRange`] for 0 and above 2^63-1.
    pub const fn new(v: u64) -> Result<Self, ValidationError> {
        match NonZeroU64::new(v) {
            Some(n) if v <= i64::MAX as u64 => Ok(Self(n)),
            _ => Err(ValidationError::new(
                "nz-number64",
                ValidationReason::OutOfRange,
            )),
        }
    }

    /// The value.
    pub const fn get(self) -> u64 {
        self.0.get()
    }
}

static_types!(Number64, NzNumber64);

/// `charset = atom / quoted`: the name of a character set (SEARCH CHARSET, BADCHARSET).
///
/// Written as an atom when it is one, quoted otherwise.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Charset<'a>(pub(crate) Cow<'a, str>);

impl<'a> Charset<'a> {
    /// Checks that `value` can be written as an atom or a quoted string (ASCII text without
    /// CR and LF).
    ///
    /// # Errors
    /// A [`ValidationError`] naming the first byte that is not allowed.
    pub fn new(value: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        let value = value.into();
        check_bytes("charset", value.as_bytes(), true, is_text_char)?;
        Ok(Self(value))
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Charset<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Charset({:?})", &*self.0)
    }
}

impl IntoStatic for Charset<'_> {
    type Static = Charset<'static>;

    fn into_static(self) -> Charset<'static> {
        Charset(self.0.into_static())
    }
}

/// At least `min` bytes drawn from those that `ok` accepts (generated values must be valid).
#[cfg(feature = "arbitrary")]
pub(crate) fn arbitrary_bytes(
    u: &mut Unstructured<'_>,
    ok: impl Fn(u8) -> bool,
    min: usize,
) -> arbitrary::Result<Vec<u8>> {
    let mut alphabet = [0u8; 256];
    let mut n = 0;
    for b in (0..=255u8).filter(|&b| ok(b)) {
        alphabet[n] = b;
        n += 1;
    }
    let len = u.arbitrary_len::<u8>()?.max(min);
    (0..len)
        .map(|_| u.choose(&alphabet[..n]).copied())
        .collect()
}

/// [`arbitrary_bytes`] from an ASCII class, as a `String`.
#[cfg(feature = "arbitrary")]
pub(crate) fn arbitrary_ascii(
    u: &mut Unstructured<'_>,
    ok: impl Fn(u8) -> bool,
    min: usize,
) -> arbitrary::Result<String> {
    let bytes = arbitrary_bytes(u, |b| b.is_ascii() && ok(b), min)?;
    String::from_utf8(bytes).map_err(|_| arbitrary::Error::IncorrectFormat)
}

/// `string` content (any byte but NUL), drawn from one of three classes so that every form
/// the serializer picks (atom, quoted string, literal) comes up often.
#[cfg(feature = "arbitrary")]
fn arbitrary_string(u: &mut Unstructured<'_>) -> arbitrary::Result<Vec<u8>> {
    match u.choose_index(3)? {
        0 => arbitrary_bytes(u, is_astring_char, 1),
        1 => arbitrary_bytes(u, |b| b.is_ascii() && is_text_char(b), 0),
        _ => arbitrary_bytes(u, |b| b != 0, 0),
    }
}

/// `text` content: mostly ASCII, with any other character now and then.
#[cfg(feature = "arbitrary")]
fn arbitrary_text(u: &mut Unstructured<'_>) -> arbitrary::Result<String> {
    let len = u.arbitrary_len::<u8>()?.max(1);
    let mut s = String::with_capacity(len);
    for _ in 0..len {
        let c = match u.ratio(1u8, 4u8)? {
            true => char::arbitrary(u)?,
            false => char::from(u.int_in_range(1u8..=0x7f)?),
        };
        s.push(if matches!(c, '\0' | '\r' | '\n') {
            ' '
        } else {
            c
        });
    }
    Ok(s)
}

/// Implements `Arbitrary` by generating valid content and passing it through the
/// constructor (a generator bug then shows as an error, never as an invalid value).
#[cfg(feature = "arbitrary")]
macro_rules! arbitrary_via_new {
    ($($name:ident => $content:expr;)*) => {$(
        impl<'a> Arbitrary<'a> for $name<'a> {
            fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
                Self::new(($content)(u)?).map_err(|_| arbitrary::Error::IncorrectFormat)
            }
        }
    )*};
}

#[cfg(feature = "arbitrary")]
arbitrary_via_new! {
    Atom => |u: &mut Unstructured<'a>| arbitrary_ascii(u, is_atom_char, 1);
    Tag => |u: &mut Unstructured<'a>| arbitrary_ascii(u, is_tag_char, 1);
    Text => arbitrary_text;
    AString => arbitrary_string;
    IString => arbitrary_string;
    Literal => arbitrary_string;
    Charset => |u: &mut Unstructured<'a>| arbitrary_ascii(u, is_text_char, 0);
}

#[cfg(feature = "arbitrary")]
impl<'a> Arbitrary<'a> for Literal8<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let len = u.arbitrary_len::<u8>()?;
        Ok(Self(Cow::Borrowed(u.bytes(len)?)))
    }
}

#[cfg(feature = "arbitrary")]
impl<'a> Arbitrary<'a> for NString<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(Self(Option::<IString<'a>>::arbitrary(u)?))
    }
}

#[cfg(feature = "arbitrary")]
impl<'a> Arbitrary<'a> for Number64 {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(Self(u.int_in_range(0..=Self::MAX.0)?))
    }
}

#[cfg(feature = "arbitrary")]
impl<'a> Arbitrary<'a> for NzNumber64 {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        Self::new(u.int_in_range(1..=Number64::MAX.0)?)
            .map_err(|_| arbitrary::Error::IncorrectFormat)
    }
}
