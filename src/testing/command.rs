//! Strategies and round-trip properties for the client's commands and other lines; the
//! known answers (RFC examples, real sessions, invalid inputs) are in `command/known.rs`.

/// `cmd!(bytes, tag, body)`: `bytes` is one whole command with tag `tag` and body `body`; its
/// serialization parses back equal. `cmd!(bytes => canonical, tag, body)` also checks the
/// serialization.
macro_rules! cmd {
    ($bytes:expr, $tag:expr, $body:expr) => {{
        let bytes: &[u8] = $bytes;
        let c =
            match <$crate::types::command::Command<'_> as $crate::parse::Parse<'_>>::parse(bytes) {
                Ok(c) => c,
                Err(e) => panic!("{:?} does not parse: {e}", bstr::BStr::new(bytes)),
            };
        assert_eq!(c.tag.as_str(), $tag, "{:?}", bstr::BStr::new(bytes));
        assert_eq!(c.body, $body, "{:?}", bstr::BStr::new(bytes));
        $crate::testing::assert_round_trip!(Command, c.clone());
        c
    }};
    ($bytes:expr => $canonical:expr, $tag:expr, $body:expr) => {{
        let c = cmd!($bytes, $tag, $body);
        let want: &[u8] = $canonical;
        assert_eq!(bstr::BStr::new(&$crate::to_vec(&c)), bstr::BStr::new(want));
    }};
}

mod edge;
mod known;
mod query;

use alloc::vec;
use alloc::vec::Vec;

use proptest::prelude::*;

use crate::testing::primitive::encode_configs;

use crate::config::ParseConfig;
use crate::parse::Parse;
use crate::serialize::{EncodeConfig, Encoder};
use crate::testing::datetime::date_time;
use crate::testing::extension::{ext_param, tagged_ext};
use crate::testing::fetch::fetch_items;
use crate::testing::flag::{flag, flag_list};
use crate::testing::list_args::{list_arguments, lsub_arguments};
use crate::testing::mailbox::{mailbox_utf7, mailbox_utf8};
use crate::testing::primitive::{astring, atom, string_bytes, tag};
use crate::testing::search::search_command_args;
use crate::testing::sequence::sequence_set;
use crate::testing::status::status_arguments;
use crate::testing::{assert_round_trip, config, round_trip_owned};
use crate::types::auth::{Base64, Secret};
use crate::types::command::{
    AppendData, AppendMessage, AuthenticateResponse, Command, CommandBody, FetchModifier, IdleDone,
    OtherArgs, OtherCommand, SelectParam, StoreAction, StoreAttFlags, StoreFlags, StoreModifier,
};
use crate::types::list::{List, NonEmptyList};
use crate::types::mailbox::Mailbox;
use crate::types::primitive::{Atom, Literal, Literal8};

pub(crate) fn base64() -> impl Strategy<Value = Base64<'static>> {
    proptest::collection::vec(any::<u8>(), 0..24).prop_map(|v| Base64::encode(&v))
}

fn capability() -> impl Strategy<Value = Atom<'static>> {
    prop_oneof![
        atom(),
        proptest::sample::select(&["CONDSTORE", "IMAP4rev2", "UTF8=ACCEPT", "AUTH=PLAIN"][..])
            .prop_map(|s| Atom::new(s).unwrap()),
    ]
}

pub(crate) fn store_action() -> impl Strategy<Value = StoreAction> {
    prop_oneof![
        Just(StoreAction::Replace),
        Just(StoreAction::Add),
        Just(StoreAction::Remove)
    ]
}

pub(crate) fn store_flags() -> impl Strategy<Value = StoreFlags<'static>> {
    prop_oneof![
        flag_list().prop_map(StoreFlags::List),
        (flag(), proptest::collection::vec(flag(), 0..5)).prop_map(|(first, rest)| {
            StoreFlags::Bare {
                first,
                rest: List::from(rest),
            }
        }),
    ]
}

pub(crate) fn store_att_flags() -> impl Strategy<Value = StoreAttFlags<'static>> {
    (store_action(), any::<bool>(), store_flags()).prop_map(|(action, silent, flags)| {
        StoreAttFlags {
            action,
            silent,
            flags,
        }
    })
}

