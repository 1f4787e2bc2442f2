//! Proof that the generators reach every variant: the proptest strategies of this module tree
//! and, under the `arbitrary` feature, the hand-written `Arbitrary` impls, each run a few
//! thousand times, must produce every variant of the message enums (`CommandBody` with and
//! without `UID`, `Response`, `Data`, `MessageAttribute`, `Code`, `Continuation`, the
//! greeting's kinds). The names below come from exhaustive matches, so a new variant does not
//! compile until it is named here, and the test fails until a generator reaches it.

use alloc::collections::BTreeSet;
use alloc::vec::Vec;

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

use crate::types::code::Code;
use crate::types::command::{Command, CommandBody, StoreAtt};
use crate::types::esearch::SearchReturnData;
use crate::types::message::MessageAttribute;
use crate::types::response::{Continuation, Data, Greeting, GreetingKind, Response, Untagged};

/// The variants a value of a message type shows, deepest first (a response names its kind,
/// its data, every FETCH item and its code).
#[derive(Default)]
struct Seen(BTreeSet<&'static str>);

impl Seen {
    fn command(&mut self, c: &Command<'_>) {
        use CommandBody as B;
        let uid = |u: bool, plain: &'static str, with: &'static str| if u { with } else { plain };
        let name = match &c.body {
            B::Capability => "CAPABILITY",
            B::Noop => "NOOP",
            B::Logout => "LOGOUT",
            B::StartTls => "STARTTLS",
            B::Authenticate { .. } => "AUTHENTICATE",
            B::Login { .. } => "LOGIN",
            B::Enable { .. } => "ENABLE",
            B::Select { .. } => "SELECT",
            B::Examine { .. } => "EXAMINE",
            B::Create { .. } => "CREATE",
            B::Delete { .. } => "DELETE",
            B::Rename { .. } => "RENAME",
            B::Subscribe { .. } => "SUBSCRIBE",
            B::Unsubscribe { .. } => "UNSUBSCRIBE",
            B::List(_) => "LIST",
            B::Lsub(_) => "LSUB",
            B::Namespace => "NAMESPACE",
            B::Status(_) => "STATUS",
            B::Append { .. } => "APPEND",
            B::Idle => "IDLE",
            B::Check => "CHECK",
            B::Close => "CLOSE",
            B::Unselect => "UNSELECT",
            B::Expunge => "EXPUNGE",
            B::UidExpunge { .. } => "UID EXPUNGE",
            B::Search { uid: u, .. } => uid(*u, "SEARCH", "UID SEARCH"),
            B::Fetch { uid: u, .. } => uid(*u, "FETCH", "UID FETCH"),
            B::Store { uid: u, att, .. } => {
                self.0.insert(match att {
                    StoreAtt::Flags(_) => "STORE FLAGS",
                    StoreAtt::GmLabels(_) => "STORE X-GM-LABELS",
                });
                uid(*u, "STORE", "UID STORE")
            }
            B::Copy { uid: u, .. } => uid(*u, "COPY", "UID COPY"),
            B::Move { uid: u, .. } => uid(*u, "MOVE", "UID MOVE"),
            B::Other(_) => "other command",
            B::Id(_) => "ID",
            B::Quota(_) => "QUOTA commands",
            B::Acl(_) => "ACL commands",
            B::Metadata(_) => "METADATA commands",
            B::Sort { uid: u, .. } => uid(*u, "SORT", "UID SORT"),
            B::Thread { uid: u, .. } => uid(*u, "THREAD", "UID THREAD"),
            B::CancelUpdate { .. } => "CANCELUPDATE",
            B::Compress { .. } => "COMPRESS",
            B::Unauthenticate => "UNAUTHENTICATE",
            B::UrlAuth(_) => "URLAUTH commands",
            B::RList(_) => "RLIST",
            B::RLsub(_) => "RLSUB",
            B::Replace { uid: u, .. } => uid(*u, "REPLACE", "UID REPLACE"),
            B::Language { .. } => "LANGUAGE",
            B::Comparator { .. } => "COMPARATOR",
            B::Notify(_) => "NOTIFY",
        };
        self.0.insert(name);
    }

    fn code(&mut self, code: Option<&Code<'_>>) {
        let Some(code) = code else { return };
        let name = match code {
            Code::Alert => "[ALERT]",
            Code::BadCharset(_) => "[BADCHARSET]",
            Code::Capability(_) => "[CAPABILITY]",
            Code::Parse => "[PARSE]",
            Code::PermanentFlags(_) => "[PERMANENTFLAGS]",
            Code::ReadOnly => "[READ-ONLY]",
            Code::ReadWrite => "[READ-WRITE]",
            Code::TryCreate => "[TRYCREATE]",
            Code::UidNext(_) => "[UIDNEXT]",
            Code::UidValidity(_) => "[UIDVALIDITY]",
            Code::Unseen(_) => "[UNSEEN]",
            Code::AppendUid { .. } => "[APPENDUID]",
            Code::CopyUid { .. } => "[COPYUID]",
            Code::UidNotSticky => "[UIDNOTSTICKY]",
            Code::Closed => "[CLOSED]",
            Code::UnknownCte => "[UNKNOWN-CTE]",
            Code::Unavailable => "[UNAVAILABLE]",
            Code::AuthenticationFailed => "[AUTHENTICATIONFAILED]",
            Code::AuthorizationFailed => "[AUTHORIZATIONFAILED]",
            Code::Expired => "[EXPIRED]",
            Code::PrivacyRequired => "[PRIVACYREQUIRED]",
            Code::ContactAdmin => "[CONTACTADMIN]",
            Code::NoPerm => "[NOPERM]",
            Code::InUse => "[INUSE]",
            Code::ExpungeIssued => "[EXPUNGEISSUED]",
            Code::Corruption => "[CORRUPTION]",
            Code::ServerBug => "[SERVERBUG]",
            Code::ClientBug => "[CLIENTBUG]",
            Code::Cannot => "[CANNOT]",
            Code::Limit => "[LIMIT]",
            Code::OverQuota => "[OVERQUOTA]",
            Code::AlreadyExists => "[ALREADYEXISTS]",
            Code::NonExistent => "[NONEXISTENT]",
            Code::NotSaved => "[NOTSAVED]",
            Code::HasChildren => "[HASCHILDREN]",
            Code::HighestModSeq(_) => "[HIGHESTMODSEQ]",
            Code::NoModSeq => "[NOMODSEQ]",
            Code::Modified(_) => "[MODIFIED]",
            Code::MailboxId(_) => "[MAILBOXID]",
            Code::UseAttr => "[USEATTR]",
            Code::Metadata(_) => "[METADATA]",
            Code::NoUpdate(_) => "[NOUPDATE]",
            Code::CompressionActive => "[COMPRESSIONACTIVE]",
            Code::NotificationOverflow => "[NOTIFICATIONOVERFLOW]",
            Code::TooBig => "[TOOBIG]",
            Code::UrlMech(_) => "[URLMECH]",
            Code::Referral(_) => "[REFERRAL]",
            Code::BadUrl(_) => "[BADURL]",
            Code::BadComparator => "[BADCOMPARATOR]",
            Code::BadEvent(_) => "[BADEVENT]",
            Code::Other(_) => "[other code]",
        };
        self.0.insert(name);
    }

    fn item(&mut self, item: &MessageAttribute<'_>) {
        use MessageAttribute as M;
        let name = match item {
            M::Flags(_) => "FETCH FLAGS",
            M::Envelope(_) => "FETCH ENVELOPE",
            M::InternalDate(_) => "FETCH INTERNALDATE",
            M::Rfc822Size(_) => "FETCH RFC822.SIZE",
            M::Body(_) => "FETCH BODY",
            M::BodyStructure(_) => "FETCH BODYSTRUCTURE",
            M::BodySection { .. } => "FETCH BODY[]",
            M::Binary { .. } => "FETCH BINARY[]",
            M::BinarySize { .. } => "FETCH BINARY.SIZE[]",
            M::Uid(_) => "FETCH UID",
            M::Rfc822(_) => "FETCH RFC822",
            M::Rfc822Header(_) => "FETCH RFC822.HEADER",
            M::Rfc822Text(_) => "FETCH RFC822.TEXT",
            M::Other(_) => "FETCH other item",
            M::ModSeq(_) => "FETCH MODSEQ",
            M::EmailId(_) => "FETCH EMAILID",
            M::ThreadId(_) => "FETCH THREADID",
            M::SaveDate(_) => "FETCH SAVEDATE",
            M::Preview(_) => "FETCH PREVIEW",
            M::Snippet { .. } => "FETCH SNIPPET",
            M::GmMsgId(_) => "FETCH X-GM-MSGID",
            M::GmThrId(_) => "FETCH X-GM-THRID",
            M::GmLabels(_) => "FETCH X-GM-LABELS",
            // Made only by lenient parsing of broken input, never generated: not in the lists.
            M::Malformed(_) => "FETCH malformed item",
        };
        self.0.insert(name);
    }

    fn data(&mut self, data: &Data<'_>) {
        let name = match data {
            Data::Capability(_) => "* CAPABILITY",
            Data::Flags(_) => "* FLAGS",
            Data::Exists(_) => "* EXISTS",
            Data::Recent(_) => "* RECENT",
            Data::Expunge(_) => "* EXPUNGE",
            Data::Fetch { items, .. } => {
                for item in items.iter() {
                    self.item(&item);
                }
                "* FETCH"
            }
            Data::List(_) => "* LIST",
            Data::Lsub(_) => "* LSUB",
            Data::Status(_) => "* STATUS",
            Data::Search(_) => "* SEARCH",
            Data::ESearch(e) => {
                for d in e.data.iter() {
                    self.return_data(&d);
                }
                "* ESEARCH"
            }
            Data::Namespace(_) => "* NAMESPACE",
            Data::Enabled(_) => "* ENABLED",
            Data::Other(_) => "* other data",
            Data::Vanished(_) => "* VANISHED",
            Data::Id(_) => "* ID",
            Data::Quota(_) => "* QUOTA",
            Data::QuotaRoot(_) => "* QUOTAROOT",
            Data::Acl(_) => "* ACL",
            Data::ListRights(_) => "* LISTRIGHTS",
            Data::MyRights(_) => "* MYRIGHTS",
            Data::Metadata(_) => "* METADATA",
            Data::Sort(_) => "* SORT",
            Data::Thread(_) => "* THREAD",
            Data::Language(_) => "* LANGUAGE",
            Data::Comparator(_) => "* COMPARATOR",
            Data::GenUrlAuth(_) => "* GENURLAUTH",
            Data::UrlFetch(_) => "* URLFETCH",
        };
        self.0.insert(name);
    }

    fn return_data(&mut self, d: &SearchReturnData<'_>) {
        use SearchReturnData as R;
        let name = match d {
            R::Min(_) => "ESEARCH MIN",
            R::Max(_) => "ESEARCH MAX",
            R::All(_) => "ESEARCH ALL",
            R::Count(_) => "ESEARCH COUNT",
            R::Extension(..) => "ESEARCH other data",
            R::ModSeq(_) => "ESEARCH MODSEQ",
            R::Partial { .. } => "ESEARCH PARTIAL",
            R::AddTo(_) => "ESEARCH ADDTO",
            R::RemoveFrom(_) => "ESEARCH REMOVEFROM",
        };
        self.0.insert(name);
    }

    fn continuation(&mut self, c: &Continuation<'_>) {
        let name = match c {
            Continuation::Text(t) => {
                self.code(t.code.as_ref());
                "+ text"
            }
            Continuation::Base64(_) => "+ base64",
        };
        self.0.insert(name);
    }

    fn response(&mut self, r: &Response<'_>) {
        let name = match r {
            Response::Tagged(t) => {
                self.code(t.text.code.as_ref());
                "tagged"
            }
            Response::Untagged(Untagged::Status { text, .. }) => {
                self.code(text.code.as_ref());
                "* OK/NO/BAD"
            }
            Response::Untagged(Untagged::Bye(text)) => {
                self.code(text.code.as_ref());
                "* BYE"
            }
            Response::Untagged(Untagged::Data(d)) => {
                self.data(d);
                "* data"
            }
            Response::Continuation(c) => {
                self.continuation(c);
                "+"
            }
        };
        self.0.insert(name);
    }

    fn greeting(&mut self, g: &Greeting<'_>) {
        self.code(g.text.code.as_ref());
        let name = match g.kind {
            GreetingKind::Ok => "greeting OK",
            GreetingKind::PreAuth => "greeting PREAUTH",
            GreetingKind::Bye => "greeting BYE",
        };
        self.0.insert(name);
    }

    /// The names of `all` not seen.
    fn missing(&self, all: &[&'static str]) -> Vec<&'static str> {
        all.iter()
            .copied()
            .filter(|n| !self.0.contains(n))
            .collect()
    }
}

const COMMANDS: &[&str] = &[
    "CAPABILITY",
    "NOOP",
    "LOGOUT",
    "STARTTLS",
    "AUTHENTICATE",
    "LOGIN",
    "ENABLE",
    "SELECT",
    "EXAMINE",
    "CREATE",
    "DELETE",
    "RENAME",
    "SUBSCRIBE",
    "UNSUBSCRIBE",
    "LIST",
    "LSUB",
    "NAMESPACE",
    "STATUS",
    "APPEND",
    "IDLE",
    "CHECK",
    "CLOSE",
    "UNSELECT",
    "EXPUNGE",
    "UID EXPUNGE",
    "SEARCH",
    "UID SEARCH",
    "FETCH",
    "UID FETCH",
    "STORE",
    "UID STORE",
    "COPY",
    "UID COPY",
    "MOVE",
    "UID MOVE",
    "other command",
    "ID",
    "QUOTA commands",
    "ACL commands",
    "METADATA commands",
    "SORT",
    "UID SORT",
    "THREAD",
    "UID THREAD",
    "CANCELUPDATE",
    "COMPRESS",
    "UNAUTHENTICATE",
    "STORE FLAGS",
    "STORE X-GM-LABELS",
    "URLAUTH commands",
    "RLIST",
    "RLSUB",
    "REPLACE",
    "UID REPLACE",
    "LANGUAGE",
    "COMPARATOR",
    "NOTIFY",
];

const RESPONSES: &[&str] = &[
    "tagged",
    "* OK/NO/BAD",
    "* BYE",
    "* data",
    "+",
    "+ text",
    "+ base64",
    "* CAPABILITY",
    "* FLAGS",
    "* EXISTS",
    "* RECENT",
    "* EXPUNGE",
    "* FETCH",
    "* LIST",
    "* LSUB",
    "* STATUS",
    "* SEARCH",
    "* ESEARCH",
    "* NAMESPACE",
    "* ENABLED",
    "* other data",
    "* VANISHED",
    "* ID",
    "* QUOTA",
    "* QUOTAROOT",
    "* ACL",
    "* LISTRIGHTS",
    "* MYRIGHTS",
    "* METADATA",
    "* SORT",
    "* THREAD",
    "FETCH FLAGS",
    "FETCH ENVELOPE",
    "FETCH INTERNALDATE",
    "FETCH RFC822.SIZE",
    "FETCH BODY",
    "FETCH BODYSTRUCTURE",
    "FETCH BODY[]",
    "FETCH BINARY[]",
    "FETCH BINARY.SIZE[]",
    "FETCH UID",
    "FETCH RFC822",
    "FETCH RFC822.HEADER",
    "FETCH RFC822.TEXT",
    "FETCH other item",
    "FETCH MODSEQ",
    "FETCH EMAILID",
    "FETCH THREADID",
    "FETCH SAVEDATE",
    "FETCH PREVIEW",
    "FETCH SNIPPET",
    "FETCH X-GM-MSGID",
    "FETCH X-GM-THRID",
    "FETCH X-GM-LABELS",
    "[ALERT]",
    "[BADCHARSET]",
    "[CAPABILITY]",
    "[PARSE]",
    "[PERMANENTFLAGS]",
    "[READ-ONLY]",
    "[READ-WRITE]",
    "[TRYCREATE]",
    "[UIDNEXT]",
    "[UIDVALIDITY]",
    "[UNSEEN]",
    "[APPENDUID]",
    "[COPYUID]",
    "[UIDNOTSTICKY]",
    "[CLOSED]",
    "[UNKNOWN-CTE]",
    "[UNAVAILABLE]",
    "[AUTHENTICATIONFAILED]",
    "[AUTHORIZATIONFAILED]",
    "[EXPIRED]",
    "[PRIVACYREQUIRED]",
    "[CONTACTADMIN]",
    "[NOPERM]",
    "[INUSE]",
    "[EXPUNGEISSUED]",
    "[CORRUPTION]",
    "[SERVERBUG]",
    "[CLIENTBUG]",
    "[CANNOT]",
    "[LIMIT]",
    "[OVERQUOTA]",
    "[ALREADYEXISTS]",
    "[NONEXISTENT]",
    "[NOTSAVED]",
    "[HASCHILDREN]",
    "[other code]",
    "[HIGHESTMODSEQ]",
    "[NOMODSEQ]",
    "[MODIFIED]",
    "[MAILBOXID]",
    "[USEATTR]",
    "[METADATA]",
    "[NOUPDATE]",
    "[COMPRESSIONACTIVE]",
    "[NOTIFICATIONOVERFLOW]",
    "[TOOBIG]",
    "* GENURLAUTH",
    "* URLFETCH",
    "[URLMECH]",
    "[REFERRAL]",
    "ESEARCH MIN",
    "ESEARCH MAX",
    "ESEARCH ALL",
    "ESEARCH COUNT",
    "ESEARCH other data",
    "ESEARCH MODSEQ",
    "ESEARCH PARTIAL",
    "ESEARCH ADDTO",
    "ESEARCH REMOVEFROM",
    "[BADURL]",
    "[BADCOMPARATOR]",
    "* LANGUAGE",
    "* COMPARATOR",
    "[BADEVENT]",
];

const GREETINGS: &[&str] = &["greeting OK", "greeting PREAUTH", "greeting BYE"];

/// Draws `n` values from `strategy` with a fixed seed.
fn draw<S: Strategy>(strategy: S, n: usize) -> Vec<S::Value> {
    let mut runner = TestRunner::deterministic();
    (0..n)
        .filter_map(|_| strategy.new_tree(&mut runner).ok().map(|t| t.current()))
        .collect()
}

#[test]
fn strategies_reach_every_variant() {
    let mut seen = Seen::default();
    for c in draw(crate::testing::command::command(), 12_000) {
        seen.command(&c);
    }
    for r in draw(crate::testing::response::response(), 20_000) {
        seen.response(&r);
    }
    for g in draw(crate::testing::response::greeting(), 200) {
        seen.greeting(&g);
    }
    for all in [COMMANDS, RESPONSES, GREETINGS] {
        assert_eq!(seen.missing(all), Vec::<&str>::new(), "never generated");
    }
    let known: BTreeSet<&str> = [COMMANDS, RESPONSES, GREETINGS]
        .concat()
        .into_iter()
        .collect();
    assert_eq!(seen.0, known, "a variant is missing from the lists above");
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_reaches_every_variant() {
    use arbitrary::{Arbitrary, Unstructured};

    let mut seen = Seen::default();
    for buf in crate::testing::random_buffers(20_000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(c) = Command::arbitrary(&mut u) {
            seen.command(&c);
        }
        let mut u = Unstructured::new(&buf);
        if let Ok(r) = Response::arbitrary(&mut u) {
            seen.response(&r);
        }
        let mut u = Unstructured::new(&buf);
        if let Ok(g) = Greeting::arbitrary(&mut u) {
            seen.greeting(&g);
        }
    }
    for all in [COMMANDS, RESPONSES, GREETINGS] {
        assert_eq!(seen.missing(all), Vec::<&str>::new(), "never generated");
    }
}
