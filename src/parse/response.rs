//! Parsers of what a server sends: greeting, responses, continuation requests (RFC 9051 §9
//! `greeting`, `response`, `continue-req`).
//!
//! Dispatch is on the first bytes: `+` is a continuation request, `*` untagged, anything else
//! a tag. After `* `, a number introduces message data (`EXISTS`, `EXPUNGE`, `FETCH`), and a
//! keyword names the rest.

use alloc::borrow::Cow;

use super::capability::capability_data;
use super::code::resp_text;
use super::condstore::expunged_resp;
use super::esearch::{esearch_response, search_data};
use super::flag::flag_list;
use super::listing::{list_data, lsub_data};
use super::mailbox_data::{enable_data, namespace_response};
use super::message::msg_att;
use super::primitive::{atom, base64, number, tag};
use super::status::status_data;
use super::{Cx, PResult, expected, impl_parse, keyword, line_end, sp};
use crate::config::Leniency;
use crate::types::response::{
    Continuation, Data, DataOther, Greeting, GreetingKind, Response, StatusKind, Tagged, Untagged,
};

/// The rest of a framed message up to (not including) its final CRLF, stepping over literals.
#[allow(dead_code, reason = "for grammar areas that keep a line raw")]
pub(crate) fn raw_to_end(i: &[u8]) -> PResult<'_, &[u8]> {
    raw_to_line_end(i, false)
}

/// [`raw_to_end`], where a bare LF also ends a line when `bare_lf` is set.
pub(crate) fn raw_to_line_end(i: &[u8], bare_lf: bool) -> PResult<'_, &[u8]> {
    let mut pos = 0;
    loop {
        let Some(lf) = memchr::memchr(b'\n', &i[pos..]) else {
            return expected(&i[pos..], "CRLF");
        };
        let end = pos + lf + 1;
        let crlf = end >= 2 && i[end - 2] == b'\r';
        if !crlf && !bare_lf {
            return expected(&i[pos + lf..], "CRLF");
        }
        let eol = if crlf { 2 } else { 1 };
        let body = &i[..end - eol];
        match crate::framing::literal_at_end(body) {
            Some((marker, len, _)) if marker > 0 && matches!(body[marker - 1], b' ' | b'(') => {
                match usize::try_from(len).ok().and_then(|n| end.checked_add(n)) {
                    Some(next) if next <= i.len() => pos = next,
                    _ => return super::fail(&i[end..], crate::ErrorKind::Incomplete),
                }
            }
            _ => return Ok((&i[end - eol..], body)),
        }
    }
}

/// `resp-cond-state` keyword.
fn status_kind(i: &[u8]) -> PResult<'_, StatusKind> {
    match i.first().map(u8::to_ascii_uppercase) {
        Some(b'O') => keyword(i, "OK").map(|(r, ())| (r, StatusKind::Ok)),
        Some(b'N') => keyword(i, "NO").map(|(r, ())| (r, StatusKind::No)),
        Some(b'B') => keyword(i, "BAD").map(|(r, ())| (r, StatusKind::Bad)),
        _ => expected(i, "OK, NO or BAD"),
    }
}

/// Whether `i` starts with `word` followed by SP or a line end.
pub(crate) fn word_is(i: &[u8], word: &str) -> bool {
    let n = word.len();
    i.len() > n
        && i[..n].eq_ignore_ascii_case(word.as_bytes())
        && matches!(i[n], b' ' | b'\r' | b'\n')
}

/// `SP` before `resp-text`, or nothing before the line end under `leniency` (the text is then
/// empty, as after a SP).
fn sp_or_end<'a>(cx: &Cx, i: &'a [u8], leniency: Leniency) -> PResult<'a, ()> {
    match i.first() {
        Some(b'\r' | b'\n') if cx.allows(leniency) => Ok((i, ())),
        _ => sp(i),
    }
}

/// Under `leniency`, `i` without the spaces before its line end.
fn trailing_spaces<'a>(cx: &Cx, i: &'a [u8], leniency: Leniency) -> &'a [u8] {
    let skipped = super::list::spaces_skipped(i);
    if cx.allows(leniency) && matches!(skipped.first(), Some(b'\r' | b'\n')) {
        skipped
    } else {
        i
    }
}

