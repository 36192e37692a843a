//! Client-side routing for the reader's three pages, in place of `leptos_router`, which
//! weighed far more than what we use of it (docs/decisions/0001-own-router.md). Paths are matched by [`AppPaths::route_of`] in the model, so the
//! router only listens: to clicks on links to our pages, and to Back and Forward.
//!
//! Only the site uses it. The embed has no router, so it never takes over a partner page's
//! links.

use leptos::{ev, prelude::*};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlAnchorElement, MouseEvent};

use signal_model::{AppPaths, Route};

/// Where the browser is: the path it shows and the page that path names.
#[derive(Clone, Copy)]
pub struct Router {
    pathname: RwSignal<String>,
    route: Memo<Route>,
}

impl Router {
    /// Starts routing for the site deployed under `paths`, and provides the router to the
    /// pages below. It follows links to the routes `handles` accepts; the browser loads the
    /// others.
    pub fn start(paths: AppPaths, handles: fn(&Route) -> bool) -> Self {
        let pathname = RwSignal::new(current_pathname());
        let route = Memo::new({
            let paths = paths.clone();
            move |_| paths.route_of(&pathname.read())
        });
        let router = Self { pathname, route };
        provide_context(router);
        // The app lives as long as the page, so the listeners are never removed.
        let _ = window_event_listener(ev::popstate, move |_| pathname.set(current_pathname()));
        let _ = window_event_listener(ev::click, move |event| {
            if let Some((path, url)) = app_link(&event, &paths, handles) {
                event.prevent_default();
                router.push(path, &url);
            }
        });
        router
    }

    pub fn use_context() -> Self {
        expect_context()
    }

    /// The path the browser shows, decoded as the browser gives it (`/articles/x`).
    pub fn pathname(&self) -> Signal<String> {
        self.pathname.into()
    }

    pub fn route(&self) -> Memo<Route> {
        self.route
    }

    /// The `slug` of an article or pillar page. It keeps its last value while another kind of
    /// page replaces that one, so a page being removed never asks for an empty slug.
    pub fn slug(&self) -> Memo<String> {
        let route = self.route;
        Memo::new(move |previous: Option<&String>| match &*route.read() {
            Route::Article(slug) | Route::Pillar(slug) => slug.clone(),
            _ => previous.cloned().unwrap_or_default(),
        })
    }

    /// A new history entry, as a link followed without reloading. A new page starts at the
    /// top, as after a full load.
    fn push(&self, path: String, url: &str) {
        let window = window();
        if let Ok(history) = window.history()
            && history
                .push_state_with_url(&JsValue::NULL, "", Some(url))
                .is_ok()
        {
            self.pathname.set(path);
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    }
}

fn current_pathname() -> String {
    window().location().pathname().unwrap_or_default()
}

/// The path and URL of the app page a click follows, when it is ours to handle: a plain
/// left click, on a link to one of the pages this build renders, meant for this tab.
/// Anything else (a new tab, a download, another site, a jump within the page, a file such
/// as the embed loader, a page of the whole app from the article page's build) stays with
/// the browser.
fn app_link(
    event: &MouseEvent,
    paths: &AppPaths,
    handles: fn(&Route) -> bool,
) -> Option<(String, String)> {
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.ctrl_key()
        || event.shift_key()
        || event.alt_key()
    {
        return None;
    }
    let anchor: HtmlAnchorElement = event
        .target()?
        .dyn_into::<Element>()
        .ok()?
        .closest("a[href]")
        .ok()??
        .dyn_into()
        .ok()?;
    if anchor.has_attribute("download") || !matches!(anchor.target().as_str(), "" | "_self") {
        return None;
    }
    let location = window().location();
    if anchor.origin() != location.origin().ok()? {
        return None;
    }
    let (path, search, hash) = (anchor.pathname(), anchor.search(), anchor.hash());
    if !hash.is_empty() && path == location.pathname().ok()? && search == location.search().ok()? {
        return None;
    }
    handles(&paths.route_of(&path)).then(|| {
        let url = format!("{path}{search}{hash}");
        (path, url)
    })
}
