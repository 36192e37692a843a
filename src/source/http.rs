//! The one place that talks to the network.

use gloo_net::http::{Request, Response};
use wasm_bindgen::{JsCast, closure::Closure};
use web_sys::{AbortController, RequestMode};

use super::FetchError;
use crate::model::ContractError;

/// The document types the reader can read, in order of preference.
const ACCEPT: &str =
    "application/json, application/feed+json, application/ld+json;q=0.9, */*;q=0.1";

/// Aborts a request when its time is up, unless dropped first (the request finished).
struct Deadline {
    controller: AbortController,
    timer: Option<i32>,
    // Kept alive until the timer is cleared.
    _on_timeout: Closure<dyn FnMut()>,
    fired: std::rc::Rc<std::cell::Cell<bool>>,
}

impl Deadline {
    fn new(seconds: u32) -> Option<Self> {
        let controller = AbortController::new().ok()?;
        let fired = std::rc::Rc::new(std::cell::Cell::new(false));
        let on_timeout = {
            let controller = controller.clone();
            let fired = fired.clone();
            Closure::<dyn FnMut()>::new(move || {
                fired.set(true);
                controller.abort();
            })
        };
        let timer = web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.as_ref().unchecked_ref(),
                i32::try_from(seconds.saturating_mul(1000)).unwrap_or(i32::MAX),
            )
            .ok();
        Some(Self {
            controller,
            timer,
            _on_timeout: on_timeout,
            fired,
        })
    }

    fn fired(&self) -> bool {
        self.fired.get()
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let (Some(timer), Some(window)) = (self.timer, web_sys::window()) {
            window.clear_timeout_with_handle(timer);
        }
    }
}

/// GETs `url` and parses the body with `parse`, mapping every failure to a [`FetchError`].
/// A request that has not finished (body included) after `timeout_seconds` is abandoned.
pub(crate) async fn get<T>(
    url: &str,
    timeout_seconds: u32,
    parse: impl FnOnce(&str) -> Result<T, ContractError>,
) -> Result<T, FetchError> {
    let deadline = Deadline::new(timeout_seconds);
    let signal = deadline.as_ref().map(|d| d.controller.signal());
    let timed_out = |deadline: &Option<Deadline>| deadline.as_ref().is_some_and(Deadline::fired);
    let sent = Request::get(url)
        .header("Accept", ACCEPT)
        .abort_signal(signal.as_ref())
        .send()
        .await;
    let response = match sent {
        Ok(response) => response,
        Err(_) if timed_out(&deadline) => {
            return Err(FetchError::Timeout {
                seconds: timeout_seconds,
            });
        }
        Err(err) => return Err(unreadable(url, err.to_string()).await),
    };
    match response.status() {
        200..=299 => {}
        404 | 410 => return Err(FetchError::NotFound),
        status @ 500..=599 => return Err(FetchError::Server { status }),
        status => return Err(FetchError::Http { status }),
    }
    let body = match response.text().await {
        Ok(body) => body,
        Err(_) if timed_out(&deadline) => {
            return Err(FetchError::Timeout {
                seconds: timeout_seconds,
            });
        }
        Err(err) => return Err(FetchError::Network(err.to_string())),
    };
    drop(deadline);
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
