//! The grammar: nom parsers over one complete, framed message.
//!
//! Every parser here is crate-private and named after the ABNF rule it implements (RFC 9051 §9,
//! RFC 3501 §9). Parsers work on complete input (a framed message), so running out of bytes is
//! an error, never a request for more. Errors are [`PErr`], a `Copy` value that records what was
//! expected and how many bytes were left when it failed; the public entry points turn that into
//! a [`ParseError`] with an offset from the start of the input.
//!
//! The public way in is the [`Parse`] trait, implemented by every type that can stand on its own.

pub(crate) mod acl;
pub(crate) mod body;
pub(crate) mod capability;
pub(crate) mod catenate;
pub(crate) mod code;
pub(crate) mod command;
pub(crate) mod condstore;
pub(crate) mod datetime;
pub(crate) mod envelope;
pub(crate) mod esearch;
pub(crate) mod ext_data;
pub(crate) mod extension;
pub(crate) mod fetch;
pub(crate) mod fetch_ext;
pub(crate) mod flag;
pub(crate) mod i18n;
pub(crate) mod id;
pub(crate) mod list;
pub(crate) mod list_args;
pub(crate) mod listing;
pub(crate) mod mailbox;
pub(crate) mod mailbox_data;
pub(crate) mod message;
pub(crate) mod message_ext;
pub(crate) mod metadata;
pub(crate) mod notify;
pub(crate) mod primitive;
pub(crate) mod quota;
pub(crate) mod referral;
pub(crate) mod response;
pub(crate) mod search;
pub(crate) mod search_ext;
pub(crate) mod sequence;
pub(crate) mod sort;
pub(crate) mod status;
pub(crate) mod tagged_ext;
pub(crate) mod tolerance;
pub(crate) mod urlauth;

use nom::IResult;

use crate::config::{Leniency, ParseConfig};
use crate::error::{ErrorKind, ParseError};
use crate::types::tolerance::{Malformed, Parsed};

/// The error every internal parser returns (not reachable from outside the crate).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PErr {
    /// What went wrong.
    pub(crate) kind: ErrorKind,
    /// Bytes of input left at the failure point.
    pub(crate) rest: usize,
}

impl PErr {
    /// Converts to a public error, given the length of the whole parsed input.
    pub(crate) fn at(self, total: usize) -> ParseError {
        ParseError {
            kind: self.kind,
            offset: total.saturating_sub(self.rest),
        }
    }
}

impl<'a> nom::error::ParseError<&'a [u8]> for PErr {
    fn from_error_kind(input: &'a [u8], kind: nom::error::ErrorKind) -> Self {
        let what = match kind {
            nom::error::ErrorKind::Tag => "keyword",
            nom::error::ErrorKind::Digit => "digit",
            nom::error::ErrorKind::Eof => "end of input",
            _ => "grammar item",
        };
        Self {
            kind: ErrorKind::Expected(what),
            rest: input.len(),
        }
    }

    fn append(_: &'a [u8], _: nom::error::ErrorKind, other: Self) -> Self {
        other
    }

    fn from_char(input: &'a [u8], _: char) -> Self {
        Self {
            kind: ErrorKind::Expected("character"),
            rest: input.len(),
        }
    }

    /// Of two failed branches, keep the one that got further: it names what was really
    /// expected.
    fn or(self, other: Self) -> Self {
        if other.rest <= self.rest { other } else { self }
    }
}

/// Result of an internal parser.
pub type PResult<'a, T> = IResult<&'a [u8], T, PErr>;

/// A recoverable failure at `input`, expecting `what`.
pub(crate) fn expected<'a, T>(input: &'a [u8], what: &'static str) -> PResult<'a, T> {
    Err(nom::Err::Error(PErr {
        kind: ErrorKind::Expected(what),
        rest: input.len(),
    }))
}

