//! schema.org `Article` JSON-LD (`NewsArticle`, `BlogPosting`, …), as publishers embed it for
//! search engines: one object, an array, an `@graph`, an `ItemList` of articles, or a page's
//! `mainEntity`. Objects referred to by `@id` (a publisher described once in the graph) are
//! looked up. See `docs/formats.md`.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::{
    Adapted, AdaptedFeed, HtmlParser, dates,
    foreign_text::{self, plain, plain_value},
    html::HtmlBudget,
    media::{self, Byline, Picture},
    util::{is_slug, last_segment, set, slugify, string},
};
use crate::link::site_name;
use crate::{ContractError, limits::MAX_CARDS};

/// schema.org `Article` and all its subtypes: a node of one of these types is an article.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "AdvertiserContentArticle",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "Report",
    "SatiricalArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "SocialMediaPosting",
    "BlogPosting",
    "LiveBlogPosting",
    "DiscussionForumPosting",
    "TechArticle",
    "APIReference",
];

/// An object of the document and its path in it (`@graph[2]`).
struct Node<'a> {
    value: &'a Value,
    object: &'a Map<String, Value>,
    path: String,
}

/// `@type` may be one name or several, and may be written as a schema.org URL.
fn types(node: &Map<String, Value>) -> Vec<&str> {
    let names = match node.get("@type") {
        Some(Value::String(name)) => vec![name.as_str()],
        Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    names
        .into_iter()
        .map(|name| name.rsplit(['/', ':', '#']).next().unwrap_or(name))
        .collect()
}

fn is_article(node: &Map<String, Value>) -> bool {
    types(node).iter().any(|t| ARTICLE_TYPES.contains(t))
}

/// Another work that can stand for an article when a document has none (a `WebPage`, a
/// `Review`): it has a `headline`, which only creative works have (an `Organization`, a
/// `BreadcrumbList` or a `WebSite` has a `name`), and a date.
fn is_headed_work(node: &Map<String, Value>) -> bool {
    let has = |field: &str| node.get(field).is_some_and(|value| !value.is_null());
    string(node.get("headline")).is_some() && (has("datePublished") || has("dateModified"))
}

/// The articles of the document: its `Article` nodes, else its other headed works.
fn articles<'n, 'a>(all: &'n [Node<'a>]) -> Vec<&'n Node<'a>> {
    let articles: Vec<&Node> = all.iter().filter(|node| is_article(node.object)).collect();
    if articles.is_empty() {
        all.iter()
            .filter(|node| is_headed_work(node.object))
            .collect()
    } else {
        articles
    }
}

/// What names a node: its `@id` and `url`, or, without either, the whole object.
fn identity(node: &Node) -> Vec<String> {
    let names: Vec<String> = ["@id", "url"]
        .into_iter()
        .filter_map(|field| string(node.object.get(field)).map(str::to_owned))
        .collect();
    if names.is_empty() {
        vec![node.value.to_string()]
    } else {
        names
    }
}

/// Each article once: a page that embeds its JSON-LD twice, or lists an article in an
/// `ItemList` and in its graph, names it twice by the same `@id` or `url`. The fuller of two
/// descriptions is kept, where the first was.
fn distinct<'n, 'a>(nodes: Vec<&'n Node<'a>>) -> Vec<&'n Node<'a>> {
    let mut kept: Vec<&Node> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for node in nodes {
        let names = identity(node);
        let at = match names.iter().find_map(|name| by_name.get(name).copied()) {
            Some(at) => {
                if node.object.len() > kept[at].object.len() {
                    kept[at] = node;
                }
                at
            }
            None => {
                kept.push(node);
                kept.len() - 1
            }
        };
        for name in names {
            by_name.entry(name).or_insert(at);
        }
    }
    kept
}

/// Every object of the document that may be an article, with its path.
fn nodes(doc: &Value) -> Vec<Node<'_>> {
    let mut out = Vec::new();
    collect(doc, String::new(), &mut out);
    out
}

