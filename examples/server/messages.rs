//! The example server's commands on the messages of the selected mailbox: FETCH, STORE,
//! EXPUNGE, COPY/MOVE and SEARCH.

use std::num::NonZeroU32;

use imap_wire::Code;
use imap_wire::server::CommandHandle;
use imap_wire::types::command::StoreAction;
use imap_wire::types::list::List;
use imap_wire::{Data, FetchAttribute, Mailbox, SearchKey, SequenceSet, StatusKind};

use super::super::fetch::fetch_items;
use super::super::store::{Message, has_flag};
use super::{Result, Session};

impl Session {
    /// Sequence numbers (1-based) of the selected messages that `set` names.
    pub(super) fn resolve(&self, uid: bool, set: &SequenceSet<'_>) -> Vec<usize> {
        let Some(sel) = &self.selected else {
            return Vec::new();
        };
        let store = self.store();
        let Some(mb) = store.mailboxes.get(&sel.name) else {
            return Vec::new();
        };
        let largest_uid = mb.messages.last().map_or(0, |m| m.uid);
        let count = mb.messages.len() as u32;
        mb.messages
            .iter()
            .enumerate()
            .filter(|(k, m)| {
                if uid {
                    set.contains(m.uid, largest_uid)
                } else {
                    set.contains(*k as u32 + 1, count)
                }
            })
            .map(|(k, _)| k + 1)
            .collect()
    }

