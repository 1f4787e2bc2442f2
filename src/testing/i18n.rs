//! Strategies, known answers and round trips for the internationalization extensions (RFC
//! 5255): LANGUAGE, COMPARATOR, BADCOMPARATOR and NAMESPACE's TRANSLATION.

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::parse::Parse;
use crate::testing::examples::{check_examples, examples};
use crate::testing::primitive::{astring, encode_configs, istring};
use crate::testing::{assert_reparses, assert_round_trip, config};
use crate::types::code::Code;
use crate::types::command::{Command, CommandBody};
use crate::types::i18n::{ComparatorData, LanguageData};
use crate::types::list::{List, NonEmptyList};
use crate::types::mailbox_data::{NamespaceData, NamespaceDescr, NamespaceExtension};
use crate::types::primitive::{AString, IString};
use crate::types::response::{Data, Response, Untagged};

fn astrings(min: usize) -> impl Strategy<Value = alloc::vec::Vec<AString<'static>>> {
    proptest::collection::vec(astring(), min..4)
}

/// LANGUAGE and COMPARATOR commands.
pub(crate) fn i18n_command() -> impl Strategy<Value = CommandBody<'static>> {
    (astrings(0), any::<bool>()).prop_map(|(args, language)| {
        let args = List::from(args);
        if language {
            CommandBody::Language { ranges: args }
        } else {
            CommandBody::Comparator { order: args }
        }
    })
}

pub(crate) fn language_data() -> impl Strategy<Value = LanguageData<'static>> {
    astrings(1).prop_map(|v| LanguageData {
        tags: NonEmptyList::try_from(v).unwrap(),
    })
}

pub(crate) fn comparator_data() -> impl Strategy<Value = ComparatorData<'static>> {
    (astring(), proptest::option::of(astrings(1))).prop_map(|(active, matching)| ComparatorData {
        active,
        matching: matching.map(|v| NonEmptyList::try_from(v).unwrap()),
    })
}

/// `* LANGUAGE` and `* COMPARATOR` data.
pub(crate) fn i18n_data() -> impl Strategy<Value = Data<'static>> {
    prop_oneof![
        language_data().prop_map(Data::Language),
        comparator_data().prop_map(Data::Comparator),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn i18n_commands_round_trip(body in i18n_command(), enc in encode_configs()) {
        let cmd = Command::new(crate::Tag::new("a1").unwrap(), body);
        assert_round_trip!(Command, cmd, enc, &ParseConfig::strict());
    }

    #[test]
    fn i18n_data_round_trips(
        l in language_data(),
        c in comparator_data(),
        enc in encode_configs(),
    ) {
        assert_round_trip!(LanguageData, l.clone(), enc, &ParseConfig::strict());
        assert_round_trip!(ComparatorData, c.clone(), enc, &ParseConfig::strict());
        for d in [Data::Language(l), Data::Comparator(c)] {
            assert_round_trip!(Response, Response::Untagged(Untagged::Data(d)));
        }
    }

    #[test]
    fn translations_round_trip(prefix in istring(), translated in istring()) {
        let mut descr = NamespaceDescr::new(prefix, None);
        descr.extensions.push(NamespaceExtension::translation(translated.clone()));
        prop_assert_eq!(descr.translation(), Some(translated));
        let ns = NamespaceData {
            personal: Some(NonEmptyList::one(descr)),
            other_users: None,
            shared: None,
        };
        assert_round_trip!(NamespaceData, ns);
    }
}

fn astr(s: &'static str) -> AString<'static> {
    AString::new(s.as_bytes()).unwrap()
}

fn data(bytes: &[u8]) -> Data<'_> {
    match Response::parse_with(bytes, &ParseConfig::strict()).unwrap() {
        Response::Untagged(Untagged::Data(d)) => d,
        r => panic!("{r:?}"),
    }
}

fn body(bytes: &[u8]) -> CommandBody<'_> {
    Command::parse_with(bytes, &ParseConfig::strict())
        .unwrap()
        .body
}

