//! The client machine against a real server: a private Dovecot instance (its own
//! configuration, directories and port, started as a child process), driven by the session
//! of the `client` example. Fails loudly, never skips, when Dovecot cannot be installed or
//! started. No system service is touched.

mod support;

#[path = "../examples/client/session.rs"]
mod session;

use std::fs;
use std::io::Read;
use std::net::TcpStream;
use std::os::unix::fs::chown;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const UID: u32 = 65534;
const GID: u32 = 65534;

/// The Dovecot child process; killed and its directory removed on drop.
struct Dovecot {
    child: Child,
    dir: PathBuf,
    port: u16,
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// A message file in a Maildir's `cur`.
fn message(subject: &str, body: &str) -> String {
    format!(
        "From: Alice <alice@example.org>\r\nTo: Fred <fred@example.org>\r\n\
         Subject: {subject}\r\nDate: Fri, 27 Nov 2026 08:00:00 +0000\r\n\
         Message-ID: <{}@example.org>\r\n\r\n{body}\r\n",
        subject.replace(' ', ".")
    )
}

fn chown_tree(path: &Path) {
    chown(path, Some(UID), Some(GID)).expect("chown");
    if path.is_dir() {
        for entry in fs::read_dir(path).expect("read_dir") {
            chown_tree(&entry.expect("entry").path());
        }
    }
}

fn start_dovecot() -> Dovecot {
    let binary = support::ensure_installed("dovecot", "dovecot-imapd");
    let port = support::free_port();
    let dir = std::env::temp_dir().join(format!("imap-wire-dovecot-{}-{port}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    let maildir = dir.join("home/fred/Maildir");
    for sub in [
        "cur",
        "new",
        "tmp",
        ".Archive/cur",
        ".Archive/new",
        ".Archive/tmp",
    ] {
        fs::create_dir_all(maildir.join(sub)).expect("create the Maildir");
    }
    let messages = [
        ("first hello", "The first message."),
        ("second about wire", "The second message, about the wire."),
        ("third note", "A third one.\r\nWith two lines."),
    ];
    for (k, (subject, body)) in messages.iter().enumerate() {
        let name = format!("{}.M{k}P1.imapwire:2,S", 1_700_000_000 + k);
        fs::write(maildir.join("cur").join(name), message(subject, body)).expect("message");
    }
    chown_tree(&dir.join("home"));
    fs::write(dir.join("passwd"), "fred:{PLAIN}secret::::::\n").expect("passwd file");
    fs::create_dir_all(dir.join("run")).expect("base_dir");
    fs::create_dir_all(dir.join("state")).expect("state_dir");
    let d = dir.display();
    let config = format!(
        "base_dir = {d}/run
state_dir = {d}/state
instance_name = imap-wire-{port}
log_path = {d}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = {UID}
first_valid_gid = {GID}
mail_location = maildir:~/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/passwd
}}
userdb {{
  driver = static
  args = uid={UID} gid={GID} home={d}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service stats {{
  unix_listener stats-reader {{
    mode = 0600
  }}
  unix_listener stats-writer {{
    mode = 0600
  }}
}}
"
    );
    let conf = dir.join("dovecot.conf");
    fs::write(&conf, config).expect("dovecot.conf");
    let child = Command::new(&binary)
        .arg("-F")
        .arg("-c")
        .arg(&conf)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("FAILED to start {}: {e}", binary.display()));
    let mut dovecot = Dovecot { child, dir, port };
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = dovecot.child.try_wait() {
            let mut err = String::new();
            if let Some(mut e) = dovecot.child.stderr.take() {
                let _ = e.read_to_string(&mut err);
            }
            let log = fs::read_to_string(dovecot.dir.join("dovecot.log")).unwrap_or_default();
            panic!("FAILED: Dovecot exited ({status}) before listening:\n{err}\n{log}");
        }
        assert!(
            Instant::now() < deadline,
            "FAILED: Dovecot did not listen on port {port} within 20 s"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    dovecot
}

#[test]
fn the_example_session_against_dovecot() {
    let dovecot = start_dovecot();
    let addr = format!("127.0.0.1:{}", dovecot.port);
    let report =
        session::session(&addr, "fred", "secret", Duration::from_secs(2)).unwrap_or_else(|e| {
            let log = fs::read_to_string(dovecot.dir.join("dovecot.log")).unwrap_or_default();
            panic!("session failed: {e}\nDovecot log:\n{log}")
        });
    for step in &report.steps {
        eprintln!("{step}");
    }
    assert!(
        report.mailboxes.iter().any(|m| m == "INBOX"),
        "{:?}",
        report.mailboxes
    );
    assert!(
        report.mailboxes.iter().any(|m| m == "Archive"),
        "{:?}",
        report.mailboxes
    );
    assert_eq!(report.exists, 3);
    assert_eq!(
        report.subjects,
        ["first hello", "second about wire", "third note"]
    );
    assert_eq!(
        report.body,
        message("first hello", "The first message.").as_bytes()
    );
    assert_eq!(report.search, [2]);
    assert!(report.appended);
    assert_eq!(report.exists_after_append, 4);
    assert!(
        report
            .steps
            .last()
            .is_some_and(|s| s.starts_with("logout: OK"))
    );
    // The appended message reached the Maildir (Dovecot stores lines ending in LF).
    let stored = String::from_utf8_lossy(session::APPENDED).replace("\r\n", "\n");
    let new_dir = dovecot.dir.join("home/fred/Maildir");
    let found = ["new", "cur"].iter().any(|sub| {
        fs::read_dir(new_dir.join(sub))
            .into_iter()
            .flatten()
            .flatten()
            .any(|e| fs::read_to_string(e.path()).is_ok_and(|b| b == stored))
    });
    assert!(found, "the appended message is not in the Maildir");
}
