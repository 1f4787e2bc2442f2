//! Data of QRESYNC (RFC 7162 §3.2) that has a shape of its own: the `VANISHED` response and
//! the parameters of `SELECT ... (QRESYNC (...))`; and the typed views of the CONDSTORE,
//! QRESYNC and PARTIAL parameters (`CONDSTORE`, `CHANGEDSINCE`, `UNCHANGEDSINCE`, `VANISHED`,
//! FETCH's `PARTIAL`) that commands carry in RFC 4466's generic syntax.
//!
//! `VANISHED` is read whether or not the client has enabled QRESYNC: the word is no other
//! response's, so accepting it always loses nothing, and a client that did not enable QRESYNC
//! can still see (and report) a server that sends it anyway.
//!
//! The SELECT, FETCH and STORE parameters stay [`ExtParam`]s on the wire side, so every
//! spelling a peer sends reads back as itself; [`QresyncParams`] and the constructors and
//! accessors below build and read the ones these extensions define.
//!
//! ```
//! use imap_wire::types::command::SelectParam;
//! use imap_wire::types::condstore::QresyncParams;
//! use imap_wire::{Parse, to_vec};
//! let p = SelectParam::parse(b"QRESYNC (67890007 20050715194045000 41,43:211,214:541)").unwrap();
//! let q = p.qresync().unwrap().unwrap();
//! assert_eq!((q.uid_validity.get(), q.mod_seq.get()), (67890007, 20050715194045000));
//! assert_eq!(to_vec(&SelectParam::from(&q)), to_vec(&p));
//! ```

use alloc::borrow::Cow;
use core::num::NonZeroU32;

use crate::owned::IntoStatic;
use crate::types::command::{FetchModifier, SelectParam, StoreModifier};
use crate::types::extension::{ExtParam, TaggedExtLabel, TaggedExtVal};
use crate::types::primitive::{Number64, NzNumber64};
use crate::types::search_ext::PartialRange;
use crate::types::sequence::SequenceSet;

/// `expunged-resp = "VANISHED" [SP "(EARLIER)"] SP known-uids` (RFC 7162 §7): messages that
/// are gone, by UID.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct VanishedData<'a> {
    /// `(EARLIER)`: the messages went away before this command (an answer to `UID FETCH ...
    /// (VANISHED)` or to `SELECT ... (QRESYNC ...)`), not just now.
    pub earlier: bool,
    /// The UIDs.
    pub uids: SequenceSet<'a>,
}

impl IntoStatic for VanishedData<'_> {
    type Static = VanishedData<'static>;

    fn into_static(self) -> VanishedData<'static> {
        VanishedData {
            earlier: self.earlier,
            uids: self.uids.into_static(),
        }
    }
}

/// The value of `"QRESYNC" SP "(" uidvalidity SP mod-sequence-value [SP known-uids] [SP
/// seq-match-data] ")"` (RFC 7162 §7): what the client knew of the mailbox.
///
/// The sets may not hold `*` (RFC 7162 forbids it there, and the generic parameter syntax
/// cannot carry it): a parameter built from sets that do is not valid.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct QresyncParams<'a> {
    /// The UIDVALIDITY the client last saw.
    pub uid_validity: NonZeroU32,
    /// The highest mod-sequence the client last saw.
    pub mod_seq: NzNumber64,
    /// The UIDs the client knows (`known-uids`), if given.
    pub known_uids: Option<SequenceSet<'a>>,
    /// `seq-match-data = "(" known-sequence-set SP known-uid-set ")"`: message numbers and the
    /// UIDs they had, if given.
    pub seq_match: Option<(SequenceSet<'a>, SequenceSet<'a>)>,
}

impl IntoStatic for QresyncParams<'_> {
    type Static = QresyncParams<'static>;

    fn into_static(self) -> QresyncParams<'static> {
        QresyncParams {
            uid_validity: self.uid_validity,
            mod_seq: self.mod_seq,
            known_uids: self.known_uids.into_static(),
            seq_match: self
                .seq_match
                .map(|(a, b)| (a.into_static(), b.into_static())),
        }
    }
}

/// A parameter built from `name` and the bytes `value` writes.
fn param(name: &'static str, value: Option<alloc::vec::Vec<u8>>) -> ExtParam<'static> {
    ExtParam {
        name: TaggedExtLabel(Cow::Borrowed(name)),
        value: value.map(|v| TaggedExtVal(Cow::Owned(v))),
    }
}

/// `value` as the only number of a parameter named `name`, if it is one.
fn number_of(p: &ExtParam<'_>, name: &str) -> Option<Number64> {
    if !p.name.is(name) {
        return None;
    }
    let v = p.value.as_ref()?.as_bytes();
    let (rest, n) = crate::parse::primitive::number64(v).ok()?;
    rest.is_empty().then_some(n)
}

impl SelectParam<'_> {
    /// `CONDSTORE` (RFC 7162 §3.1.8): enable CONDSTORE with this SELECT or EXAMINE.
    pub fn condstore() -> SelectParam<'static> {
        SelectParam::Ext(param("CONDSTORE", None))
    }

    /// Whether this is `CONDSTORE` (in any case, without a value).
    pub fn is_condstore(&self) -> bool {
        let Self::Ext(p) = self;
        p.name.is("CONDSTORE") && p.value.is_none()
    }

    /// The QRESYNC parameters when this is `QRESYNC (...)`: `None` for another parameter,
    /// `Some(None)` for a QRESYNC whose value does not have RFC 7162's form.
    pub fn qresync(&self) -> Option<Option<QresyncParams<'_>>> {
        let Self::Ext(p) = self;
        if !p.name.is("QRESYNC") {
            return None;
        }
        let v = p.value.as_ref()?.as_bytes();
        Some(crate::parse::condstore::qresync_params(v))
    }
}