/// `greeting = "*" SP (resp-cond-auth / resp-cond-bye) CRLF`
pub(crate) fn greeting<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Greeting<'a>> {
    let (rest, ()) = keyword(i, "* ")?;
    let (rest, kind) = if word_is(rest, "OK") {
        (&rest[2..], GreetingKind::Ok)
    } else if word_is(rest, "PREAUTH") {
        (&rest[7..], GreetingKind::PreAuth)
    } else if word_is(rest, "BYE") {
        (&rest[3..], GreetingKind::Bye)
    } else {
        return expected(rest, "OK, PREAUTH or BYE");
    };
    let (rest, ()) = match kind {
        GreetingKind::Bye => sp_or_end(cx, rest, Leniency::BYE_WITHOUT_TEXT)?,
        _ => sp(rest)?,
    };
    let (rest, text) = resp_text(cx, rest)?;
    let (rest, ()) = line_end(cx, rest)?;
    Ok((rest, Greeting { kind, text }))
}

/// `continue-req = "+" SP (resp-text / base64) CRLF`
///
/// Under [`Leniency::CONTINUATION_WITHOUT_TEXT`], `+` right before the line end reads as `+ `.
pub(crate) fn continue_req<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Continuation<'a>> {
    let (rest, ()) = keyword(i, "+")?;
    let (rest, ()) = sp_or_end(cx, rest, Leniency::CONTINUATION_WITHOUT_TEXT)?;
    if let Ok((after, b)) = base64(rest) {
        if let Ok((after, ())) = line_end(cx, after) {
            return Ok((after, Continuation::Base64(b)));
        }
    }
    let (rest, text) = resp_text(cx, rest)?;
    let (rest, ()) = line_end(cx, rest)?;
    Ok((rest, Continuation::Text(text)))
}

/// `response-tagged = tag SP resp-cond-state CRLF`
fn tagged<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Tagged<'a>> {
    let (rest, t) = tag(i)?;
    let (rest, ()) = sp(rest)?;
    let (rest, kind) = status_kind(rest)?;
    let (rest, ()) = sp(rest)?;
    let (rest, text) = resp_text(cx, rest)?;
    let (rest, ()) = line_end(cx, rest)?;
    Ok((rest, Tagged { tag: t, kind, text }))
}

/// `message-data = nz-number SP ("EXPUNGE" / ("FETCH" SP msg-att))` and
/// `number SP ("EXISTS" / "RECENT")`, after `* `.
fn numbered<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Data<'a>> {
    let (after_n, n) = number(i)?;
    let (rest, ()) = sp(after_n)?;
    if word_is(rest, "EXISTS") {
        return Ok((&rest[6..], Data::Exists(n)));
    }
    if word_is(rest, "RECENT") {
        return Ok((&rest[6..], Data::Recent(n)));
    }
    if word_is(rest, "FETCH") {
        let Some(seq) = core::num::NonZeroU32::new(n) else {
            return expected(i, "nz-number");
        };
        let (rest, ()) = sp(&rest[5..])?;
        let (rest, items) = msg_att(cx, rest)?;
        return Ok((rest, Data::Fetch { seq, items }));
    }
    if word_is(rest, "EXPUNGE") {
        return match core::num::NonZeroU32::new(n) {
            Some(nz) => Ok((&rest[7..], Data::Expunge(nz))),
            None => expected(i, "nz-number"),
        };
    }
    other(cx, Some(n), rest)
}

/// Untagged data of an unknown kind: `atom` and the raw rest.
fn other<'a>(cx: &Cx, number: Option<u32>, i: &'a [u8]) -> PResult<'a, Data<'a>> {
    let (rest, name) = atom(i)?;
    let (rest, raw) = raw_to_line_end(rest, cx.allows(Leniency::BARE_LF))?;
    if !(raw.is_empty() || raw[0] == b' ') {
        return expected(rest, "SP");
    }
    Ok((
        rest,
        Data::Other(DataOther {
            number,
            name,
            rest: Cow::Borrowed(raw),
        }),
    ))
}

