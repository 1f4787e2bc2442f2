//! Strategies, known answers and round trips for mailbox names and LIST patterns.

use alloc::borrow::Cow;
use alloc::string::String;

use proptest::prelude::*;

use crate::testing::primitive::encode_configs;

use crate::config::ParseConfig;
use crate::error::{ErrorKind, ParseError};
use crate::parse::Parse;
use crate::serialize::EncodeConfig;
use crate::testing::utf7::unicode_name;
use crate::testing::{assert_reparses, assert_round_trip, config, encode_with};
use crate::types::mailbox::{ListMailbox, Mailbox, MailboxOther};

fn strict() -> ParseConfig {
    ParseConfig::default()
}

fn utf8() -> ParseConfig {
    ParseConfig::default().with_utf8_accept(true)
}

/// Unicode names, sometimes `INBOX` in some case.
fn name_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => unicode_name(),
        1 => proptest::sample::select(&["INBOX", "inbox", "InBoX", "INBOX.Sent", "INBOX/&"][..])
            .prop_map(String::from),
    ]
}

/// Names for an IMAP4rev1 connection: modified UTF-7 (valid under either configuration).
pub(crate) fn mailbox_utf7() -> impl Strategy<Value = Mailbox<'static>> {
    name_text().prop_map(|s| crate::IntoStatic::into_static(Mailbox::from_utf8(&s, false).unwrap()))
}

/// Names for a `UTF8=ACCEPT` connection: UTF-8 as it is (NUL is not allowed).
pub(crate) fn mailbox_utf8() -> impl Strategy<Value = Mailbox<'static>> {
    name_text()
        .prop_map(|s| s.replace('\0', ""))
        .prop_map(|s| crate::IntoStatic::into_static(Mailbox::from_utf8(&s, true).unwrap()))
}

