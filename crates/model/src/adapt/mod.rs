//! Documents in other shapes, read as the contract: JSON Feed 1.1, schema.org `Article`
//! JSON-LD, RSS (0.9x, 1.0, 2.0) and Atom (1.0, 0.3), besides the contract itself. The shape is recognised from the
//! document (see [`detect`]), so a deployer only points `signal:api-base` at it.
//!
//! An adapter translates to contract JSON (so its output can be checked against the JSON
//! Schema in tests) and the model then validates that like any other document; an error is
//! reported at the field of the original document it came from (`items[2].title`).
//!
//! Pure Rust but for HTML and XML, which come through an [`HtmlParser`] and an
//! [`XmlParser`] ([`Parsers`]), so all of it is tested natively. In the browser the adapters run in a wasm module of their own
//! (`src/bin/adapt.rs`, loaded by `source::formats` only for another format): [`convert`] is
//! its side, [`Converted`] what it answers.

pub mod atom;
pub mod dates;
pub mod encoding;
mod entities;
mod foreign_text;
pub mod ghost;
pub mod html;
pub mod jsonfeed;
pub mod jsonld;
pub mod media;
#[cfg(feature = "native-parsers")]
pub mod native_html;
#[cfg(feature = "native-parsers")]
pub mod native_xml;
pub mod rss;
pub mod urls;
mod util;
pub mod wordpress;
pub mod xml;
mod xml_feed;

use std::task::{Context, Poll, Waker};

use serde::{Deserialize, Serialize, de::IgnoredAny};
use serde_json::Value;

pub use html::{HtmlNode, HtmlParser};
pub use xml::{XmlElement, XmlNode, XmlParser};

/// The parsers the adapters read markup with: the browser's in the app (`source::dom`),
/// html5ever and roxmltree natively ([`NATIVE`]).
#[derive(Clone, Copy)]
pub struct Parsers<'a> {
    pub html: &'a dyn HtmlParser,
    pub xml: &'a dyn XmlParser,
}

/// The native parsers: html5ever and roxmltree.
#[cfg(feature = "native-parsers")]
pub const NATIVE: Parsers<'static> = Parsers {
    html: &native_html::NativeHtml,
    xml: &native_xml::NativeXml,
};

#[cfg(feature = "native-parsers")]
impl<'a> Parsers<'a> {
    /// Another HTML parser, with the native XML parser (tests).
    pub fn with_html(html: &'a dyn HtmlParser) -> Self {
        Self {
            html,
            xml: &native_xml::NativeXml,
        }
    }
}

use crate::{
    Article, Card, ContractError, Cut, FeedPage,
    limits::{self, Counted},
    raw::Raw,
};

/// The shapes a document may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Our own contract (`docs/contract.md`).
    Contract,
    /// JSON Feed 1.0 or 1.1 (<https://jsonfeed.org/version/1.1>).
    JsonFeed,
    /// schema.org JSON-LD: an `Article` object, an array of them, or an `@graph`.
    JsonLd,
    /// The WordPress REST API's posts (`/wp-json/wp/v2/posts`): a list, or one post.
    WordPress,
    /// The Ghost Content API's posts (`/ghost/api/content/posts/`).
    Ghost,
    /// RSS 2.0, 0.9x and 1.0 (RDF): XML whose root is `rss` or `rdf:RDF`.
    Rss,
    /// Atom 1.0 and 0.3: XML whose root is `feed` (or a lone `entry`).
    Atom,
}

impl Format {
    /// Its name where it crosses into the adapter module.
    pub fn name(self) -> &'static str {
        match self {
            Self::Contract => "contract",
            Self::JsonFeed => "jsonfeed",
            Self::JsonLd => "jsonld",
            Self::WordPress => "wordpress",
            Self::Ghost => "ghost",
            Self::Rss => "rss",
            Self::Atom => "atom",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        [
            Self::Contract,
            Self::JsonFeed,
            Self::JsonLd,
            Self::WordPress,
            Self::Ghost,
            Self::Rss,
            Self::Atom,
        ]
        .into_iter()
        .find(|format| format.name() == name)
    }
}

