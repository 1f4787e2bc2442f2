//! Hand-written `Arbitrary` for the body structure: generated values are always valid (they
//! serialize to bytes that parse back equal) and nest at most [`DEPTH`] bodies deep, well
//! inside the default parse depth limit.

use alloc::borrow::Cow;
use alloc::vec::Vec;

use arbitrary::{Arbitrary, Result, Unstructured};

use super::{
    BasicType, Body, BodyExtension, BodyFields, BodyParam, Disposition, DispositionExt, Encoding,
    LanguageExt, LocationExt, MessagePart, MessageSubtype, MultiPart, MultiPartExtension,
    OtherEncoding, SinglePart, SinglePartExtension, SinglePartKind,
};
use crate::types::envelope::Envelope;
use crate::types::envelope::arbitrary_impls::{istring, nstring};
use crate::types::list::{List, NonEmptyList};
use crate::types::primitive::{IString, Number64};

/// How many bodies deep a generated body nests.
const DEPTH: u32 = 3;

/// Media types and subtypes that matter to the grammar.
const TYPES: &[&[u8]] = &[
    b"APPLICATION",
    b"IMAGE",
    b"message",
    b"MESSAGE",
    b"text",
    b"TEXT",
    b"AUDIO",
    b"x-unknown",
];
const SUBTYPES: &[&[u8]] = &[
    b"PLAIN",
    b"HTML",
    b"RFC822",
    b"rfc822",
    b"GLOBAL",
    b"PDF",
    b"octet-stream",
];

fn pick<'a>(u: &mut Unstructured<'a>, known: &'static [&'static [u8]]) -> Result<IString<'a>> {
    if u.ratio(2, 3)? {
        return Ok(IString(Cow::Borrowed(*u.choose(known)?)));
    }
    istring(u)
}

fn number64(u: &mut Unstructured<'_>) -> Result<Number64> {
    Ok(Number64(u.int_in_range(0..=Number64::MAX.get())?))
}

fn params<'a>(u: &mut Unstructured<'a>) -> Result<List<'a, BodyParam<'a>>> {
    let n = u.int_in_range(0..=3)?;
    (0..n).map(|_| BodyParam::arbitrary(u)).collect()
}

fn body<'a>(u: &mut Unstructured<'a>, depth: u32) -> Result<Body<'a>> {
    if depth > 0 && u.ratio(1, 3)? {
        return Ok(Body::Multi(multi_part(u, depth)?));
    }
    Ok(Body::Single(single_part(u, depth)?))
}

fn single_part<'a>(u: &mut Unstructured<'a>, depth: u32) -> Result<SinglePart<'a>> {
    Ok(SinglePart {
        kind: kind(u, depth)?,
        fields: BodyFields::arbitrary(u)?,
        extension: Option::<SinglePartExtension<'a>>::arbitrary(u)?,
    })
}

fn kind<'a>(u: &mut Unstructured<'a>, depth: u32) -> Result<SinglePartKind<'a>> {
    Ok(match u.int_in_range(0..=2)? {
        0 if depth > 0 => SinglePartKind::Message(message_part(u, depth - 1)?),
        1 => SinglePartKind::Text {
            subtype: pick(u, SUBTYPES)?,
            lines: number64(u)?,
        },
        _ => SinglePartKind::Basic(BasicType::arbitrary(u)?),
    })
}

fn message_part<'a>(u: &mut Unstructured<'a>, depth: u32) -> Result<MessagePart<'a>> {
    Ok(MessagePart::new(
        MessageSubtype::arbitrary(u)?,
        Envelope::arbitrary(u)?,
        body(u, depth)?,
        number64(u)?,
    ))
}

fn multi_part<'a>(u: &mut Unstructured<'a>, depth: u32) -> Result<MultiPart<'a>> {
    let n = u.int_in_range(1..=3)?;
    let parts: Vec<Body<'a>> = (0..n)
        .map(|_| body(u, depth.saturating_sub(1)))
        .collect::<Result<_>>()?;
    Ok(MultiPart {
        parts: NonEmptyList::parsed(List::from(parts)),
        subtype: pick(u, SUBTYPES)?,
        extension: Option::<MultiPartExtension<'a>>::arbitrary(u)?,
    })
}

