//! A small IMAP server over std TCP, one thread per connection, with an in-memory mail store,
//! built on the crate's server machine: the machine carries the protocol, this file and the
//! modules under `examples/server/` only the store.
//!
//! ```text
//! cargo run --example server -- --listen 127.0.0.1:1143 --user demo:demo --mbox INBOX
//! ```
//!
//! `--user NAME:PASSWORD` may be repeated (default `demo:demo`); `--mbox PATH` may be repeated,
//! each mbox file becoming a mailbox named after the file (default: a small demo set).

#[path = "server/fetch.rs"]
mod fetch;
#[path = "server/mime.rs"]
mod mime;
#[path = "server/net.rs"]
mod net;
#[path = "server/search.rs"]
mod search;
#[path = "server/session.rs"]
mod session;
#[path = "server/store.rs"]
mod store;

use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use store::Store;

fn main() {
    let mut listen = "127.0.0.1:1143".to_owned();
    let mut users = Vec::new();
    let mut mboxes = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        match (arg.as_str(), value) {
            ("--listen", Some(v)) => listen = v,
            ("--user", Some(v)) => match v.split_once(':') {
                Some((u, p)) => users.push((u.to_owned(), p.to_owned())),
                None => usage(&format!("--user wants NAME:PASSWORD, not {v}")),
            },
            ("--mbox", Some(v)) => mboxes.push(PathBuf::from(v)),
            _ => usage(&format!("unknown or incomplete argument {arg}")),
        }
    }
    if users.is_empty() {
        users.push(("demo".to_owned(), "demo".to_owned()));
    }
    let mut store = Store::new(users);
    if mboxes.is_empty() {
        store.demo();
    } else {
        for path in &mboxes {
            if let Err(e) = store.load_mbox(path) {
                usage(&format!("cannot read {}: {e}", path.display()));
            }
        }
        store.create("INBOX");
    }
    let store = Arc::new(Mutex::new(store));
    let listener = TcpListener::bind(&listen).unwrap_or_else(|e| usage(&format!("{listen}: {e}")));
    eprintln!(
        "listening on {}",
        listener.local_addr().map_or(listen, |a| a.to_string())
    );
    net::run(listener, store);
}

fn usage(message: &str) -> ! {
    eprintln!(
        "{message}\nusage: server [--listen ADDR] [--user NAME:PASSWORD]... [--mbox PATH]..."
    );
    std::process::exit(2);
}
