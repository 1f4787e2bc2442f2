//! The client machine: arbitrary commands, then arbitrary server bytes in arbitrary chunks.
#![no_main]

imap_wire_fuzz::check_target!(client);
