//! Where the JSON lives and where the app is deployed, read at run time from the page so a
//! deployer can change them in the built `index.html` without rebuilding.
//!
//! URLs are resolved by the browser's own WHATWG parser (`web_sys::Url`): the one that will
//! fetch them, at no cost to the wasm.

use web_sys::Url;

use signal_model::{AppPaths, link::encode_segment};

/// The `<meta>` whose `content` is the API base URL.
pub const API_BASE_META: &str = "signal:api-base";
/// Used when the page has no such `<meta>`: the sample data bundled in `dist/data/`.
pub const DEFAULT_API_BASE: &str = "data/";
/// The `<meta>` whose `content` is how many seconds a request may take before the reader
/// gives up on it and offers Retry.
pub const TIMEOUT_META: &str = "signal:request-timeout";
/// Long enough for a large document on a slow mobile connection, short enough that a stalled
/// server does not leave a reader looking at a skeleton.
pub const DEFAULT_TIMEOUT_SECONDS: u32 = 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The folder of contract documents: absolute, ending in `/`.
    api_base: String,
    /// The first index page: `<api_base>articles.json`, or the document `signal:api-base`
    /// names (a feed, JSON-LD, or an index page), whose shape is read from its content.
    index: String,
    /// Whether `signal:api-base` names one document rather than a folder.
    document: bool,
    /// How long a request may take, in seconds.
    timeout_seconds: u32,
    /// The document's base URL (Trunk's `--public-url`), for canonical links.
    site_base: String,
    paths: AppPaths,
}

/// Whether the API URL names one document rather than a folder: its last path segment has
/// an extension (`feed.json`, `news.jsonld`) or it has a query (`/?feed=json`).
fn names_document(url: &Url) -> bool {
    let path = url.pathname();
    let last = path.rsplit('/').next().unwrap_or_default();
    !url.search().is_empty() || (!path.ends_with('/') && last.contains('.'))
}

fn is_http(url: &Url) -> bool {
    matches!(url.protocol().as_str(), "http:" | "https:")
}

/// `relative` resolved against the absolute `base`.
fn join(base: &str, relative: &str) -> Option<Url> {
    Url::new_with_base(relative, base).ok()
}

impl Config {
    /// `base_uri` is the document's base URL; `api_base` the meta's content, relative to it.
    pub fn resolve(base_uri: &str, api_base: Option<&str>) -> Result<Self, String> {
        let site =
            Url::new(base_uri).map_err(|_| format!("the page URL `{base_uri}` is not a URL"))?;
        let raw = api_base
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .unwrap_or(DEFAULT_API_BASE);
        let api = join(base_uri, raw)
            .ok_or_else(|| format!("`{API_BASE_META}` is not a valid URL: `{raw}`"))?;
        if !is_http(&api) {
            return Err(format!(
                "`{API_BASE_META}` must be an http(s) URL, not `{raw}`"
            ));
        }
        api.set_hash("");
        let document = names_document(&api);
        let index = if document {
            // Articles of a contract index named directly live beside it.
            let index = api.href();
            let folder = join(&index, "./").map_or_else(|| index.clone(), |u| u.href());
            (folder, index)
        } else {
            // A folder, with or without its trailing slash: `…/v1` means `…/v1/`.
            let path = api.pathname();
            if !path.ends_with('/') {
                api.set_pathname(&format!("{path}/"));
            }
            api.set_search("");
            let folder = api.href();
            let index = join(&folder, "articles.json").map_or_else(|| folder.clone(), |u| u.href());
            (folder, index)
        };
        Ok(Self {
            api_base: index.0,
            index: index.1,
            document,
            timeout_seconds: DEFAULT_TIMEOUT_SECONDS,
            site_base: site.href(),
            paths: AppPaths::new(&site.pathname()),
        })
    }

    /// Reads the configuration from the current document.
    pub fn from_document() -> Result<Self, String> {
        let document = leptos::prelude::document();
        let base_uri = document
            .base_uri()
            .ok()
            .flatten()
            .ok_or_else(|| "the page has no base URL".to_owned())?;
        let api_base = document
            .query_selector(&format!(r#"meta[name="{API_BASE_META}"]"#))
            .ok()
            .flatten()
            .and_then(|meta| meta.get_attribute("content"));
        let timeout = document
            .query_selector(&format!(r#"meta[name="{TIMEOUT_META}"]"#))
            .ok()
            .flatten()
            .and_then(|meta| meta.get_attribute("content"));
        Ok(Self::resolve(&base_uri, api_base.as_deref())?.with_timeout(timeout.as_deref()))
    }

    /// The request timeout from the `<meta>`: whole seconds, 1 to 600; anything else keeps
    /// the default.
    pub fn with_timeout(mut self, seconds: Option<&str>) -> Self {
        if let Some(seconds) = seconds
            .and_then(|s| s.trim().parse::<u32>().ok())
            .filter(|s| (1..=600).contains(s))
        {
            self.timeout_seconds = seconds;
        }
        self
    }

    pub fn timeout_seconds(&self) -> u32 {
        self.timeout_seconds
    }

    pub fn paths(&self) -> &AppPaths {
        &self.paths
    }

    pub fn api_base(&self) -> &str {
        &self.api_base
    }

    /// `<api-base>articles/<slug>.json`, the slug escaped as one path segment.
    pub fn article_url(&self, slug: &str) -> String {
        self.api_url(&format!("articles/{}.json", encode_segment(slug)))
    }

    /// The first page of the index: `<api-base>articles.json`, or the document named.
    pub fn index_url(&self) -> String {
        self.index.clone()
    }

    /// Whether `signal:api-base` names one document (a feed) rather than a folder.
    pub fn names_document(&self) -> bool {
        self.document
    }

    fn api_url(&self, relative: &str) -> String {
        join(&self.api_base, relative)
            .map_or_else(|| format!("{}{relative}", self.api_base), |u| u.href())
    }

    /// A page's `next`, which is relative to that page's own URL.
    pub fn next_url(page: &str, next: &str) -> Option<String> {
        join(page, next).filter(is_http).map(|url| url.href())
    }

    /// The absolute URL of an app path such as `/reader/articles/x`.
    pub fn canonical(&self, app_path: &str) -> String {
        join(&self.site_base, app_path).map_or_else(|| app_path.to_owned(), |url| url.href())
    }
}
