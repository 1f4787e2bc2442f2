//! The client's commands (RFC 9051 §6 and §9 `command`, RFC 3501 §6 and §9) and the client's
//! other lines: IDLE's `DONE` and the responses of an AUTHENTICATE exchange.
//!
//! A [`Command`] is a tag and a [`CommandBody`], one variant per command. Command names and
//! keywords are read in any case (`a3 store 1 +flags \DELETED`) and written in upper case.
//! Strings are values, not representations: the serializer picks an atom, a quoted string or a
//! literal by content, and records in the [`Encoder`](crate::Encoder) where a synchronising
//! literal makes the client wait for `+`.
//!
//! The `UID` prefix is a flag of the commands that take it (`uid: bool` in COPY, FETCH, MOVE,
//! SEARCH, STORE, SORT, THREAD and REPLACE; [`CommandBody::UidExpunge`] for `UID EXPUNGE`,
//! which needs a set). A command this
//! crate does not know (`A442 XPIG-LATIN`) is kept as [`CommandBody::Other`] and written back
//! byte for byte. Credentials (LOGIN's password, AUTHENTICATE data) are wrapped in [`Secret`],
//! whose `Debug` is redacted.
//!
//! ```
//! use imap_wire::types::command::{Command, CommandBody, StoreAction};
//! use imap_wire::{Flag, Parse, to_vec};
//! let cmd = Command::parse(b"a3 store 1 +flags \\DELETED\r\n").unwrap();
//! let CommandBody::Store { uid, att, .. } = &cmd.body else { panic!() };
//! let flags = att.as_flags().unwrap();
//! assert!(!uid);
//! assert_eq!(flags.action, StoreAction::Add);
//! assert_eq!(flags.flags.to_vec(), [Flag::Deleted]);
//! assert_eq!(to_vec(&cmd), b"a3 STORE 1 +FLAGS \\Deleted\r\n");
//! ```

mod append;
#[cfg(feature = "arbitrary")]
mod arbitrary;
mod message;
mod other;

use crate::owned::IntoStatic;
use crate::types::acl::AclCommand;
use crate::types::auth::{Base64, Secret};
use crate::types::extension::ExtParam;
use crate::types::fetch::FetchItems;
use crate::types::id::IdParams;
use crate::types::list::{List, NonEmptyList};
use crate::types::list_args::{ListArguments, LsubArguments};
use crate::types::mailbox::Mailbox;
use crate::types::metadata::MetadataCommand;
use crate::types::primitive::{AString, Atom, Tag};
use crate::types::quota::QuotaCommand;
use crate::types::search::SearchCommandArgs;
use crate::types::sequence::{SeqNumber, SequenceSet};
use crate::types::sort::{SortArgs, ThreadArgs};
use crate::types::status::StatusArguments;

pub use append::{AppendData, AppendMessage};
pub use message::{
    FetchModifier, StoreAction, StoreAtt, StoreAttFlags, StoreAttLabels, StoreFlags, StoreLabels,
    StoreModifier,
};
pub use other::{OtherArgs, OtherCommand};

/// `command = tag SP (command-any / command-auth / command-nonauth / command-select) CRLF`
///
/// Parsing takes the whole line with its CRLF (and the literals inside, which a framed message
/// holds complete); serializing writes the CRLF.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Command<'a> {
    /// The client's label for the command.
    pub tag: Tag<'a>,
    /// The command.
    pub body: CommandBody<'a>,
}

impl<'a> Command<'a> {
    /// A command with a tag.
    pub fn new(tag: Tag<'a>, body: CommandBody<'a>) -> Self {
        Self { tag, body }
    }
}

