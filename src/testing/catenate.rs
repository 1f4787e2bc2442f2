//! Strategies, known answers and round trips for CATENATE (RFC 4469) and UTF8's APPEND data
//! (RFC 6855 §4): the RFC's examples, the literals inside the parts, the BADURL code and
//! strict rejection of malformed forms.

use alloc::borrow::Cow;
use alloc::vec::Vec;

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::parse::Parse;
use crate::serialize::{Encode, EncodeConfig, Encoder};
use crate::testing::append::rejected_strictly;
use crate::testing::examples::{check_examples, examples};
use crate::testing::primitive::astring;
use crate::testing::{assert_reparses, assert_round_trip, config};
use crate::types::catenate::{CatPart, UrlRespText, is_url_resp_char};
use crate::types::code::Code;
use crate::types::command::{AppendData, AppendMessage, Command, CommandBody};
use crate::types::primitive::{Literal, Literal8};
use crate::types::response::Response;

pub(crate) fn cat_part() -> impl Strategy<Value = CatPart<'static>> {
    prop_oneof![
        proptest::collection::vec(1..=255u8, 0..40)
            .prop_map(|v| CatPart::Text(Literal::new(v).unwrap())),
        astring().prop_map(CatPart::Url),
        proptest::collection::vec(any::<u8>(), 0..40).prop_map(|v| CatPart::Utf8(Literal8::new(v))),
    ]
}

pub(crate) fn url_resp_text() -> impl Strategy<Value = UrlRespText<'static>> {
    let byte = (1..=0xFEu8).prop_filter("url-resp-char", |&b| is_url_resp_char(b));
    proptest::collection::vec(byte, 1..40).prop_map(|v| UrlRespText::new(v).unwrap())
}

/// The only message of an APPEND.
fn only_message<'a>(c: &Command<'a>) -> AppendMessage<'a> {
    let CommandBody::Append { messages, .. } = &c.body else {
        panic!("not an APPEND: {c:?}");
    };
    assert_eq!(messages.len(), 1);
    messages.to_vec().remove(0)
}

fn parts<'a>(m: &AppendMessage<'a>) -> Vec<CatPart<'a>> {
    let AppendData::Catenate(parts) = &m.data else {
        panic!("not CATENATE: {m:?}");
    };
    parts.to_vec()
}

#[test]
fn rfc4469_examples() {
    assert_eq!(check_examples(examples!("rfc4469.imap")), 21);
}

#[test]
fn rfc4469_example_1_is_typed_and_waits_at_each_literal() {
    let t = crate::transcript::Transcript::parse(examples!("rfc4469.imap")).unwrap();
    let line = t.records()[0].bytes;
    let c = Command::parse_with(line, &ParseConfig::strict()).unwrap();
    let m = only_message(&c);
    assert_eq!(m.flags.as_ref().map(|f| f.0.len()), Some(3));
    let p = parts(&m);
    let kinds: Vec<&str> = p
        .iter()
        .map(|p| match p {
            CatPart::Text(_) => "TEXT",
            CatPart::Url(_) => "URL",
            CatPart::Utf8(_) => "UTF8",
        })
        .collect();
    assert_eq!(kinds, ["URL", "TEXT", "URL", "URL", "TEXT", "URL", "TEXT"]);
    let CatPart::Url(url) = &p[0] else { panic!() };
    assert_eq!(
        url.as_bytes(),
        b"/Drafts;UIDVALIDITY=385759045/;UID=20/;section=HEADER"
    );
    // Zero-copy: the text literals are borrowed from the input.
    let CatPart::Text(text) = p[6].clone() else {
        panic!()
    };
    assert_eq!(text.as_bytes().len(), 44);
    assert!(matches!(text.into_inner(), Cow::Borrowed(_)));

    // Written back (the URLs, plain astrings, as atoms), the command waits for `+` after
    // each text literal's announcement.
    let mut enc = Encoder::new(EncodeConfig::default());
    c.encode(&mut enc);
    let unquoted: Vec<u8> = line.iter().copied().filter(|&b| b != b'"').collect();
    assert_eq!(enc.bytes(), &unquoted[..]);
    let parts: Vec<_> = enc.fragments().collect();
    assert_eq!(parts.len(), 4);
    assert!(parts[..3].iter().all(|f| f.wait_for_continuation));
    assert!(parts[0].bytes.ends_with(b"section=HEADER TEXT {42}\r\n"));
    assert_eq!(parts[3].bytes, &line[line.len() - 47..]);
}

#[test]
fn rfc4469_badurl_code() {
    let t = crate::transcript::Transcript::parse(examples!("rfc4469.imap")).unwrap();
    let last = t.records().last().unwrap().bytes;
    let Response::Tagged(r) = Response::parse_with(last, &ParseConfig::strict()).unwrap() else {
        panic!()
    };
    let Some(Code::BadUrl(url)) = r.text.code() else {
        panic!("{r:?}")
    };
    assert_eq!(
        url.as_bytes(),
        b"\"/INBOX;UIDVALIDITY=785799047/;UID=113330;section=1.5.9\""
    );
    assert_eq!(
        url.to_str(),
        Some("\"/INBOX;UIDVALIDITY=785799047/;UID=113330;section=1.5.9\"")
    );
    let r = assert_reparses!(
        Response,
        b"a1 NO [BADURL /INBOX;UID=20/;section=\xe9] bad\r\n"
    );
    let Response::Tagged(r) = r else { panic!() };
    assert!(matches!(r.text.code(), Some(Code::BadUrl(u)) if u.as_bytes().ends_with(b"\xe9")));
    // Without its URL, BADURL is another code kept raw, never a BADURL.
    let r = Response::parse(b"a1 NO [BADURL] bad\r\n").unwrap();
    let Response::Tagged(r) = r else { panic!() };
    assert!(matches!(r.text.code(), Some(Code::Other(_))));
    assert!(UrlRespText::new(&b""[..]).is_err());
    assert!(UrlRespText::new(&b"a\r\nb"[..]).is_err());
    assert!(UrlRespText::new(&b"\xff"[..]).is_err());
}

