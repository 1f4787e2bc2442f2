//! Which of the parsers' leniencies (`imap_wire::Leniency`) a message needed.
//!
//! A message is read with every leniency on, as from a real peer, and by the grammar alone;
//! when the strict reading fails or differs (`* OK [UIDNEXT 5]` is text to the grammar, a code
//! to the lenient reader), each leniency is tried alone to name the one that gives the lenient
//! reading. The attribution is kept behind [`needed`], so a parse API that reports the
//! leniencies it used can replace the trials without touching the callers.

use imap_wire::{Leniency, ParseConfig};

/// A switch of one leniency.
type Switch = fn(&mut Leniency);

/// Every leniency the parsers know, by name, with how to switch it on alone.
const QUIRKS: &[(&str, Switch)] = &[("code_without_text", |l| l.code_without_text = true)];

/// What is named when no single leniency is enough but all of them together are.
const SEVERAL: &str = "several-quirks";

/// The configuration of a replay: exactly the grammar, or every leniency on.
pub fn config(lenient: bool) -> ParseConfig {
    if lenient {
        ParseConfig::lenient()
    } else {
        ParseConfig::default()
    }
}

/// The leniencies that, each switched on alone, give a message the lenient reading
/// (`reads_as_lenient`) that the strict grammar refused or read differently.
pub fn needed(reads_as_lenient: impl Fn(&ParseConfig) -> bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    for (name, switch) in QUIRKS {
        let mut leniency = Leniency::STRICT;
        switch(&mut leniency);
        if reads_as_lenient(&ParseConfig::default().with_leniency(leniency)) {
            out.push(*name);
        }
    }
    if out.is_empty() {
        out.push(SEVERAL);
    }
    out
}
