//! Strategies, known answers and round trips for capabilities, response codes and responses.

use alloc::vec;
use alloc::vec::Vec;
use core::num::NonZeroU32;

use proptest::prelude::*;

use crate::chars::is_text_char;
use crate::error::ErrorKind;
use crate::parse::Parse;
use crate::testing::flag::{flag_list, flag_perm_list};
use crate::testing::primitive::{ascii_from, atom, tag, text};
use crate::testing::sequence::uid_set;
use crate::testing::{assert_reparses, assert_round_trip, config};
use crate::types::auth::Base64;
use crate::types::capability::{Capabilities, Capability};
use crate::types::code::{Code, CodeOther, ResponseText, SIMPLE_CODES};
use crate::types::list::List;
use crate::types::primitive::{Atom, Charset, Text};
use crate::types::response::{
    Continuation, Data, Greeting, GreetingKind, Response, StatusKind, Tagged, Untagged,
};

pub(crate) fn capability() -> impl Strategy<Value = Capability<'static>> {
    atom().prop_map(Capability::from_atom)
}

pub(crate) fn capabilities() -> impl Strategy<Value = Capabilities<'static>> {
    (
        proptest::collection::vec(capability(), 0..6),
        any::<bool>(),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(mut caps, rev2, at)| {
            let rev = if rev2 {
                Capability::Imap4Rev2
            } else {
                Capability::Imap4Rev1
            };
            let k = at.index(caps.len() + 1);
            caps.insert(k, rev);
            Capabilities::new(List::from(caps)).unwrap()
        })
}

fn nz() -> impl Strategy<Value = NonZeroU32> {
    (1u32..).prop_map(|n| NonZeroU32::new(n).unwrap())
}

pub(crate) fn code() -> impl Strategy<Value = Code<'static>> {
    let simple = proptest::sample::select(
        SIMPLE_CODES
            .iter()
            .map(|(_, c)| c.clone())
            .collect::<Vec<_>>(),
    );
    let charsets = proptest::option::of(proptest::collection::vec(
        ascii_from(|b| is_text_char(b) && b != b']', 0, 8).prop_map(|s| Charset::new(s).unwrap()),
        1..4,
    ));
    let other = (
        atom(),
        proptest::option::of(ascii_from(|b| is_text_char(b) && b != b']', 1, 12)),
    )
        .prop_filter_map("known code", |(name, args)| CodeOther::new(name, args).ok());
    prop_oneof![
        simple,
        charsets.prop_map(|c| Code::BadCharset(c.map(List::from))),
        capabilities().prop_map(Code::Capability),
        flag_perm_list().prop_map(Code::PermanentFlags),
        nz().prop_map(Code::UidNext),
        nz().prop_map(Code::UidValidity),
        nz().prop_map(Code::Unseen),
        (nz(), uid_set()).prop_map(|(uid_validity, uids)| Code::AppendUid { uid_validity, uids }),
        (nz(), uid_set(), uid_set()).prop_map(|(uid_validity, source, destination)| {
            Code::CopyUid {
                uid_validity,
                source,
                destination,
            }
        }),
        prop_oneof![other.prop_map(Code::Other), crate::testing::ext::code()],
        (0..=i64::MAX as u64)
            .prop_map(|n| Code::HighestModSeq(crate::types::primitive::Number64::new(n).unwrap())),
        crate::testing::sequence::sequence_set().prop_map(Code::Modified),
        crate::testing::status::objectid().prop_map(Code::MailboxId),
    ]
}

pub(crate) fn response_text() -> impl Strategy<Value = ResponseText<'static>> {
    (proptest::option::of(code()), proptest::option::of(text()))
        .prop_filter_map("reads back as a code", |(c, t)| {
            ResponseText::new(c, t).ok()
        })
}

fn status_kind() -> impl Strategy<Value = StatusKind> {
    prop_oneof![
        Just(StatusKind::Ok),
        Just(StatusKind::No),
        Just(StatusKind::Bad)
    ]
}

