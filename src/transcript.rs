//! Recorded IMAP sessions: the `.imap` transcript format.
//!
//! A transcript keeps both directions of one connection byte for byte, in the order the
//! chunks were seen on the wire:
//!
//! ```text
//! # server=dovecot client=python-imaplib scenario=login
//! S 30
//! * OK [CAPABILITY IMAP4rev1] hi\r\n
//! C 28
//! a1 LOGIN alice "pass word"\r\n
//! S 0
//!
//! ```
//!
//! - Optional comment lines come first, each starting with `#` and ending with `\n`. The first
//!   one, when present, holds space-separated `key=value` pairs (`server`, `client`, `scenario`
//!   are usual; unknown keys are kept).
//! - Then records to the end of the file: a direction letter (`C` client to server, `S`
//!   server to client), one space, the chunk's length in decimal, `\n`, exactly that many raw
//!   bytes, and one `\n` that is not part of the chunk.
//! - A record of length 0 ends that direction's stream; nothing of that direction may follow.
//!
//! Chunk boundaries are how the bytes arrived, not message boundaries. A file that breaks the
//! layout is a [`TranscriptError`] naming the byte offset of the first byte that is wrong: a
//! header pair without `=`, a comment line without its newline, a record line that is not
//! `C <len>` or `S <len>`, a length running past the end of the file, a chunk not followed by
//! `\n`, a record after the end of its direction.
//!
//! A recorder that writes as it goes uses [`write_record`] for each chunk.
//!
//! ```
//! use imap_wire::transcript::{Direction, Transcript};
//! let file = b"# server=x\nS 6\n* OK\r\n\nC 9\na1 NOOP\r\n\n";
//! let t = Transcript::parse(file).unwrap();
//! assert_eq!(t.meta("server"), Some("x"));
//! assert_eq!(t.stream(Direction::Server), b"* OK\r\n");
//! let mut out = Vec::new();
//! t.write(&mut out);
//! assert_eq!(out, file);
//! ```

use alloc::vec::Vec;
use core::fmt;

/// Who sent a chunk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Client to server (`C`).
    Client,
    /// Server to client (`S`).
    Server,
}

impl Direction {
    fn letter(self) -> u8 {
        match self {
            Self::Client => b'C',
            Self::Server => b'S',
        }
    }
}

/// One chunk as it arrived.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Record<'a> {
    /// Who sent it.
    pub direction: Direction,
    /// The bytes (empty for the end of a direction's stream).
    pub bytes: &'a [u8],
    /// Offset of the record's first line in the file.
    pub offset: usize,
}

/// A parsed transcript, borrowing from the file's bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transcript<'a> {
    comments: Vec<&'a [u8]>,
    records: Vec<Record<'a>>,
}

/// What is wrong with a transcript file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TranscriptErrorKind {
    /// A record line is not `C <len>` or `S <len>`.
    BadRecordLine,
    /// The length runs past the end of the file.
    Truncated,
    /// The byte after a chunk is not `\n`.
    MissingNewline,
    /// A record follows the end (a 0-length record) of its direction.
    AfterEnd,
    /// A word of the first comment line is not a `key=value` pair.
    BadHeader,
    /// A comment line has no newline before the end of the file.
    UnterminatedComment,
}

/// A malformed transcript: what and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TranscriptError {
    /// What is wrong.
    pub kind: TranscriptErrorKind,
    /// Byte offset in the file.
    pub offset: usize,
}

impl fmt::Display for TranscriptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            TranscriptErrorKind::BadRecordLine => "expected a record line `C <len>` or `S <len>`",
            TranscriptErrorKind::Truncated => "record length runs past the end of the file",
            TranscriptErrorKind::MissingNewline => "expected a newline after the record's bytes",
            TranscriptErrorKind::AfterEnd => "record after the end of its direction's stream",
            TranscriptErrorKind::BadHeader => "expected `key=value` in the header line",
            TranscriptErrorKind::UnterminatedComment => "comment line without a newline",
        };
        write!(f, "{what} at byte {}", self.offset)
    }
}

impl core::error::Error for TranscriptError {}

impl<'a> Transcript<'a> {
    /// An empty transcript.
    pub fn new() -> Self {
        Self {
            comments: Vec::new(),
            records: Vec::new(),
        }
    }