impl<'a> From<&QresyncParams<'a>> for SelectParam<'static> {
    fn from(q: &QresyncParams<'a>) -> Self {
        Self::Ext(param("QRESYNC", Some(crate::to_vec(q))))
    }
}

impl FetchModifier<'_> {
    /// `CHANGEDSINCE n` (RFC 7162 §3.1.4.1): only messages changed after mod-sequence `n`.
    pub fn changed_since(n: NzNumber64) -> FetchModifier<'static> {
        FetchModifier::Ext(param("CHANGEDSINCE", Some(crate::to_vec(&n))))
    }

    /// `VANISHED` (RFC 7162 §3.2.6): also report expunged messages, with `CHANGEDSINCE`.
    pub fn vanished() -> FetchModifier<'static> {
        FetchModifier::Ext(param("VANISHED", None))
    }

    /// The mod-sequence of a `CHANGEDSINCE` modifier.
    pub fn as_changed_since(&self) -> Option<Number64> {
        let Self::Ext(p) = self;
        number_of(p, "CHANGEDSINCE")
    }

    /// Whether this is `VANISHED` (in any case, without a value).
    pub fn is_vanished(&self) -> bool {
        let Self::Ext(p) = self;
        p.name.is("VANISHED") && p.value.is_none()
    }

    /// `PARTIAL range` (RFC 9394 §3.3): only a slice of the messages.
    pub fn partial(range: PartialRange) -> FetchModifier<'static> {
        FetchModifier::Ext(param("PARTIAL", Some(crate::to_vec(&range))))
    }

    /// The range of a `PARTIAL` modifier.
    pub fn as_partial(&self) -> Option<PartialRange> {
        let Self::Ext(p) = self;
        if !p.name.is("PARTIAL") {
            return None;
        }
        let v = p.value.as_ref()?.as_bytes();
        match crate::parse::search_ext::partial_range(v) {
            Ok(([], r)) => Some(r),
            _ => None,
        }
    }
}

impl StoreModifier<'_> {
    /// `UNCHANGEDSINCE n` (RFC 7162 §3.1.3): store only where the mod-sequence is at most `n`.
    pub fn unchanged_since(n: Number64) -> StoreModifier<'static> {
        StoreModifier::Ext(param("UNCHANGEDSINCE", Some(crate::to_vec(&n))))
    }

    /// The mod-sequence of an `UNCHANGEDSINCE` modifier.
    pub fn as_unchanged_since(&self) -> Option<Number64> {
        let Self::Ext(p) = self;
        number_of(p, "UNCHANGEDSINCE")
    }
}

/// Generated values are valid: sets come from the set generator.
#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use core::num::NonZeroU32;

    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::{QresyncParams, VanishedData};
    use crate::types::primitive::NzNumber64;
    use crate::types::sequence::SequenceSet;

    /// A set of one to three numbers and ranges, without `*` (which `known-uids` and the
    /// sets of `seq-match-data` may not hold).
    fn known_set(u: &mut Unstructured<'_>) -> Result<SequenceSet<'static>> {
        let mut text = alloc::string::String::new();
        for k in 0..u.int_in_range(1..=3)? {
            if k > 0 {
                text.push(',');
            }
            text.push_str(&alloc::format!("{}", u.int_in_range(1..=u32::MAX)?));
            if u.arbitrary()? {
                text.push_str(&alloc::format!(":{}", u.int_in_range(1..=u32::MAX)?));
            }
        }
        let set = <SequenceSet<'_> as crate::parse::Parse<'_>>::parse(text.as_bytes())
            .map_err(|_| arbitrary::Error::IncorrectFormat)?;
        Ok(crate::owned::IntoStatic::into_static(set))
    }

    impl<'a> Arbitrary<'a> for VanishedData<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                earlier: bool::arbitrary(u)?,
                uids: SequenceSet::arbitrary(u)?,
            })
        }
    }

    impl<'a> Arbitrary<'a> for QresyncParams<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let uid_validity = NonZeroU32::new(u.int_in_range(1..=u32::MAX)?)
                .ok_or(arbitrary::Error::IncorrectFormat)?;
            Ok(Self {
                uid_validity,
                mod_seq: NzNumber64::arbitrary(u)?,
                known_uids: if u.arbitrary()? {
                    Some(known_set(u)?)
                } else {
                    None
                },
                seq_match: if u.arbitrary()? {
                    Some((known_set(u)?, known_set(u)?))
                } else {
                    None
                },
            })
        }
    }
}
