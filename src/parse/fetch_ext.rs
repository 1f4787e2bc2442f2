//! Parsers of the FETCH items that extensions add to `fetch-att`: `MODSEQ` (RFC 7162),
//! `EMAILID` and `THREADID` (RFC 8474), `SAVEDATE` (RFC 8514), `PREVIEW` (RFC 8970), Dovecot's
//! `SNIPPET` and Gmail's `X-GM-MSGID`, `X-GM-THRID` and `X-GM-LABELS`.
//!
//! `PREVIEW` and `SNIPPET` take an optional parenthesised option, which looks like the
//! `fetch-modifiers` that may follow a lone attribute in a FETCH command. Only the options
//! these items define (`LAZY`; `FUZZY`, `LAZY=FUZZY`) are read as theirs; any other list is
//! left for the modifiers.

use super::{PResult, expected};
use crate::types::fetch::FetchAttribute;
use crate::types::fetch_ext::SnippetOption;

/// `rest` after ` (word)` when it starts so, `word` in any case.
fn paren_word<'a>(rest: &'a [u8], word: &str) -> Option<&'a [u8]> {
    let n = word.len();
    let inner = rest.strip_prefix(b" (")?;
    if inner.len() > n && inner[..n].eq_ignore_ascii_case(word.as_bytes()) && inner[n] == b')' {
        return Some(&inner[n + 1..]);
    }
    None
}

/// `fetch-att =/ "MODSEQ"` (RFC 7162 §7) `/ "EMAILID" / "THREADID"` (RFC 8474 §7) `/
/// "SAVEDATE"` (RFC 8514 §6) `/ "PREVIEW" [SP "(" preview-mod *(SP preview-mod) ")"]` with
/// `preview-mod = "LAZY"` (RFC 8970 §6) `/ "SNIPPET" [SP "(" ("FUZZY" / "LAZY=FUZZY") ")"]`
/// (Dovecot) `/ "X-GM-MSGID" / "X-GM-THRID" / "X-GM-LABELS"` (Gmail).
///
/// `upper` is the item's name in upper case, `rest` what follows it, `i` where it starts.
pub(crate) fn fetch_att_ext<'a>(
    i: &'a [u8],
    upper: &[u8],
    rest: &'a [u8],
) -> PResult<'a, FetchAttribute<'a>> {
    use FetchAttribute as A;
    Ok(match upper {
        b"MODSEQ" => (rest, A::ModSeq),
        b"EMAILID" => (rest, A::EmailId),
        b"THREADID" => (rest, A::ThreadId),
        b"SAVEDATE" => (rest, A::SaveDate),
        b"PREVIEW" => match paren_word(rest, "LAZY") {
            Some(after) => (after, A::Preview { lazy: true }),
            None => (rest, A::Preview { lazy: false }),
        },
        b"SNIPPET" => {
            if let Some(after) = paren_word(rest, "FUZZY") {
                (after, A::Snippet(Some(SnippetOption::Fuzzy)))
            } else if let Some(after) = paren_word(rest, "LAZY=FUZZY") {
                (after, A::Snippet(Some(SnippetOption::LazyFuzzy)))
            } else {
                (rest, A::Snippet(None))
            }
        }
        b"X-GM-MSGID" => (rest, A::GmMsgId),
        b"X-GM-THRID" => (rest, A::GmThrId),
        b"X-GM-LABELS" => (rest, A::GmLabels),
        _ => return expected(i, "fetch-att"),
    })
}
