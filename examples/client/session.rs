//! A blocking IMAP session over std TCP driven by the client state machine: the socket and
//! the policy live here, the protocol flow in `imap_wire::client::Client`.
//!
//! Shared by the `client` example and the Dovecot interoperability test.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use imap_wire::client::{Client, ClientConfig, CommandHandle, Event};
use imap_wire::types::command::{AppendData, AppendMessage};
use imap_wire::types::message::MessageAttribute;
use imap_wire::{
    AString, Capability, Code, CommandBody, Data, IntoStatic, Literal, Mailbox, Parse, StatusKind,
};

/// What a command brought back.
#[derive(Debug)]
pub struct Outcome {
    /// The completion's status.
    pub status: StatusKind,
    /// The completion's code, if any.
    pub code: Option<Code<'static>>,
    /// The untagged data that arrived while the command ran.
    pub data: Vec<Data<'static>>,
}

/// What the whole session saw, for a summary and for tests.
#[derive(Debug, Default)]
pub struct Report {
    /// One readable line per step.
    pub steps: Vec<String>,
    /// Mailbox names from LIST.
    pub mailboxes: Vec<String>,
    /// EXISTS after SELECT INBOX.
    pub exists: u32,
    /// Subjects from the envelopes, in order.
    pub subjects: Vec<String>,
    /// The full body of message 1.
    pub body: Vec<u8>,
    /// SEARCH results.
    pub search: Vec<u32>,
    /// Whether APPEND completed OK.
    pub appended: bool,
    /// Untagged updates seen while idling.
    pub idle_updates: usize,
    /// EXISTS seen during or after APPEND.
    pub exists_after_append: u32,
}

/// A connection: the socket and the machine.
pub struct Connection {
    stream: TcpStream,
    client: Client,
    buf: Vec<u8>,
}

/// Errors of the session, as text for a summary.
pub type Failure = String;

fn fail<E: std::fmt::Display>(what: &str) -> impl FnOnce(E) -> Failure + '_ {
    move |e| format!("{what}: {e}")
}

impl Connection {
    /// Connects and reads the greeting.
    pub fn connect(addr: &str) -> Result<(Self, String), Failure> {
        let stream = TcpStream::connect(addr).map_err(fail("connect"))?;
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .map_err(fail("socket"))?;
        let mut conn = Self {
            stream,
            client: Client::new(ClientConfig::default().with_mailbox_view(true)),
            buf: vec![0; 64 * 1024],
        };
        loop {
            conn.read()?;
            let greeting = match conn.client.next_event() {
                None => continue,
                Some(Event::GreetingReceived(g)) => {
                    let text = g.text.human().map(|t| t.as_str().to_string());
                    format!("{:?} {}", g.kind, text.unwrap_or_default())
                }
                Some(other) => return Err(format!("before the greeting: {other:?}")),
            };
            return Ok((conn, greeting));
        }
    }

    /// The machine.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Reads one chunk from the socket into the machine.
    fn read(&mut self) -> Result<usize, Failure> {
        let n = self.stream.read(&mut self.buf).map_err(fail("read"))?;
        if n == 0 {
            self.client.receive_eof();
        } else {
            self.client.receive(&self.buf[..n]);
        }
        Ok(n)
    }

    /// Writes whatever the machine has to send.
    fn flush(&mut self) -> Result<(), Failure> {
        while !self.client.transmit().is_empty() {
            let n = self
                .stream
                .write(self.client.transmit())
                .map_err(fail("write"))?;
            self.client.sent(n);
        }
        Ok(())
    }

    /// Runs one command to its completion, collecting the data that came meanwhile.
    pub fn run(&mut self, body: CommandBody<'_>) -> Result<Outcome, Failure> {
        let handle = self.client.enqueue(body).map_err(fail("enqueue"))?;
        self.wait(handle, |_| {})
    }

