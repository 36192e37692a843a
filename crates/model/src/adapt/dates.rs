//! Dates as other formats write them, read into the contract's two forms: `YYYY-MM-DD`, or an
//! RFC 3339 date-time. Our own contract stays strict (`crate::date`); this is only for the
//! adapters, which meet whatever real sites send (see "Dates" in `docs/formats.md`).
//!
//! Hand-written onto `time`'s calendar types, like `crate::date`: the adapters run in a wasm
//! module whose size we watch, and `time`'s parsing features would add more than this file.

use time::{Date, Month, PrimitiveDateTime, Time, UtcOffset};

use crate::{Cut, PublishedAt};

/// A foreign date or date-time as the contract's `YYYY-MM-DD` or RFC 3339 date-time, or
/// `None` when it is not a date the reader can trust (out of range, an unknown month or zone
/// name, anything left over). A date-time without an offset names no instant, so it becomes
/// its calendar date. A string already in the contract's form comes back as it is.
pub fn to_contract(text: &str) -> Option<String> {
    let text = text.trim();
    if PublishedAt::parse(text).is_some() {
        return Some(text.to_owned());
    }
    let parts = iso(text).or_else(|| named(text))?;
    Some(parts.published_at().machine())
}

/// `published_at` from the first of `candidates` (field name, value) that is a date the
/// reader can read, in the contract's form, and the field it came from. Feeds name their dates
/// in order of preference (published, then modified or created). With none readable the
/// article is undated (`null`), not left out; when one was given but could not be read, the
/// cut says so ([`Cut::UnreadDate`]).
pub fn published_at<'a>(
    candidates: impl IntoIterator<Item = (&'a str, Option<&'a str>)>,
) -> (serde_json::Value, &'a str, Option<Cut>) {
    let mut unread: Option<(&str, &str)> = None;
    let mut first_field = "";
    for (field, value) in candidates {
        if first_field.is_empty() {
            first_field = field;
        }
        let Some(text) = value else {
            continue;
        };
        match to_contract(text) {
            Some(date) => return (date.into(), field, None),
            None if text.trim().is_empty() => {}
            None => {
                unread.get_or_insert((field, text));
            }
        }
    }
    match unread {
        Some((field, text)) => (
            serde_json::Value::Null,
            field,
            Some(Cut::UnreadDate {
                text: crate::text::excerpt(text.trim(), 60),
            }),
        ),
        None => (serde_json::Value::Null, first_field, None),
    }
}

/// What a date says: a day, and maybe a time of day and its offset.
struct Parts {
    date: Date,
    time: Option<Time>,
    offset: Option<UtcOffset>,
}

impl Parts {
    fn day(date: Date) -> Self {
        Self {
            date,
            time: None,
            offset: None,
        }
    }

    fn published_at(&self) -> PublishedAt {
        match (self.time, self.offset) {
            (Some(time), Some(offset)) => {
                PublishedAt::DateTime(PrimitiveDateTime::new(self.date, time).assume_offset(offset))
            }
            // Without an offset the publisher's day is all we know; guessing a zone would
            // move the article to another day for some readers.
            _ => PublishedAt::Date(self.date),
        }
    }
}

/// `n` ASCII digits at the start of `b` as a number, and the bytes after them.
fn number(b: &[u8], n: usize) -> Option<(u32, &[u8])> {
    let (head, rest) = b.split_at_checked(n)?;
    let value = head.iter().try_fold(0, |value, d| {
        d.is_ascii_digit().then(|| value * 10 + u32::from(d - b'0'))
    })?;
    Some((value, rest))
}

/// A whole token of one to four digits as a number.
fn whole(token: &str) -> Option<u32> {
    if token.is_empty() || token.len() > 4 {
        return None;
    }
    number(token.as_bytes(), token.len()).map(|(value, _)| value)
}

/// `b` without its first byte when that is `expected`; `b` itself when nothing is expected.
fn skip(b: &[u8], expected: Option<u8>) -> Option<&[u8]> {
    match expected {
        None => Some(b),
        Some(c) => b.strip_prefix(&[c]),
    }
}

fn calendar_date(year: u32, month: u32, day: u32) -> Option<Date> {
    let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
    Date::from_calendar_date(i32::try_from(year).ok()?, month, u8::try_from(day).ok()?).ok()
}

// ISO 8601 ------------------------------------------------------------------------------------

/// ISO 8601 in its extended (`2018-06-19T05:50:00+09:00`) or basic (`20180619T055000+0900`)
/// form, and the variants sites write: `t`, a space for `T`, no seconds, an offset without a
/// colon or without minutes, a space or a zone name after the time.
fn iso(text: &str) -> Option<Parts> {
    let (year, b) = number(text.as_bytes(), 4)?;
    let extended = b.first() == Some(&b'-');
    let dash = extended.then_some(b'-');
    let (month, b) = number(skip(b, dash)?, 2)?;
    let (day, b) = number(skip(b, dash)?, 2)?;
    let date = calendar_date(year, month, day)?;
    let Some((separator, b)) = b.split_first() else {
        return Some(Parts::day(date));
    };
    if !matches!(separator, b'T' | b't' | b' ') {
        return None;
    }
    let (time, b) = iso_time(b, extended)?;
    // Ruby's `Time#to_s` and others put a space before the offset.
    let b = b.strip_prefix(b" ").unwrap_or(b);
    let offset = match b {
        [] => None,
        _ => Some(offset(b)?),
    };
    Some(Parts {
        date,
        time: Some(time),
        offset,
    })
}

