use leptos::prelude::*;

use super::{
    CardImage, CutNotice, Dateline, Kicker, PillarBadges, article_view::language_attributes,
    use_paths,
};
use crate::source::Store;
use signal_model::{Card, Cut, Noticed, text};

/// Longest card summary, in characters: about three lines on a phone.
const CARD_SUMMARY_CHARS: usize = 220;

/// An article in a list: kicker, headline linking to it, date, summary and pillar badges.
/// Hovering or focusing the headline starts loading the article, so opening it is instant.
#[component]
pub fn ArticleCard(card: Card) -> impl IntoView {
    let store = Store::use_context();
    let href = use_paths().article(&card.slug);
    let slug = card.slug.clone();
    let prefetch = move || store.prefetch_article(&slug);
    let prefetch_on_focus = prefetch.clone();
    let pillars_label = format!("Pillars of “{}”", card.headline);
    let (lang, dir) = language_attributes(card.language.as_ref());
    let with_image = card.image.is_some();
    view! {
        <article class="card" class:card--with-image=with_image lang=lang dir=dir>
            {card.image.map(|image| view! { <CardImage image /> })}
            {card.kicker.map(|text| view! { <Kicker text /> })}
            <h2 class="card-headline">
                <a
                    href=href
                    on:mouseenter=move |_| prefetch()
                    on:focus=move |_| prefetch_on_focus()
                >
                    {card.headline}
                </a>
            </h2>
            <p class="card-date">
                <Dateline published_at=card.published_at short=true language=card.language />
            </p>
            {card
                .summary
                .map(|s| view! { <p class="card-summary">{text::excerpt(&s, CARD_SUMMARY_CHARS)}</p> })}
            {(!card.pillars.is_empty())
                .then(|| view! { <PillarBadges pillars=card.pillars label=pillars_label /> })}
        </article>
    }
}

/// Cards in order, as a list.
#[component]
pub fn CardList(
    cards: Vec<Card>,
    /// What was left out of the index pages these cards come from (`FeedPage::cut`).
    #[prop(optional)]
    cut: Vec<Cut>,
) -> impl IntoView {
    view! {
        <CutNotice cut about=Noticed::Index />
        <ol class="cards">
            {cards.into_iter().map(|card| view! { <li><ArticleCard card /></li> }).collect_view()}
        </ol>
    }
}
