//! The adapter module: JSON Feed, JSON-LD, RSS, Atom, WordPress and Ghost read as the
//! contract. A wasm of its own, which the app loads only the first time it meets a document in one of those formats
//! (`source::formats`), so readers of our own format never download the adapters.

use signal_model::adapt::{self, ContractAnswer, Format, Parsers};
use signal_of_hope::source::dom::{BrowserHtml, BrowserXml};
use wasm_bindgen::prelude::wasm_bindgen;

fn main() {}

/// Adapts and validates `json` (in `format`, as [`Format::name`] names it; fetched from
/// `base`); with `slug`, keeps only that article. Answers [`ContractAnswer`] as JSON.
#[wasm_bindgen]
pub fn convert(format: &str, json: &str, base: Option<String>, slug: Option<String>) -> String {
    let parsers = Parsers {
        html: &BrowserHtml,
        xml: &BrowserXml,
    };
    let answer: ContractAnswer = match Format::from_name(format) {
        Some(format) => adapt::convert(format, json, base.as_deref(), slug.as_deref(), parsers),
        None => Err(signal_model::ContractError::at(
            "",
            format!("the adapter module does not know the format `{format}`"),
        )),
    };
    adapt::encode_answer(&answer)
}
