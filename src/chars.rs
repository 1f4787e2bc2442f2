//! Byte classes of the IMAP grammar (RFC 9051 §9), as one lookup table.
//!
//! The ABNF core rules come from `abnf-core`; the IMAP classes built on them (`ATOM-CHAR`,
//! `ASTRING-CHAR`, tag characters, `list-char`, `TEXT-CHAR`) are precomputed here so the hot
//! parsers test a byte with one load.

const ATOM: u8 = 1;
const ASTRING: u8 = 2;
const TAG: u8 = 4;
const LIST: u8 = 8;
const TEXT: u8 = 16;
const QUOTED: u8 = 32;

const fn class(b: u8) -> u8 {
    // CHAR = %x01-7F; CTL = %x00-1F / %x7F (RFC 5234).
    let is_char = b >= 0x01 && b <= 0x7f;
    let is_ctl = b <= 0x1f || b == 0x7f;
    // atom-specials = "(" / ")" / "{" / SP / CTL / list-wildcards / quoted-specials /
    //                 resp-specials
    let atom_special = matches!(
        b,
        b'(' | b')' | b'{' | b' ' | b'%' | b'*' | b'"' | b'\\' | b']'
    ) || is_ctl;
    let mut c = 0;
    let atom = is_char && !atom_special;
    if atom {
        c |= ATOM | ASTRING | LIST;
    }
    if b == b']' {
        c |= ASTRING | LIST;
    }
    if b == b'%' || b == b'*' {
        c |= LIST;
    }
    // tag = 1*<any ASTRING-CHAR except "+">
    if (atom || b == b']') && b != b'+' {
        c |= TAG;
    }
    // TEXT-CHAR = <any CHAR except CR and LF>
    if is_char && b != b'\r' && b != b'\n' {
        c |= TEXT;
        // QUOTED-CHAR = <any TEXT-CHAR except quoted-specials>
        if b != b'"' && b != b'\\' {
            c |= QUOTED;
        }
    }
    c
}

const fn table() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = class(i as u8);
        i += 1;
    }
    t
}

static TABLE: [u8; 256] = table();

/// `ATOM-CHAR`
#[inline]
pub(crate) fn is_atom_char(b: u8) -> bool {
    TABLE[b as usize] & ATOM != 0
}

/// `ASTRING-CHAR = ATOM-CHAR / resp-specials`
#[inline]
pub(crate) fn is_astring_char(b: u8) -> bool {
    TABLE[b as usize] & ASTRING != 0
}

/// `<any ASTRING-CHAR except "+">` (the tag alphabet)
#[inline]
pub(crate) fn is_tag_char(b: u8) -> bool {
    TABLE[b as usize] & TAG != 0
}

/// `list-char = ATOM-CHAR / list-wildcards / resp-specials`
#[allow(dead_code, reason = "called by grammar areas not yet in the crate")]
#[inline]
pub(crate) fn is_list_char(b: u8) -> bool {
    TABLE[b as usize] & LIST != 0
}

/// `TEXT-CHAR` (ASCII only; UTF-8 sequences are checked separately)
#[inline]
pub(crate) fn is_text_char(b: u8) -> bool {
    TABLE[b as usize] & TEXT != 0
}

/// `QUOTED-CHAR` without the escaped forms (ASCII only)
#[inline]
pub(crate) fn is_quoted_char(b: u8) -> bool {
    TABLE[b as usize] & QUOTED != 0
}

/// `DIGIT`
#[inline]
pub(crate) fn is_digit(b: u8) -> bool {
    abnf_core::is_digit(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_match_the_abnf() {
        for b in 0..=255u8 {
            let ctl = abnf_core::is_ctl(b);
            let ch = abnf_core::is_char(b);
            let special = b"(){ %*\"\\]".contains(&b) || ctl;
            assert_eq!(is_atom_char(b), ch && !special, "atom {b:#x}");
            assert_eq!(
                is_astring_char(b),
                is_atom_char(b) || b == b']',
                "astring {b:#x}"
            );
            assert_eq!(
                is_tag_char(b),
                is_astring_char(b) && b != b'+',
                "tag {b:#x}"
            );
            assert_eq!(
                is_list_char(b),
                is_astring_char(b) || b == b'%' || b == b'*'
            );
            assert_eq!(
                is_text_char(b),
                ch && b != b'\r' && b != b'\n',
                "text {b:#x}"
            );
            assert_eq!(
                is_quoted_char(b),
                is_text_char(b) && b != b'"' && b != b'\\'
            );
        }
        assert!(!is_atom_char(0));
        assert!(is_atom_char(b'+') && !is_tag_char(b'+'));
        assert!(!is_atom_char(b']') && is_astring_char(b']'));
    }
}
