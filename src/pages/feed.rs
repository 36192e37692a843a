use leptos::prelude::*;

use super::canonical;
use crate::{
    components::{
        AfterPaint, CardList, CardsSkeleton, ErrorsPanel, PageMetaTags, Settled, use_paths,
    },
    source::{FeedState, Store},
};
use signal_model::{seo::PageMeta, text};

/// `/`: the newest articles first, a page of the index at a time.
#[component]
pub fn FeedPage() -> impl IntoView {
    let store = Store::use_context();
    // Restored from the store, so Back shows as many articles as before.
    let pages = RwSignal::new(store.feed_pages());
    let feed = LocalResource::new(move || store.feed(pages.get()));
    let (loading_more, set_loading_more) = signal(false);
    // What the controls below the list need, derived once per load (not a copy of the cards).
    let status = Memo::new(move |_| {
        feed.read()
            .as_ref()
            .and_then(|r| r.as_ref().ok())
            .map(|s| (s.cards.len(), s.has_more, s.more_error.clone()))
    });
    let more_error = move || status.get().and_then(|(_, _, error)| error);

    let load_more = move |_| {
        if more_error().is_some() {
            // The page after the last one failed: ask for it again.
            feed.refetch();
        } else {
            let next = pages.get_untracked() + 1;
            store.set_feed_pages(next);
            pages.set(next);
        }
    };
    let more_error_notice = move || {
        more_error().map(|err| {
            view! { <p class="more-error" role="alert">"Couldn't load more articles. " {err.to_string()}</p> }
        })
    };
    let more_button = move || {
        status.get().filter(|(_, has_more, _)| *has_more).map(|_| {
            view! {
                <button
                    type="button"
                    class="button load-more"
                    aria-busy=move || loading_more.get().to_string()
                    disabled=loading_more
                    on:click=load_more
                >
                    {move || if loading_more.get() { "Loading…" } else { "Load more" }}
                </button>
            }
        })
    };
    let shown = move || status.get().map(|(count, _, _)| shown(count));

    let failed = move |errors: ArcRwSignal<Errors>| {
        view! { <ErrorsPanel errors what="feed" retry=move |_| feed.refetch() /> }
    };

    view! {
        <AfterPaint>
            <PageMetaTags meta=PageMeta::feed(canonical(store, &use_paths().home())) />
        </AfterPaint>
        <section class="feed" aria-labelledby="feed-heading">
            <h1 id="feed-heading" class="page-heading">"Latest analysis"</h1>
            <Transition fallback=|| view! { <CardsSkeleton /> } set_pending=set_loading_more>
                <ErrorBoundary fallback=failed>
                    {move || Suspend::new(async move {
                        feed.await.map(|state| view! {
                            <Settled />
                            <CardList cards=state.cards cut=state.cut />
                        })
                    })}
                </ErrorBoundary>
            </Transition>
            <p class="visually-hidden" role="status">{shown}</p>
            {more_error_notice}
            <div class="feed-more">{more_button}</div>
        </section>
    }
}

/// What the status line says when `count` articles are shown.
fn shown(count: usize) -> String {
    format!("Showing {}", text::count(count, "article", "articles"))
}

/// The feed's first page, without the loading: what the prerenderer writes
/// (`crates/prerender`), and the app then shows in its place. The markup of [`FeedPage`] once
/// its first page is read (`tests/e2e/prerender.test.mjs` compares the two).
pub fn prerendered_feed(state: FeedState) -> impl IntoView {
    let count = state.cards.len();
    let more = state.has_more.then(|| {
        view! { <button type="button" class="button load-more" aria-busy="false">"Load more"</button> }
    });
    view! {
        <section class="feed" aria-labelledby="feed-heading">
            <h1 id="feed-heading" class="page-heading">"Latest analysis"</h1>
            <CardList cards=state.cards cut=state.cut />
            <p class="visually-hidden" role="status">{shown(count)}</p>
            <div class="feed-more">{more}</div>
        </section>
    }
}