    /// Reads a transcript file.
    ///
    /// # Errors
    /// A [`TranscriptError`] naming the byte offset where the layout breaks.
    pub fn parse(file: &'a [u8]) -> Result<Self, TranscriptError> {
        let mut t = Self::new();
        let mut pos = 0;
        while file.get(pos) == Some(&b'#') {
            let end =
                memchr::memchr(b'\n', &file[pos..])
                    .map(|n| pos + n)
                    .ok_or(TranscriptError {
                        kind: TranscriptErrorKind::UnterminatedComment,
                        offset: pos,
                    })?;
            if t.comments.is_empty() {
                check_header(&file[pos + 1..end], pos + 1)?;
            }
            t.comments.push(&file[pos + 1..end]);
            pos = end + 1;
        }
        let mut ended = [false; 2];
        while pos < file.len() {
            let bad = |offset| TranscriptError {
                kind: TranscriptErrorKind::BadRecordLine,
                offset,
            };
            let direction = match file[pos] {
                b'C' => Direction::Client,
                b'S' => Direction::Server,
                _ => return Err(bad(pos)),
            };
            if file.get(pos + 1) != Some(&b' ') {
                return Err(bad(pos + 1));
            }
            let digits_at = pos + 2;
            let digits = file[digits_at..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if digits == 0 || digits > 19 {
                return Err(bad(digits_at));
            }
            if file.get(digits_at + digits) != Some(&b'\n') {
                return Err(bad(digits_at + digits));
            }
            let len: usize = file[digits_at..digits_at + digits]
                .iter()
                .fold(0usize, |n, d| {
                    n.saturating_mul(10).saturating_add(usize::from(d - b'0'))
                });
            let start = digits_at + digits + 1;
            let end =
                start
                    .checked_add(len)
                    .filter(|&e| e < file.len())
                    .ok_or(TranscriptError {
                        kind: TranscriptErrorKind::Truncated,
                        offset: pos,
                    })?;
            if file[end] != b'\n' {
                let kind = TranscriptErrorKind::MissingNewline;
                return Err(TranscriptError { kind, offset: end });
            }
            let slot = usize::from(direction == Direction::Server);
            if ended[slot] {
                return Err(TranscriptError {
                    kind: TranscriptErrorKind::AfterEnd,
                    offset: pos,
                });
            }
            ended[slot] = len == 0;
            t.records.push(Record {
                direction,
                bytes: &file[start..end],
                offset: pos,
            });
            pos = end + 1;
        }
        Ok(t)
    }

    /// The comment lines, without `#` and the newline.
    pub fn comments(&self) -> &[&'a [u8]] {
        &self.comments
    }

    /// The value of `key` in the first comment line's `key=value` pairs.
    pub fn meta(&self, key: &str) -> Option<&'a str> {
        let first = core::str::from_utf8(self.comments.first()?).ok()?;
        first.split_ascii_whitespace().find_map(|pair| {
            let (k, v) = pair.split_once('=')?;
            (k == key).then_some(v)
        })
    }

    /// The records in file order.
    pub fn records(&self) -> &[Record<'a>] {
        &self.records
    }

    /// Adds a comment line (without `#`; it must not hold a newline).
    pub fn push_comment(&mut self, line: &'a [u8]) {
        self.comments.push(line);
    }

    /// Adds a record.
    pub fn push(&mut self, direction: Direction, bytes: &'a [u8]) {
        self.records.push(Record {
            direction,
            bytes,
            offset: 0,
        });
    }

    /// All bytes one side sent, in order.
    pub fn stream(&self, direction: Direction) -> Vec<u8> {
        let mut out = Vec::new();
        for r in self.records.iter().filter(|r| r.direction == direction) {
            out.extend_from_slice(r.bytes);
        }
        out
    }

    /// Whether any bytes of `direction` are recorded.
    pub fn has(&self, direction: Direction) -> bool {
        self.records
            .iter()
            .any(|r| r.direction == direction && !r.bytes.is_empty())
    }

    /// Writes the transcript in the `.imap` format.
    pub fn write(&self, out: &mut Vec<u8>) {
        for c in &self.comments {
            out.push(b'#');
            out.extend_from_slice(c);
            out.push(b'\n');
        }
        for r in &self.records {
            write_record(out, r.direction, r.bytes);
        }
    }
}

/// Appends one record (`C`/`S`, the length, the bytes) in the `.imap` format; an empty `bytes`
/// writes the record that ends `direction`'s stream.
pub fn write_record(out: &mut Vec<u8>, direction: Direction, bytes: &[u8]) {
    out.push(direction.letter());
    out.push(b' ');
    let mut enc = crate::Encoder::default();
    enc.number(bytes.len() as u64);
    out.extend_from_slice(enc.bytes());
    out.push(b'\n');
    out.extend_from_slice(bytes);
    out.push(b'\n');
}

/// Checks that every word of the header line (at `offset` in the file) is `key=value` with a
/// non-empty key.
fn check_header(line: &[u8], offset: usize) -> Result<(), TranscriptError> {
    let mut at = 0;
    for word in line.split(|b| *b == b' ') {
        if !word.is_empty() && word.iter().position(|b| *b == b'=').unwrap_or(0) == 0 {
            return Err(TranscriptError {
                kind: TranscriptErrorKind::BadHeader,
                offset: offset + at,
            });
        }
        at += word.len() + 1;
    }
    Ok(())
}

