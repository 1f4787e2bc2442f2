//! The MIME structure of a message (RFC 9051 §7.5.2 and §9 `body`; RFC 3501 §7.4.2, §9), as
//! sent for FETCH BODY and BODYSTRUCTURE.
//!
//! A [`Body`] is a single part ([`SinglePart`]: basic, text or an encapsulated message) or a
//! multipart ([`MultiPart`]). One type serves both FETCH items: the non-extensible `BODY` form
//! is a body whose extension fields are all absent. Extension data keeps exactly the fields
//! that were present: the grammar's nested `[SP ...]` become a chain of `Option`s
//! ([`SinglePartExtension`] → [`DispositionExt`] → [`LanguageExt`] → [`LocationExt`]), so a
//! later field cannot be present without the earlier ones.
//!
//! # Allocation and nesting
//! Parsing allocates nothing (beyond quoted strings with escapes, which are copied as
//! everywhere). What nests is kept as checked bytes and parsed again on access, at the depth it
//! was parsed at: a multipart's children are a [`NonEmptyList`], and an encapsulated message's
//! body is read with [`MessagePart::body`]. Parsing a body therefore builds one level and only
//! checks the levels below, in small stack frames; the depth limit
//! ([`ParseConfig::max_depth`](crate::ParseConfig::max_depth)) bounds both.
//!
//! ```
//! use imap_wire::{Body, Parse};
//! use imap_wire::types::body::SinglePartKind;
//! let body = Body::parse(
//!     b"((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1152 23)\
//!       (\"IMAGE\" \"GIF\" (\"NAME\" \"cc.gif\") \"<960723163407.20117h@cac.edu>\" \
//!       \"Compiler diagram\" \"BASE64\" 4554) \"MIXED\")",
//! )
//! .unwrap();
//! let Body::Multi(mixed) = &body else { panic!() };
//! assert_eq!(mixed.subtype.as_bytes(), b"MIXED");
//! let first = mixed.parts.iter().next().unwrap();
//! let Body::Single(text) = first else { panic!() };
//! assert!(matches!(text.kind, SinglePartKind::Text { .. }));
//! assert_eq!(text.fields.octets, 1152);
//! ```

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::error::{ValidationError, ValidationReason};
use crate::owned::{IntoStatic, static_types};
use crate::types::envelope::Envelope;
use crate::types::list::{List, NonEmptyList};
use crate::types::primitive::{IString, NString, Number64, check_bytes, cow_newtype};

/// `body = "(" (body-type-1part / body-type-mpart) ")"`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Body<'a> {
    /// `body-type-1part`: a leaf of the MIME tree (or an encapsulated message).
    Single(SinglePart<'a>),
    /// `body-type-mpart`: a multipart with its children.
    Multi(MultiPart<'a>),
}

/// `body-type-1part = (body-type-basic / body-type-msg / body-type-text) [SP body-ext-1part]`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SinglePart<'a> {
    /// The media type and what depends on it.
    pub kind: SinglePartKind<'a>,
    /// `body-fields`: parameters, id, description, encoding and size.
    pub fields: BodyFields<'a>,
    /// `body-ext-1part`, present only in BODYSTRUCTURE.
    pub extension: Option<SinglePartExtension<'a>>,
}

impl<'a> SinglePart<'a> {
    /// `body-fld-md5`, if the extension data has it.
    pub fn md5(&self) -> Option<&NString<'a>> {
        self.extension.as_ref().map(|e| &e.md5)
    }

    /// The disposition and further extension fields, if present.
    pub fn disposition_ext(&self) -> Option<&DispositionExt<'a>> {
        self.extension.as_ref()?.rest.as_ref()
    }
}

/// The three kinds of single part, told apart by the media type (in any case): `TEXT/*`,
/// `MESSAGE/RFC822` and `MESSAGE/GLOBAL` (RFC 9051) have their own forms, anything else is
/// basic.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SinglePartKind<'a> {
    /// `body-type-basic = media-basic SP body-fields`.
    Basic(BasicType<'a>),
    /// `body-type-text = media-text SP body-fields SP body-fld-lines`.
    Text {
        /// `media-subtype`, such as `PLAIN` or `HTML`.
        subtype: IString<'a>,
        /// `body-fld-lines`: the size in text lines (`number` in RFC 3501, `number64` in
        /// RFC 9051).
        lines: Number64,
    },
    /// `body-type-msg = media-message SP body-fields SP envelope SP body SP body-fld-lines`.
    Message(MessagePart<'a>),
}

/// `media-basic`: the type and subtype of a basic part.
///
/// Never `TEXT/*` nor `MESSAGE/RFC822` in any case (those have their own forms). It may be
/// `MESSAGE/GLOBAL`: IMAP4rev1 servers write that type in the basic form, without envelope.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BasicType<'a> {
    media_type: IString<'a>,
    subtype: IString<'a>,
}

