//! Parsers of the ID extension (RFC 2971 §4): the `id_params_list` of the ID command and of
//! the `* ID` response.

use super::list::{Sep, paren_list};
use super::primitive::{nstring, string};
use super::{Cx, PResult, impl_parse, keyword, sp};
use crate::types::id::{IdField, IdParams};
use crate::types::list::ListItem;
use crate::types::primitive::IString;

/// `id_params_list ::= "(" #(string SPACE nstring) ")" / nil` (RFC 2971 §4), with the pairs
/// separated by spaces.
pub(crate) fn id_params_list<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, IdParams<'a>> {
    if matches!(i.first(), Some(b'N' | b'n')) {
        return keyword(i, "NIL").map(|(rest, ())| (rest, IdParams(None)));
    }
    let (rest, list) = paren_list(cx, i, Sep::Space, 0)?;
    Ok((rest, IdParams(Some(list))))
}

/// `string SPACE nstring`, one pair of `id_params_list`.
fn id_field(i: &[u8]) -> PResult<'_, IdField<'_>> {
    let (rest, name) = string(i)?;
    let (rest, ()) = sp(rest)?;
    let (rest, value) = nstring(rest)?;
    let field = IdField {
        name: IString(name),
        value,
    };
    Ok((rest, field))
}

impl<'a> ListItem<'a> for IdField<'a> {
    fn parse_item(_: &Cx, i: &'a [u8]) -> PResult<'a, Self> {
        id_field(i)
    }
}

/// `id_response ::= "ID" SPACE id_params_list` (RFC 2971 §4), after `* `.
pub(crate) fn id_response<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, IdParams<'a>> {
    let (rest, ()) = keyword(i, "ID")?;
    let (rest, ()) = sp(rest)?;
    id_params_list(cx, rest)
}

impl_parse!(IdParams, id_params_list);
impl_parse!(IdField, plain id_field);
