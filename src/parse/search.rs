//! Parsers of search criteria: `search-key`, `search-program` and the SEARCH arguments with
//! `search-return-opts` (RFC 9051 §6.4.4, §9; RFC 3501 §6.4.4, §9; RFC 4731 §3).
//!
//! A key is chosen by its first byte: `(` starts a group, a digit, `*` or `$` a sequence set,
//! and a letter a keyword, which is read whole (letters only), uppercased into a small buffer
//! and matched exactly, so `UID` never matches the start of `UNDRAFT`. `NOT`, `OR` and groups
//! each go one level deeper through [`Cx::descend`].
//!
//! This module also holds two helpers shared with the other list-heavy areas: [`upper`] and
//! [`spaced_list`].

use alloc::borrow::Cow;
use alloc::boxed::Box;

use super::datetime::date;
use super::list::{Sep, items};
use super::primitive::{ascii, astring, atom, charset, number64, take_while};
use super::search_ext::search_key_ext;
use super::sequence::sequence_set;
use super::{Cx, PResult, byte, expected, fail, impl_parse, sp};
use crate::chars::is_text_char;
use crate::error::ErrorKind;
use crate::types::list::{List, ListItem, NonEmptyList};
use crate::types::primitive::Charset;
use crate::types::search::{
    SearchCommandArgs, SearchKey, SearchProgram, SearchReturnExtension, SearchReturnOption,
    is_label_char, is_label_fchar,
};

/// `word` in upper case in `buf`, or an empty slice when it does not fit (no keyword is that
/// long, and an empty slice matches none).
#[inline]
pub(crate) fn upper<'b>(word: &[u8], buf: &'b mut [u8; 20]) -> &'b [u8] {
    let Some(out) = buf.get_mut(..word.len()) else {
        return &[];
    };
    for (o, &b) in out.iter_mut().zip(word) {
        *o = b.to_ascii_uppercase();
    }
    out
}

/// `"(" [item *(SP item)] ")"` with at least `min` items, one level deeper than `cx`.
///
/// Unlike [`paren_list`](super::list::paren_list), a space that does not lead to another item
/// is reported where that item fails, which names what was wrong.
pub(crate) fn spaced_list<'a, T: ListItem<'a>>(
    cx: &Cx,
    i: &'a [u8],
    min: usize,
) -> PResult<'a, List<'a, T>> {
    let (rest, ()) = byte(b'(', "\"(\"")(i)?;
    let inner = cx.descend(i)?;
    let (rest, list) = items::<T>(&inner, rest, Sep::Space, min)?;
    let (rest, ()) = no_dangling_space::<T>(&inner, rest, list.len())?;
    let (rest, ()) = byte(b')', "\")\"")(rest)?;
    Ok((rest, list))
}

/// After a list of `count` space-separated items: a space that did not continue it is an
/// error at the item that follows it.
pub(crate) fn no_dangling_space<'a, T: ListItem<'a>>(
    cx: &Cx,
    rest: &'a [u8],
    count: usize,
) -> PResult<'a, ()> {
    let Some(after) = rest.strip_prefix(b" ") else {
        return Ok((rest, ()));
    };
    if count == 0 {
        return Ok((rest, ()));
    }
    match T::parse_item(cx, after) {
        Err(e) => Err(e),
        // Cannot happen: `items` would have taken the item.
        Ok(_) => expected(rest, "end of list"),
    }
}

/// `SP` and an argument read by `p`, wrapped by `wrap`.
#[inline]
fn arg<'a, T, K>(
    i: &'a [u8],
    p: impl FnOnce(&'a [u8]) -> PResult<'a, T>,
    wrap: impl FnOnce(T) -> K,
) -> PResult<'a, K> {
    let (rest, ()) = sp(i)?;
    let (rest, v) = p(rest)?;
    Ok((rest, wrap(v)))
}

