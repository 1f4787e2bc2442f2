//! Helpers of the client flow tests: building commands, draining events as a readable
//! transcript, and taking what the machine sends.

use imap_wire::client::{Client, ClientConfig, Event};
use imap_wire::{
    Command, CommandBody, Encode, EncodeConfig, Encoder, IntoStatic, Parse, ResponseText,
};

/// A command body from its wire form (without tag and CRLF; literals written out).
pub fn cmd(text: &str) -> CommandBody<'static> {
    let line = format!("x {text}\r\n");
    Command::parse(line.as_bytes())
        .unwrap_or_else(|e| panic!("{text:?}: {e}"))
        .body
        .into_static()
}

/// A client that has read `greeting`, with its events drained.
pub fn greeted(config: ClientConfig, greeting: &[u8]) -> Client {
    let mut client = Client::new(config);
    client.receive(greeting);
    let events = transcript(&mut client);
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(events[0].starts_with("greeting"), "{events:?}");
    client
}

/// A greeted client with the default configuration and these capabilities.
pub fn with_caps(caps: &str) -> Client {
    greeted(
        ClientConfig::default(),
        format!("* OK [CAPABILITY {caps}] ready\r\n").as_bytes(),
    )
}

/// Everything ready to send, marked as sent.
pub fn take_sent(client: &mut Client) -> Vec<u8> {
    let bytes = client.transmit().to_vec();
    client.sent(bytes.len());
    bytes
}

/// Drains the events, each as one line.
pub fn transcript(client: &mut Client) -> Vec<String> {
    let mut out = Vec::new();
    while let Some(event) = client.next_event() {
        out.push(describe(&event));
    }
    out
}

/// Drains the events, kept.
pub fn events(client: &mut Client) -> Vec<Event<'static>> {
    let mut out = Vec::new();
    while let Some(event) = client.next_event() {
        out.push(event.into_static());
    }
    out
}

fn wire(value: &impl Encode) -> String {
    let mut enc = Encoder::new(EncodeConfig::default());
    value.encode(&mut enc);
    String::from_utf8_lossy(enc.bytes()).trim_end().to_string()
}

fn text_of(code: Option<&imap_wire::Code<'_>>, text: Option<&imap_wire::Text<'_>>) -> String {
    match ResponseText::new(code.cloned(), text.cloned()) {
        Ok(t) => wire(&t),
        Err(_) => format!("{code:?} {text:?}"),
    }
}

/// One event as a line: what it is, the command's tag number, and the wire form.
pub fn describe(event: &Event<'_>) -> String {
    let h = |h: Option<imap_wire::client::CommandHandle>| match h {
        Some(h) => h.number().to_string(),
        None => "-".to_string(),
    };
    match event {
        Event::GreetingReceived(g) => format!("greeting {}", wire(g)),
        Event::DataReceived { handle, data } => format!("data({}) {}", h(*handle), wire(data)),
        Event::StatusReceived {
            handle,
            status,
            code,
            text,
        } => format!(
            "status({}) {} {}",
            h(*handle),
            status.as_str(),
            text_of(code.as_ref(), text.as_ref())
        ),
        Event::Completed {
            handle,
            status,
            code,
            text,
        } => format!(
            "completed {} {} {}",
            handle.number(),
            status.as_str(),
            text_of(code.as_ref(), text.as_ref())
        ),
        Event::AuthenticateChallenge { handle, challenge } => format!(
            "challenge {} {:?}",
            handle.number(),
            String::from_utf8_lossy(challenge)
        ),
        Event::IdleAccepted { handle } => format!("idle accepted {}", handle.number()),
        Event::TransportSwitch {
            handle,
            kind,
            offset,
        } => format!("switch {} {kind:?} at {offset}", handle.number()),
        Event::ByeReceived { code, text } => {
            format!("bye {}", text_of(code.as_ref(), text.as_ref()))
        }
        Event::Aborted { handle } => format!("aborted {}", handle.number()),
        Event::ProtocolError(e) => format!("error {e}"),
        Event::Closed => "closed".to_string(),
        other => format!("{other:?}"),
    }
}
