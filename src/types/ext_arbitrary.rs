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
    Ok(match u.choose_index(12)? {
        11 => CommandBody::Notify(crate::types::notify::NotifyCommand::arbitrary(u)?),
        9 => CommandBody::Language {
            ranges: crate::types::list::List::arbitrary(u)?,
        },
        10 => CommandBody::Comparator {
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
        _ => CommandBody::Quota(QuotaCommand::arbitrary(u)?),
    })
}

/// Untagged data of an extension.
pub(crate) fn data<'a>(u: &mut Unstructured<'a>) -> Result<Data<'a>> {
    Ok(match u.choose_index(11)? {
        9 => Data::Language(crate::types::i18n::LanguageData::arbitrary(u)?),
        10 => Data::Comparator(crate::types::i18n::ComparatorData::arbitrary(u)?),
        0 => Data::Id(IdParams::arbitrary(u)?),
        7 => Data::Sort(SearchData::arbitrary(u)?),
        8 => Data::Thread(ThreadData::arbitrary(u)?),
        6 => Data::Metadata(MetadataData::arbitrary(u)?),
        3 => Data::Acl(AclData::arbitrary(u)?),
        4 => Data::ListRights(ListRightsData::arbitrary(u)?),
        5 => Data::MyRights(MyRightsData::arbitrary(u)?),
        1 => Data::Quota(QuotaData::arbitrary(u)?),
        _ => Data::QuotaRoot(QuotaRootData::arbitrary(u)?),
    })
}

/// A response code of an extension.
pub(crate) fn code<'a>(u: &mut Unstructured<'a>) -> Result<Code<'a>> {
    Ok(match u.choose_index(3)? {
        0 => Code::Metadata(MetadataCode::arbitrary(u)?),
        1 => Code::NoUpdate(Tag::arbitrary(u)?),
        _ => Code::BadEvent(NonEmptyList::arbitrary(u)?),
    })
}
