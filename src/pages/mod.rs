//! One component per route.

mod article;
mod embed;
mod feed;
mod not_found;
mod pillar;

pub use article::ArticlePage;
pub use embed::EmbedPage;
pub use feed::FeedPage;
pub use not_found::NotFoundPage;
pub use pillar::PillarPage;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::source::Store;

/// The `:slug` route parameter.
fn use_slug() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("slug").unwrap_or_default())
}

/// The absolute URL of an app path, for canonical links.
fn canonical(store: Store, app_path: &str) -> String {
    store
        .config()
        .map(|config| config.canonical(app_path))
        .unwrap_or_else(|_| app_path.to_owned())
}
