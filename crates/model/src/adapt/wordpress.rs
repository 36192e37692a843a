//! The WordPress REST API (`/wp-json/wp/v2/posts`): a list of posts (an index page, or the
//! answer to `?slug=`), or one post object (`/posts/60`). See `docs/formats.md` for the
//! mapping.
//!
//! Text comes as HTML (`title.rendered` with `&#8217;`, `content.rendered`,
//! `excerpt.rendered`), read once into plain text or body blocks. Pillars come from the
//! categories and tags `_embed` adds (`_embedded["wp:term"]`); without `_embed` a post names
//! its terms by number only, and no name is invented for them.

use serde_json::{Map, Value, json};

use super::{
    Adapted, AdaptedFeed, HtmlParser, dates,
    foreign_text::plain,
    html::HtmlBudget,
    jsonfeed::first_text,
    media::{self, Byline, Picture},
    util::{is_slug, set, slugify, string},
};
use crate::link::site_name;
use crate::{ContractError, error::describe, limits::MAX_CARDS, raw::Raw, text};

/// A headline made from an untitled post's text is cut to this many characters.
const HEADLINE_CHARS: usize = 90;

/// The category every WordPress post is in until given another: not a subject.
const UNCATEGORIZED: &str = "uncategorized";

pub fn adapt(doc: &Value, html: &dyn HtmlParser) -> Result<AdaptedFeed, ContractError> {
    let html = HtmlBudget::new(html);
    match doc {
        Value::Array(posts) => {
            // Posts past the limit are not read at all.
            let articles = posts
                .iter()
                .take(MAX_CARDS)
                .enumerate()
                .map(|(index, post)| self::post(&format!("[{index}]"), post, &html))
                .collect();
            Ok(AdaptedFeed::new(articles, posts.len(), None))
        }
        Value::Object(_) => Ok(AdaptedFeed::new(vec![post("", doc, &html)], 1, None)),
        other => Err(ContractError::at(
            "",
            format!(
                "expected a WordPress post or a list of posts, found {}",
                describe(other)
            ),
        )),
    }
}

/// Whether a JSON object is a WordPress post: `title.rendered` or `content.rendered`, and the
/// `id`, `slug` and `link` every post has.
pub(super) fn is_post(post: &Raw) -> bool {
    let rendered = |field: &str| post.get(field).and_then(|f| f.get("rendered")).is_some();
    (rendered("title") || rendered("content"))
        && post.get("id").is_some()
        && post.get("slug").is_some()
        && post.get("link").is_some()
}

/// `field.rendered`, WordPress's HTML for a text field.
fn rendered<'a>(post: &'a Map<String, Value>, field: &str) -> Option<&'a str> {
    string(post.get(field).and_then(|f| f.get("rendered")))
}

