//! Strategies, known answers and round trips for dates and timestamps.

use alloc::format;
use core::fmt::Debug;

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::error::{ErrorKind, ParseError, ValidationReason};
use crate::parse::Parse;
use crate::serialize::Encode;
use crate::testing::{config, round_trip_owned as round_trip};
use crate::types::datetime::{Date, DateTime, Month, Sign, Time, Zone, is_leap_year};

pub(crate) fn month() -> impl Strategy<Value = Month> {
    proptest::sample::select(Month::ALL.to_vec())
}

pub(crate) fn date() -> impl Strategy<Value = Date> {
    (0u16..=9999, month(), 1u8..=31).prop_map(|(y, m, d)| {
        // Fold the day into the month so every generated value is valid.
        Date::new(y, m, (d - 1) % m.days_in(y) + 1).unwrap()
    })
}

pub(crate) fn time() -> impl Strategy<Value = Time> {
    (0u8..=23, 0u8..=59, 0u8..=60).prop_map(|(h, m, s)| Time::new(h, m, s).unwrap())
}

pub(crate) fn zone() -> impl Strategy<Value = Zone> {
    (any::<bool>(), 0u8..=99, 0u8..=59).prop_map(|(minus, h, m)| {
        let sign = if minus { Sign::Minus } else { Sign::Plus };
        Zone::new(sign, h, m).unwrap()
    })
}

pub(crate) fn date_time() -> impl Strategy<Value = DateTime> {
    (date(), time(), zone()).prop_map(|(d, t, z)| DateTime::new(d, t, z))
}

/// Parses a prefix of `input`, checks the remainder and the value, then the round trip.
fn accepts<T>(input: &[u8], rest: &[u8], want: T)
where
    T: for<'a> Parse<'a> + Encode + PartialEq + Debug,
{
    let shown = bstr::BStr::new(input);
    let (got, left) = T::parse_prefix(input, &ParseConfig::default())
        .unwrap_or_else(|e| panic!("{shown:?}: {e}"));
    assert_eq!(got, want, "{shown:?}");
    assert_eq!(left, rest, "{shown:?}");
    round_trip(got);
}

/// Checks that parsing all of `input` fails with `kind` at `offset`.
fn refuses<T>(input: &[u8], kind: ErrorKind, offset: usize)
where
    T: for<'a> Parse<'a> + Debug,
{
    assert_eq!(
        T::parse(input).unwrap_err(),
        ParseError { kind, offset },
        "{:?}",
        bstr::BStr::new(input)
    );
}

fn d(y: u16, m: Month, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

fn t(h: u8, m: u8, s: u8) -> Time {
    Time::new(h, m, s).unwrap()
}

fn z(sign: Sign, h: u8, m: u8) -> Zone {
    Zone::new(sign, h, m).unwrap()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn month_round_trips(v in month()) {
        round_trip(v);
        prop_assert_eq!(Month::new(v.number()).unwrap(), v);
    }

    #[test]
    fn date_round_trips(v in date()) {
        round_trip(v);
    }

    #[test]
    fn time_round_trips(v in time()) {
        round_trip(v);
    }

    #[test]
    fn zone_round_trips(v in zone()) {
        round_trip(v);
        if v != Zone::UNKNOWN_LOCAL {
            prop_assert_eq!(Zone::from_offset_minutes(v.offset_minutes()).unwrap(), v);
        }
    }

    #[test]
    fn date_time_round_trips(v in date_time()) {
        round_trip(v);
    }

    /// Every other spelling the grammar allows reads as the same value.
    #[test]
    fn other_spellings_parse_equal(v in date_time(), lower in any::<bool>()) {
        let day = v.date().day();
        let mut name = alloc::string::String::from(v.date().month().name());
        if lower {
            name.make_ascii_lowercase();
        } else {
            name.make_ascii_uppercase();
        }
        let year = v.date().year();
        let padded = format!("{day:02}-{name}-{year:04}");
        prop_assert_eq!(Date::parse(padded.as_bytes()).unwrap(), v.date());
        let quoted = format!("\"{day}-{name}-{year:04}\"");
        prop_assert_eq!(Date::parse(quoted.as_bytes()).unwrap(), v.date());
        let (t, zone) = (crate::to_vec(&v.time()), crate::to_vec(&v.zone()));
        let spaced = format!(
            "\"{day:>2}-{name}-{year:04} {} {}\"",
            core::str::from_utf8(&t).unwrap(),
            core::str::from_utf8(&zone).unwrap()
        );
        prop_assert_eq!(DateTime::parse(spaced.as_bytes()).unwrap(), v);
    }

    #[test]
    fn no_input_panics_the_date_parsers(
        v in prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..32),
            proptest::collection::vec(
                proptest::sample::select(b"0123456789-: +\"JanFebDecjul".to_vec()),
                0..32,
            ),
        ]
    ) {
        let _ = Date::parse(&v);
        let _ = DateTime::parse(&v);
        let _ = Time::parse(&v);
        let _ = Zone::parse(&v);
        let _ = Month::parse(&v);
    }
}

