//! The example server (`examples/server.rs`, the same modules run here in-process on a free
//! port) driven by real clients: Python's imaplib, curl and mbsync. A client that is missing
//! is installed from Debian's packages, or the test fails; nothing is skipped.

#![allow(dead_code)]

mod support;

#[path = "../examples/server/fetch.rs"]
mod fetch;
#[path = "../examples/server/mime.rs"]
mod mime;
#[path = "../examples/server/net.rs"]
mod net;
#[path = "../examples/server/search.rs"]
mod search;
#[path = "../examples/server/session.rs"]
mod session;
#[path = "../examples/server/store.rs"]
mod store;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

use store::Store;

/// Messages of the mbox the server is started with (its INBOX).
const MBOX: &str = "From alice@example.org Mon Feb  7 21:52:25 1994\n\
From: Alice <alice@example.org>\n\
To: demo@example.org\n\
Subject: First message\n\
Message-ID: <first@example.org>\n\
\n\
Hello from the mbox.\n\
>From the quoted line.\n\
\n\
From bob@example.net Tue Feb  8 10:00:00 1994\n\
From: Bob <bob@example.net>\n\
To: demo@example.org\n\
Subject: Second message\n\
Message-ID: <second@example.net>\n\
\n\
Second body.\n";

/// Starts the example server on a free port with `mboxes`; returns the port.
fn start(mboxes: &[PathBuf]) -> u16 {
    let mut store = Store::new(vec![("demo".to_owned(), "secret pw".to_owned())]);
    if mboxes.is_empty() {
        store.demo();
    }
    for m in mboxes {
        store.load_mbox(m).expect("mbox loads");
    }
    store.create("INBOX");
    store.create("Archive");
    let port = support::free_port();
    let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind the free port");
    let store = Arc::new(Mutex::new(store));
    std::thread::spawn(move || net::run(listener, store));
    port
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("imap-wire-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

fn write_mbox(dir: &Path) -> PathBuf {
    let path = dir.join("INBOX");
    std::fs::write(&path, MBOX).expect("write the mbox");
    path
}

fn run(command: &mut Command) -> String {
    let out = command.output().expect("the client starts");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{command:?} failed ({}):\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

const IMAPLIB: &str = r#"
import imaplib, sys
port = int(sys.argv[1])
M = imaplib.IMAP4("127.0.0.1", port)
assert "IMAP4REV1" in M.capabilities, M.capabilities
typ, _ = M.login("demo", "secret pw")
assert typ == "OK"
typ, boxes = M.list()
assert typ == "OK" and any(b'"/" INBOX' in b for b in boxes), boxes
typ, data = M.select("INBOX")
assert typ == "OK" and data == [b"2"], data
typ, data = M.search(None, "SUBJECT", '"second"')
assert data == [b"2"], data
typ, data = M.fetch("1", "(FLAGS ENVELOPE BODY.PEEK[TEXT])")
assert typ == "OK", data
assert b"First message" in data[0][0], data
assert data[0][1] == b"Hello from the mbox.\r\nFrom the quoted line.\r\n", data
typ, data = M.store("2", "+FLAGS", "(\\Flagged)")
assert typ == "OK" and b"\\Flagged" in data[0], data
typ, data = M.search(None, "FLAGGED")
assert data == [b"2"], data
message = b"From: py@example.org\r\nSubject: Appended by imaplib\r\n\r\nLine one\r\nLine two\r\n"
typ, data = M.append("INBOX", "(\\Seen)", None, message)
assert typ == "OK", data
typ, data = M.select("INBOX")
assert data == [b"3"], data
typ, data = M.fetch("3", "(BODY.PEEK[])")
assert data[0][1] == message, data
typ, data = M.logout()
assert typ == "BYE", (typ, data)
print("imaplib ok")
"#;

#[test]
fn python_imaplib() {
    let python = support::ensure_installed("python3", "python3");
    let dir = scratch("imaplib");
    let port = start(&[write_mbox(&dir)]);
    let out = run(Command::new(python).args(["-c", IMAPLIB, &port.to_string()]));
    assert!(out.contains("imaplib ok"), "{out}");
}

#[test]
fn curl_lists_and_fetches() {
    let curl = support::ensure_installed("curl", "curl");
    let dir = scratch("curl");
    let port = start(&[write_mbox(&dir)]);
    let base = format!("imap://127.0.0.1:{port}");
    let list = run(Command::new(&curl).args([
        "-sS",
        "--max-time",
        "20",
        "-u",
        "demo:secret pw",
        &format!("{base}/"),
    ]));
    assert!(list.contains("INBOX") && list.contains("Archive"), "{list}");
    let message = run(Command::new(&curl).args([
        "-sS",
        "--max-time",
        "20",
        "-u",
        "demo:secret pw",
        &format!("{base}/INBOX;UID=2"),
    ]));
    assert!(message.contains("Subject: Second message"), "{message}");
    assert!(message.contains("Second body."), "{message}");
}

#[test]
fn mbsync_mirrors_the_account() {
    let mbsync = support::ensure_installed("mbsync", "isync");
    let dir = scratch("mbsync");
    let port = start(&[]);
    let maildir = dir.join("mail");
    std::fs::create_dir_all(&maildir).expect("maildir root");
    let config = format!(
        "IMAPAccount test\nHost 127.0.0.1\nPort {port}\nUser demo\nPass \"secret pw\"\n\
         SSLType None\nAuthMechs LOGIN\n\n\
         IMAPStore remote\nAccount test\n\n\
         MaildirStore local\nPath {root}/\nInbox {root}/INBOX\nSubFolders Verbatim\n\n\
         Channel sync\nFar :remote:\nNear :local:\nPatterns *\nCreate Near\nSync Pull\nSyncState *\n",
        root = maildir.display()
    );
    let rc = dir.join("mbsyncrc");
    std::fs::write(&rc, config).expect("write mbsyncrc");
    run(Command::new(&mbsync).arg("-c").arg(&rc).arg("-a"));

    // Every message of the demo set arrived, byte for byte (mbsync stores LF line ends and
    // adds its X-TUID header line).
    let mut demo = Store::new(Vec::new());
    demo.demo();
    for (name, mailbox) in &demo.mailboxes {
        let mut want: Vec<String> = mailbox
            .messages
            .iter()
            .map(|m| String::from_utf8_lossy(&m.raw).replace("\r\n", "\n"))
            .collect();
        let mut got = Vec::new();
        for sub in ["cur", "new"] {
            let Ok(entries) = std::fs::read_dir(maildir.join(name).join(sub)) else {
                continue;
            };
            for entry in entries {
                let text = std::fs::read_to_string(entry.expect("entry").path()).expect("message");
                let text: String = text
                    .split_inclusive('\n')
                    .filter(|line| !line.starts_with("X-TUID: "))
                    .collect();
                got.push(text);
            }
        }
        want.sort();
        got.sort();
        assert!(!want.is_empty() || name != "INBOX");
        assert_eq!(got, want, "mailbox {name}");
    }
}
