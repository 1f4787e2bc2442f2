//! Search criteria: `search-key`, `search-program` and the SEARCH command's arguments with
//! `search-return-opts` (RFC 9051 §6.4.4, §9; RFC 3501 §6.4.4, §9; RFC 4731 §3; RFC 5182 §2).
//!
//! A [`SearchKey`] is one criterion. Keys nest three ways: `NOT key`, `OR key key` and a
//! parenthesised group of keys that must all match. The parser counts each of the three as one
//! level of nesting against [`ParseConfig::max_depth`](crate::ParseConfig::max_depth), so no
//! input can exhaust the stack. `NOT` and `OR` box their operands; a group is a
//! [`NonEmptyList`], which borrows its bytes from the input and reads its keys again on
//! iteration, so parsing a group allocates nothing.
//!
//! Keywords are read in any case and written in upper case; string arguments are
//! [`AString`]s, written as an atom, a quoted string or a literal by content.
//!
//! ```
//! use imap_wire::{Parse, SearchKey, SearchProgram, to_vec};
//! let program = SearchProgram::parse(b"flagged since 1-Feb-1994 not from \"Smith\"").unwrap();
//! assert_eq!(program.keys.len(), 3);
//! assert!(matches!(program.keys.iter().nth(2), Some(SearchKey::Not(_))));
//! assert_eq!(to_vec(&program), b"FLAGGED SINCE 1-Feb-1994 NOT FROM Smith");
//! ```

use alloc::borrow::Cow;
use alloc::boxed::Box;
use core::fmt;

use crate::error::{ValidationError, ValidationReason};
use crate::owned::IntoStatic;
use crate::types::datetime::Date;
use crate::types::list::{List, NonEmptyList};
use crate::types::primitive::{AString, Atom, Charset, Number64};
use crate::types::search_ext::SearchKeyExt;
use crate::types::sequence::SequenceSet;

