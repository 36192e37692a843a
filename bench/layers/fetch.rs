//! Layer 3 of `bench/layers.sh`: layer 2 fetched, as the article page's build fetches it (its
//! store, the request `boot.js` started, the deadline, the error kinds and their messages),
//! and shown through a signal set when the request ends, without Leptos's data components.

use leptos::prelude::*;
use signal_of_hope::source::{Config, Store};

fn main() {
    leptos::mount::mount_to_body(|| {
        let store = Store::article_only(Config::from_document());
        let shown = RwSignal::new(String::new());
        let request = store.article(&window().location().hash().unwrap_or_default());
        leptos::task::spawn_local(async move {
            shown.set(match request.await {
                Ok(article) => article.headline.clone(),
                Err(err) => err.to_string(),
            });
        });
        view! { <h1>{move || shown.get()}</h1> }
    });
}
