//! The bytes the server sends: an [`Encoder`] drained from the front as the owner reports
//! what went out, and the machine's own short answers.
//!
//! The machine's own texts are fixed ASCII; nothing the client sent is ever copied into them
//! but a tag, which the grammar keeps free of spaces, CR and LF.

use alloc::vec::Vec;

use crate::chars::{is_tag_char, is_text_char};
use crate::error::ErrorKind;
use crate::serialize::{Encode, EncodeConfig, Encoder};
use crate::types::response::StatusKind;

/// The output buffer.
#[derive(Clone, Debug, Default)]
pub(crate) struct Output {
    enc: Encoder,
    /// Bytes of `enc` already sent.
    sent: usize,
}

/// Sent bytes are dropped from the front once they are at least this many and at least half
/// the buffer (amortised).
const DRAIN_AT: usize = 4096;

impl Output {
    /// Bytes waiting to be sent.
    pub(crate) fn pending(&self) -> &[u8] {
        &self.enc.bytes()[self.sent..]
    }

    /// Records that `n` bytes went out.
    pub(crate) fn sent(&mut self, n: usize) {
        self.sent = (self.sent + n).min(self.enc.bytes().len());
        if self.sent == self.enc.bytes().len() {
            self.enc.clear();
            self.sent = 0;
        } else if self.sent >= DRAIN_AT && self.sent * 2 >= self.enc.bytes().len() {
            let config = *self.enc.config();
            let mut buf = core::mem::take(&mut self.enc).into_inner();
            buf.drain(..self.sent);
            self.enc = Encoder::with_buffer(buf, config);
            self.sent = 0;
        }
    }

    /// Whether mailbox names and strings may be written as UTF-8 (`UTF8=ACCEPT` enabled).
    pub(crate) fn set_utf8(&mut self, on: bool) {
        // The server never writes a non-synchronising literal: the default literal mode.
        self.enc
            .set_config(EncodeConfig::default().with_utf8_accept(on));
    }

    /// Writes a value as it encodes.
    pub(crate) fn value<T: Encode + ?Sized>(&mut self, value: &T) {
        value.encode(&mut self.enc);
    }

    /// Appends raw bytes the caller has checked.
    pub(crate) fn raw(&mut self, bytes: &[u8]) {
        self.enc.raw(bytes);
    }

    /// `tag SP kind SP [code] text CRLF`, or `* kind ...` when `tag` is `None`. `code` and
    /// `text` are the machine's own fixed words.
    pub(crate) fn status(
        &mut self,
        tag: Option<&[u8]>,
        kind: StatusKind,
        code: Option<&str>,
        text: &str,
    ) {
        self.status_start(tag, kind, code);
        self.enc.raw(text.as_bytes());
        self.enc.raw(b"\r\n");
    }

    fn status_start(&mut self, tag: Option<&[u8]>, kind: StatusKind, code: Option<&str>) {
        match tag {
            Some(t) if is_tag(t) => self.enc.raw(t),
            _ => self.enc.byte(b'*'),
        }
        self.enc.byte(b' ');
        self.enc.raw(kind.as_str().as_bytes());
        self.enc.byte(b' ');
        if let Some(code) = code {
            self.enc.byte(b'[');
            self.enc.raw(code.as_bytes());
            self.enc.raw(b"] ");
        }
    }

    /// `tag BAD reason CRLF` for a command that does not parse: the reason names what the
    /// grammar expected (a fixed word of the parser), never the client's bytes.
    pub(crate) fn malformed(&mut self, tag: Option<&[u8]>, kind: ErrorKind) {
        self.status_start(tag, StatusKind::Bad, None);
        self.enc.raw(b"Syntax error: ");
        match kind {
            ErrorKind::Expected(what) => {
                self.enc.raw(b"expected ");
                self.safe_text(what.as_bytes());
            }
            ErrorKind::BadNumber => self.enc.raw(b"number out of range"),
            ErrorKind::BadUtf8 => self.enc.raw(b"invalid UTF-8"),
            ErrorKind::BadUtf7 => self.enc.raw(b"invalid mailbox name"),
            ErrorKind::BadBase64 => self.enc.raw(b"invalid base64"),
            ErrorKind::TooDeep => self.enc.raw(b"nested too deeply"),
            ErrorKind::TooLong => self.enc.raw(b"item too long"),
            ErrorKind::Trailing => self.enc.raw(b"unexpected bytes at the end"),
            _ => self.enc.raw(b"incomplete command"),
        }
        self.enc.raw(b"\r\n");
    }

    /// Writes `text`, each byte that may not stand in `text` replaced with `?`.
    fn safe_text(&mut self, text: &[u8]) {
        for &b in text {
            self.enc.byte(if is_text_char(b) { b } else { b'?' });
        }
    }
}

/// Whether `t` can be written as a tag.
fn is_tag(t: &[u8]) -> bool {
    !t.is_empty() && t.iter().all(|&b| is_tag_char(b))
}

/// The tag at the start of a client's line, if it has one: tag characters up to a space.
pub(crate) fn read_tag(line: &[u8]) -> Option<&[u8]> {
    let end = line.iter().position(|&b| !is_tag_char(b))?;
    (end > 0 && line[end] == b' ').then(|| &line[..end])
}

/// The word after the tag (the command's name), if any.
pub(crate) fn read_name(line: &[u8]) -> Option<&[u8]> {
    let tag = read_tag(line)?;
    let rest = &line[tag.len() + 1..];
    let end = rest
        .iter()
        .position(|&b| matches!(b, b' ' | b'\r' | b'\n'))
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

/// Bytes of a message head kept in an error event.
pub(crate) fn head(bytes: &[u8]) -> &[u8] {
    &bytes[..bytes.len().min(256)]
}

/// A scratch copy of a tag, reused.
pub(crate) fn keep_tag(into: &mut Vec<u8>, tag: Option<&[u8]>) {
    into.clear();
    if let Some(t) = tag {
        into.extend_from_slice(t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_names() {
        assert_eq!(read_tag(b"a1 NOOP\r\n"), Some(&b"a1"[..]));
        assert_eq!(read_name(b"a1 NOOP\r\n"), Some(&b"NOOP"[..]));
        assert_eq!(read_name(b"a1 APPEND x {3}\r\n"), Some(&b"APPEND"[..]));
        assert_eq!(read_tag(b"+ x\r\n"), None);
        assert_eq!(read_tag(b" a\r\n"), None);
        assert_eq!(read_tag(b"abc"), None);
        assert_eq!(read_tag(b"a{1} x"), None);
        assert_eq!(read_name(b"a1 \r\n"), None);
    }

    #[test]
    fn own_answers_never_carry_line_breaks() {
        let mut out = Output::default();
        out.malformed(Some(b"a\r\nb"), ErrorKind::Expected("x\r\n* BYE"));
        let text = out.pending();
        assert_eq!(text, b"* BAD Syntax error: expected x??* BYE\r\n");
    }

    #[test]
    fn sent_bytes_are_dropped() {
        let mut out = Output::default();
        for _ in 0..1000 {
            out.status(Some(b"a1"), StatusKind::Ok, None, "done");
        }
        let total = out.pending().len();
        out.sent(total - 10);
        assert_eq!(out.pending(), b" OK done\r\n");
        out.sent(10);
        assert!(out.pending().is_empty());
    }
}
