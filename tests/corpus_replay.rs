//! The recorded corpus replays as the main job replays it (every transcript passes), and the
//! result does not depend on how the bytes arrived: each transcript is replayed again
//! re-chunked at random split points, and byte by byte, and must give the same report.
//!
//! The replay itself is the example's (`examples/replay/`), compiled in here unchanged.

#[path = "../examples/replay/check.rs"]
mod check;
#[path = "../examples/replay/client_machine.rs"]
mod client_machine;
#[path = "../examples/replay/inflate.rs"]
mod inflate;
#[path = "../examples/replay/machine.rs"]
mod machine;
#[path = "../examples/replay/message.rs"]
mod message;
#[path = "../examples/replay/quirks.rs"]
mod quirks;
#[path = "../examples/replay/session.rs"]
mod session;

use std::path::{Path, PathBuf};

use imap_wire::transcript::{Direction, Transcript, write_record};

use check::{Mode, Report};

/// Every `.imap` file under `dir`, skipping `pending` folders as the main job does.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != "pending") {
                collect(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "imap") {
            out.push(p);
        }
    }
}

fn corpus() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    collect(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
        &mut files,
    );
    files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

/// A small deterministic generator for split points (xorshift64*).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n.max(1)
    }
}

/// The same transcript (header included) with every record split into pieces of `size(record_len)` bytes
/// at most; record order (and so the interleaving of the directions) is kept.
fn rechunked<'a>(t: &Transcript<'a>, mut size: impl FnMut(usize) -> usize) -> Transcript<'a> {
    let mut out = Transcript::new();
    for c in t.comments() {
        out.push_comment(c);
    }
    for r in t.records() {
        let mut rest = r.bytes;
        if rest.is_empty() {
            out.push(r.direction, rest);
        }
        while !rest.is_empty() {
            let n = size(rest.len()).clamp(1, rest.len());
            out.push(r.direction, &rest[..n]);
            rest = &rest[n..];
        }
    }
    out
}

fn replay_all() -> Vec<(PathBuf, Vec<u8>, Report)> {
    corpus()
        .into_iter()
        .map(|(p, bytes)| {
            let t = Transcript::parse(&bytes)
                .unwrap_or_else(|e| panic!("{}: malformed: {e}", p.display()));
            let report = check::replay(&t, false);
            (p, bytes, report)
        })
        .collect()
}

#[test]
fn every_transcript_of_the_corpus_passes() {
    let all = replay_all();
    let mut sessions = 0;
    let mut machine_commands = 0;
    let mut servers = std::collections::BTreeSet::new();
    let mut clients = std::collections::BTreeSet::new();
    for (p, bytes, report) in &all {
        assert!(report.passed(), "{}: {report:#?}", p.display());
        assert!(report.messages > 0, "{}: no messages", p.display());
        machine_commands += report.machine_commands;
        let t = Transcript::parse(bytes).unwrap();
        if report.mode == Mode::Session && p.components().any(|c| c.as_os_str() == "transcripts") {
            sessions += 1;
        }
        if let (Some(server), Some(client)) = (t.meta("server"), t.meta("client")) {
            if !matches!(server, "seed" | "rfc3501" | "rfc9051") {
                servers.insert(server.split('-').next().unwrap_or(server).to_string());
                clients.insert(client.to_string());
            }
        }
    }
    assert!(sessions >= 20, "only {sessions} recorded sessions");
    assert!(
        machine_commands >= 500,
        "only {machine_commands} commands through the server machine"
    );
    assert!(servers.len() >= 2, "servers: {servers:?}");
    assert!(clients.len() >= 4, "clients: {clients:?}");
}

#[test]
fn random_chunking_gives_the_same_report() {
    let mut rng = Rng(0x9051_3501_2026_0001);
    for (p, bytes, report) in replay_all() {
        let t = Transcript::parse(&bytes).unwrap();
        for round in 0..3 {
            let max = [3, 64, 4096][round];
            let again = rechunked(&t, |_| 1 + rng.below(max));
            assert_eq!(
                check::replay(&again, false),
                report,
                "{} re-chunked (pieces of at most {max} bytes)",
                p.display()
            );
        }
    }
}

