//! Placeholders shaped like the content they stand for, so nothing jumps when it arrives.

use leptos::prelude::*;

fn lines(count: usize, class: &'static str) -> impl IntoView {
    (0..count)
        .map(|_| view! { <span class=class></span> })
        .collect_view()
}

/// The body and its surroundings, while the header is already shown (from a feed card).
#[component]
pub fn BodySkeleton(
    /// Whether to hold the summary's place too (not when the summary is already shown).
    #[prop(default = true)]
    summary: bool,
) -> impl IntoView {
    view! {
        <div class="skeleton skeleton-body" aria-hidden="true">
            {summary.then(|| view! { <span class="skeleton-block skeleton-summary"></span> })}
            <span class="skeleton-line skeleton-short"></span>
            <span class="skeleton-badges"></span>
            {lines(12, "skeleton-line")}
        </div>
    }
}

/// The whole article page.
#[component]
pub fn ArticleSkeleton() -> impl IntoView {
    view! {
        <div class="article-loading" role="status">
            // The page's h1 until the headline arrives.
            <h1 class="visually-hidden">"Loading article…"</h1>
            <div class="skeleton skeleton-header" aria-hidden="true">
                <span class="skeleton-line skeleton-kicker"></span>
                <span class="skeleton-line skeleton-headline"></span>
                <span class="skeleton-line skeleton-headline skeleton-short"></span>
                <span class="skeleton-line skeleton-meta"></span>
                <span class="skeleton-line skeleton-meta"></span>
            </div>
            <BodySkeleton />
        </div>
    }
}

/// A list of cards. `heading`: the page has no h1 of its own until the cards arrive (pillar pages).
#[component]
pub fn CardsSkeleton(
    #[prop(default = 3)] count: usize,
    #[prop(optional)] heading: bool,
) -> impl IntoView {
    let label = if heading {
        view! { <h1 class="visually-hidden">"Loading articles…"</h1> }.into_any()
    } else {
        view! { <span class="visually-hidden">"Loading articles…"</span> }.into_any()
    };
    view! {
        <div class="cards-loading" role="status">
            {label}
            <div class="skeleton skeleton-cards" aria-hidden="true">
                {(0..count)
                    .map(|_| {
                        view! {
                            <div class="skeleton-card">
                                <span class="skeleton-line skeleton-kicker"></span>
                                <span class="skeleton-line skeleton-headline"></span>
                                <span class="skeleton-line skeleton-meta"></span>
                                {lines(2, "skeleton-line")}
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        </div>
    }
}
