//! Parsers of the ACL extension (RFC 4314 §7).

use super::command::more_items;
use super::list::{Sep, items};
use super::mailbox::mailbox;
use super::primitive::astring;
use super::{Cx, PResult, impl_parse, keyword, sp};
use crate::types::acl::{AclCommand, AclData, AclEntry, ListRightsData, MyRightsData};
use crate::types::command::CommandBody;
use crate::types::list::{List, ListItem};

/// The arguments of the ACL command `name` (upper case), after its name and SP.
pub(crate) fn acl_command<'a>(cx: &Cx, i: &'a [u8], name: &str) -> PResult<'a, CommandBody<'a>> {
    let (rest, mailbox) = mailbox(cx, i)?;
    let cmd = match name {
        "GETACL" => return Ok((rest, CommandBody::Acl(AclCommand::GetAcl { mailbox }))),
        "MYRIGHTS" => return Ok((rest, CommandBody::Acl(AclCommand::MyRights { mailbox }))),
        _ => {
            let (rest, ()) = sp(rest)?;
            let (rest, identifier) = astring(rest)?;
            match name {
                "DELETEACL" => (
                    rest,
                    AclCommand::DeleteAcl {
                        mailbox,
                        identifier,
                    },
                ),
                "LISTRIGHTS" => (
                    rest,
                    AclCommand::ListRights {
                        mailbox,
                        identifier,
                    },
                ),
                _ => {
                    let (rest, ()) = sp(rest)?;
                    let (rest, rights) = astring(rest)?;
                    let cmd = AclCommand::SetAcl {
                        mailbox,
                        identifier,
                        rights,
                    };
                    (rest, cmd)
                }
            }
        }
    };
    Ok((cmd.0, CommandBody::Acl(cmd.1)))
}

/// `identifier SP rights`
fn acl_entry(i: &[u8]) -> PResult<'_, AclEntry<'_>> {
    let (rest, identifier) = astring(i)?;
    let (rest, ()) = sp(rest)?;
    let (rest, rights) = astring(rest)?;
    Ok((rest, AclEntry { identifier, rights }))
}

impl<'a> ListItem<'a> for AclEntry<'a> {
    fn parse_item(_: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        acl_entry(i)
    }
}

/// `acl-data = "ACL" SP mailbox *(SP identifier SP rights)`, after `* `.
pub(crate) fn acl_data<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, AclData<'a>> {
    let (rest, ()) = keyword(i, "ACL")?;
    let (rest, ()) = sp(rest)?;
    let (rest, mailbox) = mailbox(cx, rest)?;
    let (rest, entries) = match rest.strip_prefix(b" ") {
        Some(after) => items(cx, after, Sep::Space, 1)?,
        None => (rest, List::new()),
    };
    Ok((rest, AclData { mailbox, entries }))
}

/// `listrights-data = "LISTRIGHTS" SP mailbox SP identifier SP rights *(SP rights)`, after
/// `* `.
pub(crate) fn listrights_data<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ListRightsData<'a>> {
    let (rest, ()) = keyword(i, "LISTRIGHTS")?;
    let (rest, ()) = sp(rest)?;
    let (rest, mailbox) = mailbox(cx, rest)?;
    let (rest, ()) = sp(rest)?;
    let (rest, identifier) = astring(rest)?;
    let (rest, ()) = sp(rest)?;
    let (rest, required) = astring(rest)?;
    let (rest, optional) = more_items(cx, rest)?;
    let data = ListRightsData {
        mailbox,
        identifier,
        required,
        optional,
    };
    Ok((rest, data))
}

/// `myrights-data = "MYRIGHTS" SP mailbox SP rights`, after `* `.
pub(crate) fn myrights_data<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, MyRightsData<'a>> {
    let (rest, ()) = keyword(i, "MYRIGHTS")?;
    let (rest, ()) = sp(rest)?;
    let (rest, mailbox) = mailbox(cx, rest)?;
    let (rest, ()) = sp(rest)?;
    let (rest, rights) = astring(rest)?;
    Ok((rest, MyRightsData { mailbox, rights }))
}

fn cfg_acl_command<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, AclCommand<'a>> {
    match super::command::command_body(cx, i)? {
        (rest, CommandBody::Acl(a)) => Ok((rest, a)),
        _ => super::expected(i, "an ACL command"),
    }
}

impl_parse!(AclCommand, cfg_acl_command);
impl_parse!(AclEntry, plain acl_entry);
impl_parse!(AclData, acl_data);
impl_parse!(ListRightsData, listrights_data);
impl_parse!(MyRightsData, myrights_data);
