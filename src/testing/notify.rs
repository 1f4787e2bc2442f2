//! Strategies, known answers and round trips for the NOTIFY extension (RFC 5465).

use alloc::vec::Vec;

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::parse::Parse;
use crate::testing::examples::{check_examples, examples};
use crate::testing::fetch::fetch_attribute;
use crate::testing::mailbox::mailbox_utf7;
use crate::testing::metadata::non_empty;
use crate::testing::primitive::{atom, encode_configs};
use crate::testing::{assert_reparses, assert_round_trip, config};
use crate::types::code::Code;
use crate::types::command::{Command, CommandBody};
use crate::types::fetch::FetchAttribute;
use crate::types::list::{List, NonEmptyList};
use crate::types::listing::{ListExtendedItem, MailboxAttribute};
use crate::types::mailbox::Mailbox;
use crate::types::notify::{
    EventExtension, EventGroup, EventName, MailboxFilter, NotifyCommand, NotifyEvent,
};
use crate::types::response::{Data, Response, Untagged};

pub(crate) fn event_name() -> impl Strategy<Value = EventName> {
    proptest::sample::select(
        crate::types::notify::EVENT_NAMES
            .iter()
            .map(|&(_, n)| n)
            .collect::<Vec<_>>(),
    )
}

fn event_extension() -> impl Strategy<Value = EventExtension<'static>> {
    atom().prop_filter_map("a known event", |a| {
        EventExtension::new(a.into_inner()).ok()
    })
}

pub(crate) fn notify_event() -> impl Strategy<Value = NotifyEvent<'static>> {
    prop_oneof![
        event_name().prop_map(NotifyEvent::from),
        proptest::collection::vec(fetch_attribute(), 0..3)
            .prop_map(|v| NotifyEvent::MessageNew(List::from(v))),
        event_extension().prop_map(NotifyEvent::Extension),
    ]
}

pub(crate) fn mailbox_filter() -> impl Strategy<Value = MailboxFilter<'static>> {
    prop_oneof![
        Just(MailboxFilter::Selected),
        Just(MailboxFilter::SelectedDelayed),
        Just(MailboxFilter::Inboxes),
        Just(MailboxFilter::Personal),
        Just(MailboxFilter::Subscribed),
        non_empty(mailbox_utf7()).prop_map(MailboxFilter::Subtree),
        non_empty(mailbox_utf7()).prop_map(MailboxFilter::Mailboxes),
    ]
}

pub(crate) fn event_group() -> impl Strategy<Value = EventGroup<'static>> {
    (
        mailbox_filter(),
        proptest::option::of(non_empty(notify_event())),
    )
        .prop_map(|(filter, events)| EventGroup { filter, events })
}

pub(crate) fn notify_command() -> impl Strategy<Value = NotifyCommand<'static>> {
    prop_oneof![
        1 => Just(NotifyCommand::None),
        4 => (any::<bool>(), non_empty(event_group()))
            .prop_map(|(status, groups)| NotifyCommand::Set { status, groups }),
    ]
}

pub(crate) fn badevent_code() -> impl Strategy<Value = Code<'static>> {
    non_empty(event_name()).prop_map(Code::BadEvent)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn notify_commands_round_trip(v in notify_command(), enc in encode_configs()) {
        assert_round_trip!(NotifyCommand, v.clone(), enc, &ParseConfig::strict());
        let cmd = Command::new(crate::Tag::new("a1").unwrap(), CommandBody::Notify(v));
        assert_round_trip!(Command, cmd, enc, &ParseConfig::strict());
    }

    #[test]
    fn notify_parts_round_trip(
        g in event_group(),
        e in notify_event(),
        c in badevent_code(),
        enc in encode_configs(),
    ) {
        assert_round_trip!(EventGroup, g, enc, &ParseConfig::strict());
        assert_round_trip!(NotifyEvent, e, enc, &ParseConfig::strict());
        assert_round_trip!(Code, c, enc, &ParseConfig::strict());
    }
}

