//! Parsers of search results: `SEARCH` (RFC 3501 §9, RFC 9051 `obsolete-search-response`,
//! RFC 7162 §7 `search-sort-mod-seq`) and `ESEARCH` (RFC 4466 §2.6.2, RFC 4731 §3.1, RFC 9051
//! §9, with the return data of RFC 5267 §5 and RFC 9394 §4).

use alloc::borrow::Cow;
use core::num::NonZeroU32;

use super::list::{Sep, items, paren_list};
use super::primitive::{astring, number, nz_number, nz_number64};
use super::search_ext::partial_range;
use super::sequence::sequence_set;
use super::tagged_ext::{is_label_char_at, tagged_ext_label, tagged_ext_val};
use super::{Cx, PResult, byte, expected, impl_parse, keyword, sp};
use crate::types::esearch::{
    ContextUpdate, EsearchData, SearchData, SearchReturnData, SearchReturnExtension,
};
use crate::types::list::{List, ListItem, NonEmptyList};
use crate::types::sequence::Sequence;

/// `"SEARCH" *(SP nz-number) [SP "(" "MODSEQ" SP mod-sequence-value ")"]`, the SEARCH
/// response after `* ` (RFC 7162 sends the mod-sequence only after a number; it is read after
/// none too).
pub(crate) fn search_data<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, SearchData<'a>> {
    let (rest, ()) = keyword(i, "SEARCH")?;
    numbers_mod_seq(cx, rest)
}

/// `*(SP nz-number) [SP "(" "MODSEQ" SP mod-sequence-value ")"]`, what follows the keyword of
/// SEARCH and of SORT (RFC 5256 `sort-data`).
pub(crate) fn numbers_mod_seq<'a>(cx: &Cx, rest: &'a [u8]) -> PResult<'a, SearchData<'a>> {
    let (rest, numbers) = match rest.strip_prefix(b" ") {
        Some(after) if after.first().is_some_and(u8::is_ascii_digit) => {
            items::<NonZeroU32>(cx, after, Sep::Space, 1)?
        }
        _ => (rest, List::new()),
    };
    let (rest, mod_seq) = match rest.strip_prefix(b" (") {
        Some(after) => {
            let (r, ()) = keyword(after, "MODSEQ")?;
            let (r, ()) = sp(r)?;
            let (r, n) = nz_number64(r)?;
            let (r, ()) = byte(b')', "\")\"")(r)?;
            (r, Some(n))
        }
        None => (rest, None),
    };
    Ok((rest, SearchData { numbers, mod_seq }))
}

/// `search-return-data = "MIN" SP nz-number / "MAX" SP nz-number / "ALL" SP sequence-set /
/// "COUNT" SP number / search-ret-data-ext` (RFC 9051 §9), where `search-ret-data-ext =
/// search-modifier-name SP search-return-value`; `$` is not allowed in a result set. Also
/// `=/ "MODSEQ" SP mod-sequence-value` (RFC 4731 §3.2), `=/ ret-data-partial` (RFC 9394 §4)
/// and `=/ ret-data-addto / ret-data-removefrom` (RFC 5267 §5): a known name must have its
/// form.
pub(crate) fn search_return_data<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, SearchReturnData<'a>> {
    use SearchReturnData as D;
    let (rest, name) = tagged_ext_label(i)?;
    let (rest, ()) = sp(rest)?;
    let is = |word: &str| name.eq_ignore_ascii_case(word);
    if is("MIN") {
        return nz_number(rest).map(|(r, n)| (r, D::Min(n)));
    }
    if is("MAX") {
        return nz_number(rest).map(|(r, n)| (r, D::Max(n)));
    }
    if is("COUNT") {
        return number(rest).map(|(r, n)| (r, D::Count(n)));
    }
    if is("ALL") {
        return result_set(cx, rest).map(|(r, set)| (r, D::All(set)));
    }
    if is("MODSEQ") {
        return nz_number64(rest).map(|(r, n)| (r, D::ModSeq(n)));
    }
    if is("PARTIAL") {
        return ret_data_partial(cx, rest);
    }
    if is("ADDTO") {
        return paren_list(cx, rest, Sep::Space, 1)
            .map(|(r, l)| (r, D::AddTo(NonEmptyList::parsed(l))));
    }
    if is("REMOVEFROM") {
        return paren_list(cx, rest, Sep::Space, 1)
            .map(|(r, l)| (r, D::RemoveFrom(NonEmptyList::parsed(l))));
    }
    let (r, value) = tagged_ext_val(cx, rest)?;
    Ok((
        r,
        D::Extension(SearchReturnExtension(Cow::Borrowed(name)), value),
    ))
}