/// The keys that tell the shapes apart; everything else is left for the real parse.
#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    version: Option<Raw>,
    #[serde(default, rename = "@context")]
    context: Option<IgnoredAny>,
    #[serde(default, rename = "@type")]
    kind: Option<IgnoredAny>,
    #[serde(default, rename = "@graph")]
    graph: Option<IgnoredAny>,
    #[serde(default)]
    items: Option<IgnoredAny>,
    #[serde(default)]
    feed_url: Option<IgnoredAny>,
    #[serde(default)]
    home_page_url: Option<IgnoredAny>,
    // A WordPress post (`/wp/v2/posts/60`): `title.rendered` or `content.rendered`, and these.
    #[serde(default)]
    title: Option<Raw>,
    #[serde(default)]
    content: Option<Raw>,
    #[serde(default)]
    id: Option<IgnoredAny>,
    #[serde(default)]
    slug: Option<IgnoredAny>,
    #[serde(default)]
    link: Option<IgnoredAny>,
    // Ghost: `{ "posts": [...], "meta": { "pagination": … } }`.
    #[serde(default)]
    posts: Option<Raw>,
    #[serde(default)]
    meta: Option<Raw>,
}

impl Probe {
    /// Whether the object is one WordPress post.
    fn is_wordpress_post(&self) -> bool {
        let rendered =
            |field: &Option<Raw>| field.as_ref().is_some_and(|f| f.get("rendered").is_some());
        (rendered(&self.title) || rendered(&self.content))
            && self.id.is_some()
            && self.slug.is_some()
            && self.link.is_some()
    }
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

/// Which shape `json` has: RSS and Atom by their root element's name (read from the text, not
/// parsed: the adapter parses it once), JSON Feed by its `version` URL, JSON-LD by `@context`,
/// `@type` or `@graph` (or an array of such objects), WordPress by posts with `title.rendered`
/// or `content.rendered` and `id`, `slug` and `link` (a list of them, or one), Ghost by
/// `posts` with `meta.pagination` or posts that have `html` or `uuid`; anything else is read as
/// the contract, which then says what is wrong with it. For our own format, also the document's `version`
/// (`Some(None)`: it has none) when the probe could read it: the contract parse then need not
/// scan a large document once more for it.
fn shape(json: &str) -> (Format, Option<Option<Raw>>) {
    let trimmed = json.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('<') {
        let root = xml::root_name(trimmed);
        let name = root.map(|name| name.rsplit(':').next().unwrap_or(name));
        match name {
            Some("rss" | "RDF") => return (Format::Rss, None),
            Some("feed" | "entry") => return (Format::Atom, None),
            _ => {}
        }
    }
    if trimmed.starts_with('[') {
        return match serde_json::from_str::<Vec<Raw>>(json) {
            Ok(items) if items.iter().any(is_json_ld) => (Format::JsonLd, None),
            Ok(items) if items.iter().any(wordpress::is_post) => (Format::WordPress, None),
            _ => (Format::Contract, None),
        };
    }
    let Ok(probe) = serde_json::from_str::<Probe>(json) else {
        return (Format::Contract, None);
    };
    let version = probe.version.as_ref().and_then(Raw::as_str);
    // Some generators write the version as a bare number ("1.0"); their `items` and the
    // feed's own URLs still tell a JSON Feed from our index (which has `articles`).
    let json_feed_shaped = probe.items.is_some()
        && (probe.feed_url.is_some() || probe.home_page_url.is_some())
        && version.is_some_and(|v| matches!(v, "1" | "1.0" | "1.1"));
    if version.and_then(json_feed_version).is_some() || json_feed_shaped {
        (Format::JsonFeed, None)
    } else if probe.context.is_some() || probe.kind.is_some() || probe.graph.is_some() {
        (Format::JsonLd, None)
    } else if probe.is_wordpress_post() {
        (Format::WordPress, None)
    } else if probe
        .posts
        .as_ref()
        .is_some_and(|posts| ghost::is_posts(posts, probe.meta.as_ref()))
    {
        (Format::Ghost, None)
    } else {
        (Format::Contract, Some(probe.version))
    }
}

fn is_json_ld(item: &Raw) -> bool {
    item.get("@context").is_some() || item.get("@type").is_some() || item.get("@graph").is_some()
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

/// What an adapter made of a whole document: its articles, the items it could not use, and
/// the next page if any.
#[derive(Debug, Clone, PartialEq)]
pub struct AdaptedFeed {
    pub articles: Vec<Adapted>,
    /// Why each item that could not be made an article was left out, in document order.
    pub skipped: Vec<ContractError>,
    /// The next page's URL (JSON Feed's `next_url`).
    pub next: Option<String>,
    /// Articles in the document, including those past [`limits::MAX_CARDS`] that were not read.
    pub total: usize,
    /// The next page by number, for an API that counts its pages (Ghost's
    /// `meta.pagination.next`): the app sets it as the `page` of the URL it read
    /// ([`crate::api::with_page`]).
    pub next_page: Option<u64>,
}

impl AdaptedFeed {
    /// The document's items as read, each usable one's slug made unique within it (a repeat
    /// gets `-2`, …).
    pub fn new(
        items: Vec<Result<Adapted, ContractError>>,
        total: usize,
        next: Option<String>,
    ) -> Self {
        let (mut articles, mut skipped) = (Vec::new(), Vec::new());
        for item in items {
            match item {
                Ok(article) => articles.push(article),
                Err(err) => skipped.push(err),
            }
        }
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
            skipped,
            next,
            total,
            next_page: None,
        }
    }
}

fn adapt_foreign(
    format: Format,
    text: &str,
    base: Option<&str>,
    parsers: Parsers,
) -> Result<AdaptedFeed, ContractError> {
    let html = parsers.html;
    match format {
        Format::Rss | Format::Atom => {
            let root = parsers.xml.parse(&xml::prepare(text)).map_err(|why| {
                ContractError::at("", format!("the XML is not well-formed: {why}"))
            })?;
            return match format {
                Format::Rss => rss::adapt(&root, base, html),
                _ => atom::adapt(&root, base, html),
            };
        }
        _ => {}
    }
    let doc = parse(text)?;
    match format {
        Format::JsonFeed => jsonfeed::adapt(&doc, html),
        Format::JsonLd => jsonld::adapt(&doc, html),
        Format::WordPress => wordpress::adapt(&doc, html),
        Format::Ghost => ghost::adapt(&doc, html),
        Format::Rss | Format::Atom => unreachable!("read as XML above"),
        Format::Contract => Err(ContractError::at(
            "",
            "a document in the reader's own format needs no adapter",
        )),
    }
}

/// A document past [`limits::MAX_DOCUMENT_BYTES`] is refused before any parsing.
pub fn check_size(json: &str) -> Result<(), ContractError> {
    limits::check_size(json.len()).map_err(|err| ContractError::at("", err.to_string()))
}

fn parse(json: &str) -> Result<Value, ContractError> {
    serde_json::from_str(json).map_err(|err| ContractError::at("", err.to_string()))
}

/// How a document is read: as our own format, or through an adapter.
pub enum Reading {
    /// Our own format; `Some(version)` when format detection already read its `version`.
    Contract(Option<Option<Raw>>),
    /// Another format: the adapter module converts it ([`convert`]).
    Foreign(Format),
}

/// Size check and format detection: what the app does before it decides whether it needs
/// the adapter module at all.
pub fn reading(json: &str) -> Result<Reading, ContractError> {
    check_size(json)?;
    Ok(match shape(json) {
        (Format::Contract, version) => Reading::Contract(version),
        (format, _) => Reading::Foreign(format),
    })
}

/// A document in our own format (an index page or an article), with the `version` format
/// detection read if it did.
pub fn contract<'a, T: Deserialize<'a>>(
    json: &'a str,
    version: Option<Option<Raw>>,
) -> Result<T, ContractError> {
    crate::version::parse_read(json, version.as_ref().map(Option::as_ref))
}

/// What the adapter module hands back to the app: the articles it adapted and validated, as
/// contract JSON text. The app reads that text with its own contract parser, so its wasm
/// needs neither the adapters nor a second way to read the contract (from a `Value`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Converted {
    articles: Vec<ConvertedArticle>,
    next: Option<String>,
    total: usize,
    /// Items left out because they could not be read, and why the first was.
    skipped: usize,
    first_skipped: Option<String>,
    #[serde(default)]
    next_page: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct ConvertedArticle {
    json: String,
    /// What the adapter cut before the contract parser saw the article.
    cut: Vec<AdapterCut>,
}

/// The cuts an adapter makes, as they cross from the adapter module to the app: only these,
/// since every other cut is the contract parser's, which the app makes again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
enum AdapterCut {
    BodyBlocks { shown: usize, total: usize },
    Html { read: usize, total: usize },
    UnreadDate { text: String },
}

impl AdapterCut {
    /// The adapters cut only these; every other cut is the contract parser's, which the app
    /// makes again when it reads the article.
    fn of(cut: &Cut) -> Option<Self> {
        match *cut {
            Cut::UnreadDate { ref text } => Some(Self::UnreadDate { text: text.clone() }),
            Cut::Items {
                what: Counted::BodyBlocks,
                shown,
                total,
            } => Some(Self::BodyBlocks { shown, total }),
            Cut::Html { read, total } => Some(Self::Html { read, total }),
            _ => None,
        }
    }

