//! The reader app: routes inside the site's frame.

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::{
    components::{Route, Router, Routes},
    hooks::use_location,
    path,
};

use crate::{
    components::{PreviousPath, SiteFooter, SiteHeader},
    pages::{ArticlePage, FeedPage, NotFoundPage, PillarPage},
    source::{Config, Store},
};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let config = Config::from_document();
    let paths = config
        .as_ref()
        .map(|c| c.paths().clone())
        .unwrap_or_default();
    provide_context(Store::new(config));
    provide_context(paths.clone());
    provide_context(PreviousPath(RwSignal::new(None)));

    view! {
        <Router base=paths.base().to_owned()>
            <FocusOnNavigate />
            <SiteHeader />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=FeedPage />
                    <Route path=path!("/articles/:slug") view=ArticlePage />
                    <Route path=path!("/pillars/:slug") view=PillarPage />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}

/// After a client-side navigation, moves focus to the new page's content, as a full page
/// load would: keyboard and screen-reader users start reading there, not at a lost link.
/// Also remembers the page before, for the pages' way back.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let pathname = use_location().pathname;
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
