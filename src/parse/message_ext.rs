//! Parsers of the FETCH response items that extensions add to `msg-att`: `MODSEQ` (RFC
//! 7162), `EMAILID` and `THREADID` (RFC 8474), `SAVEDATE` (RFC 8514), `PREVIEW` (RFC 8970),
//! Dovecot's `SNIPPET` and Gmail's `X-GM-MSGID`, `X-GM-THRID` and `X-GM-LABELS`.
//!
//! [`msg_att_ext`] answers `None` for a name it does not own, so the caller can keep the item
//! raw; a name it owns must have its form.

use alloc::borrow::Cow;

use super::datetime::date_time;
use super::fetch::fetch_att_name;
use super::list::{Sep, paren_list};
use super::primitive::{astring, atom, digits, nstring, number64};
use super::search::upper;
use super::status::objectid;
use super::{Cx, PResult, byte, impl_parse, keyword, sp};
use crate::types::fetch_ext::GmLabel;
use crate::types::list::ListItem;
use crate::types::message::MessageAttribute;
use crate::types::status::ObjectId;

/// `"(" objectid ")"` (RFC 8474 §7).
fn paren_objectid(i: &[u8]) -> PResult<'_, ObjectId<'_>> {
    let (rest, ()) = byte(b'(', "\"(\"")(i)?;
    let (rest, id) = objectid(rest)?;
    let (rest, ()) = byte(b')', "\")\"")(rest)?;
    Ok((rest, id))
}

/// `nil`, case-insensitive.
fn nil(i: &[u8]) -> Option<&[u8]> {
    keyword(i, "NIL").ok().map(|(rest, ())| rest)
}

/// `1*DIGIT` that fits 64 unsigned bits: Gmail's identifiers.
pub(crate) fn number_u64(i: &[u8]) -> PResult<'_, u64> {
    digits(i, u64::MAX, "number")
}

/// A Gmail label: `"\" atom` (a system label, kept with its backslash) or `astring`.
pub(crate) fn gm_label(i: &[u8]) -> PResult<'_, GmLabel<'_>> {
    if let Some(after) = i.strip_prefix(b"\\") {
        let (rest, a) = atom(after)?;
        let used = 1 + a.as_bytes().len();
        return Ok((rest, GmLabel(Cow::Borrowed(&i[..used]))));
    }
    let (rest, s) = astring(i)?;
    Ok((rest, GmLabel(s.0)))
}

impl<'a> ListItem<'a> for GmLabel<'a> {
    fn parse_item(_: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        gm_label(i)
    }
}

/// `"SNIPPET" SP "(" atom SP nstring ")"`'s value, after the space.
fn snippet(i: &[u8]) -> PResult<'_, MessageAttribute<'_>> {
    let (rest, ()) = byte(b'(', "\"(\"")(i)?;
    let (rest, algorithm) = atom(rest)?;
    let (rest, ()) = sp(rest)?;
    let (rest, text) = nstring(rest)?;
    let (rest, ()) = byte(b')', "\")\"")(rest)?;
    Ok((rest, MessageAttribute::Snippet { algorithm, text }))
}

/// `msg-att-dynamic =/ "MODSEQ" SP "(" permsg-modsequence ")"` (RFC 7162 §7);
/// `msg-att-static =/ "EMAILID" SP "(" objectid ")" / "THREADID" SP ("(" objectid ")" / nil)`
/// (RFC 8474 §7) `/ "SAVEDATE" SP (date-time / nil)` (RFC 8514 §6);
/// `msg-att-dynamic =/ "PREVIEW" SP nstring` (RFC 8970 §6); Dovecot's `"SNIPPET" SP "(" atom
/// SP nstring ")"`; Gmail's `"X-GM-MSGID" SP number / "X-GM-THRID" SP number / "X-GM-LABELS"
/// SP "(" [label *(SP label)] ")"`.
///
/// `None` when the item at `i` is not one of these (or no space follows its name).
pub(crate) fn msg_att_ext<'a>(cx: &Cx, i: &'a [u8]) -> Option<PResult<'a, MessageAttribute<'a>>> {
    use MessageAttribute as M;
    let (rest, word) = fetch_att_name(i);
    let value = rest.strip_prefix(b" ")?;
    let mut buf = [0u8; 20];
    let parsed = match upper(word, &mut buf) {
        b"MODSEQ" => (|| {
            let (rest, ()) = byte(b'(', "\"(\"")(value)?;
            // `MODSEQ (-1)` (Zoho) reads as 0 under `Leniency::NEGATIVE_SIZE`.
            let (rest, n) = match super::body::negative(cx, rest) {
                Some(rest) => (rest, crate::types::primitive::Number64(0)),
                None => number64(rest)?,
            };
            let (rest, ()) = byte(b')', "\")\"")(rest)?;
            Ok((rest, M::ModSeq(n)))
        })(),
        b"EMAILID" => paren_objectid(value).map(|(r, id)| (r, M::EmailId(id))),
        b"THREADID" => match nil(value) {
            Some(r) => Ok((r, M::ThreadId(None))),
            None => paren_objectid(value).map(|(r, id)| (r, M::ThreadId(Some(id)))),
        },
        b"SAVEDATE" => match nil(value) {
            Some(r) => Ok((r, M::SaveDate(None))),
            None => date_time(value).map(|(r, d)| (r, M::SaveDate(Some(d)))),
        },
        b"PREVIEW" => nstring(value).map(|(r, t)| (r, M::Preview(t))),
        b"SNIPPET" => snippet(value),
        b"X-GM-MSGID" => number_u64(value).map(|(r, n)| (r, M::GmMsgId(n))),
        b"X-GM-THRID" => number_u64(value).map(|(r, n)| (r, M::GmThrId(n))),
        b"X-GM-LABELS" => paren_list(cx, value, Sep::Space, 0).map(|(r, l)| (r, M::GmLabels(l))),
        _ => return None,
    };
    Some(parsed)
}

/// Names [`msg_att_ext`] reads: an item with one of them must have its form.
pub(crate) const EXT_NAMES: &[&str] = &[
    "MODSEQ",
    "EMAILID",
    "THREADID",
    "SAVEDATE",
    "PREVIEW",
    "SNIPPET",
    "X-GM-MSGID",
    "X-GM-THRID",
    "X-GM-LABELS",
];

impl_parse!(GmLabel, plain gm_label);
