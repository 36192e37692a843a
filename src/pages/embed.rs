//! The framed pages partners embed: `/embed/articles/:slug` and `/embed/cards/:slug`.
//! No site header or footer and no router: the frame shows one thing, and its links open
//! the reader's site in a new tab.

use leptos::prelude::*;

use crate::{
    components::{ArticleSkeleton, ArticleView, CardsSkeleton, EmbedCard, ErrorsPanel},
    source::Store,
};
use signal_model::embed::EmbedKind;

/// One embed: everything it shows is inside `.embed-root`, whose height the frame script
/// (`public/embed/v1/frame.js`) reports to the partner's page; `data-embed-state` says
/// whether it is still loading.
/// `inline`: mounted in a partner's own page (the script embed) rather than a frame: no
/// `<main>` landmark of ours in their document.
#[component]
pub fn EmbedPage(kind: EmbedKind, slug: String, #[prop(optional)] inline: bool) -> impl IntoView {
    let store = Store::use_context();
    let article = LocalResource::new(move || store.article(&slug));
    let state = move || match article.get() {
        None => "loading",
        Some(Ok(_)) => "ready",
        Some(Err(_)) => "error",
    };
    let fallback = move || match kind {
        EmbedKind::Article => view! { <ArticleSkeleton /> }.into_any(),
        EmbedKind::Card => view! { <CardsSkeleton count=1 /> }.into_any(),
    };
    let failed = move |errors: ArcRwSignal<Errors>| {
        view! { <ErrorsPanel errors what="article" retry=move |_| article.refetch() /> }
    };
    let content = view! {
        <Suspense fallback>
            <ErrorBoundary fallback=failed>
                {move || Suspend::new(async move {
                    article
                        .await
                        .map(|article| match kind {
                            EmbedKind::Article => view! { <ArticleView article /> }.into_any(),
                            EmbedKind::Card => view! { <EmbedCard article /> }.into_any(),
                        })
                })}
            </ErrorBoundary>
        </Suspense>
    };
    let content = if inline {
        view! { <div class="embed-content">{content}</div> }.into_any()
    } else {
        view! { <main id="main">{content}</main> }.into_any()
    };
    view! {
        <div class="embed-root" class:embed-root--card=kind == EmbedKind::Card data-embed-state=state>
            {content}
        </div>
    }
}
