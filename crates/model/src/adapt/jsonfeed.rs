//! JSON Feed 1.0 and 1.1 (<https://jsonfeed.org/version/1.1>): the feed is the index, each
//! item a whole article. See `docs/formats.md` for the mapping.

use serde_json::{Map, Value, json};

use super::{
    Adapted, AdaptedFeed, HtmlParser, dates,
    foreign_text::{self, plain_value},
    html::HtmlBudget,
    json_feed_version,
    media::{self, Byline, Picture},
    util::{is_slug, last_segment, set, slugify, string},
};
use crate::link::site_name;
use crate::{ContractError, error::describe, limits::MAX_CARDS, text};

/// The contract fields an item's `_signal` extension object may carry.
const EXTENSION_FIELDS: &[&str] = &["kicker", "pillars", "summary_boxes", "status_label"];

/// The contract fields that JSON Feed has a place for, which `_signal` may also carry: then
/// they win over the item's own (this reader's published feed carries the whole article there,
/// so that another copy reads it back as it was, `publish::json_feed`). `null` is "none".
const EXTENSION_OVERRIDES: &[&str] = &[
    "headline",
    "published_at",
    "updated_at",
    "summary",
    "publisher",
    "authors",
    "image",
    "language",
    "url",
    "body",
    "sources",
];

/// A headline made from an untitled item's text is cut to this many characters.
const HEADLINE_CHARS: usize = 90;

pub fn adapt(doc: &Value, html: &dyn HtmlParser) -> Result<AdaptedFeed, ContractError> {
    let feed = doc
        .as_object()
        .ok_or_else(|| ContractError::at("", "expected a JSON object"))?;
    let version = string(feed.get("version")).unwrap_or_default();
    let number = json_feed_version(version).unwrap_or(version);
    if !matches!(number, "1" | "1.0" | "1.1") {
        return Err(ContractError::at(
            "version",
            format!(
                "this is JSON Feed version {number}, and this reader understands JSON Feed 1 \
                 and 1.1"
            ),
        ));
    }
    let items = match feed.get("items") {
        Some(Value::Array(items)) => items,
        Some(other) => {
            return Err(ContractError::at(
                "items",
                format!("expected a list, found {}", describe(other)),
            ));
        }
        None => return Err(ContractError::at("items", "required, but missing")),
    };
    let html = HtmlBudget::new(html);
    let context = FeedContext {
        title: plain_value(feed.get("title"), &html),
        home: string(feed.get("home_page_url")),
        author: author(feed, &html),
        authors: authors(feed, &html),
        language: string(feed.get("language")).and_then(media::language),
    };
    // Items past the limit are not read at all.
    let articles = items
        .iter()
        .take(MAX_CARDS)
        .enumerate()
        .map(|(index, item)| context.item(index, item, &html))
        .collect();
    Ok(AdaptedFeed::new(
        articles,
        items.len(),
        string(feed.get("next_url")).map(str::to_owned),
    ))
}

/// The first author with a name, as a publisher, and the field it came from: 1.1's
/// `authors`, or 1.0's `author`.
fn author(object: &Map<String, Value>, html: &HtmlBudget) -> Option<(Value, &'static str)> {
    let from = |author: &Value| {
        let name = plain_value(author.get("name"), html)?;
        Some(json!({ "name": name, "url": string(author.get("url")) }))
    };
    let authors = match object.get("authors") {
        Some(Value::Array(authors)) => authors.iter().find_map(from),
        _ => None,
    };
    authors
        .map(|a| (a, "authors"))
        .or_else(|| object.get("author").and_then(from).map(|a| (a, "author")))
}

/// Every named author of 1.1's `authors`, else 1.0's `author`, and the field they came from.
fn authors(object: &Map<String, Value>, html: &HtmlBudget) -> Option<(Value, &'static str)> {
    let byline = |list: &[Value]| {
        let mut byline = Byline::default();
        for author in list {
            byline.push(
                plain_value(author.get("name"), html),
                string(author.get("url")),
            );
        }
        byline.json()
    };
    let authors = match object.get("authors") {
        Some(Value::Array(authors)) => byline(authors),
        _ => None,
    };
    authors.map(|a| (a, "authors")).or_else(|| {
        let author = object.get("author").filter(|a| a.is_object())?;
        byline(std::slice::from_ref(author)).map(|a| (a, "author"))
    })
}

