//! `published_at`: a calendar date or an RFC 3339 date-time, and how it reads.
//!
//! Formatting is done here, in Rust, from the date the document gives, never through the
//! browser's clock or time zone: a calendar date is the same day for every reader, and a
//! date-time shows the calendar date of its own offset.

use std::fmt;

use serde::{Deserialize, Deserializer};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishedAt {
    Date(Date),
    DateTime(OffsetDateTime),
}

/// `n` ASCII digits at `at`, as a number.
fn digits(bytes: &[u8], at: usize, n: usize) -> Option<u32> {
    bytes.get(at..at + n)?.iter().try_fold(0, |value, b| {
        b.is_ascii_digit().then(|| value * 10 + u32::from(b - b'0'))
    })
}

fn narrow<T: TryFrom<u32>>(value: u32) -> Option<T> {
    T::try_from(value).ok()
}

/// `YYYY-MM-DD`, a day that exists.
fn parse_date(b: &[u8]) -> Option<Date> {
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let month = Month::try_from(narrow::<u8>(digits(b, 5, 2)?)?).ok()?;
    Date::from_calendar_date(narrow(digits(b, 0, 4)?)?, month, narrow(digits(b, 8, 2)?)?).ok()
}

/// `hh:mm:ss[.fraction](Z|±hh:mm)` after a date and its `T`.
fn parse_time_and_offset(text: &str) -> Option<(Time, UtcOffset)> {
    let b = text.as_bytes();
    if b.get(2) != Some(&b':') || b.get(5) != Some(&b':') {
        return None;
    }
    let (hour, minute, second) = (digits(b, 0, 2)?, digits(b, 3, 2)?, digits(b, 6, 2)?);
    let mut at = 8;
    let mut nanos = 0;
    if b.get(at) == Some(&b'.') {
        let fraction = text[at + 1..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        if fraction == 0 {
            return None;
        }
        // Nanoseconds: the first nine digits, right-padded with zeros.
        nanos = b[at + 1..]
            .iter()
            .take(fraction.min(9))
            .chain(std::iter::repeat(&b'0'))
            .take(9)
            .fold(0, |n, d| n * 10 + u32::from(d - b'0'));
        at += 1 + fraction;
    }
    let offset = match &b[at..] {
        [b'Z' | b'z'] => UtcOffset::UTC,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let (h, m) = (
                narrow::<i8>(digits(b, at + 1, 2)?)?,
                narrow::<i8>(digits(b, at + 4, 2)?)?,
            );
            let sign = if *sign == b'-' { -1 } else { 1 };
            if h > 23 {
                return None;
            }
            UtcOffset::from_hms(sign * h, sign * m, 0).ok()?
        }
        _ => return None,
    };
    // `from_hms_nano` rejects hour 24 and second 60 (leap seconds are not in the contract).
    let time = Time::from_hms_nano(narrow(hour)?, narrow(minute)?, narrow(second)?, nanos).ok()?;
    Some((time, offset))
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
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

impl PublishedAt {
    /// Parses exactly the contract's shapes: `2026-07-02`, or an RFC 3339 date-time such as
    /// `2026-07-02T09:30:00-07:00` (fraction optional, `Z` or an offset). Hand-parsed onto
    /// `time`'s calendar types: its parsing and formatting features would add about a tenth
    /// to the app's wasm for these two fixed formats.
    pub fn parse(text: &str) -> Option<Self> {
        let date = parse_date(text.as_bytes())?;
        match text.as_bytes().get(10) {
            None => Some(Self::Date(date)),
            Some(b'T' | b't') => {
                let (time, offset) = parse_time_and_offset(text.get(11..)?)?;
                Some(Self::DateTime(
                    PrimitiveDateTime::new(date, time).assume_offset(offset),
                ))
            }
            Some(_) => None,
        }
    }

    /// The calendar date readers see: for a date-time, the date in its own offset.
    pub fn calendar_date(&self) -> Date {
        match self {
            Self::Date(date) => *date,
            Self::DateTime(moment) => moment.date(),
        }
    }

    /// "Thursday, July 2, 2026".
    pub fn long_date(&self) -> String {
        let date = self.calendar_date();
        format!(
            "{}, {} {}, {}",
            WEEKDAYS[usize::from(date.weekday().number_days_from_monday())],
            month_name(date),
            date.day(),
            date.year()
        )
    }

    /// "Jul 2, 2026", for cards where space is short.
    pub fn short_date(&self) -> String {
        let date = self.calendar_date();
        format!("{} {}, {}", &month_name(date)[..3], date.day(), date.year())
    }

    /// The machine-readable form for `<time datetime>` and JSON-LD: the date, or the full
    /// date-time with its offset, normalised (`T`, `Z`, no trailing zeros in the fraction).
    pub fn machine(&self) -> String {
        let date = self.calendar_date();
        let day = format!(
            "{:04}-{:02}-{:02}",
            date.year(),
            u8::from(date.month()),
            date.day()
        );
        let Self::DateTime(moment) = self else {
            return day;
        };
        let fraction = match moment.nanosecond() {
            0 => String::new(),
            nanos => format!(".{nanos:09}").trim_end_matches('0').to_owned(),
        };
        let offset = moment.offset();
        let zone = if offset.is_utc() {
            "Z".to_owned()
        } else {
            let sign = if offset.is_negative() { '-' } else { '+' };
            format!(
                "{sign}{:02}:{:02}",
                offset.whole_hours().abs(),
                offset.minutes_past_hour().abs()
            )
        };
        format!(
            "{day}T{:02}:{:02}:{:02}{fraction}{zone}",
            moment.hour(),
            moment.minute(),
            moment.second()
        )
    }

    /// Orders articles newest first; a date sorts as the start of its day in UTC.
    pub fn sort_key(&self) -> OffsetDateTime {
        match self {
            Self::Date(date) => date.midnight().assume_utc(),
            Self::DateTime(moment) => *moment,
        }
    }
}

fn month_name(date: Date) -> &'static str {
    MONTHS[usize::from(u8::from(date.month())) - 1]
}

impl fmt::Display for PublishedAt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.long_date())
    }
}

/// `published_at`: required, and either a date or `null`, which marks an article its
/// publisher gave no date (shown as undated). A missing field stays an error, so that a
/// misspelt key is still reported.
pub(crate) fn required_or_undated<'de, D: Deserializer<'de>>(
    de: D,
) -> Result<Option<PublishedAt>, D::Error> {
    Option::<PublishedAt>::deserialize(de)
}

/// An optional date (`updated_at`): absent or `null` for none.
pub(crate) fn optional<'de, D: Deserializer<'de>>(de: D) -> Result<Option<PublishedAt>, D::Error> {
    Option::<PublishedAt>::deserialize(de)
}

/// Orders articles newest first, undated ones last.
pub fn newest_first(date: Option<&PublishedAt>) -> std::cmp::Reverse<Option<OffsetDateTime>> {
    std::cmp::Reverse(date.map(PublishedAt::sort_key))
}

impl<'de> Deserialize<'de> for PublishedAt {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        super::wire::checked_string(de, "a string", |text| {
            Self::parse(&text).ok_or_else(|| {
                format!("expected a date (YYYY-MM-DD) or an RFC 3339 date-time, found `{text}`")
            })
        })
    }
}
