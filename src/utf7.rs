//! Modified UTF-7, the IMAP4rev1 convention for international mailbox names (RFC 3501 §5.1.3,
//! RFC 9051 Appendix A.1).
//!
//! Printable US-ASCII (0x20-0x7e) stands for itself, except `&`, which is written `&-`. Every
//! other character goes into a run `&...-` holding the UTF-16BE code units of the characters in
//! modified base64 (the base64 alphabet with `,` instead of `/`, no padding).
//!
//! Both directions are strict, so that every Unicode string has exactly one encoding and
//! [`decode_utf7`] accepts exactly the strings [`encode_utf7`] can produce. Decoding refuses:
//! - a byte outside printable US-ASCII (CR, LF, controls, 8-bit bytes);
//! - a run that is not closed by `-` (`&Jjo!`, a trailing `&`);
//! - a run that encodes a printable US-ASCII character, `&` included (`&AGE-` for `a`): those
//!   are written directly, `&` as `&-`;
//! - a run that starts right where another ended (`&U,BTFw-&ZeVnLIqe-` must be written
//!   `&U,BTF2XlZyyKng-`);
//! - leftover bits that are not zero, or a base64 character that adds no whole byte;
//! - an odd number of bytes, and surrogates that do not pair up.
//!
//! ```
//! use imap_wire::utf7::{decode_utf7, encode_utf7};
//! assert_eq!(encode_utf7("~peter/mail/台北/日本語"), "~peter/mail/&U,BTFw-/&ZeVnLIqe-");
//! assert_eq!(decode_utf7(b"~peter/mail/&U,BTFw-/&ZeVnLIqe-").unwrap(), "~peter/mail/台北/日本語");
//! assert!(decode_utf7(b"&Jjo!").is_err());
//! assert!(decode_utf7(b"&U,BTFw-&ZeVnLIqe-").is_err());
//! ```

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt;

/// The modified base64 alphabet: RFC 4648 base64 with `,` in place of `/`.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

/// Why a name is not valid modified UTF-7.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Utf7ErrorReason {
    /// A byte outside printable US-ASCII (0x20-0x7e).
    ByteNotAllowed,
    /// A base64 run is not closed by `-` (the offset is the first byte that is neither modified
    /// base64 nor `-`, or the end of the input).
    Unterminated,
    /// A base64 run encodes a printable US-ASCII character, which must be written directly.
    DirectlyEncodable,
    /// A base64 run starts right after another one ended; the two must be one run.
    AdjacentRuns,
    /// The bits left over at the end of a run are not zero, or a whole base64 character adds no
    /// byte.
    BadPadding,
    /// A run holds an odd number of bytes, so it is not UTF-16.
    OddLength,
    /// A UTF-16 surrogate that is not part of a high-low pair.
    UnpairedSurrogate,
}

/// A name is not valid modified UTF-7: why, and at which byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Utf7Error {
    /// Byte offset into the name: the offending byte, or the `&` that opens the offending run.
    pub offset: usize,
    /// What is wrong.
    pub reason: Utf7ErrorReason,
}

impl fmt::Display for Utf7Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.reason {
            Utf7ErrorReason::ByteNotAllowed => "byte outside printable US-ASCII",
            Utf7ErrorReason::Unterminated => "base64 run not closed by \"-\"",
            Utf7ErrorReason::DirectlyEncodable => "base64 run encodes printable US-ASCII",
            Utf7ErrorReason::AdjacentRuns => "base64 run right after another",
            Utf7ErrorReason::BadPadding => "bad bits at the end of a base64 run",
            Utf7ErrorReason::OddLength => "base64 run with an odd number of bytes",
            Utf7ErrorReason::UnpairedSurrogate => "unpaired UTF-16 surrogate",
        };
        write!(f, "invalid modified UTF-7 at byte {}: {what}", self.offset)
    }
}

impl core::error::Error for Utf7Error {}

/// Whether `b` stands for itself in modified UTF-7 (`&` stands for itself only as `&-`).
#[inline]
fn is_printable(b: u32) -> bool {
    (0x20..=0x7e).contains(&b)
}

/// The 6-bit value of a modified base64 character.
#[inline]
fn b64_value(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b',' => 63,
        _ => return None,
    } as u32)
}

/// Encodes a Unicode name as modified UTF-7.
///
/// Borrows `name` when it is printable US-ASCII without `&`, which is its own encoding. The
/// result is always accepted by [`decode_utf7`], which gives `name` back.
pub fn encode_utf7(name: &str) -> Cow<'_, str> {
    if name
        .bytes()
        .all(|b| is_printable(u32::from(b)) && b != b'&')
    {
        return Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len() + name.len() / 2 + 2);
    // Bits not yet written while inside a run (`bits` of them, in the low end of `acc`).
    let mut in_run = false;
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for c in name.chars() {
        if is_printable(u32::from(c)) {
            if in_run {
                close_run(&mut out, acc, bits);
                in_run = false;
            }
            if c == '&' {
                out.push_str("&-");
            } else {
                out.push(c);
            }
            continue;
        }
        if !in_run {
            out.push('&');
            in_run = true;
            acc = 0;
            bits = 0;
        }
        let mut units = [0u16; 2];
        for unit in c.encode_utf16(&mut units) {
            acc = ((acc << 16) | u32::from(*unit)) & 0x3f_ffff;
            bits += 16;
            while bits >= 6 {
                bits -= 6;
                out.push(char::from(ALPHABET[((acc >> bits) & 63) as usize]));
            }
        }
    }
    if in_run {
        close_run(&mut out, acc, bits);
    }
    Cow::Owned(out)
}

