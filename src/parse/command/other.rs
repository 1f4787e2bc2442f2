//! The raw arguments of a command this crate does not know.
//!
//! They run to the CRLF that ends the command. A line that ends in a literal announcement
//! (`{n}`, `{n+}`, `~{n}` or `~{n+}`, after a space or `(`, as the framer reads it) goes on
//! after the literal's `n` bytes; any other CR, LF or NUL ends the arguments, and the caller
//! then fails where it expects CRLF.

use alloc::borrow::Cow;
use alloc::vec::Vec;

use super::super::{PErr, PResult, expected, fail};
use crate::error::{ErrorKind, ValidationError, ValidationReason};
use crate::types::command::OtherArgs;

/// A literal announced at the end of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Announced {
    /// Number of data bytes.
    pub(crate) len: u64,
    /// `~{n}`: the data may hold NUL.
    pub(crate) binary: bool,
    /// `{n+}`: no `+` is awaited.
    pub(crate) non_sync: bool,
}

/// The literal announced at the end of `segment` (a line, or what follows the previous
/// literal's data, without the CRLF), if any: `{n}`, `{n+}`, `~{n}` or `~{n+}` with up to 20
/// digits, after a space or `(`.
pub(crate) fn literal_announced(segment: &[u8]) -> Option<Announced> {
    let inner = segment.strip_suffix(b"}")?;
    let (inner, non_sync) = match inner.strip_suffix(b"+") {
        Some(v) => (v, true),
        None => (inner, false),
    };
    let start = inner
        .iter()
        .rposition(|b| !b.is_ascii_digit())
        .map_or(0, |p| p + 1);
    let digits = &inner[start..];
    if digits.is_empty() || digits.len() > 20 {
        return None;
    }
    let brace = start.checked_sub(1)?;
    if inner[brace] != b'{' {
        return None;
    }
    let binary = brace > 0 && inner[brace - 1] == b'~';
    let marker = if binary { brace - 1 } else { brace };
    let before = marker.checked_sub(1).map(|k| inner[k]);
    if !matches!(before, Some(b' ' | b'(')) {
        return None;
    }
    let mut len: u64 = 0;
    for &d in digits {
        len = len.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
    }
    Some(Announced {
        len,
        binary,
        non_sync,
    })
}

/// Commands whose arguments are never strings, so a `{n}` at the end of their line announces
/// nothing (the framer's list; those this crate has no parser for reach [`other_args`]).
const NO_STRINGS: &[&str] = &[
    "CAPABILITY",
    "NOOP",
    "LOGOUT",
    "STARTTLS",
    "AUTHENTICATE",
    "CHECK",
    "CLOSE",
    "EXPUNGE",
    "UNSELECT",
    "IDLE",
    "NAMESPACE",
    "ENABLE",
    "UNAUTHENTICATE",
    "COMPRESS",
];

/// Whether the arguments of the command `name` may hold literals.
pub(crate) fn takes_literals(name: &[u8]) -> bool {
    !NO_STRINGS
        .iter()
        .any(|w| w.as_bytes().eq_ignore_ascii_case(name))
}

/// The raw arguments of an unknown command, up to (not including) the CRLF that ends it:
/// empty or a space first, then any bytes but NUL, CR and LF, with complete literals (when
/// `literals` is set; see [`takes_literals`]).
pub(crate) fn other_args(i: &[u8], literals: bool) -> PResult<'_, OtherArgs<'_>> {
    if !matches!(i.first(), None | Some(b' ' | b'\r' | b'\n')) {
        return expected(i, "SP");
    }
    let mut pos = 0;
    let mut segment = 0;
    let end = loop {
        let Some(p) = memchr::memchr3(b'\r', b'\n', 0, &i[pos..]) else {
            break i.len();
        };
        let at = pos + p;
        match i[at] {
            0 => return expected(&i[at..], "CHAR (no NUL)"),
            b'\n' => break at,
            _ => {}
        }
        if !literals || i.get(at + 1) != Some(&b'\n') {
            break at;
        }
        let Some(lit) = literal_announced(&i[segment..at]) else {
            break at;
        };
        let data = &i[at + 2..];
        let n = match usize::try_from(lit.len) {
            Ok(n) if n <= data.len() => n,
            _ => return fail(data, ErrorKind::Incomplete),
        };
        if !lit.binary {
            if let Some(nul) = memchr::memchr(0, &data[..n]) {
                return Err(nom::Err::Error(PErr {
                    kind: ErrorKind::Expected("CHAR8 (no NUL in a literal)"),
                    rest: data.len() - nul,
                }));
            }
        }
        pos = at + 2 + n;
        segment = pos;
    };
    Ok((&i[end..], OtherArgs(Cow::Borrowed(&i[..end]))))
}

/// Checks that `v` is exactly the arguments of an unknown command: what [`other_args`] reads
/// from `v` followed by CRLF, with nothing left before the CRLF.
pub(crate) fn check_other_args(v: &[u8]) -> Result<(), ValidationError> {
    let mut line = Vec::with_capacity(v.len() + 2);
    line.extend_from_slice(v);
    line.extend_from_slice(b"\r\n");
    match other_args(&line, true) {
        Ok((rest, _)) if rest == b"\r\n" => Ok(()),
        _ => Err(ValidationError::new(
            "command arguments",
            ValidationReason::Invalid,
        )),
    }
}
