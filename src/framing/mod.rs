//! The streaming framer: splits a byte stream into complete IMAP messages.
//!
//! A message is a line plus the literals it announces: the line ends in `{n}\r\n` (or `{n+}`,
//! `~{n}`), then `n` bytes follow, then the line goes on, until a line ends without announcing a
//! literal. Bytes go in as chunks of any size ([`Framer::push`]); complete messages come out of
//! [`Framer::next_event`] borrowed from the framer's buffer.
//!
//! The framer scans each byte once however the input is chunked: it remembers where it
//! stopped, finds line ends with `memchr`, and steps over literal data without looking at it.
//! Whether a `{n}` ends a line as a literal announcement or as plain text is decided by the
//! grammar (see the `oracle` module): `* OK see section {5}` is a complete response.
//!
//! Limits ([`Limits`]) bound the line length, the literal size and the message size. A message
//! that breaks one is reported as [`FrameEvent::Error`] and skipped without being buffered; the
//! framer then goes on with the next message.
//!
//! ```
//! use imap_wire::framing::{FrameEvent, Framer, FramerConfig, Role};
//!
//! let mut framer = Framer::new(FramerConfig::new(Role::Responses));
//! framer.push(b"* OK see section {5}\r\na1 OK done\r\n* 1 FETCH (BODY[] {5}\r\nhel");
//! framer.push(b"lo)\r\n");
//! let mut messages = Vec::new();
//! while let Some(event) = framer.next_event() {
//!     if let FrameEvent::Message(frame) = event {
//!         messages.push(frame.bytes.to_vec());
//!     }
//! }
//! assert_eq!(messages[0], b"* OK see section {5}\r\n");
//! assert_eq!(messages[1], b"a1 OK done\r\n");
//! assert_eq!(messages[2], b"* 1 FETCH (BODY[] {5}\r\nhello)\r\n");
//! ```

mod config;
mod event;
mod oracle;
mod retained;
#[cfg(test)]
mod tests;

pub use config::{FramerConfig, Limits, Role};
pub use event::{
    Frame, FrameError, FrameErrorKind, FrameEvent, LiteralAnnouncement, LiteralKind, LiteralSpan,
};

use alloc::vec::Vec;

/// What the framer is doing with the bytes after `pos`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Looking for the end of the current line.
    Line,
    /// Stepping over literal data.
    Literal { left: u64 },
}

/// An event to hand out, as positions in the buffer (so the scanning loop holds no borrow).
#[derive(Clone, Copy, Debug)]
enum Pending {
    Message {
        start: usize,
        end: usize,
        bare_lf: bool,
    },
    Announced {
        start: usize,
        end: usize,
        len: u64,
        kind: LiteralKind,
    },
    Error {
        kind: FrameErrorKind,
        start: usize,
        at: usize,
        head_end: usize,
    },
}

/// Bytes kept of a line being discarded: enough for `SP ~{` and 20 digits and `+}` CRLF.
const TAIL: usize = 64;

/// Longest `head` handed out with an error.
const HEAD: usize = 256;

/// The streaming framer (see the module docs).
#[derive(Clone, Debug)]
pub struct Framer {
    config: FramerConfig,
    buf: Vec<u8>,
    /// Stream offset of `buf[0]`.
    base: u64,
    /// Start of the current message in `buf`.
    start: usize,
    /// Start of the current line in `buf`.
    line_start: usize,
    /// Everything before `pos` has been scanned.
    pos: usize,
    /// Start of the line whose limits were last checked.
    judged_line: usize,
    state: State,
    /// Whether the current message can hold literals, once its first line is known.
    takes_strings: Option<bool>,
    literals: Vec<LiteralSpan>,
    bare_lf: bool,
    /// The current message broke a limit and its bytes are being dropped.
    discarding: bool,
    /// A message was handed out; its bytes go at the next call.
    release: usize,
}

impl Framer {
    /// A framer with nothing buffered.
    pub fn new(config: FramerConfig) -> Self {
        Self {
            config,
            buf: Vec::new(),
            base: 0,
            start: 0,
            line_start: 0,
            pos: 0,
            judged_line: 0,
            state: State::Line,
            takes_strings: None,
            literals: Vec::new(),
            bare_lf: false,
            discarding: false,
            release: 0,
        }
    }