impl<'a> BasicType<'a> {
    /// Checks that the type is not one with its own form.
    ///
    /// # Errors
    /// [`ValidationReason::Invalid`] for `TEXT/*` and `MESSAGE/RFC822`.
    pub fn new(media_type: IString<'a>, subtype: IString<'a>) -> Result<Self, ValidationError> {
        if is_text(media_type.as_bytes())
            || (is_message(media_type.as_bytes())
                && subtype.as_bytes().eq_ignore_ascii_case(b"RFC822"))
        {
            return Err(ValidationError::new(
                "media-basic",
                ValidationReason::Invalid,
            ));
        }
        Ok(Self {
            media_type,
            subtype,
        })
    }

    /// A type the parser has classified as basic.
    pub(crate) fn parsed(media_type: IString<'a>, subtype: IString<'a>) -> Self {
        Self {
            media_type,
            subtype,
        }
    }

    /// The media type, such as `APPLICATION` or `IMAGE`.
    pub fn media_type(&self) -> &IString<'a> {
        &self.media_type
    }

    /// `media-subtype`.
    pub fn subtype(&self) -> &IString<'a> {
        &self.subtype
    }
}

/// Whether a media type is `TEXT` in any case.
pub(crate) fn is_text(media_type: &[u8]) -> bool {
    media_type.eq_ignore_ascii_case(b"TEXT")
}

/// Whether a media type is `MESSAGE` in any case.
pub(crate) fn is_message(media_type: &[u8]) -> bool {
    media_type.eq_ignore_ascii_case(b"MESSAGE")
}

/// An encapsulated message: the part of `body-type-msg` after `body-fields`.
///
/// The envelope and the body are kept as checked bytes when parsed, and parsed again by
/// [`MessagePart::envelope`] and [`MessagePart::body`]; built values hold them in vectors of
/// one.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MessagePart<'a> {
    /// `RFC822` or `GLOBAL`.
    pub subtype: MessageSubtype,
    /// The envelope: exactly one.
    envelope: List<'a, Envelope<'a>>,
    /// The body: exactly one.
    body: List<'a, Body<'a>>,
    /// `body-fld-lines`: the size in text lines.
    pub lines: Number64,
}

impl<'a> MessagePart<'a> {
    /// An encapsulated message from its parts.
    pub fn new(
        subtype: MessageSubtype,
        envelope: Envelope<'a>,
        body: Body<'a>,
        lines: Number64,
    ) -> Self {
        Self {
            subtype,
            envelope: List::from(alloc::vec![envelope]),
            body: List::from(alloc::vec![body]),
            lines,
        }
    }

    /// A message whose envelope and body the parser has checked: each list holds one.
    pub(crate) fn parsed(
        subtype: MessageSubtype,
        envelope: List<'a, Envelope<'a>>,
        body: List<'a, Body<'a>>,
        lines: Number64,
    ) -> Self {
        debug_assert!(envelope.len() == 1 && body.len() == 1);
        Self {
            subtype,
            envelope,
            body,
            lines,
        }
    }

    /// The encapsulated message's envelope. For a parsed value it is parsed again from the
    /// input, which allocates nothing and cannot fail.
    pub fn envelope(&self) -> Envelope<'a> {
        // INVARIANT: the list holds one envelope, built by `new` or checked by the parser
        // under the context kept with it. Were re-parsing ever to fail (a parser bug), the
        // result is the all-NIL envelope rather than a panic.
        self.envelope.iter().next().unwrap_or_default()
    }

    /// The encapsulated message's body structure. For a parsed value it is parsed again from
    /// the input, which allocates nothing and cannot fail.
    pub fn body(&self) -> Body<'a> {
        // INVARIANT: as for `envelope`; the fallback is an empty part of unknown type.
        self.body.iter().next().unwrap_or_else(|| {
            Body::Single(SinglePart {
                kind: SinglePartKind::Basic(BasicType::parsed(
                    IString(Cow::Borrowed(b"APPLICATION")),
                    IString(Cow::Borrowed(b"OCTET-STREAM")),
                )),
                fields: BodyFields {
                    params: List::new(),
                    id: NString(None),
                    description: NString(None),
                    encoding: Encoding::SevenBit,
                    octets: 0,
                },
                extension: None,
            })
        })
    }

    /// Replaces the envelope.
    pub fn set_envelope(&mut self, envelope: Envelope<'a>) {
        self.envelope = List::from(alloc::vec![envelope]);
    }

    /// Replaces the body.
    pub fn set_body(&mut self, body: Body<'a>) {
        self.body = List::from(alloc::vec![body]);
    }
}

