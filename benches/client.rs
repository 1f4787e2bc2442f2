//! The client machine replaying a large stream of FETCH responses (ENVELOPE, nested
//! BODYSTRUCTURE, a header literal every tenth message), received in 64 KiB chunks as from a
//! socket: throughput, and allocations per event with a counting allocator. The framer and
//! parser alone on the same bytes are measured alongside, as the floor.

mod support;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use imap_wire::client::{Client, ClientConfig, Event};
use imap_wire::framing::{FrameEvent, Framer, FramerConfig, Role};
use imap_wire::{Command, IntoStatic, Parse, Response};

#[global_allocator]
static ALLOC: support::Counting = support::Counting;

const CHUNK: usize = 64 * 1024;

/// A client with INBOX selected and `FETCH 1:* (...)` sent.
fn fetching(config: ClientConfig) -> Client {
    let mut client = Client::new(config);
    client.receive(b"* PREAUTH [CAPABILITY IMAP4rev1 LITERAL+ IDLE] ready\r\n");
    while client.next_event().is_some() {}
    let body = |text: &str| {
        Command::parse(format!("x {text}\r\n").as_bytes())
            .expect("command")
            .body
            .into_static()
    };
    let _ = client.enqueue(body("SELECT INBOX")).expect("select");
    client.sent(client.transmit().len());
    client.receive(b"* 10000 EXISTS\r\nA1 OK [READ-WRITE] selected\r\n");
    while client.next_event().is_some() {}
    let _ = client
        .enqueue(body(
            "FETCH 1:* (UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE)",
        ))
        .expect("fetch");
    client.sent(client.transmit().len());
    client
}

/// Feeds `stream` and the completion; returns the number of events.
fn replay(client: &mut Client, stream: &[u8]) -> usize {
    let mut events = 0;
    for chunk in stream.chunks(CHUNK) {
        client.receive(chunk);
        while let Some(event) = client.next_event() {
            black_box(&event);
            events += 1;
        }
    }
    client.receive(b"A2 OK fetched\r\n");
    while let Some(event) = client.next_event() {
        assert!(matches!(event, Event::Completed { .. }), "{event:?}");
        events += 1;
    }
    events
}

/// The framer and the parser alone, in the same chunks.
fn frame_and_parse(stream: &[u8]) -> usize {
    let mut framer = Framer::new(FramerConfig::new(Role::Responses));
    let mut n = 0;
    for chunk in stream.chunks(CHUNK) {
        framer.push(chunk);
        while let Some(event) = framer.next_event() {
            if let FrameEvent::Message(m) = event {
                n += usize::from(black_box(Response::parse(m.bytes)).is_ok());
            }
        }
    }
    n
}

fn bench(c: &mut Criterion) {
    let stream = support::fetch_stream(10_000);
    let mb = stream.len() as f64 / 1e6;

    for (name, config) in [
        ("plain", ClientConfig::default()),
        (
            "with mailbox view",
            ClientConfig::default().with_mailbox_view(true),
        ),
    ] {
        let mut client = fetching(config);
        let before = support::allocations();
        let events = replay(&mut client, &stream);
        let allocs = support::allocations() - before;
        let data = client.mailbox().map(|v| v.known_uids());
        eprintln!(
            "client replay ({name}): {mb:.1} MB, {events} events, {allocs} allocations in all \
             ({:.4} per event; the receive buffer grows to the largest chunk), UIDs known: {data:?}",
            allocs as f64 / events as f64
        );
        assert!(events > 10_000);
    }

    let mut g = c.benchmark_group("client");
    g.throughput(Throughput::Bytes(stream.len() as u64));
    g.sample_size(20);
    g.bench_function("fetch_stream_replay", |b| {
        b.iter_batched(
            || fetching(ClientConfig::default()),
            |mut client| replay(&mut client, &stream),
            criterion::BatchSize::LargeInput,
        )
    });
    g.bench_function("fetch_stream_replay_with_view", |b| {
        b.iter_batched(
            || fetching(ClientConfig::default().with_mailbox_view(true)),
            |mut client| replay(&mut client, &stream),
            criterion::BatchSize::LargeInput,
        )
    });
    g.bench_function("fetch_stream_frame_and_parse_only", |b| {
        b.iter(|| frame_and_parse(&stream))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
