use leptos::prelude::*;

use super::{canonical, use_slug};
use crate::{
    components::{
        AfterPaint, BackLink, CardList, CardsSkeleton, ErrorsPanel, NotFoundPanel, PageMetaTags,
        Settled, use_paths,
    },
    source::{FetchError, Store},
};
use signal_model::{Card, Cut, feed, seo::PageMeta, text};

/// The pillar's name and how many articles carry it.
#[component]
fn PillarHeader(name: String, count: usize) -> impl IntoView {
    view! {
        <header class="page-header">
            <p class="kicker">"Pillar"</p>
            <h1 class="page-heading">{name}</h1>
            <p class="page-count">{text::articles_found(count)}</p>
        </header>
    }
}

/// The page of pillar `name` with its `cards`, without the loading: what the prerenderer
/// writes (`crates/prerender`), and the app then shows in its place.
pub fn prerendered_pillar(name: String, cards: Vec<Card>, cut: Vec<Cut>) -> impl IntoView {
    let count = cards.len();
    view! {
        <section class="pillar-page">
            <BackLink />
            <PillarHeader name count />
            <CardList cards cut />
        </section>
    }
}

/// `/pillars/:slug`: every article in the index that carries the pillar.
#[component]
pub fn PillarPage() -> impl IntoView {
    let store = Store::use_context();
    let slug = use_slug();
    let paths = use_paths();
    let here = Memo::new(move |_| canonical(store, &paths.pillar(&slug.get())));
    let index = LocalResource::new(move || store.all_cards());

    let failed = move |errors: ArcRwSignal<Errors>| {
        // The title follows the latest error, as the panel does (see `ErrorsPanel`).
        let title = {
            let errors = errors.clone();
            move || {
                let heading = FetchError::from_errors(&errors.read()).heading("pillar");
                view! { <PageMetaTags meta=PageMeta::notice(&heading, here.get()) /> }
            }
        };
        view! {
            {title}
            <ErrorsPanel errors what="pillar" retry=move |_| index.refetch() />
        }
    };

    let page = move |state: crate::source::FeedState| {
        let slug = slug.get();
        let (name, cards) = feed::with_pillar(&state.cards, &slug);
        let Some(name) = name.map(str::to_owned) else {
            return view! {
                <PageMetaTags meta=PageMeta::notice("Pillar not found", here.get()) />
                <NotFoundPanel
                    title="Pillar not found".to_owned()
                    message=format!("No article carries a pillar called “{slug}”.")
                />
            }
            .into_any();
        };
        let cards: Vec<_> = cards.into_iter().cloned().collect();
        let found = cards.len();
        let heading = name.clone();
        let partial = state.more_error.map(|err| {
            let retry = err.is_retryable().then(|| {
                view! {
                    " "
                    <button type="button" class="button" on:click=move |_| index.refetch()>"Retry"</button>
                }
            });
            view! {
                <p class="more-error" role="alert">
                    "Some articles couldn't be loaded, so this list may be incomplete. " {err.to_string()}
                    {retry}
                </p>
            }
        });
        view! {
            <Settled />
            <AfterPaint>
                <PageMetaTags meta=PageMeta::pillar(Some(&heading), found, here.get()) />
            </AfterPaint>
            <PillarHeader name count=found />
            {partial}
            <CardList cards cut=state.cut />
        }
        .into_any()
    };

    view! {
        <section class="pillar-page">
            <BackLink />
            <Suspense fallback=|| view! { <CardsSkeleton heading=true /> }>
                <ErrorBoundary fallback=failed>
                    {move || Suspend::new(async move { index.await.map(page) })}
                </ErrorBoundary>
            </Suspense>
        </section>
    }
}
