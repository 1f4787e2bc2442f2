//! One connection of the example server: the machine's events answered from the store.

use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};

use imap_wire::server::auth::PlainCredentials;
use imap_wire::server::{CommandHandle, Event, Server, ServerConfig};
use imap_wire::types::command::{AppendData, StoreFlags};
use imap_wire::types::list::List;
use imap_wire::types::list_args::ListPatterns;
use imap_wire::{
    Atom, Capabilities, Capability, Code, Command, CommandBody, Data, Delimiter, Flag, FlagList,
    FlagPerm, FlagPermList, Greeting, GreetingKind, IntoStatic, Mailbox, MailboxAttribute,
    MailboxList, Parse, ResponseText, StatusAttribute, StatusData, StatusItem, StatusKind,
};

#[path = "messages.rs"]
mod messages;

use super::store::{Store, has_flag};

/// The state of one connection.
pub struct Session {
    pub server: Server,
    store: Arc<Mutex<Store>>,
    selected: Option<Selected>,
}

struct Selected {
    name: String,
    read_only: bool,
    /// Messages the client knows of.
    known: usize,
}

type Result = std::result::Result<(), imap_wire::server::UsageError>;

impl Session {
    /// A greeted session.
    pub fn new(store: Arc<Mutex<Store>>) -> Self {
        let mut server = Server::new(ServerConfig::default());
        let greeting = Greeting {
            kind: GreetingKind::Ok,
            text: ResponseText::text("imap-wire example server ready").expect("valid text"),
        };
        server.greet(greeting).expect("first greeting");
        Self {
            server,
            store,
            selected: None,
        }
    }

    /// Answers every event; `false` once the connection is over.
    pub fn serve(&mut self) -> bool {
        while let Some(event) = self.server.next_event() {
            let event = event.into_static();
            let outcome = match event {
                Event::Command { handle, command } => self.command(handle, command),
                Event::AuthenticateData { handle, data } => {
                    let decoded = data.expose().decode();
                    self.authenticate(handle, &decoded)
                }
                Event::IdleDone { handle } => {
                    self.server
                        .complete(handle, StatusKind::Ok, None, "IDLE terminated")
                }
                Event::Closed => return false,
                Event::Error(e) => {
                    eprintln!("client error: {e}");
                    Ok(())
                }
                _ => Ok(()),
            };
            if let Err(e) = outcome {
                eprintln!("server error: {e}");
            }
        }
        !self.server.is_closed()
    }

