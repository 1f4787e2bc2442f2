//! Strategies, known answers and round trips for the LIST and LSUB command arguments.

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::error::ErrorKind;
use crate::parse::Parse;
use crate::testing::assert_round_trip;
use crate::testing::mailbox::{list_mailbox_utf7, mailbox_utf7};
use crate::testing::status::status_attribute;
use crate::testing::tagged_ext::{bad, encode_configs, kat, noise, option_value};
use crate::types::list::{List, NonEmptyList};
use crate::types::list_args::{
    ListArguments, ListPatterns, ListReturnOption, ListSelectOption, LsubArguments, OPTION_NAMES,
    OptionName,
};
use crate::types::mailbox::{ListMailbox, Mailbox};
use crate::types::status::StatusAttribute;
use crate::types::tagged_ext::OptionValue;

pub(crate) fn option_name() -> impl Strategy<Value = OptionName<'static>> {
    prop_oneof![
        "[A-Za-z][A-Za-z0-9.-]{0,12}",
        proptest::sample::select(&["MYRIGHTS", "METADATA", "X-DOVECOT", "children", "Status"][..])
            .prop_map(alloc::string::String::from),
    ]
    .prop_map(|s| {
        OptionName::new(s.clone())
            .unwrap_or_else(|_| OptionName::new(alloc::format!("{s}X")).unwrap())
    })
}

pub(crate) fn list_select_option() -> impl Strategy<Value = ListSelectOption<'static>> {
    prop_oneof![
        Just(ListSelectOption::Subscribed),
        Just(ListSelectOption::Remote),
        Just(ListSelectOption::RecursiveMatch),
        Just(ListSelectOption::SpecialUse),
        (option_name(), proptest::option::of(option_value()))
            .prop_map(|(n, v)| ListSelectOption::Extension(n, v)),
    ]
}

pub(crate) fn list_return_option() -> impl Strategy<Value = ListReturnOption<'static>> {
    prop_oneof![
        Just(ListReturnOption::Subscribed),
        Just(ListReturnOption::Children),
        Just(ListReturnOption::SpecialUse),
        proptest::collection::vec(status_attribute(), 1..4)
            .prop_map(|v| ListReturnOption::Status(NonEmptyList::try_from(v).unwrap())),
        (option_name(), proptest::option::of(option_value()))
            .prop_map(|(n, v)| ListReturnOption::Extension(n, v)),
    ]
}

pub(crate) fn list_patterns() -> impl Strategy<Value = ListPatterns<'static>> {
    prop_oneof![
        list_mailbox_utf7().prop_map(ListPatterns::Single),
        proptest::collection::vec(list_mailbox_utf7(), 1..4)
            .prop_map(|v| ListPatterns::Multiple(NonEmptyList::try_from(v).unwrap())),
    ]
}

pub(crate) fn list_arguments() -> impl Strategy<Value = ListArguments<'static>> {
    (
        proptest::option::of(proptest::collection::vec(list_select_option(), 0..4)),
        mailbox_utf7(),
        list_patterns(),
        proptest::option::of(proptest::collection::vec(list_return_option(), 0..4)),
    )
        .prop_map(|(sel, reference, patterns, ret)| ListArguments {
            selection: sel.map(List::from),
            reference,
            patterns,
            return_options: ret.map(List::from),
        })
}

pub(crate) fn lsub_arguments() -> impl Strategy<Value = LsubArguments<'static>> {
    (mailbox_utf7(), list_mailbox_utf7())
        .prop_map(|(reference, pattern)| LsubArguments { reference, pattern })
}

