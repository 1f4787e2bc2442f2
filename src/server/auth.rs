//! Helpers for the SASL mechanisms most servers offer: PLAIN (RFC 4616) and LOGIN (the
//! username and password prompts of draft-murchison-sasl-login).
//!
//! The machine carries the exchange (challenges out, responses in, `*` cancel); these read the
//! decoded responses. Base64 is decoded with [`Base64::decode`](crate::Base64::decode).
//!
//! ```
//! use imap_wire::server::auth::{LoginMechanism, LoginStep, PlainCredentials};
//! let plain = PlainCredentials::decode(b"\0fred\0hunter2").unwrap();
//! assert_eq!(plain.authcid, b"fred");
//! assert_eq!(*plain.password.expose(), b"hunter2");
//!
//! let mut login = LoginMechanism::new();
//! assert_eq!(login.first_challenge(), b"Username:");
//! assert_eq!(login.step(b"fred"), LoginStep::Challenge(b"Password:"));
//! let LoginStep::Done { username, password } = login.step(b"hunter2") else { panic!() };
//! assert_eq!(username, b"fred");
//! assert_eq!(password.expose(), b"hunter2");
//! ```

use alloc::vec::Vec;

use crate::types::auth::Secret;

/// The credentials of a PLAIN response: `[authzid] NUL authcid NUL passwd`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlainCredentials<'a> {
    /// The identity to act as (empty: the same as `authcid`).
    pub authzid: &'a [u8],
    /// The identity whose password is given.
    pub authcid: &'a [u8],
    /// The password.
    pub password: Secret<&'a [u8]>,
}

impl<'a> PlainCredentials<'a> {
    /// Reads a decoded PLAIN response; `None` unless it has exactly two NULs and non-empty
    /// `authcid` and password.
    pub fn decode(message: &'a [u8]) -> Option<Self> {
        let mut parts = message.splitn(3, |&b| b == 0);
        let authzid = parts.next()?;
        let authcid = parts.next()?;
        let password = parts.next()?;
        if authcid.is_empty() || password.is_empty() || password.contains(&0) {
            return None;
        }
        Some(Self {
            authzid,
            authcid,
            password: Secret::new(password),
        })
    }
}

/// Where a LOGIN exchange stands after a response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoginStep {
    /// Send this challenge (base64-encoded) and wait for the next response.
    Challenge(&'static [u8]),
    /// Both prompts are answered.
    Done {
        /// The user name.
        username: Vec<u8>,
        /// The password.
        password: Secret<Vec<u8>>,
    },
}

/// The LOGIN mechanism: prompts for a user name, then a password.
#[derive(Clone, Debug, Default)]
pub struct LoginMechanism {
    username: Option<Vec<u8>>,
}

impl LoginMechanism {
    const USERNAME: &'static [u8] = b"Username:";
    const PASSWORD: &'static [u8] = b"Password:";

    /// A new exchange.
    pub fn new() -> Self {
        Self::default()
    }

    /// The first challenge, unless the client sent the user name as its initial response
    /// (then feed that to [`LoginMechanism::step`]).
    pub fn first_challenge(&self) -> &'static [u8] {
        Self::USERNAME
    }

    /// Takes the client's decoded response.
    pub fn step(&mut self, response: &[u8]) -> LoginStep {
        match self.username.take() {
            None => {
                self.username = Some(response.to_vec());
                LoginStep::Challenge(Self::PASSWORD)
            }
            Some(username) => LoginStep::Done {
                username,
                password: Secret::new(response.to_vec()),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_needs_two_nuls_and_a_password() {
        assert!(PlainCredentials::decode(b"fred\0hunter2").is_none());
        assert!(PlainCredentials::decode(b"\0fred\0").is_none());
        assert!(PlainCredentials::decode(b"\0\0pw").is_none());
        assert!(PlainCredentials::decode(b"\0a\0b\0c").is_none());
        let c = PlainCredentials::decode(b"admin\0fred\0pw").unwrap();
        assert_eq!(c.authzid, b"admin");
        assert!(!alloc::format!("{c:?}").contains("112, 119"));
    }
}
