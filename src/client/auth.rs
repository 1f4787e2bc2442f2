//! AUTHENTICATE exchanges (RFC 9051 §6.2.2, RFC 4959 SASL-IR).
//!
//! The SASL mechanisms are the caller's: each challenge is surfaced as an
//! [`Event::AuthenticateChallenge`](super::Event::AuthenticateChallenge) and answered with
//! bytes or cancelled. Answers known in advance (the PLAIN and LOGIN helpers, or an initial
//! response the server cannot take inline because it lacks `SASL-IR`) are kept here as a
//! script and sent at the next challenges without troubling the caller.

use alloc::collections::VecDeque;
use alloc::vec::Vec;

use super::event::CommandHandle;
use crate::types::auth::Base64;

/// The exchange in progress.
#[derive(Debug)]
pub(crate) struct AuthExchange {
    /// The AUTHENTICATE command.
    pub(crate) handle: CommandHandle,
    /// Answer lines (base64 and CRLF) to send at the next challenges, in order.
    pub(crate) script: VecDeque<Vec<u8>>,
    /// A challenge was surfaced and the caller has not answered yet.
    pub(crate) awaiting_answer: bool,
}

impl AuthExchange {
    /// An exchange whose first answers are `script`.
    pub(crate) fn new(handle: CommandHandle, script: VecDeque<Vec<u8>>) -> Self {
        Self {
            handle,
            script,
            awaiting_answer: false,
        }
    }
}

/// The answer line for `data`: its base64 and CRLF.
pub(crate) fn answer_line(data: &[u8]) -> Vec<u8> {
    let mut line = Base64::encode(data).as_str().as_bytes().to_vec();
    line.extend_from_slice(b"\r\n");
    line
}

/// The PLAIN mechanism's message (RFC 4616): no authorization identity, the user name and the
/// password, separated by NUL.
pub(crate) fn plain_message(user: &[u8], password: &[u8]) -> Vec<u8> {
    let mut message = Vec::with_capacity(user.len() + password.len() + 2);
    message.push(0);
    message.extend_from_slice(user);
    message.push(0);
    message.extend_from_slice(password);
    message
}

/// The bytes of a challenge line `+ ...\r\n`: base64 is decoded, anything else (text, or a
/// bare `+`) is taken as an empty challenge.
pub(crate) fn challenge_bytes(line: &[u8]) -> Vec<u8> {
    let body = line
        .strip_prefix(b"+")
        .unwrap_or(line)
        .strip_prefix(b" ")
        .unwrap_or_default();
    let body = body.strip_suffix(b"\n").unwrap_or(body);
    let body = body.strip_suffix(b"\r").unwrap_or(body);
    match core::str::from_utf8(body).ok().map(Base64::new) {
        Some(Ok(b)) => b.decode(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn challenges_decode_and_text_is_empty() {
        assert_eq!(challenge_bytes(b"+ VXNlcm5hbWU6\r\n"), b"Username:");
        assert_eq!(challenge_bytes(b"+ \r\n"), b"");
        assert_eq!(challenge_bytes(b"+\r\n"), b"");
        assert_eq!(challenge_bytes(b"+ go ahead\r\n"), b"");
    }

    #[test]
    fn plain_is_nul_separated() {
        assert_eq!(plain_message(b"u", b"p"), b"\0u\0p");
        assert_eq!(answer_line(b"\0u\0p"), b"AHUAcA==\r\n");
    }
}
