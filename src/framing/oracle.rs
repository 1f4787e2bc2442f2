//! Whether a `{n}` at the end of a line announces a literal: the grammar decides.
//!
//! A literal can stand only where the grammar allows a string. Free text (the text of a status
//! response, a continuation request, the arguments of a command that takes no strings) may end
//! in `{5}` without announcing anything: `* OK see section {5}` is one complete response. The
//! check looks at the message's first words (which kind of message it is) and at the current
//! line (what precedes the `{`); it never reads
//! the rest of the message again.

use super::Role;
use crate::chars::{is_atom_char, is_tag_char};

/// Whether a message whose first line starts with `first` can hold strings (and so
/// literals) under the grammar of `role`.
pub(crate) fn message_takes_strings(role: Role, first: &[u8]) -> bool {
    match role {
        Role::Responses => response_takes_strings(first),
        Role::Commands => command_takes_strings(first),
    }
}

/// Whether the literal marker (`{` or `~{`) at `brace` in `line` stands where a string can:
/// after a space or an opening parenthesis.
///
/// A marker inside an unterminated quoted string needs no check: a quoted string cannot hold
/// a line end, so such a line is malformed whichever way it is read.
pub(crate) fn literal_position_ok(line: &[u8], brace: usize) -> bool {
    let before = brace.checked_sub(1).and_then(|k| line.get(k));
    matches!(before, Some(b' ' | b'('))
}

/// The words of a first line: `(first, second)`, each up to the next space.
fn words(line: &[u8]) -> (&[u8], &[u8]) {
    let end = |s: &[u8]| {
        s.iter()
            .position(|&b| b == b' ' || b == b'\r' || b == b'\n')
            .unwrap_or(s.len())
    };
    let a = end(line);
    let first = &line[..a];
    let rest = line.get(a + 1..).unwrap_or_default();
    (first, &rest[..end(rest)])
}

fn is_status(word: &[u8]) -> bool {
    [&b"OK"[..], b"NO", b"BAD", b"BYE", b"PREAUTH"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

/// Responses: status responses (`* OK ...`, `tag NO ...`) and continuation requests carry text
/// and never literals; untagged data (`* 1 FETCH`, `* LIST`) can carry strings.
fn response_takes_strings(first: &[u8]) -> bool {
    if first.first() == Some(&b'+') {
        return false;
    }
    let (a, b) = words(first);
    if a == b"*" {
        return !is_status(b);
    }
    // A tagged response is always a status response: text only.
    false
}

/// Commands that take no string argument: a `{n}` at the end of their line is not a literal.
const NO_STRINGS: &[&[u8]] = &[
    b"CAPABILITY",
    b"NOOP",
    b"LOGOUT",
    b"STARTTLS",
    b"AUTHENTICATE",
    b"CHECK",
    b"CLOSE",
    b"EXPUNGE",
    b"UNSELECT",
    b"IDLE",
    b"NAMESPACE",
    b"ENABLE",
    b"UNAUTHENTICATE",
    b"COMPRESS",
];

/// Commands: `tag SP command ...`. Lines that are not commands (AUTHENTICATE responses,
/// `DONE`) carry no literals; nor do commands whose arguments are never strings.
fn command_takes_strings(first: &[u8]) -> bool {
    let (tag, name) = words(first);
    if tag.is_empty()
        || !tag.iter().all(|&b| is_tag_char(b))
        || name.is_empty()
        || !name.iter().all(|&b| is_atom_char(b))
    {
        return false;
    }
    !NO_STRINGS.iter().any(|w| name.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decide(role: Role, line: &[u8]) -> bool {
        let brace = line.iter().rposition(|&b| b == b'{').unwrap();
        message_takes_strings(role, line) && literal_position_ok(line, brace)
    }

    fn resp(line: &[u8]) -> bool {
        decide(Role::Responses, line)
    }

    fn cmd(line: &[u8]) -> bool {
        decide(Role::Commands, line)
    }

    #[test]
    fn responses() {
        assert!(resp(b"* 1 FETCH (BODY[] {5}"));
        assert!(resp(b"* LIST () \"/\" {5}"));
        assert!(resp(b"* 1 FETCH (BODY[HEADER.FIELDS ({5}"));
        assert!(!resp(b"* OK see section {5}"));
        assert!(!resp(b"* ok see section {5}"));
        assert!(!resp(b"* BYE {5}"));
        assert!(!resp(b"a1 OK done {5}"));
        assert!(!resp(b"+ {5}"));
        assert!(!resp(b"* 1 FETCH (BODY[] x{5}"));
    }

    #[test]
    fn commands() {
        assert!(cmd(b"a1 LOGIN {5}"));
        assert!(cmd(b"a1 login fred {5}"));
        assert!(cmd(b"a1 APPEND INBOX (\\Seen) {310}"));
        assert!(cmd(b"a1 XFOO {5}"));
        assert!(!cmd(b"a1 NOOP {5}"));
        assert!(!cmd(b"a1 noop see {5}"));
        assert!(!cmd(b"a1 AUTHENTICATE PLAIN {5}"));
        assert!(!cmd(b"DONE {5}"));
        assert!(cmd(b"a1 LOGIN \"fr\\\"ed\" {5}"));
    }
}
