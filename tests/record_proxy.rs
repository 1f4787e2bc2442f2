//! The recorder (`examples/record.rs`) between a scripted client and server on loopback: the
//! transcript holds both directions byte for byte, each chunk before its answer, and an end
//! record for each side.

#[path = "../examples/record.rs"]
#[allow(dead_code)]
mod record;

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::thread;

use imap_wire::transcript::{Direction, Transcript};

#[test]
fn a_proxied_session_is_recorded_in_order() {
    let server = TcpListener::bind("127.0.0.1:0").unwrap();
    let server_addr = server.local_addr().unwrap();
    let server = thread::spawn(move || {
        let (mut s, _) = server.accept().unwrap();
        s.write_all(b"* OK ready\r\n").unwrap();
        let mut line = [0u8; 11];
        s.read_exact(&mut line).unwrap();
        assert_eq!(&line, b"a1 LOGOUT\r\n");
        s.write_all(b"* BYE bye\r\na1 OK done\r\n").unwrap();
        s.shutdown(Shutdown::Write).unwrap();
        let mut rest = Vec::new();
        s.read_to_end(&mut rest).unwrap();
        rest
    });

    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let listen = listener.local_addr().unwrap();
    let out = std::env::temp_dir().join(format!("imap-wire-record-{}.imap", std::process::id()));
    let args = record::Args {
        listen: listen.to_string(),
        server: server_addr.to_string(),
        out: out.to_string_lossy().into_owned(),
        headers: vec!["server=scripted".into(), "client=test".into()],
    };
    let proxy = thread::spawn(move || record::serve(listener, &args));

    let mut c = TcpStream::connect(listen).unwrap();
    let mut greeting = [0u8; 12];
    c.read_exact(&mut greeting).unwrap();
    assert_eq!(&greeting, b"* OK ready\r\n");
    c.write_all(b"a1 LOG").unwrap();
    c.flush().unwrap();
    thread::sleep(std::time::Duration::from_millis(50));
    c.write_all(b"OUT\r\n\r\nxy").unwrap();
    let mut answer = Vec::new();
    c.read_to_end(&mut answer).unwrap();
    assert_eq!(answer, b"* BYE bye\r\na1 OK done\r\n");
    c.shutdown(Shutdown::Write).unwrap();
    drop(c);
    proxy.join().unwrap().unwrap();
    let rest = server.join().unwrap();
    assert_eq!(rest, b"\r\nxy");

    let file = std::fs::read(&out).unwrap();
    std::fs::remove_file(&out).unwrap();
    let t = Transcript::parse(&file).unwrap();
    assert_eq!(t.meta("server"), Some("scripted"));
    assert_eq!(
        t.stream(Direction::Server),
        b"* OK ready\r\n* BYE bye\r\na1 OK done\r\n"
    );
    assert_eq!(t.stream(Direction::Client), b"a1 LOGOUT\r\n\r\nxy");
    let records = t.records();
    // The greeting is recorded before the command, the command before the answer.
    let first = |d: Direction, what: &[u8]| {
        records
            .iter()
            .position(|r| r.direction == d && r.bytes.starts_with(what))
            .unwrap()
    };
    assert!(first(Direction::Server, b"* OK") < first(Direction::Client, b"a1 LOG"));
    assert!(first(Direction::Client, b"a1 LOG") < first(Direction::Server, b"* BYE"));
    // Each side ends with one zero-length record, and nothing of that side follows it.
    for d in [Direction::Client, Direction::Server] {
        let ends: Vec<_> = records
            .iter()
            .enumerate()
            .filter(|(_, r)| r.direction == d && r.bytes.is_empty())
            .collect();
        assert_eq!(ends.len(), 1, "{d:?}");
    }
}