impl Default for Transcript<'_> {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_back() {
        let file = b"# server=dovecot client=imaplib scenario=login\n# second\nS 6\n* OK\r\n\nC 4\na1 N\nC 5\nOOP\r\n\nS 0\n\n";
        let t = Transcript::parse(file).unwrap();
        assert_eq!(t.meta("client"), Some("imaplib"));
        assert_eq!(t.meta("nope"), None);
        assert_eq!(t.comments().len(), 2);
        assert_eq!(t.records().len(), 4);
        assert_eq!(t.stream(Direction::Client), b"a1 NOOP\r\n");
        assert_eq!(t.records()[1].offset, 67);
        let mut out = Vec::new();
        t.write(&mut out);
        assert_eq!(out, file);
    }

    #[test]
    fn malformed_files_name_the_offset() {
        let cases: &[(&[u8], TranscriptErrorKind, usize)] = &[
            (b"X 1\na\n", TranscriptErrorKind::BadRecordLine, 0),
            (b"C1\na\n", TranscriptErrorKind::BadRecordLine, 1),
            (b"C x\na\n", TranscriptErrorKind::BadRecordLine, 2),
            (b"C 5\nab\n", TranscriptErrorKind::Truncated, 0),
            (b"C 1\nab\n", TranscriptErrorKind::MissingNewline, 5),
            (b"C 1\na", TranscriptErrorKind::Truncated, 0),
            (b"C 0\n\nC 1\na\n", TranscriptErrorKind::AfterEnd, 5),
            (b"# no newline", TranscriptErrorKind::UnterminatedComment, 0),
            (b"# a=b\n# c", TranscriptErrorKind::UnterminatedComment, 6),
            (b"# a=b c\n", TranscriptErrorKind::BadHeader, 6),
            (b"# a=b =c\n", TranscriptErrorKind::BadHeader, 6),
            (b"C 5\r\nabcde\n", TranscriptErrorKind::BadRecordLine, 3),
            (b"C -1\n", TranscriptErrorKind::BadRecordLine, 2),
            (b"C \n\n", TranscriptErrorKind::BadRecordLine, 2),
            (b"C 2\nab", TranscriptErrorKind::Truncated, 0),
            (
                b"S 0\n\nC 1\na\n# late comment\n",
                TranscriptErrorKind::BadRecordLine,
                11,
            ),
            (b"S 0\n\nS 0\n\n", TranscriptErrorKind::AfterEnd, 5),
            (b"C 1\na\nS", TranscriptErrorKind::BadRecordLine, 7),
            (
                b"C 99999999999999999999\n",
                TranscriptErrorKind::BadRecordLine,
                2,
            ),
        ];
        for (file, kind, offset) in cases {
            assert_eq!(
                Transcript::parse(file).unwrap_err(),
                TranscriptError {
                    kind: *kind,
                    offset: *offset
                },
                "{:?}",
                bstr::BStr::new(file)
            );
        }
        // The other direction may go on after one ends.
        assert!(Transcript::parse(b"C 0\n\nS 1\na\n").is_ok());
    }

    #[test]
    fn header_words_need_a_key() {
        let t = Transcript::parse(b"#  server=a  kind=examples x=\n# free text here\n").unwrap();
        assert_eq!(t.meta("kind"), Some("examples"));
        assert_eq!(t.meta("x"), Some(""));
        assert_eq!(t.comments()[1], b" free text here");
        assert!(t.records().is_empty());
    }

    #[test]
    fn every_prefix_of_a_file_reads_or_names_an_offset_inside_it() {
        let file = b"# server=x\nS 6\n* OK\r\n\nC 9\na1 NOOP\r\n\nC 0\n\nS 0\n\n";
        assert!(Transcript::parse(file).is_ok());
        for n in 0..file.len() {
            if let Err(e) = Transcript::parse(&file[..n]) {
                assert!(e.offset <= n, "prefix {n}: {e}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn written_records_read_back(
            chunks in proptest::collection::vec((proptest::bool::ANY, proptest::collection::vec(proptest::num::u8::ANY, 1..40)), 0..20)
        ) {
            let mut file = b"# server=p client=q\n".to_vec();
            for (server, bytes) in &chunks {
                let d = if *server { Direction::Server } else { Direction::Client };
                write_record(&mut file, d, bytes);
            }
            let t = Transcript::parse(&file).unwrap();
            proptest::prop_assert_eq!(t.records().len(), chunks.len());
            for (r, (server, bytes)) in t.records().iter().zip(&chunks) {
                proptest::prop_assert_eq!(r.direction == Direction::Server, *server);
                proptest::prop_assert_eq!(r.bytes, &bytes[..]);
            }
            let mut again = Vec::new();
            t.write(&mut again);
            proptest::prop_assert_eq!(again, file);
        }
    }
}
