//! Strategies, known answers and round trips for search keys, programs and SEARCH arguments.

use alloc::vec::Vec;

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::error::{ErrorKind, ParseError};
use crate::owned::IntoStatic;
use crate::parse::Parse;
use crate::serialize::{EncodeConfig, LiteralMode};
use crate::testing::datetime::date;
use crate::testing::primitive::{ascii_from, astring, atom};
use crate::testing::sequence::sequence_set;
use crate::testing::{assert_round_trip, config};
use crate::types::datetime::Date;
use crate::types::list::{List, NonEmptyList};
use crate::types::primitive::{AString, Atom, Charset, Number64};
use crate::types::search::SearchKey as K;
use crate::types::search::{
    SearchCommandArgs, SearchKey, SearchProgram, SearchReturnExtension, SearchReturnOption,
};

fn number64() -> impl Strategy<Value = Number64> {
    prop_oneof![0u64..5000, 0..=Number64::MAX.get()].prop_map(|n| Number64::new(n).unwrap())
}

/// Keys that do not nest.
fn leaf_key() -> impl Strategy<Value = K<'static>> {
    let units = alloc::vec![
        K::All,
        K::Answered,
        K::Deleted,
        K::Flagged,
        K::New,
        K::Old,
        K::Recent,
        K::Seen,
        K::Unanswered,
        K::Undeleted,
        K::Unflagged,
        K::Unseen,
        K::Draft,
        K::Undraft,
    ];
    let strings: [fn(AString<'static>) -> K<'static>; 7] =
        [K::Bcc, K::Body, K::Cc, K::From, K::Subject, K::Text, K::To];
    let dates: [fn(Date) -> K<'static>; 6] = [
        K::Before,
        K::On,
        K::Since,
        K::SentBefore,
        K::SentOn,
        K::SentSince,
    ];
    let atoms: [fn(Atom<'static>) -> K<'static>; 2] = [K::Keyword, K::Unkeyword];
    let numbers: [fn(Number64) -> K<'static>; 2] = [K::Larger, K::Smaller];
    prop_oneof![
        proptest::sample::select(units),
        (proptest::sample::select(strings.to_vec()), astring()).prop_map(|(f, s)| f(s)),
        (proptest::sample::select(dates.to_vec()), date()).prop_map(|(f, d)| f(d)),
        (proptest::sample::select(atoms.to_vec()), atom()).prop_map(|(f, a)| f(a)),
        (proptest::sample::select(numbers.to_vec()), number64()).prop_map(|(f, n)| f(n)),
        (astring(), astring()).prop_map(|(n, v)| K::Header(n, v)),
        sequence_set().prop_map(K::Uid),
        sequence_set().prop_map(K::SequenceSet),
        crate::testing::search_ext::search_key_ext().prop_map(K::Ext),
    ]
}

/// Keys nesting up to three levels through `NOT`, `OR` and groups.
pub(crate) fn search_key() -> impl Strategy<Value = K<'static>> {
    leaf_key().prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            inner.clone().prop_map(|k| !k),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| SearchKey::or(a, b)),
            proptest::collection::vec(inner, 1..4).prop_map(|v| SearchKey::group(v).unwrap()),
        ]
    })
}

fn charset() -> impl Strategy<Value = Charset<'static>> {
    prop_oneof![
        proptest::sample::select(alloc::vec!["UTF-8", "US-ASCII", "KOI8-R", "ISO-8859-1"])
            .prop_map(|s| Charset::new(s).unwrap()),
        ascii_from(crate::chars::is_text_char, 0, 10).prop_map(|s| Charset::new(s).unwrap()),
    ]
}

pub(crate) fn search_program() -> impl Strategy<Value = SearchProgram<'static>> {
    (
        proptest::option::of(charset()),
        proptest::collection::vec(search_key(), 1..3),
    )
        .prop_map(|(charset, keys)| SearchProgram {
            charset,
            keys: NonEmptyList::new(List::from(keys)).unwrap(),
        })
}

fn extension() -> impl Strategy<Value = SearchReturnExtension<'static>> {
    "[A-Za-z._-][A-Za-z0-9._:-]{0,8}"
        .prop_filter_map("reserved name", |s| SearchReturnExtension::new(s).ok())
}

