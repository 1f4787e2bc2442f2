//! `List<'a, T>`: a list that costs no allocation when parsed.
//!
//! A parsed list keeps the validated bytes it was read from and the number of items; iterating
//! parses each item again from those bytes (the grammar already accepted them, so this cannot
//! fail). A list built by a program holds a `Vec<T>`. Both forms compare, hash, print and
//! serialize by their items, so a parsed list equals the built list with the same items.
//!
//! ```
//! use imap_wire::types::list::List;
//! use imap_wire::Atom;
//! let list: List<'_, Atom<'_>> = List::from(vec![Atom::new("A").unwrap(), Atom::new("B").unwrap()]);
//! assert_eq!(list.len(), 2);
//! assert_eq!(list.iter().map(|a| a.as_str().len()).sum::<usize>(), 2);
//! ```

use alloc::vec::Vec;
use core::fmt;
use core::hash::{Hash, Hasher};

use crate::owned::IntoStatic;
use crate::parse::list::Sep;
use crate::parse::{Cx, PResult};

/// A grammar item that can stand in a [`List`]: it knows how to parse itself from a list's
/// bytes. Implemented by the crate's types; it cannot be implemented outside the crate.
pub trait ListItem<'a>: Sized + Clone {
    #[doc(hidden)]
    fn parse_item(cx: &Cx, input: &'a [u8]) -> PResult<'a, Self>;

    /// Checks an item as [`ListItem::parse_item`] would, without keeping it. Lists call this
    /// when they are parsed; recursive items (body structures) override it with a checker
    /// that builds nothing, which keeps deep nesting cheap in time and stack.
    #[doc(hidden)]
    fn skip_item(cx: &Cx, input: &'a [u8]) -> PResult<'a, ()> {
        Self::parse_item(cx, input).map(|(rest, _)| (rest, ()))
    }

    /// Finds the end of an item in input that was already accepted ([`Cx::trusting`]), as a
    /// list parsed again on iteration does for the lists nested in its items. Items whose
    /// form is one parenthesised group (body structures, addresses) override it with a scan
    /// that only balances parentheses, so iterating nested lists does not check the deeper
    /// levels once per level.
    #[doc(hidden)]
    fn skip_trusted(cx: &Cx, input: &'a [u8]) -> PResult<'a, ()> {
        Self::skip_item(cx, input)
    }
}

/// A list of grammar items, borrowed from its input when parsed (see the module docs).
pub struct List<'a, T> {
    repr: Repr<'a, T>,
}

enum Repr<'a, T> {
    Raw {
        bytes: &'a [u8],
        len: usize,
        cx: Cx,
        sep: Sep,
        item: core::marker::PhantomData<T>,
    },
    Owned(Vec<T>),
}

impl<'a, T> List<'a, T> {
    /// An empty list.
    pub const fn new() -> Self {
        Self {
            repr: Repr::Owned(Vec::new()),
        }
    }

    /// A list over validated bytes: `bytes` must hold exactly `len` items that
    /// [`ListItem::parse_item`] accepts under `cx`, separated by `sep`.
    pub(crate) fn raw(bytes: &'a [u8], len: usize, cx: Cx, sep: Sep) -> Self {
        Self {
            repr: Repr::Raw {
                bytes,
                len,
                cx,
                sep,
                item: core::marker::PhantomData,
            },
        }
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        match &self.repr {
            Repr::Raw { len, .. } => *len,
            Repr::Owned(v) => v.len(),
        }
    }

    /// Whether the list has no items.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The items, in order. Parsed lists produce each item by parsing it again from the
    /// input; built lists clone it.
    pub fn iter(&self) -> Iter<'a, '_, T>
    where
        T: ListItem<'a>,
    {
        match &self.repr {
            Repr::Raw {
                bytes,
                len,
                cx,
                sep,
                ..
            } => Iter(IterRepr::Raw {
                rest: bytes,
                left: *len,
                // The bytes were accepted when the list was built.
                cx: cx.trusting(),
                skip: match sep {
                    Sep::Comma => b',',
                    Sep::Space | Sep::Nothing => b' ',
                },
            }),
            Repr::Owned(v) => Iter(IterRepr::Owned(v.iter())),
        }
    }

