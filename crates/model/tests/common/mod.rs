//! Helpers shared by the model's integration tests (`mod common;` in each that uses them).
// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use signal_model::api::WebUrl;

/// The `url` crate's WHATWG parser, standing in for the browser's.
pub struct NativeUrl(url::Url);

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

/// The text of a file under `tests/fixtures/` (`wild/rss/…`, `formats/feed.rss`).
pub fn fixture_text(path: &str) -> String {
    let path = format!("{}/../../tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}
