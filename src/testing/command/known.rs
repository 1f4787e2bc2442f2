//! Known answers for commands: the RFCs' examples first, then lines from real sessions, then
//! invalid inputs with the offset and the expected item.

use alloc::vec::Vec;

use crate::parse::Parse;
use crate::serialize::{Encode, EncodeConfig, Encoder, LiteralMode};
use crate::testing::assert_round_trip;
use crate::types::auth::{Base64, Secret};
use crate::types::command::{
    AppendData, AppendMessage, AuthenticateResponse, Command, CommandBody, OtherArgs, OtherCommand,
    StoreAction, StoreAtt, StoreAttFlags, StoreFlags,
};
use crate::types::datetime::DateTime;
use crate::types::extension::{ExtParam, TaggedExtLabel, TaggedExtVal};
use crate::types::flag::{Flag, FlagList};
use crate::types::list::List;
use crate::types::mailbox::Mailbox;
use crate::types::primitive::{AString, Atom, Literal, Literal8};
use crate::types::sequence::SequenceSet;

use CommandBody as C;

pub(super) fn mb(name: &'static str) -> Mailbox<'static> {
    Mailbox::new(name).unwrap()
}

pub(super) fn atom(s: &'static str) -> Atom<'static> {
    Atom::new(s).unwrap()
}

pub(super) fn astr(s: &'static str) -> AString<'static> {
    AString::new(s.as_bytes()).unwrap()
}

pub(super) fn set(s: &'static str) -> SequenceSet<'static> {
    SequenceSet::parse(s.as_bytes()).unwrap()
}

pub(super) fn b64(s: &'static str) -> Option<Secret<Base64<'static>>> {
    Some(Secret::new(Base64::new(s).unwrap()))
}

pub(super) fn param(name: &'static str, value: Option<&'static str>) -> ExtParam<'static> {
    ExtParam {
        name: TaggedExtLabel::new(name).unwrap(),
        value: value.map(|v| TaggedExtVal::new(v.as_bytes()).unwrap()),
    }
}

pub(super) fn flags(v: &[Flag<'static>]) -> FlagList<'static> {
    FlagList::from(v.to_vec())
}

pub(super) fn store(
    action: StoreAction,
    silent: bool,
    flags: StoreFlags<'static>,
) -> StoreAtt<'static> {
    StoreAtt::Flags(StoreAttFlags {
        action,
        silent,
        flags,
    })
}

pub(super) fn other(name: &'static str, args: &'static [u8]) -> CommandBody<'static> {
    C::Other(OtherCommand::new(atom(name), OtherArgs::new(args).unwrap()).unwrap())
}

/// The message of the APPEND examples of RFC 9051 §6.3.12 and RFC 3501 §6.3.11, with the
/// domain each uses.
fn meeting(from: &str, to: &str, id: &str) -> Vec<u8> {
    alloc::format!(
        "Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\nFrom: Fred Foobar <foobar@{from}>\r\n\
         Subject: afternoon meeting\r\nTo: mooch@{to}\r\nMessage-Id: <B27397-0100000@{id}>\r\n\
         MIME-Version: 1.0\r\nContent-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n\r\n\
         Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n"
    )
    .into_bytes()
}

#[test]
fn rfc9051_section_6_examples() {
    // §6.1: any state.
    cmd!(b"abcd CAPABILITY\r\n", "abcd", C::Capability);
    cmd!(b"a002 NOOP\r\n", "a002", C::Noop);
    cmd!(b"A023 LOGOUT\r\n", "A023", C::Logout);
    // §6.2: not authenticated.
    cmd!(b"efgh STARTTLS\r\n", "efgh", C::StartTls);
    let auth = |m: &'static str, r| C::Authenticate {
        mechanism: atom(m),
        initial_response: r,
    };
    cmd!(
        b"a004 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=\r\n",
        "a004",
        auth("PLAIN", b64("dGVzdAB0ZXN0AHRlc3Q="))
    );
    cmd!(
        b"A001 AUTHENTICATE GSSAPI\r\n",
        "A001",
        auth("GSSAPI", None)
    );
    cmd!(
        b"A01 AUTHENTICATE EXTERNAL =\r\n",
        "A01",
        auth("EXTERNAL", b64(""))
    );
    cmd!(
        b"a001 LOGIN SMITH SESAME\r\n",
        "a001",
        C::login(astr("SMITH"), astr("SESAME"))
    );
    cmd!(b"b LOGIN \"fred\" \"foo\"\r\n" => b"b LOGIN fred foo\r\n", "b",
        C::login(astr("fred"), astr("foo")));
    // §6.3: authenticated.
    cmd!(
        b"t2 ENABLE CONDSTORE X-GOOD-IDEA\r\n",
        "t2",
        C::enable([atom("CONDSTORE"), atom("X-GOOD-IDEA")]).unwrap()
    );
    cmd!(
        b"a1 ENABLE CONDSTORE\r\n",
        "a1",
        C::enable([atom("CONDSTORE")]).unwrap()
    );
    let select = |m| C::Select {
        mailbox: mb(m),
        params: List::new(),
    };
    cmd!(b"A142 SELECT INBOX\r\n", "A142", select("INBOX"));
    cmd!(b"A143 SELECT Drafts\r\n", "A143", select("Drafts"));
    cmd!(b"k1 select \"/archive/projects/experiment-iv\"\r\n"
        => b"k1 SELECT /archive/projects/experiment-iv\r\n", "k1",
        select("/archive/projects/experiment-iv"));
    cmd!(
        b"A932 EXAMINE blurdybloop\r\n",
        "A932",
        C::Examine {
            mailbox: mb("blurdybloop"),
            params: List::new()
        }
    );
    let create = |m| C::Create {
        mailbox: mb(m),
        params: List::new(),
    };
    cmd!(
        b"A003 CREATE owatagusiam/\r\n",
        "A003",
        create("owatagusiam/")
    );
    cmd!(
        b"A004 CREATE owatagusiam/blurdybloop\r\n",
        "A004",
        create("owatagusiam/blurdybloop")
    );
    cmd!(
        b"A002 CREATE \"INBOX.Sent Mail\"\r\n",
        "A002",
        create("INBOX.Sent Mail")
    );
    cmd!(b"l create \"///////\"\r\n" => b"l CREATE ///////\r\n", "l", create("///////"));
    cmd!(
        b"A683 DELETE blurdybloop\r\n",
        "A683",
        C::Delete {
            mailbox: mb("blurdybloop")
        }
    );
    cmd!(
        b"A685 DELETE foo/bar\r\n",
        "A685",
        C::Delete {
            mailbox: mb("foo/bar")
        }
    );
    cmd!(
        b"A683 RENAME blurdybloop sarasoop\r\n",
        "A683",
        C::Rename {
            from: mb("blurdybloop"),
            to: mb("sarasoop")
        }
    );
    cmd!(
        b"Z433 RENAME INBOX old-mail\r\n",
        "Z433",
        C::Rename {
            from: Mailbox::Inbox,
            to: mb("old-mail")
        }
    );
    cmd!(
        b"A002 SUBSCRIBE #news.comp.mail.mime\r\n",
        "A002",
        C::Subscribe {
            mailbox: mb("#news.comp.mail.mime")
        }
    );
    cmd!(
        b"A002 UNSUBSCRIBE #news.comp.mail.mime\r\n",
        "A002",
        C::Unsubscribe {
            mailbox: mb("#news.comp.mail.mime")
        }
    );
    cmd!(b"A001 NAMESPACE\r\n", "A001", C::Namespace);
    cmd!(b"A002 IDLE\r\n", "A002", C::Idle);
    // §6.4: selected.
    cmd!(b"A341 CLOSE\r\n", "A341", C::Close);
    cmd!(b"A342 UNSELECT\r\n", "A342", C::Unselect);
    cmd!(b"A202 EXPUNGE\r\n", "A202", C::Expunge);
    let bare = |f: &[Flag<'static>]| StoreFlags::bare(f.to_vec()).unwrap();
    cmd!(
        b"A003 STORE 2:4 +FLAGS (\\Deleted)\r\n",
        "A003",
        C::Store {
            uid: false,
            sequence_set: set("2:4"),
            modifiers: List::new(),
            att: store(
                StoreAction::Add,
                false,
                StoreFlags::List(flags(&[Flag::Deleted]))
            ),
        }
    );
    cmd!(b"F284 STORE $ +FLAGS.Silent (\\Deleted)\r\n"
        => b"F284 STORE $ +FLAGS.SILENT (\\Deleted)\r\n", "F284", C::Store {
        uid: false,
        sequence_set: SequenceSet::SEARCH_RES,
        modifiers: List::new(),
        att: store(StoreAction::Add, true, StoreFlags::List(flags(&[Flag::Deleted]))),
    });
    let kw = |s: &'static str| Flag::keyword(s).unwrap();
    cmd!(
        b"m STORE 42 FLAGS f1 f2 f3 f4 f5\r\n",
        "m",
        C::Store {
            uid: false,
            sequence_set: set("42"),
            modifiers: List::new(),
            att: store(
                StoreAction::Replace,
                false,
                bare(&[kw("f1"), kw("f2"), kw("f3"), kw("f4"), kw("f5")])
            ),
        }
    );
    let copy = |uid, s, m| C::Copy {
        uid,
        sequence_set: set(s),
        mailbox: mb(m),
    };
    cmd!(
        b"A004 COPY 2:4 meeting\r\n",
        "A004",
        copy(false, "2:4", "meeting")
    );
    cmd!(
        b"A005 UID COPY 305:310 meeting\r\n",
        "A005",
        copy(true, "305:310", "meeting")
    );
    cmd!(
        b"E283 COPY $ \"Other Messages\"\r\n",
        "E283",
        C::Copy {
            uid: false,
            sequence_set: SequenceSet::SEARCH_RES,
            mailbox: mb("Other Messages"),
        }
    );
    cmd!(b"n1 uid copy 1:* oldmail\r\n" => b"n1 UID COPY 1:* oldmail\r\n", "n1",
        copy(true, "1:*", "oldmail"));
    cmd!(
        b"a UID MOVE 42:69 foo\r\n",
        "a",
        C::Move {
            uid: true,
            sequence_set: set("42:69"),
            mailbox: mb("foo")
        }
    );
    cmd!(
        b"A003 UID EXPUNGE 3000:3002\r\n",
        "A003",
        C::UidExpunge {
            sequence_set: set("3000:3002")
        }
    );
    // §6.5: an unknown command is kept.
    cmd!(b"A442 XPIG-LATIN\r\n", "A442", other("XPIG-LATIN", b""));
}

#[test]
fn rfc_append_examples() {
    // RFC 9051 §6.3.12: a synchronising and a non-synchronising literal.
    let msg = meeting(
        "Blurdybloop.example",
        "owatagu.siam.edu.example",
        "Blurdybloop.example",
    );
    assert_eq!(msg.len(), 326);
    let line = [
        &b"A003 APPEND saved-messages (\\Seen) {326}\r\n"[..],
        &msg,
        b"\r\n",
    ]
    .concat();
    let append = |msg: &[u8]| {
        let data = AppendData::Literal(Literal::new(msg.to_vec()).unwrap());
        let message = AppendMessage::new(data).with_flags(flags(&[Flag::Seen]));
        C::append(mb("saved-messages"), message)
    };
    let c = cmd!(&line, "A003", append(&msg));
    let mut enc = Encoder::new(EncodeConfig::default());
    c.encode(&mut enc);
    let parts: Vec<_> = enc.fragments().collect();
    assert_eq!(
        parts[0].bytes,
        b"A003 APPEND saved-messages (\\Seen) {326}\r\n"
    );
    assert!(parts[0].wait_for_continuation);
    assert_eq!(parts[1].bytes, &line[line.len() - 328..]);

    let msg = meeting("example.com", "example.com", "example.com");
    assert_eq!(msg.len(), 297);
    let line = [
        &b"A003 APPEND saved-messages (\\Seen) {297+}\r\n"[..],
        &msg,
        b"\r\n",
    ]
    .concat();
    cmd!(&line, "A003", append(&msg));
    let plus = EncodeConfig::default().with_literal_mode(LiteralMode::NonSync);
    let mut enc = Encoder::new(plus);
    Command::parse(&line).unwrap().encode(&mut enc);
    assert_eq!(enc.bytes(), &line[..]);
    assert!(enc.sync_points().is_empty());

    // RFC 3501 §6.3.11.
    let msg = meeting("Blurdybloop.COM", "owatagu.siam.edu", "Blurdybloop.COM");
    assert_eq!(msg.len(), 310);
    let line = [
        &b"A003 APPEND saved-messages (\\Seen) {310}\r\n"[..],
        &msg,
        b"\r\n",
    ]
    .concat();
    cmd!(&line, "A003", append(&msg));

    // A date-time, no flags; RFC 3516 §4.4 binary data; RFC 4469 §5 CATENATE.
    let date = DateTime::parse(b"\"07-Feb-1994 21:52:25 -0800\"").unwrap();
    cmd!(
        b"A1 APPEND INBOX \"07-Feb-1994 21:52:25 -0800\" {3}\r\nabc\r\n",
        "A1",
        C::append(
            Mailbox::Inbox,
            AppendMessage::new(AppendData::Literal(Literal::new(&b"abc"[..]).unwrap()))
                .with_date(date),
        )
    );
    cmd!(b"A2 append Drafts () \" 7-Feb-1994 21:52:25 +0000\" ~{5}\r\nab\0cd\r\n"
    => b"A2 APPEND Drafts () \"07-Feb-1994 21:52:25 +0000\" ~{5}\r\nab\0cd\r\n", "A2",
    C::append(
        mb("Drafts"),
        AppendMessage::new(AppendData::Literal8(Literal8::new(&b"ab\0cd"[..])))
            .with_flags(FlagList::default())
            .with_date(DateTime::parse(b"\"07-Feb-1994 21:52:25 +0000\"").unwrap()),
    ));
    let boundary = "--------------030308070208000400050907";
    let line = alloc::format!(
        "A003 APPEND Drafts (\\Seen \\Draft $MDNSent) CATENATE (URL \
         \"/Drafts;UIDVALIDITY=385759045/;UID=20/;section=HEADER\" TEXT {{42}}\r\n\r\n\
         {boundary}\r\n URL \"/Drafts;UIDVALIDITY=385759045/;UID=20/;section=1.MIME\" URL \
         \"/Drafts;UIDVALIDITY=385759045/;UID=20/;section=1\" TEXT {{42}}\r\n\r\n{boundary}\r\n \
         URL \"/Drafts;UIDVALIDITY=385759045/;UID=30\" TEXT {{44}}\r\n\r\n{boundary}--\r\n)\r\n"
    );
    let c = Command::parse(line.as_bytes()).unwrap();
    let C::Append { messages, .. } = &c.body else {
        panic!("{c:?}");
    };
    let [
        AppendMessage {
            data: AppendData::Catenate(parts),
            flags: Some(f),
            ..
        },
    ] = &messages.to_vec()[..]
    else {
        panic!("{c:?}");
    };
    assert_eq!((parts.len(), f.0.len()), (7, 3));
    let mut enc = Encoder::new(EncodeConfig::default());
    c.encode(&mut enc);
    // The URLs are astrings written as atoms: the same values without the quotes.
    assert_eq!(enc.bytes(), line.replace('"', "").as_bytes());
    let waits = enc.fragments().filter(|f| f.wait_for_continuation).count();
    assert_eq!(waits, 3);
    assert_round_trip!(Command, c);
}

#[test]
fn rfc_sample_sessions() {
    // RFC 9051 §8.
    cmd!(b"a000 starttls\r\n" => b"a000 STARTTLS\r\n", "a000", C::StartTls);
    cmd!(
        b"A001 AUTHENTICATE SCRAM-SHA-256 biwsbj11c2VyLHI9ck9wck5HZndFYmVSV2diTkVrcU8=\r\n",
        "A001",
        C::Authenticate {
            mechanism: atom("SCRAM-SHA-256"),
            initial_response: b64("biwsbj11c2VyLHI9ck9wck5HZndFYmVSV2diTkVrcU8="),
        }
    );
    let response = b"Yz1iaXdzLHI9ck9wck5HZndFYmVSV2diTkVrcU8laHZZRHBXVWEyUmFUQ0FmdXhG\
        SWxqKWhObEYkazAscD1kSHpiWmFwV0lrNGpVaE4rVXRlOXl0YWc5empmTUhnc3Ft\
        bWl6N0FuZFZRPQ==\r\n";
    let r = AuthenticateResponse::parse(response).unwrap();
    let AuthenticateResponse::Data(data) = &r else {
        panic!("{r:?}")
    };
    assert!(
        data.expose()
            .decode()
            .starts_with(b"c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxF")
    );
    assert_eq!(crate::to_vec(&r), response);
    assert_eq!(
        AuthenticateResponse::parse(b"\r\n").unwrap(),
        AuthenticateResponse::Data(Secret::new(Base64::new("").unwrap()))
    );
    cmd!(
        b"babc ENABLE IMAP4rev2\r\n",
        "babc",
        C::enable([atom("IMAP4rev2")]).unwrap()
    );
    cmd!(b"a002 select inbox\r\n" => b"a002 SELECT INBOX\r\n", "a002",
        C::Select { mailbox: Mailbox::Inbox, params: List::new() });
    let deleted = || C::Store {
        uid: false,
        sequence_set: set("12"),
        modifiers: List::new(),
        att: store(
            StoreAction::Add,
            false,
            StoreFlags::bare([Flag::Deleted]).unwrap(),
        ),
    };
    cmd!(b"a005 store 12 +flags \\deleted\r\n" => b"a005 STORE 12 +FLAGS \\Deleted\r\n", "a005",
        deleted());
    cmd!(b"a006 logout\r\n" => b"a006 LOGOUT\r\n", "a006", C::Logout);
    // RFC 3501 §8 and §6.4.1.
    cmd!(b"a001 login mrc secret\r\n" => b"a001 LOGIN mrc secret\r\n", "a001",
        C::login(astr("mrc"), astr("secret")));
    cmd!(b"a005 store 12 +flags \\deleted\r\n", "a005", deleted());
    cmd!(b"FXXZ CHECK\r\n", "FXXZ", C::Check);
    // RFC 9051 §7.5 (RFC 3501 §7.5): literals in LOGIN, and an unknown command's literal.
    cmd!(b"A001 LOGIN {11}\r\nFRED FOOBAR {7}\r\nfat man\r\n"
        => b"A001 LOGIN \"FRED FOOBAR\" \"fat man\"\r\n", "A001",
        C::login(astr("FRED FOOBAR"), astr("fat man")));
    let mut line = b"A044 BLURDYBLOOP {102856}\r\n".to_vec();
    line.extend(core::iter::repeat_n(b'x', 102_856));
    line.extend_from_slice(b"\r\n");
    let c = Command::parse(&line).unwrap();
    let C::Other(o) = &c.body else { panic!() };
    assert_eq!(
        (o.name().as_str(), o.args().as_bytes().len()),
        ("BLURDYBLOOP", 102_856 + 11)
    );
    let mut enc = Encoder::new(EncodeConfig::default());
    c.encode(&mut enc);
    assert_eq!(enc.bytes(), &line[..]);
    assert_eq!(enc.sync_points(), [27]);
}

#[test]
fn lowercase_lines_from_real_sessions() {
    let login = |u, p| C::login(astr(u), astr(p));
    cmd!(b"a1 login alex drums\r\n" => b"a1 LOGIN alex drums\r\n", "a1", login("alex", "drums"));
    cmd!(
        b"a4 login riley firetruck\r\n",
        "a4",
        login("riley", "firetruck")
    );
    cmd!(b"a2 select newbox\r\n" => b"a2 SELECT newbox\r\n", "a2",
        C::Select { mailbox: mb("newbox"), params: List::new() });
    cmd!(b"A0003 select INBOX\r\n" => b"A0003 SELECT INBOX\r\n", "A0003",
        C::Select { mailbox: Mailbox::Inbox, params: List::new() });
    cmd!(b"a3 store 1 +flags \\DELETED\r\n" => b"a3 STORE 1 +FLAGS \\Deleted\r\n", "a3",
    C::Store {
        uid: false,
        sequence_set: set("1"),
        modifiers: List::new(),
        att: store(StoreAction::Add, false, StoreFlags::bare([Flag::Deleted]).unwrap()),
    });
    cmd!(b"a6 expunge\r\n" => b"a6 EXPUNGE\r\n", "a6", C::Expunge);
    cmd!(b"a8 logout\r\n", "a8", C::Logout);
    cmd!(b"x UiD mOvE 1 Trash\r\n" => b"x UID MOVE 1 Trash\r\n", "x",
        C::Move { uid: true, sequence_set: set("1"), mailbox: mb("Trash") });
    cmd!(b"x uid store 5 -flags.silent ()\r\n" => b"x UID STORE 5 -FLAGS.SILENT ()\r\n", "x",
    C::Store {
        uid: true,
        sequence_set: set("5"),
        modifiers: List::new(),
        att: store(StoreAction::Remove, true, StoreFlags::List(FlagList::default())),
    });
}