    /// Drives the connection until `handle` completes; `on_event` sees every event first.
    fn wait(
        &mut self,
        handle: CommandHandle,
        mut on_event: impl FnMut(&Event<'_>),
    ) -> Result<Outcome, Failure> {
        let mut data = Vec::new();
        loop {
            self.flush()?;
            while let Some(event) = self.client.next_event() {
                on_event(&event);
                match event {
                    Event::DataReceived { data: d, .. } => data.push(d.into_static()),
                    Event::Completed {
                        handle: h,
                        status,
                        code,
                        ..
                    } if h == handle => {
                        return Ok(Outcome {
                            status,
                            code: code.into_static(),
                            data,
                        });
                    }
                    Event::ProtocolError(e) => return Err(format!("protocol error: {e}")),
                    Event::Closed | Event::Aborted { .. } => {
                        return Err("connection closed".into());
                    }
                    _ => {}
                }
            }
            self.flush()?;
            if self.read()? == 0 {
                continue;
            }
        }
    }

    /// IDLE for `time` (or until `enough` updates came), then DONE. `on_accepted` runs once
    /// the server accepted the IDLE.
    pub fn idle(
        &mut self,
        time: Duration,
        enough: usize,
        on_accepted: &mut dyn FnMut(),
    ) -> Result<(Outcome, usize), Failure> {
        let handle = self
            .client
            .enqueue(CommandBody::Idle)
            .map_err(fail("enqueue"))?;
        let start = Instant::now();
        let mut accepted = false;
        let mut updates = 0;
        self.stream
            .set_read_timeout(Some(Duration::from_millis(200)))
            .map_err(fail("socket"))?;
        while start.elapsed() < time && updates < enough {
            self.flush()?;
            while let Some(event) = self.client.next_event() {
                match event {
                    Event::IdleAccepted { .. } => {
                        accepted = true;
                        on_accepted();
                    }
                    Event::DataReceived { .. } if accepted => updates += 1,
                    Event::Completed { status, .. } => {
                        return Err(format!("IDLE ended early: {status:?}"));
                    }
                    _ => {}
                }
            }
            match self.stream.read(&mut self.buf) {
                Ok(0) => return Err("connection closed while idling".into()),
                Ok(n) => self.client.receive(&self.buf[..n]),
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                    ) => {}
                Err(e) => return Err(format!("read: {e}")),
            }
        }
        while !accepted {
            self.flush()?;
            self.read()?;
            while let Some(event) = self.client.next_event() {
                accepted |= matches!(event, Event::IdleAccepted { .. });
            }
        }
        self.stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .map_err(fail("socket"))?;
        self.client.idle_done().map_err(fail("done"))?;
        Ok((self.wait(handle, |_| {})?, updates))
    }
}

/// A command from its wire form (without tag and CRLF).
pub fn command(text: &str) -> Result<CommandBody<'static>, Failure> {
    let line = format!("x {text}\r\n");
    imap_wire::Command::parse(line.as_bytes())
        .map(|c| c.body.into_static())
        .map_err(|e| format!("{text}: {e}"))
}

fn expect_ok(step: &str, outcome: &Outcome) -> Result<(), Failure> {
    if outcome.status == StatusKind::Ok {
        Ok(())
    } else {
        Err(format!(
            "{step} failed: {:?} {:?}",
            outcome.status, outcome.code
        ))
    }
}

/// The message APPENDed by the session.
pub const APPENDED: &[u8] = b"From: imap-wire <wire@example.org>\r\nTo: fred@example.org\r\n\
Subject: appended by imap-wire\r\n\r\nA message with a literal.\r\n";

/// Logs in and appends `message` to INBOX (a second client changing the mailbox).
pub fn append_once(addr: &str, user: &str, password: &str, message: &[u8]) -> Result<(), Failure> {
    let (mut conn, _) = Connection::connect(addr)?;
    let login = CommandBody::login(
        AString::new(user.as_bytes()).map_err(fail("user"))?,
        AString::new(password.as_bytes()).map_err(fail("password"))?,
    );
    expect_ok("LOGIN", &conn.run(login)?)?;
    let append = CommandBody::append(
        Mailbox::new("INBOX").map_err(fail("mailbox"))?,
        AppendMessage::new(AppendData::Literal(
            Literal::new(message).map_err(fail("literal"))?,
        )),
    );
    expect_ok("APPEND", &conn.run(append)?)?;
    expect_ok("LOGOUT", &conn.run(CommandBody::Logout)?)
}

/// The whole session: login, LIST, SELECT INBOX, FETCH envelopes and one full body, SEARCH,
/// APPEND with a literal, IDLE for at most `idle`, LOGOUT.
pub fn session(addr: &str, user: &str, password: &str, idle: Duration) -> Result<Report, Failure> {
    session_with(addr, user, password, idle, &mut || {})
}

