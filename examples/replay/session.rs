//! Whether the two directions agree as a session: the stage of a replay that looks at both
//! streams together, message by message in the order the file recorded them.
//!
//! [`Session`] is what the replay calls; [`Pairing`] is a conservative check of its own: every
//! tagged response answers a command sent before it with that tag; every command is answered
//! unless the connection ended first; a command this crate cannot parse must be one the server
//! answered `BAD` (the peers treated it as a protocol error too); a command the server accepts
//! must be valid in the state (not authenticated, authenticated, selected) that the
//! session's earlier successes imply. It also tells the replay how
//! to read what follows: SASL data after AUTHENTICATE, `DONE` after IDLE, DEFLATE after a
//! successful COMPRESS. The client and server state machines plug in as further
//! implementations of [`Session`], fed the same messages (`check::replay_with`).

use imap_wire::StatusKind;

use crate::message::{ClientLine, CommandKind, Expect, Needs, ServerLine};

/// What a server message changes in how the streams are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Nothing.
    None,
    /// Both directions are raw DEFLATE from the next byte on.
    StartDeflate,
    /// Both directions are TLS from the next byte on: nothing more can be read.
    StartTls,
}

/// A check of the session as a whole, fed each message in file order.
pub trait Session {
    /// How the client's next line is to be read.
    fn expect(&self) -> Expect;
    /// A client message that parsed, at `offset` in the client stream.
    fn client(&mut self, offset: u64, line: &ClientLine) -> Result<(), String>;
    /// A client message that did not parse (`error`), with the tag it seems to have.
    fn client_unparsed(&mut self, offset: u64, tag: Option<String>, error: String);
    /// A server message that parsed.
    fn server(&mut self, offset: u64, line: &ServerLine) -> Result<Effect, String>;
    /// The client closed its side.
    fn client_ended(&mut self);
    /// The end of the transcript: what is still wrong, as (offset, what) in the client stream.
    fn finish(&mut self) -> Vec<(u64, String)>;
    /// How many unparsable commands the server answered `BAD`, as expected.
    fn expected_bad(&self) -> u64;
    /// The commands this crate parsed that the server answered `BAD`, as (client offset,
    /// tag): not failures (a server may refuse a command it does not know, or one sent in
    /// the wrong state), but worth a look for a grammar that is too lenient.
    fn accepted_bad(&self) -> &[(u64, String)];
}

/// The connection's state as the session's successful commands imply (RFC 9051 §3).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum State {
    /// Before a greeting (an excerpt of a session): any command may succeed.
    #[default]
    Unknown,
    NotAuthenticated,
    Authenticated,
    Selected,
    Logout,
}

impl State {
    /// Whether a command valid in `needs` may succeed in this state.
    fn allows(self, needs: Needs) -> bool {
        match needs {
            Needs::Any => true,
            _ if self == Self::Unknown => true,
            Needs::NotAuthenticated => self == Self::NotAuthenticated,
            Needs::Authenticated => matches!(self, Self::Authenticated | Self::Selected),
            Needs::Selected => self == Self::Selected,
        }
    }

    /// The state after a command of `kind` got `status`.
    fn after(self, kind: CommandKind, status: StatusKind) -> Self {
        match (kind, status) {
            (CommandKind::Login | CommandKind::Authenticate, StatusKind::Ok) => Self::Authenticated,
            (CommandKind::Select, StatusKind::Ok) => Self::Selected,
            (CommandKind::Select, StatusKind::No) | (CommandKind::Close, StatusKind::Ok) => {
                Self::Authenticated
            }
            (CommandKind::Logout, StatusKind::Ok) => Self::Logout,
            _ => self,
        }
    }
}

/// A command waiting for its tagged response.
struct Pending {
    tag: Option<String>,
    kind: CommandKind,
    needs: Option<Needs>,
    offset: u64,
    /// Why this crate could not parse it, if it could not.
    error: Option<String>,
    /// The connection went on to end (BYE or the client's close) after it was sent.
    ended_after: bool,
}

/// The conservative check (see the module docs).
#[derive(Default)]
pub struct Pairing {
    pending: Vec<Pending>,
    /// Tag of an AUTHENTICATE in progress.
    auth: Option<String>,
    /// Tag of an IDLE in progress, and whether its `DONE` was sent.
    idle: Option<(String, bool)>,
    expected_bad: u64,
    accepted_bad: Vec<(u64, String)>,
    tls: bool,
    state: State,
}

