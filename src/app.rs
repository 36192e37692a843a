//! The reader app: routes inside the site's frame. Two builds of it: [`App`], every page
//! (`src/main.rs`), and [`ArticleApp`], the article page alone (`src/bin/article.rs`), which
//! a first visit to an article loads instead: its wasm is smaller, so the headline comes
//! sooner (`docs/performance.md`).

use std::time::Duration;

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use wasm_bindgen::JsCast;

use crate::{
    components::{PagePath, PageSettled, PreviousPath, SiteFooter, SiteHeader},
    pages::{ArticlePage, FeedPage, NotFoundPage, PillarPage},
    router::Router,
    source::{Config, Store},
};
use signal_model::Route;

/// The `<meta>` of a prerendered page (`crates/prerender`): its `content` is the path of the
/// page it shows. The page's other prerendered `<head>` entries carry [`PRERENDERED_ATTRIBUTE`].
pub const PRERENDERED_META: &str = "signal:prerendered";
/// Marks the `<head>` entries the prerenderer wrote, which the app replaces with its own.
pub const PRERENDERED_ATTRIBUTE: &str = "data-prerendered";

/// Every page: what a visit that starts anywhere but an article loads.
#[component]
pub fn App() -> impl IntoView {
    let pages = |route: &Route| match route {
        Route::Feed => view! { <FeedPage /> }.into_any(),
        Route::Article(_) => view! { <ArticlePage /> }.into_any(),
        Route::Pillar(_) => view! { <PillarPage /> }.into_any(),
        _ => view! { <NotFoundPage /> }.into_any(),
    };
    site(pages, Store::new, |route| {
        matches!(route, Route::Feed | Route::Article(_) | Route::Pillar(_))
    })
}

/// The article page alone. Its links to the feed and to pillar pages are left to the browser,
/// which loads them with [`App`] (`public/boot.js` chooses the module by the path). It reads
/// only an article's own document in our format; for anything else it hands the page over to
/// [`App`] (`source::whole_app`).
#[component]
pub fn ArticleApp() -> impl IntoView {
    let pages = |route: &Route| match route {
        Route::Article(_) => view! { <ArticlePage /> }.into_any(),
        Route::Feed | Route::Pillar(_) => view! { <ReloadWithWholeApp /> }.into_any(),
        _ => view! { <NotFoundPage /> }.into_any(),
    };
    site(pages, Store::article_only, |route| {
        matches!(route, Route::Article(_))
    })
}

/// A safety net of the article page's build: it never navigates to the feed or a pillar page
/// itself (the browser loads them), so only a history entry it did not make leads here. A
/// reload gets the module that has them (boot.js chooses the whole app for their paths); it
/// runs as an effect, after the render, which stays free of side effects.
#[component]
fn ReloadWithWholeApp() -> impl IntoView {
    Effect::new(|_| {
        let _ = window().location().reload();
    });
}

/// The site's frame around the page for the current route. `store` makes this build's data
/// source; `handles` names the routes whose links this build follows itself; a click on any
/// other link is left to the browser.
fn site(
    pages: fn(&Route) -> AnyView,
    store: fn(Result<Config, String>) -> Store,
    handles: fn(&Route) -> bool,
) -> impl IntoView {
    provide_meta_context();
    let config = Config::from_document();
    let paths = config
        .as_ref()
        .map(|c| c.paths().clone())
        .unwrap_or_default();
    provide_context(store(config));
    provide_context(paths.clone());
    provide_context(PreviousPath(RwSignal::new(None)));
    let router = Router::start(paths, handles);
    provide_context(PagePath(router.pathname()));
    let route = router.route();
    // Rebuilt when the kind of page changes; between two articles (or two pillars) the page
    // stays and follows its slug.
    let kind = Memo::new(move |_| std::mem::discriminant(&*route.read()));

    view! {
        <FocusOnNavigate />
        <SiteHeader />
        <main id="main" tabindex="-1">
            {move || {
                // Read, not just tracked: an unread memo is never computed, so never changes.
                let _ = kind.get();
                pages(&route.read_untracked())
            }}
        </main>
        <SiteFooter />
    }
}

/// Starts the site: mounted at once on the page `index.html` paints while the wasm
/// downloads; on a prerendered page of the same address, made off the page first and put in
/// the prerendered page's place only once its own page has settled (its content, an error or
/// a "not found"), in one task: the reader sees no placeholder, no flash and no shift
/// (docs/decisions/0023-prerendered-pages.md).
pub fn start<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    let prerendered = prerendered_path()
        .zip(Config::from_document().ok())
        .is_some_and(|(path, config)| {
            let here = window().location().pathname().unwrap_or_default();
            let paths = config.paths();
            paths.route_of(&path) == paths.route_of(&here)
        });
    if !prerendered {
        // No prerendered page, or one of another address (a host's fallback for unknown paths
        // may serve the feed's): the app shows this address's page from its first frame.
        remove_static_frame();
        leptos::mount::mount_to_body(app);
        return;
    }
    // The prerendered page is on screen, or about to be: the app's work waits until it has
    // been painted, so that it never delays that paint, nor replaces it as the page's largest.
    if has_painted() {
        take_over_when_settled(app);
    } else {
        request_animation_frame(move || {
            set_timeout(move || take_over_when_settled(app), Duration::ZERO);
        });
    }
}

