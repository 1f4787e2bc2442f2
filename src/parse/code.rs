//! Parsers of response text and response codes (RFC 9051 §9 `resp-text`, `resp-text-code`).

use alloc::borrow::Cow;

use super::capability::capability_list;
use super::flag::flag_perm_list;
use super::list::{Sep, paren_list};
use super::primitive::{atom, charset, number64, nz_number, take_while1, text};
use super::sequence::{sequence_set, uid_set};
use super::status::objectid;
use super::{Cx, PResult, byte, impl_parse, sp};
use crate::chars::is_text_char;
use crate::config::{Leniency, ParseConfig};
use crate::types::code::{Code, CodeOther, ResponseText, SIMPLE_CODES};
use crate::types::list::ListItem;
use crate::types::primitive::Charset;

impl<'a> ListItem<'a> for Charset<'a> {
    fn parse_item(_: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        charset(i)
    }
}

/// A known code from its name (already read) and what follows it.
fn known_code<'a>(cx: &Cx, name: &str, i: &'a [u8]) -> PResult<'a, Code<'a>> {
    if let Some((_, c)) = SIMPLE_CODES
        .iter()
        .find(|(n, _)| name.eq_ignore_ascii_case(n))
    {
        return Ok((i, c.clone()));
    }
    let upper = |n: &str| name.eq_ignore_ascii_case(n);
    if upper("BADCHARSET") {
        return match i.first() {
            Some(b' ') => {
                let (rest, list) = paren_list(cx, &i[1..], Sep::Space, 1)?;
                Ok((rest, Code::BadCharset(Some(list))))
            }
            _ => Ok((i, Code::BadCharset(None))),
        };
    }
    if upper("CAPABILITY") {
        let (rest, caps) = capability_list(cx, i)?;
        return Ok((rest, Code::Capability(caps)));
    }
    if upper("PERMANENTFLAGS") {
        let (rest, ()) = sp(i)?;
        let (rest, flags) = flag_perm_list(cx, rest)?;
        return Ok((rest, Code::PermanentFlags(flags)));
    }
    if upper("UIDNEXT") || upper("UIDVALIDITY") || upper("UNSEEN") {
        let (rest, ()) = sp(i)?;
        let (rest, n) = nz_number(rest)?;
        let code = if upper("UIDNEXT") {
            Code::UidNext(n)
        } else if upper("UIDVALIDITY") {
            Code::UidValidity(n)
        } else {
            Code::Unseen(n)
        };
        return Ok((rest, code));
    }
    if upper("APPENDUID") {
        let (rest, ()) = sp(i)?;
        let (rest, uid_validity) = nz_number(rest)?;
        let (rest, ()) = sp(rest)?;
        let (rest, uids) = uid_set(cx, rest)?;
        return Ok((rest, Code::AppendUid { uid_validity, uids }));
    }
    if upper("COPYUID") {
        let (rest, ()) = sp(i)?;
        let (rest, uid_validity) = nz_number(rest)?;
        let (rest, ()) = sp(rest)?;
        let (rest, source) = uid_set(cx, rest)?;
        let (rest, ()) = sp(rest)?;
        let (rest, destination) = uid_set(cx, rest)?;
        return Ok((
            rest,
            Code::CopyUid {
                uid_validity,
                source,
                destination,
            },
        ));
    }
    if let Some(code) = super::ext_data::ext_code(cx, name, i) {
        return code;
    }
    code_ext(cx, name, i)
}

/// `resp-text-code =/ "HIGHESTMODSEQ" SP mod-sequence-value / "MODIFIED" SP sequence-set`
/// (RFC 7162 §7) `/ "MAILBOXID" SP "(" objectid ")"` (RFC 8474 §7); `NOMODSEQ` and
/// `USEATTR` (RFC 6154 §6) are among the simple codes.
fn code_ext<'a>(cx: &Cx, name: &str, i: &'a [u8]) -> PResult<'a, Code<'a>> {
    let is = |n: &str| name.eq_ignore_ascii_case(n);
    if is("HIGHESTMODSEQ") {
        let (rest, ()) = sp(i)?;
        let (rest, n) = number64(rest)?;
        return Ok((rest, Code::HighestModSeq(n)));
    }
    if is("MODIFIED") {
        let (rest, ()) = sp(i)?;
        let (rest, set) = sequence_set(cx, rest)?;
        return Ok((rest, Code::Modified(set)));
    }
    if is("MAILBOXID") {
        let (rest, ()) = sp(i)?;
        let (rest, ()) = byte(b'(', "\"(\"")(rest)?;
        let (rest, id) = objectid(rest)?;
        let (rest, ()) = byte(b')', "\")\"")(rest)?;
        return Ok((rest, Code::MailboxId(id)));
    }
    super::expected(i, "resp-text-code")
}

