//! Parsers of CATENATE (RFC 4469 §5) and UTF8's APPEND data (RFC 6855 §4): the parts of a
//! catenated message and the BADURL response code.

use alloc::borrow::Cow;

use super::list::{Sep, paren_list};
use super::primitive::{astring, literal, literal8, take_while1};
use super::{Cx, PResult, byte, expected, impl_parse, keyword, sp};
use crate::types::catenate::{CatPart, UrlRespText, is_url_resp_char};
use crate::types::list::{ListItem, NonEmptyList};
use crate::types::primitive::{Literal, Literal8};

/// `"(" cat-part *(SP cat-part) ")"`, what follows `"CATENATE" SP` in `append-data =/
/// "CATENATE" SP "(" cat-part *(SP cat-part) ")"` (RFC 4469 §5).
pub(crate) fn catenate<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, NonEmptyList<'a, CatPart<'a>>> {
    let (rest, parts) = paren_list(cx, i, Sep::Space, 1)?;
    Ok((rest, NonEmptyList::parsed(parts)))
}

/// `cat-part = text-literal / url` (RFC 4469 §5), `cat-part =/ utf8-literal` (RFC 6855 §4)
///
/// `text-literal = "TEXT" SP literal`, `url = "URL" SP astring`
pub(crate) fn cat_part<'a>(i: &'a [u8]) -> PResult<'a, CatPart<'a>> {
    if let Ok((rest, ())) = keyword(i, "TEXT ") {
        let (rest, data) = literal(rest)?;
        return Ok((rest, CatPart::Text(Literal(Cow::Borrowed(data)))));
    }
    if let Ok((rest, ())) = keyword(i, "URL ") {
        let (rest, url) = astring(rest)?;
        return Ok((rest, CatPart::Url(url)));
    }
    if let Ok((rest, ())) = keyword(i, "UTF8 ") {
        let (rest, data) = utf8_literal(rest)?;
        return Ok((rest, CatPart::Utf8(data)));
    }
    expected(i, "cat-part")
}

impl<'a> ListItem<'a> for CatPart<'a> {
    fn parse_item(_: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        cat_part(i)
    }
}

/// `"(" literal8 ")"`, what follows `"UTF8" SP` in `utf8-literal = "UTF8" SP "(" literal8
/// ")"` (RFC 6855 §4).
pub(crate) fn utf8_literal(i: &[u8]) -> PResult<'_, Literal8<'_>> {
    let (rest, ()) = byte(b'(', "\"(\"")(i)?;
    let (rest, data) = literal8(rest)?;
    let (rest, ()) = byte(b')', "\")\"")(rest)?;
    Ok((rest, Literal8(Cow::Borrowed(data))))
}

/// `badurl-response-code = "BADURL" SP url-resp-text` (RFC 4469 §5), after `"BADURL"`.
///
/// `url-resp-text = 1*(%x01-09 / %x0B-0C / %x0E-5B / %x5D-FE)`
pub(crate) fn badurl_response_code(i: &[u8]) -> PResult<'_, UrlRespText<'_>> {
    let (rest, ()) = sp(i)?;
    let (rest, url) = url_resp_text(rest)?;
    Ok((rest, url))
}

/// `url-resp-text = 1*(%x01-09 / %x0B-0C / %x0E-5B / %x5D-FE)` (RFC 4469 §5)
pub(crate) fn url_resp_text(i: &[u8]) -> PResult<'_, UrlRespText<'_>> {
    let (rest, url) = take_while1(i, is_url_resp_char, "url-resp-text")?;
    Ok((rest, UrlRespText(Cow::Borrowed(url))))
}

impl_parse!(CatPart, plain cat_part);
impl_parse!(UrlRespText, plain url_resp_text);