fn extension<'a>(u: &mut Unstructured<'a>, depth: u32) -> Result<BodyExtension<'a>> {
    Ok(match u.int_in_range(0..=2)? {
        0 if depth > 0 => {
            let n = u.int_in_range(1..=3)?;
            let items: Vec<BodyExtension<'a>> = (0..n)
                .map(|_| extension(u, depth - 1))
                .collect::<Result<_>>()?;
            BodyExtension::List(NonEmptyList::parsed(List::from(items)))
        }
        1 => BodyExtension::Number(number64(u)?),
        _ => BodyExtension::NString(nstring(u)?),
    })
}

impl<'a> Arbitrary<'a> for Body<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        body(u, DEPTH)
    }
}

impl<'a> Arbitrary<'a> for SinglePart<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        single_part(u, DEPTH)
    }
}

impl<'a> Arbitrary<'a> for SinglePartKind<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        kind(u, DEPTH)
    }
}

impl<'a> Arbitrary<'a> for MessagePart<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        message_part(u, DEPTH)
    }
}

impl<'a> Arbitrary<'a> for MultiPart<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        multi_part(u, DEPTH)
    }
}

impl<'a> Arbitrary<'a> for BasicType<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let media_type = pick(u, TYPES)?;
        let subtype = pick(u, SUBTYPES)?;
        Ok(match BasicType::new(media_type, subtype.clone()) {
            Ok(b) => b,
            Err(_) => BasicType::parsed(IString(Cow::Borrowed(b"APPLICATION")), subtype),
        })
    }
}

impl<'a> Arbitrary<'a> for MessageSubtype {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(if bool::arbitrary(u)? {
            Self::Rfc822
        } else {
            Self::Global
        })
    }
}

impl<'a> Arbitrary<'a> for BodyFields<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            params: params(u)?,
            id: nstring(u)?,
            description: nstring(u)?,
            encoding: Encoding::arbitrary(u)?,
            octets: u32::arbitrary(u)?,
        })
    }
}

impl<'a> Arbitrary<'a> for BodyParam<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            name: istring(u)?,
            value: istring(u)?,
        })
    }
}

impl<'a> Arbitrary<'a> for Encoding<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self::from_name(pick(
            u,
            &[b"7bit", b"BASE64", b"Quoted-Printable", b"x-uuencode"],
        )?))
    }
}

impl<'a> Arbitrary<'a> for OtherEncoding<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match Encoding::from_name(istring(u)?) {
            Encoding::Other(o) => o,
            _ => OtherEncoding(Cow::Borrowed(b"X-TOKEN")),
        })
    }
}

impl<'a> Arbitrary<'a> for Disposition<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            kind: pick(u, &[b"INLINE", b"attachment"])?,
            params: params(u)?,
        })
    }
}

impl<'a> Arbitrary<'a> for SinglePartExtension<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            md5: nstring(u)?,
            rest: Option::<DispositionExt<'a>>::arbitrary(u)?,
        })
    }
}

impl<'a> Arbitrary<'a> for MultiPartExtension<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            params: params(u)?,
            rest: Option::<DispositionExt<'a>>::arbitrary(u)?,
        })
    }
}

impl<'a> Arbitrary<'a> for DispositionExt<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            disposition: Option::<Disposition<'a>>::arbitrary(u)?,
            rest: Option::<LanguageExt<'a>>::arbitrary(u)?,
        })
    }
}

impl<'a> Arbitrary<'a> for LanguageExt<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let n = u.int_in_range(0..=3)?;
        Ok(Self {
            language: (0..n).map(|_| istring(u)).collect::<Result<_>>()?,
            rest: Option::<LocationExt<'a>>::arbitrary(u)?,
        })
    }
}

impl<'a> Arbitrary<'a> for LocationExt<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let n = u.int_in_range(0..=3)?;
        Ok(Self {
            location: nstring(u)?,
            extensions: (0..n).map(|_| extension(u, 2)).collect::<Result<_>>()?,
        })
    }
}

impl<'a> Arbitrary<'a> for BodyExtension<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        extension(u, 2)
    }
}
