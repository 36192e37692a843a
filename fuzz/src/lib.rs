//! The checks every fuzz target makes of what the model crate reads.

pub use signal_model::{self as model, adapt};

use model::{
    Article, Block, FeedPage,
    limits::{
        MAX_BLOCK_CHARS, MAX_BODY_BLOCKS, MAX_BODY_CHARS, MAX_CARDS, MAX_HEADLINE_CHARS,
        MAX_LABEL_CHARS, MAX_LINKS, MAX_LIST_ITEMS, MAX_PILLARS, MAX_SLUG_CHARS, MAX_SOURCES,
        MAX_SUMMARY_BOXES, MAX_SUMMARY_CHARS,
    },
    rich_text::{RichText, Span},
};

fn chars(text: &str) -> usize {
    text.chars().count()
}

/// Shown text is trimmed, not blank, and within `max` characters.
fn check_text(what: &str, text: &str, max: usize) {
    assert!(!text.trim().is_empty(), "{what} is blank");
    assert_eq!(text, text.trim(), "{what} is not trimmed");
    assert!(
        chars(text) <= max,
        "{what} has {} > {max} characters",
        chars(text)
    );
}

fn check_rich(what: &str, text: &RichText) -> (usize, usize) {
    let plain = text.plain();
    check_text(what, &plain, MAX_BLOCK_CHARS);
    let links = text
        .spans()
        .iter()
        .filter(|span| matches!(span, Span::Link { .. }))
        .count();
    for span in text.spans() {
        assert!(!span.text().is_empty(), "{what}: an empty run");
        if let Span::Link { url, .. } = span {
            // Schemes match in any case (`hTtps:`), as in browsers.
            let scheme = url.as_str().split(':').next().unwrap_or_default();
            assert!(
                ["http", "https", "mailto"]
                    .iter()
                    .any(|s| scheme.eq_ignore_ascii_case(s)),
                "{what}: a link to {url:?}"
            );
        }
    }
    (chars(&plain), links)
}

/// What normalisation promises of every article it returns: the limits hold, nothing shown
/// is blank, links are safe; and the wording derived from it does not panic.
pub fn check_article(article: &Article) {
    assert!(chars(&article.slug) <= MAX_SLUG_CHARS);
    check_text("headline", &article.headline, MAX_HEADLINE_CHARS);
    if let Some(kicker) = &article.kicker {
        check_text("kicker", kicker, MAX_LABEL_CHARS);
    }
    if let Some(summary) = &article.summary {
        check_text("summary", summary, MAX_SUMMARY_CHARS);
    }
    assert!(article.pillars.len() <= MAX_PILLARS);
    let mut slugs = std::collections::HashSet::new();
    for pillar in &article.pillars {
        assert!(slugs.insert(&pillar.slug), "pillar {} twice", pillar.slug);
        check_text("pillar name", &pillar.name, MAX_LABEL_CHARS);
    }
    assert!(article.summary_boxes.len() <= MAX_SUMMARY_BOXES);
    assert!(article.sources.len() <= MAX_SOURCES);
    assert!(article.body.len() <= MAX_BODY_BLOCKS);
    let (mut body_chars, mut links) = (0, 0);
    for block in &article.body {
        match block {
            Block::Paragraph(text) | Block::Quote { text, .. } => {
                let (c, l) = check_rich("paragraph", text);
                body_chars += c;
                links += l;
            }
            Block::Heading(text) => {
                check_text("heading", text, MAX_LABEL_CHARS);
                body_chars += chars(text);
            }
            Block::List(items) => {
                assert!(!items.is_empty() && items.len() <= MAX_LIST_ITEMS);
                for item in items {
                    let (c, l) = check_rich("list item", item);
                    body_chars += c;
                    links += l;
                }
            }
        }
    }
    assert!(
        body_chars <= MAX_BODY_CHARS,
        "{body_chars} characters of body"
    );
    assert!(links <= MAX_LINKS, "{links} links");
    for cut in &article.cut {
        assert!(!cut.message().is_empty());
    }
    let _ = model::text::reading_time(article);
    let canonical = "https://reader.example/articles/a";
    let _ = model::seo::PageMeta::article(article, canonical.to_owned());
    let _ = model::seo::article_json_ld(article, canonical);
    let _ = model::Card::from(article);
}

pub fn check_page(page: &FeedPage) {
    assert!(page.articles.len() <= MAX_CARDS);
    for card in &page.articles {
        check_text("card headline", &card.headline, MAX_HEADLINE_CHARS);
        assert!(card.pillars.len() <= MAX_PILLARS);
    }
    for article in &page.full {
        check_article(article);
    }
    let cards = model::feed::merge_pages([page]);
    if let Some(pillar) = cards.first().and_then(|c| c.pillars.first()) {
        let _ = model::feed::with_pillar(&cards, &pillar.slug);
    }
}