    /// The items as a vector.
    pub fn to_vec(&self) -> Vec<T>
    where
        T: ListItem<'a>,
    {
        self.iter().collect()
    }

    /// Appends an item, turning a parsed list into a built one first.
    pub fn push(&mut self, value: T)
    where
        T: ListItem<'a>,
    {
        if let Repr::Raw { .. } = self.repr {
            self.repr = Repr::Owned(self.to_vec());
        }
        if let Repr::Owned(v) = &mut self.repr {
            v.push(value);
        }
    }
}

impl<T> Default for List<'_, T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> From<Vec<T>> for List<'_, T> {
    fn from(v: Vec<T>) -> Self {
        Self {
            repr: Repr::Owned(v),
        }
    }
}

impl<T> FromIterator<T> for List<'_, T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Self {
            repr: Repr::Owned(iter.into_iter().collect()),
        }
    }
}

impl<T: Clone> Clone for List<'_, T> {
    fn clone(&self) -> Self {
        Self {
            repr: match &self.repr {
                Repr::Raw {
                    bytes,
                    len,
                    cx,
                    sep,
                    item,
                } => Repr::Raw {
                    bytes,
                    len: *len,
                    cx: *cx,
                    sep: *sep,
                    item: *item,
                },
                Repr::Owned(v) => Repr::Owned(v.clone()),
            },
        }
    }
}

impl<'a, T: ListItem<'a> + PartialEq> PartialEq for List<'a, T> {
    fn eq(&self, other: &Self) -> bool {
        if let (
            Repr::Raw {
                bytes: a, cx: ca, ..
            },
            Repr::Raw {
                bytes: b, cx: cb, ..
            },
        ) = (&self.repr, &other.repr)
        {
            // The same bytes read under another configuration may be other items.
            if a == b && ca.cfg == cb.cfg {
                return true;
            }
        }
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl<'a, T: ListItem<'a> + Eq> Eq for List<'a, T> {}

impl<'a, T: ListItem<'a> + Hash> Hash for List<'a, T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.len().hash(state);
        for item in self.iter() {
            item.hash(state);
        }
    }
}

impl<'a, T: ListItem<'a> + fmt::Debug> fmt::Debug for List<'a, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a, T: ListItem<'a> + IntoStatic> IntoStatic for List<'a, T> {
    type Static = List<'static, T::Static>;

    fn into_static(self) -> Self::Static {
        match self.repr {
            Repr::Owned(v) => List::from(v.into_static()),
            Repr::Raw { .. } => self.iter().map(IntoStatic::into_static).collect(),
        }
    }
}

impl<'a, 'l, T: ListItem<'a>> IntoIterator for &'l List<'a, T> {
    type Item = T;
    type IntoIter = Iter<'a, 'l, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// Iterator over the items of a [`List`].
pub struct Iter<'a, 'l, T>(IterRepr<'a, 'l, T>);

enum IterRepr<'a, 'l, T> {
    Raw {
        rest: &'a [u8],
        left: usize,
        cx: Cx,
        /// The separator byte skipped before an item.
        skip: u8,
    },
    Owned(core::slice::Iter<'l, T>),
}

impl<'a, T: ListItem<'a>> Iterator for Iter<'a, '_, T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        match &mut self.0 {
            IterRepr::Owned(it) => it.next().cloned(),
            IterRepr::Raw {
                rest,
                left,
                cx,
                skip,
            } => {
                if *left == 0 {
                    return None;
                }
                let start = rest.iter().position(|&b| b != *skip).unwrap_or(rest.len());
                // INVARIANT: the bytes were accepted by the same parser under the same
                // context when the list was built; a failure here would be a parser bug, and
                // ends the iteration rather than panicking.
                let Ok((after, value)) = T::parse_item(cx, &rest[start..]) else {
                    *left = 0;
                    return None;
                };
                *rest = after;
                *left -= 1;
                Some(value)
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = match &self.0 {
            IterRepr::Owned(it) => it.len(),
            IterRepr::Raw { left, .. } => *left,
        };
        (n, Some(n))
    }
}

impl<'a, T: ListItem<'a>> ExactSizeIterator for Iter<'a, '_, T> {}

#[cfg(feature = "arbitrary")]
impl<'a, T: arbitrary::Arbitrary<'a>> arbitrary::Arbitrary<'a> for List<'a, T> {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(Self::from(Vec::<T>::arbitrary(u)?))
    }
}

