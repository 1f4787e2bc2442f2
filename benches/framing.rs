//! Framer throughput: whole buffers, 4 KiB chunks and 1-byte chunks, on a realistic FETCH
//! stream and on a stream of large literals; plus allocations per framed message.

mod support;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use imap_wire::framing::{FrameEvent, Framer, FramerConfig, Role};

#[global_allocator]
static ALLOC: support::Counting = support::Counting;

/// Frames `input` pushed in chunks of `chunk` bytes; returns the number of messages.
fn frame(framer: &mut Framer, input: &[u8], chunk: usize) -> usize {
    let mut n = 0;
    for piece in input.chunks(chunk) {
        framer.push(piece);
        while let Some(event) = framer.next_event() {
            if let FrameEvent::Message(m) = event {
                black_box(m.bytes);
                n += 1;
            }
        }
    }
    n
}

fn report_allocations(name: &str, input: &[u8], chunk: usize) {
    let mut framer = Framer::new(FramerConfig::new(Role::Responses));
    frame(&mut framer, input, chunk); // warm the buffer
    let before = support::allocations();
    let n = frame(&mut framer, input, chunk);
    let allocs = support::allocations() - before;
    eprintln!(
        "{name}: {n} messages, {allocs} allocations once warm ({:.4} per message)",
        allocs as f64 / n as f64
    );
}

fn bench(c: &mut Criterion) {
    let fetch = support::fetch_stream(10_000);
    let literals = support::literal_stream(200, 64 << 10);
    report_allocations("fetch, whole buffer", &fetch, fetch.len());
    report_allocations("fetch, 4 KiB chunks", &fetch, 4096);
    report_allocations("fetch, 1-byte chunks", &fetch, 1);
    report_allocations("literals, whole buffer", &literals, literals.len());

    let mut g = c.benchmark_group("framing");
    for (name, input) in [("fetch", &fetch), ("literals_64k", &literals)] {
        g.throughput(Throughput::Bytes(input.len() as u64));
        for (label, chunk) in [
            ("whole", input.len()),
            ("4k_chunks", 4096),
            ("1b_chunks", 1),
        ] {
            if chunk == 1 && name == "literals_64k" {
                continue;
            }
            let mut framer = Framer::new(FramerConfig::new(Role::Responses));
            g.bench_function(format!("{name}/{label}"), |b| {
                b.iter(|| frame(&mut framer, input, chunk))
            });
        }
    }
    // The floor: a plain memchr scan for line ends over the same bytes.
    g.throughput(Throughput::Bytes(fetch.len() as u64));
    g.bench_function("fetch/memchr_floor", |b| {
        b.iter(|| memchr::memchr_iter(b'\n', black_box(&fetch)).count())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
