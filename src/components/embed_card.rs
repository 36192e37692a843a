use std::sync::Arc;

use leptos::prelude::*;

use super::{
    CardImage, Dateline, Kicker, PillarBadges, article_view::language_attributes, use_paths,
};
use crate::source::Store;
use signal_model::{Article, embed::CARD_SUMMARY_CHARS, site, text};

/// The compact card a partner embeds: kicker, headline, date, pillar badges, summary, and a
/// link to the whole article on the reader's site.
#[component]
pub fn EmbedCard(article: Arc<Article>) -> impl IntoView {
    let store = Store::use_context();
    let href = use_paths().article(&article.slug);
    // An absolute URL: the frame's links open in a new tab, outside the partner's page.
    let href = store
        .config()
        .map(|config| config.canonical(&href))
        .unwrap_or(href);
    let a = Article::clone(&article);
    let publisher = a
        .publisher
        .map_or_else(|| site::PUBLISHER_NAME.to_owned(), |p| p.name);
    let pillars_label = format!("Pillars of “{}”", a.headline);
    let (lang, dir) = language_attributes(a.language.as_ref());
    let with_image = a.image.is_some();
    view! {
        <article class="card embed-card" class:card--with-image=with_image lang=lang dir=dir>
            {a.image.map(|image| view! { <CardImage image /> })}
            {a.kicker.map(|text| view! { <Kicker text /> })}
            <h1 class="card-headline">
                <a href=href.clone()>{a.headline}</a>
            </h1>
            <p class="card-date">
                <Dateline published_at=a.published_at language=a.language />
            </p>
            {(!a.pillars.is_empty())
                .then(|| view! { <PillarBadges pillars=a.pillars label=pillars_label /> })}
            {a.summary
                .map(|s| view! { <p class="card-summary">{text::excerpt(&s, CARD_SUMMARY_CHARS)}</p> })}
            <p class="embed-read-on">
                <a href=href>{format!("Read on {publisher}")}</a>
            </p>
        </article>
    }
}
