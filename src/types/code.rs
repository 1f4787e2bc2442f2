//! Response text and response codes (`resp-text`, `resp-text-code`; RFC 9051 §7.1, RFC 5530).
//!
//! A status response carries an optional code in brackets and optional human-readable text:
//! `a1 OK [READ-WRITE] SELECT completed`. Codes this crate knows get a variant; any other is
//! kept as [`CodeOther`] with its raw arguments, so it can still be seen and forwarded, and it
//! serializes back byte for byte.

use alloc::borrow::Cow;
use core::fmt;
use core::num::NonZeroU32;

use crate::error::{ValidationError, ValidationReason};
use crate::owned::IntoStatic;
use crate::types::capability::Capabilities;
use crate::types::flag::FlagPermList;
use crate::types::list::{List, NonEmptyList};
use crate::types::primitive::{Atom, Charset, Number64, Text};
use crate::types::sequence::{SequenceSet, UidSet};
use crate::types::status::ObjectId;

/// `resp-text = ["[" resp-text-code "]" SP] [text]` (RFC 9051; RFC 3501 requires the text).
///
/// Build it with [`ResponseText::new`], which refuses a text that would read back as a code.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ResponseText<'a> {
    pub(crate) code: Option<Code<'a>>,
    pub(crate) text: Option<Text<'a>>,
}

impl<'a> ResponseText<'a> {
    /// A response text with an optional code.
    ///
    /// # Errors
    /// [`ValidationReason::Invalid`] when there is no code and the text starts with something
    /// that reads as a bracketed code (`[ALERT] ...`): it would parse back with a code.
    ///
    /// ```
    /// use imap_wire::{ResponseText, Text};
    /// assert!(ResponseText::new(None, Some(Text::new("[ALERT] hi").unwrap())).is_err());
    /// assert!(ResponseText::new(None, Some(Text::new("[not a code").unwrap())).is_ok());
    /// ```
    pub fn new(code: Option<Code<'a>>, text: Option<Text<'a>>) -> Result<Self, ValidationError> {
        if code.is_none() {
            if let Some(t) = &text {
                if crate::parse::code::starts_with_code(t.as_bytes()) {
                    return Err(ValidationError::new("resp-text", ValidationReason::Invalid));
                }
            }
        }
        Ok(Self { code, text })
    }

    /// Text alone, without a code.
    ///
    /// # Errors
    /// As [`ResponseText::new`].
    pub fn text(text: &'a str) -> Result<Self, ValidationError> {
        Self::new(None, Some(Text::new(text)?))
    }

    /// The code, if any.
    pub fn code(&self) -> Option<&Code<'a>> {
        self.code.as_ref()
    }

    /// The human-readable text, if any.
    pub fn human(&self) -> Option<&Text<'a>> {
        self.text.as_ref()
    }
}

impl IntoStatic for ResponseText<'_> {
    type Static = ResponseText<'static>;

    fn into_static(self) -> ResponseText<'static> {
        ResponseText {
            code: self.code.into_static(),
            text: self.text.into_static(),
        }
    }
}