/// A command without its tag: one variant per command, in the order of RFC 9051 §6 (with
/// IMAP4rev1's CHECK where RFC 3501 has it).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CommandBody<'a> {
    /// `CAPABILITY` (§6.1.1): asks for the server's capabilities.
    Capability,
    /// `NOOP` (§6.1.2): does nothing; lets the server send updates.
    Noop,
    /// `LOGOUT` (§6.1.3): ends the connection.
    Logout,
    /// `STARTTLS` (§6.2.1): starts TLS negotiation after the server's OK.
    StartTls,
    /// `authenticate = "AUTHENTICATE" SP auth-type [SP initial-resp]` (§6.2.2, RFC 4959).
    Authenticate {
        /// `auth-type = atom`: the SASL mechanism (`PLAIN`, `SCRAM-SHA-256`, ...).
        mechanism: Atom<'a>,
        /// `initial-resp = base64 / "="` (SASL-IR): `None` when absent; an empty value is the
        /// empty initial response, written `=`.
        initial_response: Option<Secret<Base64<'a>>>,
    },
    /// `login = "LOGIN" SP userid SP password` (§6.2.3).
    Login {
        /// `userid = astring`
        username: AString<'a>,
        /// `password = astring`
        password: Secret<AString<'a>>,
    },
    /// `enable = "ENABLE" 1*(SP capability)` (§6.3.1, RFC 5161): the first capability and the
    /// others (build one from a list with [`CommandBody::enable`]).
    Enable {
        /// The first capability.
        first: Atom<'a>,
        /// The others.
        rest: List<'a, Atom<'a>>,
    },
    /// `select = "SELECT" SP mailbox [select-params]` (§6.3.2, RFC 4466 §2.2).
    Select {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// `select-params = SP "(" select-param *(SP select-param) ")"`; empty when absent.
        params: List<'a, SelectParam<'a>>,
    },
    /// `examine = "EXAMINE" SP mailbox [select-params]` (§6.3.3, RFC 4466 §2.2).
    Examine {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// As for SELECT; empty when absent.
        params: List<'a, SelectParam<'a>>,
    },
    /// `create = "CREATE" SP mailbox [create-params]` (§6.3.4, RFC 4466 §2.2).
    Create {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// `create-params = SP "(" create-param *(SP create-param) ")"`; empty when absent.
        params: List<'a, ExtParam<'a>>,
    },
    /// `delete = "DELETE" SP mailbox` (§6.3.5).
    Delete {
        /// The mailbox.
        mailbox: Mailbox<'a>,
    },
    /// `rename = "RENAME" SP mailbox SP mailbox` (§6.3.6).
    Rename {
        /// The existing name.
        from: Mailbox<'a>,
        /// The new name.
        to: Mailbox<'a>,
    },
    /// `subscribe = "SUBSCRIBE" SP mailbox` (§6.3.7).
    Subscribe {
        /// The mailbox.
        mailbox: Mailbox<'a>,
    },
    /// `unsubscribe = "UNSUBSCRIBE" SP mailbox` (§6.3.8).
    Unsubscribe {
        /// The mailbox.
        mailbox: Mailbox<'a>,
    },
    /// `list = "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat [SP list-return-opts]`
    /// (§6.3.9, RFC 5258).
    List(ListArguments<'a>),
    /// `lsub = "LSUB" SP mailbox SP list-mailbox` (RFC 3501 §6.3.9; not in IMAP4rev2).
    Lsub(LsubArguments<'a>),
    /// `Namespace-Command = "NAMESPACE"` (§6.3.10, RFC 2342).
    Namespace,
    /// `status = "STATUS" SP mailbox SP "(" status-att *(SP status-att) ")"` (§6.3.11).
    Status(StatusArguments<'a>),
    /// `append = "APPEND" SP mailbox 1*append-message` (§6.3.12 with RFC 3502 MULTIAPPEND;
    /// `append-message = [SP flag-list] [SP date-time] SP append-data`, RFC 4466 §2.3).
    /// [`CommandBody::append`] builds the usual one-message form.
    Append {
        /// The destination mailbox.
        mailbox: Mailbox<'a>,
        /// The messages, appended together or not at all (RFC 3502).
        messages: NonEmptyList<'a, AppendMessage<'a>>,
    },
    /// `idle = "IDLE" CRLF "DONE"` (§6.3.13, RFC 2177): the command line; the client ends
    /// the idle with an [`IdleDone`] line.
    Idle,
    /// `CHECK` (RFC 3501 §6.4.1; not in IMAP4rev2).
    Check,
    /// `CLOSE` (§6.4.1).
    Close,
    /// `UNSELECT` (§6.4.2, RFC 3691).
    Unselect,
    /// `EXPUNGE` (§6.4.3).
    Expunge,
    /// `uid-expunge = "EXPUNGE" SP sequence-set` after `UID` (§6.4.9, RFC 4315).
    UidExpunge {
        /// The UIDs to expunge.
        sequence_set: SequenceSet<'a>,
    },
    /// `search = "SEARCH" [search-return-opts] SP search-program` (§6.4.4, RFC 4731), or
    /// `UID SEARCH`.
    Search {
        /// Whether the results are UIDs (`UID SEARCH`).
        uid: bool,
        /// The return options and the criteria.
        args: SearchCommandArgs<'a>,
    },
    /// `fetch = "FETCH" SP sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att / "("
    /// fetch-att *(SP fetch-att) ")") [fetch-modifiers]` (§6.4.5, RFC 4466 §2.4), or
    /// `UID FETCH`.
    Fetch {
        /// Whether the set holds UIDs (`UID FETCH`).
        uid: bool,
        /// The messages.
        sequence_set: SequenceSet<'a>,
        /// What to fetch.
        items: FetchItems<'a>,
        /// `fetch-modifiers = SP "(" fetch-modifier *(SP fetch-modifier) ")"` (such as RFC
        /// 7162's `CHANGEDSINCE`); empty when absent.
        modifiers: List<'a, FetchModifier<'a>>,
    },
    /// `store = "STORE" SP sequence-set [store-modifiers] SP store-att-flags` (§6.4.6,
    /// RFC 4466 §2.5), or `UID STORE`.
    Store {
        /// Whether the set holds UIDs (`UID STORE`).
        uid: bool,
        /// The messages.
        sequence_set: SequenceSet<'a>,
        /// `store-modifiers = SP "(" store-modifier *(SP store-modifier) ")"`; empty when
        /// absent.
        modifiers: List<'a, StoreModifier<'a>>,
        /// What to change: the flags or, with Gmail, the labels.
        att: StoreAtt<'a>,
    },
    /// `copy = "COPY" SP sequence-set SP mailbox` (§6.4.7), or `UID COPY`.
    Copy {
        /// Whether the set holds UIDs (`UID COPY`).
        uid: bool,
        /// The messages.
        sequence_set: SequenceSet<'a>,
        /// The destination.
        mailbox: Mailbox<'a>,
    },
    /// `move = "MOVE" SP sequence-set SP mailbox` (§6.4.8, RFC 6851), or `UID MOVE`.
    Move {
        /// Whether the set holds UIDs (`UID MOVE`).
        uid: bool,
        /// The messages.
        sequence_set: SequenceSet<'a>,
        /// The destination.
        mailbox: Mailbox<'a>,
    },
    /// A command this crate does not know, kept as its name and raw arguments.
    Other(OtherCommand<'a>),
    /// `id = "ID" SP id_params_list` (RFC 2971): the client's implementation, `NIL` or pairs.
    Id(IdParams<'a>),
    /// GETQUOTA, GETQUOTAROOT and SETQUOTA (RFC 9208).
    Quota(QuotaCommand<'a>),
    /// SETACL, DELETEACL, GETACL, LISTRIGHTS and MYRIGHTS (RFC 4314).
    Acl(AclCommand<'a>),
    /// GETMETADATA and SETMETADATA (RFC 5464).
    Metadata(MetadataCommand<'a>),
    /// `sort = ["UID" SP] "SORT" SP sort-criteria SP search-criteria` (RFC 5256, with RFC
    /// 5267's `search-return-opts`), or `UID SORT`.
    Sort {
        /// Whether the results are UIDs (`UID SORT`).
        uid: bool,
        /// The arguments.
        args: SortArgs<'a>,
    },
    /// `thread = ["UID" SP] "THREAD" SP thread-alg SP search-criteria` (RFC 5256), or
    /// `UID THREAD`.
    Thread {
        /// Whether the results are UIDs (`UID THREAD`).
        uid: bool,
        /// The arguments.
        args: ThreadArgs<'a>,
    },
    /// `"CANCELUPDATE" 1*(SP quoted)` (RFC 5267): stop the updates of earlier searches, by
    /// their tags (written as quoted strings).
    CancelUpdate {
        /// The tags.
        tags: NonEmptyList<'a, Tag<'a>>,
    },
    /// `"COMPRESS" SP algorithm` (RFC 4978), `algorithm = "DEFLATE"` or another atom; the
    /// stream after the server's OK belongs to the transport.
    Compress {
        /// The algorithm (`DEFLATE`).
        algorithm: Atom<'a>,
    },
    /// `UNAUTHENTICATE` (RFC 8437): back to the not-authenticated state.
    Unauthenticate,
    /// GENURLAUTH, RESETKEY and URLFETCH (RFC 4467, with RFC 5524's extended URLFETCH).
    UrlAuth(crate::types::urlauth::UrlAuthCommand<'a>),
    /// `rlist = "RLIST" SP mailbox SP list_mailbox` (RFC 2193 §5.1): LIST, remote mailboxes
    /// included.
    RList(LsubArguments<'a>),
    /// `rlsub = "RLSUB" SP mailbox SP list_mailbox` (RFC 2193 §5.2): LSUB, remote mailboxes
    /// included.
    RLsub(LsubArguments<'a>),
    /// `replace = "REPLACE" SP seq-number SP mailbox append-message` (RFC 8508 §5), or
    /// `UID REPLACE`: appends a message to a mailbox and expunges the one it replaces, as one
    /// action. Valid in the selected state only.
    Replace {
        /// Whether `message_id` is a UID (`UID REPLACE`).
        uid: bool,
        /// The message replaced, by sequence number or UID.
        message_id: SeqNumber,
        /// Where the new message goes.
        mailbox: Mailbox<'a>,
        /// The new message (one: REPLACE takes no MULTIAPPEND list).
        message: AppendMessage<'a>,
    },
    /// `language-cmd = "LANGUAGE" *(SP lang-range-quoted)` (RFC 5255 §3.2): with no range,
    /// asks for the languages the server supports; with ranges, picks the first it supports
    /// (`default` is the server's default).
    Language {
        /// `lang-range-quoted = astring`: the language ranges, in order of preference.
        ranges: List<'a, AString<'a>>,
    },
    /// `comparator-cmd = "COMPARATOR" *(SP comp-order-quoted)` (RFC 5255 §4.7): with no
    /// argument, asks for the active comparator; with arguments, picks the first that
    /// matches (`default` is the server's default).
    Comparator {
        /// `comp-order-quoted = astring`: the collation orders, in order of preference.
        order: List<'a, AString<'a>>,
    },
    /// `notify = "NOTIFY" SP (notify-set / notify-none)` (RFC 5465 §3): which events the
    /// server reports unasked.
    Notify(crate::types::notify::NotifyCommand<'a>),
}

impl<'a> CommandBody<'a> {
    /// `ENABLE` with `capabilities`.
    ///
    /// # Errors
    /// [`ValidationReason::Empty`](crate::ValidationReason::Empty) when there are none.
    pub fn enable(
        capabilities: impl IntoIterator<Item = Atom<'a>>,
    ) -> Result<Self, crate::ValidationError> {
        let mut it = capabilities.into_iter();
        let Some(first) = it.next() else {
            return Err(crate::ValidationError::new(
                "enable",
                crate::ValidationReason::Empty,
            ));
        };
        Ok(Self::Enable {
            first,
            rest: it.collect(),
        })
    }

    /// `APPEND` of one message to `mailbox`.
    pub fn append(mailbox: Mailbox<'a>, message: AppendMessage<'a>) -> Self {
        Self::Append {
            mailbox,
            messages: NonEmptyList::one(message),
        }
    }

    /// `LOGIN` with a user name and a password.
    pub fn login(username: AString<'a>, password: AString<'a>) -> Self {
        Self::Login {
            username,
            password: Secret::new(password),
        }
    }

    /// The command's name in upper case, without a `UID` prefix (see
    /// [`CommandBody::is_uid`]); for [`CommandBody::Other`], the name as written.
    pub fn name(&self) -> &str {
        match self {
            Self::Capability => "CAPABILITY",
            Self::Noop => "NOOP",
            Self::Logout => "LOGOUT",
            Self::StartTls => "STARTTLS",
            Self::Authenticate { .. } => "AUTHENTICATE",
            Self::Login { .. } => "LOGIN",
            Self::Enable { .. } => "ENABLE",
            Self::Select { .. } => "SELECT",
            Self::Examine { .. } => "EXAMINE",
            Self::Create { .. } => "CREATE",
            Self::Delete { .. } => "DELETE",
            Self::Rename { .. } => "RENAME",
            Self::Subscribe { .. } => "SUBSCRIBE",
            Self::Unsubscribe { .. } => "UNSUBSCRIBE",
            Self::List(_) => "LIST",
            Self::Lsub(_) => "LSUB",
            Self::Namespace => "NAMESPACE",
            Self::Status(_) => "STATUS",
            Self::Append { .. } => "APPEND",
            Self::Idle => "IDLE",
            Self::Check => "CHECK",
            Self::Close => "CLOSE",
            Self::Unselect => "UNSELECT",
            Self::Expunge | Self::UidExpunge { .. } => "EXPUNGE",
            Self::Search { .. } => "SEARCH",
            Self::Fetch { .. } => "FETCH",
            Self::Store { .. } => "STORE",
            Self::Copy { .. } => "COPY",
            Self::Move { .. } => "MOVE",
            Self::Other(o) => o.name().as_str(),
            Self::Id(_) => "ID",
            Self::Quota(q) => q.name(),
            Self::Compress { .. } => "COMPRESS",
            Self::Unauthenticate => "UNAUTHENTICATE",
            Self::UrlAuth(c) => c.name(),
            Self::RList(_) => "RLIST",
            Self::RLsub(_) => "RLSUB",
            Self::Sort { .. } => "SORT",
            Self::Thread { .. } => "THREAD",
            Self::CancelUpdate { .. } => "CANCELUPDATE",
            Self::Metadata(m) => m.name(),
            Self::Acl(a) => a.name(),
            Self::Replace { .. } => "REPLACE",
            Self::Language { .. } => "LANGUAGE",
            Self::Comparator { .. } => "COMPARATOR",
            Self::Notify(_) => "NOTIFY",
        }
    }

    /// Whether the command has the `UID` prefix.
    pub fn is_uid(&self) -> bool {
        match self {
            Self::UidExpunge { .. } => true,
            Self::Search { uid, .. }
            | Self::Fetch { uid, .. }
            | Self::Store { uid, .. }
            | Self::Copy { uid, .. }
            | Self::Move { uid, .. }
            | Self::Sort { uid, .. }
            | Self::Thread { uid, .. }
            | Self::Replace { uid, .. } => *uid,
            _ => false,
        }
    }
}

/// `select-param = select-param-name [SP select-param-value]` (RFC 4466 §2.2): a parameter of
/// SELECT or EXAMINE.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SelectParam<'a> {
    /// A parameter in the generic syntax.
    Ext(ExtParam<'a>),
}

/// `"DONE" CRLF`: the line that ends an IDLE (RFC 9051 §6.3.13, RFC 2177).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct IdleDone;

/// A client's line in an AUTHENTICATE exchange: `base64 CRLF`, or `"*" CRLF` to cancel (RFC
/// 9051 §6.2.2). The enum is closed: the grammar has exactly these two cases.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum AuthenticateResponse<'a> {
    /// SASL data (may be empty: an empty line).
    Data(Secret<Base64<'a>>),
    /// `*`: the client cancels the exchange.
    Cancel,
}

impl IntoStatic for Command<'_> {
    type Static = Command<'static>;

    fn into_static(self) -> Command<'static> {
        Command {
            tag: self.tag.into_static(),
            body: self.body.into_static(),
        }
    }
}

impl IntoStatic for CommandBody<'_> {
    type Static = CommandBody<'static>;

    fn into_static(self) -> CommandBody<'static> {
        use CommandBody as C;
        match self {
            Self::Capability => C::Capability,
            Self::Noop => C::Noop,
            Self::Logout => C::Logout,
            Self::StartTls => C::StartTls,
            Self::Authenticate {
                mechanism,
                initial_response,
            } => C::Authenticate {
                mechanism: mechanism.into_static(),
                initial_response: initial_response.into_static(),
            },
            Self::Login { username, password } => C::Login {
                username: username.into_static(),
                password: password.into_static(),
            },
            Self::Enable { first, rest } => C::Enable {
                first: first.into_static(),
                rest: rest.into_static(),
            },
            Self::Select { mailbox, params } => C::Select {
                mailbox: mailbox.into_static(),
                params: params.into_static(),
            },
            Self::Examine { mailbox, params } => C::Examine {
                mailbox: mailbox.into_static(),
                params: params.into_static(),
            },
            Self::Create { mailbox, params } => C::Create {
                mailbox: mailbox.into_static(),
                params: params.into_static(),
            },
            Self::Delete { mailbox } => C::Delete {
                mailbox: mailbox.into_static(),
            },
            Self::Rename { from, to } => C::Rename {
                from: from.into_static(),
                to: to.into_static(),
            },
            Self::Subscribe { mailbox } => C::Subscribe {
                mailbox: mailbox.into_static(),
            },
            Self::Unsubscribe { mailbox } => C::Unsubscribe {
                mailbox: mailbox.into_static(),
            },
            Self::List(args) => C::List(args.into_static()),
            Self::Lsub(args) => C::Lsub(args.into_static()),
            Self::Namespace => C::Namespace,
            Self::Status(args) => C::Status(args.into_static()),
            Self::Append { mailbox, messages } => C::Append {
                mailbox: mailbox.into_static(),
                messages: messages.into_static(),
            },
            Self::Idle => C::Idle,
            Self::Check => C::Check,
            Self::Close => C::Close,
            Self::Unselect => C::Unselect,
            Self::Expunge => C::Expunge,
            Self::UidExpunge { sequence_set } => C::UidExpunge {
                sequence_set: sequence_set.into_static(),
            },
            Self::Search { uid, args } => C::Search {
                uid,
                args: args.into_static(),
            },
            Self::Fetch {
                uid,
                sequence_set,
                items,
                modifiers,
            } => C::Fetch {
                uid,
                sequence_set: sequence_set.into_static(),
                items: items.into_static(),
                modifiers: modifiers.into_static(),
            },
            Self::Store {
                uid,
                sequence_set,
                modifiers,
                att,
            } => C::Store {
                uid,
                sequence_set: sequence_set.into_static(),
                modifiers: modifiers.into_static(),
                att: att.into_static(),
            },
            Self::Copy {
                uid,
                sequence_set,
                mailbox,
            } => C::Copy {
                uid,
                sequence_set: sequence_set.into_static(),
                mailbox: mailbox.into_static(),
            },
            Self::Move {
                uid,
                sequence_set,
                mailbox,
            } => C::Move {
                uid,
                sequence_set: sequence_set.into_static(),
                mailbox: mailbox.into_static(),
            },
            Self::Other(o) => C::Other(o.into_static()),
            Self::Id(p) => C::Id(p.into_static()),
            Self::Quota(q) => C::Quota(q.into_static()),
            Self::Compress { algorithm } => C::Compress {
                algorithm: algorithm.into_static(),
            },
            Self::Unauthenticate => C::Unauthenticate,
            Self::UrlAuth(u) => C::UrlAuth(u.into_static()),
            Self::RList(args) => C::RList(args.into_static()),
            Self::RLsub(args) => C::RLsub(args.into_static()),
            Self::Sort { uid, args } => C::Sort {
                uid,
                args: args.into_static(),
            },
            Self::Thread { uid, args } => C::Thread {
                uid,
                args: args.into_static(),
            },
            Self::CancelUpdate { tags } => C::CancelUpdate {
                tags: tags.into_static(),
            },
            Self::Metadata(m) => C::Metadata(m.into_static()),
            Self::Acl(a) => C::Acl(a.into_static()),
            Self::Replace {
                uid,
                message_id,
                mailbox,
                message,
            } => C::Replace {
                uid,
                message_id,
                mailbox: mailbox.into_static(),
                message: message.into_static(),
            },
            Self::Language { ranges } => C::Language {
                ranges: ranges.into_static(),
            },
            Self::Comparator { order } => C::Comparator {
                order: order.into_static(),
            },
            Self::Notify(n) => C::Notify(n.into_static()),
        }
    }
}

impl IntoStatic for SelectParam<'_> {
    type Static = SelectParam<'static>;

    fn into_static(self) -> SelectParam<'static> {
        match self {
            Self::Ext(p) => SelectParam::Ext(p.into_static()),
        }
    }
}

impl IntoStatic for AuthenticateResponse<'_> {
    type Static = AuthenticateResponse<'static>;

    fn into_static(self) -> AuthenticateResponse<'static> {
        match self {
            Self::Data(d) => AuthenticateResponse::Data(d.into_static()),
            Self::Cancel => AuthenticateResponse::Cancel,
        }
    }
}

crate::owned::static_types!(IdleDone);
