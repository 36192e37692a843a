use leptos::prelude::*;

use super::canonical;
use crate::{
    components::{CardList, CardsSkeleton, ErrorPanel, PageMetaTags, use_paths},
    model::{seo::PageMeta, text},
    source::{FetchError, Store},
};

/// `/`: the newest articles first, a page of the index at a time.
#[component]
pub fn FeedPage() -> impl IntoView {
    let store = Store::use_context();
    // Restored from the store, so Back shows as many articles as before.
    let pages = RwSignal::new(store.feed_pages());
    let feed = LocalResource::new(move || store.feed(pages.get()));
    let (loading_more, set_loading_more) = signal(false);
    let state = move || feed.get().and_then(Result::ok);

    let load_more = move |_| {
        match state().and_then(|s| s.more_error) {
            // The page after the last one failed: ask for it again.
            Some(_) => feed.refetch(),
            None => {
                let next = pages.get_untracked() + 1;
                store.set_feed_pages(next);
                pages.set(next);
            }
        }
    };
    let more_error = move || {
        state().and_then(|s| s.more_error).map(|err| {
            view! { <p class="more-error" role="alert">"Couldn't load more articles. " {err.to_string()}</p> }
        })
    };
    let more_button = move || {
        state().filter(|s| s.has_more).map(|_| {
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
    let shown = move || {
        state().map(|s| {
            format!(
                "Showing {}",
                text::count(s.cards.len(), "article", "articles")
            )
        })
    };

    let failed = move |errors: ArcRwSignal<Errors>| {
        let error = FetchError::from_errors(&errors.read());
        view! { <ErrorPanel error what="feed" retry=move |_| feed.refetch() /> }
    };

    view! {
        <PageMetaTags meta=PageMeta::feed(canonical(store, &use_paths().home())) />
        <section class="feed" aria-labelledby="feed-heading">
            <h1 id="feed-heading" class="page-heading">"Latest analysis"</h1>
            <Transition fallback=|| view! { <CardsSkeleton /> } set_pending=set_loading_more>
                <ErrorBoundary fallback=failed>
                    {move || Suspend::new(async move {
                        feed.await.map(|state| view! { <CardList cards=state.cards /> })
                    })}
                </ErrorBoundary>
            </Transition>
            <p class="visually-hidden" role="status">{shown}</p>
            {more_error}
            <div class="feed-more">{more_button}</div>
        </section>
    }
}
