//! Parsers of the search keys that extensions add to `search-key` (RFC 7162 §7, RFC 8474 §7,
//! RFC 8514 §6, RFC 5032 §4, Gmail's X-GM-EXT-1). The key's name is read whole (letters,
//! digits and hyphens, for `X-GM-RAW`), uppercased and matched exactly.

use alloc::borrow::Cow;

use super::datetime::date;
use super::message_ext::{gm_label, number_u64};
use super::primitive::{astring, number64, nz_number, quoted, take_while};
use super::search::upper;
use super::status::objectid;
use super::{PResult, byte, expected, fail, impl_parse, sp};
use crate::error::ErrorKind;
use crate::types::search_ext::{
    EntryType, ModSeqEntry, PartialRange, SearchKeyExt, check_attr_flag,
};

/// `entry-name SP entry-type-req` with `entry-name = DQUOTE "/flags/" attr-flag DQUOTE` and
/// `entry-type-req = "priv" / "shared" / "all"` (RFC 7162 §7).
fn modseq_entry(i: &[u8]) -> PResult<'_, ModSeqEntry<'_>> {
    let (rest, name) = quoted(i)?;
    let flag = match name {
        Cow::Borrowed(b) => b.strip_prefix(b"/flags/").map(Cow::Borrowed),
        Cow::Owned(o) => o.strip_prefix(b"/flags/").map(|f| Cow::Owned(f.to_vec())),
    };
    let Some(flag) = flag.filter(|f| check_attr_flag(f).is_ok()) else {
        return fail(i, ErrorKind::Expected("entry-flag-name"));
    };
    let (rest, ()) = sp(rest)?;
    let (after, word) = take_while(rest, |b| b.is_ascii_alphabetic());
    let mut buf = [0u8; 20];
    let entry_type = match upper(word, &mut buf) {
        b"PRIV" => EntryType::Priv,
        b"SHARED" => EntryType::Shared,
        b"ALL" => EntryType::All,
        _ => return expected(rest, "entry-type-req"),
    };
    // INVARIANT: the flag was checked to be ASCII atom characters.
    let flag = match flag {
        Cow::Borrowed(b) => Cow::Borrowed(super::primitive::ascii(b)),
        Cow::Owned(o) => Cow::Owned(alloc::string::String::from(super::primitive::ascii(&o))),
    };
    Ok((after, ModSeqEntry { flag, entry_type }))
}

/// `search-modsequence = "MODSEQ" [search-modseq-ext] SP mod-sequence-valzer` with
/// `search-modseq-ext = SP entry-name SP entry-type-req` (RFC 7162 §7), after `MODSEQ SP`.
fn modseq(i: &[u8]) -> PResult<'_, SearchKeyExt<'_>> {
    let (rest, entry) = if i.first() == Some(&b'"') {
        let (rest, e) = modseq_entry(i)?;
        let (rest, ()) = sp(rest)?;
        (rest, Some(e))
    } else {
        (i, None)
    };
    let (rest, value) = number64(rest)?;
    Ok((rest, SearchKeyExt::ModSeq { entry, value }))
}

/// `SP` and an argument read by `p`, wrapped by `wrap`.
fn arg<'a, T>(
    i: &'a [u8],
    p: impl FnOnce(&'a [u8]) -> PResult<'a, T>,
    wrap: impl FnOnce(T) -> SearchKeyExt<'a>,
) -> PResult<'a, SearchKeyExt<'a>> {
    let (rest, ()) = sp(i)?;
    let (rest, v) = p(rest)?;
    Ok((rest, wrap(v)))
}

/// `search-key =/ search-modsequence` (RFC 7162 §7) `/ "EMAILID" SP objectid / "THREADID" SP
/// objectid` (RFC 8474 §7) `/ "SAVEDBEFORE" SP date / "SAVEDON" SP date / "SAVEDSINCE" SP
/// date / "SAVEDATESUPPORTED"` (RFC 8514 §6) `/ ("OLDER" / "YOUNGER") SP nz-number` (RFC 5032
/// §4) `/ "X-GM-RAW" SP astring / "X-GM-MSGID" SP number / "X-GM-THRID" SP number /
/// "X-GM-LABELS" SP label` (Gmail).
pub(crate) fn search_key_ext(i: &[u8]) -> PResult<'_, SearchKeyExt<'_>> {
    use SearchKeyExt as K;
    let (rest, word) = take_while(i, |b| b.is_ascii_alphanumeric() || b == b'-');
    let mut buf = [0u8; 20];
    match upper(word, &mut buf) {
        b"MODSEQ" => {
            let (rest, ()) = sp(rest)?;
            modseq(rest)
        }
        b"EMAILID" => arg(rest, objectid, K::EmailId),
        b"THREADID" => arg(rest, objectid, K::ThreadId),
        b"SAVEDBEFORE" => arg(rest, date, K::SavedBefore),
        b"SAVEDON" => arg(rest, date, K::SavedOn),
        b"SAVEDSINCE" => arg(rest, date, K::SavedSince),
        b"SAVEDATESUPPORTED" => Ok((rest, K::SaveDateSupported)),
        b"OLDER" => arg(rest, nz_number, K::Older),
        b"YOUNGER" => arg(rest, nz_number, K::Younger),
        b"X-GM-RAW" => arg(rest, astring, K::GmRaw),
        b"X-GM-MSGID" => arg(rest, number_u64, K::GmMsgId),
        b"X-GM-THRID" => arg(rest, number_u64, K::GmThrId),
        b"X-GM-LABELS" => arg(rest, gm_label, K::GmLabels),
        _ => expected(i, "search-key"),
    }
}

/// `partial-range = partial-range-first / partial-range-last` with `partial-range-first =
/// nz-number ":" nz-number` and `partial-range-last = MINUS nz-number ":" MINUS nz-number`
/// (RFC 9394 §4)
pub(crate) fn partial_range(i: &[u8]) -> PResult<'_, PartialRange> {
    let last = i.first() == Some(&b'-');
    let (rest, a) = nz_number(if last { &i[1..] } else { i })?;
    let (rest, ()) = byte(b':', "\":\"")(rest)?;
    let rest = if last {
        byte(b'-', "\"-\"")(rest)?.0
    } else {
        rest
    };
    let (rest, b) = nz_number(rest)?;
    Ok((
        rest,
        if last {
            PartialRange::Last(a, b)
        } else {
            PartialRange::First(a, b)
        },
    ))
}

impl_parse!(PartialRange => plain partial_range);
