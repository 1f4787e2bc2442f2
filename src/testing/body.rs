//! Strategies and round trips for body structures; known answers are in `body_known`, the
//! nesting limits in `body_depth`.

use alloc::vec;
use alloc::vec::Vec;

use proptest::prelude::*;

use crate::parse::Parse;
use crate::testing::envelope::{envelope, nstring, string, string_from};
use crate::testing::{assert_round_trip, config};
use crate::types::body::{
    BasicType, Body, BodyExtension, BodyFields, BodyParam, Disposition, DispositionExt, Encoding,
    LanguageExt, LocationExt, MessagePart, MessageSubtype, MultiPart, MultiPartExtension,
    SinglePart, SinglePartExtension, SinglePartKind,
};
use crate::types::list::{List, NonEmptyList};
use crate::types::primitive::{IString, Number64};

/// A string from `pool` or, one time in three, any [`string`] (one strategy node each).
fn pooled(pool: &'static [&'static str]) -> BoxedStrategy<IString<'static>> {
    any::<u64>()
        .prop_map(move |seed| match seed % 3 {
            0 => string_from(seed / 3),
            _ => IString::new(pool[(seed / 3) as usize % pool.len()].as_bytes()).unwrap(),
        })
        .boxed()
}

/// Small line counts mostly, any `number64` sometimes.
fn number64() -> BoxedStrategy<Number64> {
    any::<u64>()
        .prop_map(|n| Number64::new(if n % 2 == 0 { n / 2 % 100_000 } else { n >> 1 }).unwrap())
        .boxed()
}

fn params() -> BoxedStrategy<List<'static, BodyParam<'static>>> {
    proptest::collection::vec(
        (
            pooled(&["CHARSET", "NAME", "BOUNDARY", "FILENAME"]),
            string(),
        )
            .prop_map(|(name, value)| BodyParam { name, value }),
        0..3,
    )
    .prop_map(List::from)
    .boxed()
}

fn encoding() -> BoxedStrategy<Encoding<'static>> {
    prop_oneof![
        Just(Encoding::SevenBit),
        Just(Encoding::EightBit),
        Just(Encoding::Binary),
        Just(Encoding::Base64),
        Just(Encoding::QuotedPrintable),
        pooled(&["x-uuencode", "base64", "Quoted-Printable"]).prop_map(Encoding::from_name),
    ]
    .boxed()
}

fn body_fields() -> BoxedStrategy<BodyFields<'static>> {
    (params(), nstring(), nstring(), encoding(), any::<u32>())
        .prop_map(|(params, id, description, encoding, octets)| BodyFields {
            params,
            id,
            description,
            encoding,
            octets,
        })
        .boxed()
}

pub(crate) fn body_extension() -> BoxedStrategy<BodyExtension<'static>> {
    prop_oneof![
        nstring().prop_map(BodyExtension::NString),
        number64().prop_map(BodyExtension::Number),
    ]
    .prop_recursive(2, 8, 3, |inner| {
        proptest::collection::vec(inner, 1..3)
            .prop_map(|v| BodyExtension::List(NonEmptyList::try_from(v).unwrap()))
    })
    .boxed()
}

fn disposition_ext() -> BoxedStrategy<Option<DispositionExt<'static>>> {
    let disposition = (pooled(&["INLINE", "attachment"]), params())
        .prop_map(|(kind, params)| Disposition { kind, params });
    let location = (nstring(), proptest::collection::vec(body_extension(), 0..3)).prop_map(
        |(location, ext)| LocationExt {
            location,
            extensions: List::from(ext),
        },
    );
    let language = (
        proptest::collection::vec(pooled(&["EN", "de", "fr-CA"]), 0..3),
        proptest::option::of(location),
    )
        .prop_map(|(tags, rest)| LanguageExt {
            language: List::from(tags),
            rest,
        });
    proptest::option::of(
        (
            proptest::option::of(disposition),
            proptest::option::of(language),
        )
            .prop_map(|(disposition, rest)| DispositionExt { disposition, rest }),
    )
    .boxed()
}

fn single_ext() -> BoxedStrategy<Option<SinglePartExtension<'static>>> {
    proptest::option::of(
        (nstring(), disposition_ext()).prop_map(|(md5, rest)| SinglePartExtension { md5, rest }),
    )
    .boxed()
}

fn basic() -> BoxedStrategy<BasicType<'static>> {
    const TYPES: &[&str] = &[
        "APPLICATION",
        "image",
        "MESSAGE",
        "text",
        "Text",
        "x-custom",
    ];
    const SUBTYPES: &[&str] = &[
        "PDF",
        "PLAIN",
        "RFC822",
        "rfc822",
        "GLOBAL",
        "DELIVERY-STATUS",
    ];
    (pooled(TYPES), pooled(SUBTYPES))
        .prop_map(|(t, s)| match BasicType::new(t, s.clone()) {
            Ok(b) => b,
            Err(_) => BasicType::new(IString::new(&b"APPLICATION"[..]).unwrap(), s).unwrap(),
        })
        .boxed()
}

fn leaf() -> BoxedStrategy<Body<'static>> {
    let kind = prop_oneof![
        basic().prop_map(SinglePartKind::Basic),
        (pooled(&["PLAIN", "HTML", "calendar"]), number64())
            .prop_map(|(subtype, lines)| SinglePartKind::Text { subtype, lines }),
    ];
    (kind, body_fields(), single_ext())
        .prop_map(|(kind, fields, extension)| {
            Body::Single(SinglePart {
                kind,
                fields,
                extension,
            })
        })
        .boxed()
}

