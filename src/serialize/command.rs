//! Serializers of the client's commands and other lines.
//!
//! Names and keywords are written in upper case (`UID STORE`, `+FLAGS.SILENT`), strings by
//! content through the [`Encoder`], and raw bytes kept from the wire (an unknown command's
//! arguments, extension values) as they are, with a sync point after each synchronising
//! literal they hold.

use super::{Encode, Encoder};
use crate::parse::command::literal_announced;
use crate::types::auth::Secret;
use crate::types::command::{
    AuthenticateResponse, Command, CommandBody, FetchModifier, IdleDone, OtherArgs, OtherCommand,
    SelectParam, StoreAction, StoreAtt, StoreAttFlags, StoreAttLabels, StoreFlags, StoreLabels,
    StoreModifier,
};
use crate::types::list::{List, ListItem};
use crate::types::mailbox::Mailbox;
use crate::types::sequence::SequenceSet;

impl Encoder {
    /// Appends bytes that were checked against the grammar and may hold literals, recording
    /// a sync point after each synchronising literal's announcement. Literals keep the form
    /// they have in `bytes`.
    pub(crate) fn raw_with_literals(&mut self, bytes: &[u8]) {
        let mut written = 0;
        let mut segment = 0;
        let mut pos = 0;
        while let Some(p) = memchr::memchr(b'\n', &bytes[pos..]) {
            let lf = pos + p;
            let Some(cr) = lf.checked_sub(1).filter(|&k| bytes[k] == b'\r') else {
                break;
            };
            let Some(lit) = literal_announced(&bytes[segment..cr]) else {
                break;
            };
            let data = lf + 1;
            self.out.extend_from_slice(&bytes[written..data]);
            written = data;
            if !lit.non_sync {
                self.sync_points.push(self.out.len());
            }
            pos = usize::try_from(lit.len)
                .ok()
                .and_then(|n| data.checked_add(n))
                .map_or(bytes.len(), |end| end.min(bytes.len()));
            segment = pos;
        }
        self.out.extend_from_slice(&bytes[written..]);
    }
}

impl<T: Encode> Encode for Secret<T> {
    fn encode(&self, enc: &mut Encoder) {
        self.expose().encode(enc);
    }
}

impl Encode for Command<'_> {
    fn encode(&self, enc: &mut Encoder) {
        self.tag.encode(enc);
        enc.byte(b' ');
        self.body.encode(enc);
        enc.raw(b"\r\n");
    }
}

/// Writes `SP mailbox`.
fn sp_mailbox(enc: &mut Encoder, mailbox: &Mailbox<'_>) {
    enc.byte(b' ');
    mailbox.encode(enc);
}

/// Writes `SP "(" item *(SP item) ")"` unless the list is empty.
fn params<'a, T: ListItem<'a> + Encode>(enc: &mut Encoder, list: &List<'a, T>) {
    if list.is_empty() {
        return;
    }
    enc.raw(b" (");
    enc.list(list, |enc, item| item.encode(enc));
    enc.byte(b')');
}

/// Writes `[UID SP] name SP sequence-set`.
fn name_and_set(enc: &mut Encoder, uid: bool, name: &[u8], set: &SequenceSet<'_>) {
    if uid {
        enc.raw(b"UID ");
    }
    enc.raw(name);
    enc.byte(b' ');
    set.encode(enc);
}

