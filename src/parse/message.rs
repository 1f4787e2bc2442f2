//! Parsers of FETCH response items (RFC 9051 §9 `msg-att`, RFC 3501 §9).

use alloc::borrow::Cow;

use super::body::body;
use super::datetime::date_time;
use super::envelope::envelope;
use super::fetch::{section, section_binary};
use super::flag::flag_list;
use super::list::{Sep, paren_list};
use super::message_ext::{EXT_NAMES, msg_att_ext};
use super::primitive::{atom, literal, literal8, nstring, number, number64, nz_number, quoted};
use super::{Cx, PResult, byte, expected, impl_parse, sp, sp_run};
use crate::config::Leniency;
use crate::types::list::{List, ListItem};
use crate::types::message::{BinaryData, MessageAttribute, OtherAttribute};
use crate::types::primitive::{Literal8, NString};

/// Whether `i` starts with `word` (any case) followed by `next`.
fn starts(i: &[u8], word: &str, next: u8) -> bool {
    let n = word.len();
    i.len() > n && i[..n].eq_ignore_ascii_case(word.as_bytes()) && i[n] == next
}

/// The value after `word SP` at the start of `i` (more spaces skipped under
/// [`Leniency::EXTRA_SPACE`]).
fn value<'a>(cx: &Cx, i: &'a [u8], word: &str) -> PResult<'a, ()> {
    sp_run(cx, &i[word.len()..])
}

/// `msg-att-dynamic / msg-att-static`: one FETCH item.
///
/// Under [`Leniency::PARENTHESISED_ITEM`], `(item)` reads as the item.
pub(crate) fn msg_att_item<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, MessageAttribute<'a>> {
    let Some(&first) = i.first() else {
        return expected(i, "msg-att");
    };
    match first.to_ascii_uppercase() {
        b'(' if cx.allows(Leniency::PARENTHESISED_ITEM) => {
            let inner = cx.descend(i)?;
            let (rest, item) = msg_att_item(&inner, &i[1..])?;
            let (rest, ()) = byte(b')', "\")\"")(rest)?;
            return Ok((rest, item));
        }
        b'F' if starts(i, "FLAGS", b' ') => {
            let (rest, ()) = value(cx, i, "FLAGS")?;
            let (rest, flags) = flag_list(cx, rest)?;
            return Ok((rest, MessageAttribute::Flags(flags)));
        }
        b'U' if starts(i, "UID", b' ') => {
            let (rest, ()) = value(cx, i, "UID")?;
            let (rest, n) = nz_number(rest)?;
            return Ok((rest, MessageAttribute::Uid(n)));
        }
        b'I' if starts(i, "INTERNALDATE", b' ') => {
            let (rest, ()) = value(cx, i, "INTERNALDATE")?;
            let (rest, d) = date_time(rest)?;
            return Ok((rest, MessageAttribute::InternalDate(d)));
        }
        b'E' if starts(i, "ENVELOPE", b' ') => {
            let (rest, ()) = value(cx, i, "ENVELOPE")?;
            let (rest, e) = envelope(cx, rest)?;
            return Ok((rest, MessageAttribute::Envelope(e)));
        }
        b'B' => return body_items(cx, i),
        b'R' => return rfc822_items(cx, i),
        _ => {}
    }
    other_item(cx, i)
}

/// `BODY`, `BODYSTRUCTURE`, `BODY[...]`, `BINARY[...]`, `BINARY.SIZE[...]`.
fn body_items<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, MessageAttribute<'a>> {
    if starts(i, "BODYSTRUCTURE", b' ') {
        let (rest, ()) = value(cx, i, "BODYSTRUCTURE")?;
        let (rest, b) = body(cx, empty_string_skipped(cx, rest))?;
        return Ok((rest, MessageAttribute::BodyStructure(b)));
    }
    if starts(i, "BODY", b' ') {
        let (rest, ()) = value(cx, i, "BODY")?;
        let (rest, b) = body(cx, empty_string_skipped(cx, rest))?;
        return Ok((rest, MessageAttribute::Body(b)));
    }
    if starts(i, "BODY", b'[') {
        let (rest, sec) = section(cx, &i[4..])?;
        let (rest, origin) = match rest.first() {
            Some(b'<') => {
                let (r, n) = number(&rest[1..])?;
                let (r, ()) = byte(b'>', "\">\"")(r)?;
                (r, Some(n))
            }
            _ => (rest, None),
        };
        let (rest, data) = match rest {
            // A list's items are read again from its bytes, which end with the item.
            [] | [b')', ..] | [b' ', b')', ..] if cx.allows(Leniency::SECTION_WITHOUT_VALUE) => {
                (rest, NString(None))
            }
            _ => {
                let (rest, ()) = sp_run(cx, rest)?;
                nstring(rest)?
            }
        };
        return Ok((
            rest,
            MessageAttribute::BodySection {
                section: sec,
                origin,
                data,
            },
        ));
    }
    if starts(i, "BINARY.SIZE", b'[') {
        let (rest, part) = section_binary(&i[11..])?;
        let (rest, ()) = sp_run(cx, rest)?;
        let (rest, size) = number(rest)?;
        return Ok((rest, MessageAttribute::BinarySize { part, size }));
    }
    if starts(i, "BINARY", b'[') {
        let (rest, part) = section_binary(&i[6..])?;
        let (rest, ()) = sp_run(cx, rest)?;
        let (rest, data) = if rest.first() == Some(&b'~') {
            let (r, d) = literal8(rest)?;
            (r, BinaryData::Literal8(Literal8(Cow::Borrowed(d))))
        } else {
            let (r, d) = nstring(rest)?;
            (r, BinaryData::NString(d))
        };
        return Ok((rest, MessageAttribute::Binary { part, data }));
    }
    other_item(cx, i)
}

