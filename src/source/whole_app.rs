//! Handing the page over to the whole app. The article page's own build (`src/bin/article.rs`)
//! reads only an article document in our own format. An article that needs more (a document in
//! another format, or one that is missing, which the index may still carry) is read by the
//! whole app: this build marks the page's history entry and reloads it, and `public/boot.js`
//! loads the whole app for a marked entry.

use leptos::prelude::window;
use wasm_bindgen::JsValue;

use super::FetchError;

/// The history entry's state that makes `public/boot.js` choose the whole app. The router's
/// own entries carry no state, so no other value is ever there.
const MARK: &str = "signal:whole-app";

/// Reloads the page with the whole app, which then reads the article. Never completes unless
/// the page is already marked, which means that this build was loaded for a marked entry all
/// the same: then it gives `otherwise` rather than reloading again and again.
pub(crate) async fn read<T>(otherwise: FetchError) -> Result<T, FetchError> {
    let history = window().history().ok();
    let marked = history
        .as_ref()
        .and_then(|h| h.state().ok())
        .and_then(|state| state.as_string())
        .is_some_and(|state| state == MARK);
    let reloading = !marked
        && history.is_some_and(|h| h.replace_state(&JsValue::from_str(MARK), "").is_ok())
        && window().location().reload().is_ok();
    if !reloading {
        return Err(otherwise);
    }
    // The page is going away; until it does, the page keeps showing that it is loading.
    std::future::pending().await
}
