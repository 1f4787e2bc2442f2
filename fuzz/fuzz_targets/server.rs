//! The server machine, driven into each state, fed arbitrary bytes in arbitrary chunks.
#![no_main]

imap_wire_fuzz::check_target!(server);
