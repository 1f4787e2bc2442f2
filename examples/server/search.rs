//! SEARCH criteria evaluated against a stored message.

use imap_wire::SearchKey;

use super::mime;
use super::store::{Message, has_flag};

/// Whether `m` (sequence number `seq` of `count`, largest UID `largest`) matches `key`.
/// Date criteria match every message (the demo store keeps no dates).
pub fn matches(key: &SearchKey<'_>, m: &Message, seq: u32, count: u32, largest: u32) -> bool {
    let header = |name: &str, needle: &[u8]| {
        let (head, _) = mime::split(&m.raw);
        mime::field(head, name).is_some_and(|v| contains(v.as_bytes(), needle))
    };
    match key {
        SearchKey::All => true,
        SearchKey::Answered => has_flag(&m.flags, "\\Answered"),
        SearchKey::Deleted => has_flag(&m.flags, "\\Deleted"),
        SearchKey::Flagged => has_flag(&m.flags, "\\Flagged"),
        SearchKey::Seen => has_flag(&m.flags, "\\Seen"),
        SearchKey::Draft => has_flag(&m.flags, "\\Draft"),
        SearchKey::Unanswered => !has_flag(&m.flags, "\\Answered"),
        SearchKey::Undeleted => !has_flag(&m.flags, "\\Deleted"),
        SearchKey::Unflagged => !has_flag(&m.flags, "\\Flagged"),
        SearchKey::Unseen | SearchKey::New => !has_flag(&m.flags, "\\Seen"),
        SearchKey::Undraft => !has_flag(&m.flags, "\\Draft"),
        SearchKey::Keyword(k) => has_flag(&m.flags, k.as_str()),
        SearchKey::Unkeyword(k) => !has_flag(&m.flags, k.as_str()),
        SearchKey::From(s) => header("From", s.as_bytes()),
        SearchKey::To(s) => header("To", s.as_bytes()),
        SearchKey::Cc(s) => header("Cc", s.as_bytes()),
        SearchKey::Bcc(s) => header("Bcc", s.as_bytes()),
        SearchKey::Subject(s) => header("Subject", s.as_bytes()),
        SearchKey::Header(name, s) => {
            header(&String::from_utf8_lossy(name.as_bytes()), s.as_bytes())
        }
        SearchKey::Body(s) => contains(mime::split(&m.raw).1, s.as_bytes()),
        SearchKey::Text(s) => contains(&m.raw, s.as_bytes()),
        SearchKey::Larger(n) => m.raw.len() as u64 > n.get(),
        SearchKey::Smaller(n) => (m.raw.len() as u64) < n.get(),
        SearchKey::Uid(set) => set.contains(m.uid, largest),
        SearchKey::SequenceSet(set) => set.contains(seq, count),
        SearchKey::Not(k) => !matches(k, m, seq, count, largest),
        SearchKey::Or(a, b) => {
            matches(a, m, seq, count, largest) || matches(b, m, seq, count, largest)
        }
        SearchKey::Group(keys) => keys.iter().all(|k| matches(&k, m, seq, count, largest)),
        _ => true,
    }
}

/// Case-insensitive substring search.
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    needle.is_empty()
        || hay
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
}
