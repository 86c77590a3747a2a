//! Publication dates: a calendar day, optionally with a time of day and a UTC
//! offset, written and read in ISO 8601 (`2025-02-22`,
//! `2025-02-22T09:30:00`, `2025-02-22T09:30:00+01:00`).
//!
//! The date is kept in the publisher's local calendar: converting to UTC
//! could move an article to another day, and relative expressions in its text
//! ("on Friday") are relative to the publisher's day.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Why a string is not a valid [`PublishedDate`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not an ISO 8601 date: {0:?}")]
pub struct DateParseError(pub String);

/// Time of day with an optional offset from UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay {
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
    /// Second, 0–59 (leap seconds are clamped to 59).
    pub second: u8,
    /// Offset from UTC in minutes, when the source gave one.
    pub offset_minutes: Option<i16>,
}

/// A publication date as the source states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PublishedDate {
    year: i16,
    month: u8,
    day: u8,
    time: Option<TimeOfDay>,
}

/// Days in `month` of `year` in the proleptic Gregorian calendar.
pub fn days_in_month(year: i16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn is_leap_year(year: i16) -> bool {
    let y = i32::from(year);
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

impl PublishedDate {
    /// A calendar day; `None` when the day does not exist or the year is
    /// outside 1000–9999.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        let year = i16::try_from(year).ok().filter(|y| (1000..=9999).contains(y))?;
        let month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
        let day = u8::try_from(day).ok()?;
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Self {
            year,
            month,
            day,
            time: None,
        })
    }

    /// The same day with a time of day; `None` when the time is invalid.
    pub fn with_time(self, hour: u32, minute: u32, second: u32, offset_minutes: Option<i32>) -> Option<Self> {
        if hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        let offset_minutes = match offset_minutes {
            Some(m) if m.abs() <= 18 * 60 => Some(i16::try_from(m).ok()?),
            Some(_) => return None,
            None => None,
        };
        Some(Self {
            time: Some(TimeOfDay {
                hour: u8::try_from(hour).ok()?,
                minute: u8::try_from(minute).ok()?,
                second: u8::try_from(second.min(59)).ok()?,
                offset_minutes,
            }),
            ..self
        })
    }

    /// Year.
    pub fn year(&self) -> i32 {
        i32::from(self.year)
    }

    /// Month, 1–12.
    pub fn month(&self) -> u32 {
        u32::from(self.month)
    }

    /// Day of the month, 1–31.
    pub fn day(&self) -> u32 {
        u32::from(self.day)
    }

    /// Time of day, when the source gave one.
    pub fn time(&self) -> Option<TimeOfDay> {
        self.time
    }

    /// The calendar day alone, without time.
    pub fn day_only(&self) -> Self {
        Self { time: None, ..*self }
    }

    /// Days since 1970-01-01 (negative before), for date arithmetic.
    pub fn days_since_epoch(&self) -> i64 {
        days_from_civil(self.year(), self.month(), self.day())
    }

    /// The calendar day `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Option<Self> {
        let (y, m, d) = civil_from_days(days);
        Self::from_ymd(i32::try_from(y).ok()?, m, d)
    }

    /// ISO weekday of the day: 1 = Monday … 7 = Sunday.
    pub fn iso_weekday(&self) -> u32 {
        let days = self.days_since_epoch();
        // 1970-01-01 was a Thursday (ISO 4).
        u32::try_from((days + 3).rem_euclid(7) + 1).unwrap_or(1)
    }
}

/// Howard Hinnant's days-from-civil algorithm.
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Inverse of [`days_from_civil`].
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, u32::try_from(m).unwrap_or(1), u32::try_from(d).unwrap_or(1))
}