fn collect<'a>(value: &'a Value, path: String, out: &mut Vec<Node<'a>>) {
    match value {
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                collect(item, format!("{path}[{index}]"), out);
            }
        }
        Value::Object(object) => {
            if let Some(graph) = object.get("@graph") {
                collect(graph, join(&path, "@graph"), out);
            }
            // An ItemList lists articles, each directly or in a ListItem's `item`.
            if types(object).contains(&"ItemList")
                && let Some(Value::Array(elements)) = object.get("itemListElement")
            {
                let base = join(&path, "itemListElement");
                for (index, element) in elements.iter().enumerate() {
                    let at = format!("{base}[{index}]");
                    match element.get("item") {
                        Some(item) if item.is_object() => collect(item, join(&at, "item"), out),
                        _ => collect(element, at, out),
                    }
                }
            }
            // A page names what it is about: often its article.
            if let Some(main) = object.get("mainEntity").filter(|main| !main.is_string()) {
                collect(main, join(&path, "mainEntity"), out);
            }
            out.push(Node {
                value,
                object,
                path,
            });
        }
        _ => {}
    }
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

pub fn adapt(doc: &Value, html: &dyn HtmlParser) -> Result<AdaptedFeed, ContractError> {
    let all = nodes(doc);
    // A node described in full, by its `@id` (not a bare reference to one).
    let by_id: HashMap<&str, &Value> = all
        .iter()
        .filter(|node| node.object.len() > 1)
        .filter_map(|node| Some((node.object.get("@id")?.as_str()?, node.value)))
        .collect();
    // Counted once repeats are gone: the count is the notice's "of M articles".
    let found = distinct(articles(&all));
    if found.is_empty() {
        return Err(no_article(doc, &all));
    }
    let graph = Graph {
        by_id,
        html: HtmlBudget::new(html),
    };
    // Articles past the limit are not read at all.
    let articles = found
        .iter()
        .take(MAX_CARDS)
        .map(|node| graph.article(node))
        .collect();
    Ok(AdaptedFeed::new(articles, found.len(), None))
}

/// The error for a document without an article: what it holds instead.
fn no_article(doc: &Value, all: &[Node]) -> ContractError {
    let mut seen: Vec<&str> = Vec::new();
    for kind in all.iter().flat_map(|node| types(node.object)) {
        if !seen.contains(&kind) {
            seen.push(kind);
        }
    }
    let found = if seen.is_empty() {
        "no @type".to_owned()
    } else {
        seen.join(", ")
    };
    ContractError::at(
        if doc.is_object() && doc.get("@graph").is_none() {
            "@type"
        } else {
            ""
        },
        format!(
            "expected a schema.org Article (NewsArticle, BlogPosting, …) or a page with a \
             headline and a date, found {found}"
        ),
    )
}

struct Graph<'a> {
    by_id: HashMap<&'a str, &'a Value>,
    html: HtmlBudget<'a>,
}

