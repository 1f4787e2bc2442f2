//! Parsers for the core items: atoms, strings, literals, numbers, tags, text and base64.
//!
//! All of them borrow from the input; only a quoted string with escapes (`\"`, `\\`) is copied
//! to remove the backslashes.

use alloc::borrow::Cow;
use alloc::vec::Vec;
use core::num::NonZeroU32;

use super::{Cx, PResult, byte, expected, fail, impl_parse, keyword, run};
use crate::chars::is_text_char;
use crate::chars::{is_astring_char, is_atom_char, is_digit, is_quoted_char, is_tag_char};
use crate::config::Leniency;
use crate::error::ErrorKind;
use crate::types::auth::Base64;
use crate::types::primitive::{
    AString, Atom, Charset, IString, Literal, Literal8, NString, Number64, NzNumber64, Tag, Text,
};

/// Splits off the longest prefix whose bytes satisfy `ok`.
#[inline]
pub(crate) fn take_while(i: &[u8], ok: impl Fn(u8) -> bool) -> (&[u8], &[u8]) {
    let n = i.iter().position(|&b| !ok(b)).unwrap_or(i.len());
    (&i[n..], &i[..n])
}

/// Like [`take_while`], but at least one byte, else an error expecting `what`.
#[inline]
pub(crate) fn take_while1<'a>(
    i: &'a [u8],
    ok: impl Fn(u8) -> bool,
    what: &'static str,
) -> PResult<'a, &'a [u8]> {
    let (rest, taken) = take_while(i, ok);
    if taken.is_empty() {
        expected(i, what)
    } else {
        Ok((rest, taken))
    }
}

/// ASCII bytes as `&str`. Callers have checked every byte is ASCII.
#[inline]
pub(crate) fn ascii(v: &[u8]) -> &str {
    // INVARIANT: every caller passes bytes already checked to be ASCII, which is UTF-8.
    core::str::from_utf8(v).unwrap_or_default()
}

/// `atom = 1*ATOM-CHAR`
pub(crate) fn atom(i: &[u8]) -> PResult<'_, Atom<'_>> {
    let (rest, a) = take_while1(i, is_atom_char, "atom")?;
    Ok((rest, Atom(Cow::Borrowed(ascii(a)))))
}

/// `tag = 1*<any ASTRING-CHAR except "+">`
pub(crate) fn tag(i: &[u8]) -> PResult<'_, Tag<'_>> {
    let (rest, t) = take_while1(i, is_tag_char, "tag")?;
    Ok((rest, Tag(Cow::Borrowed(ascii(t)))))
}

/// Digits as a `u64`, failing with [`ErrorKind::BadNumber`] above `max`.
#[inline]
pub(crate) fn digits<'a>(i: &'a [u8], max: u64, what: &'static str) -> PResult<'a, u64> {
    let (rest, d) = take_while1(i, is_digit, what)?;
    // Nine digits cannot overflow, nor pass any limit the callers set (all at least
    // u32::MAX): the common case needs no checks.
    if d.len() <= 9 {
        let n = d.iter().fold(0u64, |n, &c| n * 10 + u64::from(c - b'0'));
        if n <= max {
            return Ok((rest, n));
        }
    }
    let mut n: u64 = 0;
    for &c in d {
        n = match n
            .checked_mul(10)
            .and_then(|n| n.checked_add(u64::from(c - b'0')))
        {
            Some(n) if n <= max => n,
            _ => return fail(i, ErrorKind::BadNumber),
        };
    }
    Ok((rest, n))
}

/// `number = 1*DIGIT` (unsigned 32-bit)
pub(crate) fn number(i: &[u8]) -> PResult<'_, u32> {
    let (rest, n) = digits(i, u64::from(u32::MAX), "number")?;
    Ok((rest, n as u32))
}

/// `nz-number = digit-nz *DIGIT` (unsigned 32-bit, not 0)
pub(crate) fn nz_number(i: &[u8]) -> PResult<'_, NonZeroU32> {
    if i.first() == Some(&b'0') {
        return expected(i, "nz-number");
    }
    let (rest, n) = digits(i, u64::from(u32::MAX), "nz-number")?;
    match NonZeroU32::new(n as u32) {
        Some(n) => Ok((rest, n)),
        None => expected(i, "nz-number"),
    }
}

/// `number64 = 1*DIGIT` (0 ..= 2^63-1)
pub(crate) fn number64(i: &[u8]) -> PResult<'_, Number64> {
    let (rest, n) = digits(i, i64::MAX as u64, "number64")?;
    Ok((rest, Number64(n)))
}

