//! Parsers of the client's commands (RFC 9051 §6 and §9 `command`, RFC 3501 §6 and §9) and of
//! the client's other lines (`DONE`, AUTHENTICATE responses).
//!
//! A command line is read as `tag SP name`, and the name (any case) picks the parser of the
//! arguments from a table, so no branch is tried and dropped. `UID` reads the next name and
//! hands it to the same parsers with the `uid` flag set. A name the table does not hold gives
//! [`CommandBody::Other`] with the raw arguments, checked only for what framing needs (no NUL,
//! no bare CR or LF, complete literals).

mod append;
mod ext;
mod message;
mod other;

use alloc::borrow::Cow;

use super::extension::ext_param;
use super::list::{Sep, items, paren_list};
use super::list_args::{list_arguments, lsub_arguments};
use super::mailbox::mailbox;
use super::primitive::{astring, atom, base64, tag};
use super::search::search_args;
use super::status::status_arguments;
use super::{Cx, PResult, crlf, expected, impl_parse, keyword, sp};
use crate::types::auth::{Base64, Secret};
use crate::types::command::{
    AuthenticateResponse, Command, CommandBody, IdleDone, OtherCommand, SelectParam,
};
use crate::types::list::{List, ListItem};
use crate::types::primitive::Atom;

pub(crate) use other::{check_other_args, literal_announced};

/// The commands that have a parser, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Name {
    Capability,
    Noop,
    Logout,
    StartTls,
    Authenticate,
    Login,
    Enable,
    Select,
    Examine,
    Create,
    Delete,
    Rename,
    Subscribe,
    Unsubscribe,
    List,
    Lsub,
    Namespace,
    Status,
    Append,
    Idle,
    Check,
    Close,
    Unselect,
    Expunge,
    Search,
    Fetch,
    Store,
    Copy,
    Move,
    Uid,
}

const NAMES: &[(&str, Name)] = &[
    ("CAPABILITY", Name::Capability),
    ("NOOP", Name::Noop),
    ("LOGOUT", Name::Logout),
    ("STARTTLS", Name::StartTls),
    ("AUTHENTICATE", Name::Authenticate),
    ("LOGIN", Name::Login),
    ("ENABLE", Name::Enable),
    ("SELECT", Name::Select),
    ("EXAMINE", Name::Examine),
    ("CREATE", Name::Create),
    ("DELETE", Name::Delete),
    ("RENAME", Name::Rename),
    ("SUBSCRIBE", Name::Subscribe),
    ("UNSUBSCRIBE", Name::Unsubscribe),
    ("LIST", Name::List),
    ("LSUB", Name::Lsub),
    ("NAMESPACE", Name::Namespace),
    ("STATUS", Name::Status),
    ("APPEND", Name::Append),
    ("IDLE", Name::Idle),
    ("CHECK", Name::Check),
    ("CLOSE", Name::Close),
    ("UNSELECT", Name::Unselect),
    ("EXPUNGE", Name::Expunge),
    ("SEARCH", Name::Search),
    ("FETCH", Name::Fetch),
    ("STORE", Name::Store),
    ("COPY", Name::Copy),
    ("MOVE", Name::Move),
    ("UID", Name::Uid),
];

impl Name {
    /// The command named `word`, in any case.
    fn of(word: &[u8]) -> Option<Self> {
        NAMES
            .iter()
            .find(|(n, _)| n.as_bytes().eq_ignore_ascii_case(word))
            .map(|&(_, name)| name)
    }

    /// Whether `UID` may stand before the command (`uid = "UID" SP (copy / move / fetch /
    /// search / store / uid-expunge)`).
    const fn takes_uid(self) -> bool {
        matches!(
            self,
            Self::Copy | Self::Move | Self::Fetch | Self::Search | Self::Store | Self::Expunge
        )
    }
}

/// What a command's name says to parse.
enum Dispatch<'a> {
    /// A command with a parser; its arguments start at `args`.
    Known {
        name: Name,
        uid: bool,
        args: &'a [u8],
    },
    /// A command an extension adds (see [`ext`]).
    Ext {
        name: ext::ExtName,
        uid: bool,
        args: &'a [u8],
    },
    /// A command kept as [`CommandBody::Other`].
    Other,
}

