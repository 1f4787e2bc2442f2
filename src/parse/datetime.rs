//! Parsers of dates and timestamps: `date`, `date-time` and their parts (RFC 9051 §9, RFC 3501
//! §9).
//!
//! Fields have fixed widths (except the one- or two-digit `date-day`), so each is read by
//! counting digits, never by a general number parser. A field whose digits are well formed but
//! whose value is out of range (hour 24, day 30 of February) fails with
//! [`ErrorKind::BadNumber`] at the start of that field.

use super::{PResult, byte, expected, fail, impl_parse, sp};
use crate::chars::is_digit;
use crate::error::ErrorKind;
use crate::types::datetime::{Date, DateTime, Month, Sign, Time, Zone};

/// Exactly `n` (at most 4) digits as a number; fails at the first byte that is not a digit.
#[inline]
fn fixed_digits<'a>(i: &'a [u8], n: usize, what: &'static str) -> PResult<'a, u16> {
    let mut value = 0u16;
    for k in 0..n {
        match i.get(k) {
            Some(&c) if is_digit(c) => value = value * 10 + u16::from(c - b'0'),
            _ => return expected(&i[k.min(i.len())..], what),
        }
    }
    Ok((&i[n..], value))
}

/// `2DIGIT` as a `u8`.
#[inline]
fn two_digits<'a>(i: &'a [u8], what: &'static str) -> PResult<'a, u8> {
    let (rest, v) = fixed_digits(i, 2, what)?;
    // INVARIANT: two decimal digits are at most 99.
    Ok((rest, v as u8))
}

/// `date-day = 1*2DIGIT` (RFC 9051 §9); the range is checked with the whole date.
fn date_day(i: &[u8]) -> PResult<'_, u8> {
    let n = i.iter().take(2).take_while(|&&b| is_digit(b)).count();
    if n == 0 {
        return expected(i, "date-day");
    }
    let value = i[..n].iter().fold(0u8, |acc, &c| acc * 10 + (c - b'0'));
    Ok((&i[n..], value))
}

/// `date-day-fixed = (SP DIGIT) / 2DIGIT` (RFC 9051 §9)
fn date_day_fixed(i: &[u8]) -> PResult<'_, u8> {
    match i {
        [b' ', d, rest @ ..] if is_digit(*d) => Ok((rest, d - b'0')),
        [a, b, rest @ ..] if is_digit(*a) && is_digit(*b) => {
            Ok((rest, (a - b'0') * 10 + (b - b'0')))
        }
        _ => expected(i, "date-day-fixed"),
    }
}

/// `date-month = "Jan" / "Feb" / "Mar" / "Apr" / "May" / "Jun" / "Jul" / "Aug" / "Sep" /
/// "Oct" / "Nov" / "Dec"` (RFC 9051 §9), in any case.
pub(crate) fn date_month(i: &[u8]) -> PResult<'_, Month> {
    let Some(word) = i.get(..3) else {
        return expected(i, "date-month");
    };
    match Month::ALL
        .iter()
        .find(|m| word.eq_ignore_ascii_case(m.name().as_bytes()))
    {
        Some(&m) => Ok((&i[3..], m)),
        None => expected(i, "date-month"),
    }
}

/// `date-year = 4DIGIT` (RFC 9051 §9)
fn date_year(i: &[u8]) -> PResult<'_, u16> {
    fixed_digits(i, 4, "date-year")
}

/// `"-" date-month "-" date-year`, then the whole date checked; a day the month does not
/// have fails at `day_at`.
fn month_and_year<'a>(day_at: &'a [u8], rest: &'a [u8], day: u8) -> PResult<'a, Date> {
    let (rest, ()) = byte(b'-', "\"-\"")(rest)?;
    let (rest, month) = date_month(rest)?;
    let (rest, ()) = byte(b'-', "\"-\"")(rest)?;
    let (rest, year) = date_year(rest)?;
    match Date::new(year, month, day) {
        Ok(date) => Ok((rest, date)),
        Err(_) => fail(day_at, ErrorKind::BadNumber),
    }
}

/// `date-text = date-day "-" date-month "-" date-year` (RFC 9051 §9)
pub(crate) fn date_text(i: &[u8]) -> PResult<'_, Date> {
    let (rest, day) = date_day(i)?;
    month_and_year(i, rest, day)
}

/// `date = date-text / DQUOTE date-text DQUOTE` (RFC 9051 §9, RFC 3501 §9)
pub(crate) fn date(i: &[u8]) -> PResult<'_, Date> {
    match i.strip_prefix(b"\"") {
        Some(inner) => {
            let (rest, d) = date_text(inner)?;
            let (rest, ()) = byte(b'"', "DQUOTE")(rest)?;
            Ok((rest, d))
        }
        None => date_text(i),
    }
}

/// `time = 2DIGIT ":" 2DIGIT ":" 2DIGIT` (RFC 9051 §9): hours to 23, minutes to 59, seconds
/// to 60.
pub(crate) fn time(i: &[u8]) -> PResult<'_, Time> {
    let (rest, hour) = two_digits(i, "time")?;
    let (rest, ()) = byte(b':', "\":\"")(rest)?;
    let minute_at = rest;
    let (rest, minute) = two_digits(rest, "time")?;
    let (rest, ()) = byte(b':', "\":\"")(rest)?;
    let second_at = rest;
    let (rest, second) = two_digits(rest, "time")?;
    let bad_at = if hour > 23 {
        i
    } else if minute > 59 {
        minute_at
    } else {
        second_at
    };
    match Time::new(hour, minute, second) {
        Ok(t) => Ok((rest, t)),
        Err(_) => fail(bad_at, ErrorKind::BadNumber),
    }
}

/// `zone = ("+" / "-") 4DIGIT` (RFC 9051 §9): minutes to 59.
pub(crate) fn zone(i: &[u8]) -> PResult<'_, Zone> {
    let sign = match i.first() {
        Some(b'+') => Sign::Plus,
        Some(b'-') => Sign::Minus,
        _ => return expected(i, "zone"),
    };
    let digits = &i[1..];
    let (rest, hours) = two_digits(digits, "zone")?;
    let (rest, minutes) = two_digits(rest, "zone")?;
    match Zone::new(sign, hours, minutes) {
        Ok(z) => Ok((rest, z)),
        Err(_) => fail(&digits[2..], ErrorKind::BadNumber),
    }
}

/// `date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE`
/// (RFC 9051 §9, RFC 3501 §9)
pub(crate) fn date_time(i: &[u8]) -> PResult<'_, DateTime> {
    let (rest, ()) = byte(b'"', "DQUOTE")(i)?;
    let day_at = rest;
    let (rest, day) = date_day_fixed(rest)?;
    let (rest, date) = month_and_year(day_at, rest, day)?;
    let (rest, ()) = sp(rest)?;
    let (rest, t) = time(rest)?;
    let (rest, ()) = sp(rest)?;
    let (rest, z) = zone(rest)?;
    let (rest, ()) = byte(b'"', "DQUOTE")(rest)?;
    Ok((rest, DateTime::new(date, t, z)))
}

impl_parse!(Month => plain date_month);
impl_parse!(Date => plain date);
impl_parse!(Time => plain time);
impl_parse!(Zone => plain zone);
impl_parse!(DateTime => plain date_time);
