//! Parsers of the body structure (RFC 9051 §9, RFC 3501 §9).
//!
//! A body and each parenthesised construct inside it (a multipart's children, a
//! disposition, a parameter or language list, a nested extension list, an encapsulated
//! message's envelope) go one nesting level deeper through [`Cx::descend`], so the depth of
//! recursion (and of the stack) is bounded by [`ParseConfig::max_depth`]. Lists keep the depth
//! they were parsed at, so iterating them later is bounded the same way.
//!
//! Only the outermost body is built; what nests inside it (a multipart's children, an
//! encapsulated message's body) is checked by [`skip_body`], which builds nothing, and kept as
//! bytes to be parsed again on access. Nothing here allocates (but a quoted string with escapes,
//! which is copied as everywhere).
//!
//! [`ParseConfig::max_depth`]: crate::ParseConfig::max_depth

use alloc::borrow::Cow;

use super::envelope::envelope;
use super::list::{Sep, close_spaces, items, paren_list};
use super::primitive::{nstring, nstring_cx, number, number64, string, string_cx, take_while1};
use super::{Cx, PResult, byte, expected, impl_parse, keyword, sp_run};
use crate::chars::is_digit;
use crate::config::Leniency;
use crate::types::body::{
    BasicType, Body, BodyExtension, BodyFields, BodyParam, Disposition, DispositionExt, Encoding,
    LanguageExt, LocationExt, MessagePart, MessageSubtype, MultiPart, MultiPartExtension,
    SinglePart, SinglePartExtension, SinglePartKind, is_message, is_text,
};
use crate::types::list::{List, ListItem, NonEmptyList};
use crate::types::primitive::IString;
use crate::types::primitive::Number64;

/// `body = "(" (body-type-1part / body-type-mpart) ")"` (RFC 9051 §9, RFC 3501 §9)
pub(crate) fn body<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Body<'a>> {
    let Some(rest) = i.strip_prefix(b"(") else {
        return expected(i, "body");
    };
    let cx = cx.descend(i)?;
    let (rest, value) = if rest.first() == Some(&b'(') {
        let (rest, m) = body_type_mpart(&cx, rest)?;
        (rest, Body::Multi(m))
    } else {
        let (rest, s) = body_type_1part(&cx, rest)?;
        (rest, Body::Single(s))
    };
    let rest = close_spaces(&cx, rest);
    let (rest, ()) = byte(b')', "\")\"")(rest)?;
    Ok((rest, value))
}

/// Checks a `body` exactly as [`body`] parses it, building nothing: the check that lists of
/// bodies run when they are parsed. It shares every non-recursive step with [`body`] and runs
/// those in frames of their own ([`light`]), so recursion costs little stack per level.
pub(crate) fn skip_body<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ()> {
    let Some(rest) = i.strip_prefix(b"(") else {
        return expected(i, "body");
    };
    let cx = cx.descend(i)?;
    let (rest, ()) = if rest.first() == Some(&b'(') {
        skip_mpart(&cx, rest)?
    } else {
        skip_1part(&cx, rest)?
    };
    byte(b')', "\")\"")(close_spaces(&cx, rest))
}

/// Runs `p` in a frame of its own and keeps only `keep` of its value, so the value's stack
/// slots are gone before a caller recurses.
#[inline(never)]
fn light<'a, T, U>(
    i: &'a [u8],
    p: impl FnOnce(&'a [u8]) -> PResult<'a, T>,
    keep: impl FnOnce(T) -> U,
) -> PResult<'a, U> {
    p(i).map(|(rest, v)| (rest, keep(v)))
}

/// The form of a single part, decided by its media type.
#[derive(Clone, Copy)]
enum Form {
    Basic,
    Text,
    Message(MessageSubtype),
}

/// What [`part_head`] reads.
struct PartHead<'a> {
    form: Form,
    media_type: Cow<'a, [u8]>,
    subtype: Cow<'a, [u8]>,
    fields: BodyFields<'a>,
}

