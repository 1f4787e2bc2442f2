//! Parsers of the generic extension syntax (RFC 4466 §2, RFC 9051 §9 `tagged-ext-*`).
//!
//! Values are checked against the grammar and kept as the bytes they span. Each level of
//! parentheses goes one level deeper in the [`Cx`], so nesting is bounded.

use alloc::borrow::Cow;

use super::primitive::{ascii, astring, atom, number64, take_while};
use super::sequence::sequence_set;
use super::{Cx, PResult, byte, expected, impl_parse, run, sp};
use crate::config::ParseConfig;
use crate::error::{ValidationError, ValidationReason};
use crate::types::extension::{
    ExtParam, TaggedExt, TaggedExtLabel, TaggedExtVal, is_label_char, is_label_fchar,
};
use crate::types::list::ListItem;

/// `tagged-ext-label = tagged-label-fchar *tagged-label-char`
pub(crate) fn tagged_ext_label(i: &[u8]) -> PResult<'_, TaggedExtLabel<'_>> {
    match i.first() {
        Some(&b) if is_label_fchar(b) => {
            let (rest, label) = take_while(i, is_label_char);
            Ok((rest, TaggedExtLabel(Cow::Borrowed(ascii(label)))))
        }
        _ => expected(i, "tagged-ext-label"),
    }
}

/// `tagged-ext-simple = sequence-set / number / number64`
///
/// A sequence set is tried first; a number that is not one (`0`, or above 2^32-1) is read as
/// a `number64`, unless a `:` or `,` follows it (then the set's error stands).
fn tagged_ext_simple<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ()> {
    match sequence_set(cx, i) {
        Ok((rest, _)) => Ok((rest, ())),
        Err(nom::Err::Error(e)) => match number64(i) {
            Ok((rest, _)) if !matches!(rest.first(), Some(b':' | b',')) => Ok((rest, ())),
            _ => Err(nom::Err::Error(e)),
        },
        Err(other) => Err(other),
    }
}

/// One item of a `tagged-ext-comp`: `astring / "(" tagged-ext-comp ")"`, and `"\" atom`,
/// the `use-attr` of CREATE's `USE` parameter (RFC 6154 §6: `create-param =/ "USE" SP "("
/// [use-attr *(SP use-attr)] ")"`), which RFC 4466's generic grammar does not cover.
fn tagged_ext_comp_item<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ()> {
    match i.first() {
        Some(b'(') => {
            let inner = cx.descend(i)?;
            let (rest, ()) = tagged_ext_comp(&inner, &i[1..])?;
            let (rest, ()) = byte(b')', "\")\"")(rest)?;
            Ok((rest, ()))
        }
        Some(b'\\') => atom(&i[1..]).map(|(rest, _)| (rest, ())),
        _ => astring(i).map(|(rest, _)| (rest, ())),
    }
}

/// `tagged-ext-comp = astring / tagged-ext-comp *(SP tagged-ext-comp) / "(" tagged-ext-comp
/// ")"`, read as `item *(SP item)` with `item = astring / "(" tagged-ext-comp ")"`.
fn tagged_ext_comp<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ()> {
    let (mut rest, ()) = tagged_ext_comp_item(cx, i)?;
    while let Some(after) = rest.strip_prefix(b" ") {
        (rest, ()) = tagged_ext_comp_item(cx, after)?;
    }
    Ok((rest, ()))
}

/// `tagged-ext-val = tagged-ext-simple / "(" [tagged-ext-comp] ")"`
pub(crate) fn tagged_ext_val<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, TaggedExtVal<'a>> {
    let rest = match i.first() {
        Some(b'(') => {
            let inner = cx.descend(i)?;
            let after = &i[1..];
            let rest = if after.first() == Some(&b')') {
                after
            } else {
                tagged_ext_comp(&inner, after)?.0
            };
            byte(b')', "\")\"")(rest)?.0
        }
        Some(b'0'..=b'9' | b'*' | b'$') => tagged_ext_simple(cx, i)?.0,
        // `tagged-ext-simple =/ partial-range-last` (RFC 9394 §4).
        Some(b'-') => super::search_ext::partial_range(i)?.0,
        _ => return expected(i, "tagged-ext-val"),
    };
    let used = i.len() - rest.len();
    Ok((rest, TaggedExtVal(Cow::Borrowed(&i[..used]))))
}

/// Whether `i` starts with what can only be a `tagged-ext-val` (not a label).
#[inline]
pub(crate) fn starts_value(i: &[u8]) -> bool {
    matches!(i.first(), Some(b'0'..=b'9' | b'*' | b'$' | b'('))
}

/// `tagged-ext-label [SP tagged-ext-val]`: `select-param`, `create-param`, `store-modifier`
/// (RFC 4466 §2.1, §2.2, §2.5).
///
/// The value is read when a space and a value follow the label; a space followed by anything
/// else is left to the caller (the next parameter, or an error there).
pub(crate) fn ext_param<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ExtParam<'a>> {
    let (rest, name) = tagged_ext_label(i)?;
    // `-1:-5` is a label as well as RFC 9394's `partial-range-last`; it is a value only after
    // `PARTIAL`, the one parameter that takes it.
    let partial = |after: &[u8]| name.is("PARTIAL") && matches!(after, [b'-', b'1'..=b'9', ..]);
    match rest.strip_prefix(b" ") {
        Some(after) if starts_value(after) || partial(after) => {
            let (rest, value) = tagged_ext_val(cx, after)?;
            Ok((
                rest,
                ExtParam {
                    name,
                    value: Some(value),
                },
            ))
        }
        _ => Ok((rest, ExtParam { name, value: None })),
    }
}

/// `tagged-ext = tagged-ext-label SP tagged-ext-val` (RFC 4466 §2.1)
pub(crate) fn tagged_ext<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, TaggedExt<'a>> {
    let (rest, label) = tagged_ext_label(i)?;
    let (rest, ()) = sp(rest)?;
    let (rest, value) = tagged_ext_val(cx, rest)?;
    Ok((rest, TaggedExt { label, value }))
}

/// Checks that `v` is exactly one `tagged-ext-val` under the strict grammar.
pub(crate) fn check_tagged_ext_val(v: &[u8]) -> Result<(), ValidationError> {
    let cx = Cx::new(&ParseConfig::strict());
    match run(v, tagged_ext_val(&cx, v)) {
        Ok((_, [])) => Ok(()),
        _ => Err(ValidationError::new(
            "tagged-ext-val",
            ValidationReason::Invalid,
        )),
    }
}

impl<'a> ListItem<'a> for ExtParam<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        ext_param(cx, i)
    }
}

impl_parse!(TaggedExtLabel, plain tagged_ext_label);
impl_parse!(TaggedExtVal, tagged_ext_val);
impl_parse!(ExtParam, ext_param);
impl_parse!(TaggedExt, tagged_ext);
