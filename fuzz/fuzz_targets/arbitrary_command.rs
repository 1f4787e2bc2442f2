//! Commands built with `Arbitrary` must serialize to bytes that parse back equal.
#![no_main]

imap_wire_fuzz::check_target!(arbitrary_command);
