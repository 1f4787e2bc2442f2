//! Strategies, known answers and round trips for URLAUTH (RFC 4467) and the extended URLFETCH
//! (RFC 5524).

use alloc::boxed::Box;
use alloc::vec::Vec;

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::parse::Parse;
use crate::testing::examples::{check_examples, examples};
use crate::testing::mailbox::mailbox_utf7;
use crate::testing::primitive::{ascii_from, atom, encode_configs, nstring};
use crate::testing::{assert_reparses, assert_round_trip, config};
use crate::types::auth::Base64;
use crate::types::code::Code;
use crate::types::command::{Command, CommandBody};
use crate::types::list::{List, NonEmptyList};
use crate::types::mailbox::Mailbox;
use crate::types::message::BinaryData;
use crate::types::primitive::{Literal8, NString};
use crate::types::response::{Data, Response, Untagged};
use crate::types::urlauth::{
    GenUrlAuthData, GenUrlAuthItem, ImapUrl, ResetKeyArgs, UrlAuthCommand, UrlAuthMechanism,
    UrlFetchArg, UrlFetchData, UrlFetchItem, UrlFetchParam, UrlFetchValue, UrlMechanismKey,
    UrlMetadata, is_mechanism_char, is_url_char,
};

pub(crate) fn url() -> impl Strategy<Value = ImapUrl<'static>> {
    ascii_from(is_url_char, 1, 30).prop_map(|s| ImapUrl::new(s).unwrap())
}

pub(crate) fn mechanism() -> impl Strategy<Value = UrlAuthMechanism<'static>> {
    ascii_from(is_mechanism_char, 1, 10).prop_map(|s| UrlAuthMechanism::new(s).unwrap())
}

fn non_empty<T>(item: impl Strategy<Value = T>) -> impl Strategy<Value = NonEmptyList<'static, T>>
where
    T: core::fmt::Debug + crate::types::list::ListItem<'static>,
{
    proptest::collection::vec(item, 1..4).prop_map(|v| NonEmptyList::new(List::from(v)).unwrap())
}

fn url_fetch_param() -> impl Strategy<Value = UrlFetchParam<'static>> {
    prop_oneof![
        Just(UrlFetchParam::BodyPartStructure),
        Just(UrlFetchParam::Binary),
        Just(UrlFetchParam::Body),
        atom().prop_map(UrlFetchParam::from_atom),
    ]
}

fn url_fetch_arg() -> impl Strategy<Value = UrlFetchArg<'static>> {
    let params = proptest::collection::vec(url_fetch_param(), 0..4);
    (url(), proptest::option::of(params)).prop_map(|(url, params)| match params {
        None => UrlFetchArg::Url(url),
        Some(p) => UrlFetchArg::Extended {
            url,
            params: List::from(p),
        },
    })
}

pub(crate) fn urlauth_command(
    mailbox: BoxedStrategy<Mailbox<'static>>,
) -> impl Strategy<Value = UrlAuthCommand<'static>> {
    let reset = proptest::option::of((mailbox, proptest::collection::vec(mechanism(), 0..3)))
        .prop_map(|a| {
            UrlAuthCommand::ResetKey(a.map(|(mailbox, m)| ResetKeyArgs {
                mailbox,
                mechanisms: List::from(m),
            }))
        });
    let item = (url(), mechanism()).prop_map(|(url, mechanism)| GenUrlAuthItem { url, mechanism });
    prop_oneof![
        reset,
        non_empty(item).prop_map(UrlAuthCommand::GenUrlAuth),
        non_empty(url_fetch_arg()).prop_map(UrlAuthCommand::UrlFetch),
    ]
}

pub(crate) fn genurlauth_data() -> impl Strategy<Value = GenUrlAuthData<'static>> {
    non_empty(url()).prop_map(|urls| GenUrlAuthData { urls })
}

fn url_metadata() -> impl Strategy<Value = UrlMetadata<'static>> {
    prop_oneof![
        crate::testing::body::body().prop_map(|b| UrlMetadata::BodyPartStructure(Box::new(b))),
        nstring().prop_map(UrlMetadata::Body),
        nstring().prop_map(|n| UrlMetadata::Binary(BinaryData::NString(n))),
        proptest::collection::vec(any::<u8>(), 0..12)
            .prop_map(|v| UrlMetadata::Binary(BinaryData::Literal8(Literal8::new(v)))),
    ]
}

