//! What the machine does with each framed piece of the client's stream: commands (judged
//! against the state), literal announcements (judged against the limits), AUTHENTICATE
//! responses, IDLE's `DONE`, and messages that broke a framing limit.

use alloc::borrow::Cow;

use super::config::{NonSyncLiterals, OversizeAction};
use super::event::{Disposition, Event, LiteralRequest, ProtocolError, ProtocolErrorKind};
use super::flight::Kind;
use super::output::{head, keep_tag, read_name, read_tag};
use super::{Deferred, Flow, Mode};
use crate::framing::{FrameError, FrameErrorKind, FrameEvent, LiteralAnnouncement};
use crate::parse::Parse;
use crate::session::{Scope, State};
use crate::types::auth::Secret;
use crate::types::command::{AuthenticateResponse, Command, CommandBody, IdleDone};
use crate::types::primitive::{Atom, Tag};
use crate::types::response::StatusKind;

/// The continuation request that accepts a synchronising literal.
pub(super) const READY: &[u8] = b"+ Ready for literal data\r\n";

/// The tag at the start of `line`, as a value.
fn tag_of(line: &[u8]) -> Option<Tag<'_>> {
    let tag = core::str::from_utf8(read_tag(line)?).ok()?;
    Tag::new(tag).ok()
}

/// The states a command named `name` may run in, for the commands that can carry literals.
fn scope_of_name(name: &[u8]) -> Option<Scope> {
    const SCOPES: &[(&str, Scope)] = &[
        ("LOGIN", Scope::NotAuthenticated),
        ("APPEND", Scope::Authenticated),
        ("SELECT", Scope::Authenticated),
        ("EXAMINE", Scope::Authenticated),
        ("CREATE", Scope::Authenticated),
        ("DELETE", Scope::Authenticated),
        ("RENAME", Scope::Authenticated),
        ("SUBSCRIBE", Scope::Authenticated),
        ("UNSUBSCRIBE", Scope::Authenticated),
        ("LIST", Scope::Authenticated),
        ("LSUB", Scope::Authenticated),
        ("STATUS", Scope::Authenticated),
        ("SEARCH", Scope::Selected),
        ("FETCH", Scope::Selected),
        ("STORE", Scope::Selected),
        ("COPY", Scope::Selected),
        ("MOVE", Scope::Selected),
        ("UID", Scope::Selected),
        ("REPLACE", Scope::Selected),
    ];
    SCOPES
        .iter()
        .find(|(n, _)| n.as_bytes().eq_ignore_ascii_case(name))
        .map(|&(_, s)| s)
}

/// Whether the command that `line` starts stores a message, so its literals fall under the
/// APPEND limit: APPEND, REPLACE or UID REPLACE (RFC 8508).
fn stores_message(line: &[u8]) -> bool {
    let Some(name) = read_name(line) else {
        return false;
    };
    if name.eq_ignore_ascii_case(b"APPEND") || name.eq_ignore_ascii_case(b"REPLACE") {
        return true;
    }
    if !name.eq_ignore_ascii_case(b"UID") {
        return false;
    }
    let after = read_tag(line).map_or(0, |t| t.len() + 1) + name.len() + 1;
    let rest = line.get(after..).unwrap_or_default();
    let end = rest
        .iter()
        .position(|&b| matches!(b, b' ' | b'\r' | b'\n'))
        .unwrap_or(rest.len());
    rest[..end].eq_ignore_ascii_case(b"REPLACE")
}

/// Why a command is refused in `state`.
fn refusal_text(state: State, scope: Scope) -> &'static str {
    match (state, scope) {
        (State::NotAuthenticated, _) => "Log in first",
        (_, Scope::NotAuthenticated) => "Already authenticated",
        (State::Authenticated, Scope::Selected) => "No mailbox selected",
        _ => "Command not allowed now",
    }
}

