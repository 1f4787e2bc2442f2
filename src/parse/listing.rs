//! Parsers of LIST and LSUB responses: `mailbox-list`, its attributes, delimiter and extended
//! items (RFC 9051 §9, RFC 3501 §9, RFC 5258 §6).
//!
//! Attribute names and the CHILDINFO and OLDNAME tags match in any case. The quoted options of
//! CHILDINFO are read as a quoted string whose content is then parsed as a selection option;
//! an error inside it is reported where it stands in the input when the content has no
//! escapes, else at the start of the quoted string.

use alloc::borrow::Cow;
use alloc::string::String;

use super::list::Sep;
use super::list_args::list_select_opt;
use super::mailbox::mailbox;
use super::primitive::{ascii, astring, atom, quoted, utf8_seq};
use super::tagged_ext::{paren_list_deep, tagged_ext_val};
use super::{Cx, PErr, PResult, byte, expected, impl_parse, keyword, sp};
use crate::chars::{is_atom_char, is_quoted_char};
use crate::owned::IntoStatic;
use crate::types::list::{ListItem, NonEmptyList};
use crate::types::listing::{
    ChildInfoOption, Delimiter, ListExtendedItem, ListExtendedTag, MailboxAttribute,
    MailboxAttributeExtension, MailboxList,
};

/// An attribute of `mbx-list-flags`: `mbx-list-oflag / mbx-list-sflag`, all of the form
/// `"\" atom` (`flag-extension` for the unknown ones).
pub(crate) fn mailbox_attribute(i: &[u8]) -> PResult<'_, MailboxAttribute<'_>> {
    let Some(after) = i.strip_prefix(b"\\") else {
        return expected(i, "mailbox attribute");
    };
    let (rest, name) = atom(after)?;
    Ok(match MailboxAttribute::known(name.as_str()) {
        Some(known) => (rest, known),
        None => (
            rest,
            MailboxAttribute::Extension(MailboxAttributeExtension(name.0)),
        ),
    })
}

/// `DQUOTE QUOTED-CHAR DQUOTE`, with RFC 9051's UTF-8 `QUOTED-CHAR`.
pub(crate) fn quoted_delimiter(i: &[u8]) -> PResult<'_, Delimiter> {
    let (at, ()) = byte(b'"', "DQUOTE")(i)?;
    let (rest, c) = match at {
        [b'\\', c @ (b'"' | b'\\'), rest @ ..] => (rest, char::from(*c)),
        [c, rest @ ..] if is_quoted_char(*c) => (rest, char::from(*c)),
        [c, ..] if *c >= 0x80 => match utf8_seq(at) {
            Some(n) => match core::str::from_utf8(&at[..n])
                .ok()
                .and_then(|s| s.chars().next())
            {
                Some(c) => (&at[n..], c),
                None => return expected(at, "QUOTED-CHAR"),
            },
            None => return super::fail(at, crate::error::ErrorKind::BadUtf8),
        },
        _ => return expected(at, "QUOTED-CHAR"),
    };
    let (rest, ()) = byte(b'"', "DQUOTE")(rest)?;
    Ok((rest, Delimiter(c)))
}

/// `(DQUOTE QUOTED-CHAR DQUOTE / nil)`: a hierarchy delimiter, `None` for `NIL`.
pub(crate) fn delimiter(i: &[u8]) -> PResult<'_, Option<Delimiter>> {
    match i.first() {
        Some(b'N' | b'n') => keyword(i, "NIL").map(|(rest, ())| (rest, None)),
        _ => quoted_delimiter(i).map(|(rest, d)| (rest, Some(d))),
    }
}

/// `mailbox-list = "(" [mbx-list-flags] ")" SP (DQUOTE QUOTED-CHAR DQUOTE / nil) SP mailbox
/// [SP mbox-list-extended]`
///
/// `mbx-list-flags` is read as any number of attributes (see the type's docs).
pub(crate) fn mailbox_list<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, MailboxList<'a>> {
    let (rest, attributes) = paren_list_deep(cx, i, Sep::Space, 0)?;
    let (rest, ()) = sp(rest)?;
    let (rest, delimiter) = delimiter(rest)?;
    let (rest, ()) = sp(rest)?;
    let (rest, mailbox) = mailbox(cx, rest)?;
    let (rest, extended) = match rest.strip_prefix(b" ") {
        Some(after) if after.first() == Some(&b'(') => {
            let (rest, list) = mbox_list_extended(cx, after)?;
            (rest, Some(list))
        }
        _ => (rest, None),
    };
    Ok((
        rest,
        MailboxList {
            attributes,
            delimiter,
            mailbox,
            extended,
        },
    ))
}

/// `mbox-list-extended = "(" [mbox-list-extended-item *(SP mbox-list-extended-item)] ")"`
fn mbox_list_extended<'a>(
    cx: &Cx,
    i: &'a [u8],
) -> PResult<'a, crate::types::list::List<'a, ListExtendedItem<'a>>> {
    paren_list_deep(cx, i, Sep::Space, 0)
}

/// `mbox-list-extended-item-tag = astring` whose content is an atom.
fn mbox_list_extended_item_tag(i: &[u8]) -> PResult<'_, Cow<'_, str>> {
    let (rest, tag) = astring(i)?;
    let content = tag.0;
    if content.is_empty() || !content.iter().all(|&b| is_atom_char(b)) {
        return expected(i, "mbox-list-extended-item-tag");
    }
    Ok((
        rest,
        match content {
            Cow::Borrowed(b) => Cow::Borrowed(ascii(b)),
            Cow::Owned(v) => Cow::Owned(String::from(ascii(&v))),
        },
    ))
}

