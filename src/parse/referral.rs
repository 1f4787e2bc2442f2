//! Parsers of referrals (RFC 2221 §5, RFC 2193 §6): the REFERRAL code's URLs. RLIST and RLSUB
//! take LSUB's arguments and are read by its parser.

use alloc::borrow::Cow;

use super::list::{Sep, items};
use super::primitive::{ascii, take_while1};
use super::{Cx, PResult, impl_parse, sp};
use crate::types::list::{ListItem, NonEmptyList};
use crate::types::referral::{ReferralUrl, is_referral_char};

/// `<url>`, bare: printable ASCII up to a space or `]`.
pub(crate) fn referral_url(i: &[u8]) -> PResult<'_, ReferralUrl<'_>> {
    let (rest, u) = take_while1(i, is_referral_char, "url")?;
    Ok((rest, ReferralUrl(Cow::Borrowed(ascii(u)))))
}

impl<'a> ListItem<'a> for ReferralUrl<'a> {
    fn parse_item(_: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        referral_url(i)
    }
}

/// `"REFERRAL" 1*(SPACE <url>)`, after the name.
pub(crate) fn referral_code<'a>(
    cx: &Cx,
    i: &'a [u8],
) -> PResult<'a, NonEmptyList<'a, ReferralUrl<'a>>> {
    let (rest, ()) = sp(i)?;
    let (rest, list) = items(cx, rest, Sep::Space, 1)?;
    Ok((rest, NonEmptyList::parsed(list)))
}

impl_parse!(ReferralUrl, plain referral_url);
