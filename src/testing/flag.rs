//! Strategies, known answers and round trips for flags and flag lists.

use alloc::vec::Vec;

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::error::{ErrorKind, ParseError};
use crate::parse::Parse;
use crate::testing::primitive::atom;
use crate::testing::{assert_round_trip, config};
use crate::types::flag::{Flag, FlagExtension, FlagList, FlagPerm, FlagPermList};
use crate::types::primitive::Atom;

/// Names that matter to the grammar: system names in odd cases and the registered keywords.
const NAMES: &[&str] = &[
    "Seen",
    "SEEN",
    "recent",
    "Draft",
    "$MDNSent",
    "$Forwarded",
    "$Junk",
    "$NotJunk",
    "$Phishing",
    "Important",
];

fn name() -> impl Strategy<Value = Atom<'static>> {
    prop_oneof![
        atom(),
        proptest::sample::select(NAMES).prop_map(|n| Atom::new(n).unwrap()),
    ]
}

pub(crate) fn flag_extension() -> impl Strategy<Value = FlagExtension<'static>> {
    name().prop_map(
        |a| match FlagExtension::new(alloc::string::String::from(a.as_str())) {
            Ok(e) => e,
            Err(_) => FlagExtension::new(alloc::format!("{}X", a.as_str())).unwrap(),
        },
    )
}

pub(crate) fn flag() -> impl Strategy<Value = Flag<'static>> {
    prop_oneof![
        Just(Flag::Answered),
        Just(Flag::Flagged),
        Just(Flag::Deleted),
        Just(Flag::Seen),
        Just(Flag::Draft),
        Just(Flag::Recent),
        name().prop_map(Flag::Keyword),
        flag_extension().prop_map(Flag::Extension),
    ]
}

pub(crate) fn flag_perm() -> impl Strategy<Value = FlagPerm<'static>> {
    prop_oneof![1 => Just(FlagPerm::Any), 6 => flag().prop_map(FlagPerm::Flag)]
}

pub(crate) fn flag_list() -> impl Strategy<Value = FlagList<'static>> {
    proptest::collection::vec(flag(), 0..8).prop_map(FlagList::from)
}

pub(crate) fn flag_perm_list() -> impl Strategy<Value = FlagPermList<'static>> {
    proptest::collection::vec(flag_perm(), 0..8).prop_map(FlagPermList::from)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn flag_round_trips(v in flag()) {
        assert_round_trip!(Flag, v);
    }

    #[test]
    fn flag_perm_round_trips(v in flag_perm()) {
        assert_round_trip!(FlagPerm, v);
    }

    #[test]
    fn flag_extension_round_trips(v in flag_extension()) {
        assert_round_trip!(FlagExtension, v);
    }

    #[test]
    fn flag_list_round_trips(v in flag_list()) {
        assert_round_trip!(FlagList, v.clone());
        let bytes = crate::to_vec(&v);
        let parsed = FlagList::parse(&bytes).unwrap();
        prop_assert_eq!(parsed.0.to_vec(), v.0.to_vec());
    }

    #[test]
    fn flag_perm_list_round_trips(v in flag_perm_list()) {
        assert_round_trip!(FlagPermList, v);
    }

    #[test]
    fn system_flags_read_in_any_case(k in 0usize..6, mask in any::<u16>()) {
        let canonical = ["Answered", "Flagged", "Deleted", "Seen", "Draft", "Recent"][k];
        let odd: alloc::string::String = canonical
            .chars()
            .enumerate()
            .map(|(n, c)| if mask >> (n % 16) & 1 == 1 { c.to_ascii_uppercase() } else {
                c.to_ascii_lowercase()
            })
            .collect();
        let wire = alloc::format!("\\{odd}");
        let f = Flag::parse(wire.as_bytes()).unwrap();
        let want = alloc::format!("\\{canonical}");
        prop_assert_eq!(f.system_name(), Some(want.as_str()));
        prop_assert_eq!(crate::to_vec(&f), want.into_bytes());
    }

    #[test]
    fn no_input_panics_the_flag_parsers(v in proptest::collection::vec(
        prop_oneof![Just(b'\\'), Just(b'('), Just(b')'), Just(b' '), Just(b'*'), any::<u8>()],
        0..24,
    )) {
        let _ = Flag::parse(&v);
        let _ = FlagPerm::parse(&v);
        let _ = FlagExtension::parse(&v);
        if let Ok(l) = FlagList::parse(&v) {
            prop_assert_eq!(l.0.iter().count(), l.0.len());
        }
        if let Ok(l) = FlagPermList::parse(&v) {
            prop_assert_eq!(l.0.iter().count(), l.0.len());
        }
    }
}

/// `flag!(Type, bytes, remainder, expected)`: parses a prefix, checks the remainder and the
/// value, and checks the value's serialization parses back equal.
macro_rules! flag {
    ($ty:ident, $bytes:expr, $rest:expr, $want:expr) => {{
        let bytes: &[u8] = $bytes;
        let (value, rest) =
            <$ty<'_> as Parse<'_>>::parse_prefix(bytes, &ParseConfig::default()).unwrap();
        assert_eq!(rest, $rest, "remainder of {:?}", bstr::BStr::new(bytes));
        assert_eq!(value, $want, "{:?}", bstr::BStr::new(bytes));
        assert_round_trip!($ty, value);
    }};
}