/// `mbox-list-extended-item = mbox-list-extended-item-tag SP tagged-ext-val`, with
/// `childinfo-extended-item` and `oldname-extended-item` read by their own syntax.
pub(crate) fn mbox_list_extended_item<'a>(
    cx: &Cx,
    i: &'a [u8],
) -> PResult<'a, ListExtendedItem<'a>> {
    let (rest, tag) = mbox_list_extended_item_tag(i)?;
    let (rest, ()) = sp(rest)?;
    if tag.eq_ignore_ascii_case("CHILDINFO") {
        let (rest, list) = paren_list_deep(cx, rest, Sep::Space, 1)?;
        return Ok((
            rest,
            ListExtendedItem::ChildInfo(NonEmptyList::parsed(list)),
        ));
    }
    if tag.eq_ignore_ascii_case("OLDNAME") {
        let (after, ()) = byte(b'(', "\"(\"")(rest)?;
        let inner = cx.descend(rest)?;
        let (after, name) = mailbox(&inner, after)?;
        let (after, ()) = byte(b')', "\")\"")(after)?;
        return Ok((after, ListExtendedItem::OldName(name)));
    }
    let (rest, value) = tagged_ext_val(cx, rest)?;
    Ok((
        rest,
        ListExtendedItem::Extension(ListExtendedTag(tag), value),
    ))
}

/// `list-select-base-opt-quoted = DQUOTE list-select-base-opt DQUOTE`
pub(crate) fn list_select_base_opt_quoted<'a>(
    cx: &Cx,
    i: &'a [u8],
) -> PResult<'a, ChildInfoOption<'a>> {
    let (rest, content) = quoted(i)?;
    match content {
        Cow::Borrowed(b) => {
            let option = whole(cx, b, i, true)?;
            Ok((rest, ChildInfoOption(option)))
        }
        Cow::Owned(v) => {
            let option = whole(cx, &v, i, false)?.into_static();
            Ok((rest, ChildInfoOption(option)))
        }
    }
}

/// Parses all of `content` (the inside of the quoted string that starts `quoted`) as a
/// selection option. `in_place` says whether `content` is the input's own bytes, so that an
/// error can point inside it.
fn whole<'c>(
    cx: &Cx,
    content: &'c [u8],
    quoted: &[u8],
    in_place: bool,
) -> Result<crate::types::list_args::ListSelectOption<'c>, nom::Err<PErr>> {
    // Where `content`'s offset `k` lies in the input, as bytes left after it.
    let rest_at = |k: usize| {
        if in_place {
            quoted.len().saturating_sub(1 + k)
        } else {
            quoted.len()
        }
    };
    let left = |e: PErr| content.len().saturating_sub(e.rest);
    match list_select_opt(cx, content) {
        Ok(([], option)) => Ok(option),
        Ok((after, _)) => Err(nom::Err::Error(PErr {
            kind: crate::error::ErrorKind::Expected("DQUOTE"),
            rest: rest_at(content.len() - after.len()),
        })),
        Err(nom::Err::Error(e)) => Err(nom::Err::Error(PErr {
            kind: e.kind,
            rest: rest_at(left(e)),
        })),
        Err(nom::Err::Failure(e)) => Err(nom::Err::Failure(PErr {
            kind: e.kind,
            rest: rest_at(left(e)),
        })),
        Err(nom::Err::Incomplete(n)) => Err(nom::Err::Incomplete(n)),
    }
}

/// `"LIST" SP mailbox-list`, the LIST response after `* `.
#[allow(dead_code, reason = "called by the response grammar")]
pub(crate) fn list_data<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, MailboxList<'a>> {
    let (rest, ()) = keyword(i, "LIST")?;
    let (rest, ()) = sp(rest)?;
    mailbox_list(cx, rest)
}

/// `"LSUB" SP mailbox-list` (RFC 3501), the LSUB response after `* `.
#[allow(dead_code, reason = "called by the response grammar")]
pub(crate) fn lsub_data<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, MailboxList<'a>> {
    let (rest, ()) = keyword(i, "LSUB")?;
    let (rest, ()) = sp(rest)?;
    mailbox_list(cx, rest)
}

impl<'a> ListItem<'a> for MailboxAttribute<'a> {
    fn parse_item(_: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        mailbox_attribute(i)
    }
}

impl<'a> ListItem<'a> for ListExtendedItem<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        mbox_list_extended_item(cx, i)
    }
}

impl<'a> ListItem<'a> for ChildInfoOption<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        list_select_base_opt_quoted(cx, i)
    }
}

fn cfg_attribute_extension<'a>(_: &Cx, i: &'a [u8]) -> PResult<'a, MailboxAttributeExtension<'a>> {
    match mailbox_attribute(i)? {
        (rest, MailboxAttribute::Extension(e)) => Ok((rest, e)),
        _ => expected(i, "mailbox attribute extension"),
    }
}

impl_parse!(MailboxAttribute, plain mailbox_attribute);
impl_parse!(MailboxAttributeExtension, cfg_attribute_extension);
impl_parse!(Delimiter => plain quoted_delimiter);
impl_parse!(MailboxList, mailbox_list);
impl_parse!(ListExtendedItem, mbox_list_extended_item);
impl_parse!(ChildInfoOption, list_select_base_opt_quoted);