/// The subtype of an encapsulated message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MessageSubtype {
    /// `message/rfc822`.
    Rfc822,
    /// `message/global` (RFC 6532; part of `body-type-msg` in RFC 9051).
    Global,
}

/// `body-fields = body-fld-param SP body-fld-id SP body-fld-desc SP body-fld-enc SP
/// body-fld-octets`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BodyFields<'a> {
    /// `body-fld-param`: the Content-Type parameters; empty for NIL.
    pub params: List<'a, BodyParam<'a>>,
    /// `body-fld-id`: the Content-ID.
    pub id: NString<'a>,
    /// `body-fld-desc`: the Content-Description.
    pub description: NString<'a>,
    /// `body-fld-enc`: the Content-Transfer-Encoding.
    pub encoding: Encoding<'a>,
    /// `body-fld-octets`: the size of the encoded part in octets.
    pub octets: u32,
}

/// One `string SP string` pair of `body-fld-param`: an attribute and its value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BodyParam<'a> {
    /// The attribute, such as `CHARSET`.
    pub name: IString<'a>,
    /// The value.
    pub value: IString<'a>,
}

/// `body-fld-enc`: a known Content-Transfer-Encoding (read in any case) or any other string.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding<'a> {
    /// `7BIT`.
    SevenBit,
    /// `8BIT`.
    EightBit,
    /// `BINARY`.
    Binary,
    /// `BASE64`.
    Base64,
    /// `QUOTED-PRINTABLE`.
    QuotedPrintable,
    /// Any other encoding name.
    Other(OtherEncoding<'a>),
}

/// The known encodings, in the order of [`Encoding`]'s variants.
const KNOWN_ENCODINGS: [&str; 5] = ["7BIT", "8BIT", "BINARY", "BASE64", "QUOTED-PRINTABLE"];

impl<'a> Encoding<'a> {
    /// The encoding named by `name`: a known one in any case, else [`Encoding::Other`].
    pub fn from_name(name: IString<'a>) -> Self {
        match known_encoding(name.as_bytes()) {
            Some(e) => e,
            None => Self::Other(OtherEncoding(name.0)),
        }
    }

    /// The name, in canonical case for the known encodings.
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Self::SevenBit => KNOWN_ENCODINGS[0].as_bytes(),
            Self::EightBit => KNOWN_ENCODINGS[1].as_bytes(),
            Self::Binary => KNOWN_ENCODINGS[2].as_bytes(),
            Self::Base64 => KNOWN_ENCODINGS[3].as_bytes(),
            Self::QuotedPrintable => KNOWN_ENCODINGS[4].as_bytes(),
            Self::Other(o) => o.as_bytes(),
        }
    }
}

/// The known encoding named `name` in any case.
fn known_encoding(name: &[u8]) -> Option<Encoding<'static>> {
    let k = KNOWN_ENCODINGS
        .iter()
        .position(|e| e.as_bytes().eq_ignore_ascii_case(name))?;
    Some(match k {
        0 => Encoding::SevenBit,
        1 => Encoding::EightBit,
        2 => Encoding::Binary,
        3 => Encoding::Base64,
        _ => Encoding::QuotedPrintable,
    })
}

fn check_other_encoding(v: &[u8]) -> Result<(), ValidationError> {
    check_bytes("body-fld-enc", v, true, |b| b != 0)?;
    if known_encoding(v).is_some() {
        return Err(ValidationError::new(
            "body-fld-enc",
            ValidationReason::Invalid,
        ));
    }
    Ok(())
}