/// A recoverable failure of another kind at `input`.
pub(crate) fn fail<T>(input: &[u8], kind: ErrorKind) -> PResult<'_, T> {
    Err(nom::Err::Error(PErr {
        kind,
        rest: input.len(),
    }))
}

/// An unrecoverable failure (no other branch may be tried), used for limits.
#[allow(dead_code, reason = "called by grammar areas not yet in the crate")]
pub(crate) fn abort<T>(input: &[u8], kind: ErrorKind) -> PResult<'_, T> {
    Err(nom::Err::Failure(PErr {
        kind,
        rest: input.len(),
    }))
}

/// Consumes one expected byte.
#[inline]
pub(crate) fn byte(b: u8, what: &'static str) -> impl Fn(&[u8]) -> PResult<'_, ()> {
    move |i: &[u8]| match i.first() {
        Some(&c) if c == b => Ok((&i[1..], ())),
        _ => expected(i, what),
    }
}

/// `SP`
#[allow(dead_code, reason = "called by grammar areas not yet in the crate")]
#[inline]
pub(crate) fn sp(i: &[u8]) -> PResult<'_, ()> {
    match i.first() {
        Some(b' ') => Ok((&i[1..], ())),
        _ => expected(i, "SP"),
    }
}

/// `CRLF`
#[inline]
pub(crate) fn crlf(i: &[u8]) -> PResult<'_, ()> {
    match i {
        [b'\r', b'\n', rest @ ..] => Ok((rest, ())),
        _ => expected(i, "CRLF"),
    }
}

/// `SP`, or under [`Leniency::EXTRA_SPACE`] one or more.
#[inline]
pub(crate) fn sp_run<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ()> {
    let (rest, ()) = sp(i)?;
    if cx.allows(Leniency::EXTRA_SPACE) {
        let n = rest.iter().take_while(|&&b| b == b' ').count();
        return Ok((&rest[n..], ()));
    }
    Ok((rest, ()))
}

/// The `CRLF` that ends a line, or a bare LF under [`Leniency::BARE_LF`].
#[inline]
pub(crate) fn line_end<'a>(cx: &Cx, i: &'a [u8]) -> PResult<'a, ()> {
    match i {
        [b'\n', rest @ ..] if cx.allows(Leniency::BARE_LF) => Ok((rest, ())),
        _ => crlf(i),
    }
}

/// Matches an ASCII keyword in any case (commands and keywords arrive lowercase from real
/// clients).
#[inline]
pub(crate) fn keyword<'a>(i: &'a [u8], word: &'static str) -> PResult<'a, ()> {
    let w = word.as_bytes();
    if i.len() >= w.len() && i[..w.len()].eq_ignore_ascii_case(w) {
        Ok((&i[w.len()..], ()))
    } else {
        expected(i, word)
    }
}

/// What every configurable parser is given: the configuration and the current nesting depth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cx {
    pub(crate) cfg: ParseConfig,
    /// The nesting depth, and in the top bit ([`TRUSTED`]) whether the input was already
    /// accepted (kept in one word so that the context, which every list stores, stays small).
    pub(crate) depth: u32,
}

/// The bit of [`Cx::depth`] set when the input was already accepted under this
/// configuration (a [`List`]'s items, parsed again on iteration): nested lists may then find
/// their items' ends without checking them again. See [`ListItem::skip_trusted`].
///
/// [`List`]: crate::types::list::List
/// [`ListItem::skip_trusted`]: crate::types::list::ListItem::skip_trusted
const TRUSTED: u32 = 1 << 31;

impl Cx {
    /// The context at the top of a message.
    pub(crate) const fn new(cfg: &ParseConfig) -> Self {
        Self {
            cfg: *cfg,
            depth: 0,
        }
    }

    /// The same context over input already accepted by the same parsers.
    #[inline]
    pub(crate) const fn trusting(self) -> Self {
        Self {
            depth: self.depth | TRUSTED,
            ..self
        }
    }

