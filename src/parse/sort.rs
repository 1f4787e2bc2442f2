//! Parsers of SORT and THREAD (RFC 5256 §5), SORT=DISPLAY (RFC 5957 §4) and ESORT / CONTEXT
//! (RFC 5267 §5).

use core::num::NonZeroU32;

use super::esearch::numbers_mod_seq;
use super::list::{Sep, items, paren_list};
use super::primitive::{atom, charset, quoted};
use super::search::upper;
use super::{Cx, PResult, byte, expected, fail, impl_parse, keyword, sp};
use crate::error::ErrorKind;
use crate::types::command::CommandBody;
use crate::types::esearch::SearchData;
use crate::types::list::{List, ListItem, NonEmptyList};
use crate::types::primitive::{Charset, Tag};
use crate::types::search::SearchKey;
use crate::types::sort::{
    SortArgs, SortCriterion, SortKey, Thread, ThreadAlgorithm, ThreadArgs, ThreadData,
};

/// `sort-key = "ARRIVAL" / "CC" / "DATE" / "FROM" / "SIZE" / "SUBJECT" / "TO"` and RFC 5957's
/// `"DISPLAYFROM" / "DISPLAYTO"`.
fn sort_key(i: &[u8]) -> PResult<'_, SortKey> {
    let Ok((rest, word)) = atom(i) else {
        return expected(i, "sort-key");
    };
    let mut buf = [0u8; 20];
    let word = upper(word.as_bytes(), &mut buf);
    match SortKey::ALL.iter().find(|(n, _)| n.as_bytes() == word) {
        Some(&(_, key)) => Ok((rest, key)),
        None => expected(i, "sort-key"),
    }
}

/// `sort-criterion = ["REVERSE" SP] sort-key`
fn sort_criterion(i: &[u8]) -> PResult<'_, SortCriterion> {
    let (rest, reverse) = match keyword(i, "REVERSE ") {
        Ok((rest, ())) => (rest, true),
        Err(_) => (i, false),
    };
    let (rest, key) = sort_key(rest)?;
    Ok((rest, SortCriterion { reverse, key }))
}

impl<'a> ListItem<'a> for SortCriterion {
    fn parse_item(_: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        sort_criterion(i)
    }
}

/// `search-criteria = charset 1*(SP search-key)`
fn search_criteria<'a>(
    cx: &Cx,
    i: &'a [u8],
) -> PResult<'a, (Charset<'a>, NonEmptyList<'a, SearchKey<'a>>)> {
    let (rest, cs) = charset(i)?;
    let (rest, ()) = sp(rest)?;
    let (rest, keys) = items(cx, rest, Sep::Space, 1)?;
    Ok((rest, (cs, NonEmptyList::parsed(keys))))
}

/// `sort = ["UID" SP] "SORT" SP sort-criteria SP search-criteria` (RFC 5256), and
/// `extended-sort = ["UID" SP] "SORT" search-return-opts SP sort-criteria SP search-criteria`
/// (RFC 5267), after `"SORT" SP`.
pub(crate) fn sort<'a>(cx: &Cx, i: &'a [u8], uid: bool) -> PResult<'a, CommandBody<'a>> {
    let (rest, return_options) = match keyword(i, "RETURN ") {
        Ok((rest, ())) => {
            let (rest, opts) = paren_list(cx, rest, Sep::Space, 0)?;
            (sp(rest)?.0, Some(opts))
        }
        Err(_) => (i, None),
    };
    let (rest, criteria) = paren_list(cx, rest, Sep::Space, 1)?;
    let (rest, ()) = sp(rest)?;
    let (rest, (charset, keys)) = search_criteria(cx, rest)?;
    let args = SortArgs {
        return_options,
        criteria: NonEmptyList::parsed(criteria),
        charset,
        keys,
    };
    Ok((rest, CommandBody::Sort { uid, args }))
}

/// `thread = ["UID" SP] "THREAD" SP thread-alg SP search-criteria`, after `"THREAD" SP`.
pub(crate) fn thread<'a>(cx: &Cx, i: &'a [u8], uid: bool) -> PResult<'a, CommandBody<'a>> {
    let Ok((rest, alg)) = atom(i) else {
        return expected(i, "thread-alg");
    };
    let (rest, ()) = sp(rest)?;
    let (rest, (charset, keys)) = search_criteria(cx, rest)?;
    let args = ThreadArgs {
        algorithm: ThreadAlgorithm(alg),
        charset,
        keys,
    };
    Ok((rest, CommandBody::Thread { uid, args }))
}

