//! Strategies, known answers and round trips for SORT and THREAD (RFC 5256), SORT=DISPLAY
//! (RFC 5957) and ESORT / CONTEXT (RFC 5267).

use core::num::NonZeroU32;

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::error::ErrorKind;
use crate::parse::Parse;
use crate::testing::examples::{check_examples, examples};
use crate::testing::metadata::non_empty;
use crate::testing::primitive::{atom, encode_configs, tag};
use crate::testing::search::search_key;
use crate::testing::{assert_reparses, assert_round_trip, config};
use crate::types::code::Code;
use crate::types::command::{Command, CommandBody};
use crate::types::esearch::SearchData;
use crate::types::list::List;
use crate::types::primitive::Charset;
use crate::types::response::{Data, Response, Untagged};
use crate::types::search::SearchReturnOption;
use crate::types::sort::{
    SortArgs, SortCriterion, SortKey, Thread, ThreadAlgorithm, ThreadArgs, ThreadData,
};

fn sort_criterion() -> impl Strategy<Value = SortCriterion> {
    (
        any::<bool>(),
        proptest::sample::select(SortKey::ALL.to_vec()),
    )
        .prop_map(|(reverse, (_, key))| SortCriterion { reverse, key })
}

fn charset() -> impl Strategy<Value = Charset<'static>> {
    prop_oneof![
        Just(Charset::new("UTF-8").unwrap()),
        atom().prop_map(|a| Charset::new(alloc::string::String::from(a.as_str())).unwrap()),
        Just(Charset::new("x y").unwrap()),
    ]
}

fn return_options() -> impl Strategy<Value = Option<List<'static, SearchReturnOption<'static>>>> {
    proptest::option::of(
        proptest::collection::vec(
            prop_oneof![
                Just(SearchReturnOption::Min),
                Just(SearchReturnOption::Count),
                Just(SearchReturnOption::Extension(
                    crate::types::search::SearchReturnExtension::new("CONTEXT").unwrap()
                )),
            ],
            0..3,
        )
        .prop_map(List::from),
    )
}

fn sort_args() -> impl Strategy<Value = SortArgs<'static>> {
    (
        return_options(),
        non_empty(sort_criterion()),
        charset(),
        non_empty(search_key()),
    )
        .prop_map(|(return_options, criteria, charset, keys)| SortArgs {
            return_options,
            criteria,
            charset,
            keys,
        })
}

fn thread_args() -> impl Strategy<Value = ThreadArgs<'static>> {
    (
        prop_oneof![
            Just(ThreadAlgorithm::REFERENCES),
            Just(ThreadAlgorithm::ORDERED_SUBJECT),
            atom().prop_map(ThreadAlgorithm),
        ],
        charset(),
        non_empty(search_key()),
    )
        .prop_map(|(algorithm, charset, keys)| ThreadArgs {
            algorithm,
            charset,
            keys,
        })
}

fn nz() -> impl Strategy<Value = NonZeroU32> {
    (1u32..).prop_map(|n| NonZeroU32::new(n).unwrap())
}

fn thread() -> impl Strategy<Value = Thread<'static>> {
    let leaf = proptest::collection::vec(nz(), 1..4)
        .prop_map(|ids| Thread::new(List::from(ids), List::new()).unwrap());
    leaf.prop_recursive(4, 24, 3, |inner| {
        (
            proptest::collection::vec(nz(), 0..3),
            proptest::collection::vec(inner, 1..3),
        )
            .prop_map(|(ids, children)| Thread::new(List::from(ids), List::from(children)).unwrap())
    })
}

fn thread_data() -> impl Strategy<Value = ThreadData<'static>> {
    proptest::collection::vec(thread(), 0..4).prop_map(|v| ThreadData {
        threads: List::from(v),
    })
}

fn search_data() -> impl Strategy<Value = SearchData<'static>> {
    (
        proptest::collection::vec(nz(), 0..5),
        proptest::option::of(
            (1..=crate::Number64::MAX.get())
                .prop_map(|n| crate::types::primitive::NzNumber64::new(n).unwrap()),
        ),
    )
        .prop_map(|(n, mod_seq)| SearchData {
            numbers: List::from(n),
            mod_seq,
        })
}

/// SORT, THREAD and CANCELUPDATE commands.
pub(crate) fn sort_command() -> BoxedStrategy<CommandBody<'static>> {
    prop_oneof![
        (any::<bool>(), sort_args()).prop_map(|(uid, args)| CommandBody::Sort { uid, args }),
        (any::<bool>(), thread_args()).prop_map(|(uid, args)| CommandBody::Thread { uid, args }),
        non_empty(tag()).prop_map(|tags| CommandBody::CancelUpdate { tags }),
    ]
    .boxed()
}