/// Writes the last, zero-padded base64 character of a run (if bits are left) and the `-`.
fn close_run(out: &mut String, acc: u32, bits: u32) {
    if bits > 0 {
        out.push(char::from(ALPHABET[((acc << (6 - bits)) & 63) as usize]));
    }
    out.push('-');
}

/// Decodes a modified UTF-7 name.
///
/// Borrows `name` when it has no `&` (it is then printable US-ASCII, its own decoding).
///
/// # Errors
/// A [`Utf7Error`] at the first byte or run that breaks the rules listed in the
/// [module docs](self).
pub fn decode_utf7(name: &[u8]) -> Result<Cow<'_, str>, Utf7Error> {
    if !name.contains(&b'&') {
        check_printable(name, 0)?;
        // INVARIANT: every byte is printable US-ASCII, which is UTF-8.
        return Ok(Cow::Borrowed(
            core::str::from_utf8(name).unwrap_or_default(),
        ));
    }
    let mut out = String::with_capacity(name.len());
    walk(name, |c| out.push(c))?;
    Ok(Cow::Owned(out))
}

/// Checks that `name` is valid modified UTF-7 without building the decoded string.
///
/// # Errors
/// As [`decode_utf7`].
pub fn validate_utf7(name: &[u8]) -> Result<(), Utf7Error> {
    walk(name, |_| ())
}

/// Fails at the first byte of `v` that is not printable US-ASCII (`base` is `v`'s offset).
fn check_printable(v: &[u8], base: usize) -> Result<(), Utf7Error> {
    match v.iter().position(|&b| !is_printable(u32::from(b))) {
        Some(p) => Err(Utf7Error {
            offset: base + p,
            reason: Utf7ErrorReason::ByteNotAllowed,
        }),
        None => Ok(()),
    }
}

/// Runs through `name`, handing each decoded character to `push`.
fn walk(name: &[u8], mut push: impl FnMut(char)) -> Result<(), Utf7Error> {
    let err = |offset, reason| Err(Utf7Error { offset, reason });
    let mut pos = 0;
    // Where the last base64 run ended (just past its `-`).
    let mut last_run_end = None;
    while pos < name.len() {
        let b = name[pos];
        if !is_printable(u32::from(b)) {
            return err(pos, Utf7ErrorReason::ByteNotAllowed);
        }
        if b != b'&' {
            push(char::from(b));
            pos += 1;
            continue;
        }
        if name.get(pos + 1) == Some(&b'-') {
            push('&');
            pos += 2;
            continue;
        }
        if last_run_end == Some(pos) {
            return err(pos, Utf7ErrorReason::AdjacentRuns);
        }
        let open = pos;
        let body = pos + 1;
        let len = name[body..]
            .iter()
            .position(|&c| b64_value(c).is_none())
            .unwrap_or(name.len() - body);
        let end = body + len;
        match name.get(end) {
            Some(b'-') => {}
            Some(&c) if !is_printable(u32::from(c)) => {
                return err(end, Utf7ErrorReason::ByteNotAllowed);
            }
            _ => return err(end, Utf7ErrorReason::Unterminated),
        }
        decode_run(&name[body..end], open, &mut push)?;
        pos = end + 1;
        last_run_end = Some(pos);
    }
    Ok(())
}

/// Decodes the base64 characters of one run (`open` is the offset of its `&`).
fn decode_run(run: &[u8], open: usize, push: &mut impl FnMut(char)) -> Result<(), Utf7Error> {
    let err = |reason| {
        Err(Utf7Error {
            offset: open,
            reason,
        })
    };
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    // The first byte of a code unit, once read.
    let mut high_byte: Option<u32> = None;
    // A high surrogate waiting for its low half.
    let mut high_surrogate: Option<u32> = None;
    for &c in run {
        let Some(v) = b64_value(c) else {
            return err(Utf7ErrorReason::Unterminated);
        };
        acc = ((acc << 6) | v) & 0x3fff;
        bits += 6;
        if bits < 8 {
            continue;
        }
        bits -= 8;
        let byte = (acc >> bits) & 0xff;
        let Some(hi) = high_byte.take() else {
            high_byte = Some(byte);
            continue;
        };
        let unit = (hi << 8) | byte;
        let code = match (high_surrogate.take(), unit) {
            (None, 0xd800..=0xdbff) => {
                high_surrogate = Some(unit);
                continue;
            }
            (Some(h), 0xdc00..=0xdfff) => 0x10000 + ((h - 0xd800) << 10) + (unit - 0xdc00),
            (None, 0xdc00..=0xdfff) | (Some(_), _) => {
                return err(Utf7ErrorReason::UnpairedSurrogate);
            }
            (None, u) => u,
        };
        if is_printable(code) {
            return err(Utf7ErrorReason::DirectlyEncodable);
        }
        let Some(ch) = char::from_u32(code) else {
            return err(Utf7ErrorReason::UnpairedSurrogate);
        };
        push(ch);
    }
    if bits >= 6 || acc & ((1 << bits) - 1) != 0 {
        return err(Utf7ErrorReason::BadPadding);
    }
    if high_byte.is_some() {
        return err(Utf7ErrorReason::OddLength);
    }
    if high_surrogate.is_some() {
        return err(Utf7ErrorReason::UnpairedSurrogate);
    }
    Ok(())
}
