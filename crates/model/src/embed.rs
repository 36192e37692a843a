//! Embedding on partner sites: what an embed is, and the snippet a partner pastes.

use crate::text::escape_markup;

/// Longest summary on an embedded card, in characters (`EmbedCard`; the oEmbed document's
/// height estimate counts the same, `publish::oembed::card_height`).
pub const CARD_SUMMARY_CHARS: usize = 280;

/// What a partner embeds: the whole article, or its compact card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbedKind {
    Article,
    Card,
}

impl EmbedKind {
    /// The value of the snippet's `data-kind`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Article => "article",
            Self::Card => "card",
        }
    }

    /// What the reader calls it in the embed control.
    pub fn label(self) -> &'static str {
        match self {
            Self::Article => "The article",
            Self::Card => "Its card",
        }
    }
}

/// The colour scheme a partner asks for (`?theme=` in the frame's URL).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EmbedTheme {
    Light,
    Dark,
    /// The reader's system setting.
    #[default]
    Auto,
}

impl EmbedTheme {
    /// Reads a frame URL's query (`?theme=dark&embedId=2`); anything unknown is `Auto`.
    pub fn from_query(query: &str) -> Self {
        let theme = query
            .trim_start_matches('?')
            .split('&')
            .find_map(|pair| pair.strip_prefix("theme="));
        match theme {
            Some("light") => Self::Light,
            Some("dark") => Self::Dark,
            _ => Self::Auto,
        }
    }

    /// The `data-theme` value for `<html>`; `None` follows the system.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Self::Light => Some("light"),
            Self::Dark => Some("dark"),
            Self::Auto => None,
        }
    }
}

/// The HTML a partner pastes: a blockquote whose link is the fallback without JavaScript,
/// and the loader that turns it into a frame. Attribute values and text are escaped.
pub fn snippet(
    kind: EmbedKind,
    slug: &str,
    headline: &str,
    article_url: &str,
    loader_url: &str,
) -> String {
    format!(
        "<blockquote class=\"signal-embed\" data-slug=\"{slug}\" data-kind=\"{kind}\" data-theme=\"auto\">\n  \
         <a href=\"{href}\">{text}</a>\n</blockquote>\n\
         <script src=\"{loader}\" async></script>",
        slug = escape_markup(slug),
        kind = kind.name(),
        href = escape_markup(article_url),
        text = escape_markup(headline),
        loader = escape_markup(loader_url),
    )
}
