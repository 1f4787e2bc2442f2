//! Parsers of the METADATA extension (RFC 5464 §5).

use super::extension::ext_param;
use super::list::{Sep, items, paren_list};
use super::mailbox::mailbox;
use super::primitive::{astring, literal8, nstring, number};
use super::{Cx, PResult, expected, impl_parse, keyword, sp};
use crate::types::command::CommandBody;
use crate::types::list::{List, ListItem, NonEmptyList};
use crate::types::metadata::{
    Depth, EntryValue, GetMetadataOption, MetadataCode, MetadataCommand, MetadataData,
    MetadataItems, MetadataValue,
};
use crate::types::primitive::{AString, Literal8};

/// `value = nstring / literal8`
fn value(i: &[u8]) -> PResult<'_, MetadataValue<'_>> {
    if i.first() == Some(&b'~') {
        let (rest, data) = literal8(i)?;
        return Ok((rest, MetadataValue::Literal8(Literal8::new(data))));
    }
    let (rest, s) = nstring(i)?;
    Ok((rest, MetadataValue::NString(s)))
}

/// `entry-value = entry SP value`
fn entry_value(i: &[u8]) -> PResult<'_, EntryValue<'_>> {
    let (rest, entry) = astring(i)?;
    let (rest, ()) = sp(rest)?;
    let (rest, value) = value(rest)?;
    Ok((rest, EntryValue { entry, value }))
}

impl<'a> ListItem<'a> for EntryValue<'a> {
    fn parse_item(_: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        entry_value(i)
    }
}

/// `entry-values = "(" entry-value *(SP entry-value) ")"`
fn entry_values<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, NonEmptyList<'a, EntryValue<'a>>> {
    let (rest, list) = paren_list(cx, i, Sep::Space, 1)?;
    Ok((rest, NonEmptyList::parsed(list)))
}

/// `entries = entry / "(" entry *(SP entry) ")"`
fn entries<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, NonEmptyList<'a, AString<'a>>> {
    if i.first() == Some(&b'(') {
        let (rest, list) = paren_list(cx, i, Sep::Space, 1)?;
        return Ok((rest, NonEmptyList::parsed(list)));
    }
    let (rest, one) = astring(i)?;
    Ok((rest, NonEmptyList::one(one)))
}

/// `maxsize-opt = "MAXSIZE" SP number`, `scope-opt = "DEPTH" SP ("0" / "1" / "infinity")`,
/// else `getmetadata-option = tagged-ext-label [SP tagged-ext-val]`.
fn getmetadata_option<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, GetMetadataOption<'a>> {
    let ends = |r: &[u8]| matches!(r.first(), Some(b' ' | b')') | None);
    if let Ok((rest, ())) = keyword(i, "MAXSIZE ") {
        if let Ok((rest, n)) = number(rest) {
            if ends(rest) {
                return Ok((rest, GetMetadataOption::MaxSize(n)));
            }
        }
    }
    if let Ok((rest, ())) = keyword(i, "DEPTH ") {
        for (word, d) in [
            ("0", Depth::Zero),
            ("1", Depth::One),
            ("INFINITY", Depth::Infinity),
        ] {
            if let Ok((after, ())) = keyword(rest, word) {
                if ends(after) {
                    return Ok((after, GetMetadataOption::Depth(d)));
                }
            }
        }
    }
    let (rest, p) = ext_param(cx, i)?;
    Ok((rest, GetMetadataOption::Ext(p)))
}

impl<'a> ListItem<'a> for GetMetadataOption<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        getmetadata_option(cx, i)
    }
}

/// `getmetadata = "GETMETADATA" [SP getmetadata-options] SP mailbox SP entries`, after
/// `"GETMETADATA" SP`.
///
/// RFC 5464's own examples (§4.2.2, §4.2.3) put the options after the mailbox; that order is
/// read too (an entry can never start like an option, and the options need entries after
/// them), and written in the grammar's order.
pub(crate) fn getmetadata<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, CommandBody<'a>> {
    let (rest, mut options) = options_sp(cx, i).unwrap_or((i, List::new()));
    let (rest, mailbox) = mailbox(cx, rest)?;
    let (mut rest, ()) = sp(rest)?;
    if options.is_empty() {
        if let Some((after, late)) = options_sp(cx, rest) {
            if entries(cx, after).is_ok() {
                (rest, options) = (after, late);
            }
        }
    }
    let (rest, entries) = entries(cx, rest)?;
    let cmd = MetadataCommand::GetMetadata {
        options,
        mailbox,
        entries,
    };
    Ok((rest, CommandBody::Metadata(cmd)))
}