/// `RFC822.SIZE`, `RFC822`, `RFC822.HEADER`, `RFC822.TEXT`.
fn rfc822_items<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, MessageAttribute<'a>> {
    if starts(i, "RFC822.SIZE", b' ') {
        let (rest, ()) = value(cx, i, "RFC822.SIZE")?;
        let (rest, n) = number64(rest)?;
        return Ok((rest, MessageAttribute::Rfc822Size(n)));
    }
    for (word, kind) in [("RFC822.HEADER", 0), ("RFC822.TEXT", 1), ("RFC822", 2)] {
        if starts(i, word, b' ') {
            let (rest, ()) = value(cx, i, word)?;
            let (rest, data) = nstring(rest)?;
            let item = match kind {
                0 => MessageAttribute::Rfc822Header(data),
                1 => MessageAttribute::Rfc822Text(data),
                _ => MessageAttribute::Rfc822(data),
            };
            return Ok((rest, item));
        }
    }
    other_item(cx, i)
}

/// Under [`Leniency::EMPTY_STRING_BEFORE_BODY`], `i` without a leading `"" `.
fn empty_string_skipped<'a>(cx: &Cx, i: &'a [u8]) -> &'a [u8] {
    match i.strip_prefix(b"\"\" ") {
        Some(rest) if cx.allows(Leniency::EMPTY_STRING_BEFORE_BODY) => rest,
        _ => i,
    }
}

/// Names this crate reads itself: an item with one of them must have its known form.
const KNOWN: &[&str] = &[
    "FLAGS",
    "UID",
    "INTERNALDATE",
    "ENVELOPE",
    "BODY",
    "BODYSTRUCTURE",
    "BINARY",
    "BINARY.SIZE",
    "RFC822",
    "RFC822.SIZE",
    "RFC822.HEADER",
    "RFC822.TEXT",
];

/// An item of an extension (see [`msg_att_ext`]), or an unknown item: `atom SP value`, the
/// value kept raw.
fn other_item<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, MessageAttribute<'a>> {
    if let Some(parsed) = msg_att_ext(cx, i) {
        return parsed;
    }
    let Ok((rest, name)) = atom(i) else {
        return expected(i, "msg-att");
    };
    let known = |k: &&str| name.as_str().eq_ignore_ascii_case(k);
    if KNOWN.iter().any(known) || EXT_NAMES.iter().any(known) {
        return expected(rest, "the value of a known FETCH item");
    }
    let (rest, ()) = sp_run(cx, rest)?;
    let (after, ()) = skip_value(cx, rest)?;
    let value = &rest[..rest.len() - after.len()];
    Ok((
        after,
        MessageAttribute::Other(OtherAttribute {
            name,
            value: Cow::Borrowed(value),
        }),
    ))
}

/// A generic value: a parenthesised list of values, a quoted string, a literal or
/// `literal8`, or a bare token (atom, number, flag, NIL).
pub(crate) fn skip_value<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ()> {
    match i.first() {
        Some(b'(') => {
            let inner = cx.descend(i)?;
            let mut rest = &i[1..];
            let mut first = true;
            loop {
                if let Some(r) = rest.strip_prefix(b")") {
                    return Ok((r, ()));
                }
                if !first {
                    let (r, ()) = sp(rest)?;
                    rest = r;
                }
                let (r, ()) = skip_value(&inner, rest)?;
                rest = r;
                first = false;
            }
        }
        Some(b'"') => quoted(i).map(|(r, _)| (r, ())),
        Some(b'{') => literal(i).map(|(r, _)| (r, ())),
        Some(b'~') => literal8(i).map(|(r, _)| (r, ())),
        _ => {
            let token = |b: u8| {
                b > b' ' && b < 0x7f && !matches!(b, b'(' | b')' | b'"' | b'{' | b'%' | b'*')
            };
            let n = i.iter().position(|&b| !token(b)).unwrap_or(i.len());
            if n == 0 {
                return expected(i, "value");
            }
            Ok((&i[n..], ()))
        }
    }
}

impl<'a> ListItem<'a> for MessageAttribute<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        super::tolerance::msg_att_item_tolerant(cx, i)
    }
}

/// `msg-att = "(" (msg-att-dynamic / msg-att-static) *(SP (msg-att-dynamic /
/// msg-att-static)) ")"`
pub(crate) fn msg_att<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, List<'a, MessageAttribute<'a>>> {
    paren_list(cx, i, Sep::Space, 1)
}

impl_parse!(MessageAttribute, super::tolerance::msg_att_item_tolerant);
