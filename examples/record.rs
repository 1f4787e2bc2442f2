//! Records one IMAP connection as an `.imap` transcript: a loopback TCP proxy that accepts one
//! client, connects it to the server, forwards both directions unchanged and writes every chunk
//! as it was read, in the order the chunks arrived.
//!
//! ```sh
//! cargo run --example record -- --listen 127.0.0.1:14300 --server 127.0.0.1:143 \
//!     --out session.imap --header server=dovecot --header client=curl
//! ```
//!
//! Then point the client at the `--listen` address. Each direction is read by a thread of its
//! own; both write through one file behind a mutex, so the records keep the order in which the
//! chunks were read. A chunk is written before it is forwarded, so a reply is never recorded
//! before what it answers. When a side shuts down, its end is recorded as a zero-length record
//! and the other peer's write side is shut down in turn. The recorder exits once both
//! directions have ended.
//!
//! The first header line holds the `--header` pairs in the order given. Nothing is masked:
//! record only sessions whose credentials are test ones.
//!
//! Exit status: 0 when the session was recorded, 2 on a usage or IO error.

use std::fs::File;
use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::thread;

use imap_wire::transcript::{Direction, write_record};

const USAGE: &str = "usage: record --listen ADDR --server ADDR --out FILE [--header key=value ...]";

/// The command line.
pub struct Args {
    /// Where the client connects.
    pub listen: String,
    /// The server's address.
    pub server: String,
    /// The transcript file.
    pub out: String,
    /// `key=value` pairs of the header line.
    pub headers: Vec<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut listen = None;
    let mut server = None;
    let mut out = None;
    let mut headers = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--listen" => listen = Some(value),
            "--server" => server = Some(value),
            "--out" => out = Some(value),
            "--header" => {
                let ok = value.split_once('=').is_some_and(|(k, _)| !k.is_empty())
                    && !value.bytes().any(|b| b == b' ' || b == b'\n' || b == b'\r');
                if !ok {
                    return Err(format!(
                        "--header {value:?}: expected key=value without spaces"
                    ));
                }
                headers.push(value);
            }
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok(Args {
        listen: listen.ok_or("--listen is required")?,
        server: server.ok_or("--server is required")?,
        out: out.ok_or("--out is required")?,
        headers,
    })
}

/// Appends records to the transcript file; shared by both directions.
struct Recorder {
    file: File,
    buf: Vec<u8>,
}

impl Recorder {
    fn record(&mut self, direction: Direction, bytes: &[u8]) -> std::io::Result<()> {
        self.buf.clear();
        write_record(&mut self.buf, direction, bytes);
        self.file.write_all(&self.buf)
    }
}

/// Copies `from` to `to` chunk by chunk, recording each chunk before forwarding it, and
/// records the end of the direction when `from` shuts down. A reset connection or a peer that
/// no longer reads ends the direction too (noted on stderr); only a failure to write the
/// transcript is an error.
fn pump(
    mut from: TcpStream,
    mut to: TcpStream,
    direction: Direction,
    recorder: &Mutex<Recorder>,
) -> Result<u64, String> {
    let mut chunk = vec![0u8; 64 * 1024];
    let mut total = 0u64;
    let name = match direction {
        Direction::Client => "client",
        Direction::Server => "server",
    };
    let write = |bytes: &[u8]| -> Result<(), String> {
        let mut rec = recorder
            .lock()
            .map_err(|_| "the other direction failed while writing".to_string())?;
        rec.record(direction, bytes)
            .map_err(|e| format!("writing the transcript: {e}"))
    };
    loop {
        let n = match from.read(&mut chunk) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                eprintln!("record: reading from the {name}: {e}; ending its stream");
                0
            }
        };
        write(&chunk[..n])?;
        if n == 0 {
            break;
        }
        total += n as u64;
        if let Err(e) = to.write_all(&chunk[..n]) {
            eprintln!("record: forwarding the {name}'s bytes: {e}; ending its stream");
            write(b"")?;
            break;
        }
    }
    let _ = to.shutdown(Shutdown::Write);
    Ok(total)
}

fn run(args: &Args) -> Result<(), String> {
    let listener =
        TcpListener::bind(&args.listen).map_err(|e| format!("binding {}: {e}", args.listen))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    eprintln!(
        "record: listening on {local}, forwarding to {}",
        args.server
    );
    serve(listener, args)
}

/// Accepts one client on `listener`, connects it to the server and records the connection.
pub fn serve(listener: TcpListener, args: &Args) -> Result<(), String> {
    let (client, peer) = listener.accept().map_err(|e| format!("accepting: {e}"))?;
    drop(listener);
    let server =
        TcpStream::connect(&args.server).map_err(|e| format!("connecting {}: {e}", args.server))?;
    let _ = client.set_nodelay(true);
    let _ = server.set_nodelay(true);

    let mut file = File::create(&args.out).map_err(|e| format!("{}: {e}", args.out))?;
    let mut header = String::from("#");
    for pair in &args.headers {
        header.push(' ');
        header.push_str(pair);
    }
    header.push('\n');
    if args.headers.is_empty() {
        header.clear();
    }
    file.write_all(header.as_bytes())
        .map_err(|e| format!("{}: {e}", args.out))?;
    let recorder = Arc::new(Mutex::new(Recorder {
        file,
        buf: Vec::new(),
    }));

    let clone = |s: &TcpStream| s.try_clone().map_err(|e| format!("socket: {e}"));
    let upstream = {
        let (from, to, recorder) = (clone(&client)?, clone(&server)?, Arc::clone(&recorder));
        thread::spawn(move || pump(from, to, Direction::Client, &recorder))
    };
    let downstream = pump(server, client, Direction::Server, &recorder);
    let upstream = upstream
        .join()
        .map_err(|_| "the client direction panicked".to_string())?;
    let (sent, received) = (upstream?, downstream?);
    eprintln!("record: {peer}: client sent {sent} bytes, server sent {received} bytes");
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("record: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("record: {e}");
            ExitCode::from(2)
        }
    }
}
