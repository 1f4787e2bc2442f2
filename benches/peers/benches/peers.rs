//! imap-wire side by side with imap-codec 2.0.0-alpha.10 and imap-proto 0.17 on the streams of
//! the crate's own benchmarks (`benches/support`): 10,000 FETCH responses with ENVELOPE and a
//! nested BODYSTRUCTURE, a SEARCH result of 5,000 numbers, mixed commands, and encoding the
//! FETCH responses. Prints MB/s (best of several rounds, in the thread's CPU time so that a
//! busy machine does not skew one library against another), allocations per message and the
//! ratios. imap-proto has neither a command parser nor an encoder, so it appears only where it
//! can.
//!
//! ```sh
//! cargo bench --manifest-path benches/peers/Cargo.toml
//! ```

#[path = "../../support/mod.rs"]
mod support;

use std::hint::black_box;
use std::time::{Duration, Instant};

/// CPU time of this thread, in seconds: the machine these run on is often shared, and time
/// spent descheduled would count against whichever library happened to be running.
fn cpu_seconds() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is a constant libc knows.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime failed");
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

use imap_codec::decode::Decoder;
use imap_codec::encode::Encoder as _;
use imap_codec::{CommandCodec, ResponseCodec};
use imap_wire::{Command, Encode, EncodeConfig, Encoder, Parse, Response};

#[global_allocator]
static ALLOC: support::Counting = support::Counting;

/// One measurement: throughput over the input and allocations per message.
struct Measure {
    mb_per_s: f64,
    allocs: f64,
    ok: usize,
}

/// Runs `work` (which handles `messages` messages of `bytes` bytes in all and returns how many
/// succeeded) for about `budget`, and keeps the best round.
fn measure(
    bytes: u64,
    messages: usize,
    budget: Duration,
    mut work: impl FnMut() -> usize,
) -> Measure {
    let before = support::allocations();
    let ok = work();
    let allocs = (support::allocations() - before) as f64 / messages as f64;
    let mut best = f64::INFINITY;
    let started = Instant::now();
    let mut rounds = 0;
    while rounds < 3 || started.elapsed() < budget {
        let t = cpu_seconds();
        black_box(work());
        best = best.min(cpu_seconds() - t);
        rounds += 1;
    }
    Measure {
        mb_per_s: bytes as f64 / best / 1e6,
        allocs,
        ok,
    }
}

fn row(case: &str, name: &str, m: &Measure, messages: usize, reference: Option<&Measure>) {
    let ratio = reference.map_or(String::from("-"), |r| {
        format!("{:.2}x", r.mb_per_s / m.mb_per_s)
    });
    println!(
        "{case:<22} {name:<12} {:>9.1} MB/s {:>8.2} allocs/msg {:>6}/{messages} ok   imap-wire is {ratio}",
        m.mb_per_s, m.allocs, m.ok
    );
}

fn total(messages: &[Vec<u8>]) -> u64 {
    messages.iter().map(|m| m.len() as u64).sum()
}

/// Decoding responses: imap-wire, imap-codec, imap-proto.
fn responses(case: &str, messages: &[Vec<u8>], budget: Duration) {
    let bytes = total(messages);
    let n = messages.len();
    let wire = measure(bytes, n, budget, || {
        messages
            .iter()
            .filter(|m| black_box(Response::parse(m)).is_ok())
            .count()
    });
    let codec = ResponseCodec::default();
    let theirs = measure(bytes, n, budget, || {
        messages
            .iter()
            .filter(|m| black_box(codec.decode(m)).is_ok())
            .count()
    });
    let proto = measure(bytes, n, budget, || {
        messages
            .iter()
            .filter(|m| black_box(imap_proto::Response::parse(m)).is_ok())
            .count()
    });
    row(case, "imap-wire", &wire, n, None);
    row(case, "imap-codec", &theirs, n, Some(&wire));
    row(case, "imap-proto", &proto, n, Some(&wire));
}

fn main() {
    // `cargo bench` passes `--bench`; a number of seconds per measurement may follow.
    let seconds: f64 = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(2.0);
    let budget = Duration::from_secs_f64(seconds);

    let fetch = support::framed_responses(&support::fetch_stream(10_000));
    responses("fetch stream decode", &fetch, budget);

    let search = vec![support::search_response(5000)];
    responses("search 5000 decode", &search, budget);

    let commands = support::mixed_commands(4000);
    let bytes = total(&commands);
    let n = commands.len();
    let wire = measure(bytes, n, budget, || {
        commands
            .iter()
            .filter(|c| black_box(Command::parse(c)).is_ok())
            .count()
    });
    let codec = CommandCodec::default();
    let theirs = measure(bytes, n, budget, || {
        commands
            .iter()
            .filter(|c| black_box(codec.decode(c)).is_ok())
            .count()
    });
    row("mixed commands decode", "imap-wire", &wire, n, None);
    row(
        "mixed commands decode",
        "imap-codec",
        &theirs,
        n,
        Some(&wire),
    );

    // Encoding: each library's parsed FETCH responses written back out. imap-wire writes
    // into one reused buffer; imap-codec's encoder returns a new buffer per message.
    let ours: Vec<Response<'_>> = fetch
        .iter()
        .filter_map(|m| Response::parse(m).ok())
        .collect();
    let codec = ResponseCodec::default();
    let their_values: Vec<_> = fetch
        .iter()
        .filter_map(|m| codec.decode(m).ok().map(|(_, r)| r))
        .collect();
    let bytes = total(&fetch);
    let n = fetch.len();
    let mut enc = Encoder::new(EncodeConfig::default());
    let wire = measure(bytes, n, budget, || {
        enc.clear();
        for r in &ours {
            r.encode(&mut enc);
        }
        black_box(enc.bytes().len());
        ours.len()
    });
    let theirs = measure(bytes, n, budget, || {
        let mut written = 0;
        for r in &their_values {
            written += black_box(codec.encode(r).dump()).len();
        }
        black_box(written);
        their_values.len()
    });
    row("fetch stream encode", "imap-wire", &wire, n, None);
    row("fetch stream encode", "imap-codec", &theirs, n, Some(&wire));
}