/// `media-type SP media-subtype SP body-fields`: the start of the three single-part forms.
///
/// The media type decides what follows: `TEXT` (any case) is followed by `body-fld-lines`,
/// `MESSAGE/RFC822` by an envelope, a body and `body-fld-lines`. `MESSAGE/GLOBAL` has that form
/// too in RFC 9051 and the basic one in RFC 3501; an envelope's `(` tells them apart.
fn part_head<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, PartHead<'a>> {
    let (rest, media_type) = string_cx(cx, i)?;
    let (rest, ()) = sp_run(cx, rest)?;
    let (rest, subtype) = string_cx(cx, rest)?;
    let (rest, ()) = sp_run(cx, rest)?;
    let (rest, fields) = body_fields(cx, rest)?;
    let form = if is_text(&media_type) {
        Form::Text
    } else if !is_message(&media_type) {
        Form::Basic
    } else if subtype.eq_ignore_ascii_case(b"RFC822") {
        Form::Message(MessageSubtype::Rfc822)
    } else if subtype.eq_ignore_ascii_case(b"GLOBAL") && rest.starts_with(b" (") {
        Form::Message(MessageSubtype::Global)
    } else {
        Form::Basic
    };
    let head = PartHead {
        form,
        media_type,
        subtype,
        fields,
    };
    Ok((rest, head))
}

/// `[SP body-ext-1part]` at the end of a single part.
fn opt_ext_1part<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Option<SinglePartExtension<'a>>> {
    match i.strip_prefix(b" ") {
        Some(after) => body_ext_1part(cx, after).map(|(rest, e)| (rest, Some(e))),
        None => Ok((i, None)),
    }
}

/// `body-type-1part = (body-type-basic / body-type-msg / body-type-text) [SP body-ext-1part]`
///
/// See [`part_head`] for how the form is chosen.
fn body_type_1part<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, SinglePart<'a>> {
    let (
        rest,
        PartHead {
            form,
            media_type,
            subtype,
            fields,
        },
    ) = part_head(cx, i)?;
    let (rest, kind) = match form {
        Form::Message(m) => body_type_msg(cx, rest, m)?,
        Form::Text => {
            let (rest, ()) = sp_run(cx, rest)?;
            let (rest, lines) = body_fld_lines(cx, rest)?;
            let subtype = IString(subtype);
            (rest, SinglePartKind::Text { subtype, lines })
        }
        Form::Basic => {
            let basic = BasicType::parsed(IString(media_type), IString(subtype));
            (rest, SinglePartKind::Basic(basic))
        }
    };
    let (rest, extension) = opt_ext_1part(cx, rest)?;
    Ok((
        rest,
        SinglePart {
            kind,
            fields,
            extension,
        },
    ))
}

/// [`body_type_1part`] as a check that builds nothing (see [`skip_body`]).
fn skip_1part<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ()> {
    let (rest, form) = light(i, |i| part_head(cx, i), |h| h.form)?;
    let rest = match form {
        Form::Message(_) => {
            let (rest, ()) = sp_run(cx, rest)?;
            let (rest, ()) = light(rest, |i| envelope(cx, i), |_| ())?;
            let (rest, ()) = sp_run(cx, rest)?;
            let (rest, ()) = skip_body(cx, rest)?;
            let (rest, ()) = sp_run(cx, rest)?;
            body_fld_lines(cx, rest)?.0
        }
        Form::Text => {
            let (rest, ()) = sp_run(cx, rest)?;
            body_fld_lines(cx, rest)?.0
        }
        Form::Basic => rest,
    };
    light(rest, |i| opt_ext_1part(cx, i), |_| ())
}

/// The tail of `body-type-msg = media-message SP body-fields SP envelope SP body SP
/// body-fld-lines`, from the `SP` before the envelope. The envelope and body are checked, not
/// built.
fn body_type_msg<'a>(
    cx: &Cx,
    i: &'a [u8],
    subtype: MessageSubtype,
) -> PResult<'a, SinglePartKind<'a>> {
    let (rest, ()) = sp_run(cx, i)?;
    let start = rest;
    let (rest, ()) = light(rest, |i| envelope(cx, i), |_| ())?;
    let envelope = List::raw(&start[..start.len() - rest.len()], 1, *cx, Sep::Nothing);
    let (rest, ()) = sp_run(cx, rest)?;
    let start = rest;
    let (rest, ()) = skip_body(cx, rest)?;
    let body = List::raw(&start[..start.len() - rest.len()], 1, *cx, Sep::Nothing);
    let (rest, ()) = sp_run(cx, rest)?;
    let (rest, lines) = body_fld_lines(cx, rest)?;
    let part = MessagePart::parsed(subtype, envelope, body, lines);
    Ok((rest, SinglePartKind::Message(part)))
}

