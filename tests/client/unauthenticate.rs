//! UNAUTHENTICATE (RFC 8437): a tagged OK returns the connection to the not authenticated
//! state, deselects the mailbox and ends what ENABLE turned on; anything else changes nothing.

use imap_wire::client::{ClientConfig, UsageError};
use imap_wire::session::State;

use crate::support::{cmd, greeted, take_sent, transcript};

#[test]
fn unauthenticate_ok_returns_to_not_authenticated() {
    let config = ClientConfig::default().with_mailbox_view(true);
    let mut client = greeted(
        config,
        b"* PREAUTH [CAPABILITY IMAP4rev1 UNAUTHENTICATE] hi\r\n",
    );
    let _ = client.enqueue(cmd("ENABLE UTF8=ACCEPT")).unwrap();
    let _ = client.enqueue(cmd("SELECT INBOX")).unwrap();
    assert_eq!(take_sent(&mut client), b"A1 ENABLE UTF8=ACCEPT\r\n");
    client.receive(b"* ENABLED UTF8=ACCEPT\r\nA1 OK done\r\n");
    let _ = transcript(&mut client);
    assert_eq!(take_sent(&mut client), b"A2 SELECT INBOX\r\n");
    client.receive(b"* 3 EXISTS\r\n* OK [UIDVALIDITY 7] x\r\nA2 OK selected\r\n");
    let _ = transcript(&mut client);
    assert_eq!(client.state(), State::Selected);
    assert_eq!(client.enabled().len(), 1);
    assert_eq!(client.mailbox().unwrap().exists(), 3);

    // Pipelined after UNAUTHENTICATE: allowed, since the state will be not authenticated (in
    // the selected state LOGIN is refused), and held back until the UNAUTHENTICATE completes.
    let _ = client.enqueue(cmd("UNAUTHENTICATE")).unwrap();
    let _ = client.enqueue(cmd("LOGIN fred secret")).unwrap();
    assert_eq!(take_sent(&mut client), b"A3 UNAUTHENTICATE\r\n");
    client.receive(b"A3 OK now not authenticated\r\n");
    assert_eq!(
        transcript(&mut client),
        ["completed 3 OK now not authenticated"]
    );
    assert_eq!(client.state(), State::NotAuthenticated);
    assert!(client.enabled().is_empty(), "ENABLE ends with the session");
    let view = client.mailbox().unwrap();
    assert_eq!(
        (view.exists(), view.uid_validity()),
        (0, None),
        "no mailbox is selected any more"
    );
    assert_eq!(take_sent(&mut client), b"A4 LOGIN fred secret\r\n");
    client.receive(b"A4 OK welcome back\r\n");
    let _ = transcript(&mut client);
    assert_eq!(client.state(), State::Authenticated);
}

#[test]
fn unauthenticate_refused_changes_nothing() {
    let mut client = greeted(ClientConfig::default(), b"* PREAUTH hi\r\n");
    let _ = client.enqueue(cmd("ENABLE CONDSTORE")).unwrap();
    let _ = take_sent(&mut client);
    client.receive(b"* ENABLED CONDSTORE\r\nA1 OK done\r\n");
    let _ = transcript(&mut client);
    let _ = client.enqueue(cmd("UNAUTHENTICATE")).unwrap();
    assert_eq!(take_sent(&mut client), b"A2 UNAUTHENTICATE\r\n");
    client.receive(b"A2 BAD not advertised\r\n");
    let _ = transcript(&mut client);
    assert_eq!(client.state(), State::Authenticated);
    assert_eq!(client.enabled().len(), 1);
    assert!(
        client.enqueue(cmd("LOGIN a b")).is_err(),
        "still authenticated"
    );
    // Not allowed before authenticating.
    let mut fresh = greeted(ClientConfig::default(), b"* OK hi\r\n");
    assert!(matches!(
        fresh.enqueue(cmd("UNAUTHENTICATE")),
        Err(UsageError::NotAllowed {
            state: State::NotAuthenticated,
            ..
        })
    ));
}