pub(crate) fn search_return_option() -> impl Strategy<Value = SearchReturnOption<'static>> {
    prop_oneof![
        Just(SearchReturnOption::Min),
        Just(SearchReturnOption::Max),
        Just(SearchReturnOption::All),
        Just(SearchReturnOption::Count),
        Just(SearchReturnOption::Save),
        crate::testing::search_ext::partial_range().prop_map(SearchReturnOption::Partial),
        extension().prop_map(SearchReturnOption::Extension),
        proptest::collection::vec(crate::testing::fetch::fetch_attribute(), 0..3)
            .prop_map(|atts| SearchReturnOption::Update(List::from(atts))),
    ]
}

pub(crate) fn search_command_args() -> impl Strategy<Value = SearchCommandArgs<'static>> {
    (
        proptest::option::of(proptest::collection::vec(search_return_option(), 0..5)),
        search_program(),
    )
        .prop_map(|(opts, program)| SearchCommandArgs {
            return_options: opts.map(List::from),
            program,
        })
}

fn encode_config() -> impl Strategy<Value = EncodeConfig> {
    (
        proptest::sample::select(alloc::vec![
            LiteralMode::Sync,
            LiteralMode::NonSync,
            LiteralMode::NonSyncUpTo4096
        ]),
        any::<bool>(),
    )
        .prop_map(|(m, u)| {
            EncodeConfig::default()
                .with_literal_mode(m)
                .with_utf8_accept(u)
        })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn search_key_round_trips(v in search_key(), enc in encode_config()) {
        assert_round_trip!(SearchKey, v.clone(), enc, &ParseConfig::default());
        let bytes = crate::testing::encode_with(&v, enc);
        let parsed = SearchKey::parse(&bytes).unwrap();
        prop_assert_eq!(parsed.into_static(), v);
    }

    #[test]
    fn search_program_round_trips(v in search_program(), enc in encode_config()) {
        assert_round_trip!(SearchProgram, v, enc, &ParseConfig::default());
    }

    #[test]
    fn search_return_option_round_trips(v in search_return_option()) {
        assert_round_trip!(SearchReturnOption, v);
    }

    #[test]
    fn search_command_args_round_trip(v in search_command_args(), enc in encode_config()) {
        assert_round_trip!(SearchCommandArgs, v, enc, &ParseConfig::default());
    }

    /// Every keyword reads in any case.
    #[test]
    fn keywords_read_in_any_case(v in leaf_key(), mask in any::<u32>()) {
        let Some(word) = v.keyword() else { return Ok(()) };
        let canonical = crate::to_vec(&v);
        let mut odd = canonical.clone();
        for (k, b) in odd[..word.len()].iter_mut().enumerate() {
            if mask >> (k % 32) & 1 == 1 {
                *b = b.to_ascii_lowercase();
            }
        }
        let parsed = SearchKey::parse(&odd).unwrap();
        prop_assert_eq!(&parsed, &v);
        prop_assert_eq!(crate::to_vec(&parsed), canonical);
    }

    #[test]
    fn no_input_panics_the_search_parsers(v in proptest::collection::vec(
        prop_oneof![
            proptest::sample::select(alloc::vec![
                &b"("[..], b")", b" ", b"NOT ", b"OR ", b"ALL", b"1:*", b"$", b"\"x\"",
                b"{1}\r\n", b"SINCE ", b"1-Feb-1994", b"CHARSET ", b"RETURN ", b"HEADER ",
                b"uid ", b"MIN", b"x",
            ]).prop_map(<[u8]>::to_vec),
            any::<u8>().prop_map(|b| alloc::vec![b]),
        ],
        0..24,
    )) {
        let bytes: Vec<u8> = v.concat();
        if let Ok(k) = SearchKey::parse(&bytes) {
            assert_round_trip!(SearchKey, k);
        }
        if let Ok(p) = SearchProgram::parse(&bytes) {
            prop_assert_eq!(p.keys.iter().count(), p.keys.len());
            assert_round_trip!(SearchProgram, p);
        }
        if let Ok(a) = SearchCommandArgs::parse(&bytes) {
            assert_round_trip!(SearchCommandArgs, a);
        }
        let _ = SearchReturnOption::parse(&bytes);
        let _ = SearchReturnExtension::parse(&bytes);
    }
}

fn err(kind: ErrorKind, offset: usize) -> ParseError {
    ParseError { kind, offset }
}

