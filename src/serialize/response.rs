//! Serializers of greetings, responses and continuation requests.

use super::{Encode, Encoder};
use crate::types::response::{
    Continuation, Data, DataOther, Greeting, GreetingKind, Response, Tagged, Untagged,
};

impl Encode for Greeting<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(match self.kind {
            GreetingKind::Ok => b"* OK ",
            GreetingKind::PreAuth => b"* PREAUTH ",
            GreetingKind::Bye => b"* BYE ",
        });
        self.text.encode(enc);
        enc.raw(b"\r\n");
    }
}

impl Encode for Continuation<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(b"+ ");
        match self {
            Continuation::Text(t) => t.encode(enc),
            Continuation::Base64(b) => b.encode(enc),
        }
        enc.raw(b"\r\n");
    }
}

impl Encode for Tagged<'_> {
    fn encode(&self, enc: &mut Encoder) {
        self.tag.encode(enc);
        enc.byte(b' ');
        enc.raw(self.kind.as_str().as_bytes());
        enc.byte(b' ');
        self.text.encode(enc);
        enc.raw(b"\r\n");
    }
}

impl Encode for Untagged<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(b"* ");
        match self {
            Untagged::Status { kind, text } => {
                enc.raw(kind.as_str().as_bytes());
                enc.byte(b' ');
                text.encode(enc);
            }
            Untagged::Bye(text) => {
                enc.raw(b"BYE ");
                text.encode(enc);
            }
            Untagged::Data(d) => d.encode(enc),
        }
        enc.raw(b"\r\n");
    }
}

/// Writes the data without the leading `* ` and the final CRLF.
impl Encode for Data<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Data::Capability(c) => c.encode(enc),
            Data::Flags(f) => {
                enc.raw(b"FLAGS ");
                f.encode(enc);
            }
            Data::Exists(n) => {
                enc.number(u64::from(*n));
                enc.raw(b" EXISTS");
            }
            Data::Recent(n) => {
                enc.number(u64::from(*n));
                enc.raw(b" RECENT");
            }
            Data::Expunge(n) => {
                enc.number(u64::from(n.get()));
                enc.raw(b" EXPUNGE");
            }
            Data::Fetch { seq, items } => {
                enc.number(u64::from(seq.get()));
                enc.raw(b" FETCH (");
                enc.list(items.iter(), |e, item| item.encode(e));
                enc.byte(b')');
            }
            Data::List(l) => {
                enc.raw(b"LIST ");
                l.encode(enc);
            }
            Data::Lsub(l) => {
                enc.raw(b"LSUB ");
                l.encode(enc);
            }
            Data::Status(s) => s.encode(enc),
            Data::Search(s) => s.encode(enc),
            Data::ESearch(e) => e.encode(enc),
            Data::Namespace(n) => n.encode(enc),
            Data::Enabled(e) => e.encode(enc),
            Data::Other(o) => o.encode(enc),
            Data::Vanished(v) => v.encode(enc),
            Data::Quota(q) => q.encode(enc),
            Data::QuotaRoot(q) => q.encode(enc),
            Data::Sort(s) => {
                enc.raw(b"SORT");
                super::esearch::numbers_mod_seq(enc, s);
            }
            Data::Thread(t) => t.encode(enc),
            Data::Metadata(m) => m.encode(enc),
            Data::Acl(a) => a.encode(enc),
            Data::GenUrlAuth(g) => g.encode(enc),
            Data::UrlFetch(u) => u.encode(enc),
            Data::ListRights(a) => a.encode(enc),
            Data::MyRights(a) => a.encode(enc),
            Data::Language(l) => l.encode(enc),
            Data::Comparator(c) => c.encode(enc),
            Data::Id(p) => {
                enc.raw(b"ID ");
                p.encode(enc);
            }
        }
    }
}

impl Encode for DataOther<'_> {
    fn encode(&self, enc: &mut Encoder) {
        if let Some(n) = self.number {
            enc.number(u64::from(n));
            enc.byte(b' ');
        }
        enc.raw(self.name.as_bytes());
        enc.raw(&self.rest);
    }
}

impl Encode for Response<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Response::Tagged(t) => t.encode(enc),
            Response::Untagged(u) => u.encode(enc),
            Response::Continuation(c) => c.encode(enc),
        }
    }
}
