//! Parsers of the internationalization extensions (RFC 5255 §3.5 and §4.10).

use super::command::more_items;
use super::list::{Sep, paren_list};
use super::primitive::astring;
use super::{Cx, PResult, impl_parse, keyword, sp};
use crate::types::command::CommandBody;
use crate::types::i18n::{ComparatorData, LanguageData};
use crate::types::list::NonEmptyList;

/// `language-cmd = "LANGUAGE" *(SP lang-range-quoted)`, after the name.
pub(crate) fn language_cmd<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, CommandBody<'a>> {
    let (rest, ranges) = more_items(cx, i)?;
    Ok((rest, CommandBody::Language { ranges }))
}

/// `comparator-cmd = "COMPARATOR" *(SP comp-order-quoted)`, after the name.
pub(crate) fn comparator_cmd<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, CommandBody<'a>> {
    let (rest, order) = more_items(cx, i)?;
    Ok((rest, CommandBody::Comparator { order }))
}

/// `language-data = "LANGUAGE" SP "(" lang-tag-quoted *(SP lang-tag-quoted) ")"`, after
/// `* `.
pub(crate) fn language_data<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, LanguageData<'a>> {
    let (rest, ()) = keyword(i, "LANGUAGE")?;
    let (rest, ()) = sp(rest)?;
    let (rest, tags) = paren_list(cx, rest, Sep::Space, 1)?;
    let tags = NonEmptyList::parsed(tags);
    Ok((rest, LanguageData { tags }))
}

/// `comparator-data = "COMPARATOR" SP comp-sel-quoted [SP "(" comp-id-quoted *(SP
/// comp-id-quoted) ")"]`, after `* `.
pub(crate) fn comparator_data<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ComparatorData<'a>> {
    let (rest, ()) = keyword(i, "COMPARATOR")?;
    let (rest, ()) = sp(rest)?;
    let (rest, active) = astring(rest)?;
    let (rest, matching) = match rest {
        [b' ', b'(', ..] => {
            let (rest, list) = paren_list(cx, &rest[1..], Sep::Space, 1)?;
            (rest, Some(NonEmptyList::parsed(list)))
        }
        _ => (rest, None),
    };
    Ok((rest, ComparatorData { active, matching }))
}

impl_parse!(LanguageData, language_data);
impl_parse!(ComparatorData, comparator_data);
