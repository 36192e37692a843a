//! An article written back as the contract's JSON (`docs/contract.md`): what the published
//! JSON Feed carries in each item's `_signal` extension, so that another copy of this reader
//! reads the article back exactly as this one shows it, whatever format it came from.

use serde_json::{Map, Value, json};

use crate::{Article, Block, ExternalUrl, Image, RichText, Span};

/// The article as a contract document. Reading it back with [`Article::from_value`] gives
/// the same article (its `cut` aside: that notes what the original document lost).
pub fn article_json(article: &Article) -> Value {
    let mut out = Map::new();
    out.insert("slug".into(), json!(article.slug));
    out.insert("headline".into(), json!(article.headline));
    out.insert(
        "published_at".into(),
        article
            .published_at
            .as_ref()
            .map_or(Value::Null, |d| json!(d.machine())),
    );
    let mut optional = |name: &str, value: Option<Value>| {
        if let Some(value) = value {
            out.insert(name.into(), value);
        }
    };
    optional("kicker", article.kicker.as_ref().map(|k| json!(k)));
    // `null` rather than absent where a JSON Feed item has a field of its own, which the
    // adapter would read instead (`adapt::jsonfeed`, `EXTENSION_OVERRIDES`).
    let or_null = |value: Option<Value>| Some(value.unwrap_or(Value::Null));
    optional(
        "publisher",
        or_null(
            article
                .publisher
                .as_ref()
                .map(|p| named(&p.name, p.url.as_ref())),
        ),
    );
    optional(
        "status_label",
        article.status_label.as_ref().map(|s| json!(s)),
    );
    optional(
        "summary",
        or_null(article.summary.as_ref().map(|s| json!(s))),
    );
    optional(
        "url",
        or_null(article.url.as_ref().map(|u| json!(u.as_str()))),
    );
    optional("image", or_null(article.image.as_ref().map(image_json)));
    optional(
        "updated_at",
        or_null(article.updated_at.as_ref().map(|d| json!(d.machine()))),
    );
    optional(
        "language",
        or_null(article.language.as_ref().map(|l| json!(l.as_str()))),
    );
    optional(
        "authors",
        Some(
            article
                .authors
                .iter()
                .map(|a| named(&a.name, a.url.as_ref()))
                .collect(),
        ),
    );
    let boxes: Vec<Value> = article
        .summary_boxes
        .iter()
        .map(|b| {
            let mut summary_box = Map::new();
            if let Some(title) = &b.title {
                summary_box.insert("title".into(), json!(title));
            }
            if let Some(text) = &b.text {
                summary_box.insert("text".into(), json!(text));
            }
            if !b.points.is_empty() {
                summary_box.insert("points".into(), json!(b.points));
            }
            Value::Object(summary_box)
        })
        .collect();
    out.insert("summary_boxes".into(), Value::Array(boxes));
    out.insert(
        "pillars".into(),
        article
            .pillars
            .iter()
            .map(|p| json!({ "slug": p.slug, "name": p.name }))
            .collect(),
    );
    out.insert("body".into(), article.body.iter().map(block).collect());
    out.insert(
        "sources".into(),
        article
            .sources
            .iter()
            .map(|s| named(&s.name, s.url.as_ref()))
            .collect(),
    );
    Value::Object(out)
}

fn block(block: &Block) -> Value {
    match block {
        Block::Paragraph(text) => json!({ "type": "paragraph", "text": rich(text) }),
        Block::Heading(text) => json!({ "type": "heading", "text": text }),
        Block::Quote { text, cite } => match cite {
            Some(cite) => json!({ "type": "quote", "text": rich(text), "cite": cite }),
            None => json!({ "type": "quote", "text": rich(text) }),
        },
        Block::List(items) => {
            json!({ "type": "list", "items": items.iter().map(rich).collect::<Vec<_>>() })
        }
        Block::Figure(image) => json!({ "type": "figure", "image": image_json(image) }),
    }
}

/// `{ "name", "url" }` as the contract writes a publisher, an author or a source (the URL only
/// when it has one).
pub(super) fn named(name: &str, url: Option<&ExternalUrl>) -> Value {
    match url {
        Some(url) => json!({ "name": name, "url": url.as_str() }),
        None => json!({ "name": name }),
    }
}

/// An image as the contract writes it.
pub fn image_json(image: &Image) -> Value {
    let mut out = Map::new();
    out.insert("url".into(), json!(image.url.as_str()));
    out.insert("alt".into(), json!(image.alt));
    if let Some(size) = image.size {
        out.insert("width".into(), json!(size.width));
        out.insert("height".into(), json!(size.height));
    }
    if let Some(caption) = &image.caption {
        out.insert("caption".into(), rich(caption));
    }
    if let Some(credit) = &image.credit {
        out.insert("credit".into(), json!(credit));
    }
    if !image.sources.is_empty() {
        let sources: Vec<Value> = image
            .sources
            .iter()
            .map(|s| json!({ "url": s.url.as_str(), "width": s.width }))
            .collect();
        out.insert("sources".into(), Value::Array(sources));
    }
    Value::Object(out)
}

/// A string when the text has no link, else its runs.
fn rich(text: &RichText) -> Value {
    match text.spans() {
        [Span::Text(text)] => json!(text),
        spans => spans
            .iter()
            .map(|span| match span {
                Span::Text(text) => json!(text),
                Span::Link { text, url } => json!({ "text": text, "url": url.as_str() }),
            })
            .collect(),
    }
}