pub(crate) fn greeting() -> impl Strategy<Value = Greeting<'static>> {
    (
        prop_oneof![
            Just(GreetingKind::Ok),
            Just(GreetingKind::PreAuth),
            Just(GreetingKind::Bye)
        ],
        response_text(),
    )
        .prop_map(|(kind, text)| Greeting { kind, text })
}

pub(crate) fn continuation() -> impl Strategy<Value = Continuation<'static>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..30)
            .prop_map(|d| Continuation::Base64(Base64::encode(&d))),
        response_text().prop_filter_map("reads back as base64", |t| Continuation::text(t).ok()),
    ]
}

pub(crate) fn data() -> impl Strategy<Value = Data<'static>> {
    prop_oneof![
        capabilities().prop_map(Data::Capability),
        flag_list().prop_map(Data::Flags),
        any::<u32>().prop_map(Data::Exists),
        any::<u32>().prop_map(Data::Recent),
        nz().prop_map(Data::Expunge),
        crate::testing::message::data(),
        crate::testing::ext::data(),
    ]
}

pub(crate) fn response() -> impl Strategy<Value = Response<'static>> {
    prop_oneof![
        (tag(), status_kind(), response_text())
            .prop_map(|(tag, kind, text)| Response::Tagged(Tagged { tag, kind, text })),
        (status_kind(), response_text())
            .prop_map(|(kind, text)| Response::Untagged(Untagged::Status { kind, text })),
        response_text().prop_map(|t| Response::Untagged(Untagged::Bye(t))),
        data().prop_map(|d| Response::Untagged(Untagged::Data(d))),
        continuation().prop_map(Response::Continuation),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn capability_round_trips(v in capability()) {
        assert_round_trip!(Capability, v);
    }

    #[test]
    fn capabilities_round_trip(v in capabilities()) {
        assert_round_trip!(Capabilities, v);
    }

    #[test]
    fn code_round_trips(v in code()) {
        assert_round_trip!(Code, v);
    }

    #[test]
    fn response_text_round_trips(v in response_text()) {
        assert_round_trip!(ResponseText, v);
    }

    #[test]
    fn greeting_round_trips(v in greeting()) {
        assert_round_trip!(Greeting, v);
    }

    #[test]
    fn continuation_round_trips(v in continuation()) {
        assert_round_trip!(Continuation, v);
    }

    #[test]
    fn response_round_trips(v in response()) {
        assert_round_trip!(Response, v);
    }

    #[test]
    fn no_input_panics_the_response_parsers(v in proptest::collection::vec(
        prop_oneof![Just(b'*'), Just(b' '), Just(b'['), Just(b']'), Just(b'\r'), Just(b'\n'), any::<u8>()], 0..48)) {
        let _ = Response::parse(&v);
        let _ = Greeting::parse(&v);
        let _ = Code::parse(&v);
    }
}

