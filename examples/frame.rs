//! The conformance report over recorded sessions: frames both directions of each `.imap`
//! transcript in the chunks they were recorded in, parses every server message (greeting,
//! responses, continuation requests) and every client message (commands, `DONE`,
//! AUTHENTICATE lines), checks that each serializes to bytes that parse back
//! equal, and prints a line per transcript and a summary.
//!
//! ```sh
//! cargo run --release --example frame -- corpus/transcripts
//! ```
//!
//! Exit status: 0 when every transcript passes, 1 when one fails or is malformed, 2 on a usage
//! or IO error.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use imap_wire::framing::{FrameEvent, Framer, FramerConfig, Role};
use imap_wire::transcript::{Direction, Transcript};
use imap_wire::{
    AuthenticateResponse, Command, Encode, EncodeConfig, Encoder, Greeting, IdleDone, Parse,
    ParseConfig, Response,
};

/// How many failures of a stream are shown.
const SHOWN: usize = 3;

/// A failure of a stream.
struct Failure {
    offset: u64,
    what: String,
    excerpt: String,
}

/// What one direction of one transcript gave.
#[derive(Default)]
struct StreamReport {
    bytes: u64,
    messages: u64,
    parsed: u64,
    failures: u64,
    /// The first few failures.
    shown: Vec<Failure>,
}

impl StreamReport {
    fn fail(&mut self, offset: u64, what: String, message: &[u8]) {
        self.failures += 1;
        if self.shown.len() < SHOWN {
            let excerpt = String::from_utf8_lossy(&message[..message.len().min(120)]).into_owned();
            self.shown.push(Failure {
                offset,
                what,
                excerpt,
            });
        }
    }
}

/// Parses `$bytes` as `$ty`, then checks that serializing gives bytes that parse back equal
/// (a macro, so the value parsed a second time may borrow from the encoder's buffer).
macro_rules! check {
    ($ty:ident, $bytes:expr, $enc:expr) => {{
        let enc: &mut Encoder = $enc;
        // Read leniently, as from a real peer; what is written must then parse strictly.
        match $ty::parse_with($bytes, &ParseConfig::lenient()) {
            Err(e) => Err(format!("does not parse: {e}")),
            Ok(value) => {
                enc.clear();
                value.encode(enc);
                match $ty::parse(enc.bytes()) {
                    Err(e) => Err(format!("re-serialized form does not parse: {e}")),
                    Ok(again) if again != value => Err(format!(
                        "round trip changed the value: {value:?} became {again:?}"
                    )),
                    Ok(_) => Ok(()),
                }
            }
        }
    }};
}

/// Frames and checks one direction, fed in the recorded chunks.
fn replay(t: &Transcript<'_>, direction: Direction) -> StreamReport {
    let role = match direction {
        Direction::Client => Role::Commands,
        Direction::Server => Role::Responses,
    };
    let mut report = StreamReport::default();
    let mut framer = Framer::new(FramerConfig::new(role));
    let mut enc = Encoder::new(EncodeConfig::default());
    let mut first = true;
    for record in t.records().iter().filter(|r| r.direction == direction) {
        report.bytes += record.bytes.len() as u64;
        framer.push(record.bytes);
        while let Some(event) = framer.next_event() {
            match event {
                FrameEvent::Message(m) => {
                    report.messages += 1;
                    let lenient = ParseConfig::lenient();
                    if direction == Direction::Client {
                        // A client line is a command, or the `DONE` that ends IDLE, or a line
                        // of an AUTHENTICATE exchange.
                        let result = if Command::parse_with(m.bytes, &lenient).is_ok() {
                            check!(Command, m.bytes, &mut enc)
                        } else if IdleDone::parse_with(m.bytes, &lenient).is_ok() {
                            check!(IdleDone, m.bytes, &mut enc)
                        } else if AuthenticateResponse::parse_with(m.bytes, &lenient).is_ok() {
                            check!(AuthenticateResponse, m.bytes, &mut enc)
                        } else {
                            check!(Command, m.bytes, &mut enc)
                        };
                        match result {
                            Ok(()) => report.parsed += 1,
                            Err(e) => report.fail(m.offset, e, m.bytes),
                        }
                        continue;
                    }
                    let greeting = first && m.bytes.starts_with(b"* ");
                    first = false;
                    let result = if greeting && Greeting::parse_with(m.bytes, &lenient).is_ok() {
                        check!(Greeting, m.bytes, &mut enc)
                    } else {
                        check!(Response, m.bytes, &mut enc)
                    };
                    match result {
                        Ok(()) => report.parsed += 1,
                        Err(e) => report.fail(m.offset, e, m.bytes),
                    }
                }
                FrameEvent::LiteralAnnounced(_) => {}
                FrameEvent::Error(e) => {
                    let head = e.head.to_vec();
                    report.fail(e.offset, e.to_string(), &head);
                }
            }
        }
    }
    if framer.has_partial() {
        let offset = framer.stream_offset();
        let rest = framer.buffered().to_vec();
        report.fail(offset, "stream ends inside a message".into(), &rest);
    }
    report
}

