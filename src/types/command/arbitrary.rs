//! Hand-written `Arbitrary` for the command types: every generated value is valid, so it
//! serializes to bytes that parse back equal.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

use arbitrary::{Arbitrary, Result, Unstructured};

use super::{
    AppendData, AppendMessage, AuthenticateResponse, Command, CommandBody, FetchModifier, IdleDone,
    OtherArgs, OtherCommand, SelectParam, StoreAction, StoreAtt, StoreAttFlags, StoreAttLabels,
    StoreFlags, StoreLabels, StoreModifier,
};
use crate::chars::{is_atom_char, is_tag_char};
use crate::types::auth::{Base64, Secret};
use crate::types::datetime::DateTime;
use crate::types::extension::{ExtParam, TaggedExt, TaggedExtLabel};
use crate::types::fetch::FetchItems;
use crate::types::flag::{Flag, FlagList};
use crate::types::list::{List, NonEmptyList};
use crate::types::list_args::{ListArguments, LsubArguments};
use crate::types::mailbox::Mailbox;
use crate::types::primitive::{AString, Atom, Literal, Literal8, Tag};
use crate::types::search::SearchCommandArgs;
use crate::types::sequence::SequenceSet;
use crate::types::status::StatusArguments;

/// 1 to 12 characters accepted by `ok`, or one of `names`.
fn word(u: &mut Unstructured<'_>, ok: fn(u8) -> bool, names: &[&str]) -> Result<String> {
    if !names.is_empty() && u.ratio(1, 3)? {
        return Ok(String::from(*u.choose(names)?));
    }
    let alphabet: Vec<u8> = (0..=127u8).filter(|&b| ok(b)).collect();
    let len = u.int_in_range(1..=12)?;
    (0..len)
        .map(|_| u.choose(&alphabet).map(|&b| char::from(b)))
        .collect()
}

fn atom(u: &mut Unstructured<'_>, names: &[&str]) -> Result<Atom<'static>> {
    Ok(Atom(Cow::Owned(word(u, is_atom_char, names)?)))
}

/// Any bytes but NUL, often plain words, sometimes with CR, LF, quotes or 8-bit bytes.
fn string_bytes(u: &mut Unstructured<'_>) -> Result<Vec<u8>> {
    if u.ratio(1, 2)? {
        return Ok(word(u, crate::chars::is_astring_char, &["INBOX", "fred", "NIL"])?.into_bytes());
    }
    let len = u.int_in_range(0..=16)?;
    (0..len).map(|_| u.int_in_range(1..=255u8)).collect()
}

fn astring(u: &mut Unstructured<'_>) -> Result<AString<'static>> {
    Ok(AString(Cow::Owned(string_bytes(u)?)))
}

fn base64(u: &mut Unstructured<'_>) -> Result<Base64<'static>> {
    let len = u.int_in_range(0..=24)?;
    Ok(Base64::encode(u.bytes(len)?))
}

fn atoms<'a>(u: &mut Unstructured<'a>, names: &[&str]) -> Result<List<'a, Atom<'a>>> {
    let n = u.int_in_range(0..=4)?;
    (0..n).map(|_| atom(u, names)).collect()
}

fn list<'a, T: Arbitrary<'a>>(u: &mut Unstructured<'a>, max: usize) -> Result<List<'a, T>> {
    let n = u.int_in_range(0..=max)?;
    (0..n).map(|_| T::arbitrary(u)).collect()
}

/// 1 to `max` items.
fn non_empty<'a, T: Arbitrary<'a>>(
    u: &mut Unstructured<'a>,
    max: usize,
) -> Result<NonEmptyList<'a, T>> {
    let n = u.int_in_range(1..=max)?;
    let items: Vec<T> = (0..n).map(|_| T::arbitrary(u)).collect::<Result<_>>()?;
    NonEmptyList::try_from(items).map_err(|_| arbitrary::Error::IncorrectFormat)
}

const MECHANISMS: &[&str] = &["PLAIN", "LOGIN", "GSSAPI", "EXTERNAL", "SCRAM-SHA-256"];
const CAPABILITIES: &[&str] = &[
    "CONDSTORE",
    "QRESYNC",
    "IMAP4rev2",
    "UTF8=ACCEPT",
    "X-GOOD-IDEA",
];

impl<'a> Arbitrary<'a> for StoreAction {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(*u.choose(&[Self::Replace, Self::Add, Self::Remove])?)
    }
}

impl<'a> Arbitrary<'a> for StoreFlags<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        if u.arbitrary()? {
            return Ok(Self::List(FlagList::arbitrary(u)?));
        }
        Ok(Self::Bare {
            first: Flag::arbitrary(u)?,
            rest: list(u, 4)?,
        })
    }
}

