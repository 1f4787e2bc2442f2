//! Strategies, known answers and round trips for STATUS.

use alloc::vec;
use core::num::NonZeroU32;

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::error::ErrorKind;
use crate::parse::Parse;
use crate::testing::assert_round_trip;
use crate::testing::mailbox::mailbox_utf7;
use crate::testing::tagged_ext::{bad, encode_configs, kat, noise, tagged_ext_value};
use crate::types::list::{List, NonEmptyList};
use crate::types::mailbox::Mailbox;
use crate::types::primitive::Number64;
use crate::types::status::{
    ObjectId, STATUS_NAMES, StatusArguments, StatusAttribute, StatusAttributeExtension, StatusData,
    StatusItem,
};
use crate::types::tagged_ext::TaggedExtValue;

pub(crate) fn status_attribute_extension()
-> impl Strategy<Value = StatusAttributeExtension<'static>> {
    "[A-Za-z._-][A-Za-z0-9._:-]{0,12}".prop_map(|s| {
        StatusAttributeExtension::new(s.clone())
            .unwrap_or_else(|_| StatusAttributeExtension::new(alloc::format!("{s}X")).unwrap())
    })
}

pub(crate) fn status_attribute() -> impl Strategy<Value = StatusAttribute<'static>> {
    prop_oneof![
        4 => proptest::sample::select(&STATUS_NAMES[..])
            .prop_map(|n| StatusAttribute::known(n.as_bytes()).unwrap()),
        1 => status_attribute_extension().prop_map(StatusAttribute::Extension),
    ]
}

pub(crate) fn objectid() -> impl Strategy<Value = ObjectId<'static>> {
    "[A-Za-z0-9_-]{1,255}".prop_map(|s| ObjectId::new(s).unwrap())
}

fn nz() -> impl Strategy<Value = NonZeroU32> {
    (1..=u32::MAX).prop_map(|n| NonZeroU32::new(n).unwrap())
}

fn n64() -> impl Strategy<Value = Number64> {
    (0..=i64::MAX as u64).prop_map(|n| Number64::new(n).unwrap())
}

pub(crate) fn status_item() -> impl Strategy<Value = StatusItem<'static>> {
    prop_oneof![
        any::<u32>().prop_map(StatusItem::Messages),
        nz().prop_map(StatusItem::UidNext),
        nz().prop_map(StatusItem::UidValidity),
        any::<u32>().prop_map(StatusItem::Unseen),
        any::<u32>().prop_map(StatusItem::Deleted),
        n64().prop_map(StatusItem::Size),
        any::<u32>().prop_map(StatusItem::Recent),
        proptest::option::of(any::<u32>()).prop_map(StatusItem::AppendLimit),
        n64().prop_map(StatusItem::HighestModSeq),
        objectid().prop_map(StatusItem::MailboxId),
        n64().prop_map(StatusItem::DeletedStorage),
        (status_attribute_extension(), tagged_ext_value())
            .prop_map(|(n, v)| StatusItem::Extension(n, v)),
    ]
}

pub(crate) fn status_data() -> impl Strategy<Value = StatusData<'static>> {
    (
        mailbox_utf7(),
        proptest::collection::vec(status_item(), 0..6),
    )
        .prop_map(|(m, v)| StatusData {
            mailbox: m,
            items: List::from(v),
        })
}

pub(crate) fn status_arguments() -> impl Strategy<Value = StatusArguments<'static>> {
    (
        mailbox_utf7(),
        proptest::collection::vec(status_attribute(), 1..6),
    )
        .prop_map(|(m, v)| StatusArguments {
            mailbox: m,
            attributes: NonEmptyList::try_from(v).unwrap(),
        })
}