impl Pairing {
    fn answer(&mut self, tag: &str, kind: StatusKind) -> Result<Effect, String> {
        let Some(i) = self
            .pending
            .iter()
            .position(|p| p.tag.as_deref() == Some(tag))
        else {
            return Err(format!(
                "tagged response {tag} answers no command sent before it"
            ));
        };
        let p = self.pending.remove(i);
        if self.auth.as_deref() == Some(tag) {
            self.auth = None;
        }
        if self.idle.as_ref().is_some_and(|(t, _)| t == tag) {
            self.idle = None;
        }
        if kind == StatusKind::Ok {
            if let Some(needs) = p.needs.filter(|n| !self.state.allows(*n)) {
                return Err(format!(
                    "the server accepted {tag}, a command of the {needs:?} state, in the {:?} \
                     state the session implies",
                    self.state
                ));
            }
        }
        self.state = self.state.after(p.kind, kind);
        if let Some(error) = p.error {
            if kind != StatusKind::Bad {
                return Err(format!(
                    "the server answered {} to the command at client byte {} that this crate \
                     rejects ({error})",
                    kind.as_str(),
                    p.offset
                ));
            }
            self.expected_bad += 1;
        } else if kind == StatusKind::Bad {
            self.accepted_bad.push((p.offset, tag.to_string()));
        }
        Ok(match (p.kind, kind) {
            (CommandKind::Compress, StatusKind::Ok) => Effect::StartDeflate,
            (CommandKind::StartTls, StatusKind::Ok) => {
                self.tls = true;
                Effect::StartTls
            }
            _ => Effect::None,
        })
    }
}

impl Session for Pairing {
    fn expect(&self) -> Expect {
        if self.auth.is_some() {
            Expect::AuthData
        } else if self.idle.as_ref().is_some_and(|(_, done)| !done) {
            Expect::Done
        } else {
            Expect::Command
        }
    }

    fn client(&mut self, offset: u64, line: &ClientLine) -> Result<(), String> {
        match line {
            ClientLine::Command { tag, kind, needs } => {
                match kind {
                    CommandKind::Authenticate => self.auth = Some(tag.clone()),
                    CommandKind::Idle => self.idle = Some((tag.clone(), false)),
                    _ => {}
                }
                self.pending.push(Pending {
                    tag: Some(tag.clone()),
                    kind: *kind,
                    needs: *needs,
                    offset,
                    error: None,
                    ended_after: false,
                });
            }
            ClientLine::Done => match &mut self.idle {
                Some((_, done)) if !*done => *done = true,
                _ => return Err("DONE without an IDLE in progress".into()),
            },
            ClientLine::AuthData if self.auth.is_none() => {
                return Err("AUTHENTICATE data without an exchange in progress".into());
            }
            ClientLine::AuthData => {}
        }
        Ok(())
    }

    fn client_unparsed(&mut self, offset: u64, tag: Option<String>, error: String) {
        self.pending.push(Pending {
            tag,
            kind: CommandKind::Other,
            needs: None,
            offset,
            error: Some(error),
            ended_after: false,
        });
    }

    fn server(&mut self, _offset: u64, line: &ServerLine) -> Result<Effect, String> {
        match line {
            ServerLine::Tagged { tag, kind } => self.answer(tag, *kind),
            ServerLine::Greeting { preauth } => {
                self.state = if *preauth {
                    State::Authenticated
                } else {
                    State::NotAuthenticated
                };
                Ok(Effect::None)
            }
            // An untagged BAD answers the oldest line whose tag could not be read.
            ServerLine::Untagged { bad: true, .. } => {
                if let Some(i) = self
                    .pending
                    .iter()
                    .position(|p| p.tag.is_none() && p.error.is_some())
                {
                    self.pending.remove(i);
                    self.expected_bad += 1;
                }
                Ok(Effect::None)
            }
            ServerLine::Untagged { bye: true, .. } => {
                self.client_ended();
                Ok(Effect::None)
            }
            _ => Ok(Effect::None),
        }
    }

    fn client_ended(&mut self) {
        for p in &mut self.pending {
            p.ended_after = true;
        }
    }

    fn finish(&mut self) -> Vec<(u64, String)> {
        let mut out = Vec::new();
        for p in self.pending.drain(..) {
            let tag = p.tag.as_deref().unwrap_or("(no tag)");
            if let Some(error) = p.error {
                out.push((
                    p.offset,
                    format!(
                        "command {tag} does not parse and the server did not answer BAD: {error}"
                    ),
                ));
            } else if !p.ended_after && !self.tls {
                out.push((p.offset, format!("command {tag} was never answered")));
            }
        }
        out
    }

    fn expected_bad(&self) -> u64 {
        self.expected_bad
    }

    fn accepted_bad(&self) -> &[(u64, String)] {
        &self.accepted_bad
    }
}
