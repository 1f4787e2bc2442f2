//! The mailbox view: what the client knows of the selected mailbox, kept up to date from the
//! server's responses (RFC 9051 §7.3, §7.5; RFC 7162 for HIGHESTMODSEQ and VANISHED).
//!
//! It is fed by the untagged data and response codes that follow SELECT or EXAMINE, by
//! EXISTS, EXPUNGE and VANISHED, and by the UIDs FETCH responses carry. The sequence number
//! ↔ UID map is sparse: it holds the pairs the server has told, and renumbers them when
//! messages are expunged.
//!

use alloc::vec::Vec;
use core::num::NonZeroU32;

use crate::types::code::Code;
use crate::types::message::MessageAttribute;
use crate::types::response::Data;
use crate::types::sequence::{Sequence, SequenceSet};

/// The selected mailbox as the server has described it (see the module docs).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MailboxView {
    exists: u32,
    uid_validity: Option<NonZeroU32>,
    uid_next: Option<NonZeroU32>,
    highest_modseq: Option<u64>,
    read_only: bool,
    /// Known (sequence number, UID) pairs, sorted by both.
    uids: Vec<(u32, NonZeroU32)>,
}

impl MailboxView {
    /// The number of messages (`EXISTS`, less expunged ones).
    pub fn exists(&self) -> u32 {
        self.exists
    }

    /// `UIDVALIDITY`, once the server has sent it.
    pub fn uid_validity(&self) -> Option<NonZeroU32> {
        self.uid_validity
    }

    /// `UIDNEXT`, once the server has sent it.
    pub fn uid_next(&self) -> Option<NonZeroU32> {
        self.uid_next
    }

    /// `HIGHESTMODSEQ` (RFC 7162), once the server has sent it.
    pub fn highest_modseq(&self) -> Option<u64> {
        self.highest_modseq
    }

    /// Whether the mailbox was opened read-only (EXAMINE, or `[READ-ONLY]`).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The UID of message `seq`, when the server has told it.
    pub fn uid(&self, seq: u32) -> Option<NonZeroU32> {
        let at = self.uids.binary_search_by_key(&seq, |&(s, _)| s).ok()?;
        Some(self.uids[at].1)
    }

    /// The sequence number of the message with `uid`, when known.
    pub fn seq(&self, uid: NonZeroU32) -> Option<u32> {
        let at = self.uids.binary_search_by_key(&uid, |&(_, u)| u).ok()?;
        Some(self.uids[at].0)
    }

    /// Number of known (sequence number, UID) pairs.
    pub fn known_uids(&self) -> usize {
        self.uids.len()
    }

    /// Forgets everything: a new mailbox is being selected.
    pub(crate) fn reset(&mut self) {
        *self = Self::default();
    }

    /// Takes in one piece of untagged data.
    pub fn apply(&mut self, data: &Data<'_>) {
        match data {
            Data::Exists(n) => {
                self.exists = *n;
                let keep = self.uids.partition_point(|&(s, _)| s <= *n);
                self.uids.truncate(keep);
            }
            Data::Expunge(seq) => self.expunge(seq.get()),
            Data::Fetch { seq, items } => {
                let seq = seq.get();
                if seq > self.exists {
                    return;
                }
                let uid = items.iter().find_map(|item| match item {
                    MessageAttribute::Uid(uid) => Some(uid),
                    _ => None,
                });
                if let Some(uid) = uid {
                    self.learn(seq, uid);
                }
            }
            Data::Vanished(v) => self.vanished(&v.uids, v.earlier),
            _ => {}
        }
    }

    /// Takes in a response code (from an untagged status or a completion).
    pub fn apply_code(&mut self, code: &Code<'_>) {
        match code {
            Code::UidValidity(v) => {
                if self.uid_validity != Some(*v) {
                    self.uids.clear();
                }
                self.uid_validity = Some(*v);
            }
            Code::UidNext(n) => self.uid_next = Some(*n),
            Code::ReadOnly => self.read_only = true,
            Code::ReadWrite => self.read_only = false,
            Code::HighestModSeq(n) => self.highest_modseq = Some(n.get()),
            _ => {}
        }
    }

    /// Records that message `seq` has `uid`.
    fn learn(&mut self, seq: u32, uid: NonZeroU32) {
        match self.uids.binary_search_by_key(&seq, |&(s, _)| s) {
            Ok(at) => self.uids[at].1 = uid,
            Err(at) => {
                // UIDs ascend with sequence numbers; a pair that breaks the order is wrong.
                let after_prev = at == 0 || self.uids[at - 1].1 < uid;
                let before_next = self.uids.get(at).is_none_or(|&(_, u)| uid < u);
                if after_prev && before_next {
                    self.uids.insert(at, (seq, uid));
                }
            }
        }
    }

    /// Message `seq` was expunged: later messages move down by one.
    fn expunge(&mut self, seq: u32) {
        if seq > self.exists {
            return;
        }
        self.exists -= 1;
        let at = self.uids.partition_point(|&(s, _)| s < seq);
        if self.uids.get(at).is_some_and(|&(s, _)| s == seq) {
            self.uids.remove(at);
        }
        for pair in &mut self.uids[at..] {
            pair.0 -= 1;
        }
    }

    /// The messages with these UIDs were expunged. `(EARLIER)` reports messages already gone
    /// before the mailbox was selected: they leave the map but change no number.
    fn vanished(&mut self, set: &SequenceSet<'_>, earlier: bool) {
        let complete = self.uids.len() as u64 == u64::from(self.exists);
        let mut removed: u32 = 0;
        let mut kept = Vec::with_capacity(self.uids.len());
        for &(seq, uid) in &self.uids {
            if set.contains(uid.get(), u32::MAX) {
                removed += 1;
                continue;
            }
            let shift = if earlier {
                0
            } else if complete {
                removed
            } else {
                count_below(set, uid.get()).min(seq - 1)
            };
            kept.push((seq - shift, uid));
        }
        self.uids = kept;
        if !earlier {
            let gone = if complete {
                removed
            } else {
                count_all(set).min(self.exists)
            };
            self.exists -= gone;
        }
    }
}

/// How many UIDs of `set` are below `uid` (without listing them: ranges may be huge).
fn count_below(set: &SequenceSet<'_>, uid: u32) -> u32 {
    let mut n: u32 = 0;
    for item in set.iter() {
        let (lo, hi) = bounds(item);
        if lo < uid {
            n = n.saturating_add(hi.min(uid - 1) - lo + 1);
        }
    }
    n
}

/// How many UIDs `set` names (a UID written twice counts twice; servers do not do that).
fn count_all(set: &SequenceSet<'_>) -> u32 {
    set.iter().fold(0u32, |n, item| {
        let (lo, hi) = bounds(item);
        n.saturating_add(hi - lo + 1)
    })
}

/// The lowest and highest UID of one item; `*` (no UID a server sends in VANISHED) stands for
/// the largest UID there can be.
fn bounds(item: Sequence) -> (u32, u32) {
    let (a, b) = match item {
        Sequence::Single(n) => (n, n),
        Sequence::Range(a, b) => (a, b),
    };
    let (a, b) = (a.resolve(u32::MAX), b.resolve(u32::MAX));
    (a.min(b), a.max(b))
}
