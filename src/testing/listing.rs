//! Strategies, known answers and round trips for LIST and LSUB responses.

use alloc::vec::Vec;

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::error::ErrorKind;
use crate::parse::listing::{list_data, lsub_data};
use crate::parse::{Cx, Parse};
use crate::testing::assert_round_trip;
use crate::testing::list_args::list_select_option;
use crate::testing::mailbox::mailbox_utf7;
use crate::testing::tagged_ext::{bad, encode_configs, kat, noise, tagged_ext_value};
use crate::types::list::{List, NonEmptyList};
use crate::types::list_args::ListSelectOption;
use crate::types::listing::{
    ATTRIBUTES, ChildInfoOption, Delimiter, ListExtendedItem, ListExtendedTag, MailboxAttribute,
    MailboxAttributeExtension, MailboxList,
};
use crate::types::mailbox::Mailbox;

pub(crate) fn mailbox_attribute() -> impl Strategy<Value = MailboxAttribute<'static>> {
    prop_oneof![
        3 => proptest::sample::select(&ATTRIBUTES[..])
            .prop_map(|n| MailboxAttribute::backslash(n).unwrap()),
        1 => "[A-Za-z$][A-Za-z0-9$.-]{0,8}".prop_map(|n| {
            MailboxAttribute::backslash(n.clone())
                .unwrap_or_else(|_| MailboxAttribute::backslash(alloc::format!("{n}X")).unwrap())
        }),
    ]
}

pub(crate) fn delimiter() -> impl Strategy<Value = Delimiter> {
    prop_oneof![
        proptest::sample::select(&['/', '.', ':', '\\', '"', '~', ' '][..]),
        any::<char>(),
    ]
    .prop_map(|c| Delimiter::new(c).unwrap_or(Delimiter::new('/').unwrap()))
}

pub(crate) fn list_extended_tag() -> impl Strategy<Value = ListExtendedTag<'static>> {
    "[A-Za-z][A-Za-z0-9.-]{0,10}".prop_map(|s| {
        ListExtendedTag::new(s.clone())
            .unwrap_or_else(|_| ListExtendedTag::new(alloc::format!("{s}X")).unwrap())
    })
}

pub(crate) fn child_info_option() -> impl Strategy<Value = ChildInfoOption<'static>> {
    prop_oneof![
        Just(ChildInfoOption::SUBSCRIBED),
        list_select_option()
            .prop_map(|o| ChildInfoOption::new(o).unwrap_or(ChildInfoOption::SUBSCRIBED)),
    ]
}

pub(crate) fn list_extended_item() -> impl Strategy<Value = ListExtendedItem<'static>> {
    prop_oneof![
        proptest::collection::vec(child_info_option(), 1..3)
            .prop_map(|v| ListExtendedItem::ChildInfo(NonEmptyList::try_from(v).unwrap())),
        mailbox_utf7().prop_map(ListExtendedItem::OldName),
        (list_extended_tag(), tagged_ext_value())
            .prop_map(|(t, v)| ListExtendedItem::Extension(t, v)),
    ]
}

pub(crate) fn mailbox_list() -> impl Strategy<Value = MailboxList<'static>> {
    (
        proptest::collection::vec(mailbox_attribute(), 0..5),
        proptest::option::of(delimiter()),
        mailbox_utf7(),
        proptest::option::of(proptest::collection::vec(list_extended_item(), 0..3)),
    )
        .prop_map(|(attributes, delimiter, mailbox, extended)| MailboxList {
            attributes: List::from(attributes),
            delimiter,
            mailbox,
            extended: extended.map(List::from),
        })
}

