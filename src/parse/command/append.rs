//! Parsers of APPEND and its messages (RFC 9051 §9, RFC 3502 MULTIAPPEND, RFC 4466 §2.3) and
//! of REPLACE (RFC 8508), which carries one such message.

use alloc::borrow::Cow;

use super::super::catenate::{catenate, utf8_literal};
use super::super::datetime::date_time;
use super::super::extension::tagged_ext;
use super::super::flag::flag_list;
use super::super::list::{Sep, items};
use super::super::mailbox::mailbox;
use super::super::primitive::{literal, literal8};
use super::super::sequence::seq_number;
use super::super::{Cx, PResult, expected, impl_parse, sp};
use crate::types::command::{AppendData, AppendMessage, CommandBody};
use crate::types::extension::is_label_fchar;
use crate::types::list::{ListItem, NonEmptyList};
use crate::types::primitive::{Literal, Literal8};

/// `append = "APPEND" SP mailbox 1*append-message` (RFC 3502 §6.3.11, RFC 4466 §2.3), after
/// `"APPEND" SP`. Each `append-message` starts with its `SP`, so the messages are a list
/// separated by spaces.
pub(super) fn append<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, CommandBody<'a>> {
    let (rest, mailbox) = mailbox(cx, i)?;
    let (rest, ()) = sp(rest)?;
    let (rest, messages) = items(cx, rest, Sep::Space, 1)?;
    let body = CommandBody::Append {
        mailbox,
        messages: NonEmptyList::parsed(messages),
    };
    Ok((rest, body))
}

/// `replace = "REPLACE" SP seq-number SP mailbox append-message` (RFC 8508 §5), after
/// `"REPLACE" SP`; `uid =/ "UID" SP replace` when `uid` is set.
pub(super) fn replace<'a>(cx: &Cx, i: &'a [u8], uid: bool) -> PResult<'a, CommandBody<'a>> {
    let (rest, message_id) = seq_number(i)?;
    let (rest, ()) = sp(rest)?;
    let (rest, mailbox) = mailbox(cx, rest)?;
    let (rest, ()) = sp(rest)?;
    let (rest, message) = append_message(cx, rest)?;
    let body = CommandBody::Replace {
        uid,
        message_id,
        mailbox,
        message,
    };
    Ok((rest, body))
}

/// `append-message = [SP flag-list] [SP date-time] SP append-data` (RFC 3502 §6.3.11, RFC
/// 4466 §2.3), without its leading `SP`: `[flag-list SP] [date-time SP] append-data`.
pub(crate) fn append_message<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, AppendMessage<'a>> {
    let mut rest = i;
    let mut flags = None;
    if rest.first() == Some(&b'(') {
        let (after, f) = flag_list(cx, rest)?;
        flags = Some(f);
        rest = sp(after)?.0;
    }
    let mut date = None;
    if rest.first() == Some(&b'"') {
        let (after, d) = date_time(rest)?;
        date = Some(d);
        rest = sp(after)?.0;
    }
    let (rest, data) = append_data(cx, rest)?;
    Ok((rest, AppendMessage { flags, date, data }))
}

impl<'a> ListItem<'a> for AppendMessage<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        append_message(cx, i)
    }
}

/// `append-data = literal / literal8 / append-data-ext` (RFC 4466 §2.3, RFC 3516 §4.4),
/// `append-data =/ "CATENATE" SP "(" cat-part *(SP cat-part) ")"` (RFC 4469 §5),
/// `append-data =/ utf8-literal` (RFC 6855 §4)
///
/// `append-data-ext = tagged-ext`. A label `CATENATE` or `UTF8` (any case) commits to that
/// extension's form.
pub(crate) fn append_data<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, AppendData<'a>> {
    match i.first() {
        Some(b'{') => {
            let (rest, data) = literal(i)?;
            Ok((rest, AppendData::Literal(Literal(Cow::Borrowed(data)))))
        }
        Some(b'~') => {
            let (rest, data) = literal8(i)?;
            Ok((rest, AppendData::Literal8(Literal8(Cow::Borrowed(data)))))
        }
        Some(&b) if is_label_fchar(b) => {
            if let Some(after) = label(i, "CATENATE") {
                let (rest, parts) = catenate(cx, after)?;
                return Ok((rest, AppendData::Catenate(parts)));
            }
            if let Some(after) = label(i, "UTF8") {
                let (rest, data) = utf8_literal(after)?;
                return Ok((rest, AppendData::Utf8(data)));
            }
            let (rest, ext) = tagged_ext(cx, i)?;
            Ok((rest, AppendData::Ext(ext)))
        }
        _ => expected(i, "append-data"),
    }
}

/// The input after `word SP` when it starts so (`word` in any case).
fn label<'a>(i: &'a [u8], word: &str) -> Option<&'a [u8]> {
    let w = word.as_bytes();
    match (i.get(..w.len()), i.get(w.len())) {
        (Some(head), Some(b' ')) if head.eq_ignore_ascii_case(w) => Some(&i[w.len() + 1..]),
        _ => None,
    }
}

impl_parse!(AppendMessage, append_message);
impl_parse!(AppendData, append_data);
