//! The site's own JSON Feed 1.1 (<https://jsonfeed.org/version/1.1>): each item a whole
//! article, with the contract's fields in the `_signal` extension (read back by this reader's
//! JSON Feed adapter, `adapt::jsonfeed`), paged by `next_url`.

use serde_json::{Map, Value, json};

use crate::{Article, site};

use super::{
    contract::{article_json, named},
    rfc3339,
};

pub const VERSION: &str = "https://jsonfeed.org/version/1.1";

/// One item: `canonical` is the article's page on the site, `content_html` its body as
/// [`html::article_html`](super::html::article_html) writes it (made once for both feeds).
pub fn item(article: &Article, canonical: &str, content_html: &str) -> Value {
    let mut item = Map::new();
    item.insert("id".into(), json!(canonical));
    item.insert("url".into(), json!(canonical));
    if let Some(url) = &article.url {
        item.insert("external_url".into(), json!(url.as_str()));
    }
    item.insert("title".into(), json!(article.headline));
    if let Some(summary) = &article.summary {
        item.insert("summary".into(), json!(summary));
    }
    item.insert("content_html".into(), json!(content_html));
    if let Some(date) = &article.published_at {
        item.insert("date_published".into(), json!(rfc3339(date)));
    }
    if let Some(date) = &article.updated_at {
        item.insert("date_modified".into(), json!(rfc3339(date)));
    }
    if let Some(image) = &article.image {
        item.insert("image".into(), json!(image.url.as_str()));
    }
    if let Some(language) = &article.language {
        item.insert("language".into(), json!(language.as_str()));
    }
    let authors: Vec<Value> = super::credited(article)
        .into_iter()
        .map(|(name, url)| named(name, url))
        .collect();
    if !authors.is_empty() {
        item.insert("authors".into(), Value::Array(authors));
    }
    if !article.pillars.is_empty() {
        let tags: Vec<&str> = article.pillars.iter().map(|p| p.name.as_str()).collect();
        item.insert("tags".into(), json!(tags));
    }
    item.insert("_signal".into(), article_json(article));
    Value::Object(item)
}

/// One page of the feed, at `page_url`, with the next page's URL when there is one.
pub fn page(site_url: &str, page_url: &str, next_url: Option<&str>, items: Vec<Value>) -> String {
    let mut feed = Map::new();
    feed.insert("version".into(), json!(VERSION));
    feed.insert("title".into(), json!(site::PRODUCT_NAME));
    feed.insert("home_page_url".into(), json!(site_url));
    feed.insert("feed_url".into(), json!(page_url));
    feed.insert("description".into(), json!(site::TAGLINE));
    feed.insert("language".into(), json!("en"));
    feed.insert(
        "authors".into(),
        json!([{ "name": site::PUBLISHER_NAME, "url": site_url }]),
    );
    if let Some(next) = next_url {
        feed.insert("next_url".into(), json!(next));
    }
    feed.insert("items".into(), Value::Array(items));
    let mut text = serde_json::to_string_pretty(&Value::Object(feed)).unwrap_or_default();
    text.push('\n');
    text
}