/// `search-key` (RFC 9051 §9 and RFC 3501 §9): one search criterion.
///
/// Variants follow RFC 3501's order, which holds every key of RFC 9051 and the three that RFC
/// 9051 dropped (`NEW`, `OLD`, `RECENT`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SearchKey<'a> {
    /// `ALL`: every message.
    All,
    /// `ANSWERED`: messages with `\Answered`.
    Answered,
    /// `BCC astring`: the Bcc header field contains the string.
    Bcc(AString<'a>),
    /// `BEFORE date`: internal date earlier than the date.
    Before(Date),
    /// `BODY astring`: the body contains the string.
    Body(AString<'a>),
    /// `CC astring`: the Cc header field contains the string.
    Cc(AString<'a>),
    /// `DELETED`: messages with `\Deleted`.
    Deleted,
    /// `FLAGGED`: messages with `\Flagged`.
    Flagged,
    /// `FROM astring`: the From header field contains the string.
    From(AString<'a>),
    /// `KEYWORD flag-keyword`: messages with the keyword flag (`flag-keyword = atom`).
    Keyword(Atom<'a>),
    /// `NEW`: recent and unseen (RFC 3501 only).
    New,
    /// `OLD`: not recent (RFC 3501 only).
    Old,
    /// `ON date`: internal date on the date.
    On(Date),
    /// `RECENT`: messages with `\Recent` (RFC 3501 only).
    Recent,
    /// `SEEN`: messages with `\Seen`.
    Seen,
    /// `SINCE date`: internal date on or after the date.
    Since(Date),
    /// `SUBJECT astring`: the Subject header field contains the string.
    Subject(AString<'a>),
    /// `TEXT astring`: the header or body contains the string.
    Text(AString<'a>),
    /// `TO astring`: the To header field contains the string.
    To(AString<'a>),
    /// `UNANSWERED`: messages without `\Answered`.
    Unanswered,
    /// `UNDELETED`: messages without `\Deleted`.
    Undeleted,
    /// `UNFLAGGED`: messages without `\Flagged`.
    Unflagged,
    /// `UNKEYWORD flag-keyword`: messages without the keyword flag.
    Unkeyword(Atom<'a>),
    /// `UNSEEN`: messages without `\Seen`.
    Unseen,
    /// `DRAFT`: messages with `\Draft`.
    Draft,
    /// `HEADER header-fld-name astring`: the named header field contains the string (an
    /// empty string matches every message that has the field).
    Header(AString<'a>, AString<'a>),
    /// `LARGER number64`: size larger than the number of octets.
    Larger(Number64),
    /// `NOT search-key`: messages that do not match the key.
    Not(Box<SearchKey<'a>>),
    /// `OR search-key search-key`: messages that match either key.
    Or(Box<SearchKey<'a>>, Box<SearchKey<'a>>),
    /// `SENTBEFORE date`: Date header field earlier than the date.
    SentBefore(Date),
    /// `SENTON date`: Date header field on the date.
    SentOn(Date),
    /// `SENTSINCE date`: Date header field on or after the date.
    SentSince(Date),
    /// `SMALLER number64`: size smaller than the number of octets.
    Smaller(Number64),
    /// `UID sequence-set`: messages whose UIDs are in the set.
    Uid(SequenceSet<'a>),
    /// `UNDRAFT`: messages without `\Draft`.
    Undraft,
    /// `sequence-set`: messages whose sequence numbers are in the set (`$` included).
    SequenceSet(SequenceSet<'a>),
    /// `"(" search-key *(SP search-key) ")"`: messages that match every key of the group.
    Group(NonEmptyList<'a, SearchKey<'a>>),
    /// A key of an extension (`MODSEQ`, `EMAILID`, `SAVEDON`, `YOUNGER`, `X-GM-RAW`, ...).
    Ext(SearchKeyExt<'a>),
}

impl<'a> SearchKey<'a> {
    /// `OR a b`.
    pub fn or(a: SearchKey<'a>, b: SearchKey<'a>) -> Self {
        Self::Or(Box::new(a), Box::new(b))
    }

    /// A parenthesised group of `keys`.
    ///
    /// # Errors
    /// [`ValidationReason::Empty`] when there are no keys.
    pub fn group(keys: impl IntoIterator<Item = SearchKey<'a>>) -> Result<Self, ValidationError> {
        NonEmptyList::new(keys.into_iter().collect()).map(Self::Group)
    }

    /// The keyword that starts the key, in its canonical upper case; `None` for a sequence
    /// set and a group, which have none.
    pub fn keyword(&self) -> Option<&'static str> {
        Some(match self {
            Self::All => "ALL",
            Self::Answered => "ANSWERED",
            Self::Bcc(_) => "BCC",
            Self::Before(_) => "BEFORE",
            Self::Body(_) => "BODY",
            Self::Cc(_) => "CC",
            Self::Deleted => "DELETED",
            Self::Flagged => "FLAGGED",
            Self::From(_) => "FROM",
            Self::Keyword(_) => "KEYWORD",
            Self::New => "NEW",
            Self::Old => "OLD",
            Self::On(_) => "ON",
            Self::Recent => "RECENT",
            Self::Seen => "SEEN",
            Self::Since(_) => "SINCE",
            Self::Subject(_) => "SUBJECT",
            Self::Text(_) => "TEXT",
            Self::To(_) => "TO",
            Self::Unanswered => "UNANSWERED",
            Self::Undeleted => "UNDELETED",
            Self::Unflagged => "UNFLAGGED",
            Self::Unkeyword(_) => "UNKEYWORD",
            Self::Unseen => "UNSEEN",
            Self::Draft => "DRAFT",
            Self::Header(..) => "HEADER",
            Self::Larger(_) => "LARGER",
            Self::Not(_) => "NOT",
            Self::Or(..) => "OR",
            Self::SentBefore(_) => "SENTBEFORE",
            Self::SentOn(_) => "SENTON",
            Self::SentSince(_) => "SENTSINCE",
            Self::Smaller(_) => "SMALLER",
            Self::Uid(_) => "UID",
            Self::Undraft => "UNDRAFT",
            Self::SequenceSet(_) | Self::Group(_) => return None,
            Self::Ext(e) => e.keyword(),
        })
    }
}

/// `!key` is `NOT key`.
///
/// ```
/// use imap_wire::SearchKey;
/// assert_eq!(imap_wire::to_vec(&!SearchKey::Seen), b"NOT SEEN");
/// ```
impl core::ops::Not for SearchKey<'_> {
    type Output = Self;

    fn not(self) -> Self {
        Self::Not(Box::new(self))
    }
}

impl IntoStatic for SearchKey<'_> {
    type Static = SearchKey<'static>;

    fn into_static(self) -> SearchKey<'static> {
        use SearchKey as K;
        match self {
            Self::All => K::All,
            Self::Answered => K::Answered,
            Self::Bcc(s) => K::Bcc(s.into_static()),
            Self::Before(d) => K::Before(d),
            Self::Body(s) => K::Body(s.into_static()),
            Self::Cc(s) => K::Cc(s.into_static()),
            Self::Deleted => K::Deleted,
            Self::Flagged => K::Flagged,
            Self::From(s) => K::From(s.into_static()),
            Self::Keyword(a) => K::Keyword(a.into_static()),
            Self::New => K::New,
            Self::Old => K::Old,
            Self::On(d) => K::On(d),
            Self::Recent => K::Recent,
            Self::Seen => K::Seen,
            Self::Since(d) => K::Since(d),
            Self::Subject(s) => K::Subject(s.into_static()),
            Self::Text(s) => K::Text(s.into_static()),
            Self::To(s) => K::To(s.into_static()),
            Self::Unanswered => K::Unanswered,
            Self::Undeleted => K::Undeleted,
            Self::Unflagged => K::Unflagged,
            Self::Unkeyword(a) => K::Unkeyword(a.into_static()),
            Self::Unseen => K::Unseen,
            Self::Draft => K::Draft,
            Self::Header(f, s) => K::Header(f.into_static(), s.into_static()),
            Self::Larger(n) => K::Larger(n),
            Self::Not(k) => K::Not(Box::new((*k).into_static())),
            Self::Or(a, b) => K::Or(Box::new((*a).into_static()), Box::new((*b).into_static())),
            Self::SentBefore(d) => K::SentBefore(d),
            Self::SentOn(d) => K::SentOn(d),
            Self::SentSince(d) => K::SentSince(d),
            Self::Smaller(n) => K::Smaller(n),
            Self::Uid(s) => K::Uid(s.into_static()),
            Self::Undraft => K::Undraft,
            Self::SequenceSet(s) => K::SequenceSet(s.into_static()),
            Self::Group(keys) => K::Group(keys.into_static()),
            Self::Ext(e) => K::Ext(e.into_static()),
        }
    }
}

/// `search-program = ["CHARSET" SP charset SP] search-key *(SP search-key)` (RFC 9051 §9;
/// RFC 3501's `search` has the same shape with `astring` for the charset): what to look for.
///
/// The keys are all required to match (they form an implicit group).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SearchProgram<'a> {
    /// The character set of the strings in the keys; `None` means US-ASCII (RFC 3501) or
    /// UTF-8 (RFC 9051).
    pub charset: Option<Charset<'a>>,
    /// The keys, at least one.
    pub keys: NonEmptyList<'a, SearchKey<'a>>,
}

impl<'a> SearchProgram<'a> {
    /// A program of `keys` without a charset.
    pub fn new(keys: NonEmptyList<'a, SearchKey<'a>>) -> Self {
        Self {
            charset: None,
            keys,
        }
    }

    /// The same program with a `CHARSET`.
    #[must_use]
    pub fn with_charset(mut self, charset: Charset<'a>) -> Self {
        self.charset = Some(charset);
        self
    }
}

impl<'a> From<SearchKey<'a>> for SearchProgram<'a> {
    fn from(key: SearchKey<'a>) -> Self {
        Self::new(NonEmptyList::one(key))
    }
}

impl IntoStatic for SearchProgram<'_> {
    type Static = SearchProgram<'static>;

    fn into_static(self) -> SearchProgram<'static> {
        SearchProgram {
            charset: self.charset.into_static(),
            keys: self.keys.into_static(),
        }
    }
}

/// `search-return-opt` (RFC 9051 §9, RFC 4731 §3, RFC 5182 §2): what a SEARCH with `RETURN`
/// reports in its ESEARCH response.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SearchReturnOption<'a> {
    /// `MIN`: the lowest matching number.
    Min,
    /// `MAX`: the highest matching number.
    Max,
    /// `ALL`: every matching number, as a sequence set.
    All,
    /// `COUNT`: how many messages match.
    Count,
    /// `SAVE`: keep the result for later commands as `$` (RFC 5182).
    Save,
    /// `search-ret-opt-ext`: an option of an extension, by name.
    Extension(SearchReturnExtension<'a>),
    /// `"PARTIAL" SP partial-range` (RFC 9394 §4): only a slice of the results.
    Partial(crate::types::search_ext::PartialRange),
    /// `modifier-update = "UPDATE" ["(" fetch-att *(SP fetch-att) ")"]` (RFC 5267 §4.2,
    /// extended by RFC 5465 §7): keep the result up to date, and with NOTIFY send these
    /// attributes of each message that joins it (empty: none). The list is read with or
    /// without a space before `(` (RFC 5465's grammar has none, its example has one) and
    /// written with one.
    Update(List<'a, crate::types::fetch::FetchAttribute<'a>>),
}

impl IntoStatic for SearchReturnOption<'_> {
    type Static = SearchReturnOption<'static>;

    fn into_static(self) -> SearchReturnOption<'static> {
        match self {
            Self::Min => SearchReturnOption::Min,
            Self::Max => SearchReturnOption::Max,
            Self::All => SearchReturnOption::All,
            Self::Count => SearchReturnOption::Count,
            Self::Save => SearchReturnOption::Save,
            Self::Extension(e) => SearchReturnOption::Extension(e.into_static()),
            Self::Partial(r) => SearchReturnOption::Partial(r),
            Self::Update(atts) => SearchReturnOption::Update(atts.into_static()),
        }
    }
}

/// The options the grammar names itself; an extension may not take their names.
const KNOWN_OPTIONS: [&str; 7] = ["MIN", "MAX", "ALL", "COUNT", "SAVE", "PARTIAL", "UPDATE"];

/// `tagged-label-fchar = ALPHA / "-" / "_" / "."`
pub(crate) fn is_label_fchar(b: u8) -> bool {
    b.is_ascii_alphabetic() || matches!(b, b'-' | b'_' | b'.')
}

/// `tagged-label-char = tagged-label-fchar / DIGIT / ":"`
pub(crate) fn is_label_char(b: u8) -> bool {
    is_label_fchar(b) || b.is_ascii_digit() || b == b':'
}

/// Whether `name` is one of the options the grammar names itself, in any case.
pub(crate) fn is_known_option(name: &[u8]) -> bool {
    KNOWN_OPTIONS
        .iter()
        .any(|k| k.as_bytes().eq_ignore_ascii_case(name))
}

fn check_extension_name(v: &[u8]) -> Result<(), ValidationError> {
    let item = "search-modifier-name";
    let Some(&first) = v.first() else {
        return Err(ValidationError::new(item, ValidationReason::Empty));
    };
    if !is_label_fchar(first) {
        return Err(ValidationError::new(
            item,
            ValidationReason::ByteNotAllowed {
                index: 0,
                byte: first,
            },
        ));
    }
    crate::types::primitive::check_bytes(item, v, false, is_label_char)?;
    if is_known_option(v) {
        return Err(ValidationError::new(item, ValidationReason::Invalid));
    }
    Ok(())
}

/// The name of a `search-ret-opt-ext = search-modifier-name [SP search-mod-params]`, where
/// `search-modifier-name = tagged-ext-label` (RFC 4466 §2.1): an option defined by an
/// extension, such as RFC 5267's `CONTEXT` and `UPDATE`.
///
/// Never one of the names the grammar gives its own options (`MIN`, `MAX`, `ALL`, `COUNT`,
/// `SAVE` in any case), so a value always reads back as itself. The optional
/// `search-mod-params` (a `tagged-ext-val`) are not supported: the parser refuses an
/// extension option that carries them.
///
/// ```
/// use imap_wire::types::search::SearchReturnExtension;
/// assert!(SearchReturnExtension::new("CONTEXT").is_ok());
/// assert!(SearchReturnExtension::new("count").is_err());
/// assert!(SearchReturnExtension::new("1X").is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct SearchReturnExtension<'a>(pub(crate) Cow<'a, str>);

impl<'a> SearchReturnExtension<'a> {
    /// Checks that `name` is a `tagged-ext-label` and not a name the grammar reserves.
    ///
    /// # Errors
    /// A [`ValidationError`] naming the first byte that is not allowed, or
    /// [`ValidationReason::Invalid`] for a reserved name.
    pub fn new(name: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        let name = name.into();
        check_extension_name(name.as_bytes())?;
        Ok(Self(name))
    }

    /// The name, as written.
    pub fn name(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SearchReturnExtension<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SearchReturnExtension({:?})", &*self.0)
    }
}

impl IntoStatic for SearchReturnExtension<'_> {
    type Static = SearchReturnExtension<'static>;

    fn into_static(self) -> SearchReturnExtension<'static> {
        SearchReturnExtension(self.0.into_static())
    }
}

