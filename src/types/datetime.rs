//! Dates and timestamps: `date` (SEARCH criteria) and `date-time` (APPEND, INTERNALDATE), RFC
//! 9051 §9, RFC 3501 §9.
//!
//! The types are plain calendar values, checked when built: a [`Date`] is a real day of the
//! proleptic Gregorian calendar in the years 0000 to 9999 (the grammar's `4DIGIT`), a [`Time`] is
//! a time of day (a leap second `:60` included) and a [`Zone`] is an offset `±hhmm` as RFC 5322
//! §3.3 bounds it (hours up to 99, minutes up to 59). A `-0000` zone is kept apart from
//! `+0000`: RFC 5322 gives it its own meaning (a time in an unknown local zone).
//!
//! The crate does no time arithmetic and reads no clock; convert to a richer date library at
//! the edge if needed. The getters give the numbers that make that easy.
//!
//! ```
//! use imap_wire::{DateTime, Parse, to_vec};
//! let t = DateTime::parse(b"\" 7-Feb-1994 21:52:25 -0800\"").unwrap();
//! assert_eq!((t.date().year(), t.date().month().number(), t.date().day()), (1994, 2, 7));
//! assert_eq!(t.zone().offset_minutes(), -480);
//! // The canonical form writes the day with two digits.
//! assert_eq!(to_vec(&t), b"\"07-Feb-1994 21:52:25 -0800\"");
//! ```

use crate::error::{ValidationError, ValidationReason};
use crate::owned::{IntoStatic, static_types};

/// `date-month`: a month of the year, `Jan` to `Dec` (matched in any case, written as here).
///
/// The set of months is closed, so the enum is exhaustive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Month {
    /// `Jan`
    Jan,
    /// `Feb`
    Feb,
    /// `Mar`
    Mar,
    /// `Apr`
    Apr,
    /// `May`
    May,
    /// `Jun`
    Jun,
    /// `Jul`
    Jul,
    /// `Aug`
    Aug,
    /// `Sep`
    Sep,
    /// `Oct`
    Oct,
    /// `Nov`
    Nov,
    /// `Dec`
    Dec,
}

impl Month {
    /// All months, January first.
    pub const ALL: [Month; 12] = [
        Month::Jan,
        Month::Feb,
        Month::Mar,
        Month::Apr,
        Month::May,
        Month::Jun,
        Month::Jul,
        Month::Aug,
        Month::Sep,
        Month::Oct,
        Month::Nov,
        Month::Dec,
    ];

    /// The month numbered `n` (1 for January).
    ///
    /// # Errors
    /// [`ValidationReason::OutOfRange`] outside 1 ..= 12.
    pub const fn new(n: u8) -> Result<Self, ValidationError> {
        if n >= 1 && n <= 12 {
            Ok(Self::ALL[(n - 1) as usize])
        } else {
            Err(ValidationError::new(
                "date-month",
                ValidationReason::OutOfRange,
            ))
        }
    }

    /// The month's number, 1 for January to 12 for December.
    pub const fn number(self) -> u8 {
        self as u8 + 1
    }

    /// The three-letter name as written on the wire (`"Jan"`).
    pub const fn name(self) -> &'static str {
        match self {
            Self::Jan => "Jan",
            Self::Feb => "Feb",
            Self::Mar => "Mar",
            Self::Apr => "Apr",
            Self::May => "May",
            Self::Jun => "Jun",
            Self::Jul => "Jul",
            Self::Aug => "Aug",
            Self::Sep => "Sep",
            Self::Oct => "Oct",
            Self::Nov => "Nov",
            Self::Dec => "Dec",
        }
    }

    /// Number of days of this month in `year` (February has 29 in leap years).
    pub const fn days_in(self, year: u16) -> u8 {
        match self {
            Self::Feb if is_leap_year(year) => 29,
            Self::Feb => 28,
            Self::Apr | Self::Jun | Self::Sep | Self::Nov => 30,
            _ => 31,
        }
    }
}

