//! Core items built by `Arbitrary` must serialize and parse back equal.
#![no_main]

imap_wire_fuzz::check_target!(arbitrary_primitives);
