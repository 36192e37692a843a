//! An article's oEmbed 1.0 document (<https://oembed.com>, section 2.3.4), a static file the
//! article's page announces with `<link rel="alternate" type="application/json+oembed">`. Its
//! `html` is the embed WordPress keeps and sizes (a card, see docs/embedding.md, "Paste a
//! link"), and that our loader sizes wherever a consumer allows scripts.

use serde::Serialize;

use crate::{Article, embed::CARD_SUMMARY_CHARS, site, text};

use super::escape;

/// The width the card is laid out for, and announced at: WordPress's default content width.
pub const WIDTH: u32 = 600;
/// WordPress keeps an embed's height between these (`wp-embed.js`): the card must fit.
pub const WORDPRESS_MAX_HEIGHT: u32 = 1000;
pub const WORDPRESS_MIN_HEIGHT: u32 = 200;
/// How long a consumer may keep the document, in seconds.
pub const CACHE_AGE: u32 = 86_400;

/// The document, in the field order of the specification.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Document {
    pub version: &'static str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub title: String,
    pub author_name: String,
    pub author_url: String,
    pub provider_name: &'static str,
    pub provider_url: String,
    pub cache_age: u32,
    pub width: u32,
    pub height: u32,
    pub html: String,
}

/// The URLs the embed names, all absolute: consumers do not resolve them against anything.
pub struct Urls<'a> {
    pub site: &'a str,
    pub article: &'a str,
    /// The framed card, `…/embed/cards/<slug>`.
    pub card_frame: &'a str,
    pub loader: &'a str,
}

pub fn document(article: &Article, urls: &Urls) -> Document {
    let height = card_height(article);
    let (author_name, author_url) = match &article.publisher {
        Some(publisher) => (
            publisher.name.clone(),
            publisher
                .url
                .as_ref()
                .map_or_else(|| urls.site.to_owned(), |u| u.as_str().to_owned()),
        ),
        None => (site::PUBLISHER_NAME.to_owned(), urls.site.to_owned()),
    };
    Document {
        version: "1.0",
        kind: "rich",
        title: article.headline.clone(),
        author_name,
        author_url,
        provider_name: site::PRODUCT_NAME,
        provider_url: urls.site.to_owned(),
        cache_age: CACHE_AGE,
        width: WIDTH,
        height,
        html: html(article, urls, height),
    }
}

/// WordPress's own embed markup (`get_post_embed_html`): the link in a blockquote, shown
/// until the frame reports its height, and the sandboxed frame of the card with the secret
/// in its URL's fragment. `wp-embed.js` sizes it; WordPress's filter strips the script and
/// our class, and appends a secret of its own (the frame follows the last one). The loader
/// after it sizes the frame where a consumer keeps scripts (it adopts `signal-embed-frame`).
pub fn html(article: &Article, urls: &Urls, height: u32) -> String {
    let secret = secret(&article.slug);
    let headline = escape(&article.headline);
    format!(
        "<blockquote class=\"wp-embedded-content\" data-secret=\"{secret}\"><a href=\"{article_url}\">{headline}</a></blockquote>\
         <iframe sandbox=\"allow-scripts\" security=\"restricted\" src=\"{frame}?theme=auto#?secret={secret}\" \
         width=\"{WIDTH}\" height=\"{height}\" title=\"{title}\" data-secret=\"{secret}\" frameborder=\"0\" \
         marginwidth=\"0\" marginheight=\"0\" scrolling=\"no\" class=\"wp-embedded-content signal-embed-frame\"></iframe>\
         <script src=\"{loader}\" async></script>",
        article_url = escape(urls.article),
        frame = escape(urls.card_frame),
        title = escape(&format!("“{}” — {}", article.headline, site::PRODUCT_NAME)),
        loader = escape(urls.loader),
    )
}

/// The frame's secret: ten letters and digits, as WordPress makes them (it ignores others),
/// the same for an article from run to run so an unchanged article's file is unchanged.
pub fn secret(slug: &str) -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    // FNV-1a, then its bits ten at a time: not secret from anyone who reads the document,
    // which is what WordPress's own provider gives too; it only tells frames apart.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in slug.bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    (0..10)
        .map(|i| {
            let mixed = hash.rotate_left(i * 6).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            ALPHABET[(mixed >> 58) as usize % ALPHABET.len()] as char
        })
        .collect()
}

/// The card's height at [`WIDTH`] px, estimated from its texts' lengths with the line
/// lengths and heights measured on the embedded card in Chromium (`tests/e2e/oembed.test.mjs`
/// checks the estimate against the real card). Kept within WordPress's limits.
pub fn card_height(article: &Article) -> u32 {
    let lines = |text: &str, per_line: usize| lines_of(text.chars().count(), per_line);
    let mut height = CARD_FRAME;
    if article.kicker.is_some() {
        height += KICKER;
    }
    height += lines(&article.headline, HEADLINE_CHARS_PER_LINE) as f64 * HEADLINE_LINE;
    if !article.pillars.is_empty() {
        let names: usize = article
            .pillars
            .iter()
            .map(|p| p.name.chars().count() + BADGE_EXTRA_CHARS)
            .sum();
        height += BADGES_GAP + lines_of(names, BADGE_CHARS_PER_ROW) as f64 * BADGE_ROW;
    }
    if let Some(summary) = &article.summary {
        let shown = text::excerpt(summary, CARD_SUMMARY_CHARS);
        height += lines(&shown, SUMMARY_CHARS_PER_LINE) as f64 * SUMMARY_LINE;
    }
    (height.ceil() as u32).clamp(WORDPRESS_MIN_HEIGHT, WORDPRESS_MAX_HEIGHT)
}

/// Lines that `chars` characters take at `per_line` a line; at least one.
fn lines_of(chars: usize, per_line: usize) -> usize {
    chars.div_ceil(per_line).max(1)
}

// Measured on the card at 600 px in Chromium (its text column is 518 px wide): the frame
// around the texts (padding, the date, the "Read on" link), each text's line height, and the
// characters a line holds, rounded down so that the estimate errs on the tall side.
const CARD_FRAME: f64 = 173.0;
const KICKER: f64 = 17.0;
const HEADLINE_CHARS_PER_LINE: usize = 36;
const HEADLINE_LINE: f64 = 28.6;
const BADGE_EXTRA_CHARS: usize = 6;
const BADGE_CHARS_PER_ROW: usize = 50;
const BADGES_GAP: f64 = 12.0;
const BADGE_ROW: f64 = 32.0;
const SUMMARY_CHARS_PER_LINE: usize = 55;
const SUMMARY_LINE: f64 = 24.8;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_what_wordpress_accepts_and_stable() {
        let a = secret("rare-liver-cancer-immunotherapy-amd3100");
        assert_eq!(a.len(), 10);
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric()));
        assert_eq!(a, secret("rare-liver-cancer-immunotherapy-amd3100"));
        assert_ne!(a, secret("another-article"));
    }
}
