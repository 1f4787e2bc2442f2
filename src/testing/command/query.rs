//! Known answers for the commands that ask about mailboxes and messages: LIST, LSUB, STATUS,
//! SEARCH and FETCH (with their `UID` forms). The RFCs' examples come first, then lowercase
//! lines, then invalid inputs with the offset and the expected item.

use alloc::boxed::Box;
use alloc::vec::Vec;

use super::known::{astr, mb, param, set};
use crate::error::{ErrorKind, ParseError};
use crate::parse::Parse;
use crate::testing::assert_round_trip;
use crate::types::command::{Command, CommandBody, FetchModifier};
use crate::types::datetime::{Date, Month};
use crate::types::fetch::{FetchAttribute, FetchItems, Section, SectionText};
use crate::types::list::{List, NonEmptyList};
use crate::types::list_args::{
    ListArguments, ListPatterns, ListReturnOption, ListSelectOption, LsubArguments,
};
use crate::types::mailbox::{ListMailbox, Mailbox};
use crate::types::primitive::Charset;
use crate::types::search::{SearchCommandArgs, SearchKey, SearchProgram, SearchReturnOption};
use crate::types::status::{StatusArguments, StatusAttribute};

use CommandBody as C;

fn pat(p: &'static str) -> ListMailbox<'static> {
    ListMailbox::new(p).unwrap()
}

fn list(reference: &'static str, pattern: &'static str) -> CommandBody<'static> {
    C::List(ListArguments::new(mb(reference), pat(pattern)))
}

fn non_empty<T>(v: Vec<T>) -> NonEmptyList<'static, T>
where
    T: crate::types::list::ListItem<'static> + Clone,
{
    NonEmptyList::try_from(v).unwrap()
}