/// `body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]`
fn body_type_mpart<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, MultiPart<'a>> {
    let (rest, parts) = items::<Body<'a>>(cx, i, Sep::Nothing, 1)?;
    let (rest, (subtype, extension)) = mpart_tail(cx, rest)?;
    Ok((
        rest,
        MultiPart {
            parts: NonEmptyList::parsed(parts),
            subtype,
            extension,
        },
    ))
}

/// [`body_type_mpart`] as a check that builds nothing (see [`skip_body`]).
fn skip_mpart<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ()> {
    let (rest, _) = items::<Body<'a>>(cx, i, Sep::Nothing, 1)?;
    light(rest, |i| mpart_tail(cx, i), |_| ())
}

/// `SP media-subtype [SP body-ext-mpart]`, after a multipart's children.
fn mpart_tail<'a>(
    cx: &Cx,
    i: &'a [u8],
) -> PResult<'a, (IString<'a>, Option<MultiPartExtension<'a>>)> {
    let (rest, ()) = sp_run(cx, i)?;
    let (rest, subtype) = string_cx(cx, rest)?;
    let (rest, extension) = match rest.strip_prefix(b" ") {
        Some(after) => {
            let (rest, e) = body_ext_mpart(cx, after)?;
            (rest, Some(e))
        }
        None => (rest, None),
    };
    Ok((rest, (IString(subtype), extension)))
}

/// `body-fields = body-fld-param SP body-fld-id SP body-fld-desc SP body-fld-enc SP
/// body-fld-octets`
///
/// `body-fld-id` and `body-fld-desc` are `nstring`, `body-fld-octets` is `number`.
fn body_fields<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, BodyFields<'a>> {
    let (rest, params) = body_fld_param(cx, i)?;
    let (rest, ()) = sp_run(cx, rest)?;
    let (rest, id) = nstring_cx(cx, rest)?;
    let (rest, ()) = sp_run(cx, rest)?;
    let (rest, description) = nstring_cx(cx, rest)?;
    let (rest, ()) = sp_run(cx, rest)?;
    let (rest, encoding) = body_fld_enc(cx, rest)?;
    let (rest, ()) = sp_run(cx, rest)?;
    let (rest, octets) = body_fld_octets(cx, rest)?;
    Ok((
        rest,
        BodyFields {
            params,
            id,
            description,
            encoding,
            octets,
        },
    ))
}

/// A negative number (`-1`), accepted under [`Leniency::NEGATIVE_SIZE`]: the rest after it.
pub(crate) fn negative<'a>(cx: &Cx, i: &'a [u8]) -> Option<&'a [u8]> {
    let digits = i
        .strip_prefix(b"-")
        .filter(|_| cx.allows(Leniency::NEGATIVE_SIZE))?;
    take_while1(digits, is_digit, "number")
        .ok()
        .map(|(rest, _)| rest)
}

/// `body-fld-octets = number`; a negative number reads as 0 under [`Leniency::NEGATIVE_SIZE`].
fn body_fld_octets<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, u32> {
    match negative(cx, i) {
        Some(rest) => Ok((rest, 0)),
        None => number(i),
    }
}

/// `body-fld-lines = number64`; a negative number (under [`Leniency::NEGATIVE_SIZE`]) and NIL
/// (under [`Leniency::NIL_LINES`]) read as 0.
fn body_fld_lines<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Number64> {
    if let Some(rest) = negative(cx, i) {
        return Ok((rest, Number64(0)));
    }
    if cx.allows(Leniency::NIL_LINES) && i.first().is_some_and(|b| b.eq_ignore_ascii_case(&b'N')) {
        let (rest, ()) = keyword(i, "NIL")?;
        return Ok((rest, Number64(0)));
    }
    number64(i)
}

