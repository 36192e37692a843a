//! What each route tells search engines and link previews: title, description, canonical URL,
//! Open Graph / Twitter tags and, for articles, schema.org JSON-LD.

use serde::Serialize;

use super::{Article, Block, Card, ExternalUrl, Image, Language, PublishedAt, site, text};

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
    /// The link-preview image: the article's largest (contract 1.1).
    pub image: Option<PreviewImage>,
    /// `article:modified_time`.
    pub modified_time: Option<String>,
    /// `og:locale`, as Open Graph writes it (`de_CH`).
    pub locale: Option<String>,
}

/// `og:image` and its size and text.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewImage {
    pub url: String,
    pub alt: String,
    pub size: Option<crate::ImageSize>,
}

/// One entry of a page's `<head>`, in the order the page has them: the app's `PageMetaTags`
/// and the prerenderer both write [`PageMeta::head`], so they cannot differ.
#[derive(Debug, Clone, PartialEq)]
pub enum HeadEntry {
    Title(String),
    /// `<meta name=… content=…>`.
    MetaName(&'static str, String),
    /// `<meta property=… content=…>` (Open Graph).
    MetaProperty(&'static str, String),
    /// `<link rel=… href=…>`.
    Link(&'static str, String),
    /// A `<script type="application/ld+json">` body, already safe to embed in HTML.
    JsonLd(String),
}

impl PageMeta {
    /// The page's `<head>` entries.
    pub fn head(&self) -> Vec<HeadEntry> {
        use HeadEntry::{JsonLd, Link, MetaName, MetaProperty, Title};
        let mut head = vec![
            Title(self.title.clone()),
            MetaName("description", self.description.clone()),
            Link("canonical", self.canonical.clone()),
            MetaProperty("og:site_name", site::PRODUCT_NAME.to_owned()),
            MetaProperty("og:type", self.og_type.to_owned()),
            MetaProperty("og:title", self.title.clone()),
            MetaProperty("og:description", self.description.clone()),
            MetaProperty("og:url", self.canonical.clone()),
            // A large preview when there is a picture to show.
            MetaName(
                "twitter:card",
                match self.image {
                    Some(_) => "summary_large_image",
                    None => "summary",
                }
                .to_owned(),
            ),
            MetaName("twitter:title", self.title.clone()),
            MetaName("twitter:description", self.description.clone()),
        ];
        if let Some(image) = &self.image {
            head.push(MetaProperty("og:image", image.url.clone()));
            if let Some(size) = image.size {
                head.push(MetaProperty("og:image:width", size.width.to_string()));
                head.push(MetaProperty("og:image:height", size.height.to_string()));
            }
            if !image.alt.is_empty() {
                head.push(MetaProperty("og:image:alt", image.alt.clone()));
                head.push(MetaName("twitter:image:alt", image.alt.clone()));
            }
            head.push(MetaName("twitter:image", image.url.clone()));
        }
        head.extend(
            self.locale
                .iter()
                .map(|l| MetaProperty("og:locale", l.clone())),
        );
        head.extend(
            self.published_time
                .iter()
                .map(|t| MetaProperty("article:published_time", t.clone())),
        );
        head.extend(
            self.modified_time
                .iter()
                .map(|t| MetaProperty("article:modified_time", t.clone())),
        );
        head.extend(
            self.section
                .iter()
                .map(|s| MetaProperty("article:section", s.clone())),
        );
        head.extend(
            self.tags
                .iter()
                .map(|t| MetaProperty("article:tag", t.clone())),
        );
        head.extend(self.json_ld.iter().map(|json| JsonLd(json.clone())));
        head
    }

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
            image: None,
            modified_time: None,
            locale: None,
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
            published_time: card.published_at.as_ref().map(PublishedAt::machine),
            section: card.kicker.clone(),
            tags: card.pillars.iter().map(|p| p.name.clone()).collect(),
            json_ld: None,
            image: card.image.as_ref().map(PreviewImage::from),
            modified_time: None,
            locale: card.language.as_ref().map(og_locale),
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
            published_time: article.published_at.as_ref().map(PublishedAt::machine),
            section: article.kicker.clone(),
            tags: article.pillars.iter().map(|p| p.name.clone()).collect(),
            json_ld: Some(json_ld),
            image: article.largest_image().map(PreviewImage::from),
            modified_time: article.updated_at.as_ref().map(PublishedAt::machine),
            locale: article.language.as_ref().map(og_locale),
        }
    }
}

/// schema.org `AnalysisNewsArticle` for the article. Typed rather than built as a
/// `serde_json::Value`, which would bring `Value`'s printer and its map into the wasm.
impl From<&Image> for PreviewImage {
    fn from(image: &Image) -> Self {
        Self {
            url: image.url.as_str().to_owned(),
            alt: image.alt.clone(),
            size: image.size,
        }
    }
}

/// Open Graph's locale: language and region joined by `_` (`de_CH`); a script subtag is
/// left out (Open Graph has no place for it).
fn og_locale(language: &Language) -> String {
    let mut parts = language.as_str().split('-');
    let primary = parts.next().unwrap_or_default().to_ascii_lowercase();
    match parts.find(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_alphabetic())) {
        Some(region) => format!("{primary}_{}", region.to_ascii_uppercase()),
        None => primary,
    }
}