/// [`session`], calling `on_idle` once the server accepted the IDLE (a test makes the
/// mailbox change then, and the IDLE ends at the first update).
pub fn session_with(
    addr: &str,
    user: &str,
    password: &str,
    idle: Duration,
    on_idle: &mut dyn FnMut(),
) -> Result<Report, Failure> {
    let mut report = Report::default();
    let (mut conn, greeting) = Connection::connect(addr)?;
    report.steps.push(format!("greeting: {greeting}"));

    let login = CommandBody::login(
        AString::new(user.as_bytes()).map_err(fail("user"))?,
        AString::new(password.as_bytes()).map_err(fail("password"))?,
    );
    let out = conn.run(login)?;
    expect_ok("LOGIN", &out)?;
    let caps = conn
        .client()
        .capabilities()
        .map(|c| {
            c.list()
                .iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default();
    report.steps.push(format!(
        "login: OK, state {:?}, capabilities {caps}",
        conn.client().state()
    ));

    let out = conn.run(command("LIST \"\" \"*\"")?)?;
    expect_ok("LIST", &out)?;
    for d in &out.data {
        if let Data::List(l) = d {
            let name = l.mailbox.to_utf8(false).map_err(fail("mailbox name"))?;
            report.mailboxes.push(name.into_owned());
        }
    }
    report.steps.push(format!(
        "list: {} mailboxes: {}",
        report.mailboxes.len(),
        report.mailboxes.join(", ")
    ));

    let out = conn.run(command("SELECT INBOX")?)?;
    expect_ok("SELECT", &out)?;
    let view = conn.client().mailbox().ok_or("no mailbox view")?;
    report.exists = view.exists();
    report.steps.push(format!(
        "select INBOX: {} messages, UIDVALIDITY {:?}, UIDNEXT {:?}",
        view.exists(),
        view.uid_validity(),
        view.uid_next()
    ));
    if report.exists == 0 {
        return Err("INBOX is empty".into());
    }

    let out = conn.run(command("FETCH 1:* (UID ENVELOPE)")?)?;
    expect_ok("FETCH ENVELOPE", &out)?;
    for d in &out.data {
        if let Data::Fetch { items, .. } = d {
            for item in items.iter() {
                if let MessageAttribute::Envelope(env) = item {
                    let subject = env
                        .subject
                        .0
                        .as_ref()
                        .map(|s| s.as_bytes())
                        .unwrap_or_default();
                    report
                        .subjects
                        .push(String::from_utf8_lossy(subject).into_owned());
                }
            }
        }
    }
    let mut line = format!("fetch envelopes: {} subjects:", report.subjects.len());
    for s in &report.subjects {
        let _ = write!(line, " {s:?}");
    }
    report.steps.push(line);

    let out = conn.run(command("FETCH 1 BODY.PEEK[]")?)?;
    expect_ok("FETCH BODY", &out)?;
    for d in &out.data {
        if let Data::Fetch { items, .. } = d {
            for item in items.iter() {
                if let MessageAttribute::BodySection { data, .. } = item {
                    report.body = data
                        .0
                        .as_ref()
                        .map(|s| s.as_bytes().to_vec())
                        .unwrap_or_default();
                }
            }
        }
    }
    report.steps.push(format!(
        "fetch body of message 1: {} bytes",
        report.body.len()
    ));

    let out = conn.run(command("SEARCH SUBJECT \"wire\"")?)?;
    expect_ok("SEARCH", &out)?;
    for d in &out.data {
        if let Data::Search(s) = d {
            report.search.extend(s.numbers.iter().map(|n| n.get()));
        }
    }
    report
        .steps
        .push(format!("search SUBJECT wire: {:?}", report.search));

    let append = CommandBody::append(
        Mailbox::new("INBOX").map_err(fail("mailbox"))?,
        AppendMessage::new(AppendData::Literal(
            Literal::new(APPENDED).map_err(fail("literal"))?,
        )),
    );
    let out = conn.run(append)?;
    expect_ok("APPEND", &out)?;
    report.appended = true;
    let literal_plus = conn.client().has_capability(&Capability::LiteralPlus);
    report.steps.push(format!(
        "append: OK {:?} ({} literal)",
        out.code,
        if literal_plus {
            "non-synchronising"
        } else {
            "synchronising"
        }
    ));
    let out = conn.run(CommandBody::Noop)?;
    expect_ok("NOOP", &out)?;
    report.exists_after_append = conn.client().mailbox().map_or(0, |v| v.exists());
    report
        .steps
        .push(format!("noop: {} messages now", report.exists_after_append));

    if conn.client().has_capability(&Capability::Idle) {
        let (out, updates) = conn.idle(idle, 1, on_idle)?;
        expect_ok("IDLE", &out)?;
        report.idle_updates = updates;
        report
            .steps
            .push(format!("idle: {updates} updates, then DONE: OK"));
    } else {
        report.steps.push("idle: not offered by the server".into());
    }

    let out = conn.run(CommandBody::Logout)?;
    expect_ok("LOGOUT", &out)?;
    report
        .steps
        .push(format!("logout: OK, state {:?}", conn.client().state()));
    Ok(report)
}
