//! Strategies, known answers and round trips for what STORE changes: the flags
//! (`store-att-flags`) or Gmail's labels (`+X-GM-LABELS`, X-GM-EXT-1), with the Gmail
//! examples.

use alloc::vec::Vec;

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::parse::Parse;
use crate::testing::command::{store_action, store_att_flags};
use crate::testing::examples::{check_examples, examples};
use crate::testing::fetch_ext::gm_label;
use crate::testing::{assert_reparses, assert_round_trip, config, round_trip_owned};
use crate::types::command::{
    Command, CommandBody, StoreAction, StoreAtt, StoreAttFlags, StoreAttLabels, StoreFlags,
    StoreLabels,
};
use crate::types::fetch_ext::GmLabel;
use crate::types::flag::Flag;
use crate::types::list::List;

pub(crate) fn store_labels() -> impl Strategy<Value = StoreLabels<'static>> {
    prop_oneof![
        proptest::collection::vec(gm_label(), 0..5).prop_map(|v| StoreLabels::List(List::from(v))),
        (gm_label(), proptest::collection::vec(gm_label(), 0..5)).prop_map(|(first, rest)| {
            StoreLabels::Bare {
                first,
                rest: List::from(rest),
            }
        }),
    ]
}

pub(crate) fn store_att_labels() -> impl Strategy<Value = StoreAttLabels<'static>> {
    (store_action(), any::<bool>(), store_labels()).prop_map(|(action, silent, labels)| {
        StoreAttLabels {
            action,
            silent,
            labels,
        }
    })
}

/// What a STORE changes: flags, or Gmail labels.
pub(crate) fn store_att() -> impl Strategy<Value = StoreAtt<'static>> {
    prop_oneof![
        2 => store_att_flags().prop_map(StoreAtt::Flags),
        1 => store_att_labels().prop_map(StoreAtt::GmLabels),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn store_att_round_trips(v in store_att()) {
        assert_round_trip!(StoreAtt, v.clone());
        if let StoreAtt::GmLabels(l) = v {
            assert_round_trip!(StoreAttLabels, l.clone());
            assert_round_trip!(StoreLabels, l.labels);
        }
    }
}

fn label(s: &str) -> GmLabel<'static> {
    GmLabel::new(s.as_bytes().to_vec()).unwrap()
}

/// The STORE of `line`, which must read back equal after serializing.
fn store(line: &[u8]) -> (bool, StoreAtt<'static>) {
    let c = assert_reparses!(Command, line);
    let CommandBody::Store { uid, att, .. } = c.body else {
        panic!("not a STORE: {c:?}")
    };
    (uid, crate::owned::IntoStatic::into_static(att))
}

#[test]
fn label_stores_have_their_values() {
    use StoreAction::{Add, Remove, Replace};
    // Google's X-GM-LABELS example.
    let (uid, att) = store(b"a011 STORE 1 +X-GM-LABELS (foo)\r\n");
    assert!(!uid);
    assert_eq!(att, StoreAttLabels::new(Add, [label("foo")]).into());
    assert!(att.as_flags().is_none());
    assert_eq!(att.action(), Add);
    // System labels as backslash atoms, quoted labels with spaces, `.SILENT`, any case.
    let (uid, att) = store(b"a1 uid store 5 -x-gm-labels.silent (\\Important \"My Work\")\r\n");
    assert!(uid);
    assert!(att.is_silent());
    let labels = att.as_labels().unwrap();
    assert_eq!(labels.action, Remove);
    assert_eq!(
        labels.labels.to_vec(),
        [label("\\Important"), label("My Work")]
    );
    // A quoted system label is the same label as the bare one.
    assert_eq!(
        store(b"a2 STORE 1 X-GM-LABELS \"\\\\Inbox\" foo\r\n").1,
        store(b"a2 STORE 1 X-GM-LABELS \\Inbox foo\r\n").1
    );
    // Bare labels keep their form; an empty list replaces all labels.
    let (_, att) = store(b"a3 STORE 1:3 X-GM-LABELS \\Inbox foo\r\n");
    let StoreAtt::GmLabels(l) = &att else {
        panic!()
    };
    assert_eq!(l.action, Replace);
    assert!(!l.labels.is_parenthesized());
    assert_eq!(l.labels.to_vec(), [label("\\Inbox"), label("foo")]);
    let (_, att) = store(b"a4 STORE 1 X-GM-LABELS ()\r\n");
    assert_eq!(att.as_labels().unwrap().labels.to_vec(), Vec::new());
    // Labels are written canonically: the system label bare, others as astrings.
    let cmd = Command::parse(b"a5 STORE 1 +X-GM-LABELS (\"\\\\Sent\" {3}\r\na b)\r\n").unwrap();
    assert_eq!(
        crate::to_vec(&cmd),
        b"a5 STORE 1 +X-GM-LABELS (\\Sent \"a b\")\r\n"
    );
}

