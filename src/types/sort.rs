//! SORT and THREAD (RFC 5256), SORT=DISPLAY (RFC 5957), ESORT and CONTEXT (RFC 5267).
//!
//! - Commands: `SORT` / `UID SORT` with [`SortArgs`]
//!   ([`CommandBody::Sort`](crate::types::command::CommandBody::Sort)), `THREAD` /
//!   `UID THREAD` with [`ThreadArgs`] ([`CommandBody::Thread`](crate::types::command::CommandBody::Thread)),
//!   and `CANCELUPDATE` ([`CommandBody::CancelUpdate`](crate::types::command::CommandBody::CancelUpdate)).
//! - Responses: `* SORT` is a [`SearchData`](crate::types::esearch::SearchData) (numbers and
//!   an optional CONDSTORE mod-sequence) held by [`Data::Sort`](crate::types::response::Data::Sort);
//!   `* THREAD` is a list of [`Thread`]s held by [`Data::Thread`](crate::types::response::Data::Thread).
//!   ESORT answers with `* ESEARCH`.
//!
//! Threads nest; the parser goes one level deeper in its nesting limit for each one.
//!
//! ```
//! use imap_wire::types::sort::Thread;
//! use imap_wire::{Parse, to_vec};
//! let t = Thread::parse(b"(3 6 (4 23)(44 7 96))").unwrap();
//! assert_eq!(t.ids().len(), 2);
//! assert_eq!(t.children().len(), 2);
//! assert_eq!(to_vec(&t), b"(3 6 (4 23)(44 7 96))");
//! ```

use core::num::NonZeroU32;

use crate::error::{ValidationError, ValidationReason};
use crate::owned::IntoStatic;
use crate::types::list::{List, NonEmptyList};
use crate::types::primitive::{Atom, Charset};
use crate::types::search::{SearchKey, SearchReturnOption};

/// `sort-key = "ARRIVAL" / "CC" / "DATE" / "FROM" / "SIZE" / "SUBJECT" / "TO"` (RFC 5256),
/// `sort-key =/ "DISPLAYFROM" / "DISPLAYTO"` (RFC 5957).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SortKey {
    /// `ARRIVAL`: the internal date.
    Arrival,
    /// `CC`: the first Cc address's mailbox.
    Cc,
    /// `DATE`: the Date header.
    Date,
    /// `FROM`: the first From address's mailbox.
    From,
    /// `SIZE`: the message size.
    Size,
    /// `SUBJECT`: the base subject.
    Subject,
    /// `TO`: the first To address's mailbox.
    To,
    /// `DISPLAYFROM`: the first From address's display name (RFC 5957).
    DisplayFrom,
    /// `DISPLAYTO`: the first To address's display name (RFC 5957).
    DisplayTo,
}

impl SortKey {
    /// Every key with its name.
    pub(crate) const ALL: [(&'static str, SortKey); 9] = [
        ("ARRIVAL", Self::Arrival),
        ("CC", Self::Cc),
        ("DATE", Self::Date),
        ("FROM", Self::From),
        ("SIZE", Self::Size),
        ("SUBJECT", Self::Subject),
        ("TO", Self::To),
        ("DISPLAYFROM", Self::DisplayFrom),
        ("DISPLAYTO", Self::DisplayTo),
    ];

    /// The keyword.
    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("", |(n, _)| n)
    }
}

/// `sort-criterion = ["REVERSE" SP] sort-key`
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SortCriterion {
    /// Whether the order is reversed.
    pub reverse: bool,
    /// What to sort by.
    pub key: SortKey,
}

/// The arguments of SORT: `["RETURN" SP "(" ... ")" SP] sort-criteria SP search-criteria`
/// (RFC 5256 `sort`, RFC 5267 `extended-sort`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SortArgs<'a> {
    /// `search-return-opts` of ESORT (RFC 5267); `None` without `RETURN`.
    pub return_options: Option<List<'a, SearchReturnOption<'a>>>,
    /// `sort-criteria = "(" sort-criterion *(SP sort-criterion) ")"`
    pub criteria: NonEmptyList<'a, SortCriterion>,
    /// `charset = atom / quoted`, required here.
    pub charset: Charset<'a>,
    /// `1*(SP search-key)`
    pub keys: NonEmptyList<'a, SearchKey<'a>>,
}

