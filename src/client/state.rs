//! The client's view of the session: what each command is to the machine, the one transition
//! function of the connection state (RFC 9051 §3), and the pipelining rules of §5.5.

use crate::session::State;
use crate::types::command::CommandBody;
use crate::types::response::{GreetingKind, StatusKind};

/// What the machine needs to know of a command after it is encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// LOGIN: success authenticates.
    Login,
    /// AUTHENTICATE: success authenticates; `+` lines are SASL challenges.
    Authenticate,
    /// SELECT or EXAMINE: success selects, NO deselects.
    Select,
    /// CLOSE or UNSELECT: success deselects.
    Close,
    /// LOGOUT.
    Logout,
    /// STARTTLS: success switches the transport.
    StartTls,
    /// COMPRESS: success switches the transport.
    Compress,
    /// IDLE: `+` starts the idle, DONE ends it.
    Idle,
    /// ENABLE: changes what the server may send.
    Enable,
    /// UNAUTHENTICATE (RFC 8437): success returns to the not authenticated state.
    Unauthenticate,
    /// FETCH, STORE or SEARCH with sequence numbers: the server sends no EXPUNGE while it runs.
    SeqNoExpunge,
    /// COPY, MOVE or REPLACE with sequence numbers.
    Seq,
    /// Anything else.
    Plain,
}

impl Kind {
    /// Classifies a command.
    pub(crate) fn of(body: &CommandBody<'_>) -> Self {
        use CommandBody as C;
        match body {
            C::Login { .. } => Self::Login,
            C::Authenticate { .. } => Self::Authenticate,
            C::Select { .. } | C::Examine { .. } => Self::Select,
            C::Close | C::Unselect => Self::Close,
            C::Logout => Self::Logout,
            C::StartTls => Self::StartTls,
            C::Idle => Self::Idle,
            C::Enable { .. } => Self::Enable,
            C::Fetch { uid: false, .. }
            | C::Store { uid: false, .. }
            | C::Search { uid: false, .. } => Self::SeqNoExpunge,
            C::Copy { uid: false, .. }
            | C::Move { uid: false, .. }
            | C::Replace { uid: false, .. } => Self::Seq,
            C::Compress { .. } => Self::Compress,
            C::Unauthenticate => Self::Unauthenticate,
            _ => Self::Plain,
        }
    }

    /// Whether the command must run alone: it waits until nothing else is in progress, and
    /// nothing is sent after it until it completes. These commands change the state, the
    /// transport, or what the server's lines mean.
    pub(crate) fn is_barrier(self) -> bool {
        matches!(
            self,
            Self::Login
                | Self::Authenticate
                | Self::Select
                | Self::Close
                | Self::Logout
                | Self::StartTls
                | Self::Compress
                | Self::Idle
                | Self::Enable
                | Self::Unauthenticate
        )
    }

    /// Whether the command names messages by sequence number.
    pub(crate) fn uses_sequence_numbers(self) -> bool {
        matches!(self, Self::SeqNoExpunge | Self::Seq)
    }

    /// Whether the command may be sent now, given the kinds of the commands in progress
    /// (RFC 9051 §5.5): barriers run alone, and a command with sequence numbers waits until
    /// every command in progress is one during which the server may not send EXPUNGE.
    pub(crate) fn may_start(self, in_progress: impl Iterator<Item = Kind> + Clone) -> bool {
        let mut others = in_progress.clone();
        if self.is_barrier() {
            return others.next().is_none();
        }
        if others.any(Kind::is_barrier) {
            return false;
        }
        !self.uses_sequence_numbers() || in_progress.into_iter().all(|k| k == Self::SeqNoExpunge)
    }
}

/// What moves the connection from one state to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Input {
    /// The greeting.
    Greeting(GreetingKind),
    /// A command completed.
    Completed(Kind, StatusKind),
    /// `* BYE`, or the connection ended.
    Bye,
}