pub fn article_json_ld(article: &Article, canonical: &str) -> String {
    let works: Vec<Thing> = article
        .sources
        .iter()
        .map(|s| Thing::new("CreativeWork", &s.name, s.url.as_ref()))
        .collect();
    let ld = JsonLd {
        context: "https://schema.org",
        kind: "AnalysisNewsArticle",
        headline: &article.headline,
        date_published: article.published_at.as_ref().map(PublishedAt::machine),
        date_modified: article.updated_at.as_ref().map(PublishedAt::machine),
        author: article
            .authors
            .iter()
            .map(|a| Thing::new("Person", &a.name, a.url.as_ref()))
            .collect(),
        image: images_ld(article),
        in_language: article.language.as_ref().map(Language::as_str),
        url: canonical,
        main_entity_of_page: canonical,
        publisher: (article.publisher.as_ref())
            .map(|p| Thing::new("Organization", &p.name, p.url.as_ref())),
        article_section: article.kicker.as_deref(),
        about: article
            .pillars
            .iter()
            .map(|p| Thing::new("Thing", &p.name, None))
            .collect(),
        keywords: article.pillars.iter().map(|p| p.name.as_str()).collect(),
        summary: article.summary.as_deref(),
        is_based_on: &works,
        citation: &works,
    };
    // Strings, lists and optional members only: serialising cannot fail.
    embed_safe(&serde_json::to_string(&ld).unwrap_or_default())
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonLd<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    headline: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_modified: Option<String>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    author: Vec<Thing<'a>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    image: Vec<ImageLd<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    in_language: Option<&'a str>,
    url: &'a str,
    main_entity_of_page: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<Thing<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    article_section: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    about: Vec<Thing<'a>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    keywords: Vec<&'a str>,
    #[serde(rename = "abstract", skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    is_based_on: &'a [Thing<'a>],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    citation: &'a [Thing<'a>],
}

/// The article's images, largest first (Google reads the first as the preview), each as an
/// `ImageObject` with its size, caption and credit.
fn images_ld(article: &Article) -> Vec<ImageLd<'_>> {
    article
        .images_by_size()
        .into_iter()
        .map(|image| ImageLd {
            kind: "ImageObject",
            url: image.url.as_str(),
            width: image.size.map(|s| s.width),
            height: image.size.map(|s| s.height),
            caption: image.caption.as_ref().map(|c| c.plain()),
            credit_text: image.credit.as_deref(),
        })
        .collect()
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ImageLd<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    url: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    height: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    caption: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    credit_text: Option<&'a str>,
}

#[derive(Serialize)]
struct Thing<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

impl<'a> Thing<'a> {
    fn new(kind: &'static str, name: &'a str, url: Option<&'a ExternalUrl>) -> Self {
        let url = url.map(ExternalUrl::as_str);
        Self { kind, name, url }
    }
}

/// JSON with `<`, `>` and `&` escaped, so the text can never close its `<script>` element
/// or open another, also in a page serialised to HTML (the prerenderer's carried document
/// uses it too): in JSON they occur only inside strings, where the `\u` escapes mean the same.
pub fn embed_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
