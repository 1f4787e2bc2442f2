//! The interim main job: reads recorded sessions in the `.imap` transcript format, splits each
//! into the client's and the server's byte streams and reports on them.
//!
//! ```text
//! cargo run --release --example frame -- corpus/transcripts [more files or directories]
//! ```
//!
//! Directories are searched recursively for `*.imap`; files named on the command line are read
//! whatever their name. Per file it prints the records and, per direction, the bytes and the
//! CRLF-terminated lines; then a summary. A file that breaks the format is reported with the
//! byte offset of the fault, and the exit status is then 1 (2 for a usage or IO error).
//!
//! Each stream is fed chunk by chunk, as recorded, to [`frame_stream`]: the place where the
//! crate's framer takes over from the line counter.

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Which peer sent a chunk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direction {
    /// Client to server (`C`).
    Client,
    /// Server to client (`S`).
    Server,
}

/// One record: a chunk of one direction's stream, borrowed from the file.
#[derive(Debug, PartialEq, Eq)]
struct Record<'a> {
    direction: Direction,
    /// Where the record's header line starts in the file.
    offset: usize,
    bytes: &'a [u8],
}

/// A parsed transcript.
#[derive(Debug, Default, PartialEq, Eq)]
struct Transcript<'a> {
    /// The `key=value` pairs of the first comment line, in order.
    header: Vec<(String, String)>,
    records: Vec<Record<'a>>,
}

impl<'a> Transcript<'a> {
    /// The chunks of one direction, in order, without the closing empty record.
    fn chunks(&self, direction: Direction) -> Vec<&'a [u8]> {
        self.records
            .iter()
            .filter(|r| r.direction == direction && !r.bytes.is_empty())
            .map(|r| r.bytes)
            .collect()
    }
}

/// Where and how a file breaks the format.
#[derive(Debug, PartialEq, Eq)]
struct FormatError {
    offset: usize,
    message: String,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "malformed at byte {}: {}", self.offset, self.message)
    }
}

fn fault<T>(offset: usize, message: impl Into<String>) -> Result<T, FormatError> {
    Err(FormatError {
        offset,
        message: message.into(),
    })
}

/// Reads a transcript (layout in `shared/TRANSCRIPTS.md`): comment lines, then records
/// `C <len>\n<bytes>\n` / `S <len>\n<bytes>\n`; a record of length 0 closes its direction.
fn read_transcript(file: &[u8]) -> Result<Transcript<'_>, FormatError> {
    let mut t = Transcript::default();
    let mut at = 0;
    let mut first_comment = true;
    while file.get(at) == Some(&b'#') {
        let Some(end) = file[at..].iter().position(|&b| b == b'\n') else {
            return fault(at, "comment line without its \\n");
        };
        let line = &file[at + 1..at + end];
        if first_comment {
            t.header = header_pairs(line).map_err(|message| FormatError {
                offset: at,
                message,
            })?;
            first_comment = false;
        }
        at += end + 1;
    }
    let mut closed = [false, false];
    while at < file.len() {
        let start = at;
        let Some(nl) = file[at..].iter().position(|&b| b == b'\n') else {
            return fault(start, "record header without its \\n");
        };
        let line = &file[at..at + nl];
        let (direction, digits) = match line {
            [b'C', b' ', rest @ ..] => (Direction::Client, rest),
            [b'S', b' ', rest @ ..] => (Direction::Server, rest),
            _ => {
                return fault(
                    start,
                    format!(
                        "expected a record header \"C <len>\" or \"S <len>\", found {:?}",
                        String::from_utf8_lossy(&line[..line.len().min(40)])
                    ),
                );
            }
        };
        let len = parse_len(digits).ok_or_else(|| FormatError {
            offset: start + 2,
            message: format!(
                "bad chunk length {:?}",
                String::from_utf8_lossy(&digits[..digits.len().min(40)])
            ),
        })?;
        at += nl + 1;
        let Some(bytes) = at.checked_add(len).and_then(|end| file.get(at..end)) else {
            return fault(
                start,
                format!("chunk of {len} bytes runs past the end of the file"),
            );
        };
        at += len;
        if file.get(at) != Some(&b'\n') {
            return fault(at, "chunk not followed by \\n");
        }
        at += 1;
        let side = usize::from(direction == Direction::Server);
        if closed[side] {
            return fault(
                start,
                format!("{direction:?} record after that direction's closing empty record"),
            );
        }
        closed[side] = len == 0;
        t.records.push(Record {
            direction,
            offset: start,
            bytes,
        });
    }
    Ok(t)
}