    /// The configuration.
    pub fn config(&self) -> &FramerConfig {
        &self.config
    }

    /// Changes the limits for what is framed next.
    pub fn set_limits(&mut self, limits: Limits) {
        self.config.limits = limits;
    }

    /// Appends received bytes.
    #[inline]
    pub fn push(&mut self, bytes: &[u8]) {
        self.release_consumed();
        self.compact();
        self.buf.extend_from_slice(bytes);
    }

    /// Bytes received and not yet handed out as part of a complete message (the start of an
    /// incomplete message).
    pub fn buffered(&self) -> &[u8] {
        &self.buf[self.start.max(self.release)..]
    }

    /// Takes the bytes not yet handed out, leaving the framer empty at the next message
    /// boundary (for a transport switch such as STARTTLS).
    pub fn take_buffered(&mut self) -> Vec<u8> {
        self.release_consumed();
        let rest = self.buf.split_off(self.start);
        self.base += (self.buf.len() + rest.len()) as u64;
        self.buf.clear();
        self.state = State::Line;
        self.release = 0;
        self.reset_message(0);
        rest
    }

    /// Whether a message has begun and not ended.
    pub fn has_partial(&self) -> bool {
        self.buf.len() > self.start.max(self.release)
    }

    /// Offset in the stream of the next byte to be framed.
    pub fn stream_offset(&self) -> u64 {
        self.base + self.pos as u64
    }

    /// Refuses the literal just announced (see [`LiteralAnnouncement`]): its data will not
    /// come, and the message ends at the announcing line. Does nothing unless the last event
    /// was a [`FrameEvent::LiteralAnnounced`] whose data has not started.
    pub fn reject_literal(&mut self) {
        if let State::Literal { left } = self.state {
            let last = self.literals.last().map(|l| l.len);
            if self.pos == self.line_start && last == Some(left) {
                self.literals.pop();
                self.state = State::Line;
                self.reset_message(self.pos);
            }
        }
    }

    /// Drops the message whose literal was just announced (see [`LiteralAnnouncement`]):
    /// the literal's data and the rest of the message are stepped over without being
    /// buffered, and no [`FrameEvent::Message`] comes for it. For a non-synchronising literal
    /// over the owner's limit, whose data the client sends without waiting. Does nothing
    /// unless the framer is inside a literal's data.
    pub fn discard_message(&mut self) {
        if matches!(self.state, State::Literal { .. }) {
            self.discarding = true;
        }
    }

    /// Forgets the message handed out last.
    #[inline]
    fn release_consumed(&mut self) {
        if self.release > self.start {
            self.start = self.release;
            self.literals.clear();
        }
    }

    /// Moves the unconsumed bytes to the front of the buffer when that is cheap relative to
    /// what was consumed (amortised: each byte is moved at most once per byte consumed).
    #[inline]
    fn compact(&mut self) {
        if self.start == 0 {
            return;
        }
        if self.start == self.buf.len() {
            self.base += self.buf.len() as u64;
            self.buf.clear();
            self.pos = 0;
            self.line_start = 0;
            self.start = 0;
            self.release = 0;
        } else if self.start >= self.buf.len() - self.start {
            let n = self.start;
            self.buf.drain(..n);
            self.base += n as u64;
            self.pos -= n;
            self.line_start -= n;
            self.start = 0;
            self.release = 0;
        }
    }

    fn reset_message(&mut self, at: usize) {
        self.start = at;
        self.line_start = at;
        self.pos = at;
        self.takes_strings = None;
        self.literals.clear();
        self.bare_lf = false;
        self.discarding = false;
    }

    /// Drops what was scanned of a message being discarded, except, inside a line, the
    /// last [`TAIL`] bytes (where a literal announcement would be).
    fn drop_discarded(&mut self) {
        let n = if self.state == State::Line {
            self.line_start.max(self.pos.saturating_sub(TAIL))
        } else {
            self.pos
        };
        self.buf.drain(..n);
        self.base += n as u64;
        self.pos -= n;
        self.line_start -= n.min(self.line_start);
        self.start = 0;
        self.release = 0;
    }

