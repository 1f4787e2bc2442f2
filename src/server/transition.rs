//! The machine's state changes: which input it reads in each mode, and what the completion
//! of each command does to the connection (the one place the state changes after the
//! greeting, as a table of `(command, status)` cases).

use super::config::Extensions;
use super::event::{CommandHandle, Switch, UsageError};
use super::flight::Kind;
use super::{Flow, Mode, Notice};
use crate::session::State;
use crate::types::code::ResponseText;
use crate::types::response::StatusKind;

impl Flow {
    /// Whether the machine reads client bytes now.
    pub(super) fn reading(&self) -> bool {
        self.greeted
            && self.deferred.is_none()
            && match self.mode {
                Mode::Commands => !self.flight.has_barrier(),
                Mode::Authenticate { reading, .. } => reading,
                Mode::Idle { accepted, done, .. } => accepted && !done,
                Mode::LiteralDecision | Mode::Paused(_) | Mode::Closed => false,
            }
    }

    pub(super) fn writable(&self) -> Result<(), UsageError> {
        if !self.greeted {
            return Err(UsageError::Greeting);
        }
        if self.mode == Mode::Closed {
            return Err(UsageError::Closed);
        }
        Ok(())
    }

    /// ` OK text CRLF` after a tag already written.
    pub(super) fn tagged_rest(&mut self, kind: StatusKind, text: &ResponseText<'_>) {
        self.out.raw(b" ");
        self.out.raw(kind.as_str().as_bytes());
        self.out.raw(b" ");
        self.out.value(text);
        self.out.raw(b"\r\n");
    }

    /// The transition of a completed command: the one place the state changes after login.
    pub(super) fn completed(&mut self, command: Kind, handle: CommandHandle, kind: StatusKind) {
        match (command, kind) {
            (Kind::Login | Kind::Authenticate, StatusKind::Ok) => {
                self.state = State::Authenticated;
            }
            (Kind::Select, StatusKind::Ok) => self.state = State::Selected,
            (Kind::Select, StatusKind::No) | (Kind::Close, StatusKind::Ok)
                if self.state == State::Selected =>
            {
                self.state = State::Authenticated;
            }
            (Kind::Unauthenticate, StatusKind::Ok) => self.unauthenticated(),
            (Kind::Logout, StatusKind::Ok) => self.close(),
            (Kind::StartTls, StatusKind::Ok) => self.pause(Switch::StartTls),
            (Kind::Compress, StatusKind::Ok) => self.pause(Switch::Compress),
            _ => {}
        }
        let ends_mode = match self.mode {
            Mode::Authenticate { handle: h, .. } | Mode::Idle { handle: h, .. } => h == handle,
            _ => false,
        };
        if ends_mode {
            self.mode = Mode::Commands;
        }
    }

    /// RFC 8437 §3 and §4.1: back to the not authenticated state, with no mailbox selected and
    /// no extension enabled (UTF-8 is no longer read or written).
    fn unauthenticated(&mut self) {
        self.state = State::NotAuthenticated;
        self.enabled = Extensions::default();
        self.parse = self.parse.with_utf8_accept(false);
        self.out.set_utf8(false);
    }

    fn pause(&mut self, switch: Switch) {
        self.mode = Mode::Paused(switch);
        self.notice = Some(Notice::Switch(switch));
    }

    pub(super) fn close(&mut self) {
        self.state = State::Logout;
        self.mode = Mode::Closed;
        self.notice = Some(Notice::Closed);
    }

    /// Enables what ENABLE asked for and the server allows; writes `* ENABLED` with those
    /// newly enabled.
    pub(super) fn enable(&mut self, asked: Extensions) {
        let mut now = self.enabled.union(asked);
        if asked.qresync && self.config.enable.condstore {
            // RFC 7162 §3.2.3: QRESYNC implies CONDSTORE.
            now.condstore = true;
        }
        self.out.raw(b"* ENABLED");
        for (on, was, name) in [
            (asked.utf8_accept, self.enabled.utf8_accept, "UTF8=ACCEPT"),
            (asked.condstore, self.enabled.condstore, "CONDSTORE"),
            (asked.qresync, self.enabled.qresync, "QRESYNC"),
        ] {
            if on && !was {
                self.out.raw(b" ");
                self.out.raw(name.as_bytes());
            }
        }
        self.out.raw(b"\r\n");
        if now.utf8_accept && !self.enabled.utf8_accept {
            self.parse = self.parse.with_utf8_accept(true);
            self.out.set_utf8(true);
        }
        self.enabled = now;
    }
}
