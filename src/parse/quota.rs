//! Parsers of the QUOTA extension (RFC 9208 §9).

use super::list::{Sep, paren_list, spaces_skipped};
use super::mailbox::mailbox;
use super::primitive::{astring, atom, number64};
use super::{Cx, PResult, impl_parse, keyword, sp};
use crate::config::Leniency;
use crate::types::command::CommandBody;
use crate::types::list::ListItem;
use crate::types::quota::{
    QuotaCommand, QuotaData, QuotaResource, QuotaRootData, ResourceName, SetQuotaResource,
};

/// `resource-name = "STORAGE" / "MESSAGE" / "MAILBOX" / "ANNOTATION-STORAGE" /
/// resource-name-ext`, all atoms.
fn resource_name(i: &[u8]) -> PResult<'_, ResourceName<'_>> {
    atom(i).map(|(rest, a)| (rest, ResourceName(a)))
}

/// `quota-resource = resource-name SP resource-usage SP resource-limit`; under
/// [`Leniency::EXTRA_SPACE`] more than one SP between the fields (Archiveopteryx).
fn quota_resource<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, QuotaResource<'a>> {
    let spaces = |i: &'a [u8]| -> PResult<'a, ()> {
        let (rest, ()) = sp(i)?;
        if cx.allows(Leniency::EXTRA_SPACE) {
            return Ok((spaces_skipped(rest), ()));
        }
        Ok((rest, ()))
    };
    let (rest, name) = resource_name(i)?;
    let (rest, ()) = spaces(rest)?;
    let (rest, usage) = number64(rest)?;
    let (rest, ()) = spaces(rest)?;
    let (rest, limit) = number64(rest)?;
    Ok((rest, QuotaResource { name, usage, limit }))
}

/// `setquota-resource = resource-name SP resource-limit`
fn setquota_resource(i: &[u8]) -> PResult<'_, SetQuotaResource<'_>> {
    let (rest, name) = resource_name(i)?;
    let (rest, ()) = sp(rest)?;
    let (rest, limit) = number64(rest)?;
    Ok((rest, SetQuotaResource { name, limit }))
}

impl<'a> ListItem<'a> for QuotaResource<'a> {
    fn parse_item(cx: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        quota_resource(cx, i)
    }
}

impl<'a> ListItem<'a> for SetQuotaResource<'a> {
    fn parse_item(_: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        setquota_resource(i)
    }
}

/// `getquota = "GETQUOTA" SP quota-root-name`, after `"GETQUOTA" SP`.
pub(crate) fn getquota(i: &[u8]) -> PResult<'_, CommandBody<'_>> {
    let (rest, root) = astring(i)?;
    Ok((rest, CommandBody::Quota(QuotaCommand::GetQuota { root })))
}

/// `getquotaroot = "GETQUOTAROOT" SP mailbox`, after `"GETQUOTAROOT" SP`.
pub(crate) fn getquotaroot<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, CommandBody<'a>> {
    let (rest, mailbox) = mailbox(cx, i)?;
    Ok((
        rest,
        CommandBody::Quota(QuotaCommand::GetQuotaRoot { mailbox }),
    ))
}

/// `setquota = "SETQUOTA" SP quota-root-name SP setquota-list`, after `"SETQUOTA" SP`;
/// `setquota-list = "(" [setquota-resource *(SP setquota-resource)] ")"`.
pub(crate) fn setquota<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, CommandBody<'a>> {
    let (rest, root) = astring(i)?;
    let (rest, ()) = sp(rest)?;
    let (rest, limits) = paren_list(cx, rest, Sep::Space, 0)?;
    Ok((
        rest,
        CommandBody::Quota(QuotaCommand::SetQuota { root, limits }),
    ))
}

/// `quota-response = "QUOTA" SP quota-root-name SP quota-list`, after `* `.
pub(crate) fn quota_response<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, QuotaData<'a>> {
    let (rest, ()) = keyword(i, "QUOTA")?;
    let (rest, ()) = sp(rest)?;
    let (rest, root) = astring(rest)?;
    let (rest, ()) = sp(rest)?;
    let (rest, resources) = paren_list(cx, rest, Sep::Space, 0)?;
    Ok((rest, QuotaData { root, resources }))
}

/// `quotaroot-response = "QUOTAROOT" SP mailbox *(SP quota-root-name)`, after `* `.
pub(crate) fn quotaroot_response<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, QuotaRootData<'a>> {
    let (rest, ()) = keyword(i, "QUOTAROOT")?;
    let (rest, ()) = sp(rest)?;
    let (rest, mailbox) = mailbox(cx, rest)?;
    let (rest, roots) = super::command::more_items(cx, rest)?;
    Ok((rest, QuotaRootData { mailbox, roots }))
}

fn cfg_quota_command<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, QuotaCommand<'a>> {
    match super::command::command_body(cx, i)? {
        (rest, CommandBody::Quota(q)) => Ok((rest, q)),
        _ => super::expected(i, "GETQUOTA, GETQUOTAROOT or SETQUOTA"),
    }
}

impl_parse!(ResourceName, plain resource_name);
impl_parse!(QuotaResource, quota_resource);
impl_parse!(SetQuotaResource, plain setquota_resource);
impl_parse!(QuotaCommand, cfg_quota_command);
impl_parse!(QuotaData, quota_response);
impl_parse!(QuotaRootData, quotaroot_response);
