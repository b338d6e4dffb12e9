//! Calendar dates as authors write them in front matter and readers see them.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A day of the proleptic Gregorian calendar, from year 0 to 9999 (the
/// four digits front matter writes). Its fields are private, so every
/// `Date` is a day that exists: [`Date::new`] checks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a date string could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DateError {}

impl Date {
    /// Builds a date, checking that the day exists in that month.
    pub fn new(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        if !(1..=12).contains(&month) {
            return Err(DateError(format!("month {month} is not between 1 and 12")));
        }
        let last = days_in_month(year, month);
        if day == 0 || day > last {
            return Err(DateError(format!(
                "day {day} does not exist in {} {year}",
                MONTH_NAMES[usize::from(month - 1)]
            )));
        }
        Ok(Self { year, month, day })
    }

    /// The year, e.g. 2026.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(&self) -> u8 {
        self.month
    }

    /// The day of the month, 1 to 31.
    pub fn day(&self) -> u8 {
        self.day
    }

    /// The date as a reader sees it: "March 9, 2026".
    pub fn long_form(&self) -> String {
        format!("{} {}, {}", self.month_name(), self.day, self.year)
    }

    /// The English name of the month.
    pub fn month_name(&self) -> &'static str {
        MONTH_NAMES[usize::from(self.month - 1)]
    }

    /// The start of the day in RFC 2822 form, as RSS wants it:
    /// `Mon, 09 Mar 2026 00:00:00 +0000`.
    pub fn to_rfc2822(&self) -> String {
        const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
        // 1970-01-01 was a Thursday.
        let weekday = WEEKDAYS[self.days_since_epoch().rem_euclid(7) as usize];
        format!(
            "{weekday}, {:02} {} {:04} 00:00:00 +0000",
            self.day,
            &self.month_name()[..3],
            self.year
        )
    }

    /// Days since 1970-01-01 (negative before), for ordering and arithmetic.
    pub fn days_since_epoch(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date of a day counted from 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }
}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    /// ISO 8601, as in `<time datetime="2026-03-09">`; a year before 1
    /// (which only a time zone can reach, from 0000-01-01) as `-0001`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.year < 0 { "-" } else { "" };
        write!(
            f,
            "{sign}{:04}-{:02}-{:02}",
            self.year.unsigned_abs(),
            self.month,
            self.day
        )
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, DateError> {
        Timestamp::from_str(text).map(|stamp| stamp.date)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A moment as written in front matter: the calendar date the author wrote,
/// and the instant it names, for ordering posts published on the same day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Timestamp {
    /// The date as written, in the author's own time zone.
    pub date: Date,
    /// Seconds since the Unix epoch, UTC. A date without a time means midnight UTC.
    pub unix_seconds: i64,
    /// Whether the offset from UTC was written (`Z`, `+01:00`); without it
    /// the build reads the moment in the site's `timeZone`, as Hugo does.
    pub zoned: bool,
}

impl Timestamp {
    /// The start of a day, its zone unwritten (midnight UTC until the
    /// build applies the site's `timeZone`).
    pub fn start_of(date: Date) -> Self {
        Self {
            date,
            unix_seconds: date.days_since_epoch() * 86_400,
            zoned: false,
        }
    }

    /// The RFC 3339 form in UTC, e.g. `2026-03-09T08:30:00Z`.
    pub fn to_rfc3339_utc(&self) -> String {
        let days = self.unix_seconds.div_euclid(86_400);
        let secs = self.unix_seconds.rem_euclid(86_400);
        let date = Date::from_days_since_epoch(days);
        format!(
            "{date}T{:02}:{:02}:{:02}Z",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }
}

impl FromStr for Timestamp {
    type Err = DateError;