/// SORT and THREAD responses.
pub(crate) fn sort_data() -> BoxedStrategy<Data<'static>> {
    prop_oneof![
        search_data().prop_map(Data::Sort),
        thread_data().prop_map(Data::Thread),
    ]
    .boxed()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn sort_commands_round_trip(body in sort_command(), enc in encode_configs()) {
        if let CommandBody::Sort { args, .. } = &body {
            assert_round_trip!(SortArgs, args.clone(), enc, &ParseConfig::default());
        }
        if let CommandBody::Thread { args, .. } = &body {
            assert_round_trip!(ThreadArgs, args.clone(), enc, &ParseConfig::default());
        }
        let cmd = Command::new(crate::Tag::new("a1").unwrap(), body);
        assert_round_trip!(Command, cmd, enc, &ParseConfig::default());
    }

    #[test]
    fn sort_data_round_trips(d in sort_data(), t in thread(), c in sort_criterion()) {
        assert_round_trip!(Response, Response::Untagged(Untagged::Data(d)));
        assert_round_trip!(Thread, t);
        crate::testing::round_trip_owned(c);
    }
}

fn ids(v: &[u32]) -> List<'static, NonZeroU32> {
    v.iter().map(|&n| NonZeroU32::new(n).unwrap()).collect()
}

fn leaf(v: &[u32]) -> Thread<'static> {
    Thread::new(ids(v), List::new()).unwrap()
}

fn data(bytes: &[u8]) -> Data<'_> {
    match Response::parse(bytes).unwrap() {
        Response::Untagged(Untagged::Data(d)) => d,
        r => panic!("{r:?}"),
    }
}

#[test]
fn rfc5256_examples() {
    assert_eq!(check_examples(examples!("rfc5256.imap")), 17);
    let c = Command::parse(b"A283 SORT (SUBJECT REVERSE DATE) UTF-8 ALL\r\n").unwrap();
    let CommandBody::Sort { uid: false, args } = &c.body else {
        panic!("{c:?}")
    };
    assert_eq!(
        args.criteria.to_vec(),
        [
            SortCriterion {
                reverse: false,
                key: SortKey::Subject
            },
            SortCriterion {
                reverse: true,
                key: SortKey::Date
            }
        ]
    );
    assert_eq!(args.charset.as_str(), "UTF-8");
    assert_eq!(
        data(b"* SORT 2 84 882\r\n"),
        Data::Sort(SearchData {
            numbers: ids(&[2, 84, 882]),
            mod_seq: None
        })
    );
    assert_eq!(data(b"* SORT\r\n"), Data::Sort(SearchData::default()));
    let c = Command::parse(b"A285 THREAD REFERENCES UTF-8 SINCE 5-MAR-2000\r\n").unwrap();
    let CommandBody::Thread { args, .. } = &c.body else {
        panic!()
    };
    assert_eq!(args.algorithm, ThreadAlgorithm::REFERENCES);
    assert_eq!(args.keys.len(), 1);
    // §4
    let Data::Thread(t) = data(b"* THREAD (2)(3 6 (4 23)(44 7 96))\r\n") else {
        panic!()
    };
    assert_eq!(
        t.threads.to_vec(),
        [
            leaf(&[2]),
            Thread::new(
                ids(&[3, 6]),
                List::from(alloc::vec![leaf(&[4, 23]), leaf(&[44, 7, 96])])
            )
            .unwrap(),
        ]
    );
    let Data::Thread(t) = data(b"* THREAD ((3)(5))\r\n") else {
        panic!()
    };
    assert_eq!(
        t.threads.to_vec(),
        [Thread::new(List::new(), List::from(alloc::vec![leaf(&[3]), leaf(&[5])])).unwrap()]
    );
    assert_eq!(data(b"* THREAD\r\n"), Data::Thread(ThreadData::default()));
}

