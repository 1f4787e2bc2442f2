//! Parsers of NAMESPACE (RFC 2342 §5, RFC 9051 §9 `namespace-response`) and ENABLED
//! (RFC 5161 §4, RFC 9051 §9 `enable-data`).

use super::list::{Sep, items};
use super::listing::delimiter;
use super::primitive::string;
use super::tagged_ext::paren_list_deep;
use super::{Cx, PResult, byte, impl_parse, keyword, sp};
use crate::types::list::{List, ListItem, NonEmptyList};
use crate::types::mailbox_data::{EnabledData, NamespaceData, NamespaceDescr, NamespaceExtension};
use crate::types::primitive::{Atom, IString};

/// `namespace-response = "NAMESPACE" SP namespace SP namespace SP namespace`, the NAMESPACE
/// response after `* `.
pub(crate) fn namespace_response<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, NamespaceData<'a>> {
    let (rest, ()) = keyword(i, "NAMESPACE")?;
    let (rest, ()) = sp(rest)?;
    let (rest, personal) = namespace(cx, rest)?;
    let (rest, ()) = sp(rest)?;
    let (rest, other_users) = namespace(cx, rest)?;
    let (rest, ()) = sp(rest)?;
    let (rest, shared) = namespace(cx, rest)?;
    Ok((
        rest,
        NamespaceData {
            personal,
            other_users,
            shared,
        },
    ))
}

/// `namespace = nil / "(" 1*namespace-descr ")"`
pub(crate) fn namespace<'a>(
    cx: &Cx,
    i: &'a [u8],
) -> PResult<'a, Option<NonEmptyList<'a, NamespaceDescr<'a>>>> {
    if matches!(i.first(), Some(b'N' | b'n')) {
        return keyword(i, "NIL").map(|(rest, ())| (rest, None));
    }
    let (rest, list) = paren_list_deep(cx, i, Sep::Nothing, 1)?;
    Ok((rest, Some(NonEmptyList::parsed(list))))
}

/// `namespace-descr = "(" string SP (DQUOTE QUOTED-CHAR DQUOTE / nil)
/// [namespace-response-extensions] ")"`, with `namespace-response-extensions =
/// *namespace-response-extension`.
pub(crate) fn namespace_descr<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, NamespaceDescr<'a>> {
    let (rest, ()) = byte(b'(', "\"(\"")(i)?;
    let inner = cx.descend(i)?;
    let (rest, prefix) = string(rest)?;
    let (rest, ()) = sp(rest)?;
    let (rest, delimiter) = delimiter(rest)?;
    let (rest, extensions) = match rest.strip_prefix(b" ") {
        Some(after) => items(&inner, after, Sep::Space, 1)?,
        None => (rest, List::new()),
    };
    let (rest, ()) = byte(b')', "\")\"")(rest)?;
    Ok((
        rest,
        NamespaceDescr {
            prefix: IString(prefix),
            delimiter,
            extensions,
        },
    ))
}

/// `namespace-response-extension = SP string SP "(" string *(SP string) ")"`, without its
/// leading SP (the list reads it as the separator).
pub(crate) fn namespace_response_extension<'a>(
    cx: &Cx,
    i: &'a [u8],
) -> PResult<'a, NamespaceExtension<'a>> {
    let (rest, name) = string(i)?;
    let (rest, ()) = sp(rest)?;
    let (rest, values) = paren_list_deep(cx, rest, Sep::Space, 1)?;
    Ok((
        rest,
        NamespaceExtension {
            name: IString(name),
            values: NonEmptyList::parsed(values),
        },
    ))
}

/// `enable-data = "ENABLED" *(SP capability)`, the ENABLED response after `* `.
pub(crate) fn enable_data<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, EnabledData<'a>> {
    let (rest, ()) = keyword(i, "ENABLED")?;
    let (rest, capabilities) = match rest.strip_prefix(b" ") {
        Some(after) => items::<Atom<'_>>(cx, after, Sep::Space, 1)?,
        None => (rest, List::new()),
    };
    Ok((rest, EnabledData { capabilities }))
}

impl<'a> ListItem<'a> for NamespaceDescr<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        namespace_descr(cx, i)
    }
}

impl<'a> ListItem<'a> for NamespaceExtension<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        namespace_response_extension(cx, i)
    }
}

impl_parse!(NamespaceData, namespace_response);
impl_parse!(NamespaceDescr, namespace_descr);
impl_parse!(NamespaceExtension, namespace_response_extension);
impl_parse!(EnabledData, enable_data);
