//! Links: external URLs from documents (filtered to safe schemes) and the app's own paths.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// An absolute `http:` or `https:` URL from a document, safe to put in `href`.
///
/// The only way to build one is [`ExternalUrl::parse`], so a `javascript:` or `data:` URL can
/// never reach the DOM as a link.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ExternalUrl(String);

/// Characters a URL's host can never contain (WHATWG "forbidden host code points").
const FORBIDDEN_IN_HOST: &[char] = &[
    ' ', '#', '%', '/', ':', '<', '>', '?', '@', '[', '\\', ']', '^', '|',
];

impl ExternalUrl {
    /// Accepts what a browser would read as an `http(s)` URL with a host, judging the scheme
    /// the way the WHATWG URL parser does: after trimming C0 controls and spaces and removing
    /// tabs and newlines, so `java\tscript:` is `javascript:` and ` https://…` is https.
    /// (The `url` crate does this too, but it would add its IDNA tables to the wasm for one
    /// yes/no question; the tests check both agree.)
    pub fn parse(raw: &str) -> Option<Self> {
        let cleaned: String = raw
            .trim_matches(|c: char| c <= ' ')
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect();
        let (scheme, rest) = cleaned.split_once(':')?;
        if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
            return None;
        }
        // Special schemes take any run of slashes or backslashes before the authority.
        let authority = rest.trim_start_matches(['/', '\\']);
        let authority = &authority[..authority
            .find(['/', '\\', '?', '#'])
            .unwrap_or(authority.len())];
        let host_and_port = authority
            .rsplit_once('@')
            .map_or(authority, |(_, host)| host);
        let (host_ok, port) = match host_and_port.strip_prefix('[') {
            // An IPv6 literal, `[…]`, then an optional port.
            Some(v6) => {
                let (address, after) = v6.split_once(']')?;
                let ok = !address.is_empty()
                    && address
                        .chars()
                        .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.');
                (ok, after.strip_prefix(':'))
            }
            None => {
                let (host, port) = match host_and_port.split_once(':') {
                    Some((host, port)) => (host, Some(port)),
                    None => (host_and_port, None),
                };
                let ok = !host.is_empty()
                    && !host.contains(FORBIDDEN_IN_HOST)
                    && !host.chars().any(char::is_control);
                (ok, port)
            }
        };
        let port_ok = port.is_none_or(|p| p.is_empty() || p.parse::<u16>().is_ok());
        (host_ok && port_ok).then_some(Self(cleaned))
    }

    /// A link inside text: an http(s) URL as [`ExternalUrl::parse`] accepts, or a `mailto:`
    /// address. Every other scheme (`javascript:`, `data:`, `file:`, …) is refused.
    pub fn parse_link(raw: &str) -> Option<Self> {
        let cleaned = raw.trim_matches(|c: char| c <= ' ');
        match cleaned.split_once(':') {
            Some((scheme, address)) if scheme.eq_ignore_ascii_case("mailto") => {
                let ok = address.contains('@')
                    && !address.chars().any(|c| c.is_whitespace() || c.is_control());
                ok.then(|| Self(format!("mailto:{address}")))
            }
            _ => Self::parse(raw),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The site it is on, as a reader names it: `news.example.org` (no `www.`, no port).
    pub fn site_name(&self) -> String {
        site_name(&self.0).unwrap_or_else(|| self.0.clone())
    }
}

/// The host of an absolute URL, lower-case, without `www.` or port: how a link to another
/// site is named ("Read the full article at news.example.org").
pub fn site_name(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#', '\\']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host.split(':').next()?.trim_start_matches("www.");
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

impl AsRef<str> for ExternalUrl {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// Characters escaped in one path segment: all but letters, digits and `- _ . ! ~ * ' ( )`,
/// which is JavaScript's `encodeURIComponent`. One rule for the app and `public/boot.js`, so
/// that boot.js's early request has the app's URL (tests/e2e/url_rules.test.mjs checks it).
/// Escaping the rest of RFC 3986's sub-delimiters too (`& + , ; = @ : $`) is what real servers
/// need: every one decodes `%26` to `&`, whereas a raw `;` starts path parameters on servlet
/// containers and a raw `+` is a space to some frameworks.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

/// The app's own routes, under the path it is deployed at (`/` or e.g. `/reader/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppPaths {
    /// Without a trailing slash: `""` at the root, `"/reader"` under a sub-path.
    base: String,
}

impl AppPaths {
    /// `base_path` is the path of the document's base URL, e.g. `/` or `/reader/`.
    pub fn new(base_path: &str) -> Self {
        let trimmed = base_path.trim().trim_matches('/');
        let base = if trimmed.is_empty() {
            String::new()
        } else {
            format!("/{trimmed}")
        };
        Self { base }
    }

    /// Paths as absolute URLs under `site` (`https://reader.example/reader/`), for views
    /// mounted in someone else's page, where a path would resolve against their site.
    pub fn absolute(site: &str) -> Self {
        Self {
            base: site.trim().trim_end_matches('/').to_owned(),
        }
    }

    pub fn home(&self) -> String {
        format!("{}/", self.base)
    }

    pub fn article(&self, slug: &str) -> String {
        format!("{}/articles/{}", self.base, encode_segment(slug))
    }

    pub fn pillar(&self, slug: &str) -> String {
        format!("{}/pillars/{}", self.base, encode_segment(slug))
    }

    /// The framed article partners embed.
    pub fn embed_article(&self, slug: &str) -> String {
        format!("{}/embed/articles/{}", self.base, encode_segment(slug))
    }

    /// The framed card partners embed (and the oEmbed document's frame).
    pub fn embed_card(&self, slug: &str) -> String {
        format!("{}/embed/cards/{}", self.base, encode_segment(slug))
    }

    /// The partner loader, at a stable (unhashed) URL so partners can pin it with SRI.
    pub fn embed_loader(&self) -> String {
        format!("{}/embed/v1/loader.js", self.base)
    }
}

impl Default for AppPaths {
    fn default() -> Self {
        Self::new("/")
    }
}

/// Which of the app's pages a path shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Feed,
    Article(String),
    Pillar(String),
    /// The framed article for partner sites.
    EmbedArticle(String),
    /// The framed card for partner sites.
    EmbedCard(String),
    Other,
}

impl AppPaths {
    /// The page at `path` (a path as the browser shows it, under the base).
    pub fn route_of(&self, path: &str) -> Route {
        let Some(rest) = path.strip_prefix(self.base.as_str()) else {
            return Route::Other;
        };
        let parts: Vec<&str> = rest.trim_matches('/').split('/').collect();
        // Lossy: a `%` that starts no escape stays, bytes that are not UTF-8 become U+FFFD
        // (public/boot.js's decodeSegment decodes alike).
        let decoded = |s: &str| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8_lossy()
                .into_owned()
        };
        match parts.as_slice() {
            [""] => Route::Feed,
            ["articles", slug] if !slug.is_empty() => Route::Article(decoded(slug)),
            ["pillars", slug] if !slug.is_empty() => Route::Pillar(decoded(slug)),
            ["embed", "articles", slug] if !slug.is_empty() => Route::EmbedArticle(decoded(slug)),
            ["embed", "cards", slug] if !slug.is_empty() => Route::EmbedCard(decoded(slug)),
            _ => Route::Other,
        }
    }
}

/// `text` escaped to stand as one URL path segment.
pub fn encode_segment(text: &str) -> String {
    utf8_percent_encode(text, SEGMENT).to_string()
}