/// `nz-number64 = digit-nz *DIGIT`
pub(crate) fn nz_number64(i: &[u8]) -> PResult<'_, NzNumber64> {
    if i.first() == Some(&b'0') {
        return expected(i, "nz-number64");
    }
    let (rest, n) = digits(i, i64::MAX as u64, "nz-number64")?;
    match NzNumber64::new(n) {
        Ok(n) => Ok((rest, n)),
        Err(_) => expected(i, "nz-number64"),
    }
}

/// Length of the valid UTF-8 sequence starting with a non-ASCII byte at `i[0]`, if valid.
#[inline]
pub(crate) fn utf8_seq(i: &[u8]) -> Option<usize> {
    let len = match i.first()? {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return None,
    };
    let seq = i.get(..len)?;
    core::str::from_utf8(seq).ok().map(|_| len)
}

/// Whether every byte of `run` is a `QUOTED-CHAR` other than the quoted-specials (which the
/// caller has excluded): ASCII, not NUL, CR or LF. Written as a fold so it vectorises.
#[inline]
fn plain_quoted(run: &[u8]) -> bool {
    !run.iter().fold(false, |bad, &b| {
        bad | (b == 0) | (b >= 0x80) | (b == b'\r') | (b == b'\n')
    })
}

/// How many bytes of a quoted string are scanned one by one before the SIMD search.
const SHORT_QUOTED: usize = 48;

/// The bytes that end the plain run of a quoted string: `"`, `\`, NUL, CR, LF and 8-bit bytes.
const QUOTED_STOP: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = b >= 0x80 || matches!(b as u8, b'"' | b'\\' | 0 | b'\r' | b'\n');
        b += 1;
    }
    t
};

/// `quoted = DQUOTE *QUOTED-CHAR DQUOTE`, with RFC 9051's UTF-8 in `QUOTED-CHAR`.
///
/// Returns the content with escapes removed, borrowed unless there were escapes.
pub(crate) fn quoted(i: &[u8]) -> PResult<'_, Cow<'_, [u8]>> {
    quoted_with(i, Leniency::STRICT)
}

/// [`quoted`], also accepting the deviations of `leniency` that concern quoted strings:
/// [`Leniency::EIGHT_BIT_QUOTED`] and [`Leniency::NUL_IN_QUOTED`] (kept as raw bytes).
pub(crate) fn quoted_with(i: &[u8], leniency: Leniency) -> PResult<'_, Cow<'_, [u8]>> {
    let Some(body) = i.strip_prefix(b"\"") else {
        return expected(i, "quoted");
    };
    // Most quoted strings are short and plain (envelope fields, body parameters): look for
    // the closing quote byte by byte over the first bytes, which costs less than setting up
    // the SIMD search. Anything else (an escape, an 8-bit byte, a control, a long string)
    // takes the general way below from the start.
    let short = &body[..body.len().min(SHORT_QUOTED)];
    if let Some(n) = short.iter().position(|&b| QUOTED_STOP[usize::from(b)]) {
        if body[n] == b'"' {
            return Ok((&body[n + 1..], Cow::Borrowed(&body[..n])));
        }
    }
    let mut pos = 0;
    let mut owned: Option<Vec<u8>> = None;
    loop {
        let at = &body[pos..];
        // Fast path: up to the next `"` or `\\` (found with SIMD), checked without branches;
        // a run with a control, an 8-bit byte or no end goes the byte-by-byte way.
        let stop = memchr::memchr2(b'"', b'\\', at);
        let run_len = match stop {
            Some(n) if plain_quoted(&at[..n]) => n,
            _ => at
                .iter()
                .position(|&b| !is_quoted_char(b))
                .unwrap_or(at.len()),
        };
        if let Some(o) = owned.as_mut() {
            o.extend_from_slice(&at[..run_len]);
        }
        pos += run_len;
        match body.get(pos) {
            Some(b'"') => {
                let rest = &body[pos + 1..];
                let value = match owned {
                    Some(o) => Cow::Owned(o),
                    None => Cow::Borrowed(&body[..pos]),
                };
                return Ok((rest, value));
            }
            Some(b'\\') => match body.get(pos + 1) {
                Some(&c @ (b'"' | b'\\')) => {
                    owned
                        .get_or_insert_with(|| {
                            // One allocation in the common case: room for the rest too.
                            let mut v = Vec::with_capacity(body.len().min(pos + 256));
                            v.extend_from_slice(&body[..pos]);
                            v
                        })
                        .push(c);
                    pos += 2;
                }
                _ => return expected(&body[pos..], "quoted-specials after \\"),
            },
            Some(&c) if c >= 0x80 || c == 0 => {
                let n = match utf8_seq(&body[pos..]) {
                    Some(n) => n,
                    None if c == 0 && leniency.contains(Leniency::NUL_IN_QUOTED) => 1,
                    None if c >= 0x80 && leniency.contains(Leniency::EIGHT_BIT_QUOTED) => 1,
                    None if c == 0 => return expected(&body[pos..], "QUOTED-CHAR"),
                    None => return fail(&body[pos..], ErrorKind::BadUtf8),
                };
                if let Some(o) = owned.as_mut() {
                    o.extend_from_slice(&body[pos..pos + n]);
                }
                pos += n;
            }
            Some(_) => return expected(&body[pos..], "QUOTED-CHAR"),
            None => return fail(&body[pos..], ErrorKind::Incomplete),
        }
    }
}

