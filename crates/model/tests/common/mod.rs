//! Helpers shared by the model's integration tests (`mod common;` in each that uses them).
// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

#[allow(unused_imports)]
pub use signal_model::api::NativeUrl;

/// The text of a file under `tests/fixtures/` (`wild/rss/…`, `formats/feed.rss`).
pub fn fixture_text(path: &str) -> String {
    let path = format!("{}/../../tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}
