//! The prerenderer's only I/O with the backend: blocking HTTP GETs, as the app makes them
//! (the same `Accept`, the same size limit), with the headers that page a list.

use std::{fmt, time::Duration};

use signal_model::{adapt::encoding, api, limits::MAX_DOCUMENT_BYTES};
use ureq::ResponseExt;

/// A document as the backend answered it.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL asked for, which the app asks for too.
    pub requested: String,
    /// Where it came from, after redirects: relative links in it resolve against this.
    pub url: String,
    pub status: u16,
    /// The text, decoded from the encoding it declares (`adapt::encoding`).
    pub text: String,
    pub content_type: Option<String>,
    /// `Link` and `X-WP-TotalPages`, which page a posts API's list.
    pub link: Option<String>,
    pub total_pages: Option<String>,
}

impl Fetched {
    pub fn is_missing(&self) -> bool {
        matches!(self.status, 404 | 410)
    }
}

/// Why a request brought no document.
#[derive(Debug)]
pub struct Fault {
    pub url: String,
    pub reason: String,
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}: {}", self.url, self.reason)
    }
}

/// One HTTP client for the run: connections are kept alive between requests.
#[derive(Clone)]
pub struct Client(ureq::Agent);

impl Client {
    pub fn new(timeout: Duration) -> Self {
        let config = ureq::Agent::config_builder()
            // A 404 or a 500 is an answer the caller reads, not a transport error.
            .http_status_as_error(false)
            .timeout_global(Some(timeout))
            .user_agent(concat!("signal-prerender/", env!("CARGO_PKG_VERSION")))
            .build();
        Self(config.into())
    }

    /// The document at `url`. Any status is an answer; only the transport fails.
    pub fn get(&self, url: &str) -> Result<Fetched, Fault> {
        let fault = |reason: String| Fault {
            url: url.to_owned(),
            reason,
        };
        let mut response = self
            .0
            .get(url)
            .header("Accept", api::ACCEPT)
            .call()
            .map_err(|err| fault(err.to_string()))?;
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let content_type = header("content-type");
        let link = header("link");
        let total_pages = header("x-wp-totalpages");
        let status = response.status().as_u16();
        let final_url = response.get_uri().to_string();
        let bytes = response
            .body_mut()
            .with_config()
            .limit(MAX_DOCUMENT_BYTES as u64)
            .read_to_vec()
            .map_err(|err| match err {
                ureq::Error::BodyExceedsLimit(_) => fault(format!(
                    "the document is larger than the reader reads ({} MiB)",
                    MAX_DOCUMENT_BYTES / (1024 * 1024)
                )),
                err => fault(err.to_string()),
            })?;
        let text = encoding::decode(&bytes, content_type.as_deref().and_then(encoding::charset));
        Ok(Fetched {
            requested: url.to_owned(),
            url: final_url,
            status,
            text,
            content_type,
            link,
            total_pages,
        })
    }
}
