use leptos::prelude::*;

use super::{Byline, Dateline, Kicker, PublisherLine, UpdatedLine};
use signal_model::{Author, Language, PublishedAt, Publisher};

/// Kicker, headline (the page's only `<h1>`), byline, dateline (with the update, if any),
/// publisher line and reading time. `pending`: the rest of the article is on its way (the
/// header comes from a feed card), so placeholders hold the lines still to come.
#[component]
pub fn ArticleHeader(
    kicker: Option<String>,
    headline: String,
    published_at: Option<PublishedAt>,
    #[prop(optional_no_strip)] publisher: Option<Publisher>,
    #[prop(optional_no_strip)] status_label: Option<String>,
    #[prop(optional_no_strip)] reading_time: Option<String>,
    #[prop(optional)] authors: Vec<Author>,
    /// `updated_at` when it is to be shown (`Article::shown_update`).
    #[prop(optional_no_strip)]
    updated: Option<PublishedAt>,
    #[prop(optional_no_strip)] language: Option<Language>,
    #[prop(optional)] pending: bool,
) -> impl IntoView {
    let placeholders = pending.then(|| {
        view! {
            <span class="skeleton skeleton-header-meta" aria-hidden="true">
                <span class="skeleton-line skeleton-meta"></span>
                <span class="skeleton-line skeleton-meta skeleton-short"></span>
            </span>
        }
    });
    let updated = updated.map(|updated_at| {
        let language = language.clone();
        view! { " · " <UpdatedLine updated_at language /> }
    });
    view! {
        <header class="article-header">
            {kicker.map(|text| view! { <Kicker text /> })}
            <h1 class="headline">{headline}</h1>
            <Byline authors language=language.clone() />
            <p class="dateline">
                <Dateline published_at language=language.clone() />
                {updated}
            </p>
            <PublisherLine publisher status_label published_at language />
            {reading_time.map(|text| view! { <p class="reading-time">{text}</p> })}
            {placeholders}
        </header>
    }
}
