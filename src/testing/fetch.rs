//! Strategies, known answers and round trips for FETCH attributes, sections and partials.

use alloc::string::String;
use alloc::vec::Vec;

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::owned::IntoStatic;
use crate::parse::Parse;
use crate::serialize::{EncodeConfig, LiteralMode};
use crate::testing::primitive::astring;
use crate::testing::{assert_round_trip, config};
use crate::types::fetch::{FetchAttribute, FetchItems, Partial, Section, SectionPart, SectionText};
use crate::types::list::{List, NonEmptyList};
use crate::types::primitive::{AString, Number64, NzNumber64};

pub(crate) fn section_part() -> impl Strategy<Value = SectionPart<'static>> {
    proptest::collection::vec(prop_oneof![4 => 1u32..=9, 1 => 1u32..=u32::MAX], 1..6)
        .prop_map(|v| SectionPart::from_numbers(&v).unwrap())
}

fn header_list() -> impl Strategy<Value = NonEmptyList<'static, AString<'static>>> {
    proptest::collection::vec(astring(), 1..4)
        .prop_map(|v| NonEmptyList::new(List::from(v)).unwrap())
}

pub(crate) fn section_text() -> impl Strategy<Value = SectionText<'static>> {
    prop_oneof![
        Just(SectionText::Header),
        header_list().prop_map(SectionText::HeaderFields),
        header_list().prop_map(SectionText::HeaderFieldsNot),
        Just(SectionText::Text),
        Just(SectionText::Mime),
    ]
}

pub(crate) fn section() -> impl Strategy<Value = Section<'static>> {
    (
        proptest::option::of(section_part()),
        proptest::option::of(section_text()),
    )
        .prop_map(|(part, text)| match Section::new(part, text.clone()) {
            Ok(s) => s,
            // `MIME` needs a part.
            Err(_) => Section::new(Some(SectionPart::from_numbers(&[1]).unwrap()), text).unwrap(),
        })
}

pub(crate) fn partial() -> impl Strategy<Value = Partial> {
    (
        prop_oneof![0u64..=4096, 0..=Number64::MAX.get()],
        prop_oneof![1u64..=4096, 1..=Number64::MAX.get()],
    )
        .prop_map(|(o, l)| Partial {
            offset: Number64::new(o).unwrap(),
            length: NzNumber64::new(l).unwrap(),
        })
}

pub(crate) fn fetch_attribute() -> impl Strategy<Value = FetchAttribute<'static>> {
    use FetchAttribute as A;
    prop_oneof![
        proptest::sample::select(alloc::vec![
            A::Envelope,
            A::Flags,
            A::InternalDate,
            A::Rfc822,
            A::Rfc822Header,
            A::Rfc822Size,
            A::Rfc822Text,
            A::Body,
            A::BodyStructure,
            A::Uid,
        ]),
        (any::<bool>(), section(), proptest::option::of(partial())).prop_map(
            |(peek, section, partial)| A::BodySection {
                peek,
                section,
                partial
            }
        ),
        (
            any::<bool>(),
            proptest::option::of(section_part()),
            proptest::option::of(partial())
        )
            .prop_map(|(peek, section, partial)| A::Binary {
                peek,
                section,
                partial
            }),
        proptest::option::of(section_part()).prop_map(|section| A::BinarySize { section }),
        crate::testing::fetch_ext::fetch_attribute_ext(),
    ]
}

pub(crate) fn fetch_items() -> impl Strategy<Value = FetchItems<'static>> {
    prop_oneof![
        Just(FetchItems::All),
        Just(FetchItems::Fast),
        Just(FetchItems::Full),
        fetch_attribute().prop_map(FetchItems::Attribute),
        proptest::collection::vec(fetch_attribute(), 1..5)
            .prop_map(|v| FetchItems::Attributes(NonEmptyList::new(List::from(v)).unwrap())),
    ]
}

