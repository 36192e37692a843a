use std::sync::Arc;

use leptos::prelude::*;

use super::{
    ArticleHeader, BodyBlocks, CutNotice, FullArticleLink, PillarSection, Sources, SummaryBox,
    SummaryBoxes,
};
use signal_model::{Article, Noticed, text};

/// The article laid out like the reference page.
#[component]
pub fn ArticleView(article: Arc<Article>) -> impl IntoView {
    let a = Article::clone(&article);
    let reading_time = text::reading_time(&a);

    view! {
        <article class="article">
            <ArticleHeader
                kicker=a.kicker
                headline=a.headline
                published_at=a.published_at
                publisher=a.publisher
                status_label=a.status_label
                reading_time
            />
            <CutNotice cut=a.cut about=Noticed::Article />
            {a.summary.map(|text| view! { <SummaryBox text /> })}
            <SummaryBoxes boxes=a.summary_boxes />
            <PillarSection pillars=a.pillars />
            <BodyBlocks blocks=a.body />
            <FullArticleLink article=article.clone() />
            <Sources sources=a.sources />
        </article>
    }
}
