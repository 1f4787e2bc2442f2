//! Serializers of search criteria: keywords in upper case, strings by content, dates in the
//! bare `date-text` form.

use super::{Encode, Encoder};
use crate::types::list::{List, ListItem};
use crate::types::search::{
    SearchCommandArgs, SearchKey, SearchProgram, SearchReturnExtension, SearchReturnOption,
};

/// Writes items separated by single spaces, without parentheses.
fn spaced<'a, T: ListItem<'a> + Encode>(enc: &mut Encoder, list: &List<'a, T>) {
    enc.list(list, |enc, item| item.encode(enc));
}

/// Writes `"(" [item *(SP item)] ")"`.
pub(crate) fn parenthesised<'a, T: ListItem<'a> + Encode>(enc: &mut Encoder, list: &List<'a, T>) {
    enc.byte(b'(');
    spaced(enc, list);
    enc.byte(b')');
}

impl Encode for SearchKey<'_> {
    fn encode(&self, enc: &mut Encoder) {
        if let Self::Ext(key) = self {
            return key.encode(enc);
        }
        if let Some(word) = self.keyword() {
            enc.raw(word.as_bytes());
        }
        match self {
            Self::Bcc(s)
            | Self::Body(s)
            | Self::Cc(s)
            | Self::From(s)
            | Self::Subject(s)
            | Self::Text(s)
            | Self::To(s) => {
                enc.byte(b' ');
                s.encode(enc);
            }
            Self::Before(d)
            | Self::On(d)
            | Self::Since(d)
            | Self::SentBefore(d)
            | Self::SentOn(d)
            | Self::SentSince(d) => {
                enc.byte(b' ');
                d.encode(enc);
            }
            Self::Keyword(a) | Self::Unkeyword(a) => {
                enc.byte(b' ');
                a.encode(enc);
            }
            Self::Header(name, value) => {
                enc.byte(b' ');
                name.encode(enc);
                enc.byte(b' ');
                value.encode(enc);
            }
            Self::Larger(n) | Self::Smaller(n) => {
                enc.byte(b' ');
                n.encode(enc);
            }
            Self::Not(k) => {
                enc.byte(b' ');
                k.encode(enc);
            }
            Self::Or(a, b) => {
                enc.byte(b' ');
                a.encode(enc);
                enc.byte(b' ');
                b.encode(enc);
            }
            Self::Uid(set) => {
                enc.byte(b' ');
                set.encode(enc);
            }
            Self::SequenceSet(set) => set.encode(enc),
            Self::Group(keys) => parenthesised(enc, keys),
            Self::All
            | Self::Answered
            | Self::Deleted
            | Self::Flagged
            | Self::New
            | Self::Old
            | Self::Recent
            | Self::Seen
            | Self::Unanswered
            | Self::Undeleted
            | Self::Unflagged
            | Self::Unseen
            | Self::Draft
            | Self::Undraft
            | Self::Ext(_) => {}
        }
    }
}

impl Encode for SearchProgram<'_> {
    fn encode(&self, enc: &mut Encoder) {
        if let Some(charset) = &self.charset {
            enc.raw(b"CHARSET ");
            charset.encode(enc);
            enc.byte(b' ');
        }
        spaced(enc, &self.keys);
    }
}

impl Encode for SearchReturnExtension<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.name().as_bytes());
    }
}

impl Encode for SearchReturnOption<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::Min => enc.raw(b"MIN"),
            Self::Max => enc.raw(b"MAX"),
            Self::All => enc.raw(b"ALL"),
            Self::Count => enc.raw(b"COUNT"),
            Self::Save => enc.raw(b"SAVE"),
            Self::Partial(r) => {
                enc.raw(b"PARTIAL ");
                r.encode(enc);
            }
            Self::Extension(e) => e.encode(enc),
            Self::Update(atts) => {
                enc.raw(b"UPDATE");
                if !atts.is_empty() {
                    enc.raw(b" (");
                    enc.list(atts, |enc, a| a.encode(enc));
                    enc.byte(b')');
                }
            }
        }
    }
}

impl Encode for SearchCommandArgs<'_> {
    fn encode(&self, enc: &mut Encoder) {
        if let Some(options) = &self.return_options {
            enc.raw(b"RETURN ");
            parenthesised(enc, options);
            enc.byte(b' ');
        }
        self.program.encode(enc);
    }
}