    fn command(&mut self, h: CommandHandle, command: Command<'static>) -> Result {
        use CommandBody as C;
        match command.body {
            C::Capability => {
                let mut caps = vec![
                    Capability::Imap4Rev1,
                    Capability::Auth(Atom::new("PLAIN").expect("atom")),
                ];
                caps.extend(self.server.capabilities());
                let caps = Capabilities::new(caps.into_iter().collect()).expect("not empty");
                self.server.data(h, Data::Capability(caps))?;
                self.ok(h, "CAPABILITY completed")
            }
            C::Noop | C::Check => {
                self.report_new(h)?;
                self.ok(h, "NOOP completed")
            }
            C::Logout => self.ok(h, "LOGOUT completed"),
            C::Login { username, password } => {
                let good = self
                    .store()
                    .check(username.as_bytes(), password.expose().as_bytes());
                self.login_done(h, good)
            }
            C::Authenticate {
                mechanism,
                initial_response,
            } => {
                if !mechanism.as_str().eq_ignore_ascii_case("PLAIN") {
                    return self
                        .server
                        .complete(h, StatusKind::No, None, "Unsupported mechanism");
                }
                match initial_response {
                    Some(ir) => self.authenticate(h, &ir.expose().decode()),
                    None => self.server.challenge(h, b""),
                }
            }
            C::Select { mailbox, .. } => self.select(h, &mailbox, false),
            C::Examine { mailbox, .. } => self.select(h, &mailbox, true),
            C::Create { mailbox, .. } => {
                let created = self.store().create(mailbox.as_str());
                self.done_if(h, created, "CREATE completed", "Mailbox exists")
            }
            C::Delete { mailbox } => {
                let removed = self.store().mailboxes.remove(mailbox.as_str()).is_some();
                self.done_if(h, removed, "DELETE completed", "No such mailbox")
            }
            C::Subscribe { .. } | C::Unsubscribe { .. } => self.ok(h, "completed"),
            C::List(args) => {
                let pattern = match &args.patterns {
                    ListPatterns::Single(p) => p.as_str().as_bytes().to_vec(),
                    ListPatterns::Multiple(ps) => ps
                        .iter()
                        .next()
                        .map(|p| p.as_str().as_bytes().to_vec())
                        .unwrap_or_default(),
                };
                self.list(h, &pattern, false)
            }
            C::Lsub(args) => {
                let pattern = args.pattern.as_str().as_bytes().to_vec();
                self.list(h, &pattern, true)
            }
            C::Status(args) => self.status(h, &args.mailbox, args.attributes.iter().collect()),
            C::Append { mailbox, messages } => {
                // MULTIAPPEND: every message is checked before any is stored, so the
                // command appends all of them or none.
                let mut batch = Vec::with_capacity(messages.len());
                for message in messages.iter() {
                    let AppendData::Literal(lit) = &message.data else {
                        return self
                            .server
                            .complete(h, StatusKind::No, None, "Unsupported data");
                    };
                    let flags = message
                        .flags
                        .as_ref()
                        .map(|f| flag_names(&f.0))
                        .unwrap_or_default();
                    batch.push((lit.as_bytes().to_vec(), flags));
                }
                let mut store = self.store();
                let Some(name) = store.find(mailbox.as_str()) else {
                    drop(store);
                    return self.server.complete(
                        h,
                        StatusKind::No,
                        Some(Code::TryCreate),
                        "No such mailbox",
                    );
                };
                let target = store.mailboxes.get_mut(&name).expect("found");
                for (bytes, flags) in batch {
                    target.append(bytes, flags);
                }
                drop(store);
                self.ok(h, "APPEND completed")
            }
            C::Idle => self.server.accept_idle(h),
            C::Close | C::Unselect => {
                let expunge = matches!(command.body, C::Close);
                if let Some(sel) = self.selected.take() {
                    if expunge && !sel.read_only {
                        let mut store = self.store();
                        if let Some(mb) = store.mailboxes.get_mut(&sel.name) {
                            mb.messages.retain(|m| !has_flag(&m.flags, "\\Deleted"));
                        }
                    }
                }
                self.ok(h, "completed")
            }
            C::Expunge => {
                self.expunge(h, None)?;
                self.ok(h, "EXPUNGE completed")
            }
            C::UidExpunge { sequence_set } => {
                self.expunge(h, Some(&sequence_set))?;
                self.ok(h, "EXPUNGE completed")
            }
            C::Search { uid, args } => {
                let numbers = self.search(&args.program.keys, uid);
                let numbers: List<'_, NonZeroU32> =
                    numbers.into_iter().filter_map(NonZeroU32::new).collect();
                let data = imap_wire::SearchData {
                    numbers,
                    mod_seq: None,
                };
                self.server.data(h, Data::Search(data))?;
                self.ok(h, "SEARCH completed")
            }
            C::Fetch {
                uid,
                sequence_set,
                items,
                ..
            } => {
                let attributes = items.expand();
                self.fetch(h, uid, &sequence_set, &attributes)?;
                self.ok(h, "FETCH completed")
            }
            C::Store {
                uid,
                sequence_set,
                att,
                ..
            } => {
                // Gmail's labels are not kept here: only a flags change is carried out.
                let Some(flags) = att.as_flags() else {
                    return self.server.complete(
                        h,
                        StatusKind::Bad,
                        None,
                        "Only FLAGS can be stored",
                    );
                };
                let names = match &flags.flags {
                    StoreFlags::List(l) => flag_names(&l.0),
                    StoreFlags::Bare { first, rest } => {
                        let all: List<'_, Flag<'_>> =
                            std::iter::once(first.clone()).chain(rest.iter()).collect();
                        flag_names(&all)
                    }
                };
                self.store_flags(h, uid, &sequence_set, flags.action, &names, flags.silent)?;
                self.ok(h, "STORE completed")
            }
            C::Copy {
                uid,
                sequence_set,
                mailbox,
            } => self.copy(h, uid, &sequence_set, &mailbox, false),
            C::Move {
                uid,
                sequence_set,
                mailbox,
            } => self.copy(h, uid, &sequence_set, &mailbox, true),
            C::Namespace => self
                .server
                .complete(h, StatusKind::Bad, None, "Unsupported command"),
            _ => self
                .server
                .complete(h, StatusKind::Bad, None, "Unknown command"),
        }
    }