/// Whether `year` is a leap year of the proleptic Gregorian calendar.
pub const fn is_leap_year(year: u16) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// `date-text = date-day "-" date-month "-" date-year`: a day of the calendar.
///
/// Parsing accepts `date` in both its forms (bare and in double quotes) and a one- or two-digit
/// day; the serializer writes the bare form with the day unpadded, as the RFC's examples do
/// (`1-Feb-1994`). Dates order chronologically.
///
/// ```
/// use imap_wire::{Date, Month, Parse, to_vec};
/// let d = Date::parse(b"\"01-feb-1994\"").unwrap();
/// assert_eq!(d, Date::new(1994, Month::Feb, 1).unwrap());
/// assert_eq!(to_vec(&d), b"1-Feb-1994");
/// assert!(Date::new(2023, Month::Feb, 29).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: Month,
    day: u8,
}

impl Date {
    /// Checks that the day exists.
    ///
    /// # Errors
    /// [`ValidationReason::OutOfRange`] for a year above 9999 or a day that the month does not
    /// have in that year.
    pub const fn new(year: u16, month: Month, day: u8) -> Result<Self, ValidationError> {
        if year > 9999 || day == 0 || day > month.days_in(year) {
            return Err(ValidationError::new("date", ValidationReason::OutOfRange));
        }
        Ok(Self { year, month, day })
    }

    /// The year, 0 ..= 9999.
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The month.
    pub const fn month(self) -> Month {
        self.month
    }

    /// The day of the month, from 1.
    pub const fn day(self) -> u8 {
        self.day
    }
}

/// `time = 2DIGIT ":" 2DIGIT ":" 2DIGIT`: hours, minutes and seconds of a day.
///
/// Hours go to 23, minutes to 59 and seconds to 60 (a leap second, which RFC 5322 §3.3
/// allows).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time {
    hour: u8,
    minute: u8,
    second: u8,
}

impl Time {
    /// Midnight, `00:00:00`.
    pub const MIDNIGHT: Time = Time {
        hour: 0,
        minute: 0,
        second: 0,
    };

    /// Checks the ranges.
    ///
    /// # Errors
    /// [`ValidationReason::OutOfRange`] for an hour above 23, a minute above 59 or a second
    /// above 60.
    pub const fn new(hour: u8, minute: u8, second: u8) -> Result<Self, ValidationError> {
        if hour > 23 || minute > 59 || second > 60 {
            return Err(ValidationError::new("time", ValidationReason::OutOfRange));
        }
        Ok(Self {
            hour,
            minute,
            second,
        })
    }

    /// The hour, 0 ..= 23.
    pub const fn hour(self) -> u8 {
        self.hour
    }

    /// The minute, 0 ..= 59.
    pub const fn minute(self) -> u8 {
        self.minute
    }

    /// The second, 0 ..= 60.
    pub const fn second(self) -> u8 {
        self.second
    }
}

/// The sign of a [`Zone`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sign {
    /// `+`: east of Greenwich (or Universal Time itself, `+0000`).
    Plus,
    /// `-`: west of Greenwich; `-0000` marks a time in an unknown local zone (RFC 5322 §3.3).
    Minus,
}

/// `zone = ("+" / "-") 4DIGIT`: the offset `hhmm` of the local time from Universal Time.
///
/// Hours go to 99 and minutes to 59 (the range RFC 5322 §3.3 gives for the same field).
/// `-0000` and `+0000` are different values: the first says the local zone is unknown.
///
/// ```
/// use imap_wire::{Parse, Zone};
/// assert_eq!(Zone::parse(b"-0700").unwrap().offset_minutes(), -420);
/// assert_ne!(Zone::parse(b"-0000").unwrap(), Zone::UTC);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Zone {
    sign: Sign,
    hours: u8,
    minutes: u8,
}

impl Zone {
    /// Universal Time, `+0000`.
    pub const UTC: Zone = Zone {
        sign: Sign::Plus,
        hours: 0,
        minutes: 0,
    };

    /// `-0000`: the time is local, in a zone that is not known (RFC 5322 §3.3).
    pub const UNKNOWN_LOCAL: Zone = Zone {
        sign: Sign::Minus,
        hours: 0,
        minutes: 0,
    };

