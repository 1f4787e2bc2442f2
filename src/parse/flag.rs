//! Parsers of flags and flag lists (RFC 9051 §9, RFC 3501 §9).
//!
//! A flag starts with `\` (a system flag or a flag extension) or is an atom (a keyword), so one
//! look at the first byte picks the branch. System flag names match in any case.

use alloc::borrow::Cow;

use super::list::{Sep, paren_list};
use super::primitive::{ascii, atom, take_while1};
use super::{Cx, PResult, expected, impl_parse};
use crate::chars::is_atom_char;
use crate::config::Leniency;
use crate::types::flag::{Flag, FlagExtension, FlagList, FlagPerm, FlagPermList};
use crate::types::list::ListItem;
use crate::types::primitive::Atom;

/// The flag written `\` + `name`: a system flag in any case, else a flag extension.
fn backslash_flag(name: Cow<'_, str>) -> Flag<'_> {
    match Flag::system(&name) {
        Some(f) => f,
        None => Flag::Extension(FlagExtension(name)),
    }
}

/// `flag = "\Answered" / "\Flagged" / "\Deleted" / "\Seen" / "\Draft" / flag-keyword /
/// flag-extension` (RFC 9051 §9), with `flag-fetch`'s `"\Recent"` (RFC 3501 §9), which a
/// rev2 grammar reads as a `flag-extension` anyway.
///
/// `flag-keyword = atom`, `flag-extension = "\" atom`.
pub(crate) fn flag(i: &[u8]) -> PResult<'_, Flag<'_>> {
    match i.first() {
        Some(b'\\') => {
            let (rest, name) = atom(&i[1..])?;
            Ok((rest, backslash_flag(name.0)))
        }
        Some(_) => match atom(i) {
            Ok((rest, name)) => Ok((rest, Flag::Keyword(name))),
            Err(_) => expected(i, "flag"),
        },
        None => expected(i, "flag"),
    }
}

/// `flag-perm = flag / "\*"`
pub(crate) fn flag_perm(i: &[u8]) -> PResult<'_, FlagPerm<'_>> {
    match i {
        [b'\\', b'*', rest @ ..] => Ok((rest, FlagPerm::Any)),
        _ => flag(i).map(|(rest, f)| (rest, FlagPerm::Flag(f))),
    }
}

/// `flag-list = "(" [flag *(SP flag)] ")"`
pub(crate) fn flag_list<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, FlagList<'a>> {
    paren_list(cx, i, Sep::Space, 0).map(|(rest, l)| (rest, FlagList(l)))
}

/// `"(" [flag-perm *(SP flag-perm)] ")"`, the list of `resp-text-code`'s `"PERMANENTFLAGS"`.
pub(crate) fn flag_perm_list<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, FlagPermList<'a>> {
    paren_list(cx, i, Sep::Space, 0).map(|(rest, l)| (rest, FlagPermList(l)))
}

/// A flag of a `flag-list`, with the deviations real servers send in one:
/// [`Leniency::FLAGS_WILDCARD`] (`\*`, read as the extension flag named `*`) and
/// [`Leniency::KEYWORD_BRACKET`] (`]` inside a keyword).
fn flag_in_list<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Flag<'a>> {
    match i {
        [b'\\', b'*', rest @ ..] if cx.allows(Leniency::FLAGS_WILDCARD) => {
            Ok((rest, Flag::Extension(FlagExtension(Cow::Borrowed("*")))))
        }
        [c, ..] if *c != b'\\' && cx.allows(Leniency::KEYWORD_BRACKET) => {
            let (rest, k) = take_while1(i, |b| is_atom_char(b) || b == b']', "flag")?;
            Ok((rest, Flag::Keyword(Atom(Cow::Borrowed(ascii(k))))))
        }
        _ => flag(i),
    }
}

impl<'a> ListItem<'a> for Flag<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        flag_in_list(cx, i)
    }
}

impl<'a> ListItem<'a> for FlagPerm<'a> {
    fn parse_item(_: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        flag_perm(i)
    }
}

fn cfg_flag_extension<'a>(_: &Cx, i: &'a [u8]) -> PResult<'a, FlagExtension<'a>> {
    match flag(i)? {
        (rest, Flag::Extension(e)) => Ok((rest, e)),
        _ => expected(i, "flag-extension"),
    }
}

impl_parse!(Flag, plain flag);
impl_parse!(FlagPerm, plain flag_perm);
impl_parse!(FlagExtension, cfg_flag_extension);
impl_parse!(FlagList, flag_list);
impl_parse!(FlagPermList, flag_perm_list);
