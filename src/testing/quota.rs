//! Strategies, known answers and round trips for the QUOTA extension (RFC 9208).

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::parse::Parse;
use crate::testing::examples::{check_examples, examples};
use crate::testing::primitive::{astring, atom, encode_configs};
use crate::testing::{assert_reparses, assert_round_trip, config};
use crate::types::capability::Capability;
use crate::types::code::Code;
use crate::types::command::{Command, CommandBody};
use crate::types::list::List;
use crate::types::mailbox::Mailbox;
use crate::types::primitive::{AString, Number64};
use crate::types::quota::{
    QuotaCommand, QuotaData, QuotaResource, QuotaRootData, ResourceName, SetQuotaResource,
};
use crate::types::response::{Data, Response, Untagged};

fn number64() -> impl Strategy<Value = Number64> {
    prop_oneof![0u64..1000, 0..=Number64::MAX.get()].prop_map(|n| Number64::new(n).unwrap())
}

pub(crate) fn resource_name() -> impl Strategy<Value = ResourceName<'static>> {
    prop_oneof![
        Just(ResourceName::STORAGE),
        Just(ResourceName::MESSAGE),
        Just(ResourceName::MAILBOX),
        Just(ResourceName::ANNOTATION_STORAGE),
        atom().prop_map(ResourceName),
    ]
}

pub(crate) fn quota_resource() -> impl Strategy<Value = QuotaResource<'static>> {
    (resource_name(), number64(), number64()).prop_map(|(name, usage, limit)| QuotaResource {
        name,
        usage,
        limit,
    })
}

pub(crate) fn setquota_resource() -> impl Strategy<Value = SetQuotaResource<'static>> {
    (resource_name(), number64()).prop_map(|(name, limit)| SetQuotaResource { name, limit })
}

pub(crate) fn quota_command(
    mailbox: BoxedStrategy<Mailbox<'static>>,
) -> impl Strategy<Value = QuotaCommand<'static>> {
    prop_oneof![
        astring().prop_map(|root| QuotaCommand::GetQuota { root }),
        mailbox.prop_map(|mailbox| QuotaCommand::GetQuotaRoot { mailbox }),
        (
            astring(),
            proptest::collection::vec(setquota_resource(), 0..4)
        )
            .prop_map(|(root, limits)| QuotaCommand::SetQuota {
                root,
                limits: List::from(limits)
            }),
    ]
}

pub(crate) fn quota_data() -> impl Strategy<Value = QuotaData<'static>> {
    (astring(), proptest::collection::vec(quota_resource(), 0..4)).prop_map(|(root, resources)| {
        QuotaData {
            root,
            resources: List::from(resources),
        }
    })
}

pub(crate) fn quotaroot_data() -> impl Strategy<Value = QuotaRootData<'static>> {
    (
        crate::testing::mailbox::mailbox_utf7(),
        proptest::collection::vec(astring(), 0..4),
    )
        .prop_map(|(mailbox, roots)| QuotaRootData {
            mailbox,
            roots: List::from(roots),
        })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn quota_commands_round_trip(
        v in quota_command(crate::testing::mailbox::mailbox_utf7().boxed()),
        enc in encode_configs(),
    ) {
        assert_round_trip!(QuotaCommand, v.clone(), enc, &ParseConfig::default());
        let cmd = Command::new(crate::Tag::new("a1").unwrap(), CommandBody::Quota(v));
        assert_round_trip!(Command, cmd, enc, &ParseConfig::default());
    }

    #[test]
    fn quota_data_round_trips(q in quota_data(), r in quotaroot_data(), enc in encode_configs()) {
        assert_round_trip!(QuotaData, q.clone(), enc, &ParseConfig::default());
        assert_round_trip!(QuotaRootData, r.clone(), enc, &ParseConfig::default());
        assert_round_trip!(Response, Response::Untagged(Untagged::Data(Data::Quota(q))));
        assert_round_trip!(Response, Response::Untagged(Untagged::Data(Data::QuotaRoot(r))));
    }

    #[test]
    fn quota_items_round_trip(a in quota_resource(), b in setquota_resource()) {
        assert_round_trip!(QuotaResource, a.clone());
        assert_round_trip!(SetQuotaResource, b);
        assert_round_trip!(ResourceName, a.name);
    }
}

