//! `Arbitrary` values of the command and data variants that extensions add (feature
//! `arbitrary`); the values of each extension's own types are generated in its module.

use arbitrary::{Arbitrary, Result, Unstructured};

use crate::types::acl::{AclCommand, AclData, ListRightsData, MyRightsData};
use crate::types::code::Code;
use crate::types::command::CommandBody;
use crate::types::esearch::SearchData;
use crate::types::id::IdParams;
use crate::types::list::NonEmptyList;
use crate::types::metadata::{MetadataCode, MetadataCommand, MetadataData};
use crate::types::primitive::Tag;
use crate::types::quota::{QuotaCommand, QuotaData, QuotaRootData};
use crate::types::response::Data;
use crate::types::sort::{SortArgs, ThreadArgs, ThreadData};

/// A command of an extension.
pub(crate) fn command<'a>(u: &mut Unstructured<'a>) -> Result<CommandBody<'a>> {
    Ok(match u.choose_index(16)? {
        14 => CommandBody::Notify(crate::types::notify::NotifyCommand::arbitrary(u)?),
        12 => CommandBody::Language {
            ranges: crate::types::list::List::arbitrary(u)?,
        },
        13 => CommandBody::Comparator {
            order: crate::types::list::List::arbitrary(u)?,
        },
        0 => CommandBody::Id(IdParams::arbitrary(u)?),
        1 => CommandBody::Acl(AclCommand::arbitrary(u)?),
        2 => CommandBody::Metadata(MetadataCommand::arbitrary(u)?),
        3 => CommandBody::Sort {
            uid: u.arbitrary()?,
            args: SortArgs::arbitrary(u)?,
        },
        4 => CommandBody::Thread {
            uid: u.arbitrary()?,
            args: ThreadArgs::arbitrary(u)?,
        },
        5 => CommandBody::CancelUpdate {
            tags: NonEmptyList::arbitrary(u)?,
        },
        6 => CommandBody::Compress {
            algorithm: crate::types::primitive::Atom::arbitrary(u)?,
        },
        7 => CommandBody::Unauthenticate,
        8 => CommandBody::Replace {
            uid: u.arbitrary()?,
            message_id: crate::types::sequence::SeqNumber::arbitrary(u)?,
            mailbox: crate::types::mailbox::Mailbox::arbitrary(u)?,
            message: crate::types::command::AppendMessage::arbitrary(u)?,
        },
        9 => CommandBody::UrlAuth(Arbitrary::arbitrary(u)?),
        10 => CommandBody::RList(Arbitrary::arbitrary(u)?),
        11 => CommandBody::RLsub(Arbitrary::arbitrary(u)?),
        _ => CommandBody::Quota(QuotaCommand::arbitrary(u)?),
    })
}

/// Untagged data of an extension.
pub(crate) fn data<'a>(u: &mut Unstructured<'a>) -> Result<Data<'a>> {
    Ok(match u.choose_index(13)? {
        11 => Data::Language(crate::types::i18n::LanguageData::arbitrary(u)?),
        12 => Data::Comparator(crate::types::i18n::ComparatorData::arbitrary(u)?),
        0 => Data::Id(IdParams::arbitrary(u)?),
        7 => Data::Sort(SearchData::arbitrary(u)?),
        8 => Data::Thread(ThreadData::arbitrary(u)?),
        6 => Data::Metadata(MetadataData::arbitrary(u)?),
        3 => Data::Acl(AclData::arbitrary(u)?),
        4 => Data::ListRights(ListRightsData::arbitrary(u)?),
        5 => Data::MyRights(MyRightsData::arbitrary(u)?),
        9 => Data::GenUrlAuth(Arbitrary::arbitrary(u)?),
        10 => Data::UrlFetch(Arbitrary::arbitrary(u)?),
        1 => Data::Quota(QuotaData::arbitrary(u)?),
        _ => Data::QuotaRoot(QuotaRootData::arbitrary(u)?),
    })
}

/// A response code of an extension.
pub(crate) fn code<'a>(u: &mut Unstructured<'a>) -> Result<Code<'a>> {
    Ok(match u.choose_index(6)? {
        0 => Code::Metadata(MetadataCode::arbitrary(u)?),
        1 => Code::NoUpdate(Tag::arbitrary(u)?),
        2 => Code::UrlMech(Arbitrary::arbitrary(u)?),
        3 => Code::Referral(Arbitrary::arbitrary(u)?),
        4 => Code::BadUrl(crate::types::catenate::UrlRespText::arbitrary(u)?),
        _ => Code::BadEvent(NonEmptyList::arbitrary(u)?),
    })
}
