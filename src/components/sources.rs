use leptos::prelude::*;

use signal_model::{Source, text};

/// "reported via Science Daily": a link when the source has a safe URL, text otherwise.
#[component]
pub fn Sources(sources: Vec<Source>) -> impl IntoView {
    if sources.is_empty() {
        return None;
    }
    let count = sources.len();
    let names = sources
        .into_iter()
        .enumerate()
        .map(|(index, source)| {
            let name = match source.url {
                Some(url) => view! { <a href=url.as_str().to_owned()>{source.name}</a> }.into_any(),
                None => view! { <cite>{source.name}</cite> }.into_any(),
            };
            view! { {text::list_separator(index, count)} {name} }
        })
        .collect_view();
    Some(view! {
        <footer class="article-sources">
            <p class="sources">"reported via " {names}</p>
        </footer>
    })
}
