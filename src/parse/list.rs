//! Parsers of lists: items one after another, with or without a space between them.
//!
//! Each returns a [`List`] over the validated bytes, so no list costs an allocation.

#![allow(dead_code, reason = "called by grammar areas not yet in the crate")]

use super::{Cx, PResult, byte, expected};
use crate::types::list::{List, ListItem};

/// What stands between two items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sep {
    /// One `SP` (`flag *(SP flag)`).
    Space,
    /// Nothing (`1*address`, `1*body`).
    Nothing,
}

/// Items separated by `sep`; stops before the first byte that does not continue the list (a
/// trailing separator is left unconsumed). Fails below `min` items.
pub(crate) fn items<'a, T: ListItem<'a>>(
    cx: &Cx,
    i: &'a [u8],
    sep: Sep,
    min: usize,
) -> PResult<'a, List<'a, T>> {
    let start = i;
    let mut rest = i;
    let mut count = 0usize;
    loop {
        let at = if count > 0 && sep == Sep::Space {
            match rest.first() {
                Some(b' ') => &rest[1..],
                _ => break,
            }
        } else {
            rest
        };
        match T::parse_item(cx, at) {
            Ok((after, _)) => {
                rest = after;
                count += 1;
            }
            Err(nom::Err::Error(e)) => {
                if count < min {
                    return Err(nom::Err::Error(e));
                }
                break;
            }
            Err(e) => return Err(e),
        }
    }
    if count < min {
        return expected(rest, "list item");
    }
    let used = start.len() - rest.len();
    Ok((rest, List::raw(&start[..used], count, *cx)))
}

/// `"(" [item *(sep item)] ")"`, one nesting level deeper.
pub(crate) fn paren_list<'a, T: ListItem<'a>>(
    cx: &Cx,
    i: &'a [u8],
    sep: Sep,
    min: usize,
) -> PResult<'a, List<'a, T>> {
    let (rest, ()) = byte(b'(', "\"(\"")(i)?;
    let inner = cx.descend(i)?;
    let (rest, list) = items(&inner, rest, sep, min)?;
    let (rest, ()) = byte(b')', "\")\"")(rest)?;
    Ok((rest, list))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ParseConfig;
    use crate::types::primitive::Atom;

    fn atoms(v: &[&'static str]) -> List<'static, Atom<'static>> {
        v.iter().map(|s| Atom::new(*s).unwrap()).collect()
    }

    #[test]
    fn parses_and_iterates_without_copying() {
        let cx = Cx::new(&ParseConfig::default());
        let (rest, list) = paren_list::<Atom<'_>>(&cx, b"(A BB CCC) x", Sep::Space, 0).unwrap();
        assert_eq!(rest, b" x");
        assert_eq!(list.len(), 3);
        assert_eq!(list, atoms(&["A", "BB", "CCC"]));
        assert_ne!(list, atoms(&["A", "BB", "CC"]));
        let (_, empty) = paren_list::<Atom<'_>>(&cx, b"()", Sep::Space, 0).unwrap();
        assert!(empty.is_empty());
        assert!(paren_list::<Atom<'_>>(&cx, b"()", Sep::Space, 1).is_err());
        assert!(paren_list::<Atom<'_>>(&cx, b"(A )", Sep::Space, 0).is_err());
        assert!(paren_list::<Atom<'_>>(&cx, b"(A  B)", Sep::Space, 0).is_err());
    }

    #[test]
    fn stops_before_a_trailing_separator() {
        let cx = Cx::new(&ParseConfig::default());
        let (rest, list) = items::<Atom<'_>>(&cx, b"A B (", Sep::Space, 1).unwrap();
        assert_eq!(rest, b" (");
        assert_eq!(list, atoms(&["A", "B"]));
    }

    #[test]
    fn depth_limit_is_a_failure() {
        let cx = Cx::new(&ParseConfig::default().with_max_depth(0));
        assert!(matches!(
            paren_list::<Atom<'_>>(&cx, b"(A)", Sep::Space, 0),
            Err(nom::Err::Failure(_))
        ));
    }
}
