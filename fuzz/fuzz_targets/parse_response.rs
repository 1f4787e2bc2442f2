//! The server's responses and continuation requests; whatever parses must serialize and
//! parse back equal.
#![no_main]

imap_wire_fuzz::check_target!(parse_response);