pub(crate) fn urlfetch_data() -> impl Strategy<Value = UrlFetchData<'static>> {
    let value = prop_oneof![
        nstring().prop_map(UrlFetchValue::Simple),
        non_empty(url_metadata()).prop_map(UrlFetchValue::Metadata),
    ];
    non_empty((url(), value).prop_map(|(url, value)| UrlFetchItem { url, value }))
        .prop_map(|items| UrlFetchData { items })
}

pub(crate) fn urlmech_code() -> impl Strategy<Value = List<'static, UrlMechanismKey<'static>>> {
    let key = proptest::option::of(proptest::collection::vec(any::<u8>(), 0..10))
        .prop_map(|k| k.map(|b| Base64::encode(&b)));
    proptest::collection::vec(
        (mechanism(), key).prop_map(|(mechanism, key)| UrlMechanismKey { mechanism, key }),
        0..3,
    )
    .prop_map(List::from)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn urlauth_commands_round_trip(
        v in urlauth_command(mailbox_utf7().boxed()),
        enc in encode_configs(),
    ) {
        assert_round_trip!(UrlAuthCommand, v.clone(), enc, &ParseConfig::strict());
        let cmd = Command::new(crate::Tag::new("a1").unwrap(), CommandBody::UrlAuth(v));
        assert_round_trip!(Command, cmd, enc, &ParseConfig::strict());
    }

    #[test]
    fn urlauth_data_round_trips(
        g in genurlauth_data(),
        f in urlfetch_data(),
        m in urlmech_code(),
        enc in encode_configs(),
    ) {
        assert_round_trip!(GenUrlAuthData, g.clone(), enc, &ParseConfig::strict());
        assert_round_trip!(UrlFetchData, f.clone(), enc, &ParseConfig::strict());
        for d in [Data::GenUrlAuth(g), Data::UrlFetch(f)] {
            assert_round_trip!(Response, Response::Untagged(Untagged::Data(d)));
        }
        assert_round_trip!(Code, Code::UrlMech(m), enc, &ParseConfig::strict());
    }
}

const U20: &str = "imap://joe@example.com/INBOX/;uid=20/;section=1.2;urlauth=submit+fred";
const T20: &str = "imap://joe@example.com/INBOX/;uid=20/;section=1.2;urlauth=submit+fred:internal:91354a473744909de610943775f92038";

fn url_of(s: &'static str) -> ImapUrl<'static> {
    ImapUrl::new(s).unwrap()
}

fn mech(s: &'static str) -> UrlAuthMechanism<'static> {
    UrlAuthMechanism::new(s).unwrap()
}

fn body_of(line: &[u8]) -> CommandBody<'_> {
    Command::parse_with(line, &ParseConfig::strict())
        .unwrap()
        .body
}

fn data(bytes: &[u8]) -> Data<'_> {
    match Response::parse_with(bytes, &ParseConfig::strict()).unwrap() {
        Response::Untagged(Untagged::Data(d)) => d,
        r => panic!("{r:?}"),
    }
}

#[test]
fn rfc4467_examples() {
    assert_eq!(check_examples(examples!("rfc4467.imap")), 12);
    assert_eq!(
        body_of(b"a31 resetkey\r\n"),
        CommandBody::UrlAuth(UrlAuthCommand::ResetKey(None))
    );
    assert_eq!(
        body_of(b"a33 RESETKEY INBOX XSAMPLE\r\n"),
        CommandBody::UrlAuth(UrlAuthCommand::ResetKey(Some(ResetKeyArgs {
            mailbox: Mailbox::Inbox,
            mechanisms: List::from(alloc::vec![mech("XSAMPLE")]),
        })))
    );
    let line = alloc::format!("a775 GENURLAUTH \"{U20}\" INTERNAL\r\n");
    assert_eq!(
        body_of(line.as_bytes()),
        CommandBody::UrlAuth(UrlAuthCommand::GenUrlAuth(NonEmptyList::one(
            GenUrlAuthItem {
                url: url_of(U20),
                mechanism: mech("INTERNAL"),
            }
        )))
    );
    let line = alloc::format!("* GENURLAUTH \"{T20}\"\r\n");
    assert_eq!(
        data(line.as_bytes()),
        Data::GenUrlAuth(GenUrlAuthData {
            urls: NonEmptyList::one(url_of(T20)),
        })
    );
    let line = alloc::format!("* URLFETCH \"{T20}\" {{28}}\r\nSi vis pacem, para bellum.\r\n\r\n");
    let Data::UrlFetch(f) = data(line.as_bytes()) else {
        panic!()
    };
    let items = f.items.to_vec();
    assert_eq!(items[0].url, url_of(T20));
    let UrlFetchValue::Simple(NString(Some(s))) = &items[0].value else {
        panic!("{items:?}")
    };
    assert_eq!(s.as_bytes(), b"Si vis pacem, para bellum.\r\n");
    let r = Response::parse(b"a33 OK [URLMECH INTERNAL XSAMPLE=P34OKhO7VEkCbsiYY8rGEg==] done\r\n")
        .unwrap();
    let Response::Tagged(t) = r else { panic!() };
    let Some(Code::UrlMech(keys)) = t.text.code() else {
        panic!("{t:?}")
    };
    let keys = keys.to_vec();
    assert_eq!(keys[0].mechanism, mech("XSAMPLE"));
    assert_eq!(
        keys[0].key.as_ref().map(Base64::as_str),
        Some("P34OKhO7VEkCbsiYY8rGEg==")
    );
}