/// Decides how to read a command named `name` whose arguments start at `after`.
fn dispatch<'a>(name: &[u8], after: &'a [u8]) -> Dispatch<'a> {
    match Name::of(name) {
        None => match ext::ExtName::of(name) {
            Some(name) => Dispatch::Ext {
                name,
                uid: false,
                args: after,
            },
            None => Dispatch::Other,
        },
        Some(Name::Uid) => {
            if let Some(Ok((args, sub))) = after.strip_prefix(b" ").map(atom) {
                return match Name::of(sub.as_bytes()) {
                    Some(name) if name.takes_uid() => Dispatch::Known {
                        name,
                        uid: true,
                        args,
                    },
                    Some(_) => Dispatch::Other,
                    None => match ext::ExtName::of(sub.as_bytes()) {
                        Some(name) if name.takes_uid() => Dispatch::Ext {
                            name,
                            uid: true,
                            args,
                        },
                        _ => Dispatch::Other,
                    },
                };
            }
            // Not followed by a command name: reported by the parser of `UID`.
            Dispatch::Known {
                name: Name::Uid,
                uid: false,
                args: after,
            }
        }
        Some(name) => Dispatch::Known {
            name,
            uid: false,
            args: after,
        },
    }
}

/// Whether a command named `name` with arguments `args` (valid [`OtherArgs`]) reads as
/// [`CommandBody::Other`] with these arguments.
///
/// [`OtherArgs`]: crate::types::command::OtherArgs
pub(crate) fn is_other(name: &[u8], args: &[u8]) -> bool {
    let line_ok = other::takes_literals(name) || !args.iter().any(|&b| b == b'\r' || b == b'\n');
    line_ok && matches!(dispatch(name, args), Dispatch::Other)
}

/// `command = tag SP (command-any / command-auth / command-nonauth / command-select) CRLF`
/// (RFC 9051 §9, RFC 3501 §9)
pub(crate) fn command<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Command<'a>> {
    let (i, tag) = tag(i)?;
    let (i, ()) = sp(i)?;
    let (i, body) = command_body(cx, i)?;
    let (i, ()) = super::line_end(cx, i)?;
    Ok((i, Command { tag, body }))
}

/// `command-any / command-auth / command-nonauth / command-select`, and any other command
/// (`x-command`): a command without its tag and CRLF.
pub(crate) fn command_body<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, CommandBody<'a>> {
    let Ok((after, name)) = atom(i) else {
        return expected(i, "command name");
    };
    match dispatch(name.as_bytes(), after) {
        Dispatch::Known { name, uid, args } => known(cx, args, name, uid),
        Dispatch::Ext { name, uid, args } => ext::known(cx, args, name, uid),
        Dispatch::Other => {
            let literals = other::takes_literals(name.as_bytes());
            let (rest, args) = other::other_args(after, literals)?;
            Ok((rest, CommandBody::Other(OtherCommand::parsed(name, args))))
        }
    }
}

