//! Parsers of what FETCH asks for: the `fetch` arguments, `fetch-att`, `section`,
//! `section-binary`, `section-part`, `header-list` and `partial` (RFC 9051 §6.4.5, §9; RFC
//! 3501 §6.4.5, §9).
//!
//! An attribute name is read whole (letters, digits and dots, so `BODY.PEEK` and
//! `RFC822.SIZE` are one word that stops at `[`), uppercased and matched exactly. Section
//! parsers are public to the crate: the FETCH response names sections with the same grammar.

use alloc::borrow::Cow;

use super::fetch_ext::fetch_att_ext;
use super::primitive::{ascii, number64, nz_number, nz_number64, take_while};
use super::search::{spaced_list, upper};
use super::{Cx, PResult, byte, expected, impl_parse, sp};
use crate::types::fetch::{FetchAttribute, FetchItems, Partial, Section, SectionPart, SectionText};
use crate::types::list::{ListItem, NonEmptyList};

/// `section-part = nz-number *("." nz-number)` (RFC 9051 §9, RFC 3501 §9). A dot followed by
/// anything but a digit ends the path (it leads to a `section-text`).
pub(crate) fn section_part(i: &[u8]) -> PResult<'_, SectionPart<'_>> {
    let (mut rest, _) = match i.first() {
        Some(b'1'..=b'9') => nz_number(i)?,
        _ => return expected(i, "nz-number"),
    };
    while let [b'.', d, ..] = rest {
        if !d.is_ascii_digit() {
            break;
        }
        let after = &rest[1..];
        rest = match after.first() {
            Some(b'1'..=b'9') => nz_number(after)?.0,
            _ => return expected(after, "nz-number"),
        };
    }
    let used = i.len() - rest.len();
    Ok((rest, SectionPart(Cow::Borrowed(ascii(&i[..used])))))
}

/// `header-list = "(" header-fld-name *(SP header-fld-name) ")"` with `header-fld-name =
/// astring` (RFC 9051 §9, RFC 3501 §9).
fn header_list<'a>(
    cx: &Cx,
    i: &'a [u8],
) -> PResult<'a, NonEmptyList<'a, crate::types::primitive::AString<'a>>> {
    let (rest, list) = spaced_list(cx, i, 1)?;
    Ok((rest, NonEmptyList::parsed(list)))
}

/// `section-text = section-msgtext / "MIME"` with `section-msgtext = "HEADER" /
/// "HEADER.FIELDS" [".NOT"] SP header-list / "TEXT"` (RFC 9051 §9, RFC 3501 §9); `MIME` only
/// when `mime` is set (after a part path).
fn section_text_or_msgtext<'a>(cx: &Cx, i: &'a [u8], mime: bool) -> PResult<'a, SectionText<'a>> {
    let (rest, word) = take_while(i, |b| b.is_ascii_alphabetic() || b == b'.');
    let mut buf = [0u8; 20];
    Ok(match upper(word, &mut buf) {
        b"HEADER" => (rest, SectionText::Header),
        b"HEADER.FIELDS" => {
            let (rest, ()) = sp(rest)?;
            let (rest, list) = header_list(cx, rest)?;
            (rest, SectionText::HeaderFields(list))
        }
        b"HEADER.FIELDS.NOT" => {
            let (rest, ()) = sp(rest)?;
            let (rest, list) = header_list(cx, rest)?;
            (rest, SectionText::HeaderFieldsNot(list))
        }
        b"TEXT" => (rest, SectionText::Text),
        b"MIME" if mime => (rest, SectionText::Mime),
        _ if mime => return expected(i, "section-text"),
        _ => return expected(i, "section-msgtext"),
    })
}

/// `section-text = section-msgtext / "MIME"` (RFC 9051 §9, RFC 3501 §9)
pub(crate) fn section_text<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, SectionText<'a>> {
    section_text_or_msgtext(cx, i, true)
}

/// `section = "[" [section-spec] "]"` with `section-spec = section-msgtext / (section-part
/// ["." section-text])` (RFC 9051 §9, RFC 3501 §9)
pub(crate) fn section<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Section<'a>> {
    let (rest, ()) = byte(b'[', "\"[\"")(i)?;
    let (rest, part, text) = match rest.first() {
        Some(b']') => (rest, None, None),
        Some(b'0'..=b'9') => {
            let (rest, part) = section_part(rest)?;
            match rest.strip_prefix(b".") {
                Some(after) => {
                    let (rest, text) = section_text(cx, after)?;
                    (rest, Some(part), Some(text))
                }
                None => (rest, Some(part), None),
            }
        }
        _ => {
            let (rest, text) = section_text_or_msgtext(cx, rest, false)?;
            (rest, None, Some(text))
        }
    };
    let (rest, ()) = byte(b']', "\"]\"")(rest)?;
    Ok((rest, Section { part, text }))
}

/// `section-binary = "[" [section-part] "]"` (RFC 9051 §9, RFC 3516 §4.2)
pub(crate) fn section_binary(i: &[u8]) -> PResult<'_, Option<SectionPart<'_>>> {
    let (rest, ()) = byte(b'[', "\"[\"")(i)?;
    let (rest, part) = match rest.first() {
        Some(b']') => (rest, None),
        _ => {
            let (rest, p) = section_part(rest)?;
            (rest, Some(p))
        }
    };
    let (rest, ()) = byte(b']', "\"]\"")(rest)?;
    Ok((rest, part))
}