#[test]
fn rfc_examples() {
    // RFC 9051 §8 and RFC 3501 §8 (sample connections): INTERNALDATE.
    accepts(
        b"\"17-Jul-1996 02:44:25 -0700\"",
        b"",
        DateTime::new(d(1996, Month::Jul, 17), t(2, 44, 25), z(Sign::Minus, 7, 0)),
    );
    // RFC 9051 §6.4.4 SEARCH: `SINCE 1-Feb-1994`, and the dates of §6.4.4.4.
    accepts(b"1-Feb-1994 NOT", b" NOT", d(1994, Month::Feb, 1));
    accepts(b"28-Oct-2006", b"", d(2006, Month::Oct, 28));
    accepts(b"12-Feb-2006)", b")", d(2006, Month::Feb, 12));
    assert_eq!(crate::to_vec(&d(1994, Month::Feb, 1)), b"1-Feb-1994");
}

#[test]
fn known_dates() {
    accepts(b"01-Feb-1994", b"", d(1994, Month::Feb, 1));
    accepts(b"\"1-feb-1994\"", b"", d(1994, Month::Feb, 1));
    accepts(b"31-DEC-9999", b"", d(9999, Month::Dec, 31));
    accepts(b"1-Jan-0000", b"", d(0, Month::Jan, 1));
    accepts(b"29-Feb-2000", b"", d(2000, Month::Feb, 29));
    accepts(b"29-Feb-2024 ", b" ", d(2024, Month::Feb, 29));
    accepts(b"30-Apr-2024", b"", d(2024, Month::Apr, 30));
    assert_eq!(crate::to_vec(&d(12, Month::Mar, 5)), b"5-Mar-0012");

    let bad: &[(&[u8], ErrorKind, usize)] = &[
        (b"", ErrorKind::Expected("date-day"), 0),
        (b"x-Feb-1994", ErrorKind::Expected("date-day"), 0),
        (b"123-Feb-1994", ErrorKind::Expected("\"-\""), 2),
        (b"1 Feb 1994", ErrorKind::Expected("\"-\""), 1),
        (b"1-Fev-1994", ErrorKind::Expected("date-month"), 2),
        (b"1-Fe", ErrorKind::Expected("date-month"), 2),
        (b"1-Feb-94", ErrorKind::Expected("date-year"), 8),
        (b"1-Feb-19x4", ErrorKind::Expected("date-year"), 8),
        (b"1-Feb-19945", ErrorKind::Trailing, 10),
        (b"0-Feb-1994", ErrorKind::BadNumber, 0),
        (b"00-Feb-1994", ErrorKind::BadNumber, 0),
        (b"32-Jan-1994", ErrorKind::BadNumber, 0),
        (b"29-Feb-1900", ErrorKind::BadNumber, 0),
        (b"29-Feb-2023", ErrorKind::BadNumber, 0),
        (b"31-Jun-2023", ErrorKind::BadNumber, 0),
        (b"\"31-Jun-2023\"", ErrorKind::BadNumber, 1),
        (b"\"1-Feb-1994", ErrorKind::Expected("DQUOTE"), 11),
        (b"1-Feb-1994\"", ErrorKind::Trailing, 10),
    ];
    for (input, kind, offset) in bad {
        refuses::<Date>(input, *kind, *offset);
    }
}

#[test]
fn known_times_and_zones() {
    accepts(b"00:00:00", b"", Time::MIDNIGHT);
    accepts(b"23:59:60 +", b" +", t(23, 59, 60));
    accepts(b"+0000", b"", Zone::UTC);
    accepts(b"-0000", b"", Zone::UNKNOWN_LOCAL);
    accepts(b"+9959", b"", z(Sign::Plus, 99, 59));
    accepts(b"+0530\"", b"\"", z(Sign::Plus, 5, 30));
    assert_ne!(Zone::UTC, Zone::UNKNOWN_LOCAL);
    assert_eq!(Zone::UNKNOWN_LOCAL.offset_minutes(), 0);
    assert_eq!(z(Sign::Plus, 5, 30).offset_minutes(), 330);
    assert_eq!(
        Zone::from_offset_minutes(-420).unwrap(),
        z(Sign::Minus, 7, 0)
    );
    assert_eq!(Zone::from_offset_minutes(0).unwrap(), Zone::UTC);

    let bad: &[(&[u8], ErrorKind, usize)] = &[
        (b"24:00:00", ErrorKind::BadNumber, 0),
        (b"23:60:00", ErrorKind::BadNumber, 3),
        (b"23:59:61", ErrorKind::BadNumber, 6),
        (b"1:00:00", ErrorKind::Expected("time"), 1),
        (b"01:0:00", ErrorKind::Expected("time"), 4),
        (b"01-00-00", ErrorKind::Expected("\":\""), 2),
        (b"01:00:0", ErrorKind::Expected("time"), 7),
    ];
    for (input, kind, offset) in bad {
        refuses::<Time>(input, *kind, *offset);
    }
    let bad: &[(&[u8], ErrorKind, usize)] = &[
        (b"0700", ErrorKind::Expected("zone"), 0),
        (b"+070", ErrorKind::Expected("zone"), 4),
        (b"+07:00", ErrorKind::Expected("zone"), 3),
        (b"+0760", ErrorKind::BadNumber, 3),
        (b"+07000", ErrorKind::Trailing, 5),
    ];
    for (input, kind, offset) in bad {
        refuses::<Zone>(input, *kind, *offset);
    }
}