    fn cut(self) -> Cut {
        match self {
            Self::BodyBlocks { shown, total } => Cut::Items {
                what: Counted::BodyBlocks,
                shown,
                total,
            },
            Self::Html { read, total } => Cut::Html { read, total },
            Self::UnreadDate { text } => Cut::UnreadDate { text },
        }
    }
}

/// The adapter module's work: adapts a document in another format and validates every
/// article (an error names the original document's field, `items[2].title`). With `slug`,
/// only the article the page asks for is kept (a document of several articles gives the one
/// whose slug is `slug`, or its only one).
///
/// An item that cannot be read (no title, a date that is no date) is left out, and the page
/// says how many were and why the first was ([`Cut::Skipped`]); only a document with no
/// readable item at all is an error, the first item's.
///
/// `base` is the URL the document was fetched from, which its relative links are resolved
/// against.
pub fn convert(
    format: Format,
    text: &str,
    base: Option<&str>,
    slug: Option<&str>,
    parsers: Parsers,
) -> Result<Converted, ContractError> {
    let feed = adapt_foreign(format, text, base, parsers)?;
    let mut skipped = feed.skipped;
    let mut validated = Vec::new();
    for adapted in &feed.articles {
        match adapted.article() {
            Ok(article) => validated.push((adapted, article.slug)),
            // Kept with its slug: a page that asks for this very article says why it failed.
            Err(err) => skipped.push(err),
        }
    }
    if validated.is_empty()
        && let Some(first) = first_in_document(&skipped)
    {
        return Err(first.clone());
    }
    if let Some(slug) = slug {
        let count = validated.len();
        let wanted = |article_slug: &str| article_slug == slug || count == 1;
        let found = validated
            .iter()
            .find(|(_, article_slug)| wanted(article_slug));
        let Some((adapted, _)) = found else {
            return Err(unreadable_article(&feed.articles, slug).unwrap_or_else(|| {
                ContractError::at(
                    "",
                    format!("the document has no article with slug `{slug}`"),
                )
            }));
        };
        return Ok(Converted {
            articles: vec![ConvertedArticle::of(adapted)],
            next: None,
            total: 1,
            skipped: 0,
            first_skipped: None,
            next_page: None,
        });
    }
    let first_skipped = first_in_document(&skipped).map(ToString::to_string);
    Ok(Converted {
        articles: validated
            .into_iter()
            .map(|(adapted, _)| ConvertedArticle::of(adapted))
            .collect(),
        next: feed.next,
        total: feed.total,
        skipped: skipped.len(),
        first_skipped,
        next_page: feed.next_page,
    })
}

/// The error of the earliest item in the document, among the adapter's (in item order) and
/// the contract's (about articles the adapter made, after them).
fn first_in_document(skipped: &[ContractError]) -> Option<&ContractError> {
    skipped.iter().min_by_key(|err| item_index(&err.path))
}

/// The index of the item an error's path is about (`items[12].title` → 12), for ordering.
fn item_index(path: &str) -> usize {
    path.split_once('[')
        .and_then(|(_, rest)| rest.split_once(']'))
        .and_then(|(index, _)| index.parse().ok())
        .unwrap_or(usize::MAX)
}

/// Why the article with `slug` could not be read, if the adapter made one with that slug.
fn unreadable_article(articles: &[Adapted], slug: &str) -> Option<ContractError> {
    articles
        .iter()
        .find(|a| a.json["slug"].as_str() == Some(slug))
        .and_then(|a| a.article().err())
}

impl ConvertedArticle {
    fn of(adapted: &Adapted) -> Self {
        Self {
            json: adapted.json.to_string(),
            cut: adapted.cut.iter().filter_map(AdapterCut::of).collect(),
        }
    }
}

impl Converted {
    fn articles(&self) -> Result<Vec<Article>, ContractError> {
        self.articles
            .iter()
            .map(|converted| {
                let mut article = Article::from_json(&converted.json)?;
                let cut: Vec<Cut> = converted.cut.iter().cloned().map(AdapterCut::cut).collect();
                limits::merge(&cut, &mut article.cut);
                Ok(article)
            })
            .collect()
    }