fn program(keys: Vec<SearchKey<'static>>) -> SearchProgram<'static> {
    SearchProgram::new(non_empty(keys))
}

fn search(uid: bool, args: SearchCommandArgs<'static>) -> CommandBody<'static> {
    C::Search { uid, args }
}

fn fetch(uid: bool, s: &'static str, items: FetchItems<'static>) -> CommandBody<'static> {
    C::Fetch {
        uid,
        sequence_set: set(s),
        items,
        modifiers: List::new(),
    }
}

fn body(section: Section<'static>) -> FetchAttribute<'static> {
    FetchAttribute::BodySection {
        peek: false,
        section,
        partial: None,
    }
}

#[test]
fn rfc_list_and_lsub_examples() {
    use ListReturnOption as R;
    use ListSelectOption as S;
    // RFC 9051 §6.3.9 (and RFC 3501 §6.3.8).
    cmd!(b"A101 LIST \"\" \"\"\r\n", "A101", list("", ""));
    cmd!(
        b"A102 LIST #news.comp.mail.misc \"\"\r\n",
        "A102",
        list("#news.comp.mail.misc", "")
    );
    cmd!(
        b"A103 LIST /usr/staff/jones \"\"\r\n",
        "A103",
        list("/usr/staff/jones", "")
    );
    cmd!(b"A202 LIST ~/Mail/ %\r\n", "A202", list("~/Mail/", "%"));
    // RFC 9051 §6.3.9's extended forms (from RFC 5258 §5).
    cmd!(
        b"A01 LIST (SUBSCRIBED) \"\" \"*\" RETURN (CHILDREN)\r\n" =>
            b"A01 LIST (SUBSCRIBED) \"\" * RETURN (CHILDREN)\r\n",
        "A01",
        C::List(ListArguments {
            selection: Some(List::from(alloc::vec![S::Subscribed])),
            reference: mb(""),
            patterns: ListPatterns::Single(pat("*")),
            return_options: Some(List::from(alloc::vec![R::Children])),
        })
    );
    cmd!(
        b"A03 LIST () \"\" \"%\" RETURN (CHILDREN)\r\n" =>
            b"A03 LIST () \"\" % RETURN (CHILDREN)\r\n",
        "A03",
        C::List(ListArguments {
            selection: Some(List::new()),
            reference: mb(""),
            patterns: ListPatterns::Single(pat("%")),
            return_options: Some(List::from(alloc::vec![R::Children])),
        })
    );
    cmd!(
        b"A05 LIST (REMOTE SUBSCRIBED) \"/\" \"*\"\r\n",
        "A05",
        C::List(ListArguments {
            selection: Some(List::from(alloc::vec![S::Remote, S::Subscribed])),
            reference: mb("/"),
            patterns: ListPatterns::Single(pat("*")),
            return_options: None,
        })
    );
    cmd!(
        b"A06 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" \"%\" RETURN (CHILDREN)\r\n",
        "A06",
        C::List(ListArguments {
            selection: Some(List::from(alloc::vec![S::Subscribed, S::RecursiveMatch])),
            reference: mb(""),
            patterns: ListPatterns::Single(pat("%")),
            return_options: Some(List::from(alloc::vec![R::Children])),
        })
    );
    // RFC 5258 §5 example 11: several patterns.
    cmd!(
        b"A01 LIST \"\" (\"INBOX\" \"Drafts\" \"Sent/%\")\r\n",
        "A01",
        C::List(ListArguments {
            selection: None,
            reference: mb(""),
            patterns: ListPatterns::Multiple(non_empty(alloc::vec![
                pat("INBOX"),
                pat("Drafts"),
                pat("Sent/%")
            ])),
            return_options: None,
        })
    );
    // RFC 5819 §5: STATUS as a return option.
    cmd!(
        b"A01 LIST \"\" % RETURN (STATUS (MESSAGES UNSEEN))\r\n",
        "A01",
        C::List(ListArguments {
            selection: None,
            reference: mb(""),
            patterns: ListPatterns::Single(pat("%")),
            return_options: Some(List::from(alloc::vec![R::Status(non_empty(alloc::vec![
                StatusAttribute::Messages,
                StatusAttribute::Unseen
            ]))])),
        })
    );
    // RFC 3501 §6.3.9.
    cmd!(
        b"A002 LSUB \"#news.\" \"comp.mail.*\"\r\n",
        "A002",
        C::Lsub(LsubArguments {
            reference: mb("#news."),
            pattern: pat("comp.mail.*"),
        })
    );
}

#[test]
fn rfc_status_examples() {
    // RFC 9051 §6.3.11 and RFC 3501 §6.3.10.
    cmd!(
        b"A042 STATUS blurdybloop (UIDNEXT MESSAGES)\r\n",
        "A042",
        C::Status(StatusArguments {
            mailbox: mb("blurdybloop"),
            attributes: non_empty(alloc::vec![
                StatusAttribute::UidNext,
                StatusAttribute::Messages
            ]),
        })
    );
    cmd!(
        b"A043 status INBOX (messages uidvalidity highestmodseq)\r\n" =>
            b"A043 STATUS INBOX (MESSAGES UIDVALIDITY HIGHESTMODSEQ)\r\n",
        "A043",
        C::Status(StatusArguments {
            mailbox: Mailbox::Inbox,
            attributes: non_empty(alloc::vec![
                StatusAttribute::Messages,
                StatusAttribute::UidValidity,
                StatusAttribute::HighestModSeq
            ]),
        })
    );
}

#[test]
fn rfc_search_examples() {
    let smith = || {
        alloc::vec![
            SearchKey::Flagged,
            SearchKey::Since(Date::new(1994, Month::Feb, 1).unwrap()),
            SearchKey::Not(Box::new(SearchKey::From(astr("Smith")))),
        ]
    };
    // RFC 9051 §6.4.4.
    cmd!(
        b"A282 SEARCH RETURN (MIN COUNT) FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"\r\n" =>
            b"A282 SEARCH RETURN (MIN COUNT) FLAGGED SINCE 1-Feb-1994 NOT FROM Smith\r\n",
        "A282",
        search(
            false,
            SearchCommandArgs {
                return_options: Some(List::from(alloc::vec![
                    SearchReturnOption::Min,
                    SearchReturnOption::Count
                ])),
                program: program(smith()),
            }
        )
    );
    cmd!(
        b"A283 SEARCH RETURN () FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"\r\n",
        "A283",
        search(
            false,
            SearchCommandArgs {
                return_options: Some(List::new()),
                program: program(smith()),
            }
        )
    );
    cmd!(
        b"A284 SEARCH TEXT \"string not in mailbox\"\r\n",
        "A284",
        search(
            false,
            program(alloc::vec![SearchKey::Text(astr("string not in mailbox"))]).into()
        )
    );
    // A charset and a literal: "отпуск" is 12 octets of UTF-8.
    let text = "отпуск";
    let line = [
        &b"A285 SEARCH CHARSET UTF-8 TEXT {12}\r\n"[..],
        text.as_bytes(),
        b"\r\n",
    ]
    .concat();
    cmd!(
        &line => &line,
        "A285",
        search(
            false,
            program(alloc::vec![SearchKey::Text(astr(text))])
                .with_charset(Charset::new("UTF-8").unwrap())
                .into()
        )
    );
    // RFC 3501 §6.4.4 and §6.4.8.
    cmd!(
        b"A282 SEARCH FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"\r\n",
        "A282",
        search(false, program(smith()).into())
    );
    cmd!(
        b"A999 UID SEARCH 1:100 UNDELETED\r\n",
        "A999",
        search(
            true,
            program(alloc::vec![
                SearchKey::SequenceSet(set("1:100")),
                SearchKey::Undeleted
            ])
            .into()
        )
    );
    cmd!(
        b"a1 uid search all\r\n" => b"a1 UID SEARCH ALL\r\n",
        "a1",
        search(true, program(alloc::vec![SearchKey::All]).into())
    );
}

#[test]
fn rfc_fetch_examples() {
    // RFC 9051 §6.4.5 (and RFC 3501 §6.4.5).
    let fields = non_empty(alloc::vec![astr("DATE"), astr("FROM")]);
    let header_fields = Section::new(None, Some(SectionText::HeaderFields(fields))).unwrap();
    cmd!(
        b"A654 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])\r\n",
        "A654",
        fetch(
            false,
            "2:4",
            FetchItems::Attributes(non_empty(alloc::vec![
                FetchAttribute::Flags,
                body(header_fields)
            ]))
        )
    );
    // RFC 9051 §6.4.9 (UID).
    cmd!(
        b"A999 UID FETCH 4827313:4828442 FLAGS\r\n",
        "A999",
        fetch(
            true,
            "4827313:4828442",
            FetchItems::Attribute(FetchAttribute::Flags)
        )
    );
    // RFC 9051 §8's sample session, and a lowercase line as real clients send it.
    cmd!(
        b"A0005 FETCH 180 BODY[]\r\n",
        "A0005",
        fetch(false, "180", body(Section::ENTIRE).into())
    );
    cmd!(
        b"a1 fetch 1 body[]\r\n" => b"a1 FETCH 1 BODY[]\r\n",
        "a1",
        fetch(false, "1", body(Section::ENTIRE).into())
    );
    cmd!(
        b"a2 Fetch 1:* full\r\n" => b"a2 FETCH 1:* FULL\r\n",
        "a2",
        fetch(false, "1:*", FetchItems::Full)
    );
    // RFC 7162 §3.1.4.1 and §3.2.6: fetch modifiers.
    cmd!(
        b"s100 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)\r\n",
        "s100",
        C::Fetch {
            uid: true,
            sequence_set: set("1:*"),
            items: FetchItems::Attributes(non_empty(alloc::vec![FetchAttribute::Flags])),
            modifiers: List::from(alloc::vec![FetchModifier::Ext(param(
                "CHANGEDSINCE",
                Some("12345")
            ))]),
        }
    );
    cmd!(
        b"s100 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)\r\n",
        "s100",
        C::Fetch {
            uid: true,
            sequence_set: set("300:500"),
            items: FetchItems::Attributes(non_empty(alloc::vec![FetchAttribute::Flags])),
            modifiers: List::from(alloc::vec![
                FetchModifier::Ext(param("CHANGEDSINCE", Some("12345"))),
                FetchModifier::Ext(param("VANISHED", None)),
            ]),
        }
    );
}

#[test]
fn names_and_uid_flags() {
    let cases: &[(&[u8], &str, bool)] = &[
        (b"A1 LIST \"\" *\r\n", "LIST", false),
        (b"A1 LSUB \"\" *\r\n", "LSUB", false),
        (b"A1 STATUS INBOX (SIZE)\r\n", "STATUS", false),
        (b"A1 SEARCH ALL\r\n", "SEARCH", false),
        (b"A1 UID SEARCH ALL\r\n", "SEARCH", true),
        (b"A1 FETCH 1 UID\r\n", "FETCH", false),
        (b"A1 UID FETCH 1 UID\r\n", "FETCH", true),
    ];
    for &(line, name, uid) in cases {
        let c = Command::parse(line).unwrap();
        assert_eq!(c.body.name(), name);
        assert_eq!(c.body.is_uid(), uid, "{name}");
        assert_eq!(crate::to_vec(&c), line);
        assert_round_trip!(Command, c);
    }
}

fn err(kind: ErrorKind, offset: usize) -> ParseError {
    ParseError { kind, offset }
}

#[test]
fn invalid_query_commands() {
    use ErrorKind::Expected;
    let bad: &[(&[u8], ParseError)] = &[
        (b"A1 LIST\r\n", err(Expected("SP"), 7)),
        (b"A1 LIST \"\"\r\n", err(Expected("SP"), 10)),
        (b"A1 LIST \"\" * RETURN\r\n", err(Expected("SP"), 19)),
        (b"A1 LIST \"\" * \r\n", err(Expected("CRLF"), 12)),
        (b"A1 LSUB \"\" (a)\r\n", err(Expected("list-mailbox"), 11)),
        (b"A1 LSUB \"\"\r\n", err(Expected("SP"), 10)),
        (b"A1 STATUS INBOX\r\n", err(Expected("SP"), 15)),
        (
            b"A1 STATUS INBOX ()\r\n",
            err(Expected("tagged-ext-label"), 17),
        ),
        (b"A1 STATUS INBOX MESSAGES\r\n", err(Expected("\"(\""), 16)),
        (b"A1 SEARCH\r\n", err(Expected("SP"), 9)),
        (b"A1 SEARCH \r\n", err(Expected("search-key"), 10)),
        (b"A1 SEARCH FLAGGED \r\n", err(Expected("search-key"), 18)),
        (b"A1 UID SEARCH\r\n", err(Expected("SP"), 13)),
        (
            b"A1 SEARCH SINCE 30-Feb-1994\r\n",
            err(ErrorKind::BadNumber, 16),
        ),
        (b"A1 FETCH 1\r\n", err(Expected("SP"), 10)),
        (b"A1 FETCH x FLAGS\r\n", err(Expected("seq-number"), 9)),
        (b"A1 FETCH 1 FLAGZ\r\n", err(Expected("fetch-att"), 11)),
        (b"A1 FETCH 1 (FLAGS\r\n", err(Expected("\")\""), 17)),
        (b"A1 FETCH 1 FLAGS \r\n", err(Expected("CRLF"), 16)),
        (
            b"A1 FETCH 1 FLAGS ()\r\n",
            err(Expected("tagged-ext-label"), 18),
        ),
        (
            b"A1 UID FETCH 1 FLAGS (CHANGEDSINCE 1\r\n",
            err(Expected("\")\""), 36),
        ),
        (b"A1 UID FETCH\r\n", err(Expected("SP"), 12)),
    ];
    let mut wrong = Vec::new();
    for (input, want) in bad {
        let got = Command::parse(input).unwrap_err();
        if &got != want {
            wrong.push((bstr::BStr::new(*input), got));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
