//! Where the JSON lives and where the app is deployed, read at run time from the page so a
//! deployer can change them in the built `index.html` without rebuilding.
//!
//! The rules are the model's (`signal_model::api`), which `public/boot.js` follows too; URLs
//! are resolved by the browser's own WHATWG parser (`web_sys::Url`): the one that will fetch
//! them, at no cost to the wasm. Natively (the prerenderer) the url crate's parser does it.

use web_sys::Url;

use signal_model::{
    AppPaths,
    api::{ApiBase, ApiBaseError, WebUrl},
};

/// The URL parser of this build: the browser's in the wasm, the url crate's natively.
#[cfg(target_arch = "wasm32")]
type PlatformUrl = BrowserUrl;
#[cfg(not(target_arch = "wasm32"))]
type PlatformUrl = signal_model::api::NativeUrl;

/// The `<meta>` whose `content` is the API base URL.
pub const API_BASE_META: &str = "signal:api-base";
/// The `<meta>` whose `content` is how many seconds a request may take before the reader
/// gives up on it and offers Retry.
pub const TIMEOUT_META: &str = "signal:request-timeout";
/// Long enough for a large document on a slow mobile connection, short enough that a stalled
/// server does not leave a reader looking at a skeleton.
pub const DEFAULT_TIMEOUT_SECONDS: u32 = 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Where the documents are (the rules are the model's, shared with `public/boot.js`).
    api: ApiBase,
    /// How long a request may take, in seconds.
    timeout_seconds: u32,
    /// The document's base URL (Trunk's `--public-url`), for canonical links.
    site_base: String,
    paths: AppPaths,
}

/// The browser's URL parser, for the model's URL rules (public: `tests/source.rs` checks the
/// rules' table with it).
pub struct BrowserUrl(Url);

impl WebUrl for BrowserUrl {
    fn parse(input: &str, base: Option<&str>) -> Option<Self> {
        match base {
            Some(base) => Url::new_with_base(input, base),
            None => Url::new(input),
        }
        .ok()
        .map(Self)
    }
    fn href(&self) -> String {
        self.0.href()
    }
    fn protocol(&self) -> String {
        self.0.protocol()
    }
    fn pathname(&self) -> String {
        self.0.pathname()
    }
    fn search(&self) -> String {
        self.0.search()
    }
    fn set_pathname(&mut self, pathname: &str) {
        self.0.set_pathname(pathname);
    }
    fn set_search(&mut self, search: &str) {
        self.0.set_search(search);
    }
    fn set_hash(&mut self, hash: &str) {
        self.0.set_hash(hash);
    }
}

fn is_http(url: &PlatformUrl) -> bool {
    matches!(url.protocol().as_str(), "http:" | "https:")
}

/// `relative` resolved against the absolute `base`.
fn join(base: &str, relative: &str) -> Option<PlatformUrl> {
    PlatformUrl::parse(relative, Some(base))
}

impl Config {
    /// `base_uri` is the document's base URL; `api_base` the meta's content, relative to it.
    pub fn resolve(base_uri: &str, api_base: Option<&str>) -> Result<Self, String> {
        let site = PlatformUrl::parse(base_uri, None)
            .ok_or_else(|| format!("the page URL `{base_uri}` is not a URL"))?;
        let api = ApiBase::resolve::<PlatformUrl>(base_uri, api_base).map_err(|err| match err {
            ApiBaseError::NotUrl(raw) => format!("`{API_BASE_META}` is not a valid URL: `{raw}`"),
            ApiBaseError::NotHttp(raw) => {
                format!("`{API_BASE_META}` must be an http(s) URL, not `{raw}`")
            }
        })?;
        Ok(Self {
            api,
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

    /// `<api-base>articles/<slug>.json`, the slug escaped as one path segment.
    pub fn article_url(&self, slug: &str) -> String {
        self.api.article_url::<PlatformUrl>(slug)
    }

    /// The document the page at `route` reads first (`ApiBase::first_document`), which
    /// `public/boot.js` requests early and a prerendered page carries.
    pub fn first_document(&self, route: &signal_model::Route) -> Option<String> {
        self.api.first_document::<PlatformUrl>(route)
    }

    /// The first page of the index: `<api-base>articles.json`, or the document named.
    pub fn index_url(&self) -> String {
        self.api.index_url().to_owned()
    }

    /// Whether `signal:api-base` names one document (a feed) rather than a folder.
    pub fn names_document(&self) -> bool {
        self.api.names_document()
    }

    /// Whether an article is asked for by its slug from a posts API (WordPress, Ghost), also
    /// when the index carries it.
    pub fn by_slug(&self) -> bool {
        self.api.by_slug()
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
