use std::sync::Arc;

use leptos::prelude::*;

use super::{
    ArticleHeader, BodyBlocks, CutNotice, FullArticleLink, ImageFigure, PillarSection, Sources,
    SummaryBox, SummaryBoxes,
};
use crate::source::intl;
use signal_model::{Article, Language, Noticed, text};

/// The `lang` and `dir` of an article's root: its language, written right to left where
/// that language is; nothing when the document gives no language (the page's English).
pub fn language_attributes(language: Option<&Language>) -> (Option<String>, Option<&'static str>) {
    (
        language.map(|l| l.as_str().to_owned()),
        language.map(Language::direction),
    )
}

/// The article laid out like the reference page.
#[component]
pub fn ArticleView(article: Arc<Article>) -> impl IntoView {
    let a = Article::clone(&article);
    let reading_time = text::reading_time(&a, intl::formatter());
    let updated = a.shown_update().copied();
    let (lang, dir) = language_attributes(a.language.as_ref());

    let header = view! {
        <ArticleHeader
            kicker=a.kicker
            headline=a.headline
            published_at=a.published_at
            publisher=a.publisher
            status_label=a.status_label
            reading_time
            authors=a.authors
            updated
            language=a.language
        />
    };
    let hero = a
        .image
        .map(|image| view! { <ImageFigure image hero=true /> });
    view! {
        <article class="article" lang=lang dir=dir>
            {header}
            {hero}
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