    /// The next complete message, announcement or error; `None` when more bytes are needed.
    pub fn next_event(&mut self) -> Option<FrameEvent<'_>> {
        let pending = self.scan()?;
        let base = self.base;
        Some(match pending {
            Pending::Message {
                start,
                end,
                bare_lf,
            } => FrameEvent::Message(Frame {
                bytes: &self.buf[start..end],
                offset: base + start as u64,
                literals: &self.literals,
                bare_lf,
            }),
            Pending::Announced {
                start,
                end,
                len,
                kind,
            } => FrameEvent::LiteralAnnounced(LiteralAnnouncement {
                message: &self.buf[start..end],
                offset: base + start as u64,
                len,
                kind,
            }),
            Pending::Error {
                kind,
                start,
                at,
                head_end,
            } => FrameEvent::Error(FrameError {
                kind,
                offset: base + start as u64,
                at: base + at as u64,
                head: &self.buf[start..head_end],
            }),
        })
    }

    /// Scans until there is something to hand out.
    fn scan(&mut self) -> Option<Pending> {
        self.release_consumed();
        loop {
            match self.state {
                State::Literal { left } => {
                    let avail = (self.buf.len() - self.pos) as u64;
                    let step = avail.min(left);
                    // INVARIANT: step <= avail, which is a usize.
                    self.pos += step as usize;
                    if step < left {
                        self.state = State::Literal { left: left - step };
                        if self.discarding {
                            self.drop_discarded();
                        }
                        return None;
                    }
                    self.state = State::Line;
                    self.line_start = self.pos;
                }
                State::Line => {
                    let Some(lf) = find_lf(&self.buf[self.pos..]) else {
                        self.pos = self.buf.len();
                        let line_len = self.pos - self.line_start;
                        let limit = self.config.limits.max_line;
                        if !self.discarding && line_len > limit {
                            self.judged_line = self.line_start;
                            return Some(self.reject(FrameErrorKind::LineTooLong { limit }));
                        }
                        if self.discarding {
                            self.drop_discarded();
                        }
                        return None;
                    };
                    let end = self.pos + lf + 1;
                    self.pos = end;
                    let cr = end - self.line_start >= 2 && self.buf[end - 2] == b'\r';
                    if !cr && !self.config.lf_ends_line {
                        // A bare LF is a byte of the line.
                        continue;
                    }
                    if let Some(event) = self.line_ended(end) {
                        return Some(event);
                    }
                }
            }
        }
    }

    /// Handles a line that ends at `end` (exclusive). Returns an event to hand out, or
    /// `None` to keep scanning.
    fn line_ended(&mut self, end: usize) -> Option<Pending> {
        let limits = self.config.limits;
        let role = self.config.role;
        let line = &self.buf[self.line_start..end];
        let too_long = !self.discarding && line.len() > limits.max_line;
        let crlf = line.len() >= 2 && line[line.len() - 2] == b'\r';
        let body = &line[..line.len() - if crlf { 2 } else { 1 }];
        let takes_strings = *self
            .takes_strings
            .get_or_insert_with(|| oracle::message_takes_strings(role, line));
        let announced = literal_at_end(body)
            .filter(|&(brace, _, _)| takes_strings && oracle::literal_position_ok(body, brace));
        if !crlf {
            self.bare_lf = true;
        }
        self.judged_line = self.line_start;
        self.line_start = end;
        let Some((_, len, kind)) = announced else {
            // The message ends here.
            if self.discarding {
                self.drop_discarded();
                self.reset_message(0);
                return None;
            }
            if too_long {
                let error = FrameErrorKind::LineTooLong {
                    limit: limits.max_line,
                };
                return Some(self.end_rejected(error));
            }
            let start = self.start;
            let bare_lf = self.bare_lf;
            self.release = end;
            self.takes_strings = None;
            self.bare_lf = false;
            return Some(Pending::Message {
                start,
                end,
                bare_lf,
            });
        };
        self.state = State::Literal { left: len };
        if self.discarding {
            if role == Role::Commands && !kind.non_sync {
                // The client waits for a `+` that will not come: the message ends here.
                self.state = State::Line;
                self.drop_discarded();
                self.reset_message(0);
            }
            return None;
        }
        let msg_len = (end - self.start) as u64;
        let error = if too_long {
            Some(FrameErrorKind::LineTooLong {
                limit: limits.max_line,
            })
        } else if len > limits.max_literal {
            Some(FrameErrorKind::LiteralTooLarge {
                len,
                limit: limits.max_literal,
            })
        } else if msg_len.saturating_add(len) > limits.max_message {
            Some(FrameErrorKind::MessageTooLarge {
                limit: limits.max_message,
            })
        } else if self.literals.len() >= limits.max_literals {
            Some(FrameErrorKind::TooManyLiterals {
                limit: limits.max_literals,
            })
        } else {
            None
        };
        if let Some(error) = error {
            if role == Role::Commands && !kind.non_sync {
                // A client waiting for `+` will not send the data: the message ends here.
                self.state = State::Line;
                return Some(self.end_rejected(error));
            }
            // The data comes anyway: step over it and the rest of the message.
            return Some(self.reject(error));
        }
        self.literals.push(LiteralSpan {
            start: end - self.start,
            len,
            kind,
        });
        if role == Role::Commands {
            return Some(Pending::Announced {
                start: self.start,
                end,
                len,
                kind,
            });
        }
        None
    }

    /// Rejects the current message, which ends at `pos`: its bytes stay until the next call
    /// (for the error's `head`), then go.
    fn end_rejected(&mut self, kind: FrameErrorKind) -> Pending {
        let (start, end) = (self.start, self.pos);
        let at = self.error_position(kind);
        self.reset_message(end);
        self.start = start;
        self.release = end;
        Pending::Error {
            kind,
            start,
            at,
            head_end: at.min(start + HEAD),
        }
    }

    /// Where a broken limit is reported: the first byte past a line limit, else the end of
    /// the announcing line. It depends only on the stream, never on how it was chunked.
    fn error_position(&self, kind: FrameErrorKind) -> usize {
        match kind {
            FrameErrorKind::LineTooLong { limit } => {
                (self.line_start_of_error() + limit).min(self.pos)
            }
            _ => self.pos,
        }
    }

    /// Start of the line being judged: a complete line has already moved `line_start` past
    /// itself, so the line's start is remembered in `judged_line`.
    fn line_start_of_error(&self) -> usize {
        self.judged_line
    }

    /// Starts discarding the current message and reports why.
    fn reject(&mut self, kind: FrameErrorKind) -> Pending {
        self.discarding = true;
        if self.takes_strings.is_none() {
            // The first line is too long; its first words are still buffered.
            let first = &self.buf[self.start..self.pos];
            self.takes_strings = Some(oracle::message_takes_strings(self.config.role, first));
        }
        // The head stays until the next call; the rest is dropped as scanning goes on.
        let at = self.error_position(kind);
        Pending::Error {
            kind,
            start: self.start,
            at,
            head_end: at.min(self.start + HEAD),
        }
    }
}