    fn store(&self) -> std::sync::MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn no_such(&mut self, h: CommandHandle) -> Result {
        let code = Some(Code::NonExistent);
        self.server
            .complete(h, StatusKind::No, code, "No such mailbox")
    }

    fn ok(&mut self, h: CommandHandle, text: &str) -> Result {
        self.server.complete(h, StatusKind::Ok, None, text)
    }

    fn done_if(&mut self, h: CommandHandle, ok: bool, yes: &str, no: &str) -> Result {
        if ok {
            self.ok(h, yes)
        } else {
            self.server.complete(h, StatusKind::No, None, no)
        }
    }

    fn login_done(&mut self, h: CommandHandle, good: bool) -> Result {
        if good {
            self.ok(h, "Logged in")
        } else {
            self.server.complete(
                h,
                StatusKind::No,
                Some(Code::AuthenticationFailed),
                "Invalid credentials",
            )
        }
    }

    fn authenticate(&mut self, h: CommandHandle, response: &[u8]) -> Result {
        let good = PlainCredentials::decode(response)
            .is_some_and(|c| self.store().check(c.authcid, c.password.expose()));
        self.login_done(h, good)
    }

    /// Reports messages added since the client last heard.
    fn report_new(&mut self, h: CommandHandle) -> Result {
        let Some(sel) = self.selected.as_mut() else {
            return Ok(());
        };
        let count = self
            .store
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .mailboxes
            .get(&sel.name)
            .map_or(0, |m| m.messages.len());
        if count != sel.known {
            sel.known = count;
            self.server.data(h, Data::Exists(count as u32))?;
        }
        Ok(())
    }

