use std::fmt;

use crate::model::ContractError;

/// Why a document could not be shown. Each kind gets its own page: a 404 offers a way back,
/// a network or server failure offers Retry, an invalid document says what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    NotFound,
    /// 410: it existed and was taken down on purpose; retrying will not bring it back.
    Gone,
    /// 5xx: worth retrying. `retry_after`: the seconds the server's `Retry-After` asked for.
    Server {
        status: u16,
        retry_after: Option<u64>,
    },
    /// Any other unexpected status (401, 403, 429, …); only 408 and 429 are worth a retry.
    Http {
        status: u16,
        retry_after: Option<u64>,
    },
    /// No response at all: offline, DNS, connection reset.
    Network(String),
    /// The response stopped before its JSON document was complete: `bytes` arrived and the
    /// answer ended there (`Some(0)`: an empty body), or the connection broke while the body
    /// was arriving (`None`).
    Incomplete {
        bytes: Option<usize>,
    },
    /// The server kept redirecting (a loop, or more redirects than the browser follows).
    Redirects,
    /// No complete answer within the request timeout (a stalled server).
    Timeout {
        seconds: u32,
    },
    /// The server answered, but without an `Access-Control-Allow-Origin` header that lets
    /// this site read the answer.
    Cors,
    /// A body that is not JSON, from a server that did not say it was (an HTML error page,
    /// a login page, a wrong address caught by a fallback).
    NotJson {
        content_type: String,
    },
    /// A document past the reader's size limit (`model::limits::MAX_DOCUMENT_BYTES`), refused
    /// before it is read into memory.
    TooLarge,
    /// A response that does not satisfy the JSON contract.
    Invalid(ContractError),
    /// The page's `signal:api-base` cannot be used.
    Config(String),
}

impl FetchError {
    /// Whether trying again may help.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            Self::Server { .. }
                | Self::Network(_)
                | Self::Incomplete { .. }
                | Self::Timeout { .. }
                | Self::Cors
                | Self::Http {
                    status: 408 | 429,
                    ..
                }
        )
    }

    /// The heading for a page that failed to load `what` ("article", "articles").
    pub fn heading(&self, what: &str) -> String {
        match self {
            Self::NotFound => format!("{} not found", capitalised(what)),
            Self::Gone => format!("{} removed", capitalised(what)),
            Self::Invalid(_) | Self::NotJson { .. } | Self::TooLarge => {
                format!("This {what} can't be displayed")
            }
            _ => format!("Couldn't load this {what}"),
        }
    }

    /// The error behind an `ErrorBoundary`, whatever else it caught.
    pub fn from_errors(errors: &leptos::prelude::Errors) -> Self {
        errors
            .iter()
            .find_map(|(_, e)| e.downcast_ref::<Self>().cloned())
            .or_else(|| {
                errors
                    .iter()
                    .next()
                    .map(|(_, e)| Self::Network(e.to_string()))
            })
            .unwrap_or_else(|| Self::Network(String::new()))
    }
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound => f.write_str("Not found."),
            Self::Gone => f.write_str("It has been removed by its publisher."),
            Self::Server {
                status,
                retry_after: None,
            } => {
                write!(
                    f,
                    "The server had a problem (HTTP {status}). Please try again."
                )
            }
            Self::Server {
                status,
                retry_after: Some(seconds),
            } => write!(
                f,
                "The server is unavailable for now (HTTP {status}). It asks to be tried again {}.",
                wait_phrase(*seconds)
            ),
            Self::Http {
                status,
                retry_after: None,
            } => write!(f, "The request was refused (HTTP {status})."),
            Self::Http {
                status,
                retry_after: Some(seconds),
            } => write!(
                f,
                "The request was refused (HTTP {status}). The server asks to be tried again {}.",
                wait_phrase(*seconds)
            ),
            Self::Network(_) => {
                f.write_str("Couldn't reach the server. Check your connection and try again.")
            }
            Self::Incomplete { bytes: None } => f.write_str(
                "The connection broke while the server's answer was arriving, so it is \
                 incomplete. Please try again.",
            ),
            Self::Incomplete { bytes: Some(0) } => f.write_str(
                "The server's answer was empty: no JSON document arrived. Please try again.",
            ),
            Self::Incomplete { bytes: Some(bytes) } => write!(
                f,
                "The server's answer was cut off after {}, before the end of its JSON \
                 document. Please try again.",
                crate::model::text::count(*bytes, "byte", "bytes")
            ),
            Self::Redirects => f.write_str(
                "The server redirected the request in a loop (or too many times), so no \
                 answer arrived. The server's operator needs to fix its redirects.",
            ),
            Self::Timeout { seconds } => write!(
                f,
                "The server did not answer within {seconds} seconds. Please try again."
            ),
            Self::Cors => f.write_str(
                "The server answered, but did not allow this site to read its answer: the \
                 response has no Access-Control-Allow-Origin header for this site. The server's \
                 operator needs to add it.",
            ),
            Self::NotJson { content_type } => write!(
                f,
                "The server sent {} instead of JSON. Check the address in signal:api-base.",
                if content_type.is_empty() {
                    "something else"
                } else {
                    content_type
                }
            ),
            Self::TooLarge => write!(
                f,
                "The document is larger than the {} MB this reader reads.",
                crate::model::limits::MAX_DOCUMENT_BYTES / (1024 * 1024)
            ),
            Self::Invalid(err) => write!(f, "{err}"),
            Self::Config(msg) => write!(f, "The reader is misconfigured: {msg}"),
        }
    }
}

impl std::error::Error for FetchError {}

/// "now", "in 30 seconds", "in 2 minutes" (rounded up), "in 3 hours", "in 2 days" (rounded).
fn wait_phrase(seconds: u64) -> String {
    use crate::model::text::count;
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

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
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

    #[test]
    fn messages_say_what_happened_and_whether_to_retry() {
        let busy = FetchError::Server {
            status: 503,
            retry_after: Some(120),
        };
        assert_eq!(
            busy.to_string(),
            "The server is unavailable for now (HTTP 503). It asks to be tried again in 2 minutes."
        );
        assert!(busy.is_retryable());
        let limited = FetchError::Http {
            status: 429,
            retry_after: Some(5),
        };
        assert!(limited.to_string().ends_with("tried again in 5 seconds."));
        assert!(limited.is_retryable());
        assert!(!FetchError::Gone.is_retryable());
        assert_eq!(FetchError::Gone.heading("article"), "Article removed");
        let cut = FetchError::Incomplete { bytes: Some(10) };
        assert!(cut.is_retryable());
        assert!(cut.to_string().contains("cut off after 10 bytes"));
        let empty = FetchError::Incomplete { bytes: Some(0) };
        assert!(empty.to_string().contains("empty"));
        let broken = FetchError::Incomplete { bytes: None };
        assert!(broken.to_string().contains("connection broke"));
        assert!(!FetchError::Redirects.is_retryable());
        assert_eq!(
            FetchError::Redirects.heading("feed"),
            "Couldn't load this feed"
        );
    }
}
