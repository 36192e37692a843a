//! Where the page's documents are and how they are asked for: the API base from
//! `<meta name="signal:api-base">`, the index and article URLs, the `Accept` header, and which
//! document each page reads first.
//!
//! `public/boot.js` follows the same rules before the wasm loads, to start the page's request
//! early; the app only reuses that request when the URL is the same. The table of cases in
//! `crates/model/tests/url_rules.rs`, computed with these functions, is written to
//! `tests/fixtures/url-rules.json`, and `tests/e2e/url_rules.test.mjs` runs boot.js over it.

use crate::link::{Route, encode_segment};

/// The relations a WordPress index asks to be embedded: the terms (pillars), the featured
/// picture and the authors (contract 1.1). `public/boot.js` writes the same, checked by the
/// URL rules' table (`tests/url_rules.rs`).
pub const WORDPRESS_EMBED: &str = "_embed=wp:term,wp:featuredmedia,author";

/// The document types the reader can read, in order of preference: JSON (its own format, JSON
/// Feed), then JSON-LD and the XML feeds (RSS, Atom), then XML served under a generic type.
/// At most 128 bytes, so that it stays a CORS-safelisted header (Fetch, "CORS-safelisted
/// request-header") and a cross-origin request needs no preflight.
pub const ACCEPT: &str = "application/json, application/feed+json, application/ld+json, \
     application/rss+xml, application/atom+xml, */*;q=0.5";
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

/// The `url` crate's WHATWG parser: the browser's stand-in natively (the prerenderer, tests).
#[cfg(feature = "native-url")]
pub struct NativeUrl(url::Url);

#[cfg(feature = "native-url")]
impl WebUrl for NativeUrl {
    fn parse(input: &str, base: Option<&str>) -> Option<Self> {
        match base {
            Some(base) => url::Url::parse(base).ok()?.join(input),
            None => url::Url::parse(input),
        }
        .ok()
        .map(Self)
    }
    fn href(&self) -> String {
        self.0.as_str().to_owned()
    }
    fn protocol(&self) -> String {
        format!("{}:", self.0.scheme())
    }
    fn pathname(&self) -> String {
        self.0.path().to_owned()
    }
    fn search(&self) -> String {
        match self.0.query() {
            Some(query) if !query.is_empty() => format!("?{query}"),
            _ => String::new(),
        }
    }
    fn set_pathname(&mut self, pathname: &str) {
        self.0.set_path(pathname);
    }
    fn set_search(&mut self, search: &str) {
        let query = search.strip_prefix('?').unwrap_or(search);
        self.0.set_query((!query.is_empty()).then_some(query));
    }
    fn set_hash(&mut self, hash: &str) {
        let fragment = hash.strip_prefix('#').unwrap_or(hash);
        self.0
            .set_fragment((!fragment.is_empty()).then_some(fragment));
    }
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
    /// What `signal:api-base` names.
    kind: Kind,
}