/// `hh:mm[:ss[.fraction]]` (or `hhmm[ss[.fraction]]` after a basic date), and what follows.
fn iso_time(b: &[u8], extended: bool) -> Option<(Time, &[u8])> {
    let colon = extended.then_some(b':');
    let (hour, b) = number(b, 2)?;
    let (minute, b) = number(skip(b, colon)?, 2)?;
    let Some((second, b)) = skip(b, colon).and_then(|b| number(b, 2)) else {
        let time = Time::from_hms(u8::try_from(hour).ok()?, u8::try_from(minute).ok()?, 0);
        return Some((time.ok()?, b));
    };
    let (nanos, b) = match b.split_first() {
        // ISO 8601 allows a comma as well as a dot.
        Some((b'.' | b',', fraction)) => nanoseconds(fraction)?,
        _ => (0, b),
    };
    let time = Time::from_hms_nano(
        u8::try_from(hour).ok()?,
        u8::try_from(minute).ok()?,
        u8::try_from(second).ok()?,
        nanos,
    );
    Some((time.ok()?, b))
}

/// At least one digit of a fraction of a second as nanoseconds (the first nine digits count),
/// and what follows.
fn nanoseconds(b: &[u8]) -> Option<(u32, &[u8])> {
    let count = b.iter().take_while(|d| d.is_ascii_digit()).count();
    if count == 0 {
        return None;
    }
    let (digits, rest) = b.split_at(count);
    let nanos = digits
        .iter()
        .chain(std::iter::repeat(&b'0'))
        .take(9)
        .fold(0, |n, d| n * 10 + u32::from(d - b'0'));
    Some((nanos, rest))
}

// Offsets and zone names ----------------------------------------------------------------------

/// A whole offset: `Z`, `±hh`, `±hhmm`, `±hh:mm`, or a zone name from [`ZONES`].
fn offset(b: &[u8]) -> Option<UtcOffset> {
    let (sign, digits) = match b.split_first()? {
        (b'+', digits) => (1, digits),
        (b'-', digits) => (-1, digits),
        _ => return zone(b),
    };
    let (hours, b) = number(digits, 2)?;
    let minutes = match b {
        [] => 0,
        [b':', m1, m2] | [m1, m2] => number(&[*m1, *m2], 2)?.0,
        _ => return None,
    };
    // `UtcOffset` allows up to ±25:59:59; real offsets stay below a day.
    if hours > 23 || minutes > 59 {
        return None;
    }
    let (hours, minutes) = (i8::try_from(hours).ok()?, i8::try_from(minutes).ok()?);
    UtcOffset::from_hms(sign * hours, sign * minutes, 0).ok()
}

/// Zone names read as offsets, hours from UTC. RFC 822's (`Z`, `UT`, `GMT` and the North
/// American ones), `UTC`, and the European ones Java's `Date.toString()` and European sites
/// write. Names that mean different zones in different places (`BST`, `IST`, `CST` outside
/// RFC 822's meaning) and the military letters but `Z` are left out: better no date than a
/// wrong one.
const ZONES: &[(&str, i8)] = &[
    ("Z", 0),
    ("UT", 0),
    ("UTC", 0),
    ("GMT", 0),
    ("EST", -5),
    ("EDT", -4),
    ("CST", -6),
    ("CDT", -5),
    ("MST", -7),
    ("MDT", -6),
    ("PST", -8),
    ("PDT", -7),
    ("WET", 0),
    ("WEST", 1),
    ("CET", 1),
    ("CEST", 2),
    ("EET", 2),
    ("EEST", 3),
];

fn zone(name: &[u8]) -> Option<UtcOffset> {
    let (_, hours) = ZONES
        .iter()
        .find(|(zone, _)| zone.as_bytes().eq_ignore_ascii_case(name))?;
    UtcOffset::from_hms(*hours, 0, 0).ok()
}

// Dates with month names ----------------------------------------------------------------------

/// Dates with a month name: RFC 822/2822 as RSS has them (`Fri, 31 May 2019 12:17:58 -0700`),
/// in any European language; US order (`Sat, Dec 16 2023 02:02:33 PM`); Java's
/// `Date.toString()` (`Tue Jan 28 15:28:56 CET 2020`). A leading weekday, in any language, is
/// skipped and never checked: feeds get it wrong, and the date says the day anyway.
fn named(text: &str) -> Option<Parts> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    named_tokens(&tokens).or_else(|| {
        let (first, rest) = tokens.split_first()?;
        is_weekday(first).then(|| named_tokens(rest))?
    })
}

/// A word with an optional `.` and `,` after it: a weekday's place, whatever the language.
fn is_weekday(token: &str) -> bool {
    let word = token.strip_suffix(',').unwrap_or(token);
    let word = word.strip_suffix('.').unwrap_or(word);
    !word.is_empty() && word.chars().all(char::is_alphabetic)
}

