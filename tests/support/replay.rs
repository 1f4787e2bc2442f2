//! Replays one `.imap` transcript direction by direction: frames each stream with the crate's
//! framer, parses every message as what it must be, and checks that it serializes to bytes that
//! parse back (strictly) to an equal value. Shared by the tests over `corpus/`.

use std::fmt;
use std::path::{Path, PathBuf};

use imap_wire::framing::{FrameEvent, Framer, FramerConfig, Role};
use imap_wire::transcript::{Direction, Record, Transcript};
use imap_wire::{
    AuthenticateResponse, Command, Encode, EncodeConfig, Encoder, Greeting, IdleDone, Parse,
    ParseConfig, Response,
};

/// A message that failed, located in the transcript file.
#[derive(Debug)]
pub struct Failure {
    /// The transcript file.
    pub file: PathBuf,
    /// Offset in the file of the message's first byte (or of the record holding it).
    pub offset: usize,
    /// What went wrong.
    pub what: String,
    /// The first bytes of the message.
    pub excerpt: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} byte {}: {}\n    | {}",
            self.file.display(),
            self.offset,
            self.what,
            self.excerpt
        )
    }
}

/// What one transcript gave.
#[derive(Debug, Default)]
pub struct Report {
    /// Framed messages, client and server.
    pub messages: usize,
    /// Messages that parsed and round-tripped.
    pub passed: usize,
    /// The rest.
    pub failures: Vec<Failure>,
}

/// Parses `$bytes` as `$ty` under `$cfg`, then checks that serializing gives bytes that parse
/// back strictly to an equal value.
macro_rules! round_trip {
    ($ty:ident, $bytes:expr, $cfg:expr) => {{
        match $ty::parse_with($bytes, $cfg) {
            Err(e) => Err(format!("does not parse as {}: {e}", stringify!($ty))),
            Ok(value) => {
                let utf8 = $cfg.utf8_accept;
                let mut enc = Encoder::new(EncodeConfig::default().with_utf8_accept(utf8));
                value.encode(&mut enc);
                match $ty::parse_with(enc.bytes(), &ParseConfig::strict().with_utf8_accept(utf8)) {
                    Err(e) => Err(format!(
                        "{} re-serialized as {:?} does not parse: {e}",
                        stringify!($ty),
                        String::from_utf8_lossy(enc.bytes())
                    )),
                    Ok(again) if again != value => Err(format!(
                        "round trip changed the value: {value:?} became {again:?}"
                    )),
                    Ok(_) => Ok(()),
                }
            }
        }
    }};
}

/// Whether a server message has the form of a greeting (`* OK`, `* PREAUTH`, `* BYE`).
fn greeting_form(bytes: &[u8]) -> bool {
    let upper = bytes.to_ascii_uppercase();
    [&b"* OK"[..], b"* PREAUTH", b"* BYE"]
        .iter()
        .any(|p| upper.starts_with(p))
}

/// Checks one client message: a command, or the `DONE` that ends IDLE, or a line of an
/// AUTHENTICATE exchange (tried in that order; the command's error is the one reported).
fn client(bytes: &[u8], cfg: &ParseConfig) -> Result<(), String> {
    if Command::parse_with(bytes, cfg).is_ok() {
        round_trip!(Command, bytes, cfg)
    } else if IdleDone::parse_with(bytes, cfg).is_ok() {
        round_trip!(IdleDone, bytes, cfg)
    } else if AuthenticateResponse::parse_with(bytes, cfg).is_ok() {
        round_trip!(AuthenticateResponse, bytes, cfg)
    } else {
        round_trip!(Command, bytes, cfg)
    }
}

/// Checks one server message: a response; one of the greeting's form may be a greeting instead
/// (fragments show greetings anywhere, and `* PREAUTH` is only ever a greeting).
fn server(bytes: &[u8], cfg: &ParseConfig) -> Result<(), String> {
    match round_trip!(Response, bytes, cfg) {
        Err(e) if greeting_form(bytes) => {
            round_trip!(Greeting, bytes, cfg).map_err(|g| format!("{e}; {g}"))
        }
        other => other,
    }
}

/// Maps an offset in one direction's stream to an offset in the file.
fn file_offset(file: &[u8], records: &[&Record<'_>], stream_offset: u64) -> usize {
    let mut start = 0u64;
    for r in records {
        let len = r.bytes.len() as u64;
        if stream_offset < start + len {
            let base = r.bytes.as_ptr() as usize - file.as_ptr() as usize;
            return base + (stream_offset - start) as usize;
        }
        start += len;
    }
    file.len()
}

fn excerpt(bytes: &[u8]) -> String {
    String::from_utf8_lossy(&bytes[..bytes.len().min(100)])
        .escape_debug()
        .to_string()
}

/// Replays `path`, parsing under `cfg`.
pub fn replay(path: &Path, cfg: &ParseConfig) -> Report {
    let file = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut report = Report::default();
    let t = match Transcript::parse(&file) {
        Ok(t) => t,
        Err(e) => {
            report.failures.push(Failure {
                file: path.to_path_buf(),
                offset: e.offset,
                what: format!("malformed transcript: {e}"),
                excerpt: String::new(),
            });
            return report;
        }
    };
    // `utf8=accept` in the header: the messages are read under UTF8=ACCEPT (RFC 6855).
    let cfg = &cfg.with_utf8_accept(t.meta("utf8") == Some("accept"));
    for direction in [Direction::Client, Direction::Server] {
        let records: Vec<&Record<'_>> = t
            .records()
            .iter()
            .filter(|r| r.direction == direction)
            .collect();
        let role = match direction {
            Direction::Client => Role::Commands,
            Direction::Server => Role::Responses,
        };
        let mut framer = Framer::new(FramerConfig::new(role));
        let mut pushed = 0u64;
        for r in &records {
            framer.push(r.bytes);
            pushed += r.bytes.len() as u64;
            while let Some(event) = framer.next_event() {
                let (offset, result, bytes) = match event {
                    FrameEvent::Message(m) => {
                        report.messages += 1;
                        let result = match direction {
                            Direction::Client => client(m.bytes, cfg),
                            Direction::Server => server(m.bytes, cfg),
                        };
                        (m.offset, result, m.bytes)
                    }
                    FrameEvent::LiteralAnnounced(_) => continue,
                    FrameEvent::Error(e) => (e.offset, Err(e.to_string()), e.head),
                };
                match result {
                    Ok(()) => report.passed += 1,
                    Err(what) => report.failures.push(Failure {
                        file: path.to_path_buf(),
                        offset: file_offset(&file, &records, offset),
                        what,
                        excerpt: excerpt(bytes),
                    }),
                }
            }
        }
        if framer.has_partial() {
            report.failures.push(Failure {
                file: path.to_path_buf(),
                offset: file_offset(&file, &records, pushed - framer.buffered().len() as u64),
                what: "stream ends inside a message".into(),
                excerpt: excerpt(framer.buffered()),
            });
        }
    }
    report
}

/// The `.imap` files directly in `dir`, sorted.
pub fn imap_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "imap"))
        .collect();
    files.sort();
    files
}
