//! Parsers of generic extension data: `tagged-ext-label`, `tagged-ext-val` (RFC 4466 §2.1,
//! RFC 9051 §9) and `option-value` (RFC 5258 §6).
//!
//! The value parsers only validate and return the span they matched; the types keep that span
//! and read their tokens from it again when asked. Every parenthesis goes one level deeper
//! through [`Cx::descend`], so nesting is bounded by the configuration.

use alloc::borrow::Cow;

use super::list::{Sep, paren_list};
use super::primitive::{ascii, astring, number64, string, take_while1};
use super::sequence::sequence_set;
use super::{Cx, PResult, byte, expected, impl_parse};
use crate::error::ErrorKind;
use crate::types::list::{List, ListItem};
use crate::types::tagged_ext::{
    OptionValue, TaggedExtLabel, TaggedExtValue, is_label_char, is_label_fchar,
};

/// `tagged-ext-label = tagged-label-fchar *tagged-label-char` (RFC 4466 §2.1)
pub(crate) fn tagged_ext_label(i: &[u8]) -> PResult<'_, &str> {
    match i.first() {
        Some(&b) if is_label_fchar(b) => {
            let (rest, v) = take_while1(i, is_label_char, "tagged-ext-label")?;
            Ok((rest, ascii(v)))
        }
        _ => expected(i, "tagged-ext-label"),
    }
}

/// [`paren_list`], but when the list stops at an item that does not parse, the item's own
/// error is reported if it got further than the missing `")"` (it says what was wrong there).
pub(crate) fn paren_list_deep<'a, T: ListItem<'a>>(
    cx: &Cx,
    i: &'a [u8],
    sep: Sep,
    min: usize,
) -> PResult<'a, List<'a, T>> {
    let stop = match paren_list(cx, i, sep, min) {
        Err(nom::Err::Error(e))
            if e.kind == ErrorKind::Expected("\")\"")
                && i.first() == Some(&b'(')
                && e.rest < i.len() =>
        {
            e
        }
        other => return other,
    };
    let at = &i[i.len() - stop.rest..];
    let at = match (sep, at.first()) {
        (Sep::Space, Some(b' ')) => &at[1..],
        _ => at,
    };
    let inner = cx.descend(i)?;
    match T::parse_item(&inner, at) {
        Err(nom::Err::Error(e)) if e.rest < stop.rest => Err(nom::Err::Error(e)),
        Err(nom::Err::Failure(e)) => Err(nom::Err::Failure(e)),
        _ => Err(nom::Err::Error(stop)),
    }
}

/// Whether `i` starts with a `tagged-label-char` (so a keyword before it is not a word of its
/// own).
pub(crate) fn is_label_char_at(i: &[u8]) -> bool {
    i.first().is_some_and(|&b| is_label_char(b))
}

/// `tagged-ext-comp = astring / tagged-ext-comp *(SP tagged-ext-comp) / "(" tagged-ext-comp
/// ")"`, which is one or more space-separated elements, each an astring or a parenthesised
/// `tagged-ext-comp`. The same shape is RFC 5258's `option-val-comp`.
fn tagged_ext_comp<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ()> {
    let (mut rest, ()) = comp_elem(cx, i)?;
    while let Some(after) = rest.strip_prefix(b" ") {
        (rest, ()) = comp_elem(cx, after)?;
    }
    Ok((rest, ()))
}

/// One element of a `tagged-ext-comp`: an astring, or `"(" tagged-ext-comp ")"`.
fn comp_elem<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ()> {
    if i.first() != Some(&b'(') {
        return astring(i).map(|(rest, _)| (rest, ()));
    }
    let inner = cx.descend(i)?;
    let (rest, ()) = tagged_ext_comp(&inner, &i[1..])?;
    byte(b')', "\")\"")(rest)
}

/// `tagged-ext-simple = sequence-set / number / number64`
///
/// A number that is no `nz-number` (0, or above 2^32-1) is read as `number64`; a set that
/// fails past its first byte is reported where it fails.
fn tagged_ext_simple<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ()> {
    match sequence_set(cx, i) {
        Ok((rest, _)) => Ok((rest, ())),
        Err(nom::Err::Error(e)) if e.rest == i.len() => number64(i).map(|(rest, _)| (rest, ())),
        Err(other) => Err(other),
    }
}

/// `tagged-ext-val = tagged-ext-simple / "(" [tagged-ext-comp] ")"`, and a `string` as the
/// whole value (RFC 9051 §7.3.1's example `Sample "text"`).
pub(crate) fn tagged_ext_val_unit<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ()> {
    match i.first() {
        Some(b'(') => {
            let inner = cx.descend(i)?;
            let rest = &i[1..];
            let rest = match rest.first() {
                Some(b')') => rest,
                _ => tagged_ext_comp(&inner, rest)?.0,
            };
            byte(b')', "\")\"")(rest)
        }
        Some(b'"' | b'{') => string(i).map(|(rest, _)| (rest, ())),
        Some(b'0'..=b'9' | b'*' | b'$') => tagged_ext_simple(cx, i),
        _ => expected(i, "tagged-ext-val"),
    }
}

/// `tagged-ext-val`, keeping the span it matched.
pub(crate) fn tagged_ext_val<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, TaggedExtValue<'a>> {
    let (rest, ()) = tagged_ext_val_unit(cx, i)?;
    let used = i.len() - rest.len();
    Ok((rest, TaggedExtValue(Cow::Borrowed(&i[..used]))))
}

/// `option-value = "(" option-val-comp ")"` (RFC 5258 §6)
pub(crate) fn option_value_unit<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ()> {
    let (rest, ()) = byte(b'(', "option-value")(i)?;
    let inner = cx.descend(i)?;
    let (rest, ()) = tagged_ext_comp(&inner, rest)?;
    byte(b')', "\")\"")(rest)
}

/// `option-value`, keeping the span it matched.
pub(crate) fn option_value<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, OptionValue<'a>> {
    let (rest, ()) = option_value_unit(cx, i)?;
    let used = i.len() - rest.len();
    Ok((rest, OptionValue(Cow::Borrowed(&i[..used]))))
}

fn cfg_tagged_ext_label<'a>(_: &Cx, i: &'a [u8]) -> PResult<'a, TaggedExtLabel<'a>> {
    tagged_ext_label(i).map(|(rest, v)| (rest, TaggedExtLabel(Cow::Borrowed(v))))
}

impl_parse!(TaggedExtLabel, cfg_tagged_ext_label);
impl_parse!(TaggedExtValue, tagged_ext_val);
impl_parse!(OptionValue, option_value);