#[test]
fn known_date_times() {
    let jul1 = DateTime::new(d(2002, Month::Jul, 1), t(9, 5, 0), Zone::UTC);
    accepts(b"\" 1-Jul-2002 09:05:00 +0000\"", b"", jul1);
    accepts(b"\"01-jul-2002 09:05:00 +0000\" x", b" x", jul1);
    assert_eq!(crate::to_vec(&jul1), b"\"01-Jul-2002 09:05:00 +0000\"");

    let bad: &[(&[u8], ErrorKind, usize)] = &[
        (
            b"17-Jul-1996 02:44:25 -0700",
            ErrorKind::Expected("DQUOTE"),
            0,
        ),
        (
            b"\"1-Jul-2002 09:05:00 +0000\"",
            ErrorKind::Expected("date-day-fixed"),
            1,
        ),
        (
            b"\"  1-Jul-2002 09:05:00 +0000\"",
            ErrorKind::Expected("date-day-fixed"),
            1,
        ),
        (b"\" 0-Jul-2002 09:05:00 +0000\"", ErrorKind::BadNumber, 1),
        (b"\"31-Sep-2002 09:05:00 +0000\"", ErrorKind::BadNumber, 1),
        (
            b"\"01-Jux-2002 09:05:00 +0000\"",
            ErrorKind::Expected("date-month"),
            4,
        ),
        (
            b"\"01-Jul-2002  09:05:00 +0000\"",
            ErrorKind::Expected("time"),
            13,
        ),
        (b"\"01-Jul-2002 09:05:00\"", ErrorKind::Expected("SP"), 21),
        (
            b"\"01-Jul-2002 09:05:00 0000\"",
            ErrorKind::Expected("zone"),
            22,
        ),
        (b"\"01-Jul-2002 25:05:00 +0000\"", ErrorKind::BadNumber, 13),
        (
            b"\"01-Jul-2002 09:05:00 +0000",
            ErrorKind::Expected("DQUOTE"),
            27,
        ),
        (
            b"\"01-Jul-2002 09:05:00 +00000\"",
            ErrorKind::Expected("DQUOTE"),
            27,
        ),
    ];
    for (input, kind, offset) in bad {
        refuses::<DateTime>(input, *kind, *offset);
    }
}

#[test]
fn constructors_check_the_calendar() {
    let days_in_year = |y: u16| {
        Month::ALL
            .iter()
            .map(|m| u32::from(m.days_in(y)))
            .sum::<u32>()
    };
    assert_eq!(days_in_year(2023), 365);
    assert_eq!(days_in_year(2024), 366);
    assert_eq!(days_in_year(1900), 365);
    assert_eq!(days_in_year(2000), 366);
    assert_eq!(days_in_year(0), 366);
    assert!(is_leap_year(2400) && !is_leap_year(2100));
    assert!(Date::new(2024, Month::Feb, 29).is_ok());
    let err = Date::new(2023, Month::Feb, 29).unwrap_err();
    assert_eq!(
        (err.item, err.reason),
        ("date", ValidationReason::OutOfRange)
    );
    assert!(Date::new(2023, Month::Jan, 0).is_err());
    assert!(Date::new(10_000, Month::Jan, 1).is_err());
    assert!(Time::new(24, 0, 0).is_err());
    assert!(Time::new(0, 60, 0).is_err());
    assert!(Time::new(0, 0, 61).is_err());
    assert!(Zone::new(Sign::Plus, 100, 0).is_err());
    assert!(Zone::new(Sign::Plus, 0, 60).is_err());
    assert!(Zone::from_offset_minutes(99 * 60 + 60).is_err());
    assert!(Zone::from_offset_minutes(-(99 * 60 + 59)).is_ok());
    assert!(Month::new(0).is_err() && Month::new(13).is_err());
    assert_eq!(Month::new(12).unwrap(), Month::Dec);
    // Dates order chronologically.
    assert!(d(1999, Month::Dec, 31) < d(2000, Month::Jan, 1));
    assert!(d(2000, Month::Feb, 1) < d(2000, Month::Feb, 2));
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_values_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};
    for buf in crate::testing::random_buffers(4000) {
        let mut u = Unstructured::new(&buf);
        round_trip(Month::arbitrary(&mut u).unwrap());
        round_trip(Date::arbitrary(&mut u).unwrap());
        round_trip(Time::arbitrary(&mut u).unwrap());
        round_trip(Zone::arbitrary(&mut u).unwrap());
        round_trip(DateTime::arbitrary(&mut u).unwrap());
        let sign = Sign::arbitrary(&mut u).unwrap();
        assert_eq!(Zone::new(sign, 1, 0).unwrap().sign(), sign);
    }
}
