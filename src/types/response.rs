//! What a server sends: the greeting, responses and continuation requests (RFC 9051 §7).
//!
//! - [`Greeting`]: the first line of a connection (`* OK`, `* PREAUTH` or `* BYE`).
//! - [`Response`]: every later line: a tagged status ([`Tagged`]), untagged status or data
//!   ([`Untagged`], [`Data`]), or a continuation request ([`Continuation`]).
//!
//! Data this crate has no variant for (`* 3 XFOO bar`) is kept as [`Data::Other`] with its raw
//! bytes, so a caller can still see and forward it.

use alloc::borrow::Cow;
use core::fmt;
use core::num::NonZeroU32;

use crate::error::{ValidationError, ValidationReason};
use crate::owned::IntoStatic;
use crate::types::acl::{AclData, ListRightsData, MyRightsData};
use crate::types::auth::Base64;
use crate::types::capability::Capabilities;
use crate::types::code::ResponseText;
use crate::types::condstore::VanishedData;
use crate::types::esearch::{EsearchData, SearchData};
use crate::types::flag::FlagList;
use crate::types::id::IdParams;
use crate::types::list::List;
use crate::types::listing::MailboxList;
use crate::types::mailbox_data::{EnabledData, NamespaceData};
use crate::types::message::MessageAttribute;
use crate::types::metadata::MetadataData;
use crate::types::primitive::{Atom, Tag};
use crate::types::quota::{QuotaData, QuotaRootData};
use crate::types::sort::ThreadData;
use crate::types::status::StatusData;

/// The kind of a greeting: `resp-cond-auth` or `resp-cond-bye`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GreetingKind {
    /// `OK`: not authenticated yet.
    Ok,
    /// `PREAUTH`: already authenticated.
    PreAuth,
    /// `BYE`: the server refuses the connection.
    Bye,
}

/// `greeting = "*" SP (resp-cond-auth / resp-cond-bye) CRLF`
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Greeting<'a> {
    /// Which greeting.
    pub kind: GreetingKind,
    /// Its code and text.
    pub text: ResponseText<'a>,
}

impl IntoStatic for Greeting<'_> {
    type Static = Greeting<'static>;

    fn into_static(self) -> Greeting<'static> {
        Greeting {
            kind: self.kind,
            text: self.text.into_static(),
        }
    }
}

/// The condition of a status response: `OK`, `NO` or `BAD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StatusKind {
    /// `OK`: success.
    Ok,
    /// `NO`: operational failure.
    No,
    /// `BAD`: protocol error.
    Bad,
}

impl StatusKind {
    /// The keyword.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ok => "OK",
            Self::No => "NO",
            Self::Bad => "BAD",
        }
    }
}

/// `response-tagged = tag SP resp-cond-state CRLF`: the completion of a command.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Tagged<'a> {
    /// The command's tag.
    pub tag: Tag<'a>,
    /// `OK`, `NO` or `BAD`.
    pub kind: StatusKind,
    /// Code and text.
    pub text: ResponseText<'a>,
}

impl IntoStatic for Tagged<'_> {
    type Static = Tagged<'static>;

    fn into_static(self) -> Tagged<'static> {
        Tagged {
            tag: self.tag.into_static(),
            kind: self.kind,
            text: self.text.into_static(),
        }
    }
}

/// An untagged response (`* ...`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Untagged<'a> {
    /// `* OK/NO/BAD resp-text`: status information.
    Status {
        /// The condition.
        kind: StatusKind,
        /// Code and text.
        text: ResponseText<'a>,
    },
    /// `* BYE resp-text`: the server is closing the connection.
    Bye(ResponseText<'a>),
    /// Server data.
    Data(Data<'a>),
}

impl IntoStatic for Untagged<'_> {
    type Static = Untagged<'static>;

    fn into_static(self) -> Untagged<'static> {
        match self {
            Self::Status { kind, text } => Untagged::Status {
                kind,
                text: text.into_static(),
            },
            Self::Bye(t) => Untagged::Bye(t.into_static()),
            Self::Data(d) => Untagged::Data(d.into_static()),
        }
    }
}