/// What `signal:api-base` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A folder of contract documents.
    Folder,
    /// One document (a feed, JSON-LD, or a contract index page).
    Document,
    /// A WordPress REST API posts endpoint (`…/wp-json/wp/v2/posts`, `?rest_route=/wp/v2/posts`).
    WordPress,
    /// A Ghost Content API posts endpoint (`…/ghost/api/content/posts/?key=…`).
    Ghost,
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
        let kind = kind(&api.pathname(), &api.search());
        let (folder, index) = if kind == Kind::WordPress {
            // Without `_embed` a post names its categories, tags, featured picture and
            // authors by number only (WordPress 5.4+ embeds just the relations listed).
            let search = api.search();
            if !has_param(&search, "_embed") {
                api.set_search(&add_param(&search, WORDPRESS_EMBED));
            }
            let index = api.href();
            (index.clone(), index)
        } else if kind == Kind::Ghost {
            // Ghost's own URLs end in a slash, which it redirects to.
            let path = api.pathname();
            if !path.ends_with('/') {
                api.set_pathname(&format!("{path}/"));
            }
            let index = api.href();
            (index.clone(), index)
        } else if kind == Kind::Document {
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
            kind,
        })
    }

    /// The first page of the index: `<folder>articles.json`, or the document named.
    pub fn index_url(&self) -> &str {
        &self.index
    }

    /// Whether `signal:api-base` names one document (a feed, or a posts API) rather than a
    /// folder.
    pub fn names_document(&self) -> bool {
        self.kind != Kind::Folder
    }

    /// What `signal:api-base` names.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// Whether an article has a document of its own besides the index that carries it: a
    /// posts API answers one post by its slug.
    pub fn by_slug(&self) -> bool {
        matches!(self.kind, Kind::WordPress | Kind::Ghost)
    }

    /// The article's own document: `<folder>articles/<slug>.json`, the slug escaped as one
    /// path segment ([`encode_segment`]); for WordPress the posts URL with `slug=<slug>`, for
    /// Ghost `…/posts/slug/<slug>/`, each with the query `signal:api-base` gave but for the
    /// parameters that choose a page of a list.
    pub fn article_url<U: WebUrl>(&self, slug: &str) -> String {
        match self.kind {
            Kind::WordPress => {
                let Some(mut url) = U::parse(&self.index, None) else {
                    return self.index.clone();
                };
                let search = without_params(&url.search(), &["page", "offset", "slug"]);
                url.set_search(&add_param(
                    &search,
                    &format!("slug={}", encode_segment(slug)),
                ));
                url.href()
            }
            Kind::Ghost => {
                let Some(mut url) = U::parse(&self.index, None) else {
                    return self.index.clone();
                };
                let search = without_params(&url.search(), &GHOST_LIST_PARAMS);
                url.set_search(&search);
                url.set_pathname(&format!("{}slug/{}/", url.pathname(), encode_segment(slug)));
                url.href()
            }
            Kind::Folder | Kind::Document => join::<U>(
                &self.folder,
                &format!("articles/{}.json", encode_segment(slug)),
            ),
        }
    }

    /// The document the page at `route` asks for first (`source::store`), which boot.js
    /// requests early: the index for the feed and a pillar's page, and for any page when the
    /// API names one document (a feed carries its articles); otherwise an article's own
    /// document. None for a page that reads nothing.
    pub fn first_document<U: WebUrl>(&self, route: &Route) -> Option<String> {
        match route {
            Route::Feed | Route::Pillar(_) => Some(self.index.clone()),
            _ if self.kind == Kind::Document && *route != Route::Other => Some(self.index.clone()),
            Route::Article(slug) | Route::EmbedArticle(slug) | Route::EmbedCard(slug) => {
                Some(self.article_url::<U>(slug))
            }
            Route::Other => None,
        }
    }
}

/// What an API URL names: a posts API by its path (`…/wp-json/wp/v2/posts`,
/// `…/ghost/api/content/posts/`, or Ghost's older `…/ghost/api/v3/content/posts/`) or
/// WordPress's `?rest_route=/wp/v2/posts`; one document when its last path segment has an
/// extension (`feed.json`, `news.jsonld`) or it has a query (`/?feed=json`); else a folder.
fn kind(path: &str, search: &str) -> Kind {
    let trimmed = path.strip_suffix('/').unwrap_or(path);
    let route = param(search, "rest_route").map(|r| r.replace("%2F", "/").replace("%2f", "/"));
    if trimmed.ends_with("/wp-json/wp/v2/posts")
        || route.is_some_and(|r| matches!(r.as_str(), "/wp/v2/posts" | "/wp/v2/posts/"))
    {
        return Kind::WordPress;
    }
    if let Some(api) = trimmed.strip_suffix("/content/posts")
        && let Some((_, version)) = api.rsplit_once("/ghost/api")
        && is_ghost_version(version)
    {
        return Kind::Ghost;
    }
    let last = path.rsplit('/').next().unwrap_or_default();
    if !search.is_empty() || (!path.ends_with('/') && last.contains('.')) {
        Kind::Document
    } else {
        Kind::Folder
    }
}

/// What Ghost's API path may have between `/ghost/api` and `/content`: nothing (Ghost 5),
/// or a version (`/v3`, `/v4.0`, `/canary`) in older Ghosts.
fn is_ghost_version(version: &str) -> bool {
    version.is_empty()
        || version == "/canary"
        || version.strip_prefix("/v").is_some_and(|v| {
            v.starts_with(|c: char| c.is_ascii_digit())
                && v.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        })
}

/// Ghost's parameters that choose part of a list, which a single post's request leaves out.
const GHOST_LIST_PARAMS: [&str; 4] = ["page", "limit", "filter", "order"];

/// A query's parameters as written (`?a=1&b` → `a=1`, `b`), without empty ones.
fn params(search: &str) -> impl Iterator<Item = &str> {
    search
        .strip_prefix('?')
        .unwrap_or(search)
        .split('&')
        .filter(|p| !p.is_empty())
}