#[test]
fn rfc5957_and_rfc5267_examples() {
    assert_eq!(check_examples(examples!("rfc5957.imap")), 3);
    assert_eq!(check_examples(examples!("rfc5267.imap")), 29);
    let c = Command::parse(b"A1 SORT (DISPLAYFROM) UTF-8 ALL\r\n").unwrap();
    let CommandBody::Sort { args, .. } = &c.body else {
        panic!()
    };
    assert_eq!(
        args.criteria.iter().next().unwrap().key,
        SortKey::DisplayFrom
    );
    let c = Command::parse(
        b"E01 UID SORT RETURN () (REVERSE DATE) UTF-8 UNDELETED UNKEYWORD $Junk\r\n",
    )
    .unwrap();
    assert!(c.body.is_uid());
    let CommandBody::Sort { args, .. } = &c.body else {
        panic!()
    };
    assert_eq!(args.return_options.as_ref().map(List::len), Some(0));
    assert_eq!(args.keys.len(), 2);
    let c = Command::parse(b"B04 CANCELUPDATE \"B01\"\r\n").unwrap();
    let CommandBody::CancelUpdate { tags } = &c.body else {
        panic!()
    };
    assert_eq!(tags.iter().next().unwrap().as_str(), "B01");
    let Response::Untagged(Untagged::Status { text, .. }) =
        Response::parse(b"* NO [NOUPDATE \"B02\"] Too many contexts\r\n").unwrap()
    else {
        panic!()
    };
    assert_eq!(
        text.code(),
        Some(&Code::NoUpdate(crate::Tag::new("B02").unwrap()))
    );
    // ADDTO and REMOVEFROM read as generic ESEARCH return data.
    for line in [
        &b"* ESEARCH (TAG \"B01\") UID ADDTO (0 32768:32769)\r\n"[..],
        b"* ESEARCH (TAG \"C01\") UID ADDTO (1 2733) ADDTO (1 2731:2732)\r\n",
        b"* ESEARCH (TAG \"B01\") UID REMOVEFROM (0 32768)\r\n",
    ] {
        assert!(matches!(
            assert_reparses!(Response, line),
            Response::Untagged(Untagged::Data(Data::ESearch(_)))
        ));
    }
}

#[test]
fn sort_known_answers() {
    let c = assert_reparses!(Command, b"a1 uid sort (reverse arrival) \"utf-8\" all\r\n");
    assert_eq!(
        crate::to_vec(&c),
        b"a1 UID SORT (REVERSE ARRIVAL) utf-8 ALL\r\n"
    );
    assert_reparses!(Command, b"a1 UID THREAD X-ALG UTF-8 1:* (FROM \"a b\")\r\n");
    assert_reparses!(Thread, b"(1 (2 3))");
    assert_reparses!(ThreadData, b"THREAD (1)((2)(3 4 (5)(6)))");
    for bad in [
        &b"()"[..],
        b"(1 )",
        b"(1  2)",
        b"(0)",
        b"(1 2",
        b"(1)(2)",
        b"(1 ())",
    ] {
        assert!(
            Thread::parse_with(bad, &crate::config::ParseConfig::strict()).is_err(),
            "{:?}",
            bstr::BStr::new(bad)
        );
    }
    for bad in [
        &b"a1 SORT () UTF-8 ALL\r\n"[..],
        b"a1 SORT (SUBJECT) ALL\r\n",
        b"a1 SORT (NAME) UTF-8 ALL\r\n",
        b"a1 SORT SUBJECT UTF-8 ALL\r\n",
        b"a1 THREAD REFERENCES UTF-8\r\n",
        b"a1 CANCELUPDATE B01\r\n",
        b"a1 CANCELUPDATE \"a b\"\r\n",
        b"a1 CANCELUPDATE\r\n",
    ] {
        assert!(
            Command::parse_with(bad, &crate::config::ParseConfig::strict()).is_err(),
            "{:?}",
            bstr::BStr::new(bad)
        );
    }
    // Nesting is bounded by the configured depth.
    let deep = alloc::format!("* THREAD {}1{}\r\n", "(1 ".repeat(200), ")".repeat(200));
    let e = Response::parse(deep.as_bytes()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooDeep);
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_sort_values_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};
    let mut nested = 0;
    for buf in crate::testing::random_buffers(3000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = SortArgs::arbitrary(&mut u) {
            assert_round_trip!(SortArgs, v);
        }
        if let Ok(v) = ThreadArgs::arbitrary(&mut u) {
            assert_round_trip!(ThreadArgs, v);
        }
        if let Ok(v) = Thread::arbitrary(&mut u) {
            nested += usize::from(!v.children().is_empty());
            assert_round_trip!(Thread, v);
        }
        if let Ok(v) = ThreadData::arbitrary(&mut u) {
            assert_round_trip!(ThreadData, v);
        }
    }
    assert!(nested > 100, "{nested}");
}
