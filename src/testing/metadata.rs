//! Strategies, known answers and round trips for the METADATA extension (RFC 5464).

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::parse::Parse;
use crate::testing::examples::{check_examples, examples};
use crate::testing::extension::ext_param;
use crate::testing::mailbox::mailbox_utf7;
use crate::testing::primitive::{astring, encode_configs, nstring};
use crate::testing::{assert_reparses, assert_round_trip, config};
use crate::types::code::Code;
use crate::types::command::{Command, CommandBody};
use crate::types::list::{List, NonEmptyList};
use crate::types::mailbox::Mailbox;
use crate::types::metadata::{
    Depth, EntryValue, GetMetadataOption, MetadataCode, MetadataCommand, MetadataData,
    MetadataItems, MetadataValue,
};
use crate::types::primitive::{AString, IString, Literal8, NString};
use crate::types::response::{Data, Response, Untagged};

fn value() -> impl Strategy<Value = MetadataValue<'static>> {
    prop_oneof![
        nstring().prop_map(MetadataValue::NString),
        proptest::collection::vec(any::<u8>(), 0..16)
            .prop_map(|v| MetadataValue::Literal8(Literal8::new(v))),
    ]
}

fn entry_value() -> impl Strategy<Value = EntryValue<'static>> {
    (astring(), value()).prop_map(|(entry, value)| EntryValue { entry, value })
}

fn option() -> impl Strategy<Value = GetMetadataOption<'static>> {
    prop_oneof![
        any::<u32>().prop_map(GetMetadataOption::MaxSize),
        prop_oneof![Just(Depth::Zero), Just(Depth::One), Just(Depth::Infinity)]
            .prop_map(GetMetadataOption::Depth),
        ext_param()
            .prop_filter("a named option", |p| !p.name.is("MAXSIZE")
                && !p.name.is("DEPTH"))
            .prop_map(GetMetadataOption::Ext),
    ]
}

pub(crate) fn non_empty<T>(
    s: impl Strategy<Value = T>,
) -> impl Strategy<Value = NonEmptyList<'static, T>>
where
    T: crate::types::list::ListItem<'static> + core::fmt::Debug + Clone + 'static,
{
    proptest::collection::vec(s, 1..4).prop_map(|v| NonEmptyList::try_from(v).unwrap())
}

pub(crate) fn metadata_command(
    mailbox: BoxedStrategy<Mailbox<'static>>,
) -> impl Strategy<Value = MetadataCommand<'static>> {
    prop_oneof![
        (
            proptest::collection::vec(option(), 0..3),
            mailbox.clone(),
            non_empty(astring())
        )
            .prop_map(|(options, mailbox, entries)| MetadataCommand::GetMetadata {
                options: List::from(options),
                mailbox,
                entries,
            }),
        (mailbox, non_empty(entry_value()))
            .prop_map(|(mailbox, values)| MetadataCommand::SetMetadata { mailbox, values }),
    ]
}

pub(crate) fn metadata_data() -> impl Strategy<Value = MetadataData<'static>> {
    (
        mailbox_utf7(),
        prop_oneof![
            non_empty(entry_value()).prop_map(MetadataItems::Values),
            non_empty(astring()).prop_map(MetadataItems::Entries),
        ],
    )
        .prop_map(|(mailbox, items)| MetadataData { mailbox, items })
}

