//! Parsers of the commands on messages: FETCH, STORE, COPY, MOVE and UID EXPUNGE.

use super::super::extension::ext_param;
use super::super::fetch::fetch_items;
use super::super::flag::{flag, flag_list};
use super::super::mailbox::mailbox;
use super::super::sequence::sequence_set;
use super::super::{Cx, PResult, impl_parse, keyword, sp};
use super::{more_items, params};
use crate::types::command::{
    CommandBody, FetchModifier, StoreAction, StoreAttFlags, StoreFlags, StoreModifier,
};
use crate::types::list::ListItem;
use crate::types::mailbox::Mailbox;
use crate::types::sequence::SequenceSet;

/// `fetch = "FETCH" SP sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att / "(" fetch-att
/// *(SP fetch-att) ")") [fetch-modifiers]` (RFC 9051 §9, RFC 4466 §2.4), after `"FETCH" SP`.
///
/// `fetch-modifiers = SP "(" fetch-modifier *(SP fetch-modifier) ")"`
pub(super) fn fetch<'a>(cx: &Cx, i: &'a [u8], uid: bool) -> PResult<'a, CommandBody<'a>> {
    let (rest, sequence_set) = sequence_set(cx, i)?;
    let (rest, ()) = sp(rest)?;
    let (rest, items) = fetch_items(cx, rest)?;
    let (rest, modifiers) = params(cx, rest)?;
    let body = CommandBody::Fetch {
        uid,
        sequence_set,
        items,
        modifiers,
    };
    Ok((rest, body))
}

/// `fetch-modifier = fetch-modifier-name [SP fetch-modif-params]` (RFC 4466 §2.4), where
/// `fetch-modifier-name = tagged-ext-label` and `fetch-modif-params = tagged-ext-val`.
fn fetch_modifier<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, FetchModifier<'a>> {
    ext_param(cx, i).map(|(rest, p)| (rest, FetchModifier::Ext(p)))
}

impl<'a> ListItem<'a> for FetchModifier<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        fetch_modifier(cx, i)
    }
}

/// `store = "STORE" SP sequence-set [store-modifiers] SP store-att-flags` (RFC 9051 §9,
/// RFC 4466 §2.5), after `"STORE" SP`.
pub(super) fn store<'a>(cx: &Cx, i: &'a [u8], uid: bool) -> PResult<'a, CommandBody<'a>> {
    let (rest, sequence_set) = sequence_set(cx, i)?;
    let (rest, modifiers) = params(cx, rest)?;
    let (rest, ()) = sp(rest)?;
    let (rest, flags) = store_att_flags(cx, rest)?;
    let body = CommandBody::Store {
        uid,
        sequence_set,
        modifiers,
        flags,
    };
    Ok((rest, body))
}

/// `["+" / "-"] "FLAGS"`, the part of `store-att-flags` that says what to do.
pub(crate) fn store_action(i: &[u8]) -> PResult<'_, StoreAction> {
    let (rest, action) = match i.first() {
        Some(b'+') => (&i[1..], StoreAction::Add),
        Some(b'-') => (&i[1..], StoreAction::Remove),
        _ => (i, StoreAction::Replace),
    };
    let (rest, ()) = keyword(rest, "FLAGS")?;
    Ok((rest, action))
}

/// `store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag)))`
/// (RFC 9051 §9, RFC 3501 §9)
pub(crate) fn store_att_flags<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, StoreAttFlags<'a>> {
    let (rest, action) = store_action(i)?;
    let (rest, silent) = match keyword(rest, ".SILENT") {
        Ok((after, ())) => (after, true),
        Err(_) => (rest, false),
    };
    let (rest, ()) = sp(rest)?;
    let (rest, flags) = store_flags(cx, rest)?;
    let value = StoreAttFlags {
        action,
        silent,
        flags,
    };
    Ok((rest, value))
}

/// `flag-list / (flag *(SP flag))`, the flags of `store-att-flags`.
pub(crate) fn store_flags<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, StoreFlags<'a>> {
    if i.first() == Some(&b'(') {
        let (rest, list) = flag_list(cx, i)?;
        return Ok((rest, StoreFlags::List(list)));
    }
    let (rest, first) = flag(i)?;
    let (rest, more) = more_items(cx, rest)?;
    Ok((rest, StoreFlags::Bare { first, rest: more }))
}

/// `store-modifier = store-modifier-name [SP store-modif-params]` (RFC 4466 §2.5)
fn store_modifier<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, StoreModifier<'a>> {
    ext_param(cx, i).map(|(rest, p)| (rest, StoreModifier::Ext(p)))
}

impl<'a> ListItem<'a> for StoreModifier<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        store_modifier(cx, i)
    }
}

/// `sequence-set SP mailbox`, the arguments of `copy = "COPY" SP sequence-set SP mailbox` and
/// `move = "MOVE" SP sequence-set SP mailbox` (RFC 9051 §9, RFC 6851 §4).
pub(super) fn copy_args<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, (SequenceSet<'a>, Mailbox<'a>)> {
    let (rest, set) = sequence_set(cx, i)?;
    let (rest, ()) = sp(rest)?;
    let (rest, m) = mailbox(cx, rest)?;
    Ok((rest, (set, m)))
}

/// `uid-expunge = "EXPUNGE" SP sequence-set` (RFC 9051 §9, RFC 4315 §3), after
/// `"UID" SP "EXPUNGE" SP`.
pub(super) fn uid_expunge<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, CommandBody<'a>> {
    let (rest, sequence_set) = sequence_set(cx, i)?;
    Ok((rest, CommandBody::UidExpunge { sequence_set }))
}

impl_parse!(StoreAction => plain store_action);
impl_parse!(StoreAttFlags, store_att_flags);
impl_parse!(StoreFlags, store_flags);
impl_parse!(StoreModifier, store_modifier);
impl_parse!(FetchModifier, fetch_modifier);
