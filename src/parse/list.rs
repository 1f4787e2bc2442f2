//! Parsers of lists: items one after another, with a space, a comma or nothing between them.
//!
//! Each returns a [`List`] over the validated bytes, so no list costs an allocation.

#![allow(dead_code, reason = "called by grammar areas not yet in the crate")]

use super::{Cx, PResult, byte, expected, fail};
use crate::config::Leniency;
use crate::error::ErrorKind;
use crate::types::list::{List, ListItem};

/// What stands between two items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sep {
    /// One `SP` (`flag *(SP flag)`).
    Space,
    /// Nothing (`1*address`, `1*body`).
    Nothing,
    /// One `","` (`sequence-set`, `uid-set`).
    Comma,
}

impl Sep {
    /// The separating byte, if any.
    const fn byte(self) -> Option<u8> {
        match self {
            Self::Space => Some(b' '),
            Self::Comma => Some(b','),
            Self::Nothing => None,
        }
    }
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
        let at = match sep.byte() {
            Some(b) if count > 0 => match rest.first() {
                Some(&c) if c == b => extra_spaces(cx, &rest[1..], sep, Leniency::EXTRA_SPACE),
                _ => break,
            },
            None if count > 0 => extra_spaces(cx, rest, sep, Leniency::SPACE_BETWEEN_ADDRESSES),
            _ => rest,
        };
        let skipped = if cx.trusted() {
            T::skip_trusted(cx, at)
        } else {
            T::skip_item(cx, at)
        };
        match skipped {
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
    Ok((rest, List::raw(&start[..used], count, *cx, sep)))
}

/// The end of one parenthesised group in input already accepted by a parser: balances the
/// parentheses, stepping over quoted strings and literals (the only places a parenthesis may
/// stand for itself). Checks nothing else; see [`ListItem::skip_trusted`].
pub(crate) fn skip_group(i: &[u8]) -> PResult<'_, ()> {
    if i.first() != Some(&b'(') {
        return expected(i, "\"(\"");
    }
    let mut depth = 0usize;
    let mut pos = 0;
    while let Some(&b) = i.get(pos) {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Ok((&i[pos + 1..], ()));
                }
            }
            b'"' => loop {
                pos += 1;
                match memchr::memchr2(b'"', b'\\', &i[pos..]) {
                    Some(n) if i[pos + n] == b'"' => {
                        pos += n;
                        break;
                    }
                    Some(n) => pos += n + 1,
                    None => return fail(&i[pos..], ErrorKind::Incomplete),
                }
            },
            b'{' => {
                if let Ok((after, (n, _))) = super::primitive::literal_header(&i[pos..]) {
                    let data = i.len() - after.len();
                    match usize::try_from(n).ok().and_then(|n| data.checked_add(n)) {
                        Some(end) if end <= i.len() => {
                            pos = end;
                            continue;
                        }
                        _ => return fail(&i[pos..], ErrorKind::Incomplete),
                    }
                }
            }
            _ => {}
        }
        pos += 1;
    }
    fail(&i[pos.min(i.len())..], ErrorKind::Incomplete)
}

/// Under `leniency`, the spaces at the start of `i` are skipped in a list separated by SP or
/// by nothing; [`List`]'s iteration skips them the same way.
#[inline]
fn extra_spaces<'a>(cx: &Cx, i: &'a [u8], sep: Sep, leniency: Leniency) -> &'a [u8] {
    if sep == Sep::Comma || !cx.allows(leniency) {
        return i;
    }
    spaces_skipped(i)
}

/// `i` without its leading spaces.
#[inline]
pub(crate) fn spaces_skipped(i: &[u8]) -> &[u8] {
    let n = i.iter().take_while(|&&b| b == b' ').count();
    &i[n..]
}

/// `"(" [item *(sep item)] ")"`, one nesting level deeper.
///
/// Under [`Leniency::SPACE_BEFORE_CLOSE`], spaces before the `)` are skipped.
pub(crate) fn paren_list<'a, T: ListItem<'a>>(
    cx: &Cx,
    i: &'a [u8],
    sep: Sep,
    min: usize,
) -> PResult<'a, List<'a, T>> {
    let (rest, ()) = byte(b'(', "\"(\"")(i)?;
    let inner = cx.descend(i)?;
    let (rest, list) = items(&inner, rest, sep, min)?;
    let rest = close_spaces(cx, rest);
    let (rest, ()) = byte(b')', "\")\"")(rest)?;
    Ok((rest, list))
}

/// Under [`Leniency::SPACE_BEFORE_CLOSE`], `i` without the spaces before a `)`.
#[inline]
pub(crate) fn close_spaces<'a>(cx: &Cx, i: &'a [u8]) -> &'a [u8] {
    let skipped = spaces_skipped(i);
    if cx.allows(Leniency::SPACE_BEFORE_CLOSE) && skipped.first() == Some(&b')') {
        skipped
    } else {
        i
    }
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
        let cx = Cx::new(&ParseConfig::strict());
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
        let cx = Cx::new(&ParseConfig::strict());
        let (rest, list) = items::<Atom<'_>>(&cx, b"A B (", Sep::Space, 1).unwrap();
        assert_eq!(rest, b" (");
        assert_eq!(list, atoms(&["A", "B"]));
    }

    #[test]
    fn comma_lists_skip_only_commas() {
        use crate::types::sequence::{SeqNumber, Sequence};
        let cx = Cx::new(&ParseConfig::strict());
        let (rest, list) = items::<Sequence>(&cx, b"1,2:*, x", Sep::Comma, 1).unwrap();
        assert_eq!(rest, b", x");
        let one = core::num::NonZeroU32::MIN;
        let two = one.saturating_add(1);
        assert_eq!(
            list.to_vec(),
            [
                Sequence::Single(SeqNumber::Value(one)),
                Sequence::Range(SeqNumber::Value(two), SeqNumber::Largest),
            ]
        );
        // A space does not separate comma items, and a comma does not separate spaced ones:
        // an atom may start with a comma.
        let (rest, list) = items::<Sequence>(&cx, b"1 2", Sep::Comma, 1).unwrap();
        assert_eq!((rest, list.len()), (&b" 2"[..], 1));
        let (rest, list) = items::<Atom<'_>>(&cx, b"A ,B", Sep::Space, 1).unwrap();
        assert_eq!(rest, b"");
        assert_eq!(list, atoms(&["A", ",B"]));
        assert!(items::<Sequence>(&cx, b",1", Sep::Comma, 1).is_err());
    }

    #[test]
    fn skip_group_balances_around_strings_and_literals() {
        let input = b"(a \"x)y\\\"(\" {3}\r\n)(( (b)) rest";
        let (rest, ()) = skip_group(input).unwrap();
        assert_eq!(rest, b" rest");
        let (rest, ()) = skip_group(b"((a)(b c)) x").unwrap();
        assert_eq!(rest, b" x");
        assert!(skip_group(b"(a (b)").is_err(), "unbalanced");
        assert!(skip_group(b"(\"open)").is_err(), "unterminated string");
        assert!(skip_group(b"({9}\r\nab)").is_err(), "short literal");
        assert!(skip_group(b"a)").is_err(), "not a group");
    }

    #[test]
    fn depth_limit_is_a_failure() {
        let cx = Cx::new(&ParseConfig::strict().with_max_depth(0));
        assert!(matches!(
            paren_list::<Atom<'_>>(&cx, b"(A)", Sep::Space, 0),
            Err(nom::Err::Failure(_))
        ));
    }
}