cow_newtype!(
    /// An encoding name that is none of the known ones in any case (those are [`Encoding`]'s
    /// own variants, so a value always reads back as itself).
    ///
    /// ```
    /// use imap_wire::types::body::OtherEncoding;
    /// assert!(OtherEncoding::new(&b"X-UUENCODE"[..]).is_ok());
    /// assert!(OtherEncoding::new(&b"base64"[..]).is_err());
    /// ```
    OtherEncoding, bytes, "body-fld-enc", check_other_encoding
);

/// `body-fld-dsp = "(" string SP body-fld-param ")" / nil`, when not NIL: the
/// Content-Disposition.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Disposition<'a> {
    /// The disposition type, such as `INLINE` or `ATTACHMENT`.
    pub kind: IString<'a>,
    /// Its parameters (`FILENAME`, ...); empty for NIL.
    pub params: List<'a, BodyParam<'a>>,
}

/// `body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MultiPart<'a> {
    /// The child parts, at least one.
    pub parts: NonEmptyList<'a, Body<'a>>,
    /// `media-subtype`, such as `MIXED` or `ALTERNATIVE`.
    pub subtype: IString<'a>,
    /// `body-ext-mpart`, present only in BODYSTRUCTURE.
    pub extension: Option<MultiPartExtension<'a>>,
}

impl<'a> MultiPart<'a> {
    /// The disposition and further extension fields, if present.
    pub fn disposition_ext(&self) -> Option<&DispositionExt<'a>> {
        self.extension.as_ref()?.rest.as_ref()
    }
}

/// `body-ext-1part = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc
/// *(SP body-extension)]]]`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SinglePartExtension<'a> {
    /// `body-fld-md5`: the Content-MD5.
    pub md5: NString<'a>,
    /// The disposition and what follows, if present.
    pub rest: Option<DispositionExt<'a>>,
}

/// `body-ext-mpart = body-fld-param [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc
/// *(SP body-extension)]]]`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MultiPartExtension<'a> {
    /// `body-fld-param`: the Content-Type parameters (such as `BOUNDARY`); empty for NIL.
    pub params: List<'a, BodyParam<'a>>,
    /// The disposition and what follows, if present.
    pub rest: Option<DispositionExt<'a>>,
}

/// `body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]`: the extension
/// fields shared by single parts and multiparts, from the disposition on.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DispositionExt<'a> {
    /// `body-fld-dsp`; `None` for NIL.
    pub disposition: Option<Disposition<'a>>,
    /// The language and what follows, if present.
    pub rest: Option<LanguageExt<'a>>,
}

/// `body-fld-lang [SP body-fld-loc *(SP body-extension)]`.
///
/// `body-fld-lang = nstring / "(" string *(SP string) ")"` is held as its content, a list of
/// language tags: NIL is the empty list, a single string a list of one. The serializer writes
/// a list of one as a single string.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LanguageExt<'a> {
    /// The Content-Language tags.
    pub language: List<'a, IString<'a>>,
    /// The location and what follows, if present.
    pub rest: Option<LocationExt<'a>>,
}

/// `body-fld-loc *(SP body-extension)`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LocationExt<'a> {
    /// `body-fld-loc`: the Content-Location.
    pub location: NString<'a>,
    /// Extension data defined by later standards, in order.
    pub extensions: List<'a, BodyExtension<'a>>,
}

impl<'a> DispositionExt<'a> {
    /// The language tags, if present.
    pub fn language(&self) -> Option<&List<'a, IString<'a>>> {
        self.rest.as_ref().map(|l| &l.language)
    }

    /// The Content-Location, if present.
    pub fn location(&self) -> Option<&NString<'a>> {
        self.rest.as_ref()?.rest.as_ref().map(|l| &l.location)
    }
}

/// `body-extension = nstring / number / number64 / "(" body-extension *(SP body-extension)
/// ")"`: extension data a client must accept and may ignore.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BodyExtension<'a> {
    /// A string or NIL.
    NString(NString<'a>),
    /// A number (`number` or `number64`).
    Number(Number64),
    /// A parenthesised list of extensions.
    List(NonEmptyList<'a, BodyExtension<'a>>),
}

impl IntoStatic for Body<'_> {
    type Static = Body<'static>;

    fn into_static(self) -> Body<'static> {
        match self {
            Self::Single(s) => Body::Single(s.into_static()),
            Self::Multi(m) => Body::Multi(m.into_static()),
        }
    }
}