    fn select(&mut self, h: CommandHandle, mailbox: &Mailbox<'_>, read_only: bool) -> Result {
        self.selected = None;
        let store = self.store();
        let Some(name) = store.find(mailbox.as_str()) else {
            drop(store);
            return self.no_such(h);
        };
        let mb = &store.mailboxes[&name];
        let (count, validity, next, unseen_at) = (
            mb.messages.len(),
            mb.uid_validity,
            mb.uid_next,
            mb.messages
                .iter()
                .position(|m| !has_flag(&m.flags, "\\Seen")),
        );
        drop(store);
        let flags: FlagList<'_> = FlagList(
            ["\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft"]
                .iter()
                .filter_map(|f| Flag::parse(f.as_bytes()).ok())
                .collect(),
        );
        self.server.data(h, Data::Flags(flags.clone()))?;
        self.server.data(h, Data::Exists(count as u32))?;
        self.server.data(h, Data::Recent(0))?;
        self.server.status(
            StatusKind::Ok,
            Some(Code::UidValidity(nz(validity))),
            "UIDs valid",
        )?;
        self.server.status(
            StatusKind::Ok,
            Some(Code::UidNext(nz(next))),
            "Predicted next UID",
        )?;
        if let Some(k) = unseen_at {
            self.server.status(
                StatusKind::Ok,
                Some(Code::Unseen(nz(k as u32 + 1))),
                "First unseen",
            )?;
        }
        let mut perm: Vec<FlagPerm<'_>> = flags.0.iter().map(FlagPerm::Flag).collect();
        perm.push(FlagPerm::Any);
        self.server.status(
            StatusKind::Ok,
            Some(Code::PermanentFlags(FlagPermList(
                perm.into_iter().collect(),
            ))),
            "Flags permitted",
        )?;
        self.selected = Some(Selected {
            name,
            read_only,
            known: count,
        });
        let (code, text) = if read_only {
            (Code::ReadOnly, "EXAMINE completed")
        } else {
            (Code::ReadWrite, "SELECT completed")
        };
        self.server.complete(h, StatusKind::Ok, Some(code), text)
    }

    fn list(&mut self, h: CommandHandle, pattern: &[u8], lsub: bool) -> Result {
        let delimiter = Delimiter::new('/').ok();
        if pattern.is_empty() {
            let mut root = MailboxList::new(Mailbox::new("").expect("empty name"), delimiter);
            root.attributes = std::iter::once(MailboxAttribute::Noselect).collect();
            return self
                .server
                .data(h, Data::List(root))
                .and_then(|()| self.ok(h, "LIST completed"));
        }
        let names: Vec<String> = self.store().mailboxes.keys().cloned().collect();
        for name in names.iter().filter(|n| matches(pattern, n.as_bytes())) {
            let Ok(mailbox) = Mailbox::new(name.as_str()) else {
                continue;
            };
            let list = MailboxList::new(mailbox, delimiter);
            self.server.data(
                h,
                if lsub {
                    Data::Lsub(list)
                } else {
                    Data::List(list)
                },
            )?;
        }
        self.ok(h, "LIST completed")
    }

    fn status(
        &mut self,
        h: CommandHandle,
        mailbox: &Mailbox<'_>,
        attrs: Vec<StatusAttribute<'_>>,
    ) -> Result {
        let store = self.store();
        let Some(name) = store.find(mailbox.as_str()) else {
            drop(store);
            return self.no_such(h);
        };
        let mb = &store.mailboxes[&name];
        let items: List<'_, StatusItem<'_>> = attrs
            .iter()
            .filter_map(|a| {
                Some(match a {
                    StatusAttribute::Messages => StatusItem::Messages(mb.messages.len() as u32),
                    StatusAttribute::UidNext => StatusItem::UidNext(nz(mb.uid_next)),
                    StatusAttribute::UidValidity => StatusItem::UidValidity(nz(mb.uid_validity)),
                    StatusAttribute::Unseen => StatusItem::Unseen(mb.unseen() as u32),
                    StatusAttribute::Recent => StatusItem::Recent(0),
                    _ => return None,
                })
            })
            .collect();
        drop(store);
        let data = StatusData {
            mailbox: mailbox.clone(),
            items,
        };
        self.server.data(h, Data::Status(data))?;
        self.ok(h, "STATUS completed")
    }
}

/// `n` as a non-zero number (0 becomes 1).
fn nz(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n.max(1)).unwrap_or(NonZeroU32::MIN)
}

/// The flags of a list, as text.
fn flag_names(flags: &List<'_, Flag<'_>>) -> Vec<String> {
    flags
        .iter()
        .map(|f| String::from_utf8_lossy(&imap_wire::to_vec(&f)).into_owned())
        .collect()
}

/// LIST pattern matching: `*` matches anything, `%` anything but the delimiter.
fn matches(pattern: &[u8], name: &[u8]) -> bool {
    match pattern.split_first() {
        None => name.is_empty(),
        Some((b'*', rest)) => (0..=name.len()).any(|k| matches(rest, &name[k..])),
        Some((b'%', rest)) => (0..=name.len())
            .take_while(|&k| k == 0 || name[k - 1] != b'/')
            .any(|k| matches(rest, &name[k..])),
        Some((&c, rest)) => name
            .split_first()
            .is_some_and(|(&n, tail)| n.eq_ignore_ascii_case(&c) && matches(rest, tail)),
    }
}