/// `resp-text-code` (RFC 9051 §7.1, RFC 3501 §7.1, RFC 4315, RFC 5530).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Code<'a> {
    /// `ALERT`: the text must be shown to the user.
    Alert,
    /// `BADCHARSET`, optionally with the charsets the server supports.
    BadCharset(Option<List<'a, Charset<'a>>>),
    /// `CAPABILITY ...`: the server's capabilities.
    Capability(Capabilities<'a>),
    /// `PARSE`: a message's header could not be parsed.
    Parse,
    /// `PERMANENTFLAGS (...)`: the flags the client can change permanently.
    PermanentFlags(FlagPermList<'a>),
    /// `READ-ONLY`.
    ReadOnly,
    /// `READ-WRITE`.
    ReadWrite,
    /// `TRYCREATE`: the target mailbox does not exist but could be created.
    TryCreate,
    /// `UIDNEXT n`.
    UidNext(NonZeroU32),
    /// `UIDVALIDITY n`.
    UidValidity(NonZeroU32),
    /// `UNSEEN n` (RFC 3501).
    Unseen(NonZeroU32),
    /// `APPENDUID uidvalidity uids` (RFC 4315, RFC 9051).
    AppendUid {
        /// The UIDVALIDITY of the target mailbox.
        uid_validity: NonZeroU32,
        /// The UIDs assigned to the appended messages.
        uids: UidSet<'a>,
    },
    /// `COPYUID uidvalidity source destination` (RFC 4315, RFC 9051).
    CopyUid {
        /// The UIDVALIDITY of the target mailbox.
        uid_validity: NonZeroU32,
        /// UIDs of the source messages.
        source: UidSet<'a>,
        /// UIDs they were given in the target.
        destination: UidSet<'a>,
    },
    /// `UIDNOTSTICKY`.
    UidNotSticky,
    /// `CLOSED`: the previous mailbox was closed (RFC 7162, RFC 9051).
    Closed,
    /// `UNKNOWN-CTE` (RFC 3516, RFC 9051).
    UnknownCte,
    /// `UNAVAILABLE` (RFC 5530).
    Unavailable,
    /// `AUTHENTICATIONFAILED` (RFC 5530).
    AuthenticationFailed,
    /// `AUTHORIZATIONFAILED` (RFC 5530).
    AuthorizationFailed,
    /// `EXPIRED` (RFC 5530).
    Expired,
    /// `PRIVACYREQUIRED` (RFC 5530).
    PrivacyRequired,
    /// `CONTACTADMIN` (RFC 5530).
    ContactAdmin,
    /// `NOPERM` (RFC 5530).
    NoPerm,
    /// `INUSE` (RFC 5530).
    InUse,
    /// `EXPUNGEISSUED` (RFC 5530).
    ExpungeIssued,
    /// `CORRUPTION` (RFC 5530).
    Corruption,
    /// `SERVERBUG` (RFC 5530).
    ServerBug,
    /// `CLIENTBUG` (RFC 5530).
    ClientBug,
    /// `CANNOT` (RFC 5530).
    Cannot,
    /// `LIMIT` (RFC 5530).
    Limit,
    /// `OVERQUOTA` (RFC 5530).
    OverQuota,
    /// `ALREADYEXISTS` (RFC 5530).
    AlreadyExists,
    /// `NONEXISTENT` (RFC 5530).
    NonExistent,
    /// `NOTSAVED` (RFC 9051).
    NotSaved,
    /// `HASCHILDREN` (RFC 9051).
    HasChildren,
    /// Any other code, kept raw.
    Other(CodeOther<'a>),
    /// `HIGHESTMODSEQ n` (RFC 7162 §3.1.2.1): the mailbox's highest mod-sequence.
    HighestModSeq(Number64),
    /// `NOMODSEQ` (RFC 7162 §3.1.2.2): the mailbox keeps no mod-sequences.
    NoModSeq,
    /// `MODIFIED sequence-set` (RFC 7162 §3.1.3): the messages a conditional STORE left alone.
    Modified(SequenceSet<'a>),
    /// `MAILBOXID (id)` (RFC 8474 §4.1): the identifier of a created or selected mailbox.
    MailboxId(ObjectId<'a>),
    /// `USEATTR` (RFC 6154 §6): the special-use attribute of a CREATE was refused.
    UseAttr,
    /// `METADATA ...` (RFC 5464).
    Metadata(crate::types::metadata::MetadataCode),
    /// `NOUPDATE "tag"` (RFC 5267): the server will not keep the search of that tag updated.
    NoUpdate(crate::types::primitive::Tag<'a>),
    /// `COMPRESSIONACTIVE` (RFC 4978): a compression layer is already active.
    CompressionActive,
    /// `NOTIFICATIONOVERFLOW` (RFC 5465): the server stopped sending notifications.
    NotificationOverflow,
    /// `TOOBIG` (RFC 4469): the message would be too big.
    TooBig,
    /// `URLMECH INTERNAL *(SP mechanism ["=" base64])` (RFC 4467 §8): the URLAUTH mechanisms
    /// besides `INTERNAL`, with the access keys the server discloses.
    UrlMech(crate::types::list::List<'a, crate::types::urlauth::UrlMechanismKey<'a>>),
    /// `REFERRAL 1*(SP url)` (RFC 2221 §5, RFC 2193 §6): where to go instead.
    Referral(crate::types::list::NonEmptyList<'a, crate::types::referral::ReferralUrl<'a>>),
    /// `BADURL url` (RFC 4469 §4.1): the first URL of a CATENATE the server could not use.
    BadUrl(crate::types::catenate::UrlRespText<'a>),
    /// `BADCOMPARATOR` (RFC 5255 §4.9): none of the comparators asked for matches.
    BadComparator,
    /// `BADEVENT (...)` (RFC 5465 §3.1): a NOTIFY asked for an event the server does not
    /// support; the list names every event it does.
    BadEvent(NonEmptyList<'a, crate::types::notify::EventName>),
}

/// The codes that are a bare keyword, with their canonical names.
pub(crate) const SIMPLE_CODES: &[(&str, Code<'static>)] = &[
    ("ALERT", Code::Alert),
    ("PARSE", Code::Parse),
    ("READ-ONLY", Code::ReadOnly),
    ("READ-WRITE", Code::ReadWrite),
    ("TRYCREATE", Code::TryCreate),
    ("UIDNOTSTICKY", Code::UidNotSticky),
    ("CLOSED", Code::Closed),
    ("UNKNOWN-CTE", Code::UnknownCte),
    ("UNAVAILABLE", Code::Unavailable),
    ("AUTHENTICATIONFAILED", Code::AuthenticationFailed),
    ("AUTHORIZATIONFAILED", Code::AuthorizationFailed),
    ("EXPIRED", Code::Expired),
    ("PRIVACYREQUIRED", Code::PrivacyRequired),
    ("CONTACTADMIN", Code::ContactAdmin),
    ("NOPERM", Code::NoPerm),
    ("INUSE", Code::InUse),
    ("EXPUNGEISSUED", Code::ExpungeIssued),
    ("CORRUPTION", Code::Corruption),
    ("SERVERBUG", Code::ServerBug),
    ("CLIENTBUG", Code::ClientBug),
    ("CANNOT", Code::Cannot),
    ("LIMIT", Code::Limit),
    ("OVERQUOTA", Code::OverQuota),
    ("ALREADYEXISTS", Code::AlreadyExists),
    ("NONEXISTENT", Code::NonExistent),
    ("NOTSAVED", Code::NotSaved),
    ("HASCHILDREN", Code::HasChildren),
    ("NOMODSEQ", Code::NoModSeq),
    ("USEATTR", Code::UseAttr),
    ("COMPRESSIONACTIVE", Code::CompressionActive),
    ("NOTIFICATIONOVERFLOW", Code::NotificationOverflow),
    ("TOOBIG", Code::TooBig),
    ("BADCOMPARATOR", Code::BadComparator),
];

/// A code this crate has no variant for: `atom [SP 1*<any TEXT-CHAR except "]">]`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct CodeOther<'a> {
    pub(crate) name: Atom<'a>,
    pub(crate) args: Option<Cow<'a, str>>,
}

impl<'a> CodeOther<'a> {
    /// Checks the grammar, and that the code is not one with a variant of its own (which
    /// would read back as that variant).
    ///
    /// # Errors
    /// A [`ValidationError`] for a byte outside the grammar or a code that has a variant.
    pub fn new(
        name: Atom<'a>,
        args: Option<impl Into<Cow<'a, str>>>,
    ) -> Result<Self, ValidationError> {
        let args = args.map(Into::into);
        if let Some(a) = &args {
            crate::types::primitive::check_bytes("resp-text-code", a.as_bytes(), false, |b| {
                crate::chars::is_text_char(b) && b != b']'
            })?;
        }
        let code = Self { name, args };
        if crate::parse::code::is_known(&code) {
            return Err(ValidationError::new(
                "resp-text-code",
                ValidationReason::Invalid,
            ));
        }
        Ok(code)
    }

    /// The code's name.
    pub fn name(&self) -> &Atom<'a> {
        &self.name
    }

    /// The raw text after the name, if any.
    pub fn args(&self) -> Option<&str> {
        self.args.as_deref()
    }
}

impl fmt::Debug for CodeOther<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.args {
            Some(a) => write!(f, "[{} {}]", self.name.as_str(), a),
            None => write!(f, "[{}]", self.name.as_str()),
        }
    }
}

impl IntoStatic for Code<'_> {
    type Static = Code<'static>;

    fn into_static(self) -> Code<'static> {
        match self {
            Self::BadCharset(l) => Code::BadCharset(l.into_static()),
            Self::Capability(c) => Code::Capability(c.into_static()),
            Self::PermanentFlags(f) => Code::PermanentFlags(f.into_static()),
            Self::UidNext(n) => Code::UidNext(n),
            Self::UidValidity(n) => Code::UidValidity(n),
            Self::Unseen(n) => Code::Unseen(n),
            Self::AppendUid { uid_validity, uids } => Code::AppendUid {
                uid_validity,
                uids: uids.into_static(),
            },
            Self::CopyUid {
                uid_validity,
                source,
                destination,
            } => Code::CopyUid {
                uid_validity,
                source: source.into_static(),
                destination: destination.into_static(),
            },
            Self::Metadata(m) => Code::Metadata(m),
            Self::NoUpdate(t) => Code::NoUpdate(t.into_static()),
            Self::Other(o) => Code::Other(CodeOther {
                name: o.name.into_static(),
                args: o.args.into_static(),
            }),
            Self::HighestModSeq(n) => Code::HighestModSeq(n),
            Self::Modified(set) => Code::Modified(set.into_static()),
            Self::MailboxId(id) => Code::MailboxId(id.into_static()),
            Self::UrlMech(l) => Code::UrlMech(l.into_static()),
            Self::Referral(l) => Code::Referral(l.into_static()),
            Self::BadUrl(url) => Code::BadUrl(url.into_static()),
            Self::BadEvent(names) => Code::BadEvent(names.into_static()),
            simple => {
                // INVARIANT: every other variant carries no data and is in SIMPLE_CODES.
                SIMPLE_CODES
                    .iter()
                    .find(|(_, c)| *c == simple)
                    .map(|(_, c)| c.clone())
                    .unwrap_or(Code::Alert)
            }
        }
    }
}
