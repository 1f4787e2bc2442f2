//! The NOTIFY extension (RFC 5465): which events the server reports without being asked.
//!
//! - Command: [`NotifyCommand`] (`NOTIFY NONE`, `NOTIFY SET [STATUS] (filter events) ...`),
//!   held by [`CommandBody::Notify`](crate::types::command::CommandBody::Notify).
//! - Codes: `BADEVENT (...)` is [`Code::BadEvent`](crate::types::code::Code::BadEvent), with
//!   the [`EventName`]s the server supports; `NOTIFICATIONOVERFLOW` is
//!   [`Code::NotificationOverflow`](crate::types::code::Code::NotificationOverflow).
//! - The events arrive as ordinary responses (STATUS, FETCH, EXPUNGE, LIST with the
//!   `OLDNAME` item, which is
//!   [`ListExtendedItem::OldName`](crate::types::listing::ListExtendedItem::OldName), METADATA);
//!   a mailbox the user may no longer see is listed with
//!   [`MailboxAttribute::NoAccess`](crate::types::listing::MailboxAttribute::NoAccess).
//!
//! The grammar's comments restrict which events go with which filter (only message events
//! with `SELECTED` and `SELECTED-DELAYED`, fetch attributes only there, `MessageNew` and
//! `MessageExpunge` together); those are the server's to judge, and the parser reads any
//! combination the ABNF allows.
//!
//! ```
//! use imap_wire::types::notify::{MailboxFilter, NotifyCommand, NotifyEvent};
//! use imap_wire::{Parse, to_vec};
//! let n = NotifyCommand::parse(b"NOTIFY SET (selected (MessageNew (uid flags) messageExpunge))")
//!     .unwrap();
//! let NotifyCommand::Set { status, groups } = &n else { panic!() };
//! assert!(!status);
//! let group = groups.iter().next().unwrap();
//! assert_eq!(group.filter, MailboxFilter::Selected);
//! let events = group.events.as_ref().unwrap().to_vec();
//! assert_eq!(events[1], NotifyEvent::MessageExpunge);
//! assert_eq!(to_vec(&n), b"NOTIFY SET (SELECTED (MessageNew (UID FLAGS) MessageExpunge))");
//! ```

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt;

use crate::error::ValidationError;
use crate::owned::IntoStatic;
use crate::types::fetch::FetchAttribute;
use crate::types::list::{List, NonEmptyList};
use crate::types::mailbox::Mailbox;
use crate::types::primitive::{check_atom, cow_newtype};
use crate::types::tagged_ext::refuse_known;

/// `notify = "NOTIFY" SP (notify-set / notify-none)` (RFC 5465 §3, §8).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NotifyCommand<'a> {
    /// `notify-set = "SET" [status-indicator] SP event-groups`: replaces the events
    /// registered before.
    Set {
        /// `status-indicator = SP "STATUS"`: the server first sends the STATUS of every
        /// mailbox the groups name.
        status: bool,
        /// `event-groups = event-group *(SP event-group)`
        groups: NonEmptyList<'a, EventGroup<'a>>,
    },
    /// `notify-none = "NONE"`: no more events.
    None,
}

/// `event-group = "(" filter-mailboxes SP events ")"`: which events to report for which
/// mailboxes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EventGroup<'a> {
    /// The mailboxes.
    pub filter: MailboxFilter<'a>,
    /// `events = ("(" event *(SP event) ")") / "NONE"`: `None` for `NONE`, no events for
    /// these mailboxes.
    pub events: Option<NonEmptyList<'a, NotifyEvent<'a>>>,
}

/// `filter-mailboxes = filter-mailboxes-selected / filter-mailboxes-other` (RFC 5465 §6).
///
/// `one-or-more-mailbox = mailbox / many-mailboxes` is held as its mailboxes: one is written
/// bare, several in parentheses.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MailboxFilter<'a> {
    /// `SELECTED` (§6.1.1): the selected mailbox, events sent as they happen.
    Selected,
    /// `SELECTED-DELAYED` (§6.1.2): the selected mailbox, expunges held back until a command
    /// allows them.
    SelectedDelayed,
    /// `INBOXES` (§6.2): the mailboxes new mail is delivered to.
    Inboxes,
    /// `PERSONAL` (§6.3): the mailboxes of the user's personal namespaces.
    Personal,
    /// `SUBSCRIBED` (§6.4): the subscribed mailboxes.
    Subscribed,
    /// `"SUBTREE" SP one-or-more-mailbox` (§6.5): the mailboxes and all their descendants.
    Subtree(NonEmptyList<'a, Mailbox<'a>>),
    /// `"MAILBOXES" SP one-or-more-mailbox` (§6.6): exactly these mailboxes.
    Mailboxes(NonEmptyList<'a, Mailbox<'a>>),
}

