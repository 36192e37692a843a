use leptos::prelude::*;

use super::canonical;
use crate::{
    components::{NotFoundPanel, PageMetaTags},
    router::Router,
    source::Store,
};
use signal_model::seo::PageMeta;

/// Any path the app has no route for.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let store = Store::use_context();
    let path = Router::use_context().pathname().get_untracked();
    view! {
        <PageMetaTags meta=PageMeta::not_found(canonical(store, &path)) />
        <NotFoundPanel
            title="Page not found".to_owned()
            message="There is no page at this address. It may have been moved, or the link may be mistyped.".to_owned()
        />
    }
}