pub(crate) fn metadata_code() -> impl Strategy<Value = MetadataCode> {
    prop_oneof![
        any::<u32>().prop_map(MetadataCode::LongEntries),
        any::<u32>().prop_map(MetadataCode::MaxSize),
        Just(MetadataCode::TooMany),
        Just(MetadataCode::NoPrivate),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn metadata_commands_round_trip(
        v in metadata_command(mailbox_utf7().boxed()),
        enc in encode_configs(),
    ) {
        assert_round_trip!(MetadataCommand, v.clone(), enc, &ParseConfig::default());
        let cmd = Command::new(crate::Tag::new("a1").unwrap(), CommandBody::Metadata(v));
        assert_round_trip!(Command, cmd, enc, &ParseConfig::default());
    }

    #[test]
    fn metadata_data_round_trips(v in metadata_data(), c in metadata_code(), enc in encode_configs()) {
        assert_round_trip!(MetadataData, v.clone(), enc, &ParseConfig::default());
        assert_round_trip!(Response, Response::Untagged(Untagged::Data(Data::Metadata(v))));
        assert_round_trip!(Code, Code::Metadata(c));
        crate::testing::round_trip_owned(c);
    }

    #[test]
    fn metadata_items_round_trip(e in entry_value(), o in option()) {
        assert_round_trip!(EntryValue, e.clone());
        assert_round_trip!(MetadataValue, e.value);
        assert_round_trip!(GetMetadataOption, o);
    }
}

fn astr(s: &'static str) -> AString<'static> {
    AString::new(s.as_bytes()).unwrap()
}

fn ev(entry: &'static str, value: Option<&'static str>) -> EntryValue<'static> {
    EntryValue {
        entry: astr(entry),
        value: MetadataValue::NString(NString(value.map(|v| IString::new(v.as_bytes()).unwrap()))),
    }
}

fn entries(v: &[&'static str]) -> NonEmptyList<'static, AString<'static>> {
    NonEmptyList::try_from(v.iter().map(|s| astr(s)).collect::<alloc::vec::Vec<_>>()).unwrap()
}

fn data(bytes: &[u8]) -> Data<'_> {
    match Response::parse(bytes).unwrap() {
        Response::Untagged(Untagged::Data(d)) => d,
        r => panic!("{r:?}"),
    }
}

#[test]
fn rfc5464_examples() {
    assert_eq!(check_examples(examples!("rfc5464.imap")), 27);
    let server = Mailbox::new("").unwrap();
    // §4.2
    assert_eq!(
        Command::parse(b"a GETMETADATA \"\" /shared/comment\r\n")
            .unwrap()
            .body,
        CommandBody::Metadata(MetadataCommand::GetMetadata {
            options: List::new(),
            mailbox: server.clone(),
            entries: entries(&["/shared/comment"]),
        })
    );
    assert_eq!(
        data(b"* METADATA \"\" (/shared/comment \"Shared comment\")\r\n"),
        Data::Metadata(MetadataData {
            mailbox: server.clone(),
            items: MetadataItems::Values(NonEmptyList::one(ev(
                "/shared/comment",
                Some("Shared comment")
            ))),
        })
    );
    // §4.2.2: the options after the mailbox, as the RFC's examples write them.
    let c = Command::parse(
        b"a GETMETADATA \"INBOX\" (MAXSIZE 1024) (/shared/comment /private/comment)\r\n",
    )
    .unwrap();
    let want = MetadataCommand::GetMetadata {
        options: List::from(alloc::vec![GetMetadataOption::MaxSize(1024)]),
        mailbox: Mailbox::Inbox,
        entries: entries(&["/shared/comment", "/private/comment"]),
    };
    assert_eq!(c.body, CommandBody::Metadata(want.clone()));
    assert_eq!(
        crate::to_vec(&c),
        b"a GETMETADATA (MAXSIZE 1024) INBOX (/shared/comment /private/comment)\r\n"
    );
    let Response::Tagged(t) =
        Response::parse(b"a OK [METADATA LONGENTRIES 2199] GETMETADATA complete\r\n").unwrap()
    else {
        panic!()
    };
    assert_eq!(
        t.text.code(),
        Some(&Code::Metadata(MetadataCode::LongEntries(2199)))
    );
    // §4.2.3
    let c =
        Command::parse(b"a GETMETADATA \"INBOX\" (DEPTH 1) (/private/filters/values)\r\n").unwrap();
    let CommandBody::Metadata(MetadataCommand::GetMetadata { options, .. }) = &c.body else {
        panic!()
    };
    assert_eq!(options.to_vec(), [GetMetadataOption::Depth(Depth::One)]);
    // §4.3
    let c = Command::parse(
        b"a SETMETADATA INBOX (/private/comment {35}\r\nMy new comment across\r\ntwo lines.\r\n)\r\n",
    )
    .unwrap();
    assert_eq!(
        c.body,
        CommandBody::Metadata(MetadataCommand::SetMetadata {
            mailbox: Mailbox::Inbox,
            values: NonEmptyList::one(ev(
                "/private/comment",
                Some("My new comment across\r\ntwo lines.\r\n")
            )),
        })
    );
    assert_eq!(
        Command::parse(b"a SETMETADATA INBOX (/private/comment NIL)\r\n")
            .unwrap()
            .body,
        CommandBody::Metadata(MetadataCommand::SetMetadata {
            mailbox: Mailbox::Inbox,
            values: NonEmptyList::one(ev("/private/comment", None)),
        })
    );
    let Response::Tagged(t) =
        Response::parse(b"a NO [METADATA TOOMANY] SETMETADATA failed\r\n").unwrap()
    else {
        panic!()
    };
    assert_eq!(t.text.code(), Some(&Code::Metadata(MetadataCode::TooMany)));
    // §4.4.2: unsolicited, entry names only.
    assert_eq!(
        data(b"* METADATA \"INBOX\" /shared/comment /private/comment\r\n"),
        Data::Metadata(MetadataData {
            mailbox: Mailbox::Inbox,
            items: MetadataItems::Entries(entries(&["/shared/comment", "/private/comment"])),
        })
    );
}

#[test]
fn metadata_known_answers() {
    let v = assert_reparses!(MetadataValue, b"~{3}\r\na\0b");
    assert_eq!(v, MetadataValue::Literal8(Literal8::new(&b"a\0b"[..])));
    assert_reparses!(GetMetadataOption, b"depth INFINITY");
    assert_eq!(
        crate::to_vec(&GetMetadataOption::parse(b"depth INFINITY").unwrap()),
        b"DEPTH infinity"
    );
    assert!(matches!(
        GetMetadataOption::parse(b"DEPTH 2").unwrap(),
        GetMetadataOption::Ext(_)
    ));
    assert!(GetMetadataOption::parse(b"DEPTH infinite").is_err());
    assert!(matches!(
        GetMetadataOption::parse(b"X-OPT (a b)").unwrap(),
        GetMetadataOption::Ext(_)
    ));
    // One entry is written bare, several in parentheses.
    let c = assert_reparses!(Command, b"a1 getmetadata INBOX (/a)\r\n");
    assert_eq!(crate::to_vec(&c), b"a1 GETMETADATA INBOX /a\r\n");
    // Options first, as the grammar has them.
    assert_reparses!(
        Command,
        b"a1 GETMETADATA (DEPTH infinity MAXSIZE 5) \"\" (/a /b)\r\n"
    );
    for bad in [
        &b"a1 GETMETADATA INBOX\r\n"[..],
        b"a1 GETMETADATA INBOX /a /b\r\n",
        b"a1 GETMETADATA INBOX ()\r\n",
        b"a1 SETMETADATA INBOX ()\r\n",
        b"a1 SETMETADATA INBOX (/a)\r\n",
        b"a1 SETMETADATA INBOX /a \"v\"\r\n",
        b"a1 GETMETADATA (MAXSIZE 5) (DEPTH 1) INBOX /a\r\n",
    ] {
        assert!(
            Command::parse_with(bad, &crate::config::ParseConfig::strict()).is_err(),
            "{:?}",
            bstr::BStr::new(bad)
        );
    }
    assert!(MetadataData::parse(b"METADATA INBOX ()").is_err());
    assert!(MetadataData::parse(b"METADATA INBOX").is_err());
    assert!(MetadataCode::parse(b"METADATA LONGENTRIES").is_err());
    // A METADATA code of another form is kept raw.
    let Response::Tagged(t) = Response::parse(b"a NO [METADATA XFOO] x\r\n").unwrap() else {
        panic!()
    };
    assert!(matches!(t.text.code(), Some(Code::Other(_))));
}

#[test]
fn setmetadata_literals_are_framed() {
    use crate::framing::Role;
    let bytes = b"a SETMETADATA INBOX (/a {2}\r\nxy /b ~{1}\r\n\0)\r\n";
    let (msgs, announced) = crate::testing::examples::framed(Role::Commands, bytes);
    let announced: alloc::vec::Vec<(u64, bool)> =
        announced.iter().map(|(n, k)| (*n, k.binary)).collect();
    assert_eq!(announced, [(2, false), (1, true)]);
    assert_eq!(msgs, [bytes.to_vec()]);
    let c = assert_reparses!(Command, bytes);
    let CommandBody::Metadata(MetadataCommand::SetMetadata { values, .. }) = c.body else {
        panic!()
    };
    assert_eq!(
        values.iter().nth(1).unwrap().value,
        MetadataValue::Literal8(Literal8::new(&b"\0"[..]))
    );
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_metadata_values_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};
    let mut kinds = alloc::collections::BTreeSet::new();
    for buf in crate::testing::random_buffers(3000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = MetadataCommand::arbitrary(&mut u) {
            kinds.insert(v.name());
            assert_round_trip!(MetadataCommand, v);
        }
        if let Ok(v) = MetadataData::arbitrary(&mut u) {
            assert_round_trip!(MetadataData, v);
        }
        if let Ok(v) = MetadataCode::arbitrary(&mut u) {
            assert_round_trip!(Code, Code::Metadata(v));
        }
        if let Ok(v) = GetMetadataOption::arbitrary(&mut u) {
            assert_round_trip!(GetMetadataOption, v);
        }
    }
    assert_eq!(kinds.len(), 2);
}
