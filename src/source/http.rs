//! The one place that talks to the network.

use gloo_net::http::{Request, Response};
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use web_sys::{AbortController, RequestInit, RequestMode, RequestRedirect, ResponseType};

use super::FetchError;
use signal_model::{
    adapt::{self, encoding},
    api::ACCEPT,
    limits,
};

/// Aborts a request when its time is up, unless dropped first (the request finished).
struct Deadline {
    controller: AbortController,
    timer: Option<i32>,
    // Kept alive until the timer is cleared.
    _on_timeout: Closure<dyn FnMut()>,
    fired: std::rc::Rc<std::cell::Cell<bool>>,
}

impl Deadline {
    /// Aborts `controller`'s request (a new controller's when `None`) after `seconds`.
    fn new(seconds: u32, controller: Option<AbortController>) -> Option<Self> {
        let controller = controller.or_else(|| AbortController::new().ok())?;
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

/// The response headers that tell where the next page of a list is, for an API whose body
/// does not say (WordPress). A cross-origin API must list them in
/// `Access-Control-Expose-Headers` for the reader to see them (WordPress does).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Paging {
    /// `Link` (RFC 8288), whose `rel="next"` is the next page.
    pub link: Option<String>,
    /// `X-WP-TotalPages`: how many pages the list has.
    pub total_pages: Option<String>,
}

impl Paging {
    fn of(response: &Response) -> Self {
        let headers = response.headers();
        Self {
            link: headers.get("link"),
            total_pages: headers.get("x-wp-totalpages"),
        }
    }
}

/// What `parse` is told about a response besides its body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Fetched {
    /// The URL the body came from, after redirects: what the document's relative links are
    /// relative to.
    pub url: String,
    pub paging: Paging,
}

/// GETs `url` and parses the body with `parse`, which is also told where the body came from
/// and how its list is paged ([`Fetched`]), mapping every failure to a [`FetchError`]. A
/// request that has not finished (body included) after `timeout_seconds` is abandoned.
pub(crate) async fn get<T>(
    url: &str,
    timeout_seconds: u32,
    parse: impl AsyncFnOnce(&str, &Fetched) -> Result<T, FetchError>,
) -> Result<T, FetchError> {
    let preloaded = Preloaded::take(url);
    let deadline = Deadline::new(
        timeout_seconds,
        preloaded.as_ref().map(|p| p.controller.clone()),
    );
    let timed_out = |deadline: &Option<Deadline>| deadline.as_ref().is_some_and(Deadline::fired);
    let (sent, preloaded_body) = match preloaded {
        Some(Preloaded { response, body, .. }) => (Preloaded::response(response).await, Some(body)),
        None => {
            let init = RequestInit::new();
            init.set_signal(deadline.as_ref().map(|d| d.controller.signal()).as_ref());
            let headers = web_sys::Headers::new().ok();
            if let Some(headers) = &headers {
                let _ = headers.append("Accept", ACCEPT);
                init.set_headers(headers);
            }
            let sent = send(url, &init).await;
            (sent, None)
        }
    };
    let response = match sent {
        Ok(response) => response,
        Err(_) if timed_out(&deadline) => {
            return Err(FetchError::Timeout {
                seconds: timeout_seconds,
            });
        }
        Err(err) => return Err(unreadable(url, err).await),
    };
    match response.status() {
        200..=299 => {}
        404 => return Err(FetchError::NotFound),
        410 => return Err(FetchError::Gone),
        status @ 500..=599 => {
            let retry_after = retry_after(&response);
            return Err(FetchError::Server {
                status,
                retry_after,
            });
        }
        status => {
            let retry_after = retry_after(&response);
            return Err(FetchError::Http {
                status,
                retry_after,
            });
        }
    }
    // Past the size limit: refused before the body is downloaded or copied into the wasm.
    if content_length(&response).is_some_and(|bytes| limits::check_size(bytes).is_err()) {
        if let Some(deadline) = &deadline {
            deadline.controller.abort();
        }
        return Err(FetchError::TooLarge);
    }
    let declared_type = content_type(&response);
    let fetched = Fetched {
        url: Some(response.url())
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| url.to_owned()),
        paging: Paging::of(&response),
    };
    let charset = response
        .headers()
        .get("content-type")
        .and_then(|header| encoding::charset(&header).map(str::to_owned));
    let body = match text(response.into(), preloaded_body, charset.as_deref()).await {
        Ok(Some(body)) => body,
        Ok(None) => return Err(FetchError::TooLarge),
        Err(_) if timed_out(&deadline) => {
            return Err(FetchError::Timeout {
                seconds: timeout_seconds,
            });
        }
        // The headers came, then the connection broke: the body is cut off.
        Err(_) => return Err(FetchError::Incomplete { bytes: None }),
    };
    drop(deadline);
    // A JSON body is read whatever its Content-Type says; only a body that is neither JSON nor
    // a feed is blamed on the type (an HTML error page served with 200).
    let err = match parse(&body, &fetched).await {
        Ok(value) => return Ok(value),
        Err(FetchError::Invalid(err)) => err,
        Err(other) => return Err(other),
    };
    Err(match declared_type {
        Some(kind) if !kind.contains("json") && !is_json(&body) && !is_feed(&body) => {
            FetchError::NotJson { content_type: kind }
        }
        // White space only counts as empty.
        _ if is_incomplete(&body) => FetchError::Incomplete {
            bytes: Some(if body.trim().is_empty() {
                0
            } else {
                body.len()
            }),
        },
        _ => FetchError::Invalid(err),
    })
}