/// `"CANCELUPDATE" 1*(SP quoted)` (RFC 5267), after `"CANCELUPDATE" SP`: each string is the
/// tag of an earlier command.
pub(crate) fn cancelupdate<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, CommandBody<'a>> {
    let (rest, tags) = items(cx, i, Sep::Space, 1)?;
    Ok((
        rest,
        CommandBody::CancelUpdate {
            tags: NonEmptyList::parsed(tags),
        },
    ))
}

/// A quoted string that holds a tag (CANCELUPDATE, `NOUPDATE`).
pub(crate) fn quoted_tag(i: &[u8]) -> PResult<'_, Tag<'_>> {
    let (rest, q) = quoted(i)?;
    if q.is_empty() || !q.iter().all(|&b| crate::chars::is_tag_char(b)) {
        return fail(i, ErrorKind::Expected("quoted tag"));
    }
    let tag = match q {
        alloc::borrow::Cow::Borrowed(b) => {
            Tag(alloc::borrow::Cow::Borrowed(super::primitive::ascii(b)))
        }
        alloc::borrow::Cow::Owned(o) => Tag(alloc::borrow::Cow::Owned(
            alloc::string::String::from(super::primitive::ascii(&o)),
        )),
    };
    Ok((rest, tag))
}

impl<'a> ListItem<'a> for Tag<'a> {
    fn parse_item(_: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        quoted_tag(i)
    }
}

/// `sort-data = "SORT" *(SP nz-number)`, with RFC 7162's `[SP "(" "MODSEQ" SP
/// mod-sequence-value ")"]`, after `* `.
pub(crate) fn sort_data<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, SearchData<'a>> {
    let (rest, ()) = keyword(i, "SORT")?;
    numbers_mod_seq(cx, rest)
}

/// `thread-list = "(" (thread-members / thread-nested) ")"`, one nesting level deeper.
pub(crate) fn thread_list<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Thread<'a>> {
    let (rest, ()) = byte(b'(', "\"(\"")(i)?;
    let inner = cx.descend(i)?;
    let (rest, ids) = if rest.first().is_some_and(u8::is_ascii_digit) {
        items::<NonZeroU32>(&inner, rest, Sep::Space, 1)?
    } else {
        (rest, List::new())
    };
    let rest = match rest.strip_prefix(b" ") {
        Some(after) if !ids.is_empty() && after.first() == Some(&b'(') => after,
        _ => rest,
    };
    let (rest, children) = if rest.first() == Some(&b'(') {
        items::<Thread<'a>>(&inner, rest, Sep::Nothing, 1)?
    } else {
        (rest, List::new())
    };
    if ids.is_empty() && children.is_empty() {
        return expected(rest, "nz-number or thread-list");
    }
    let (rest, ()) = byte(b')', "\")\"")(rest)?;
    Ok((rest, Thread::parsed(ids, children)))
}

impl<'a> ListItem<'a> for Thread<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        thread_list(cx, i)
    }
}

/// `thread-data = "THREAD" [SP 1*thread-list]`, after `* `.
pub(crate) fn thread_data<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ThreadData<'a>> {
    let (rest, ()) = keyword(i, "THREAD")?;
    let (rest, threads) = match rest.strip_prefix(b" ") {
        Some(after) => items(cx, after, Sep::Nothing, 1)?,
        None => (rest, List::new()),
    };
    Ok((rest, ThreadData { threads }))
}

fn cfg_sort_args<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, SortArgs<'a>> {
    match sort(cx, i, false)? {
        (rest, CommandBody::Sort { args, .. }) => Ok((rest, args)),
        _ => expected(i, "sort arguments"),
    }
}

fn cfg_thread_args<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ThreadArgs<'a>> {
    match thread(cx, i, false)? {
        (rest, CommandBody::Thread { args, .. }) => Ok((rest, args)),
        _ => expected(i, "thread arguments"),
    }
}

impl_parse!(SortKey => plain sort_key);
impl_parse!(SortCriterion => plain sort_criterion);
impl_parse!(SortArgs, cfg_sort_args);
impl_parse!(ThreadArgs, cfg_thread_args);
impl_parse!(Thread, thread_list);
impl_parse!(ThreadData, thread_data);
