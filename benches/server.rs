//! Commands per second through the server machine: framing, parsing, state checks, literal
//! decisions, events and completions, on a stream of mixed commands in the selected state;
//! with the bare command parser on the same commands for comparison, and allocations per
//! command.

mod support;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use imap_wire::server::{Event, Server, ServerConfig};
use imap_wire::{Command, Greeting, GreetingKind, Parse, ResponseText, StatusKind};

#[global_allocator]
static ALLOC: support::Counting = support::Counting;

/// A machine in the selected state, its output drained.
fn selected() -> Server {
    let mut s = Server::new(ServerConfig::default());
    s.greet(Greeting {
        kind: GreetingKind::PreAuth,
        text: ResponseText::text("ready").expect("valid text"),
    })
    .expect("first greeting");
    s.receive(b"s SELECT INBOX\r\n");
    serve(&mut s);
    s
}

/// Answers every command OK at once; returns how many commands came out.
fn serve(s: &mut Server) -> usize {
    let mut n = 0;
    while let Some(event) = s.next_event() {
        if let Event::Command { handle, command } = event {
            black_box(&command);
            s.complete(handle, StatusKind::Ok, None, "done")
                .expect("in flight");
            n += 1;
        }
    }
    let out = s.transmit().len();
    s.sent(out);
    n
}

/// Feeds the whole stream in pieces of `chunk` bytes and serves it.
#[inline(never)]
fn pass(s: &mut Server, stream: &[u8], chunk: usize) -> usize {
    let mut n = 0;
    for piece in stream.chunks(chunk) {
        s.receive(piece);
        n += serve(s);
    }
    n
}

/// Parses each command on its own (no framing, no machine); returns how many parsed.
#[inline(never)]
fn parse_all(commands: &[Vec<u8>]) -> usize {
    commands
        .iter()
        .filter(|c| Command::parse(black_box(c)).is_ok())
        .count()
}

fn bench(c: &mut Criterion) {
    let commands = support::mixed_commands(4000);
    let stream: Vec<u8> = commands.concat();
    let count = commands.len();

    let mut s = selected();
    assert_eq!(
        pass(&mut s, &stream, stream.len()),
        count,
        "every command served"
    );
    let before = support::allocations();
    let n = pass(&mut s, &stream, 16 << 10);
    let allocs = support::allocations() - before;
    assert_eq!(n, count);
    eprintln!(
        "server machine: {:.4} allocations per command (warm machine, 16 KiB reads)",
        allocs as f64 / n as f64
    );

    let before = support::allocations();
    assert_eq!(parse_all(&commands), count);
    let parse_allocs = support::allocations() - before;
    eprintln!(
        "parser alone: {:.4} allocations per command (the machine adds {:.4})",
        parse_allocs as f64 / count as f64,
        (allocs as f64 - parse_allocs as f64) / count as f64
    );

    let mut g = c.benchmark_group("server");
    g.throughput(Throughput::Elements(count as u64));
    g.bench_function("mixed_commands_machine", |b| {
        b.iter(|| pass(&mut s, black_box(&stream), 16 << 10))
    });
    g.bench_function("mixed_commands_parse_only", |b| {
        b.iter(|| parse_all(black_box(&commands)))
    });
    let head = commands[..400].concat();
    g.throughput(Throughput::Elements(400));
    g.bench_function("mixed_commands_machine_bytewise", |b| {
        b.iter(|| pass(&mut s, black_box(&head), 1))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