    /// Whether the input was already accepted (see [`Cx::trusting`]).
    #[inline]
    pub(crate) const fn trusted(&self) -> bool {
        self.depth & TRUSTED != 0
    }

    /// Whether the configuration accepts the deviation `l`.
    #[inline]
    pub(crate) const fn allows(&self, l: Leniency) -> bool {
        self.cfg.leniency.contains(l)
    }

    /// One level deeper; fails with [`ErrorKind::TooDeep`] at `input` past the limit (a
    /// failure, so no other branch is tried and the stack stays bounded).
    #[allow(dead_code, reason = "called by grammar areas not yet in the crate")]
    #[inline]
    pub(crate) fn descend(&self, input: &[u8]) -> Result<Self, nom::Err<PErr>> {
        if self.depth & !TRUSTED >= self.cfg.max_depth {
            return Err(nom::Err::Failure(PErr {
                kind: ErrorKind::TooDeep,
                rest: input.len(),
            }));
        }
        Ok(Self {
            depth: self.depth + 1,
            ..*self
        })
    }
}

/// A type that can be parsed from bytes on its own.
///
/// Implemented by every public grammar type. `parse` takes the whole input and fails on
/// leftovers; `parse_prefix` returns the rest.
pub trait Parse<'a>: Sized {
    /// Parses a value from the start of `input` under `config`, returning the value and the
    /// bytes that follow it.
    ///
    /// # Errors
    /// A [`ParseError`] whose offset counts from the start of `input`.
    fn parse_prefix(input: &'a [u8], config: &ParseConfig) -> Result<(Self, &'a [u8]), ParseError>;

    /// Parses exactly `input` (nothing may be left over) under the default configuration.
    ///
    /// # Errors
    /// A [`ParseError`] whose offset counts from the start of `input`; leftover bytes give
    /// [`ErrorKind::Trailing`].
    fn parse(input: &'a [u8]) -> Result<Self, ParseError> {
        Self::parse_with(input, &ParseConfig::default())
    }

    /// Parses exactly `input` (nothing may be left over) under `config`.
    ///
    /// # Errors
    /// As [`Parse::parse`].
    fn parse_with(input: &'a [u8], config: &ParseConfig) -> Result<Self, ParseError> {
        let (value, rest) = Self::parse_prefix(input, config)?;
        if rest.is_empty() {
            Ok(value)
        } else {
            Err(ParseError {
                kind: ErrorKind::Trailing,
                offset: input.len() - rest.len(),
            })
        }
    }

    /// Parses exactly `input` under `config` and reports which deviations of
    /// [`ParseConfig::leniency`] the value needed.
    ///
    /// The report is the smallest set found that still reads `input` as the same value:
    /// empty when the strict grammar reads it so. Finding it costs extra parses only for a
    /// message the strict grammar does not read the same way, one per deviation in `config`.
    ///
    /// ```
    /// use imap_wire::{Leniency, Parse, ParseConfig, Response};
    /// let parsed = Response::parse_report(b"* STATUS Inbox (MESSAGES 1) \r\n", &ParseConfig::lenient())
    ///     .unwrap();
    /// assert_eq!(parsed.quirks, Leniency::STATUS_TRAILING_SPACE);
    /// let parsed = Response::parse_report(b"* STATUS Inbox (MESSAGES 1)\r\n", &ParseConfig::lenient())
    ///     .unwrap();
    /// assert!(parsed.quirks.is_empty());
    /// ```
    ///
    /// # Errors
    /// As [`Parse::parse_with`].
    fn parse_report(input: &'a [u8], config: &ParseConfig) -> Result<Parsed<Self>, ParseError>
    where
        Self: PartialEq,
    {
        let value = Self::parse_with(input, config)?;
        let quirks = needed(config, |cfg| {
            Self::parse_with(input, cfg).is_ok_and(|v| v == value)
        });
        Ok(Parsed { value, quirks })
    }

    /// Parses exactly `input` under `config`, or returns it as a [`Malformed`] message: its
    /// bytes, the error and its tag when one can be read. Meant for one framed message, so
    /// that a bad message is reported and the next one is read normally.
    ///
    /// ```
    /// use imap_wire::{Parse, ParseConfig, Response};
    /// let bad = Response::parse_or_malformed(b"a7 MAYBE later\r\n", &ParseConfig::lenient())
    ///     .unwrap_err();
    /// assert_eq!(bad.tag().map(|t| t.as_str()), Some("a7"));
    /// assert_eq!(bad.raw(), b"a7 MAYBE later\r\n");
    /// assert_eq!(bad.error().offset, 3);
    /// ```
    ///
    /// # Errors
    /// The [`Malformed`] message when `input` does not parse.
    fn parse_or_malformed(input: &'a [u8], config: &ParseConfig) -> Result<Self, Malformed<'a>> {
        Self::parse_with(input, config).map_err(|e| Malformed::new(input, e))
    }
}

/// The smallest subset of `config.leniency` under which `same` still holds, found by dropping
/// one deviation at a time (`same` holds under the whole set).
fn needed(config: &ParseConfig, same: impl Fn(&ParseConfig) -> bool) -> Leniency {
    let all = config.leniency;
    if all.is_empty() || same(&config.with_leniency(Leniency::STRICT)) {
        return Leniency::STRICT;
    }
    let mut need = all;
    for one in all.iter() {
        let fewer = need - one;
        if same(&config.with_leniency(fewer)) {
            need = fewer;
        }
    }
    need
}

/// Runs an internal parser as a public prefix parser.
pub(crate) fn run<'a, T>(
    input: &'a [u8],
    result: PResult<'a, T>,
) -> Result<(T, &'a [u8]), ParseError> {
    match result {
        Ok((rest, v)) => Ok((v, rest)),
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => Err(e.at(input.len())),
        Err(nom::Err::Incomplete(_)) => Err(ParseError {
            kind: ErrorKind::Incomplete,
            offset: input.len(),
        }),
    }
}