pub(crate) fn append_data() -> impl Strategy<Value = AppendData<'static>> {
    prop_oneof![
        string_bytes().prop_map(|v| AppendData::Literal(Literal::new(v).unwrap())),
        proptest::collection::vec(any::<u8>(), 0..40)
            .prop_map(|v| AppendData::Literal8(Literal8::new(v))),
        tagged_ext()
            .prop_filter("a typed form's label", |e| !["CATENATE", "UTF8"]
                .iter()
                .any(|l| e.label.as_str().eq_ignore_ascii_case(l)))
            .prop_map(AppendData::Ext),
        proptest::collection::vec(crate::testing::catenate::cat_part(), 1..4)
            .prop_map(|v| AppendData::Catenate(NonEmptyList::try_from(v).unwrap())),
        proptest::collection::vec(any::<u8>(), 0..40)
            .prop_map(|v| AppendData::Utf8(Literal8::new(v))),
    ]
}

pub(crate) fn append_message() -> impl Strategy<Value = AppendMessage<'static>> {
    (
        proptest::option::of(flag_list()),
        proptest::option::of(date_time()),
        append_data(),
    )
        .prop_map(|(flags, date, data)| AppendMessage { flags, date, data })
}

/// Arguments built from pieces: words, quoted strings, parentheses and literals of each form.
pub(crate) fn other_args() -> impl Strategy<Value = OtherArgs<'static>> {
    let piece = prop_oneof![
        atom().prop_map(|a| [b" ", a.as_bytes()].concat()),
        "[ -~]{0,8}".prop_map(|s| alloc::format!(" \"{s}\"").into_bytes()),
        Just(b" (".to_vec()),
        Just(b")".to_vec()),
        Just(b" {5}x".to_vec()),
        (
            proptest::sample::select(&["{", "~{"][..]),
            any::<bool>(),
            proptest::collection::vec(any::<u8>(), 0..12),
        )
            .prop_map(|(open, plus, mut data)| {
                if open == "{" {
                    data.retain(|&b| b != 0);
                }
                let plus = if plus { "+" } else { "" };
                let head = alloc::format!(" {open}{}{plus}}}\r\n", data.len());
                [head.into_bytes(), data].concat()
            }),
    ];
    proptest::collection::vec(piece, 0..5).prop_map(|v| {
        let mut args = v.concat();
        if args.first().is_some_and(|&b| b != b' ') {
            args.insert(0, b' ');
        }
        OtherArgs::new(args).unwrap()
    })
}

pub(crate) fn other_command() -> impl Strategy<Value = OtherCommand<'static>> {
    let name = prop_oneof![
        atom(),
        proptest::sample::select(&["UID", "XPIG-LATIN", "FETCH", "x-work", "Compress", "SORT"][..])
            .prop_map(|s| Atom::new(s).unwrap()),
    ];
    (name, other_args()).prop_filter_map("a known command", |(n, a)| OtherCommand::new(n, a).ok())
}

fn params<T: crate::types::list::ListItem<'static> + core::fmt::Debug + 'static>(
    item: impl Strategy<Value = T> + 'static,
) -> impl Strategy<Value = List<'static, T>> {
    proptest::collection::vec(item, 0..3).prop_map(List::from)
}

/// Every command, with mailbox names from `mailbox`.
pub(crate) fn command_body_with(
    mailbox: BoxedStrategy<Mailbox<'static>>,
) -> impl Strategy<Value = CommandBody<'static>> {
    use CommandBody as C;
    let mb = move || mailbox.clone();
    let select_params = || params(ext_param().prop_map(SelectParam::Ext));
    prop_oneof![
        Just(C::Capability),
        Just(C::Noop),
        Just(C::Logout),
        Just(C::StartTls),
        (atom(), proptest::option::of(base64())).prop_map(|(mechanism, r)| C::Authenticate {
            mechanism,
            initial_response: r.map(Secret::new),
        }),
        (astring(), astring()).prop_map(|(u, p)| C::login(u, p)),
        (capability(), proptest::collection::vec(capability(), 0..4)).prop_map(|(first, rest)| {
            C::Enable {
                first,
                rest: List::from(rest),
            }
        }),
        (mb(), select_params()).prop_map(|(mailbox, params)| C::Select { mailbox, params }),
        (mb(), select_params()).prop_map(|(mailbox, params)| C::Examine { mailbox, params }),
        (mb(), params(ext_param())).prop_map(|(mailbox, params)| C::Create { mailbox, params }),
        mb().prop_map(|mailbox| C::Delete { mailbox }),
        (mb(), mb()).prop_map(|(from, to)| C::Rename { from, to }),
        mb().prop_map(|mailbox| C::Subscribe { mailbox }),
        mb().prop_map(|mailbox| C::Unsubscribe { mailbox }),
        list_arguments().prop_map(C::List),
        lsub_arguments().prop_map(C::Lsub),
        Just(C::Namespace),
        status_arguments().prop_map(C::Status),
        (mb(), proptest::collection::vec(append_message(), 1..4)).prop_map(
            |(mailbox, messages)| C::Append {
                mailbox,
                messages: NonEmptyList::try_from(messages).unwrap(),
            }
        ),
        Just(C::Idle),
        Just(C::Check),
        Just(C::Close),
        Just(C::Unselect),
        Just(C::Expunge),
        sequence_set().prop_map(|sequence_set| C::UidExpunge { sequence_set }),
        (any::<bool>(), search_command_args()).prop_map(|(uid, args)| C::Search { uid, args }),
        (
            any::<bool>(),
            sequence_set(),
            fetch_items(),
            params(ext_param().prop_map(FetchModifier::Ext))
        )
            .prop_map(|(uid, sequence_set, items, modifiers)| C::Fetch {
                uid,
                sequence_set,
                items,
                modifiers
            }),
        (
            any::<bool>(),
            sequence_set(),
            params(ext_param().prop_map(StoreModifier::Ext)),
            crate::testing::gm_store::store_att()
        )
            .prop_map(|(uid, sequence_set, modifiers, att)| C::Store {
                uid,
                sequence_set,
                modifiers,
                att
            }),
        (any::<bool>(), sequence_set(), mb()).prop_map(|(uid, sequence_set, mailbox)| C::Copy {
            uid,
            sequence_set,
            mailbox
        }),
        (any::<bool>(), sequence_set(), mb()).prop_map(|(uid, sequence_set, mailbox)| C::Move {
            uid,
            sequence_set,
            mailbox
        }),
        other_command().prop_map(C::Other),
        crate::testing::ext::command_body(mb().boxed()),
    ]
}