impl fmt::Display for PublishedDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)?;
        if let Some(t) = self.time {
            write!(f, "T{:02}:{:02}:{:02}", t.hour, t.minute, t.second)?;
            match t.offset_minutes {
                Some(0) => f.write_str("Z")?,
                Some(m) => {
                    let sign = if m < 0 { '-' } else { '+' };
                    let m = m.unsigned_abs();
                    write!(f, "{sign}{:02}:{:02}", m / 60, m % 60)?;
                }
                None => {}
            }
        }
        Ok(())
    }
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl FromStr for PublishedDate {
    type Err = DateParseError;

    /// Parses exactly the forms [`Display`](fmt::Display) writes.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DateParseError(s.to_owned());
        let (date, time) = match s.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (s, None),
        };
        let mut parts = date.splitn(3, '-');
        let (y, m, d) = (parts.next(), parts.next(), parts.next());
        let (Some(y), Some(m), Some(d)) = (y, m, d) else {
            return Err(err());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(err());
        }
        let year = i32::try_from(digits(y).ok_or_else(err)?).map_err(|_| err())?;
        let base =
            Self::from_ymd(year, digits(m).ok_or_else(err)?, digits(d).ok_or_else(err)?).ok_or_else(err)?;
        let Some(time) = time else {
            return Ok(base);
        };
        let (clock, offset) = if let Some(c) = time.strip_suffix('Z') {
            (c, Some(0))
        } else if time.len() > 8 && (time.as_bytes()[8] == b'+' || time.as_bytes()[8] == b'-') {
            let (c, o) = time.split_at(8);
            let sign = if o.starts_with('-') { -1 } else { 1 };
            let (oh, om) = o[1..].split_once(':').ok_or_else(err)?;
            let minutes = i32::try_from(digits(oh).ok_or_else(err)? * 60 + digits(om).ok_or_else(err)?)
                .map_err(|_| err())?;
            (c, Some(sign * minutes))
        } else {
            (time, None)
        };
        let mut hms = clock.split(':');
        let (Some(h), Some(mi), Some(se), None) = (hms.next(), hms.next(), hms.next(), hms.next()) else {
            return Err(err());
        };
        if h.len() != 2 || mi.len() != 2 || se.len() != 2 {
            return Err(err());
        }
        base.with_time(
            digits(h).ok_or_else(err)?,
            digits(mi).ok_or_else(err)?,
            digits(se).ok_or_else(err)?,
            offset,
        )
        .ok_or_else(err)
    }
}

impl Serialize for PublishedDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PublishedDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(input: &str, expected: Option<&str>) {
        let parsed = input.parse::<PublishedDate>().ok().map(|d| d.to_string());
        assert_eq!(parsed.as_deref(), expected, "input {input:?}");
    }

    #[test]
    fn parses_and_writes_iso_forms() {
        check("2025-02-22", Some("2025-02-22"));
        check("2025-02-22T09:30:00", Some("2025-02-22T09:30:00"));
        check("2025-02-22T09:30:00Z", Some("2025-02-22T09:30:00Z"));
        check("2025-02-22T09:30:00+01:00", Some("2025-02-22T09:30:00+01:00"));
        check("2025-02-22T09:30:00-05:30", Some("2025-02-22T09:30:00-05:30"));
        check("2025-02-22T09:30:00+00:00", Some("2025-02-22T09:30:00Z"));
    }

    #[test]
    fn rejects_impossible_dates() {
        check("2025-02-29", None);
        check("2024-02-29", Some("2024-02-29"));
        check("2025-13-01", None);
        check("2025-1-01", None);
        check("25-01-01", None);
        check("2025-01-01T24:00:00", None);
        check("", None);
    }

    #[test]
    fn weekdays_are_right() {
        let d = PublishedDate::from_ymd(2025, 2, 21).expect("valid");
        assert_eq!(d.iso_weekday(), 5, "2025-02-21 was a Friday");
        let d = PublishedDate::from_ymd(1970, 1, 1).expect("valid");
        assert_eq!(d.iso_weekday(), 4);
    }

    proptest! {
        #[test]
        fn day_arithmetic_round_trips(days in -300_000i64..2_900_000) {
            if let Some(d) = PublishedDate::from_days_since_epoch(days) {
                prop_assert_eq!(d.days_since_epoch(), days);
            }
        }

        #[test]
        fn display_round_trips(y in 1000i32..9999, m in 1u32..=12, d in 1u32..=31, h in 0u32..24, off in -900i32..900) {
            if let Some(date) = PublishedDate::from_ymd(y, m, d) {
                let with = date.with_time(h, 5, 7, Some(off)).expect("valid time");
                prop_assert_eq!(with.to_string().parse::<PublishedDate>().ok(), Some(with));
                prop_assert_eq!(date.to_string().parse::<PublishedDate>().ok(), Some(date));
            }
        }

        #[test]
        fn parser_never_panics(s in ".{0,40}") {
            let _ = s.parse::<PublishedDate>();
        }
    }
}