fn named_tokens(tokens: &[&str]) -> Option<Parts> {
    if let [month, day, time, zone, year] = tokens
        && time.contains(':')
    {
        let date = named_date(day, month, year)?;
        return clock(date, &[time, zone]);
    }
    let (date, rest) = match tokens {
        [day, month, year, rest @ ..] if day.starts_with(|c: char| c.is_ascii_digit()) => {
            (named_date(day, month, year)?, rest)
        }
        [month, day, year, rest @ ..] => (named_date(day, month, year)?, rest),
        _ => return None,
    };
    clock(date, rest)
}

/// A one- or two-digit day, a month name, and a four- or two-digit year.
fn named_date(day: &str, month: &str, year: &str) -> Option<Date> {
    let day = whole(day).filter(|_| day.len() <= 2)?;
    let year = match (year.len(), whole(year)?) {
        (4, year) => year,
        // RFC 2822's rule for two-digit years.
        (2, year @ 0..=49) => 2000 + year,
        (2, year) => 1900 + year,
        _ => return None,
    };
    calendar_date(year, month_number(month)?, day)
}

/// `hh:mm[:ss]`, an optional `AM`/`PM`, and an optional zone, after a date; nothing at all
/// leaves the date alone.
fn clock(date: Date, tokens: &[&str]) -> Option<Parts> {
    let Some((time, tokens)) = tokens.split_first() else {
        return Some(Parts::day(date));
    };
    let (mut hour, minute, second) = hms(time)?;
    let tokens = match tokens.split_first() {
        Some((half, tokens)) if half.eq_ignore_ascii_case("AM") => {
            hour = twelve_hour(hour, 0)?;
            tokens
        }
        Some((half, tokens)) if half.eq_ignore_ascii_case("PM") => {
            hour = twelve_hour(hour, 12)?;
            tokens
        }
        _ => tokens,
    };
    let offset = match tokens {
        [] => None,
        [zone] => Some(offset(zone.as_bytes())?),
        // A comment such as `(PST)`, or anything else: not guessed at.
        _ => return None,
    };
    let time = Time::from_hms(
        u8::try_from(hour).ok()?,
        u8::try_from(minute).ok()?,
        u8::try_from(second).ok()?,
    );
    Some(Parts {
        date,
        time: Some(time.ok()?),
        offset,
    })
}

/// `h:mm`, `hh:mm` or `hh:mm:ss`.
fn hms(token: &str) -> Option<(u32, u32, u32)> {
    let mut parts = token.split(':');
    let hour = parts.next().filter(|h| h.len() <= 2).and_then(whole)?;
    let minute = parts.next().filter(|m| m.len() == 2).and_then(whole)?;
    let second = match parts.next() {
        None => 0,
        Some(s) if s.len() == 2 => whole(s)?,
        Some(_) => return None,
    };
    parts.next().is_none().then_some((hour, minute, second))
}

/// A 12-hour clock's hour (1 to 12) on the 24-hour clock; `half` is 0 for AM, 12 for PM.
fn twelve_hour(hour: u32, half: u32) -> Option<u32> {
    (1..=12).contains(&hour).then_some(hour % 12 + half)
}

/// Month names in the common European languages (English, French, German, Dutch, the
/// Scandinavian ones, Spanish, Italian, Portuguese). A token names a month when it is the
/// start (three letters or more) of names of that month only, so abbreviations come free:
/// `Sept`, `janv.`, `Mär`, `Okt`, `ene`, `set`, `out`. `jui` (French `juin` or `juillet`?) is
/// none. The two entries that are not full names are abbreviations that are not prefixes.
const MONTH_NAMES: [&[&str]; 12] = [
    &[
        "january", "janvier", "januar", "januari", "enero", "gennaio", "janeiro",
    ],
    &[
        "february",
        "février",
        "februar",
        "februari",
        "febrero",
        "febbraio",
        "fevereiro",
    ],
    &[
        "march", "mars", "märz", "mrz", "maart", "mrt", "marts", "marzo", "março",
    ],
    &["april", "avril", "abril", "aprile"],
    &["may", "mai", "mei", "maj", "mayo", "maggio", "maio"],
    &["june", "juin", "juni", "junio", "giugno", "junho"],
    &["july", "juillet", "juli", "julio", "luglio", "julho"],
    &["august", "août", "augustus", "augusti", "agosto"],
    &[
        "september",
        "septembre",
        "septiembre",
        "setiembre",
        "settembre",
        "setembro",
    ],
    &[
        "october", "octobre", "oktober", "octubre", "ottobre", "outubro",
    ],
    &["november", "novembre", "noviembre", "novembro"],
    &[
        "december",
        "décembre",
        "dezember",
        "desember",
        "diciembre",
        "dicembre",
        "dezembro",
    ],
];

/// The month a name or abbreviation names, case-insensitively, with or without a final dot.
fn month_number(token: &str) -> Option<u32> {
    let name = token.strip_suffix('.').unwrap_or(token).to_lowercase();
    if name.chars().count() < 3 || !name.chars().all(char::is_alphabetic) {
        return None;
    }
    let mut months = (1..=12)
        .zip(MONTH_NAMES)
        .filter(|(_, names)| names.iter().any(|full| full.starts_with(&name)))
        .map(|(month, _)| month);
    let month = months.next()?;
    months.next().is_none().then_some(month)
}

#[cfg(test)]
mod tests {
    use super::to_contract;

    fn check(cases: &[(&str, Option<&str>)]) {
        for (input, expected) in cases {
            assert_eq!(to_contract(input).as_deref(), *expected, "{input:?}");
        }
    }

