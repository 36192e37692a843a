//! Layer 4 of `bench/layers.sh`: layer 3 with the data idioms the article page uses:
//! `LocalResource`, `Suspense` and `ErrorBoundary`.

use leptos::prelude::*;
use signal_of_hope::source::{Config, Store};

fn main() {
    leptos::mount::mount_to_body(|| {
        let store = Store::article_only(Config::from_document());
        let slug = window().location().hash().unwrap_or_default();
        let article = LocalResource::new(move || store.article(&slug));
        let failed = |errors: ArcRwSignal<Errors>| {
            move || {
                errors
                    .read()
                    .iter()
                    .map(|(_, err)| err.to_string())
                    .collect::<String>()
            }
        };
        view! {
            <Suspense fallback=|| view! { <p>"Loading"</p> }>
                <ErrorBoundary fallback=failed>
                    {move || Suspend::new(async move {
                        article.await.map(|article| view! { <h1>{article.headline.clone()}</h1> })
                    })}
                </ErrorBoundary>
            </Suspense>
        }
    });
}
