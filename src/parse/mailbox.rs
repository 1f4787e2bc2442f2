//! Parsers of mailbox names and LIST patterns (RFC 9051 §9, RFC 3501 §9).
//!
//! The grammar reads an `astring` (or `1*list-char / string`); the content is then checked as
//! a name: valid modified UTF-7 ([`ErrorKind::BadUtf7`]) unless [`ParseConfig::utf8_accept`]
//! is on, in which case it must be UTF-8 ([`ErrorKind::BadUtf8`]). Error offsets point at the
//! offending byte inside the name when the name's bytes stand unchanged in the input (an atom,
//! a literal, a quoted string without escapes), else at the start of the name.
//!
//! [`ParseConfig::utf8_accept`]: crate::ParseConfig::utf8_accept

use alloc::borrow::Cow;
use alloc::string::String;

use super::primitive::{ascii, astring, string, take_while1};
use super::{Cx, PErr, PResult, expected, impl_parse};
use crate::chars::is_list_char;
use crate::error::ErrorKind;
use crate::types::mailbox::{ListMailbox, Mailbox, MailboxOther, is_inbox};
use crate::utf7::validate_utf7;

/// Checks the content `raw` of the name that spans `i` up to `rest` and returns it as text.
fn name_text<'a>(
    cx: &Cx,
    i: &'a [u8],
    rest: &'a [u8],
    raw: Cow<'a, [u8]>,
) -> Result<Cow<'a, str>, nom::Err<PErr>> {
    let used = i.len() - rest.len();
    // Where the content starts in `i`, when its bytes are the input's bytes.
    let start = match (i.first(), &raw) {
        (Some(b'"'), Cow::Borrowed(c)) => Some(used.saturating_sub(c.len() + 1)),
        (Some(b'"'), Cow::Owned(_)) => None,
        (_, c) => Some(used.saturating_sub(c.len())),
    };
    let at = |offset: usize| match start {
        Some(s) => &i[(s + offset).min(i.len())..],
        None => i,
    };
    if cx.cfg.utf8_accept {
        return match raw {
            Cow::Borrowed(b) => match core::str::from_utf8(b) {
                Ok(s) => Ok(Cow::Borrowed(s)),
                Err(e) => Err(bad(at(e.valid_up_to()), ErrorKind::BadUtf8)),
            },
            Cow::Owned(v) => match String::from_utf8(v) {
                Ok(s) => Ok(Cow::Owned(s)),
                Err(e) => Err(bad(at(e.utf8_error().valid_up_to()), ErrorKind::BadUtf8)),
            },
        };
    }
    if let Err(e) = validate_utf7(&raw) {
        return Err(bad(at(e.offset), ErrorKind::BadUtf7));
    }
    // INVARIANT: valid modified UTF-7 is printable US-ASCII, which is UTF-8.
    Ok(match raw {
        Cow::Borrowed(b) => Cow::Borrowed(ascii(b)),
        Cow::Owned(v) => Cow::Owned(String::from_utf8(v).unwrap_or_default()),
    })
}

/// A recoverable failure of `kind` at `at`.
fn bad(at: &[u8], kind: ErrorKind) -> nom::Err<PErr> {
    nom::Err::Error(PErr {
        kind,
        rest: at.len(),
    })
}

/// `mailbox = "INBOX" / astring`
///
/// `INBOX` in any case, however written, is [`Mailbox::Inbox`] (RFC 9051 §5.1, §9).
pub(crate) fn mailbox<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Mailbox<'a>> {
    let (rest, name) = astring(i)?;
    let text = name_text(cx, i, rest, name.0)?;
    if is_inbox(text.as_bytes()) {
        return Ok((rest, Mailbox::Inbox));
    }
    Ok((rest, Mailbox::Other(MailboxOther(text))))
}

/// `list-mailbox = 1*list-char / string`
///
/// `list-char = ATOM-CHAR / list-wildcards / resp-specials`
pub(crate) fn list_mailbox<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ListMailbox<'a>> {
    let (rest, raw) = match i.first() {
        Some(b'"' | b'{') => string(i)?,
        _ => {
            let (rest, v) = take_while1(i, is_list_char, "list-mailbox")?;
            (rest, Cow::Borrowed(v))
        }
    };
    let text = name_text(cx, i, rest, raw)?;
    Ok((rest, ListMailbox(text)))
}

fn cfg_mailbox_other<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, MailboxOther<'a>> {
    match mailbox(cx, i)? {
        (rest, Mailbox::Other(o)) => Ok((rest, o)),
        (_, Mailbox::Inbox) => expected(i, "mailbox other than INBOX"),
    }
}

impl_parse!(Mailbox, mailbox);
impl_parse!(MailboxOther, cfg_mailbox_other);
impl_parse!(ListMailbox, list_mailbox);

impl<'a> crate::types::list::ListItem<'a> for Mailbox<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        mailbox(cx, i)
    }
}
