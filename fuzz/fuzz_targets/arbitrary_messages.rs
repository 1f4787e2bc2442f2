//! Commands, greetings and responses built with `Arbitrary` serialize and parse back equal.
#![no_main]

imap_wire_fuzz::check_target!(arbitrary_messages);