proptest! {
    #![proptest_config(crate::testing::tagged_ext::cases())]

    #[test]
    fn mailbox_attribute_round_trips(v in mailbox_attribute()) {
        assert_round_trip!(MailboxAttribute, v);
    }

    #[test]
    fn delimiter_round_trips(v in delimiter()) {
        let bytes = crate::to_vec(&v);
        prop_assert_eq!(Delimiter::parse(&bytes).unwrap(), v);
    }

    #[test]
    fn list_extended_item_round_trips(v in list_extended_item(), enc in encode_configs()) {
        assert_round_trip!(ListExtendedItem, v, enc, &ParseConfig::default());
    }

    #[test]
    fn mailbox_list_round_trips(v in mailbox_list(), enc in encode_configs(), on in any::<bool>()) {
        let cfg = ParseConfig::default().with_utf8_accept(on);
        assert_round_trip!(MailboxList, v, enc, &cfg);
    }

    #[test]
    fn no_input_panics_the_list_parsers(v in noise()) {
        let _ = MailboxAttribute::parse(&v);
        let _ = Delimiter::parse(&v);
        let _ = ListExtendedItem::parse(&v);
        let _ = ChildInfoOption::parse(&v);
        if let Ok(l) = MailboxList::parse(&v) {
            prop_assert_eq!(l.attributes.iter().count(), l.attributes.len());
            let bytes = crate::to_vec(&l);
            prop_assert_eq!(MailboxList::parse(&bytes).unwrap(), l);
        }
    }

    #[test]
    fn list_response_prefix_never_panics(v in noise()) {
        let mut line = b"(\\Noselect) \"/\" ".to_vec();
        line.extend_from_slice(&v);
        let _ = MailboxList::parse(&line);
    }
}

/// Parses a LIST or LSUB response line (after `* `, without CRLF) and checks it round-trips.
fn response(line: &[u8]) -> MailboxList<'_> {
    let cx = Cx::new(&ParseConfig::default());
    let parsed = if line.starts_with(b"LSUB") {
        lsub_data(&cx, line)
    } else {
        list_data(&cx, line)
    };
    let (rest, list) = match parsed {
        Ok(v) => v,
        Err(e) => panic!("{:?}: {e:?}", bstr::BStr::new(line)),
    };
    assert!(
        rest.is_empty(),
        "{:?} left {:?}",
        bstr::BStr::new(line),
        bstr::BStr::new(rest)
    );
    assert_round_trip!(MailboxList, list.clone());
    list
}

fn attrs(list: &MailboxList<'_>) -> Vec<alloc::string::String> {
    list.attributes
        .iter()
        .map(|a| alloc::format!("{a}"))
        .collect()
}

fn d(c: char) -> Option<Delimiter> {
    Some(Delimiter::new(c).unwrap())
}

