//! Parsing a body structure or an envelope, and walking every part of it, allocates nothing.
//!
//! The check counts the allocations of this thread through a counting global allocator, which
//! needs `unsafe` (the library itself forbids it); the file holds one test so that no other
//! test's allocations interleave.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use imap_wire::types::body::SinglePartKind;
use imap_wire::{AddressOrGroup, Body, BodyExtension, Envelope, IString, Parse};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded to the system allocator unchanged; counting touches only a
// thread-local `Cell` that needs no allocation.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
        // SAFETY: the caller's contract is passed on as it is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

/// multipart/mixed: multipart/alternative (text, html), a PDF attachment, and a forwarded
/// message whose body is a multipart; with extension data.
const BODYSTRUCTURE: &[u8] = b"(\
((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"UTF-8\") NIL NIL \"QUOTED-PRINTABLE\" 1234 40 NIL NIL NIL NIL)\
(\"TEXT\" \"HTML\" (\"CHARSET\" \"UTF-8\") NIL NIL \"QUOTED-PRINTABLE\" 5678 120 NIL NIL NIL NIL) \
\"ALTERNATIVE\" (\"BOUNDARY\" \"alt\") NIL NIL NIL)\
(\"APPLICATION\" \"PDF\" (\"NAME\" \"report.pdf\") NIL NIL \"BASE64\" 102400 NIL \
(\"ATTACHMENT\" (\"FILENAME\" \"report.pdf\")) (\"EN\" \"DE\") \"loc\" 42 (\"a\" (1 \"b\")))\
(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 3000 \
(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"Fwd: hello\" ((\"Ann\" NIL \"ann\" \"example.com\")) \
NIL NIL ((NIL NIL \"team\" NIL)(NIL NIL \"bob\" \"example.org\")(NIL NIL NIL NIL)) NIL NIL NIL \
\"<m1@example.com>\") \
((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 200 5)(\"IMAGE\" \"PNG\" NIL NIL NIL \"BASE64\" 10) \
\"MIXED\") 60 NIL (\"INLINE\" NIL) NIL NIL) \
\"MIXED\" (\"BOUNDARY\" \"mixed\") NIL NIL NIL)";

/// Visits every value of a body; returns how many parts it saw.
fn walk(body: &Body<'_>) -> usize {
    match body {
        Body::Multi(m) => {
            let mut n = 1;
            for part in m.parts.iter() {
                n += walk(&part);
            }
            if let Some(ext) = &m.extension {
                assert!(ext.params.iter().all(|p| !p.name.as_bytes().is_empty()));
            }
            n
        }
        Body::Single(s) => {
            assert!(s.fields.params.iter().count() <= 1);
            if let Some(d) = s.disposition_ext() {
                for tag in d.language().into_iter().flat_map(|l| l.iter()) {
                    assert_eq!(tag.as_bytes().len(), 2);
                }
                if let Some(loc) = d.rest.as_ref().and_then(|l| l.rest.as_ref()) {
                    for e in loc.extensions.iter() {
                        if let BodyExtension::List(items) = e {
                            assert_eq!(items.iter().count(), 2);
                        }
                    }
                }
            }
            match &s.kind {
                SinglePartKind::Message(m) => {
                    let env = m.envelope();
                    assert_eq!(env.subject.as_bytes(), Some(&b"Fwd: hello"[..]));
                    let mut groups = env.to.groups();
                    assert!(matches!(groups.next(), Some(AddressOrGroup::GroupStart(_))));
                    assert!(matches!(groups.next(), Some(AddressOrGroup::Mailbox(_))));
                    assert_eq!(groups.next(), Some(AddressOrGroup::GroupEnd));
                    1 + walk(&m.body())
                }
                _ => 1,
            }
        }
    }
}

#[test]
fn parsing_and_walking_allocates_nothing() {
    let mut parts = 0;
    let n = allocations(|| {
        let body = Body::parse(BODYSTRUCTURE).unwrap();
        parts = walk(&body);
        let env = Envelope::parse(
            b"(\"date\" \"subject\" ((\"A\" NIL \"a\" \"x\")) NIL NIL NIL NIL NIL NIL \"<id>\")",
        )
        .unwrap();
        assert_eq!(env.from.iter().count(), 1);
    });
    assert_eq!(parts, 9);
    assert_eq!(n, 0);
    // The counter does count: a quoted string with an escape is copied.
    let n = allocations(|| {
        let _ = IString::parse(b"\"a\\\"b\"").unwrap();
    });
    assert!(n >= 1);
}
