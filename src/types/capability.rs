//! Capabilities (RFC 9051 §6.1.1, §7.2.2): what a server announces it supports.

use alloc::borrow::Cow;
use core::fmt;

use crate::error::{ValidationError, ValidationReason};
use crate::owned::IntoStatic;
use crate::types::list::List;
use crate::types::primitive::Atom;

/// `capability = ("AUTH=" auth-type) / atom`
///
/// Well-known names get their own variant so that code can match on them; any other atom is
/// kept as [`Capability::Other`]. Names compare case-insensitively on the wire and are written
/// canonically.
///
/// ```
/// use imap_wire::{Capability, Parse};
/// assert_eq!(Capability::parse(b"literal+").unwrap(), Capability::LiteralPlus);
/// assert_eq!(Capability::parse(b"AUTH=PLAIN").unwrap().to_string(), "AUTH=PLAIN");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Capability<'a> {
    /// `IMAP4rev1` (RFC 3501).
    Imap4Rev1,
    /// `IMAP4rev2` (RFC 9051).
    Imap4Rev2,
    /// `AUTH=mechanism` (the mechanism name, an atom).
    Auth(Atom<'a>),
    /// `LOGINDISABLED`: LOGIN is refused on this connection.
    LoginDisabled,
    /// `STARTTLS`.
    StartTls,
    /// `LITERAL+` (RFC 7888).
    LiteralPlus,
    /// `LITERAL-` (RFC 7888).
    LiteralMinus,
    /// `SASL-IR` (RFC 4959).
    SaslIr,
    /// `IDLE` (RFC 2177).
    Idle,
    /// `ENABLE` (RFC 5161).
    Enable,
    /// `UTF8=ACCEPT` (RFC 6855).
    Utf8Accept,
    /// `UTF8=ONLY` (RFC 6855).
    Utf8Only,
    /// `CONDSTORE` (RFC 7162).
    CondStore,
    /// `QRESYNC` (RFC 7162).
    QResync,
    /// `COMPRESS=DEFLATE` (RFC 4978).
    CompressDeflate,
    /// Any other capability atom.
    Other(CapabilityOther<'a>),
}

/// A capability without a variant of its own: an atom that is none of the known names and
/// does not start with `AUTH=`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct CapabilityOther<'a>(pub(crate) Atom<'a>);

impl<'a> CapabilityOther<'a> {
    /// Checks that `name` is an atom, not one of the named capabilities, and not `AUTH=...`.
    ///
    /// # Errors
    /// [`ValidationReason::Invalid`] for a name that has its own variant.
    pub fn new(name: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        let atom = Atom::new(name)?;
        if !matches!(Capability::from_atom(atom.clone()), Capability::Other(_)) {
            return Err(ValidationError::new(
                "capability",
                ValidationReason::Invalid,
            ));
        }
        Ok(Self(atom))
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl fmt::Debug for CapabilityOther<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.0.as_str())
    }
}

