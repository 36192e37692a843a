//! The one place that talks to the network.

use gloo_net::http::Request;

use super::FetchError;
use crate::model::ContractError;

/// GETs `url` and parses the body with `parse`, mapping every failure to a [`FetchError`].
pub(crate) async fn get<T>(
    url: &str,
    parse: impl FnOnce(&str) -> Result<T, ContractError>,
) -> Result<T, FetchError> {
    let response = Request::get(url)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|e| FetchError::Network(e.to_string()))?;
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
    parse(&body).map_err(FetchError::Invalid)
}
