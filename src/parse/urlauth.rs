//! Parsers of the URLAUTH extension (RFC 4467 §9) and of the extended URLFETCH (RFC 5524 §5).

use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::string::String;

use super::body::body;
use super::command::more_items;
use super::list::{Sep, items};
use super::mailbox::mailbox;
use super::primitive::{ascii, astring, atom, base64, literal8, nstring_cx, take_while1};
use super::{Cx, PResult, byte, expected, impl_parse, keyword, sp};
use crate::types::command::CommandBody;
use crate::types::list::{List, ListItem, NonEmptyList};
use crate::types::message::BinaryData;
use crate::types::primitive::Literal8;
use crate::types::urlauth::{
    GenUrlAuthData, GenUrlAuthItem, ImapUrl, ResetKeyArgs, UrlAuthCommand, UrlAuthMechanism,
    UrlFetchArg, UrlFetchData, UrlFetchItem, UrlFetchParam, UrlFetchValue, UrlMechanismKey,
    UrlMetadata, is_mechanism_char, is_url_char,
};

/// Implements [`ListItem`] for a type by its parser: one of the grammar alone, or (`cx_items`)
/// one taking the context.
macro_rules! plain_items {
    ($ty:ident = $parser:ident) => {
        impl<'a> ListItem<'a> for $ty<'a> {
            fn parse_item(_: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
                $parser(i)
            }
        }
    };
}

macro_rules! cx_items {
    ($ty:ident = $parser:ident) => {
        impl<'a> ListItem<'a> for $ty<'a> {
            fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
                $parser(cx, i)
            }
        }
    };
}

/// `url-full = astring` / `url-rump = astring`, whose content is an IMAP URL (printable
/// ASCII, no space).
pub(crate) fn url_full(i: &[u8]) -> PResult<'_, ImapUrl<'_>> {
    let (rest, a) = astring(i)?;
    let content = a.into_inner();
    if content.is_empty() || !content.iter().all(|&b| is_url_char(b)) {
        return expected(i, "url");
    }
    let url = match content {
        Cow::Borrowed(b) => Cow::Borrowed(ascii(b)),
        Cow::Owned(v) => Cow::Owned(String::from_utf8(v).unwrap_or_default()),
    };
    Ok((rest, ImapUrl(url)))
}

/// `mechanism = "INTERNAL" / 1*(ALPHA / DIGIT / "-" / ".")`
pub(crate) fn mechanism(i: &[u8]) -> PResult<'_, UrlAuthMechanism<'_>> {
    let (rest, m) = take_while1(i, is_mechanism_char, "mechanism")?;
    Ok((rest, UrlAuthMechanism(Cow::Borrowed(ascii(m)))))
}

plain_items!(ImapUrl = url_full);

plain_items!(UrlAuthMechanism = mechanism);

/// `url-rump SP mechanism`
fn genurlauth_item(i: &[u8]) -> PResult<'_, GenUrlAuthItem<'_>> {
    let (rest, url) = url_full(i)?;
    let (rest, ()) = sp(rest)?;
    let (rest, mechanism) = mechanism(rest)?;
    Ok((rest, GenUrlAuthItem { url, mechanism }))
}

plain_items!(GenUrlAuthItem = genurlauth_item);

/// `url-fetch-param = "BODY" / "BINARY" / "BODYPARTSTRUCTURE" / atom`
fn url_fetch_param(i: &[u8]) -> PResult<'_, UrlFetchParam<'_>> {
    let (rest, a) = atom(i)?;
    Ok((rest, UrlFetchParam::from_atom(a)))
}

plain_items!(UrlFetchParam = url_fetch_param);

/// `url-fetch-arg = url-full / "(" url-full *(SP url-fetch-param) ")"`
fn url_fetch_arg<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, UrlFetchArg<'a>> {
    let Some(after) = i.strip_prefix(b"(") else {
        let (rest, url) = url_full(i)?;
        return Ok((rest, UrlFetchArg::Url(url)));
    };
    let (rest, url) = url_full(after)?;
    let (rest, params) = more_items(cx, rest)?;
    let (rest, ()) = byte(b')', "\")\"")(rest)?;
    Ok((rest, UrlFetchArg::Extended { url, params }))
}

cx_items!(UrlFetchArg = url_fetch_arg);

/// `1*(SP item)` after a command or response name, as a non-empty list.
fn spaced<'a, T: ListItem<'a>>(cx: &Cx, i: &'a [u8]) -> PResult<'a, NonEmptyList<'a, T>> {
    let (rest, ()) = sp(i)?;
    let (rest, list) = items(cx, rest, Sep::Space, 1)?;
    Ok((rest, NonEmptyList::parsed(list)))
}

/// `resetkey = "RESETKEY" [SP mailbox *(SP mechanism)]`, after the name.
pub(crate) fn resetkey<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, CommandBody<'a>> {
    let Some(after) = i.strip_prefix(b" ") else {
        return Ok((i, CommandBody::UrlAuth(UrlAuthCommand::ResetKey(None))));
    };
    let (rest, mailbox) = mailbox(cx, after)?;
    let (rest, mechanisms) = more_items(cx, rest)?;
    let args = ResetKeyArgs {
        mailbox,
        mechanisms,
    };
    Ok((
        rest,
        CommandBody::UrlAuth(UrlAuthCommand::ResetKey(Some(args))),
    ))
}

/// `genurlauth = "GENURLAUTH" 1*(SP url-rump SP mechanism)`, after the name.
pub(crate) fn genurlauth<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, CommandBody<'a>> {
    let (rest, list) = spaced(cx, i)?;
    Ok((rest, CommandBody::UrlAuth(UrlAuthCommand::GenUrlAuth(list))))
}

