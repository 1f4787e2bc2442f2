//! A small blocking IMAP client over std TCP, driving `imap_wire::client::Client`.
//!
//! ```sh
//! cargo run --example client -- --server 127.0.0.1:143 --user fred:secret
//! ```
//!
//! It logs in, lists mailboxes, selects INBOX, fetches the envelopes and one full body,
//! searches, appends a message with a literal, idles for a few seconds and logs out, printing
//! a line per step. It exits non-zero on any failure.

mod session;

use std::process::ExitCode;
use std::time::Duration;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let (Some(server), Some(user)) = (value("--server"), value("--user")) else {
        eprintln!("usage: client --server ADDR --user NAME:PASSWORD");
        return ExitCode::from(2);
    };
    let Some((name, password)) = user.split_once(':') else {
        eprintln!("--user takes NAME:PASSWORD");
        return ExitCode::from(2);
    };
    match session::session(&server, name, password, Duration::from_secs(5)) {
        Ok(report) => {
            for step in &report.steps {
                println!("{step}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("FAILED: {e}");
            ExitCode::FAILURE
        }
    }
}
