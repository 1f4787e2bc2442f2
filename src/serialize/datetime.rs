//! Serializers of dates and timestamps.
//!
//! `date` is written bare with an unpadded day (`1-Feb-1994`); `date-time` is written with a
//! two-digit day (`"01-Feb-1994 21:52:25 -0800"`); months take their canonical case (`Feb`).

use super::{Encode, Encoder};
use crate::types::datetime::{Date, DateTime, Month, Sign, Time, Zone};

/// Writes `v` (below 100) as two digits.
fn two_digits(enc: &mut Encoder, v: u8) {
    enc.byte(b'0' + v / 10 % 10);
    enc.byte(b'0' + v % 10);
}

/// Writes the `"-" date-month "-" date-year` tail shared by both forms.
fn month_and_year(enc: &mut Encoder, d: Date) {
    enc.byte(b'-');
    d.month().encode(enc);
    enc.byte(b'-');
    let y = d.year();
    two_digits(enc, (y / 100 % 100) as u8);
    two_digits(enc, (y % 100) as u8);
}

impl Encode for Month {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.name().as_bytes());
    }
}

impl Encode for Date {
    fn encode(&self, enc: &mut Encoder) {
        enc.number(u64::from(self.day()));
        month_and_year(enc, *self);
    }
}

impl Encode for Time {
    fn encode(&self, enc: &mut Encoder) {
        two_digits(enc, self.hour());
        enc.byte(b':');
        two_digits(enc, self.minute());
        enc.byte(b':');
        two_digits(enc, self.second());
    }
}

impl Encode for Zone {
    fn encode(&self, enc: &mut Encoder) {
        enc.byte(match self.sign() {
            Sign::Plus => b'+',
            Sign::Minus => b'-',
        });
        two_digits(enc, self.hours());
        two_digits(enc, self.minutes());
    }
}

impl Encode for DateTime {
    fn encode(&self, enc: &mut Encoder) {
        enc.byte(b'"');
        two_digits(enc, self.date().day());
        month_and_year(enc, self.date());
        enc.byte(b' ');
        self.time().encode(enc);
        enc.byte(b' ');
        self.zone().encode(enc);
        enc.byte(b'"');
    }
}
