//! `Arbitrary` values of capabilities, response codes and responses (feature `arbitrary`).
//!
//! Every value generated is valid: where a random choice would break a constructor's rule
//! (a text that reads as a code, a capability list without a revision), a valid neighbour is
//! used instead.

use alloc::vec::Vec;
use core::num::NonZeroU32;

use arbitrary::{Arbitrary, Result, Unstructured};

use crate::types::auth::Base64;
use crate::types::capability::{Capabilities, Capability};
use crate::types::code::{Code, CodeOther, ResponseText, SIMPLE_CODES};
use crate::types::esearch::{EsearchData, SearchData};
use crate::types::flag::{FlagList, FlagPermList};
use crate::types::list::List;
use crate::types::listing::MailboxList;
use crate::types::mailbox_data::{EnabledData, NamespaceData};
use crate::types::message::MessageAttribute;
use crate::types::primitive::{Atom, Charset, Tag, Text};
use crate::types::response::{
    Continuation, Data, DataOther, Greeting, GreetingKind, Response, StatusKind, Tagged, Untagged,
};
use crate::types::sequence::UidSet;
use crate::types::status::StatusData;

impl<'a> Arbitrary<'a> for Capability<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Capability::from_atom(Atom::arbitrary(u)?))
    }
}

impl<'a> Arbitrary<'a> for Capabilities<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let mut caps: Vec<Capability<'a>> = u.arbitrary_iter()?.take(6).collect::<Result<_>>()?;
        let at = u.choose_index(caps.len() + 1)?;
        let rev = if bool::arbitrary(u)? {
            Capability::Imap4Rev2
        } else {
            Capability::Imap4Rev1
        };
        caps.insert(at, rev);
        Ok(Capabilities(List::from(caps)))
    }
}

/// Text allowed in a code's arguments: TEXT-CHARs but `]`.
fn code_args(u: &mut Unstructured<'_>) -> Result<Option<alloc::string::String>> {
    if bool::arbitrary(u)? {
        return Ok(None);
    }
    let len = u.int_in_range(1..=12)?;
    let mut s = alloc::string::String::new();
    for _ in 0..len {
        let b = u.int_in_range(0x20u8..=0x7e)?;
        s.push(char::from(if b == b']' { b'x' } else { b }));
    }
    Ok(Some(s))
}

fn nz(u: &mut Unstructured<'_>) -> Result<NonZeroU32> {
    Ok(NonZeroU32::new(u32::arbitrary(u)?).unwrap_or(NonZeroU32::MIN))
}

impl<'a> Arbitrary<'a> for Code<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.choose_index(14)? {
            13 => crate::types::ext_arbitrary::code(u)?,
            0 => u.choose(SIMPLE_CODES)?.1.clone(),
            1 => {
                let list = if bool::arbitrary(u)? {
                    let mut v = Vec::new();
                    for _ in 0..u.int_in_range(1..=3)? {
                        // An atom is always a valid charset name.
                        let name = alloc::string::String::from(Atom::arbitrary(u)?.as_str());
                        v.push(Charset(alloc::borrow::Cow::Owned(name)));
                    }
                    Some(List::from(v))
                } else {
                    None
                };
                Code::BadCharset(list)
            }
            2 => Code::Capability(Capabilities::arbitrary(u)?),
            3 => Code::PermanentFlags(FlagPermList::arbitrary(u)?),
            4 => Code::UidNext(nz(u)?),
            5 => Code::UidValidity(nz(u)?),
            6 => Code::Unseen(nz(u)?),
            7 => Code::AppendUid {
                uid_validity: nz(u)?,
                uids: UidSet::arbitrary(u)?,
            },
            8 => Code::CopyUid {
                uid_validity: nz(u)?,
                source: UidSet::arbitrary(u)?,
                destination: UidSet::arbitrary(u)?,
            },
            9 => Code::HighestModSeq(crate::types::primitive::Number64::arbitrary(u)?),
            10 => Code::Modified(crate::types::sequence::SequenceSet::arbitrary(u)?),
            11 => Code::MailboxId(crate::types::status::ObjectId::arbitrary(u)?),
            _ => match CodeOther::new(Atom::arbitrary(u)?, code_args(u)?) {
                Ok(o) => Code::Other(o),
                Err(_) => Code::Alert,
            },
        })
    }
}

impl<'a> Arbitrary<'a> for ResponseText<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let code = Option::<Code<'a>>::arbitrary(u)?;
        let text = Option::<Text<'a>>::arbitrary(u)?;
        Ok(match ResponseText::new(code.clone(), text) {
            Ok(t) => t,
            Err(_) => ResponseText { code, text: None },
        })
    }
}

fn status_kind(u: &mut Unstructured<'_>) -> Result<StatusKind> {
    Ok(*u.choose(&[StatusKind::Ok, StatusKind::No, StatusKind::Bad])?)
}