fn astr(s: &'static str) -> AString<'static> {
    AString::new(s.as_bytes()).unwrap()
}

fn n64(n: u64) -> Number64 {
    Number64::new(n).unwrap()
}

fn res(name: ResourceName<'static>, usage: u64, limit: u64) -> QuotaResource<'static> {
    QuotaResource {
        name,
        usage: n64(usage),
        limit: n64(limit),
    }
}

fn data(bytes: &[u8]) -> Data<'_> {
    match Response::parse(bytes).unwrap() {
        Response::Untagged(Untagged::Data(d)) => d,
        r => panic!("{r:?}"),
    }
}

#[test]
fn rfc9208_examples() {
    assert_eq!(check_examples(examples!("rfc9208.imap")), 30);
    // §4.1.1
    let c = Command::parse(b"G0001 GETQUOTA \"!partition/sda4\"\r\n").unwrap();
    assert_eq!(
        c.body,
        CommandBody::Quota(QuotaCommand::GetQuota {
            root: astr("!partition/sda4")
        })
    );
    assert_eq!(c.body.name(), "GETQUOTA");
    assert_eq!(
        data(b"* QUOTA \"!partition/sda4\" (STORAGE 104 10923847)\r\n"),
        Data::Quota(QuotaData {
            root: astr("!partition/sda4"),
            resources: List::from(alloc::vec![res(ResourceName::STORAGE, 104, 10_923_847)]),
        })
    );
    // §4.1.2
    let c = Command::parse(b"G0002 GETQUOTAROOT INBOX\r\n").unwrap();
    assert_eq!(
        c.body,
        CommandBody::Quota(QuotaCommand::GetQuotaRoot {
            mailbox: Mailbox::Inbox
        })
    );
    assert_eq!(
        data(b"* QUOTAROOT INBOX \"#user/alice\" \"!partition/sda4\"\r\n"),
        Data::QuotaRoot(QuotaRootData {
            mailbox: Mailbox::Inbox,
            roots: List::from(alloc::vec![astr("#user/alice"), astr("!partition/sda4")]),
        })
    );
    // §4.1.3
    let Data::Quota(q) = data(b"* QUOTA \"#user/alice\" (STORAGE 54 111 MESSAGE 42 1000)\r\n")
    else {
        panic!()
    };
    assert_eq!(
        q.resources.to_vec(),
        [
            res(ResourceName::STORAGE, 54, 111),
            res(ResourceName::MESSAGE, 42, 1000)
        ]
    );
    let c = Command::parse(b"S0001 SETQUOTA \"#user/alice\" (STORAGE 510)\r\n").unwrap();
    assert_eq!(
        c.body,
        CommandBody::Quota(QuotaCommand::SetQuota {
            root: astr("#user/alice"),
            limits: List::from(alloc::vec![SetQuotaResource {
                name: ResourceName::STORAGE,
                limit: n64(510)
            }]),
        })
    );
    // §4.2.2
    let Data::QuotaRoot(r) = data(b"* QUOTAROOT comp.mail.mime\r\n") else {
        panic!()
    };
    assert!(r.roots.is_empty());
    assert_eq!(r.mailbox.as_str(), "comp.mail.mime");
    // §4.3.1: OVERQUOTA.
    let Response::Tagged(t) = Response::parse(b"A003 NO [OVERQUOTA] APPEND Failed\r\n").unwrap()
    else {
        panic!()
    };
    assert_eq!(t.text.code(), Some(&Code::OverQuota));
    // §3.1 capabilities.
    let Data::Capability(caps) =
        data(b"* CAPABILITY IMAP4rev1 QUOTA QUOTASET QUOTA=RES-STORAGE QUOTA=RES-MESSAGE\r\n")
    else {
        panic!()
    };
    let names: alloc::vec::Vec<_> = caps
        .list()
        .iter()
        .map(|c| alloc::string::String::from_utf8(crate::to_vec(&c)).unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "IMAP4rev1",
            "QUOTA",
            "QUOTASET",
            "QUOTA=RES-STORAGE",
            "QUOTA=RES-MESSAGE"
        ]
    );
    assert!(caps.contains(&Capability::parse(b"quota=res-storage").unwrap()));
}