impl<'a> Graph<'a> {
    /// A reference `{ "@id": … }` replaced by the node it names, when the document has it.
    fn resolve(&self, value: &'a Value) -> &'a Value {
        match value {
            Value::Object(object) if object.len() == 1 => object
                .get("@id")
                .and_then(Value::as_str)
                .and_then(|id| self.by_id.get(id).copied())
                .unwrap_or(value),
            _ => value,
        }
    }

    /// One value or the values of a list, references resolved.
    fn many(&self, value: Option<&'a Value>) -> Vec<&'a Value> {
        match value {
            Some(Value::Array(items)) => items.iter().map(|v| self.resolve(v)).collect(),
            Some(Value::Null) | None => Vec::new(),
            Some(value) => vec![self.resolve(value)],
        }
    }

    /// A name as plain text: a string, or a thing's `name` (or `headline`).
    fn name(&self, value: &'a Value) -> Option<String> {
        match value {
            Value::String(_) => self.text(Some(value)),
            Value::Object(object) => self
                .text(object.get("name"))
                .or_else(|| self.text(object.get("headline"))),
            _ => None,
        }
    }

    /// A text field as plain text: references decoded, HTML reduced to its text.
    fn text(&self, value: Option<&Value>) -> Option<String> {
        plain_value(value, &self.html)
    }

    /// A thing's URL: `url`, or an `@id` that is a web address.
    fn url(&self, value: &'a Value) -> Option<&'a str> {
        match value {
            Value::String(s) if s.starts_with("http") => Some(s),
            Value::Object(object) => string(object.get("url"))
                .or_else(|| string(object.get("@id")).filter(|id| id.starts_with("http"))),
            _ => None,
        }
    }

    fn article(&self, node: &Node<'a>) -> Result<Adapted, ContractError> {
        let object = node.object;
        let at = |field: &str| join(&node.path, field);
        let mut out = Map::new();
        let mut fields = Vec::new();
        let mut cut = Vec::new();

        let headline = self
            .text(object.get("headline"))
            .or_else(|| self.text(object.get("name")));
        fields.push(("headline", at("headline")));
        set(&mut out, "headline", headline.clone().map(Value::from));

        // datePublished, else dateModified, else dateCreated; with none readable, undated.
        // A date-time without an offset (schema.org allows it) becomes its calendar date.
        let (date, date_field, date_cut) = dates::published_at(
            ["datePublished", "dateModified", "dateCreated"]
                .map(|field| (field, object.get(field).and_then(Value::as_str))),
        );
        cut.extend(date_cut);
        fields.push(("published_at", at(date_field)));
        out.insert("published_at".into(), date);
        let modified = object.get("dateModified").and_then(Value::as_str);
        if let Some(updated) = media::updated_at(&out["published_at"], modified) {
            fields.push(("updated_at", at("dateModified")));
            out.insert("updated_at".into(), Value::String(updated));
        }

        let identifier = self
            .many(object.get("identifier"))
            .into_iter()
            .find_map(|id| match id {
                Value::String(_) => string(Some(id)),
                Value::Object(o) => string(o.get("value")),
                _ => None,
            });
        let page = self
            .many(object.get("url"))
            .into_iter()
            .chain(self.many(object.get("mainEntityOfPage")))
            .find_map(|v| self.url(v))
            .or_else(|| string(object.get("@id")).filter(|id| id.starts_with("http")));
        let slug = identifier
            .filter(|id| is_slug(id))
            .map(str::to_owned)
            .or_else(|| {
                page.and_then(last_segment)
                    .map(slugify)
                    .filter(|s| !s.is_empty())
            })
            .or_else(|| headline.as_deref().map(slugify).filter(|s| !s.is_empty()))
            .unwrap_or_else(|| "article".to_owned());
        fields.push(("slug", at("identifier")));
        out.insert("slug".into(), Value::String(slug));

        let section = self
            .many(object.get("articleSection"))
            .into_iter()
            .find_map(|s| self.name(s));
        fields.push(("kicker", at("articleSection")));
        set(&mut out, "kicker", section.map(Value::from));

        let summary = self
            .text(object.get("abstract"))
            .or_else(|| self.text(object.get("description")));
        fields.push(("summary", at("abstract")));
        set(&mut out, "summary", summary.map(Value::from));

        let status = self.text(object.get("creativeWorkStatus"));
        fields.push(("status_label", at("creativeWorkStatus")));
        set(&mut out, "status_label", status.map(Value::from));

        if let Some(publisher) = self
            .many(object.get("publisher"))
            .into_iter()
            .find_map(|p| {
                let name = self.name(p)?;
                Some(json!({ "name": name, "url": self.url(p).filter(|_| p.is_object()) }))
            })
        {
            fields.push(("publisher", at("publisher")));
            out.insert("publisher".into(), publisher);
        }

        if let Some(authors) = self.authors(object.get("author")) {
            fields.push(("authors", at("author")));
            out.insert("authors".into(), authors);
        }

        if let Some(language) = self
            .many(object.get("inLanguage"))
            .into_iter()
            .find_map(language)
        {
            fields.push(("language", at("inLanguage")));
            out.insert("language".into(), Value::String(language));
        }

        let hero = self
            .image(object.get("image"))
            .map(|image| (image, "image"))
            .or_else(|| Some((self.image(object.get("thumbnailUrl"))?, "thumbnailUrl")));
        if let Some((image, field)) = hero {
            fields.push(("image", at(field)));
            out.insert("image".into(), image);
        }

        // Pillars: what the article is about, else its keywords.
        let about: Vec<String> = self
            .many(object.get("about"))
            .into_iter()
            .filter_map(|thing| self.name(thing))
            .collect();
        let pillars = if about.is_empty() {
            fields.push(("pillars", at("keywords")));
            keywords(&self.many(object.get("keywords")), self)
        } else {
            fields.push(("pillars", at("about")));
            about
        };
        let pillars: Vec<Value> = pillars
            .iter()
            .filter(|name| !slugify(name).is_empty())
            .map(|name| json!({ "slug": slugify(name), "name": name }))
            .collect();
        out.insert("pillars".into(), Value::Array(pillars));

        // articleBody is text; some sites put HTML in it, which is read as HTML (inertly).
        let body = string(object.get("articleBody")).map_or_else(Vec::new, |body| {
            let (blocks, body_cut) = foreign_text::body(body, &self.html);
            cut.extend(body_cut);
            blocks
        });
        fields.push(("body", at("articleBody")));
        out.insert("body".into(), Value::Array(body));
        if let Some(page) = page {
            fields.push(("url", at("url")));
            out.insert("url".into(), Value::from(page));
        }

        let cited: Vec<Value> = self
            .many(object.get("citation"))
            .into_iter()
            .chain(self.many(object.get("isBasedOn")))
            .filter_map(|work| {
                let url = self.url(work);
                let name = match work {
                    Value::String(s) if url.is_some() => site_name(s),
                    _ => self.name(work).or_else(|| url.and_then(site_name)),
                }?;
                Some(json!({ "name": name, "url": url }))
            })
            .collect();
        fields.push(("sources", at("citation")));
        out.insert("sources".into(), Value::Array(cited));

        Ok(Adapted {
            json: Value::Object(out),
            origin: node.path.clone(),
            fields,
            cut,
        })
    }
}

impl<'a> Graph<'a> {
    /// `author`: people or organisations (or their names as strings), each with a `url`, or
    /// else a web address that names them (an `@id` without a fragment, a `sameAs`).
    fn authors(&self, value: Option<&'a Value>) -> Option<Value> {
        let mut byline = Byline::default();
        for author in self.many(value) {
            let url = match author {
                Value::Object(object) => string(object.get("url"))
                    .or_else(|| {
                        string(object.get("@id"))
                            .filter(|id| id.starts_with("http") && !id.contains('#'))
                    })
                    .or_else(|| {
                        self.many(object.get("sameAs"))
                            .into_iter()
                            .find_map(|same| string(Some(same)).filter(|s| s.starts_with("http")))
                    }),
                _ => None,
            };
            // A name that is an address is no name.
            let name = self.name(author).filter(|name| !name.starts_with("http"));
            byline.push(name, url);
        }
        byline.json()
    }

    /// `image` (or `thumbnailUrl`): a URL, an `ImageObject`, or a list of either. The widest
    /// of known width is the hero; the others of its shape are its other widths.
    fn image(&self, value: Option<&'a Value>) -> Option<Value> {
        let pictures: Vec<Picture> = self
            .many(value)
            .into_iter()
            .filter_map(|image| self.picture(image))
            .collect();
        media::hero(pictures).map(Picture::json)
    }

    /// One `ImageObject` (its `url`, else `contentUrl`, else an `@id` that is a file's web
    /// address), or a URL.
    fn picture(&self, image: &'a Value) -> Option<Picture> {
        let object = match image {
            Value::String(url) => return Picture::at(url),
            Value::Object(object) => object,
            _ => return None,
        };
        // An `@id` with a fragment (Yoast's `…/post/#primaryimage`) names a node, not a file.
        let url = ["url", "contentUrl", "@id"]
            .into_iter()
            .flat_map(|field| {
                self.many(object.get(field))
                    .into_iter()
                    .filter_map(move |url| {
                        string(Some(url)).filter(|u| field != "@id" || !u.contains('#'))
                    })
            })
            .find_map(Picture::at)?;
        // schema.org has no text alternative: an image's `description` says what it shows.
        let mut picture = url
            .sized(
                media::dimension(object.get("width")),
                media::dimension(object.get("height")),
            )
            .alt(self.text(object.get("description")).as_deref())
            .credit(self.text(object.get("creditText")).or_else(|| {
                ["copyrightHolder", "author", "creator"]
                    .into_iter()
                    .flat_map(|field| self.many(object.get(field)))
                    .find_map(|who| self.name(who))
            }));
        picture.caption = self
            .many(object.get("caption"))
            .into_iter()
            .find_map(|caption| self.name(caption))
            .map(Value::String);
        Some(picture)
    }
}

/// `inLanguage`: a tag, or a `Language` whose `alternateName` (else `name`) is one.
fn language(value: &Value) -> Option<String> {
    match value {
        Value::String(tag) => media::language(tag),
        Value::Object(object) => ["alternateName", "name", "@id"]
            .into_iter()
            .find_map(|field| string(object.get(field)).and_then(media::language)),
        _ => None,
    }
}

/// Keywords: a comma-separated string, or a list of strings or terms with a `name`. A list is
/// split before its references are decoded, so an escaped comma (`&#44;`) stays in its keyword.
fn keywords<'a>(values: &[&'a Value], graph: &Graph<'a>) -> Vec<String> {
    values
        .iter()
        .flat_map(|value| match value {
            Value::String(list) => list
                .split(',')
                .filter_map(|keyword| plain(keyword, &graph.html))
                .collect::<Vec<_>>(),
            other => graph.name(other).into_iter().collect(),
        })
        .collect()
}
