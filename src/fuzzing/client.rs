//! The client machine fed arbitrary server bytes in arbitrary chunks, after arbitrary
//! commands: it never panics, its output stays bounded, and the chunking changes nothing.

use alloc::vec::Vec;

use arbitrary::{Arbitrary, Unstructured};

use crate::client::{Client, ClientConfig, Event};
use crate::framing::Limits;
use crate::owned::IntoStatic;
use crate::types::command::CommandBody;

/// What one run saw: the events and every byte the machine sent.
type Run = (Vec<Event<'static>>, Vec<u8>);

/// Feeds `stream` in chunks of `chunk` bytes to a client that enqueued `commands`.
fn run(config: &ClientConfig, commands: &[CommandBody<'_>], stream: &[u8], chunk: usize) -> Run {
    let mut client = Client::new(config.clone());
    let mut budget = 0;
    for body in commands {
        if client.enqueue(body.clone()).is_ok() {
            budget += crate::to_vec(body).len() + 64;
        }
    }
    let _ = client.authenticate_plain(b"user", b"password");
    budget += 128;
    let mut events = Vec::new();
    let mut sent = Vec::new();
    let mut pending: &[u8] = stream;
    let mut switched = false;
    while !switched && (!pending.is_empty() || !client.is_closed()) {
        if pending.is_empty() {
            client.receive_eof();
        } else {
            let n = chunk.clamp(1, pending.len());
            client.receive(&pending[..n]);
            pending = &pending[n..];
        }
        while let Some(event) = client.next_event() {
            let event = event.into_static();
            match &event {
                Event::AuthenticateChallenge { challenge, .. } => {
                    let answer = challenge.get(..8).unwrap_or(challenge);
                    if challenge.len() % 2 == 0 {
                        let _ = client.authenticate_continue(answer);
                        budget += 16;
                    } else {
                        let _ = client.authenticate_cancel();
                        budget += 3;
                    }
                }
                Event::IdleAccepted { .. } => {
                    let _ = client.idle_done();
                    budget += 6;
                }
                Event::TransportSwitch { offset, .. } => {
                    // The bytes handed back start exactly at the switch point; the run ends
                    // there (what follows belongs to another transport). What the machine
                    // released before the switch still goes out on the old transport: the
                    // whole stream may hold the tagged OK before the command was sent.
                    let fed = stream.len() - pending.len();
                    let from = usize::try_from(*offset).unwrap_or(usize::MAX);
                    let unconsumed = client.take_unconsumed();
                    assert!(
                        stream.get(from..fed) == Some(&unconsumed[..]),
                        "unconsumed bytes do not start at the switch point"
                    );
                    switched = true;
                }
                Event::Closed => assert!(client.is_closed()),
                _ => {}
            }
            events.push(event);
        }
        sent.extend_from_slice(client.transmit());
        assert!(
            sent.len() <= budget,
            "sent {} bytes, more than the commands and answers ({budget})",
            sent.len()
        );
        let n = client.transmit().len();
        client.sent(n);
    }
    assert!(client.next_event().is_none());
    (events, sent)
}

/// Arbitrary commands, then server bytes in chunks chosen by the first byte.
///
/// # Panics
/// When the machine panics, sends more than it was asked to, or reports other events when
/// the input is chunked differently.
pub fn client(data: &[u8]) {
    let [chunk, flags, rest @ ..] = data else {
        return;
    };
    let mut u = Unstructured::new(rest);
    let mut commands = Vec::new();
    for _ in 0..u.int_in_range(0..=6u8).unwrap_or(0) {
        match CommandBody::arbitrary(&mut u) {
            Ok(c) => commands.push(c.into_static()),
            Err(_) => break,
        }
    }
    let stream = u.take_rest();
    let limits = Limits::default()
        .with_max_line(512)
        .with_max_literal(1024)
        .with_max_message(4096)
        .with_max_literals(8);
    let config = ClientConfig::default()
        .with_limits(limits)
        .with_mailbox_view(flags & 1 == 1)
        .with_refuse_disallowed(flags & 2 == 0);
    let whole = run(&config, &commands, stream, stream.len());
    let chunked = run(&config, &commands, stream, usize::from(*chunk));
    assert!(whole == chunked, "chunks of {chunk} give other events");
}