/// `thread-alg = "ORDEREDSUBJECT" / "REFERENCES" / thread-alg-ext`, `thread-alg-ext = atom`:
/// the algorithm's name as written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ThreadAlgorithm<'a>(pub Atom<'a>);

impl ThreadAlgorithm<'_> {
    /// `ORDEREDSUBJECT`
    pub const ORDERED_SUBJECT: ThreadAlgorithm<'static> =
        ThreadAlgorithm(Atom(alloc::borrow::Cow::Borrowed("ORDEREDSUBJECT")));
    /// `REFERENCES`
    pub const REFERENCES: ThreadAlgorithm<'static> =
        ThreadAlgorithm(Atom(alloc::borrow::Cow::Borrowed("REFERENCES")));

    /// Whether the name is `name` in any case.
    pub fn is(&self, name: &str) -> bool {
        self.0.as_str().eq_ignore_ascii_case(name)
    }
}

/// The arguments of THREAD: `thread-alg SP search-criteria` (RFC 5256).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ThreadArgs<'a> {
    /// The algorithm.
    pub algorithm: ThreadAlgorithm<'a>,
    /// `charset = atom / quoted`
    pub charset: Charset<'a>,
    /// `1*(SP search-key)`
    pub keys: NonEmptyList<'a, SearchKey<'a>>,
}

/// `thread-list = "(" (thread-members / thread-nested) ")"`, with `thread-members = nz-number
/// *(SP nz-number) [SP thread-nested]` and `thread-nested = 2*thread-list` (RFC 5256 §5): a
/// chain of messages, then the threads that branch off its last one.
///
/// The parser also reads a single nested thread where the grammar asks for two (`(1 (2 3))`,
/// the same tree as `(1 2 3)`); it is written back as it came.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Thread<'a> {
    ids: List<'a, NonZeroU32>,
    children: List<'a, Thread<'a>>,
}

impl<'a> Thread<'a> {
    /// A thread of the chain `ids` with the branches `children`.
    ///
    /// # Errors
    /// [`ValidationReason::Empty`] when both are empty (`()` is no thread).
    pub fn new(
        ids: List<'a, NonZeroU32>,
        children: List<'a, Thread<'a>>,
    ) -> Result<Self, ValidationError> {
        if ids.is_empty() && children.is_empty() {
            return Err(ValidationError::new("thread-list", ValidationReason::Empty));
        }
        Ok(Self { ids, children })
    }

    /// Built by the parser, which has checked that it is not empty.
    pub(crate) fn parsed(ids: List<'a, NonZeroU32>, children: List<'a, Thread<'a>>) -> Self {
        debug_assert!(!(ids.is_empty() && children.is_empty()));
        Self { ids, children }
    }

    /// The chain of messages, each the parent of the next (may be empty).
    pub fn ids(&self) -> &List<'a, NonZeroU32> {
        &self.ids
    }

    /// The threads that branch off the last message of the chain.
    pub fn children(&self) -> &List<'a, Thread<'a>> {
        &self.children
    }
}

/// `thread-data = "THREAD" [SP 1*thread-list]` (RFC 5256 §4).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ThreadData<'a> {
    /// The threads, possibly none.
    pub threads: List<'a, Thread<'a>>,
}

crate::owned::static_types!(SortKey, SortCriterion);

impl IntoStatic for SortArgs<'_> {
    type Static = SortArgs<'static>;

    fn into_static(self) -> SortArgs<'static> {
        SortArgs {
            return_options: self.return_options.into_static(),
            criteria: self.criteria.into_static(),
            charset: self.charset.into_static(),
            keys: self.keys.into_static(),
        }
    }
}

