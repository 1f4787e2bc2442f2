//! The commands that extensions add to the grammar, by name, and the parsers of their
//! arguments (each in the module of its extension).

use super::super::acl::acl_command;
use super::super::id::id_params_list;
use super::super::list_args::lsub_arguments;
use super::super::metadata;
use super::super::quota;
use super::super::sort;
use super::super::urlauth;
use super::super::{Cx, PResult, sp};
use crate::types::command::CommandBody;

/// The commands of extensions that have a parser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ExtName {
    Id,
    GetQuota,
    GetQuotaRoot,
    SetQuota,
    SetAcl,
    DeleteAcl,
    GetAcl,
    ListRights,
    MyRights,
    GetMetadata,
    SetMetadata,
    Sort,
    Thread,
    CancelUpdate,
    Compress,
    Unauthenticate,
    GenUrlAuth,
    ResetKey,
    UrlFetch,
    RList,
    RLsub,
    Replace,
    Language,
    Comparator,
    Notify,
}

const EXT_NAMES: &[(&str, ExtName)] = &[
    ("ID", ExtName::Id),
    ("GETQUOTA", ExtName::GetQuota),
    ("GETQUOTAROOT", ExtName::GetQuotaRoot),
    ("SETQUOTA", ExtName::SetQuota),
    ("COMPRESS", ExtName::Compress),
    ("UNAUTHENTICATE", ExtName::Unauthenticate),
    ("SORT", ExtName::Sort),
    ("THREAD", ExtName::Thread),
    ("CANCELUPDATE", ExtName::CancelUpdate),
    ("GETMETADATA", ExtName::GetMetadata),
    ("SETMETADATA", ExtName::SetMetadata),
    ("SETACL", ExtName::SetAcl),
    ("DELETEACL", ExtName::DeleteAcl),
    ("GETACL", ExtName::GetAcl),
    ("LISTRIGHTS", ExtName::ListRights),
    ("MYRIGHTS", ExtName::MyRights),
    ("GENURLAUTH", ExtName::GenUrlAuth),
    ("RESETKEY", ExtName::ResetKey),
    ("URLFETCH", ExtName::UrlFetch),
    ("RLIST", ExtName::RList),
    ("RLSUB", ExtName::RLsub),
    ("REPLACE", ExtName::Replace),
    ("LANGUAGE", ExtName::Language),
    ("COMPARATOR", ExtName::Comparator),
    ("NOTIFY", ExtName::Notify),
];

impl ExtName {
    /// The command named `word`, in any case.
    pub(super) fn of(word: &[u8]) -> Option<Self> {
        EXT_NAMES
            .iter()
            .find(|(n, _)| n.as_bytes().eq_ignore_ascii_case(word))
            .map(|&(_, name)| name)
    }

    /// Whether `UID` may stand before the command.
    pub(super) const fn takes_uid(self) -> bool {
        matches!(self, Self::Sort | Self::Thread | Self::Replace)
    }
}

/// The arguments of the extension command `name`, starting at `i` (after the name).
pub(super) fn known<'a>(
    cx: &Cx,
    i: &'a [u8],
    name: ExtName,
    uid: bool,
) -> PResult<'a, CommandBody<'a>> {
    match name {
        ExtName::Id => {
            let (rest, params) = id_params_list(cx, sp(i)?.0)?;
            Ok((rest, CommandBody::Id(params)))
        }
        ExtName::GetQuota => quota::getquota(sp(i)?.0),
        ExtName::GetQuotaRoot => quota::getquotaroot(cx, sp(i)?.0),
        ExtName::SetQuota => quota::setquota(cx, sp(i)?.0),
        ExtName::Compress => {
            let (rest, algorithm) = super::super::primitive::atom(sp(i)?.0)?;
            Ok((rest, CommandBody::Compress { algorithm }))
        }
        ExtName::Unauthenticate => Ok((i, CommandBody::Unauthenticate)),
        ExtName::Sort => sort::sort(cx, sp(i)?.0, uid),
        ExtName::Thread => sort::thread(cx, sp(i)?.0, uid),
        ExtName::CancelUpdate => sort::cancelupdate(cx, sp(i)?.0),
        ExtName::GetMetadata => metadata::getmetadata(cx, sp(i)?.0),
        ExtName::SetMetadata => metadata::setmetadata(cx, sp(i)?.0),
        ExtName::SetAcl => acl_command(cx, sp(i)?.0, "SETACL"),
        ExtName::DeleteAcl => acl_command(cx, sp(i)?.0, "DELETEACL"),
        ExtName::GetAcl => acl_command(cx, sp(i)?.0, "GETACL"),
        ExtName::ListRights => acl_command(cx, sp(i)?.0, "LISTRIGHTS"),
        ExtName::MyRights => acl_command(cx, sp(i)?.0, "MYRIGHTS"),
        ExtName::GenUrlAuth => urlauth::genurlauth(cx, i),
        ExtName::ResetKey => urlauth::resetkey(cx, i),
        ExtName::UrlFetch => urlauth::urlfetch(cx, i),
        ExtName::RList => {
            let (rest, args) = lsub_arguments(cx, sp(i)?.0)?;
            Ok((rest, CommandBody::RList(args)))
        }
        ExtName::RLsub => {
            let (rest, args) = lsub_arguments(cx, sp(i)?.0)?;
            Ok((rest, CommandBody::RLsub(args)))
        }
        ExtName::Replace => super::append::replace(cx, sp(i)?.0, uid),
        ExtName::Language => super::super::i18n::language_cmd(cx, i),
        ExtName::Comparator => super::super::i18n::comparator_cmd(cx, i),
        ExtName::Notify => super::super::notify::notify_command(cx, i),
    }
}