/// Known names and their variants, matched case-insensitively.
const KNOWN: &[(&str, Capability<'static>)] = &[
    ("IMAP4rev1", Capability::Imap4Rev1),
    ("IMAP4rev2", Capability::Imap4Rev2),
    ("LOGINDISABLED", Capability::LoginDisabled),
    ("STARTTLS", Capability::StartTls),
    ("LITERAL+", Capability::LiteralPlus),
    ("LITERAL-", Capability::LiteralMinus),
    ("SASL-IR", Capability::SaslIr),
    ("IDLE", Capability::Idle),
    ("ENABLE", Capability::Enable),
    ("UTF8=ACCEPT", Capability::Utf8Accept),
    ("UTF8=ONLY", Capability::Utf8Only),
    ("CONDSTORE", Capability::CondStore),
    ("QRESYNC", Capability::QResync),
    ("COMPRESS=DEFLATE", Capability::CompressDeflate),
];

impl<'a> Capability<'a> {
    /// Classifies an atom.
    pub fn from_atom(atom: Atom<'a>) -> Self {
        let s = atom.as_str();
        if let Some((_, cap)) = KNOWN.iter().find(|(name, _)| s.eq_ignore_ascii_case(name)) {
            return cap.clone();
        }
        if s.len() > 5 && s.as_bytes()[..5].eq_ignore_ascii_case(b"AUTH=") {
            let mech = match atom.into_inner() {
                Cow::Borrowed(b) => Cow::Borrowed(&b[5..]),
                Cow::Owned(o) => Cow::Owned(o[5..].into()),
            };
            return Self::Auth(Atom(mech));
        }
        Self::Other(CapabilityOther(atom))
    }

    /// The canonical name of a capability that has a variant of its own.
    pub(crate) fn known_name(&self) -> Option<&'static str> {
        KNOWN
            .iter()
            .find(|(_, cap)| cap == self)
            .map(|(name, _)| *name)
    }

    /// Whether two capabilities name the same thing (names compare without case).
    pub fn same_as(&self, other: &Capability<'_>) -> bool {
        match (self, other) {
            (Self::Auth(a), Capability::Auth(b)) => a.as_str().eq_ignore_ascii_case(b.as_str()),
            (Self::Other(a), Capability::Other(b)) => a.as_str().eq_ignore_ascii_case(b.as_str()),
            (a, b) => a.known_name().is_some() && a.known_name() == b.known_name(),
        }
    }

    /// Whether this is `IMAP4rev1` or `IMAP4rev2`.
    pub fn is_revision(&self) -> bool {
        matches!(self, Self::Imap4Rev1 | Self::Imap4Rev2)
    }
}

impl fmt::Display for Capability<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Auth(mech) => write!(f, "AUTH={}", mech.as_str()),
            Self::Other(o) => f.write_str(o.as_str()),
            known => f.write_str(known.known_name().unwrap_or_default()),
        }
    }
}

impl IntoStatic for Capability<'_> {
    type Static = Capability<'static>;

    fn into_static(self) -> Capability<'static> {
        match self {
            Self::Auth(a) => Capability::Auth(a.into_static()),
            Self::Other(o) => Capability::Other(CapabilityOther(o.0.into_static())),
            Self::Imap4Rev1 => Capability::Imap4Rev1,
            Self::Imap4Rev2 => Capability::Imap4Rev2,
            Self::LoginDisabled => Capability::LoginDisabled,
            Self::StartTls => Capability::StartTls,
            Self::LiteralPlus => Capability::LiteralPlus,
            Self::LiteralMinus => Capability::LiteralMinus,
            Self::SaslIr => Capability::SaslIr,
            Self::Idle => Capability::Idle,
            Self::Enable => Capability::Enable,
            Self::Utf8Accept => Capability::Utf8Accept,
            Self::Utf8Only => Capability::Utf8Only,
            Self::CondStore => Capability::CondStore,
            Self::QResync => Capability::QResync,
            Self::CompressDeflate => Capability::CompressDeflate,
        }
    }
}

/// The capability list of `capability-data`: never empty, and holding `IMAP4rev1` or
/// `IMAP4rev2` as both grammars require.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Capabilities<'a>(pub(crate) List<'a, Capability<'a>>);

impl<'a> Capabilities<'a> {
    /// Checks that `list` names a protocol revision.
    ///
    /// # Errors
    /// [`ValidationReason::Invalid`] when neither `IMAP4rev1` nor `IMAP4rev2` is present.
    pub fn new(list: List<'a, Capability<'a>>) -> Result<Self, ValidationError> {
        if !list.iter().any(|c| c.is_revision()) {
            return Err(ValidationError::new(
                "capability-data",
                ValidationReason::Invalid,
            ));
        }
        Ok(Self(list))
    }

    /// The capabilities, in the order announced.
    pub fn list(&self) -> &List<'a, Capability<'a>> {
        &self.0
    }

    /// Whether `cap` is among them.
    pub fn contains(&self, cap: &Capability<'_>) -> bool {
        self.0.iter().any(|c| c.same_as(cap))
    }
}

impl IntoStatic for Capabilities<'_> {
    type Static = Capabilities<'static>;

    fn into_static(self) -> Capabilities<'static> {
        Capabilities(self.0.into_static())
    }
}
