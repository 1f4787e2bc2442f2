//! Which of the parsers' leniencies (`imap_wire::Leniency`) a message needed.
//!
//! A message is read with every leniency on, as from a real peer; the parser reports the
//! smallest set of leniencies without which it would not read the same
//! ([`imap_wire::Parse::parse_report`]), and this module names them.

use imap_wire::{Leniency, ParseConfig};

/// The configuration of a replay: exactly the grammar, or every leniency on; with
/// UTF8=ACCEPT (RFC 6855) in force or not.
pub fn config(lenient: bool, utf8_accept: bool) -> ParseConfig {
    let cfg = if lenient {
        ParseConfig::lenient()
    } else {
        ParseConfig::strict()
    };
    cfg.with_utf8_accept(utf8_accept)
}

/// The names of the leniencies in `needed`, as the constants are spelled.
pub fn names(needed: Leniency) -> Vec<&'static str> {
    needed.names().collect()
}
