//! Strategies, known answers and round trips for referrals (RFC 2221, RFC 2193).

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::parse::Parse;
use crate::testing::examples::{check_examples, examples};
use crate::testing::list_args::lsub_arguments;
use crate::testing::primitive::{ascii_from, encode_configs};
use crate::testing::{assert_reparses, assert_round_trip, config};
use crate::types::code::Code;
use crate::types::command::{Command, CommandBody};
use crate::types::list::{List, NonEmptyList};
use crate::types::list_args::LsubArguments;
use crate::types::mailbox::{ListMailbox, Mailbox};
use crate::types::referral::{ReferralUrl, is_referral_char};
use crate::types::response::Response;

pub(crate) fn referral_url() -> impl Strategy<Value = ReferralUrl<'static>> {
    ascii_from(is_referral_char, 1, 30).prop_map(|s| ReferralUrl::new(s).unwrap())
}

pub(crate) fn referral_code() -> impl Strategy<Value = NonEmptyList<'static, ReferralUrl<'static>>>
{
    proptest::collection::vec(referral_url(), 1..4)
        .prop_map(|v| NonEmptyList::new(List::from(v)).unwrap())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn referrals_round_trip(
        urls in referral_code(),
        args in lsub_arguments(),
        enc in encode_configs(),
    ) {
        assert_round_trip!(Code, Code::Referral(urls), enc, &ParseConfig::strict());
        for body in [CommandBody::RList(args.clone()), CommandBody::RLsub(args)] {
            let cmd = Command::new(crate::Tag::new("a1").unwrap(), body);
            assert_round_trip!(Command, cmd, enc, &ParseConfig::strict());
        }
    }
}

fn code_of(line: &[u8]) -> Code<'_> {
    let r = Response::parse_with(line, &ParseConfig::strict()).unwrap();
    let text = match r {
        Response::Tagged(t) => t.text,
        Response::Untagged(crate::types::response::Untagged::Bye(t)) => t,
        r => panic!("{r:?}"),
    };
    text.code.unwrap_or_else(|| panic!("no code in {line:?}"))
}

fn urls(code: &Code<'_>) -> alloc::vec::Vec<alloc::string::String> {
    let Code::Referral(l) = code else {
        panic!("{code:?}")
    };
    l.iter().map(|u| u.as_str().into()).collect()
}

#[test]
fn rfc2221_examples() {
    assert_eq!(check_examples(examples!("rfc2221.imap")), 8);
    let c = code_of(b"A001 NO [REFERRAL IMAP://MIKE@SERVER2/] Specified user\r\n");
    assert_eq!(urls(&c), ["IMAP://MIKE@SERVER2/"]);
    let c = code_of(b"* BYE [referral IMAP://user;AUTH=*@SERVER2/] Server not accepting\r\n");
    assert_eq!(urls(&c), ["IMAP://user;AUTH=*@SERVER2/"]);
}

#[test]
fn rfc2193_examples() {
    assert_eq!(check_examples(examples!("rfc2193.imap")), 41);
    let c = code_of(
        b"A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER1/FOO IMAP://user;AUTH=*@SERVER2/BAR] x\r\n",
    );
    assert_eq!(
        urls(&c),
        [
            "IMAP://user;AUTH=*@SERVER1/FOO",
            "IMAP://user;AUTH=*@SERVER2/BAR"
        ]
    );
    let args = LsubArguments {
        reference: Mailbox::new("").unwrap(),
        pattern: ListMailbox::new("#SHARED/%").unwrap(),
    };
    let c =
        Command::parse_with(b"A003 rlist \"\" \"#SHARED/%\"\r\n", &ParseConfig::strict()).unwrap();
    assert_eq!(c.body, CommandBody::RList(args.clone()));
    assert_eq!(crate::to_vec(&c), b"A003 RLIST \"\" #SHARED/%\r\n");
    let c = Command::parse(b"A004 RLSUB \"\" #SHARED/%\r\n").unwrap();
    assert_eq!(c.body, CommandBody::RLsub(args));
}

#[test]
fn referral_known_answers() {
    let strict = ParseConfig::strict();
    assert_eq!(
        crate::to_vec(&assert_reparses!(Code, b"REFERRAL imap://a/ imap://b/")),
        b"REFERRAL imap://a/ imap://b/"
    );
    // Without a URL, with two spaces, or with a trailing space it is no REFERRAL code.
    for raw in [
        &b"REFERRAL"[..],
        b"REFERRAL ",
        b"REFERRAL a  b",
        b"REFERRAL a ",
    ] {
        assert!(
            !matches!(Code::parse_with(raw, &strict), Ok(Code::Referral(_))),
            "{:?}",
            bstr::BStr::new(raw)
        );
    }
    for bad in [
        &b"a RLIST\r\n"[..],
        b"a RLIST \"\"\r\n",
        b"a RLSUB x\r\n",
        b"a RLIST (SUBSCRIBED) \"\" *\r\n",
        b"a RLSUB \"\" * RETURN (CHILDREN)\r\n",
    ] {
        assert!(
            Command::parse_with(bad, &strict).is_err(),
            "{:?}",
            bstr::BStr::new(bad)
        );
    }
    assert!(ReferralUrl::new("imap://a]").is_err());
    assert!(ReferralUrl::new("").is_err());
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_referrals_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};
    let mut n = 0;
    for buf in crate::testing::random_buffers(3000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(urls) = NonEmptyList::<ReferralUrl<'_>>::arbitrary(&mut u) {
            assert_round_trip!(Code, Code::Referral(urls));
            n += 1;
        }
        if let Ok(url) = ReferralUrl::arbitrary(&mut u) {
            assert_round_trip!(ReferralUrl, url);
        }
    }
    assert!(n > 1000, "{n}");
}

/// RLIST, RLSUB and the URLAUTH commands belong to the authenticated and selected states
/// (RFC 2193 §5, RFC 4467 §7: `command-auth`).
#[test]
fn new_commands_need_authentication() {
    use crate::session::{Scope, State};
    use crate::types::urlauth::UrlAuthCommand;
    let args = LsubArguments {
        reference: Mailbox::new("").unwrap(),
        pattern: ListMailbox::new("*").unwrap(),
    };
    for body in [
        CommandBody::RList(args.clone()),
        CommandBody::RLsub(args),
        CommandBody::UrlAuth(UrlAuthCommand::ResetKey(None)),
    ] {
        assert_eq!(body.scope(), Scope::Authenticated);
        assert!(!State::NotAuthenticated.allows(&body));
        assert!(State::Authenticated.allows(&body));
        assert!(State::Selected.allows(&body));
    }
}
