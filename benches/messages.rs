//! Whole-message throughput: a stream of FETCH responses with ENVELOPE and a nested
//! multipart BODYSTRUCTURE, framed and parsed, and serialized back; allocations per message.

mod support;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use imap_wire::framing::{FrameEvent, Framer, FramerConfig, Role};
use imap_wire::{Command, Encode, EncodeConfig, Encoder, Parse, Response};

#[global_allocator]
static ALLOC: support::Counting = support::Counting;

/// Frames and parses the whole stream; returns how many responses parsed.
fn frame_and_parse(framer: &mut Framer, stream: &[u8]) -> usize {
    framer.push(stream);
    let mut n = 0;
    while let Some(event) = framer.next_event() {
        if let FrameEvent::Message(m) = event {
            if black_box(Response::parse(m.bytes)).is_ok() {
                n += 1;
            }
        }
    }
    n
}

fn bench(c: &mut Criterion) {
    let stream = support::fetch_stream(10_000);
    let msgs = support::framed_responses(&stream);
    let parsed: Vec<Response<'_>> = msgs
        .iter()
        .map(|m| Response::parse(m).expect("parses"))
        .collect();

    let mut framer = Framer::new(FramerConfig::new(Role::Responses));
    frame_and_parse(&mut framer, &stream);
    let before = support::allocations();
    let n = frame_and_parse(&mut framer, &stream);
    let allocs = support::allocations() - before;
    eprintln!(
        "fetch stream: {n} responses parsed, {:.3} allocations per message",
        allocs as f64 / n as f64
    );
    let mut enc = Encoder::new(EncodeConfig::default());
    for r in &parsed {
        r.encode(&mut enc);
    }
    enc.clear();
    let before = support::allocations();
    for r in &parsed {
        r.encode(&mut enc);
    }
    let allocs = support::allocations() - before;
    eprintln!(
        "fetch stream: {:.3} allocations per message encoded into a warm buffer",
        allocs as f64 / n as f64
    );

    // A SEARCH result of 5,000 numbers, and a stream of mixed commands.
    let search = support::search_response(5000);
    let commands = support::mixed_commands(4000);
    let command_bytes: u64 = commands.iter().map(|c| c.len() as u64).sum();
    let before = support::allocations();
    let ok = commands
        .iter()
        .filter(|c| Command::parse(c).is_ok())
        .count();
    let allocs = support::allocations() - before;
    assert_eq!(ok, commands.len(), "every command parses");
    eprintln!(
        "mixed commands: {:.3} allocations per command",
        allocs as f64 / ok as f64
    );
    let parsed_commands: Vec<Command<'_>> = commands
        .iter()
        .map(|c| Command::parse(c).expect("parses"))
        .collect();

    let mut g = c.benchmark_group("messages");
    g.throughput(Throughput::Bytes(search.len() as u64));
    g.bench_function("search_5000_parse", |b| {
        b.iter(|| Response::parse(black_box(&search)).is_ok())
    });
    g.throughput(Throughput::Bytes(command_bytes));
    g.bench_function("commands_parse", |b| {
        b.iter(|| {
            commands
                .iter()
                .filter(|c| Command::parse(c).is_ok())
                .count()
        })
    });
    g.bench_function("commands_encode", |b| {
        b.iter(|| {
            enc.clear();
            for c in &parsed_commands {
                c.encode(&mut enc);
            }
            enc.bytes().len()
        })
    });
    g.throughput(Throughput::Bytes(stream.len() as u64));
    g.bench_function("fetch_frame_and_parse", |b| {
        b.iter(|| frame_and_parse(&mut framer, &stream))
    });
    g.bench_function("fetch_parse_only", |b| {
        b.iter(|| msgs.iter().filter(|m| Response::parse(m).is_ok()).count())
    });
    g.bench_function("fetch_encode", |b| {
        b.iter(|| {
            enc.clear();
            for r in &parsed {
                r.encode(&mut enc);
            }
            enc.bytes().len()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
