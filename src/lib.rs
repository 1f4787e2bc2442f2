//! # imap-wire
//!
//! A sans-IO, zero-copy codec for IMAP (RFC 9051 IMAP4rev2 and RFC 3501 IMAP4rev1): parsers
//! and serializers for the protocol's grammar and a streaming framer that splits a byte
//! stream into complete messages. Nothing here does IO, reads a clock or spawns a thread.
//!
//! ## Layers
//! - [`types`]: the data model; values borrow from the bytes they were parsed from and become
//!   owned with [`IntoStatic::into_static`].
//! - [`Parse`]: parsing of any grammar type from a complete input, with typed
//!   [`ParseError`]s that say what was expected and at which offset.
//! - [`Encode`] and [`Encoder`]: serialization into a reusable buffer, split into
//!   [`Fragment`]s at synchronising literals.
//! - [`framing`]: a linear, chunking-independent framer that finds where each message (a line
//!   plus the literals it announces) ends, with limits.
//! - [`utf7`]: the modified UTF-7 of IMAP4rev1 mailbox names.
//! - [`session`]: connection states and the commands each allows.
//! - [`transcript`]: the `.imap` format of recorded sessions (both directions, byte for byte,
//!   chunked as seen on the wire), read with errors at the byte offset and written back.
//! - [`server`]: the server's sans-IO state machine.
//! - [`client`]: the client state machine (sans-IO): bytes and commands in, events and bytes
//!   to send out.
//!
//! ```
//! use imap_wire::{AString, Parse, to_vec};
//! let user = AString::parse(b"\"fred smith\"").unwrap();
//! assert_eq!(user.as_bytes(), b"fred smith");
//! assert_eq!(to_vec(&user), b"\"fred smith\"");
//! ```

#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs, clippy::unwrap_used, elided_lifetimes_in_paths)]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod chars;
pub mod client;
mod config;
mod error;
pub mod framing;
#[cfg(feature = "arbitrary")]
#[doc(hidden)]
pub mod fuzzing;
mod owned;
mod parse;
mod serialize;
pub mod server;
pub mod session;
#[cfg(test)]
mod testing;
pub mod transcript;
pub mod types;
pub mod utf7;

pub use config::{Leniency, ParseConfig};
pub use error::{ErrorKind, ParseError, ValidationError, ValidationReason};
pub use owned::{IntoStatic, ToStatic};
pub use parse::Parse;
pub use parse::primitive::{parse_number, parse_nz_number};
pub use serialize::{Encode, EncodeConfig, Encoder, Fragment, LiteralMode, to_vec};
pub use types::auth::{Base64, Secret};
pub use types::body::{
    Body, BodyExtension, BodyFields, BodyParam, Disposition, Encoding, MessagePart, MultiPart,
    SinglePart, SinglePartKind,
};
pub use types::capability::{Capabilities, Capability, CapabilityOther};
pub use types::code::{Code, CodeOther, ResponseText};
pub use types::command::{AuthenticateResponse, Command, CommandBody, IdleDone};
pub use types::datetime::{Date, DateTime, Month, Sign, Time, Zone};
pub use types::envelope::{Address, AddressOrGroup, Envelope};
pub use types::esearch::{ContextUpdate, EsearchData, SearchData, SearchReturnData};
pub use types::fetch::{FetchAttribute, FetchItems, Partial, Section, SectionPart, SectionText};
pub use types::flag::{Flag, FlagExtension, FlagList, FlagPerm, FlagPermList};
pub use types::list_args::{ListArguments, ListReturnOption, ListSelectOption, LsubArguments};
pub use types::listing::{Delimiter, MailboxAttribute, MailboxList};
pub use types::mailbox::{ListMailbox, Mailbox, MailboxOther};
pub use types::mailbox_data::{EnabledData, NamespaceData, NamespaceDescr};
pub use types::primitive::{
    AString, Atom, Charset, IString, Literal, Literal8, NString, Number64, NzNumber64, Tag, Text,
};
pub use types::response::{
    Continuation, Data, DataOther, Greeting, GreetingKind, Response, StatusKind, Tagged, Untagged,
};
pub use types::search::{
    SearchCommandArgs, SearchKey, SearchProgram, SearchReturnExtension, SearchReturnOption,
};
pub use types::sequence::{SeqNumber, Sequence, SequenceSet, UidSet, UidSetItem};
pub use types::tolerance::{Malformed, MalformedItem, Parsed};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
pub use types::catenate::{CatPart, UrlRespText};
pub use types::command::{AppendData, AppendMessage};
pub use types::condstore::{QresyncParams, VanishedData};
pub use types::fetch_ext::{GmLabel, SnippetOption};
pub use types::i18n::{ComparatorData, LanguageData};
pub use types::notify::{EventGroup, EventName, MailboxFilter, NotifyCommand, NotifyEvent};
pub use types::referral::ReferralUrl;
pub use types::search_ext::{EntryType, ModSeqEntry, PartialRange, SearchKeyExt};
pub use types::status::{StatusArguments, StatusAttribute, StatusData, StatusItem};
pub use types::urlauth::{
    GenUrlAuthData, ImapUrl, UrlAuthCommand, UrlAuthMechanism, UrlFetchArg, UrlFetchData,
    UrlMetadata,
};