impl<'a> Arbitrary<'a> for StoreAttFlags<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            action: StoreAction::arbitrary(u)?,
            silent: u.arbitrary()?,
            flags: StoreFlags::arbitrary(u)?,
        })
    }
}

impl<'a> Arbitrary<'a> for StoreLabels<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        if u.arbitrary()? {
            return Ok(Self::List(list(u, 4)?));
        }
        Ok(Self::Bare {
            first: Arbitrary::arbitrary(u)?,
            rest: list(u, 4)?,
        })
    }
}

impl<'a> Arbitrary<'a> for StoreAttLabels<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            action: StoreAction::arbitrary(u)?,
            silent: u.arbitrary()?,
            labels: StoreLabels::arbitrary(u)?,
        })
    }
}

impl<'a> Arbitrary<'a> for StoreAtt<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(if u.ratio(1, 3)? {
            Self::GmLabels(StoreAttLabels::arbitrary(u)?)
        } else {
            Self::Flags(StoreAttFlags::arbitrary(u)?)
        })
    }
}

impl<'a> Arbitrary<'a> for StoreModifier<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self::Ext(ExtParam::arbitrary(u)?))
    }
}

impl<'a> Arbitrary<'a> for FetchModifier<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self::Ext(ExtParam::arbitrary(u)?))
    }
}

impl<'a> Arbitrary<'a> for SelectParam<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self::Ext(ExtParam::arbitrary(u)?))
    }
}

impl<'a> Arbitrary<'a> for AppendData<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.int_in_range(0..=4)? {
            0 => Self::Literal(Literal(Cow::Owned(string_bytes(u)?))),
            1 => Self::Literal8(literal8(u)?),
            2 => Self::Catenate(non_empty(u, 4)?),
            3 => Self::Utf8(literal8(u)?),
            _ => {
                // The labels of the typed forms would read back as those forms.
                let mut ext = TaggedExt::arbitrary(u)?;
                let label = ext.label.as_str();
                if label.eq_ignore_ascii_case("CATENATE") || label.eq_ignore_ascii_case("UTF8") {
                    ext.label = TaggedExtLabel(Cow::Owned(alloc::format!("X-{label}")));
                }
                Self::Ext(ext)
            }
        })
    }
}

/// Up to 32 bytes of any value, NUL included.
fn literal8<'a>(u: &mut Unstructured<'a>) -> Result<Literal8<'a>> {
    let len = u.int_in_range(0..=32)?;
    Ok(Literal8(Cow::Borrowed(u.bytes(len)?)))
}

impl<'a> Arbitrary<'a> for AppendMessage<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            flags: Option::<FlagList<'a>>::arbitrary(u)?,
            date: Option::<DateTime>::arbitrary(u)?,
            data: AppendData::arbitrary(u)?,
        })
    }
}

impl<'a> Arbitrary<'a> for OtherArgs<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let mut v = Vec::new();
        for _ in 0..u.int_in_range(0..=5)? {
            match u.int_in_range(0..=6)? {
                0 => v.extend_from_slice(b" ("),
                1 => v.push(b')'),
                2 => {
                    v.push(b' ');
                    v.extend_from_slice(word(u, is_atom_char, &["1:*", "NIL", "{5}"])?.as_bytes());
                }
                3 => {
                    v.extend_from_slice(b" \"");
                    v.extend_from_slice(
                        word(u, |b| b == b' ' || b.is_ascii_graphic(), &[])?.as_bytes(),
                    );
                    v.push(b'"');
                }
                kind => {
                    let len = u.int_in_range(0..=8)?;
                    let mut data = u.bytes(len)?.to_vec();
                    let header = match kind {
                        4 => "{",
                        5 => "~{",
                        _ => "{",
                    };
                    if kind != 5 {
                        data.retain(|&b| b != 0);
                    }
                    v.push(b' ');
                    v.extend_from_slice(header.as_bytes());
                    v.extend_from_slice(alloc::format!("{}", data.len()).as_bytes());
                    if kind == 6 {
                        v.push(b'+');
                    }
                    v.extend_from_slice(b"}\r\n");
                    v.extend_from_slice(&data);
                }
            }
        }
        OtherArgs::new(v).or(Ok(OtherArgs::EMPTY))
    }
}

