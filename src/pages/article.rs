use std::sync::Arc;

use leptos::prelude::*;

use super::{canonical, use_slug};
use crate::{
    components::{
        AfterPaint, ArticleHeader, ArticleSkeleton, ArticleView, BackLink, BodySkeleton,
        EmbedControl, ErrorsPanel, ImageFigure, PageMetaTags, Settled, SummaryBox,
        language_attributes, use_paths,
    },
    source::{FetchError, Store},
};
use signal_model::{Article, seo::PageMeta};

/// `/articles/:slug`.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let store = Store::use_context();
    let slug = use_slug();
    let article = LocalResource::new(move || store.article(&slug.get()));
    let paths = use_paths();
    let here = Memo::new(move |_| canonical(store, &paths.article(&slug.get())));

    // While loading: the card's header at once when the feed has shown this article.
    let loading = move || match store.card(&slug.get()) {
        Some(card) => {
            let summary_shown = card.summary.is_some();
            let (lang, dir) = language_attributes(card.language.as_ref());
            view! {
                <PageMetaTags meta=PageMeta::card(&card, here.get()) />
                <div class="article article--preview" aria-busy="true" lang=lang dir=dir>
                    <ArticleHeader
                        kicker=card.kicker
                        headline=card.headline
                        published_at=card.published_at
                        language=card.language
                        pending=true
                    />
                    {card.image.map(|image| view! { <ImageFigure image hero=true /> })}
                    {card.summary.map(|text| view! { <SummaryBox text /> })}
                    <BodySkeleton summary=!summary_shown />
                </div>
            }
            .into_any()
        }
        None => view! { <ArticleSkeleton /> }.into_any(),
    };

    let failed = move |errors: ArcRwSignal<Errors>| {
        // The title follows the latest error, as the panel does (see `ErrorsPanel`).
        let title = {
            let errors = errors.clone();
            move || {
                let heading = FetchError::from_errors(&errors.read()).heading("article");
                view! { <PageMetaTags meta=PageMeta::notice(&heading, here.get()) /> }
            }
        };
        view! {
            {title}
            <ErrorsPanel errors what="article" retry=move |_| article.refetch() />
        }
    };

    view! {
        <BackLink />
        <Suspense fallback=loading>
            <ErrorBoundary fallback=failed>
                {move || Suspend::new(async move {
                    article
                        .await
                        .map(|article| {
                            let meta = article.clone();
                            view! {
                                <Settled />
                                <AfterPaint>
                                    <PageMetaTags meta=PageMeta::article(&meta, here.get()) />
                                </AfterPaint>
                                <ArticleContent article />
                            }
                        })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}

/// The article once read, as its page shows it.
#[component]
fn ArticleContent(article: Arc<Article>) -> impl IntoView {
    view! {
        <ArticleView article=article.clone() />
        <EmbedControl slug=article.slug.clone() headline=article.headline.clone() />
    }
}

/// The page of a read article, without the loading: what the prerenderer writes
/// (`crates/prerender`), and the app then shows in its place.
pub fn prerendered_article(article: Arc<Article>) -> impl IntoView {
    view! {
        <BackLink />
        <ArticleContent article />
    }
}
