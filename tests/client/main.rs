//! Flow tests of the client state machine: exact bytes sent and the event transcript for
//! each behaviour, fed through the public API only.

mod support;

mod auth;
mod chunking;
mod errors;
mod idle;
mod literal;
mod session;
mod starttls;
mod unauthenticate;
mod view;
