//! Tolerant reading of FETCH items: when an item does not parse, its extent is found with a
//! loose scan (balanced brackets and parentheses, quoted strings, literals) so that it can be
//! kept as raw bytes and the next item read.
//!
//! The scan never looks past the line end of the message, except inside a literal, whose
//! length it takes from the announcement; it builds nothing and uses no recursion.

use alloc::borrow::Cow;

use super::message::msg_att_item;
use super::primitive::literal_header;
use super::{Cx, PResult};
use crate::config::Leniency;
use crate::types::message::MessageAttribute;
use crate::types::tolerance::MalformedItem;

/// `msg_att_item`, or under [`Leniency::MALFORMED_ITEM`] the item's raw bytes and error when
/// it does not parse.
pub(crate) fn msg_att_item_tolerant<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, MessageAttribute<'a>> {
    match msg_att_item(cx, i) {
        Err(nom::Err::Error(e)) if cx.allows(Leniency::MALFORMED_ITEM) => {
            let Some(len) = item_extent(i) else {
                return Err(nom::Err::Error(e));
            };
            let mut error = e.at(i.len());
            error.offset = error.offset.min(len);
            let raw = Cow::Borrowed(&i[..len]);
            Ok((
                &i[len..],
                MessageAttribute::Malformed(MalformedItem { raw, error }),
            ))
        }
        other => other,
    }
}

/// The length of the item at the start of `i`: a name (with any `[...]` and `<...>` parts),
/// then, after spaces, one value, unless the list closes first. `None` when `i` does not
/// start with an item.
pub(crate) fn item_extent(i: &[u8]) -> Option<usize> {
    let mut pos = 0;
    let mut bracket = 0usize;
    while let Some(&b) = i.get(pos) {
        match b {
            b'[' => bracket += 1,
            b']' if bracket > 0 => bracket -= 1,
            b'"' if bracket > 0 => pos += quoted_extent(&i[pos..])? - 1,
            b' ' | b'(' | b')' if bracket > 0 => {}
            b' ' | b'(' | b')' | b'{' | b'"' | b'\r' | b'\n' => break,
            _ => {}
        }
        pos += 1;
    }
    if pos == 0 || bracket > 0 {
        return None;
    }
    let name_end = pos;
    let after = &i[name_end..];
    let spaces = after.iter().take_while(|&&b| b == b' ').count();
    match after.get(spaces) {
        None | Some(b')' | b'\r' | b'\n') => Some(name_end),
        Some(_) => Some(name_end + spaces + value_extent(&after[spaces..])?),
    }
}

/// The length of one value: a parenthesised group, a quoted string, a literal or a token.
fn value_extent(i: &[u8]) -> Option<usize> {
    let mut pos = 0;
    let mut depth = 0usize;
    loop {
        let b = *i.get(pos)?;
        match b {
            b'(' => depth += 1,
            b')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(pos + 1);
                }
            }
            b'"' => pos += quoted_extent(&i[pos..])? - 1,
            b'{' | b'~' => match literal_extent(&i[pos..]) {
                Some(n) => pos += n - 1,
                None if depth == 0 => return token_extent(i),
                None => {}
            },
            b'\r' | b'\n' => return None,
            _ if depth == 0 => return token_extent(i),
            _ => {}
        }
        pos += 1;
        if depth == 0 {
            return Some(pos);
        }
    }
}

/// A bare token: up to SP, a parenthesis, or the line end.
fn token_extent(i: &[u8]) -> Option<usize> {
    let n = i
        .iter()
        .position(|&b| matches!(b, b' ' | b'(' | b')' | b'\r' | b'\n'))
        .unwrap_or(i.len());
    (n > 0).then_some(n)
}

/// A quoted string with `\` escaping the next byte, on one line.
fn quoted_extent(i: &[u8]) -> Option<usize> {
    let mut pos = 1;
    loop {
        match *i.get(pos)? {
            b'"' => return Some(pos + 1),
            b'\\' => pos += 2,
            b'\r' | b'\n' => return None,
            _ => pos += 1,
        }
    }
}

/// A literal or `literal8`, announcement and data.
fn literal_extent(i: &[u8]) -> Option<usize> {
    let start = usize::from(i.first() == Some(&b'~'));
    let Ok((rest, (n, _))) = literal_header(&i[start..]) else {
        return None;
    };
    let n = usize::try_from(n).ok()?;
    (n <= rest.len()).then(|| i.len() - rest.len() + n)
}
