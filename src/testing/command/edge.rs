//! Known answers at the edges: extension parameters, the client's other lines, credentials
//! and the literals they need, and invalid inputs with the offset and the expected item.

use alloc::borrow::Cow;
use alloc::vec::Vec;

use super::known::{astr, atom, b64, flags, mb, other, param, set, store};
use crate::config::ParseConfig;
use crate::error::{ErrorKind, ParseError};
use crate::parse::Parse;
use crate::serialize::{Encode, EncodeConfig, Encoder, LiteralMode};
use crate::testing::assert_round_trip;
use crate::types::command::{
    AuthenticateResponse, Command, CommandBody, IdleDone, OtherArgs, OtherCommand, SelectParam,
    StoreAction, StoreFlags, StoreModifier,
};
use crate::types::extension::ExtParam;
use crate::types::flag::Flag;
use crate::types::list::List;
use crate::types::mailbox::Mailbox;
use crate::types::primitive::AString;

use CommandBody as C;

#[test]
fn extension_parameters() {
    // RFC 7162 §3.1.8, §3.2.5, §3.1.3; RFC 6154 §5.3.
    let sel = |ps: &[ExtParam<'static>]| C::Select {
        mailbox: Mailbox::Inbox,
        params: ps.iter().cloned().map(SelectParam::Ext).collect(),
    };
    cmd!(
        b"A142 SELECT INBOX (CONDSTORE)\r\n",
        "A142",
        sel(&[param("CONDSTORE", None)])
    );
    cmd!(
        b"A02 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))\r\n",
        "A02",
        sel(&[param(
            "QRESYNC",
            Some("(67890007 20050715194045000 41,43:211,214:541)")
        )])
    );
    cmd!(
        b"A142 SELECT INBOX (QRESYNC (3857529045 20010715194032001 1:198))\r\n",
        "A142",
        sel(&[param(
            "QRESYNC",
            Some("(3857529045 20010715194032001 1:198)")
        )])
    );
    cmd!(
        b"A1 EXAMINE INBOX (CONDSTORE X-Y 5)\r\n",
        "A1",
        C::Examine {
            mailbox: Mailbox::Inbox,
            params: [param("CONDSTORE", None), param("X-Y", Some("5"))]
                .into_iter()
                .map(SelectParam::Ext)
                .collect(),
        }
    );
    cmd!(
        b"a103 UID STORE 6,4,8 (UNCHANGEDSINCE 12121230045) +FLAGS.SILENT (\\Deleted)\r\n",
        "a103",
        C::Store {
            uid: true,
            sequence_set: set("6,4,8"),
            modifiers: List::from(alloc::vec![StoreModifier::Ext(param(
                "UNCHANGEDSINCE",
                Some("12121230045")
            ))]),
            att: store(
                StoreAction::Add,
                true,
                StoreFlags::List(flags(&[Flag::Deleted]))
            ),
        }
    );
    cmd!(
        b"t2 CREATE MySpecial (USE (\\Drafts \\Sent))\r\n",
        "t2",
        C::Create {
            mailbox: mb("MySpecial"),
            params: List::from(alloc::vec![param("USE", Some("(\\Drafts \\Sent)"))]),
        }
    );
    // UID before a command that has no UID form here is kept whole.
    cmd!(
        b"A1 UID XSORT (DATE) UTF-8 ALL\r\n",
        "A1",
        other("UID", b" XSORT (DATE) UTF-8 ALL")
    );
    cmd!(
        b"A1 XAPPLEPUSHSERVICE aps-version 2 {3}\r\nabc\r\n",
        "A1",
        other("XAPPLEPUSHSERVICE", b" aps-version 2 {3}\r\nabc")
    );
}