    #[test]
    fn contract_forms_pass_unchanged() {
        check(&[
            ("2026-07-02", Some("2026-07-02")),
            ("2026-07-02T09:30:00Z", Some("2026-07-02T09:30:00Z")),
            (
                "2026-07-02T09:30:00-07:00",
                Some("2026-07-02T09:30:00-07:00"),
            ),
            (
                "2026-07-02T09:30:00.5+05:30",
                Some("2026-07-02T09:30:00.5+05:30"),
            ),
            ("2026-07-02t09:30:00z", Some("2026-07-02t09:30:00z")),
            ("  2026-07-02\n", Some("2026-07-02")),
        ]);
    }

    #[test]
    fn iso_variants() {
        check(&[
            (
                "2019-11-20 13:42:06+08:00",
                Some("2019-11-20T13:42:06+08:00"),
            ),
            (
                "2020-01-28T15:28:56+0100",
                Some("2020-01-28T15:28:56+01:00"),
            ),
            ("2020-01-28T15:28:56+01", Some("2020-01-28T15:28:56+01:00")),
            (
                "2020-01-28T15:28:56-0330",
                Some("2020-01-28T15:28:56-03:30"),
            ),
            ("2020-01-28T15:28:56+0000", Some("2020-01-28T15:28:56Z")),
            ("2023-11-06T18:19+01:00", Some("2023-11-06T18:19:00+01:00")),
            ("2023-11-06T18:19Z", Some("2023-11-06T18:19:00Z")),
            ("2019-10-12T07:20:50,52Z", Some("2019-10-12T07:20:50.52Z")),
            (
                "2019-10-12T07:20:50,1234567891234Z",
                Some("2019-10-12T07:20:50.123456789Z"),
            ),
            (
                "2019-11-20 13:42:06 +0800",
                Some("2019-11-20T13:42:06+08:00"),
            ),
            ("2019-11-20 13:42:06 UTC", Some("2019-11-20T13:42:06Z")),
            ("2021-01-03T17:40:00EET", Some("2021-01-03T17:40:00+02:00")),
            ("2021-01-03t17:40z", Some("2021-01-03T17:40:00Z")),
        ]);
    }

    #[test]
    fn iso_without_offset_is_a_calendar_date() {
        check(&[
            ("2018-01-06T08:00", Some("2018-01-06")),
            ("2018-01-06T08:00:00", Some("2018-01-06")),
            ("2018-01-06T08:00:00.250", Some("2018-01-06")),
            ("2018-01-06 08:00:00", Some("2018-01-06")),
            ("20180106T0800", Some("2018-01-06")),
        ]);
    }

    #[test]
    fn iso_basic() {
        check(&[
            ("20180619T055000+0900", Some("2018-06-19T05:50:00+09:00")),
            ("20180619T055000Z", Some("2018-06-19T05:50:00Z")),
            ("20180619T0550+09", Some("2018-06-19T05:50:00+09:00")),
            ("20180619", Some("2018-06-19")),
            // The two forms are not mixed.
            ("2018-06-19T055000Z", None),
            ("20180619T05:50:00Z", None),
            ("2018-0619", None),
            ("201806-19", None),
        ]);
    }

    #[test]
    fn iso_refused() {
        check(&[
            ("", None),
            ("2018", None),
            ("2018-06", None),
            ("2018-6-19", None),
            ("2018-06-19T", None),
            ("2018-06-19T08", None),
            ("2018-06-19T08:00:", None),
            ("2018-06-19T08:00:00.", None),
            ("2018-06-19T08:00.5Z", None),
            ("2018-06-19T08:00:00 junk", None),
            (
                "2018-06-19T08:00:00+01:00 ",
                Some("2018-06-19T08:00:00+01:00"),
            ),
            ("2018-06-19T08:00:00+1", None),
            ("2018-06-19T08:00:00+01:0", None),
            ("2018-06-19T08:00:00+01:000", None),
            ("2018-06-19T08:00:00+01:00Z", None),
            ("2018-06-19T08:00:00  +01:00", None),
            ("2018-06-19T08:00:00BST", None),
            ("2018-06-19X08:00:00Z", None),
            ("2018-06-19junk", None),
            ("2018-06-19Tjunk", None),
        ]);
    }

    #[test]
    fn iso_boundaries() {
        check(&[
            (
                "2023-12-31T23:59:59+01:00",
                Some("2023-12-31T23:59:59+01:00"),
            ),
            (
                "2023-12-31 23:59:59+01:00",
                Some("2023-12-31T23:59:59+01:00"),
            ),
            ("2023-13-01 10:00:00+01:00", None),
            ("2023-00-01 10:00:00+01:00", None),
            ("2023-01-00 10:00:00+01:00", None),
            (
                "2023-01-31 10:00:00+01:00",
                Some("2023-01-31T10:00:00+01:00"),
            ),
            ("2023-01-32 10:00:00+01:00", None),
            (
                "2024-02-29 10:00:00+01:00",
                Some("2024-02-29T10:00:00+01:00"),
            ),
            ("2023-02-29 10:00:00+01:00", None),
            ("2023-02-30", None),
            ("20230230", None),
            ("2023-04-31", None),
            ("2023-01-01 24:00:00+01:00", None),
            ("2023-01-01 25:00+01:00", None),
            ("2023-01-01 10:60:00+01:00", None),
            ("2023-01-01 10:00:60+01:00", None),
            (
                "2023-01-01 10:00:59+2359",
                Some("2023-01-01T10:00:59+23:59"),
            ),
            (
                "2023-01-01 10:00:59-2359",
                Some("2023-01-01T10:00:59-23:59"),
            ),
            ("2023-01-01 10:00:59+2400", None),
            ("2023-01-01 10:00:59-24:00", None),
            ("2023-01-01 10:00:59+25", None),
            ("2023-01-01 10:00:59+0160", None),
            ("2023-01-01 10:00:59+01:60", None),
            ("0000-01-01 00:00:00+0000", Some("0000-01-01T00:00:00Z")),
            (
                "9999-12-31 23:59:59-2359",
                Some("9999-12-31T23:59:59-23:59"),
            ),
        ]);
    }