/// The arguments of the SEARCH command (RFC 9051 §6.4.4): what follows `SEARCH SP`, that is
/// `["RETURN" SP "(" [search-return-opt *(SP search-return-opt)] ")" SP] search-program`.
///
/// `search = "SEARCH" [search-return-opts] SP search-program` puts the space before `RETURN`
/// into `search-return-opts`; here it belongs to the command, so the arguments start at
/// `RETURN` or at the program.
///
/// ```
/// use imap_wire::{Parse, SearchCommandArgs, SearchReturnOption, to_vec};
/// let args = SearchCommandArgs::parse(b"RETURN (MIN COUNT) FLAGGED").unwrap();
/// let options = args.return_options.as_ref().unwrap();
/// assert_eq!(options.to_vec(), [SearchReturnOption::Min, SearchReturnOption::Count]);
/// assert_eq!(to_vec(&args), b"RETURN (MIN COUNT) FLAGGED");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SearchCommandArgs<'a> {
    /// `None` without `RETURN`; `Some` of an empty list for `RETURN ()` (which RFC 4731 reads
    /// as `RETURN (ALL)`, but is written as it came).
    pub return_options: Option<List<'a, SearchReturnOption<'a>>>,
    /// The criteria.
    pub program: SearchProgram<'a>,
}