impl MailboxFilter<'_> {
    /// The filter's keyword in canonical (upper) case.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Selected => "SELECTED",
            Self::SelectedDelayed => "SELECTED-DELAYED",
            Self::Inboxes => "INBOXES",
            Self::Personal => "PERSONAL",
            Self::Subscribed => "SUBSCRIBED",
            Self::Subtree(_) => "SUBTREE",
            Self::Mailboxes(_) => "MAILBOXES",
        }
    }

    /// The mailboxes of `SUBTREE` and `MAILBOXES`.
    pub fn mailboxes(&self) -> Option<&NonEmptyList<'_, Mailbox<'_>>> {
        match self {
            Self::Subtree(m) | Self::Mailboxes(m) => Some(m),
            _ => None,
        }
    }
}

/// `event = message-event / mailbox-event / user-event / event-ext` (RFC 5465 §5, §8).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NotifyEvent<'a> {
    /// `"MessageNew" [SP "(" fetch-att *(SP fetch-att) ")"]` (§5.2): the attributes the
    /// server sends with each new message of the selected mailbox; empty when absent.
    MessageNew(List<'a, FetchAttribute<'a>>),
    /// `MessageExpunge` (§5.3).
    MessageExpunge,
    /// `FlagChange` (§5.1).
    FlagChange,
    /// `AnnotationChange` (§5.1).
    AnnotationChange,
    /// `MailboxName` (§5.4): mailboxes created, deleted or renamed.
    MailboxName,
    /// `SubscriptionChange` (§5.5).
    SubscriptionChange,
    /// `MailboxMetadataChange` (§5.6).
    MailboxMetadataChange,
    /// `ServerMetadataChange` (§5.7).
    ServerMetadataChange,
    /// `event-ext = atom`: an event of a later extension.
    Extension(EventExtension<'a>),
}

impl NotifyEvent<'_> {
    /// The event's name, in the case RFC 5465 writes it.
    pub fn name(&self) -> &str {
        match (self.event_name(), self) {
            (_, Self::Extension(e)) => e.as_str(),
            (Some(n), _) => n.as_str(),
            (None, _) => "",
        }
    }

    /// The name of a known event, as the `BADEVENT` code lists it.
    pub fn event_name(&self) -> Option<EventName> {
        Some(match self {
            Self::MessageNew(_) => EventName::MessageNew,
            Self::MessageExpunge => EventName::MessageExpunge,
            Self::FlagChange => EventName::FlagChange,
            Self::AnnotationChange => EventName::AnnotationChange,
            Self::MailboxName => EventName::MailboxName,
            Self::SubscriptionChange => EventName::SubscriptionChange,
            Self::MailboxMetadataChange => EventName::MailboxMetadataChange,
            Self::ServerMetadataChange => EventName::ServerMetadataChange,
            Self::Extension(_) => return None,
        })
    }
}

impl From<EventName> for NotifyEvent<'_> {
    /// The event of that name (`MessageNew` without fetch attributes).
    fn from(name: EventName) -> Self {
        match name {
            EventName::MessageNew => Self::MessageNew(List::new()),
            EventName::MessageExpunge => Self::MessageExpunge,
            EventName::FlagChange => Self::FlagChange,
            EventName::AnnotationChange => Self::AnnotationChange,
            EventName::MailboxName => Self::MailboxName,
            EventName::SubscriptionChange => Self::SubscriptionChange,
            EventName::MailboxMetadataChange => Self::MailboxMetadataChange,
            EventName::ServerMetadataChange => Self::ServerMetadataChange,
        }
    }
}

/// `event-name = message-event-name / mailbox-event / user-event` (RFC 5465 §8): the events
/// RFC 5465 defines, as the `BADEVENT` code names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EventName {
    /// `MessageNew`
    MessageNew,
    /// `MessageExpunge`
    MessageExpunge,
    /// `FlagChange`
    FlagChange,
    /// `AnnotationChange`
    AnnotationChange,
    /// `MailboxName`
    MailboxName,
    /// `SubscriptionChange`
    SubscriptionChange,
    /// `MailboxMetadataChange`
    MailboxMetadataChange,
    /// `ServerMetadataChange`
    ServerMetadataChange,
}

/// The event names, in the order of [`EventName`]'s variants.
pub(crate) const EVENT_NAMES: [(&str, EventName); 8] = [
    ("MessageNew", EventName::MessageNew),
    ("MessageExpunge", EventName::MessageExpunge),
    ("FlagChange", EventName::FlagChange),
    ("AnnotationChange", EventName::AnnotationChange),
    ("MailboxName", EventName::MailboxName),
    ("SubscriptionChange", EventName::SubscriptionChange),
    ("MailboxMetadataChange", EventName::MailboxMetadataChange),
    ("ServerMetadataChange", EventName::ServerMetadataChange),
];