    /// The document as a contract index page that carries its articles in full.
    pub fn into_page(self) -> Result<FeedPage, ContractError> {
        let articles = self.articles()?;
        let mut cut = Vec::new();
        if let Some(first) = self.first_skipped {
            cut.push(Cut::Skipped {
                count: self.skipped,
                total: self.total.min(limits::MAX_CARDS),
                first,
            });
        }
        if self.total > limits::MAX_CARDS {
            cut.push(Cut::Items {
                what: Counted::ArticlesOnPage,
                shown: limits::MAX_CARDS,
                total: self.total,
            });
        }
        Ok(FeedPage {
            articles: articles.iter().map(Card::from).collect(),
            next: self.next,
            next_page: self.next_page,
            full: articles,
            cut,
        })
    }

    /// The one article [`convert`] kept for a slug.
    pub fn into_article(self) -> Result<Article, ContractError> {
        self.articles()?
            .into_iter()
            .next()
            .ok_or_else(|| ContractError::at("", "the document has no article"))
    }
}

/// Where documents in other formats are converted to the contract: in the app, by the adapter
/// module it loads (`source::formats`); natively, in this process ([`InProcess`]).
// Only ever used as a generic bound, never as `dyn`: the future's `Send`-ness does not matter.
#[allow(async_fn_in_trait)]
pub trait Converter {
    type Error: From<ContractError>;

