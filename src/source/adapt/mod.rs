//! Documents in other shapes, read as the contract: JSON Feed 1.1 and schema.org
//! `NewsArticle` JSON-LD, besides the contract itself. The shape is recognised from the
//! document (see [`detect`]), so a deployer only points `signal:api-base` at it.
//!
//! An adapter translates to contract JSON (so its output can be checked against the JSON
//! Schema in tests) and the model then validates that like any other document; an error is
//! reported at the field of the original document it came from (`items[2].title`).
//!
//! Pure Rust but for HTML, which comes through an [`HtmlParser`], so all of it is tested
//! natively.

pub mod html;
pub mod jsonfeed;
pub mod jsonld;
mod util;

use serde::{Deserialize, de::IgnoredAny};
use serde_json::Value;

pub use html::{HtmlNode, HtmlParser};

use crate::model::{Article, Card, ContractError, Cut, FeedPage, limits};

/// The shapes a document may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Our own contract (`docs/contract.md`).
    Contract,
    /// JSON Feed 1.0 or 1.1 (<https://jsonfeed.org/version/1.1>).
    JsonFeed,
    /// schema.org JSON-LD: a `NewsArticle` object, an array of them, or an `@graph`.
    JsonLd,
}

/// The keys that tell the shapes apart; everything else is left for the real parse.
#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    version: Option<Value>,
    #[serde(default, rename = "@context")]
    context: Option<IgnoredAny>,
    #[serde(default, rename = "@type")]
    kind: Option<IgnoredAny>,
    #[serde(default, rename = "@graph")]
    graph: Option<IgnoredAny>,
}

/// JSON Feed names its version by URL (`https://jsonfeed.org/version/1.1`; 1.0 feeds in the
/// wild also use `http:`).
const JSON_FEED_VERSIONS: &[&str] = &[
    "https://jsonfeed.org/version/",
    "http://jsonfeed.org/version/",
];

/// The version part of a JSON Feed `version` URL, if it is one.
fn json_feed_version(version: &str) -> Option<&str> {
    JSON_FEED_VERSIONS
        .iter()
        .find_map(|prefix| version.strip_prefix(prefix))
}

/// Which shape `json` has: JSON Feed by its `version` URL, JSON-LD by `@context`, `@type`
/// or `@graph` (or an array of such objects); anything else is read as the contract, which
/// then says what is wrong with it.
pub fn detect(json: &str) -> Format {
    shape(json).0
}

/// [`detect`], and for our own format the document's `version` (`Some(None)`: it has none)
/// when the probe could read it: the contract parse then need not scan a large document once
/// more for it.
fn shape(json: &str) -> (Format, Option<Option<Value>>) {
    let trimmed = json.trim_start();
    if trimmed.starts_with('[') {
        let json_ld = serde_json::from_str::<Vec<Value>>(json).is_ok_and(|items| {
            items.iter().any(|item| {
                item.get("@context").is_some()
                    || item.get("@type").is_some()
                    || item.get("@graph").is_some()
            })
        });
        return if json_ld {
            (Format::JsonLd, None)
        } else {
            (Format::Contract, None)
        };
    }
    let Ok(probe) = serde_json::from_str::<Probe>(json) else {
        return (Format::Contract, None);
    };
    if probe
        .version
        .as_ref()
        .and_then(Value::as_str)
        .and_then(json_feed_version)
        .is_some()
    {
        (Format::JsonFeed, None)
    } else if probe.context.is_some() || probe.kind.is_some() || probe.graph.is_some() {
        (Format::JsonLd, None)
    } else {
        (Format::Contract, Some(probe.version))
    }
}

/// An article an adapter made: contract JSON, and where its fields came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Adapted {
    /// The article as contract JSON.
    pub json: Value,
    /// Where the article is in the original document, e.g. `items[2]`.
    pub origin: String,
    /// For a contract field (`headline`), the original field it came from (`items[2].title`).
    pub fields: Vec<(&'static str, String)>,
    /// What the adapter cut before the model saw it (HTML content past its limit).
    pub cut: Vec<Cut>,
}

impl Adapted {
    /// Validates the article, reporting a problem at the original document's field.
    pub fn article(&self) -> Result<Article, ContractError> {
        let mut article = Article::from_value(self.json.clone()).map_err(|err| {
            let field_end = err.path.find(['.', '[']).unwrap_or(err.path.len());
            let (field, rest) = err.path.split_at(field_end);
            match self.fields.iter().find(|(name, _)| *name == field) {
                Some((_, original)) => ContractError::at(format!("{original}{rest}"), err.message),
                None => err.within(&self.origin),
            }
        })?;
        limits::merge(&self.cut, &mut article.cut);
        Ok(article)
    }
}

