//! Strategies, known answers and round trips for FETCH responses and the other untagged data.

use alloc::borrow::{Cow, ToOwned};
use alloc::format;
use alloc::vec;
use alloc::vec::Vec;
use core::num::NonZeroU32;

use proptest::prelude::*;

use crate::error::ErrorKind;
use crate::parse::Parse;
use crate::testing::body::body;
use crate::testing::datetime::date_time;
use crate::testing::envelope::{envelope, nstring};
use crate::testing::esearch::{esearch_data, search_data};
use crate::testing::fetch::{section, section_part};
use crate::testing::flag::flag_list;
use crate::testing::listing::mailbox_list;
use crate::testing::mailbox_data::{enabled_data, namespace_data};
use crate::testing::status::status_data;
use crate::testing::{assert_reparses, assert_round_trip, config};
use crate::types::list::List;
use crate::types::message::{BinaryData, MessageAttribute, OtherAttribute};
use crate::types::primitive::{Atom, Literal8, Number64};
use crate::types::response::{Data, DataOther, Response, Untagged};

fn nz() -> impl Strategy<Value = NonZeroU32> {
    (1u32..).prop_map(|n| NonZeroU32::new(n).unwrap())
}

/// Every FETCH item, the extensions' items weighted by their number so each variant is as
/// likely as another.
pub(crate) fn message_attribute() -> impl Strategy<Value = MessageAttribute<'static>> {
    prop_oneof![
        16 => base_message_attribute(),
        9 => crate::testing::fetch_ext::message_attribute_ext(),
    ]
}

/// The items of RFC 9051 and RFC 3501, and unknown items.
fn base_message_attribute() -> impl Strategy<Value = MessageAttribute<'static>> {
    prop_oneof![
        flag_list().prop_map(MessageAttribute::Flags),
        envelope().prop_map(MessageAttribute::Envelope),
        date_time().prop_map(MessageAttribute::InternalDate),
        (0u64..=i64::MAX as u64)
            .prop_map(|n| MessageAttribute::Rfc822Size(Number64::new(n).unwrap())),
        body().prop_map(MessageAttribute::Body),
        body().prop_map(MessageAttribute::BodyStructure),
        (section(), proptest::option::of(any::<u32>()), nstring()).prop_map(
            |(section, origin, data)| MessageAttribute::BodySection {
                section,
                origin,
                data
            }
        ),
        (proptest::option::of(section_part()), nstring()).prop_map(|(part, d)| {
            MessageAttribute::Binary {
                part,
                data: BinaryData::NString(d),
            }
        }),
        (
            proptest::option::of(section_part()),
            proptest::collection::vec(any::<u8>(), 0..20)
        )
            .prop_map(|(part, d)| MessageAttribute::Binary {
                part,
                data: BinaryData::Literal8(Literal8::new(d))
            }),
        (proptest::option::of(section_part()), any::<u32>())
            .prop_map(|(part, size)| MessageAttribute::BinarySize { part, size }),
        nz().prop_map(MessageAttribute::Uid),
        nstring().prop_map(MessageAttribute::Rfc822),
        nstring().prop_map(MessageAttribute::Rfc822Header),
        nstring().prop_map(MessageAttribute::Rfc822Text),
        other_attribute().prop_map(MessageAttribute::Other),
    ]
}

/// An item of a name no variant has, with a value of each form an unknown item may take.
fn other_attribute() -> impl Strategy<Value = OtherAttribute<'static>> {
    let value = proptest::sample::select(vec![
        "0",
        "4294967296",
        "NIL",
        "\"quoted\"",
        "(a (b c) \"d\" NIL)",
        "{3}\r\nx\ny",
        "~{2}\r\n\0\x01",
    ]);
    (0u16..1000, value).prop_map(|(n, v)| OtherAttribute {
        name: Atom::new(format!("X{n}")).unwrap(),
        value: Cow::Borrowed(v.as_bytes()),
    })
}

/// Untagged data of a kind no variant has.
fn data_other() -> impl Strategy<Value = DataOther<'static>> {
    let rest = proptest::sample::select(vec![
        "",
        " word",
        " 12 (a b)",
        " \\Flag \"quoted text\" NIL",
    ]);
    (proptest::option::of(any::<u32>()), 0u16..1000, rest).prop_map(|(number, n, rest)| DataOther {
        number,
        name: Atom::new(format!("X{n}")).unwrap(),
        rest: Cow::Borrowed(rest.as_bytes()),
    })
}

pub(crate) fn data() -> impl Strategy<Value = Data<'static>> {
    prop_oneof![
        (nz(), proptest::collection::vec(message_attribute(), 1..4)).prop_map(|(seq, items)| {
            Data::Fetch {
                seq,
                items: List::from(items),
            }
        }),
        mailbox_list().prop_map(Data::List),
        mailbox_list().prop_map(Data::Lsub),
        status_data().prop_map(Data::Status),
        search_data().prop_map(Data::Search),
        esearch_data().prop_map(Data::ESearch),
        namespace_data().prop_map(Data::Namespace),
        enabled_data().prop_map(Data::Enabled),
        data_other().prop_map(Data::Other),
        (any::<bool>(), crate::testing::sequence::sequence_set()).prop_map(|(earlier, uids)| {
            Data::Vanished(crate::types::condstore::VanishedData { earlier, uids })
        }),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn message_attribute_round_trips(v in message_attribute()) {
        assert_round_trip!(MessageAttribute, v);
    }

    #[test]
    fn untagged_data_round_trips(d in data()) {
        assert_round_trip!(Response, Response::Untagged(Untagged::Data(d)));
    }
}