/// The data after `* ` that starts with a keyword.
fn keyword_data<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Data<'a>> {
    if word_is(i, "CAPABILITY") {
        let (rest, caps) = capability_data(cx, i)?;
        return Ok((rest, Data::Capability(caps)));
    }
    if word_is(i, "FLAGS") {
        let (rest, ()) = sp(&i[5..])?;
        let (rest, flags) = flag_list(cx, rest)?;
        return Ok((rest, Data::Flags(flags)));
    }
    let word = |w: &str| word_is(i, w);
    let (rest, d) = if word("LIST") {
        list_data(cx, i).map(|(r, l)| (r, Data::List(l)))?
    } else if word("LSUB") {
        lsub_data(cx, i).map(|(r, l)| (r, Data::Lsub(l)))?
    } else if word("STATUS") {
        status_data(cx, i).map(|(r, s)| (r, Data::Status(s)))?
    } else if word("SEARCH") {
        search_data(cx, i).map(|(r, s)| (r, Data::Search(s)))?
    } else if word("ESEARCH") {
        esearch_response(cx, i).map(|(r, e)| (r, Data::ESearch(e)))?
    } else if word("NAMESPACE") {
        namespace_response(cx, i).map(|(r, n)| (r, Data::Namespace(n)))?
    } else if word("ENABLED") {
        enable_data(cx, i).map(|(r, e)| (r, Data::Enabled(e)))?
    } else if word("VANISHED") {
        expunged_resp(cx, i).map(|(r, v)| (r, Data::Vanished(v)))?
    } else if let Some(ext) = super::ext_data::ext_data(cx, i) {
        ext?
    } else {
        return other(cx, None, i);
    };
    Ok((rest, d))
}

/// `"*" SP (resp-cond-state / resp-cond-bye / mailbox-data / message-data / capability-data /
/// enable-data) CRLF`
fn untagged<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Untagged<'a>> {
    let (rest, ()) = keyword(i, "* ")?;
    let (rest, u) = if word_is(rest, "OK") || word_is(rest, "NO") || word_is(rest, "BAD") {
        let (rest, kind) = status_kind(rest)?;
        let (rest, ()) = sp(rest)?;
        let (rest, text) = resp_text(cx, rest)?;
        (rest, Untagged::Status { kind, text })
    } else if word_is(rest, "BYE") {
        let (rest, ()) = sp_or_end(cx, &rest[3..], Leniency::BYE_WITHOUT_TEXT)?;
        let (rest, text) = resp_text(cx, rest)?;
        (rest, Untagged::Bye(text))
    } else if rest.first().is_some_and(u8::is_ascii_digit) {
        let (rest, d) = numbered(cx, rest)?;
        (rest, Untagged::Data(d))
    } else {
        let (rest, d) = keyword_data(cx, rest)?;
        let leniency = match d {
            Data::Search(_) => Leniency::SEARCH_TRAILING_SPACE,
            Data::Status(_) => Leniency::STATUS_TRAILING_SPACE,
            Data::Capability(_) => Leniency::CAPABILITY_TRAILING_SPACE,
            _ => Leniency::STRICT,
        };
        let rest = if leniency.is_empty() {
            rest
        } else {
            trailing_spaces(cx, rest, leniency)
        };
        (rest, Untagged::Data(d))
    };
    let (rest, ()) = line_end(cx, rest)?;
    Ok((rest, u))
}

/// `continue-req / response-data / response-done`: one message after the greeting.
pub(crate) fn response<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Response<'a>> {
    match i.first() {
        Some(b'+') => continue_req(cx, i).map(|(r, c)| (r, Response::Continuation(c))),
        Some(b'*') => untagged(cx, i).map(|(r, u)| (r, Response::Untagged(u))),
        _ => tagged(cx, i).map(|(r, t)| (r, Response::Tagged(t))),
    }
}

impl_parse!(Greeting, greeting);
impl_parse!(Continuation, continue_req);
impl_parse!(Response, response);