    #[test]
    fn rfc_822() {
        check(&[
            (
                "Fri, 31 May 2019 12:17:58 -0700",
                Some("2019-05-31T12:17:58-07:00"),
            ),
            (
                "31 May 2019 12:17:58 -0700",
                Some("2019-05-31T12:17:58-07:00"),
            ),
            (
                "Fri 31 May 2019 12:17:58 -0700",
                Some("2019-05-31T12:17:58-07:00"),
            ),
            (
                "Fri, 31 May 2019 12:17 -0700",
                Some("2019-05-31T12:17:00-07:00"),
            ),
            (
                "Fri, 1 May 2019 2:17:58 +0000",
                Some("2019-05-01T02:17:58Z"),
            ),
            (
                "Fri, 01 May 2019 12:17:58 -0000",
                Some("2019-05-01T12:17:58Z"),
            ),
            (
                "  Fri,   31  May   2019\t12:17:58  -0700 ",
                Some("2019-05-31T12:17:58-07:00"),
            ),
            ("Fri, 31 May 19 12:17:58 GMT", Some("2019-05-31T12:17:58Z")),
            ("Fri, 31 May 49 12:17:58 GMT", Some("2049-05-31T12:17:58Z")),
            ("Mon, 31 May 50 12:17:58 GMT", Some("1950-05-31T12:17:58Z")),
            ("Mon, 31 May 99 12:17:58 GMT", Some("1999-05-31T12:17:58Z")),
            ("Mon, 31 May 00 12:17:58 GMT", Some("2000-05-31T12:17:58Z")),
            (
                "Wed, 16 Nov 2022 10:00:00 +01:00",
                Some("2022-11-16T10:00:00+01:00"),
            ),
            // A weekday that does not fit the date is not checked.
            (
                "Mon, 31 May 2019 12:17:58 -0700",
                Some("2019-05-31T12:17:58-07:00"),
            ),
            // No zone: the calendar date.
            ("Fri, 31 May 2019 12:17:58", Some("2019-05-31")),
            ("31 May 2019", Some("2019-05-31")),
        ]);
    }

    #[test]
    fn rfc_822_zones() {
        check(&[
            ("1 Jan 2020 10:00 GMT", Some("2020-01-01T10:00:00Z")),
            ("1 Jan 2020 10:00 UT", Some("2020-01-01T10:00:00Z")),
            ("1 Jan 2020 10:00 UTC", Some("2020-01-01T10:00:00Z")),
            ("1 Jan 2020 10:00 Z", Some("2020-01-01T10:00:00Z")),
            ("1 Jan 2020 10:00 gmt", Some("2020-01-01T10:00:00Z")),
            ("1 Jan 2020 10:00 EST", Some("2020-01-01T10:00:00-05:00")),
            ("1 Jan 2020 10:00 EDT", Some("2020-01-01T10:00:00-04:00")),
            ("1 Jan 2020 10:00 CST", Some("2020-01-01T10:00:00-06:00")),
            ("1 Jan 2020 10:00 CDT", Some("2020-01-01T10:00:00-05:00")),
            ("1 Jan 2020 10:00 MST", Some("2020-01-01T10:00:00-07:00")),
            ("1 Jan 2020 10:00 MDT", Some("2020-01-01T10:00:00-06:00")),
            ("1 Jan 2020 10:00 PST", Some("2020-01-01T10:00:00-08:00")),
            ("1 Jan 2020 10:00 PDT", Some("2020-01-01T10:00:00-07:00")),
            ("1 Jan 2020 10:00 WET", Some("2020-01-01T10:00:00Z")),
            ("1 Jan 2020 10:00 WEST", Some("2020-01-01T10:00:00+01:00")),
            ("1 Jan 2020 10:00 CET", Some("2020-01-01T10:00:00+01:00")),
            ("1 Jan 2020 10:00 CEST", Some("2020-01-01T10:00:00+02:00")),
            ("1 Jan 2020 10:00 EET", Some("2020-01-01T10:00:00+02:00")),
            ("1 Jan 2020 10:00 EEST", Some("2020-01-01T10:00:00+03:00")),
            // Ambiguous or unknown names, military letters, comments: refused.
            ("1 Jan 2020 10:00 BST", None),
            ("1 Jan 2020 10:00 IST", None),
            ("1 Jan 2020 10:00 A", None),
            ("1 Jan 2020 10:00 XYZ", None),
            ("1 Jan 2020 10:00 -0800 (PST)", None),
            ("1 Jan 2020 10:00 +0000 GMT", None),
            ("1 Jan 2020 10:00 +2400", None),
            ("1 Jan 2020 10:00 -2401", None),
            ("1 Jan 2020 10:00 +2359", Some("2020-01-01T10:00:00+23:59")),
        ]);
    }

