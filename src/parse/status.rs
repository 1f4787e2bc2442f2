//! Parsers of STATUS: `status-att` of the command and `status-att-val` of the response
//! (RFC 9051 §9, RFC 3501 §9, RFC 4466 §2.1, RFC 7162 §7, RFC 7889 §5, RFC 8474 §7,
//! RFC 9208 §9).
//!
//! An attribute name is read as a `tagged-ext-label` and then matched, in any case, against
//! the known names; a known name must be followed by its own value syntax.

use alloc::borrow::Cow;

use super::list::Sep;
use super::mailbox::mailbox;
use super::primitive::{ascii, number, number64, nz_number, take_while1};
use super::tagged_ext::{paren_list_deep, tagged_ext_label, tagged_ext_val};
use super::{Cx, PResult, byte, fail, impl_parse, keyword, sp};
use crate::error::ErrorKind;
use crate::types::list::{ListItem, NonEmptyList};
use crate::types::status::{
    ObjectId, StatusArguments, StatusAttribute, StatusAttributeExtension, StatusData, StatusItem,
};

/// `status-att = "MESSAGES" / "UIDNEXT" / "UIDVALIDITY" / "UNSEEN" / "DELETED" / "SIZE"`,
/// with `"RECENT"` (RFC 3501), `"APPENDLIMIT"`, `"HIGHESTMODSEQ"`, `"MAILBOXID"`,
/// `"DELETED-STORAGE"`, and any other `tagged-ext-label`.
pub(crate) fn status_att(i: &[u8]) -> PResult<'_, StatusAttribute<'_>> {
    let (rest, name) = tagged_ext_label(i)?;
    Ok(match StatusAttribute::known(name.as_bytes()) {
        Some(known) => (rest, known),
        None => (
            rest,
            StatusAttribute::Extension(StatusAttributeExtension(Cow::Borrowed(name))),
        ),
    })
}

/// `objectid = 1*255(ALPHA / DIGIT / "_" / "-")` (RFC 8474 §7)
pub(crate) fn objectid(i: &[u8]) -> PResult<'_, ObjectId<'_>> {
    let (rest, id) = take_while1(
        i,
        |b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-',
        "objectid",
    )?;
    if id.len() > 255 {
        return fail(&i[255..], ErrorKind::TooLong);
    }
    Ok((rest, ObjectId(Cow::Borrowed(ascii(id)))))
}

/// `status-att-val`: `("MESSAGES" SP number) / ("UIDNEXT" SP nz-number) / ("UIDVALIDITY" SP
/// nz-number) / ("UNSEEN" SP number) / ("DELETED" SP number) / ("SIZE" SP number64)`, with
/// `("RECENT" SP number)` (RFC 3501), `"APPENDLIMIT" SP (number / nil)` (RFC 7889),
/// `"HIGHESTMODSEQ" SP mod-sequence-valzer` (RFC 7162), `"MAILBOXID" SP "(" objectid ")"`
/// (RFC 8474), `"DELETED-STORAGE" SP number64` (RFC 9208), and `tagged-ext-label SP
/// tagged-ext-val` for the others (RFC 4466).
pub(crate) fn status_att_val<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, StatusItem<'a>> {
    let (rest, attribute) = status_att(i)?;
    let (rest, ()) = sp(rest)?;
    let n = |r| number(r);
    Ok(match attribute {
        StatusAttribute::Messages => n(rest).map(|(r, v)| (r, StatusItem::Messages(v)))?,
        StatusAttribute::UidNext => nz_number(rest).map(|(r, v)| (r, StatusItem::UidNext(v)))?,
        StatusAttribute::UidValidity => {
            nz_number(rest).map(|(r, v)| (r, StatusItem::UidValidity(v)))?
        }
        StatusAttribute::Unseen => n(rest).map(|(r, v)| (r, StatusItem::Unseen(v)))?,
        StatusAttribute::Deleted => n(rest).map(|(r, v)| (r, StatusItem::Deleted(v)))?,
        StatusAttribute::Size => number64(rest).map(|(r, v)| (r, StatusItem::Size(v)))?,
        StatusAttribute::Recent => n(rest).map(|(r, v)| (r, StatusItem::Recent(v)))?,
        StatusAttribute::AppendLimit => match rest.first() {
            Some(b'N' | b'n') => {
                keyword(rest, "NIL").map(|(r, ())| (r, StatusItem::AppendLimit(None)))?
            }
            _ => n(rest).map(|(r, v)| (r, StatusItem::AppendLimit(Some(v))))?,
        },
        StatusAttribute::HighestModSeq => {
            number64(rest).map(|(r, v)| (r, StatusItem::HighestModSeq(v)))?
        }
        StatusAttribute::MailboxId => {
            let (r, ()) = byte(b'(', "\"(\"")(rest)?;
            let (r, id) = objectid(r)?;
            let (r, ()) = byte(b')', "\")\"")(r)?;
            (r, StatusItem::MailboxId(id))
        }
        StatusAttribute::DeletedStorage => {
            number64(rest).map(|(r, v)| (r, StatusItem::DeletedStorage(v)))?
        }
        StatusAttribute::Extension(name) => {
            let (r, value) = tagged_ext_val(cx, rest)?;
            (r, StatusItem::Extension(name, value))
        }
    })
}

/// `"STATUS" SP mailbox SP "(" [status-att-list] ")"`, the STATUS response after `* `, where
/// `status-att-list = status-att-val *(SP status-att-val)`.
pub(crate) fn status_data<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, StatusData<'a>> {
    let (rest, ()) = keyword(i, "STATUS")?;
    let (rest, ()) = sp(rest)?;
    let (rest, mailbox) = mailbox(cx, rest)?;
    let (rest, ()) = sp(rest)?;
    let (rest, items) = paren_list_deep(cx, rest, Sep::Space, 0)?;
    Ok((rest, StatusData { mailbox, items }))
}

/// The arguments of `status = "STATUS" SP mailbox SP "(" status-att *(SP status-att) ")"`,
/// after `"STATUS" SP`.
pub(crate) fn status_arguments<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, StatusArguments<'a>> {
    let (rest, mailbox) = mailbox(cx, i)?;
    let (rest, ()) = sp(rest)?;
    let (rest, attributes) = paren_list_deep(cx, rest, Sep::Space, 1)?;
    Ok((
        rest,
        StatusArguments {
            mailbox,
            attributes: NonEmptyList::parsed(attributes),
        },
    ))
}

impl<'a> ListItem<'a> for StatusAttribute<'a> {
    fn parse_item(_: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        status_att(i)
    }
}

impl<'a> ListItem<'a> for StatusItem<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        status_att_val(cx, i)
    }
}

fn cfg_status_extension<'a>(_: &Cx, i: &'a [u8]) -> PResult<'a, StatusAttributeExtension<'a>> {
    match status_att(i)? {
        (rest, StatusAttribute::Extension(e)) => Ok((rest, e)),
        _ => super::expected(i, "status-att extension"),
    }
}

impl_parse!(StatusAttribute, plain status_att);
impl_parse!(StatusAttributeExtension, cfg_status_extension);
impl_parse!(ObjectId, plain objectid);
impl_parse!(StatusItem, status_att_val);
impl_parse!(StatusData, status_data);
impl_parse!(StatusArguments, status_arguments);