/// The announcement of a literal: its length and whether it is non-synchronising.
pub(crate) fn literal_header(i: &[u8]) -> PResult<'_, (u64, bool)> {
    let (i, ()) = byte(b'{', "literal")(i)?;
    let (i, n) = number64(i)?;
    let (i, plus) = match i.first() {
        Some(b'+') => (&i[1..], true),
        _ => (i, false),
    };
    let (i, ()) = byte(b'}', "\"}\"")(i)?;
    let (i, ()) = super::crlf(i)?;
    Ok((i, (n.get(), plus)))
}

/// Takes `n` bytes of literal data.
#[inline]
fn literal_data(i: &[u8], n: u64) -> PResult<'_, &[u8]> {
    match usize::try_from(n) {
        Ok(n) if n <= i.len() => Ok((&i[n..], &i[..n])),
        _ => fail(i, ErrorKind::Incomplete),
    }
}

/// `literal = "{" number64 ["+"] "}" CRLF *CHAR8`
pub(crate) fn literal(i: &[u8]) -> PResult<'_, &[u8]> {
    let (rest, (n, _)) = literal_header(i)?;
    let (rest, data) = literal_data(rest, n)?;
    if let Some(p) = memchr::memchr(0, data) {
        let rest_at_nul = data.len() - p + rest.len();
        return Err(nom::Err::Error(super::PErr {
            kind: ErrorKind::Expected("CHAR8 (no NUL in a literal)"),
            rest: rest_at_nul,
        }));
    }
    Ok((rest, data))
}

/// `literal8 = "~{" number64 ["+"] "}" CRLF *OCTET` (RFC 9051, RFC 4466)
pub(crate) fn literal8(i: &[u8]) -> PResult<'_, &[u8]> {
    let (i, ()) = byte(b'~', "literal8")(i)?;
    let (i, (n, _)) = literal_header(i)?;
    literal_data(i, n)
}

/// `string = quoted / literal`
pub(crate) fn string(i: &[u8]) -> PResult<'_, Cow<'_, [u8]>> {
    match i.first() {
        Some(b'"') => quoted(i),
        Some(b'{') => literal(i).map(|(r, v)| (r, Cow::Borrowed(v))),
        _ => expected(i, "string"),
    }
}

/// `astring = 1*ASTRING-CHAR / string`
pub(crate) fn astring(i: &[u8]) -> PResult<'_, AString<'_>> {
    match i.first() {
        Some(b'"' | b'{') => string(i).map(|(r, v)| (r, AString(v))),
        _ => {
            let (rest, v) = take_while1(i, is_astring_char, "astring")?;
            Ok((rest, AString(Cow::Borrowed(v))))
        }
    }
}

/// `string`, with the deviations of the context's leniency that concern quoted strings.
pub(crate) fn string_cx<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Cow<'a, [u8]>> {
    match i.first() {
        Some(b'"') => quoted_with(i, cx.cfg.leniency),
        _ => string(i),
    }
}

/// `nstring`, with the deviations of the context's leniency that concern quoted strings.
pub(crate) fn nstring_cx<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, NString<'a>> {
    match i.first() {
        Some(b'"') => quoted_with(i, cx.cfg.leniency).map(|(r, v)| (r, NString(Some(IString(v))))),
        _ => nstring(i),
    }
}

/// `nstring = string / nil`
pub(crate) fn nstring(i: &[u8]) -> PResult<'_, NString<'_>> {
    match i.first() {
        Some(b'N' | b'n') => {
            let (rest, ()) = keyword(i, "NIL")?;
            Ok((rest, NString(None)))
        }
        _ => string(i).map(|(r, v)| (r, NString(Some(IString(v))))),
    }
}

/// `text = 1*(TEXT-CHAR / UTF8-2 / UTF8-3 / UTF8-4)`
pub(crate) fn text(i: &[u8]) -> PResult<'_, Text<'_>> {
    let mut pos = 0;
    loop {
        pos += i[pos..]
            .iter()
            .position(|&b| !is_text_char(b))
            .unwrap_or(i.len() - pos);
        match i.get(pos) {
            Some(&c) if c >= 0x80 => match utf8_seq(&i[pos..]) {
                Some(n) => pos += n,
                None => return fail(&i[pos..], ErrorKind::BadUtf8),
            },
            _ => break,
        }
    }
    if pos == 0 {
        return expected(i, "text");
    }
    // INVARIANT: the bytes are ASCII TEXT-CHARs and whole UTF-8 sequences.
    match core::str::from_utf8(&i[..pos]) {
        Ok(s) => Ok((&i[pos..], Text(Cow::Borrowed(s)))),
        Err(_) => fail(i, ErrorKind::BadUtf8),
    }
}

