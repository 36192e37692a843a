//! Where the page's documents are and how they are asked for: the API base from
//! `<meta name="signal:api-base">`, the index and article URLs, the `Accept` header, and which
//! document each page reads first.
//!
//! `public/boot.js` follows the same rules before the wasm loads, to start the page's request
//! early; the app only reuses that request when the URL is the same. The table of cases in
//! `crates/model/tests/url_rules.rs`, computed with these functions, is written to
//! `tests/fixtures/url-rules.json`, and `tests/e2e/url_rules.test.mjs` runs boot.js over it.

use crate::link::{Route, encode_segment};

/// The document types the reader can read, in order of preference: JSON (its own format, JSON
/// Feed), then JSON-LD and the XML feeds (RSS, Atom), then XML served under a generic type.
pub const ACCEPT: &str = "application/json, application/feed+json, application/ld+json;q=0.9, \
     application/rss+xml;q=0.9, application/atom+xml;q=0.9, application/xml;q=0.8, \
     text/xml;q=0.8, */*;q=0.1";
/// Used when the page has no `signal:api-base`: the sample data bundled in `dist/data/`.
pub const DEFAULT_API_BASE: &str = "data/";

/// The WHATWG URL operations the rules need. The app passes the browser's own parser (no
/// cost to the wasm), native tests the `url` crate; both follow the WHATWG URL standard, as
/// boot.js's `URL` does.
pub trait WebUrl: Sized {
    /// `input` resolved against the absolute URL `base`, or parsed alone without one.
    fn parse(input: &str, base: Option<&str>) -> Option<Self>;
    fn href(&self) -> String;
    /// With its colon: `https:`.
    fn protocol(&self) -> String;
    fn pathname(&self) -> String;
    /// With its `?`, or empty.
    fn search(&self) -> String;
    fn set_pathname(&mut self, pathname: &str);
    fn set_search(&mut self, search: &str);
    fn set_hash(&mut self, hash: &str);
}

/// Why `signal:api-base` cannot be used; each holds the value as written (trimmed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiBaseError {
    NotUrl(String),
    NotHttp(String),
}

/// The API the page names, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiBase {
    /// The folder of contract documents: absolute, ending in `/`.
    folder: String,
    /// The first index page: `<folder>articles.json`, or the document `signal:api-base`
    /// names (a feed, JSON-LD, or an index page), whose shape is read from its content.
    index: String,
    /// Whether `signal:api-base` names one document rather than a folder.
    names_document: bool,
}

impl ApiBase {
    /// `meta` is the `<meta>`'s content (absent or blank: [`DEFAULT_API_BASE`]), relative to
    /// the document's base URL `base_uri`.
    pub fn resolve<U: WebUrl>(base_uri: &str, meta: Option<&str>) -> Result<Self, ApiBaseError> {
        let raw = meta
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .unwrap_or(DEFAULT_API_BASE);
        let mut api =
            U::parse(raw, Some(base_uri)).ok_or_else(|| ApiBaseError::NotUrl(raw.to_owned()))?;
        if !matches!(api.protocol().as_str(), "http:" | "https:") {
            return Err(ApiBaseError::NotHttp(raw.to_owned()));
        }
        api.set_hash("");
        let names_document = names_document(&api.pathname(), &api.search());
        let (folder, index) = if names_document {
            // Articles of a contract index named directly live beside it.
            let index = api.href();
            let folder = U::parse("./", Some(&index)).map_or_else(|| index.clone(), |u| u.href());
            (folder, index)
        } else {
            // A folder, with or without its trailing slash: `…/v1` means `…/v1/`.
            let path = api.pathname();
            if !path.ends_with('/') {
                api.set_pathname(&format!("{path}/"));
            }
            api.set_search("");
            let folder = api.href();
            let index = join::<U>(&folder, "articles.json");
            (folder, index)
        };
        Ok(Self {
            folder,
            index,
            names_document,
        })
    }

    /// The first page of the index: `<folder>articles.json`, or the document named.
    pub fn index_url(&self) -> &str {
        &self.index
    }

    /// Whether `signal:api-base` names one document (a feed) rather than a folder.
    pub fn names_document(&self) -> bool {
        self.names_document
    }

    /// `<folder>articles/<slug>.json`, the slug escaped as one path segment
    /// ([`encode_segment`]).
    pub fn article_url<U: WebUrl>(&self, slug: &str) -> String {
        join::<U>(
            &self.folder,
            &format!("articles/{}.json", encode_segment(slug)),
        )
    }

    /// The document the page at `route` asks for first (`source::store`), which boot.js
    /// requests early: the index for the feed and a pillar's page, and for any page when the
    /// API names one document (a feed carries its articles); otherwise an article's own
    /// document. None for a page that reads nothing.
    pub fn first_document<U: WebUrl>(&self, route: &Route) -> Option<String> {
        match route {
            Route::Feed | Route::Pillar(_) => Some(self.index.clone()),
            _ if self.names_document && *route != Route::Other => Some(self.index.clone()),
            Route::Article(slug) | Route::EmbedArticle(slug) | Route::EmbedCard(slug) => {
                Some(self.article_url::<U>(slug))
            }
            Route::Other => None,
        }
    }
}

/// Whether an API URL names one document rather than a folder: its last path segment has an
/// extension (`feed.json`, `news.jsonld`) or it has a query (`/?feed=json`).
fn names_document(path: &str, search: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or_default();
    !search.is_empty() || (!path.ends_with('/') && last.contains('.'))
}

/// `relative` resolved against the absolute `base` (as written when the parser refuses it).
fn join<U: WebUrl>(base: &str, relative: &str) -> String {
    U::parse(relative, Some(base)).map_or_else(|| format!("{base}{relative}"), |u| u.href())
}
