//! The data model of IMAP: one module per grammar area, every type borrowing from its input.

pub mod auth;
pub mod datetime;
pub mod esearch;
pub mod flag;
pub mod list;
pub mod list_args;
pub mod listing;
pub mod mailbox;
pub mod mailbox_data;
pub mod primitive;
pub mod sequence;
pub mod status;
pub mod tagged_ext;
