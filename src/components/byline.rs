use leptos::prelude::*;

use signal_model::{Author, Language, locale};

/// "By Ada Lovelace and Grace Hopper" (in the article's `language`: "Von … und …", "بقلم …
/// و…"), each name a link where the document gives one. Each name is isolated (`<bdi>`), so a
/// name in one script keeps its order inside text in another.
#[component]
pub fn Byline(authors: Vec<Author>, language: Option<Language>) -> impl IntoView {
    if authors.is_empty() {
        return None;
    }
    let (before, separators, after) = locale::byline_words(authors.len(), language.as_ref());
    let names = authors
        .into_iter()
        .zip(separators)
        .map(|(author, separator)| {
            let name = match author.url {
                Some(url) => view! {
                    <a href=url.as_str().to_owned() rel="author"><bdi>{author.name}</bdi></a>
                }
                .into_any(),
                None => view! { <bdi>{author.name}</bdi> }.into_any(),
            };
            view! { {separator} {name} }
        })
        .collect_view();
    Some(view! { <p class="byline">{before} {names} {after}</p> })
}