/// `max_depth` bounds `NOT`, `OR` and groups alike: `n` levels pass at a limit of `n`, one
/// more fails with `TooDeep` where the extra level starts.
#[test]
fn depth_limit_counts_every_kind_of_nesting() {
    for limit in [0u32, 1, 5, 64] {
        let cfg = ParseConfig::default().with_max_depth(limit);
        let n = limit as usize;
        let shapes: [(&str, &str, &str, usize); 3] = [
            ("(", "ALL", ")", 1),
            ("NOT ", "ALL", "", 4),
            ("OR ALL ", "ALL", "", 7),
        ];
        for (open, core, close, width) in shapes {
            let build = |levels: usize| {
                let mut v = open.repeat(levels).into_bytes();
                v.extend_from_slice(core.as_bytes());
                v.extend_from_slice(close.repeat(levels).as_bytes());
                v
            };
            let ok = build(n);
            let key = SearchKey::parse_with(&ok, &cfg).unwrap();
            assert_eq!(crate::to_vec(&key), ok);
            let deep = build(n + 1);
            assert_eq!(
                SearchKey::parse_with(&deep, &cfg),
                Err(err(ErrorKind::TooDeep, n * width)),
                "{open:?} x {}",
                n + 1
            );
        }
    }
    // The program's own keys are at the top level; RETURN's list and a group each take one
    // level from there.
    let cfg = ParseConfig::default().with_max_depth(1);
    assert!(SearchCommandArgs::parse_with(b"RETURN (MIN) (ALL)", &cfg).is_ok());
    let cfg = ParseConfig::default().with_max_depth(0);
    assert_eq!(
        SearchCommandArgs::parse_with(b"RETURN (MIN) ALL", &cfg),
        Err(err(ErrorKind::TooDeep, 7))
    );
}

/// A megabyte of `(` (and of `NOT`, and of `OR`) is refused with `TooDeep` on a small stack.
#[cfg(feature = "std")]
#[test]
fn a_megabyte_of_nesting_is_too_deep_on_a_small_stack() {
    let worker = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            let parens = alloc::vec![b'('; 1 << 20];
            assert_eq!(SearchKey::parse(&parens), Err(err(ErrorKind::TooDeep, 64)));
            assert_eq!(
                SearchProgram::parse(&parens),
                Err(err(ErrorKind::TooDeep, 64))
            );
            let mut args = b"RETURN () ".to_vec();
            args.extend_from_slice(&parens);
            assert_eq!(
                SearchCommandArgs::parse(&args).unwrap_err().kind,
                ErrorKind::TooDeep
            );
            let nots = b"NOT ".repeat(1 << 18);
            assert_eq!(SearchKey::parse(&nots), Err(err(ErrorKind::TooDeep, 256)));
            let ors = b"OR ".repeat(1 << 18);
            assert_eq!(SearchKey::parse(&ors), Err(err(ErrorKind::TooDeep, 192)));
            // At the limit itself, parsing, comparing, printing and copying all work.
            let mut deep = b"(".repeat(64);
            deep.extend_from_slice(b"ALL");
            deep.extend_from_slice(&b")".repeat(64));
            let key = SearchKey::parse(&deep).unwrap();
            assert_eq!(key.clone().into_static(), key);
            assert_eq!(crate::to_vec(&key), deep);
            assert!(alloc::format!("{key:?}").contains("All"));
        })
        .unwrap();
    worker.join().unwrap();
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_values_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};
    let mut nested = 0;
    for buf in crate::testing::random_buffers(4000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = SearchKey::arbitrary(&mut u) {
            nested += usize::from(matches!(v, K::Not(_) | K::Or(..) | K::Group(_)));
            assert_round_trip!(SearchKey, v);
        }
        if let Ok(v) = SearchProgram::arbitrary(&mut u) {
            assert_round_trip!(SearchProgram, v);
        }
        if let Ok(v) = SearchReturnOption::arbitrary(&mut u) {
            assert_round_trip!(SearchReturnOption, v);
        }
        if let Ok(v) = SearchReturnExtension::arbitrary(&mut u) {
            assert_round_trip!(SearchReturnExtension, v);
        }
        if let Ok(v) = SearchCommandArgs::arbitrary(&mut u) {
            assert_round_trip!(SearchCommandArgs, v);
        }
    }
    assert!(nested > 0, "nested keys are never generated");
}