pub(crate) fn command() -> impl Strategy<Value = Command<'static>> {
    (tag(), command_body_with(mailbox_utf7().boxed())).prop_map(|(tag, body)| Command { tag, body })
}

pub(crate) fn authenticate_response() -> impl Strategy<Value = AuthenticateResponse<'static>> {
    prop_oneof![
        1 => Just(AuthenticateResponse::Cancel),
        6 => base64().prop_map(|b| AuthenticateResponse::Data(Secret::new(b))),
    ]
}

/// Pieces of the command grammar.
const PIECES: &[&[u8]] = &[
    b"A1 ",
    b"UID ",
    b"STORE ",
    b"+FLAGS",
    b".SILENT",
    b"APPEND ",
    b"LOGIN ",
    b"SELECT ",
    b"AUTHENTICATE ",
    b"ENABLE ",
    b"COPY ",
    b"FETCH ",
    b"SEARCH ",
    b"LIST ",
    b"STATUS ",
    b"RETURN (",
    b"BODY[",
    b"]",
    b"XYZ",
    b"INBOX",
    b" (",
    b")",
    b"{3}\r\n",
    b"~{2}\r\n",
    b"{1+}\r\n",
    b"\r\n",
    b" ",
    b"\\Seen",
    b"1:*",
    b"\"",
    b"=",
    b"*",
    b"DONE",
];

