use leptos::{prelude::*, task::spawn_local};

use super::use_paths;
use crate::source::{Store, clipboard};
use signal_model::embed::{EmbedKind, snippet};

/// "Embed": the snippets a partner pastes to show this article, or its card, on their site.
#[component]
pub fn EmbedControl(slug: String, headline: String) -> impl IntoView {
    let store = Store::use_context();
    let paths = use_paths();
    let absolute = move |path: String| {
        store
            .config()
            .map(|config| config.canonical(&path))
            .unwrap_or(path)
    };
    let article_url = absolute(paths.article(&slug));
    let loader_url = absolute(paths.embed_loader());
    let snippets = [EmbedKind::Article, EmbedKind::Card].map(|kind| {
        let code = snippet(kind, &slug, &headline, &article_url, &loader_url);
        view! { <EmbedSnippet kind code /> }
    });
    view! {
        <details class="embed-control">
            <summary>"Embed"</summary>
            <p>"Show this article on your site: paste one of these snippets into your page."</p>
            {snippets.into_iter().collect_view()}
        </details>
    }
}

#[component]
fn EmbedSnippet(kind: EmbedKind, code: String) -> impl IntoView {
    let id = format!("embed-{}", kind.name());
    let status = RwSignal::new("");
    let to_copy = code.clone();
    let copy = move |_| {
        let text = to_copy.clone();
        spawn_local(async move {
            let copied = clipboard::copy(&text).await;
            status.set(if copied {
                "Copied."
            } else {
                "Couldn't copy: select the snippet and copy it."
            });
        });
    };
    view! {
        <div class="embed-snippet">
            <label for=id.clone()>{kind.label()}</label>
            <textarea id=id readonly rows="5" spellcheck="false">
                {code}
            </textarea>
            <p class="embed-snippet-actions">
                <button type="button" class="button" on:click=copy>
                    "Copy"
                </button>
                <span class="embed-snippet-status" role="status">
                    {move || status.get()}
                </span>
            </p>
        </div>
    }
}
