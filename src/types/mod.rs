//! The data model of IMAP: one module per grammar area, every type borrowing from its input.

pub mod acl;
pub mod auth;
pub mod body;
pub mod capability;
pub mod catenate;
pub mod code;
pub mod command;
pub mod condstore;
pub mod datetime;
pub mod envelope;
pub mod esearch;
#[cfg(feature = "arbitrary")]
mod ext_arbitrary;
pub mod extension;
pub mod fetch;
pub mod fetch_ext;
pub mod flag;
pub mod i18n;
pub mod id;
pub mod list;
pub mod list_args;
pub mod listing;
pub mod mailbox;
pub mod mailbox_data;
pub mod message;
pub mod metadata;
pub mod notify;
pub mod primitive;
pub mod quota;
pub mod referral;
pub mod response;
#[cfg(feature = "arbitrary")]
mod response_arbitrary;
pub mod search;
pub mod search_ext;
pub mod sequence;
pub mod sort;
pub mod special_use;
pub mod status;
pub mod tagged_ext;
pub mod tolerance;
pub mod urlauth;