proptest! {
    #![proptest_config(crate::testing::tagged_ext::cases())]

    #[test]
    fn list_select_option_round_trips(v in list_select_option(), enc in encode_configs()) {
        assert_round_trip!(ListSelectOption, v, enc, &ParseConfig::default());
    }

    #[test]
    fn list_return_option_round_trips(v in list_return_option(), enc in encode_configs()) {
        assert_round_trip!(ListReturnOption, v, enc, &ParseConfig::default());
    }

    #[test]
    fn option_name_round_trips(v in option_name()) {
        assert_round_trip!(OptionName, v);
    }

    #[test]
    fn list_patterns_round_trip(v in list_patterns(), enc in encode_configs()) {
        assert_round_trip!(ListPatterns, v, enc, &ParseConfig::default());
    }

    #[test]
    fn list_arguments_round_trip(v in list_arguments(), enc in encode_configs(), on in any::<bool>()) {
        let cfg = ParseConfig::default().with_utf8_accept(on);
        assert_round_trip!(ListArguments, v, enc, &cfg);
    }

    #[test]
    fn lsub_arguments_round_trip(v in lsub_arguments(), enc in encode_configs()) {
        assert_round_trip!(LsubArguments, v, enc, &ParseConfig::default());
    }

    #[test]
    fn no_input_panics_the_list_argument_parsers(v in noise()) {
        let _ = ListSelectOption::parse(&v);
        let _ = ListReturnOption::parse(&v);
        let _ = ListPatterns::parse(&v);
        let _ = LsubArguments::parse(&v);
        if let Ok(a) = ListArguments::parse(&v) {
            let bytes = crate::to_vec(&a);
            prop_assert_eq!(ListArguments::parse(&bytes).unwrap(), a);
        }
    }
}

fn pat(p: &'static str) -> ListMailbox<'static> {
    ListMailbox::new(p).unwrap()
}

fn empty() -> Mailbox<'static> {
    Mailbox::new("").unwrap()
}

fn args(
    sel: Option<alloc::vec::Vec<ListSelectOption<'static>>>,
    reference: Mailbox<'static>,
    patterns: ListPatterns<'static>,
    ret: Option<alloc::vec::Vec<ListReturnOption<'static>>>,
) -> ListArguments<'static> {
    ListArguments {
        selection: sel.map(List::from),
        reference,
        patterns,
        return_options: ret.map(List::from),
    }
}

