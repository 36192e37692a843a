//! The one place that talks to the network.

use gloo_net::http::{Request, Response};
use web_sys::RequestMode;

use super::FetchError;
use crate::model::ContractError;

/// The document types the reader can read, in order of preference.
const ACCEPT: &str =
    "application/json, application/feed+json, application/ld+json;q=0.9, */*;q=0.1";

/// GETs `url` and parses the body with `parse`, mapping every failure to a [`FetchError`].
pub(crate) async fn get<T>(
    url: &str,
    parse: impl FnOnce(&str) -> Result<T, ContractError>,
) -> Result<T, FetchError> {
    let response = match Request::get(url).header("Accept", ACCEPT).send().await {
        Ok(response) => response,
        Err(err) => return Err(unreadable(url, err.to_string()).await),
    };
    match response.status() {
        200..=299 => {}
        404 | 410 => return Err(FetchError::NotFound),
        status @ 500..=599 => return Err(FetchError::Server { status }),
        status => return Err(FetchError::Http { status }),
    }
    let body = response
        .text()
        .await
        .map_err(|e| FetchError::Network(e.to_string()))?;
    // A JSON body is read whatever its Content-Type says; only a body that is not JSON at all
    // is blamed on the type (an HTML error page served with 200).
    parse(&body).map_err(|err| match content_type(&response) {
        Some(kind) if !kind.contains("json") && !is_json(&body) => {
            FetchError::NotJson { content_type: kind }
        }
        _ => FetchError::Invalid(err),
    })
}

/// Why a request got no readable response. The browser reports a CORS refusal and an
/// unreachable server alike; an opaque (`no-cors`) request tells them apart: if the server
/// answers that, it is up and only refused this site.
async fn unreadable(url: &str, detail: String) -> FetchError {
    let answered = Request::get(url)
        .mode(RequestMode::NoCors)
        .send()
        .await
        .is_ok();
    if answered {
        FetchError::Cors
    } else {
        FetchError::Network(detail)
    }
}

/// The media type, without parameters, lower-case.
fn content_type(response: &Response) -> Option<String> {
    let header = response.headers().get("content-type")?;
    let kind = header.split(';').next()?.trim().to_ascii_lowercase();
    Some(kind)
}

fn is_json(body: &str) -> bool {
    serde_json::from_str::<serde::de::IgnoredAny>(body).is_ok()
}