impl<'a> Arbitrary<'a> for OtherCommand<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let name = atom(
            u,
            &[
                "XPIG-LATIN",
                "UID",
                "FETCH",
                "noop",
                "COMPRESS",
                "X-WORK",
                "SORT",
            ],
        )?;
        let args = OtherArgs::arbitrary(u)?;
        if let Ok(c) = Self::new(name.clone(), args.clone()) {
            return Ok(c);
        }
        let name = Atom(Cow::Owned(alloc::format!("X-{}", name.as_str())));
        Self::new(name, args).map_err(|_| arbitrary::Error::IncorrectFormat)
    }
}

impl<'a> Arbitrary<'a> for CommandBody<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        use CommandBody as C;
        let mailbox = |u: &mut Unstructured<'a>| Mailbox::arbitrary(u);
        Ok(match u.int_in_range(0..=31)? {
            0 => C::Capability,
            1 => C::Noop,
            2 => C::Logout,
            3 => C::StartTls,
            4 => C::Authenticate {
                mechanism: atom(u, MECHANISMS)?,
                initial_response: match u.int_in_range(0..=2)? {
                    0 => None,
                    1 => Some(Secret::new(Base64(Cow::Borrowed("")))),
                    _ => Some(Secret::new(base64(u)?)),
                },
            },
            5 => C::Login {
                username: astring(u)?,
                password: Secret::new(astring(u)?),
            },
            6 => C::Enable {
                first: atom(u, CAPABILITIES)?,
                rest: atoms(u, CAPABILITIES)?,
            },
            7 => C::Select {
                mailbox: mailbox(u)?,
                params: list(u, 3)?,
            },
            8 => C::Examine {
                mailbox: mailbox(u)?,
                params: list(u, 3)?,
            },
            9 => C::Create {
                mailbox: mailbox(u)?,
                params: list(u, 3)?,
            },
            10 => C::Delete {
                mailbox: mailbox(u)?,
            },
            11 => C::Rename {
                from: mailbox(u)?,
                to: mailbox(u)?,
            },
            12 => C::Subscribe {
                mailbox: mailbox(u)?,
            },
            13 => C::Unsubscribe {
                mailbox: mailbox(u)?,
            },
            14 => C::Namespace,
            15 => C::Append {
                mailbox: mailbox(u)?,
                messages: non_empty(u, 3)?,
            },
            16 => C::Idle,
            17 => C::Check,
            18 => C::Close,
            19 => C::Unselect,
            20 => C::Expunge,
            21 => C::UidExpunge {
                sequence_set: SequenceSet::arbitrary(u)?,
            },
            22 => C::Store {
                uid: u.arbitrary()?,
                sequence_set: SequenceSet::arbitrary(u)?,
                modifiers: list(u, 2)?,
                att: StoreAtt::arbitrary(u)?,
            },
            23 => C::Copy {
                uid: u.arbitrary()?,
                sequence_set: SequenceSet::arbitrary(u)?,
                mailbox: mailbox(u)?,
            },
            24 => C::Move {
                uid: u.arbitrary()?,
                sequence_set: SequenceSet::arbitrary(u)?,
                mailbox: mailbox(u)?,
            },
            25 => C::List(ListArguments::arbitrary(u)?),
            26 => C::Lsub(LsubArguments::arbitrary(u)?),
            27 => C::Status(StatusArguments::arbitrary(u)?),
            28 => C::Search {
                uid: u.arbitrary()?,
                args: SearchCommandArgs::arbitrary(u)?,
            },
            29 => C::Fetch {
                uid: u.arbitrary()?,
                sequence_set: SequenceSet::arbitrary(u)?,
                items: FetchItems::arbitrary(u)?,
                modifiers: list(u, 2)?,
            },
            30 => C::Other(OtherCommand::arbitrary(u)?),
            _ => crate::types::ext_arbitrary::command(u)?,
        })
    }
}

impl<'a> Arbitrary<'a> for Command<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            tag: Tag(Cow::Owned(word(u, is_tag_char, &["A001", "a1", "a.1"])?)),
            body: CommandBody::arbitrary(u)?,
        })
    }
}

impl<'a> Arbitrary<'a> for IdleDone {
    fn arbitrary(_: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self)
    }
}

impl<'a> Arbitrary<'a> for AuthenticateResponse<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        if u.ratio(1, 8)? {
            return Ok(Self::Cancel);
        }
        Ok(Self::Data(Secret::new(base64(u)?)))
    }
}
