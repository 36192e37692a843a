use std::sync::Arc;

use leptos::prelude::*;

use signal_model::{Article, text};

/// "Read the full article at news.example.org", in place of the body of an article whose
/// document gives only its headline and summary (a feed of excerpts).
#[component]
pub fn FullArticleLink(article: Arc<Article>) -> impl IntoView {
    let (label, url) = text::full_article_link(&article)?;
    Some(view! {
        <p class="full-article">
            <a href=url.as_str().to_owned()>{label}</a>
        </p>
    })
}
