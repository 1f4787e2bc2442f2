//! Serializers of response text and response codes.

use super::{Encode, Encoder};
use crate::types::code::{Code, CodeOther, ResponseText, SIMPLE_CODES};

impl Encode for Code<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Code::BadCharset(list) => {
                enc.raw(b"BADCHARSET");
                if let Some(list) = list {
                    enc.raw(b" (");
                    enc.list(list.iter(), |e, c| c.encode(e));
                    enc.byte(b')');
                }
            }
            Code::Capability(caps) => caps.encode(enc),
            Code::PermanentFlags(flags) => {
                enc.raw(b"PERMANENTFLAGS ");
                flags.encode(enc);
            }
            Code::UidNext(n) => number_code(enc, b"UIDNEXT ", n.get()),
            Code::UidValidity(n) => number_code(enc, b"UIDVALIDITY ", n.get()),
            Code::Unseen(n) => number_code(enc, b"UNSEEN ", n.get()),
            Code::AppendUid { uid_validity, uids } => {
                number_code(enc, b"APPENDUID ", uid_validity.get());
                enc.byte(b' ');
                uids.encode(enc);
            }
            Code::CopyUid {
                uid_validity,
                source,
                destination,
            } => {
                number_code(enc, b"COPYUID ", uid_validity.get());
                enc.byte(b' ');
                source.encode(enc);
                enc.byte(b' ');
                destination.encode(enc);
            }
            Code::Other(other) => other.encode(enc),
            Code::HighestModSeq(n) => {
                enc.raw(b"HIGHESTMODSEQ ");
                n.encode(enc);
            }
            Code::Modified(set) => {
                enc.raw(b"MODIFIED ");
                set.encode(enc);
            }
            Code::MailboxId(id) => {
                enc.raw(b"MAILBOXID (");
                id.encode(enc);
                enc.byte(b')');
            }
            Code::Metadata(m) => m.encode(enc),
            Code::BadEvent(names) => {
                enc.raw(b"BADEVENT (");
                enc.list(names.iter(), |e, n| n.encode(e));
                enc.byte(b')');
            }
            Code::NoUpdate(t) => {
                enc.raw(b"NOUPDATE \"");
                enc.raw(t.as_bytes());
                enc.byte(b'"');
            }
            Code::UrlMech(list) => {
                enc.raw(b"URLMECH INTERNAL");
                for m in list {
                    enc.byte(b' ');
                    m.encode(enc);
                }
            }
            Code::Referral(urls) => {
                enc.raw(b"REFERRAL");
                for u in urls.iter() {
                    enc.byte(b' ');
                    u.encode(enc);
                }
            }
            Code::BadUrl(url) => {
                enc.raw(b"BADURL ");
                url.encode(enc);
            }
            simple => {
                let name = SIMPLE_CODES
                    .iter()
                    .find(|(_, c)| c == simple)
                    .map(|(n, _)| *n);
                enc.raw(name.unwrap_or_default().as_bytes());
            }
        }
    }
}

fn number_code(enc: &mut Encoder, name: &[u8], n: u32) {
    enc.raw(name);
    enc.number(u64::from(n));
}

impl Encode for CodeOther<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.name.as_bytes());
        if let Some(args) = &self.args {
            enc.byte(b' ');
            enc.raw(args.as_bytes());
        }
    }
}

/// Writes `[code] text`; with a code and no text, `[code] ` (RFC 9051's empty text).
impl Encode for ResponseText<'_> {
    fn encode(&self, enc: &mut Encoder) {
        if let Some(code) = &self.code {
            enc.byte(b'[');
            code.encode(enc);
            enc.raw(b"] ");
        }
        if let Some(text) = &self.text {
            enc.raw(text.as_bytes());
        }
    }
}