    #[test]
    fn rfc_822_refused() {
        check(&[
            ("Fri, 31 May 2019 12:17:58 -0700 junk", None),
            ("Fri, 31 Foo 2019 12:17:58 -0700", None),
            ("Fri, 31 May 219 12:17:58 -0700", None),
            ("Fri, 31 May 20190 12:17:58 -0700", None),
            ("Fri, 031 May 2019 12:17:58 -0700", None),
            ("Fri, 31 May 2019 12:17:5 -0700", None),
            ("Fri, 31 May 2019 123:17:58 -0700", None),
            ("Fri, 31 May 2019 12:17:58:00 -0700", None),
            ("Fri, 31 May 2019 12:17:58.5 -0700", None),
            ("Fri, 31 May 2019 GMT", None),
            ("Fri, 31 May", None),
            ("May 2019", None),
            ("Fri,", None),
            (",", None),
            ("July 2", None),
            ("soon", None),
            ("Fri, Sat, 31 May 2019 12:17:58 -0700", None),
        ]);
    }

    #[test]
    fn rfc_822_boundaries() {
        check(&[
            ("31 Jan 2023 10:00 GMT", Some("2023-01-31T10:00:00Z")),
            ("32 Jan 2023 10:00 GMT", None),
            ("0 Jan 2023 10:00 GMT", None),
            ("29 Feb 2024 10:00 GMT", Some("2024-02-29T10:00:00Z")),
            ("29 Feb 2023 10:00 GMT", None),
            ("30 Feb 2024 10:00 GMT", None),
            ("31 Apr 2023 10:00 GMT", None),
            ("1 Jan 2023 23:59:59 GMT", Some("2023-01-01T23:59:59Z")),
            ("1 Jan 2023 24:00:00 GMT", None),
            ("1 Jan 2023 25:00 GMT", None),
            ("1 Jan 2023 10:60 GMT", None),
            ("1 Jan 2023 10:00:60 GMT", None),
        ]);
    }

    #[test]
    fn localized_month_names() {
        check(&[
            (
                "mer, 16 nov 2022 10:00:00 +0100",
                Some("2022-11-16T10:00:00+01:00"),
            ),
            (
                "Seg, 24 Set 2018 19:42:40 -0300",
                Some("2018-09-24T19:42:40-03:00"),
            ),
            (
                "Di, 14 Mär 2023 10:00:00 +0100",
                Some("2023-03-14T10:00:00+01:00"),
            ),
            (
                "Mo., 1 Mai 2023 10:00 +0200",
                Some("2023-05-01T10:00:00+02:00"),
            ),
            ("1 Okt 2023 10:00 +0200", Some("2023-10-01T10:00:00+02:00")),
            ("1 Dez 2023 10:00 +0100", Some("2023-12-01T10:00:00+01:00")),
            ("1 Mrz 2023", Some("2023-03-01")),
            ("1 janv. 2023", Some("2023-01-01")),
            ("1 févr. 2023", Some("2023-02-01")),
            ("1 mars 2023", Some("2023-03-01")),
            ("1 avr. 2023", Some("2023-04-01")),
            ("1 mai 2023", Some("2023-05-01")),
            ("1 juin 2023", Some("2023-06-01")),
            ("1 juil. 2023", Some("2023-07-01")),
            ("1 août 2023", Some("2023-08-01")),
            ("1 sept. 2023", Some("2023-09-01")),
            ("1 oct. 2023", Some("2023-10-01")),
            ("1 nov. 2023", Some("2023-11-01")),
            ("1 déc. 2023", Some("2023-12-01")),
            ("1 DÉC 2023", Some("2023-12-01")),
            (
                "lun, 1 ene 2023 10:00 +0100",
                Some("2023-01-01T10:00:00+01:00"),
            ),
            ("1 abr 2023", Some("2023-04-01")),
            ("1 ago 2023", Some("2023-08-01")),
            ("1 dic 2023", Some("2023-12-01")),
            // `mar` is Spanish for Tuesday and for March; the comma tells them apart.
            ("mar, 1 ago 2023", Some("2023-08-01")),
            ("1 gen 2023", Some("2023-01-01")),
            ("1 mag 2023", Some("2023-05-01")),
            ("1 giu 2023", Some("2023-06-01")),
            ("1 lug 2023", Some("2023-07-01")),
            ("1 ott 2023", Some("2023-10-01")),
            ("1 out 2023", Some("2023-10-01")),
            ("1 fev 2023", Some("2023-02-01")),
            ("1 mrt 2023", Some("2023-03-01")),
            ("1 mei 2023", Some("2023-05-01")),
            ("1 maj 2023", Some("2023-05-01")),
            ("1 September 2023", Some("2023-09-01")),
            ("1 settembre 2023", Some("2023-09-01")),
            ("1 Dezember 2023", Some("2023-12-01")),
            ("Sáb, 1 jul 2023", Some("2023-07-01")),
            // Too short, ambiguous (juin or juillet?) or unknown: no date rather than a wrong one.
            ("1 ju 2023", None),
            ("1 jui 2023", None),
            ("1 stycznia 2023", None),
            ("1 Janx 2023", None),
            ("1 Jan.. 2023", None),
            ("1 J4n 2023", None),
        ]);
    }