#[test]
fn utf8_append_data_and_cat_part() {
    let strict = ParseConfig::strict();
    let line = b"a1 APPEND INBOX UTF8 (~{5}\r\nab\0cd)\r\n";
    let c = Command::parse_with(line, &strict).unwrap();
    let AppendData::Utf8(data) = only_message(&c).data else {
        panic!("{c:?}")
    };
    assert_eq!(data.as_bytes(), b"ab\0cd");
    assert!(matches!(data.into_inner(), Cow::Borrowed(_)));
    assert_eq!(crate::to_vec(&c), line);

    let line = "a2 append Drafts () catenate (url \"/INBOX;UID=3\" utf8 (~{7}\r\nCaf\u{e9}!\r) text {2+}\r\nok)\r\n";
    let c = Command::parse_with(line.as_bytes(), &strict).unwrap();
    let p = parts(&only_message(&c));
    assert_eq!(p.len(), 3);
    assert!(matches!(&p[0], CatPart::Url(u) if u.as_bytes() == b"/INBOX;UID=3"));
    assert!(matches!(&p[1], CatPart::Utf8(l) if l.as_bytes() == "Caf\u{e9}!\r".as_bytes()));
    assert!(matches!(&p[2], CatPart::Text(l) if l.as_bytes() == b"ok"));
    assert_eq!(
        crate::to_vec(&c),
        "a2 APPEND Drafts () CATENATE (URL /INBOX;UID=3 UTF8 (~{7}\r\nCaf\u{e9}!\r) TEXT {2}\r\nok)\r\n".as_bytes()
    );
    assert_round_trip!(Command, c);

    // Other labels stay generic extension data.
    let c = Command::parse_with(b"a3 APPEND INBOX X-CATENATE (1 2)\r\n", &strict).unwrap();
    assert!(
        matches!(only_message(&c).data, AppendData::Ext(e) if e.label.as_str() == "X-CATENATE")
    );
}

#[test]
fn bad_catenate_and_utf8_forms_are_rejected_strictly() {
    rejected_strictly(&[
        &b"a1 APPEND INBOX CATENATE ()\r\n"[..],
        b"a1 APPEND INBOX CATENATE\r\n",
        b"a1 APPEND INBOX CATENATE (TEXT ~{1}\r\nx)\r\n",
        b"a1 APPEND INBOX CATENATE (TEXT \"x\")\r\n",
        b"a1 APPEND INBOX CATENATE (URL)\r\n",
        b"a1 APPEND INBOX CATENATE (URL {1}\r\nx \r\n",
        b"a1 APPEND INBOX CATENATE(TEXT {1}\r\nx)\r\n",
        b"a1 APPEND INBOX CATENATE (TEXT {1}\r\nx )\r\n",
        b"a1 APPEND INBOX CATENATE (TEXT {1}\r\nx  URL a)\r\n",
        b"a1 APPEND INBOX CATENATE (FOO {1}\r\nx)\r\n",
        b"a1 APPEND INBOX CATENATE (1 2)\r\n",
        b"a1 APPEND INBOX UTF8 ({1}\r\nx)\r\n",
        b"a1 APPEND INBOX UTF8 ~{1}\r\nx\r\n",
        b"a1 APPEND INBOX UTF8 (~{1}\r\nx\r\n",
        b"a1 APPEND INBOX UTF8 (~{1}\r\nx ~{1}\r\ny)\r\n",
        b"a1 APPEND INBOX CATENATE (UTF8 ~{1}\r\nx)\r\n",
    ]);
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn catenate_parts_round_trip(part in cat_part(), url in url_resp_text()) {
        assert_round_trip!(CatPart, part);
        assert_round_trip!(UrlRespText, url.clone());
        let response = [&b"a1 NO [BADURL "[..], url.as_bytes(), &b"] no\r\n"[..]].concat();
        let Response::Tagged(r) = Response::parse_with(&response, &ParseConfig::lenient()).unwrap() else {
            panic!()
        };
        prop_assert_eq!(r.text.code(), Some(&Code::BadUrl(url)));
    }
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_catenate_values_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};

    let mut seen = [false; 5];
    for buf in crate::testing::random_buffers(4000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = CatPart::arbitrary(&mut u) {
            assert_round_trip!(CatPart, v);
        }
        if let Ok(v) = UrlRespText::arbitrary(&mut u) {
            assert_round_trip!(UrlRespText, v);
        }
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = AppendData::arbitrary(&mut u) {
            seen[match &v {
                AppendData::Literal(_) => 0,
                AppendData::Literal8(_) => 1,
                AppendData::Ext(_) => 2,
                AppendData::Catenate(_) => 3,
                _ => 4,
            }] = true;
            assert_round_trip!(AppendData, v);
        }
    }
    assert_eq!(seen, [true; 5]);
}