    /// [`convert`], wherever it runs.
    async fn convert(
        &self,
        format: Format,
        text: &str,
        base: Option<&str>,
        slug: Option<&str>,
    ) -> Result<Converted, Self::Error>;
}

/// An index page (`articles.json`) in any shape, fetched from `base` (relative links in it
/// are resolved against that). A feed or JSON-LD document carries its articles in full, so
/// opening one needs no other request.
pub async fn index<C: Converter>(
    text: &str,
    base: Option<&str>,
    converter: &C,
) -> Result<FeedPage, C::Error> {
    match reading(text)? {
        Reading::Contract(version) => Ok(contract(text, version)?),
        Reading::Foreign(format) => Ok(converter
            .convert(format, text, base, None)
            .await?
            .into_page()?),
    }
}

/// An article document in any shape, fetched from `base`. A document holding several articles
/// (a feed, a JSON-LD `@graph`) gives the one whose slug is `slug`, or its only one.
pub async fn article<C: Converter>(
    text: &str,
    base: Option<&str>,
    slug: &str,
    converter: &C,
) -> Result<Article, C::Error> {
    match reading(text)? {
        Reading::Contract(version) => Ok(contract(text, version)?),
        Reading::Foreign(format) => Ok(converter
            .convert(format, text, base, Some(slug))
            .await?
            .into_article()?),
    }
}

/// The adapters run in this process, with these parsers: native code (tests, the fuzzer).
pub struct InProcess<'a>(pub Parsers<'a>);

impl Converter for InProcess<'_> {
    type Error = ContractError;

    async fn convert(
        &self,
        format: Format,
        text: &str,
        base: Option<&str>,
        slug: Option<&str>,
    ) -> Result<Converted, ContractError> {
        convert(format, text, base, slug, self.0)
    }
}

/// [`index`], in this process: what the app does, with the adapters run here.
pub fn read_index(
    text: &str,
    base: Option<&str>,
    parsers: Parsers,
) -> Result<FeedPage, ContractError> {
    at_once(index(text, base, &InProcess(parsers)))
}

/// [`article`], in this process: what the app does, with the adapters run here.
pub fn read_article(
    text: &str,
    base: Option<&str>,
    slug: &str,
    parsers: Parsers,
) -> Result<Article, ContractError> {
    at_once(article(text, base, slug, &InProcess(parsers)))
}

/// The result of a future that never waits, as [`InProcess`]'s never do.
fn at_once<T>(future: impl Future<Output = T>) -> T {
    let mut future = std::pin::pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    match future.as_mut().poll(&mut context) {
        Poll::Ready(value) => value,
        Poll::Pending => unreachable!("an in-process conversion does not wait"),
    }
}

/// The adapter module's answer to the app.
pub type ContractAnswer = Result<Converted, ContractError>;

/// The answer as the adapter module sends it.
pub fn encode_answer(answer: &ContractAnswer) -> String {
    // Plain data of strings and numbers: serializing it cannot fail.
    serde_json::to_string(answer).unwrap_or_default()
}

/// The answer as the app receives it; `None` if it is not one (a module from another build).
pub fn decode_answer(text: &str) -> Option<ContractAnswer> {
    serde_json::from_str(text).ok()
}
