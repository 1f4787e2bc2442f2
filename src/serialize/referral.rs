//! Serializers of referrals (RFC 2221, RFC 2193).

use super::{Encode, Encoder};
use crate::types::referral::ReferralUrl;

/// Writes the URL bare.
impl Encode for ReferralUrl<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.as_bytes());
    }
}