    /// Reads `2026-03-09`, `2026-03-09T10:00:00Z`, `2026-03-09 10:00`,
    /// `2026-03-09T10:00:00.5+01:00` and the other forms Hugo accepts.
    fn from_str(text: &str) -> Result<Self, DateError> {
        let text = text.trim();
        let invalid = || {
            DateError(format!(
                "`{text}` is not a date; write it as YYYY-MM-DD, optionally followed by a time such as T10:30:00+01:00"
            ))
        };
        let bytes = text.as_bytes();
        if bytes.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(invalid());
        }
        let number = |range: std::ops::Range<usize>| -> Result<u32, DateError> {
            let part = text.get(range).ok_or_else(invalid)?;
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid());
            }
            part.parse().map_err(|_| invalid())
        };
        let year = number(0..4)? as i32;
        let month = number(5..7)? as u8;
        let day = number(8..10)? as u8;
        let date = Date::new(year, month, day)?;
        let rest = &text[10..];
        if rest.is_empty() {
            return Ok(Self::start_of(date));
        }
        let rest = rest.strip_prefix(['T', 't', ' ']).ok_or_else(invalid)?;
        let (clock, zone) = match rest.find(['Z', 'z', '+', '-']) {
            Some(at) => (&rest[..at], rest[at..].trim()),
            None => (rest.trim(), ""),
        };
        // `2019-09-21 07:08:00 +0200`: a space may stand before the zone.
        let clock = clock.trim().split('.').next().unwrap_or_default();
        let mut fields = clock.split(':');
        // Go's layouts, which Hugo reads with, take an hour of one digit.
        let mut widths = [1..=2, 2..=2, 2..=2].into_iter();
        let mut field = |max: i64| -> Result<i64, DateError> {
            let width = widths.next().unwrap_or(2..=2);
            match fields.next() {
                None => Ok(0),
                Some(part)
                    if width.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    let value: i64 = part.parse().map_err(|_| invalid())?;
                    if value > max {
                        Err(invalid())
                    } else {
                        Ok(value)
                    }
                }
                Some(_) => Err(invalid()),
            }
        };
        let seconds_of_day = field(23)? * 3600 + field(59)? * 60 + field(60)?;
        if fields.next().is_some() {
            return Err(invalid());
        }
        let offset_seconds = match zone {
            "" | "Z" | "z" => 0,
            _ => {
                let sign = if zone.starts_with('-') { -1 } else { 1 };
                let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
                if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(invalid());
                }
                let hours: i64 = digits[..2].parse().map_err(|_| invalid())?;
                let minutes: i64 = digits[2..].parse().map_err(|_| invalid())?;
                sign * (hours * 3600 + minutes * 60)
            }
        };
        Ok(Self {
            date,
            unix_seconds: date.days_since_epoch() * 86_400 + seconds_of_day - offset_seconds,
            zoned: !zone.is_empty(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc2822_names_the_right_weekday() {
        let date: Date = "2026-03-09".parse().unwrap();
        assert_eq!(date.to_rfc2822(), "Mon, 09 Mar 2026 00:00:00 +0000");
        let leap: Date = "2024-02-29".parse().unwrap();
        assert_eq!(leap.to_rfc2822(), "Thu, 29 Feb 2024 00:00:00 +0000");
        let old: Date = "1969-12-31".parse().unwrap();
        assert_eq!(old.to_rfc2822(), "Wed, 31 Dec 1969 00:00:00 +0000");
    }

    #[test]
    fn long_form_reads_like_the_seed_blog() {
        let cases = [
            ("2026-03-09", "March 9, 2026"),
            ("2025-12-31", "December 31, 2025"),
            ("2024-02-29", "February 29, 2024"),
            ("2026-01-01T23:30:00-08:00", "January 1, 2026"),
        ];
        for (written, shown) in cases {
            assert_eq!(
                written.parse::<Date>().unwrap().long_form(),
                shown,
                "{written}"
            );
        }
    }

    #[test]
    fn iso_form_pads_month_and_day() {
        assert_eq!(Date::new(2026, 3, 9).unwrap().to_string(), "2026-03-09");
    }

    #[test]
    fn accepts_every_hugo_form() {
        for written in [
            "2026-03-09",
            "2026-03-09T10:00:00Z",
            "2026-03-09T10:00:00+01:00",
            "2026-03-09T10:00:00.123-05:00",
            "2026-03-09 10:00:00",
            "2026-03-09 10:00",
            "2026-03-09T10:00:00+0100",
            "2026-03-09 10:00:00 +0100",
            // A real blog's: Hugo reads an hour of one digit.
            "2026-03-09T9:48:00",
        ] {
            assert_eq!(
                written.parse::<Date>().unwrap(),
                Date::new(2026, 3, 9).unwrap(),
                "{written}"
            );
        }
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for written in [
            "",
            "March 9",
            "2026-3-9",
            "2026-02-30",
            "2026-13-01",
            "2026-03-09X",
            "2026-03-09T25:00",
            "2026-03-09T10:5:00",
            "2026-03-09T123:00",
            "yesterday",
        ] {
            assert!(
                written.parse::<Timestamp>().is_err(),
                "{written} should be rejected"
            );
        }
    }

    #[test]
    fn dates_at_the_ends_of_four_digit_years_round_trip() {
        for written in ["0000-01-01", "0001-02-28", "0000-02-29", "9999-12-31"] {
            let date: Date = written.parse().unwrap();
            assert_eq!(date.to_string(), written);
            assert_eq!(Date::from_days_since_epoch(date.days_since_epoch()), date);
            assert!(!date.long_form().is_empty() && !date.to_rfc2822().is_empty());
        }
        let late: Timestamp = "9999-12-31T23:59:60-23:59".parse().unwrap();
        assert_eq!(late.date.to_string(), "9999-12-31");
        let early: Timestamp = "0000-01-01T00:00:00+23:59".parse().unwrap();
        assert_eq!(early.to_rfc3339_utc(), "-0001-12-31T00:01:00Z");
        for refused in ["10000-01-01", "-001-01-01", "0000-00-01", "9999-12-32"] {
            assert!(refused.parse::<Date>().is_err(), "{refused}");
        }
    }

    #[test]
    fn time_zones_order_posts_of_the_same_day() {
        let morning: Timestamp = "2025-02-07T09:00:00+01:00".parse().unwrap();
        let evening: Timestamp = "2025-02-07T18:00:00+01:00".parse().unwrap();
        assert!(morning.unix_seconds < evening.unix_seconds);
        assert_eq!(morning.to_rfc3339_utc(), "2025-02-07T08:00:00Z");
    }

    #[test]
    fn epoch_days_round_trip() {
        for days in [-800_000, -1, 0, 1, 19_000, 20_521, 2_000_000] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
    }
}
