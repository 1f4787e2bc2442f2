//! Connection states (RFC 9051 §3) and which commands each state allows (§6).
//!
//! Both state machines use this one table: a client refuses locally to send a command its
//! state does not allow, a server answers it `BAD` without troubling its owner.
//!
//! ```
//! use imap_wire::session::{Scope, State};
//! use imap_wire::CommandBody;
//! assert_eq!(CommandBody::Noop.scope(), Scope::Any);
//! assert!(!State::NotAuthenticated.allows(&CommandBody::Expunge));
//! assert!(State::Selected.allows(&CommandBody::Expunge));
//! assert!(!State::Authenticated.allows(&CommandBody::StartTls));
//! ```

use crate::types::command::CommandBody;

/// The state of an IMAP connection (RFC 9051 §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum State {
    /// Before LOGIN or AUTHENTICATE succeeded (§3.1).
    NotAuthenticated,
    /// Logged in, no mailbox selected (§3.2).
    Authenticated,
    /// A mailbox is selected (§3.3).
    Selected,
    /// The connection is ending: after LOGOUT or a BYE (§3.4). No command is allowed.
    Logout,
}

/// The states in which a command may be sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Any state but logout (§6.1: CAPABILITY, NOOP, LOGOUT; also unknown commands, left to
    /// the server to judge).
    Any,
    /// Not authenticated only (§6.2: STARTTLS, AUTHENTICATE, LOGIN).
    NotAuthenticated,
    /// Authenticated or selected (§6.3).
    Authenticated,
    /// Selected only (§6.4).
    Selected,
}

impl State {
    /// Whether a command of `scope` may be sent in this state.
    pub fn admits(self, scope: Scope) -> bool {
        match (self, scope) {
            (State::Logout, _) => false,
            (_, Scope::Any) => true,
            (State::NotAuthenticated, Scope::NotAuthenticated) => true,
            (State::Authenticated | State::Selected, Scope::Authenticated) => true,
            (State::Selected, Scope::Selected) => true,
            _ => false,
        }
    }

    /// Whether `command` may be sent in this state.
    pub fn allows(self, command: &CommandBody<'_>) -> bool {
        self.admits(command.scope())
    }
}

impl CommandBody<'_> {
    /// The states in which this command may be sent (RFC 9051 §6 and the extensions' RFCs).
    pub fn scope(&self) -> Scope {
        use CommandBody as C;
        match self {
            // RFC 4978 §4 lets COMPRESS come before authentication (COMPRESS, then SASL, then TLS).
            C::Capability | C::Noop | C::Logout | C::Id(_) | C::Compress { .. } | C::Other(_) => {
                Scope::Any
            }
            C::StartTls | C::Authenticate { .. } | C::Login { .. } => Scope::NotAuthenticated,
            C::Enable { .. }
            | C::Select { .. }
            | C::Examine { .. }
            | C::Create { .. }
            | C::Delete { .. }
            | C::Rename { .. }
            | C::Subscribe { .. }
            | C::Unsubscribe { .. }
            | C::List(_)
            | C::Lsub(_)
            | C::Namespace
            | C::Status(_)
            | C::Append { .. }
            | C::Idle
            | C::Quota(_)
            | C::Acl(_)
            | C::Metadata(_)
            | C::Unauthenticate
            | C::UrlAuth(_)
            | C::RList(_)
            | C::RLsub(_) => Scope::Authenticated,
            C::Check
            | C::Close
            | C::Unselect
            | C::Expunge
            | C::UidExpunge { .. }
            | C::Search { .. }
            | C::Fetch { .. }
            | C::Store { .. }
            | C::Copy { .. }
            | C::Move { .. }
            | C::Sort { .. }
            | C::Thread { .. }
            | C::CancelUpdate { .. }
            | C::Replace { .. } => Scope::Selected,
            // RFC 5255: `command-any =/ language-cmd` (§3.5), `command-auth =/ comparator-cmd`
            // (§4.10).
            C::Language { .. } => Scope::Any,
            C::Comparator { .. } => Scope::Authenticated,
            // RFC 5465 §8: `command-auth =/ notify`.
            C::Notify(_) => Scope::Authenticated,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STATES: [State; 4] = [
        State::NotAuthenticated,
        State::Authenticated,
        State::Selected,
        State::Logout,
    ];

    #[test]
    fn logout_admits_nothing() {
        for scope in [
            Scope::Any,
            Scope::NotAuthenticated,
            Scope::Authenticated,
            Scope::Selected,
        ] {
            assert!(!State::Logout.admits(scope));
        }
    }

    #[test]
    fn scopes_follow_the_state_diagram() {
        let admitted = |scope| STATES.iter().filter(|s| s.admits(scope)).count();
        assert_eq!(admitted(Scope::Any), 3);
        assert_eq!(admitted(Scope::NotAuthenticated), 1);
        assert_eq!(admitted(Scope::Authenticated), 2);
        assert_eq!(admitted(Scope::Selected), 1);
        assert!(State::Selected.admits(Scope::Authenticated));
        assert!(!State::Authenticated.admits(Scope::Selected));
        assert!(!State::Selected.admits(Scope::NotAuthenticated));
    }

    #[test]
    fn idle_is_allowed_once_authenticated() {
        assert!(!State::NotAuthenticated.allows(&CommandBody::Idle));
        assert!(State::Authenticated.allows(&CommandBody::Idle));
        assert!(State::Selected.allows(&CommandBody::Idle));
    }
}
