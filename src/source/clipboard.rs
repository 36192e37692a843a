//! Copying text for the reader (the embed snippets).

use wasm_bindgen_futures::JsFuture;

/// Puts `text` on the clipboard; `false` when the browser refuses (no permission, not a
/// secure context), so the view can ask the reader to copy it themselves.
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.is_ok()
}
