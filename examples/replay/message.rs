//! One framed message: what kind it is, whether it parses, whether its re-serialized form
//! parses back strictly to an equal value, and which leniencies it needed.
//!
//! The outcome is a small owned summary ([`ClientLine`], [`ServerLine`]) of what the session
//! check needs: tags, command names, status kinds.

use imap_wire::{
    AuthenticateResponse, Command, CommandBody, Encode, Encoder, Greeting, GreetingKind, IdleDone,
    Parse, Parsed, Response, StatusKind, Untagged,
};

use imap_wire::session::Scope;

use crate::quirks;

/// A message that parsed and round-tripped, with the leniencies it needed (none if the strict
/// grammar took it).
pub struct Checked<T> {
    /// What the session check needs of it.
    pub line: T,
    /// The leniencies it needed.
    pub quirks: Vec<&'static str>,
}

/// Why a message did not check.
pub type Outcome<T> = Result<Checked<T>, String>;

/// What the session check needs of a client message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClientLine {
    /// A command: its tag and what kind it is.
    Command {
        /// The tag.
        tag: String,
        /// Its kind, as far as the session cares.
        kind: CommandKind,
        /// The state it is valid in (`None` for a command this crate does not know).
        needs: Option<Needs>,
    },
    /// `DONE`, ending IDLE.
    Done,
    /// A line of an AUTHENTICATE exchange.
    AuthData,
}

/// The commands that change how the following bytes are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommandKind {
    /// AUTHENTICATE: client lines are SASL data until the tagged response.
    Authenticate,
    /// IDLE: the client's next line is `DONE`.
    Idle,
    /// COMPRESS: after a tagged OK both directions are DEFLATE.
    Compress,
    /// STARTTLS: after a tagged OK both directions are TLS.
    StartTls,
    /// LOGOUT.
    Logout,
    /// LOGIN: after a tagged OK the session is authenticated.
    Login,
    /// SELECT or EXAMINE: after a tagged OK a mailbox is selected, after NO none is.
    Select,
    /// CLOSE or UNSELECT: after a tagged OK no mailbox is selected.
    Close,
    /// Anything else.
    Other,
}

/// The states of RFC 9051 §3 a command is valid in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    /// Any state.
    Any,
    /// Not authenticated.
    NotAuthenticated,
    /// Authenticated or selected.
    Authenticated,
    /// Selected.
    Selected,
}

/// What the session check needs of a server message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ServerLine {
    /// The greeting; `preauth` for `* PREAUTH`.
    Greeting {
        /// The session starts authenticated.
        preauth: bool,
    },
    /// A tagged response.
    Tagged {
        /// The tag.
        tag: String,
        /// OK, NO or BAD.
        kind: StatusKind,
    },
    /// An untagged response.
    Untagged {
        /// `* BAD`: the server could not read a line it was sent.
        bad: bool,
        /// `* BYE`: the server is closing.
        bye: bool,
    },
    /// A continuation request.
    Continuation,
}

/// What the client's next line is expected to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// A command.
    Command,
    /// A line of an AUTHENTICATE exchange.
    AuthData,
    /// `DONE`.
    Done,
}

/// Serializes `$value` and parses the bytes back strictly as `$ty`, comparing (a macro, so
/// the second value may borrow from the encoder's buffer).
macro_rules! round_trip {
    ($ty:ident, $value:expr, $enc:expr) => {{
        let value = &$value;
        let enc: &mut Encoder = $enc;
        enc.clear();
        value.encode(enc);
        match $ty::parse_with(
            enc.bytes(),
            &quirks::config(false, enc.config().utf8_accept),
        ) {
            Err(e) => Err(format!(
                "re-serialized form does not parse: {e}: {:?}",
                excerpt(enc.bytes())
            )),
            Ok(again) if &again != value => Err(format!(
                "round trip changed the value: {value:?} became {again:?}"
            )),
            Ok(_) => Ok(()),
        }
    }};
}

/// Parses `$bytes` as `$ty` leniently, as from a real peer; names the leniencies needed when
/// the strict grammar refuses the message or reads it differently; checks the round trip and
/// summarises the value with `$summary`.
macro_rules! check {
    ($ty:ident, $bytes:expr, $enc:expr, $summary:expr) => {{
        let bytes: &[u8] = $bytes;
        match $ty::parse_report(bytes, &quirks::config(true, $enc.config().utf8_accept)) {
            Err(e) => Err(format!("does not parse as {}: {e}", stringify!($ty))),
            Ok(Parsed { value: v, quirks }) => {
                let quirks = quirks::names(quirks);
                round_trip!($ty, v, $enc).map(|()| Checked {
                    line: $summary(&v),
                    quirks,
                })
            }
        }
    }};
}