/// `body-fld-param = "(" string SP string *(SP string SP string) ")" / nil`; NIL gives the
/// empty list, and so does `()` under [`Leniency::EMPTY_PARAM_LIST`].
fn body_fld_param<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, List<'a, BodyParam<'a>>> {
    match i.first() {
        Some(b'N' | b'n') => {
            let (rest, ()) = keyword(i, "NIL")?;
            Ok((rest, List::new()))
        }
        Some(b'(') if cx.allows(Leniency::EMPTY_PARAM_LIST) && i.starts_with(b"()") => {
            Ok((&i[2..], List::new()))
        }
        Some(b'(') => paren_list(cx, i, Sep::Space, 1),
        _ => expected(i, "body-fld-param"),
    }
}

/// One `string SP string` pair of `body-fld-param`; a NIL value reads as the empty string
/// under [`Leniency::NIL_PARAM_VALUE`].
fn body_param<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, BodyParam<'a>> {
    let (rest, name) = string_cx(cx, i)?;
    let (rest, ()) = sp_run(cx, rest)?;
    let (rest, value) = match rest.first() {
        Some(b'N' | b'n') if cx.allows(Leniency::NIL_PARAM_VALUE) => {
            let (rest, ()) = keyword(rest, "NIL")?;
            (rest, Cow::Borrowed(&b""[..]))
        }
        _ => string_cx(cx, rest)?,
    };
    Ok((
        rest,
        BodyParam {
            name: IString(name),
            value: IString(value),
        },
    ))
}

/// `body-fld-enc = (DQUOTE ("7BIT" / "8BIT" / "BINARY" / "BASE64"/ "QUOTED-PRINTABLE")
/// DQUOTE) / string`; NIL reads as `7BIT` under [`Leniency::NIL_ENCODING`].
fn body_fld_enc<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Encoding<'a>> {
    if cx.allows(Leniency::NIL_ENCODING) && i.first().is_some_and(|b| b.eq_ignore_ascii_case(&b'N'))
    {
        let (rest, ()) = keyword(i, "NIL")?;
        return Ok((rest, Encoding::SevenBit));
    }
    let (rest, name) = string_cx(cx, i)?;
    Ok((rest, Encoding::from_name(IString(name))))
}

/// `body-ext-1part = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc
/// *(SP body-extension)]]]`
///
/// `body-fld-md5` is `nstring`.
fn body_ext_1part<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, SinglePartExtension<'a>> {
    let (rest, md5) = nstring_cx(cx, i)?;
    let (rest, more) = ext_from_dsp(cx, rest)?;
    Ok((rest, SinglePartExtension { md5, rest: more }))
}

/// `body-ext-mpart = body-fld-param [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc
/// *(SP body-extension)]]]`
fn body_ext_mpart<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, MultiPartExtension<'a>> {
    let (rest, params) = body_fld_param(cx, i)?;
    let (rest, more) = ext_from_dsp(cx, rest)?;
    Ok((rest, MultiPartExtension { params, rest: more }))
}

/// `[SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]]`
fn ext_from_dsp<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Option<DispositionExt<'a>>> {
    let Some(after) = i.strip_prefix(b" ") else {
        return Ok((i, None));
    };
    let (rest, disposition) = body_fld_dsp(cx, after)?;
    let Some(after) = rest.strip_prefix(b" ") else {
        let rest_ext = DispositionExt {
            disposition,
            rest: None,
        };
        return Ok((rest, Some(rest_ext)));
    };
    let (rest, language) = body_fld_lang(cx, after)?;
    let (rest, location) = match rest.strip_prefix(b" ") {
        Some(after) => {
            let (rest, l) = ext_from_loc(cx, after)?;
            (rest, Some(l))
        }
        None => (rest, None),
    };
    let lang = LanguageExt {
        language,
        rest: location,
    };
    Ok((
        rest,
        Some(DispositionExt {
            disposition,
            rest: Some(lang),
        }),
    ))
}