fn kw(name: &'static str) -> Flag<'static> {
    Flag::keyword(name).unwrap()
}

fn ext(name: &'static str) -> Flag<'static> {
    Flag::Extension(FlagExtension::new(name).unwrap())
}

#[test]
fn known_flags() {
    // RFC 9051 §2.3.2: system flags and the registered keywords.
    flag!(Flag, b"\\Seen", b"", Flag::Seen);
    flag!(Flag, b"\\Answered", b"", Flag::Answered);
    flag!(Flag, b"\\Flagged", b"", Flag::Flagged);
    flag!(Flag, b"\\Deleted", b"", Flag::Deleted);
    flag!(Flag, b"\\Draft", b"", Flag::Draft);
    flag!(Flag, b"\\Recent", b"", Flag::Recent);
    flag!(Flag, b"$Forwarded", b"", kw("$Forwarded"));
    flag!(Flag, b"$MDNSent", b"", kw("$MDNSent"));
    flag!(Flag, b"$Junk", b"", kw("$Junk"));
    flag!(Flag, b"$NotJunk", b"", kw("$NotJunk"));
    flag!(Flag, b"$Phishing", b"", kw("$Phishing"));
    // Case: system names in any case, keywords and extensions as written.
    flag!(Flag, b"\\SEEN", b"", Flag::Seen);
    flag!(Flag, b"\\seen", b"", Flag::Seen);
    flag!(Flag, b"\\rEcEnT", b"", Flag::Recent);
    flag!(Flag, b"Seen", b"", kw("Seen"));
    flag!(Flag, b"\\Important", b"", ext("Important"));
    flag!(Flag, b"\\Seen2", b"", ext("Seen2"));
    // Where a flag ends.
    flag!(Flag, b"\\Seen)", b")", Flag::Seen);
    flag!(Flag, b"\\Seen \\Draft", b" \\Draft", Flag::Seen);
    flag!(Flag, b"\\Seen\\Draft", b"\\Draft", Flag::Seen);
    flag!(Flag, b"a]", b"]", kw("a"));
    flag!(FlagPerm, b"\\*", b"", FlagPerm::Any);
    flag!(FlagPerm, b"\\*)", b")", FlagPerm::Any);
    flag!(FlagPerm, b"\\Deleted", b"", FlagPerm::Flag(Flag::Deleted));
    flag!(FlagPerm, b"$Junk", b"", FlagPerm::Flag(kw("$Junk")));

    assert_eq!(crate::to_vec(&Flag::parse(b"\\DRAFT").unwrap()), b"\\Draft");
    assert_eq!(crate::to_vec(&ext("X-Foo")), b"\\X-Foo");
    assert_eq!(crate::to_vec(&FlagPerm::Any), b"\\*");
}

#[test]
fn invalid_flags() {
    let bad: &[(&[u8], ParseError)] = &[
        (b"", err(ErrorKind::Expected("flag"), 0)),
        (b"(", err(ErrorKind::Expected("flag"), 0)),
        (b"\"Seen\"", err(ErrorKind::Expected("flag"), 0)),
        (b"\\", err(ErrorKind::Expected("atom"), 1)),
        (b"\\ Seen", err(ErrorKind::Expected("atom"), 1)),
        (b"\\*", err(ErrorKind::Expected("atom"), 1)),
        (b"\\Seen\\Draft", err(ErrorKind::Trailing, 5)),
        (b"\\Seen ", err(ErrorKind::Trailing, 5)),
        (b"$Junk*", err(ErrorKind::Trailing, 5)),
    ];
    for (input, want) in bad {
        assert_eq!(
            Flag::parse(input),
            Err(*want),
            "{:?}",
            bstr::BStr::new(input)
        );
    }
    assert_eq!(FlagPerm::parse(b"\\**"), Err(err(ErrorKind::Trailing, 2)));
    assert_eq!(
        FlagExtension::parse(b"\\Seen"),
        Err(err(ErrorKind::Expected("flag-extension"), 0))
    );
    for name in [
        "Seen", "sEEn", "RECENT", "answered", "Flagged", "deleted", "draft",
    ] {
        assert!(FlagExtension::new(name).is_err(), "{name}");
    }
    for name in ["", "a b", "a*", "a]", "\\Seen"] {
        assert!(FlagExtension::new(name).is_err(), "{name:?}");
        assert!(Flag::backslash(name).is_err(), "{name:?}");
    }
    assert!(Flag::keyword("\\Seen").is_err());
    assert_eq!(Flag::backslash("deleted").unwrap(), Flag::Deleted);
    assert_eq!(Flag::backslash("Junk").unwrap(), ext("Junk"));
}

fn err(kind: ErrorKind, offset: usize) -> ParseError {
    ParseError { kind, offset }
}

#[test]
fn known_flag_lists() {
    use Flag::*;
    // RFC 9051 §6.3.2 (SELECT) and §6.4.6 (STORE).
    let system = FlagList::from(alloc::vec![Answered, Flagged, Deleted, Seen, Draft]);
    flag!(
        FlagList,
        b"(\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
        b"",
        system.clone()
    );
    flag!(
        FlagList,
        b"(\\Seen \\Deleted)",
        b"",
        FlagList::from(alloc::vec![Seen, Deleted])
    );
    flag!(
        FlagList,
        b"(\\Deleted)",
        b"",
        FlagList::from(alloc::vec![Deleted])
    );
    flag!(FlagList, b"()", b"", FlagList::default());
    flag!(
        FlagList,
        b"(\\answered $Junk \\X-Spam \\recent) rest",
        b" rest",
        FlagList::from(alloc::vec![Answered, kw("$Junk"), ext("X-Spam"), Recent])
    );
    flag!(
        FlagPermList,
        b"(\\Deleted \\Seen \\*)",
        b"",
        FlagPermList::from(alloc::vec![
            FlagPerm::Flag(Deleted),
            FlagPerm::Flag(Seen),
            FlagPerm::Any
        ])
    );
    flag!(
        FlagPermList,
        b"(\\Deleted \\Seen \\Answered \\Flagged \\Draft \\*)",
        b"",
        [Deleted, Seen, Answered, Flagged, Draft]
            .into_iter()
            .map(FlagPerm::Flag)
            .chain([FlagPerm::Any])
            .collect::<FlagPermList<'_>>()
    );
    flag!(FlagPermList, b"()", b"", FlagPermList::default());
    assert_eq!(
        crate::to_vec(&FlagList::parse(b"(\\SEEN \\deleted)").unwrap()),
        b"(\\Seen \\Deleted)"
    );
    let parsed = FlagList::parse(b"(\\Answered \\Flagged \\Deleted \\Seen \\Draft)").unwrap();
    assert_eq!(parsed.0.to_vec(), system.0.to_vec());
    assert_ne!(parsed, FlagList::from(alloc::vec![Answered, Flagged]));

    let bad: &[(&[u8], ParseError)] = &[
        (b"\\Seen", err(ErrorKind::Expected("\"(\""), 0)),
        (b"(\\Seen", err(ErrorKind::Expected("\")\""), 6)),
        (b"(\\Seen )", err(ErrorKind::Expected("\")\""), 6)),
        (b"( \\Seen)", err(ErrorKind::Expected("\")\""), 1)),
        (b"(\\Seen  \\Draft)", err(ErrorKind::Expected("\")\""), 6)),
        (b"(\\*)", err(ErrorKind::Expected("\")\""), 1)),
        (b"(\\Seen) ", err(ErrorKind::Trailing, 7)),
    ];
    for (input, want) in bad {
        assert_eq!(
            FlagList::parse_with(input, &crate::ParseConfig::strict()),
            Err(*want),
            "{:?}",
            bstr::BStr::new(input)
        );
    }
    let shallow = ParseConfig::default().with_max_depth(0);
    assert_eq!(
        FlagList::parse_with(b"()", &shallow).unwrap_err().kind,
        ErrorKind::TooDeep
    );
}

#[test]
fn parsed_flags_borrow_and_become_static() {
    let input = b"(\\Important $Junk)".to_vec();
    let list = FlagList::parse(&input).unwrap();
    let items: Vec<Flag<'_>> = list.0.to_vec();
    match &items[1] {
        Flag::Keyword(a) => assert!(matches!(
            a.clone().into_inner(),
            alloc::borrow::Cow::Borrowed(_)
        )),
        other => panic!("{other:?}"),
    }
    let owned: FlagList<'static> = crate::IntoStatic::into_static(list);
    drop(input);
    assert_eq!(owned.0.to_vec(), alloc::vec![ext("Important"), kw("$Junk")]);
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_flags_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};

    use crate::types::flag::ATOM_CHARS;

    assert!(ATOM_CHARS.iter().all(|&b| crate::chars::is_atom_char(b)));
    assert_eq!(
        ATOM_CHARS.len(),
        (0u8..=255)
            .filter(|&b| crate::chars::is_atom_char(b))
            .count()
    );
    let mut seen_any = false;
    for buf in crate::testing::random_buffers(4000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = Flag::arbitrary(&mut u) {
            assert_round_trip!(Flag, v);
        }
        if let Ok(v) = FlagPerm::arbitrary(&mut u) {
            seen_any |= v == FlagPerm::Any;
            assert_round_trip!(FlagPerm, v);
        }
        if let Ok(v) = FlagExtension::arbitrary(&mut u) {
            assert_round_trip!(FlagExtension, v);
        }
        if let Ok(v) = FlagList::arbitrary(&mut u) {
            assert_round_trip!(FlagList, v);
        }
        if let Ok(v) = FlagPermList::arbitrary(&mut u) {
            assert_round_trip!(FlagPermList, v);
        }
    }
    assert!(seen_any);
}