impl Encode for CommandBody<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::Authenticate {
                mechanism,
                initial_response,
            } => {
                enc.raw(b"AUTHENTICATE ");
                mechanism.encode(enc);
                if let Some(data) = initial_response {
                    enc.byte(b' ');
                    if data.expose().as_str().is_empty() {
                        enc.byte(b'=');
                    } else {
                        data.encode(enc);
                    }
                }
            }
            Self::Login { username, password } => {
                enc.raw(b"LOGIN ");
                username.encode(enc);
                enc.byte(b' ');
                password.encode(enc);
            }
            Self::Enable { first, rest } => {
                enc.raw(b"ENABLE ");
                first.encode(enc);
                for capability in rest {
                    enc.byte(b' ');
                    capability.encode(enc);
                }
            }
            Self::Select { mailbox, params: p } | Self::Examine { mailbox, params: p } => {
                enc.raw(self.name().as_bytes());
                sp_mailbox(enc, mailbox);
                params(enc, p);
            }
            Self::Create { mailbox, params: p } => {
                enc.raw(b"CREATE");
                sp_mailbox(enc, mailbox);
                params(enc, p);
            }
            Self::Delete { mailbox }
            | Self::Subscribe { mailbox }
            | Self::Unsubscribe { mailbox } => {
                enc.raw(self.name().as_bytes());
                sp_mailbox(enc, mailbox);
            }
            Self::Rename { from, to } => {
                enc.raw(b"RENAME");
                sp_mailbox(enc, from);
                sp_mailbox(enc, to);
            }
            Self::Append { mailbox, messages } => {
                enc.raw(b"APPEND");
                sp_mailbox(enc, mailbox);
                enc.byte(b' ');
                enc.list(messages.iter(), |enc, m| m.encode(enc));
            }
            Self::List(args) => {
                enc.raw(b"LIST ");
                args.encode(enc);
            }
            Self::Lsub(args) => {
                enc.raw(b"LSUB ");
                args.encode(enc);
            }
            Self::Status(args) => {
                enc.raw(b"STATUS ");
                args.encode(enc);
            }
            Self::Search { uid, args } => {
                enc.raw(if *uid { b"UID SEARCH " } else { b"SEARCH " });
                args.encode(enc);
            }
            Self::Fetch {
                uid,
                sequence_set,
                items,
                modifiers,
            } => {
                name_and_set(enc, *uid, b"FETCH", sequence_set);
                enc.byte(b' ');
                items.encode(enc);
                params(enc, modifiers);
            }
            Self::UidExpunge { sequence_set } => {
                name_and_set(enc, true, b"EXPUNGE", sequence_set);
            }
            Self::Store {
                uid,
                sequence_set,
                modifiers,
                att,
            } => {
                name_and_set(enc, *uid, b"STORE", sequence_set);
                params(enc, modifiers);
                enc.byte(b' ');
                att.encode(enc);
            }
            Self::Copy {
                uid,
                sequence_set,
                mailbox,
            }
            | Self::Move {
                uid,
                sequence_set,
                mailbox,
            } => {
                name_and_set(enc, *uid, self.name().as_bytes(), sequence_set);
                sp_mailbox(enc, mailbox);
            }
            Self::Other(other) => other.encode(enc),
            Self::Quota(q) => q.encode(enc),
            Self::Compress { algorithm } => {
                enc.raw(b"COMPRESS ");
                algorithm.encode(enc);
            }
            Self::Unauthenticate => enc.raw(b"UNAUTHENTICATE"),
            Self::Sort { uid, args } => {
                enc.raw(if *uid { b"UID SORT " } else { b"SORT " });
                args.encode(enc);
            }
            Self::Thread { uid, args } => {
                enc.raw(if *uid { b"UID THREAD " } else { b"THREAD " });
                args.encode(enc);
            }
            Self::CancelUpdate { tags } => {
                enc.raw(b"CANCELUPDATE");
                for t in tags.iter() {
                    enc.raw(b" \"");
                    enc.raw(t.as_bytes());
                    enc.byte(b'"');
                }
            }
            Self::Metadata(m) => m.encode(enc),
            Self::Acl(a) => a.encode(enc),
            Self::UrlAuth(u) => u.encode(enc),
            Self::RList(args) => {
                enc.raw(b"RLIST ");
                args.encode(enc);
            }
            Self::RLsub(args) => {
                enc.raw(b"RLSUB ");
                args.encode(enc);
            }
            Self::Replace {
                uid,
                message_id,
                mailbox,
                message,
            } => super::append::replace(enc, *uid, *message_id, mailbox, message),
            Self::Language { ranges: args } | Self::Comparator { order: args } => {
                super::i18n::name_and_args(enc, self.name(), args);
            }
            Self::Notify(n) => n.encode(enc),
            Self::Id(params) => {
                enc.raw(b"ID ");
                params.encode(enc);
            }
            Self::Capability
            | Self::Noop
            | Self::Logout
            | Self::StartTls
            | Self::Namespace
            | Self::Idle
            | Self::Check
            | Self::Close
            | Self::Unselect
            | Self::Expunge => enc.raw(self.name().as_bytes()),
        }
    }
}

impl Encode for SelectParam<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::Ext(p) => p.encode(enc),
        }
    }
}

impl Encode for StoreModifier<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::Ext(p) => p.encode(enc),
        }
    }
}

impl Encode for FetchModifier<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::Ext(p) => p.encode(enc),
        }
    }
}

impl Encode for StoreAction {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(match self {
            Self::Replace => b"FLAGS",
            Self::Add => b"+FLAGS",
            Self::Remove => b"-FLAGS",
        });
    }
}

impl Encode for StoreAtt<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::Flags(f) => f.encode(enc),
            Self::GmLabels(l) => l.encode(enc),
        }
    }
}

/// Writes `[".SILENT"] SP`, what follows the item name of a STORE.
fn silent_sp(enc: &mut Encoder, silent: bool) {
    if silent {
        enc.raw(b".SILENT");
    }
    enc.byte(b' ');
}

impl Encode for StoreAttFlags<'_> {
    fn encode(&self, enc: &mut Encoder) {
        self.action.encode(enc);
        silent_sp(enc, self.silent);
        self.flags.encode(enc);
    }
}

impl Encode for StoreAttLabels<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(match self.action {
            StoreAction::Replace => b"X-GM-LABELS",
            StoreAction::Add => b"+X-GM-LABELS",
            StoreAction::Remove => b"-X-GM-LABELS",
        });
        silent_sp(enc, self.silent);
        self.labels.encode(enc);
    }
}

impl Encode for StoreLabels<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::List(list) => {
                enc.byte(b'(');
                enc.list(list.iter(), |enc, l| l.encode(enc));
                enc.byte(b')');
            }
            Self::Bare { first, rest } => {
                enc.list(core::iter::once(first.clone()).chain(rest), |enc, l| {
                    l.encode(enc);
                });
            }
        }
    }
}

impl Encode for StoreFlags<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::List(list) => list.encode(enc),
            Self::Bare { first, rest } => {
                first.encode(enc);
                for flag in rest {
                    enc.byte(b' ');
                    flag.encode(enc);
                }
            }
        }
    }
}

impl Encode for OtherArgs<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw_with_literals(self.as_bytes());
    }
}

impl Encode for OtherCommand<'_> {
    fn encode(&self, enc: &mut Encoder) {
        self.name().encode(enc);
        self.args().encode(enc);
    }
}

impl Encode for IdleDone {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(b"DONE\r\n");
    }
}

impl Encode for AuthenticateResponse<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::Data(data) => data.encode(enc),
            Self::Cancel => enc.byte(b'*'),
        }
        enc.raw(b"\r\n");
    }
}
