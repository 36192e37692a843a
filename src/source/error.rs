use std::fmt;

use crate::model::ContractError;

/// Why a document could not be shown. Each kind gets its own page: a 404 offers a way back,
/// a network or server failure offers Retry, an invalid document says what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    NotFound,
    /// 5xx: worth retrying.
    Server {
        status: u16,
    },
    /// Any other unexpected status (401, 403, 429, …); only 408 and 429 are worth a retry.
    Http {
        status: u16,
    },
    /// No response at all: offline, DNS, connection reset.
    Network(String),
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
                | Self::Timeout { .. }
                | Self::Cors
                | Self::Http { status: 408 | 429 }
        )
    }

    /// The heading for a page that failed to load `what` ("article", "articles").
    pub fn heading(&self, what: &str) -> String {
        match self {
            Self::NotFound => format!("{} not found", capitalised(what)),
            Self::Invalid(_) | Self::NotJson { .. } => format!("This {what} can't be displayed"),
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
            Self::Server { status } => {
                write!(
                    f,
                    "The server had a problem (HTTP {status}). Please try again."
                )
            }
            Self::Http { status } => write!(f, "The request was refused (HTTP {status})."),
            Self::Network(_) => {
                f.write_str("Couldn't reach the server. Check your connection and try again.")
            }
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
            Self::Invalid(err) => write!(f, "{err}"),
            Self::Config(msg) => write!(f, "The reader is misconfigured: {msg}"),
        }
    }
}

impl std::error::Error for FetchError {}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
