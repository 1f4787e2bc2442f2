//! The envelope of a message (RFC 9051 §7.5.2 and §9 `envelope`, `address`; RFC 3501 §7.4.2,
//! §9): the parsed header fields a server sends for FETCH ENVELOPE.
//!
//! Every field borrows from the input. An address list (`"(" 1*address ")" / nil`) is a
//! [`List`] that is empty for `NIL`: the grammar has no empty parenthesised list, so the two
//! are the same value. [`List::groups`] reads RFC 5322 group syntax out of a list without
//! allocating.
//!
//! ```
//! use imap_wire::{Envelope, Parse};
//! let env = Envelope::parse(
//!     b"(NIL \"Hi\" ((\"Fred\" NIL \"fred\" \"example.org\")) NIL NIL NIL NIL NIL NIL NIL)",
//! )
//! .unwrap();
//! assert_eq!(env.subject.as_bytes(), Some(&b"Hi"[..]));
//! let from = env.from.iter().next().unwrap();
//! assert_eq!(from.host.as_bytes(), Some(&b"example.org"[..]));
//! assert!(env.to.is_empty());
//! ```

use crate::owned::IntoStatic;
use crate::types::list::{Iter, List};
use crate::types::primitive::{IString, NString};

/// `address = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"`.
///
/// Beside an ordinary mailbox (`name <mailbox@host>`), an address can mark the start of an
/// RFC 5322 group (`host` NIL, `mailbox` the group's name) or its end (`mailbox` and `host`
/// NIL); see [`Address::is_group_start`] and [`List::groups`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Address<'a> {
    /// `addr-name`: the display name (RFC 5322 phrase, unquoted), if any.
    pub name: NString<'a>,
    /// `addr-adl`: the source route (RFC 5322 `obs-route`), almost always NIL.
    pub adl: NString<'a>,
    /// `addr-mailbox`: the local part (unquoted); a group's name at a group start; NIL at a
    /// group end.
    pub mailbox: NString<'a>,
    /// `addr-host`: the domain; NIL marks group syntax.
    pub host: NString<'a>,
}

impl<'a> Address<'a> {
    /// An address from its four fields.
    pub const fn new(
        name: NString<'a>,
        adl: NString<'a>,
        mailbox: NString<'a>,
        host: NString<'a>,
    ) -> Self {
        Self {
            name,
            adl,
            mailbox,
            host,
        }
    }

    /// Whether this address opens a group (host NIL, mailbox the group's name).
    pub fn is_group_start(&self) -> bool {
        self.host.0.is_none() && self.mailbox.0.is_some()
    }

    /// Whether this address closes a group (mailbox and host NIL).
    pub fn is_group_end(&self) -> bool {
        self.host.0.is_none() && self.mailbox.0.is_none()
    }

    /// What the address stands for in RFC 5322 group syntax.
    pub fn into_group_item(self) -> AddressOrGroup<'a> {
        match (self.host.0.is_none(), self.mailbox.0) {
            (true, Some(name)) => AddressOrGroup::GroupStart(name),
            (true, None) => AddressOrGroup::GroupEnd,
            (false, mailbox) => AddressOrGroup::Mailbox(Address {
                mailbox: NString(mailbox),
                ..self
            }),
        }
    }
}

impl IntoStatic for Address<'_> {
    type Static = Address<'static>;

    fn into_static(self) -> Address<'static> {
        Address {
            name: self.name.into_static(),
            adl: self.adl.into_static(),
            mailbox: self.mailbox.into_static(),
            host: self.host.into_static(),
        }
    }
}

/// One item of an address list read with RFC 5322 group syntax ([`List::groups`]).
///
/// A group `Team: a@x, b@y;` reads as `GroupStart("Team")`, two `Mailbox` items and
/// `GroupEnd`. Nesting is not checked: items come in the order the server sent them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AddressOrGroup<'a> {
    /// An individual mailbox (addr-host is not NIL).
    Mailbox(Address<'a>),
    /// The start of a group, with the group's name (the `addr-mailbox` field).
    GroupStart(IString<'a>),
    /// The end of the current group.
    GroupEnd,
}

impl IntoStatic for AddressOrGroup<'_> {
    type Static = AddressOrGroup<'static>;

    fn into_static(self) -> AddressOrGroup<'static> {
        match self {
            Self::Mailbox(a) => AddressOrGroup::Mailbox(a.into_static()),
            Self::GroupStart(n) => AddressOrGroup::GroupStart(n.into_static()),
            Self::GroupEnd => AddressOrGroup::GroupEnd,
        }
    }
}

impl<'a> List<'a, Address<'a>> {
    /// The addresses read with RFC 5322 group syntax (see [`AddressOrGroup`]); allocates
    /// nothing.
    ///
    /// ```
    /// use imap_wire::{AddressOrGroup, Envelope, Parse};
    /// let env = Envelope::parse(
    ///     b"(NIL NIL NIL NIL NIL ((NIL NIL \"team\" NIL)(NIL NIL \"a\" \"x.org\")(NIL NIL NIL NIL)) \
    ///       NIL NIL NIL NIL)",
    /// )
    /// .unwrap();
    /// let items: Vec<_> = env.to.groups().collect();
    /// assert!(matches!(&items[0], AddressOrGroup::GroupStart(n) if n.as_bytes() == b"team"));
    /// assert!(matches!(&items[1], AddressOrGroup::Mailbox(_)));
    /// assert_eq!(items[2], AddressOrGroup::GroupEnd);
    /// ```
    pub fn groups(&self) -> Groups<'a, '_> {
        Groups(self.iter())
    }
}