#[test]
fn quota_known_answers() {
    // Lower case, empty lists, 64-bit numbers.
    let c = assert_reparses!(Command, b"a1 setquota \"\" ()\r\n");
    assert_eq!(crate::to_vec(&c), b"a1 SETQUOTA \"\" ()\r\n");
    assert_reparses!(QuotaData, b"QUOTA \"\" ()");
    let q = assert_reparses!(QuotaData, b"quota x (X-FOO 9223372036854775807 0)");
    assert_eq!(
        q.resources.to_vec(),
        [res(
            ResourceName(crate::Atom::new("X-FOO").unwrap()),
            i64::MAX as u64,
            0
        )]
    );
    for bad in [
        &b"QUOTA x (STORAGE 1)"[..],
        b"QUOTA x STORAGE 1 2",
        b"QUOTA x (STORAGE 1 9223372036854775808)",
        b"QUOTA x (STORAGE 1 2 )",
        b"QUOTA (STORAGE 1 2)",
    ] {
        assert!(
            QuotaData::parse_with(bad, &crate::config::ParseConfig::strict()).is_err(),
            "{:?}",
            bstr::BStr::new(bad)
        );
    }
    for bad in [
        &b"a1 GETQUOTA\r\n"[..],
        b"a1 SETQUOTA x\r\n",
        b"a1 SETQUOTA x (STORAGE)\r\n",
        b"a1 GETQUOTAROOT\r\n",
    ] {
        assert!(
            Command::parse_with(bad, &crate::config::ParseConfig::strict()).is_err(),
            "{:?}",
            bstr::BStr::new(bad)
        );
    }
    assert!(QuotaCommand::parse(b"NOOP").is_err());
}

#[test]
fn quota_root_literals_are_framed() {
    let bytes = b"a1 GETQUOTA {3}\r\na\"b\r\n";
    let mut f = crate::framing::Framer::new(crate::framing::FramerConfig::new(
        crate::framing::Role::Commands,
    ));
    f.push(bytes);
    let mut msgs = alloc::vec::Vec::new();
    while let Some(e) = f.next_event() {
        if let crate::framing::FrameEvent::Message(m) = e {
            msgs.push(m.bytes.to_vec());
        }
    }
    assert_eq!(msgs, [bytes.to_vec()]);
    assert_reparses!(Command, bytes);
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_quota_values_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};
    let mut kinds = alloc::collections::BTreeSet::new();
    for buf in crate::testing::random_buffers(3000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = QuotaCommand::arbitrary(&mut u) {
            kinds.insert(v.name());
            assert_round_trip!(QuotaCommand, v);
        }
        if let Ok(v) = QuotaData::arbitrary(&mut u) {
            assert_round_trip!(QuotaData, v);
        }
        if let Ok(v) = QuotaRootData::arbitrary(&mut u) {
            assert_round_trip!(QuotaRootData, v);
        }
        if let Ok(v) = QuotaResource::arbitrary(&mut u) {
            assert_round_trip!(QuotaResource, v);
        }
        if let Ok(v) = SetQuotaResource::arbitrary(&mut u) {
            assert_round_trip!(SetQuotaResource, v);
        }
    }
    assert_eq!(kinds.len(), 3);
}