    pub(super) fn fetch(
        &mut self,
        h: CommandHandle,
        uid: bool,
        set: &SequenceSet<'_>,
        attributes: &[FetchAttribute<'_>],
    ) -> Result {
        let sets_seen = attributes.iter().any(|a| {
            matches!(
                a,
                FetchAttribute::BodySection { peek: false, .. }
                    | FetchAttribute::Rfc822
                    | FetchAttribute::Rfc822Text
            )
        });
        let messages = self.update_each(uid, set, |m, read_only| {
            if sets_seen && !read_only && !has_flag(&m.flags, "\\Seen") {
                m.flags.push("\\Seen".to_owned());
            }
        });
        for (seq, message) in messages {
            self.send_fetch(h, seq, &message, uid, attributes)?;
        }
        Ok(())
    }

    /// Applies `change` to each selected message `set` names; returns them, changed.
    pub(super) fn update_each(
        &mut self,
        uid: bool,
        set: &SequenceSet<'_>,
        mut change: impl FnMut(&mut Message, bool),
    ) -> Vec<(usize, Message)> {
        let seqs = self.resolve(uid, set);
        let Some(sel) = &self.selected else {
            return Vec::new();
        };
        let (name, read_only) = (sel.name.clone(), sel.read_only);
        let mut store = self.store();
        let Some(mb) = store.mailboxes.get_mut(&name) else {
            return Vec::new();
        };
        seqs.into_iter()
            .filter_map(|seq| {
                let m = mb.messages.get_mut(seq - 1)?;
                change(m, read_only);
                Some((seq, m.clone()))
            })
            .collect()
    }

    /// `* seq FETCH (...)` with `attributes` of `message`.
    pub(super) fn send_fetch(
        &mut self,
        h: CommandHandle,
        seq: usize,
        message: &Message,
        uid: bool,
        attributes: &[FetchAttribute<'_>],
    ) -> Result {
        let items = fetch_items(message, uid, attributes);
        let seq = NonZeroU32::new(seq as u32).unwrap_or(NonZeroU32::MIN);
        let items = items.iter().cloned().collect();
        self.server.data(h, Data::Fetch { seq, items })
    }

    pub(super) fn store_flags(
        &mut self,
        h: CommandHandle,
        uid: bool,
        set: &SequenceSet<'_>,
        action: StoreAction,
        names: &[String],
        silent: bool,
    ) -> Result {
        let messages = self.update_each(uid, set, |m, read_only| {
            if read_only {
                return;
            }
            match action {
                StoreAction::Replace => m.flags = names.to_vec(),
                StoreAction::Add => {
                    for n in names {
                        if !has_flag(&m.flags, n) {
                            m.flags.push(n.clone());
                        }
                    }
                }
                StoreAction::Remove => m
                    .flags
                    .retain(|f| !names.iter().any(|n| n.eq_ignore_ascii_case(f))),
            }
        });
        if silent {
            return Ok(());
        }
        let mut attrs = vec![FetchAttribute::Flags];
        if uid {
            attrs.push(FetchAttribute::Uid);
        }
        for (seq, message) in messages {
            self.send_fetch(h, seq, &message, false, &attrs)?;
        }
        Ok(())
    }

    pub(super) fn expunge(&mut self, h: CommandHandle, uids: Option<&SequenceSet<'_>>) -> Result {
        let Some(sel) = self.selected.as_mut() else {
            return Ok(());
        };
        if sel.read_only {
            return Ok(());
        }
        let mut gone = Vec::new();
        {
            let mut store = self.store.lock().unwrap_or_else(|e| e.into_inner());
            let Some(mb) = store.mailboxes.get_mut(&sel.name) else {
                return Ok(());
            };
            let largest = mb.messages.last().map_or(0, |m| m.uid);
            let mut k = 0;
            while k < mb.messages.len() {
                let m = &mb.messages[k];
                let chosen = has_flag(&m.flags, "\\Deleted")
                    && uids.is_none_or(|s| s.contains(m.uid, largest));
                if chosen {
                    mb.messages.remove(k);
                    gone.push(k + 1);
                } else {
                    k += 1;
                }
            }
            sel.known = mb.messages.len();
        }
        for seq in gone {
            self.server.data(
                h,
                Data::Expunge(NonZeroU32::new(seq as u32).expect("1-based")),
            )?;
        }
        Ok(())
    }

    pub(super) fn copy(
        &mut self,
        h: CommandHandle,
        uid: bool,
        set: &SequenceSet<'_>,
        target: &Mailbox<'_>,
        moving: bool,
    ) -> Result {
        let seqs = self.resolve(uid, set);
        let Some(sel) = &self.selected else {
            return Ok(());
        };
        let name = sel.name.clone();
        {
            let mut store = self.store();
            let Some(target) = store.find(target.as_str()) else {
                drop(store);
                return self.server.complete(
                    h,
                    StatusKind::No,
                    Some(Code::TryCreate),
                    "No such mailbox",
                );
            };
            let copies: Vec<_> = seqs
                .iter()
                .filter_map(|&s| store.mailboxes.get(&name)?.messages.get(s - 1).cloned())
                .collect();
            let mb = store.mailboxes.get_mut(&target).expect("found");
            for m in copies {
                mb.append(m.raw, m.flags);
            }
            if moving {
                if let Some(src) = store.mailboxes.get_mut(&name) {
                    for &s in seqs.iter().rev() {
                        src.messages.remove(s - 1);
                    }
                }
            }
        }
        if moving {
            for &s in seqs.iter().rev() {
                self.server.data(
                    h,
                    Data::Expunge(NonZeroU32::new(s as u32).expect("1-based")),
                )?;
            }
            if let Some(sel) = self.selected.as_mut() {
                sel.known -= seqs.len();
            }
        }
        self.ok(
            h,
            if moving {
                "MOVE completed"
            } else {
                "COPY completed"
            },
        )
    }

    /// Sequence numbers (or UIDs) of the selected messages matching all of `criteria`.
    pub(super) fn search(&self, criteria: &List<'_, SearchKey<'_>>, uid: bool) -> Vec<u32> {
        let Some(sel) = &self.selected else {
            return Vec::new();
        };
        let store = self.store();
        let Some(mb) = store.mailboxes.get(&sel.name) else {
            return Vec::new();
        };
        let count = mb.messages.len() as u32;
        let largest = mb.messages.last().map_or(0, |m| m.uid);
        mb.messages
            .iter()
            .enumerate()
            .filter(|(k, m)| {
                criteria.iter().all(|key| {
                    super::super::search::matches(&key, m, *k as u32 + 1, count, largest)
                })
            })
            .map(|(k, m)| if uid { m.uid } else { k as u32 + 1 })
            .collect()
    }
}