/// A parameter's name as written (`a=1` → `a`).
fn param_name(param: &str) -> &str {
    param.split_once('=').map_or(param, |(name, _)| name)
}

/// The value of the first parameter `name` in a query, as written (not decoded).
fn param<'a>(search: &'a str, name: &str) -> Option<&'a str> {
    params(search)
        .find(|p| param_name(p) == name)
        .map(|p| p.split_once('=').map_or("", |(_, value)| value))
}

fn has_param(search: &str, name: &str) -> bool {
    params(search).any(|p| param_name(p) == name)
}

/// The query without the parameters `names`, the others as written and in order.
fn without_params(search: &str, names: &[&str]) -> String {
    let kept: Vec<&str> = params(search)
        .filter(|p| !names.contains(&param_name(p)))
        .collect();
    if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    }
}

/// The query with `param` (`name=value`, already escaped) added at its end.
fn add_param(search: &str, param: &str) -> String {
    let rest = without_params(search, &[]);
    if rest.is_empty() {
        format!("?{param}")
    } else {
        format!("{rest}&{param}")
    }
}

/// `url` with its `page` parameter set to `page` (the other parameters kept as written, and
/// in order): the next page of an API that counts its pages.
pub fn with_page(url: &str, page: u64) -> String {
    let (url, fragment) = url.split_once('#').map_or((url, ""), |(u, f)| (u, f));
    let (base, search) = url.split_once('?').map_or((url, ""), |(b, s)| (b, s));
    let search = without_params(search, &["page"]);
    let search = add_param(&search, &format!("page={page}"));
    if fragment.is_empty() {
        format!("{base}{search}")
    } else {
        format!("{base}{search}#{fragment}")
    }
}

/// Whether a document is an empty list (`[]`, white space aside): WordPress's answer for a
/// slug it does not have, and its list of a site without posts. Nothing in it says it is
/// WordPress's, so the app asks only where the API is known to be a posts API.
pub fn is_empty_list(json: &str) -> bool {
    json.chars()
        .filter(|c| !c.is_ascii_whitespace())
        .eq("[]".chars())
}

/// The page after `url` when the API says how many pages there are (WordPress's
/// `X-WP-TotalPages`): the page `url` asks for (`page`, 1 without one) plus one, if there is
/// one. WordPress answers a page past the last with an error, so none is ever asked for.
pub fn next_page_number(url: &str, total_pages: &str) -> Option<u64> {
    let total: u64 = total_pages.trim().parse().ok()?;
    let search = url.split('#').next().unwrap_or(url);
    let search = search.split_once('?').map_or("", |(_, s)| s);
    let current = match param(search, "page") {
        Some(page) => page.trim().parse::<u64>().ok().filter(|&p| p >= 1)?,
        None => 1,
    };
    (current < total).then_some(current + 1)
}

/// The target of the `rel="next"` link of an HTTP `Link` header (RFC 8288), as written (a
/// relative target is relative to the URL that was requested). Links are separated by commas
/// outside `<…>` and quotes; `rel` may be quoted and may list several relations
/// (`rel="prev next"`), compared without regard to case.
pub fn next_link(header: &str) -> Option<String> {
    let mut rest = header;
    loop {
        let start = rest.find('<')?;
        let after = &rest[start + 1..];
        let end = after.find('>')?;
        let target = &after[..end];
        let mut params = &after[end + 1..];
        // The link's parameters run to the next comma outside quotes.
        let mut quoted = false;
        let mut stop = params.len();
        for (at, c) in params.char_indices() {
            match c {
                '"' => quoted = !quoted,
                ',' if !quoted => {
                    stop = at;
                    break;
                }
                _ => {}
            }
        }
        rest = &params[stop..];
        params = &params[..stop];
        let is_next = params.split(';').any(|param| {
            let Some((name, value)) = param.split_once('=') else {
                return false;
            };
            name.trim().eq_ignore_ascii_case("rel")
                && value
                    .trim()
                    .trim_matches('"')
                    .split_ascii_whitespace()
                    .any(|rel| rel.eq_ignore_ascii_case("next"))
        });
        if is_next && !target.trim().is_empty() {
            return Some(target.trim().to_owned());
        }
    }
}

/// `relative` resolved against the absolute `base` (as written when the parser refuses it).
fn join<U: WebUrl>(base: &str, relative: &str) -> String {
    U::parse(relative, Some(base)).map_or_else(|| format!("{base}{relative}"), |u| u.href())
}