#[test]
fn rfc_greetings_and_status_responses() {
    // RFC 9051 §7.1.1, §7.1.4, §7.1.5, §8.
    let g = assert_reparses!(Greeting, b"* OK IMAP4rev2 server ready\r\n");
    assert_eq!(g.kind, GreetingKind::Ok);
    assert_eq!(g.text.human().unwrap().as_str(), "IMAP4rev2 server ready");
    let g = assert_reparses!(
        Greeting,
        b"* PREAUTH IMAP4rev2 server logged in as Smith\r\n"
    );
    assert_eq!(g.kind, GreetingKind::PreAuth);
    let g = assert_reparses!(Greeting, b"* BYE Autologout; idle for too long\r\n");
    assert_eq!(g.kind, GreetingKind::Bye);
    let g = assert_reparses!(
        Greeting,
        b"* OK [CAPABILITY IMAP4rev2 STARTTLS AUTH=GSSAPI LOGINDISABLED] Server ready\r\n"
    );
    let Some(Code::Capability(caps)) = g.text.code() else {
        panic!()
    };
    assert!(caps.contains(&Capability::StartTls));
    assert!(caps.contains(&Capability::Auth(Atom::new("gssapi").unwrap())));
    assert!(Greeting::parse(b"* NO go away\r\n").is_err());
    assert!(Greeting::parse(b"a1 OK hi\r\n").is_err());

    let cases: &[&[u8]] = &[
        b"* OK [ALERT] System shutdown in 10 minutes\r\n",
        b"A001 OK LOGIN completed\r\n",
        b"* NO Disk is 98% full, please delete unnecessary data\r\n",
        b"A222 NO COPY failed: disk is full\r\n",
        b"* BAD Command line too long\r\n",
        b"A443 BAD Expected \"(\"\r\n",
        b"* BYE IMAP4rev2 Server logging out\r\n",
        b"A142 OK [READ-WRITE] SELECT completed\r\n",
        b"* OK [UNSEEN 12] Message 12 is first unseen\r\n",
        b"* OK [UIDVALIDITY 3857529045] UIDs valid\r\n",
        b"* OK [UIDNEXT 4392] Predicted next UID\r\n",
        b"* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n",
        b"A003 OK [APPENDUID 38505 3955] APPEND completed\r\n",
        b"A004 OK [COPYUID 38505 304,319:320 3956:3958] Done\r\n",
        b"A005 NO [TRYCREATE] No such mailbox\r\n",
        b"a1 NO [BADCHARSET (UTF-8 \"ISO-8859-1\")] unsupported\r\n",
        b"a1 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n",
        b"a1 OK [CLOSED] Previous mailbox is now closed\r\n",
        b"a1 OK [XFOO bar baz] unknown code kept\r\n",
        b"a1 OK [UIDNEXT abc] known name, other form\r\n",
        b"* OK [ALERT] \r\n",
        b"* OK [not a code\r\n",
        b"* 23 EXISTS\r\n",
        b"* 3 RECENT\r\n",
        b"* 44 EXPUNGE\r\n",
        b"* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n",
        b"* CAPABILITY IMAP4rev2 STARTTLS AUTH=GSSAPI XPIG-LATIN\r\n",
        b"* 3 XFOO bar\r\n",
        b"* XBAR (a {3}\r\nb c) d\r\n",
        b"+ Ready for additional command text\r\n",
        b"+ \r\n",
        b"+ YGgGCSqGSIb3EgECAgIAb1kwV6ADAgEFoQMCAQ+iSjBIoAMCAQGiQQQ/\r\n",
    ];
    for bytes in cases {
        assert_reparses!(Response, bytes);
    }
    let r = Response::parse(b"a1 OK [UIDNEXT abc] known name, other form\r\n").unwrap();
    let Response::Tagged(t) = r else { panic!() };
    assert!(matches!(t.text.code(), Some(Code::Other(o)) if o.args() == Some("abc")));
    // Without the SP after the bracket, it is all text.
    let r = Response::parse(b"* OK [ALERT]done\r\n").unwrap();
    let Response::Untagged(Untagged::Status { text, .. }) = r else {
        panic!()
    };
    assert_eq!(
        (text.code(), text.human().unwrap().as_str()),
        (None, "[ALERT]done")
    );
    // `UIDNEXT 0` is no `nz-number`, but it fits the generic code form.
    let r = Response::parse(b"* OK [UIDNEXT 0] x\r\n").unwrap();
    let Response::Untagged(Untagged::Status { text, .. }) = r else {
        panic!()
    };
    assert!(matches!(text.code(), Some(Code::Other(o)) if o.name().as_str() == "UIDNEXT"));
    let r = Response::parse(b"* OK [not a code\r\n").unwrap();
    let Response::Untagged(Untagged::Status { text, .. }) = r else {
        panic!()
    };
    assert_eq!(
        (text.code(), text.human().unwrap().as_str()),
        (None, "[not a code")
    );
    let Response::Continuation(Continuation::Base64(b)) = Response::parse(b"+ \r\n").unwrap()
    else {
        panic!()
    };
    assert_eq!(b.as_str(), "");
    let Response::Untagged(Untagged::Data(Data::Other(o))) =
        Response::parse(b"* XBAR (a {3}\r\nb c) d\r\n").unwrap()
    else {
        panic!()
    };
    assert_eq!(
        (o.name().as_str(), o.rest()),
        ("XBAR", &b" (a {3}\r\nb c) d"[..])
    );
}