/// `search-key = "ALL" / "ANSWERED" / "BCC" SP astring / "BEFORE" SP date / "BODY" SP
/// astring / "CC" SP astring / "DELETED" / "FLAGGED" / "FROM" SP astring / "KEYWORD" SP
/// flag-keyword / "NEW" / "OLD" / "ON" SP date / "RECENT" / "SEEN" / "SINCE" SP date /
/// "SUBJECT" SP astring / "TEXT" SP astring / "TO" SP astring / "UNANSWERED" / "UNDELETED" /
/// "UNFLAGGED" / "UNKEYWORD" SP flag-keyword / "UNSEEN" / "DRAFT" / "HEADER" SP
/// header-fld-name SP astring / "LARGER" SP number64 / "NOT" SP search-key / "OR" SP
/// search-key SP search-key / "SENTBEFORE" SP date / "SENTON" SP date / "SENTSINCE" SP date /
/// "SMALLER" SP number64 / "UID" SP sequence-set / "UNDRAFT" / sequence-set / "(" search-key
/// *(SP search-key) ")"` (RFC 3501 §9; RFC 9051 §9 drops `NEW`, `OLD` and `RECENT` and widens
/// `LARGER` and `SMALLER` to `number64`).
pub(crate) fn search_key<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, SearchKey<'a>> {
    // This function and the nesting ones are on the stack once per level, so each keeps its
    // frame small (the difference shows in unoptimised builds): every branch is its own
    // function, and `flat_key` returns before any recursion.
    match i.first() {
        Some(b'(') => return group_key(cx, i),
        Some(b'0'..=b'9' | b'*' | b'$') => return sequence_set_key(cx, i),
        _ => {}
    }
    let (rest, word) = take_while(i, |b| b.is_ascii_alphabetic());
    if word.eq_ignore_ascii_case(b"NOT") {
        not_key(cx, i, rest)
    } else if word.eq_ignore_ascii_case(b"OR") {
        or_key(cx, i, rest)
    } else {
        flat_key(cx, i, rest, word)
    }
}

/// `"(" search-key *(SP search-key) ")"`
fn group_key<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, SearchKey<'a>> {
    match spaced_list(cx, i, 1) {
        Ok((rest, list)) => Ok((rest, SearchKey::Group(NonEmptyList::parsed(list)))),
        Err(e) => Err(e),
    }
}

/// `sequence-set` as a key.
#[inline(never)]
fn sequence_set_key<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, SearchKey<'a>> {
    let (rest, set) = sequence_set(cx, i)?;
    Ok((rest, SearchKey::SequenceSet(set)))
}

/// `"NOT" SP search-key`, after the `NOT` at `i`.
fn not_key<'a>(cx: &Cx, i: &'a [u8], rest: &'a [u8]) -> PResult<'a, SearchKey<'a>> {
    let inner = cx.descend(i)?;
    let (rest, ()) = sp(rest)?;
    match search_key(&inner, rest) {
        Ok((rest, key)) => Ok((rest, SearchKey::Not(Box::new(key)))),
        Err(e) => Err(e),
    }
}

/// `"OR" SP search-key SP search-key`, after the `OR` at `i`.
fn or_key<'a>(cx: &Cx, i: &'a [u8], rest: &'a [u8]) -> PResult<'a, SearchKey<'a>> {
    let inner = cx.descend(i)?;
    let (rest, ()) = sp(rest)?;
    let (rest, a) = match search_key(&inner, rest) {
        Ok((rest, a)) => (rest, Box::new(a)),
        Err(e) => return Err(e),
    };
    let (rest, ()) = sp(rest)?;
    match search_key(&inner, rest) {
        Ok((rest, b)) => Ok((rest, SearchKey::Or(a, Box::new(b)))),
        Err(e) => Err(e),
    }
}

