//! Known answers for search keys, programs and SEARCH arguments: every key, invalid input
//! with the offset of the error, and the RFCs' own examples.

use alloc::string::String;
use alloc::vec::Vec;

use crate::config::ParseConfig;
use crate::error::{ErrorKind, ParseError};
use crate::owned::IntoStatic;
use crate::parse::Parse;
use crate::testing::{assert_reparses, assert_round_trip};
use crate::types::datetime::{Date, Month};
use crate::types::primitive::{AString, Atom, Charset, Number64};
use crate::types::search::SearchKey as K;
use crate::types::search::{
    SearchCommandArgs, SearchKey, SearchProgram, SearchReturnExtension, SearchReturnOption,
};
use crate::types::sequence::SequenceSet;

fn d(day: u8, month: Month, year: u16) -> Date {
    Date::new(year, month, day).unwrap()
}

fn s(v: &'static str) -> AString<'static> {
    AString::new(v.as_bytes()).unwrap()
}

fn set(v: &'static str) -> SequenceSet<'static> {
    SequenceSet::parse(v.as_bytes()).unwrap().into_static()
}

fn err(kind: ErrorKind, offset: usize) -> ParseError {
    ParseError { kind, offset }
}

/// Every key: its keyword, what follows it, and the value. Each row is checked as written,
/// with the keyword in lower case, and for its canonical serialization.
#[test]
fn every_key() {
    let n = |v: u64| Number64::new(v).unwrap();
    let a = |v: &'static str| Atom::new(v).unwrap();
    let table: Vec<(&str, &[u8], K<'static>)> = alloc::vec![
        ("ALL", b"", K::All),
        ("ANSWERED", b"", K::Answered),
        ("BCC", b" foo@example.com", K::Bcc(s("foo@example.com"))),
        ("BEFORE", b" 1-Feb-1994", K::Before(d(1, Month::Feb, 1994))),
        ("BODY", b" \"two words\"", K::Body(s("two words"))),
        ("CC", b" Smith", K::Cc(s("Smith"))),
        ("DELETED", b"", K::Deleted),
        ("FLAGGED", b"", K::Flagged),
        ("FROM", b" \"\"", K::From(s(""))),
        ("KEYWORD", b" $Forwarded", K::Keyword(a("$Forwarded"))),
        ("NEW", b"", K::New),
        ("OLD", b"", K::Old),
        ("ON", b" 29-Feb-2024", K::On(d(29, Month::Feb, 2024))),
        ("RECENT", b"", K::Recent),
        ("SEEN", b"", K::Seen),
        ("SINCE", b" 31-Dec-1999", K::Since(d(31, Month::Dec, 1999))),
        ("SUBJECT", b" {3}\r\na\r\n", K::Subject(s("a\r\n"))),
        ("TEXT", b" \"a \\\"b\\\"\"", K::Text(s("a \"b\""))),
        ("TO", b" x]", K::To(s("x]"))),
        ("UNANSWERED", b"", K::Unanswered),
        ("UNDELETED", b"", K::Undeleted),
        ("UNFLAGGED", b"", K::Unflagged),
        ("UNKEYWORD", b" $Junk", K::Unkeyword(a("$Junk"))),
        ("UNSEEN", b"", K::Unseen),
        ("DRAFT", b"", K::Draft),
        (
            "HEADER",
            b" Message-ID \"\"",
            K::Header(s("Message-ID"), s(""))
        ),
        ("LARGER", b" 9223372036854775807", K::Larger(Number64::MAX)),
        ("NOT", b" SEEN", !(K::Seen)),
        ("OR", b" SEEN FLAGGED", K::or(K::Seen, K::Flagged)),
        (
            "SENTBEFORE",
            b" 1-Jan-2000",
            K::SentBefore(d(1, Month::Jan, 2000))
        ),
        (
            "SENTON",
            b" 15-Jul-2021",
            K::SentOn(d(15, Month::Jul, 2021))
        ),
        (
            "SENTSINCE",
            b" 9-Sep-0999",
            K::SentSince(d(9, Month::Sep, 999))
        ),
        ("SMALLER", b" 0", K::Smaller(n(0))),
        ("UID", b" 1:*,7", K::Uid(set("1:*,7"))),
        ("UNDRAFT", b"", K::Undraft),
        ("", b"2,4:7,9,12:*", K::SequenceSet(set("2,4:7,9,12:*"))),
        ("", b"$", K::SequenceSet(SequenceSet::SEARCH_RES)),
        ("", b"(SEEN)", K::group([K::Seen]).unwrap()),
    ];
    for (word, tail, want) in table {
        for w in [String::from(word), word.to_ascii_lowercase()] {
            let mut input = w.into_bytes();
            input.extend_from_slice(tail);
            let got = assert_reparses!(SearchKey, &input);
            assert_eq!(got, want, "{:?}", bstr::BStr::new(&input));
            assert_eq!(got.keyword(), (!word.is_empty()).then_some(word));
        }
        let canonical: Vec<u8> = [word.as_bytes(), tail].concat();
        assert_eq!(crate::to_vec(&want), canonical, "{word}");
    }
    // Mixed case and where a key ends.
    let (k, rest) =
        SearchKey::parse_prefix(b"sEnTsInCe 1-feb-1994 x", &ParseConfig::default()).unwrap();
    assert_eq!(k, K::SentSince(d(1, Month::Feb, 1994)));
    assert_eq!(rest, b" x");
    let (k, rest) = SearchKey::parse_prefix(b"ALL)", &ParseConfig::default()).unwrap();
    assert_eq!((k, rest), (K::All, &b")"[..]));
    // A quoted date is the same date.
    assert_eq!(
        SearchKey::parse(b"ON \"1-Feb-1994\"").unwrap(),
        K::On(d(1, Month::Feb, 1994))
    );
}

#[test]
fn invalid_keys() {
    let bad: &[(&[u8], ParseError)] = &[
        (b"", err(ErrorKind::Expected("search-key"), 0)),
        (b"FOO", err(ErrorKind::Expected("search-key"), 0)),
        (b"ALLX", err(ErrorKind::Expected("search-key"), 0)),
        (b"UNDRAFTS", err(ErrorKind::Expected("search-key"), 0)),
        (b"\"ALL\"", err(ErrorKind::Expected("search-key"), 0)),
        (b"ALL1", err(ErrorKind::Trailing, 3)),
        (b"BCC", err(ErrorKind::Expected("SP"), 3)),
        (b"BCC  x", err(ErrorKind::Expected("astring"), 4)),
        (b"BEFORE 32-Jan-2020", err(ErrorKind::BadNumber, 7)),
        (
            b"BEFORE 1-Foo-2020",
            err(ErrorKind::Expected("date-month"), 9),
        ),
        (
            b"SINCE \"1-Feb-1994",
            err(ErrorKind::Expected("DQUOTE"), 17),
        ),
        (b"KEYWORD \\Seen", err(ErrorKind::Expected("atom"), 8)),
        (b"KEYWORD \"a\"", err(ErrorKind::Expected("atom"), 8)),
        (b"LARGER -1", err(ErrorKind::Expected("number64"), 7)),
        (b"LARGER 9223372036854775808", err(ErrorKind::BadNumber, 7)),
        (b"NOT", err(ErrorKind::Expected("SP"), 3)),
        (b"NOT FOO", err(ErrorKind::Expected("search-key"), 4)),
        (b"OR ALL", err(ErrorKind::Expected("SP"), 6)),
        (b"OR ALL  SEEN", err(ErrorKind::Expected("search-key"), 7)),
        (b"HEADER Subject", err(ErrorKind::Expected("SP"), 14)),
        (b"UID", err(ErrorKind::Expected("SP"), 3)),
        (b"UID x", err(ErrorKind::Expected("seq-number"), 4)),
        (b"UID 1,", err(ErrorKind::Expected("seq-number"), 6)),
        (b"0", err(ErrorKind::Expected("seq-number"), 0)),
        (b"()", err(ErrorKind::Expected("search-key"), 1)),
        (b"( ALL)", err(ErrorKind::Expected("search-key"), 1)),
        (b"(ALL", err(ErrorKind::Expected("\")\""), 4)),
        (b"(ALL )", err(ErrorKind::Expected("search-key"), 5)),
        (b"(ALL FOO)", err(ErrorKind::Expected("search-key"), 5)),
        (b"ALL ", err(ErrorKind::Trailing, 3)),
    ];
    for (input, want) in bad {
        assert_eq!(
            SearchKey::parse(input),
            Err(*want),
            "{:?}",
            bstr::BStr::new(input)
        );
    }
    let bad_programs: &[(&[u8], ParseError)] = &[
        (b"", err(ErrorKind::Expected("search-key"), 0)),
        (b"ALL ", err(ErrorKind::Expected("search-key"), 4)),
        (b"ALL  SEEN", err(ErrorKind::Expected("search-key"), 4)),
        (b"ALL FOO", err(ErrorKind::Expected("search-key"), 4)),
        (b"CHARSET", err(ErrorKind::Expected("SP"), 7)),
        (b"CHARSET UTF-8", err(ErrorKind::Expected("SP"), 13)),
        (
            b"CHARSET UTF-8 ",
            err(ErrorKind::Expected("search-key"), 14),
        ),
        (b"CHARSET (x) ALL", err(ErrorKind::Expected("astring"), 8)),
        (
            b"ALL CHARSET UTF-8",
            err(ErrorKind::Expected("search-key"), 4),
        ),
    ];
    for (input, want) in bad_programs {
        assert_eq!(
            SearchProgram::parse_with(input, &crate::ParseConfig::strict()),
            Err(*want),
            "{:?}",
            bstr::BStr::new(input)
        );
    }
}

/// The SEARCH examples of RFC 3501 §6.4.4 and RFC 9051 §6.4.4 and §6.4.4.1-2.
#[test]
fn rfc_examples() {
    let smith = || {
        alloc::vec![
            K::Flagged,
            K::Since(d(1, Month::Feb, 1994)),
            !(K::From(s("Smith"))),
        ]
    };
    let program = assert_reparses!(
        SearchProgram,
        b"FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\""
    );
    assert_eq!(program.charset, None);
    assert_eq!(program.keys.to_vec(), smith());
    assert_eq!(
        crate::to_vec(&program),
        b"FLAGGED SINCE 1-Feb-1994 NOT FROM Smith"
    );

    let program = assert_reparses!(SearchProgram, b"TEXT \"string not in mailbox\"");
    assert_eq!(program.keys.to_vec(), [K::Text(s("string not in mailbox"))]);

    // RFC 3501: six octets of 8-bit data; RFC 9051: twelve octets of UTF-8.
    let rev1 = b"CHARSET UTF-8 TEXT {6}\r\n\xe0\xa4\xa8\xe0\xa4\xae";
    let program = assert_reparses!(SearchProgram, rev1);
    assert_eq!(program.charset.as_ref().map(Charset::as_str), Some("UTF-8"));
    assert_eq!(crate::to_vec(&program), rev1);
    let rev2 = "CHARSET UTF-8 TEXT {12}\r\nотпуск";
    let program = assert_reparses!(SearchProgram, rev2.as_bytes());
    assert_eq!(
        program.keys.to_vec(),
        [K::Text(AString::new("отпуск".as_bytes()).unwrap())]
    );

    let args = assert_reparses!(
        SearchCommandArgs,
        b"RETURN (MIN COUNT) FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\""
    );
    use SearchReturnOption::{All, Count, Max, Min, Save};
    assert_eq!(args.return_options.unwrap().to_vec(), [Min, Count]);
    assert_eq!(args.program.keys.to_vec(), smith());
    let args = assert_reparses!(
        SearchCommandArgs,
        b"RETURN () FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\""
    );
    assert!(args.return_options.unwrap().is_empty());
    let opts = |v: &[u8]| {
        let args = assert_reparses!(SearchCommandArgs, v);
        args.return_options.map(|l| l.to_vec()).into_static()
    };
    assert_eq!(opts(b"RETURN (MIN) UNSEEN"), Some(alloc::vec![Min]));
    assert_eq!(
        opts(b"RETURN (MIN MAX) 1:5000"),
        Some(alloc::vec![Min, Max])
    );
    assert_eq!(opts(b"RETURN (COUNT) DELETED"), Some(alloc::vec![Count]));
    assert_eq!(
        opts(b"RETURN (ALL SAVE) SINCE 12-Feb-2006 NOT FROM \"Smith\""),
        Some(alloc::vec![All, Save])
    );
    assert_eq!(
        opts(b"RETURN (MAX SAVE MIN COUNT) SINCE 12-Feb-2006 NOT FROM \"Smith\""),
        Some(alloc::vec![Max, Save, Min, Count])
    );
    assert_eq!(
        opts(b"RETURN (SAVE) KEYWORD $Junk"),
        Some(alloc::vec![Save])
    );
    assert_eq!(opts(b"UID $ SMALLER 4096"), None);

    let program = assert_reparses!(SearchProgram, b"$ SMALLER 4096");
    assert_eq!(
        program.keys.to_vec(),
        [
            K::SequenceSet(SequenceSet::SEARCH_RES),
            K::Smaller(Number64::new(4096).unwrap())
        ]
    );
    let program = assert_reparses!(
        SearchProgram,
        "CHARSET UTF-8 (OR $ 1,3000:3021) TEXT {8+}\r\nмать".as_bytes()
    );
    assert_eq!(
        program.keys.to_vec(),
        [
            K::group([K::or(
                K::SequenceSet(SequenceSet::SEARCH_RES),
                K::SequenceSet(set("1,3000:3021"))
            )])
            .unwrap(),
            K::Text(AString::new("мать".as_bytes()).unwrap()),
        ]
    );
    let args = assert_reparses!(
        SearchCommandArgs,
        b"RETURN (SAVE) CHARSET KOI8-R (OR $ 1,3000:3021) TEXT {4}\r\nXXXX"
    );
    assert_eq!(
        args.program.charset.as_ref().map(Charset::as_str),
        Some("KOI8-R")
    );
    // Lower case, as real clients send it.
    let program = assert_reparses!(
        SearchProgram,
        b"charset utf-8 flagged since 1-feb-1994 not from \"Smith\""
    );
    assert_eq!(program.keys.to_vec(), smith());
    assert_eq!(program.charset.unwrap().as_str(), "utf-8");
}

#[test]
fn or_and_not_nest() {
    let key = assert_reparses!(SearchKey, b"OR (SEEN FLAGGED) NOT OR DRAFT 1:3");
    assert_eq!(
        key,
        K::or(
            K::group([K::Seen, K::Flagged]).unwrap(),
            !(K::or(K::Draft, K::SequenceSet(set("1:3"))))
        )
    );
    let key = assert_reparses!(SearchKey, b"NOT NOT NOT (OR ALL (NOT (SEEN)))");
    let inner = K::or(K::All, K::group([!(K::group([K::Seen]).unwrap())]).unwrap());
    assert_eq!(key, !(!(!(K::group([inner]).unwrap()))));
    // OR takes exactly two keys: a third one belongs to the program.
    let program = assert_reparses!(SearchProgram, b"OR SEEN DRAFT DELETED");
    assert_eq!(
        program.keys.to_vec(),
        [K::or(K::Seen, K::Draft), K::Deleted]
    );
    // A group of one and the key alone are different values with different bytes.
    assert_ne!(K::group([K::Seen]).unwrap(), K::Seen);
    assert!(K::group([]).is_err());
}

#[test]
fn return_options() {
    let ext =
        |v: &'static str| SearchReturnOption::Extension(SearchReturnExtension::new(v).unwrap());
    for (input, want) in [
        (&b"min"[..], SearchReturnOption::Min),
        (b"MAX", SearchReturnOption::Max),
        (b"All", SearchReturnOption::All),
        (b"count", SearchReturnOption::Count),
        (b"SAVE", SearchReturnOption::Save),
        (b"CONTEXT", ext("CONTEXT")),
        (b"x-vendor.opt:2", ext("x-vendor.opt:2")),
        (b"MINIMUM", ext("MINIMUM")),
        (b"_SAVE", ext("_SAVE")),
    ] {
        assert_eq!(assert_reparses!(SearchReturnOption, input), want);
    }
    assert_eq!(
        crate::to_vec(&SearchReturnOption::parse(b"count").unwrap()),
        b"COUNT"
    );
    let args = assert_reparses!(SearchCommandArgs, b"return (context update min) all");
    assert_eq!(
        args.return_options.unwrap().to_vec(),
        [
            ext("context"),
            SearchReturnOption::Update(crate::types::list::List::default()),
            SearchReturnOption::Min
        ]
    );
    for bad in ["", "min", "COUNT", "update", "1x", "a b", "a(", ":x"] {
        assert!(SearchReturnExtension::new(bad).is_err(), "{bad:?}");
    }
    let bad: &[(&[u8], ParseError)] = &[
        (b"RETURN", err(ErrorKind::Expected("SP"), 6)),
        (b"RETURN (MIN)", err(ErrorKind::Expected("SP"), 12)),
        (b"RETURN (MIN) ", err(ErrorKind::Expected("search-key"), 13)),
        (b"RETURN MIN ALL", err(ErrorKind::Expected("\"(\""), 7)),
        (
            b"RETURN (MIN ) ALL",
            err(ErrorKind::Expected("search-return-opt"), 12),
        ),
        // Extension parameters (`tagged-ext-val`) are not supported; PARTIAL (RFC 9394) has
        // its own grammar and wants a range (the list reports where it stopped).
        (
            b"RETURN (CONTEXT 1:100) ALL",
            err(ErrorKind::Expected("search-return-opt"), 16),
        ),
        (
            b"RETURN (PARTIAL 0:100) ALL",
            err(ErrorKind::Expected("\")\""), 8),
        ),
        (b"RETURN (1) ALL", err(ErrorKind::Expected("\")\""), 8)),
        (b"RETURNS ALL", err(ErrorKind::Expected("search-key"), 0)),
    ];
    for (input, want) in bad {
        assert_eq!(
            SearchCommandArgs::parse(input),
            Err(*want),
            "{:?}",
            bstr::BStr::new(input)
        );
    }
    assert_eq!(
        SearchReturnExtension::parse(b"MIN"),
        Err(err(ErrorKind::Expected("search-ret-opt-ext"), 0))
    );
}

#[test]
fn constructors_and_borrowing() {
    let program = SearchProgram::from(K::All).with_charset(Charset::new("UTF-8").unwrap());
    assert_eq!(crate::to_vec(&program), b"CHARSET UTF-8 ALL");
    let quoted = SearchProgram::from(K::All).with_charset(Charset::new("a b").unwrap());
    assert_eq!(crate::to_vec(&quoted), b"CHARSET \"a b\" ALL");
    assert_round_trip!(SearchProgram, quoted);
    let args = SearchCommandArgs::from(program.clone());
    assert_eq!(crate::to_vec(&args), b"CHARSET UTF-8 ALL");
    // RFC 3501 reads the charset as an astring: a literal name is the same charset.
    let lit = assert_reparses!(SearchProgram, b"CHARSET {5}\r\nUTF-8 ALL");
    assert_eq!(lit, program);
    assert_eq!(
        SearchProgram::parse(b"CHARSET {3}\r\na\r\n ALL"),
        Err(err(ErrorKind::Expected("charset"), 8))
    );

    let input = b"OR FROM alice (SUBJECT \"hello world\" UID 4:*)".to_vec();
    let key = SearchKey::parse(&input).unwrap();
    let SearchKey::Or(a, b) = &key else {
        panic!("{key:?}")
    };
    let SearchKey::From(from) = &**a else {
        panic!("{a:?}")
    };
    assert!(matches!(
        from.clone().into_inner(),
        alloc::borrow::Cow::Borrowed(_)
    ));
    let SearchKey::Group(group) = &**b else {
        panic!("{b:?}")
    };
    assert_eq!(group.len(), 2);
    let owned: SearchKey<'static> = key.clone().into_static();
    drop(key);
    drop(input);
    assert_eq!(
        crate::to_vec(&owned),
        b"OR FROM alice (SUBJECT \"hello world\" UID 4:*)"
    );
}
