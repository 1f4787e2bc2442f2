//! Known answers and properties of CREATE's `USE (...)` parameter (RFC 6154 §3).

use alloc::vec;
use alloc::vec::Vec;

use proptest::prelude::*;

use crate::owned::IntoStatic;
use crate::parse::Parse;
use crate::testing::config;
use crate::testing::examples::{check_examples, examples};
use crate::testing::listing::mailbox_attribute;
use crate::transcript::{Direction, Transcript};
use crate::types::command::{Command, CommandBody};
use crate::types::extension::ExtParam;
use crate::types::listing::MailboxAttribute;

proptest! {
    #![proptest_config(config())]

    #[test]
    fn built_use_reads_back(attrs in prop::collection::vec(mailbox_attribute(), 0..6)) {
        let p = ExtParam::special_use(attrs.clone());
        let read = p.use_attributes().expect("named USE").expect("well formed");
        prop_assert_eq!(read.to_vec(), attrs.clone());
        // As a CREATE parameter on the wire, and back.
        let bytes = crate::to_vec(&Command::new(
            crate::types::primitive::Tag::unvalidated("t"),
            CommandBody::Create {
                mailbox: crate::types::mailbox::Mailbox::Inbox,
                params: [p].into_iter().collect(),
            },
        ));
        let cmd = Command::parse(&bytes).unwrap();
        let CommandBody::Create { params, .. } = &cmd.body else { panic!() };
        let again = params.iter().next().unwrap();
        prop_assert_eq!(again.use_attributes().unwrap().unwrap().to_vec(), attrs);
    }
}

/// The `USE` attributes of the CREATE commands in the RFC's examples.
#[test]
fn rfc_6154_creates_read_typed() {
    let file = examples!("rfc6154.imap");
    assert_eq!(check_examples(file), 51);
    let t = Transcript::parse(file).unwrap();
    let mut seen: Vec<Vec<MailboxAttribute<'static>>> = Vec::new();
    for r in t
        .records()
        .iter()
        .filter(|r| r.direction == Direction::Client)
    {
        let cmd = Command::parse(r.bytes).unwrap();
        if let CommandBody::Create { params, .. } = &cmd.body {
            for p in params.iter() {
                if let Some(attrs) = p.use_attributes() {
                    seen.push(
                        attrs
                            .expect("well formed")
                            .iter()
                            .map(IntoStatic::into_static)
                            .collect(),
                    );
                }
            }
        }
    }
    assert_eq!(
        seen,
        [
            vec![MailboxAttribute::Drafts, MailboxAttribute::Sent],
            vec![MailboxAttribute::All],
        ]
    );
}

#[test]
fn other_and_malformed_params() {
    fn attrs(bytes: &[u8]) -> Option<Option<Vec<MailboxAttribute<'static>>>> {
        let p = ExtParam::parse(bytes).unwrap();
        p.use_attributes()
            .map(|a| a.map(|l| l.iter().map(IntoStatic::into_static).collect()))
    }
    assert_eq!(attrs(b"FOO (\\Drafts)"), None);
    // The label is case-insensitive; an empty list is allowed.
    assert_eq!(attrs(b"use ()"), Some(Some(vec![])));
    // Not `"\" atom` attributes, or no list at all.
    assert_eq!(attrs(b"USE (Drafts)"), Some(None));
    assert_eq!(attrs(b"USE 5"), Some(None));
    assert_eq!(attrs(b"USE"), Some(None));
    // An unknown attribute is kept as an extension.
    let ext = attrs(b"USE (\\Receipts)").unwrap().unwrap();
    assert!(matches!(ext[0], MailboxAttribute::Extension(_)));
}
