//! Parsers of the commands on messages: FETCH, STORE, COPY, MOVE and UID EXPUNGE.

use super::super::extension::ext_param;
use super::super::fetch::fetch_items;
use super::super::flag::{flag, flag_list};
use super::super::list::{Sep, paren_list};
use super::super::mailbox::mailbox;
use super::super::message_ext::gm_label;
use super::super::sequence::sequence_set;
use super::super::{Cx, PResult, impl_parse, keyword, sp};
use super::{more_items, params};
use crate::types::command::{
    CommandBody, FetchModifier, StoreAction, StoreAtt, StoreAttFlags, StoreAttLabels, StoreFlags,
    StoreLabels, StoreModifier,
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
/// RFC 4466 §2.5), after `"STORE" SP`; Gmail's labels may stand for `store-att-flags`.
pub(super) fn store<'a>(cx: &Cx, i: &'a [u8], uid: bool) -> PResult<'a, CommandBody<'a>> {
    let (rest, sequence_set) = sequence_set(cx, i)?;
    let (rest, modifiers) = params(cx, rest)?;
    let (rest, ()) = sp(rest)?;
    let (rest, att) = store_att(cx, rest)?;
    let body = CommandBody::Store {
        uid,
        sequence_set,
        modifiers,
        att,
    };
    Ok((rest, body))
}

/// `["+" / "-"]`, the sign that says what STORE does.
fn sign(i: &[u8]) -> (&[u8], StoreAction) {
    match i.first() {
        Some(b'+') => (&i[1..], StoreAction::Add),
        Some(b'-') => (&i[1..], StoreAction::Remove),
        _ => (i, StoreAction::Replace),
    }
}

/// `[".SILENT"]`.
fn silent(i: &[u8]) -> (&[u8], bool) {
    match keyword(i, ".SILENT") {
        Ok((after, ())) => (after, true),
        Err(_) => (i, false),
    }
}

/// `["+" / "-"] "FLAGS"`, the part of `store-att-flags` that says what to do.
pub(crate) fn store_action(i: &[u8]) -> PResult<'_, StoreAction> {
    let (rest, action) = sign(i);
    let (rest, ()) = keyword(rest, "FLAGS")?;
    Ok((rest, action))
}

/// `store-att-flags` (RFC 9051 §9) or Gmail's `["+" / "-"] "X-GM-LABELS" [".SILENT"] SP
/// ("(" [label *(SP label)] ")" / (label *(SP label)))` (X-GM-EXT-1).
pub(crate) fn store_att<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, StoreAtt<'a>> {
    let (after_sign, _) = sign(i);
    if keyword(after_sign, "X-GM-LABELS").is_ok() {
        return store_att_labels(cx, i).map(|(rest, l)| (rest, StoreAtt::GmLabels(l)));
    }
    store_att_flags(cx, i).map(|(rest, f)| (rest, StoreAtt::Flags(f)))
}

/// `store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag)))`
/// (RFC 9051 §9, RFC 3501 §9)
pub(crate) fn store_att_flags<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, StoreAttFlags<'a>> {
    let (rest, action) = store_action(i)?;
    let (rest, silent) = silent(rest);
    let (rest, ()) = sp(rest)?;
    let (rest, flags) = store_flags(cx, rest)?;
    let value = StoreAttFlags {
        action,
        silent,
        flags,
    };
    Ok((rest, value))
}

/// `["+" / "-"] "X-GM-LABELS" [".SILENT"] SP ("(" [label *(SP label)] ")" / (label *(SP
/// label)))`, Gmail's STORE of labels (X-GM-EXT-1).
pub(crate) fn store_att_labels<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, StoreAttLabels<'a>> {
    let (rest, action) = sign(i);
    let (rest, ()) = keyword(rest, "X-GM-LABELS")?;
    let (rest, silent) = silent(rest);
    let (rest, ()) = sp(rest)?;
    let (rest, labels) = store_labels(cx, rest)?;
    let value = StoreAttLabels {
        action,
        silent,
        labels,
    };
    Ok((rest, value))
}

/// `"(" [label *(SP label)] ")" / (label *(SP label))`, the labels of a Gmail STORE.
pub(crate) fn store_labels<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, StoreLabels<'a>> {
    if i.first() == Some(&b'(') {
        let (rest, list) = paren_list(cx, i, Sep::Space, 0)?;
        return Ok((rest, StoreLabels::List(list)));
    }
    let (rest, first) = gm_label(i)?;
    let (rest, more) = more_items(cx, rest)?;
    Ok((rest, StoreLabels::Bare { first, rest: more }))
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
impl_parse!(StoreAtt, store_att);
impl_parse!(StoreAttFlags, store_att_flags);
impl_parse!(StoreAttLabels, store_att_labels);
impl_parse!(StoreLabels, store_labels);
impl_parse!(StoreFlags, store_flags);
impl_parse!(StoreModifier, store_modifier);
impl_parse!(FetchModifier, fetch_modifier);