#[test]
fn other_lines() {
    assert_eq!(IdleDone::parse(b"DONE\r\n"), Ok(IdleDone));
    assert_eq!(IdleDone::parse(b"done\r\n"), Ok(IdleDone));
    assert_eq!(crate::to_vec(&IdleDone), b"DONE\r\n");
    assert_eq!(
        IdleDone::parse(b"DONE"),
        Err(err(ErrorKind::Expected("CRLF"), 4))
    );
    assert_eq!(
        IdleDone::parse(b"DONE \r\n"),
        Err(err(ErrorKind::Expected("CRLF"), 4))
    );
    assert_eq!(
        IdleDone::parse(b"DON\r\n"),
        Err(err(ErrorKind::Expected("DONE"), 0))
    );
    assert_eq!(
        AuthenticateResponse::parse(b"*\r\n"),
        Ok(AuthenticateResponse::Cancel)
    );
    assert_eq!(crate::to_vec(&AuthenticateResponse::Cancel), b"*\r\n");
    assert_eq!(
        AuthenticateResponse::parse(b"* \r\n"),
        Err(err(ErrorKind::Expected("CRLF"), 1))
    );
    assert_eq!(
        AuthenticateResponse::parse(b"abc\r\n"),
        Err(err(ErrorKind::BadBase64, 0))
    );
    assert_eq!(
        AuthenticateResponse::parse(b"dGVzdA=="),
        Err(err(ErrorKind::Expected("CRLF"), 8))
    );
    let line = b"YIIB+wYJKoZIhvcSAQICAQBuggHqMIIB5qADAgEFoQMCAQ6iBw==\r\n";
    assert_eq!(
        crate::to_vec(&AuthenticateResponse::parse(line).unwrap()),
        line
    );
}

#[test]
fn credentials_are_redacted_and_literals_split_the_output() {
    let c = Command::new(
        crate::types::primitive::Tag::new("a1").unwrap(),
        C::login(astr("fred"), AString::new(&b"hunter\r\n2"[..]).unwrap()),
    );
    let debug = alloc::format!("{c:?}");
    assert!(
        !debug.contains("hunter") && debug.contains("<redacted>"),
        "{debug}"
    );
    let mut enc = Encoder::new(EncodeConfig::default());
    c.encode(&mut enc);
    assert_eq!(enc.bytes(), b"a1 LOGIN fred {9}\r\nhunter\r\n2\r\n");
    let parts: Vec<_> = enc.fragments().collect();
    assert_eq!(parts.len(), 2);
    assert_eq!(
        (parts[0].bytes, parts[0].wait_for_continuation),
        (&b"a1 LOGIN fred {9}\r\n"[..], true)
    );
    assert_eq!(
        (parts[1].bytes, parts[1].wait_for_continuation),
        (&b"hunter\r\n2\r\n"[..], false)
    );
    assert_round_trip!(Command, c.clone());
    let plus = EncodeConfig::default().with_literal_mode(LiteralMode::NonSync);
    let mut enc = Encoder::new(plus);
    c.encode(&mut enc);
    assert_eq!(enc.bytes(), b"a1 LOGIN fred {9+}\r\nhunter\r\n2\r\n");
    assert_eq!(enc.fragments().count(), 1);
    let auth = Command::parse(b"a1 AUTHENTICATE PLAIN AHVzZXIAcGFzcw==\r\n").unwrap();
    assert!(!alloc::format!("{auth:?}").contains("AHVzZXIAcGFzcw"));
}

fn err(kind: ErrorKind, offset: usize) -> ParseError {
    ParseError { kind, offset }
}