/// The keys that do not nest: `word` is the keyword at `i`, `rest` what follows it.
#[inline(never)]
fn flat_key<'a>(cx: &Cx, i: &'a [u8], rest: &'a [u8], word: &[u8]) -> PResult<'a, SearchKey<'a>> {
    use SearchKey as K;
    let mut buf = [0u8; 20];
    Ok(match upper(word, &mut buf) {
        b"ALL" => (rest, K::All),
        b"ANSWERED" => (rest, K::Answered),
        b"BCC" => arg(rest, astring, K::Bcc)?,
        b"BEFORE" => arg(rest, date, K::Before)?,
        b"BODY" => arg(rest, astring, K::Body)?,
        b"CC" => arg(rest, astring, K::Cc)?,
        b"DELETED" => (rest, K::Deleted),
        b"FLAGGED" => (rest, K::Flagged),
        b"FROM" => arg(rest, astring, K::From)?,
        b"KEYWORD" => arg(rest, atom, K::Keyword)?,
        b"NEW" => (rest, K::New),
        b"OLD" => (rest, K::Old),
        b"ON" => arg(rest, date, K::On)?,
        b"RECENT" => (rest, K::Recent),
        b"SEEN" => (rest, K::Seen),
        b"SINCE" => arg(rest, date, K::Since)?,
        b"SUBJECT" => arg(rest, astring, K::Subject)?,
        b"TEXT" => arg(rest, astring, K::Text)?,
        b"TO" => arg(rest, astring, K::To)?,
        b"UNANSWERED" => (rest, K::Unanswered),
        b"UNDELETED" => (rest, K::Undeleted),
        b"UNFLAGGED" => (rest, K::Unflagged),
        b"UNKEYWORD" => arg(rest, atom, K::Unkeyword)?,
        b"UNSEEN" => (rest, K::Unseen),
        b"DRAFT" => (rest, K::Draft),
        b"HEADER" => {
            let (rest, name) = arg(rest, astring, |a| a)?;
            arg(rest, astring, |v| K::Header(name, v))?
        }
        b"LARGER" => arg(rest, number64, K::Larger)?,
        b"SENTBEFORE" => arg(rest, date, K::SentBefore)?,
        b"SENTON" => arg(rest, date, K::SentOn)?,
        b"SENTSINCE" => arg(rest, date, K::SentSince)?,
        b"SMALLER" => arg(rest, number64, K::Smaller)?,
        b"UID" => arg(rest, |r| sequence_set(cx, r), K::Uid)?,
        b"UNDRAFT" => (rest, K::Undraft),
        _ => {
            let (rest, key) = search_key_ext(i)?;
            (rest, K::Ext(key))
        }
    })
}

/// The `charset` of a search program: `charset = atom / quoted` (RFC 9051 §9), or any
/// `astring` whose content can be a charset name (RFC 3501 §9 allows an `astring` there).
fn search_charset(i: &[u8]) -> PResult<'_, Charset<'_>> {
    if let Ok(ok) = charset(i) {
        return Ok(ok);
    }
    let (rest, name) = astring(i)?;
    if !name.as_bytes().iter().all(|&b| is_text_char(b)) {
        return fail(i, ErrorKind::Expected("charset"));
    }
    let name = match name.into_inner() {
        Cow::Borrowed(b) => Cow::Borrowed(ascii(b)),
        Cow::Owned(o) => Cow::Owned(alloc::string::String::from(ascii(&o))),
    };
    Ok((rest, Charset(name)))
}

/// `search-program = ["CHARSET" SP charset SP] search-key *(SP search-key)` (RFC 9051 §9;
/// RFC 3501 §9 `search` reads the charset as an `astring`).
///
/// Nothing but the end of the command follows a program, so a space after the last key is an
/// error at the key that should follow it.
pub(crate) fn search_program<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, SearchProgram<'a>> {
    let (after_word, word) = take_while(i, |b| b.is_ascii_alphabetic());
    let (rest, charset) = if word.eq_ignore_ascii_case(b"CHARSET") {
        let (rest, c) = arg(after_word, search_charset, Some)?;
        let (rest, ()) = sp(rest)?;
        (rest, c)
    } else {
        (i, None)
    };
    let (rest, keys) = items::<SearchKey<'a>>(cx, rest, Sep::Space, 1)?;
    let (rest, ()) = no_dangling_space::<SearchKey<'a>>(cx, rest, keys.len())?;
    Ok((
        rest,
        SearchProgram {
            charset,
            keys: NonEmptyList::parsed(keys),
        },
    ))
}

