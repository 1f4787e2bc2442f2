//! Data of the AUTHENTICATE exchange: base64 text (RFC 9051 §6.2.2, RFC 4959) and credentials.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::error::{ValidationError, ValidationReason};
use crate::owned::IntoStatic;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// A credential: a password or SASL data. `Debug` prints `Secret(<redacted>)`, so logging a
/// command does not leak it; the value is reached only through [`Secret::expose`].
///
/// It compares and hashes by its content, and serializes and parses as the value it wraps.
///
/// ```
/// use imap_wire::{AString, Secret};
/// let password = Secret::new(AString::new(&b"hunter2"[..]).unwrap());
/// assert_eq!(format!("{password:?}"), "Secret(<redacted>)");
/// assert_eq!(password.expose().as_bytes(), b"hunter2");
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Secret<T>(T);

impl<T> Secret<T> {
    /// Wraps a credential.
    pub const fn new(value: T) -> Self {
        Self(value)
    }

    /// The credential.
    pub const fn expose(&self) -> &T {
        &self.0
    }

    /// Returns the credential.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> From<T> for Secret<T> {
    fn from(value: T) -> Self {
        Self(value)
    }
}

impl<T> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl<T: IntoStatic> IntoStatic for Secret<T> {
    type Static = Secret<T::Static>;

    fn into_static(self) -> Self::Static {
        Secret(self.0.into_static())
    }
}

#[cfg(feature = "arbitrary")]
impl<'a, T: arbitrary::Arbitrary<'a>> arbitrary::Arbitrary<'a> for Secret<T> {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        T::arbitrary(u).map(Self)
    }
}

/// `base64 = *(4base64-char) [base64-terminal]`: base64 text as it stands on the wire (may be
/// empty).
///
/// ```
/// use imap_wire::Base64;
/// let b = Base64::encode(b"\0user\0pass");
/// assert_eq!(b.as_str(), "AHVzZXIAcGFzcw==");
/// assert_eq!(b.decode(), b"\0user\0pass");
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Base64<'a>(pub(crate) Cow<'a, str>);

impl<'a> Base64<'a> {
    /// Validates base64 text (the alphabet of RFC 4648 §4 with `=` padding to a multiple of 4).
    ///
    /// # Errors
    /// A [`ValidationError`] for a byte outside the alphabet or for bad padding.
    pub fn new(text: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        let text = text.into();
        let v = text.as_bytes();
        let body = v.iter().position(|&b| b == b'=').unwrap_or(v.len());
        if let Some(index) = v[..body].iter().position(|&b| !ALPHABET.contains(&b)) {
            return Err(ValidationError::new(
                "base64",
                ValidationReason::ByteNotAllowed {
                    index,
                    byte: v[index],
                },
            ));
        }
        let pad = v.len() - body;
        let padding_ok = v[body..].iter().all(|&b| b == b'=')
            && v.len() % 4 == 0
            && (pad == 0 || (pad <= 2 && body % 4 >= 2));
        if !padding_ok {
            return Err(ValidationError::new("base64", ValidationReason::Invalid));
        }
        Ok(Self(text))
    }

    /// Encodes `data` as base64.
    pub fn encode(data: &[u8]) -> Base64<'static> {
        let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
        for chunk in data.chunks(3) {
            let b = [
                chunk[0],
                *chunk.get(1).unwrap_or(&0),
                *chunk.get(2).unwrap_or(&0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for k in 0..4 {
                if k <= chunk.len() {
                    out.push(char::from(ALPHABET[((n >> (18 - 6 * k)) & 63) as usize]));
                } else {
                    out.push('=');
                }
            }
        }
        Base64(Cow::Owned(out))
    }

    /// Decodes the text. Validation guarantees this cannot fail.
    pub fn decode(&self) -> Vec<u8> {
        let v = self.0.as_bytes();
        let mut out = Vec::with_capacity(v.len() / 4 * 3);
        let mut acc: u32 = 0;
        let mut bits = 0;
        for &c in v {
            let Some(d) = ALPHABET.iter().position(|&a| a == c) else {
                break;
            };
            acc = (acc << 6) | d as u32;
            bits += 6;
            if bits >= 8 {
                bits -= 8;
                out.push((acc >> bits) as u8);
            }
        }
        out
    }

    /// The base64 text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Base64<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Base64({:?})", &*self.0)
    }
}

impl IntoStatic for Base64<'_> {
    type Static = Base64<'static>;

    fn into_static(self) -> Base64<'static> {
        Base64(self.0.into_static())
    }
}

/// Any valid base64 text: whole quads, then maybe a terminal quad with one or two `=`.
/// Unlike [`Base64::encode`], this also yields texts whose padding bits are not zero.
#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for Base64<'a> {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        let quads = u.arbitrary_len::<[u8; 4]>()?;
        let tail = *u.choose(&[0usize, 2, 3])?;
        let mut text = String::with_capacity(quads * 4 + 4);
        for _ in 0..quads * 4 + tail {
            text.push(char::from(*u.choose(ALPHABET)?));
        }
        text.push_str(match tail {
            2 => "==",
            3 => "=",
            _ => "",
        });
        Self::new(text).map_err(|_| arbitrary::Error::IncorrectFormat)
    }
}
