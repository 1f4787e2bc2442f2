//! Parsers of capabilities (RFC 9051 §9 `capability`, `capability-data`).

use super::list::{Sep, items};
use super::primitive::atom;
use super::{Cx, PResult, fail, impl_parse, keyword};
use crate::error::ErrorKind;
use crate::types::capability::{Capabilities, Capability};
use crate::types::list::ListItem;

/// `capability = ("AUTH=" auth-type) / atom`
pub(crate) fn capability(i: &[u8]) -> PResult<'_, Capability<'_>> {
    let (rest, a) = atom(i)?;
    let cap = Capability::from_atom(a);
    if let Capability::Auth(mech) = &cap {
        if mech.as_str().is_empty() {
            return super::expected(i, "auth-type");
        }
    }
    Ok((rest, cap))
}

impl<'a> ListItem<'a> for Capability<'a> {
    fn parse_item(_: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        capability(i)
    }
}

/// The list of `capability-data` after the keyword: `1*(SP capability)` including a revision.
pub(crate) fn capability_list<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Capabilities<'a>> {
    let (rest, ()) = super::sp(i)?;
    let (rest, list) = items(cx, rest, Sep::Space, 1)?;
    match Capabilities::new(list) {
        Ok(c) => Ok((rest, c)),
        Err(_) => fail(
            i,
            ErrorKind::Expected("IMAP4rev1 or IMAP4rev2 among the capabilities"),
        ),
    }
}

/// `capability-data = "CAPABILITY" *(SP capability) SP ("IMAP4rev2" / "IMAP4rev1")
/// *(SP capability)`
pub(crate) fn capability_data<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, Capabilities<'a>> {
    let (rest, ()) = keyword(i, "CAPABILITY")?;
    capability_list(cx, rest)
}

impl_parse!(Capability, plain capability);
impl_parse!(Capabilities, capability_data);