#[test]
fn invalid_commands() {
    use ErrorKind::{BadBase64, Expected, Incomplete, Trailing};
    let bad: &[(&[u8], ParseError)] = &[
        (b"A1NOOP\r\n", err(Expected("SP"), 6)),
        (b"A1 NOOP", err(Expected("CRLF"), 7)),
        (b"A1 NOOP\n", err(Expected("CRLF"), 7)),
        (b"A1 NOOP \r\n", err(Expected("CRLF"), 7)),
        (b"a+1 NOOP\r\n", err(Expected("SP"), 1)),
        (b"+ NOOP\r\n", err(Expected("tag"), 0)),
        (b"A1  NOOP\r\n", err(Expected("command name"), 3)),
        (b"A1 \r\n", err(Expected("command name"), 3)),
        (b"A1 NOOP\r\nA2 NOOP\r\n", err(Trailing, 9)),
        (b"A1 LOGIN fred\r\n", err(Expected("SP"), 13)),
        (b"A1 LOGIN\r\n", err(Expected("SP"), 8)),
        (b"A1 LOGIN fred \r\n", err(Expected("astring"), 14)),
        (b"A1 LOGIN fred pw x\r\n", err(Expected("CRLF"), 16)),
        (b"A1 SELECT\r\n", err(Expected("SP"), 9)),
        (b"A1 SELECT INBOX \r\n", err(Expected("CRLF"), 15)),
        (
            b"A1 SELECT INBOX ()\r\n",
            err(Expected("tagged-ext-label"), 17),
        ),
        (b"A1 SELECT INBOX (X \r\n", err(Expected("\")\""), 18)),
        (b"A1 RENAME a\r\n", err(Expected("SP"), 11)),
        (b"A1 ENABLE\r\n", err(Expected("SP"), 9)),
        (b"A1 ENABLE X \r\n", err(Expected("CRLF"), 11)),
        (b"A1 STORE 1 FLAGZ (\\Seen)\r\n", err(Expected("FLAGS"), 11)),
        (b"A1 STORE 1 +FLAGS\r\n", err(Expected("SP"), 17)),
        (b"A1 STORE 1 +FLAGS.LOUD x\r\n", err(Expected("SP"), 17)),
        (b"A1 STORE 1 +FLAGS \\Seen \r\n", err(Expected("CRLF"), 23)),
        (b"A1 STORE 1 +FLAGS (\\Seen\r\n", err(Expected("\")\""), 24)),
        (
            b"A1 STORE 1 () +FLAGS x\r\n",
            err(Expected("tagged-ext-label"), 12),
        ),
        (b"A1 COPY 0 INBOX\r\n", err(Expected("seq-number"), 8)),
        (b"A1 COPY 1 \r\n", err(Expected("astring"), 10)),
        (b"A1 UID\r\n", err(Expected("SP"), 6)),
        (b"A1 UID \r\n", err(Expected("command name"), 7)),
        (b"A1 UID EXPUNGE\r\n", err(Expected("SP"), 14)),
        (b"A1 UID EXPUNGE 1,\r\n", err(Expected("seq-number"), 17)),
        (b"A1 AUTHENTICATE\r\n", err(Expected("SP"), 15)),
        (
            b"A1 AUTHENTICATE PLAIN \r\n",
            err(Expected("initial-resp"), 22),
        ),
        (b"A1 AUTHENTICATE PLAIN abc\r\n", err(BadBase64, 22)),
        (b"A1 AUTHENTICATE PLAIN ==\r\n", err(Expected("CRLF"), 23)),
        (b"A1 APPEND INBOX\r\n", err(Expected("SP"), 15)),
        (b"A1 APPEND INBOX (\\Seen)\r\n", err(Expected("SP"), 23)),
        (
            b"A1 APPEND INBOX \"x\" {1}\r\na\r\n",
            err(Expected("date-day-fixed"), 17),
        ),
        (b"A1 APPEND INBOX 5\r\n", err(Expected("append-data"), 16)),
        (b"A1 APPEND INBOX {5}\r\nab\r\n", err(Incomplete, 21)),
        (
            b"A1 APPEND INBOX {2}\r\na\0\r\n",
            err(Expected("CHAR8 (no NUL in a literal)"), 22),
        ),
        (b"A1 XYZZY\0\r\n", err(Expected("SP"), 8)),
        (b"A1 XYZZY a\0\r\n", err(Expected("CHAR (no NUL)"), 10)),
        (b"A1 XYZZY(\r\n", err(Expected("SP"), 8)),
        (b"A1 XYZZY a\rb\r\n", err(Expected("CRLF"), 10)),
        (b"A1 XYZZY {5}\r\nab\r\n", err(Incomplete, 14)),
        (
            b"A1 XYZZY {2}\r\n\0a\r\n",
            err(Expected("CHAR8 (no NUL in a literal)"), 14),
        ),
    ];
    for (input, want) in bad {
        assert_eq!(
            Command::parse_with(input, &crate::ParseConfig::strict()),
            Err(*want),
            "{:?}",
            bstr::BStr::new(input)
        );
    }
    // `~{n}` data may hold NUL; `{5}` after a letter announces nothing.
    cmd!(
        b"A1 XYZZY ~{2}\r\n\0a\r\n",
        "A1",
        other("XYZZY", b" ~{2}\r\n\0a")
    );
    cmd!(b"A1 XYZZY a{5}\r\n", "A1", other("XYZZY", b" a{5}"));
    // `COMPRESS` takes one atom and no literal: the line ends at the first CRLF, and
    // `{3}` after the atom is an error there.
    let e = Command::parse_prefix(b"A1 compress x {3}\r\nabc", &ParseConfig::default());
    assert_eq!(e.unwrap_err().offset, 13);
    let args = OtherArgs::new(&b" {3}\r\nabc"[..]).unwrap();
    assert!(OtherCommand::new(atom("COMPRESS"), args.clone()).is_err());
    assert!(OtherCommand::new(atom("XCOMPRESS"), args).is_ok());
    let shallow = ParseConfig::default().with_max_depth(1);
    assert_eq!(
        Command::parse_with(b"A1 SELECT INBOX (X (1))\r\n", &shallow),
        Err(err(ErrorKind::TooDeep, 19))
    );
}

