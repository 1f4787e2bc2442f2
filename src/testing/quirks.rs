//! One test per covered row of the table of real-server behaviours, built from the row's raw
//! example: the strict grammar rejects it (or reads it otherwise), the lenient profile reads it
//! as the value the note on its [`Leniency`] documents, and the report names that leniency.
//! Then the rows the grammar already reads, the rows that fail cleanly, and a property that
//! one quirk inserted into a valid response leaves its value unchanged.

use alloc::vec::Vec;

use proptest::prelude::*;

use crate::config::{Leniency, ParseConfig};
use crate::owned::IntoStatic;
use crate::parse::Parse;
use crate::testing::{config, encode_with};
use crate::types::flag::{Flag, FlagExtension};
use crate::types::message::MessageAttribute;
use crate::types::response::{Data, Response, Untagged};

/// Checks one quirk: `raw` is rejected by the strict grammar (or read as another value than
/// leniently), is read under `leniency` alone, is not read the same without it, and the report
/// of a lenient parse names it. When `clean` is given (the same message written as the grammar
/// wants), the lenient value equals its strict value. Returns the lenient value.
fn quirk(raw: &[u8], clean: Option<&[u8]>, leniency: Leniency) -> Response<'static> {
    let show = bstr::BStr::new(raw);
    let lenient = ParseConfig::lenient();
    let parsed = Response::parse_report(raw, &lenient)
        .unwrap_or_else(|e| panic!("lenient parse of {show:?} failed: {e}"));
    let value = parsed.value;
    assert!(
        parsed.quirks.contains(leniency),
        "{show:?}: reported {:?}, expected {leniency:?}",
        parsed.quirks
    );
    let strict = Response::parse_with(raw, &ParseConfig::strict());
    assert!(
        strict.as_ref() != Ok(&value),
        "strict reads {show:?} the same"
    );
    let without = Response::parse_with(raw, &lenient.with_leniency(Leniency::ALL - leniency));
    assert!(
        without.as_ref() != Ok(&value),
        "{show:?} needs no {leniency:?}"
    );
    let only = ParseConfig::strict().with_leniency(parsed.quirks);
    assert_eq!(Response::parse_with(raw, &only).as_ref(), Ok(&value));
    if let Some(clean) = clean {
        let expected = Response::parse_with(clean, &ParseConfig::strict())
            .unwrap_or_else(|e| panic!("{:?} does not parse: {e}", bstr::BStr::new(clean)));
        assert_eq!(value, expected, "{show:?}");
    }
    // The value serializes to bytes the strict grammar reads back (a quirk is never written),
    // but for the values that only a quirk produces.
    let bytes = encode_with(&value, crate::EncodeConfig::default());
    if clean.is_some() {
        assert_eq!(
            Response::parse_with(&bytes, &ParseConfig::strict()).as_ref(),
            Ok(&value)
        );
    }
    value.into_static()
}