/// The first LF in `bytes`: a plain loop for the few bytes a small chunk brings, `memchr`
/// for longer runs.
#[inline]
fn find_lf(bytes: &[u8]) -> Option<usize> {
    if bytes.len() < 16 {
        bytes.iter().position(|&b| b == b'\n')
    } else {
        memchr::memchr(b'\n', bytes)
    }
}

/// A literal announcement at the end of a line body (the line without its line end):
/// `{n}`, `{n+}`, `~{n}` or `~{n+}`. Returns the index of `{`, the length and the form.
pub(crate) fn literal_at_end(body: &[u8]) -> Option<(usize, u64, LiteralKind)> {
    let inner = body.strip_suffix(b"}")?;
    let (inner, non_sync) = match inner.strip_suffix(b"+") {
        Some(i) => (i, true),
        None => (inner, false),
    };
    let digits_start = inner
        .iter()
        .rposition(|b| !b.is_ascii_digit())
        .map_or(0, |p| p + 1);
    let digits = &inner[digits_start..];
    if digits.is_empty()
        || digits.len() > 20
        || inner.get(digits_start.checked_sub(1)?) != Some(&b'{')
    {
        return None;
    }
    let brace = digits_start - 1;
    let mut len: u64 = 0;
    for &d in digits {
        len = len.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
    }
    let binary = brace > 0 && body[brace - 1] == b'~';
    let marker = if binary { brace - 1 } else { brace };
    Some((marker, len, LiteralKind { non_sync, binary }))
}