/// `atom [SP 1*<any TEXT-CHAR except "]">]`, the form of every other code.
fn other_code(i: &[u8]) -> PResult<'_, CodeOther<'_>> {
    let (rest, name) = atom(i)?;
    let (rest, args) = match rest {
        [b' ', tail @ ..] => {
            let (rest, a) = take_while1(tail, |b| is_text_char(b) && b != b']', "code text")?;
            (rest, Some(Cow::Borrowed(super::primitive::ascii(a))))
        }
        _ => (rest, None),
    };
    Ok((rest, CodeOther { name, args }))
}

/// `resp-text-code`, up to (not including) the closing `]`.
///
/// A known name with the arguments its form requires becomes that variant; anything else
/// that fits the generic `atom [SP 1*<any TEXT-CHAR except "]">]` is [`Code::Other`].
pub(crate) fn resp_text_code<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Code<'a>> {
    let (after_name, name) = atom(i)?;
    match known_code(cx, name.as_str(), after_name) {
        Ok((rest, code)) if matches!(rest.first(), Some(b']') | None) => return Ok((rest, code)),
        Err(nom::Err::Failure(e)) => return Err(nom::Err::Failure(e)),
        _ => {}
    }
    let (rest, other) = other_code(i)?;
    Ok((rest, Code::Other(other)))
}

/// Whether a raw code would read back as a known code (see [`CodeOther::new`]).
pub(crate) fn is_known(code: &CodeOther<'_>) -> bool {
    let cx = Cx::new(&ParseConfig::strict());
    let mut bytes = alloc::vec::Vec::from(code.name.as_bytes());
    if let Some(a) = &code.args {
        bytes.push(b' ');
        bytes.extend_from_slice(a.as_bytes());
    }
    matches!(known_code(&cx, code.name.as_str(), &bytes[code.name.as_bytes().len()..]), Ok((rest, _)) if rest.is_empty())
}

/// `"[" resp-text-code "]"`
fn bracketed_code<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Code<'a>> {
    let (rest, ()) = byte(b'[', "\"[\"")(i)?;
    let (rest, code) = resp_text_code(cx, rest)?;
    let (rest, ()) = byte(b']', "\"]\"")(rest)?;
    Ok((rest, code))
}

/// Whether `text` starts with `"[" resp-text-code "]"` followed by SP or its end, so that it
/// would read back with a code.
pub(crate) fn starts_with_code(text: &[u8]) -> bool {
    let cx = Cx::new(&ParseConfig::strict());
    matches!(bracketed_code(&cx, text), Ok((rest, _)) if rest.is_empty() || rest[0] == b' ')
}

/// `resp-text = ["[" resp-text-code "]" SP] [text]`, up to the line end.
///
/// Text that starts with `[` but is no well-formed code followed by SP is read as text.
pub(crate) fn resp_text<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ResponseText<'a>> {
    if i.first() == Some(&b'[') {
        match bracketed_code(cx, i) {
            Ok((rest, code)) => {
                if cx.allows(Leniency::CODE_WITHOUT_TEXT) && matches!(rest, [b'\r' | b'\n', ..]) {
                    return Ok((
                        rest,
                        ResponseText {
                            code: Some(code),
                            text: None,
                        },
                    ));
                }
                // Without the SP, `[ALERT]done` is text that starts with a bracket.
                if let Ok((rest, ())) = sp(rest) {
                    let (rest, txt) = optional_text(rest)?;
                    return Ok((
                        rest,
                        ResponseText {
                            code: Some(code),
                            text: txt,
                        },
                    ));
                }
            }
            Err(nom::Err::Failure(e)) => return Err(nom::Err::Failure(e)),
            Err(_) => {}
        }
    }
    let (rest, txt) = optional_text(i)?;
    Ok((
        rest,
        ResponseText {
            code: None,
            text: txt,
        },
    ))
}

fn optional_text(i: &[u8]) -> PResult<'_, Option<crate::types::primitive::Text<'_>>> {
    match text(i) {
        Ok((rest, t)) => Ok((rest, Some(t))),
        Err(nom::Err::Error(e))
            if e.rest == i.len() && !matches!(i.first(), Some(c) if *c >= 0x80) =>
        {
            Ok((i, None))
        }
        Err(e) => Err(e),
    }
}

impl_parse!(ResponseText, resp_text);
impl_parse!(Code, resp_text_code);