/// Patterns for an IMAP4rev1 connection, with wildcards.
pub(crate) fn list_mailbox_utf7() -> impl Strategy<Value = ListMailbox<'static>> {
    proptest::collection::vec(
        prop_oneof![
            unicode_name(),
            Just("%".into()),
            Just("*".into()),
            Just("/".into())
        ],
        0..4,
    )
    .prop_map(|v| {
        let s: String = v.concat();
        crate::IntoStatic::into_static(ListMailbox::from_utf8(&s, false).unwrap())
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn utf7_mailbox_round_trips_under_both_configs(
        v in mailbox_utf7(),
        enc in encode_configs(),
    ) {
        assert_round_trip!(Mailbox, v.clone(), enc, &strict());
        assert_round_trip!(Mailbox, v, enc, &utf8());
    }

    #[test]
    fn utf8_mailbox_round_trips_under_utf8_accept(v in mailbox_utf8(), enc in encode_configs()) {
        assert_round_trip!(Mailbox, v, enc, &utf8());
    }

    #[test]
    fn mailbox_keeps_its_unicode_name(s in unicode_name(), on in any::<bool>()) {
        let s = if on { s.replace('\0', "") } else { s };
        let m = Mailbox::from_utf8(&s, on).unwrap();
        let back = m.to_utf8(on).unwrap();
        if s.eq_ignore_ascii_case("INBOX") {
            prop_assert!(m.is_inbox());
            prop_assert_eq!(back, "INBOX");
        } else {
            prop_assert_eq!(back, s.as_str());
        }
    }

    #[test]
    fn list_mailbox_round_trips(v in list_mailbox_utf7(), enc in encode_configs()) {
        assert_round_trip!(ListMailbox, v.clone(), enc, &strict());
        assert_round_trip!(ListMailbox, v, enc, &utf8());
    }

    #[test]
    fn utf8_list_mailbox_round_trips(s in unicode_name(), enc in encode_configs()) {
        let s = s.replace('\0', "");
        let v = ListMailbox::from_utf8(&s, true).unwrap();
        assert_round_trip!(ListMailbox, v, enc, &utf8());
    }

    #[test]
    fn no_input_panics_the_mailbox_parsers(
        v in proptest::collection::vec(
            prop_oneof![Just(b'&'), Just(b'-'), Just(b'"'), Just(b'{'), Just(b'A'), any::<u8>()],
            0..24,
        ),
        on in any::<bool>(),
    ) {
        let cfg = ParseConfig::default().with_utf8_accept(on);
        if let Ok(m) = Mailbox::parse_with(&v, &cfg) {
            // Whatever parses strictly is modified UTF-7.
            prop_assert!(on || m.to_utf8(false).is_ok());
        }
        let _ = MailboxOther::parse_with(&v, &cfg);
        if let Ok(p) = ListMailbox::parse_with(&v, &cfg) {
            prop_assert!(on || p.to_utf8(false).is_ok());
        }
    }
}

fn other(wire: &'static str) -> Mailbox<'static> {
    Mailbox::Other(MailboxOther::new(wire).unwrap())
}

/// `mailbox!(bytes, config, remainder, expected)`, re-checked after serialize → parse.
macro_rules! mailbox {
    ($bytes:expr, $cfg:expr, $rest:expr, $want:expr) => {{
        let bytes: &[u8] = $bytes;
        let cfg: ParseConfig = $cfg;
        let (value, rest) = Mailbox::parse_prefix(bytes, &cfg).unwrap();
        assert_eq!(rest, $rest, "remainder of {:?}", bstr::BStr::new(bytes));
        assert_eq!(value, $want, "{:?}", bstr::BStr::new(bytes));
        let enc = EncodeConfig::default().with_utf8_accept(cfg.utf8_accept);
        assert_round_trip!(Mailbox, value, enc, &cfg);
    }};
}

#[test]
fn known_mailboxes() {
    // RFC 9051 §9: INBOX in any case and in any form is INBOX.
    for inbox in [
        &b"INBOX"[..],
        b"inbox",
        b"iNbOx",
        b"\"InBoX\"",
        b"{5}\r\ninbox",
        b"{5+}\r\nINBOX",
    ] {
        mailbox!(inbox, strict(), b"", Mailbox::Inbox);
        mailbox!(inbox, utf8(), b"", Mailbox::Inbox);
    }
    assert_eq!(crate::to_vec(&Mailbox::parse(b"inbox").unwrap()), b"INBOX");
    // RFC 9051 §6.3.1, §6.3.4, §6.3.5, §6.3.9, §7.3.1 examples.
    mailbox!(b"Drafts", strict(), b"", other("Drafts"));
    mailbox!(b"owatagusiam/", strict(), b"", other("owatagusiam/"));
    mailbox!(
        b"owatagusiam/blurdybloop",
        strict(),
        b"",
        other("owatagusiam/blurdybloop")
    );
    mailbox!(
        b"\"INBOX.Sent Mail\"",
        strict(),
        b"",
        other("INBOX.Sent Mail")
    );
    mailbox!(
        b"\"#mh/Deleted Items\"",
        strict(),
        b"",
        other("#mh/Deleted Items")
    );
    mailbox!(
        b"blurdybloop sarasoop",
        strict(),
        b" sarasoop",
        other("blurdybloop")
    );
    mailbox!(
        b"#news.comp.mail.misc \"\"",
        strict(),
        b" \"\"",
        other("#news.comp.mail.misc")
    );
    mailbox!(b"\"\"", strict(), b"", other(""));
    mailbox!(b"INBOX.Sent", strict(), b"", other("INBOX.Sent"));
    mailbox!(b"INBOX]", strict(), b"", other("INBOX]"));
    mailbox!(b"\"INBOX \"", strict(), b"", other("INBOX "));
    // RFC 3501 §5.1.3 / RFC 9051 Appendix A.1.
    let wire = "~peter/mail/&U,BTFw-/&ZeVnLIqe-";
    mailbox!(wire.as_bytes(), strict(), b"", other(wire));
    let m = Mailbox::parse(wire.as_bytes()).unwrap();
    assert_eq!(m.to_utf8(false).unwrap(), "~peter/mail/台北/日本語");
    assert_eq!(m.to_utf8(true).unwrap(), wire);
    assert_eq!(
        Mailbox::from_utf8("~peter/mail/台北/日本語", false).unwrap(),
        m
    );
    mailbox!(b"\"a&-b\"", strict(), b"", other("a&-b"));
    // UTF8=ACCEPT: names are UTF-8 and "&" is an ordinary character.
    mailbox!("\"台北\"".as_bytes(), utf8(), b"", other("台北"));
    mailbox!("{6}\r\n台北".as_bytes(), utf8(), b"", other("台北"));
    mailbox!(b"&Jjo!", utf8(), b"", other("&Jjo!"));
    mailbox!(b"a&b", utf8(), b"", other("a&b"));
    let t = Mailbox::parse_with("\"台北\"".as_bytes(), &utf8()).unwrap();
    assert_eq!(t.to_utf8(true).unwrap(), "台北");
    assert!(t.to_utf8(false).is_err());
}

#[test]
fn invalid_mailboxes() {
    let e = |kind, offset| ParseError { kind, offset };
    let bad: &[(&[u8], ParseConfig, ParseError)] = &[
        // RFC 9051 Appendix A.1's invalid names.
        (b"&Jjo!", strict(), e(ErrorKind::BadUtf7, 4)),
        (
            b"\"&U,BTFw-&ZeVnLIqe-\"",
            strict(),
            e(ErrorKind::BadUtf7, 9),
        ),
        (b"&", strict(), e(ErrorKind::BadUtf7, 1)),
        (b"a&AGE-", strict(), e(ErrorKind::BadUtf7, 1)),
        // 8-bit and control bytes are not modified UTF-7.
        ("\"café\"".as_bytes(), strict(), e(ErrorKind::BadUtf7, 4)),
        (b"{5}\r\ncaf\xc3\xa9", strict(), e(ErrorKind::BadUtf7, 8)),
        (b"{3}\r\na\rb", strict(), e(ErrorKind::BadUtf7, 6)),
        // A quoted name with escapes: the error points at the name.
        (b"\"a\\\\&\"", strict(), e(ErrorKind::BadUtf7, 0)),
        // UTF8=ACCEPT: bytes must be UTF-8.
        (b"{2}\r\na\xff", utf8(), e(ErrorKind::BadUtf8, 6)),
        (b"\"a\xff\"", utf8(), e(ErrorKind::BadUtf8, 2)),
        // Not an astring at all.
        (b"", strict(), e(ErrorKind::Expected("astring"), 0)),
        (b"(INBOX)", strict(), e(ErrorKind::Expected("astring"), 0)),
        (b"%", strict(), e(ErrorKind::Expected("astring"), 0)),
        (b"a b", strict(), e(ErrorKind::Trailing, 1)),
    ];
    for (input, cfg, want) in bad {
        assert_eq!(
            Mailbox::parse_with(input, cfg),
            Err(*want),
            "{:?} {cfg:?}",
            bstr::BStr::new(input)
        );
    }
    assert_eq!(
        MailboxOther::parse(b"inbox").unwrap_err().kind,
        ErrorKind::Expected("mailbox other than INBOX")
    );
    for inbox in ["INBOX", "inbox", "Inbox"] {
        assert!(MailboxOther::new(inbox).is_err());
        assert_eq!(Mailbox::new(inbox).unwrap(), Mailbox::Inbox);
        assert_eq!(Mailbox::from_utf8(inbox, false).unwrap(), Mailbox::Inbox);
    }
    assert!(Mailbox::new("a\0b").is_err());
    assert!(Mailbox::from_utf8("a\0b", true).is_err());
    assert_eq!(
        Mailbox::from_utf8("a\0b", false).unwrap().as_str(),
        "a&AAA-b"
    );
}

#[test]
fn serializer_writes_names_by_content() {
    let on = EncodeConfig::default().with_utf8_accept(true);
    let cases: &[(Mailbox<'static>, &[u8], &[u8])] = &[
        (Mailbox::Inbox, b"INBOX", b"INBOX"),
        (other("Sent"), b"Sent", b"Sent"),
        (
            other("INBOX.Sent Mail"),
            b"\"INBOX.Sent Mail\"",
            b"\"INBOX.Sent Mail\"",
        ),
        (other(""), b"\"\"", b"\"\""),
        (other("a%b"), b"\"a%b\"", b"\"a%b\""),
        (other("&U,BTFw-"), b"&U,BTFw-", b"&U,BTFw-"),
        (
            other("台北"),
            "{6}\r\n台北".as_bytes(),
            "\"台北\"".as_bytes(),
        ),
    ];
    for (m, off, with_utf8) in cases {
        assert_eq!(crate::to_vec(m), *off, "{m:?}");
        assert_eq!(encode_with(m, on), *with_utf8, "{m:?}");
    }
    assert_eq!(
        Mailbox::from_utf8("Entwürfe & Co", false).unwrap().as_str(),
        "Entw&APw-rfe &- Co"
    );
    assert_eq!(alloc::format!("{}", other("a b")), "a b");
}

#[test]
fn known_list_mailboxes() {
    // RFC 9051 §6.3.9 and §7.3.1 patterns.
    let table: &[(&[u8], &str, &[u8])] = &[
        (b"*", "*", b"*"),
        (b"%", "%", b"%"),
        (b"\"*\"", "*", b"*"),
        (b"\"%\"", "%", b"%"),
        (b"\"\"", "", b"\"\""),
        (b"~/Mail/%", "~/Mail/%", b"~/Mail/%"),
        (b"\"foo/*\"", "foo/*", b"foo/*"),
        (b"\"*2\"", "*2", b"*2"),
        (b"\"Other Users/%\"", "Other Users/%", b"\"Other Users/%\""),
        (b"\"#Users/Mike/%\"", "#Users/Mike/%", b"#Users/Mike/%"),
        (b"\"~mark/%\"", "~mark/%", b"~mark/%"),
        (b"foo", "foo", b"foo"),
        (b"INBOX]*", "INBOX]*", b"INBOX]*"),
        (b"{1}\r\n%", "%", b"%"),
        (b"&U,BTFw-/%", "&U,BTFw-/%", b"&U,BTFw-/%"),
    ];
    for (wire, content, canonical) in table {
        let v = assert_reparses!(ListMailbox, wire);
        assert_eq!(v.as_str(), *content);
        assert_eq!(crate::to_vec(&v), *canonical);
    }
    let (v, rest) = ListMailbox::parse_prefix(b"% RETURN (CHILDREN)", &strict()).unwrap();
    assert_eq!((v.as_str(), rest), ("%", &b" RETURN (CHILDREN)"[..]));
    assert_eq!(
        ListMailbox::from_utf8("台北/%", false).unwrap().as_str(),
        "&U,BTFw-/%"
    );
    assert_eq!(
        ListMailbox::parse(b"&U,BTFw-/%")
            .unwrap()
            .to_utf8(false)
            .unwrap(),
        "台北/%"
    );
    assert_eq!(ListMailbox::from(Mailbox::Inbox).as_str(), "INBOX");

    let e = |kind, offset| ParseError { kind, offset };
    let bad: &[(&[u8], ParseConfig, ParseError)] = &[
        (
            b"(% music/rock)",
            strict(),
            e(ErrorKind::Expected("list-mailbox"), 0),
        ),
        (b"", strict(), e(ErrorKind::Expected("list-mailbox"), 0)),
        (b"a b", strict(), e(ErrorKind::Trailing, 1)),
        (b"*&", strict(), e(ErrorKind::BadUtf7, 2)),
        ("\"台北/%\"".as_bytes(), strict(), e(ErrorKind::BadUtf7, 1)),
        (b"{2}\r\n\xff%", utf8(), e(ErrorKind::BadUtf8, 5)),
    ];
    for (input, cfg, want) in bad {
        assert_eq!(
            ListMailbox::parse_with(input, cfg),
            Err(*want),
            "{:?}",
            bstr::BStr::new(input)
        );
    }
    assert_eq!(
        ListMailbox::parse_with("\"台北/%\"".as_bytes(), &utf8())
            .unwrap()
            .as_str(),
        "台北/%"
    );
    assert!(ListMailbox::new("a\0").is_err());
}

#[test]
fn parsed_names_borrow() {
    let m = Mailbox::parse(b"\"Sent Mail\"").unwrap();
    let Mailbox::Other(o) = m else {
        panic!("not other")
    };
    assert!(matches!(o.into_inner(), Cow::Borrowed("Sent Mail")));
    let owned = crate::IntoStatic::into_static(Mailbox::parse(b"{4}\r\nJunk").unwrap());
    assert_eq!(owned, other("Junk"));
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_mailboxes_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};

    let on = EncodeConfig::default().with_utf8_accept(true);
    let mut inboxes = 0;
    for buf in crate::testing::random_buffers(4000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = Mailbox::arbitrary(&mut u) {
            inboxes += usize::from(v.is_inbox());
            assert_round_trip!(Mailbox, v.clone());
            assert_round_trip!(Mailbox, v, on, &utf8());
        }
        if let Ok(v) = MailboxOther::arbitrary(&mut u) {
            assert_round_trip!(MailboxOther, v.clone());
            assert_round_trip!(MailboxOther, v, on, &utf8());
        }
        if let Ok(v) = ListMailbox::arbitrary(&mut u) {
            assert_round_trip!(ListMailbox, v.clone());
            assert_round_trip!(ListMailbox, v, on, &utf8());
        }
    }
    assert!(inboxes > 0);
}