fn mbx(name: &'static str) -> Mailbox<'static> {
    Mailbox::new(name).unwrap()
}

#[test]
fn rfc_list_examples() {
    // RFC 9051 §6.3.9.
    let l = response(b"LIST (\\Noselect) \"/\" foo");
    assert_eq!(l.attributes.to_vec(), [MailboxAttribute::Noselect]);
    assert_eq!((l.delimiter, l.mailbox), (d('/'), mbx("foo")));
    let l = response(b"LIST () \".\" foo.bar");
    assert!(l.attributes.is_empty());
    assert_eq!((l.delimiter, l.mailbox), (d('.'), mbx("foo.bar")));
    // `LIST "" ""` asks for the delimiter: the name is empty.
    let l = response(b"LIST (\\Noselect) \"/\" \"\"");
    assert_eq!(l.mailbox, mbx(""));
    let l = response(b"LIST (\\Noselect) \".\" #news.");
    assert_eq!(l.mailbox, mbx("#news."));
    let l = response(b"LIST (\\Noselect) \"/\" /");
    assert_eq!(l.mailbox, mbx("/"));
    assert_eq!(response(b"LIST () \"/\" INBOX").mailbox, Mailbox::Inbox);
    // `\NoInferiors` and `"inbox"` in any case (RFC 5258 §5).
    let l = response(b"LIST (\\Marked \\NoInferiors) \"/\" \"inbox\"");
    assert_eq!(attrs(&l), ["\\Marked", "\\Noinferiors"]);
    assert_eq!(l.mailbox, Mailbox::Inbox);
    let l = response(b"LIST (\\Subscribed \\NonExistent) \"/\" \"Fruit/Peach\"");
    assert_eq!(attrs(&l), ["\\Subscribed", "\\NonExistent"]);
    assert!(l.has(&MailboxAttribute::NonExistent));
    assert!(!l.has(&MailboxAttribute::Noselect));
    let l = response(b"LIST (\\HasChildren \\Remote) \"/\" \"Meat\"");
    assert_eq!(
        l.attributes.to_vec(),
        [MailboxAttribute::HasChildren, MailboxAttribute::Remote]
    );
    let l = response(b"LIST (\\NoSelect) \".\" \"bar\"");
    assert_eq!(l.attributes.to_vec(), [MailboxAttribute::Noselect]);
    // RFC 3501 §6.3.9: LSUB.
    let l = response(b"LSUB () \".\" #news.comp.mail.mime");
    assert_eq!(l.mailbox, mbx("#news.comp.mail.mime"));
    let l = response(b"LSUB (\\NoSelect) \".\" #news.comp.mail");
    assert_eq!(l.attributes.to_vec(), [MailboxAttribute::Noselect]);
    // RFC 6154 §5.1-5.2: special-use attributes.
    let l = response(b"LIST (\\Marked \\Drafts \\HasNoChildren) \"/\" MyDrafts");
    assert_eq!(
        l.attributes.to_vec(),
        [
            MailboxAttribute::Marked,
            MailboxAttribute::Drafts,
            MailboxAttribute::HasNoChildren
        ]
    );
    for (line, want) in [
        (
            &b"LIST (\\Sent \\HasNoChildren) \"/\" SentMail"[..],
            MailboxAttribute::Sent,
        ),
        (b"LIST (\\Trash) \"/\" Trash", MailboxAttribute::Trash),
        (
            b"LIST (\\NonExistent \\Archive) \"/\" Archives",
            MailboxAttribute::Archive,
        ),
        (
            b"LIST (\\NonExistent \\Junk) \"/\" Junk",
            MailboxAttribute::Junk,
        ),
        (b"LIST (\\All) \"/\" \"All Mail\"", MailboxAttribute::All),
        (b"LIST (\\Flagged) \"/\" Starred", MailboxAttribute::Flagged),
        (
            b"LIST (\\Important) \"/\" Important",
            MailboxAttribute::Important,
        ),
    ] {
        assert!(response(line).has(&want), "{:?}", bstr::BStr::new(line));
    }
    // RFC 9051 §6.3.9.7 and Appendix E: OLDNAME.
    let l = response(b"LIST () \"/\" \"NewMailbox\" (\"OLDNAME\" (\"OldMailbox\"))");
    assert_eq!(
        l.extended.unwrap().to_vec(),
        [ListExtendedItem::OldName(mbx("OldMailbox"))]
    );
    let l = response(b"LIST () \"/\" INBOX (\"OLDNAME\" (\"inbox\"))");
    assert_eq!(
        l.extended.unwrap().to_vec(),
        [ListExtendedItem::OldName(Mailbox::Inbox)]
    );
    // RFC 5258 §5 and RFC 5819 §2: CHILDINFO, quoted or not.
    let childinfo = ListExtendedItem::ChildInfo(NonEmptyList::one(ChildInfoOption::SUBSCRIBED));
    let l = response(b"LIST () \"/\" \"Foo\" (\"CHILDINFO\" (\"SUBSCRIBED\"))");
    assert_eq!(
        l.extended.unwrap().to_vec(),
        core::slice::from_ref(&childinfo)
    );
    let l = response(b"LIST (\\NonExistent) \"/\" \"qux2\" (\"CHILDINFO\" (\"SUBSCRIBED\"))");
    assert_eq!(l.attributes.to_vec(), [MailboxAttribute::NonExistent]);
    let l = response(b"LIST () \".\" \"foo\" (CHILDINFO (\"SUBSCRIBED\"))");
    assert_eq!(l.extended.unwrap().to_vec(), [childinfo]);
    // RFC 9051 §7.3.1: unknown extended items, kept validated.
    let l = response(
        b"LIST (\\Marked) \":\" Tables (tablecloth ((\"edge\" \"lacy\") (\"color\" \"red\")) \
          Sample \"text\")",
    );
    let ext = l.extended.unwrap().to_vec();
    assert_eq!(ext.len(), 2);
    match &ext[0] {
        ListExtendedItem::Extension(tag, value) => {
            assert_eq!(tag.as_str(), "tablecloth");
            assert_eq!(crate::to_vec(value), b"((edge lacy) (color red))");
        }
        other => panic!("{other:?}"),
    }
    let l = response(b"LIST () \":\" Tables:new (tablecloth (\"edge\" \"lacy\") Sample (\"text\" \"more text\"))");
    assert_eq!(l.extended.unwrap().len(), 2);
    assert_eq!(l.delimiter, d(':'));
}

#[test]
fn known_list_pieces() {
    kat!(
        MailboxAttribute,
        b"\\NOSELECT",
        b"",
        MailboxAttribute::Noselect
    );
    kat!(
        MailboxAttribute,
        b"\\hasnochildren)",
        b")",
        MailboxAttribute::HasNoChildren
    );
    kat!(
        MailboxAttribute,
        b"\\X-Custom ",
        b" ",
        MailboxAttribute::Extension(MailboxAttributeExtension::new("X-Custom").unwrap())
    );
    assert_eq!(
        crate::to_vec(&MailboxAttribute::parse(b"\\nonexistent").unwrap()),
        b"\\NonExistent"
    );
    assert_eq!(
        crate::to_vec(&MailboxAttribute::parse(b"\\SENT").unwrap()),
        b"\\Sent"
    );
    kat!(
        ListExtendedItem,
        b"\"CHILDINFO\" (\"SUBSCRIBED\" \"REMOTE\")",
        b"",
        ListExtendedItem::ChildInfo(
            NonEmptyList::try_from(alloc::vec![
                ChildInfoOption::SUBSCRIBED,
                ChildInfoOption::new(ListSelectOption::Remote).unwrap()
            ])
            .unwrap()
        )
    );
    assert_eq!(
        crate::to_vec(&ListExtendedItem::parse(b"childinfo (\"subscribed\")").unwrap()),
        b"\"CHILDINFO\" (\"SUBSCRIBED\")"
    );
    // A CHILDINFO option with a value: quoted inside the quotes.
    let with_value = ListExtendedItem::parse(b"CHILDINFO (\"X-OPT (\\\"a b\\\" c)\")").unwrap();
    assert_eq!(
        crate::to_vec(&with_value),
        b"\"CHILDINFO\" (\"X-OPT (\\\"a b\\\" c)\")"
    );
    assert_round_trip!(ListExtendedItem, with_value);
    for (wire, c) in [
        (&b"\"\\\\\""[..], '\\'),
        (b"\"\\\"\"", '"'),
        ("\"é\"".as_bytes(), 'é'),
        (b"\"/\"", '/'),
        (b"\"\t\"", '\t'),
    ] {
        let delim = Delimiter::parse(wire).unwrap();
        assert_eq!(delim.get(), c);
        assert_eq!(crate::to_vec(&delim), wire);
    }
    assert_eq!(crate::to_vec(&Delimiter::new('"').unwrap()), b"\"\\\"\"");
    let flat = MailboxList::parse(b"() NIL Foo").unwrap();
    assert_eq!(flat.delimiter, None);
    assert_eq!(flat, MailboxList::new(mbx("Foo"), None));
    let empty_ext = MailboxList::parse(b"() \"/\" Foo ()").unwrap();
    assert_eq!(empty_ext.extended, Some(List::new()));
    assert_ne!(empty_ext, MailboxList::new(mbx("Foo"), d('/')));
    assert_eq!(crate::to_vec(&empty_ext), b"() \"/\" Foo ()");
}

#[test]
fn invalid_list_responses() {
    bad!(
        MailboxList,
        &[
            // RFC 5819 §2's and RFC 9051 §6.3.9's own example has two spaces before the name.
            (b"() \".\"  \"INBOX\"", ErrorKind::Expected("astring"), 7),
            (b"(\\Noselect)\"/\" foo", ErrorKind::Expected("SP"), 11),
            (
                b"(\\Noselect \"/\" foo",
                ErrorKind::Expected("mailbox attribute"),
                11
            ),
            (b"(Noselect) \"/\" foo", ErrorKind::Expected("\")\""), 1),
            (b"(\\) \"/\" foo", ErrorKind::Expected("atom"), 2),
            (b"() \"\" foo", ErrorKind::Expected("QUOTED-CHAR"), 4),
            (b"() \"//\" foo", ErrorKind::Expected("DQUOTE"), 5),
            (b"() / foo", ErrorKind::Expected("DQUOTE"), 3),
            (b"() NUL foo", ErrorKind::Expected("NIL"), 3),
            (b"() \"/\" foo bar", ErrorKind::Trailing, 10),
            (b"() \"/\" foo (", ErrorKind::Expected("\")\""), 12),
            (b"() \"/\" foo (X)", ErrorKind::Expected("SP"), 13),
            (
                b"() \"/\" foo (X abc)",
                ErrorKind::Expected("tagged-ext-val"),
                14
            ),
            (
                b"() \"/\" foo (\"a b\" 1)",
                ErrorKind::Expected("\")\""),
                12
            ),
            (
                b"() \"/\" foo (CHILDINFO ())",
                ErrorKind::Expected("quoted"),
                23
            ),
            (
                b"() \"/\" foo (CHILDINFO (SUBSCRIBED))",
                ErrorKind::Expected("quoted"),
                23
            ),
            (
                b"() \"/\" foo (CHILDINFO (\"(x)\"))",
                ErrorKind::Expected("atom"),
                24
            ),
            (
                b"() \"/\" foo (CHILDINFO (\"A B\"))",
                ErrorKind::Expected("DQUOTE"),
                25
            ),
            (
                b"() \"/\" foo (OLDNAME x)",
                ErrorKind::Expected("\"(\""),
                20
            ),
            (
                b"() \"/\" foo (OLDNAME (a b))",
                ErrorKind::Expected("\")\""),
                22
            ),
            (b"() \"/\" &Jjo", ErrorKind::BadUtf7, 11),
        ]
    );
    for (input, kind, offset) in [
        (&b"\"\r\""[..], ErrorKind::Expected("QUOTED-CHAR"), 1),
        (b"\"\\x\"", ErrorKind::Expected("QUOTED-CHAR"), 1),
        (b"\"\xff\"", ErrorKind::BadUtf8, 1),
        (b"NIL", ErrorKind::Expected("DQUOTE"), 0),
    ] {
        assert_eq!(
            Delimiter::parse(input),
            Err(crate::error::ParseError { kind, offset }),
            "{:?}",
            bstr::BStr::new(input)
        );
    }
    assert!(MailboxAttributeExtension::new("Noselect").is_err());
    assert!(MailboxAttributeExtension::new("hasCHILDREN").is_err());
    assert!(MailboxAttributeExtension::new("a b").is_err());
    assert!(ListExtendedTag::new("childinfo").is_err());
    assert!(ListExtendedTag::new("OldName").is_err());
    assert!(Delimiter::new('\0').is_err());
    // A CHILDINFO option must fit in a quoted string.
    let crlf = crate::types::tagged_ext::OptionValue::new(&b"({2}\r\n\r\n)"[..]).unwrap();
    let opt = ListSelectOption::Extension(
        crate::types::list_args::OptionName::new("X").unwrap(),
        Some(crlf),
    );
    assert!(ChildInfoOption::new(opt).is_err());
    let deep = ParseConfig::default().with_max_depth(1);
    assert_eq!(
        MailboxList::parse_with(b"() \"/\" foo (OLDNAME (a))", &deep)
            .unwrap_err()
            .kind,
        ErrorKind::TooDeep
    );
}

#[test]
fn parsed_lists_borrow_and_become_static() {
    let input = b"(\\X-Seen \\Noselect) \"/\" \"Sent Mail\" (X (a b))".to_vec();
    let list = MailboxList::parse(&input).unwrap();
    let owned: MailboxList<'static> = crate::IntoStatic::into_static(list.clone());
    assert_eq!(owned, list);
    drop(list);
    drop(input);
    assert_eq!(owned.mailbox, mbx("Sent Mail"));
    assert_eq!(owned.attributes.len(), 2);
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_list_responses_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};

    use crate::types::listing::ATOM_CHARS;
    assert!(ATOM_CHARS.iter().all(|&b| crate::chars::is_atom_char(b)));
    assert_eq!(
        ATOM_CHARS.len(),
        (0u8..=255)
            .filter(|&b| crate::chars::is_atom_char(b))
            .count()
    );
    for buf in crate::testing::random_buffers(4000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = MailboxAttribute::arbitrary(&mut u) {
            assert_round_trip!(MailboxAttribute, v);
        }
        if let Ok(v) = MailboxAttributeExtension::arbitrary(&mut u) {
            assert_round_trip!(MailboxAttributeExtension, v);
        }
        if let Ok(v) = Delimiter::arbitrary(&mut u) {
            assert_eq!(Delimiter::parse(&crate::to_vec(&v)).unwrap(), v);
        }
        if let Ok(v) = ChildInfoOption::arbitrary(&mut u) {
            assert_round_trip!(ChildInfoOption, v);
        }
        if let Ok(v) = ListExtendedItem::arbitrary(&mut u) {
            assert_round_trip!(ListExtendedItem, v);
        }
        if let Ok(v) = MailboxList::arbitrary(&mut u) {
            assert_round_trip!(MailboxList, v);
        }
    }
}
