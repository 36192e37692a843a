//! The Ghost Content API (`/ghost/api/content/posts/`): `{ "posts": [...], "meta": {...} }`,
//! for a page of the index and for one post by slug alike. See `docs/formats.md` for the
//! mapping.
//!
//! The next page is a number (`meta.pagination.next`), not a URL: the adapter answers it as
//! [`AdaptedFeed::next_page`], and the app sets it as the `page` of the URL it read
//! (`api::with_page`), which keeps the Content API key and the other parameters.

use serde_json::{Map, Value, json};

use super::{
    Adapted, AdaptedFeed, HtmlParser, dates,
    foreign_text::{self, plain_value},
    html::HtmlBudget,
    jsonfeed::first_text,
    media::{self, Byline, Picture},
    util::{is_slug, set, slugify, string},
};
use crate::link::site_name;
use crate::{ContractError, error::describe, limits::MAX_CARDS, raw::Raw, text};

/// A headline made from an untitled post's text is cut to this many characters.
const HEADLINE_CHARS: usize = 90;

pub fn adapt(doc: &Value, html: &dyn HtmlParser) -> Result<AdaptedFeed, ContractError> {
    let posts = match doc.get("posts") {
        Some(Value::Array(posts)) => posts,
        Some(other) => {
            return Err(ContractError::at(
                "posts",
                format!("expected a list, found {}", describe(other)),
            ));
        }
        None => return Err(ContractError::at("posts", "required, but missing")),
    };
    let html = HtmlBudget::new(html);
    let articles = posts
        .iter()
        .take(MAX_CARDS)
        .enumerate()
        .map(|(index, p)| post(index, p, &html))
        .collect();
    let mut feed = AdaptedFeed::new(articles, posts.len(), None);
    feed.next_page = next_page(doc);
    Ok(feed)
}

/// `meta.pagination.next`: the number of the next page, or none on the last.
fn next_page(doc: &Value) -> Option<u64> {
    let next = doc.get("meta")?.get("pagination")?.get("next")?;
    next.as_u64()
        .or_else(|| next.as_str()?.trim().parse().ok())
        .filter(|&n| n > 1)
}

/// Whether a document's `posts` and `meta` are Ghost's: a list of posts, with
/// `meta.pagination` or posts that have `html` or `uuid`.
pub(super) fn is_posts(posts: &Raw, meta: Option<&Raw>) -> bool {
    let Raw::Array(posts) = posts else {
        return false;
    };
    meta.and_then(|m| m.get("pagination")).is_some()
        || posts
            .iter()
            .any(|p| p.get("html").is_some() || p.get("uuid").is_some())
}