#[test]
fn rfc_fetch_responses() {
    // RFC 9051 §7.5.2, §8; RFC 3501 §8.
    let cases: &[&[u8]] = &[
        b"* 23 FETCH (FLAGS (\\Seen) RFC822.SIZE 44827)\r\n",
        b"* 12 FETCH (FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" RFC822.SIZE 4286 ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev2 WG mtg summary and minutes\" ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((NIL NIL \"imap\" \"cac.washington.edu\")) ((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) NIL NIL \"<B27397-0100000@cac.washington.edu>\") BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92))\r\n",
        b"* 12 FETCH (BODY[HEADER] {342}\r\nDate: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\r\nFrom: Terry Gray <gray@cac.washington.edu>\r\nSubject: IMAP4rev2 WG mtg summary and minutes\r\nTo: imap@cac.washington.edu\r\ncc: minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>\r\nMessage-Id: <B27397-0100000@cac.washington.edu>\r\nMIME-Version: 1.0\r\nContent-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n\r\n)\r\n",
        b"* 14 FETCH (FLAGS (\\Seen \\Deleted))\r\n",
        b"* 4 FETCH (UID 4827313 BODY[1.2.MIME]<0> \"abc\" BINARY[1] ~{3}\r\na\0b BINARY.SIZE[1] 3)\r\n",
        b"* 2 FETCH (RFC822.HEADER NIL RFC822.TEXT \"x\" RFC822 {1}\r\ny)\r\n",
        b"* 1 FETCH (X-GM-LABELS (\\Inbox \"Sent Mail\") X-GM-MSGID 1278455344230334865 MODSEQ (12) UID 7)\r\n",
        b"* LIST (\\Noselect) \"/\" ~/Mail/foo\r\n",
        b"* LSUB () \".\" #news.comp.mail.misc\r\n",
        b"* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)\r\n",
        b"* SEARCH 2 3 6\r\n",
        b"* SEARCH\r\n",
        b"* ESEARCH (TAG \"A282\") MIN 2 COUNT 3\r\n",
        b"* ESEARCH (TAG \"T7\") UID\r\n",
        b"* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n",
        b"* ENABLED CONDSTORE QRESYNC\r\n",
    ];
    for bytes in cases {
        assert_reparses!(Response, bytes);
    }
    let r = Response::parse(cases[2]).unwrap();
    let Response::Untagged(Untagged::Data(Data::Fetch { seq, items })) = r else {
        panic!()
    };
    assert_eq!(seq.get(), 12);
    let items: Vec<_> = items.iter().collect();
    let MessageAttribute::BodySection { data, .. } = &items[0] else {
        panic!()
    };
    assert_eq!(data.as_bytes().unwrap().len(), 342);
    let r = Response::parse(cases[6]).unwrap();
    let Response::Untagged(Untagged::Data(Data::Fetch { items, .. })) = r else {
        panic!()
    };
    let names: Vec<_> = items
        .iter()
        .map(|i| match i {
            MessageAttribute::GmLabels(_) => "X-GM-LABELS".to_owned(),
            MessageAttribute::GmMsgId(_) => "X-GM-MSGID".to_owned(),
            MessageAttribute::ModSeq(_) => "MODSEQ".to_owned(),
            MessageAttribute::Uid(_) => "UID".to_owned(),
            _ => "?".to_owned(),
        })
        .collect();
    assert_eq!(names, ["X-GM-LABELS", "X-GM-MSGID", "MODSEQ", "UID"]);
}

#[test]
fn invalid_fetch_responses() {
    let bad: &[(&[u8], usize, ErrorKind)] = &[
        (b"* 1 FETCH ()\r\n", 11, ErrorKind::Expected("msg-att")),
        (
            b"* 0 FETCH (UID 1)\r\n",
            2,
            ErrorKind::Expected("nz-number"),
        ),
        (
            b"* 1 FETCH (UID 0)\r\n",
            15,
            ErrorKind::Expected("nz-number"),
        ),
        (b"* 1 FETCH (UID 1 )\r\n", 16, ErrorKind::Expected("\")\"")),
        (
            b"* 1 FETCH (BODY[] )\r\n",
            18,
            ErrorKind::Expected("string"),
        ),
        (
            b"* 1 FETCH (FLAGS \\Seen)\r\n",
            17,
            ErrorKind::Expected("\"(\""),
        ),
    ];
    let wrong: Vec<_> = bad
        .iter()
        .filter_map(|(input, offset, kind)| {
            let e = Response::parse_with(input, &crate::ParseConfig::strict()).unwrap_err();
            ((e.offset, e.kind) != (*offset, *kind)).then(|| (bstr::BStr::new(*input), e))
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:?}");
}

#[test]
fn unknown_items_keep_the_configured_depth_limit() {
    // An unknown item whose name starts like RFC822 goes through the same depth limit.
    let cfg = crate::ParseConfig::default().with_max_depth(3);
    let deep = b"* 1 FETCH (RFC822X (((x))))\r\n";
    assert_eq!(
        Response::parse_with(deep, &cfg).unwrap_err().kind,
        ErrorKind::TooDeep
    );
    let shallow = b"* 1 FETCH (RFC822X ((x)))\r\n";
    assert!(Response::parse_with(shallow, &cfg).is_ok());
}
