//! `published_at`: a calendar date or an RFC 3339 date-time, and how it reads.
//!
//! Formatting is done here, in Rust, from the date the document gives, never through the
//! browser's clock or time zone: a calendar date is the same day for every reader, and a
//! date-time shows the calendar date of its own offset.

use std::fmt;

use serde::{Deserialize, Deserializer, de::Error};
use time::{
    Date, OffsetDateTime, format_description::well_known::Rfc3339, macros::format_description,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishedAt {
    Date(Date),
    DateTime(OffsetDateTime),
}

impl PublishedAt {
    /// Parses `2026-07-02` or an RFC 3339 date-time such as `2026-07-02T09:30:00-07:00`.
    pub fn parse(text: &str) -> Option<Self> {
        // The contract's exact shapes only: `time` alone would also take a signed year, a
        // space for the `T` and a leap second, which other backends' validators reject.
        let bytes = text.as_bytes();
        let is_date = |b: &[u8]| {
            b.iter().enumerate().all(|(i, c)| match i {
                4 | 7 => *c == b'-',
                _ => c.is_ascii_digit(),
            })
        };
        if !bytes.get(..10).is_some_and(is_date) {
            return None;
        }
        if bytes.len() == 10 {
            return Date::parse(text, format_description!("[year]-[month]-[day]"))
                .ok()
                .map(Self::Date);
        }
        let leap_second = bytes.get(17..19) == Some(b"60".as_slice());
        if !matches!(bytes[10], b'T' | b't') || leap_second {
            return None;
        }
        OffsetDateTime::parse(text, &Rfc3339)
            .ok()
            .map(Self::DateTime)
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
        self.calendar_date()
            .format(format_description!(
                "[weekday], [month repr:long] [day padding:none], [year]"
            ))
            .unwrap_or_default()
    }

    /// "Jul 2, 2026", for cards where space is short.
    pub fn short_date(&self) -> String {
        self.calendar_date()
            .format(format_description!(
                "[month repr:short] [day padding:none], [year]"
            ))
            .unwrap_or_default()
    }

    /// The machine-readable form for `<time datetime>` and JSON-LD: the date, or the full
    /// date-time with its offset.
    pub fn machine(&self) -> String {
        match self {
            Self::Date(date) => date
                .format(format_description!("[year]-[month]-[day]"))
                .unwrap_or_default(),
            Self::DateTime(moment) => moment.format(&Rfc3339).unwrap_or_default(),
        }
    }

    /// Orders articles newest first; a date sorts as the start of its day in UTC.
    pub fn sort_key(&self) -> OffsetDateTime {
        match self {
            Self::Date(date) => date.midnight().assume_utc(),
            Self::DateTime(moment) => *moment,
        }
    }
}

impl fmt::Display for PublishedAt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.long_date())
    }
}

impl<'de> Deserialize<'de> for PublishedAt {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        let text = String::deserialize(de)?;
        Self::parse(&text).ok_or_else(|| {
            D::Error::custom(format!(
                "expected a date (YYYY-MM-DD) or an RFC 3339 date-time, found `{text}`"
            ))
        })
    }
}