#[test]
fn flag_stores_are_unchanged() {
    let (_, att) = store(b"a STORE 2:4 +FLAGS.SILENT (\\Deleted)\r\n");
    let flags = att.as_flags().unwrap();
    assert_eq!(flags.action, StoreAction::Add);
    assert!(flags.silent);
    assert_eq!(flags.flags.to_vec(), [Flag::Deleted]);
    assert!(att.as_labels().is_none());
    // A label that looks like a flag is still a label, and the reverse.
    let (_, att) = store(b"a STORE 1 X-GM-LABELS \\Seen\r\n");
    assert!(matches!(att, StoreAtt::GmLabels(_)));
    let (_, att) = store(b"a STORE 1 FLAGS \\Seen\r\n");
    assert_eq!(
        att,
        StoreAtt::Flags(StoreAttFlags {
            action: StoreAction::Replace,
            silent: false,
            flags: StoreFlags::bare([Flag::Seen]).unwrap(),
        })
    );
    round_trip_owned(StoreAction::Remove);
}

#[test]
fn malformed_label_stores_fail() {
    for bad in [
        &b"a STORE 1 +X-GM-LABELS\r\n"[..],
        b"a STORE 1 +X-GM-LABELS \r\n",
        b"a STORE 1 +X-GM-LABELS (foo\r\n",
        b"a STORE 1 +X-GM-LABELS (foo  bar)\r\n",
        b"a STORE 1 +X-GM-LABEL (foo)\r\n",
        b"a STORE 1 +X-GM-LABELS.LOUD (foo)\r\n",
        b"a STORE 1 *X-GM-LABELS (foo)\r\n",
        b"a STORE 1 +X-GM-LABELS \\ foo\r\n",
        b"a STORE 1 X-GM-LABELS (\"unterminated)\r\n",
    ] {
        assert!(
            Command::parse_with(bad, &ParseConfig::strict()).is_err(),
            "{:?}",
            bstr::BStr::new(bad)
        );
    }
}

#[test]
fn gmail_examples() {
    assert_eq!(check_examples(examples!("gmail-x-gm-ext-1.imap")), 43);
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_label_stores_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};

    let mut labels = 0;
    for buf in crate::testing::random_buffers(4000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = StoreAtt::arbitrary(&mut u) {
            labels += usize::from(matches!(v, StoreAtt::GmLabels(_)));
            assert_round_trip!(StoreAtt, v);
        }
        if let Ok(v) = StoreAttLabels::arbitrary(&mut u) {
            assert_round_trip!(StoreAttLabels, v);
        }
    }
    assert!(labels > 100, "{labels} label stores generated");
}

#[test]
fn label_literals_frame() {
    use crate::framing::Role;

    let input = b"a1 STORE 1 +X-GM-LABELS ({3}\r\na b \\Inbox)\r\n\
                  a2 UID STORE 2 X-GM-LABELS {4+}\r\nc\r\nd {1}\r\ne\r\n";
    let (messages, announced) = crate::testing::examples::framed(Role::Commands, input);
    let lengths: Vec<u64> = announced.iter().map(|(n, _)| *n).collect();
    assert_eq!(lengths, [3, 4, 1]);
    assert_eq!(messages.len(), 2);
    let first = Command::parse(&messages[0]).unwrap();
    let CommandBody::Store { att, .. } = &first.body else {
        panic!("{first:?}")
    };
    assert_eq!(
        att.as_labels().unwrap().labels.to_vec(),
        [label("a b"), label("\\Inbox")]
    );
    let second = Command::parse(&messages[1]).unwrap();
    let CommandBody::Store { att, .. } = &second.body else {
        panic!("{second:?}")
    };
    assert_eq!(
        att.as_labels().unwrap().labels.to_vec(),
        [label("c\r\nd"), label("e")]
    );
}