/// Bytes that look like commands: pieces of the grammar and any bytes.
fn command_like_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        proptest::sample::select(PIECES).prop_map(<[u8]>::to_vec),
        proptest::collection::vec(any::<u8>(), 0..4),
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn command_round_trips(v in command(), enc in encode_configs()) {
        assert_round_trip!(Command, v, enc, &ParseConfig::default());
    }

    #[test]
    fn utf8_command_round_trips(tag in tag(), body in command_body_with(mailbox_utf8().boxed())) {
        let utf8 = ParseConfig::default().with_utf8_accept(true);
        let enc = EncodeConfig::default().with_utf8_accept(true);
        assert_round_trip!(Command, Command { tag, body }, enc, &utf8);
    }

    #[test]
    fn fragments_split_at_synchronising_literals(v in command(), enc in encode_configs()) {
        let mut e = Encoder::new(enc);
        crate::serialize::Encode::encode(&v, &mut e);
        let parts: Vec<_> = e.fragments().collect();
        let joined: Vec<u8> = parts.iter().flat_map(|f| f.bytes.iter().copied()).collect();
        prop_assert_eq!(&joined[..], e.bytes());
        for f in &parts {
            if f.wait_for_continuation {
                let end = f.bytes.len().saturating_sub(4);
                prop_assert!(f.bytes.ends_with(b"}\r\n"), "{:?}", bstr::BStr::new(f.bytes));
                prop_assert!(f.bytes[end] != b'+', "{:?}", bstr::BStr::new(f.bytes));
            }
        }
        prop_assert!(!parts.last().unwrap().wait_for_continuation);
    }

    #[test]
    fn command_parts_round_trip(
        body in command_body_with(mailbox_utf7().boxed()),
        flags in store_att_flags(),
        data in append_data(),
        message in append_message(),
        param in ext_param(),
        other in other_command(),
    ) {
        assert_round_trip!(CommandBody, body);
        assert_round_trip!(StoreAttFlags, flags.clone());
        assert_round_trip!(StoreFlags, flags.flags);
        round_trip_owned(flags.action);
        assert_round_trip!(AppendData, data);
        assert_round_trip!(AppendMessage, message);
        assert_round_trip!(SelectParam, SelectParam::Ext(param.clone()));
        assert_round_trip!(StoreModifier, StoreModifier::Ext(param.clone()));
        assert_round_trip!(FetchModifier, FetchModifier::Ext(param));
        assert_round_trip!(OtherCommand, other.clone());
        prop_assert_eq!(crate::to_vec(other.args()), other.args().as_bytes());
    }

    #[test]
    fn other_lines_round_trip(v in authenticate_response()) {
        assert_round_trip!(AuthenticateResponse, v);
        round_trip_owned(IdleDone);
    }

    #[test]
    fn no_input_panics_the_command_parsers(v in command_like_bytes()) {
        let _ = Command::parse(&v);
        let _ = CommandBody::parse(&v);
        let _ = IdleDone::parse(&v);
        let _ = AuthenticateResponse::parse(&v);
        let _ = OtherArgs::new(v.clone());
        if let Ok(c) = Command::parse(&v) {
            assert_round_trip!(Command, c);
        }
    }

    #[test]
    fn damaged_commands_do_not_panic(v in command(), cut in any::<prop::sample::Index>(),
        flip in any::<u8>()) {
        let mut bytes = crate::to_vec(&v);
        let at = cut.index(bytes.len());
        let _ = Command::parse(&bytes[..at]);
        bytes[at] ^= flip;
        if let Ok(c) = Command::parse(&bytes) {
            assert_round_trip!(Command, c);
        }
    }
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_commands_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};

    let mut kinds = alloc::collections::BTreeSet::new();
    for buf in crate::testing::random_buffers(12_000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = Command::arbitrary(&mut u) {
            kinds.insert(
                match &v.body {
                    CommandBody::Other(_) => "OTHER",
                    CommandBody::UidExpunge { .. } => "UID EXPUNGE",
                    body => body.name(),
                }
                .to_ascii_uppercase(),
            );
            assert_round_trip!(Command, v);
        }
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = CommandBody::arbitrary(&mut u) {
            assert_round_trip!(CommandBody, v);
        }
        if let Ok(v) = StoreAttFlags::arbitrary(&mut u) {
            assert_round_trip!(StoreAttFlags, v);
        }
        if let Ok(v) = AppendData::arbitrary(&mut u) {
            assert_round_trip!(AppendData, v);
        }
        if let Ok(v) = AppendMessage::arbitrary(&mut u) {
            assert_round_trip!(AppendMessage, v);
        }
        if let Ok(v) = OtherCommand::arbitrary(&mut u) {
            assert_round_trip!(OtherCommand, v);
        }
        if let Ok(v) = AuthenticateResponse::arbitrary(&mut u) {
            assert_round_trip!(AuthenticateResponse, v);
        }
        if let Ok(v) = SelectParam::arbitrary(&mut u) {
            assert_round_trip!(SelectParam, v);
        }
        if let Ok(v) = StoreModifier::arbitrary(&mut u) {
            assert_round_trip!(StoreModifier, v);
        }
        if let Ok(v) = FetchModifier::arbitrary(&mut u) {
            assert_round_trip!(FetchModifier, v);
        }
        if let Ok(v) = StoreFlags::arbitrary(&mut u) {
            assert_round_trip!(StoreFlags, v);
        }
        if let Ok(v) = OtherArgs::arbitrary(&mut u) {
            assert_eq!(crate::to_vec(&v), v.as_bytes());
        }
        if let Ok(v) = StoreAction::arbitrary(&mut u) {
            round_trip_owned(v);
        }
        if let Ok(v) = IdleDone::arbitrary(&mut u) {
            round_trip_owned(v);
        }
        if let Ok(v) = Secret::<u8>::arbitrary(&mut u) {
            assert_eq!(alloc::format!("{v:?}"), "Secret(<redacted>)");
        }
    }
    // Every variant came up.
    assert_eq!(
        kinds.len(),
        31 + crate::testing::ext::COMMAND_NAMES,
        "{kinds:?}"
    );
}
