//! Parsers of the envelope and its addresses (RFC 9051 §9, RFC 3501 §9).
//!
//! Nothing here allocates: strings borrow from the input (unless quoted with escapes) and
//! address lists are [`List`]s over it. An envelope, an address list and an address each
//! count one nesting level.

use super::list::{Sep, paren_list};
use super::primitive::nstring_cx;
use super::{Cx, PResult, byte, expected, impl_parse, keyword, sp_run};
use crate::types::envelope::{Address, Envelope};
use crate::types::list::{List, ListItem};

/// `address = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"`
///
/// `addr-name`, `addr-adl`, `addr-mailbox` and `addr-host` are all `nstring` (RFC 9051 §9,
/// RFC 3501 §9).
pub(crate) fn address<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Address<'a>> {
    let Some(rest) = i.strip_prefix(b"(") else {
        return expected(i, "address");
    };
    cx.descend(i)?;
    let (rest, name) = nstring_cx(cx, rest)?;
    let (rest, ()) = sp_run(cx, rest)?;
    let (rest, adl) = nstring_cx(cx, rest)?;
    let (rest, ()) = sp_run(cx, rest)?;
    let (rest, mailbox) = nstring_cx(cx, rest)?;
    let (rest, ()) = sp_run(cx, rest)?;
    let (rest, host) = nstring_cx(cx, rest)?;
    let (rest, ()) = byte(b')', "\")\"")(rest)?;
    Ok((
        rest,
        Address {
            name,
            adl,
            mailbox,
            host,
        },
    ))
}

/// `env-from = "(" 1*address ")" / nil`, and the same for `env-sender`, `env-reply-to`,
/// `env-to`, `env-cc` and `env-bcc`. NIL gives the empty list.
pub(crate) fn env_addresses<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, List<'a, Address<'a>>> {
    match i.first() {
        Some(b'N' | b'n') => {
            let (rest, ()) = keyword(i, "NIL")?;
            Ok((rest, List::new()))
        }
        Some(b'(') => paren_list(cx, i, Sep::Nothing, 1),
        _ => expected(i, "address list or NIL"),
    }
}

/// `envelope = "(" env-date SP env-subject SP env-from SP env-sender SP env-reply-to SP
/// env-to SP env-cc SP env-bcc SP env-in-reply-to SP env-message-id ")"`
///
/// `env-date`, `env-subject`, `env-in-reply-to` and `env-message-id` are `nstring` (RFC 9051
/// §9, RFC 3501 §9).
pub(crate) fn envelope<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Envelope<'a>> {
    let Some(rest) = i.strip_prefix(b"(") else {
        return expected(i, "envelope");
    };
    let cx = cx.descend(i)?;
    let (rest, date) = nstring_cx(&cx, rest)?;
    let (rest, ()) = sp_run(&cx, rest)?;
    let (rest, subject) = nstring_cx(&cx, rest)?;
    let (rest, ()) = sp_run(&cx, rest)?;
    let (rest, from) = env_addresses(&cx, rest)?;
    let (rest, ()) = sp_run(&cx, rest)?;
    let (rest, sender) = env_addresses(&cx, rest)?;
    let (rest, ()) = sp_run(&cx, rest)?;
    let (rest, reply_to) = env_addresses(&cx, rest)?;
    let (rest, ()) = sp_run(&cx, rest)?;
    let (rest, to) = env_addresses(&cx, rest)?;
    let (rest, ()) = sp_run(&cx, rest)?;
    let (rest, cc) = env_addresses(&cx, rest)?;
    let (rest, ()) = sp_run(&cx, rest)?;
    let (rest, bcc) = env_addresses(&cx, rest)?;
    let (rest, ()) = sp_run(&cx, rest)?;
    let (rest, in_reply_to) = nstring_cx(&cx, rest)?;
    let (rest, ()) = sp_run(&cx, rest)?;
    let (rest, message_id) = nstring_cx(&cx, rest)?;
    let (rest, ()) = byte(b')', "\")\"")(rest)?;
    Ok((
        rest,
        Envelope {
            date,
            subject,
            from,
            sender,
            reply_to,
            to,
            cc,
            bcc,
            in_reply_to,
            message_id,
        },
    ))
}

impl<'a> ListItem<'a> for Address<'a> {
    fn parse_item(cx: &Cx, input: &'a [u8]) -> PResult<'a, Self> {
        address(cx, input)
    }

    fn skip_trusted(_: &Cx, input: &'a [u8]) -> PResult<'a, ()> {
        super::list::skip_group(input)
    }
}

impl<'a> ListItem<'a> for Envelope<'a> {
    fn parse_item(cx: &Cx, input: &'a [u8]) -> PResult<'a, Self> {
        envelope(cx, input)
    }
}

impl_parse!(Address, address);
impl_parse!(Envelope, envelope);