/// `search-return-opt = "MIN" / "MAX" / "ALL" / "COUNT" / "SAVE" / search-ret-opt-ext`
/// (RFC 9051 §9), where `search-ret-opt-ext = search-modifier-name [SP search-mod-params]`
/// and `search-modifier-name = tagged-ext-label` (RFC 4466 §2.1); the parameters are not
/// supported.
pub(crate) fn search_return_opt<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, SearchReturnOption<'a>> {
    if !i.first().is_some_and(|&b| is_label_fchar(b)) {
        return expected(i, "search-return-opt");
    }
    let (rest, name) = take_while(i, is_label_char);
    let mut buf = [0u8; 20];
    Ok(match upper(name, &mut buf) {
        b"MIN" => (rest, SearchReturnOption::Min),
        b"MAX" => (rest, SearchReturnOption::Max),
        b"ALL" => (rest, SearchReturnOption::All),
        b"COUNT" => (rest, SearchReturnOption::Count),
        b"SAVE" => (rest, SearchReturnOption::Save),
        b"PARTIAL" => {
            let (rest, ()) = sp(rest)?;
            let (rest, range) = super::search_ext::partial_range(rest)?;
            (rest, SearchReturnOption::Partial(range))
        }
        b"UPDATE" => {
            let (rest, atts) = update_atts(cx, rest)?;
            (rest, SearchReturnOption::Update(atts))
        }
        _ => (
            rest,
            SearchReturnOption::Extension(SearchReturnExtension(Cow::Borrowed(ascii(name)))),
        ),
    })
}

/// What follows `UPDATE`: `["(" fetch-att *(SP fetch-att) ")"]` (RFC 5465 §7), also after
/// a space as the RFC's example writes it; nothing when neither follows.
fn update_atts<'a>(
    cx: &Cx,
    i: &'a [u8],
) -> PResult<'a, List<'a, crate::types::fetch::FetchAttribute<'a>>> {
    let at = match i {
        [b'(', ..] => i,
        [b' ', b'(', ..] => &i[1..],
        _ => return Ok((i, List::default())),
    };
    super::list::paren_list(cx, at, Sep::Space, 1)
}

/// `"RETURN" SP "(" [search-return-opt *(SP search-return-opt)] ")"`: `search-return-opts`
/// (RFC 9051 §9) without its leading `SP`.
fn search_return_opts<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, List<'a, SearchReturnOption<'a>>> {
    let (after_word, word) = take_while(i, |b| b.is_ascii_alphabetic());
    if !word.eq_ignore_ascii_case(b"RETURN") {
        return expected(i, "RETURN");
    }
    let (rest, ()) = sp(after_word)?;
    spaced_list(cx, rest, 0)
}

/// The SEARCH arguments: `[search-return-opts SP] search-program` without the space before
/// `RETURN`, that is what follows `"SEARCH" SP` in `search = "SEARCH" [search-return-opts] SP
/// search-program` (RFC 9051 §9; RFC 3501 §9 has no `RETURN`).
pub(crate) fn search_args<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, SearchCommandArgs<'a>> {
    let (rest, return_options) = match search_return_opts(cx, i) {
        Ok((rest, opts)) => {
            let (rest, ()) = sp(rest)?;
            (rest, Some(opts))
        }
        Err(nom::Err::Error(e)) if e.rest == i.len() => (i, None),
        Err(e) => return Err(e),
    };
    let (rest, program) = search_program(cx, rest)?;
    Ok((
        rest,
        SearchCommandArgs {
            return_options,
            program,
        },
    ))
}

impl<'a> ListItem<'a> for SearchKey<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        search_key(cx, i)
    }
}

impl<'a> ListItem<'a> for SearchReturnOption<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        search_return_opt(cx, i)
    }
}

fn cfg_search_return_extension<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, SearchReturnExtension<'a>> {
    match search_return_opt(cx, i)? {
        (rest, SearchReturnOption::Extension(e)) => Ok((rest, e)),
        _ => expected(i, "search-ret-opt-ext"),
    }
}

impl_parse!(SearchKey, search_key);
impl_parse!(SearchProgram, search_program);
impl_parse!(SearchReturnOption, search_return_opt);
impl_parse!(SearchReturnExtension, cfg_search_return_extension);
impl_parse!(SearchCommandArgs, search_args);
