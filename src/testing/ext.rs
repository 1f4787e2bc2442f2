//! Strategies for the command and data variants that extensions add, one arm per variant;
//! the strategies of each extension's own types are in its module.

use alloc::vec;

use proptest::prelude::*;

use crate::types::code::Code;
use crate::types::command::CommandBody;
use crate::types::mailbox::Mailbox;
use crate::types::response::Data;

/// Every extension command, with mailbox names from `mailbox`.
pub(crate) fn command_body(
    mailbox: BoxedStrategy<Mailbox<'static>>,
) -> BoxedStrategy<CommandBody<'static>> {
    prop_oneof![
        crate::testing::id::id_params().prop_map(CommandBody::Id),
        crate::testing::quota::quota_command(mailbox.clone()).prop_map(CommandBody::Quota),
        crate::testing::acl::acl_command(mailbox.clone()).prop_map(CommandBody::Acl),
        crate::testing::metadata::metadata_command(mailbox.clone()).prop_map(CommandBody::Metadata),
        crate::testing::sort::sort_command(),
        crate::testing::primitive::atom().prop_map(|algorithm| CommandBody::Compress { algorithm }),
        Just(CommandBody::Unauthenticate),
        crate::testing::urlauth::urlauth_command(mailbox.clone()).prop_map(CommandBody::UrlAuth),
        crate::testing::list_args::lsub_arguments().prop_map(CommandBody::RList),
        crate::testing::list_args::lsub_arguments().prop_map(CommandBody::RLsub),
        crate::testing::append::replace_command(mailbox),
        crate::testing::i18n::i18n_command(),
        crate::testing::notify::notify_command().prop_map(CommandBody::Notify),
    ]
    .boxed()
}

/// Every extension's untagged data.
pub(crate) fn data() -> BoxedStrategy<Data<'static>> {
    prop_oneof![
        crate::testing::id::id_params().prop_map(Data::Id),
        crate::testing::quota::quota_data().prop_map(Data::Quota),
        crate::testing::quota::quotaroot_data().prop_map(Data::QuotaRoot),
        crate::testing::acl::acl_data().prop_map(Data::Acl),
        crate::testing::acl::listrights_data().prop_map(Data::ListRights),
        crate::testing::acl::myrights_data().prop_map(Data::MyRights),
        crate::testing::metadata::metadata_data().prop_map(Data::Metadata),
        crate::testing::sort::sort_data(),
        crate::testing::urlauth::genurlauth_data().prop_map(Data::GenUrlAuth),
        crate::testing::urlauth::urlfetch_data().prop_map(Data::UrlFetch),
        crate::testing::i18n::i18n_data(),
    ]
    .boxed()
}

/// How many distinct command names (with `UID` forms counted apart) the extension commands
/// have.
#[cfg(feature = "arbitrary")]
pub(crate) const COMMAND_NAMES: usize = 25;

/// Every extension's response codes.
pub(crate) fn code() -> BoxedStrategy<Code<'static>> {
    prop_oneof![
        crate::testing::metadata::metadata_code().prop_map(Code::Metadata),
        crate::testing::primitive::tag().prop_map(Code::NoUpdate),
        crate::testing::urlauth::urlmech_code().prop_map(Code::UrlMech),
        crate::testing::referral::referral_code().prop_map(Code::Referral),
        crate::testing::catenate::url_resp_text().prop_map(Code::BadUrl),
        crate::testing::notify::badevent_code(),
    ]
    .boxed()
}

/// Commands and untagged data of extensions this crate does not know stay raw and are
/// written back byte for byte; so are those of known extensions written in a form the
/// grammar does not have (they fail to parse rather than turn into something else).
#[test]
fn unknown_commands_and_data_stay_raw() {
    use crate::parse::Parse;
    use crate::types::command::Command;
    use crate::types::response::{Response, Untagged};

    for line in [
        &b"A1 XYZZY args (with \"strings\" {3}\r\nabc) 1:*\r\n"[..],
        b"A2 XPIG-LATIN\r\n",
        b"A3 UID XFOO 1:2\r\n",
        b"A4 X-WORK ~{2}\r\n\0x\r\n",
    ] {
        let c = Command::parse(line).unwrap();
        assert!(matches!(c.body, CommandBody::Other(_)), "{c:?}");
        assert_eq!(crate::to_vec(&c), line);
    }
    for line in [
        &b"* 3 XFOO bar\r\n"[..],
        b"* XBAR (a {3}\r\nb c) d\r\n",
        b"* X-GUID-LIST 1 2 3\r\n",
    ] {
        let r = Response::parse(line).unwrap();
        assert!(
            matches!(r, Response::Untagged(Untagged::Data(Data::Other(_)))),
            "{r:?}"
        );
        assert_eq!(crate::to_vec(&r), line);
    }
}

#[test]
fn rfc4978_and_rfc8437_examples() {
    use crate::parse::Parse;
    use crate::testing::examples::{check_examples, examples};
    use crate::types::code::Code;
    use crate::types::command::Command;
    use crate::types::response::Response;

    assert_eq!(check_examples(examples!("rfc4978.imap")), 8);
    assert_eq!(check_examples(examples!("rfc8437.imap")), 2);
    let c = Command::parse(b"c compress deflate\r\n").unwrap();
    assert_eq!(
        c.body,
        CommandBody::Compress {
            algorithm: crate::Atom::new("deflate").unwrap()
        }
    );
    assert_eq!(crate::to_vec(&c), b"c COMPRESS deflate\r\n");
    let Response::Tagged(t) =
        Response::parse(b"c NO [COMPRESSIONACTIVE] DEFLATE active via TLS\r\n").unwrap()
    else {
        panic!()
    };
    assert_eq!(t.text.code(), Some(&Code::CompressionActive));
    let c = Command::parse(b"a1 unauthenticate\r\n").unwrap();
    assert_eq!(c.body, CommandBody::Unauthenticate);
    assert!(Command::parse(b"a1 COMPRESS\r\n").is_err());
    assert!(Command::parse(b"a1 UNAUTHENTICATE x\r\n").is_err());
}
