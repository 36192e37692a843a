//! Where the JSON lives and where the app is deployed, read at run time from the page so a
//! deployer can change them in the built `index.html` without rebuilding.

use url::Url;

use crate::model::AppPaths;

/// The `<meta>` whose `content` is the API base URL.
pub const API_BASE_META: &str = "signal:api-base";
/// Used when the page has no such `<meta>`: the sample data bundled in `dist/data/`.
pub const DEFAULT_API_BASE: &str = "data/";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Absolute, ending in `/`.
    api_base: Url,
    /// The document's base URL (Trunk's `--public-url`), used for canonical links.
    site_base: Url,
    paths: AppPaths,
}

impl Config {
    /// `base_uri` is the document's base URL; `api_base` the meta's content, relative to it.
    pub fn resolve(base_uri: &str, api_base: Option<&str>) -> Result<Self, String> {
        let site_base = Url::parse(base_uri).map_err(|e| format!("page URL `{base_uri}`: {e}"))?;
        let raw = api_base
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .unwrap_or(DEFAULT_API_BASE);
        let mut api_base = site_base
            .join(raw)
            .map_err(|e| format!("`{API_BASE_META}` is not a valid URL (`{raw}`): {e}"))?;
        if !matches!(api_base.scheme(), "http" | "https") {
            return Err(format!(
                "`{API_BASE_META}` must be an http(s) URL, not `{raw}`"
            ));
        }
        // A base without a trailing slash names a directory too: `…/v1` means `…/v1/`.
        if !api_base.path().ends_with('/') {
            let path = format!("{}/", api_base.path());
            api_base.set_path(&path);
        }
        api_base.set_query(None);
        api_base.set_fragment(None);
        let paths = AppPaths::new(site_base.path());
        Ok(Self {
            api_base,
            site_base,
            paths,
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
        Self::resolve(&base_uri, api_base.as_deref())
    }

    pub fn paths(&self) -> &AppPaths {
        &self.paths
    }

    pub fn api_base(&self) -> &Url {
        &self.api_base
    }

    /// `<api-base>/articles/<slug>.json`, the slug escaped as one path segment.
    pub fn article_url(&self, slug: &str) -> Url {
        let mut url = self.api_base.clone();
        if let Ok(mut segments) = url.path_segments_mut() {
            segments
                .pop_if_empty()
                .push("articles")
                .push(&format!("{slug}.json"));
        }
        url
    }

    /// `<api-base>/articles.json`, the first page of the index.
    pub fn index_url(&self) -> Url {
        let mut url = self.api_base.clone();
        if let Ok(mut segments) = url.path_segments_mut() {
            segments.pop_if_empty().push("articles.json");
        }
        url
    }

    /// A page's `next`, which is relative to that page's own URL.
    pub fn next_url(page: &Url, next: &str) -> Option<Url> {
        page.join(next)
            .ok()
            .filter(|url| matches!(url.scheme(), "http" | "https"))
    }

    /// The absolute URL of an app path such as `/reader/articles/x`.
    pub fn canonical(&self, app_path: &str) -> String {
        self.site_base
            .join(app_path)
            .map(String::from)
            .unwrap_or_else(|_| app_path.to_owned())
    }
}
