//! The commands in flight: delivered to the owner and not yet completed, with their tags.
//!
//! Tags are copied into one arena reused from command to command, so keeping them costs no
//! allocation once the arena has grown. A command whose completion changes the connection's
//! state or grammar (LOGIN, SELECT, ENABLE, IDLE, STARTTLS...) is a *barrier*: no further
//! command is read until it completes, so each command is judged in the state it runs in.

use alloc::vec::Vec;

use super::config::Extensions;
use super::event::CommandHandle;
use crate::types::command::CommandBody;

/// What the machine must do when a command completes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Login,
    Authenticate,
    Select,
    Close,
    Logout,
    StartTls,
    Compress,
    /// ENABLE, with the extensions requested that the server allows.
    Enable(Extensions),
    Idle,
    /// UNAUTHENTICATE (RFC 8437).
    Unauthenticate,
    /// Any other command: completing it changes nothing.
    Other,
}

impl Kind {
    /// The kind of `body`, given which extensions may be enabled.
    pub(crate) fn of(body: &CommandBody<'_>, allowed: Extensions) -> Kind {
        use CommandBody as C;
        match body {
            C::Login { .. } => Kind::Login,
            C::Authenticate { .. } => Kind::Authenticate,
            C::Select { .. } | C::Examine { .. } => Kind::Select,
            C::Close | C::Unselect => Kind::Close,
            C::Logout => Kind::Logout,
            C::StartTls => Kind::StartTls,
            C::Idle => Kind::Idle,
            C::Enable { first, rest } => {
                let mut asked = Extensions::default();
                for cap in core::iter::once(first.clone()).chain(rest.iter()) {
                    let name = cap.as_str();
                    if name.eq_ignore_ascii_case("UTF8=ACCEPT") {
                        asked.utf8_accept = true;
                    } else if name.eq_ignore_ascii_case("CONDSTORE") {
                        asked.condstore = true;
                    } else if name.eq_ignore_ascii_case("QRESYNC") {
                        asked.qresync = true;
                    }
                }
                Kind::Enable(asked.intersect(allowed))
            }
            C::Compress { .. } => Kind::Compress,
            C::Unauthenticate => Kind::Unauthenticate,
            _ => Kind::Other,
        }
    }

    /// Whether no further command may be read until this one completes.
    pub(crate) fn is_barrier(self) -> bool {
        self != Kind::Other
    }
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    handle: u64,
    tag_start: usize,
    tag_end: usize,
    kind: Kind,
}

/// Arena size past which the tags of completed commands are squeezed out.
const COMPACT_AT: usize = 4096;

/// The table of commands in flight.
#[derive(Clone, Debug, Default)]
pub(crate) struct Flight {
    entries: Vec<Entry>,
    tags: Vec<u8>,
    next: u64,
    barriers: usize,
}

impl Flight {
    /// Records a command; returns its handle.
    pub(crate) fn push(&mut self, tag: &[u8], kind: Kind) -> CommandHandle {
        let handle = self.next;
        self.next += 1;
        let tag_start = self.tags.len();
        self.tags.extend_from_slice(tag);
        self.entries.push(Entry {
            handle,
            tag_start,
            tag_end: self.tags.len(),
            kind,
        });
        if kind.is_barrier() {
            self.barriers += 1;
        }
        CommandHandle(handle)
    }

    /// Where `handle` is in the table.
    pub(crate) fn find(&self, handle: CommandHandle) -> Option<usize> {
        // Completions come mostly in order: search from the oldest.
        self.entries.iter().position(|e| e.handle == handle.0)
    }

    /// The tag of the command at `at` (from [`Flight::find`]).
    pub(crate) fn tag(&self, at: usize) -> &[u8] {
        let e = &self.entries[at];
        &self.tags[e.tag_start..e.tag_end]
    }

    /// The kind of the command at `at`.
    pub(crate) fn kind(&self, at: usize) -> Kind {
        self.entries[at].kind
    }

    /// Forgets the command at `at`.
    pub(crate) fn remove(&mut self, at: usize) {
        let e = self.entries.remove(at);
        if e.kind.is_barrier() {
            self.barriers -= 1;
        }
        if self.entries.is_empty() {
            self.tags.clear();
        } else if self.tags.len() > COMPACT_AT {
            self.compact();
        }
    }

    /// Moves the live tags to the front of the arena.
    fn compact(&mut self) {
        let mut to = 0;
        for e in &mut self.entries {
            let len = e.tag_end - e.tag_start;
            self.tags.copy_within(e.tag_start..e.tag_end, to);
            e.tag_start = to;
            e.tag_end = to + len;
            to += len;
        }
        self.tags.truncate(to);
    }

    /// Commands in flight.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether a barrier is in flight.
    pub(crate) fn has_barrier(&self) -> bool {
        self.barriers > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_survive_compaction_and_order_is_kept() {
        let mut f = Flight::default();
        let first = f.push(b"keep", Kind::Other);
        let mut last = first;
        for k in 0..2000 {
            let tag = alloc::format!("t{k}");
            let h = f.push(tag.as_bytes(), Kind::Other);
            let at = f.find(last).unwrap();
            if last != first {
                f.remove(at);
            }
            last = h;
        }
        assert!(f.tags.len() <= COMPACT_AT + 8);
        assert_eq!(f.tag(f.find(first).unwrap()), b"keep");
        assert_eq!(f.tag(f.find(last).unwrap()), b"t1999");
        assert_eq!(f.len(), 2);
    }

    #[test]
    fn barriers_are_counted() {
        let mut f = Flight::default();
        let a = f.push(b"a", Kind::Login);
        let b = f.push(b"b", Kind::Other);
        assert!(f.has_barrier());
        f.remove(f.find(a).unwrap());
        assert!(!f.has_barrier());
        assert!(f.find(a).is_none());
        assert_eq!(f.tag(f.find(b).unwrap()), b"b");
    }
}