fn many(v: &[&'static str]) -> ListPatterns<'static> {
    ListPatterns::Multiple(
        NonEmptyList::try_from(v.iter().map(|p| pat(p)).collect::<alloc::vec::Vec<_>>()).unwrap(),
    )
}

#[test]
fn rfc_list_commands() {
    use ListReturnOption as R;
    use ListSelectOption as S;
    // RFC 9051 §6.3.9 and RFC 3501 §6.3.8: the basic form.
    kat!(
        ListArguments,
        b"\"\" *",
        b"",
        ListArguments::new(empty(), pat("*"))
    );
    kat!(
        ListArguments,
        b"\"\" \"\"",
        b"",
        ListArguments::new(empty(), pat(""))
    );
    kat!(
        ListArguments,
        b"#news.comp.mail.misc \"\"",
        b"",
        ListArguments::new(Mailbox::new("#news.comp.mail.misc").unwrap(), pat(""))
    );
    kat!(
        ListArguments,
        b"~/Mail/ %",
        b"",
        ListArguments::new(Mailbox::new("~/Mail/").unwrap(), pat("%"))
    );
    // RFC 5258 §5.
    kat!(
        ListArguments,
        b"(SUBSCRIBED) \"\" \"*\"",
        b"",
        args(
            Some(alloc::vec![S::Subscribed]),
            empty(),
            pat("*").into(),
            None
        )
    );
    kat!(
        ListArguments,
        b"() \"\" \"%\" RETURN (CHILDREN)",
        b"",
        args(
            Some(alloc::vec![]),
            empty(),
            pat("%").into(),
            Some(alloc::vec![R::Children])
        )
    );
    kat!(
        ListArguments,
        b"(REMOTE SUBSCRIBED) \"\" \"*\"",
        b"",
        args(
            Some(alloc::vec![S::Remote, S::Subscribed]),
            empty(),
            pat("*").into(),
            None
        )
    );
    kat!(
        ListArguments,
        b"(REMOTE) \"\" \"*\" RETURN (SUBSCRIBED)",
        b"",
        args(
            Some(alloc::vec![S::Remote]),
            empty(),
            pat("*").into(),
            Some(alloc::vec![R::Subscribed])
        )
    );
    kat!(
        ListArguments,
        b"\"\" (\"INBOX\" \"Drafts\" \"Sent/%\")",
        b"",
        args(None, empty(), many(&["INBOX", "Drafts", "Sent/%"]), None)
    );
    kat!(
        ListArguments,
        b"(SUBSCRIBED RECURSIVEMATCH) \"\" \"%\" RETURN (CHILDREN)",
        b"",
        args(
            Some(alloc::vec![S::Subscribed, S::RecursiveMatch]),
            empty(),
            pat("%").into(),
            Some(alloc::vec![R::Children])
        )
    );
    kat!(
        ListArguments,
        b"\"\" (% music/rock)",
        b"",
        args(None, empty(), many(&["%", "music/rock"]), None)
    );
    // RFC 6154 §5.
    kat!(
        ListArguments,
        b"\"\" \"%\" RETURN (SPECIAL-USE)",
        b"",
        args(
            None,
            empty(),
            pat("%").into(),
            Some(alloc::vec![R::SpecialUse])
        )
    );
    kat!(
        ListArguments,
        b"(SPECIAL-USE) \"\" \"*\"",
        b"",
        args(
            Some(alloc::vec![S::SpecialUse]),
            empty(),
            pat("*").into(),
            None
        )
    );
    // RFC 5819 §2: STATUS as a return option.
    let status = |v: alloc::vec::Vec<StatusAttribute<'static>>| {
        R::Status(NonEmptyList::try_from(v).unwrap())
    };
    kat!(
        ListArguments,
        b"\"\" % RETURN (STATUS (MESSAGES UNSEEN))",
        b"",
        args(
            None,
            empty(),
            pat("%").into(),
            Some(alloc::vec![status(alloc::vec![
                StatusAttribute::Messages,
                StatusAttribute::Unseen
            ])])
        )
    );
    kat!(
        ListArguments,
        b"(SUBSCRIBED RECURSIVEMATCH) \"\" % RETURN (STATUS (MESSAGES))",
        b"",
        args(
            Some(alloc::vec![S::Subscribed, S::RecursiveMatch]),
            empty(),
            pat("%").into(),
            Some(alloc::vec![status(alloc::vec![StatusAttribute::Messages])])
        )
    );
    // Keywords in any case, written upper case.
    let a = ListArguments::parse(b"(subscribed Remote) \"\" * return (children status (messages))")
        .unwrap();
    assert_eq!(
        crate::to_vec(&a),
        b"(SUBSCRIBED REMOTE) \"\" * RETURN (CHILDREN STATUS (MESSAGES))"
    );
    // LSUB (RFC 3501 §6.3.9).
    kat!(
        LsubArguments,
        b"\"#news.\" \"comp.mail.*\"",
        b"",
        LsubArguments {
            reference: Mailbox::new("#news.").unwrap(),
            pattern: pat("comp.mail.*")
        }
    );
    kat!(
        LsubArguments,
        b"\"#news.\" comp.%",
        b"",
        LsubArguments {
            reference: Mailbox::new("#news.").unwrap(),
            pattern: pat("comp.%")
        }
    );
}

#[test]
fn option_extensions() {
    let name = |n: &'static str| OptionName::new(n).unwrap();
    let value = |v: &'static [u8]| Some(OptionValue::new(v).unwrap());
    kat!(
        ListSelectOption,
        b"X-FOO",
        b"",
        ListSelectOption::Extension(name("X-FOO"), None)
    );
    kat!(
        ListSelectOption,
        b"X-FOO (a (b \"c d\")) rest",
        b" rest",
        ListSelectOption::Extension(name("X-FOO"), value(b"(a (b \"c d\"))"))
    );
    // A return option name among selection options (and back) is an extension there.
    kat!(
        ListSelectOption,
        b"CHILDREN",
        b"",
        ListSelectOption::Extension(OptionName(alloc::borrow::Cow::Borrowed("CHILDREN")), None)
    );
    kat!(
        ListReturnOption,
        b"REMOTE",
        b"",
        ListReturnOption::Extension(OptionName(alloc::borrow::Cow::Borrowed("REMOTE")), None)
    );
    kat!(
        ListReturnOption,
        b"MYRIGHTS",
        b"",
        ListReturnOption::Extension(name("MYRIGHTS"), None)
    );
    kat!(
        ListReturnOption,
        b"METADATA (MAXSIZE 1024 (/private/comment))",
        b"",
        ListReturnOption::Extension(
            name("METADATA"),
            value(b"(MAXSIZE 1024 (/private/comment))")
        )
    );
    for known in OPTION_NAMES {
        assert!(OptionName::new(known).is_err(), "{known}");
        assert!(
            OptionName::new(known.to_ascii_lowercase()).is_err(),
            "{known}"
        );
    }
    assert!(OptionName::new("a b").is_err());
    assert!(OptionName::parse(b"status").is_err());
}

#[test]
fn invalid_list_commands() {
    bad!(
        ListArguments,
        &[
            (b"", ErrorKind::Expected("astring"), 0),
            (b"\"\"", ErrorKind::Expected("SP"), 2),
            (b"\"\" ", ErrorKind::Expected("list-mailbox"), 3),
            // RFC 5819 §2's example lacks the SP after the selection options.
            (
                b"(SUBSCRIBED RECURSIVEMATCH)\"\" %",
                ErrorKind::Expected("SP"),
                27
            ),
            (b"(SUBSCRIBED (x)) \"\" %", ErrorKind::Expected("atom"), 12),
            (b"( SUBSCRIBED) \"\" %", ErrorKind::Expected("\")\""), 1),
            (b"\"\" () ", ErrorKind::Expected("list-mailbox"), 4),
            (b"\"\" (a ) ", ErrorKind::Expected("list-mailbox"), 6),
            (b"\"\" % RETURN", ErrorKind::Expected("SP"), 11),
            (b"\"\" % RETURN CHILDREN", ErrorKind::Expected("\"(\""), 12),
            (b"\"\" % RETURN (STATUS)", ErrorKind::Expected("SP"), 19),
            (
                b"\"\" % RETURN (STATUS ())",
                ErrorKind::Expected("tagged-ext-label"),
                21
            ),
            (
                b"\"\" % RETURN (STATUS (1))",
                ErrorKind::Expected("tagged-ext-label"),
                21
            ),
            (
                b"\"\" % RETURN (X-A ())",
                ErrorKind::Expected("astring"),
                18
            ),
            (b"\"\" % RETURNS (X)", ErrorKind::Expected("SP"), 11),
            (b"\"\" % x", ErrorKind::Trailing, 4),
        ]
    );
    bad!(
        LsubArguments,
        &[
            (b"\"#news.\"", ErrorKind::Expected("SP"), 8),
            (b"\"#news.\" (a)", ErrorKind::Expected("list-mailbox"), 9),
        ]
    );
    let deep = ParseConfig::default().with_max_depth(2);
    assert_eq!(
        ListArguments::parse_with(b"(X (a (b))) \"\" %", &deep)
            .unwrap_err()
            .kind,
        ErrorKind::TooDeep
    );
    assert!(ListArguments::parse_with(b"(X (a)) \"\" %", &deep).is_ok());
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_list_arguments_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};
    let mut seen_status = false;
    for buf in crate::testing::random_buffers(4000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = ListSelectOption::arbitrary(&mut u) {
            assert_round_trip!(ListSelectOption, v);
        }
        if let Ok(v) = ListReturnOption::arbitrary(&mut u) {
            seen_status |= matches!(v, ListReturnOption::Status(_));
            assert_round_trip!(ListReturnOption, v);
        }
        if let Ok(v) = OptionName::arbitrary(&mut u) {
            assert_round_trip!(OptionName, v);
        }
        if let Ok(v) = ListPatterns::arbitrary(&mut u) {
            assert_round_trip!(ListPatterns, v);
        }
        if let Ok(v) = ListArguments::arbitrary(&mut u) {
            assert_round_trip!(ListArguments, v);
        }
        if let Ok(v) = LsubArguments::arbitrary(&mut u) {
            assert_round_trip!(LsubArguments, v);
        }
    }
    assert!(seen_status);
}