/// A [`List`] with at least one item: the grammar's parenthesised `1*item`, where an empty
/// list could not be written.
///
/// It dereferences to the [`List`], so it iterates and counts like one.
///
/// ```
/// use imap_wire::types::list::{List, NonEmptyList};
/// use imap_wire::Atom;
/// let one = NonEmptyList::one(Atom::new("A").unwrap());
/// assert_eq!(one.len(), 1);
/// assert!(NonEmptyList::new(List::<'_, Atom<'_>>::new()).is_err());
/// ```
pub struct NonEmptyList<'a, T>(List<'a, T>);

impl<'a, T> NonEmptyList<'a, T> {
    /// Checks that `list` has an item.
    ///
    /// # Errors
    /// [`ValidationReason::Empty`](crate::ValidationReason::Empty) for an empty list.
    pub fn new(list: List<'a, T>) -> Result<Self, crate::ValidationError> {
        if list.is_empty() {
            return Err(crate::ValidationError::new(
                "list",
                crate::ValidationReason::Empty,
            ));
        }
        Ok(Self(list))
    }

    /// A list of one item.
    pub fn one(item: T) -> Self {
        Self(List::from(alloc::vec![item]))
    }

    /// A list the parser has checked to be non-empty.
    pub(crate) fn parsed(list: List<'a, T>) -> Self {
        debug_assert!(!list.is_empty(), "empty list where one item is required");
        Self(list)
    }

    /// The list.
    pub fn as_list(&self) -> &List<'a, T> {
        &self.0
    }

    /// Returns the list.
    pub fn into_list(self) -> List<'a, T> {
        self.0
    }
}

impl<'a, T> core::ops::Deref for NonEmptyList<'a, T> {
    type Target = List<'a, T>;

    fn deref(&self) -> &List<'a, T> {
        &self.0
    }
}

impl<'a, T> TryFrom<Vec<T>> for NonEmptyList<'a, T> {
    type Error = crate::ValidationError;

    fn try_from(v: Vec<T>) -> Result<Self, crate::ValidationError> {
        Self::new(List::from(v))
    }
}

impl<T: Clone> Clone for NonEmptyList<'_, T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<'a, T: ListItem<'a> + PartialEq> PartialEq for NonEmptyList<'a, T> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl<'a, T: ListItem<'a> + Eq> Eq for NonEmptyList<'a, T> {}

impl<'a, T: ListItem<'a> + Hash> Hash for NonEmptyList<'a, T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

impl<'a, T: ListItem<'a> + fmt::Debug> fmt::Debug for NonEmptyList<'a, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<'a, T: ListItem<'a> + IntoStatic> IntoStatic for NonEmptyList<'a, T> {
    type Static = NonEmptyList<'static, T::Static>;

    fn into_static(self) -> Self::Static {
        NonEmptyList(self.0.into_static())
    }
}

#[cfg(feature = "arbitrary")]
impl<'a, T: arbitrary::Arbitrary<'a>> arbitrary::Arbitrary<'a> for NonEmptyList<'a, T> {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        let mut v = alloc::vec![T::arbitrary(u)?];
        v.extend(Vec::<T>::arbitrary(u)?);
        Ok(Self(List::from(v)))
    }
}