/// `sequence-set` without `$`: a set of results (`ALL`, `PARTIAL`, `ADDTO`, `REMOVEFROM`).
fn result_set<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, NonEmptyList<'a, Sequence>> {
    if i.first() == Some(&b'$') {
        return expected(i, "sequence-set without $");
    }
    let (r, set) = sequence_set(cx, i)?;
    match set.items() {
        Some(list) => Ok((r, NonEmptyList::parsed(list.clone()))),
        None => expected(i, "sequence-set without $"),
    }
}

/// `ret-data-partial = "PARTIAL" SP "(" partial-range SP partial-results ")"` with
/// `partial-results = sequence-set / "NIL"` (RFC 9394 §4), after `"PARTIAL" SP`.
fn ret_data_partial<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, SearchReturnData<'a>> {
    let (rest, ()) = byte(b'(', "\"(\"")(i)?;
    let (rest, range) = partial_range(rest)?;
    let (rest, ()) = sp(rest)?;
    let (rest, results) = match keyword(rest, "NIL") {
        Ok((r, ())) => (r, None),
        Err(_) => result_set(cx, rest).map(|(r, set)| (r, Some(set)))?,
    };
    let (rest, ()) = byte(b')', "\")\"")(rest)?;
    Ok((rest, SearchReturnData::Partial { range, results }))
}

/// `context-position SP sequence-set`, one pair of `ret-data-addto` or `ret-data-removefrom`
/// (RFC 5267 §5), with `context-position = number`.
fn context_update<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ContextUpdate<'a>> {
    let (rest, position) = number(i)?;
    let (rest, ()) = sp(rest)?;
    let (rest, set) = result_set(cx, rest)?;
    Ok((rest, ContextUpdate { position, set }))
}

impl<'a> ListItem<'a> for ContextUpdate<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        context_update(cx, i)
    }
}

/// `esearch-response = "ESEARCH" [search-correlator] [SP "UID"] *(SP search-return-data)`,
/// the ESEARCH response after `* `, with `search-correlator = SP "(" "TAG" SP tag-string ")"`.
pub(crate) fn esearch_response<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, EsearchData<'a>> {
    let (rest, ()) = keyword(i, "ESEARCH")?;
    let (rest, tag) = match rest.strip_prefix(b" (") {
        Some(after) => {
            let (r, ()) = keyword(after, "TAG")?;
            let (r, ()) = sp(r)?;
            let (r, tag) = astring(r)?;
            let (r, ()) = byte(b')', "\")\"")(r)?;
            (r, Some(tag))
        }
        None => (rest, None),
    };
    let (rest, uid) = match rest.strip_prefix(b" ") {
        Some(after) => match keyword(after, "UID") {
            Ok((r, ())) if !is_label_char_at(r) => (r, true),
            _ => (rest, false),
        },
        None => (rest, false),
    };
    let (rest, data) = match rest.strip_prefix(b" ") {
        Some(after) => items::<SearchReturnData<'_>>(cx, after, Sep::Space, 1)?,
        None => (rest, List::new()),
    };
    Ok((rest, EsearchData { tag, uid, data }))
}

impl<'a> ListItem<'a> for NonZeroU32 {
    fn parse_item(_: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        nz_number(i)
    }
}

impl<'a> ListItem<'a> for SearchReturnData<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        search_return_data(cx, i)
    }
}

fn cfg_return_extension<'a>(_: &Cx, i: &'a [u8]) -> PResult<'a, SearchReturnExtension<'a>> {
    let (rest, name) = tagged_ext_label(i)?;
    if crate::types::esearch::RETURN_NAMES
        .iter()
        .any(|k| k.eq_ignore_ascii_case(name))
    {
        return expected(i, "search-modifier-name");
    }
    Ok((rest, SearchReturnExtension(Cow::Borrowed(name))))
}

impl_parse!(SearchData, search_data);
impl_parse!(EsearchData, esearch_response);
impl_parse!(SearchReturnData, search_return_data);
impl_parse!(ContextUpdate, context_update);
impl_parse!(SearchReturnExtension, cfg_return_extension);