/// What kind of command `body` is, as far as the session cares.
pub fn command_kind(body: &CommandBody<'_>) -> CommandKind {
    use CommandBody as B;
    match body {
        B::Authenticate { .. } => CommandKind::Authenticate,
        B::Idle => CommandKind::Idle,
        B::StartTls => CommandKind::StartTls,
        B::Logout => CommandKind::Logout,
        B::Login { .. } => CommandKind::Login,
        B::Select { .. } | B::Examine { .. } => CommandKind::Select,
        B::Close | B::Unselect => CommandKind::Close,
        B::Compress { .. } => CommandKind::Compress,
        _ => CommandKind::Other,
    }
}

fn command_line(c: &Command<'_>) -> ClientLine {
    use CommandBody as B;
    let kind = command_kind(&c.body);
    // The states RFC 9051 §6 (and each extension) allow the command in; an unknown command
    // is not judged.
    let needs = match (&c.body, c.body.scope()) {
        (B::Other(_), _) => None,
        (_, Scope::Any) => Some(Needs::Any),
        (_, Scope::NotAuthenticated) => Some(Needs::NotAuthenticated),
        (_, Scope::Authenticated) => Some(Needs::Authenticated),
        (_, Scope::Selected) => Some(Needs::Selected),
    };
    ClientLine::Command {
        tag: c.tag.as_str().to_string(),
        kind,
        needs,
    }
}

fn done_line(_: &IdleDone) -> ClientLine {
    ClientLine::Done
}

fn auth_line(_: &AuthenticateResponse<'_>) -> ClientLine {
    ClientLine::AuthData
}

fn greeting_line(g: &Greeting<'_>) -> ServerLine {
    ServerLine::Greeting {
        preauth: g.kind == GreetingKind::PreAuth,
    }
}

fn response_line(r: &Response<'_>) -> ServerLine {
    match r {
        Response::Tagged(t) => ServerLine::Tagged {
            tag: t.tag.as_str().to_string(),
            kind: t.kind,
        },
        Response::Untagged(u) => ServerLine::Untagged {
            bad: matches!(
                u,
                Untagged::Status {
                    kind: StatusKind::Bad,
                    ..
                }
            ),
            bye: matches!(u, Untagged::Bye(_)),
        },
        _ => ServerLine::Continuation,
    }
}

/// Checks one client message, reading it as `expect` says; when `fall_back`, the other kinds
/// of client line are tried too (for a stream without the session that tells them apart).
pub fn client(
    bytes: &[u8],
    expect: Expect,
    fall_back: bool,
    enc: &mut Encoder,
) -> Outcome<ClientLine> {
    let one = |kind: Expect, enc: &mut Encoder| match kind {
        Expect::Command => check!(Command, bytes, enc, command_line),
        Expect::Done => check!(IdleDone, bytes, enc, done_line),
        Expect::AuthData => check!(AuthenticateResponse, bytes, enc, auth_line),
    };
    let first = one(expect, enc);
    if first.is_ok() || !fall_back {
        return first;
    }
    [Expect::Command, Expect::Done, Expect::AuthData]
        .into_iter()
        .filter(|k| *k != expect)
        .map(|k| one(k, enc))
        .find(Result::is_ok)
        .unwrap_or(first)
}

/// Checks one server message; `greeting` when it is the first of the stream, where a greeting
/// is read if there is one.
pub fn server(bytes: &[u8], greeting: bool, enc: &mut Encoder) -> Outcome<ServerLine> {
    if greeting
        && bytes.starts_with(b"* ")
        && Greeting::parse_with(bytes, &quirks::config(true, false)).is_ok()
    {
        return check!(Greeting, bytes, enc, greeting_line);
    }
    check!(Response, bytes, enc, response_line)
}

/// The tag a line that did not parse seems to have: its first word, when that is a valid tag.
pub fn tentative_tag(bytes: &[u8]) -> Option<String> {
    let word = bytes
        .split(|b| *b == b' ' || *b == b'\r' || *b == b'\n')
        .next()?;
    imap_wire::Tag::parse(word)
        .ok()
        .map(|t| t.as_str().to_string())
}

/// The first bytes of a message, for a report.
pub fn excerpt(bytes: &[u8]) -> String {
    String::from_utf8_lossy(&bytes[..bytes.len().min(120)]).into_owned()
}
