//! Tests of APPEND's messages: MULTIAPPEND (RFC 3502) with the RFC's example, the literal flow
//! of several messages in one command, zero-copy parsing, strict rejection of bad forms, and
//! round trips of generated commands (the message strategies are in [`super::command`]); and
//! of REPLACE (RFC 8508), which carries one such message.

use alloc::borrow::Cow;
use alloc::vec::Vec;

use proptest::prelude::*;

use super::command::append_message;
use super::examples::{check_examples, examples};
use super::mailbox::mailbox_utf7;
use super::{assert_round_trip, config};
use crate::config::ParseConfig;
use crate::parse::Parse;
use crate::serialize::{Encode, EncodeConfig, Encoder};
use crate::types::command::{AppendData, AppendMessage, Command, CommandBody};
use crate::types::datetime::DateTime;
use crate::types::flag::Flag;
use crate::types::list::NonEmptyList;
use crate::types::mailbox::Mailbox;
use crate::types::primitive::{Literal, Tag};
use crate::types::sequence::SeqNumber;

/// Checks that no line of `bad` parses as a command under the strict configuration.
pub(crate) fn rejected_strictly(bad: &[&[u8]]) {
    for line in bad {
        assert!(
            Command::parse_with(line, &ParseConfig::strict()).is_err(),
            "{:?}",
            bstr::BStr::new(line)
        );
    }
}

/// The messages of an APPEND.
fn messages<'a>(c: &Command<'a>) -> Vec<AppendMessage<'a>> {
    let CommandBody::Append { messages, .. } = &c.body else {
        panic!("not an APPEND: {c:?}");
    };
    messages.to_vec()
}

fn literal(data: &AppendData<'_>) -> Vec<u8> {
    let AppendData::Literal(l) = data else {
        panic!("not a literal: {data:?}");
    };
    l.as_bytes().to_vec()
}

#[test]
fn rfc3502_examples() {
    assert_eq!(check_examples(examples!("rfc3502.imap")), 7);
}

#[test]
fn rfc3502_multiappend_reads_each_message() {
    let file = examples!("rfc3502.imap");
    let t = crate::transcript::Transcript::parse(file).unwrap();
    let line = t.records()[0].bytes;
    let c = Command::parse_with(line, &ParseConfig::strict()).unwrap();
    let CommandBody::Append { mailbox, .. } = &c.body else {
        panic!()
    };
    assert_eq!(mailbox, &Mailbox::new("saved-messages").unwrap());
    let m = messages(&c);
    assert_eq!(m.len(), 2);
    for message in &m {
        assert_eq!(message.flags.as_ref().unwrap().0.to_vec(), [Flag::Seen]);
    }
    assert_eq!(m[0].date, None);
    assert_eq!(
        m[1].date,
        Some(DateTime::parse(b"\" 7-Feb-1994 22:43:04 -0800\"").unwrap())
    );
    assert_eq!(literal(&m[0].data).len(), 329);
    assert!(literal(&m[0].data).ends_with(b"3:30 tomorrow?\r\n"));
    assert_eq!(literal(&m[1].data).len(), 295);
    assert!(literal(&m[1].data).starts_with(b"Date: Mon, 7 Feb 1994 22:43:04"));

    // Zero-copy: the literals are borrowed from the input, including after the first.
    for message in m {
        let AppendData::Literal(l) = message.data else {
            panic!()
        };
        assert!(matches!(l.into_inner(), Cow::Borrowed(_)));
    }

    // Written back (the date with its canonical two-digit day), the command waits for `+`
    // after each literal's announcement.
    let mut enc = Encoder::new(EncodeConfig::default());
    c.encode(&mut enc);
    let canonical = bstr::ByteSlice::replace(line, "\" 7-Feb", "\"07-Feb");
    assert_eq!(enc.bytes(), &canonical[..]);
    let parts: Vec<_> = enc.fragments().collect();
    assert_eq!(parts.len(), 3);
    assert!(parts[0].bytes.ends_with(b"(\\Seen) {329}\r\n"));
    assert!(parts[1].bytes.ends_with(b"-0800\" {295}\r\n"));
    assert!(
        parts[1]
            .bytes
            .starts_with(b"Date: Mon, 7 Feb 1994 21:52:25")
    );
    assert!(parts[0].wait_for_continuation && parts[1].wait_for_continuation);
    assert!(!parts[2].wait_for_continuation);
    assert_eq!(parts[2].bytes, &line[line.len() - 297..]);
}

