//! What the server machine's tests share: a greeted machine and its drained output.

#![allow(dead_code)]

use imap_wire::server::{Server, ServerConfig};
use imap_wire::{Greeting, GreetingKind, ResponseText};

/// A machine that has sent `* OK ready` (or `* PREAUTH ready`), with that output drained.
pub fn greeted(config: ServerConfig, preauth: bool) -> Server {
    let mut s = Server::new(config);
    let kind = if preauth {
        GreetingKind::PreAuth
    } else {
        GreetingKind::Ok
    };
    s.greet(Greeting {
        kind,
        text: ResponseText::text("ready").unwrap(),
    })
    .unwrap();
    take(&mut s);
    s
}

/// Drains the output.
pub fn take(s: &mut Server) -> Vec<u8> {
    let out = s.transmit().to_vec();
    s.sent(out.len());
    out
}