impl Flow {
    /// Handles one framer event; everything the machine answers on its own is written here.
    pub(super) fn read<'a>(&mut self, event: FrameEvent<'a>) -> Event<'a> {
        match event {
            FrameEvent::Message(frame) => match self.mode {
                Mode::Authenticate { handle, .. } => self.authenticate_line(handle, frame.bytes),
                Mode::Idle { handle, .. } => self.idle_line(handle, frame.bytes),
                _ => self.command(frame.bytes),
            },
            FrameEvent::LiteralAnnounced(a) => self.announced(a),
            FrameEvent::Error(e) => self.broke_limit(e),
        }
    }

    /// An error event for `bytes`; the answer is already written.
    fn error<'a>(
        &self,
        kind: ProtocolErrorKind,
        tag: Option<Tag<'a>>,
        bytes: &'a [u8],
    ) -> Event<'a> {
        let disposition = if self.mode == Mode::Closed {
            Disposition::Poisoned
        } else {
            Disposition::Discarded
        };
        Event::Error(ProtocolError {
            kind,
            tag,
            bytes: Secret::new(Cow::Borrowed(head(bytes))),
            disposition,
        })
    }

    /// A complete command.
    fn command<'a>(&mut self, bytes: &'a [u8]) -> Event<'a> {
        let command = match Command::parse_with(bytes, &self.parse) {
            Ok(command) => command,
            Err(e) => {
                let tag = tag_of(bytes);
                self.out
                    .malformed(tag.as_ref().map(|t| t.as_str().as_bytes()), e.kind);
                return self.error(ProtocolErrorKind::Malformed(e), tag, bytes);
            }
        };
        let tag = command.tag.as_str().as_bytes();
        let scope = command.body.scope();
        let refusal = if !self.state.admits(scope) {
            let text = refusal_text(self.state, scope);
            Some((
                self.config.refusal,
                None,
                text,
                ProtocolErrorKind::NotAllowed(self.state),
            ))
        } else if matches!(command.body, CommandBody::Login { .. })
            && self.config.login_requires_tls
            && !self.secure
        {
            let text = "LOGIN is disabled on an insecure connection";
            Some((
                StatusKind::No,
                Some("PRIVACYREQUIRED"),
                text,
                ProtocolErrorKind::LoginDisabled,
            ))
        } else if self.flight.len() >= self.config.limits.max_in_flight {
            let text = "Too many commands in flight";
            Some((
                StatusKind::No,
                Some("LIMIT"),
                text,
                ProtocolErrorKind::TooManyInFlight,
            ))
        } else {
            None
        };
        if let Some((status, code, text, kind)) = refusal {
            self.out.status(Some(tag), status, code, text);
            return self.error(kind, Some(command.tag), bytes);
        }
        let kind = match Kind::of(&command.body, self.config.enable) {
            Kind::StartTls if !self.config.starttls || self.secure => Kind::Other,
            Kind::Compress if !self.config.compress || self.compressed => Kind::Other,
            Kind::Idle if !self.config.idle => Kind::Other,
            kind => kind,
        };
        let handle = self.flight.push(tag, kind);
        match kind {
            Kind::Authenticate => {
                self.mode = Mode::Authenticate {
                    handle,
                    reading: false,
                };
            }
            Kind::Idle => {
                self.mode = Mode::Idle {
                    handle,
                    accepted: false,
                    done: false,
                };
            }
            _ => {}
        }
        Event::Command { handle, command }
    }

    /// A line of an AUTHENTICATE exchange.
    fn authenticate_line<'a>(
        &mut self,
        handle: super::CommandHandle,
        bytes: &'a [u8],
    ) -> Event<'a> {
        let response = AuthenticateResponse::parse(bytes);
        if let Ok(AuthenticateResponse::Data(data)) = response {
            self.mode = Mode::Authenticate {
                handle,
                reading: false,
            };
            return Event::AuthenticateData { handle, data };
        }
        // `*` or a malformed line: the exchange fails (RFC 9051 §6.2.2).
        let text = if response.is_ok() {
            "Authentication cancelled"
        } else {
            "Malformed authentication response"
        };
        self.end_exchange(handle, text);
        if response.is_ok() {
            Event::AuthenticateCancelled { handle }
        } else {
            self.error(ProtocolErrorKind::BadAuthenticateLine, None, bytes)
        }
    }

    /// Ends the AUTHENTICATE exchange of `handle` with `tag BAD text`.
    fn end_exchange(&mut self, handle: super::CommandHandle, text: &str) {
        if let Some(at) = self.flight.find(handle) {
            self.out
                .status(Some(self.flight.tag(at)), StatusKind::Bad, None, text);
            self.flight.remove(at);
        }
        self.mode = Mode::Commands;
    }

    /// A line during IDLE.
    fn idle_line<'a>(&mut self, handle: super::CommandHandle, bytes: &'a [u8]) -> Event<'a> {
        if IdleDone::parse(bytes).is_ok() {
            self.mode = Mode::Idle {
                handle,
                accepted: true,
                done: true,
            };
            return Event::IdleDone { handle };
        }
        self.out
            .status(None, StatusKind::Bad, None, "Expected DONE");
        self.error(ProtocolErrorKind::ExpectedDone, None, bytes)
    }

    /// A literal announced, before its bytes.
    fn announced<'a>(&mut self, a: LiteralAnnouncement<'a>) -> Event<'a> {
        let sync = !a.kind.non_sync;
        let tag = tag_of(a.message);
        let name = read_name(a.message);
        let drop = if sync {
            Deferred::RejectLiteral
        } else {
            Deferred::DiscardMessage
        };
        let (Mode::Commands, Some(tag)) = (self.mode, tag) else {
            self.out
                .status(None, StatusKind::Bad, None, "Unexpected literal");
            self.deferred = Some(drop);
            return self.error(ProtocolErrorKind::UnexpectedLiteral, None, a.message);
        };
        let raw_tag = tag.as_str().as_bytes();
        let limit = if stores_message(a.message) {
            self.config.limits.max_append_literal
        } else {
            self.config.limits.max_literal
        };
        let advertised = match self.config.non_sync_literals {
            NonSyncLiterals::Refused => false,
            NonSyncLiterals::UpTo4096 => a.len <= 4096,
            NonSyncLiterals::Any => true,
        };
        let scope = name.and_then(scope_of_name);
        let problem = if !sync && !advertised {
            Some(ProtocolErrorKind::NonSyncLiteral)
        } else if a.len > limit {
            Some(ProtocolErrorKind::LiteralTooLarge { len: a.len, limit })
        } else {
            scope
                .filter(|&s| !self.state.admits(s))
                .map(|_| ProtocolErrorKind::NotAllowed(self.state))
        };
        if let Some(kind) = problem {
            match (kind, sync, self.config.oversize) {
                (ProtocolErrorKind::NotAllowed(state), ..) => {
                    let text = refusal_text(state, scope.unwrap_or(crate::session::Scope::Any));
                    self.out
                        .status(Some(raw_tag), self.config.refusal, None, text);
                }
                (_, false, OversizeAction::Disconnect) => {
                    self.out.raw(b"* BYE Literal not accepted\r\n");
                    self.bye_sent = true;
                    self.close();
                    return self.error(kind, Some(tag), a.message);
                }
                (ProtocolErrorKind::NonSyncLiteral, ..) => {
                    let text = "Non-synchronising literal not allowed";
                    self.out.status(Some(raw_tag), StatusKind::Bad, None, text);
                }
                _ => {
                    let text = "Literal too large";
                    self.out
                        .status(Some(raw_tag), StatusKind::No, Some("LIMIT"), text);
                }
            }
            self.deferred = Some(drop);
            return self.error(kind, Some(tag), a.message);
        }
        let awaiting_decision = sync && self.config.ask_literals;
        if awaiting_decision {
            keep_tag(&mut self.literal_tag, Some(raw_tag));
            self.mode = Mode::LiteralDecision;
        } else if sync {
            self.out.raw(READY);
        }
        let command = name
            .and_then(|n| core::str::from_utf8(n).ok())
            .and_then(|n| Atom::new(n).ok());
        Event::LiteralAnnounced(LiteralRequest {
            tag,
            command,
            len: a.len,
            non_sync: !sync,
            awaiting_decision,
        })
    }

    /// A message broke a framing limit; the framer drops it.
    fn broke_limit<'a>(&mut self, e: FrameError<'a>) -> Event<'a> {
        let text = match e.kind {
            FrameErrorKind::LineTooLong { .. } => "Line too long",
            FrameErrorKind::LiteralTooLarge { .. } => "Literal too large",
            FrameErrorKind::MessageTooLarge { .. } => "Command too large",
            _ => "Too many literals",
        };
        let kind = ProtocolErrorKind::Limit(e.kind);
        if let Mode::Authenticate { handle, .. } = self.mode {
            self.end_exchange(handle, text);
            return self.error(kind, None, e.head);
        }
        let tag = match self.mode {
            Mode::Commands => tag_of(e.head),
            _ => None,
        };
        let status = if tag.is_some() {
            StatusKind::No
        } else {
            StatusKind::Bad
        };
        self.out.status(
            tag.as_ref().map(|t| t.as_str().as_bytes()),
            status,
            Some("LIMIT"),
            text,
        );
        self.error(kind, tag, e.head)
    }
}
