//! Parsers of message sets: `sequence-set` (RFC 9051 §9, RFC 3501 §9, RFC 5182 §3) and
//! `uid-set` (RFC 4315 §4, RFC 9051 §9).
//!
//! A set is read with [`items`] over comma-separated items into a [`List`], so it borrows the
//! input and allocates nothing. A comma always continues a set, so an item that fails after
//! one is reported where it fails rather than leaving the comma to the caller.
//!
//! [`List`]: crate::types::list::List

use super::list::{Sep, items};
use super::primitive::nz_number;
use super::{Cx, PResult, expected, impl_parse};
use crate::types::list::ListItem;
use crate::types::sequence::{SeqNumber, Sequence, SequenceSet, UidSet, UidSetItem};

/// `seq-number = nz-number / "*"` (RFC 9051 §9)
pub(crate) fn seq_number(i: &[u8]) -> PResult<'_, SeqNumber> {
    match i.first() {
        Some(b'*') => Ok((&i[1..], SeqNumber::Largest)),
        Some(b'1'..=b'9') => nz_number(i).map(|(r, n)| (r, SeqNumber::Value(n))),
        _ => expected(i, "seq-number"),
    }
}

/// `seq-number / seq-range`, where `seq-range = seq-number ":" seq-number` (RFC 9051 §9)
pub(crate) fn sequence(i: &[u8]) -> PResult<'_, Sequence> {
    let (rest, a) = seq_number(i)?;
    let Some(after) = rest.strip_prefix(b":") else {
        return Ok((rest, Sequence::Single(a)));
    };
    let (rest, b) = seq_number(after)?;
    Ok((rest, Sequence::Range(a, b)))
}

/// `uniqueid = nz-number` (RFC 9051 §9)
fn uniqueid(i: &[u8]) -> PResult<'_, core::num::NonZeroU32> {
    match i.first() {
        Some(b'1'..=b'9') => nz_number(i),
        _ => expected(i, "uniqueid"),
    }
}

/// `uniqueid / uid-range`, where `uid-range = uniqueid ":" uniqueid` (RFC 9051 §9)
pub(crate) fn uid_set_item(i: &[u8]) -> PResult<'_, UidSetItem> {
    let (rest, a) = uniqueid(i)?;
    let Some(after) = rest.strip_prefix(b":") else {
        return Ok((rest, UidSetItem::Single(a)));
    };
    let (rest, b) = uniqueid(after)?;
    Ok((rest, UidSetItem::Range(a, b)))
}

/// After a comma-separated list: a comma that did not continue it is an error at the item
/// that follows it.
fn no_dangling_comma<'a, T>(
    rest: &'a [u8],
    item: impl Fn(&'a [u8]) -> PResult<'a, T>,
) -> PResult<'a, ()> {
    let Some(after) = rest.strip_prefix(b",") else {
        return Ok((rest, ()));
    };
    match item(after) {
        Err(e) => Err(e),
        // Cannot happen: `items` would have taken the item.
        Ok(_) => expected(rest, "end of set"),
    }
}

/// `sequence-set = (seq-number / seq-range) ["," sequence-set]` (RFC 9051 §9), and
/// `sequence-set =/ seq-last-command`, `seq-last-command = "$"` (RFC 5182 §3), the latter
/// only as the whole set.
pub(crate) fn sequence_set<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, SequenceSet<'a>> {
    if let Some(rest) = i.strip_prefix(b"$") {
        return Ok((rest, SequenceSet::SEARCH_RES));
    }
    let (rest, list) = items::<Sequence>(cx, i, Sep::Comma, 1)?;
    let (rest, ()) = no_dangling_comma(rest, sequence)?;
    Ok((rest, SequenceSet::from_list(list)))
}

/// `uid-set = (uniqueid / uid-range) *("," uid-set)` (RFC 4315 §4, RFC 9051 §9)
pub(crate) fn uid_set<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, UidSet<'a>> {
    let (rest, list) = items::<UidSetItem>(cx, i, Sep::Comma, 1)?;
    let (rest, ()) = no_dangling_comma(rest, uid_set_item)?;
    Ok((rest, UidSet::from_list(list)))
}

impl<'a> ListItem<'a> for Sequence {
    fn parse_item(_: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        sequence(i)
    }
}

impl<'a> ListItem<'a> for UidSetItem {
    fn parse_item(_: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        uid_set_item(i)
    }
}

impl_parse!(SeqNumber => plain seq_number);
impl_parse!(Sequence => plain sequence);
impl_parse!(UidSetItem => plain uid_set_item);
impl_parse!(SequenceSet, sequence_set);
impl_parse!(UidSet, uid_set);
