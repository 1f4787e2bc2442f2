//! The send queue: commands in order, the bytes ready to go, and the literal flow.
//!
//! Each command is encoded whole when it is enqueued, with the offsets at which a
//! synchronising literal makes it wait for the server's `+`. Commands are released to the
//! output in order, one fragment at a time: the bytes up to the first such offset, then the
//! next fragment at each `+`. A command refused before its `+` (a tagged NO or BAD) is dropped
//! with whatever of it was not yet released. A command starts only when the pipelining rules
//! allow it ([`Kind::may_start`]).

use alloc::collections::VecDeque;
use alloc::vec::Vec;

use super::event::CommandHandle;
use super::state::Kind;

/// Where a command is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// Not a byte of it released yet.
    Queued,
    /// Released up to a synchronising literal's announcement: waits for `+`.
    AwaitingContinuation,
    /// Wholly released; waits for its completion.
    Sent,
}

/// One command in the queue.
#[derive(Debug)]
struct Cmd {
    handle: CommandHandle,
    kind: Kind,
    /// The encoded command; emptied once wholly released.
    bytes: Vec<u8>,
    /// Offsets into `bytes` where output pauses for `+`, not yet passed.
    sync: VecDeque<usize>,
    released: usize,
    phase: Phase,
}

/// What a continuation request was for, when the send queue owns it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ContinuationFor {
    /// The literal of this command: its next fragment was released.
    Literal(CommandHandle),
    /// This command (IDLE or AUTHENTICATE), which is in progress alone.
    Command(CommandHandle, Kind),
    /// Nothing waits for a continuation.
    Nothing,
}

/// The send queue (see the module docs).
#[derive(Debug, Default)]
pub(crate) struct SendQueue {
    out: Vec<u8>,
    out_start: usize,
    commands: VecDeque<Cmd>,
}

impl SendQueue {
    /// Bytes ready to send.
    pub(crate) fn transmit(&self) -> &[u8] {
        &self.out[self.out_start..]
    }

    /// The first `n` ready bytes were sent.
    pub(crate) fn sent(&mut self, n: usize) {
        self.out_start = (self.out_start + n).min(self.out.len());
        if self.out_start == self.out.len() {
            self.out.clear();
            self.out_start = 0;
        } else if self.out_start > self.out.len() / 2 {
            self.out.drain(..self.out_start);
            self.out_start = 0;
        }
    }

    /// Appends a line that is not a command (an AUTHENTICATE answer, DONE).
    pub(crate) fn line(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }

    /// Adds an encoded command at the end of the queue.
    pub(crate) fn push(
        &mut self,
        handle: CommandHandle,
        kind: Kind,
        bytes: Vec<u8>,
        sync: &[usize],
    ) {
        self.commands.push_back(Cmd {
            handle,
            kind,
            bytes,
            sync: sync.iter().copied().collect(),
            released: 0,
            phase: Phase::Queued,
        });
    }

    /// Releases commands while the rules allow. Calls `started` with the kind of each command
    /// that begins to go out.
    pub(crate) fn pump(&mut self, mut started: impl FnMut(Kind)) {
        loop {
            let Some(next) = self.commands.iter().position(|c| c.phase == Phase::Queued) else {
                return;
            };
            let before = self.commands.range(..next);
            if before
                .clone()
                .any(|c| c.phase == Phase::AwaitingContinuation)
            {
                return;
            }
            let kind = self.commands[next].kind;
            if !kind.may_start(before.map(|c| c.kind)) {
                return;
            }
            started(kind);
            self.release(next);
        }
    }

    /// Releases the next fragment of command `at`.
    fn release(&mut self, at: usize) {
        let cmd = &mut self.commands[at];
        let end = cmd.sync.pop_front().unwrap_or(cmd.bytes.len());
        self.out
            .extend_from_slice(cmd.bytes.get(cmd.released..end).unwrap_or_default());
        cmd.released = end;
        if end < cmd.bytes.len() || !cmd.sync.is_empty() {
            cmd.phase = Phase::AwaitingContinuation;
        } else {
            cmd.phase = Phase::Sent;
            cmd.bytes = Vec::new();
        }
    }

    /// A continuation request arrived: releases the literal waiting for it, or says which
    /// command it is for.
    pub(crate) fn continuation(&mut self) -> ContinuationFor {
        if let Some(at) = self
            .commands
            .iter()
            .position(|c| c.phase == Phase::AwaitingContinuation)
        {
            self.release(at);
            return ContinuationFor::Literal(self.commands[at].handle);
        }
        match self.commands.front() {
            Some(c)
                if c.phase == Phase::Sent && matches!(c.kind, Kind::Idle | Kind::Authenticate) =>
            {
                ContinuationFor::Command(c.handle, c.kind)
            }
            _ => ContinuationFor::Nothing,
        }
    }

    /// The command in progress whose tag number is `n`.
    pub(crate) fn started(&self, n: u64) -> Option<(CommandHandle, Kind)> {
        self.commands
            .iter()
            .take_while(|c| c.phase != Phase::Queued)
            .find(|c| c.handle.0 == n)
            .map(|c| (c.handle, c.kind))
    }

    /// The oldest command in progress.
    pub(crate) fn oldest_started(&self) -> Option<CommandHandle> {
        self.commands
            .front()
            .filter(|c| c.phase != Phase::Queued)
            .map(|c| c.handle)
    }

    /// Removes a completed command with whatever of it was not released.
    pub(crate) fn complete(&mut self, handle: CommandHandle) {
        if let Some(at) = self.commands.iter().position(|c| c.handle == handle) {
            self.commands.remove(at);
        }
    }

    /// The kinds of the commands not yet completed, oldest first.
    pub(crate) fn pending_kinds(&self) -> impl Iterator<Item = Kind> + '_ {
        self.commands.iter().map(|c| c.kind)
    }

    /// Removes every command, returning their handles (the connection ended).
    pub(crate) fn abort_all(&mut self) -> Vec<CommandHandle> {
        self.out.clear();
        self.out_start = 0;
        self.commands.drain(..).map(|c| c.handle).collect()
    }
}
