//! Strategies, known answers and round trips for the ACL extension (RFC 4314).

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::parse::Parse;
use crate::testing::examples::{check_examples, examples};
use crate::testing::mailbox::mailbox_utf7;
use crate::testing::primitive::{astring, encode_configs};
use crate::testing::{assert_reparses, assert_round_trip, config};
use crate::types::acl::{AclCommand, AclData, AclEntry, ListRightsData, MyRightsData};
use crate::types::command::{Command, CommandBody};
use crate::types::list::List;
use crate::types::mailbox::Mailbox;
use crate::types::primitive::AString;
use crate::types::response::{Data, Response, Untagged};

pub(crate) fn acl_command(
    mailbox: BoxedStrategy<Mailbox<'static>>,
) -> impl Strategy<Value = AclCommand<'static>> {
    (mailbox, astring(), astring(), 0..5u8).prop_map(|(mailbox, identifier, rights, k)| match k {
        0 => AclCommand::SetAcl {
            mailbox,
            identifier,
            rights,
        },
        1 => AclCommand::DeleteAcl {
            mailbox,
            identifier,
        },
        2 => AclCommand::GetAcl { mailbox },
        3 => AclCommand::ListRights {
            mailbox,
            identifier,
        },
        _ => AclCommand::MyRights { mailbox },
    })
}

fn acl_entry() -> impl Strategy<Value = AclEntry<'static>> {
    (astring(), astring()).prop_map(|(identifier, rights)| AclEntry { identifier, rights })
}

pub(crate) fn acl_data() -> impl Strategy<Value = AclData<'static>> {
    (mailbox_utf7(), proptest::collection::vec(acl_entry(), 0..4)).prop_map(|(mailbox, entries)| {
        AclData {
            mailbox,
            entries: List::from(entries),
        }
    })
}

pub(crate) fn listrights_data() -> impl Strategy<Value = ListRightsData<'static>> {
    (
        mailbox_utf7(),
        astring(),
        astring(),
        proptest::collection::vec(astring(), 0..4),
    )
        .prop_map(|(mailbox, identifier, required, optional)| ListRightsData {
            mailbox,
            identifier,
            required,
            optional: List::from(optional),
        })
}

pub(crate) fn myrights_data() -> impl Strategy<Value = MyRightsData<'static>> {
    (mailbox_utf7(), astring()).prop_map(|(mailbox, rights)| MyRightsData { mailbox, rights })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn acl_commands_round_trip(v in acl_command(mailbox_utf7().boxed()), enc in encode_configs()) {
        assert_round_trip!(AclCommand, v.clone(), enc, &ParseConfig::default());
        let cmd = Command::new(crate::Tag::new("a1").unwrap(), CommandBody::Acl(v));
        assert_round_trip!(Command, cmd, enc, &ParseConfig::default());
    }

    #[test]
    fn acl_data_round_trips(
        a in acl_data(),
        l in listrights_data(),
        m in myrights_data(),
        enc in encode_configs(),
    ) {
        assert_round_trip!(AclData, a.clone(), enc, &ParseConfig::default());
        assert_round_trip!(ListRightsData, l.clone(), enc, &ParseConfig::default());
        assert_round_trip!(MyRightsData, m.clone(), enc, &ParseConfig::default());
        for d in [Data::Acl(a), Data::ListRights(l), Data::MyRights(m)] {
            assert_round_trip!(Response, Response::Untagged(Untagged::Data(d)));
        }
    }
}

fn astr(s: &'static str) -> AString<'static> {
    AString::new(s.as_bytes()).unwrap()
}

fn mb(s: &'static str) -> Mailbox<'static> {
    Mailbox::new(s).unwrap()
}

fn entry(identifier: &'static str, rights: &'static str) -> AclEntry<'static> {
    AclEntry {
        identifier: astr(identifier),
        rights: astr(rights),
    }
}

fn data(bytes: &[u8]) -> Data<'_> {
    match Response::parse(bytes).unwrap() {
        Response::Untagged(Untagged::Data(d)) => d,
        r => panic!("{r:?}"),
    }
}