#[test]
fn invalid_values_are_refused() {
    for bad in [
        &b"x"[..],
        b" a\r\nb",
        b" a\0",
        b" ends {3}",
        b" {3}\r\nab",
        b" \n",
    ] {
        assert!(OtherArgs::new(bad).is_err(), "{:?}", bstr::BStr::new(bad));
    }
    for (name, args) in [
        ("NOOP", &b""[..]),
        ("uid", b" copy 1 x"),
        ("UID", b""),
        ("UID", b" "),
    ] {
        let args = OtherArgs::new(args).unwrap();
        assert!(OtherCommand::new(atom(name), args).is_err(), "{name}");
    }
    for (name, args) in [
        ("UID", &b" FETCH 1 FLAGS"[..]),
        ("uid", b" search ALL"),
        ("LIST", b" \"\" *"),
        ("Lsub", b" \"\" *"),
        ("STATUS", b" INBOX (MESSAGES)"),
        ("FETCH", b" 1 FLAGS"),
        ("SEARCH", b" ALL"),
        // Arguments that do not parse read as an error, not as an unknown command.
        ("FETCH", b" x"),
    ] {
        let args = OtherArgs::new(args).unwrap();
        assert!(OtherCommand::new(atom(name), args).is_err(), "{name}");
    }
    // `UID SORT` has a parser; `UID` before a command without one stays unknown.
    assert!(
        OtherCommand::new(
            atom("UID"),
            OtherArgs::new(&b" SORT (DATE) UTF-8 ALL"[..]).unwrap()
        )
        .is_err()
    );
    assert!(
        OtherCommand::new(
            atom("UID"),
            OtherArgs::new(&b" XSORT (DATE) UTF-8 ALL"[..]).unwrap()
        )
        .is_ok()
    );
    assert!(C::enable([]).is_err());
    assert!(StoreFlags::bare([]).is_err());
    // The empty initial response is written `=`.
    let c = C::Authenticate {
        mechanism: atom("X"),
        initial_response: b64(""),
    };
    assert_eq!(crate::to_vec(&c), b"AUTHENTICATE X =");
    assert!(matches!(
        Command::parse(b"A1 NOOP\r\n").unwrap().tag.into_inner(),
        Cow::Borrowed(_)
    ));
    assert_eq!(
        C::UidExpunge {
            sequence_set: set("1")
        }
        .name(),
        "EXPUNGE"
    );
    assert!(
        C::UidExpunge {
            sequence_set: set("1")
        }
        .is_uid()
    );
    assert!(!C::Expunge.is_uid());
}