#[test]
fn byte_by_byte_gives_the_same_report() {
    for (p, bytes, report) in replay_all() {
        let t = Transcript::parse(&bytes).unwrap();
        let again = rechunked(&t, |_| 1);
        assert_eq!(
            check::replay(&again, false),
            report,
            "{} byte by byte",
            p.display()
        );
    }
}

/// The direction of the `i`th record when the server's come first and the two alternate.
fn alternate(i: usize) -> Direction {
    if i % 2 == 0 {
        Direction::Server
    } else {
        Direction::Client
    }
}

/// A transcript file of `records`, server and client lines alternating from the server's.
fn file(records: &[&[u8]]) -> Vec<u8> {
    let mut out = b"# server=x client=y\n".to_vec();
    for (i, r) in records.iter().enumerate() {
        write_record(&mut out, alternate(i), r);
    }
    out
}

#[test]
fn a_strict_replay_names_what_a_lenient_one_accepted() {
    // `* OK [UIDNEXT 5]` without text, as some servers send.
    let file = file(&[
        b"* PREAUTH ready\r\n",
        b"a1 SELECT box\r\n",
        b"* OK [UIDNEXT 5]\r\n* 0 EXISTS\r\na1 OK [READ-WRITE] done\r\n",
    ]);
    let t = Transcript::parse(&file).unwrap();
    let lenient = check::replay(&t, false);
    assert!(lenient.passed(), "{lenient:#?}");
    assert_eq!(lenient.quirks.get("CODE_WITHOUT_TEXT"), Some(&1));
    let strict = check::replay(&t, true);
    assert!(!strict.passed());
    assert!(
        strict.shown[0].what.contains("CODE_WITHOUT_TEXT"),
        "{strict:#?}"
    );
}

#[test]
fn a_rejected_command_must_be_answered_bad() {
    let session = |answer: &[u8]| {
        let file = file(&[b"* OK hi\r\n", b"a1 FETCH\r\n", answer]);
        let t = Transcript::parse(&file).unwrap();
        check::replay(&t, false)
    };
    let bad = session(b"a1 BAD missing arguments\r\n");
    assert!(bad.passed(), "{bad:#?}");
    assert_eq!(bad.expected_bad, 1);
    assert!(!session(b"a1 OK done\r\n").passed());
    assert!(
        !session(b"a2 OK done\r\n").passed(),
        "a tagged response to no command"
    );
}

#[test]
fn compressed_sessions_are_inflated_and_checked() {
    use flate2::{Compress, Compression, FlushCompress};
    let deflate = |c: &mut Compress, text: &[u8]| {
        let mut out = Vec::with_capacity(text.len() + 64);
        c.compress_vec(text, &mut out, FlushCompress::Sync).unwrap();
        out
    };
    let (mut up, mut down) = (
        Compress::new(Compression::default(), false),
        Compress::new(Compression::default(), false),
    );
    let records: Vec<Vec<u8>> = vec![
        b"* OK hi\r\n".to_vec(),
        b"a1 COMPRESS DEFLATE\r\n".to_vec(),
        [
            &b"a1 OK compressing\r\n"[..],
            &deflate(&mut down, b"* 3 EXISTS\r\n"),
        ]
        .concat(),
        deflate(&mut up, b"a2 NOOP\r\n"),
        deflate(&mut down, b"a2 OK done\r\n"),
    ];
    let refs: Vec<&[u8]> = records.iter().map(Vec::as_slice).collect();
    let bytes = file(&refs);
    let t = Transcript::parse(&bytes).unwrap();
    let report = check::replay(&t, false);
    assert!(report.passed(), "{report:#?}");
    assert!(report.compressed);
    assert_eq!(report.messages, 6);
    // The server machine read both commands, the second from the inflated stream.
    assert_eq!(report.machine_commands, 2);
    // A stray tag after the switch is found in the inflated stream.
    let records = [
        b"* OK hi\r\n".to_vec(),
        b"a1 COMPRESS DEFLATE\r\n".to_vec(),
        b"a1 OK compressing\r\n".to_vec(),
        deflate(
            &mut Compress::new(Compression::default(), false),
            b"a2 NOOP\r\n",
        ),
        deflate(
            &mut Compress::new(Compression::default(), false),
            b"a9 OK done\r\n",
        ),
    ];
    let refs: Vec<&[u8]> = records.iter().map(Vec::as_slice).collect();
    let bytes = file(&refs);
    let t = Transcript::parse(&bytes).unwrap();
    assert!(!check::replay(&t, false).passed());
}

