//! Reader-facing wording derived from the data: counts, excerpts, reading time.

use super::{Article, Block};

/// Text for an HTML (or XML) attribute value or element content: `&`, `<`, `>` and both
/// quotes escaped.
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// "1 pillar", "2 pillars".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The mark shown before the pillar count (decorative: hidden from screen readers).
pub const PILLAR_MARK: &str = "⬡";

/// "2 pillars detected"; `None` when there are none (the section is left out).
pub fn pillars_detected_label(n: usize) -> Option<String> {
    (n > 0).then(|| format!("{} detected", count(n, "pillar", "pillars")))
}

/// "3 articles found" / "1 article found".
pub fn articles_found(n: usize) -> String {
    format!("{} found", count(n, "article", "articles"))
}

/// Cuts `text` to at most `max_chars` characters at a word boundary, adding "…" when cut.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    // Room for the ellipsis, then back to the last whole word.
    let cut: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    let at_word = match cut.rfind(char::is_whitespace) {
        Some(end) if end > 0 => &cut[..end],
        _ => cut.as_str(),
    };
    let at_word = at_word.trim_end_matches(|c: char| c.is_whitespace() || ",;:–—-".contains(c));
    format!("{at_word}…")
}

/// Average adult silent-reading speed for non-fiction (Brysbaert, 2019).
const WORDS_PER_MINUTE: usize = 238;

/// Minutes to read the article's headline, summaries and body, at least 1.
pub fn reading_minutes(article: &Article) -> usize {
    let boxes = article.summary_boxes.iter().flat_map(|b| {
        b.title
            .iter()
            .chain(b.text.iter())
            .chain(b.points.iter())
            .map(String::as_str)
    });
    let words: usize = std::iter::once(article.headline.as_str())
        .chain(article.summary.as_deref())
        .chain(boxes)
        .map(|text| text.split_whitespace().count())
        .sum::<usize>()
        + article.body.iter().map(Block::words).sum::<usize>();
    words.div_ceil(WORDS_PER_MINUTE).max(1)
}

/// "4 min read", in the article's language (`locale`); nothing for an article without a
/// body, whose text is elsewhere.
pub fn reading_time(article: &Article, formatter: &dyn crate::locale::Formatter) -> Option<String> {
    let minutes = u32::try_from(reading_minutes(article)).unwrap_or(u32::MAX);
    (!article.body.is_empty())
        .then(|| crate::locale::reading_time(minutes, article.language.as_ref(), formatter))
}

/// "Read the full article at news.example.org": for an article without a body, the link to
/// its own page at its publisher, if it has one.
pub fn full_article_link(article: &Article) -> Option<(String, &crate::ExternalUrl)> {
    if !article.body.is_empty() {
        return None;
    }
    let url = article.url.as_ref()?;
    Some((format!("Read the full article at {}", url.site_name()), url))
}

/// The separator written before item `index` of a list of `len` in running text:
/// "A", "A and B", "A, B and C".
pub fn list_separator(index: usize, len: usize) -> &'static str {
    crate::locale::list_separator(index, len, None)
}