/// The items of a FETCH response, owned.
pub(crate) fn fetch_items(r: &Response<'_>) -> Vec<MessageAttribute<'static>> {
    match r {
        Response::Untagged(Untagged::Data(Data::Fetch { items, .. })) => {
            items.iter().map(IntoStatic::into_static).collect()
        }
        other => panic!("not a FETCH: {other:?}"),
    }
}

#[test]
fn row_01_trailing_space_after_search() {
    quirk(
        b"* SEARCH 169654 169655 169663 \r\n",
        Some(b"* SEARCH 169654 169655 169663\r\n"),
        Leniency::SEARCH_TRAILING_SPACE,
    );
    quirk(
        b"* SEARCH 7456 \r\n",
        Some(b"* SEARCH 7456\r\n"),
        Leniency::SEARCH_TRAILING_SPACE,
    );
}

#[test]
fn row_02_empty_search_with_trailing_space() {
    quirk(
        b"* SEARCH \r\n",
        Some(b"* SEARCH\r\n"),
        Leniency::SEARCH_TRAILING_SPACE,
    );
}

#[test]
fn row_03_trailing_space_after_status() {
    quirk(
        b"* STATUS Inbox (MESSAGES 1) \r\n",
        Some(b"* STATUS Inbox (MESSAGES 1)\r\n"),
        Leniency::STATUS_TRAILING_SPACE,
    );
    quirk(
        b"* STATUS Sent (UIDNEXT 107) \r\n",
        Some(b"* STATUS Sent (UIDNEXT 107)\r\n"),
        Leniency::STATUS_TRAILING_SPACE,
    );
}

#[test]
fn row_04_trailing_space_in_capability() {
    quirk(
        b"* CAPABILITY IMAP4 IMAP4rev1 XLIST MOVE IDLE XAPPLEPUSHSERVICE NAMESPACE CHILDREN ID UIDPLUS \r\n",
        Some(b"* CAPABILITY IMAP4 IMAP4rev1 XLIST MOVE IDLE XAPPLEPUSHSERVICE NAMESPACE CHILDREN ID UIDPLUS\r\n"),
        Leniency::CAPABILITY_TRAILING_SPACE,
    );
}

#[test]
fn row_08_double_space_in_quota_list() {
    quirk(
        b"* QUOTA \"\" (STORAGE 0 2147483647 MESSAGE 0  2147483647)\r\n",
        Some(b"* QUOTA \"\" (STORAGE 0 2147483647 MESSAGE 0 2147483647)\r\n"),
        Leniency::EXTRA_SPACE,
    );
}

#[test]
fn row_29_negative_modseq() {
    quirk(
        b"* 40 FETCH (MODSEQ (-1) FLAGS (\\Recent \\Seen) UID 336)\r\n",
        Some(b"* 40 FETCH (MODSEQ (0) FLAGS (\\Recent \\Seen) UID 336)\r\n"),
        Leniency::NEGATIVE_SIZE,
    );
}

#[test]
fn row_05_double_space_in_capability() {
    quirk(
        b"* CAPABILITY IMAP4rev1  SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT\r\n",
        Some(b"* CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT\r\n"),
        Leniency::EXTRA_SPACE,
    );
}

#[test]
fn row_06_space_before_close() {
    quirk(
        b"* FLAGS (\\Answered \\Flagged \\Deleted \\Draft \\Seen $Forwarded )\r\n",
        Some(b"* FLAGS (\\Answered \\Flagged \\Deleted \\Draft \\Seen $Forwarded)\r\n"),
        Leniency::SPACE_BEFORE_CLOSE,
    );
    quirk(
        b"* 11487 FETCH (UID 19436 )\r\n",
        Some(b"* 11487 FETCH (UID 19436)\r\n"),
        Leniency::SPACE_BEFORE_CLOSE,
    );
    quirk(
        b"* 11784 FETCH (UID 87567 INTERNALDATE \"06-May-2023 18:48:30 +0200\" RFC822.SIZE 5799845 )\r\n",
        Some(b"* 11784 FETCH (UID 87567 INTERNALDATE \"06-May-2023 18:48:30 +0200\" RFC822.SIZE 5799845)\r\n"),
        Leniency::SPACE_BEFORE_CLOSE,
    );
}

#[test]
fn row_07_double_space_before_a_literal() {
    quirk(
        b"* 4 FETCH (UID 71372 RFC822.HEADER  {10}\r\nSubject: x)\r\n",
        Some(b"* 4 FETCH (UID 71372 RFC822.HEADER {10}\r\nSubject: x)\r\n"),
        Leniency::EXTRA_SPACE,
    );
}

#[test]
fn row_09_space_between_addresses() {
    let r = quirk(
        b"* 1 FETCH (ENVELOPE (NIL NIL ((\"risa\" NIL \"risa\" \"harvey-lemke.test\") (\"shella\" NIL \"shella\" \"kilback-renner.test\")) NIL NIL NIL NIL NIL NIL NIL))\r\n",
        Some(b"* 1 FETCH (ENVELOPE (NIL NIL ((\"risa\" NIL \"risa\" \"harvey-lemke.test\")(\"shella\" NIL \"shella\" \"kilback-renner.test\")) NIL NIL NIL NIL NIL NIL NIL))\r\n"),
        Leniency::SPACE_BETWEEN_ADDRESSES,
    );
    let MessageAttribute::Envelope(e) = &fetch_items(&r)[0] else {
        panic!()
    };
    assert_eq!(e.from.len(), 2);
}

#[test]
fn row_10_double_space_in_bodystructure() {
    quirk(
        b"* 1 FETCH (BODYSTRUCTURE (\"text\" \"plain\"  (\"charset\" \"UTF-8\") NIL NIL \"base64\" 232 4 NIL NIL NIL))\r\n",
        Some(b"* 1 FETCH (BODYSTRUCTURE (\"text\" \"plain\" (\"charset\" \"UTF-8\") NIL NIL \"base64\" 232 4 NIL NIL NIL))\r\n"),
        Leniency::EXTRA_SPACE,
    );
}

#[test]
fn row_11_continuation_without_text() {
    quirk(
        b"+\r\n",
        Some(b"+ \r\n"),
        Leniency::CONTINUATION_WITHOUT_TEXT,
    );
}

#[test]
fn row_12_bye_without_text() {
    quirk(
        b"* BYE\r\n",
        Some(b"* BYE \r\n"),
        Leniency::BYE_WITHOUT_TEXT,
    );
}

#[test]
fn row_13_code_without_text() {
    // The strict grammar reads the line as text that starts with a bracket.
    let r = quirk(
        b"* OK [HIGHESTMODSEQ 13632]\r\n",
        None,
        Leniency::CODE_WITHOUT_TEXT,
    );
    let Response::Untagged(Untagged::Status { text, .. }) = r else {
        panic!()
    };
    assert!(text.code.is_some() && text.text.is_none());
}

#[test]
fn row_18_wildcard_in_flags() {
    let r = quirk(
        b"* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)\r\n",
        None,
        Leniency::FLAGS_WILDCARD,
    );
    let Response::Untagged(Untagged::Data(Data::Flags(flags))) = r else {
        panic!()
    };
    let flags = flags.0.to_vec();
    assert_eq!(flags.len(), 6);
    assert_eq!(
        flags[5],
        Flag::Extension(FlagExtension(alloc::borrow::Cow::Borrowed("*")))
    );
}

#[test]
fn row_19_bracket_in_keywords() {
    let r = quirk(
        b"* FLAGS (\\Answered \\Flagged \\Draft \\Deleted \\Seen $NotPhishing $Phishing OIB-Seen-INBOX OIB-Seen-[Gmail]/All OIB-Seen-[Gmail]/Important)\r\n",
        None,
        Leniency::KEYWORD_BRACKET,
    );
    let Response::Untagged(Untagged::Data(Data::Flags(flags))) = r else {
        panic!()
    };
    let last = flags.0.to_vec().pop().unwrap();
    let Flag::Keyword(k) = last else { panic!() };
    assert_eq!(k.as_str(), "OIB-Seen-[Gmail]/Important");
}

#[test]
fn row_25_eight_bit_in_quoted_strings() {
    // A literal may carry any byte; the same bytes in a quoted string need the leniency.
    let r = quirk(
        b"* 1 FETCH (BODYSTRUCTURE (\"application\" \"pdf\" (\"name\" \"G\xf6r\xfcnt\xfc1\") NIL NIL \"base64\" 12))\r\n",
        Some(b"* 1 FETCH (BODYSTRUCTURE (\"application\" \"pdf\" (\"name\" {8}\r\nG\xf6r\xfcnt\xfc1) NIL NIL \"base64\" 12))\r\n"),
        Leniency::EIGHT_BIT_QUOTED,
    );
    assert_eq!(fetch_items(&r).len(), 1);
    quirk(
        b"* 2 FETCH (ENVELOPE (NIL \"Gr\xfc\xdfe\" NIL NIL NIL NIL NIL NIL NIL NIL))\r\n",
        Some(b"* 2 FETCH (ENVELOPE (NIL {5}\r\nGr\xfc\xdfe NIL NIL NIL NIL NIL NIL NIL NIL))\r\n"),
        Leniency::EIGHT_BIT_QUOTED,
    );
}

#[test]
fn row_26_nul_in_quoted_strings() {
    let r = quirk(
        b"* 2 FETCH (ENVELOPE (NIL \"a\x00b\" NIL NIL NIL NIL NIL NIL NIL NIL))\r\n",
        None,
        Leniency::NUL_IN_QUOTED,
    );
    let MessageAttribute::Envelope(e) = &fetch_items(&r)[0] else {
        panic!()
    };
    assert_eq!(e.subject.as_bytes(), Some(&b"a\x00b"[..]));
}

#[test]
fn row_28_negative_octets() {
    quirk(
        b"* 1 FETCH (BODYSTRUCTURE (\"multipart\" \"parallel\" (\"boundary\" \"_90b3_\") NIL NIL \"7BIT\" -1))\r\n",
        Some(b"* 1 FETCH (BODYSTRUCTURE (\"multipart\" \"parallel\" (\"boundary\" \"_90b3_\") NIL NIL \"7BIT\" 0))\r\n"),
        Leniency::NEGATIVE_SIZE,
    );
    quirk(
        b"* 1 FETCH (BODYSTRUCTURE (\"text\" \"plain\" NIL NIL NIL \"7BIT\" 12 -1))\r\n",
        Some(b"* 1 FETCH (BODYSTRUCTURE (\"text\" \"plain\" NIL NIL NIL \"7BIT\" 12 0))\r\n"),
        Leniency::NEGATIVE_SIZE,
    );
}

#[test]
fn row_33_nil_encoding() {
    quirk(
        b"* 1 FETCH (BODYSTRUCTURE (\"text\" \"plain\" (\"CHARSET\" \"UTF-8\") NIL NIL NIL 1694 51 NIL NIL NIL NIL))\r\n",
        Some(b"* 1 FETCH (BODYSTRUCTURE (\"text\" \"plain\" (\"CHARSET\" \"UTF-8\") NIL NIL \"7BIT\" 1694 51 NIL NIL NIL NIL))\r\n"),
        Leniency::NIL_ENCODING,
    );
}

#[test]
fn row_34_nil_lines() {
    quirk(
        b"* 1 FETCH (BODYSTRUCTURE (\"text\" \"plain\" NIL NIL NIL \"7bit\" 1234 NIL NIL NIL NIL))\r\n",
        Some(b"* 1 FETCH (BODYSTRUCTURE (\"text\" \"plain\" NIL NIL NIL \"7bit\" 1234 0 NIL NIL NIL))\r\n"),
        Leniency::NIL_LINES,
    );
}

#[test]
fn row_35_nil_parameter_value_and_empty_parameters() {
    quirk(
        b"* 1 FETCH (BODYSTRUCTURE ((\"text\" \"plain\" NIL NIL NIL \"7bit\" 1 1) \"alternative\" (\"boundary\" NIL)))\r\n",
        Some(b"* 1 FETCH (BODYSTRUCTURE ((\"text\" \"plain\" NIL NIL NIL \"7bit\" 1 1) \"alternative\" (\"boundary\" \"\")))\r\n"),
        Leniency::NIL_PARAM_VALUE,
    );
    quirk(
        b"* 1 FETCH (BODYSTRUCTURE (\"message\" \"delivery-status\" () NIL NIL \"7bit\" 340))\r\n",
        Some(b"* 1 FETCH (BODYSTRUCTURE (\"message\" \"delivery-status\" NIL NIL NIL \"7bit\" 340))\r\n"),
        Leniency::EMPTY_PARAM_LIST,
    );
}

#[test]
fn row_36_bare_disposition() {
    quirk(
        b"* 1 FETCH (BODYSTRUCTURE (\"text\" \"plain\" NIL NIL NIL \"7bit\" 10 1 NIL \"inline\" NIL NIL))\r\n",
        Some(b"* 1 FETCH (BODYSTRUCTURE (\"text\" \"plain\" NIL NIL NIL \"7bit\" 10 1 NIL (\"inline\" NIL) NIL NIL))\r\n"),
        Leniency::BARE_DISPOSITION,
    );
}

#[test]
fn row_41_item_in_extra_parentheses() {
    let r = quirk(
        b"* 2 FETCH (UID 14935 (ENVELOPE (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)) BODYSTRUCTURE (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 0 0 NIL))\r\n",
        Some(b"* 2 FETCH (UID 14935 ENVELOPE (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) BODYSTRUCTURE (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 0 0 NIL))\r\n"),
        Leniency::PARENTHESISED_ITEM,
    );
    assert_eq!(fetch_items(&r).len(), 3);
}

#[test]
fn row_43_empty_string_before_bodystructure() {
    quirk(
        b"* 1 FETCH (BODYSTRUCTURE \"\" (\"text\" \"plain\" NIL NIL NIL \"7bit\" 10 1))\r\n",
        Some(b"* 1 FETCH (BODYSTRUCTURE (\"text\" \"plain\" NIL NIL NIL \"7bit\" 10 1))\r\n"),
        Leniency::EMPTY_STRING_BEFORE_BODY,
    );
}

#[test]
fn row_45_section_without_value() {
    let raw = b"* 1 FETCH (UID 3016 BODY[2.MIME] {5}\r\nhello BODY[2] )\r\n";
    let clean = b"* 1 FETCH (UID 3016 BODY[2.MIME] {5}\r\nhello BODY[2] NIL)\r\n";
    quirk(raw, Some(clean), Leniency::SECTION_WITHOUT_VALUE);
    quirk(raw, Some(clean), Leniency::SPACE_BEFORE_CLOSE);
}

#[test]
fn bare_lf_line_ends() {
    quirk(b"* OK done\n", Some(b"* OK done\r\n"), Leniency::BARE_LF);
    quirk(b"a1 OK done\n", Some(b"a1 OK done\r\n"), Leniency::BARE_LF);
    quirk(
        b"* XUNKNOWN a b\n",
        Some(b"* XUNKNOWN a b\r\n"),
        Leniency::BARE_LF,
    );
    let cmd = crate::Command::parse_report(b"a1 NOOP\n", &ParseConfig::lenient()).unwrap();
    assert_eq!(cmd.quirks, Leniency::BARE_LF);
    assert!(crate::Command::parse_with(b"a1 NOOP\n", &ParseConfig::strict()).is_err());
}

/// Rows whose raw example the grammar itself reads: strict and lenient agree and report
/// nothing.
#[test]
fn rows_the_grammar_reads() {
    let rows: &[(u8, &[u8])] = &[
        // No QUOTA grammar yet: unknown untagged data, kept raw.
        (16, b"* OK Still here\r\n"),
        (16, b"* NOOP\r\n"),
        (16, b"* 99 NOOP froopy snood\r\n"),
        // Not a valid code: the bracket is text.
        (
            20,
            b"RUBY0001 OK [Error=\"Microsoft.Exchange.Data.Storage.WrongServerException\" AuthResultFromPopImapEnd=0 Service=Imap4] AUTHENTICATE completed.\r\n",
        ),
        (23, b"* LIST (\\HasNoChildren) \".\" Special#Hash\r\n"),
        (23, b"* LIST (\\HasNoChildren \\Marked) \".\" [Special]\r\n"),
        (25, b"* OK [CAPABILITY IMAP4rev1 AUTH=XOAUTH2] Logged in \xe2\x80\x93 go ahead!\r\n"),
        (27, b"* CAPABILITY IMAP4rev1 LITERAL + IDLE\r\n"),
        // MODSEQ is not a known item yet: its value is kept raw.
        // A generic code: `Code::Other` with the raw `0`, no NonZeroU32 invented.
        (31, b"* OK [UIDVALIDITY 0] x\r\n"),
        (31, b"* OK [UIDNEXT 0] x\r\n"),
        (32, b"* 1 FETCH (X-GM-MSGID 1278455344230334865)\r\n"),
        (
            39,
            b"* 1 FETCH (BODYSTRUCTURE (\"message\" \"global\" (\"name\" \"Untitled attachment 00019.dat\") NIL NIL \"7bit\" 6726 NIL (\"attachment\" (\"filename\" \"x.dat\")) NIL NIL))\r\n",
        ),
        (46, b"* ESEARCH (TAG \"T7\") UID\r\n"),
        (49, b"* STATUS \"INBOX\" ()\r\n"),
    ];
    for (row, raw) in rows {
        let strict = Response::parse_with(raw, &ParseConfig::strict())
            .unwrap_or_else(|e| panic!("row {row}: {e}"));
        let parsed = Response::parse_report(raw, &ParseConfig::lenient()).unwrap();
        assert_eq!(parsed.value, strict, "row {row}");
        assert!(parsed.quirks.is_empty(), "row {row}: {:?}", parsed.quirks);
    }
    let r = Response::parse(b"* OK [UIDVALIDITY 0] x\r\n").unwrap();
    let Response::Untagged(Untagged::Status { text, .. }) = r else {
        panic!()
    };
    assert!(matches!(text.code, Some(crate::Code::Other(_))));
}

/// Rows that cannot be read without guessing fail as a whole, with the tag when there is one.
#[test]
fn rows_that_fail_cleanly() {
    let rows: &[(u8, &[u8], Option<&str>)] = &[
        (21, b"[COPYUID 55 31 6]\r\n", Some("[COPYUID")),
        (
            24,
            b"* 1 FETCH (ENVELOPE (NIL \"a\"b\" NIL NIL NIL NIL NIL NIL NIL NIL) UID 5\r\n",
            None,
        ),
        (30, b"* STATUS INBOX (MESSAGES 9.3736e+06)\r\n", None),
        (52, b"aN BYE logging out\r\n", Some("aN")),
    ];
    for (row, raw, tag) in rows {
        let bad = Response::parse_or_malformed(raw, &ParseConfig::lenient())
            .expect_err(&alloc::format!("row {row} parsed"));
        assert_eq!(bad.raw(), *raw, "row {row}");
        assert_eq!(bad.tag().map(|t| t.as_str()), *tag, "row {row}");
        assert!(bad.error().offset <= raw.len());
        assert_eq!(encode_with(&bad, crate::EncodeConfig::default()), *raw);
    }
    // The NO greeting is no greeting.
    assert!(crate::Greeting::parse(b"* NO LOGOUT Intrusion prevention active\r\n").is_err());
}

#[test]
fn leniency_names_round_trip() {
    let names: Vec<_> = Leniency::ALL.names().collect();
    assert_eq!(names.len(), Leniency::ALL.iter().count());
    for name in &names {
        let one = Leniency::from_name(name).unwrap();
        assert_eq!(one.names().collect::<Vec<_>>(), [*name]);
    }
    assert_eq!(Leniency::ALL - Leniency::ALL, Leniency::STRICT);
    assert_eq!(
        alloc::format!("{:?}", Leniency::BARE_LF | Leniency::NIL_LINES),
        "Leniency(NIL_LINES | BARE_LF)"
    );
    assert_eq!(ParseConfig::default(), ParseConfig::lenient());
    assert!(ParseConfig::strict().leniency.is_empty());
}

/// A valid response and the same response with one quirk inserted, and the leniency it needs.
fn with_quirk(r: &Response<'_>) -> Vec<(Vec<u8>, Leniency)> {
    let bytes = encode_with(r, crate::EncodeConfig::default());
    let body = &bytes[..bytes.len() - 2];
    let mut out = Vec::new();
    let mut bare = body.to_vec();
    bare.push(b'\n');
    out.push((bare, Leniency::BARE_LF));
    let trailing = match r {
        Response::Untagged(Untagged::Data(Data::Search(_))) => Leniency::SEARCH_TRAILING_SPACE,
        Response::Untagged(Untagged::Data(Data::Status(_))) => Leniency::STATUS_TRAILING_SPACE,
        Response::Untagged(Untagged::Data(Data::Capability(_))) => {
            Leniency::CAPABILITY_TRAILING_SPACE
        }
        _ => Leniency::STRICT,
    };
    if !trailing.is_empty() {
        let mut v = body.to_vec();
        v.extend_from_slice(b" \r\n");
        out.push((v, trailing));
    }
    if let Response::Untagged(Untagged::Data(Data::Fetch { .. } | Data::Flags(_))) = r {
        // SP before the `)` that closes the item or flag list.
        let mut v = body[..body.len() - 1].to_vec();
        v.extend_from_slice(b" )\r\n");
        out.push((v, Leniency::SPACE_BEFORE_CLOSE));
    }
    if let Some(rest) = bytes.strip_prefix(b"* BYE \r\n") {
        debug_assert!(rest.is_empty());
        out.push((b"* BYE\r\n".to_vec(), Leniency::BYE_WITHOUT_TEXT));
    }
    if bytes == b"+ \r\n" {
        out.push((b"+\r\n".to_vec(), Leniency::CONTINUATION_WITHOUT_TEXT));
    }
    if let Some(rest) = bytes.strip_prefix(b"* CAPABILITY ") {
        // A second SP after the first capability.
        if let Some(p) = rest.iter().position(|&b| b == b' ') {
            let mut v = bytes[..13 + p].to_vec();
            v.push(b' ');
            v.extend_from_slice(&rest[p..]);
            out.push((v, Leniency::EXTRA_SPACE));
        }
    }
    out
}

fn any_response() -> impl Strategy<Value = Response<'static>> {
    prop_oneof![
        crate::testing::response::response(),
        crate::testing::message::data().prop_map(|d| Response::Untagged(Untagged::Data(d))),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn one_quirk_keeps_the_value(r in any_response()) {
        for (bytes, leniency) in with_quirk(&r) {
            let show = bstr::BStr::new(&bytes);
            let parsed = Response::parse_report(&bytes, &ParseConfig::lenient());
            let parsed = parsed.unwrap_or_else(|e| panic!("{show:?}: {e}"));
            prop_assert_eq!(&parsed.value, &r, "{:?}", show);
            prop_assert!(parsed.quirks.contains(leniency), "{:?}: {:?}", show, parsed.quirks);
            prop_assert!(Response::parse_with(&bytes, &ParseConfig::strict()).as_ref() != Ok(&r));
        }
    }
}