/// The request `public/boot.js` started for the page's document before the wasm was
/// running (same URL, same Accept header).
struct Preloaded {
    response: js_sys::Promise,
    /// The body's bytes (an `ArrayBuffer`), read as soon as the response came (null when it
    /// was not a success).
    body: js_sys::Promise,
    controller: AbortController,
}

impl Preloaded {
    const GLOBAL: &str = "__signalPreload";

    /// The preloaded request for `url`, once: a Retry makes a new request.
    fn take(url: &str) -> Option<Self> {
        let window = web_sys::window()?;
        let key = JsValue::from_str(Self::GLOBAL);
        let entry = js_sys::Reflect::get(&window, &key)
            .ok()
            .filter(JsValue::is_object)?;
        let field = |name: &str| js_sys::Reflect::get(&entry, &JsValue::from_str(name)).ok();
        if field("url")?.as_string()? != url {
            return None;
        }
        let _ = js_sys::Reflect::delete_property(&window, &key);
        Some(Self {
            response: field("response")?.dyn_into().ok()?,
            body: field("body")?.dyn_into().ok()?,
            controller: field("controller")?.dyn_into().ok()?,
        })
    }

    async fn response(response: js_sys::Promise) -> Result<Response, String> {
        match wasm_bindgen_futures::JsFuture::from(response).await {
            Ok(response) => Ok(Response::from(
                response.unchecked_into::<web_sys::Response>(),
            )),
            Err(err) => Err(err
                .dyn_ref::<js_sys::Error>()
                .map_or_else(|| "the request failed".to_owned(), |e| e.message().into())),
        }
    }
}

/// A GET of `url` exactly as written. (gloo-net's request builder rewrites a URL that has a
/// query, appending `&`: a WordPress or Ghost API's next page, `…&page=2&`.)
async fn send(url: &str, init: &RequestInit) -> Result<Response, String> {
    let request = web_sys::Request::new_with_str_and_init(url, init).map_err(|err| {
        js_sys::Error::from(err)
            .message()
            .as_string()
            .unwrap_or_default()
    })?;
    Request::from(request)
        .send()
        .await
        .map_err(|err| err.to_string())
}

/// Why a request got no readable response. The browser reports a CORS refusal and an
/// unreachable server alike; an opaque (`no-cors`) request tells them apart: if the server
/// answers that, it is up and only refused this site.
async fn unreadable(url: &str, detail: String) -> FetchError {
    let init = RequestInit::new();
    init.set_mode(RequestMode::NoCors);
    let answered = send(url, &init).await.is_ok();
    if answered {
        return FetchError::Cors;
    }
    // A redirect loop fails both ways; a request that does not follow redirects sees the
    // first one.
    let init = RequestInit::new();
    init.set_redirect(RequestRedirect::Manual);
    let redirected = send(url, &init)
        .await
        .is_ok_and(|r| r.type_() == ResponseType::Opaqueredirect);
    if redirected {
        FetchError::Redirects
    } else {
        FetchError::Network(detail)
    }
}