proptest! {
    #![proptest_config(crate::testing::tagged_ext::cases())]

    #[test]
    fn status_attribute_round_trips(v in status_attribute()) {
        assert_round_trip!(StatusAttribute, v);
    }

    #[test]
    fn status_item_round_trips(v in status_item(), enc in encode_configs()) {
        let name = v.attribute();
        assert_round_trip!(StatusItem, v.clone(), enc, &ParseConfig::default());
        let bytes = crate::to_vec(&v);
        prop_assert_eq!(StatusItem::parse(&bytes).unwrap().attribute(), name);
    }

    #[test]
    fn status_data_round_trips(v in status_data(), enc in encode_configs()) {
        assert_round_trip!(StatusData, v, enc, &ParseConfig::default());
    }

    #[test]
    fn status_arguments_round_trip(v in status_arguments(), enc in encode_configs()) {
        assert_round_trip!(StatusArguments, v, enc, &ParseConfig::default());
    }

    #[test]
    fn status_names_read_in_any_case(k in 0usize..STATUS_NAMES.len(), mask in any::<u16>()) {
        let odd: alloc::string::String = STATUS_NAMES[k]
            .chars()
            .enumerate()
            .map(|(n, c)| if mask >> (n % 16) & 1 == 1 { c.to_ascii_lowercase() } else { c })
            .collect();
        let a = StatusAttribute::parse(odd.as_bytes()).unwrap();
        prop_assert_eq!(a.name(), STATUS_NAMES[k]);
        prop_assert_eq!(crate::to_vec(&a), STATUS_NAMES[k].as_bytes());
    }

    #[test]
    fn no_input_panics_the_status_parsers(v in noise()) {
        let _ = StatusAttribute::parse(&v);
        let _ = StatusItem::parse(&v);
        let _ = StatusArguments::parse(&v);
        let mut line = b"STATUS blurdybloop ".to_vec();
        line.extend_from_slice(&v);
        if let Ok(d) = StatusData::parse(&line) {
            prop_assert_eq!(d.items.iter().count(), d.items.len());
        }
    }
}

fn mbx(name: &'static str) -> Mailbox<'static> {
    Mailbox::new(name).unwrap()
}

fn data(m: Mailbox<'static>, items: alloc::vec::Vec<StatusItem<'static>>) -> StatusData<'static> {
    StatusData {
        mailbox: m,
        items: List::from(items),
    }
}

fn nzu(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n).unwrap()
}

fn n64v(n: u64) -> Number64 {
    Number64::new(n).unwrap()
}

#[test]
fn rfc_status_examples() {
    use StatusItem::*;
    // RFC 9051 §6.3.11 and §7.3.4; RFC 3501 §6.3.10.
    kat!(
        StatusArguments,
        b"blurdybloop (UIDNEXT MESSAGES)",
        b"",
        StatusArguments {
            mailbox: mbx("blurdybloop"),
            attributes: NonEmptyList::try_from(alloc::vec![
                StatusAttribute::UidNext,
                StatusAttribute::Messages
            ])
            .unwrap()
        }
    );
    let d = StatusData::parse(b"STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)").unwrap();
    assert_eq!(
        d,
        data(
            mbx("blurdybloop"),
            alloc::vec![Messages(231), UidNext(nzu(44292))]
        )
    );
    assert_eq!(d.get(&StatusAttribute::UidNext), Some(UidNext(nzu(44292))));
    assert_eq!(d.get(&StatusAttribute::Unseen), None);
    assert_round_trip!(StatusData, d);
    // RFC 5819 §2.
    kat!(
        StatusData,
        b"STATUS \"INBOX\" (MESSAGES 17 UNSEEN 16)",
        b"",
        data(Mailbox::Inbox, alloc::vec![Messages(17), Unseen(16)])
    );
    kat!(
        StatusData,
        b"STATUS \"foo\" (MESSAGES 30 UNSEEN 29)",
        b"",
        data(mbx("foo"), alloc::vec![Messages(30), Unseen(29)])
    );
    // Every known item, the extensions' included.
    kat!(
        StatusData,
        b"STATUS Sent (UIDVALIDITY 3857529045 DELETED 0 SIZE 9223372036854775807 RECENT 2 \
          APPENDLIMIT 0 HIGHESTMODSEQ 7011231777 MAILBOXID (F2212ea87-6097-4256-9d51-71338625) \
          DELETED-STORAGE 1234 X-UNKNOWN (a 1) APPENDLIMIT NIL)",
        b"",
        data(
            mbx("Sent"),
            alloc::vec![
                UidValidity(nzu(3_857_529_045)),
                Deleted(0),
                Size(Number64::MAX),
                Recent(2),
                AppendLimit(Some(0)),
                HighestModSeq(n64v(7_011_231_777)),
                MailboxId(ObjectId::new("F2212ea87-6097-4256-9d51-71338625").unwrap()),
                DeletedStorage(n64v(1234)),
                Extension(
                    StatusAttributeExtension::new("X-UNKNOWN").unwrap(),
                    TaggedExtValue::new(&b"(a 1)"[..]).unwrap()
                ),
                AppendLimit(None),
            ]
        )
    );
    kat!(
        StatusData,
        b"STATUS blurdybloop ()",
        b"",
        data(mbx("blurdybloop"), alloc::vec![])
    );
    kat!(StatusItem, b"HIGHESTMODSEQ 0", b"", HighestModSeq(n64v(0)));
    assert_eq!(
        crate::to_vec(&StatusData::parse(b"status inbox (messages 1 uidnext 2)").unwrap()),
        b"STATUS INBOX (MESSAGES 1 UIDNEXT 2)"
    );
}