fn mb(s: &'static str) -> Mailbox<'static> {
    Mailbox::new(s).unwrap()
}

fn notify(bytes: &[u8]) -> NotifyCommand<'_> {
    match Command::parse_with(bytes, &ParseConfig::strict())
        .unwrap()
        .body
    {
        CommandBody::Notify(n) => n,
        b => panic!("{b:?}"),
    }
}

fn groups<'a>(n: &NotifyCommand<'a>) -> Vec<EventGroup<'a>> {
    match n {
        NotifyCommand::Set { groups, .. } => groups.to_vec(),
        NotifyCommand::None => Vec::new(),
    }
}

fn events<'a>(g: &EventGroup<'a>) -> Vec<NotifyEvent<'a>> {
    g.events.as_ref().map(|e| e.to_vec()).unwrap_or_default()
}

#[test]
fn rfc5465_examples() {
    assert_eq!(check_examples(examples!("rfc5465.imap")), 41);
    // §3 (with the parentheses the grammar requires around the events).
    let n = notify(
        b"b notify set status (selected (MessageNew (uid \
          body.peek[header.fields (from to subject)]) MessageExpunge)) (subtree Lists \
          (MessageNew))\r\n",
    );
    assert!(matches!(n, NotifyCommand::Set { status: true, .. }));
    let g = groups(&n);
    assert_eq!(g.len(), 2);
    assert_eq!(g[0].filter, MailboxFilter::Selected);
    let e = events(&g[0]);
    let NotifyEvent::MessageNew(atts) = &e[0] else {
        panic!("{e:?}")
    };
    assert_eq!(atts.len(), 2);
    assert_eq!(atts.to_vec()[0], FetchAttribute::Uid);
    assert_eq!(e[1], NotifyEvent::MessageExpunge);
    assert_eq!(
        g[1].filter,
        MailboxFilter::Subtree(NonEmptyList::one(mb("Lists")))
    );
    assert_eq!(events(&g[1]), [NotifyEvent::MessageNew(List::new())]);
    // §6
    let n = notify(
        b"a notify set (mailboxes INBOX (Messagenew messageExpunge)) (personal \
          (SubscriptionChange))\r\n",
    );
    let g = groups(&n);
    assert_eq!(
        g[0].filter,
        MailboxFilter::Mailboxes(NonEmptyList::one(Mailbox::Inbox))
    );
    assert_eq!(g[1].filter, MailboxFilter::Personal);
    assert_eq!(events(&g[1]), [NotifyEvent::SubscriptionChange]);
    let c = Command::parse(b"a notify set (selected (Messagenew (uid flags) messageExpunge))\r\n")
        .unwrap();
    assert_eq!(
        crate::to_vec(&c),
        b"a NOTIFY SET (SELECTED (MessageNew (UID FLAGS) MessageExpunge))\r\n"
    );
    // §5.4: OLDNAME is a typed LIST extended item.
    let Response::Untagged(Untagged::Data(Data::List(l))) =
        Response::parse(b"* LIST () \"/\" \"NewMailbox\" (\"OLDNAME\" (\"OldMailbox\"))\r\n")
            .unwrap()
    else {
        panic!()
    };
    assert_eq!(
        l.extended.unwrap().to_vec(),
        [ListExtendedItem::OldName(mb("OldMailbox"))]
    );
    // §5.9: `\NoAccess` is a known attribute, read in any case.
    let Response::Untagged(Untagged::Data(Data::List(l))) =
        Response::parse(b"* LIST (\\noaccess \\HasNoChildren) \"/\" x\r\n").unwrap()
    else {
        panic!()
    };
    assert_eq!(
        l.attributes.to_vec(),
        [MailboxAttribute::NoAccess, MailboxAttribute::HasNoChildren]
    );
    assert!(!MailboxAttribute::NoAccess.is_selectability());
    assert_eq!(crate::to_vec(&l), b"(\\NoAccess \\HasNoChildren) \"/\" x");
    // §5.8
    let Response::Untagged(Untagged::Status { text, .. }) =
        Response::parse(b"* OK [NOTIFICATIONOVERFLOW] ...A comment can go here...\r\n").unwrap()
    else {
        panic!()
    };
    assert_eq!(text.code(), Some(&Code::NotificationOverflow));
}