fn encode_config() -> impl Strategy<Value = EncodeConfig> {
    (
        proptest::sample::select(alloc::vec![LiteralMode::Sync, LiteralMode::NonSync]),
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
    fn fetch_items_round_trip(v in fetch_items(), enc in encode_config()) {
        assert_round_trip!(FetchItems, v.clone(), enc, &ParseConfig::default());
        let bytes = crate::testing::encode_with(&v, enc);
        prop_assert_eq!(FetchItems::parse(&bytes).unwrap().into_static(), v);
    }

    #[test]
    fn fetch_attribute_round_trips(v in fetch_attribute()) {
        assert_round_trip!(FetchAttribute, v);
    }

    #[test]
    fn section_round_trips(v in section()) {
        assert_round_trip!(Section, v.clone());
        if let Some(text) = v.text() {
            assert_round_trip!(SectionText, text.clone());
        }
    }

    #[test]
    fn section_part_round_trips(v in proptest::collection::vec(1u32..=u32::MAX, 1..8)) {
        let part = SectionPart::from_numbers(&v).unwrap();
        assert_round_trip!(SectionPart, part.clone());
        let back = SectionPart::parse(part.as_bytes()).unwrap();
        prop_assert_eq!(back.iter().map(|n| n.get()).collect::<Vec<_>>(), v.clone());
        prop_assert_eq!(back.len(), v.len());
        prop_assert!(SectionPart::new(String::from(part.as_str())).is_ok());
    }

    #[test]
    fn partial_round_trips(v in partial()) {
        crate::testing::round_trip_owned(v);
    }

    /// Names read in any case and are written in upper case: changing the case of any
    /// letters changes nothing but the case of header field names.
    #[test]
    fn names_read_in_any_case(v in fetch_items(), mask in any::<u64>()) {
        let canonical = crate::to_vec(&v);
        let mut odd = canonical.clone();
        for (k, b) in odd.iter_mut().enumerate() {
            if mask >> (k % 64) & 1 == 1 {
                *b = b.to_ascii_lowercase();
            }
        }
        let parsed = FetchItems::parse(&odd).unwrap();
        let written = crate::to_vec(&parsed);
        prop_assert_eq!(written.to_ascii_lowercase(), canonical.to_ascii_lowercase());
        if !canonical.windows(6).any(|w| w == b"FIELDS") {
            prop_assert_eq!(written, canonical);
            prop_assert_eq!(parsed, v);
        }
    }

    #[test]
    fn no_input_panics_the_fetch_parsers(v in proptest::collection::vec(
        prop_oneof![
            proptest::sample::select(alloc::vec![
                &b"("[..], b")", b" ", b"BODY", b".PEEK", b"[", b"]", b"1", b".", b"0", b"<",
                b">", b"HEADER", b".FIELDS", b".NOT", b"MIME", b"TEXT", b"BINARY", b".SIZE",
                b"\"x\"", b"{1}\r\n", b"ALL",
            ]).prop_map(<[u8]>::to_vec),
            any::<u8>().prop_map(|b| alloc::vec![b]),
        ],
        0..24,
    )) {
        let bytes: Vec<u8> = v.concat();
        if let Ok(items) = FetchItems::parse(&bytes) {
            assert_round_trip!(FetchItems, items);
        }
        if let Ok(section) = Section::parse(&bytes) {
            assert_round_trip!(Section, section);
        }
        let _ = FetchAttribute::parse(&bytes);
        let _ = SectionText::parse(&bytes);
        let _ = SectionPart::parse(&bytes);
        let _ = Partial::parse(&bytes);
    }
}

#[test]
fn parsed_values_borrow_and_become_static() {
    let input = b"(BODY.PEEK[1.2.HEADER.FIELDS (Subject)]<0.10> BINARY[3])".to_vec();
    let items = FetchItems::parse(&input).unwrap();
    let FetchItems::Attributes(list) = &items else {
        panic!("{items:?}")
    };
    let FetchAttribute::BodySection { section, .. } = &list.to_vec()[0] else {
        panic!("{list:?}")
    };
    let Some(path) = section.part_path() else {
        panic!("{section:?}")
    };
    assert!(matches!(
        path.clone().into_inner(),
        alloc::borrow::Cow::Borrowed("1.2")
    ));
    let owned: FetchItems<'static> = items.into_static();
    drop(input);
    assert_eq!(
        crate::to_vec(&owned),
        b"(BODY.PEEK[1.2.HEADER.FIELDS (Subject)]<0.10> BINARY[3])"
    );
    assert_eq!(
        FetchItems::from(FetchAttribute::Uid),
        FetchItems::Attribute(FetchAttribute::Uid)
    );
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_values_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};
    let mut sections = 0;
    for buf in crate::testing::random_buffers(4000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = FetchItems::arbitrary(&mut u) {
            assert_round_trip!(FetchItems, v);
        }
        if let Ok(v) = FetchAttribute::arbitrary(&mut u) {
            sections += usize::from(matches!(v, FetchAttribute::BodySection { .. }));
            assert_round_trip!(FetchAttribute, v);
        }
        if let Ok(v) = Section::arbitrary(&mut u) {
            assert_round_trip!(Section, v);
        }
        if let Ok(v) = SectionText::arbitrary(&mut u) {
            assert_round_trip!(SectionText, v);
        }
        if let Ok(v) = SectionPart::arbitrary(&mut u) {
            assert_round_trip!(SectionPart, v);
        }
        if let Ok(v) = Partial::arbitrary(&mut u) {
            crate::testing::round_trip_owned(v);
        }
    }
    assert!(sections > 0, "body sections are never generated");
}