impl IntoStatic for SinglePart<'_> {
    type Static = SinglePart<'static>;

    fn into_static(self) -> SinglePart<'static> {
        SinglePart {
            kind: self.kind.into_static(),
            fields: self.fields.into_static(),
            extension: self.extension.into_static(),
        }
    }
}

impl IntoStatic for SinglePartKind<'_> {
    type Static = SinglePartKind<'static>;

    fn into_static(self) -> SinglePartKind<'static> {
        match self {
            Self::Basic(b) => SinglePartKind::Basic(BasicType {
                media_type: b.media_type.into_static(),
                subtype: b.subtype.into_static(),
            }),
            Self::Text { subtype, lines } => SinglePartKind::Text {
                subtype: subtype.into_static(),
                lines,
            },
            Self::Message(m) => SinglePartKind::Message(MessagePart {
                subtype: m.subtype,
                envelope: m.envelope.into_static(),
                body: m.body.into_static(),
                lines: m.lines,
            }),
        }
    }
}

impl IntoStatic for BodyFields<'_> {
    type Static = BodyFields<'static>;

    fn into_static(self) -> BodyFields<'static> {
        BodyFields {
            params: self.params.into_static(),
            id: self.id.into_static(),
            description: self.description.into_static(),
            encoding: self.encoding.into_static(),
            octets: self.octets,
        }
    }
}

impl IntoStatic for BodyParam<'_> {
    type Static = BodyParam<'static>;

    fn into_static(self) -> BodyParam<'static> {
        BodyParam {
            name: self.name.into_static(),
            value: self.value.into_static(),
        }
    }
}

impl IntoStatic for Encoding<'_> {
    type Static = Encoding<'static>;

    fn into_static(self) -> Encoding<'static> {
        match self {
            Self::SevenBit => Encoding::SevenBit,
            Self::EightBit => Encoding::EightBit,
            Self::Binary => Encoding::Binary,
            Self::Base64 => Encoding::Base64,
            Self::QuotedPrintable => Encoding::QuotedPrintable,
            Self::Other(o) => Encoding::Other(o.into_static()),
        }
    }
}

impl IntoStatic for Disposition<'_> {
    type Static = Disposition<'static>;

    fn into_static(self) -> Disposition<'static> {
        Disposition {
            kind: self.kind.into_static(),
            params: self.params.into_static(),
        }
    }
}

impl IntoStatic for MultiPart<'_> {
    type Static = MultiPart<'static>;

    fn into_static(self) -> MultiPart<'static> {
        MultiPart {
            parts: self.parts.into_static(),
            subtype: self.subtype.into_static(),
            extension: self.extension.into_static(),
        }
    }
}

impl IntoStatic for SinglePartExtension<'_> {
    type Static = SinglePartExtension<'static>;

    fn into_static(self) -> SinglePartExtension<'static> {
        SinglePartExtension {
            md5: self.md5.into_static(),
            rest: self.rest.into_static(),
        }
    }
}

impl IntoStatic for MultiPartExtension<'_> {
    type Static = MultiPartExtension<'static>;

    fn into_static(self) -> MultiPartExtension<'static> {
        MultiPartExtension {
            params: self.params.into_static(),
            rest: self.rest.into_static(),
        }
    }
}

impl IntoStatic for DispositionExt<'_> {
    type Static = DispositionExt<'static>;

    fn into_static(self) -> DispositionExt<'static> {
        DispositionExt {
            disposition: self.disposition.into_static(),
            rest: self.rest.into_static(),
        }
    }
}

impl IntoStatic for LanguageExt<'_> {
    type Static = LanguageExt<'static>;

    fn into_static(self) -> LanguageExt<'static> {
        LanguageExt {
            language: self.language.into_static(),
            rest: self.rest.into_static(),
        }
    }
}

impl IntoStatic for LocationExt<'_> {
    type Static = LocationExt<'static>;

    fn into_static(self) -> LocationExt<'static> {
        LocationExt {
            location: self.location.into_static(),
            extensions: self.extensions.into_static(),
        }
    }
}

impl IntoStatic for BodyExtension<'_> {
    type Static = BodyExtension<'static>;

    fn into_static(self) -> BodyExtension<'static> {
        match self {
            Self::NString(s) => BodyExtension::NString(s.into_static()),
            Self::Number(n) => BodyExtension::Number(n),
            Self::List(l) => BodyExtension::List(l.into_static()),
        }
    }
}

static_types!(MessageSubtype);

#[cfg(feature = "arbitrary")]
mod arbitrary;