#[test]
fn rfc4314_examples() {
    assert_eq!(check_examples(examples!("rfc4314.imap")), 33);
    // §2.1.1: command names in any case.
    let c = Command::parse(b"A001 SeTacl INBOX/Drafts David lrswida\r\n").unwrap();
    assert_eq!(
        c.body,
        CommandBody::Acl(AclCommand::SetAcl {
            mailbox: mb("INBOX/Drafts"),
            identifier: astr("David"),
            rights: astr("lrswida"),
        })
    );
    assert_eq!(
        crate::to_vec(&c),
        b"A001 SETACL INBOX/Drafts David lrswida\r\n"
    );
    assert_eq!(
        Command::parse(b"A002 SETACL INBOX/Drafts Chris +cda\r\n")
            .unwrap()
            .body,
        CommandBody::Acl(AclCommand::SetAcl {
            mailbox: mb("INBOX/Drafts"),
            identifier: astr("Chris"),
            rights: astr("+cda"),
        })
    );
    assert_eq!(
        data(b"* ACL INBOX Fred rwipslxetad -Fred wetd $team w\r\n"),
        Data::Acl(AclData {
            mailbox: Mailbox::Inbox,
            entries: List::from(alloc::vec![
                entry("Fred", "rwipslxetad"),
                entry("-Fred", "wetd"),
                entry("$team", "w"),
            ]),
        })
    );
    assert_eq!(
        Command::parse(b"B002 DeleteAcl INBOX Fred\r\n")
            .unwrap()
            .body,
        CommandBody::Acl(AclCommand::DeleteAcl {
            mailbox: Mailbox::Inbox,
            identifier: astr("Fred"),
        })
    );
    // §3.4
    assert_eq!(
        Command::parse(b"a001 LISTRIGHTS ~/Mail/saved smith\r\n")
            .unwrap()
            .body,
        CommandBody::Acl(AclCommand::ListRights {
            mailbox: mb("~/Mail/saved"),
            identifier: astr("smith"),
        })
    );
    assert_eq!(
        data(b"* LISTRIGHTS ~/Mail/saved smith la r swicdkxte\r\n"),
        Data::ListRights(ListRightsData {
            mailbox: mb("~/Mail/saved"),
            identifier: astr("smith"),
            required: astr("la"),
            optional: List::from(alloc::vec![astr("r"), astr("swicdkxte")]),
        })
    );
    let Data::ListRights(l) =
        data(b"* LISTRIGHTS archive/imap anyone \"\" lr s w i p k x t c d\r\n")
    else {
        panic!()
    };
    assert_eq!((l.required.as_bytes(), l.optional.len()), (&b""[..], 10));
    // §3.5
    assert_eq!(
        Command::parse(b"A003 MYRIGHTS INBOX\r\n").unwrap().body,
        CommandBody::Acl(AclCommand::MyRights {
            mailbox: Mailbox::Inbox
        })
    );
    assert_eq!(
        data(b"* MYRIGHTS INBOX rwiptsldaex\r\n"),
        Data::MyRights(MyRightsData {
            mailbox: Mailbox::Inbox,
            rights: astr("rwiptsldaex"),
        })
    );
    assert_eq!(
        Command::parse(b"A002 getacl INBOX/Drafts\r\n")
            .unwrap()
            .body,
        CommandBody::Acl(AclCommand::GetAcl {
            mailbox: mb("INBOX/Drafts")
        })
    );
}

#[test]
fn acl_known_answers() {
    let a = assert_reparses!(AclData, b"ACL \"a b\"");
    assert!(a.entries.is_empty());
    assert_eq!(
        crate::to_vec(&assert_reparses!(AclData, b"acl x {4}\r\nfr d lr")),
        b"ACL x \"fr d\" lr"
    );
    for bad in [
        &b"ACL x fred"[..],
        b"ACL x fred lr ",
        b"ACL",
        b"ACL x fred lr bob",
    ] {
        assert!(
            AclData::parse_with(bad, &crate::config::ParseConfig::strict()).is_err(),
            "{:?}",
            bstr::BStr::new(bad)
        );
    }
    assert!(ListRightsData::parse(b"LISTRIGHTS x y").is_err());
    assert!(MyRightsData::parse(b"MYRIGHTS x").is_err());
    for bad in [
        &b"a1 SETACL x y\r\n"[..],
        b"a1 GETACL x y\r\n",
        b"a1 DELETEACL x\r\n",
        b"a1 MYRIGHTS\r\n",
    ] {
        assert!(
            Command::parse_with(bad, &crate::config::ParseConfig::strict()).is_err(),
            "{:?}",
            bstr::BStr::new(bad)
        );
    }
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_acl_values_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};
    let mut kinds = alloc::collections::BTreeSet::new();
    for buf in crate::testing::random_buffers(3000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = AclCommand::arbitrary(&mut u) {
            kinds.insert(v.name());
            assert_round_trip!(AclCommand, v);
        }
        if let Ok(v) = AclData::arbitrary(&mut u) {
            assert_round_trip!(AclData, v);
        }
        if let Ok(v) = ListRightsData::arbitrary(&mut u) {
            assert_round_trip!(ListRightsData, v);
        }
        if let Ok(v) = MyRightsData::arbitrary(&mut u) {
            assert_round_trip!(MyRightsData, v);
        }
        if let Ok(v) = AclEntry::arbitrary(&mut u) {
            assert_round_trip!(AclEntry, v);
        }
    }
    assert_eq!(kinds.len(), 5);
}
