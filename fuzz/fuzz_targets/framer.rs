//! The framer under any chunking gives the events of the whole buffer.
#![no_main]

imap_wire_fuzz::check_target!(framer);