/// What an adapter made of a whole document: its articles, and the next page if any.
#[derive(Debug, Clone, PartialEq)]
pub struct AdaptedFeed {
    pub articles: Vec<Adapted>,
    /// The next page's URL (JSON Feed's `next_url`).
    pub next: Option<String>,
    /// Articles in the document, including those past [`limits::MAX_CARDS`] that were not read.
    pub total: usize,
}

impl AdaptedFeed {
    /// The document's articles, each slug made unique within it (a repeat gets `-2`, …).
    fn new(mut articles: Vec<Adapted>, total: usize, next: Option<String>) -> Self {
        let mut slugs: Vec<String> = articles
            .iter()
            .map(|a| a.json["slug"].as_str().unwrap_or_default().to_owned())
            .collect();
        util::unique(&mut slugs);
        for (article, slug) in articles.iter_mut().zip(slugs) {
            article.json["slug"] = Value::String(slug);
        }
        Self {
            articles,
            next,
            total,
        }
    }

    /// The document read as a contract index page that carries its articles in full.
    pub fn into_page(self) -> Result<FeedPage, ContractError> {
        let articles = self
            .articles
            .iter()
            .map(Adapted::article)
            .collect::<Result<Vec<_>, _>>()?;
        let cut = if self.total > articles.len() {
            vec![Cut::Items {
                what: "articles on this page",
                shown: articles.len(),
                total: self.total,
            }]
        } else {
            Vec::new()
        };
        Ok(FeedPage {
            articles: articles.iter().map(Card::from).collect(),
            next: self.next,
            full: articles,
            cut,
        })
    }
}

/// Reads a document of any shape as a whole document of articles (`None` for our own
/// format, which the caller reads as it is).
pub fn adapt(json: &str, html: &dyn HtmlParser) -> Result<Option<AdaptedFeed>, ContractError> {
    Ok(read(json, html)?.ok())
}

/// A document in our own format, with its `version` if format detection read it.
struct Contract(Option<Option<Value>>);

/// The document adapted from another format, or left for the contract's own parse.
fn read(json: &str, html: &dyn HtmlParser) -> Result<Result<AdaptedFeed, Contract>, ContractError> {
    match shape(json) {
        (Format::Contract, version) => Ok(Err(Contract(version))),
        (Format::JsonFeed, _) => jsonfeed::adapt(&parse(json)?, html).map(Ok),
        (Format::JsonLd, _) => jsonld::adapt(&parse(json)?, html).map(Ok),
    }
}

/// A document past [`limits::MAX_DOCUMENT_BYTES`] is refused before any parsing.
fn check_size(json: &str) -> Result<(), ContractError> {
    limits::check_size(json.len()).map_err(|err| ContractError::at("", err.to_string()))
}

fn parse(json: &str) -> Result<Value, ContractError> {
    serde_json::from_str(json).map_err(|err| ContractError::at("", err.to_string()))
}

/// An index page (`articles.json`) in any shape. A feed or JSON-LD document carries its
/// articles in full, so opening one needs no other request.
pub fn read_index(json: &str, html: &dyn HtmlParser) -> Result<FeedPage, ContractError> {
    check_size(json)?;
    match read(json, html)? {
        Ok(feed) => feed.into_page(),
        Err(Contract(Some(version))) => FeedPage::from_json_with_version(json, version.as_ref()),
        Err(Contract(None)) => FeedPage::from_json(json),
    }
}

/// An article document in any shape. A document holding several articles (a feed, a
/// JSON-LD `@graph`) gives the one whose slug is `slug`, or its only one.
pub fn read_article(
    json: &str,
    slug: &str,
    html: &dyn HtmlParser,
) -> Result<Article, ContractError> {
    check_size(json)?;
    let feed = match read(json, html)? {
        Ok(feed) => feed,
        Err(Contract(Some(version))) => {
            return Article::from_json_with_version(json, version.as_ref());
        }
        Err(Contract(None)) => return Article::from_json(json),
    };
    let articles = feed
        .articles
        .iter()
        .map(Adapted::article)
        .collect::<Result<Vec<_>, _>>()?;
    let count = articles.len();
    articles
        .into_iter()
        .find(|article| article.slug == slug || count == 1)
        .ok_or_else(|| {
            ContractError::at(
                "",
                format!("the document has no article with slug `{slug}`"),
            )
        })
}
