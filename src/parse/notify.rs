//! Parsers of the NOTIFY extension (RFC 5465 §8).

use super::list::{Sep, items, paren_list};
use super::mailbox::mailbox;
use super::primitive::atom;
use super::{Cx, PResult, byte, expected, impl_parse, keyword, sp};
use crate::config::Leniency;
use crate::types::command::CommandBody;
use crate::types::list::{List, ListItem, NonEmptyList};
use crate::types::mailbox::Mailbox;
use crate::types::notify::{
    EventExtension, EventGroup, EventName, MailboxFilter, NotifyCommand, NotifyEvent,
};

/// `notify = "NOTIFY" SP (notify-set / notify-none)`, after `"NOTIFY" SP`.
pub(crate) fn notify<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, NotifyCommand<'a>> {
    if let Ok((rest, ())) = keyword(i, "NONE") {
        return Ok((rest, NotifyCommand::None));
    }
    notify_set(cx, i)
}

/// `notify-set = "SET" [status-indicator] SP event-groups`, with `status-indicator = SP
/// "STATUS"` and `event-groups = event-group *(SP event-group)`.
fn notify_set<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, NotifyCommand<'a>> {
    let (rest, ()) = keyword(i, "SET")?;
    let (rest, ()) = sp(rest)?;
    let (rest, status) = match keyword(rest, "STATUS") {
        Ok((after, ())) => (sp(after)?.0, true),
        Err(_) => (rest, false),
    };
    let (rest, groups) = super::list::items(cx, rest, Sep::Space, 1)?;
    let groups = NonEmptyList::parsed(groups);
    Ok((rest, NotifyCommand::Set { status, groups }))
}

/// The NOTIFY command, after its name.
pub(crate) fn notify_command<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, CommandBody<'a>> {
    let (rest, ()) = sp(i)?;
    let (rest, n) = notify(cx, rest)?;
    Ok((rest, CommandBody::Notify(n)))
}

/// `event-group = "(" filter-mailboxes SP events ")"`
fn event_group<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, EventGroup<'a>> {
    let (rest, ()) = byte(b'(', "\"(\"")(i)?;
    let inner = cx.descend(i)?;
    let (rest, filter) = filter_mailboxes(&inner, rest)?;
    let (rest, ()) = sp(rest)?;
    let (rest, events) = events(&inner, rest)?;
    let (rest, ()) = byte(b')', "\")\"")(rest)?;
    Ok((rest, EventGroup { filter, events }))
}

/// `filter-mailboxes = filter-mailboxes-selected / filter-mailboxes-other`, with
/// `filter-mailboxes-other = "inboxes" / "personal" / "subscribed" / ("subtree" SP
/// one-or-more-mailbox) / ("mailboxes" SP one-or-more-mailbox)` and
/// `filter-mailboxes-selected = "selected" / "selected-delayed"`.
fn filter_mailboxes<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, MailboxFilter<'a>> {
    let (rest, word) = atom(i)?;
    let is = |w: &str| word.as_str().eq_ignore_ascii_case(w);
    Ok(if is("SELECTED") {
        (rest, MailboxFilter::Selected)
    } else if is("SELECTED-DELAYED") {
        (rest, MailboxFilter::SelectedDelayed)
    } else if is("INBOXES") {
        (rest, MailboxFilter::Inboxes)
    } else if is("PERSONAL") {
        (rest, MailboxFilter::Personal)
    } else if is("SUBSCRIBED") {
        (rest, MailboxFilter::Subscribed)
    } else if is("SUBTREE") {
        let (rest, m) = one_or_more_mailbox(cx, sp(rest)?.0)?;
        (rest, MailboxFilter::Subtree(m))
    } else if is("MAILBOXES") {
        let (rest, m) = one_or_more_mailbox(cx, sp(rest)?.0)?;
        (rest, MailboxFilter::Mailboxes(m))
    } else {
        return expected(i, "filter-mailboxes");
    })
}