/// `getmetadata-options SP`, if the input starts with them.
fn options_sp<'a>(cx: &Cx, i: &'a [u8]) -> Option<(&'a [u8], List<'a, GetMetadataOption<'a>>)> {
    if i.first() != Some(&b'(') {
        return None;
    }
    let (rest, list) = paren_list(cx, i, Sep::Space, 1).ok()?;
    Some((sp(rest).ok()?.0, list))
}

/// `setmetadata = "SETMETADATA" SP mailbox SP entry-values`, after `"SETMETADATA" SP`.
pub(crate) fn setmetadata<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, CommandBody<'a>> {
    let (rest, mailbox) = mailbox(cx, i)?;
    let (rest, ()) = sp(rest)?;
    let (rest, values) = entry_values(cx, rest)?;
    let cmd = MetadataCommand::SetMetadata { mailbox, values };
    Ok((rest, CommandBody::Metadata(cmd)))
}

/// `metadata-resp = "METADATA" SP mailbox SP (entry-values / entry-list)`, after `* `;
/// `entry-list = entry *(SP entry)`.
pub(crate) fn metadata_resp<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, MetadataData<'a>> {
    let (rest, ()) = keyword(i, "METADATA")?;
    let (rest, ()) = sp(rest)?;
    let (rest, mailbox) = mailbox(cx, rest)?;
    let (rest, ()) = sp(rest)?;
    let (rest, items) = if rest.first() == Some(&b'(') {
        let (rest, v) = entry_values(cx, rest)?;
        (rest, MetadataItems::Values(v))
    } else {
        let (rest, list) = items(cx, rest, Sep::Space, 1)?;
        (rest, MetadataItems::Entries(NonEmptyList::parsed(list)))
    };
    Ok((rest, MetadataData { mailbox, items }))
}

/// The arguments of `"METADATA" SP (...)` in `resp-text-code`, after `"METADATA"`.
pub(crate) fn metadata_code(i: &[u8]) -> PResult<'_, MetadataCode> {
    let (rest, ()) = sp(i)?;
    if let Ok((rest, ())) = keyword(rest, "LONGENTRIES ") {
        let (rest, n) = number(rest)?;
        return Ok((rest, MetadataCode::LongEntries(n)));
    }
    if let Ok((rest, ())) = keyword(rest, "MAXSIZE ") {
        let (rest, n) = number(rest)?;
        return Ok((rest, MetadataCode::MaxSize(n)));
    }
    if let Ok((rest, ())) = keyword(rest, "TOOMANY") {
        return Ok((rest, MetadataCode::TooMany));
    }
    if let Ok((rest, ())) = keyword(rest, "NOPRIVATE") {
        return Ok((rest, MetadataCode::NoPrivate));
    }
    expected(rest, "LONGENTRIES, MAXSIZE, TOOMANY or NOPRIVATE")
}

fn cfg_metadata_command<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, MetadataCommand<'a>> {
    match super::command::command_body(cx, i)? {
        (rest, CommandBody::Metadata(m)) => Ok((rest, m)),
        _ => expected(i, "GETMETADATA or SETMETADATA"),
    }
}

fn cfg_metadata_code(i: &[u8]) -> PResult<'_, MetadataCode> {
    let (rest, ()) = keyword(i, "METADATA")?;
    metadata_code(rest)
}

impl_parse!(MetadataValue, plain value);
impl_parse!(EntryValue, plain entry_value);
impl_parse!(GetMetadataOption, getmetadata_option);
impl_parse!(MetadataCommand, cfg_metadata_command);
impl_parse!(MetadataData, metadata_resp);
impl_parse!(MetadataCode => plain cfg_metadata_code);