pub(crate) fn body() -> BoxedStrategy<Body<'static>> {
    leaf()
        .prop_recursive(3, 12, 3, |inner| {
            let multi_ext = proptest::option::of(
                (params(), disposition_ext())
                    .prop_map(|(params, rest)| MultiPartExtension { params, rest }),
            );
            let subtype = prop_oneof![Just(MessageSubtype::Rfc822), Just(MessageSubtype::Global)];
            prop_oneof![
                (
                    proptest::collection::vec(inner.clone(), 1..4),
                    pooled(&["MIXED", "alternative", "RELATED", "digest"]),
                    multi_ext,
                )
                    .prop_map(|(parts, subtype, extension)| Body::Multi(
                        MultiPart {
                            parts: NonEmptyList::try_from(parts).unwrap(),
                            subtype,
                            extension,
                        }
                    )),
                (
                    subtype,
                    envelope(),
                    inner,
                    number64(),
                    body_fields(),
                    single_ext()
                )
                    .prop_map(
                        |(subtype, envelope, body, lines, fields, extension)| {
                            let part = MessagePart::new(subtype, envelope, body, lines);
                            Body::Single(SinglePart {
                                kind: SinglePartKind::Message(part),
                                fields,
                                extension,
                            })
                        }
                    ),
            ]
        })
        .boxed()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn body_round_trips(v in body()) {
        assert_round_trip!(Body, v.clone());
        let bytes = crate::to_vec(&v);
        prop_assert_eq!(crate::to_vec(&Body::parse(&bytes).unwrap()), bytes);
    }

    #[test]
    fn body_extension_round_trips(v in body_extension()) {
        assert_round_trip!(BodyExtension, v);
    }

    #[test]
    fn no_input_panics_the_body_parsers(v in proptest::collection::vec(
        prop_oneof![
            Just(&b"("[..]),
            Just(&b")"[..]),
            Just(&b" "[..]),
            Just(&b"NIL"[..]),
            Just(&b"12"[..]),
            Just(&b"\"TEXT\" \"PLAIN\" "[..]),
            Just(&b"\"MESSAGE\" \"RFC822\" "[..]),
            Just(&b"\"MESSAGE\" \"GLOBAL\" "[..]),
            Just(&b"NIL NIL NIL \"7BIT\" 1"[..]),
            Just(&b"(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)"[..]),
            Just(&b"{1}\r\nx"[..]),
            Just(&b"\"a\""[..]),
        ],
        0..32,
    )) {
        let bytes: Vec<u8> = v.concat();
        let _ = Body::parse(&bytes);
        let _ = BodyExtension::parse(&bytes);
    }
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_bodies_round_trip() {
    use arbitrary::{Arbitrary, Result, Unstructured};

    use crate::types::body::OtherEncoding;

    /// A body built from every part type's own generator.
    fn assembled<'a>(u: &mut Unstructured<'a>) -> Result<Body<'a>> {
        let mut fields = BodyFields::arbitrary(u)?;
        fields.encoding = Encoding::arbitrary(u)?;
        fields.params = List::from(vec![BodyParam::arbitrary(u)?]);
        let mut lang = LanguageExt::arbitrary(u)?;
        lang.rest = Some(LocationExt::arbitrary(u)?);
        let mut dsp = DispositionExt::arbitrary(u)?;
        dsp.disposition = Some(Disposition::arbitrary(u)?);
        dsp.rest = Some(lang);
        let mut message = MessagePart::arbitrary(u)?;
        message.subtype = MessageSubtype::arbitrary(u)?;
        let mut ext = SinglePartExtension::arbitrary(u)?;
        ext.rest = Some(dsp.clone());
        let first = Body::Single(SinglePart {
            kind: SinglePartKind::Message(message),
            fields,
            extension: Some(ext),
        });
        let second = Body::Single(SinglePart {
            kind: SinglePartKind::arbitrary(u)?,
            fields: BodyFields::arbitrary(u)?,
            extension: None,
        });
        let mut multi_ext = MultiPartExtension::arbitrary(u)?;
        multi_ext.rest = Some(dsp);
        let mut multi = MultiPart::arbitrary(u)?;
        multi.parts = NonEmptyList::try_from(vec![first, second, Body::arbitrary(u)?])
            .unwrap_or_else(|_| unreachable!());
        multi.extension = Some(multi_ext);
        Ok(Body::Multi(multi))
    }

    let mut kinds = [0usize; 3];
    let mut assembled_count = 0;
    for buf in crate::testing::random_buffers(4000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = Body::arbitrary(&mut u) {
            if let Body::Single(s) = &v {
                kinds[match s.kind {
                    SinglePartKind::Basic(_) => 0,
                    SinglePartKind::Text { .. } => 1,
                    _ => 2,
                }] += 1;
            }
            assert_round_trip!(Body, v);
        }
        if let Ok(v) = BodyExtension::arbitrary(&mut u) {
            assert_round_trip!(BodyExtension, v);
        }
        if let Ok(v) = BasicType::arbitrary(&mut u) {
            assert!(BasicType::new(v.media_type().clone(), v.subtype().clone()).is_ok());
        }
        if let Ok(v) = OtherEncoding::arbitrary(&mut u) {
            assert!(OtherEncoding::new(v.as_bytes()).is_ok());
        }
        if let Ok(v) = SinglePart::arbitrary(&mut u) {
            assert_round_trip!(Body, Body::Single(v));
        }
        if let Ok(v) = MultiPart::arbitrary(&mut u) {
            assert_round_trip!(Body, Body::Multi(v));
        }
        if let Ok(v) = assembled(&mut u) {
            assembled_count += 1;
            assert_round_trip!(Body, v);
        }
    }
    assert!(kinds.iter().all(|&k| k > 0), "{kinds:?}");
    assert!(assembled_count > 0);
}