#[test]
fn invalid_responses_say_where_and_what() {
    let bad: &[(&[u8], usize, ErrorKind)] = &[
        (b"* OK\r\n", 4, ErrorKind::Expected("SP")),
        (b"a+1 OK done\r\n", 1, ErrorKind::Expected("SP")),
        (b"a1 YES done\r\n", 3, ErrorKind::Expected("OK, NO or BAD")),
        (b"* OK done", 9, ErrorKind::Expected("CRLF")),
        (b"* 0 EXPUNGE\r\n", 2, ErrorKind::Expected("nz-number")),
        (
            b"* CAPABILITY XFOO\r\n",
            12,
            ErrorKind::Expected("IMAP4rev1 or IMAP4rev2 among the capabilities"),
        ),
        (b"* OK hi\r\nextra", 9, ErrorKind::Trailing),
    ];
    for (input, offset, kind) in bad {
        let e = Response::parse(input).unwrap_err();
        assert_eq!(
            (e.offset, e.kind),
            (*offset, *kind),
            "{:?}",
            bstr::BStr::new(input)
        );
    }
}

#[test]
fn constructors_refuse_ambiguous_values() {
    assert!(ResponseText::new(None, Some(Text::new("[ALERT] x").unwrap())).is_err());
    assert!(ResponseText::new(None, Some(Text::new("[ALERT]").unwrap())).is_err());
    assert!(ResponseText::new(None, Some(Text::new("[ALERT]x").unwrap())).is_ok());
    assert!(CodeOther::new(Atom::new("ALERT").unwrap(), None::<&str>).is_err());
    assert!(CodeOther::new(Atom::new("UIDNEXT").unwrap(), Some("5")).is_err());
    assert!(CodeOther::new(Atom::new("UIDNEXT").unwrap(), Some("x")).is_ok());
    assert!(CodeOther::new(Atom::new("X").unwrap(), Some("a]b")).is_err());
    let t = ResponseText::new(None, Some(Text::new("abcd").unwrap())).unwrap();
    assert!(Continuation::text(t).is_err());
    assert!(Capabilities::new(List::from(alloc::vec![Capability::Idle])).is_err());
    assert_eq!(
        crate::to_vec(&Capability::parse(b"auth=plain").unwrap()),
        b"AUTH=plain"
    );
    assert_eq!(
        crate::to_vec(&Capability::parse(b"literal+").unwrap()),
        b"LITERAL+"
    );
}

#[test]
fn code_without_text_is_a_leniency() {
    // QUIRKS.md row 13 (Gmail): strict reads it all as text, lenient as a code with no text.
    let raw = b"* OK [HIGHESTMODSEQ 13632]\r\n";
    let strict = Response::parse_with(raw, &crate::ParseConfig::strict()).unwrap();
    let Response::Untagged(Untagged::Status { text, .. }) = &strict else {
        panic!()
    };
    assert_eq!(
        (text.code(), text.human().unwrap().as_str()),
        (None, "[HIGHESTMODSEQ 13632]")
    );
    let cfg = crate::ParseConfig::lenient();
    let r = Response::parse_with(raw, &cfg).unwrap();
    let Response::Untagged(Untagged::Status { text, .. }) = &r else {
        panic!()
    };
    assert!(text.human().is_none());
    // What is written is strict, and reads back equal.
    let bytes = crate::to_vec(&r);
    assert_eq!(bytes, b"* OK [HIGHESTMODSEQ 13632] \r\n");
    assert_eq!(Response::parse(&bytes).unwrap(), r);
}