#[test]
fn fragments_and_one_sided_streams_are_checked_for_parsing_alone() {
    // Responses with no commands before them: a session check would fail them.
    let body: &[&[u8]] = &[b"a3 OK done\r\n", b"a2 NOOP\r\n", b"* 4 EXISTS\r\n"];
    let mut examples = b"# kind=examples source=rfc9051\n".to_vec();
    let mut server_only = b"# server=x\n".to_vec();
    for (i, r) in body.iter().enumerate() {
        let d = alternate(i);
        write_record(&mut examples, d, r);
        if d == Direction::Server {
            write_record(&mut server_only, d, r);
        }
    }
    let t = Transcript::parse(&examples).unwrap();
    let report = check::replay(&t, false);
    assert_eq!(report.mode, Mode::Examples);
    assert!(report.passed(), "{report:#?}");
    assert_eq!(report.messages, 3);
    // The same records as a session: the tagged response answers nothing.
    let session = file(body);
    assert!(!check::replay(&Transcript::parse(&session).unwrap(), false).passed());
    // A server stream alone, not starting with a greeting, is read as responses.
    let t = Transcript::parse(&server_only).unwrap();
    let report = check::replay(&t, false);
    assert_eq!(report.mode, Mode::OneSided);
    assert!(report.passed(), "{report:#?}");
    // A message that does not parse fails in any mode, at its offset in its stream.
    let mut broken = b"# kind=examples\n".to_vec();
    write_record(
        &mut broken,
        Direction::Server,
        b"* OK fine\r\n* 1 FETCH (\r\n",
    );
    let report = check::replay(&Transcript::parse(&broken).unwrap(), false);
    assert_eq!(report.failures, 1);
    assert_eq!(
        (report.shown[0].side, report.shown[0].offset),
        ("server", 11)
    );
}

#[test]
fn accepted_commands_must_fit_the_state_the_session_implies() {
    let replay =
        |records: &[&[u8]]| check::replay(&Transcript::parse(&file(records)).unwrap(), false);
    // FETCH accepted before any login or SELECT.
    let early = replay(&[b"* OK hi\r\n", b"a1 FETCH 1 FLAGS\r\n", b"a1 OK done\r\n"]);
    assert!(!early.passed(), "{early:#?}");
    // After PREAUTH and a SELECT, it fits; after CLOSE it no longer does.
    let selected: [&[u8]; 3] = [
        b"* PREAUTH hi\r\n",
        b"a1 SELECT INBOX\r\n",
        b"a1 OK done\r\n",
    ];
    let fetch: [&[u8]; 2] = [b"a3 FETCH 1 FLAGS\r\n", b"a3 OK done\r\n"];
    let fits = replay(&[&selected[..], &fetch].concat());
    assert!(fits.passed(), "{fits:#?}");
    let close: [&[u8]; 2] = [b"a2 CLOSE\r\n", b"a2 OK done\r\n"];
    let closed = replay(&[&selected[..], &close, &fetch].concat());
    assert!(!closed.passed(), "{closed:#?}");
    // LOGIN accepted twice: the second in the authenticated state.
    let twice = replay(&[
        b"* OK hi\r\n",
        b"a1 LOGIN u p\r\n",
        b"a1 OK done\r\n",
        b"a2 LOGIN u p\r\n",
        b"a2 OK done\r\n",
    ]);
    assert!(!twice.passed(), "{twice:#?}");
    // An excerpt without a greeting: the state is unknown, so nothing is held against it.
    let excerpt = replay(&[
        b"* 3 EXISTS\r\n",
        b"a1 FETCH 1 FLAGS\r\n",
        b"a1 OK done\r\n",
    ]);
    assert!(excerpt.passed(), "{excerpt:#?}");
}

/// A session check that holds nothing against a session, so that only the server machine
/// judges it.
struct AnythingGoes;

impl session::Session for AnythingGoes {
    fn expect(&self) -> message::Expect {
        message::Expect::Command
    }
    fn client(&mut self, _: u64, _: &message::ClientLine) -> Result<(), String> {
        Ok(())
    }
    fn client_unparsed(&mut self, _: u64, _: Option<String>, _: String) {}
    fn server(&mut self, _: u64, _: &message::ServerLine) -> Result<session::Effect, String> {
        Ok(session::Effect::None)
    }
    fn client_ended(&mut self) {}
    fn finish(&mut self) -> Vec<(u64, String)> {
        Vec::new()
    }
    fn expected_bad(&self) -> u64 {
        0
    }
    fn accepted_bad(&self) -> &[(u64, String)] {
        &[]
    }
}