/// `urlfetch = "URLFETCH" 1*(SP url-fetch-arg)`, after the name.
pub(crate) fn urlfetch<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, CommandBody<'a>> {
    let (rest, list) = spaced(cx, i)?;
    Ok((rest, CommandBody::UrlAuth(UrlAuthCommand::UrlFetch(list))))
}

/// `genurlauth-data = "*" SP "GENURLAUTH" 1*(SP url-full)`, after `* `.
pub(crate) fn genurlauth_data<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, GenUrlAuthData<'a>> {
    let (rest, ()) = keyword(i, "GENURLAUTH")?;
    let (rest, urls) = spaced(cx, rest)?;
    Ok((rest, GenUrlAuthData { urls }))
}

/// `url-metadata-el = url-meta-bodystruct / url-meta-body / url-meta-binary`, in its
/// parentheses:
///
/// ```abnf
/// url-meta-bodystruct = "BODYPARTSTRUCTURE" SP body
/// url-meta-body       = "BODY" SP nstring
/// url-meta-binary     = "BINARY" SP (nstring / literal8)
/// ```
fn url_metadata_el<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, UrlMetadata<'a>> {
    let (rest, ()) = byte(b'(', "\"(\"")(i)?;
    let (rest, name) = atom(rest)?;
    let (rest, ()) = sp(rest)?;
    let is = |n: &str| name.as_str().eq_ignore_ascii_case(n);
    let (rest, el) = if is("BODYPARTSTRUCTURE") {
        let (rest, b) = body(cx, rest)?;
        (rest, UrlMetadata::BodyPartStructure(Box::new(b)))
    } else if is("BODY") {
        let (rest, n) = nstring_cx(cx, rest)?;
        (rest, UrlMetadata::Body(n))
    } else if is("BINARY") {
        let (rest, d) = if rest.first() == Some(&b'~') {
            let (r, d) = literal8(rest)?;
            (r, BinaryData::Literal8(Literal8(Cow::Borrowed(d))))
        } else {
            let (r, d) = nstring_cx(cx, rest)?;
            (r, BinaryData::NString(d))
        };
        (rest, UrlMetadata::Binary(d))
    } else {
        return expected(i, "url-metadata-el");
    };
    let (rest, ()) = byte(b')', "\")\"")(rest)?;
    Ok((rest, el))
}

cx_items!(UrlMetadata = url_metadata_el);

/// `url-full SP nstring` / `url-full 1*(SP "(" url-metadata-el ")")`: one URL of a
/// `* URLFETCH` (RFC 5524's ABNF has an SP before the URL in both the list and the item;
/// its example has one, which is what is read and written).
fn urldata<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, UrlFetchItem<'a>> {
    let (rest, url) = url_full(i)?;
    let (rest, ()) = sp(rest)?;
    let (rest, value) = if rest.first() == Some(&b'(') {
        let (rest, list) = items(cx, rest, Sep::Space, 1)?;
        (rest, UrlFetchValue::Metadata(NonEmptyList::parsed(list)))
    } else {
        let (rest, n) = nstring_cx(cx, rest)?;
        (rest, UrlFetchValue::Simple(n))
    };
    Ok((rest, UrlFetchItem { url, value }))
}

cx_items!(UrlFetchItem = urldata);

/// `urlfetch-data = "*" SP "URLFETCH" 1*(SP (urldata-simple / urldata-ext))`, after `* `.
pub(crate) fn urlfetch_data<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, UrlFetchData<'a>> {
    let (rest, ()) = keyword(i, "URLFETCH")?;
    let (rest, items) = spaced(cx, rest)?;
    Ok((rest, UrlFetchData { items }))
}

/// `mechanism ["=" base64]`
fn url_mechanism_key(i: &[u8]) -> PResult<'_, UrlMechanismKey<'_>> {
    let (rest, mechanism) = mechanism(i)?;
    let Some(after) = rest.strip_prefix(b"=") else {
        return Ok((
            rest,
            UrlMechanismKey {
                mechanism,
                key: None,
            },
        ));
    };
    let (rest, key) = base64(after)?;
    let key = Some(key);
    Ok((rest, UrlMechanismKey { mechanism, key }))
}

plain_items!(UrlMechanismKey = url_mechanism_key);

/// `resp-text-code =/ "URLMECH" SP "INTERNAL" *(SP mechanism ["=" base64])`, after the
/// name: the mechanisms other than the leading `INTERNAL`.
pub(crate) fn urlmech_code<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, List<'a, UrlMechanismKey<'a>>> {
    let (rest, ()) = sp(i)?;
    let (rest, ()) = keyword(rest, "INTERNAL")?;
    more_items(cx, rest)
}

fn cfg_urlauth_command<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, UrlAuthCommand<'a>> {
    match super::command::command_body(cx, i)? {
        (rest, CommandBody::UrlAuth(c)) => Ok((rest, c)),
        _ => expected(i, "a URLAUTH command"),
    }
}

impl_parse!(UrlAuthCommand, cfg_urlauth_command);
impl_parse!(ImapUrl, plain url_full);
impl_parse!(UrlAuthMechanism, plain mechanism);
impl_parse!(UrlFetchArg, url_fetch_arg);
impl_parse!(GenUrlAuthData, genurlauth_data);
impl_parse!(UrlFetchData, urlfetch_data);
impl_parse!(UrlMetadata, url_metadata_el);
impl_parse!(UrlMechanismKey, plain url_mechanism_key);