#[test]
fn rfc5255_examples() {
    assert_eq!(check_examples(examples!("rfc5255.imap")), 36);
    // §3.2
    assert_eq!(
        body(b"A003 LANGUAGE\r\n"),
        CommandBody::Language {
            ranges: List::new()
        }
    );
    assert_eq!(
        body(b"E001 language FR-CA EN-CA\r\n"),
        CommandBody::Language {
            ranges: List::from(alloc::vec![astr("FR-CA"), astr("EN-CA")])
        }
    );
    let c = Command::parse(b"D003 LANGUAGE \"default\"\r\n").unwrap();
    assert_eq!(
        c.body,
        CommandBody::Language {
            ranges: List::from(alloc::vec![astr("default")])
        }
    );
    assert_eq!(crate::to_vec(&c), b"D003 LANGUAGE default\r\n");
    assert_eq!(
        data(b"* LANGUAGE (EN DE IT i-default)\r\n"),
        Data::Language(LanguageData {
            tags: NonEmptyList::try_from(alloc::vec![
                astr("EN"),
                astr("DE"),
                astr("IT"),
                astr("i-default")
            ])
            .unwrap()
        })
    );
    // §3.4
    let Data::Namespace(ns) = data(
        b"* NAMESPACE ((\"\" \"/\")) ((\"Other Users/\" \"/\" \"TRANSLATION\" \
          (\"Andere Ben&APw-tzer/\"))) ((\"Public Folders/\" \"/\" \"TRANSLATION\" \
          (\"Gemeinsame Postf&AM8-cher/\")))\r\n",
    ) else {
        panic!()
    };
    let personal = ns.personal.unwrap().to_vec();
    assert_eq!(personal[0].translation(), None);
    let shared = ns.shared.unwrap().to_vec();
    assert_eq!(
        shared[0].translation(),
        Some(IString::new(&b"Gemeinsame Postf&AM8-cher/"[..]).unwrap())
    );
    // §4.7
    assert_eq!(
        body(b"A001 COMPARATOR \"cz;*\" i;basic\r\n"),
        CommandBody::Comparator {
            order: List::from(alloc::vec![astr("cz;*"), astr("i;basic")])
        }
    );
    assert_eq!(
        data(b"* COMPARATOR i;basic\r\n"),
        Data::Comparator(ComparatorData {
            active: astr("i;basic"),
            matching: None,
        })
    );
    let Response::Tagged(t) = Response::parse(b"A3 NO [BADCOMPARATOR] none\r\n").unwrap() else {
        panic!()
    };
    assert_eq!(t.text.code(), Some(&Code::BadComparator));
}

#[test]
fn i18n_known_answers() {
    let c = assert_reparses!(ComparatorData, b"comparator {7}\r\ni;basic (a \"b c\")");
    assert_eq!(c.active, astr("i;basic"));
    assert_eq!(c.matching.unwrap().to_vec(), [astr("a"), astr("b c")]);
    // A translation needs exactly one value, and its name matches in any case.
    let ns = assert_reparses!(
        NamespaceData,
        b"NAMESPACE ((\"\" \"/\" \"translation\" (\"a\" \"b\")) (\"x\" NIL \"Translation\" (\"y\"))) NIL NIL"
    );
    let personal = ns.personal.unwrap().to_vec();
    assert_eq!(personal[0].translation(), None);
    assert_eq!(
        personal[1].translation(),
        Some(IString::new(&b"y"[..]).unwrap())
    );
    let strict = ParseConfig::strict();
    for bad in [
        &b"LANGUAGE ()"[..],
        b"LANGUAGE EN",
        b"LANGUAGE",
        b"LANGUAGE (EN",
    ] {
        assert!(LanguageData::parse_with(bad, &strict).is_err(), "{bad:?}");
    }
    for bad in [&b"COMPARATOR"[..], b"COMPARATOR a ()", b"COMPARATOR ( a)"] {
        assert!(ComparatorData::parse_with(bad, &strict).is_err(), "{bad:?}");
    }
    // `COMPARATOR a b` is an active comparator and text that is not its list.
    assert!(ComparatorData::parse_with(b"COMPARATOR a b", &strict).is_err());
    for bad in [
        &b"a1 LANGUAGE \r\n"[..],
        b"a1 LANGUAGE (EN)\r\n",
        b"a1 COMPARATOR \r\n",
        b"a1 COMPARATOR a  b\r\n",
    ] {
        assert!(
            Command::parse_with(bad, &strict).is_err(),
            "{:?}",
            bstr::BStr::new(bad)
        );
    }
    // The code takes no arguments: with some it is another code.
    let Response::Tagged(t) = Response::parse(b"a NO [BADCOMPARATOR x] no\r\n").unwrap() else {
        panic!()
    };
    assert!(matches!(t.text.code(), Some(Code::Other(_))));
    // LANGUAGE may be sent in any state, COMPARATOR once authenticated.
    use crate::session::State;
    let language = CommandBody::Language {
        ranges: List::new(),
    };
    let comparator = CommandBody::Comparator { order: List::new() };
    assert!(State::NotAuthenticated.allows(&language));
    assert!(!State::NotAuthenticated.allows(&comparator));
    assert!(State::Authenticated.allows(&comparator));
    assert!(State::Selected.allows(&comparator));
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_i18n_values_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};
    let mut matching = [false; 2];
    for buf in crate::testing::random_buffers(3000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = LanguageData::arbitrary(&mut u) {
            assert_round_trip!(LanguageData, v);
        }
        if let Ok(v) = ComparatorData::arbitrary(&mut u) {
            matching[usize::from(v.matching.is_some())] = true;
            assert_round_trip!(ComparatorData, v);
        }
    }
    assert_eq!(matching, [true, true]);
}