#[test]
fn multiappend_of_built_messages() {
    let msg = |s: &'static [u8]| AppendData::Literal(Literal::new(s).unwrap());
    let messages = NonEmptyList::try_from(alloc::vec![
        AppendMessage::new(msg(b"one")),
        AppendMessage::new(AppendData::Literal8(crate::Literal8::new(&b"t\0o"[..]))),
        AppendMessage::new(msg(b"three"))
            .with_date(DateTime::parse(b"\"01-Jan-2020 00:00:00 +0000\"").unwrap()),
    ])
    .unwrap();
    let c = Command::new(
        Tag::new("a1").unwrap(),
        CommandBody::Append {
            mailbox: Mailbox::Inbox,
            messages,
        },
    );
    assert_eq!(
        crate::to_vec(&c),
        b"a1 APPEND INBOX {3}\r\none ~{3}\r\nt\0o \"01-Jan-2020 00:00:00 +0000\" {5}\r\nthree\r\n"
    );
    assert_round_trip!(Command, c);
    // The one-message constructor writes the classic form.
    let one = CommandBody::append(Mailbox::Inbox, AppendMessage::new(msg(b"x")));
    assert_eq!(crate::to_vec(&one), b"APPEND INBOX {1}\r\nx");
    assert!(NonEmptyList::<AppendMessage<'_>>::try_from(Vec::new()).is_err());
}

#[test]
fn bad_multiappends_are_rejected_strictly() {
    let strict = ParseConfig::strict();
    rejected_strictly(&[
        &b"a1 APPEND INBOX\r\n"[..],
        b"a1 APPEND INBOX \r\n",
        b"a1 APPEND INBOX (\\Seen)\r\n",
        b"a1 APPEND INBOX {3}\r\nabc \r\n",
        b"a1 APPEND INBOX {3}\r\nabc  {1}\r\nx\r\n",
        b"a1 APPEND INBOX {3}\r\nabc{1}\r\nx\r\n",
        b"a1 APPEND INBOX {3}\r\nabc (\\Seen)\r\n",
        b"a1 APPEND INBOX {3}\r\nabc \"01-Jan-2020 00:00:00 +0000\"\r\n",
        b"a1 APPEND INBOX {3}\r\nabc () () {1}\r\nx\r\n",
        b"a1 APPEND INBOX {3}\r\nabc {4}\r\nx\r\n",
    ]);
    // Each message may have its own flags and date, or none.
    let c = Command::parse_with(
        b"a1 APPEND INBOX {1}\r\na () {1}\r\nb (\\Seen) \"01-Jan-2020 00:00:00 +0000\" {1+}\r\nc\r\n",
        &strict,
    )
    .unwrap();
    let m = messages(&c);
    assert_eq!(m.len(), 3);
    assert_eq!(
        m.iter().map(|m| literal(&m.data)).collect::<Vec<_>>(),
        [b"a", b"b", b"c"]
    );
    assert_eq!(m[1].flags.as_ref().map(|f| f.0.len()), Some(0));
    assert!(m[2].date.is_some());
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn multiappend_round_trips(
        mailbox in mailbox_utf7(),
        messages in proptest::collection::vec(append_message(), 1..6),
    ) {
        let body = CommandBody::Append {
            mailbox,
            messages: NonEmptyList::try_from(messages.clone()).unwrap(),
        };
        let c = Command::new(Tag::new("A1").unwrap(), body);
        let bytes = crate::to_vec(&c);
        let back = Command::parse_with(&bytes, &ParseConfig::strict()).unwrap();
        prop_assert_eq!(messages_of(&back), messages);
        assert_round_trip!(Command, c);
    }
}

fn messages_of(c: &Command<'_>) -> Vec<AppendMessage<'static>> {
    use crate::owned::IntoStatic;
    messages(c)
        .into_iter()
        .map(IntoStatic::into_static)
        .collect()
}

/// REPLACE and UID REPLACE, with mailbox names from `mailbox`.
pub(crate) fn replace_command(
    mailbox: BoxedStrategy<Mailbox<'static>>,
) -> impl Strategy<Value = CommandBody<'static>> {
    (
        any::<bool>(),
        super::sequence::seq_number(),
        mailbox,
        append_message(),
    )
        .prop_map(|(uid, message_id, mailbox, message)| CommandBody::Replace {
            uid,
            message_id,
            mailbox,
            message,
        })
}

#[test]
fn rfc8508_examples() {
    assert_eq!(check_examples(examples!("rfc8508.imap")), 20);
    let t = crate::transcript::Transcript::parse(examples!("rfc8508.imap")).unwrap();
    let commands: Vec<Command<'_>> = t
        .records()
        .iter()
        .filter(|r| r.direction == crate::transcript::Direction::Client)
        .map(|r| Command::parse_with(r.bytes, &ParseConfig::strict()).unwrap())
        .collect();
    let [a003, a004, a011] = &commands[..] else {
        panic!("{commands:?}")
    };
    let CommandBody::Replace {
        uid: false,
        message_id,
        mailbox,
        message,
    } = &a003.body
    else {
        panic!("{a003:?}")
    };
    assert_eq!(*message_id, SeqNumber::new(4).unwrap());
    assert_eq!(mailbox, &Mailbox::new("Drafts").unwrap());
    assert_eq!(
        message.flags.as_ref().unwrap().0.to_vec(),
        [Flag::Seen, Flag::Draft]
    );
    assert_eq!(literal(&message.data).len(), 312);
    assert_eq!(a003.body.name(), "REPLACE");
    assert!(!a003.body.is_uid() && a004.body.is_uid());
    let CommandBody::Replace {
        uid: true,
        message_id,
        message,
        ..
    } = &a011.body
    else {
        panic!("{a011:?}")
    };
    assert_eq!(*message_id, SeqNumber::new(3002).unwrap());
    assert!(matches!(&message.data, AppendData::Catenate(p) if p.len() == 2));
    assert_eq!(a011.body.scope(), crate::session::Scope::Selected);
    // Written back, UID REPLACE waits for `+` after its literal.
    let mut enc = Encoder::new(EncodeConfig::default());
    a004.encode(&mut enc);
    let parts: Vec<_> = enc.fragments().collect();
    assert_eq!(parts.len(), 2);
    assert_eq!(
        parts[0].bytes,
        b"A004 UID REPLACE 2000 Drafts (\\Seen \\Draft) {350}\r\n"
    );
}

#[test]
fn replace_forms() {
    let strict = ParseConfig::strict();
    let c = Command::parse_with(b"a1 uid replace * INBOX UTF8 (~{2}\r\nhi)\r\n", &strict).unwrap();
    assert_eq!(
        crate::to_vec(&c),
        b"a1 UID REPLACE * INBOX UTF8 (~{2}\r\nhi)\r\n"
    );
    assert!(matches!(
        c.body,
        CommandBody::Replace {
            uid: true,
            message_id: SeqNumber::Largest,
            ..
        }
    ));
    rejected_strictly(&[
        &b"a1 REPLACE 4 Drafts\r\n"[..],
        b"a1 REPLACE Drafts {1}\r\nx\r\n",
        b"a1 REPLACE 0 Drafts {1}\r\nx\r\n",
        b"a1 REPLACE 1:2 Drafts {1}\r\nx\r\n",
        b"a1 REPLACE 4 Drafts {1}\r\nx {1}\r\ny\r\n",
        b"a1 REPLACE 4 Drafts  {1}\r\nx\r\n",
        b"a1 REPLACE 4 Drafts (\\Seen)\r\n",
        b"a1 UID  REPLACE 4 Drafts {1}\r\nx\r\n",
    ]);
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn replace_round_trips(body in replace_command(mailbox_utf7().boxed())) {
        let scope = body.scope();
        prop_assert_eq!(scope, crate::session::Scope::Selected);
        assert_round_trip!(CommandBody, body);
    }
}
