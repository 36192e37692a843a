//! The colour theme: the system's by default, or the reader's remembered choice.
//!
//! `public/boot.js` applies a remembered choice before the first paint (no flash of the
//! wrong theme); this module reads and changes it afterwards. The stylesheet follows
//! `prefers-color-scheme` unless `<html data-theme>` says otherwise.

use leptos::{
    prelude::{document, window},
    wasm_bindgen::{JsCast, closure::Closure},
};
use web_sys::MediaQueryList;

use signal_model::site::THEME_STORAGE_KEY as STORAGE_KEY;
const ATTRIBUTE: &str = "data-theme";
const DARK_QUERY: &str = "(prefers-color-scheme: dark)";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    fn as_str(self) -> &'static str {
        match self {
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }

    pub fn toggled(self) -> Self {
        match self {
            Self::Light => Self::Dark,
            Self::Dark => Self::Light,
        }
    }
}

/// The theme in effect now: the reader's choice, else the system's.
#[cfg(not(target_arch = "wasm32"))]
pub fn current() -> Theme {
    // Natively (the prerenderer) there is no reader yet: the page is written for either theme,
    // and the app sets the toggle's state when it takes the page over.
    Theme::Light
}

/// The theme in effect now: the reader's choice, else the system's.
#[cfg(target_arch = "wasm32")]
pub fn current() -> Theme {
    let chosen = document()
        .document_element()
        .and_then(|html| html.get_attribute(ATTRIBUTE));
    match chosen.as_deref() {
        Some("dark") => Theme::Dark,
        Some("light") => Theme::Light,
        _ if system_prefers_dark() => Theme::Dark,
        _ => Theme::Light,
    }
}

fn dark_query() -> Option<MediaQueryList> {
    window().match_media(DARK_QUERY).ok().flatten()
}

#[cfg(target_arch = "wasm32")]
fn system_prefers_dark() -> bool {
    dark_query().is_some_and(|query| query.matches())
}

/// Calls `on_change` when the system switches between light and dark (which changes the
/// theme in effect while the reader has not chosen one). Stops when the guard is dropped.
pub fn watch_system(on_change: impl Fn() + 'static) -> Option<SystemWatch> {
    // No system to watch natively (the prerenderer).
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    let query = dark_query()?;
    let listener = Closure::<dyn Fn()>::new(on_change);
    query
        .add_event_listener_with_callback("change", listener.as_ref().unchecked_ref())
        .ok()?;
    Some(SystemWatch { query, listener })
}

pub struct SystemWatch {
    query: MediaQueryList,
    listener: Closure<dyn Fn()>,
}

impl Drop for SystemWatch {
    fn drop(&mut self) {
        let _ = self
            .query
            .remove_event_listener_with_callback("change", self.listener.as_ref().unchecked_ref());
    }
}

/// Applies `theme` and remembers it for the next visit.
pub fn choose(theme: Theme) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute(ATTRIBUTE, theme.as_str());
    }
    // Storage can be unavailable (privacy modes, sandboxed embeds): the choice then lasts
    // for this page view only.
    if let Ok(Some(storage)) = window().local_storage() {
        let _ = storage.set_item(STORAGE_KEY, theme.as_str());
    }
}
