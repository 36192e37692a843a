//! What each route tells search engines and link previews: title, description, canonical URL,
//! Open Graph / Twitter tags and, for articles, schema.org JSON-LD.

use serde_json::{Value, json};

use super::{Article, Block, Card, site, text};

/// Longest description before search results cut it.
const DESCRIPTION_CHARS: usize = 160;

#[derive(Debug, Clone, PartialEq)]
pub struct PageMeta {
    pub title: String,
    pub description: String,
    /// Absolute URL of the page.
    pub canonical: String,
    /// Open Graph type: `article` or `website`.
    pub og_type: &'static str,
    /// `article:published_time`, `article:section`, `article:tag`.
    pub published_time: Option<String>,
    pub section: Option<String>,
    pub tags: Vec<String>,
    /// A `<script type="application/ld+json">` body, already safe to embed in HTML.
    pub json_ld: Option<String>,
}

impl PageMeta {
    fn website(title: String, description: String, canonical: String) -> Self {
        Self {
            title,
            description,
            canonical,
            og_type: "website",
            published_time: None,
            section: None,
            tags: Vec::new(),
            json_ld: None,
        }
    }

    pub fn feed(canonical: String) -> Self {
        Self::website(
            site::PRODUCT_NAME.to_owned(),
            site::TAGLINE.to_owned(),
            canonical,
        )
    }

    /// A pillar page; `name` is `None` while unknown (loading, or no such pillar).
    pub fn pillar(name: Option<&str>, found: usize, canonical: String) -> Self {
        match name {
            Some(name) => Self::website(
                format!("{name} · {}", site::PRODUCT_NAME),
                format!(
                    "{} analysis on {name}: {}.",
                    site::PRODUCT_NAME,
                    text::articles_found(found)
                ),
                canonical,
            ),
            None => Self::website(
                format!("Pillar · {}", site::PRODUCT_NAME),
                format!("{} analysis by pillar.", site::PRODUCT_NAME),
                canonical,
            ),
        }
    }

    /// A page that shows a notice (an error, something missing) under `heading`.
    pub fn notice(heading: &str, canonical: String) -> Self {
        Self::website(
            format!("{heading} · {}", site::PRODUCT_NAME),
            heading.to_owned(),
            canonical,
        )
    }

    /// While an article loads, what its feed card already says.
    pub fn card(card: &Card, canonical: String) -> Self {
        Self {
            title: card.headline.clone(),
            description: card
                .summary
                .as_deref()
                .map(|s| text::excerpt(s, DESCRIPTION_CHARS))
                .unwrap_or_else(|| card.headline.clone()),
            canonical,
            og_type: "article",
            published_time: Some(card.published_at.machine()),
            section: card.kicker.clone(),
            tags: card.pillars.iter().map(|p| p.name.clone()).collect(),
            json_ld: None,
        }
    }

    pub fn not_found(canonical: String) -> Self {
        Self::website(
            format!("Page not found · {}", site::PRODUCT_NAME),
            "There is no page at this address.".to_owned(),
            canonical,
        )
    }

    /// The document title is the headline itself.
    pub fn article(article: &Article, canonical: String) -> Self {
        let description = article
            .summary
            .clone()
            .or_else(|| {
                article.body.iter().find_map(|b| match b {
                    Block::Paragraph(text) => Some(text.plain()),
                    _ => None,
                })
            })
            .map(|text| text::excerpt(&text, DESCRIPTION_CHARS))
            .unwrap_or_else(|| article.headline.clone());
        let json_ld = article_json_ld(article, &canonical);
        Self {
            title: article.headline.clone(),
            description,
            canonical,
            og_type: "article",
            published_time: Some(article.published_at.machine()),
            section: article.kicker.clone(),
            tags: article.pillars.iter().map(|p| p.name.clone()).collect(),
            json_ld: Some(json_ld),
        }
    }
}

/// schema.org `AnalysisNewsArticle` for the article.
pub fn article_json_ld(article: &Article, canonical: &str) -> String {
    let mut fields = serde_json::Map::new();
    fields.insert("@context".into(), "https://schema.org".into());
    fields.insert("@type".into(), "AnalysisNewsArticle".into());
    fields.insert("headline".into(), article.headline.as_str().into());
    fields.insert(
        "datePublished".into(),
        article.published_at.machine().into(),
    );
    fields.insert("url".into(), canonical.into());
    fields.insert("mainEntityOfPage".into(), canonical.into());
    if let Some(publisher) = &article.publisher {
        let mut org = json!({ "@type": "Organization", "name": publisher.name });
        if let Some(url) = &publisher.url {
            org["url"] = url.as_str().into();
        }
        fields.insert("publisher".into(), org);
    }
    if let Some(kicker) = &article.kicker {
        fields.insert("articleSection".into(), kicker.as_str().into());
    }
    if !article.pillars.is_empty() {
        let about: Vec<Value> = article
            .pillars
            .iter()
            .map(|p| json!({ "@type": "Thing", "name": p.name }))
            .collect();
        let keywords: Vec<&str> = article.pillars.iter().map(|p| p.name.as_str()).collect();
        fields.insert("about".into(), about.into());
        fields.insert("keywords".into(), keywords.into());
    }
    if let Some(summary) = &article.summary {
        fields.insert("abstract".into(), summary.as_str().into());
    }
    if !article.sources.is_empty() {
        let works: Vec<Value> = article
            .sources
            .iter()
            .map(|s| {
                let mut work = json!({ "@type": "CreativeWork", "name": s.name });
                if let Some(url) = &s.url {
                    work["url"] = url.as_str().into();
                }
                work
            })
            .collect();
        fields.insert("isBasedOn".into(), works.clone().into());
        fields.insert("citation".into(), works.into());
    }
    embed_safe(&Value::Object(fields).to_string())
}

/// JSON with `<`, `>` and `&` escaped, so the text can never close its `<script>` element
/// even if the page is serialised to HTML (e.g. by a prerenderer).
fn embed_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