/// `charset = atom / quoted`
pub(crate) fn charset(i: &[u8]) -> PResult<'_, Charset<'_>> {
    if i.first() == Some(&b'"') {
        let (rest, v) = quoted(i)?;
        if !v.iter().all(|&b| is_text_char(b)) {
            return fail(i, ErrorKind::Expected("ASCII charset name"));
        }
        let name = match v {
            Cow::Borrowed(b) => Cow::Borrowed(ascii(b)),
            Cow::Owned(o) => Cow::Owned(alloc::string::String::from(ascii(&o))),
        };
        return Ok((rest, Charset(name)));
    }
    let (rest, a) = atom(i)?;
    Ok((rest, Charset(a.0)))
}

/// `base64 = *(4base64-char) [base64-terminal]`
pub(crate) fn base64(i: &[u8]) -> PResult<'_, Base64<'_>> {
    let is_b64 = |b: u8| b.is_ascii_alphanumeric() || b == b'+' || b == b'/';
    let (rest, body) = take_while(i, is_b64);
    let (rest, pad) = take_while(rest, |b| b == b'=');
    let total = body.len() + pad.len();
    let ok = match pad.len() {
        0 => body.len() % 4 == 0,
        1 | 2 => total % 4 == 0 && body.len() % 4 >= 2,
        _ => false,
    };
    if !ok {
        return fail(i, ErrorKind::BadBase64);
    }
    Ok((rest, Base64(Cow::Borrowed(ascii(&i[..total])))))
}

fn cfg_string<'a>(_: &Cx, i: &'a [u8]) -> PResult<'a, IString<'a>> {
    string(i).map(|(r, v)| (r, IString(v)))
}
fn cfg_literal<'a>(_: &Cx, i: &'a [u8]) -> PResult<'a, Literal<'a>> {
    literal(i).map(|(r, v)| (r, Literal(Cow::Borrowed(v))))
}
fn cfg_literal8<'a>(_: &Cx, i: &'a [u8]) -> PResult<'a, Literal8<'a>> {
    literal8(i).map(|(r, v)| (r, Literal8(Cow::Borrowed(v))))
}

impl_parse!(Atom, plain atom);
impl_parse!(Tag, plain tag);
impl_parse!(AString, plain astring);
impl_parse!(IString, cfg_string);
impl_parse!(NString, plain nstring);
impl_parse!(Literal, cfg_literal);
impl_parse!(Literal8, cfg_literal8);
impl_parse!(Text, plain text);
impl_parse!(Charset, plain charset);
impl_parse!(Base64, plain base64);
impl_parse!(Number64 => plain number64);
impl_parse!(NzNumber64 => plain nz_number64);

/// Parses a `number` (unsigned 32-bit) from the whole of `input`.
///
/// # Errors
/// A [`ParseError`](crate::ParseError) at the first byte that is not a digit, or
/// [`ErrorKind::BadNumber`] when the value exceeds `u32`.
pub fn parse_number(input: &[u8]) -> Result<u32, crate::ParseError> {
    whole(input, number)
}

/// Parses an `nz-number` (1 ..= 2^32-1) from the whole of `input`.
///
/// # Errors
/// As [`parse_number`]; a leading `0` is rejected.
pub fn parse_nz_number(input: &[u8]) -> Result<NonZeroU32, crate::ParseError> {
    whole(input, nz_number)
}

fn whole<'a, T>(
    input: &'a [u8],
    p: impl Fn(&'a [u8]) -> PResult<'a, T>,
) -> Result<T, crate::ParseError> {
    let (v, rest) = run(input, p(input))?;
    if rest.is_empty() {
        Ok(v)
    } else {
        Err(crate::ParseError {
            kind: ErrorKind::Trailing,
            offset: input.len() - rest.len(),
        })
    }
}

impl<'a> crate::types::list::ListItem<'a> for Atom<'a> {
    fn parse_item(_: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        atom(i)
    }
}

impl<'a> crate::types::list::ListItem<'a> for AString<'a> {
    fn parse_item(_: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        astring(i)
    }
}

impl<'a> crate::types::list::ListItem<'a> for IString<'a> {
    fn parse_item(_: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        string(i).map(|(r, v)| (r, IString(v)))
    }
}