/// What `Retry-After` asks for, if the server sent it and let this site read it (a
/// cross-origin API must list it in `Access-Control-Expose-Headers`).
fn retry_after(response: &Response) -> Option<u64> {
    let value = response.headers().get("retry-after")?;
    let now = (js_sys::Date::now() / 1000.0) as i64;
    signal_model::retry::retry_after_seconds(&value, now)
}

/// Whether `body` is the start of a JSON document that stops too early (or nothing at all),
/// rather than a whole document that is wrong.
fn is_incomplete(body: &str) -> bool {
    serde_json::from_str::<serde::de::IgnoredAny>(body).is_err_and(|err| err.is_eof())
}

/// The body as text, or `None` when it is past the size limit (checked on its bytes, before
/// they are decoded or copied into the wasm). `preloaded` is the body `public/boot.js` already
/// read, if any (the response's own body is then used up). Decoded by [`decode`].
async fn text(
    response: web_sys::Response,
    preloaded: Option<js_sys::Promise>,
    charset: Option<&str>,
) -> Result<Option<String>, JsValue> {
    let read = match preloaded {
        Some(body) => wasm_bindgen_futures::JsFuture::from(body).await?,
        None => JsValue::NULL,
    };
    let bytes = if read.is_instance_of::<js_sys::ArrayBuffer>() {
        read
    } else {
        wasm_bindgen_futures::JsFuture::from(response.array_buffer()?).await?
    };
    let bytes: js_sys::ArrayBuffer = bytes.unchecked_into();
    if limits::check_size(bytes.byte_length() as usize).is_err() {
        return Ok(None);
    }
    decode(&bytes, charset).map(Some)
}

/// A body's bytes as text, in the encoding [`encoding::candidates`] names (JSON: UTF-8; a feed:
/// its byte order mark, its XML declaration, the `charset` the server sent, else UTF-8 or, for
/// bytes that are not, windows-1252), decoded by the browser's `TextDecoder`. Only the start
/// is copied into the wasm, to read the declaration.
pub fn decode(bytes: &js_sys::ArrayBuffer, charset: Option<&str>) -> Result<String, JsValue> {
    let head = js_sys::Uint8Array::new_with_byte_offset_and_length(
        bytes,
        0,
        bytes.byte_length().min(encoding::HEAD_BYTES as u32),
    )
    .to_vec();
    let decoder = |label: &str, fatal: bool| {
        let options = web_sys::TextDecoderOptions::new();
        options.set_fatal(fatal);
        web_sys::TextDecoder::new_with_label_and_options(label, &options)
    };
    // The first label `TextDecoder` knows (an unknown one throws).
    let declared = encoding::candidates(&head, charset)
        .into_iter()
        .find_map(|label| decoder(label, false).ok());
    match declared {
        Some(decoder) => decoder.decode_with_buffer_source(bytes),
        // Nothing declared: UTF-8 if the bytes are, else windows-1252.
        None => decoder("utf-8", true)?
            .decode_with_buffer_source(bytes)
            .or_else(|_| decoder("windows-1252", false)?.decode_with_buffer_source(bytes)),
    }
}

/// The `Content-Length` the server declared, if any (the encoded size: a compressed body
/// may still be too large once decoded, which [`text`] catches).
fn content_length(response: &Response) -> Option<usize> {
    response
        .headers()
        .get("content-length")?
        .trim()
        .parse()
        .ok()
}

/// The media type, without parameters, lower-case.
fn content_type(response: &Response) -> Option<String> {
    let header = response.headers().get("content-type")?;
    let kind = header.split(';').next()?.trim().to_ascii_lowercase();
    Some(kind)
}

/// Whether the body is an RSS or Atom feed (by its root element).
fn is_feed(body: &str) -> bool {
    matches!(
        adapt::reading(body),
        Ok(adapt::Reading::Foreign(
            adapt::Format::Rss | adapt::Format::Atom
        ))
    )
}

fn is_json(body: &str) -> bool {
    serde_json::from_str::<serde::de::IgnoredAny>(body).is_ok()
}