/// `body-fld-loc *(SP body-extension)`; `body-fld-loc` is `nstring`.
fn ext_from_loc<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, LocationExt<'a>> {
    let (rest, location) = nstring(i)?;
    let (rest, extensions) = match rest.strip_prefix(b" ") {
        Some(after) => items::<BodyExtension<'a>>(cx, after, Sep::Space, 1)?,
        None => (rest, List::new()),
    };
    Ok((
        rest,
        LocationExt {
            location,
            extensions,
        },
    ))
}

/// `body-fld-dsp = "(" string SP body-fld-param ")" / nil`; a bare string reads as that
/// disposition with no parameters under [`Leniency::BARE_DISPOSITION`].
fn body_fld_dsp<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Option<Disposition<'a>>> {
    match i.first() {
        Some(b'N' | b'n') => {
            let (rest, ()) = keyword(i, "NIL")?;
            Ok((rest, None))
        }
        Some(b'"' | b'{') if cx.allows(Leniency::BARE_DISPOSITION) => {
            let (rest, kind) = string_cx(cx, i)?;
            let params = List::new();
            Ok((
                rest,
                Some(Disposition {
                    kind: IString(kind),
                    params,
                }),
            ))
        }
        Some(b'(') => {
            let inner = cx.descend(i)?;
            let (rest, kind) = string_cx(cx, &i[1..])?;
            let (rest, ()) = sp_run(cx, rest)?;
            let (rest, params) = body_fld_param(&inner, rest)?;
            let (rest, ()) = byte(b')', "\")\"")(rest)?;
            let kind = IString(kind);
            Ok((rest, Some(Disposition { kind, params })))
        }
        _ => expected(i, "body-fld-dsp"),
    }
}

/// `body-fld-lang = nstring / "(" string *(SP string) ")"`, as a list of language tags (NIL
/// is the empty list, a single string a list of one).
fn body_fld_lang<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, List<'a, IString<'a>>> {
    match i.first() {
        Some(b'(') => paren_list(cx, i, Sep::Space, 1),
        Some(b'N' | b'n') => {
            let (rest, ()) = keyword(i, "NIL")?;
            Ok((rest, List::new()))
        }
        _ => {
            let (rest, _) = string(i)?;
            let used = i.len() - rest.len();
            Ok((rest, List::raw(&i[..used], 1, *cx, Sep::Space)))
        }
    }
}

/// `body-extension = nstring / number / number64 / "(" body-extension *(SP body-extension)
/// ")"`
fn body_extension<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, BodyExtension<'a>> {
    match i.first() {
        Some(b'(') => {
            let (rest, list) = paren_list(cx, i, Sep::Space, 1)?;
            Ok((rest, BodyExtension::List(NonEmptyList::parsed(list))))
        }
        Some(&c) if is_digit(c) => {
            let (rest, n) = number64(i)?;
            Ok((rest, BodyExtension::Number(n)))
        }
        _ => {
            let (rest, s) = nstring(i)?;
            Ok((rest, BodyExtension::NString(s)))
        }
    }
}

impl<'a> ListItem<'a> for Body<'a> {
    fn parse_item(cx: &Cx, input: &'a [u8]) -> PResult<'a, Self> {
        body(cx, input)
    }

    fn skip_item(cx: &Cx, input: &'a [u8]) -> PResult<'a, ()> {
        skip_body(cx, input)
    }

    fn skip_trusted(_: &Cx, input: &'a [u8]) -> PResult<'a, ()> {
        super::list::skip_group(input)
    }
}

impl<'a> ListItem<'a> for BodyParam<'a> {
    fn parse_item(cx: &Cx, input: &'a [u8]) -> PResult<'a, Self> {
        body_param(cx, input)
    }
}

impl<'a> ListItem<'a> for BodyExtension<'a> {
    fn parse_item(cx: &Cx, input: &'a [u8]) -> PResult<'a, Self> {
        body_extension(cx, input)
    }
}

impl_parse!(Body, body);
impl_parse!(BodyExtension, body_extension);