    #[test]
    fn us_order_and_java() {
        check(&[
            ("Sat, Dec 16 2023 02:02:33 PM", Some("2023-12-16")),
            (
                "Dec 16 2023 02:02:33 PM EST",
                Some("2023-12-16T14:02:33-05:00"),
            ),
            (
                "Dec 16 2023 12:02:33 PM EST",
                Some("2023-12-16T12:02:33-05:00"),
            ),
            (
                "Dec 16 2023 12:02:33 AM EST",
                Some("2023-12-16T00:02:33-05:00"),
            ),
            ("Dec 16 2023 1:02 am GMT", Some("2023-12-16T01:02:00Z")),
            ("Dec 16 2023 13:02:33 PM EST", None),
            ("Dec 16 2023 00:02:33 AM EST", None),
            ("Dec 16 2023", Some("2023-12-16")),
            ("Mar 16 2022 10:00 GMT", Some("2022-03-16T10:00:00Z")),
            (
                "Tue Jan 28 15:28:56 CET 2020",
                Some("2020-01-28T15:28:56+01:00"),
            ),
            (
                "Jan 28 15:28:56 CET 2020",
                Some("2020-01-28T15:28:56+01:00"),
            ),
            ("Tue Jan 28 15:28:56 GMT 2020", Some("2020-01-28T15:28:56Z")),
            ("Tue Jan 28 15:28:56 BST 2020", None),
            (
                "Tue Jan 30 15:28:56 CET 2020",
                Some("2020-01-30T15:28:56+01:00"),
            ),
            ("Tue Feb 30 15:28:56 CET 2020", None),
            (
                "Tue Jan 28 15:28:56 CET 20",
                Some("2020-01-28T15:28:56+01:00"),
            ),
        ]);
    }

    /// Every distinct form of the date fields in `tests/fixtures/wild` (`pubDate`, `dc:date`,
    /// `updated`, `published`, `lastBuildDate`, `date_published`, `date_modified`,
    /// `datePublished`, `dateModified`, WordPress `date`/`date_gmt`), one real string each.
    #[test]
    fn corpus() {
        check(&[
            // Atom, RSS 1.0, JSON Feed, JSON-LD: RFC 3339 as it is.
            ("2009-04-08T14:25:12Z", Some("2009-04-08T14:25:12Z")),
            (
                "2003-12-13T08:29:29-04:00",
                Some("2003-12-13T08:29:29-04:00"),
            ),
            (
                "2020-01-19T16:01:56+11:00",
                Some("2020-01-19T16:01:56+11:00"),
            ),
            ("2009-08-31T18:55:12.569Z", Some("2009-08-31T18:55:12.569Z")),
            (
                "2016-06-27T07:36:54.007-07:00",
                Some("2016-06-27T07:36:54.007-07:00"),
            ),
            ("2019-10-12T07:20:50.52Z", Some("2019-10-12T07:20:50.52Z")),
            ("2016-09-07T09:53:39.000Z", Some("2016-09-07T09:53:39.000Z")),
            // RSS 1.0 `dc:date`, a bare date.
            ("2023-12-16", Some("2023-12-16")),
            // Atom padded with whitespace (atomcrate-rfc2822-dates-with-whitespace.xml).
            (
                "\n\t\t\tThu, 01 Jun 2017 15:15:44 -0500\n\t\t",
                Some("2017-06-01T15:15:44-05:00"),
            ),
            (
                "  Sat, 03 Jun 2017 15:15:44 -0500  ",
                Some("2017-06-03T15:15:44-05:00"),
            ),
            (
                "Wed, 03 Jan 2018 13:47:00 GMT\r\n      ",
                Some("2018-01-03T13:47:00Z"),
            ),
            // JSON-LD: a space for `T`, no colon in the offset, ISO basic, a zone name.
            (
                "2019-11-20 13:42:06+08:00",
                Some("2019-11-20T13:42:06+08:00"),
            ),
            (
                "2013-12-30T14:42:01-0700",
                Some("2013-12-30T14:42:01-07:00"),
            ),
            ("20180619T055000+0900", Some("2018-06-19T05:50:00+09:00")),
            ("2021-01-03T17:40:00EET", Some("2021-01-03T17:40:00+02:00")),
            ("2021-01-03T16:11:00EET", Some("2021-01-03T16:11:00+02:00")),
            // JSON Feed: no colon in the offset, RFC 2822.
            (
                "2020-01-04T01:00:00+0100",
                Some("2020-01-04T01:00:00+01:00"),
            ),
            (
                "Fri, 31 May 2019 12:17:58 -0700",
                Some("2019-05-31T12:17:58-07:00"),
            ),
            (
                "Tue, 06 Feb 2018 06:34:12 -0700",
                Some("2018-02-06T06:34:12-07:00"),
            ),
            // WordPress `date` (site-local, no zone) and `date_gmt` (UTC, written without
            // one): both read as the calendar date; a Burmese page's `date` with a space.
            ("2016-10-25T18:25:24", Some("2016-10-25")),
            ("2018-10-26 07:32:08", Some("2018-10-26")),
            // RSS `pubDate`/`lastBuildDate`.
            (
                "Wed, 08 Feb 2023 20:34:49 GMT",
                Some("2023-02-08T20:34:49Z"),
            ),
            (
                "Mon, 05 Aug 2019 23:11:09 +0000",
                Some("2019-08-05T23:11:09Z"),
            ),
            (
                "Thu, 13 Aug 2020 06:57:55 -0300",
                Some("2020-08-13T06:57:55-03:00"),
            ),
            (
                "Tue, 02 Mar 2021 23:39:15 +0100",
                Some("2021-03-02T23:39:15+01:00"),
            ),
            (
                "Wed, 01 Feb 2023 05:00:00 -0000",
                Some("2023-02-01T05:00:00Z"),
            ),
            (
                "Fri, 08 Jul 2016 13:40:00 UTC",
                Some("2016-07-08T13:40:00Z"),
            ),
            (
                "Thu, 06 Feb 2020 00:00:00 PST",
                Some("2020-02-06T00:00:00-08:00"),
            ),
            ("Tue, 15 Nov 2022 20:15:04 Z", Some("2022-11-15T20:15:04Z")),
            (
                "Thu, 01 Aug 2019 16:15 EDT",
                Some("2019-08-01T16:15:00-04:00"),
            ),
            (
                "mer, 16 nov 2022 00:38:15 +0100",
                Some("2022-11-16T00:38:15+01:00"),
            ),
            (
                "Seg, 24 Set 2018 19:22:00 -0300",
                Some("2018-09-24T19:22:00-03:00"),
            ),
            // NBC New York: US order, 12-hour clock, no zone: the calendar date.
            ("Sat, Dec 16 2023 02:02:33 PM", Some("2023-12-16")),
            // O'Reilly's RSS 0.92 example (2002): a time without a colon is not RFC 822, and
            // `1500` could as well be a year.
            ("03 Apr 02 1500 GMT", None),
        ]);
    }