/// The replay of `records` (server first, alternating) judged by the server machine alone.
fn machine_only(records: &[&[u8]]) -> Report {
    let bytes = file(records);
    check::replay_with(
        &Transcript::parse(&bytes).unwrap(),
        false,
        &mut AnythingGoes,
    )
}

#[test]
fn the_server_machine_reads_the_session_as_the_peers_did() {
    // A literal, a refused AUTHENTICATE, IDLE and a pipelined pair all agree.
    let fine = machine_only(&[
        b"* OK hi\r\n",
        b"a1 AUTHENTICATE PLAIN\r\n",
        b"+ \r\n",
        b"*\r\n",
        b"a1 BAD cancelled\r\n",
        b"a2 LOGIN {1}\r\n",
        b"+ go on\r\n",
        b"u p\r\n",
        b"a2 OK in\r\n",
        b"a3 SELECT INBOX\r\n",
        b"a3 OK [READ-WRITE] done\r\n",
        b"a4 IDLE\r\n",
        b"+ idling\r\n",
        b"DONE\r\n",
        b"a4 OK done\r\n",
        b"a5 NOOP\r\na6 FETCH 1 FLAGS\r\n",
        b"a5 OK done\r\na6 OK done\r\n",
    ]);
    assert!(fine.passed(), "{fine:#?}");
    assert_eq!(fine.machine_commands, 6);
    assert_eq!(fine.client_completions, 6);
}

#[test]
fn the_client_machine_fails_a_server_stream_it_reads_otherwise() {
    // A second `+` during IDLE answers nothing the client waits for.
    let twice = machine_only(&[
        b"* PREAUTH hi\r\n",
        b"a1 IDLE\r\n",
        b"+ idling\r\n+ again\r\n",
        b"DONE\r\n",
        b"a1 OK done\r\n",
    ]);
    assert!(!twice.passed(), "{twice:#?}");
    assert!(
        twice
            .shown
            .iter()
            .any(|f| f.what.contains("client machine")),
        "{twice:#?}"
    );
}

#[test]
fn the_server_machine_fails_a_session_it_reads_otherwise() {
    // The server accepts FETCH before any login: the machine refuses it in that state.
    let early = machine_only(&[b"* OK hi\r\n", b"a1 FETCH 1 FLAGS\r\n", b"a1 OK done\r\n"]);
    assert_eq!(early.failures, 1, "{early:#?}");
    assert!(
        early.shown[0].what.contains("server machine refused"),
        "{early:#?}"
    );
    assert_eq!((early.shown[0].side, early.shown[0].offset), ("server", 9));
    // The server answers NO to a command the machine calls malformed (a peer would say BAD).
    let malformed = machine_only(&[b"* PREAUTH hi\r\n", b"a1 FETCH\r\n", b"a1 NO what\r\n"]);
    assert_eq!(malformed.failures, 1, "{malformed:#?}");
    assert!(
        malformed.shown[0].what.contains("malformed"),
        "{malformed:#?}"
    );
    // The same answered BAD agrees.
    let bad = machine_only(&[b"* PREAUTH hi\r\n", b"a1 FETCH\r\n", b"a1 BAD what\r\n"]);
    assert!(bad.passed(), "{bad:#?}");
    // A tagged answer to a command the machine never read.
    let stray = machine_only(&[b"* PREAUTH hi\r\n", b"a1 NOOP\r\n", b"a2 OK done\r\n"]);
    assert!(!stray.passed(), "{stray:#?}");
    assert!(stray.shown[0].what.contains("did not read"), "{stray:#?}");
    // The server accepts an AUTHENTICATE the client cancelled.
    let cancelled = machine_only(&[
        b"* OK hi\r\n",
        b"a1 AUTHENTICATE PLAIN\r\n",
        b"+ \r\n",
        b"*\r\n",
        b"a1 OK fine\r\n",
    ]);
    assert!(!cancelled.passed(), "{cancelled:#?}");
}