/// Untagged server data (`response-data` other than status: `mailbox-data`, `message-data`,
/// `capability-data`, `enable-data`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Data<'a> {
    /// `CAPABILITY ...`
    Capability(Capabilities<'a>),
    /// `FLAGS (...)`: the flags defined in the selected mailbox.
    Flags(FlagList<'a>),
    /// `n EXISTS`: the number of messages in the mailbox.
    Exists(u32),
    /// `n RECENT` (RFC 3501).
    Recent(u32),
    /// `n EXPUNGE`: the message with this sequence number was removed.
    Expunge(NonZeroU32),
    /// `n FETCH (...)`: data about a message.
    Fetch {
        /// The message's sequence number.
        seq: NonZeroU32,
        /// The items, never empty.
        items: List<'a, MessageAttribute<'a>>,
    },
    /// `LIST ...`
    List(MailboxList<'a>),
    /// `LSUB ...` (RFC 3501).
    Lsub(MailboxList<'a>),
    /// `STATUS mailbox (...)`
    Status(StatusData<'a>),
    /// `SEARCH n n ...`
    Search(SearchData<'a>),
    /// `ESEARCH ...` (RFC 4731, RFC 9051).
    ESearch(EsearchData<'a>),
    /// `NAMESPACE ...` (RFC 2342, RFC 9051).
    Namespace(NamespaceData<'a>),
    /// `ENABLED ...` (RFC 5161, RFC 9051).
    Enabled(EnabledData<'a>),
    /// Data this crate has no variant for, kept raw.
    Other(DataOther<'a>),
    /// `VANISHED [(EARLIER)] uids` (RFC 7162 §3.2.10): expunged messages, by UID.
    Vanished(VanishedData<'a>),
    /// `ID ...` (RFC 2971): the server's implementation.
    Id(IdParams<'a>),
    /// `QUOTA ...` (RFC 9208): a quota root's resources.
    Quota(QuotaData<'a>),
    /// `QUOTAROOT ...` (RFC 9208): a mailbox's quota roots.
    QuotaRoot(QuotaRootData<'a>),
    /// `ACL ...` (RFC 4314): a mailbox's access control list.
    Acl(AclData<'a>),
    /// `LISTRIGHTS ...` (RFC 4314): the rights that may be granted.
    ListRights(ListRightsData<'a>),
    /// `MYRIGHTS ...` (RFC 4314): the user's rights.
    MyRights(MyRightsData<'a>),
    /// `METADATA ...` (RFC 5464): annotations of a mailbox or of the server.
    Metadata(MetadataData<'a>),
    /// `SORT ...` (RFC 5256): the sorted numbers, with RFC 7162's mod-sequence.
    Sort(SearchData<'a>),
    /// `THREAD ...` (RFC 5256): the threads.
    Thread(ThreadData<'a>),
    /// `GENURLAUTH url...` (RFC 4467): the authorized URLs.
    GenUrlAuth(crate::types::urlauth::GenUrlAuthData<'a>),
    /// `URLFETCH url data...` (RFC 4467, RFC 5524): the data the URLs point to.
    UrlFetch(crate::types::urlauth::UrlFetchData<'a>),
    /// `LANGUAGE (...)` (RFC 5255): the language in use, or those available.
    Language(crate::types::i18n::LanguageData<'a>),
    /// `COMPARATOR ...` (RFC 5255): the active comparator and those that matched.
    Comparator(crate::types::i18n::ComparatorData<'a>),
}

impl IntoStatic for Data<'_> {
    type Static = Data<'static>;

    fn into_static(self) -> Data<'static> {
        match self {
            Self::Capability(c) => Data::Capability(c.into_static()),
            Self::Flags(f) => Data::Flags(f.into_static()),
            Self::Exists(n) => Data::Exists(n),
            Self::Recent(n) => Data::Recent(n),
            Self::Expunge(n) => Data::Expunge(n),
            Self::Fetch { seq, items } => Data::Fetch {
                seq,
                items: items.into_static(),
            },
            Self::List(l) => Data::List(l.into_static()),
            Self::Lsub(l) => Data::Lsub(l.into_static()),
            Self::Status(s) => Data::Status(s.into_static()),
            Self::Search(s) => Data::Search(s.into_static()),
            Self::ESearch(e) => Data::ESearch(e.into_static()),
            Self::Namespace(n) => Data::Namespace(n.into_static()),
            Self::Enabled(e) => Data::Enabled(e.into_static()),
            Self::Other(o) => Data::Other(o.into_static()),
            Self::Vanished(v) => Data::Vanished(v.into_static()),
            Self::Id(p) => Data::Id(p.into_static()),
            Self::Quota(q) => Data::Quota(q.into_static()),
            Self::QuotaRoot(q) => Data::QuotaRoot(q.into_static()),
            Self::Sort(s) => Data::Sort(s.into_static()),
            Self::Thread(t) => Data::Thread(t.into_static()),
            Self::Metadata(m) => Data::Metadata(m.into_static()),
            Self::Acl(a) => Data::Acl(a.into_static()),
            Self::ListRights(a) => Data::ListRights(a.into_static()),
            Self::MyRights(a) => Data::MyRights(a.into_static()),
            Self::GenUrlAuth(g) => Data::GenUrlAuth(g.into_static()),
            Self::UrlFetch(u) => Data::UrlFetch(u.into_static()),
            Self::Language(l) => Data::Language(l.into_static()),
            Self::Comparator(c) => Data::Comparator(c.into_static()),
        }
    }
}

/// Untagged data of a kind this crate does not know: an optional number, a keyword (an atom)
/// and the raw rest of the message (literals included), e.g. `* 3 XFOO bar`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct DataOther<'a> {
    pub(crate) number: Option<u32>,
    pub(crate) name: Atom<'a>,
    pub(crate) rest: Cow<'a, [u8]>,
}

impl<'a> DataOther<'a> {
    /// The number before the keyword, if any.
    pub fn number(&self) -> Option<u32> {
        self.number
    }

    /// The keyword.
    pub fn name(&self) -> &Atom<'a> {
        &self.name
    }

    /// Everything after the keyword up to the final CRLF (starting with its SP, if any).
    pub fn rest(&self) -> &[u8] {
        &self.rest
    }
}

impl fmt::Debug for DataOther<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DataOther")
            .field("number", &self.number)
            .field("name", &self.name)
            .field("rest", &bstr::BStr::new(&self.rest))
            .finish()
    }
}

impl IntoStatic for DataOther<'_> {
    type Static = DataOther<'static>;

    fn into_static(self) -> DataOther<'static> {
        DataOther {
            number: self.number,
            name: self.name.into_static(),
            rest: self.rest.into_static(),
        }
    }
}

/// `continue-req = "+" SP (resp-text / base64) CRLF`
///
/// A line after `+ ` that is valid base64 is read as [`Continuation::Base64`] (an
/// AUTHENTICATE challenge, possibly empty); anything else is text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Continuation<'a> {
    /// Human-readable text (`+ Ready for literal data`).
    Text(ResponseText<'a>),
    /// Base64 data (`+ VXNlciBOYW1lAA==`).
    Base64(Base64<'a>),
}

impl<'a> Continuation<'a> {
    /// A text continuation.
    ///
    /// # Errors
    /// [`ValidationReason::Invalid`] when the text has no code and would read back as base64.
    pub fn text(text: ResponseText<'a>) -> Result<Self, ValidationError> {
        if text.code.is_none() {
            let raw = text.text.as_ref().map_or(&b""[..], |t| t.as_bytes());
            if Base64::new(core::str::from_utf8(raw).unwrap_or("\0")).is_ok() {
                return Err(ValidationError::new(
                    "continue-req",
                    ValidationReason::Invalid,
                ));
            }
        }
        Ok(Self::Text(text))
    }
}

impl IntoStatic for Continuation<'_> {
    type Static = Continuation<'static>;

    fn into_static(self) -> Continuation<'static> {
        match self {
            Self::Text(t) => Continuation::Text(t.into_static()),
            Self::Base64(b) => Continuation::Base64(b.into_static()),
        }
    }
}

/// Any message a server sends after its greeting.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Response<'a> {
    /// The completion of a command.
    Tagged(Tagged<'a>),
    /// Untagged status or data.
    Untagged(Untagged<'a>),
    /// A continuation request.
    Continuation(Continuation<'a>),
}

impl IntoStatic for Response<'_> {
    type Static = Response<'static>;

    fn into_static(self) -> Response<'static> {
        match self {
            Self::Tagged(t) => Response::Tagged(t.into_static()),
            Self::Untagged(u) => Response::Untagged(u.into_static()),
            Self::Continuation(c) => Response::Continuation(c.into_static()),
        }
    }
}