/// The arguments of the command `name`, starting at `i` (after the name).
fn known<'a>(cx: &Cx, i: &'a [u8], name: Name, uid: bool) -> PResult<'a, CommandBody<'a>> {
    use CommandBody as C;
    let bare = |body: CommandBody<'a>| Ok((i, body));
    match name {
        Name::Capability => bare(C::Capability),
        Name::Noop => bare(C::Noop),
        Name::Logout => bare(C::Logout),
        Name::StartTls => bare(C::StartTls),
        Name::Authenticate => authenticate(sp(i)?.0),
        Name::Login => login(sp(i)?.0),
        Name::Enable => enable(cx, sp(i)?.0),
        Name::Select => {
            let (rest, (mailbox, params)) = select_args(cx, sp(i)?.0)?;
            Ok((rest, C::Select { mailbox, params }))
        }
        Name::Examine => {
            let (rest, (mailbox, params)) = select_args(cx, sp(i)?.0)?;
            Ok((rest, C::Examine { mailbox, params }))
        }
        Name::Create => {
            let (rest, mailbox) = mailbox(cx, sp(i)?.0)?;
            let (rest, params) = params(cx, rest)?;
            Ok((rest, C::Create { mailbox, params }))
        }
        Name::Delete => one_mailbox(cx, i, |mailbox| C::Delete { mailbox }),
        Name::Rename => {
            let (rest, from) = mailbox(cx, sp(i)?.0)?;
            let (rest, to) = mailbox(cx, sp(rest)?.0)?;
            Ok((rest, C::Rename { from, to }))
        }
        Name::Subscribe => one_mailbox(cx, i, |mailbox| C::Subscribe { mailbox }),
        Name::Unsubscribe => one_mailbox(cx, i, |mailbox| C::Unsubscribe { mailbox }),
        Name::List => {
            let (rest, args) = list_arguments(cx, sp(i)?.0)?;
            Ok((rest, C::List(args)))
        }
        Name::Lsub => {
            let (rest, args) = lsub_arguments(cx, sp(i)?.0)?;
            Ok((rest, C::Lsub(args)))
        }
        Name::Namespace => bare(C::Namespace),
        Name::Status => {
            let (rest, args) = status_arguments(cx, sp(i)?.0)?;
            Ok((rest, C::Status(args)))
        }
        Name::Append => append::append(cx, sp(i)?.0),
        Name::Idle => bare(C::Idle),
        Name::Check => bare(C::Check),
        Name::Close => bare(C::Close),
        Name::Unselect => bare(C::Unselect),
        Name::Expunge if uid => message::uid_expunge(cx, sp(i)?.0),
        Name::Expunge => bare(C::Expunge),
        Name::Search => {
            let (rest, args) = search_args(cx, sp(i)?.0)?;
            Ok((rest, C::Search { uid, args }))
        }
        Name::Fetch => message::fetch(cx, sp(i)?.0, uid),
        Name::Store => message::store(cx, sp(i)?.0, uid),
        Name::Copy => {
            let (rest, (sequence_set, mailbox)) = message::copy_args(cx, sp(i)?.0)?;
            let body = C::Copy {
                uid,
                sequence_set,
                mailbox,
            };
            Ok((rest, body))
        }
        Name::Move => {
            let (rest, (sequence_set, mailbox)) = message::copy_args(cx, sp(i)?.0)?;
            let body = C::Move {
                uid,
                sequence_set,
                mailbox,
            };
            Ok((rest, body))
        }
        // Reached only when no command name follows `UID`.
        Name::Uid => expected(sp(i)?.0, "command name"),
    }
}

/// `SP mailbox` as the only argument.
fn one_mailbox<'a>(
    cx: &Cx,
    i: &'a [u8],
    make: impl FnOnce(crate::types::mailbox::Mailbox<'a>) -> CommandBody<'a>,
) -> PResult<'a, CommandBody<'a>> {
    let (rest, m) = mailbox(cx, sp(i)?.0)?;
    Ok((rest, make(m)))
}

/// `authenticate = "AUTHENTICATE" SP auth-type [SP initial-resp]` (RFC 9051 §9, RFC 4959 §7),
/// after `"AUTHENTICATE" SP`.
///
/// `auth-type = atom`
fn authenticate(i: &[u8]) -> PResult<'_, CommandBody<'_>> {
    let Ok((rest, mechanism)) = atom(i) else {
        return expected(i, "auth-type");
    };
    let Some(after) = rest.strip_prefix(b" ") else {
        let body = CommandBody::Authenticate {
            mechanism,
            initial_response: None,
        };
        return Ok((rest, body));
    };
    let (rest, data) = initial_resp(after)?;
    let body = CommandBody::Authenticate {
        mechanism,
        initial_response: Some(Secret::new(data)),
    };
    Ok((rest, body))
}

/// `initial-resp = (base64 / "=")` (RFC 9051 §9, RFC 4959 §7): `=` is the empty response; an
/// empty `base64` is not allowed here (it would be a trailing space).
fn initial_resp(i: &[u8]) -> PResult<'_, Base64<'_>> {
    if let Some(rest) = i.strip_prefix(b"=") {
        return Ok((rest, Base64(Cow::Borrowed(""))));
    }
    let (rest, data) = base64(i)?;
    if data.as_str().is_empty() {
        return expected(i, "initial-resp");
    }
    Ok((rest, data))
}

