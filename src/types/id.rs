//! The ID extension (RFC 2971): the client and the server tell each other what software they
//! run, as a list of field and value pairs.
//!
//! The same [`IdParams`] is the argument of the `ID` command
//! ([`CommandBody::Id`](crate::types::command::CommandBody::Id)) and the content of the `* ID`
//! response ([`Data::Id`](crate::types::response::Data::Id)).
//!
//! ```
//! use imap_wire::types::id::IdParams;
//! use imap_wire::{Parse, to_vec};
//! let p = IdParams::parse(b"(\"name\" \"Cyrus\" \"os\" NIL)").unwrap();
//! let fields = p.fields().unwrap().to_vec();
//! assert_eq!(fields[0].name.as_bytes(), b"name");
//! assert_eq!(fields[1].value.as_bytes(), None);
//! assert_eq!(to_vec(&p), b"(\"name\" \"Cyrus\" \"os\" NIL)");
//! ```

use crate::owned::IntoStatic;
use crate::types::list::List;
use crate::types::primitive::{IString, NString};

/// `id_params_list ::= "(" #(string SPACE nstring) ")" / nil` (RFC 2971 §4): `NIL`, or a
/// parenthesised list of pairs separated by spaces (as every implementation writes them; the
/// RFC's `#` would read as commas).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IdParams<'a>(pub Option<List<'a, IdField<'a>>>);

impl<'a> IdParams<'a> {
    /// `NIL`: no information.
    pub const NIL: IdParams<'static> = IdParams(None);

    /// The pairs, `None` for `NIL`.
    pub fn fields(&self) -> Option<&List<'a, IdField<'a>>> {
        self.0.as_ref()
    }
}

/// One pair of an [`IdParams`] list: `string SPACE nstring` (RFC 2971 §3.3 names the usual
/// fields: `name`, `version`, `os`, `vendor`, `support-url`, ...).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IdField<'a> {
    /// The field name.
    pub name: IString<'a>,
    /// Its value, `NIL` when unknown.
    pub value: NString<'a>,
}

impl IntoStatic for IdParams<'_> {
    type Static = IdParams<'static>;

    fn into_static(self) -> IdParams<'static> {
        IdParams(self.0.into_static())
    }
}

impl IntoStatic for IdField<'_> {
    type Static = IdField<'static>;

    fn into_static(self) -> IdField<'static> {
        IdField {
            name: self.name.into_static(),
            value: self.value.into_static(),
        }
    }
}

#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for IdField<'a> {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(Self {
            name: IString::arbitrary(u)?,
            value: NString::arbitrary(u)?,
        })
    }
}

#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for IdParams<'a> {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(Self(Option::<List<'a, IdField<'a>>>::arbitrary(u)?))
    }
}
