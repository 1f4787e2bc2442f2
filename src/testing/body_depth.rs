//! Nesting limits of the body structure: hostile depth is refused at the configured limit in
//! bounded stack (each test runs on a thread with a 256 KiB stack, debug build included), and
//! what was accepted can be walked to the bottom. Also checks that the checker lists use
//! ([`skip_body`]) accepts exactly what the parser does.

use alloc::vec::Vec;

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::error::{ErrorKind, ParseError};
use crate::parse::Cx;
use crate::parse::Parse;
use crate::parse::body::{body, skip_body};
use crate::testing::body::body as any_body;
use crate::types::body::{Body, SinglePartKind};

/// Runs `f` on a thread with a 256 KiB stack: a recursion that the depth limit did not bound
/// would overflow it.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

const LEAF: &[u8] = b"(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1)";
const MESSAGE_HEAD: &[u8] = b"(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 0 ";
const NIL_ENVELOPE: &[u8] = b"(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) ";

/// `levels` multiparts, each holding the next, around a text part.
fn nested_multiparts(levels: usize) -> Vec<u8> {
    let mut v = alloc::vec![b'('; levels];
    v.extend_from_slice(LEAF);
    for _ in 0..levels {
        v.extend_from_slice(b" \"MIXED\")");
    }
    v
}

/// `levels` message/rfc822 parts, each encapsulating the next, around a text part.
fn nested_messages(levels: usize) -> Vec<u8> {
    let mut v = Vec::new();
    for _ in 0..levels {
        v.extend_from_slice(MESSAGE_HEAD);
        v.extend_from_slice(NIL_ENVELOPE);
    }
    v.extend_from_slice(LEAF);
    for _ in 0..levels {
        v.extend_from_slice(b" 1)");
    }
    v
}

/// Follows the first child (or encapsulated body) down to a leaf; returns how many bodies it
/// passed through, the leaf included.
fn walk_down(top: Body<'_>) -> usize {
    let mut levels = 1;
    let mut at = top;
    loop {
        let next = match &at {
            Body::Multi(m) => m.parts.iter().next(),
            Body::Single(s) => match &s.kind {
                SinglePartKind::Message(m) => Some(m.body()),
                _ => None,
            },
        };
        let Some(next) = next else { return levels };
        at = next;
        levels += 1;
    }
}

#[test]
fn a_megabyte_of_parentheses_is_too_deep() {
    let err = on_small_stack(|| {
        let bytes = alloc::vec![b'('; 1 << 20];
        Body::parse(&bytes).unwrap_err()
    });
    // Bodies at depths 0 to 63 open; the 65th parenthesis is one too many.
    assert_eq!(
        err,
        ParseError {
            kind: ErrorKind::TooDeep,
            offset: 64
        }
    );
}

#[test]
fn a_hundred_thousand_nested_messages_are_too_deep() {
    let err = on_small_stack(|| Body::parse(&nested_messages(100_000)).unwrap_err());
    // The body of level 63 sits at depth 63; its envelope would be level 64.
    let level = MESSAGE_HEAD.len() + NIL_ENVELOPE.len();
    assert_eq!(
        err,
        ParseError {
            kind: ErrorKind::TooDeep,
            offset: 63 * level + MESSAGE_HEAD.len()
        }
    );
}

#[test]
fn deep_multiparts_and_extensions_are_too_deep() {
    let err = on_small_stack(|| Body::parse(&nested_multiparts(100_000)).unwrap_err());
    assert_eq!(
        err,
        ParseError {
            kind: ErrorKind::TooDeep,
            offset: 64
        }
    );
    let head = b"(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1 NIL NIL NIL NIL ";
    let err = on_small_stack(move || {
        let mut bytes = head.to_vec();
        bytes.resize(head.len() + (1 << 20), b'(');
        Body::parse(&bytes).unwrap_err()
    });
    // The body is depth 1; extension lists open at 1 to 63.
    assert_eq!(
        err,
        ParseError {
            kind: ErrorKind::TooDeep,
            offset: head.len() + 63
        }
    );
}

#[test]
fn the_limit_is_exact_and_accepted_depth_can_be_walked() {
    for max in [1u32, 2, 10, 64] {
        let cfg = ParseConfig::default().with_max_depth(max);
        let depth = max as usize;
        // `depth` bodies: the multiparts and the leaf.
        let ok = nested_multiparts(depth - 1);
        let parsed = Body::parse_with(&ok, &cfg).unwrap();
        assert_eq!(walk_down(parsed), depth);
        let deeper = nested_multiparts(depth);
        assert_eq!(
            Body::parse_with(&deeper, &cfg).unwrap_err().kind,
            ErrorKind::TooDeep
        );
        if depth >= 2 {
            // A message costs one level more than its body: its envelope.
            let ok = nested_messages(depth - 1);
            let parsed = Body::parse_with(&ok, &cfg).unwrap();
            assert_eq!(walk_down(parsed), depth);
            assert_eq!(
                Body::parse_with(&nested_messages(depth), &cfg)
                    .unwrap_err()
                    .kind,
                ErrorKind::TooDeep
            );
        }
    }
    // Walking the deepest accepted structures re-parses every level, in bounded stack.
    let levels = on_small_stack(|| {
        let multi = nested_multiparts(63);
        let messages = nested_messages(63);
        (
            walk_down(Body::parse(&multi).unwrap()),
            walk_down(Body::parse(&messages).unwrap()),
        )
    });
    assert_eq!(levels, (64, 64));
}

proptest! {
    #![proptest_config(ProptestConfig {
        // The checker is compared on mutations of generated bodies; fewer cases than the
        // round trips suffice, as each case covers a whole structure.
        cases: 2_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_checker_accepts_exactly_what_the_parser_does(
        v in any_body(),
        at in any::<proptest::sample::Index>(),
        byte in prop_oneof![Just(b'('), Just(b')'), Just(b' '), Just(b'"'), Just(b'0'), any::<u8>()],
        cut in any::<bool>(),
        max in 1u32..12,
    ) {
        let mut bytes = crate::to_vec(&v);
        let k = at.index(bytes.len());
        if cut {
            bytes.truncate(k);
        } else {
            bytes[k] = byte;
        }
        let cx = Cx::new(&ParseConfig::default().with_max_depth(max));
        let checked = skip_body(&cx, &bytes).map(|(rest, ())| rest);
        let parsed = body(&cx, &bytes).map(|(rest, _)| rest);
        prop_assert_eq!(checked, parsed);
    }
}