/// `key=value` pairs separated by spaces.
fn header_pairs(line: &[u8]) -> Result<Vec<(String, String)>, String> {
    let line = String::from_utf8_lossy(line);
    line.split_ascii_whitespace()
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) if !k.is_empty() => Ok((k.to_owned(), v.to_owned())),
            _ => Err(format!(
                "first comment line must hold key=value pairs, found {pair:?}"
            )),
        })
        .collect()
}

/// Decimal digits only, no sign or space.
fn parse_len(digits: &[u8]) -> Option<usize> {
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(digits).ok()?.parse().ok()
}

/// What the framing of one direction found.
#[derive(Debug, Default, PartialEq, Eq)]
struct StreamReport {
    bytes: usize,
    /// Complete units (for now, CRLF-terminated lines).
    units: usize,
    /// Bytes after the last complete unit.
    trailing: usize,
}

/// Counts CRLF-terminated lines in a stream fed in chunks, independent of the chunking.
#[derive(Default)]
struct LineCounter {
    after_cr: bool,
    since_last: usize,
    report: StreamReport,
}

impl LineCounter {
    fn push(&mut self, chunk: &[u8]) {
        for &b in chunk {
            self.since_last += 1;
            if b == b'\n' && self.after_cr {
                self.report.units += 1;
                self.since_last = 0;
            }
            self.after_cr = b == b'\r';
        }
        self.report.bytes += chunk.len();
    }

    fn finish(mut self) -> StreamReport {
        self.report.trailing = self.since_last;
        self.report
    }
}

/// Frames one direction's stream, fed chunk by chunk as it was recorded.
///
/// FRAMER HOOK. This is where `imap_wire::framing` takes over: create
/// `Framer::new(FramerConfig { role, ..FramerConfig::default() })` with the role that reads
/// `direction` (a server role reads the client's stream, a client role the server's), push
/// each chunk, and count the complete messages it yields (a line plus the literals it
/// announces) and any framing error with its offset. Until the framer exists this counts
/// CRLF-terminated lines.
fn frame_stream(direction: Direction, chunks: &[&[u8]]) -> StreamReport {
    let _ = direction;
    let mut counter = LineCounter::default();
    for chunk in chunks {
        counter.push(chunk);
    }
    counter.finish()
}

/// Totals over all files.
#[derive(Default)]
struct Summary {
    files: usize,
    malformed: usize,
    records: usize,
    client: StreamReport,
    server: StreamReport,
}

fn add(total: &mut StreamReport, one: &StreamReport) {
    total.bytes += one.bytes;
    total.units += one.units;
    total.trailing += one.trailing;
}

fn describe(r: &StreamReport) -> String {
    let mut s = format!("{} bytes, {} lines", r.bytes, r.units);
    if r.trailing > 0 {
        s += &format!(" + {} bytes unterminated", r.trailing);
    }
    s
}

fn report_file(path: &Path, summary: &mut Summary) -> Result<(), String> {
    let file = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    summary.files += 1;
    let t = match read_transcript(&file) {
        Ok(t) => t,
        Err(e) => {
            summary.malformed += 1;
            println!("{}: {e}", path.display());
            return Ok(());
        }
    };
    let client = frame_stream(Direction::Client, &t.chunks(Direction::Client));
    let server = frame_stream(Direction::Server, &t.chunks(Direction::Server));
    let scenario = t
        .header
        .iter()
        .find(|(k, _)| k == "scenario")
        .map_or("-", |(_, v)| v.as_str());
    println!(
        "{}: scenario {scenario}, {} records; client {}; server {}",
        path.display(),
        t.records.len(),
        describe(&client),
        describe(&server)
    );
    summary.records += t.records.len();
    add(&mut summary.client, &client);
    add(&mut summary.server, &server);
    Ok(())
}