struct FeedContext<'a> {
    title: Option<String>,
    home: Option<&'a str>,
    /// The feed's author and the field it came from.
    author: Option<(Value, &'static str)>,
    /// The feed's authors (an item without its own has them) and the field they came from.
    authors: Option<(Value, &'static str)>,
    /// The feed's `language`, a well-formed tag (an item's own wins).
    language: Option<String>,
}

impl FeedContext<'_> {
    fn item(
        &self,
        index: usize,
        item: &Value,
        html: &HtmlBudget,
    ) -> Result<Adapted, ContractError> {
        let origin = format!("items[{index}]");
        let at = |field: &str| format!("{origin}.{field}");
        let item = item.as_object().ok_or_else(|| {
            ContractError::at(
                &origin,
                format!("expected an object, found {}", describe(item)),
            )
        })?;
        let extension = match item.get("_signal") {
            None | Some(Value::Null) => Map::new(),
            Some(Value::Object(extension)) => extension.clone(),
            Some(other) => {
                return Err(ContractError::at(
                    at("_signal"),
                    format!("expected an object, found {}", describe(other)),
                ));
            }
        };
        let mut fields = Vec::new();
        let mut out = Map::new();
        let mut cut = Vec::new();

        // The id is required; JSON Feed says a number is read as its text.
        let id = match item.get("id") {
            Some(Value::String(id)) => Some(id.trim().to_owned()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        }
        .filter(|id| !id.is_empty());
        let url = string(item.get("url"));
        let slug = match (string(extension.get("slug")), &id) {
            (Some(slug), _) => {
                fields.push(("slug", at("_signal.slug")));
                slug.to_owned()
            }
            (None, Some(id)) if is_slug(id) => id.clone(),
            (None, _) => url
                .and_then(last_segment)
                .map(slugify)
                .filter(|s| !s.is_empty())
                .or_else(|| id.as_deref().map(slugify).filter(|s| !s.is_empty()))
                .ok_or_else(|| ContractError::at(at("id"), "required, but missing"))?,
        };
        fields.push(("slug", at("id")));
        out.insert("slug".into(), Value::String(slug));

        let body = match (
            string(item.get("content_html")),
            string(item.get("content_text")),
        ) {
            (Some(content), _) => {
                fields.push(("body", at("content_html")));
                let (blocks, html_cut) = html.blocks(content);
                cut.extend(html_cut);
                blocks
            }
            (None, Some(content)) => {
                fields.push(("body", at("content_text")));
                let (blocks, text_cut) = foreign_text::body(content, html);
                cut.extend(text_cut);
                blocks
            }
            (None, None) => Vec::new(),
        };

        // An untitled item (a micro-post) is headed by the start of its text.
        let summary = plain_value(item.get("summary"), html);
        let headline = plain_value(item.get("title"), html)
            .or_else(|| summary.as_deref().map(|s| text::excerpt(s, HEADLINE_CHARS)))
            .or_else(|| first_text(&body).map(|s| text::excerpt(&s, HEADLINE_CHARS)))
            .ok_or_else(|| ContractError::at(at("title"), "required, but missing"))?;
        fields.push(("headline", at("title")));
        out.insert("headline".into(), Value::String(headline));

        // The published date, else the modified one; with neither, the item is undated.
        let (date, date_field, date_cut) = dates::published_at([
            ("date_published", string(item.get("date_published"))),
            ("date_modified", string(item.get("date_modified"))),
        ]);
        cut.extend(date_cut);
        fields.push(("published_at", at(date_field)));
        out.insert("published_at".into(), date);

        if let Some(updated) =
            media::updated_at(&out["published_at"], string(item.get("date_modified")))
        {
            fields.push(("updated_at", at("date_modified")));
            out.insert("updated_at".into(), Value::String(updated));
        }

        fields.push(("summary", at("summary")));
        set(&mut out, "summary", summary.map(Value::from));

        for field in EXTENSION_FIELDS {
            if let Some(value) = extension.get(*field) {
                fields.push((field, at(&format!("_signal.{field}"))));
                out.insert((*field).to_owned(), value.clone());
            }
        }
        if !out.contains_key("pillars")
            && let Some(Value::Array(tags)) = item.get("tags")
        {
            let pillars: Vec<Value> = tags
                .iter()
                .filter_map(|tag| plain_value(Some(tag), html))
                .filter(|tag| !slugify(tag).is_empty())
                .map(|tag| json!({ "slug": slugify(&tag), "name": tag }))
                .collect();
            out.insert("pillars".into(), Value::Array(pillars));
        }

        let publisher = author(item, html)
            .map(|(a, field)| (a, at(field)))
            .or_else(|| self.author.clone().map(|(a, field)| (a, field.to_owned())))
            .or_else(|| {
                self.title
                    .as_ref()
                    .map(|name| (json!({ "name": name, "url": self.home }), "title".into()))
            });
        if let Some((publisher, field)) = publisher {
            fields.push(("publisher", field));
            out.insert("publisher".into(), publisher);
        }

        // The item's authors, else the feed's (JSON Feed 1.1: an item without authors has
        // the feed's).
        let authors = authors(item, html)
            .map(|(a, field)| (a, at(field)))
            .or_else(|| self.authors.clone().map(|(a, field)| (a, field.to_owned())));
        if let Some((authors, field)) = authors {
            fields.push(("authors", field));
            out.insert("authors".into(), authors);
        }

        let language = string(item.get("language"))
            .and_then(media::language)
            .map(|tag| (tag, at("language")))
            .or_else(|| {
                self.language
                    .clone()
                    .map(|tag| (tag, "language".to_owned()))
            });
        if let Some((language, field)) = language {
            fields.push(("language", field));
            out.insert("language".into(), Value::String(language));
        }

        // The hero: the banner a detail view shows at the top (JSON Feed's words), else the
        // item's main image. JSON Feed says nothing of what they show: no text alternative,
        // unless the body's lead picture is the same one and has it.
        let mut body = body;
        let hero = ["banner_image", "image"]
            .into_iter()
            .find_map(|field| Some((Picture::at(string(item.get(field))?)?, field)));
        if let Some((picture, field)) = hero {
            let mut image = picture.json();
            media::without_repeated_hero(&mut image, &mut body);
            fields.push(("image", at(field)));
            out.insert("image".into(), image);
        }

        out.insert("body".into(), Value::Array(body));
        if let Some(url) = url {
            fields.push(("url", at("url")));
            out.insert("url".into(), Value::from(url));
        }

        // The page the item is about (`external_url`) is its source; else the item's own page.
        let cited = match (string(item.get("external_url")), url) {
            (Some(external), _) => {
                fields.push(("sources", at("external_url")));
                let name = site_name(external).unwrap_or_else(|| external.to_owned());
                vec![json!({ "name": name, "url": external })]
            }
            (None, Some(url)) => {
                fields.push(("sources", at("url")));
                let name = self.title.clone().or_else(|| site_name(url));
                vec![json!({ "name": name.unwrap_or_else(|| url.to_owned()), "url": url })]
            }
            (None, None) => Vec::new(),
        };
        out.insert("sources".into(), Value::Array(cited));

        for field in EXTENSION_OVERRIDES {
            let Some(value) = extension.get(*field) else {
                continue;
            };
            fields.retain(|(name, _)| name != field);
            fields.push((field, at(&format!("_signal.{field}"))));
            match value {
                // An undated article is `null`; any other field is then left out.
                Value::Null if *field != "published_at" => {
                    out.remove(*field);
                }
                value => {
                    out.insert((*field).to_owned(), value.clone());
                }
            }
        }

        Ok(Adapted {
            json: Value::Object(out),
            origin,
            fields,
            cut,
        })
    }
}

/// The plain text of the first block that has some.
pub(super) fn first_text(blocks: &[Value]) -> Option<String> {
    blocks.iter().find_map(|block| match block.get("text")? {
        Value::String(text) => Some(text.clone()),
        Value::Array(runs) => Some(
            runs.iter()
                .filter_map(|run| run.as_str().or_else(|| run.get("text")?.as_str()))
                .collect(),
        ),
        _ => None,
    })
}
