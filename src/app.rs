//! The reader app: routes inside the site's frame.

use leptos::prelude::*;
use leptos_meta::provide_meta_context;

use crate::{
    components::{PreviousPath, SiteFooter, SiteHeader},
    model::Route,
    pages::{ArticlePage, FeedPage, NotFoundPage, PillarPage},
    router::Router,
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
    let route = Router::start(paths).route();
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
                match route.get_untracked() {
                    Route::Feed => view! { <FeedPage /> }.into_any(),
                    Route::Article(_) => view! { <ArticlePage /> }.into_any(),
                    Route::Pillar(_) => view! { <PillarPage /> }.into_any(),
                    _ => view! { <NotFoundPage /> }.into_any(),
                }
            }}
        </main>
        <SiteFooter />
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