/// `login = "LOGIN" SP userid SP password` (RFC 9051 §9), after `"LOGIN" SP`.
///
/// `userid = astring`, `password = astring`
fn login(i: &[u8]) -> PResult<'_, CommandBody<'_>> {
    let (rest, username) = astring(i)?;
    let (rest, ()) = sp(rest)?;
    let (rest, password) = astring(rest)?;
    let body = CommandBody::Login {
        username,
        password: Secret::new(password),
    };
    Ok((rest, body))
}

/// `*(SP item)` at the end of a list whose first item has been read: a space that is not
/// followed by an item is left unconsumed.
pub(crate) fn more_items<'a, T: ListItem<'a>>(cx: &Cx, i: &'a [u8]) -> PResult<'a, List<'a, T>> {
    if let Some(after) = i.strip_prefix(b" ") {
        let (rest, list) = items(cx, after, Sep::Space, 0)?;
        if !list.is_empty() {
            return Ok((rest, list));
        }
    }
    Ok((i, List::new()))
}

/// `enable = "ENABLE" 1*(SP capability)` (RFC 9051 §9, RFC 5161 §4), after `"ENABLE" SP`.
///
/// `capability = ("AUTH=" auth-type) / atom`, which is an atom either way.
fn enable<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, CommandBody<'a>> {
    let Ok((rest, first)) = atom(i) else {
        return expected(i, "capability");
    };
    let (rest, more) = more_items::<Atom<'a>>(cx, rest)?;
    Ok((rest, CommandBody::Enable { first, rest: more }))
}

/// `SP "(" param *(SP param) ")"` if the input starts with `" ("`, else no parameters:
/// `select-params`, `create-params`, `store-modifiers` (RFC 4466 §2).
pub(crate) fn params<'a, T: ListItem<'a>>(cx: &Cx, i: &'a [u8]) -> PResult<'a, List<'a, T>> {
    match i {
        [b' ', b'(', ..] => paren_list(cx, &i[1..], Sep::Space, 1),
        _ => Ok((i, List::new())),
    }
}

/// `mailbox [select-params]` of SELECT and EXAMINE (RFC 9051 §9, RFC 4466 §2.2).
fn select_args<'a>(
    cx: &Cx,
    i: &'a [u8],
) -> PResult<
    'a,
    (
        crate::types::mailbox::Mailbox<'a>,
        List<'a, SelectParam<'a>>,
    ),
> {
    let (rest, m) = mailbox(cx, i)?;
    let (rest, p) = params(cx, rest)?;
    Ok((rest, (m, p)))
}

/// `select-param = select-param-name [SP select-param-value]` (RFC 4466 §2.2)
fn select_param<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, SelectParam<'a>> {
    ext_param(cx, i).map(|(rest, p)| (rest, SelectParam::Ext(p)))
}

impl<'a> ListItem<'a> for SelectParam<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        select_param(cx, i)
    }
}

/// `"DONE" CRLF`, the end of an IDLE (RFC 9051 §9 `idle`, RFC 2177).
pub(crate) fn idle_done(i: &[u8]) -> PResult<'_, IdleDone> {
    let (rest, ()) = keyword(i, "DONE")?;
    let (rest, ()) = crlf(rest)?;
    Ok((rest, IdleDone))
}

/// `base64 CRLF` or `"*" CRLF`: the client's answer to an AUTHENTICATE challenge (RFC 9051
/// §6.2.2; `authenticate = ... *(CRLF base64)`).
pub(crate) fn authenticate_response(i: &[u8]) -> PResult<'_, AuthenticateResponse<'_>> {
    if let Some(rest) = i.strip_prefix(b"*") {
        let (rest, ()) = crlf(rest)?;
        return Ok((rest, AuthenticateResponse::Cancel));
    }
    let (rest, data) = base64(i)?;
    let (rest, ()) = crlf(rest)?;
    Ok((rest, AuthenticateResponse::Data(Secret::new(data))))
}

fn cfg_other_command<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, OtherCommand<'a>> {
    match command_body(cx, i)? {
        (rest, CommandBody::Other(o)) => Ok((rest, o)),
        _ => expected(i, "command name this crate does not know"),
    }
}

impl_parse!(Command, command);
impl_parse!(CommandBody, command_body);
impl_parse!(SelectParam, select_param);
impl_parse!(IdleDone => plain idle_done);
impl_parse!(AuthenticateResponse, plain authenticate_response);
impl_parse!(OtherCommand, cfg_other_command);