/// Calls `then` once the browser has reported the page's first paint, or after `frames` frames
/// (a browser without paint timing). Its timing is known a little after the paint itself;
/// elements removed before then are not counted as painted (Chromium's largest contentful
/// paint would then be the app's copy of the headline).
fn when_painted(frames: u32, then: impl FnOnce() + 'static) {
    if frames == 0 || has_painted() {
        then();
    } else {
        request_animation_frame(move || when_painted(frames - 1, then));
    }
}

/// Whether the browser has reported the page's first paint.
fn has_painted() -> bool {
    window()
        .performance()
        .is_some_and(|p| p.get_entries_by_type("paint").length() > 0)
}

/// Mounts the app off-page, and puts it in the prerendered page's place once its page has
/// settled.
fn take_over_when_settled<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    let container: web_sys::HtmlElement = document()
        .create_element("div")
        .expect("a document makes elements")
        .unchecked_into();
    let settled = RwSignal::new(false);
    let off_page = container.clone();
    let mounted = leptos::mount::mount_to(container, move || {
        provide_context(PageSettled(settled));
        let view = app();
        Effect::new(move |done: Option<bool>| {
            if done != Some(true) && settled.get() {
                let off_page = off_page.clone();
                when_painted(30, move || take_over(&off_page));
                return true;
            }
            done.unwrap_or(false)
        });
        view
    });
    // Mounted for the life of the page.
    std::mem::forget(mounted);
}

/// The path the page was prerendered for, if it was.
fn prerendered_path() -> Option<String> {
    document()
        .query_selector(&format!(r#"meta[name="{PRERENDERED_META}"]"#))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
}

/// Puts the app's elements, made in `container`, in place of the prerendered ones, keeping
/// the keyboard focus on the same element.
fn take_over(container: &web_sys::HtmlElement) {
    let document = document();
    let Some(body) = document.body() else {
        return;
    };
    let focused = focus_index(&document);
    let first = document.query_selector("[data-shell]").ok().flatten();
    while let Some(child) = container.first_child() {
        let _ = body.insert_before(&child, first.as_ref().map(|e| e.as_ref()));
    }
    remove_static_frame();
    if let Some(index) = focused
        && let Some(element) = focusable(&document).get(index)
    {
        let _ = element.focus();
    }
}

/// The elements that take focus, in document order.
fn focusable(document: &web_sys::Document) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = document.query_selector_all("body a[href], body button, body summary") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// Where the focused element is among [`focusable`], when it is one.
fn focus_index(document: &web_sys::Document) -> Option<usize> {
    let active = document.active_element()?;
    focusable(document)
        .iter()
        .position(|element| active.is_same_node(Some(element)))
}

/// Removes the site's frame that `index.html` paints while the wasm downloads (the
/// `[data-shell]` elements), or a prerendered page's, with the prerendered `<head>` entries
/// (the title stays: the app's sets its text). The app mounts its own in this same task, so
/// no frame shows both.
pub fn remove_static_frame() {
    let selector = format!("[data-shell], head [{PRERENDERED_ATTRIBUTE}]:not(title)");
    let Ok(elements) = leptos::prelude::document().query_selector_all(&selector) else {
        return;
    };
    for index in 0..elements.length() {
        if let Some(element) = elements
            .item(index)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            element.remove();
        }
    }
}

/// The site's frame around the page at `path`, as the prerenderer writes it
/// (`crates/prerender`): the markup of [`App`]'s, marked as the static frame that the app
/// replaces, with the contexts its components read.
pub fn prerendered_site(
    config: Config,
    path: String,
    page: impl FnOnce() -> AnyView,
) -> impl IntoView {
    provide_context(config.paths().clone());
    provide_context(PagePath(Signal::stored(path)));
    provide_context(Store::new(Ok(config)));
    let page = page();
    view! {
        <SiteHeader attr:data-shell="" />
        <main id="main" tabindex="-1" data-shell="">
            {page}
        </main>
        <SiteFooter attr:data-shell="" />
    }
}

/// After a client-side navigation, moves focus to the new page's content, as a full page
/// load would: keyboard and screen-reader users start reading there, not at a lost link.
/// Also remembers the page before, for the pages' way back.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let pathname = Router::use_context().pathname();
    let previous_path = use_context::<PreviousPath>();
    Effect::new(move |previous: Option<String>| {
        let path = pathname.get();
        if let Some(before) = previous.filter(|p| *p != path) {
            crate::components::focus_main();
            if let Some(PreviousPath(signal)) = previous_path {
                signal.set(Some(before));
            }
        }
        path
    });
}