impl IntoStatic for ThreadAlgorithm<'_> {
    type Static = ThreadAlgorithm<'static>;

    fn into_static(self) -> ThreadAlgorithm<'static> {
        ThreadAlgorithm(self.0.into_static())
    }
}

impl IntoStatic for ThreadArgs<'_> {
    type Static = ThreadArgs<'static>;

    fn into_static(self) -> ThreadArgs<'static> {
        ThreadArgs {
            algorithm: self.algorithm.into_static(),
            charset: self.charset.into_static(),
            keys: self.keys.into_static(),
        }
    }
}

impl IntoStatic for Thread<'_> {
    type Static = Thread<'static>;

    fn into_static(self) -> Thread<'static> {
        Thread {
            ids: self.ids.into_static(),
            children: self.children.into_static(),
        }
    }
}

impl IntoStatic for ThreadData<'_> {
    type Static = ThreadData<'static>;

    fn into_static(self) -> ThreadData<'static> {
        ThreadData {
            threads: self.threads.into_static(),
        }
    }
}

#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use alloc::vec::Vec;

    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::*;

    impl<'a> Arbitrary<'a> for SortKey {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(u.choose(&SortKey::ALL)?.1)
        }
    }

    impl<'a> Arbitrary<'a> for SortCriterion {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                reverse: u.arbitrary()?,
                key: SortKey::arbitrary(u)?,
            })
        }
    }

    /// An atom (valid as `charset = atom / quoted`).
    fn charset<'a>(u: &mut Unstructured<'a>) -> Result<Charset<'a>> {
        Ok(Charset(Atom::arbitrary(u)?.into_inner()))
    }

    impl<'a> Arbitrary<'a> for SortArgs<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                return_options: Option::<List<'a, SearchReturnOption<'a>>>::arbitrary(u)?,
                criteria: NonEmptyList::arbitrary(u)?,
                charset: charset(u)?,
                keys: NonEmptyList::arbitrary(u)?,
            })
        }
    }

    impl<'a> Arbitrary<'a> for ThreadAlgorithm<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            if u.ratio(2, 3)? {
                return Ok(u
                    .choose(&[
                        ThreadAlgorithm::REFERENCES,
                        ThreadAlgorithm::ORDERED_SUBJECT,
                    ])?
                    .clone());
            }
            Ok(Self(Atom::arbitrary(u)?))
        }
    }

    impl<'a> Arbitrary<'a> for ThreadArgs<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                algorithm: ThreadAlgorithm::arbitrary(u)?,
                charset: charset(u)?,
                keys: NonEmptyList::arbitrary(u)?,
            })
        }
    }

    /// A thread at most `depth` levels deep.
    fn thread<'a>(u: &mut Unstructured<'a>, depth: u32) -> Result<Thread<'a>> {
        let n = u.int_in_range(0..=3)?;
        let ids: Vec<NonZeroU32> = (0..n)
            .map(|_| Ok(NonZeroU32::new(u32::arbitrary(u)?).unwrap_or(NonZeroU32::MIN)))
            .collect::<Result<_>>()?;
        let k = if depth == 0 {
            0
        } else {
            u.int_in_range(0..=2)?
        };
        let children: Vec<Thread<'a>> = (0..k)
            .map(|_| thread(u, depth - 1))
            .collect::<Result<_>>()?;
        if ids.is_empty() && children.is_empty() {
            return Ok(Thread::parsed(
                List::from(alloc::vec![NonZeroU32::MIN]),
                List::new(),
            ));
        }
        Ok(Thread::parsed(List::from(ids), List::from(children)))
    }

    impl<'a> Arbitrary<'a> for Thread<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            thread(u, 3)
        }
    }

    impl<'a> Arbitrary<'a> for ThreadData<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let n = u.int_in_range(0..=3)?;
            let v: Vec<Thread<'a>> = (0..n)
                .map(|_| Thread::arbitrary(u))
                .collect::<Result<_>>()?;
            Ok(Self {
                threads: List::from(v),
            })
        }
    }
}