    /// Checks the ranges.
    ///
    /// # Errors
    /// [`ValidationReason::OutOfRange`] for hours above 99 or minutes above 59.
    pub const fn new(sign: Sign, hours: u8, minutes: u8) -> Result<Self, ValidationError> {
        if hours > 99 || minutes > 59 {
            return Err(ValidationError::new("zone", ValidationReason::OutOfRange));
        }
        Ok(Self {
            sign,
            hours,
            minutes,
        })
    }

    /// The zone `offset` minutes east of Universal Time (negative for west); 0 gives `+0000`.
    ///
    /// # Errors
    /// [`ValidationReason::OutOfRange`] beyond ±99 hours 59 minutes.
    pub const fn from_offset_minutes(offset: i16) -> Result<Self, ValidationError> {
        let sign = if offset < 0 { Sign::Minus } else { Sign::Plus };
        let abs = offset.unsigned_abs();
        if abs > 99 * 60 + 59 {
            return Err(ValidationError::new("zone", ValidationReason::OutOfRange));
        }
        Ok(Self {
            sign,
            hours: (abs / 60) as u8,
            minutes: (abs % 60) as u8,
        })
    }

    /// The sign as written.
    pub const fn sign(self) -> Sign {
        self.sign
    }

    /// The hours, 0 ..= 99.
    pub const fn hours(self) -> u8 {
        self.hours
    }

    /// The minutes, 0 ..= 59.
    pub const fn minutes(self) -> u8 {
        self.minutes
    }

    /// The signed offset in minutes east of Universal Time (0 for both `+0000` and `-0000`).
    pub const fn offset_minutes(self) -> i16 {
        let abs = self.hours as i16 * 60 + self.minutes as i16;
        match self.sign {
            Sign::Plus => abs,
            Sign::Minus => -abs,
        }
    }
}

/// `date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE`:
/// a timestamp with its zone (APPEND, INTERNALDATE).
///
/// Parsing accepts both forms of `date-day-fixed` (`" 7"` and `"07"`); the serializer always
/// writes two digits (`"07-Feb-1994 21:52:25 -0800"`), a fixed width without a space inside
/// the quotes, which tokenizers that split on spaces also read correctly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateTime {
    date: Date,
    time: Time,
    zone: Zone,
}

impl DateTime {
    /// Puts the parts together (each is already valid).
    pub const fn new(date: Date, time: Time, zone: Zone) -> Self {
        Self { date, time, zone }
    }

    /// The day.
    pub const fn date(self) -> Date {
        self.date
    }

    /// The time of day, local to [`DateTime::zone`].
    pub const fn time(self) -> Time {
        self.time
    }

    /// The zone.
    pub const fn zone(self) -> Zone {
        self.zone
    }
}

static_types!(Month, Date, Time, Sign, Zone, DateTime);

#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use arbitrary::{Arbitrary, Result, Unstructured};

    use super::{Date, DateTime, Month, Sign, Time, Zone};

    impl<'a> Arbitrary<'a> for Month {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(*u.choose(&Month::ALL)?)
        }
    }

    impl<'a> Arbitrary<'a> for Date {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let year = u.int_in_range(0..=9999)?;
            let month = Month::arbitrary(u)?;
            let day = u.int_in_range(1..=month.days_in(year))?;
            Ok(Self { year, month, day })
        }
    }

    impl<'a> Arbitrary<'a> for Time {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                hour: u.int_in_range(0..=23)?,
                minute: u.int_in_range(0..=59)?,
                second: u.int_in_range(0..=60)?,
            })
        }
    }

    impl<'a> Arbitrary<'a> for Sign {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(if bool::arbitrary(u)? {
                Sign::Minus
            } else {
                Sign::Plus
            })
        }
    }

    impl<'a> Arbitrary<'a> for Zone {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                sign: Sign::arbitrary(u)?,
                hours: u.int_in_range(0..=99)?,
                minutes: u.int_in_range(0..=59)?,
            })
        }
    }

    impl<'a> Arbitrary<'a> for DateTime {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Self {
                date: Date::arbitrary(u)?,
                time: Time::arbitrary(u)?,
                zone: Zone::arbitrary(u)?,
            })
        }
    }
}
