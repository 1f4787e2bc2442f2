//! What the client does with each message from the server: the greeting, continuation
//! requests, completions, untagged status and data. Each is parsed once, applied to the
//! machine (state, capabilities, the mailbox view, the send queue), and handed out as an
//! event that borrows the message's bytes.

use alloc::borrow::Cow;

use super::event::{Event, ProtocolError, SwitchKind, Unparsed, UsageError};
use super::send::ContinuationFor;
use super::state::{self, Input, Kind};
use super::{Core, auth};
use crate::config::ParseConfig;
use crate::owned::IntoStatic;
use crate::parse::Parse;
use crate::types::code::{Code, ResponseText};
use crate::types::response::{
    Continuation, Data, Greeting, Response, StatusKind, Tagged, Untagged,
};

/// Most extensions remembered as enabled.
const MAX_ENABLED: usize = 64;

impl Core {
    /// The parser configuration now (UTF-8 mailbox names once `UTF8=ACCEPT` is enabled).
    fn parse_config(&self) -> ParseConfig {
        let utf8 = self.config.parse.utf8_accept || self.is_enabled("UTF8=ACCEPT");
        self.config.parse.with_utf8_accept(utf8)
    }

    /// A continuation request the machine answers itself: a literal's `+`, or a challenge
    /// with a scripted answer. Returns whether it was handled.
    pub(super) fn continue_internally(&mut self) -> bool {
        match self.send.continuation() {
            ContinuationFor::Literal(_) => {
                self.pump();
                true
            }
            ContinuationFor::Command(handle, Kind::Authenticate) => {
                let Some(exchange) = self.auth.iter_mut().find(|a| a.handle == handle) else {
                    return false;
                };
                let Some(line) = exchange.script.pop_front() else {
                    return false;
                };
                self.send.line(&line);
                true
            }
            _ => false,
        }
    }

    /// Sends the caller's answer to a surfaced challenge.
    pub(super) fn answer_challenge(&mut self, line: &[u8]) -> Result<(), UsageError> {
        let Some(exchange) = self.auth.front_mut().filter(|a| a.awaiting_answer) else {
            return Err(UsageError::NoChallenge);
        };
        exchange.awaiting_answer = false;
        self.send.line(line);
        Ok(())
    }

    /// The connection ended with `partial` bytes of an unfinished message buffered.
    pub(super) fn end(&mut self, partial: usize) {
        if self.closed {
            return;
        }
        if partial > 0 {
            let error = ProtocolError::Truncated { len: partial };
            self.queued.push_back(Event::ProtocolError(error));
        }
        self.close();
    }

    /// Aborts every command and reports the end.
    fn close(&mut self) {
        for handle in self.send.abort_all() {
            self.queued.push_back(Event::Aborted { handle });
        }
        self.auth.clear();
        self.idle.clear();
        self.state = state::transition(self.state, Input::Bye);
        self.closed = true;
        self.queued.push_back(Event::Closed);
    }