/// `one-or-more-mailbox = mailbox / many-mailboxes`, with `many-mailboxes = "(" mailbox
/// *(SP mailbox) ")"`.
fn one_or_more_mailbox<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, NonEmptyList<'a, Mailbox<'a>>> {
    if i.first() == Some(&b'(') {
        let (rest, list) = paren_list(cx, i, Sep::Space, 1)?;
        return Ok((rest, NonEmptyList::parsed(list)));
    }
    let (rest, m) = mailbox(cx, i)?;
    Ok((rest, NonEmptyList::one(m)))
}

/// `events = ("(" event *(SP event) ")") / "NONE"`; under
/// [`Leniency::NOTIFY_BARE_EVENTS`], also the events without their parentheses.
fn events<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Option<NonEmptyList<'a, NotifyEvent<'a>>>> {
    if i.first() == Some(&b'(') {
        let (rest, list) = paren_list(cx, i, Sep::Space, 1)?;
        return Ok((rest, Some(NonEmptyList::parsed(list))));
    }
    match keyword(i, "NONE") {
        Ok((rest, ())) => Ok((rest, None)),
        Err(_) if cx.allows(Leniency::NOTIFY_BARE_EVENTS) => {
            let (rest, list) = items(cx, i, Sep::Space, 1)?;
            Ok((rest, Some(NonEmptyList::parsed(list))))
        }
        Err(e) => Err(e),
    }
}

/// `event = message-event / mailbox-event / user-event / event-ext`, with
/// `message-event = ("MessageNew" [SP "(" fetch-att *(SP fetch-att) ")"]) / ...`.
fn event<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, NotifyEvent<'a>> {
    let (rest, name) = atom(i)?;
    match EventName::from_name(name.as_bytes()) {
        Some(EventName::MessageNew) => match rest {
            [b' ', b'(', ..] => {
                let (rest, atts) = paren_list(cx, &rest[1..], Sep::Space, 1)?;
                Ok((rest, NotifyEvent::MessageNew(atts)))
            }
            _ => Ok((rest, NotifyEvent::MessageNew(List::new()))),
        },
        Some(known) => Ok((rest, NotifyEvent::from(known))),
        None => Ok((
            rest,
            NotifyEvent::Extension(EventExtension(name.into_inner())),
        )),
    }
}

/// `event-name = message-event-name / mailbox-event / user-event`
fn event_name(i: &[u8]) -> PResult<'_, EventName> {
    let (rest, name) = atom(i)?;
    match EventName::from_name(name.as_bytes()) {
        Some(n) => Ok((rest, n)),
        None => expected(i, "event-name"),
    }
}

/// `unsupported-events-code = "BADEVENT" SP "(" event-name *(SP event-name) ")"`, after the
/// name.
pub(crate) fn badevent_code<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, NonEmptyList<'a, EventName>> {
    let (rest, ()) = sp(i)?;
    let (rest, list) = paren_list(cx, rest, Sep::Space, 1)?;
    Ok((rest, NonEmptyList::parsed(list)))
}

impl<'a> ListItem<'a> for EventGroup<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        event_group(cx, i)
    }
}

impl<'a> ListItem<'a> for NotifyEvent<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        event(cx, i)
    }
}

impl<'a> ListItem<'a> for EventName {
    fn parse_item(_: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        event_name(i)
    }
}

fn cfg_notify<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, NotifyCommand<'a>> {
    let (rest, ()) = keyword(i, "NOTIFY")?;
    let (rest, ()) = sp(rest)?;
    notify(cx, rest)
}

fn cfg_extension(i: &[u8]) -> PResult<'_, EventExtension<'_>> {
    match event(&Cx::new(&crate::config::ParseConfig::strict()), i)? {
        (rest, NotifyEvent::Extension(e)) if !matches!(rest.first(), Some(b' ')) => Ok((rest, e)),
        _ => expected(i, "event-ext"),
    }
}

impl_parse!(NotifyCommand, cfg_notify);
impl_parse!(EventGroup, event_group);
impl_parse!(MailboxFilter, filter_mailboxes);
impl_parse!(NotifyEvent, event);
impl_parse!(EventExtension, plain cfg_extension);
impl_parse!(EventName => plain event_name);