#[test]
fn rfc5524_examples() {
    assert_eq!(check_examples(examples!("rfc5524.imap")), 13);
    let line = alloc::format!("a2 urlfetch (\"{T20}\" body Binary X-SIZE) {T20}\r\n");
    let CommandBody::UrlAuth(UrlAuthCommand::UrlFetch(args)) = body_of(line.as_bytes()) else {
        panic!()
    };
    let args = args.to_vec();
    assert_eq!(
        args[0],
        UrlFetchArg::Extended {
            url: url_of(T20),
            params: List::from(alloc::vec![
                UrlFetchParam::Body,
                UrlFetchParam::Binary,
                UrlFetchParam::Other(crate::Atom::new("X-SIZE").unwrap()),
            ]),
        }
    );
    assert_eq!(args[1], UrlFetchArg::Url(url_of(T20)));
    let d = data(
        b"* URLFETCH u1 (BODYPARTSTRUCTURE (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 3 1)) \
          (BINARY ~{3}\r\na\0b) (BODY NIL) u2 \"x\"\r\n",
    );
    let Data::UrlFetch(f) = d else { panic!() };
    let items = f.items.to_vec();
    assert_eq!(items.len(), 2);
    let UrlFetchValue::Metadata(m) = &items[0].value else {
        panic!()
    };
    let m = m.to_vec();
    assert!(matches!(m[0], UrlMetadata::BodyPartStructure(_)));
    assert_eq!(
        m[1],
        UrlMetadata::Binary(BinaryData::Literal8(Literal8::new(&b"a\0b"[..])))
    );
    assert_eq!(m[2], UrlMetadata::Body(NString(None)));
    assert_eq!(items[1].url, url_of("u2"));
    // A part the server cannot decode: its structure, and BINARY NIL.
    let d = data(
        b"* URLFETCH u (BODYPARTSTRUCTURE (\"APPLICATION\" \"OCTET-STREAM\" NIL NIL NIL \
          \"X-BLURDYBLOOP\" 10)) (BINARY NIL)\r\n",
    );
    let Data::UrlFetch(f) = d else { panic!() };
    let UrlFetchValue::Metadata(m) = &f.items.to_vec()[0].value else {
        panic!()
    };
    let m = m.to_vec();
    let UrlMetadata::BodyPartStructure(b) = &m[0] else {
        panic!("{m:?}")
    };
    let crate::types::body::Body::Single(part) = &**b else {
        panic!("{b:?}")
    };
    assert_eq!(part.fields.octets, 10);
    assert_eq!(
        m[1],
        UrlMetadata::Binary(BinaryData::NString(NString(None)))
    );
}