    #[test]
    fn no_panics_on_tricky_input() {
        let tricky = [
            "",
            " ",
            "T",
            "-",
            "+",
            ":",
            ",",
            ".",
            "2",
            "2018-01-0",
            "2018-01-06T",
            "2018-01-06T08:0",
            "2018-01-06T08:00:00.",
            "2018-01-06T08:00:00+",
            "2018-01-06T08:00:00+0",
            "2018-01-06T08:00:00+01:",
            "2018-01-06T08:00:00 ",
            "2018-01-06\u{e9}",
            "2018-01-06T08:00:00\u{e9}",
            "2018-01-06T08:00:00+\u{e9}\u{e9}",
            "2018-01-06T08:00:00+01\u{e9}",
            "2018-01-06T08:00:00.\u{e9}",
            "2018-01-06T08:00:00Z\u{1f600}",
            "\u{1f600}2018-01-06",
            "2018\u{2014}01\u{2014}06",
            "\u{0662}\u{0660}\u{0661}\u{0668}-01-06",
            "\u{06f1}\u{06f7} \u{0634}\u{0647}\u{0631}\u{06cc}\u{0648}\u{0631} \u{06f1}\u{06f3}\u{06f9}\u{06f5}",
            "Fri, 31 \u{e9}\u{e9}\u{e9} 2019 12:17:58 -0700",
            "Fri, 31 May 2019 12:\u{e9}7:58 -0700",
            "Fri, 31 May 2019 \u{e9}:17:58 -0700",
            "Fri, 31 May 2019 12:17:58 \u{1f600}",
            "Fri, \u{1f600} May 2019",
            "\u{1f600}, 31 May 2019",
            "\u{130}\u{130}\u{130} 1 2019",
            "31 \u{130}\u{130}\u{130} 2019",
            "99999999999999999999 May 2019",
            "31 May 99999999999999999999",
            "31 May 2019 99999999999999999999:00",
            "2018-01-06T08:00:00.99999999999999999999999999Z",
            "::::",
            "1 Jan 2020 10:00 +",
            "1 Jan 2020 10:00 -",
            "1 Jan 2020 10:00 +01:",
            "1 Jan 2020 : PM",
            "1 Jan 2020 10: PM",
            "Jan 1 : CET 2020",
        ];
        for text in tricky {
            let _ = super::to_contract(text);
            // Every prefix and suffix at a character boundary, too.
            for (at, _) in text.char_indices() {
                let _ = super::to_contract(&text[..at]);
                let _ = super::to_contract(&text[at..]);
            }
        }
        assert_eq!(
            super::to_contract("2018-01-06T08:00:00.99999999999999999999999999Z").as_deref(),
            Some("2018-01-06T08:00:00.99999999999999999999999999Z"),
            "the contract reads any number of digits; the extra ones are dropped there"
        );
    }

    #[test]
    fn every_output_is_the_contract() {
        let inputs = [
            "Fri, 31 May 2019 12:17:58 -0700",
            "20180619T055000+0900",
            "2018-01-06T08:00",
            "Sat, Dec 16 2023 02:02:33 PM",
            "Tue Jan 28 15:28:56 CET 2020",
            "2019-10-12T07:20:50,52Z",
        ];
        for input in inputs {
            let out = super::to_contract(input).unwrap();
            assert!(
                crate::PublishedAt::parse(&out).is_some(),
                "{input:?} -> {out:?}"
            );
        }
    }
}