/// Files named directly, and `*.imap` files under directories, sorted per directory.
fn collect(path: &Path, out: &mut Vec<PathBuf>, top: bool) -> Result<(), String> {
    if path.is_dir() {
        let mut entries = std::fs::read_dir(path)
            .and_then(|d| {
                d.map(|e| e.map(|e| e.path()))
                    .collect::<Result<Vec<_>, _>>()
            })
            .map_err(|e| format!("{}: {e}", path.display()))?;
        entries.sort();
        for entry in entries {
            collect(&entry, out, false)?;
        }
    } else if top || path.extension().is_some_and(|e| e == "imap") {
        out.push(path.to_owned());
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if args.is_empty() {
        eprintln!("usage: frame <file.imap | directory>...");
        return ExitCode::from(2);
    }
    let mut files = Vec::new();
    for arg in &args {
        if let Err(e) = collect(arg, &mut files, true) {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    }
    if files.is_empty() {
        eprintln!("error: no .imap files under the paths given");
        return ExitCode::from(2);
    }
    let mut summary = Summary::default();
    for file in &files {
        if let Err(e) = report_file(file, &mut summary) {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    }
    println!(
        "summary: {} files, {} malformed; {} records; client {}; server {}",
        summary.files,
        summary.malformed,
        summary.records,
        describe(&summary.client),
        describe(&summary.server)
    );
    if summary.malformed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_documented_example() {
        let file = b"# server=dovecot-2.3 client=python-imaplib scenario=x\n# more\n\
                     S 6\n* OK\r\n\nC 9\na1 NOOP\r\n\nS 0\n\n";
        let t = read_transcript(file).unwrap();
        assert_eq!(t.header[2], ("scenario".to_owned(), "x".to_owned()));
        assert_eq!(t.records.len(), 3);
        assert_eq!(t.records[1].offset, 72);
        assert_eq!(t.chunks(Direction::Client), [&b"a1 NOOP\r\n"[..]]);
        assert_eq!(t.chunks(Direction::Server), [&b"* OK\r\n"[..]]);
        assert_eq!(read_transcript(b"").unwrap(), Transcript::default());
    }

    #[test]
    fn chunks_keep_newlines_and_any_bytes() {
        let t = read_transcript(b"C 3\n\n\0\n\n").unwrap();
        assert_eq!(t.records[0].bytes, b"\n\0\n");
    }

    #[test]
    fn malformed_files_name_the_offset() {
        let cases: &[(&[u8], usize, &str)] = &[
            (b"# no pairs here\n", 0, "key=value"),
            (b"# a=b\nX 1\na\n", 6, "record header"),
            (b"C 1\r\na\n", 2, "bad chunk length"),
            (b"C -1\na\n", 2, "bad chunk length"),
            (b"C 99999999999999999999999\n", 2, "bad chunk length"),
            (b"C 5\nab\n", 0, "past the end"),
            (b"C 2\nab", 6, "not followed"),
            (b"C 2\nabX", 6, "not followed"),
            (b"C 1\na\nS 1", 6, "without its"),
            (b"C 0\n\nS 1\na\nC 1\nb\n", 11, "after that direction"),
            (b"C 1\na\n# late\n", 6, "record header"),
            (b"# header", 0, "without its"),
        ];
        for (file, offset, what) in cases {
            let e = read_transcript(file).unwrap_err();
            assert_eq!(
                e.offset,
                *offset,
                "{e} for {:?}",
                String::from_utf8_lossy(file)
            );
            assert!(e.message.contains(what), "{e}");
        }
    }

    #[test]
    fn line_count_does_not_depend_on_chunking() {
        let stream = b"a1 LOGIN x y\r\n* OK {3}\r\nab\r\r\n\r\nx";
        let whole = frame_stream(Direction::Client, &[&stream[..]]);
        assert_eq!(
            whole,
            StreamReport {
                bytes: stream.len(),
                units: 4,
                trailing: 1
            }
        );
        for split in 0..stream.len() {
            let (a, b) = stream.split_at(split);
            assert_eq!(
                frame_stream(Direction::Client, &[a, b]),
                whole,
                "split {split}"
            );
        }
    }

    #[test]
    fn the_seed_transcripts_are_well_formed() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/transcripts");
        let mut files = Vec::new();
        collect(&dir, &mut files, true).unwrap();
        assert!(files.len() >= 6, "{files:?}");
        for path in files {
            let file = std::fs::read(&path).unwrap();
            let t = read_transcript(&file).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(
                t.header.iter().any(|(k, _)| k == "scenario"),
                "{}",
                path.display()
            );
            for d in [Direction::Client, Direction::Server] {
                let r = frame_stream(d, &t.chunks(d));
                assert!(
                    r.units > 0 && r.trailing == 0,
                    "{} {d:?}: {r:?}",
                    path.display()
                );
            }
        }
    }
}