/// Checks one file; returns whether it passed.
fn run_file(path: &Path, totals: &mut [StreamReport; 2]) -> Result<bool, String> {
    let file = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let t = match Transcript::parse(&file) {
        Ok(t) => t,
        Err(e) => {
            println!("FAIL {}: malformed transcript: {e}", path.display());
            return Ok(false);
        }
    };
    let started = Instant::now();
    let reports = [replay(&t, Direction::Server), replay(&t, Direction::Client)];
    let seconds = started.elapsed().as_secs_f64();
    let bytes: u64 = reports.iter().map(|r| r.bytes).sum();
    let failures: u64 = reports.iter().map(|r| r.failures).sum();
    let mut line = format!(
        "{} {}: server {} messages ({} checked), client {} messages ({} checked), {} bytes, {:.1} MB/s",
        if failures == 0 { "pass" } else { "FAIL" },
        path.display(),
        reports[0].messages,
        reports[0].parsed,
        reports[1].messages,
        reports[1].parsed,
        bytes,
        bytes as f64 / seconds.max(1e-9) / 1e6,
    );
    for (name, r) in ["server", "client"].iter().zip(&reports) {
        for f in &r.shown {
            let _ = write!(
                line,
                "\n    {name} stream, byte {}: {}\n      | {:?}",
                f.offset, f.what, f.excerpt
            );
        }
    }
    println!("{line}");
    for (total, r) in totals.iter_mut().zip(reports) {
        total.bytes += r.bytes;
        total.messages += r.messages;
        total.parsed += r.parsed;
        total.failures += r.failures;
    }
    Ok(failures == 0)
}

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
            collect(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "imap") {
            out.push(p);
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        eprintln!("usage: frame PATH...   (files or folders of .imap transcripts)");
        return ExitCode::from(2);
    }
    let mut files = Vec::new();
    for a in &args {
        if let Err(e) = collect(Path::new(a), &mut files) {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    }
    if files.is_empty() {
        eprintln!("error: no .imap transcripts under {}", args.join(" "));
        return ExitCode::from(2);
    }
    let mut totals = [StreamReport::default(), StreamReport::default()];
    let mut failed = 0;
    for f in &files {
        match run_file(f, &mut totals) {
            Ok(true) => {}
            Ok(false) => failed += 1,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        }
    }
    println!(
        "\n{} transcripts: {} passed, {} failed; server {} messages ({} parsed and re-serialized), \
         client {} messages ({} parsed and re-serialized); {} bytes",
        files.len(),
        files.len() - failed,
        failed,
        totals[0].messages,
        totals[0].parsed,
        totals[1].messages,
        totals[1].parsed,
        totals[0].bytes + totals[1].bytes,
    );
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