fn post(origin: &str, post: &Value, html: &HtmlBudget) -> Result<Adapted, ContractError> {
    let at = |field: &str| {
        if origin.is_empty() {
            field.to_owned()
        } else {
            format!("{origin}.{field}")
        }
    };
    let post = post.as_object().ok_or_else(|| {
        ContractError::at(
            origin,
            format!("expected a WordPress post, found {}", describe(post)),
        )
    })?;
    let mut fields = Vec::new();
    let mut out = Map::new();
    let mut cut = Vec::new();
    let link = string(post.get("link"));

    // The slug is the key of the by-slug request (`?slug=`), so it is kept as WordPress has
    // it; a draft without one is named by its title, else by its id.
    let title = rendered(post, "title").and_then(|t| plain(t, html));
    let slug = string(post.get("slug"))
        .map(str::to_owned)
        .or_else(|| title.as_deref().map(slugify).filter(|s| !s.is_empty()))
        .or_else(|| match post.get("id") {
            Some(Value::Number(id)) => Some(id.to_string()),
            _ => None,
        })
        .ok_or_else(|| ContractError::at(at("slug"), "required, but missing"))?;
    fields.push(("slug", at("slug")));
    out.insert("slug".into(), Value::String(slug));

    let mut body = match rendered(post, "content") {
        Some(content) => {
            let (blocks, html_cut) = html.blocks(content);
            cut.extend(html_cut);
            blocks
        }
        None => Vec::new(),
    };
    fields.push(("body", at("content.rendered")));

    let summary = rendered(post, "excerpt").and_then(|e| excerpt(e, html));
    // An untitled post is headed by the start of its text.
    let headline = title
        .or_else(|| summary.as_deref().map(|s| text::excerpt(s, HEADLINE_CHARS)))
        .or_else(|| first_text(&body).map(|s| text::excerpt(&s, HEADLINE_CHARS)))
        .ok_or_else(|| ContractError::at(at("title.rendered"), "required, but missing"))?;
    fields.push(("headline", at("title.rendered")));
    out.insert("headline".into(), Value::String(headline));

    // `date_gmt` is UTC without saying so; `date` is the site's local time, and without an
    // offset it gives only the day.
    let gmt = string(post.get("date_gmt")).map(utc);
    let (date, date_field, date_cut) = dates::published_at([
        ("date_gmt", gmt.as_deref()),
        ("date", string(post.get("date"))),
    ]);
    cut.extend(date_cut);
    fields.push(("published_at", at(date_field)));
    out.insert("published_at".into(), date);
    let modified = string(post.get("modified_gmt")).map(utc);
    if let Some(updated) = media::updated_at(&out["published_at"], modified.as_deref()) {
        fields.push(("updated_at", at("modified_gmt")));
        out.insert("updated_at".into(), Value::String(updated));
    }

    fields.push(("summary", at("excerpt.rendered")));
    set(&mut out, "summary", summary.map(Value::from));

    fields.push(("pillars", at("_embedded.wp:term")));
    out.insert("pillars".into(), Value::Array(terms(post, html)));

    // The posts response names no site: its host is the publisher.
    if let Some(site) = link.and_then(site_name) {
        fields.push(("publisher", at("link")));
        out.insert(
            "publisher".into(),
            json!({ "name": site, "url": origin_of(link.unwrap_or_default()) }),
        );
    }

    // Who wrote it: `_embedded.author` (with `_embed`), each linking to their page on the site.
    if let Some(Value::Array(authors)) = embedded(post, "author") {
        let mut byline = Byline::default();
        for author in authors {
            byline.push(
                string(author.get("name")).and_then(|n| plain(n, html)),
                string(author.get("link")),
            );
        }
        if let Some(authors) = byline.json() {
            fields.push(("authors", at("_embedded.author")));
            out.insert("authors".into(), authors);
        }
    }

    if let Some(picture) = featured_media(post, html) {
        let mut image = picture.json();
        media::without_repeated_hero(&mut image, &mut body);
        fields.push(("image", at("_embedded.wp:featuredmedia")));
        out.insert("image".into(), image);
    }

    out.insert("body".into(), Value::Array(body));

    let sources = match link {
        Some(link) => {
            fields.push(("sources", at("link")));
            vec![json!({ "name": site_name(link).unwrap_or_else(|| link.to_owned()), "url": link })]
        }
        None => Vec::new(),
    };
    out.insert("sources".into(), Value::Array(sources));

    Ok(Adapted {
        json: Value::Object(out),
        origin: origin.to_owned(),
        fields,
        cut,
    })
}

/// `_embedded[rel]`, what `_embed` adds to a post.
fn embedded<'a>(post: &'a Map<String, Value>, rel: &str) -> Option<&'a Value> {
    post.get("_embedded")?.get(rel)
}

/// The post's featured image, `_embedded["wp:featuredmedia"][0]` (with `_embed`): its
/// `source_url`, `alt_text`, `caption.rendered` (links kept), the full size from
/// `media_details`, and the sizes WordPress made of it that keep its shape (not the square
/// thumbnails it crops). A media item that is not an image, or that the site refuses to show
/// (`{ "code": "rest_forbidden" }`), gives none.
fn featured_media(post: &Map<String, Value>, html: &HtmlBudget) -> Option<Picture> {
    let media = embedded(post, "wp:featuredmedia")?.as_array()?.first()?;
    if string(media.get("media_type")).is_some_and(|kind| kind != "image") {
        return None;
    }
    let details = media.get("media_details");
    let size = |field| media::dimension(details.and_then(|d| d.get(field)));
    let mut picture = Picture::at(string(media.get("source_url"))?)?
        .sized(size("width"), size("height"))
        .alt(string(media.get("alt_text")));
    picture.caption = rendered_caption(media, html);
    let Some(Value::Object(sizes)) = details.and_then(|d| d.get("sizes")) else {
        return Some(picture);
    };
    let mut same: Vec<(String, u32)> = Vec::new();
    for size in sizes.values() {
        let url = string(size.get("source_url"));
        let width = media::dimension(size.get("width"));
        let height = media::dimension(size.get("height"));
        let (Some(url), Some(width), Some(height)) = (url, width, height) else {
            continue;
        };
        let shaped = match (picture.width, picture.height) {
            (Some(w), Some(h)) => media::same_shape((w, h), (width, height)),
            _ => false,
        };
        if shaped && url != picture.url {
            same.push((url.to_owned(), width));
        }
    }
    picture.add_sources(same);
    Some(picture)
}

