//! Parsers of QRESYNC's own shapes (RFC 7162 §7): `expunged-resp` (`VANISHED`) and the value
//! of the `QRESYNC` SELECT parameter.

use super::sequence::sequence_set;
use super::{Cx, PResult, byte, impl_parse, keyword, sp};
use crate::config::ParseConfig;
use crate::parse::primitive::{nz_number, nz_number64};
use crate::types::condstore::{QresyncParams, VanishedData};

/// `expunged-resp = "VANISHED" [SP "(EARLIER)"] SP known-uids` (RFC 7162 §7)
pub(crate) fn expunged_resp<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, VanishedData<'a>> {
    let (rest, ()) = keyword(i, "VANISHED ")?;
    let (rest, earlier) = match keyword(rest, "(EARLIER) ") {
        Ok((after, ())) => (after, true),
        Err(_) => (rest, false),
    };
    let (rest, uids) = sequence_set(cx, rest)?;
    Ok((rest, VanishedData { earlier, uids }))
}

/// `"(" uidvalidity SP mod-sequence-value [SP known-uids] [SP seq-match-data] ")"` with
/// `seq-match-data = "(" known-sequence-set SP known-uid-set ")"` (RFC 7162 §7).
pub(crate) fn qresync_value<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, QresyncParams<'a>> {
    let (rest, ()) = byte(b'(', "\"(\"")(i)?;
    let (rest, uid_validity) = nz_number(rest)?;
    let (rest, ()) = sp(rest)?;
    let (mut rest, mod_seq) = nz_number64(rest)?;
    let mut known_uids = None;
    if let Some(after) = rest.strip_prefix(b" ") {
        if after.first() != Some(&b'(') {
            let (r, set) = sequence_set(cx, after)?;
            known_uids = Some(set);
            rest = r;
        }
    }
    let mut seq_match = None;
    if let Some(after) = rest.strip_prefix(b" (") {
        let (r, seqs) = sequence_set(cx, after)?;
        let (r, ()) = sp(r)?;
        let (r, uids) = sequence_set(cx, r)?;
        let (r, ()) = byte(b')', "\")\"")(r)?;
        seq_match = Some((seqs, uids));
        rest = r;
    }
    let (rest, ()) = byte(b')', "\")\"")(rest)?;
    Ok((
        rest,
        QresyncParams {
            uid_validity,
            mod_seq,
            known_uids,
            seq_match,
        },
    ))
}

/// The QRESYNC parameters in the whole of `v`, if it has their form.
pub(crate) fn qresync_params(v: &[u8]) -> Option<QresyncParams<'_>> {
    let cx = Cx::new(&ParseConfig::default());
    match qresync_value(&cx, v) {
        Ok(([], q)) => Some(q),
        _ => None,
    }
}

impl_parse!(VanishedData, expunged_resp);
impl_parse!(QresyncParams, qresync_value);
