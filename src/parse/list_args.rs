//! Parsers of the LIST and LSUB command arguments (RFC 9051 §9, RFC 3501 §9, RFC 5258 §6,
//! RFC 5819 §4, RFC 6154 §6).
//!
//! Option names match in any case. A known option name must have the known option's syntax:
//! `SUBSCRIBED (x)` is refused rather than read as an unknown option with a value, and
//! `STATUS` among return options must carry its attribute list.

use super::list::Sep;
use super::mailbox::{list_mailbox, mailbox};
use super::primitive::atom;
use super::tagged_ext::{option_value, paren_list_deep};
use super::{Cx, PResult, impl_parse, keyword, sp};
use crate::types::list::{List, ListItem, NonEmptyList};
use crate::types::list_args::{
    ListArguments, ListPatterns, ListReturnOption, ListSelectOption, LsubArguments, OPTION_NAMES,
    OptionName,
};
use crate::types::mailbox::ListMailbox;
use crate::types::tagged_ext::OptionValue;

/// `[SP option-value]` after an option name.
fn opt_option_value<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Option<OptionValue<'a>>> {
    match i.strip_prefix(b" ") {
        Some(after) if after.first() == Some(&b'(') => {
            option_value(cx, after).map(|(rest, v)| (rest, Some(v)))
        }
        _ => Ok((i, None)),
    }
}

/// `list-select-opt = list-select-base-opt / list-select-independent-opt /
/// list-select-mod-opt`: `"SUBSCRIBED"`, `"REMOTE"`, `"RECURSIVEMATCH"`, `"SPECIAL-USE"`
/// (RFC 6154) or `option-extension = (option-standard-tag / option-vendor-tag) [SP
/// option-value]`.
pub(crate) fn list_select_opt<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ListSelectOption<'a>> {
    let (rest, name) = atom(i)?;
    let is = |word: &str| name.as_str().eq_ignore_ascii_case(word);
    let known = if is("SUBSCRIBED") {
        Some(ListSelectOption::Subscribed)
    } else if is("REMOTE") {
        Some(ListSelectOption::Remote)
    } else if is("RECURSIVEMATCH") {
        Some(ListSelectOption::RecursiveMatch)
    } else if is("SPECIAL-USE") {
        Some(ListSelectOption::SpecialUse)
    } else {
        None
    };
    if let Some(known) = known {
        return Ok((rest, known));
    }
    let (rest, value) = opt_option_value(cx, rest)?;
    Ok((rest, ListSelectOption::Extension(OptionName(name.0), value)))
}

/// `return-option = "SUBSCRIBED" / "CHILDREN" / status-option / option-extension`, with
/// RFC 6154's `"SPECIAL-USE"` and RFC 5819's `status-option = "STATUS" SP "(" status-att
/// *(SP status-att) ")"`.
pub(crate) fn return_option<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ListReturnOption<'a>> {
    let (rest, name) = atom(i)?;
    let is = |word: &str| name.as_str().eq_ignore_ascii_case(word);
    if is("STATUS") {
        let (rest, ()) = sp(rest)?;
        let (rest, list) = paren_list_deep(cx, rest, Sep::Space, 1)?;
        return Ok((rest, ListReturnOption::Status(NonEmptyList::parsed(list))));
    }
    let known = if is("SUBSCRIBED") {
        Some(ListReturnOption::Subscribed)
    } else if is("CHILDREN") {
        Some(ListReturnOption::Children)
    } else if is("SPECIAL-USE") {
        Some(ListReturnOption::SpecialUse)
    } else {
        None
    };
    if let Some(known) = known {
        return Ok((rest, known));
    }
    let (rest, value) = opt_option_value(cx, rest)?;
    Ok((rest, ListReturnOption::Extension(OptionName(name.0), value)))
}

/// `list-select-opts = "(" [list-select-opt *(SP list-select-opt)] ")"` (the grammar's
/// ordering rules are about meaning; see the type docs).
pub(crate) fn list_select_opts<'a>(
    cx: &Cx,
    i: &'a [u8],
) -> PResult<'a, List<'a, ListSelectOption<'a>>> {
    paren_list_deep(cx, i, Sep::Space, 0)
}

/// `list-return-opts = "RETURN" SP "(" [return-option *(SP return-option)] ")"`
pub(crate) fn list_return_opts<'a>(
    cx: &Cx,
    i: &'a [u8],
) -> PResult<'a, List<'a, ListReturnOption<'a>>> {
    let (rest, ()) = keyword(i, "RETURN")?;
    let (rest, ()) = sp(rest)?;
    paren_list_deep(cx, rest, Sep::Space, 0)
}

/// `mbox-or-pat = list-mailbox / patterns`, `patterns = "(" list-mailbox *(SP list-mailbox)
/// ")"`
pub(crate) fn mbox_or_pat<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ListPatterns<'a>> {
    if i.first() == Some(&b'(') {
        let (rest, list) = paren_list_deep(cx, i, Sep::Space, 1)?;
        return Ok((rest, ListPatterns::Multiple(NonEmptyList::parsed(list))));
    }
    list_mailbox(cx, i).map(|(rest, p)| (rest, ListPatterns::Single(p)))
}

/// The arguments of `list = "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat
/// [SP list-return-opts]`, after `"LIST" SP`.
pub(crate) fn list_arguments<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ListArguments<'a>> {
    let (rest, selection) = if i.first() == Some(&b'(') {
        let (rest, opts) = list_select_opts(cx, i)?;
        let (rest, ()) = sp(rest)?;
        (rest, Some(opts))
    } else {
        (i, None)
    };
    let (rest, reference) = mailbox(cx, rest)?;
    let (rest, ()) = sp(rest)?;
    let (rest, patterns) = mbox_or_pat(cx, rest)?;
    let (rest, return_options) = match rest.strip_prefix(b" ") {
        Some(after) if keyword(after, "RETURN").is_ok() => {
            let (rest, opts) = list_return_opts(cx, after)?;
            (rest, Some(opts))
        }
        _ => (rest, None),
    };
    Ok((
        rest,
        ListArguments {
            selection,
            reference,
            patterns,
            return_options,
        },
    ))
}

/// The arguments of `lsub = "LSUB" SP mailbox SP list-mailbox` (RFC 3501), after
/// `"LSUB" SP`.
pub(crate) fn lsub_arguments<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, LsubArguments<'a>> {
    let (rest, reference) = mailbox(cx, i)?;
    let (rest, ()) = sp(rest)?;
    let (rest, pattern) = list_mailbox(cx, rest)?;
    Ok((rest, LsubArguments { reference, pattern }))
}

impl<'a> ListItem<'a> for ListSelectOption<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        list_select_opt(cx, i)
    }
}

impl<'a> ListItem<'a> for ListReturnOption<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        return_option(cx, i)
    }
}

impl<'a> ListItem<'a> for ListMailbox<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        list_mailbox(cx, i)
    }
}

fn cfg_option_name<'a>(_: &Cx, i: &'a [u8]) -> PResult<'a, OptionName<'a>> {
    let (rest, name) = atom(i)?;
    if OPTION_NAMES
        .iter()
        .any(|k| k.eq_ignore_ascii_case(name.as_str()))
    {
        return super::expected(i, "option-extension");
    }
    Ok((rest, OptionName(name.0)))
}

impl_parse!(ListSelectOption, list_select_opt);
impl_parse!(ListReturnOption, return_option);
impl_parse!(OptionName, cfg_option_name);
impl_parse!(ListPatterns, mbox_or_pat);
impl_parse!(ListArguments, list_arguments);
impl_parse!(LsubArguments, lsub_arguments);
