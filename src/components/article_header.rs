use leptos::prelude::*;

use super::{Dateline, Kicker, PublisherLine};
use signal_model::{PublishedAt, Publisher};

/// Kicker, headline (the page's only `<h1>`), dateline, publisher line and reading time.
/// `pending`: the rest of the article is on its way (the header comes from a feed card), so
/// placeholders hold the lines still to come.
#[component]
pub fn ArticleHeader(
    kicker: Option<String>,
    headline: String,
    published_at: Option<PublishedAt>,
    #[prop(optional_no_strip)] publisher: Option<Publisher>,
    #[prop(optional_no_strip)] status_label: Option<String>,
    #[prop(optional_no_strip)] reading_time: Option<String>,
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
    view! {
        <header class="article-header">
            {kicker.map(|text| view! { <Kicker text /> })}
            <h1 class="headline">{headline}</h1>
            <p class="dateline">
                <Dateline published_at />
            </p>
            <PublisherLine publisher status_label published_at />
            {reading_time.map(|text| view! { <p class="reading-time">{text}</p> })}
            {placeholders}
        </header>
    }
}
