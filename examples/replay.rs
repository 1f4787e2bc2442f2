//! The conformance report over recorded sessions (the README's main job).
//!
//! ```sh
//! cargo run --release --example replay -- [--strict] PATH...
//! ```
//!
//! Each PATH is an `.imap` transcript or a folder searched recursively for them (skipping
//! folders named `pending`, which hold sessions the crate cannot read yet). For each
//! transcript, both directions are framed in the chunks they were recorded in (inflated after
//! `COMPRESS DEFLATE`); every message must parse and re-serialize to bytes that parse back
//! strictly to an equal value; and when both directions are there, the session must hold
//! together (see `replay/session.rs`) and the crate's server state machine, fed the client's
//! stream and answered as the recorded server answered, must read it as the peers did (see
//! `replay/machine.rs`), as must the client state machine, fed the server's stream with the
//! recorded commands queued (see `replay/client_machine.rs`). Messages are read leniently, as from a real peer, and
//! the leniencies they needed are listed as quirks; `--strict` reads them by the grammar alone
//! and fails each message that needed one, naming it.
//!
//! One line per transcript (pass or FAIL, messages, bytes, MB/s, quirks), the first failures
//! with their offsets and excerpts, then a summary. Folders of more than 100 transcripts show
//! progress on stderr. Exit status: 0 when every transcript passes, 1 when one fails or is
//! malformed, 2 on a usage or IO error.

#[path = "replay/check.rs"]
mod check;
#[path = "replay/client_machine.rs"]
mod client_machine;
#[path = "replay/inflate.rs"]
mod inflate;
#[path = "replay/machine.rs"]
mod machine;
#[path = "replay/message.rs"]
mod message;
#[path = "replay/quirks.rs"]
mod quirks;
#[path = "replay/session.rs"]
mod session;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use imap_wire::transcript::Transcript;

use check::{Mode, Report};

/// Prints a line to stdout; a closed stdout (the reader went away, as `| head` does) ends the
/// run with the IO-error status instead of a panic.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if writeln!(std::io::stdout(), $($arg)*).is_err() {
            std::process::exit(2);
        }
    }};
}

const USAGE: &str = "usage: replay [--strict] PATH...   (.imap transcripts or folders of them)";

/// Folders of this name inside a folder being searched are skipped (`corpus/pending/`).
const PENDING: &str = "pending";

/// Above this many transcripts, progress goes to stderr.
const PROGRESS_FROM: usize = 100;

/// The `.imap` files under `path` (itself, or recursively in a folder), sorted.
fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if meta.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            // Sessions kept aside until the crate reads them are replayed only when named.
            if p.file_name().is_some_and(|n| n == PENDING) {
                continue;
            }
            collect(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "imap") {
            out.push(p);
        }
    }
    Ok(())
}

/// Totals over all transcripts.
#[derive(Default)]
struct Totals {
    transcripts: usize,
    failed: usize,
    messages: u64,
    bytes: u64,
    seconds: f64,
    quirks: BTreeMap<&'static str, u64>,
    expected_bad: u64,
    machine_commands: u64,
    client_completions: u64,
    by_mode: BTreeMap<&'static str, usize>,
}

fn mode_name(m: Mode) -> &'static str {
    match m {
        Mode::Session => "sessions",
        Mode::OneSided => "one-sided",
        Mode::Examples => "example fragments",
    }
}

/// The items of `list`, each formatted by `f`, separated by commas.
fn joined<I: IntoIterator>(list: I, f: impl Fn(I::Item) -> String) -> String {
    list.into_iter().map(f).collect::<Vec<_>>().join(", ")
}

