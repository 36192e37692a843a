//! The reader app: routes inside the site's frame. Two builds of it: [`App`], every page
//! (`src/main.rs`), and [`ArticleApp`], the article page alone (`src/bin/article.rs`), which
//! a first visit to an article loads instead: its wasm is smaller, so the headline comes
//! sooner (`docs/performance.md`).

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use wasm_bindgen::JsCast;

use crate::{
    components::{PreviousPath, SiteFooter, SiteHeader},
    pages::{ArticlePage, FeedPage, NotFoundPage, PillarPage},
    router::Router,
    source::{Config, Store},
};
use signal_model::Route;

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
    let route = Router::start(paths, handles).route();
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

/// Removes the site's frame that `index.html` paints while the wasm downloads (the
/// `[data-shell]` elements). The app mounts its own in this same task, so no frame shows both.
pub fn remove_static_frame() {
    let Ok(elements) = leptos::prelude::document().query_selector_all("[data-shell]") else {
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
