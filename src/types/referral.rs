//! Referrals (RFC 2221 LOGIN-REFERRALS, RFC 2193 MAILBOX-REFERRALS): the `[REFERRAL url ...]`
//! code that sends a client to another server, and the RLIST and RLSUB commands, which list
//! remote mailboxes too (their arguments are those of LSUB,
//! [`LsubArguments`](crate::types::list_args::LsubArguments)).
//!
//! ```
//! use imap_wire::types::code::Code;
//! use imap_wire::Parse;
//! let code = Code::parse(b"REFERRAL IMAP://user;AUTH=*@SERVER2/REMOTE IMAP://user;AUTH=*@SERVER3/REMOTE")
//!     .unwrap();
//! let Code::Referral(urls) = code else { panic!() };
//! assert_eq!(urls.len(), 2);
//! ```

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt;

use crate::error::ValidationError;
use crate::owned::IntoStatic;
use crate::types::primitive::{check_bytes, cow_newtype};

/// Whether `b` may stand in a referral URL: printable ASCII other than space and `]`.
pub(crate) const fn is_referral_char(b: u8) -> bool {
    matches!(b, 0x21..=0x7e) && b != b']'
}

fn check_referral(v: &[u8]) -> Result<(), ValidationError> {
    check_bytes("url", v, false, is_referral_char)
}

cow_newtype!(
    /// `<url>` of `referral_response_code = "[" "REFERRAL" 1*(SPACE <url>) "]"` (RFC 2193
    /// §6; RFC 2221 §5 has one `<imapurl>`): a URL written bare inside the code, so it is
    /// printable ASCII without space or `]` (RFC 1738 has `]` escaped in URLs).
    ///
    /// ```
    /// use imap_wire::types::referral::ReferralUrl;
    /// assert!(ReferralUrl::new("IMAP://MIKE@SERVER2/").is_ok());
    /// assert!(ReferralUrl::new("IMAP://[::1]/").is_err());
    /// ```
    ReferralUrl, str, "url", check_referral
);

#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for ReferralUrl<'a> {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(Self(Cow::Owned(crate::types::urlauth::ascii_text(
            u,
            is_referral_char,
        )?)))
    }
}
