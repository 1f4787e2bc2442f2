//! The mailbox view: counts, UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ and the sequence number ↔
//! UID map through EXPUNGE and VANISHED.

use std::num::NonZeroU32;

use imap_wire::client::{Client, ClientConfig};

use crate::support::{cmd, greeted, take_sent, transcript};

fn nz(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n).unwrap()
}

fn selected(select_data: &[u8]) -> Client {
    let config = ClientConfig::default().with_mailbox_view(true);
    let mut client = greeted(config, b"* PREAUTH hi\r\n");
    let _ = client.enqueue(cmd("SELECT INBOX")).unwrap();
    let _ = take_sent(&mut client);
    client.receive(select_data);
    let _ = transcript(&mut client);
    client
}

#[test]
fn select_data_fills_the_view() {
    let client = selected(
        b"* 172 EXISTS\r\n* OK [UIDVALIDITY 3857529045] UIDs valid\r\n\
          * OK [UIDNEXT 4392] Predicted next UID\r\n* OK [HIGHESTMODSEQ 715194045007]\r\n\
          A1 OK [READ-ONLY] SELECT completed\r\n",
    );
    let view = client.mailbox().unwrap();
    assert_eq!(view.exists(), 172);
    assert_eq!(view.uid_validity(), Some(nz(3857529045)));
    assert_eq!(view.uid_next(), Some(nz(4392)));
    assert_eq!(view.highest_modseq(), Some(715194045007));
    assert!(view.is_read_only());
}

#[test]
fn expunge_renumbers_the_map() {
    let mut client = selected(b"* 4 EXISTS\r\nA1 OK done\r\n");
    let _ = client.enqueue(cmd("FETCH 1:4 UID")).unwrap();
    client.receive(
        b"* 1 FETCH (UID 10)\r\n* 2 FETCH (UID 20)\r\n* 3 FETCH (UID 30 FLAGS ())\r\n\
          * 4 FETCH (FLAGS () UID 40)\r\nA2 OK done\r\n",
    );
    let _ = transcript(&mut client);
    let view = client.mailbox().unwrap();
    assert_eq!(view.known_uids(), 4);
    assert_eq!(view.uid(3), Some(nz(30)));
    client.receive(b"* 2 EXPUNGE\r\n* 5 EXISTS\r\n");
    let _ = transcript(&mut client);
    let view = client.mailbox().unwrap();
    assert_eq!(view.exists(), 5);
    assert_eq!(view.uid(2), Some(nz(30)));
    assert_eq!(view.seq(nz(40)), Some(3));
    assert_eq!(view.seq(nz(20)), None);
    assert_eq!(view.uid(4), None);
}

#[test]
fn vanished_removes_and_renumbers() {
    let mut client = selected(b"* 5 EXISTS\r\nA1 OK done\r\n");
    let _ = client.enqueue(cmd("FETCH 1:5 UID")).unwrap();
    client.receive(
        b"* 1 FETCH (UID 1)\r\n* 2 FETCH (UID 3)\r\n* 3 FETCH (UID 5)\r\n\
          * 4 FETCH (UID 7)\r\n* 5 FETCH (UID 9)\r\nA2 OK done\r\n",
    );
    let _ = transcript(&mut client);
    client.receive(b"* VANISHED 3:5\r\n* VANISHED (EARLIER) 100:200\r\n");
    let _ = transcript(&mut client);
    let view = client.mailbox().unwrap();
    assert_eq!(view.exists(), 3);
    assert_eq!(view.seq(nz(7)), Some(2));
    assert_eq!(view.seq(nz(9)), Some(3));
    assert_eq!(view.uid(1), Some(nz(1)));
}

#[test]
fn a_new_selection_resets_and_a_new_uidvalidity_forgets_uids() {
    let mut client = selected(b"* 2 EXISTS\r\n* OK [UIDVALIDITY 1] x\r\nA1 OK done\r\n");
    let _ = client.enqueue(cmd("FETCH 1 UID")).unwrap();
    client.receive(b"* 1 FETCH (UID 5)\r\nA2 OK done\r\n* OK [UIDVALIDITY 2] changed\r\n");
    let _ = transcript(&mut client);
    assert_eq!(client.mailbox().unwrap().known_uids(), 0);
    let _ = client.enqueue(cmd("SELECT Other")).unwrap();
    let _ = take_sent(&mut client);
    assert_eq!(client.mailbox().unwrap().exists(), 0);
    assert_eq!(client.mailbox().unwrap().uid_validity(), None);
}

#[test]
fn a_label_store_is_a_store_that_leaves_flags_alone() {
    let mut client = selected(b"* 2 EXISTS\r\nA1 OK done\r\n");
    // Gmail's label store names messages by sequence number, as a flag store does: the server
    // sends no EXPUNGE while it runs, so a FETCH by number may follow at once.
    let _ = client
        .enqueue(cmd("STORE 1 +X-GM-LABELS (\\Important \"My Work\")"))
        .unwrap();
    let _ = client.enqueue(cmd("FETCH 2 UID")).unwrap();
    let sent = take_sent(&mut client);
    assert_eq!(
        String::from_utf8_lossy(&sent),
        "A2 STORE 1 +X-GM-LABELS (\\Important \"My Work\")\r\nA3 FETCH 2 UID\r\n"
    );
    client.receive(
        b"* 1 FETCH (X-GM-LABELS (\\Important \"My Work\") UID 7)\r\nA2 OK STORE (Success)\r\n\
          * 2 FETCH (UID 9 FLAGS (\\Seen))\r\nA3 OK done\r\n",
    );
    let events = transcript(&mut client);
    assert!(
        events.iter().any(|e| e.contains("X-GM-LABELS")),
        "{events:?}"
    );
    let view = client.mailbox().unwrap();
    assert_eq!(view.exists(), 2);
    assert_eq!(view.uid(1), Some(nz(7)));
    assert_eq!(view.uid(2), Some(nz(9)));
}
