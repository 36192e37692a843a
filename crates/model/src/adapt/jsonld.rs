//! schema.org `NewsArticle` JSON-LD, as publishers embed it for search engines: one object,
//! an array, an `@graph`, or an `ItemList` of articles. Objects referred to by `@id` (a
//! publisher described once in the graph) are looked up. See `docs/formats.md`.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::{
    Adapted, AdaptedFeed, HtmlParser, dates,
    html::HtmlBudget,
    util::{host, is_slug, last_segment, paragraphs, set, slugify, string},
};
use crate::{ContractError, limits::MAX_CARDS};

/// `NewsArticle` and its schema.org subtypes.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
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
    let found: Vec<&Node> = all.iter().filter(|node| is_article(node.object)).collect();
    if found.is_empty() {
        let seen: Vec<&str> = all.iter().flat_map(|node| types(node.object)).collect();
        return Err(ContractError::at(
            if doc.is_object() && doc.get("@graph").is_none() {
                "@type"
            } else {
                ""
            },
            format!(
                "expected a schema.org NewsArticle (or AnalysisNewsArticle), found {}",
                if seen.is_empty() {
                    "no @type".to_owned()
                } else {
                    seen.join(", ")
                }
            ),
        ));
    }
    let graph = Graph { by_id };
    let html = HtmlBudget::new(html);
    // Articles past the limit are not read at all.
    let mut articles = found
        .iter()
        .take(MAX_CARDS)
        .map(|node| graph.article(node, &html))
        .collect::<Result<Vec<_>, _>>()?;
    // Articles appear once even when listed twice (in an ItemList and in the graph).
    let mut seen = std::collections::HashSet::new();
    articles.retain(|a| seen.insert(a.json.to_string()));
    Ok(AdaptedFeed::new(articles, found.len(), None))
}

struct Graph<'a> {
    by_id: HashMap<&'a str, &'a Value>,
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

    /// A name: a string, or a thing's `name` (or `headline`).
    fn name(&self, value: &'a Value) -> Option<&'a str> {
        match value {
            Value::String(_) => string(Some(value)),
            Value::Object(object) => {
                string(object.get("name")).or_else(|| string(object.get("headline")))
            }
            _ => None,
        }
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

    fn article(&self, node: &Node<'a>, html: &HtmlBudget) -> Result<Adapted, ContractError> {
        let object = node.object;
        let at = |field: &str| join(&node.path, field);
        let mut out = Map::new();
        let mut fields = Vec::new();
        let mut cut = Vec::new();

        let headline = string(object.get("headline")).or_else(|| string(object.get("name")));
        fields.push(("headline", at("headline")));
        set(&mut out, "headline", headline.map(Value::from));

        // datePublished when it is there (even unusable, so an error names it), else
        // dateModified.
        let date_field = match (object.get("datePublished"), object.get("dateModified")) {
            (None | Some(Value::Null), Some(modified)) if !modified.is_null() => "dateModified",
            (None | Some(Value::Null), _) => {
                return Err(ContractError::at(
                    at("datePublished"),
                    "required, but missing",
                ));
            }
            _ => "datePublished",
        };
        let date = string(object.get(date_field));
        fields.push(("published_at", at(date_field)));
        // A date-time without an offset (schema.org allows it) becomes its calendar date; a
        // date the contract cannot read is passed on as it is, so the error names it.
        let date = date
            .map(|date| dates::to_contract(date).unwrap_or_else(|| date.to_owned()))
            .map_or_else(
                || object.get(date_field).cloned().unwrap_or(Value::Null),
                Value::from,
            );
        out.insert("published_at".into(), date);

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
            .or_else(|| headline.map(slugify).filter(|s| !s.is_empty()))
            .unwrap_or_else(|| "article".to_owned());
        fields.push(("slug", at("identifier")));
        out.insert("slug".into(), Value::String(slug));

        let section = self
            .many(object.get("articleSection"))
            .into_iter()
            .find_map(|s| self.name(s));
        fields.push(("kicker", at("articleSection")));
        set(&mut out, "kicker", section.map(Value::from));

        let summary = string(object.get("abstract")).or_else(|| string(object.get("description")));
        fields.push(("summary", at("abstract")));
        set(&mut out, "summary", summary.map(Value::from));

        let status = string(object.get("creativeWorkStatus"));
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

        // Pillars: what the article is about, else its keywords.
        let about: Vec<&str> = self
            .many(object.get("about"))
            .into_iter()
            .filter_map(|thing| self.name(thing))
            .collect();
        let pillars = if about.is_empty() {
            fields.push(("pillars", at("keywords")));
            keywords(&self.many(object.get("keywords")), self)
        } else {
            fields.push(("pillars", at("about")));
            about.into_iter().map(str::to_owned).collect()
        };
        let pillars: Vec<Value> = pillars
            .iter()
            .filter(|name| !slugify(name).is_empty())
            .map(|name| json!({ "slug": slugify(name), "name": name }))
            .collect();
        out.insert("pillars".into(), Value::Array(pillars));

        // articleBody is text; some sites put HTML in it, which is read as HTML (inertly).
        let body = string(object.get("articleBody")).map_or_else(Vec::new, |body| {
            if body.starts_with('<') && body.contains("</") {
                let (blocks, html_cut) = html.blocks(body);
                cut.extend(html_cut);
                blocks
            } else {
                let (blocks, text_cut) = paragraphs(body);
                cut.extend(text_cut);
                blocks
            }
        });
        fields.push(("body", at("articleBody")));
        out.insert("body".into(), Value::Array(body));

        let cited: Vec<Value> = self
            .many(object.get("citation"))
            .into_iter()
            .chain(self.many(object.get("isBasedOn")))
            .filter_map(|work| {
                let url = self.url(work);
                let name = match work {
                    Value::String(s) if url.is_some() => host(s),
                    _ => self
                        .name(work)
                        .map(str::to_owned)
                        .or_else(|| url.and_then(host)),
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

/// Keywords: a comma-separated string, or a list of strings or terms with a `name`.
fn keywords<'a>(values: &[&'a Value], graph: &Graph<'a>) -> Vec<String> {
    values
        .iter()
        .flat_map(|value| match value {
            Value::String(list) => list
                .split(',')
                .map(str::trim)
                .filter(|k| !k.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>(),
            other => graph.name(other).map(str::to_owned).into_iter().collect(),
        })
        .collect()
}
