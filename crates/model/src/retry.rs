//! When a server asks to be tried again: its `Retry-After` header read (RFC 9110 §10.2.3),
//! and the wait put in words for the error message.

/// "now", "in 30 seconds", "in 2 minutes" (rounded up), "in 3 hours", "in 2 days" (rounded).
pub fn wait_phrase(seconds: u64) -> String {
    use super::text::count;
    let units = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    let round = |unit: u64| (seconds / unit + u64::from(seconds % unit >= unit / 2)).max(1);
    let minutes = seconds.div_ceil(60);
    let hours = round(3_600);
    match seconds {
        0 => "now".to_owned(),
        1..60 => format!("in {}", count(units(seconds), "second", "seconds")),
        _ if minutes < 60 => format!("in {}", count(units(minutes), "minute", "minutes")),
        _ if hours < 24 => format!("in {}", count(units(hours), "hour", "hours")),
        _ => format!("in {}", count(units(round(86_400)), "day", "days")),
    }
}

/// The delay a `Retry-After` header asks for, in seconds from `now` (Unix seconds): either
/// delay-seconds (`120`) or an HTTP-date (`Wed, 21 Oct 2015 07:28:00 GMT`, and the two
/// obsolete forms RFC 9110 still requires recipients to accept). A date in the past is
/// "now" (0); anything else unreadable is `None`.
pub fn retry_after_seconds(value: &str, now: i64) -> Option<u64> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // A huge number is still "later": saturate instead of failing.
        return Some(value.parse().unwrap_or(u64::MAX));
    }
    let at = http_date(value)?;
    Some(u64::try_from(at.saturating_sub(now)).unwrap_or(0))
}

/// An HTTP-date (RFC 9110 §5.6.7) as Unix seconds: IMF-fixdate, RFC 850 or asctime.
fn http_date(value: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = |name: &str| MONTHS.iter().position(|m| *m == name).map(|i| i + 1);
    let clock = |hms: &str| -> Option<(u8, u8, u8)> {
        let mut parts = hms
            .split(':')
            .map(|p| (p.len() == 2).then(|| p.parse::<u8>().ok()).flatten());
        let (h, m, s) = (parts.next()??, parts.next()??, parts.next()??);
        (parts.next().is_none() && h < 24 && m < 60 && s < 61).then_some((h, m, s))
    };
    let fields: Vec<&str> = value.split_ascii_whitespace().collect();
    let (year, month, day, time) = match fields.as_slice() {
        // Sun, 06 Nov 1994 08:49:37 GMT
        [weekday, day, mon, year, time, "GMT"] if weekday.ends_with(',') && year.len() == 4 => (
            year.parse::<i32>().ok()?,
            month(mon)?,
            day.parse::<u8>().ok()?,
            *time,
        ),
        // Sunday, 06-Nov-94 08:49:37 GMT (a two-digit year: the closest century, per RFC 9110
        // "more than 50 years in the future" rule, simplified to 1950–2049).
        [weekday, date, time, "GMT"] if weekday.ends_with(',') => {
            let mut parts = date.split('-');
            let (day, mon, yy) = (parts.next()?, parts.next()?, parts.next()?);
            let yy = (yy.len() == 2).then(|| yy.parse::<i32>().ok()).flatten()?;
            let year = if yy < 50 { 2000 + yy } else { 1900 + yy };
            (year, month(mon)?, day.parse::<u8>().ok()?, *time)
        }
        // Sun Nov  6 08:49:37 1994
        [_, mon, day, time, year] if year.len() == 4 => (
            year.parse::<i32>().ok()?,
            month(mon)?,
            day.parse::<u8>().ok()?,
            *time,
        ),
        _ => return None,
    };
    let (h, m, s) = clock(time)?;
    let month = time::Month::try_from(u8::try_from(month).ok()?).ok()?;
    let date = time::Date::from_calendar_date(year, month, day).ok()?;
    // Julian day 2440588 is 1970-01-01.
    let days = i64::from(date.to_julian_day() - 2_440_588);
    Some(days * 86_400 + i64::from(h) * 3_600 + i64::from(m) * 60 + i64::from(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2015-10-21T07:28:00Z
    const NOW: i64 = 1_445_412_480;

    #[test]
    fn retry_after_delay_seconds() {
        assert_eq!(retry_after_seconds("120", NOW), Some(120));
        assert_eq!(retry_after_seconds(" 0 ", NOW), Some(0));
        assert_eq!(
            retry_after_seconds("99999999999999999999999", NOW),
            Some(u64::MAX)
        );
        for bad in ["", "-5", "1.5", "soon", "12 s", "+3"] {
            assert_eq!(retry_after_seconds(bad, NOW), None, "{bad:?}");
        }
    }

    #[test]
    fn retry_after_http_dates() {
        assert_eq!(
            retry_after_seconds("Wed, 21 Oct 2015 07:30:00 GMT", NOW),
            Some(120)
        );
        assert_eq!(
            retry_after_seconds("Wednesday, 21-Oct-15 08:28:00 GMT", NOW),
            Some(3_600)
        );
        assert_eq!(
            retry_after_seconds("Wed Oct 21 07:28:30 2015", NOW),
            Some(30)
        );
        assert_eq!(
            retry_after_seconds("Thu, 22 Oct 2015 07:28:00 GMT", NOW),
            Some(86_400)
        );
        // In the past: now.
        assert_eq!(
            retry_after_seconds("Sun, 06 Nov 1994 08:49:37 GMT", NOW),
            Some(0)
        );
        for bad in [
            "Wed, 21 Oct 2015 07:30:00 UTC",
            "Wed, 31 Feb 2015 07:30:00 GMT",
            "Wed, 21 Foo 2015 07:30:00 GMT",
            "Wed, 21 Oct 2015 25:30:00 GMT",
            "Wed, 21 Oct 2015 7:30:00 GMT",
            "2015-10-21T07:30:00Z",
        ] {
            assert_eq!(retry_after_seconds(bad, NOW), None, "{bad:?}");
        }
    }

    #[test]
    fn waits_read_naturally() {
        assert_eq!(wait_phrase(0), "now");
        assert_eq!(wait_phrase(1), "in 1 second");
        assert_eq!(wait_phrase(30), "in 30 seconds");
        assert_eq!(wait_phrase(61), "in 2 minutes");
        assert_eq!(wait_phrase(3_540), "in 59 minutes");
        // A date an hour ahead, read a moment later.
        assert_eq!(wait_phrase(3_599), "in 1 hour");
        assert_eq!(wait_phrase(3_600), "in 1 hour");
        assert_eq!(wait_phrase(5_400), "in 2 hours");
        assert_eq!(wait_phrase(86_399), "in 1 day");
        assert_eq!(wait_phrase(172_800), "in 2 days");
        assert_eq!(
            wait_phrase(u64::MAX),
            format!("in {} days", u64::MAX / 86_400)
        );
    }
}