#[test]
fn invalid_status() {
    bad!(
        StatusData,
        &[
            (b"STATUS", ErrorKind::Expected("SP"), 6),
            (b"STATUS blurdybloop", ErrorKind::Expected("SP"), 18),
            (
                b"STATUS blurdybloop MESSAGES 1",
                ErrorKind::Expected("\"(\""),
                19
            ),
            (
                b"STATUS blurdybloop (MESSAGES)",
                ErrorKind::Expected("SP"),
                28
            ),
            (
                b"STATUS blurdybloop (MESSAGES -1)",
                ErrorKind::Expected("number"),
                29
            ),
            (
                b"STATUS blurdybloop (MESSAGES 4294967296)",
                ErrorKind::BadNumber,
                29
            ),
            (
                b"STATUS blurdybloop (UIDNEXT 0)",
                ErrorKind::Expected("nz-number"),
                28
            ),
            (
                b"STATUS blurdybloop (MESSAGES 1 )",
                ErrorKind::Expected("tagged-ext-label"),
                31
            ),
            (
                b"STATUS blurdybloop (MAILBOXID F1)",
                ErrorKind::Expected("\"(\""),
                30
            ),
            (
                b"STATUS blurdybloop (X-FOO bar)",
                ErrorKind::Expected("tagged-ext-val"),
                26
            ),
            (
                b"STATUS blurdybloop (1 2)",
                ErrorKind::Expected("\")\""),
                20
            ),
            (
                b"STATUS blurdybloop (MESSAGES 1) x",
                ErrorKind::Trailing,
                31
            ),
        ]
    );
    bad!(
        StatusItem,
        &[
            (b"MESSAGES -1", ErrorKind::Expected("number"), 9),
            (b"MESSAGES 4294967296", ErrorKind::BadNumber, 9),
            (b"UIDNEXT 0", ErrorKind::Expected("nz-number"), 8),
            (b"SIZE 9223372036854775808", ErrorKind::BadNumber, 5),
            (b"MAILBOXID F1", ErrorKind::Expected("\"(\""), 10),
            (b"MAILBOXID (a.b)", ErrorKind::Expected("\")\""), 12),
            (b"APPENDLIMIT NULL", ErrorKind::Expected("NIL"), 12),
            (b"X-FOO bar", ErrorKind::Expected("tagged-ext-val"), 6),
            (b"MESSAGES  1", ErrorKind::Expected("number"), 9),
        ]
    );
    bad!(
        StatusArguments,
        &[
            (
                b"blurdybloop ()",
                ErrorKind::Expected("tagged-ext-label"),
                13
            ),
            (b"blurdybloop (MESSAGES", ErrorKind::Expected("\")\""), 21),
        ]
    );
    let long = alloc::format!("MAILBOXID ({})", "a".repeat(256));
    assert_eq!(
        StatusItem::parse(long.as_bytes()).unwrap_err().kind,
        ErrorKind::TooLong
    );
    assert!(ObjectId::new("a".repeat(255)).is_ok());
    assert!(ObjectId::new("a".repeat(256)).is_err());
    assert!(ObjectId::new("").is_err());
    for known in STATUS_NAMES {
        assert!(
            StatusAttributeExtension::new(known.to_ascii_lowercase()).is_err(),
            "{known}"
        );
    }
    assert!(StatusAttributeExtension::new("1X").is_err());
    assert!(StatusAttributeExtension::parse(b"MESSAGES").is_err());
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_status_round_trips() {
    use arbitrary::{Arbitrary, Unstructured};
    for buf in crate::testing::random_buffers(4000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = StatusAttribute::arbitrary(&mut u) {
            assert_round_trip!(StatusAttribute, v);
        }
        if let Ok(v) = StatusAttributeExtension::arbitrary(&mut u) {
            assert_round_trip!(StatusAttributeExtension, v);
        }
        if let Ok(v) = ObjectId::arbitrary(&mut u) {
            assert_round_trip!(ObjectId, v);
        }
        if let Ok(v) = StatusItem::arbitrary(&mut u) {
            assert_round_trip!(StatusItem, v);
        }
        if let Ok(v) = StatusData::arbitrary(&mut u) {
            assert_round_trip!(StatusData, v);
        }
        if let Ok(v) = StatusArguments::arbitrary(&mut u) {
            assert_round_trip!(StatusArguments, v);
        }
    }
}