#[test]
fn notify_known_answers() {
    assert_eq!(notify(b"f Notify none\r\n"), NotifyCommand::None);
    let n = notify(
        b"g NOTIFY SET (SELECTED-DELAYED NONE) (inboxes (AnnotationChange MailboxName \
          MailboxMetadataChange ServerMetadataChange XFoo)) (subscribed (FlagChange)) \
          (MAILBOXES (\"a b\" misc) (messagenew))\r\n",
    );
    let g = groups(&n);
    assert_eq!(g[0].filter, MailboxFilter::SelectedDelayed);
    assert_eq!(g[0].events, None);
    assert_eq!(g[1].filter, MailboxFilter::Inboxes);
    let e = events(&g[1]);
    assert_eq!(
        e.iter().map(NotifyEvent::name).collect::<Vec<_>>(),
        [
            "AnnotationChange",
            "MailboxName",
            "MailboxMetadataChange",
            "ServerMetadataChange",
            "XFoo"
        ]
    );
    assert_eq!(e[4].event_name(), None);
    assert_eq!(g[2].filter, MailboxFilter::Subscribed);
    assert_eq!(
        g[3].filter.mailboxes().unwrap().to_vec(),
        [mb("a b"), mb("misc")]
    );
    // One mailbox in parentheses is the same filter as the bare mailbox.
    let g = assert_reparses!(EventGroup, b"(SUBTREE (Lists) (MessageNew))");
    assert_eq!(crate::to_vec(&g), b"(SUBTREE Lists (MessageNew))");
    let strict = ParseConfig::strict();
    for bad in [
        &b"a NOTIFY\r\n"[..],
        b"a NOTIFY SET\r\n",
        b"a NOTIFY SET STATUS\r\n",
        b"a NOTIFY SET ()\r\n",
        b"a NOTIFY SET (selected)\r\n",
        b"a NOTIFY SET (selected ())\r\n",
        b"a NOTIFY SET (selected MessageNew)\r\n",
        b"a NOTIFY SET (subtree (MessageNew))\r\n",
        b"a NOTIFY SET (subtree () (MessageNew))\r\n",
        b"a NOTIFY SET (inbox (MessageNew))\r\n",
        b"a NOTIFY SET (selected (MessageNew ()))\r\n",
        b"a NOTIFY SET (selected (XFoo (UID)))\r\n",
        b"a NOTIFY SET (selected (MessageNew))(personal (MailboxName))\r\n",
        b"a NOTIFY SET  (selected (MessageNew))\r\n",
        b"a NOTIFY NONE (selected (MessageNew))\r\n",
        b"a NOTIFY SETSTATUS (selected (MessageNew))\r\n",
    ] {
        assert!(
            Command::parse_with(bad, &strict).is_err(),
            "{:?}",
            bstr::BStr::new(bad)
        );
    }
    // BADEVENT lists known event names only; anything else is another code.
    let Response::Tagged(t) =
        Response::parse(b"a NO [BADEVENT (messagenew FlagChange)] no\r\n").unwrap()
    else {
        panic!()
    };
    assert_eq!(
        t.text.code(),
        Some(&Code::BadEvent(
            NonEmptyList::try_from(alloc::vec![EventName::MessageNew, EventName::FlagChange])
                .unwrap()
        ))
    );
    for other in [
        &b"a NO [BADEVENT (XFoo)] no\r\n"[..],
        b"a NO [BADEVENT ()] no\r\n",
        b"a NO [BADEVENT] no\r\n",
    ] {
        let Response::Tagged(t) = Response::parse(other).unwrap() else {
            panic!()
        };
        assert!(matches!(t.text.code(), Some(Code::Other(_))), "{t:?}");
    }
    assert!(EventExtension::new("MESSAGENEW").is_err());
    assert_eq!(
        EventName::from_name(b"mailboxname"),
        Some(EventName::MailboxName)
    );
    // NOTIFY needs an authenticated session.
    use crate::session::State;
    assert!(!State::NotAuthenticated.allows(&CommandBody::Notify(NotifyCommand::None)));
    assert!(State::Authenticated.allows(&CommandBody::Notify(NotifyCommand::None)));
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_notify_values_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};
    let mut filters = alloc::collections::BTreeSet::new();
    let mut events = alloc::collections::BTreeSet::new();
    for buf in crate::testing::random_buffers(3000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = NotifyCommand::arbitrary(&mut u) {
            assert_round_trip!(NotifyCommand, v);
        }
        if let Ok(v) = EventGroup::arbitrary(&mut u) {
            filters.insert(v.filter.name());
            assert_round_trip!(EventGroup, v);
        }
        if let Ok(v) = NotifyEvent::arbitrary(&mut u) {
            events.insert(v.event_name().map_or("extension", EventName::as_str));
            assert_round_trip!(NotifyEvent, v);
        }
        if let Ok(v) = EventExtension::arbitrary(&mut u) {
            assert_round_trip!(EventExtension, v);
        }
    }
    assert_eq!((filters.len(), events.len()), (7, 9));
}