impl EventName {
    /// The name, in the case RFC 5465 writes it.
    pub fn as_str(self) -> &'static str {
        EVENT_NAMES
            .iter()
            .find(|(_, n)| *n == self)
            .map_or("", |(s, _)| s)
    }

    /// The event named `name`, in any case.
    pub fn from_name(name: &[u8]) -> Option<Self> {
        EVENT_NAMES
            .iter()
            .find(|(s, _)| s.as_bytes().eq_ignore_ascii_case(name))
            .map(|&(_, n)| n)
    }
}

fn check_event_extension(v: &[u8]) -> Result<(), ValidationError> {
    check_atom(v)?;
    let known = EVENT_NAMES.map(|(s, _)| s);
    refuse_known("event-ext", v, &known)
}

cow_newtype!(
    /// `event-ext = atom`: the name of an event this crate does not know, other than the
    /// names of [`EventName`] in any case (those have variants of their own).
    ///
    /// ```
    /// use imap_wire::types::notify::EventExtension;
    /// assert!(EventExtension::new("XMessageMoved").is_ok());
    /// assert!(EventExtension::new("flagchange").is_err());
    /// assert!(EventExtension::new("two words").is_err());
    /// ```
    EventExtension, str, "event-ext", check_event_extension
);

impl IntoStatic for NotifyCommand<'_> {
    type Static = NotifyCommand<'static>;

    fn into_static(self) -> NotifyCommand<'static> {
        match self {
            Self::Set { status, groups } => NotifyCommand::Set {
                status,
                groups: groups.into_static(),
            },
            Self::None => NotifyCommand::None,
        }
    }
}

impl IntoStatic for EventGroup<'_> {
    type Static = EventGroup<'static>;

    fn into_static(self) -> EventGroup<'static> {
        EventGroup {
            filter: self.filter.into_static(),
            events: self.events.map(IntoStatic::into_static),
        }
    }
}

impl IntoStatic for MailboxFilter<'_> {
    type Static = MailboxFilter<'static>;

    fn into_static(self) -> MailboxFilter<'static> {
        match self {
            Self::Selected => MailboxFilter::Selected,
            Self::SelectedDelayed => MailboxFilter::SelectedDelayed,
            Self::Inboxes => MailboxFilter::Inboxes,
            Self::Personal => MailboxFilter::Personal,
            Self::Subscribed => MailboxFilter::Subscribed,
            Self::Subtree(m) => MailboxFilter::Subtree(m.into_static()),
            Self::Mailboxes(m) => MailboxFilter::Mailboxes(m.into_static()),
        }
    }
}

impl IntoStatic for NotifyEvent<'_> {
    type Static = NotifyEvent<'static>;

    fn into_static(self) -> NotifyEvent<'static> {
        match self {
            Self::MessageNew(f) => NotifyEvent::MessageNew(f.into_static()),
            Self::Extension(e) => NotifyEvent::Extension(e.into_static()),
            known => match known.event_name() {
                Some(n) => NotifyEvent::from(n),
                // INVARIANT: only `Extension` has no name; this arm is never taken.
                None => NotifyEvent::MessageExpunge,
            },
        }
    }
}

crate::owned::static_types!(EventName);

#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::*;
    use crate::types::primitive::Atom;

    impl<'a> Arbitrary<'a> for NotifyCommand<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(if u.ratio(1, 5)? {
                Self::None
            } else {
                Self::Set {
                    status: u.arbitrary()?,
                    groups: NonEmptyList::arbitrary(u)?,
                }
            })
        }
    }

    impl<'a> Arbitrary<'a> for EventGroup<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                filter: MailboxFilter::arbitrary(u)?,
                events: Option::arbitrary(u)?,
            })
        }
    }

    impl<'a> Arbitrary<'a> for MailboxFilter<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(match u.choose_index(7)? {
                0 => Self::Selected,
                1 => Self::SelectedDelayed,
                2 => Self::Inboxes,
                3 => Self::Personal,
                4 => Self::Subscribed,
                5 => Self::Subtree(NonEmptyList::arbitrary(u)?),
                _ => Self::Mailboxes(NonEmptyList::arbitrary(u)?),
            })
        }
    }

    impl<'a> Arbitrary<'a> for NotifyEvent<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(match u.choose_index(10)? {
                0 => Self::MessageNew(List::arbitrary(u)?),
                1 => Self::Extension(EventExtension::arbitrary(u)?),
                _ => Self::from(EventName::arbitrary(u)?),
            })
        }
    }

    impl<'a> Arbitrary<'a> for EventName {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(u.choose(&EVENT_NAMES)?.1)
        }
    }

    impl<'a> Arbitrary<'a> for EventExtension<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let mut name = String::from(Atom::arbitrary(u)?.as_str());
            if EventName::from_name(name.as_bytes()).is_some() {
                name.push('X');
            }
            Ok(Self(Cow::Owned(name)))
        }
    }
}
