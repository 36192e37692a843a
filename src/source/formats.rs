//! Reading a fetched document. Our own format is read here; JSON Feed, JSON-LD, RSS, Atom,
//! WordPress and Ghost go to the adapter module (`src/bin/adapt.rs`), a second wasm that is
//! downloaded the first time a document in one of those formats arrives. It answers with contract JSON, which is read
//! here like any other document.

use wasm_bindgen::{JsValue, prelude::wasm_bindgen};
use wasm_bindgen_futures::JsFuture;

use signal_model::{
    Article, FeedPage,
    adapt::{self, Converted, Converter, Format, Reading},
};

use super::FetchError;

// The module sits next to the app's own files; this snippet is copied to
// `snippets/<crate>-<hash>/`, so `../../` is where they are, also when the script embed runs
// the app inside a partner's page. A failed load is forgotten, so that Retry tries again.
#[wasm_bindgen(inline_js = r#"
let loading;
export function convert(format, json, base, slug) {
  loading ??= import(new URL("../../signal-of-hope-adapt.js", import.meta.url).href)
    .then(async (module) => {
      await module.default();
      return module;
    })
    .catch((err) => {
      loading = undefined;
      throw err;
    });
  return loading.then((module) => module.convert(format, json, base, slug));
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = convert)]
    fn convert_in_module(
        format: &str,
        json: &str,
        base: Option<String>,
        slug: Option<String>,
    ) -> js_sys::Promise;
}

/// An index page (`articles.json`) in any format, fetched from `url`.
pub(crate) async fn read_index(json: &str, url: &str) -> Result<FeedPage, FetchError> {
    adapt::index(json, Some(url), &AdapterModule).await
}

/// An article document in any format, fetched from `url`: from a document of several
/// articles, the one whose slug is `slug` (or its only one).
pub(crate) async fn read_article(json: &str, url: &str, slug: &str) -> Result<Article, FetchError> {
    adapt::article(json, Some(url), slug, &AdapterModule).await
}

/// An article document in our own format only, for the article page's own build, which has
/// no adapter module: a document in another format is read by the whole app
/// (`source::whole_app`).
pub(crate) async fn read_own_article(json: &str, _url: &str) -> Result<Article, FetchError> {
    match adapt::reading(json).map_err(FetchError::Invalid)? {
        Reading::Contract(version) => adapt::contract(json, version).map_err(FetchError::Invalid),
        Reading::Foreign(format) => {
            let unread = format!(
                "this build of the reader has no adapter for {}",
                format.name()
            );
            super::whole_app::read(FetchError::Adapter(unread)).await
        }
    }
}

/// The adapter module, loaded the first time a document in another format arrives.
struct AdapterModule;

impl Converter for AdapterModule {
    type Error = FetchError;

    async fn convert(
        &self,
        format: Format,
        json: &str,
        base: Option<&str>,
        slug: Option<&str>,
    ) -> Result<Converted, FetchError> {
        let answer = JsFuture::from(convert_in_module(
            format.name(),
            json,
            base.map(str::to_owned),
            slug.map(str::to_owned),
        ))
        .await
        .map_err(|err| FetchError::Adapter(module_failure(&err)))?;
        answer
            .as_string()
            .and_then(|text| adapt::decode_answer(&text))
            .ok_or_else(|| FetchError::Adapter("the adapter module gave no answer".into()))?
            .map_err(FetchError::Invalid)
    }
}

/// Why the module could not be loaded or run (offline, or a deployment that lacks it).
fn module_failure(err: &JsValue) -> String {
    let detail = js_sys::Error::from(err.clone()).message();
    format!("the reader's adapter module could not be loaded: {detail}")
}