/// The report line of one transcript, with its first failures.
fn line(path: &Path, r: &Report, seconds: f64) -> String {
    let mut out = format!(
        "{} {}: {} messages, {} bytes{}, {:.1} MB/s",
        if r.passed() { "pass" } else { "FAIL" },
        path.display(),
        r.messages,
        r.bytes,
        if r.compressed {
            format!(" ({} inflated)", r.inflated)
        } else {
            String::new()
        },
        r.bytes as f64 / seconds.max(1e-9) / 1e6,
    );
    if r.mode != Mode::Session {
        let _ = write!(out, ", {}", mode_name(r.mode));
    }
    if r.expected_bad > 0 {
        let _ = write!(out, ", {} bad commands answered BAD", r.expected_bad);
    }
    if !r.accepted_bad.is_empty() {
        let tags = joined(&r.accepted_bad, |(at, tag)| {
            format!("{tag} at client byte {at}")
        });
        let _ = write!(out, ", answered BAD though parsed here: {tags}");
    }
    if !r.quirks.is_empty() {
        let list = joined(&r.quirks, |(q, n)| format!("{q} x{n}"));
        let _ = write!(out, ", quirks: {list}");
    }
    if r.failures > 0 {
        let _ = write!(out, ", {} failures", r.failures);
    }
    for f in &r.shown {
        let _ = write!(
            out,
            "\n    {} stream, byte {}: {}\n      | {:?}",
            f.side, f.offset, f.what, f.excerpt
        );
    }
    out
}

/// Checks one file and prints its line; returns whether it passed.
fn run_file(path: &Path, strict: bool, totals: &mut Totals) -> Result<bool, String> {
    let file = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    totals.transcripts += 1;
    let t = match Transcript::parse(&file) {
        Ok(t) => t,
        Err(e) => {
            say!("FAIL {}: malformed transcript: {e}", path.display());
            totals.failed += 1;
            return Ok(false);
        }
    };
    let started = Instant::now();
    let report = check::replay(&t, strict);
    let seconds = started.elapsed().as_secs_f64();
    say!("{}", line(path, &report, seconds));
    totals.messages += report.messages;
    totals.bytes += report.bytes;
    totals.seconds += seconds;
    totals.expected_bad += report.expected_bad;
    totals.machine_commands += report.machine_commands;
    totals.client_completions += report.client_completions;
    *totals.by_mode.entry(mode_name(report.mode)).or_default() += 1;
    for (q, n) in &report.quirks {
        *totals.quirks.entry(q).or_default() += n;
    }
    if !report.passed() {
        totals.failed += 1;
    }
    Ok(report.passed())
}

fn main() -> ExitCode {
    let mut strict = false;
    let mut paths = Vec::new();
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--strict" => strict = true,
            "-h" | "--help" => {
                say!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if a.starts_with("--") => {
                eprintln!("replay: unknown option {a}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => paths.push(a),
        }
    }
    if paths.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let mut files = Vec::new();
    for p in &paths {
        if let Err(e) = collect(Path::new(p), &mut files) {
            eprintln!("replay: {e}");
            return ExitCode::from(2);
        }
    }
    if files.is_empty() {
        eprintln!("replay: no .imap transcripts under {}", paths.join(" "));
        return ExitCode::from(2);
    }
    let mut totals = Totals::default();
    let step = (files.len() / 20).max(1);
    for (i, f) in files.iter().enumerate() {
        if let Err(e) = run_file(f, strict, &mut totals) {
            eprintln!("replay: {e}");
            return ExitCode::from(2);
        }
        if files.len() > PROGRESS_FROM && (i + 1) % step == 0 {
            eprintln!(
                "replay: {}/{} transcripts, {} failed so far",
                i + 1,
                files.len(),
                totals.failed
            );
        }
    }
    let modes = joined(&totals.by_mode, |(m, n)| format!("{n} {m}"));
    say!(
        "\n{} transcripts ({}): {} passed, {} failed{}; {} messages, {} bytes, {:.1} MB/s",
        totals.transcripts,
        modes,
        totals.transcripts - totals.failed,
        totals.failed,
        if strict { " (strict)" } else { "" },
        totals.messages,
        totals.bytes,
        totals.bytes as f64 / totals.seconds.max(1e-9) / 1e6,
    );
    if totals.machine_commands > 0 {
        say!(
            "{} commands read by the server machine and completed as the recorded server did",
            totals.machine_commands
        );
    }
    if totals.client_completions > 0 {
        say!(
            "{} tagged responses completed the recorded command with the recorded status in the \
             client machine",
            totals.client_completions
        );
    }
    if totals.expected_bad > 0 {
        say!(
            "{} commands this crate rejects were answered BAD by the server, as expected",
            totals.expected_bad
        );
    }
    if !totals.quirks.is_empty() {
        let list = joined(&totals.quirks, |(q, n)| format!("{q} ({n} messages)"));
        say!("quirks needed: {list}");
    }
    if totals.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
