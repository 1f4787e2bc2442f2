//! Commands this crate does not know: a name and raw arguments, kept byte for byte.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::error::{ValidationError, ValidationReason};
use crate::owned::IntoStatic;
use crate::types::primitive::{Atom, cow_newtype};

fn check_other_args(v: &[u8]) -> Result<(), ValidationError> {
    crate::parse::command::check_other_args(v)
}

cow_newtype!(
    /// The arguments of a command this crate does not know, as they stand on the wire after
    /// the command name and before the final CRLF: empty, or a space and then anything a
    /// command line may hold.
    ///
    /// Outside literals the bytes may be anything but NUL, CR and LF. A literal is announced
    /// at the end of a line (`{n}`, `{n+}`, `~{n}` after a space or `(`), followed by CRLF and
    /// its `n` bytes; the bytes must not end in such an announcement. Literals are written back
    /// as they are, and a synchronising one (`{n}`, `~{n}`) makes the writer wait for `+`.
    ///
    /// ```
    /// use imap_wire::types::command::OtherArgs;
    /// assert!(OtherArgs::new(&b" a (b c) {3}\r\nxyz d"[..]).is_ok());
    /// assert!(OtherArgs::new(&b"no leading space"[..]).is_err());
    /// assert!(OtherArgs::new(&b" ends in {3}"[..]).is_err());
    /// ```
    OtherArgs, bytes, "command arguments", check_other_args
);

impl OtherArgs<'_> {
    /// No arguments.
    pub const EMPTY: OtherArgs<'static> = OtherArgs(Cow::Borrowed(b""));
}

/// A command this crate does not know: its name and its raw arguments (RFC 9051 §6.5:
/// `X` commands and other extensions). It serializes back byte for byte.
///
/// The name is never one of the commands [`CommandBody`](super::CommandBody) has a variant
/// for, so a value always reads back as itself. The arguments of `COMPRESS` and
/// `UNAUTHENTICATE`, which never take strings, hold no literals (a `{n}` at the end of their
/// line is text, as the framer reads it). `UID` followed by a command that has no `UID`
/// form here (`UID XSORT`, ...) is kept with the name `UID`.
///
/// ```
/// use imap_wire::types::command::{OtherArgs, OtherCommand};
/// use imap_wire::Atom;
/// let x = OtherCommand::new(Atom::new("XPIG-LATIN").unwrap(), OtherArgs::EMPTY).unwrap();
/// assert_eq!(x.name().as_str(), "XPIG-LATIN");
/// assert!(OtherCommand::new(Atom::new("noop").unwrap(), OtherArgs::EMPTY).is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct OtherCommand<'a> {
    name: Atom<'a>,
    args: OtherArgs<'a>,
}

impl<'a> OtherCommand<'a> {
    /// A command named `name` with `args`.
    ///
    /// # Errors
    /// [`ValidationReason::Invalid`] when the command would read back as a known command
    /// (or fail to read, as `UID` without a command after it does, or a literal in the
    /// arguments of a command that takes no strings).
    pub fn new(name: Atom<'a>, args: OtherArgs<'a>) -> Result<Self, ValidationError> {
        if !crate::parse::command::is_other(name.as_bytes(), args.as_bytes()) {
            return Err(ValidationError::new(
                "command name",
                ValidationReason::Invalid,
            ));
        }
        Ok(Self { name, args })
    }

    /// Built by the parser, which has checked the name.
    pub(crate) fn parsed(name: Atom<'a>, args: OtherArgs<'a>) -> Self {
        debug_assert!(crate::parse::command::is_other(
            name.as_bytes(),
            args.as_bytes()
        ));
        Self { name, args }
    }

    /// The command name, as written.
    pub fn name(&self) -> &Atom<'a> {
        &self.name
    }

    /// The arguments.
    pub fn args(&self) -> &OtherArgs<'a> {
        &self.args
    }

    /// The name and the arguments.
    pub fn into_parts(self) -> (Atom<'a>, OtherArgs<'a>) {
        (self.name, self.args)
    }
}

impl IntoStatic for OtherCommand<'_> {
    type Static = OtherCommand<'static>;

    fn into_static(self) -> OtherCommand<'static> {
        OtherCommand {
            name: self.name.into_static(),
            args: self.args.into_static(),
        }
    }
}