/// `partial = "<" number64 "." nz-number64 ">"` (RFC 9051 §9; RFC 3501 §9's `"<" number "."
/// nz-number ">"` is the same with smaller numbers)
pub(crate) fn partial(i: &[u8]) -> PResult<'_, Partial> {
    let (rest, ()) = byte(b'<', "\"<\"")(i)?;
    let (rest, offset) = number64(rest)?;
    let (rest, ()) = byte(b'.', "\".\"")(rest)?;
    let (rest, length) = nz_number64(rest)?;
    let (rest, ()) = byte(b'>', "\">\"")(rest)?;
    Ok((rest, Partial { offset, length }))
}

/// `[partial]`
fn opt_partial(i: &[u8]) -> PResult<'_, Option<Partial>> {
    if i.first() == Some(&b'<') {
        let (rest, p) = partial(i)?;
        return Ok((rest, Some(p)));
    }
    Ok((i, None))
}

/// `section [partial]` after `BODY` or `BODY.PEEK`.
fn body_section<'a>(cx: &Cx, i: &'a [u8], peek: bool) -> PResult<'a, FetchAttribute<'a>> {
    let (rest, section) = section(cx, i)?;
    let (rest, partial) = opt_partial(rest)?;
    Ok((
        rest,
        FetchAttribute::BodySection {
            peek,
            section,
            partial,
        },
    ))
}

/// `section-binary [partial]` after `BINARY` or `BINARY.PEEK`.
fn binary(i: &[u8], peek: bool) -> PResult<'_, FetchAttribute<'_>> {
    let (rest, section) = section_binary(i)?;
    let (rest, partial) = opt_partial(rest)?;
    Ok((
        rest,
        FetchAttribute::Binary {
            peek,
            section,
            partial,
        },
    ))
}

/// An attribute or macro name: letters, digits, dots and hyphens (`X-GM-MSGID`).
#[inline]
pub(crate) fn fetch_att_name(i: &[u8]) -> (&[u8], &[u8]) {
    take_while(i, |b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
}

/// `fetch-att = "ENVELOPE" / "FLAGS" / "INTERNALDATE" / "RFC822" [".HEADER" / ".SIZE" /
/// ".TEXT"] / "BODY" ["STRUCTURE"] / "UID" / "BODY" section [partial] / "BODY.PEEK" section
/// [partial] / "BINARY" [".PEEK"] section-binary [partial] / "BINARY.SIZE" section-binary`
/// (RFC 9051 §9 with RFC 3501 §9's `RFC822`, `RFC822.HEADER` and `RFC822.TEXT`), and the
/// items of extensions (see [`fetch_att_ext`])
pub(crate) fn fetch_att<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, FetchAttribute<'a>> {
    use FetchAttribute as A;
    let (rest, word) = fetch_att_name(i);
    let mut buf = [0u8; 20];
    Ok(match upper(word, &mut buf) {
        b"ENVELOPE" => (rest, A::Envelope),
        b"FLAGS" => (rest, A::Flags),
        b"INTERNALDATE" => (rest, A::InternalDate),
        b"RFC822" => (rest, A::Rfc822),
        b"RFC822.HEADER" => (rest, A::Rfc822Header),
        b"RFC822.SIZE" => (rest, A::Rfc822Size),
        b"RFC822.TEXT" => (rest, A::Rfc822Text),
        b"BODY" if rest.first() == Some(&b'[') => body_section(cx, rest, false)?,
        b"BODY" => (rest, A::Body),
        b"BODYSTRUCTURE" => (rest, A::BodyStructure),
        b"UID" => (rest, A::Uid),
        b"BODY.PEEK" => body_section(cx, rest, true)?,
        b"BINARY" => binary(rest, false)?,
        b"BINARY.PEEK" => binary(rest, true)?,
        b"BINARY.SIZE" => {
            let (rest, section) = section_binary(rest)?;
            (rest, A::BinarySize { section })
        }
        upper_word => return fetch_att_ext(i, upper_word, rest),
    })
}

/// The FETCH argument after the sequence set: `"ALL" / "FULL" / "FAST" / fetch-att / "("
/// fetch-att *(SP fetch-att) ")"` (from `fetch`, RFC 9051 §9 and RFC 3501 §9).
pub(crate) fn fetch_items<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, FetchItems<'a>> {
    if i.first() == Some(&b'(') {
        let (rest, list) = spaced_list(cx, i, 1)?;
        return Ok((rest, FetchItems::Attributes(NonEmptyList::parsed(list))));
    }
    let (rest, word) = fetch_att_name(i);
    let mut buf = [0u8; 20];
    Ok(match upper(word, &mut buf) {
        b"ALL" => (rest, FetchItems::All),
        b"FAST" => (rest, FetchItems::Fast),
        b"FULL" => (rest, FetchItems::Full),
        _ => {
            let (rest, a) = fetch_att(cx, i)?;
            (rest, FetchItems::Attribute(a))
        }
    })
}

impl<'a> ListItem<'a> for FetchAttribute<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        fetch_att(cx, i)
    }
}

impl_parse!(FetchItems, fetch_items);
impl_parse!(FetchAttribute, fetch_att);
impl_parse!(Section, section);
impl_parse!(SectionText, section_text);
impl_parse!(SectionPart, plain section_part);
impl_parse!(Partial => plain partial);