/// The connection state after `input` (RFC 9051 §3, figure 1). The only place the state
/// changes.
pub(crate) fn transition(state: State, input: Input) -> State {
    use State::{Authenticated, Logout, NotAuthenticated, Selected};
    use StatusKind::{No, Ok};
    match (state, input) {
        (Logout, _) | (_, Input::Bye) => Logout,
        (_, Input::Greeting(GreetingKind::Ok)) => NotAuthenticated,
        (_, Input::Greeting(GreetingKind::PreAuth)) => Authenticated,
        (_, Input::Greeting(GreetingKind::Bye)) => Logout,
        (NotAuthenticated, Input::Completed(Kind::Login | Kind::Authenticate, Ok)) => Authenticated,
        (Authenticated | Selected, Input::Completed(Kind::Select, Ok)) => Selected,
        (Authenticated | Selected, Input::Completed(Kind::Select, No)) => Authenticated,
        (Selected, Input::Completed(Kind::Close, Ok)) => Authenticated,
        // RFC 8437 §3: transition 7, from either state.
        (Authenticated | Selected, Input::Completed(Kind::Unauthenticate, Ok)) => NotAuthenticated,
        (_, Input::Completed(Kind::Logout, Ok)) => Logout,
        (state, Input::Completed(..)) => state,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_diagram() {
        use State::*;
        let ok = |k| Input::Completed(k, StatusKind::Ok);
        let no = |k| Input::Completed(k, StatusKind::No);
        let g = Input::Greeting;
        let table = [
            (NotAuthenticated, g(GreetingKind::Ok), NotAuthenticated),
            (NotAuthenticated, g(GreetingKind::PreAuth), Authenticated),
            (NotAuthenticated, g(GreetingKind::Bye), Logout),
            (NotAuthenticated, ok(Kind::Login), Authenticated),
            (NotAuthenticated, no(Kind::Login), NotAuthenticated),
            (NotAuthenticated, ok(Kind::Authenticate), Authenticated),
            (NotAuthenticated, ok(Kind::Select), NotAuthenticated),
            (Authenticated, ok(Kind::Select), Selected),
            (Selected, no(Kind::Select), Authenticated),
            (Selected, ok(Kind::Close), Authenticated),
            (Selected, no(Kind::Close), Selected),
            (Selected, ok(Kind::Logout), Logout),
            (Selected, ok(Kind::Unauthenticate), NotAuthenticated),
            (Authenticated, ok(Kind::Unauthenticate), NotAuthenticated),
            (
                Authenticated,
                Input::Completed(Kind::Unauthenticate, StatusKind::Bad),
                Authenticated,
            ),
            (NotAuthenticated, ok(Kind::Unauthenticate), NotAuthenticated),
            (Selected, Input::Bye, Logout),
            (Logout, ok(Kind::Login), Logout),
            (Logout, g(GreetingKind::Ok), Logout),
        ];
        for (from, input, to) in table {
            assert_eq!(transition(from, input), to, "{from:?} {input:?}");
        }
    }

    #[test]
    fn pipelining_rules() {
        let none = core::iter::empty::<Kind>();
        assert!(Kind::Select.may_start(none.clone()));
        assert!(!Kind::Select.may_start([Kind::Plain].into_iter()));
        assert!(!Kind::Plain.may_start([Kind::Idle].into_iter()));
        assert!(!Kind::Plain.may_start([Kind::Unauthenticate].into_iter()));
        assert!(!Kind::Unauthenticate.may_start([Kind::SeqNoExpunge].into_iter()));
        assert!(Kind::Plain.may_start([Kind::Seq].into_iter()));
        // §5.5: sequence numbers wait for commands during which EXPUNGE may come.
        assert!(!Kind::Seq.may_start([Kind::Plain].into_iter()));
        assert!(Kind::SeqNoExpunge.may_start([Kind::SeqNoExpunge].into_iter()));
        assert!(!Kind::SeqNoExpunge.may_start([Kind::SeqNoExpunge, Kind::Plain].into_iter()));
    }
}
