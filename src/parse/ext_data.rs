//! The untagged data and the response codes that extensions add to the grammar (`* ID`,
//! `* QUOTA`, `[METADATA ...]`, ...): the keyword picks the parser of the extension's module.

use super::acl::{acl_data, listrights_data, myrights_data};
use super::id::id_response;
use super::metadata::{metadata_code, metadata_resp};
use super::quota::{quota_response, quotaroot_response};
use super::response::word_is;
use super::sort::{quoted_tag, sort_data, thread_data};
use super::{Cx, PResult};
use crate::types::code::Code;
use crate::types::response::Data;

/// The data of an extension that starts with a keyword, after `* `; `None` when the keyword
/// is none of theirs.
pub(crate) fn ext_data<'a>(cx: &Cx, i: &'a [u8]) -> Option<PResult<'a, Data<'a>>> {
    let word = |w: &str| word_is(i, w);
    Some(if word("ID") {
        id_response(cx, i).map(|(r, p)| (r, Data::Id(p)))
    } else if word("QUOTA") {
        quota_response(cx, i).map(|(r, q)| (r, Data::Quota(q)))
    } else if word("QUOTAROOT") {
        quotaroot_response(cx, i).map(|(r, q)| (r, Data::QuotaRoot(q)))
    } else if word("ACL") {
        acl_data(cx, i).map(|(r, a)| (r, Data::Acl(a)))
    } else if word("LISTRIGHTS") {
        listrights_data(cx, i).map(|(r, a)| (r, Data::ListRights(a)))
    } else if word("MYRIGHTS") {
        myrights_data(cx, i).map(|(r, a)| (r, Data::MyRights(a)))
    } else if word("METADATA") {
        metadata_resp(cx, i).map(|(r, m)| (r, Data::Metadata(m)))
    } else if word("SORT") {
        sort_data(cx, i).map(|(r, s)| (r, Data::Sort(s)))
    } else if word("THREAD") {
        thread_data(cx, i).map(|(r, t)| (r, Data::Thread(t)))
    } else if word("GENURLAUTH") {
        super::urlauth::genurlauth_data(cx, i).map(|(r, g)| (r, Data::GenUrlAuth(g)))
    } else if word("URLFETCH") {
        super::urlauth::urlfetch_data(cx, i).map(|(r, u)| (r, Data::UrlFetch(u)))
    } else if word("LANGUAGE") {
        super::i18n::language_data(cx, i).map(|(r, l)| (r, Data::Language(l)))
    } else if word("COMPARATOR") {
        super::i18n::comparator_data(cx, i).map(|(r, c)| (r, Data::Comparator(c)))
    } else {
        return None;
    })
}

/// A code of an extension named `name` (already read), with what follows it; `None` when the
/// name is none of theirs.
pub(crate) fn ext_code<'a>(cx: &Cx, name: &str, i: &'a [u8]) -> Option<PResult<'a, Code<'a>>> {
    let upper = |n: &str| name.eq_ignore_ascii_case(n);
    Some(if upper("METADATA") {
        metadata_code(i).map(|(r, m)| (r, Code::Metadata(m)))
    } else if upper("NOUPDATE") {
        super::sp(i)
            .and_then(|(r, ())| quoted_tag(r))
            .map(|(r, t)| (r, Code::NoUpdate(t)))
    } else if upper("URLMECH") {
        super::urlauth::urlmech_code(cx, i).map(|(r, l)| (r, Code::UrlMech(l)))
    } else if upper("REFERRAL") {
        super::referral::referral_code(cx, i).map(|(r, l)| (r, Code::Referral(l)))
    } else if upper("BADURL") {
        super::catenate::badurl_response_code(i).map(|(r, url)| (r, Code::BadUrl(url)))
    } else if upper("BADEVENT") {
        super::notify::badevent_code(cx, i).map(|(r, l)| (r, Code::BadEvent(l)))
    } else {
        return None;
    })
}