#[test]
fn urlauth_known_answers() {
    assert_eq!(
        crate::to_vec(&assert_reparses!(UrlFetchArg, b"(\"imap://a/b\")")),
        b"(imap://a/b)"
    );
    assert_eq!(
        crate::to_vec(&assert_reparses!(
            GenUrlAuthData,
            b"genurlauth {5}\r\nimap: x"
        )),
        b"GENURLAUTH imap: x"
    );
    let k = assert_reparses!(UrlMechanismKey, b"X.TWO=");
    assert_eq!(k.key.map(|b| b.as_str().len()), Some(0));
    let strict = ParseConfig::strict();
    for bad in [
        &b"a GENURLAUTH\r\n"[..],
        b"a GENURLAUTH imap://x\r\n",
        b"a GENURLAUTH imap://x INTERNAL \r\n",
        b"a GENURLAUTH imap://x INT=ERNAL\r\n",
        b"a GENURLAUTH \"\" INTERNAL\r\n",
        b"a GENURLAUTH \"imap://a b\" INTERNAL\r\n",
        b"a URLFETCH\r\n",
        b"a URLFETCH (imap://x BINARY\r\n",
        b"a URLFETCH (imap://x  BINARY)\r\n",
        b"a URLFETCH ()\r\n",
        b"a RESETKEY \r\n",
        b"a RESETKEY INBOX X=Y\r\n",
    ] {
        assert!(
            Command::parse_with(bad, &strict).is_err(),
            "{:?}",
            bstr::BStr::new(bad)
        );
    }
    for bad in [
        &b"* GENURLAUTH\r\n"[..],
        b"* URLFETCH imap://x\r\n",
        b"* URLFETCH imap://x (SIZE 3)\r\n",
        b"* URLFETCH imap://x ()\r\n",
        b"* URLFETCH imap://x (BODY NIL)(BINARY NIL)\r\n",
        b"* URLFETCH imap://x NIL imap://y\r\n",
    ] {
        assert!(
            !matches!(
                Response::parse_with(bad, &strict),
                Ok(Response::Untagged(Untagged::Data(
                    Data::UrlFetch(_) | Data::GenUrlAuth(_)
                )))
            ),
            "{:?}",
            bstr::BStr::new(bad)
        );
    }
    // A URLMECH code without INTERNAL first, or with a broken key, is no URLMECH code.
    for raw in [
        &b"URLMECH XSAMPLE"[..],
        b"URLMECH INTERNAL X=abc",
        b"URLMECH",
    ] {
        assert!(
            !matches!(Code::parse_with(raw, &strict), Ok(Code::UrlMech(_))),
            "{:?}",
            bstr::BStr::new(raw)
        );
    }
    assert!(ImapUrl::new("imap://x\u{e9}").is_err());
    assert!(UrlAuthMechanism::new("").is_err());
}

/// URLs may come as literals wherever an astring stands: the framer announces each one, and
/// the command reads back the same.
#[test]
fn url_literals_frame() {
    use crate::framing::Role;
    let input: &[u8] = b"a1 URLFETCH {11}\r\nimap://a/;1 (imap://b BINARY) ({11}\r\nimap://c/;2 BODY)\r\n\
        a2 GENURLAUTH {11}\r\nimap://d/;3 INTERNAL imap://e XSAMPLE {11+}\r\nimap://f/;4 INTERNAL\r\n";
    let (messages, announced) = crate::testing::examples::framed(Role::Commands, input);
    let announced: Vec<(u64, bool)> = announced.iter().map(|(n, k)| (*n, k.non_sync)).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert_eq!(
        announced,
        [(11, false), (11, false), (11, false), (11, true)]
    );
    let c = Command::parse_with(&messages[1], &ParseConfig::strict()).unwrap();
    let CommandBody::UrlAuth(UrlAuthCommand::GenUrlAuth(items)) = &c.body else {
        panic!()
    };
    assert_eq!(items.to_vec()[2].url, url_of("imap://f/;4"));
    assert_round_trip!(Command, c.clone());
    // Responses carry literals in URLs and in data alike.
    let resp: &[u8] = b"* URLFETCH {3}\r\nu/1 {2}\r\nhi (BINARY ~{1}\r\n\0)\r\n";
    let mut f = crate::framing::Framer::new(crate::framing::FramerConfig::new(Role::Responses));
    f.push(resp);
    let Some(crate::framing::FrameEvent::Message(m)) = f.next_event() else {
        panic!()
    };
    assert_eq!(m.bytes, resp);
    assert_eq!(m.literals.len(), 3);
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_urlauth_values_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};
    let mut kinds = alloc::collections::BTreeSet::new();
    for buf in crate::testing::random_buffers(3000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = UrlAuthCommand::arbitrary(&mut u) {
            kinds.insert(v.name());
            assert_round_trip!(UrlAuthCommand, v);
        }
        if let Ok(v) = GenUrlAuthData::arbitrary(&mut u) {
            assert_round_trip!(GenUrlAuthData, v);
        }
        if let Ok(v) = UrlFetchData::arbitrary(&mut u) {
            assert_round_trip!(UrlFetchData, v);
        }
        if let Ok(v) = UrlMetadata::arbitrary(&mut u) {
            assert_round_trip!(UrlMetadata, v);
        }
        if let Ok(v) = UrlMechanismKey::arbitrary(&mut u) {
            assert_round_trip!(UrlMechanismKey, v);
        }
        if let Ok(v) = UrlFetchArg::arbitrary(&mut u) {
            assert_round_trip!(UrlFetchArg, v);
        }
    }
    assert_eq!(kinds.len(), 3);
}
