//! AUTHENTICATE: challenges surfaced with decoded bytes, answers and cancel, SASL-IR, and the
//! PLAIN and LOGIN helpers.

use imap_wire::session::State;

use crate::support::{cmd, take_sent, transcript, with_caps};

#[test]
fn a_multi_round_exchange_surfaces_each_challenge() {
    let mut client = with_caps("IMAP4rev2 AUTH=SCRAM-SHA-256");
    let h = client.enqueue(cmd("AUTHENTICATE SCRAM-SHA-256")).unwrap();
    let noop = client.enqueue(cmd("NOOP")).unwrap();
    assert_eq!(take_sent(&mut client), b"A1 AUTHENTICATE SCRAM-SHA-256\r\n");
    client.receive(b"+ \r\n");
    assert_eq!(transcript(&mut client), ["challenge 1 \"\""]);
    client.authenticate_continue(b"n,,n=user,r=abc").unwrap();
    assert_eq!(take_sent(&mut client), b"biwsbj11c2VyLHI9YWJj\r\n");
    // A second answer before the next challenge is a usage error.
    assert!(client.authenticate_continue(b"x").is_err());
    client.receive(b"+ cj1hYmNkZWYscz1zYWx0LGk9NDA5Ng==\r\n");
    assert_eq!(
        transcript(&mut client),
        ["challenge 1 \"r=abcdef,s=salt,i=4096\""]
    );
    client.authenticate_continue(b"proof").unwrap();
    assert_eq!(take_sent(&mut client), b"cHJvb2Y=\r\n");
    client.receive(b"+ dj1zaWc=\r\n");
    assert_eq!(transcript(&mut client), ["challenge 1 \"v=sig\""]);
    client.authenticate_continue(b"").unwrap();
    assert_eq!(take_sent(&mut client), b"\r\n");
    client.receive(b"A1 OK [CAPABILITY IMAP4rev2 IDLE] authenticated\r\n");
    assert_eq!(
        transcript(&mut client),
        ["completed 1 OK [CAPABILITY IMAP4rev2 IDLE] authenticated"]
    );
    assert_eq!(client.state(), State::Authenticated);
    // The command held back behind the exchange goes now.
    assert_eq!(take_sent(&mut client), b"A2 NOOP\r\n");
    assert_eq!((h.number(), noop.number()), (1, 2));
}

#[test]
fn cancel_sends_a_star_and_the_server_completes_with_bad() {
    let mut client = with_caps("IMAP4rev1 AUTH=CRAM-MD5");
    let _ = client.enqueue(cmd("AUTHENTICATE CRAM-MD5")).unwrap();
    let _ = take_sent(&mut client);
    assert!(client.authenticate_cancel().is_err(), "no challenge yet");
    client.receive(b"+ PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+\r\n");
    assert_eq!(
        transcript(&mut client),
        ["challenge 1 \"<1896.697170952@postoffice.reston.mci.net>\""]
    );
    client.authenticate_cancel().unwrap();
    assert_eq!(take_sent(&mut client), b"*\r\n");
    client.receive(b"A1 BAD authentication cancelled\r\n");
    assert_eq!(
        transcript(&mut client),
        ["completed 1 BAD authentication cancelled"]
    );
    assert_eq!(client.state(), State::NotAuthenticated);
}

#[test]
fn plain_goes_inline_with_sasl_ir() {
    let mut client = with_caps("IMAP4rev1 SASL-IR AUTH=PLAIN");
    let _ = client
        .authenticate_plain(b"tim", b"tanstaaftanstaaf")
        .unwrap();
    assert_eq!(
        take_sent(&mut client),
        b"A1 AUTHENTICATE PLAIN AHRpbQB0YW5zdGFhZnRhbnN0YWFm\r\n"
    );
    client.receive(b"A1 OK done\r\n");
    assert_eq!(transcript(&mut client), ["completed 1 OK done"]);
    assert_eq!(client.state(), State::Authenticated);
}

#[test]
fn plain_answers_the_first_challenge_without_sasl_ir() {
    let mut client = with_caps("IMAP4rev1 AUTH=PLAIN");
    let _ = client
        .authenticate_plain(b"tim", b"tanstaaftanstaaf")
        .unwrap();
    assert_eq!(take_sent(&mut client), b"A1 AUTHENTICATE PLAIN\r\n");
    client.receive(b"+ \r\n");
    assert!(client.next_event().is_none(), "answered by the machine");
    assert_eq!(take_sent(&mut client), b"AHRpbQB0YW5zdGFhZnRhbnN0YWFm\r\n");
    client.receive(b"A1 OK done\r\n");
    assert_eq!(transcript(&mut client), ["completed 1 OK done"]);
}

#[test]
fn an_initial_response_waits_for_a_challenge_without_sasl_ir() {
    let mut client = with_caps("IMAP4rev1 AUTH=PLAIN");
    let _ = client
        .enqueue(cmd("AUTHENTICATE PLAIN AHRpbQB0YW5zdGFhZnRhbnN0YWFm"))
        .unwrap();
    assert_eq!(take_sent(&mut client), b"A1 AUTHENTICATE PLAIN\r\n");
    client.receive(b"+ \r\n");
    assert!(client.next_event().is_none());
    assert_eq!(take_sent(&mut client), b"AHRpbQB0YW5zdGFhZnRhbnN0YWFm\r\n");
}

#[test]
fn login_mechanism_answers_user_then_password_then_surfaces_more() {
    let mut client = with_caps("IMAP4rev1 AUTH=LOGIN");
    let _ = client.authenticate_login(b"fred", b"pw").unwrap();
    assert_eq!(take_sent(&mut client), b"A1 AUTHENTICATE LOGIN\r\n");
    client.receive(b"+ VXNlcm5hbWU6\r\n");
    assert!(client.next_event().is_none());
    assert_eq!(take_sent(&mut client), b"ZnJlZA==\r\n");
    client.receive(b"+ UGFzc3dvcmQ6\r\n");
    assert!(client.next_event().is_none());
    assert_eq!(take_sent(&mut client), b"cHc=\r\n");
    client.receive(b"+ \r\n");
    assert_eq!(transcript(&mut client), ["challenge 1 \"\""]);
}