/// The messages and announced literal lengths the framer finds in `input`, read as `role`.
fn framed(role: crate::framing::Role, input: &[u8]) -> (Vec<Vec<u8>>, Vec<u64>) {
    let (messages, announced) = crate::testing::examples::framed(role, input);
    (
        messages,
        announced.into_iter().map(|(len, _)| len).collect(),
    )
}

#[test]
fn literals_in_the_new_grammar_frame() {
    use crate::framing::Role;
    // NOTIFY's mailboxes and the arguments of LANGUAGE and COMPARATOR may be literals.
    let commands: [&[u8]; 3] = [
        b"a NOTIFY SET (MAILBOXES ({3}\r\na b {1}\r\nc) (MessageNew)) (SUBTREE {1}\r\nd NONE)\r\n",
        b"b LANGUAGE {2}\r\nDE {5}\r\nEN-CA\r\n",
        b"c COMPARATOR {7}\r\ni;basic\r\n",
    ];
    let (messages, announced) = framed(Role::Commands, &commands.concat());
    assert_eq!(messages, commands.map(<[u8]>::to_vec));
    assert_eq!(announced, [3, 1, 1, 2, 5, 7]);
    for (c, name) in commands
        .into_iter()
        .zip(["NOTIFY", "LANGUAGE", "COMPARATOR"])
    {
        let parsed = Command::parse_with(c, &ParseConfig::strict()).unwrap();
        assert_eq!(parsed.body.name(), name);
    }
    let responses: [&[u8]; 2] = [
        b"* LANGUAGE ({2}\r\nDE EN)\r\n",
        b"* COMPARATOR {7}\r\ni;basic ({1}\r\nx i;octet)\r\n",
    ];
    let (messages, _) = framed(Role::Responses, &responses.concat());
    assert_eq!(messages, responses.map(<[u8]>::to_vec));
    for r in responses {
        let parsed = Response::parse_with(r, &ParseConfig::strict()).unwrap();
        assert!(matches!(
            parsed,
            Response::Untagged(Untagged::Data(Data::Language(_) | Data::Comparator(_)))
        ));
    }
}