/// Iterator of [`List::groups`].
pub struct Groups<'a, 'l>(Iter<'a, 'l, Address<'a>>);

impl<'a> Iterator for Groups<'a, '_> {
    type Item = AddressOrGroup<'a>;

    fn next(&mut self) -> Option<AddressOrGroup<'a>> {
        self.0.next().map(Address::into_group_item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

/// `envelope = "(" env-date SP env-subject SP env-from SP env-sender SP env-reply-to SP
/// env-to SP env-cc SP env-bcc SP env-in-reply-to SP env-message-id ")"`.
///
/// Strings are as the server sent them (header values, possibly RFC 2047 encoded words);
/// address lists are empty for NIL.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Envelope<'a> {
    /// `env-date`: the Date header field.
    pub date: NString<'a>,
    /// `env-subject`: the Subject header field.
    pub subject: NString<'a>,
    /// `env-from`: the From addresses.
    pub from: List<'a, Address<'a>>,
    /// `env-sender`: the Sender addresses (servers fill in From when absent).
    pub sender: List<'a, Address<'a>>,
    /// `env-reply-to`: the Reply-To addresses (servers fill in From when absent).
    pub reply_to: List<'a, Address<'a>>,
    /// `env-to`: the To addresses.
    pub to: List<'a, Address<'a>>,
    /// `env-cc`: the Cc addresses.
    pub cc: List<'a, Address<'a>>,
    /// `env-bcc`: the Bcc addresses.
    pub bcc: List<'a, Address<'a>>,
    /// `env-in-reply-to`: the In-Reply-To header field.
    pub in_reply_to: NString<'a>,
    /// `env-message-id`: the Message-ID header field.
    pub message_id: NString<'a>,
}

impl Default for Envelope<'_> {
    /// The envelope with every field NIL.
    fn default() -> Self {
        Self {
            date: NString(None),
            subject: NString(None),
            from: List::new(),
            sender: List::new(),
            reply_to: List::new(),
            to: List::new(),
            cc: List::new(),
            bcc: List::new(),
            in_reply_to: NString(None),
            message_id: NString(None),
        }
    }
}

impl IntoStatic for Envelope<'_> {
    type Static = Envelope<'static>;

    fn into_static(self) -> Envelope<'static> {
        Envelope {
            date: self.date.into_static(),
            subject: self.subject.into_static(),
            from: self.from.into_static(),
            sender: self.sender.into_static(),
            reply_to: self.reply_to.into_static(),
            to: self.to.into_static(),
            cc: self.cc.into_static(),
            bcc: self.bcc.into_static(),
            in_reply_to: self.in_reply_to.into_static(),
            message_id: self.message_id.into_static(),
        }
    }
}

/// Generated values are always valid: every string is content without NUL.
#[cfg(feature = "arbitrary")]
pub(crate) mod arbitrary_impls {
    use alloc::borrow::Cow;
    use alloc::vec::Vec;

    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::{Address, AddressOrGroup, Envelope};
    use crate::types::list::List;
    use crate::types::primitive::{IString, NString};

    /// String content: arbitrary bytes with NUL replaced, or a short piece that matters to
    /// the grammar.
    pub(crate) fn istring<'a>(u: &mut Unstructured<'a>) -> Result<IString<'a>> {
        const PIECES: &[&[u8]] = &[
            b"",
            b"NIL",
            b"\"",
            b"\\",
            b"(",
            b"a b",
            b"\r\n",
            b"\xc3\xa9",
        ];
        if u.ratio(1, 4)? {
            return Ok(IString(Cow::Borrowed(*u.choose(PIECES)?)));
        }
        let len = u.int_in_range(0..=12)?;
        let bytes: &'a [u8] = u.bytes(len)?;
        if bytes.contains(&0) {
            let owned: Vec<u8> = bytes
                .iter()
                .map(|&b| if b == 0 { b'0' } else { b })
                .collect();
            return Ok(IString(Cow::Owned(owned)));
        }
        Ok(IString(Cow::Borrowed(bytes)))
    }

    /// `nstring` content: NIL or a string.
    pub(crate) fn nstring<'a>(u: &mut Unstructured<'a>) -> Result<NString<'a>> {
        Ok(NString(if u.ratio(1, 3)? {
            None
        } else {
            Some(istring(u)?)
        }))
    }

    /// An address list of 0 to 3 addresses.
    fn addresses<'a>(u: &mut Unstructured<'a>) -> Result<List<'a, Address<'a>>> {
        let n = u.int_in_range(0..=3)?;
        (0..n).map(|_| Address::arbitrary(u)).collect()
    }

    impl<'a> Arbitrary<'a> for Address<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                name: nstring(u)?,
                adl: nstring(u)?,
                mailbox: nstring(u)?,
                host: nstring(u)?,
            })
        }
    }

    impl<'a> Arbitrary<'a> for AddressOrGroup<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Address::arbitrary(u)?.into_group_item())
        }
    }

    impl<'a> Arbitrary<'a> for Envelope<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                date: nstring(u)?,
                subject: nstring(u)?,
                from: addresses(u)?,
                sender: addresses(u)?,
                reply_to: addresses(u)?,
                to: addresses(u)?,
                cc: addresses(u)?,
                bcc: addresses(u)?,
                in_reply_to: nstring(u)?,
                message_id: nstring(u)?,
            })
        }
    }
}
