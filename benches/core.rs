//! Throughput of the core parsers and the serializer on realistic items: strings as they
//! appear in commands and responses, sequence sets, dates, flag lists and status responses.

mod support;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use imap_wire::{
    AString, DateTime, EncodeConfig, Encoder, FlagList, IString, Parse, Response, SequenceSet,
};

#[global_allocator]
static ALLOC: support::Counting = support::Counting;

/// Parses every item of `items` with `T`; returns how many parsed.
fn parse_all<'a, T: Parse<'a>>(items: &'a [Vec<u8>]) -> usize {
    items.iter().filter(|i| T::parse(i).is_ok()).count()
}

fn total(items: &[Vec<u8>]) -> u64 {
    items.iter().map(|i| i.len() as u64).sum()
}

fn report_allocations<'a, T: Parse<'a>>(name: &str, items: &'a [Vec<u8>]) {
    let before = support::allocations();
    let n = parse_all::<T>(items);
    let allocs = support::allocations() - before;
    eprintln!(
        "{name}: {n} items, {:.3} allocations per item",
        allocs as f64 / n.max(1) as f64
    );
}

fn bench(c: &mut Criterion) {
    let astrings: Vec<Vec<u8>> = (0..1000)
        .map(|k| match k % 3 {
            0 => format!("INBOX.Folder{k}").into_bytes(),
            1 => format!("\"Sent Items {k}\"").into_bytes(),
            _ => format!("{{{}}}\r\nline\r\nbreak {k}", 12 + k.to_string().len()).into_bytes(),
        })
        .collect();
    let quoted: Vec<Vec<u8>> = (0..1000)
        .map(|k| format!("\"Re: minutes of meeting {k} with \\\"quotes\\\"\"").into_bytes())
        .collect();
    let sets: Vec<Vec<u8>> = (0..1000)
        .map(|k| format!("1:{k},{}:*,{},{}:{}", k + 5, k + 9, k + 20, k + 40).into_bytes())
        .collect();
    let dates: Vec<Vec<u8>> = (0..1000)
        .map(|k| format!("\"{:02}-Jul-1996 02:44:25 -0700\"", 1 + k % 28).into_bytes())
        .collect();
    let flags: Vec<Vec<u8>> = (0..1000)
        .map(|_| b"(\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded $Junk)".to_vec())
        .collect();
    let responses: Vec<Vec<u8>> = (0..1000)
        .map(|k| match k % 4 {
            0 => format!("* {k} EXISTS\r\n").into_bytes(),
            1 => format!("a{k} OK [READ-WRITE] SELECT completed\r\n").into_bytes(),
            2 => b"* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n".to_vec(),
            _ => format!("* OK [UIDNEXT {}] Predicted next UID\r\n", k + 1).into_bytes(),
        })
        .collect();

    report_allocations::<AString<'_>>("astring", &astrings);
    report_allocations::<IString<'_>>("quoted with escapes", &quoted);
    report_allocations::<SequenceSet<'_>>("sequence-set", &sets);
    report_allocations::<DateTime>("date-time", &dates);
    report_allocations::<FlagList<'_>>("flag-list", &flags);
    report_allocations::<Response<'_>>("status responses", &responses);

    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(total(&astrings)));
    g.bench_function("astring", |b| {
        b.iter(|| parse_all::<AString<'_>>(black_box(&astrings)))
    });
    g.throughput(Throughput::Bytes(total(&quoted)));
    g.bench_function("quoted_escapes", |b| {
        b.iter(|| parse_all::<IString<'_>>(black_box(&quoted)))
    });
    g.throughput(Throughput::Bytes(total(&sets)));
    g.bench_function("sequence_set", |b| {
        b.iter(|| parse_all::<SequenceSet<'_>>(black_box(&sets)))
    });
    g.throughput(Throughput::Bytes(total(&dates)));
    g.bench_function("date_time", |b| {
        b.iter(|| parse_all::<DateTime>(black_box(&dates)))
    });
    g.throughput(Throughput::Bytes(total(&flags)));
    g.bench_function("flag_list", |b| {
        b.iter(|| parse_all::<FlagList<'_>>(black_box(&flags)))
    });
    g.throughput(Throughput::Bytes(total(&responses)));
    g.bench_function("status_responses", |b| {
        b.iter(|| parse_all::<Response<'_>>(black_box(&responses)))
    });
    g.finish();

    let parsed: Vec<Response<'_>> = responses
        .iter()
        .map(|r| Response::parse(r).unwrap())
        .collect();
    let mut enc = Encoder::new(EncodeConfig::default());
    let mut g = c.benchmark_group("serialize");
    g.throughput(Throughput::Bytes(total(&responses)));
    g.bench_function("status_responses", |b| {
        b.iter(|| {
            enc.clear();
            for r in &parsed {
                imap_wire::Encode::encode(r, &mut enc);
            }
            enc.bytes().len()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