/// RFC 5465 §7: UPDATE with the fetch attributes to send for each message that joins a
/// context, read with and without the space before `(` and written with it.
#[test]
fn update_return_option_with_fetch_attributes() {
    use crate::types::search::SearchReturnOption;
    let strict = ParseConfig::strict();
    let line = b"a00 SEARCH RETURN (COUNT UPDATE (UID BODY[HEADER.FIELDS (TO FROM SUBJECT)])) FROM \"boss\"\r\n";
    let cmd = Command::parse_with(line, &strict).unwrap();
    let CommandBody::Search { args, .. } = &cmd.body else {
        panic!("not a SEARCH: {cmd:?}")
    };
    let opts = args.return_options.as_ref().unwrap().to_vec();
    assert_eq!(opts[0], SearchReturnOption::Count);
    let SearchReturnOption::Update(atts) = &opts[1] else {
        panic!("not UPDATE: {opts:?}")
    };
    assert_eq!(atts.len(), 2);
    assert_eq!(atts.iter().next(), Some(FetchAttribute::Uid));
    // The search string is written as an atom, the rest as it came.
    assert_eq!(
        crate::to_vec(&cmd),
        &b"a00 SEARCH RETURN (COUNT UPDATE (UID BODY[HEADER.FIELDS (TO FROM SUBJECT)])) FROM boss\r\n"[..]
    );
    // Section 8's grammar: no space.
    let tight = SearchReturnOption::parse_with(b"update(uid flags)", &strict).unwrap();
    assert_eq!(crate::to_vec(&tight), b"UPDATE (UID FLAGS)");
    assert_round_trip!(SearchReturnOption, tight);
    // Alone, as RFC 5267 has it; in SORT too.
    let bare = SearchReturnOption::parse_with(b"UPDATE", &strict).unwrap();
    assert_eq!(bare, SearchReturnOption::Update(List::default()));
    let sort = b"s SORT RETURN (UPDATE (FLAGS)) (DATE) UTF-8 ALL\r\n";
    assert_eq!(
        crate::to_vec(&Command::parse_with(sort, &strict).unwrap()),
        sort
    );
    // The list holds at least one fetch attribute, and only fetch attributes.
    for bad in [
        &b"a SEARCH RETURN (UPDATE ()) ALL\r\n"[..],
        b"a SEARCH RETURN (UPDATE (NOTANATT)) ALL\r\n",
        b"a SEARCH RETURN (UPDATE (UID) ALL\r\n",
    ] {
        assert!(
            Command::parse_with(bad, &strict).is_err(),
            "{:?}",
            bstr::BStr::new(bad)
        );
    }
}

/// RFC 5465 §3 writes its NOTIFY examples without the parentheses the grammar puts around
/// the events; a lenient parser reads them as the grammar's form, and says so.
#[test]
fn bare_events_of_section_3_are_a_named_leniency() {
    use crate::config::Leniency;
    for (copied, fixed) in [
        (
            &b"b notify set status (selected MessageNew (uid body.peek[header.fields (from to subject)]) MessageExpunge) (subtree Lists MessageNew)\r\n"[..],
            &b"b notify set status (selected (MessageNew (uid body.peek[header.fields (from to subject)]) MessageExpunge)) (subtree Lists (MessageNew))\r\n"[..],
        ),
        (
            b"c NOTIFY SET (mailboxes misc MessageNew)\r\n",
            b"c NOTIFY SET (mailboxes misc (MessageNew))\r\n",
        ),
    ] {
        let parsed = Command::parse_report(copied, &ParseConfig::lenient()).unwrap();
        assert_eq!(parsed.quirks, Leniency::NOTIFY_BARE_EVENTS);
        let want = Command::parse_with(fixed, &ParseConfig::strict()).unwrap();
        assert_eq!(parsed.value, want);
        assert!(Command::parse_with(copied, &ParseConfig::strict()).is_err());
        assert_round_trip!(Command, parsed.value);
    }
    // NONE keeps its meaning; a group with nothing after the filter is still wrong.
    let none = Command::parse(b"d NOTIFY SET (selected NONE)\r\n").unwrap();
    let CommandBody::Notify(n) = &none.body else {
        panic!()
    };
    assert!(groups(n)[0].events.is_none());
    assert!(Command::parse(b"e NOTIFY SET (selected)\r\n").is_err());
}