/// A media item's `caption.rendered` (HTML) as rich text.
fn rendered_caption(media: &Value, html: &HtmlBudget) -> Option<Value> {
    let caption = string(media.get("caption")?.get("rendered"))?;
    html.rich(caption, None)
}

/// A `date_gmt` as UTC: WordPress writes it without an offset (`2018-01-06T08:00:00`).
fn utc(gmt: &str) -> String {
    let has_time = gmt.contains('T') || gmt.contains(' ');
    let time = gmt.rsplit(['T', ' ']).next().unwrap_or_default();
    let has_offset = time.ends_with(['Z', 'z']) || time.contains(['+', '-']);
    if has_time && !has_offset {
        format!("{gmt}Z")
    } else {
        gmt.to_owned()
    }
}

/// `scheme://host[:port]/` of a URL, the site a post belongs to.
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    (!authority.is_empty()).then(|| format!("{scheme}://{authority}/"))
}

/// An excerpt as plain text: WordPress ends it with `[…]` or a "Continue reading" link to
/// the post, which the reader's own link replaces. What is left ends in an ellipsis when
/// the text was cut.
pub fn excerpt(rendered: &str, html: &HtmlBudget) -> Option<String> {
    let text = plain(rendered, html)?;
    let mut text = text.as_str();
    let mut cut = false;
    // "Continue reading <title>" and "Read more" links come last; the title after them may be
    // long, so they are looked for in the text's end only.
    for marker in ["Continue reading", "Read more", "Read More", "Keep reading"] {
        if let Some(at) = text.rfind(marker)
            && text.len() - at <= 300
        {
            text = text[..at].trim_end();
            cut = true;
        }
    }
    for tail in ["[…]", "[...]", "[&hellip;]", "…", "...", "→"] {
        if let Some(rest) = text.strip_suffix(tail) {
            text = rest.trim_end();
            cut = true;
        }
    }
    let text = text.trim_end_matches([' ', '\u{a0}']);
    if text.is_empty() {
        return None;
    }
    Some(if cut {
        format!("{text}…")
    } else {
        text.to_owned()
    })
}

/// The post's categories and tags, from `_embedded["wp:term"]` (a list per taxonomy), as
/// pillars. "Uncategorized" is no subject; terms of other taxonomies are not pillars.
fn terms(post: &Map<String, Value>, html: &HtmlBudget) -> Vec<Value> {
    let Some(Value::Array(taxonomies)) = post.get("_embedded").and_then(|e| e.get("wp:term"))
    else {
        return Vec::new();
    };
    let mut pillars: Vec<Value> = Vec::new();
    for term in taxonomies.iter().filter_map(Value::as_array).flatten() {
        let taxonomy = string(term.get("taxonomy")).unwrap_or("category");
        if !matches!(taxonomy, "category" | "post_tag") {
            continue;
        }
        let Some(name) = string(term.get("name")).and_then(|n| plain(n, html)) else {
            continue;
        };
        let slug = string(term.get("slug"))
            .filter(|s| is_slug(s))
            .map_or_else(|| slugify(&name), str::to_owned);
        if slug.is_empty() || slug == UNCATEGORIZED {
            continue;
        }
        if pillars.iter().all(|p| p["slug"] != slug.as_str()) {
            pillars.push(json!({ "slug": slug, "name": name }));
        }
    }
    pillars
}
