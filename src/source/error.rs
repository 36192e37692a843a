use std::fmt;

use signal_model::{ContractError, retry};

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
    /// The document is in another format (JSON Feed, JSON-LD) and the reader's module for it
    /// could not be loaded or gave no answer (`source::formats`), with the browser's reason.
    Adapter(String),
}

impl FetchError {
    /// Whether trying again may help.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            Self::Server { .. }
                | Self::Network(_)
                | Self::Adapter(_)
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
                retry::wait_phrase(*seconds)
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
                retry::wait_phrase(*seconds)
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
                signal_model::text::count(*bytes, "byte", "bytes")
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
                signal_model::limits::MAX_DOCUMENT_BYTES / (1024 * 1024)
            ),
            Self::Invalid(err) => write!(f, "{err}"),
            Self::Config(msg) => write!(f, "The reader is misconfigured: {msg}"),
            Self::Adapter(_) => f.write_str(
                "This document is in another format (a JSON Feed, JSON-LD, RSS, Atom, WordPress or \
                 Ghost), and the part of the reader that reads those formats couldn't be loaded. \
                 Check your connection and try again.",
            ),
        }
    }
}

impl std::error::Error for FetchError {}

/// A document that is not a valid one: the contract's own error, or an adapter's.
impl From<ContractError> for FetchError {
    fn from(err: ContractError) -> Self {
        Self::Invalid(err)
    }
}

/// `what` is one of our own ASCII words: ASCII case keeps the standard library's Unicode
/// case tables out of the wasm (docs/performance.md).
fn capitalised(word: &str) -> String {
    let mut word = word.to_owned();
    if let Some(first) = word.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let adapter = FetchError::Adapter("import failed".into());
        assert!(adapter.is_retryable());
        assert!(adapter.to_string().contains("in another format"));
        assert_eq!(
            FetchError::Redirects.heading("feed"),
            "Couldn't load this feed"
        );
    }
}
