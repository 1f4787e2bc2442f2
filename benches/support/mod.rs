//! Shared bench support: realistic IMAP streams and an allocation counter.

#![allow(dead_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering};

/// Counts allocations made through the global allocator.
pub struct Counting;

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's pointer and layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded with the caller's arguments.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// Allocations so far.
pub fn allocations() -> u64 {
    ALLOCATIONS.load(Ordering::Relaxed)
}

/// `n` FETCH responses as a mail client sees them when it syncs a mailbox: UID, FLAGS,
/// INTERNALDATE, RFC822.SIZE, ENVELOPE and a nested multipart BODYSTRUCTURE; every tenth also
/// carries a header literal.
pub fn fetch_stream(n: usize) -> Vec<u8> {
    let mut v = Vec::new();
    for k in 1..=n {
        let line = format!(
            "* {k} FETCH (UID {uid} FLAGS (\\Seen $Forwarded) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" \
             RFC822.SIZE {size} ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg summary and minutes {k}\" \
             ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) \
             ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((NIL NIL \"imap\" \"cac.washington.edu\")) \
             ((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) NIL NIL \
             \"<B27397-0100000@cac.washington.edu>\") BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92 NIL NIL NIL)\
             ((\"TEXT\" \"HTML\" (\"CHARSET\" \"UTF-8\") NIL NIL \"QUOTED-PRINTABLE\" 8211 151 NIL NIL NIL)(\"IMAGE\" \"PNG\" (\"NAME\" \"logo.png\") \"<logo@x>\" NIL \"BASE64\" 20480 NIL (\"INLINE\" (\"FILENAME\" \"logo.png\")) NIL) \"RELATED\" (\"BOUNDARY\" \"b2\") NIL NIL) \
             \"MIXED\" (\"BOUNDARY\" \"b1\") NIL NIL)",
            uid = 1000 + k,
            size = 4000 + k * 7
        );
        v.extend_from_slice(line.as_bytes());
        if k % 10 == 0 {
            let header = "From: Terry Gray <gray@cac.washington.edu>\r\nSubject: minutes\r\n\r\n";
            v.extend_from_slice(
                format!(" BODY[HEADER] {{{}}}\r\n{header}", header.len()).as_bytes(),
            );
        }
        v.extend_from_slice(b")\r\n");
    }
    v
}

/// A stream of `n` FETCH responses each carrying a message body literal of `body` bytes.
pub fn literal_stream(n: usize, body: usize) -> Vec<u8> {
    let mut v = Vec::new();
    let text: Vec<u8> = (0..body)
        .map(|k| {
            if k % 78 == 77 {
                b'\n'
            } else {
                b'a' + (k % 26) as u8
            }
        })
        .collect();
    for k in 1..=n {
        v.extend_from_slice(format!("* {k} FETCH (UID {k} BODY[] {{{body}}}\r\n").as_bytes());
        v.extend_from_slice(&text);
        v.extend_from_slice(b")\r\n");
    }
    v
}

/// A SEARCH response with `n` numbers.
pub fn search_response(n: u32) -> Vec<u8> {
    let mut search = b"* SEARCH".to_vec();
    for k in 0..n {
        search.extend_from_slice(format!(" {}", 1000 + k * 3).as_bytes());
    }
    search.extend_from_slice(b"\r\n");
    search
}

/// `n` commands of four kinds in turn: UID FETCH with header fields, UID SEARCH with nested
/// OR and NOT, STORE, APPEND with a literal.
pub fn mixed_commands(n: usize) -> Vec<Vec<u8>> {
    (0..n)
        .map(|k| match k % 4 {
            0 => format!("a{k} UID FETCH {}:* (UID FLAGS BODY.PEEK[HEADER.FIELDS (DATE FROM SUBJECT TO CC MESSAGE-ID)])\r\n", k + 1).into_bytes(),
            1 => format!("a{k} UID SEARCH OR (FROM \"smith\" SINCE 1-Feb-1994) NOT (SEEN OR DELETED UID 1:{})\r\n", k + 1).into_bytes(),
            2 => format!("a{k} STORE {} +FLAGS.SILENT (\\Seen $Forwarded)\r\n", k + 1).into_bytes(),
            _ => {
                let body = "From: a@b.example\r\nSubject: hello\r\n\r\nbody text\r\n";
                format!("a{k} APPEND INBOX (\\Seen) {{{}}}\r\n{body}\r\n", body.len()).into_bytes()
            }
        })
        .collect()
}

/// The messages of a server stream, framed by the crate's framer.
pub fn framed_responses(stream: &[u8]) -> Vec<Vec<u8>> {
    use imap_wire::framing::{FrameEvent, Framer, FramerConfig, Role};
    let mut framer = Framer::new(FramerConfig::new(Role::Responses));
    framer.push(stream);
    let mut out = Vec::new();
    while let Some(event) = framer.next_event() {
        if let FrameEvent::Message(m) = event {
            out.push(m.bytes.to_vec());
        }
    }
    out
}