    /// Interprets one complete message at stream offset `offset`.
    pub(super) fn interpret<'a>(&mut self, bytes: &'a [u8], offset: u64) -> Event<'a> {
        if !self.greeted {
            return self.greeting(bytes);
        }
        if bytes.first() == Some(&b'+') {
            return self.continuation(bytes);
        }
        match Response::parse_with(bytes, &self.parse_config()) {
            Ok(Response::Tagged(tagged)) => self.completion(tagged, offset + bytes.len() as u64),
            Ok(Response::Untagged(Untagged::Status { kind, text })) => {
                self.take_code(text.code.as_ref());
                Event::StatusReceived {
                    handle: self.send.oldest_started(),
                    status: kind,
                    code: text.code,
                    text: text.text,
                }
            }
            Ok(Response::Untagged(Untagged::Bye(text))) => {
                self.state = state::transition(self.state, Input::Bye);
                self.take_code(text.code.as_ref());
                Event::ByeReceived {
                    code: text.code,
                    text: text.text,
                }
            }
            Ok(Response::Untagged(Untagged::Data(data))) => {
                self.take_data(&data);
                Event::DataReceived {
                    handle: self.send.oldest_started(),
                    data,
                }
            }
            Ok(Response::Continuation(c)) => {
                Event::ProtocolError(ProtocolError::UnexpectedContinuation(c))
            }
            Err(error) => Event::ProtocolError(ProtocolError::Malformed(Unparsed {
                bytes: Cow::Borrowed(bytes),
                error,
            })),
        }
    }

    fn greeting<'a>(&mut self, bytes: &'a [u8]) -> Event<'a> {
        match Greeting::parse_with(bytes, &self.parse_config()) {
            Ok(greeting) => {
                self.greeted = true;
                self.state = state::transition(self.state, Input::Greeting(greeting.kind));
                self.take_code(greeting.text.code.as_ref());
                self.pump();
                Event::GreetingReceived(greeting)
            }
            Err(error) => {
                // Nothing sensible can follow a greeting that is not one.
                self.close();
                Event::ProtocolError(ProtocolError::BadGreeting(Unparsed {
                    bytes: Cow::Borrowed(bytes),
                    error,
                }))
            }
        }
    }

    /// A continuation request the owner must hear of: an IDLE's acceptance, a SASL challenge,
    /// or one nobody asked for.
    fn continuation<'a>(&mut self, bytes: &'a [u8]) -> Event<'a> {
        match self.send.continuation() {
            ContinuationFor::Command(handle, Kind::Idle) => {
                if let Some(idle) = self.idle.iter_mut().find(|i| i.handle == handle) {
                    if !idle.accepted {
                        idle.accepted = true;
                        if idle.done_requested {
                            self.send.line(b"DONE\r\n");
                        }
                        return Event::IdleAccepted { handle };
                    }
                }
            }
            ContinuationFor::Command(handle, Kind::Authenticate) => {
                if let Some(exchange) = self.auth.iter_mut().find(|a| a.handle == handle) {
                    exchange.awaiting_answer = true;
                    return Event::AuthenticateChallenge {
                        handle,
                        challenge: auth::challenge_bytes(bytes),
                    };
                }
            }
            _ => {}
        }
        let continuation = Continuation::parse_with(bytes, &self.parse_config()).unwrap_or(
            Continuation::Text(ResponseText {
                code: None,
                text: None,
            }),
        );
        Event::ProtocolError(ProtocolError::UnexpectedContinuation(continuation))
    }

    /// A tagged response ending at stream offset `end`.
    fn completion<'a>(&mut self, tagged: Tagged<'a>, end: u64) -> Event<'a> {
        let Some((handle, kind)) = self.tag_number(&tagged).and_then(|n| self.send.started(n))
        else {
            return Event::ProtocolError(ProtocolError::UnknownTag(tagged));
        };
        self.send.complete(handle);
        self.auth.retain(|a| a.handle != handle);
        self.idle.retain(|i| i.handle != handle);
        self.state = state::transition(self.state, Input::Completed(kind, tagged.kind));
        if kind == Kind::Unauthenticate && tagged.kind == StatusKind::Ok {
            // RFC 8437 §3, §4.1: no mailbox is selected and nothing stays enabled.
            self.enabled.clear();
            if let Some(view) = self.view.as_mut() {
                view.reset();
            }
        }
        self.take_code(tagged.text.code.as_ref());
        if tagged.kind == StatusKind::Ok {
            let switch = match kind {
                Kind::StartTls => Some(SwitchKind::StartTls),
                Kind::Compress => Some(SwitchKind::Compress),
                _ => None,
            };
            if let Some(kind) = switch {
                self.switch = Some(kind);
                self.queued.push_back(Event::TransportSwitch {
                    handle,
                    kind,
                    offset: end,
                });
            }
        }
        self.pump();
        Event::Completed {
            handle,
            status: tagged.kind,
            code: tagged.text.code,
            text: tagged.text.text,
        }
    }

    /// The number of a tag this machine generated.
    fn tag_number(&self, tagged: &Tagged<'_>) -> Option<u64> {
        let digits = tagged.tag.as_str().strip_prefix(self.config.tag_prefix())?;
        if digits.is_empty() || digits.starts_with('0') || digits.len() > 19 {
            return None;
        }
        digits.parse().ok()
    }

    /// What a response code tells the machine.
    fn take_code(&mut self, code: Option<&Code<'_>>) {
        let Some(code) = code else { return };
        if let Code::Capability(caps) = code {
            self.capabilities = Some(caps.clone().into_static());
        }
        if let Some(view) = self.view.as_mut() {
            view.apply_code(code);
        }
    }

    /// What untagged data tells the machine.
    fn take_data(&mut self, data: &Data<'_>) {
        match data {
            Data::Capability(caps) => self.capabilities = Some(caps.clone().into_static()),
            Data::Enabled(enabled) => {
                for atom in enabled.capabilities.iter() {
                    // A client enables a handful of extensions; more is the server's noise.
                    if self.enabled.len() < MAX_ENABLED && !self.is_enabled(atom.as_str()) {
                        self.enabled.push(atom.into_static());
                    }
                }
            }
            _ => {}
        }
        if let Some(view) = self.view.as_mut() {
            view.apply(data);
        }
    }
}
