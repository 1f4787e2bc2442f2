//! The in-memory mail store of the example server: users, mailboxes of messages with UIDs
//! and flags, loaded from mbox files or a small demo set.

use std::collections::BTreeMap;
use std::path::Path;

/// A stored message.
#[derive(Clone)]
pub struct Message {
    pub uid: u32,
    pub flags: Vec<String>,
    /// The message with CRLF line ends.
    pub raw: Vec<u8>,
}

/// A mailbox.
pub struct Mailbox {
    pub uid_validity: u32,
    pub uid_next: u32,
    pub messages: Vec<Message>,
}

impl Mailbox {
    fn new(uid_validity: u32) -> Self {
        Self {
            uid_validity,
            uid_next: 1,
            messages: Vec::new(),
        }
    }

    /// Adds a message; returns its UID.
    pub fn append(&mut self, raw: Vec<u8>, flags: Vec<String>) -> u32 {
        let uid = self.uid_next;
        self.uid_next += 1;
        self.messages.push(Message { uid, flags, raw });
        uid
    }

    /// Messages without `\Seen`.
    pub fn unseen(&self) -> usize {
        self.messages
            .iter()
            .filter(|m| !has_flag(&m.flags, "\\Seen"))
            .count()
    }
}

/// Whether `flags` holds `flag` (case-insensitively).
pub fn has_flag(flags: &[String], flag: &str) -> bool {
    flags.iter().any(|f| f.eq_ignore_ascii_case(flag))
}

/// Users and mailboxes.
pub struct Store {
    pub users: Vec<(String, String)>,
    pub mailboxes: BTreeMap<String, Mailbox>,
    next_validity: u32,
}

impl Store {
    /// An empty store.
    pub fn new(users: Vec<(String, String)>) -> Self {
        Self {
            users,
            mailboxes: BTreeMap::new(),
            next_validity: 1,
        }
    }

    /// Whether `user` has password `password`.
    pub fn check(&self, user: &[u8], password: &[u8]) -> bool {
        self.users
            .iter()
            .any(|(u, p)| u.as_bytes() == user && p.as_bytes() == password)
    }

    /// Creates a mailbox; `false` when it exists.
    pub fn create(&mut self, name: &str) -> bool {
        if self.find(name).is_some() {
            return false;
        }
        let validity = self.next_validity;
        self.next_validity += 1;
        self.mailboxes
            .insert(name.to_owned(), Mailbox::new(validity));
        true
    }

    /// The stored name of mailbox `name` (INBOX in any case).
    pub fn find(&self, name: &str) -> Option<String> {
        if name.eq_ignore_ascii_case("INBOX") {
            return self
                .mailboxes
                .contains_key("INBOX")
                .then(|| "INBOX".to_owned());
        }
        self.mailboxes.contains_key(name).then(|| name.to_owned())
    }

    /// Loads an mbox file as a mailbox named after the file.
    pub fn load_mbox(&mut self, path: &Path) -> std::io::Result<()> {
        let data = std::fs::read(path)?;
        let stem = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("mbox")
            .trim_end_matches(".mbox");
        let name = if stem.eq_ignore_ascii_case("INBOX") {
            "INBOX".to_owned()
        } else {
            stem.to_owned()
        };
        self.create(&name);
        let mailbox = self.mailboxes.get_mut(&name).expect("just created");
        for message in split_mbox(&data) {
            mailbox.append(message, Vec::new());
        }
        Ok(())
    }

    /// The demo set: INBOX with three messages (one multipart), Sent with one, Drafts.
    pub fn demo(&mut self) {
        self.create("INBOX");
        self.create("Sent");
        self.create("Drafts");
        let inbox = self.mailboxes.get_mut("INBOX").expect("created");
        inbox.append(
            crlf(b"From: Alice Example <alice@example.org>\nTo: demo@example.org\nSubject: Welcome\nDate: Mon, 7 Feb 1994 21:52:25 -0800\nMessage-ID: <welcome@example.org>\n\nHello and welcome to the demo mailbox.\n"),
            vec!["\\Seen".to_owned()],
        );
        inbox.append(
            crlf(b"From: Bob <bob@example.net>\nTo: demo@example.org, Carol <carol@example.com>\nSubject: Minutes of the meeting\nDate: Tue, 8 Feb 1994 10:00:00 +0000\nMessage-ID: <minutes@example.net>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b1\"\n\nPreamble.\n--b1\nContent-Type: text/plain; charset=us-ascii\n\nThe minutes are attached.\n--b1\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n<p>The minutes</p>\n--b1--\n"),
            Vec::new(),
        );
        inbox.append(
            crlf(b"From: smith@example.com\nTo: demo@example.org\nSubject: Lunch?\nDate: Wed, 9 Feb 1994 12:30:00 +0100\nMessage-ID: <lunch@example.com>\n\nShall we have lunch on Friday?\n"),
            vec!["\\Flagged".to_owned()],
        );
        let sent = self.mailboxes.get_mut("Sent").expect("created");
        sent.append(
            crlf(b"From: demo@example.org\nTo: Alice Example <alice@example.org>\nSubject: Re: Welcome\nDate: Mon, 7 Feb 1994 22:00:00 -0800\nMessage-ID: <re-welcome@example.org>\nIn-Reply-To: <welcome@example.org>\n\nThank you!\n"),
            vec!["\\Seen".to_owned()],
        );
    }
}

/// `bytes` with every line ending in CRLF.
pub fn crlf(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 32);
    let mut prev = 0u8;
    for &b in bytes {
        if b == b'\n' && prev != b'\r' {
            out.push(b'\r');
        }
        out.push(b);
        prev = b;
    }
    out
}

/// The messages of an mbox file (mboxrd: `>From ` lines unquoted), with CRLF line ends.
pub fn split_mbox(data: &[u8]) -> Vec<Vec<u8>> {
    let mut messages = Vec::new();
    let mut current: Option<Vec<u8>> = None;
    for line in data.split_inclusive(|&b| b == b'\n') {
        if line.starts_with(b"From ") {
            if let Some(m) = current.take() {
                messages.push(m);
            }
            current = Some(Vec::new());
            continue;
        }
        let Some(m) = current.as_mut() else { continue };
        let unquoted = match line.iter().position(|&b| b != b'>') {
            Some(k) if k > 0 && line[k..].starts_with(b"From ") => &line[1..],
            _ => line,
        };
        m.extend_from_slice(unquoted);
    }
    messages.extend(current);
    messages
        .into_iter()
        .map(|mut m| {
            // The blank line before the next "From " belongs to the separator.
            if m.ends_with(b"\n\n") {
                m.pop();
            }
            crlf(&m)
        })
        .collect()
}
