//! The data model of IMAP: one module per grammar area, every type borrowing from its input.

pub mod auth;
pub mod datetime;
pub mod fetch;
pub mod flag;
pub mod list;
pub mod mailbox;
pub mod primitive;
pub mod search;
pub mod sequence;