fn post(index: usize, post: &Value, html: &HtmlBudget) -> Result<Adapted, ContractError> {
    let origin = format!("posts[{index}]");
    let at = |field: &str| format!("{origin}.{field}");
    let post = post.as_object().ok_or_else(|| {
        ContractError::at(
            &origin,
            format!("expected a Ghost post, found {}", describe(post)),
        )
    })?;
    let mut fields = Vec::new();
    let mut out = Map::new();
    let mut cut = Vec::new();
    let url = string(post.get("url"));

    // The slug is the key of the by-slug request (`posts/slug/<slug>/`): kept as Ghost has it.
    let title = plain_value(post.get("title"), html);
    let slug = string(post.get("slug"))
        .map(str::to_owned)
        .or_else(|| title.as_deref().map(slugify).filter(|s| !s.is_empty()))
        .or_else(|| string(post.get("id")).map(str::to_owned))
        .ok_or_else(|| ContractError::at(at("slug"), "required, but missing"))?;
    fields.push(("slug", at("slug")));
    out.insert("slug".into(), Value::String(slug));

    let mut body = match (string(post.get("html")), string(post.get("plaintext"))) {
        (Some(content), _) => {
            fields.push(("body", at("html")));
            let (blocks, html_cut) = html.blocks(content);
            cut.extend(html_cut);
            blocks
        }
        (None, Some(content)) => {
            fields.push(("body", at("plaintext")));
            let (blocks, text_cut) = foreign_text::body(content, html);
            cut.extend(text_cut);
            blocks
        }
        (None, None) => Vec::new(),
    };

    // A custom excerpt is the author's; the other is the start of the text.
    let (summary, summary_field) = match plain_value(post.get("custom_excerpt"), html) {
        Some(summary) => (Some(summary), "custom_excerpt"),
        None => (plain_value(post.get("excerpt"), html), "excerpt"),
    };
    let headline = title
        .or_else(|| summary.as_deref().map(|s| text::excerpt(s, HEADLINE_CHARS)))
        .or_else(|| first_text(&body).map(|s| text::excerpt(&s, HEADLINE_CHARS)))
        .ok_or_else(|| ContractError::at(at("title"), "required, but missing"))?;
    fields.push(("headline", at("title")));
    out.insert("headline".into(), Value::String(headline));

    // Published, else updated, else created; with none readable, undated.
    let (date, date_field, date_cut) = dates::published_at(
        ["published_at", "updated_at", "created_at"]
            .map(|field| (field, post.get(field).and_then(Value::as_str))),
    );
    cut.extend(date_cut);
    fields.push(("published_at", at(date_field)));
    out.insert("published_at".into(), date);
    let updated = post.get("updated_at").and_then(Value::as_str);
    if let Some(updated) = media::updated_at(&out["published_at"], updated) {
        fields.push(("updated_at", at("updated_at")));
        out.insert("updated_at".into(), Value::String(updated));
    }

    fields.push(("summary", at(summary_field)));
    set(&mut out, "summary", summary.map(Value::from));

    fields.push(("pillars", at("tags")));
    out.insert("pillars".into(), Value::Array(tags(post, html)));

    // Its authors (with `include=authors`), else its primary author; each linking to their
    // page on the site.
    let mut byline = Byline::default();
    let listed = match post.get("authors") {
        Some(Value::Array(authors)) => authors.iter().collect(),
        _ => Vec::new(),
    };
    let (authors, authors_field) = if listed.is_empty() {
        (
            post.get("primary_author").into_iter().collect(),
            "primary_author",
        )
    } else {
        (listed, "authors")
    };
    for author in authors {
        byline.push(
            plain_value(author.get("name"), html),
            string(author.get("url")),
        );
    }
    if let Some(authors) = byline.json() {
        fields.push(("authors", at(authors_field)));
        out.insert("authors".into(), authors);
    }

    // The feature image, its text alternative and its caption (HTML, links kept).
    if let Some(picture) = string(post.get("feature_image")).and_then(Picture::at) {
        let mut picture = picture.alt(string(post.get("feature_image_alt")));
        picture.caption =
            string(post.get("feature_image_caption")).and_then(|caption| html.rich(caption, None));
        let mut image = picture.json();
        media::without_repeated_hero(&mut image, &mut body);
        fields.push(("image", at("feature_image")));
        out.insert("image".into(), image);
    }

    // The site is the post's host.
    if let Some(site) = url.and_then(site_name) {
        fields.push(("publisher", at("url")));
        let home = url.and_then(|u| {
            let (scheme, rest) = u.split_once("://")?;
            Some(format!(
                "{scheme}://{}/",
                rest.split(['/', '?', '#']).next()?
            ))
        });
        out.insert("publisher".into(), json!({ "name": site, "url": home }));
    }

    out.insert("body".into(), Value::Array(body));

    let sources = match url {
        Some(url) => {
            fields.push(("sources", at("url")));
            vec![json!({ "name": site_name(url).unwrap_or_else(|| url.to_owned()), "url": url })]
        }
        None => Vec::new(),
    };
    out.insert("sources".into(), Value::Array(sources));

    Ok(Adapted {
        json: Value::Object(out),
        origin,
        fields,
        cut,
    })
}

/// The post's public tags as pillars. Internal tags (`#name`, visibility `internal`) are the
/// site's own bookkeeping.
fn tags(post: &Map<String, Value>, html: &HtmlBudget) -> Vec<Value> {
    let Some(Value::Array(tags)) = post.get("tags") else {
        return Vec::new();
    };
    let mut pillars: Vec<Value> = Vec::new();
    for tag in tags {
        let internal = string(tag.get("visibility")) == Some("internal");
        let Some(name) = plain_value(tag.get("name"), html) else {
            continue;
        };
        if internal || name.starts_with('#') {
            continue;
        }
        let slug = string(tag.get("slug"))
            .filter(|s| is_slug(s))
            .map_or_else(|| slugify(&name), str::to_owned);
        if !slug.is_empty() && pillars.iter().all(|p| p["slug"] != slug.as_str()) {
            pillars.push(json!({ "slug": slug, "name": name }));
        }
    }
    pillars
}