impl<'a> From<SearchProgram<'a>> for SearchCommandArgs<'a> {
    fn from(program: SearchProgram<'a>) -> Self {
        Self {
            return_options: None,
            program,
        }
    }
}

impl IntoStatic for SearchCommandArgs<'_> {
    type Static = SearchCommandArgs<'static>;

    fn into_static(self) -> SearchCommandArgs<'static> {
        SearchCommandArgs {
            return_options: self.return_options.into_static(),
            program: self.program.into_static(),
        }
    }
}

/// Generated values are always valid: nesting stays shallow, strings are drawn from classes
/// that exercise every form the serializer picks.
#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use alloc::borrow::Cow;
    use alloc::boxed::Box;
    use alloc::string::String;
    use alloc::vec::Vec;

    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::{
        SearchCommandArgs, SearchKey, SearchProgram, SearchReturnExtension, SearchReturnOption,
        is_known_option, is_label_char, is_label_fchar,
    };
    use crate::chars::{is_atom_char, is_text_char};
    use crate::types::datetime::Date;
    use crate::types::list::{List, NonEmptyList};
    use crate::types::primitive::{AString, Atom, Charset, Number64};
    use crate::types::sequence::SequenceSet;

    /// How deep generated keys nest.
    const MAX_DEPTH: u32 = 3;

    /// 1 to 10 ASCII characters that `ok` accepts.
    fn ascii(u: &mut Unstructured<'_>, ok: fn(u8) -> bool) -> Result<String> {
        let alphabet: Vec<u8> = (0u8..0x80).filter(|&b| ok(b)).collect();
        let len = u.int_in_range(1..=10)?;
        (0..len)
            .map(|_| u.choose(&alphabet).map(|&b| char::from(b)))
            .collect()
    }

    /// An atom.
    fn atom<'a>(u: &mut Unstructured<'a>) -> Result<Atom<'a>> {
        Ok(Atom(Cow::Owned(ascii(u, is_atom_char)?)))
    }

    /// `string` content (no NUL): an atom, printable ASCII, or any bytes.
    pub(crate) fn astring<'a>(u: &mut Unstructured<'a>) -> Result<AString<'a>> {
        let bytes: Vec<u8> = match u.int_in_range(0..=2)? {
            0 => ascii(u, is_atom_char)?.into_bytes(),
            1 => ascii(u, is_text_char)?.into_bytes(),
            _ => <&[u8]>::arbitrary(u)?
                .iter()
                .map(|&b| if b == 0 { b'x' } else { b })
                .collect(),
        };
        Ok(AString(Cow::Owned(bytes)))
    }

    fn number64(u: &mut Unstructured<'_>) -> Result<Number64> {
        Ok(Number64(u.int_in_range(0..=Number64::MAX.get())?))
    }

    /// A key nesting at most `depth` levels.
    fn key<'a>(u: &mut Unstructured<'a>, depth: u32) -> Result<SearchKey<'a>> {
        use SearchKey as K;
        let last = if depth == 0 { 34 } else { 37 };
        Ok(match u.int_in_range(0..=last)? {
            0 => K::All,
            1 => K::Answered,
            2 => K::Bcc(astring(u)?),
            3 => K::Before(Date::arbitrary(u)?),
            4 => K::Body(astring(u)?),
            5 => K::Cc(astring(u)?),
            6 => K::Deleted,
            7 => K::Flagged,
            8 => K::From(astring(u)?),
            9 => K::Keyword(atom(u)?),
            10 => K::New,
            11 => K::Old,
            12 => K::On(Date::arbitrary(u)?),
            13 => K::Recent,
            14 => K::Seen,
            15 => K::Since(Date::arbitrary(u)?),
            16 => K::Subject(astring(u)?),
            17 => K::Text(astring(u)?),
            18 => K::To(astring(u)?),
            19 => K::Unanswered,
            20 => K::Undeleted,
            21 => K::Unflagged,
            22 => K::Unkeyword(atom(u)?),
            23 => K::Unseen,
            24 => K::Draft,
            25 => K::Header(astring(u)?, astring(u)?),
            26 => K::Larger(number64(u)?),
            27 => K::SentBefore(Date::arbitrary(u)?),
            28 => K::SentOn(Date::arbitrary(u)?),
            29 => K::SentSince(Date::arbitrary(u)?),
            30 => K::Smaller(number64(u)?),
            31 => K::Uid(SequenceSet::arbitrary(u)?),
            32 => K::Undraft,
            33 => K::SequenceSet(SequenceSet::arbitrary(u)?),
            34 => K::Ext(crate::types::search_ext::SearchKeyExt::arbitrary(u)?),
            35 => K::Not(Box::new(key(u, depth - 1)?)),
            36 => K::Or(Box::new(key(u, depth - 1)?), Box::new(key(u, depth - 1)?)),
            _ => K::Group(keys(u, depth - 1)?),
        })
    }

    /// One to four keys nesting at most `depth` levels.
    fn keys<'a>(u: &mut Unstructured<'a>, depth: u32) -> Result<NonEmptyList<'a, SearchKey<'a>>> {
        let n = u.int_in_range(1..=4)?;
        let v = (0..n).map(|_| key(u, depth)).collect::<Result<Vec<_>>>()?;
        NonEmptyList::new(List::from(v)).map_err(|_| arbitrary::Error::IncorrectFormat)
    }

    impl<'a> Arbitrary<'a> for SearchKey<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            key(u, MAX_DEPTH)
        }
    }

    impl<'a> Arbitrary<'a> for SearchProgram<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let charset = if u.ratio(1, 4)? {
                let name = if bool::arbitrary(u)? {
                    ascii(u, is_atom_char)?
                } else {
                    ascii(u, is_text_char)?
                };
                Some(Charset(Cow::Owned(name)))
            } else {
                None
            };
            Ok(Self {
                charset,
                keys: keys(u, MAX_DEPTH)?,
            })
        }
    }

    impl<'a> Arbitrary<'a> for SearchReturnExtension<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let mut name = ascii(u, is_label_char)?;
            if !name.bytes().next().is_some_and(is_label_fchar) {
                name.insert(0, 'X');
            }
            if is_known_option(name.as_bytes()) {
                name.push('X');
            }
            Ok(Self(Cow::Owned(name)))
        }
    }

    impl<'a> Arbitrary<'a> for SearchReturnOption<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(match u.int_in_range(0..=7)? {
                7 => Self::Update(List::arbitrary(u)?),
                6 => Self::Partial(crate::types::search_ext::PartialRange::arbitrary(u)?),
                0 => Self::Min,
                1 => Self::Max,
                2 => Self::All,
                3 => Self::Count,
                4 => Self::Save,
                _ => Self::Extension(SearchReturnExtension::arbitrary(u)?),
            })
        }
    }

    impl<'a> Arbitrary<'a> for SearchCommandArgs<'a> {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let return_options = if bool::arbitrary(u)? {
                let n = u.int_in_range(0..=5)?;
                let v = (0..n)
                    .map(|_| SearchReturnOption::arbitrary(u))
                    .collect::<Result<Vec<_>>>()?;
                Some(List::from(v))
            } else {
                None
            };
            Ok(Self {
                return_options,
                program: SearchProgram::arbitrary(u)?,
            })
        }
    }
}

#[cfg(feature = "arbitrary")]
pub(crate) use arbitrary_impls::astring as arbitrary_astring;
