//! One component per route.

mod article;
mod embed;
mod feed;
mod not_found;
mod pillar;

pub use article::{ArticlePage, prerendered_article};
pub use embed::EmbedPage;
pub use feed::{FeedPage, prerendered_feed};
pub use not_found::NotFoundPage;
pub use pillar::{PillarPage, prerendered_pillar};

use leptos::prelude::*;

use crate::{router::Router, source::Store};

/// The slug in the page's path.
fn use_slug() -> Memo<String> {
    Router::use_context().slug()
}

/// The absolute URL of an app path, for canonical links.
fn canonical(store: Store, app_path: &str) -> String {
    store
        .config()
        .map(|config| config.canonical(app_path))
        .unwrap_or_else(|_| app_path.to_owned())
}