impl<'a> Arbitrary<'a> for Greeting<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let kind = *u.choose(&[GreetingKind::Ok, GreetingKind::PreAuth, GreetingKind::Bye])?;
        Ok(Greeting {
            kind,
            text: ResponseText::arbitrary(u)?,
        })
    }
}

impl<'a> Arbitrary<'a> for Tagged<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Tagged {
            tag: Tag::arbitrary(u)?,
            kind: status_kind(u)?,
            text: ResponseText::arbitrary(u)?,
        })
    }
}

impl<'a> Arbitrary<'a> for Data<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.choose_index(21)? {
            0 => Data::Capability(Capabilities::arbitrary(u)?),
            1 => Data::Flags(FlagList::arbitrary(u)?),
            2 => Data::Exists(u32::arbitrary(u)?),
            3 => Data::Recent(u32::arbitrary(u)?),
            4 => Data::Expunge(nz(u)?),
            5 => {
                let first = MessageAttribute::arbitrary(u)?;
                let mut items: Vec<MessageAttribute<'a>> =
                    u.arbitrary_iter()?.take(3).collect::<Result<_>>()?;
                items.insert(0, first);
                Data::Fetch {
                    seq: nz(u)?,
                    items: List::from(items),
                }
            }
            6 => Data::List(MailboxList::arbitrary(u)?),
            7 => Data::Lsub(MailboxList::arbitrary(u)?),
            8 => Data::Status(StatusData::arbitrary(u)?),
            9 => Data::Search(SearchData::arbitrary(u)?),
            10 => Data::ESearch(EsearchData::arbitrary(u)?),
            11 => Data::Namespace(NamespaceData::arbitrary(u)?),
            12 => Data::Enabled(EnabledData::arbitrary(u)?),
            13 => Data::Vanished(crate::types::condstore::VanishedData::arbitrary(u)?),
            14 => Data::Other(data_other(u)?),
            _ => crate::types::ext_arbitrary::data(u)?,
        })
    }
}

/// A name no variant of data, FETCH item or code has: `X` and a number.
pub(crate) fn unknown_name<'a>(u: &mut Unstructured<'_>) -> Result<Atom<'a>> {
    Atom::new(alloc::format!("X{}", u.int_in_range(0u16..=999)?))
        .map_err(|_| arbitrary::Error::IncorrectFormat)
}

/// Untagged data of a kind no variant has: `X<n>`, optionally after a number, and a rest of
/// words.
fn data_other<'a>(u: &mut Unstructured<'a>) -> Result<DataOther<'a>> {
    let name = unknown_name(u)?;
    let mut rest = alloc::string::String::new();
    for _ in 0..u.int_in_range(0..=3)? {
        rest.push(' ');
        rest.push_str(u.choose(&["word", "12", "(a b)", "\\Flag", "\"quoted text\"", "NIL"])?);
    }
    Ok(DataOther {
        number: Option::<u32>::arbitrary(u)?,
        name,
        rest: alloc::borrow::Cow::Owned(rest.into_bytes()),
    })
}

impl<'a> Arbitrary<'a> for Untagged<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.choose_index(3)? {
            0 => Untagged::Status {
                kind: status_kind(u)?,
                text: ResponseText::arbitrary(u)?,
            },
            1 => Untagged::Bye(ResponseText::arbitrary(u)?),
            _ => Untagged::Data(Data::arbitrary(u)?),
        })
    }
}

impl<'a> Arbitrary<'a> for Continuation<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        if bool::arbitrary(u)? {
            let data: Vec<u8> = Vec::arbitrary(u)?;
            return Ok(Continuation::Base64(Base64::encode(&data)));
        }
        let text = ResponseText::arbitrary(u)?;
        Ok(Continuation::text(text).unwrap_or_else(|_| Continuation::Base64(Base64::encode(b""))))
    }
}

impl<'a> Arbitrary<'a> for Response<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.choose_index(3)? {
            0 => Response::Tagged(Tagged::arbitrary(u)?),
            1 => Response::Untagged(Untagged::arbitrary(u)?),
            _ => Response::Continuation(Continuation::arbitrary(u)?),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::random_buffers;

    #[test]
    fn generated_responses_round_trip() {
        let mut seen = 0;
        for buf in random_buffers(4000) {
            let mut u = Unstructured::new(&buf);
            let Ok(r) = Response::arbitrary(&mut u) else {
                continue;
            };
            crate::testing::assert_round_trip!(Response, r);
            let Ok(g) = Greeting::arbitrary(&mut u) else {
                continue;
            };
            crate::testing::assert_round_trip!(Greeting, g);
            seen += 1;
        }
        assert!(seen > 1000, "only {seen} values generated");
    }
}
