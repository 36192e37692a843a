//! Links: external URLs from documents (filtered to safe schemes) and the app's own paths.

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};

/// An absolute `http:` or `https:` URL from a document, safe to put in `href`.
///
/// The only way to build one is [`ExternalUrl::parse`], so a `javascript:` or `data:` URL can
/// never reach the DOM as a link.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ExternalUrl(String);

impl ExternalUrl {
    /// Parses with the WHATWG URL rules the browser uses (so tricks such as
    /// `java\tscript:` or leading spaces are judged as the browser would read them).
    pub fn parse(raw: &str) -> Option<Self> {
        let url = url::Url::parse(raw).ok()?;
        matches!(url.scheme(), "http" | "https").then(|| Self(url.into()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for ExternalUrl {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// Characters escaped in one path segment (RFC 3986 `pchar`, minus the separators).
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'\\')
    .add(b'^')
    .add(b'|');

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

    /// The router's base: `""` or `"/reader"`.
    pub fn base(&self) -> &str {
        &self.base
    }

    pub fn home(&self) -> String {
        format!("{}/", self.base)
    }

    pub fn article(&self, slug: &str) -> String {
        format!("{}/articles/{}", self.base, segment(slug))
    }

    pub fn pillar(&self, slug: &str) -> String {
        format!("{}/pillars/{}", self.base, segment(slug))
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
    Other,
}

impl AppPaths {
    /// The page at `path` (a path as the browser shows it, under the base).
    pub fn route_of(&self, path: &str) -> Route {
        let Some(rest) = path.strip_prefix(self.base.as_str()) else {
            return Route::Other;
        };
        let parts: Vec<&str> = rest.trim_matches('/').split('/').collect();
        let decoded = |s: &str| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8_lossy()
                .into_owned()
        };
        match parts.as_slice() {
            [""] => Route::Feed,
            ["articles", slug] if !slug.is_empty() => Route::Article(decoded(slug)),
            ["pillars", slug] if !slug.is_empty() => Route::Pillar(decoded(slug)),
            _ => Route::Other,
        }
    }
}

fn segment(text: &str) -> String {
    utf8_percent_encode(text, SEGMENT).to_string()
}