/// Implements [`Parse`] for a type from an internal parser function: one taking the context,
/// or (`plain`) one of the grammar alone.
macro_rules! impl_parse {
    ($ty:ident, $parser:path) => {
        impl<'a> $crate::parse::Parse<'a> for $ty<'a> {
            fn parse_prefix(
                input: &'a [u8],
                config: &$crate::config::ParseConfig,
            ) -> Result<(Self, &'a [u8]), $crate::error::ParseError> {
                $crate::parse::run(input, $parser(&$crate::parse::Cx::new(config), input))
            }
        }
    };
    ($ty:ident, plain $parser:path) => {
        impl<'a> $crate::parse::Parse<'a> for $ty<'a> {
            fn parse_prefix(
                input: &'a [u8],
                _: &$crate::config::ParseConfig,
            ) -> Result<(Self, &'a [u8]), $crate::error::ParseError> {
                $crate::parse::run(input, $parser(input))
            }
        }
    };
    ($ty:ty => plain $parser:path) => {
        impl<'a> $crate::parse::Parse<'a> for $ty {
            fn parse_prefix(
                input: &'a [u8],
                _: &$crate::config::ParseConfig,
            ) -> Result<(Self, &'a [u8]), $crate::error::ParseError> {
                $crate::parse::run(input, $parser(input))
            }
        }
    };
    ($ty:ty => $parser:path) => {
        impl<'a> $crate::parse::Parse<'a> for $ty {
            fn parse_prefix(
                input: &'a [u8],
                config: &$crate::config::ParseConfig,
            ) -> Result<(Self, &'a [u8]), $crate::error::ParseError> {
                $crate::parse::run(input, $parser(&$crate::parse::Cx::new(config), input))
            }
        }
    };
}
pub(crate) use impl_parse;
