//! What RSS and Atom share once each has read an item: one [`Entry`] made into a contract
//! article, the same way for both. See `docs/formats.md` for the mappings.

use serde_json::{Map, Value, json};

use super::{
    Adapted, HtmlNode,
    foreign_text::{self},
    html::{self, HtmlBudget},
    jsonfeed::first_text,
    media::{self, Byline, Picture},
    urls,
    util::{is_slug, last_segment, set, slugify},
    xml::{XML_NS, XmlElement},
};
use crate::link::site_name;
use crate::{Cut, ExternalUrl, text};

/// A headline made from an untitled item's text is cut to this many characters.
const HEADLINE_CHARS: usize = 90;

/// Text as a feed holds it, before it is read as plain text or body blocks.
pub enum Content {
    /// HTML: RSS's `description`, Atom's `type="html"`.
    Html(String),
    /// Text that may hold references or HTML, as feeds write text (RSS titles, Atom's
    /// `type="text"` with `&nbsp;` in it): references decoded, HTML reduced, never shown as
    /// tags (`foreign_text`).
    Loose(String),
    /// Atom's `type="xhtml"`: markup already parsed.
    Nodes(Vec<HtmlNode>),
}

impl Content {
    /// The content as plain text on one line; `None` if nothing is left.
    pub fn plain(&self, html: &HtmlBudget) -> Option<String> {
        let text = match self {
            Self::Html(raw) => html.text(raw)?,
            Self::Loose(raw) => foreign_text::plain(raw, html)?,
            Self::Nodes(nodes) => html::plain_text(nodes),
        };
        let text = text.trim();
        (!text.is_empty()).then(|| text.to_owned())
    }

    /// The content as body blocks, and what was cut of it.
    pub fn blocks(&self, html: &HtmlBudget, base: Option<&str>) -> (Vec<Value>, Option<Cut>) {
        match self {
            Self::Html(raw) => html.blocks_at(raw, base),
            Self::Loose(raw) => foreign_text::body_at(raw, html, base),
            Self::Nodes(nodes) => (html::blocks(nodes), None),
        }
    }
}

/// What the feed says of itself, for every item.
pub struct Channel {
    pub title: Option<String>,
    /// Its home page, resolved.
    pub link: Option<String>,
}

/// A name in an item's byline, as the feed writes it, and its web address, resolved.
pub struct Author {
    pub name: Content,
    pub url: Option<String>,
}

/// An item as RSS or Atom has it; `field` paths name where each part came from.
pub struct Entry {
    /// Where the item is: `channel.item[2]`, `feed.entry[3]`.
    pub origin: String,
    pub id: Option<String>,
    /// `guid` or `id`.
    pub id_field: &'static str,
    /// The item's own page, resolved.
    pub link: Option<String>,
    pub title: Option<(Content, &'static str)>,
    /// The item's dates, in order of preference, and the field each came from.
    pub dates: Vec<(String, &'static str)>,
    /// The field a missing date is reported at.
    pub date_field: &'static str,
    pub body: Option<(Content, &'static str)>,
    pub summary: Option<(Content, &'static str)>,
    pub categories: Vec<Content>,
    /// What relative links in the body are resolved against.
    pub body_base: Option<String>,
    /// Who wrote it, in order.
    pub authors: Vec<Author>,
    /// The date it was last changed, and the field it came from.
    pub updated: Option<(String, &'static str)>,
    /// Its picture (its text alternative and credit still as the feed writes text), and the
    /// field it came from.
    pub image: Option<(Picture, &'static str)>,
    /// Its language, as the nearest `xml:lang` or `language` says, a well-formed tag.
    pub language: Option<(String, String)>,
}

impl Entry {
    pub fn adapt(self, index: usize, channel: &Channel, html: &HtmlBudget) -> Adapted {
        let origin = self.origin;
        let at = |field: &str| format!("{origin}.{field}");
        let mut fields = Vec::new();
        let mut out = Map::new();
        let mut cut = Vec::new();

        let (body, body_field) = match &self.body {
            Some((content, field)) => {
                let (blocks, body_cut) = content.blocks(html, self.body_base.as_deref());
                cut.extend(body_cut);
                (blocks, *field)
            }
            None => (Vec::new(), "description"),
        };
        let summary = self
            .summary
            .as_ref()
            .and_then(|(content, _)| content.plain(html));
        let title = self
            .title
            .as_ref()
            .and_then(|(content, _)| content.plain(html));
        let title_field = self.title.as_ref().map_or("title", |(_, field)| *field);

        // The slug: a clean id as it is, else the link's last segment, else the id or the
        // title made into one, else the item's place.
        let slug = self
            .id
            .as_deref()
            .filter(|id| is_slug(id))
            .map(str::to_owned)
            .or_else(|| {
                self.link
                    .as_deref()
                    .and_then(last_segment)
                    .map(slugify)
                    .filter(|s| !s.is_empty())
            })
            .or_else(|| self.id.as_deref().map(slugify).filter(|s| !s.is_empty()))
            .or_else(|| title.as_deref().map(slugify).filter(|s| !s.is_empty()))
            .unwrap_or_else(|| format!("item-{}", index + 1));
        fields.push((
            "slug",
            at(if self.id.is_some() {
                self.id_field
            } else {
                "link"
            }),
        ));
        out.insert("slug".into(), Value::String(slug));

        // An untitled item (RSS allows one) is headed by the start of its text.
        let headline = title
            .or_else(|| summary.as_deref().map(|s| text::excerpt(s, HEADLINE_CHARS)))
            .or_else(|| first_text(&body).map(|s| text::excerpt(&s, HEADLINE_CHARS)));
        fields.push(("headline", at(title_field)));
        out.insert(
            "headline".into(),
            headline.map_or(Value::Null, Value::String),
        );

        // The first date the reader can read; with none, `null`: an undated article.
        let (date, date_field, date_cut) = if self.dates.is_empty() {
            (Value::Null, self.date_field, None)
        } else {
            super::dates::published_at(
                self.dates
                    .iter()
                    .map(|(date, field)| (*field, Some(date.as_str()))),
            )
        };
        cut.extend(date_cut);
        fields.push(("published_at", at(date_field)));
        out.insert("published_at".into(), date);
        let updated = self.updated.as_ref().and_then(|(date, field)| {
            Some((media::updated_at(&out["published_at"], Some(date))?, field))
        });
        if let Some((updated, field)) = updated {
            fields.push(("updated_at", at(field)));
            out.insert("updated_at".into(), Value::String(updated));
        }

        if let Some((_, field)) = &self.summary {
            fields.push(("summary", at(field)));
        }
        set(&mut out, "summary", summary.map(Value::from));

        let pillars: Vec<Value> = self
            .categories
            .iter()
            .filter_map(|category| category.plain(html))
            .filter(|name| !slugify(name).is_empty())
            .map(|name| json!({ "slug": slugify(&name), "name": name }))
            .collect();
        if !pillars.is_empty() {
            fields.push(("pillars", at("category")));
            out.insert("pillars".into(), Value::Array(pillars));
        }

        if let Some(name) = &channel.title {
            fields.push(("publisher", "title".to_owned()));
            out.insert(
                "publisher".into(),
                json!({ "name": name, "url": channel.link }),
            );
        }

        let mut byline = Byline::default();
        for author in &self.authors {
            byline.push(author.name.plain(html), author.url.as_deref());
        }
        if let Some(authors) = byline.json() {
            fields.push(("authors", at("author")));
            out.insert("authors".into(), authors);
        }

        if let Some((language, field)) = self.language {
            fields.push(("language", field));
            out.insert("language".into(), Value::String(language));
        }

        let mut body = body;
        if let Some((mut picture, field)) = self.image {
            picture.alt = Content::Loose(std::mem::take(&mut picture.alt))
                .plain(html)
                .unwrap_or_default();
            picture.credit = picture
                .credit
                .take()
                .and_then(|credit| Content::Loose(credit).plain(html));
            let mut image = picture.json();
            media::without_repeated_hero(&mut image, &mut body);
            fields.push(("image", at(field)));
            out.insert("image".into(), image);
        }

        fields.push(("body", at(body_field)));
        out.insert("body".into(), Value::Array(body));

        // The item's own page is its source.
        let cited = match &self.link {
            Some(url) => {
                fields.push(("sources", at("link")));
                let name = channel.title.clone().or_else(|| site_name(url));
                vec![json!({ "name": name.unwrap_or_else(|| url.clone()), "url": url })]
            }
            None => Vec::new(),
        };
        out.insert("sources".into(), Value::Array(cited));

        Adapted {
            json: Value::Object(out),
            origin,
            fields,
            cut,
        }
    }
}

/// Media RSS (<https://www.rssboard.org/media-rss>), which YouTube and Vimeo feeds use.
pub const MEDIA: &[&str] = &["http://search.yahoo.com/mrss/"];

/// The `media:description` of an item, directly or in its `media:group` or `media:content`:
/// the text of a video's entry that has no other (the media themselves are not read).
pub fn media_description(item: &XmlElement) -> Option<(Content, &'static str)> {
    let direct = item.first(MEDIA, "description");
    let nested = || {
        item.elements()
            .filter(|e| MEDIA.contains(&e.namespace.as_str()))
            .find_map(|e| e.first(MEDIA, "description"))
    };
    let text = text_of(direct.or_else(nested))?;
    Some((Content::Loose(text), "media:description"))
}

/// The picture of an item in Media RSS (also in Atom feeds: YouTube, Reddit): its widest
/// `media:content` that is an image, directly or in a `media:group`, with the other widths of
/// the same picture; else its widest `media:thumbnail` (of the item, a group, or a video's
/// `media:content`). Icons and avatars (under 100 pixels wide) are passed over.
pub fn media_image(item: &XmlElement, base: Option<&str>) -> Option<(Picture, &'static str)> {
    let groups: Vec<&XmlElement> = std::iter::once(item)
        .chain(item.all(MEDIA, "group"))
        .collect();
    let contents: Vec<&XmlElement> = groups
        .iter()
        .flat_map(|group| group.all(MEDIA, "content"))
        .collect();
    let images = contents
        .iter()
        .filter(|content| is_image(content))
        .filter_map(|content| media_picture(content, base))
        .collect();
    if let Some(picture) = media::hero(images) {
        return Some((picture, "media:content"));
    }
    let thumbnails = groups
        .iter()
        .chain(&contents)
        .flat_map(|holder| holder.all(MEDIA, "thumbnail"))
        .filter_map(|thumbnail| media_picture(thumbnail, base))
        .collect();
    media::hero(thumbnails).map(|picture| (picture, "media:thumbnail"))
}

/// Whether a `media:content` is a picture: its `medium` or `type` says so, or, with neither,
/// its address ends like one.
fn is_image(content: &XmlElement) -> bool {
    let medium = content.attr("", "medium").map(str::trim);
    let kind = content.attr("", "type").map(str::trim);
    match (medium, kind) {
        (Some(medium), _) if !medium.is_empty() => medium.eq_ignore_ascii_case("image"),
        (_, Some(kind)) if !kind.is_empty() => kind.to_ascii_lowercase().starts_with("image/"),
        _ => content.attr("", "url").is_some_and(looks_like_image_file),
    }
}

/// Whether an address names a picture file by its extension.
pub fn looks_like_image_file(url: &str) -> bool {
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or(url)
        .to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"]
        .iter()
        .any(|extension| path.ends_with(extension))
}

/// A `media:content` or `media:thumbnail` as a picture: its `url` (resolved), size, and the
/// `media:description` and `media:credit` inside it (the credit also from its group).
fn media_picture(element: &XmlElement, base: Option<&str>) -> Option<Picture> {
    let url = web_link(base_of(element, base).as_deref(), element.attr("", "url")?)?;
    let size = |name| element.attr("", name).and_then(media::dimension_text);
    let picture = Picture::at(&url)?
        .sized(size("width"), size("height"))
        .alt(text_of(element.first(MEDIA, "description")).as_deref())
        .credit(text_of(element.first(MEDIA, "credit")));
    Some(picture)
}

/// An enclosure that is a picture: `type="image/…"`, or no type and an address that ends
/// like a picture's.
pub fn enclosure_image(url: &str, kind: Option<&str>, base: Option<&str>) -> Option<Picture> {
    let is_image = match kind.map(str::trim).filter(|k| !k.is_empty()) {
        Some(kind) => kind.to_ascii_lowercase().starts_with("image/"),
        None => looks_like_image_file(url),
    };
    if !is_image {
        return None;
    }
    Picture::at(&web_link(base, url)?)
}

/// The nearest language among `elements` (innermost first): an `xml:lang`, as a well-formed
/// tag, and where it was.
pub fn xml_lang(elements: &[(Option<&XmlElement>, &str)]) -> Option<(String, String)> {
    elements.iter().find_map(|(element, at)| {
        let tag = media::language(element.as_ref()?.attr(XML_NS, "lang")?)?;
        Some((tag, format!("{at}xml:lang")))
    })
}

/// The base URL inside `element`: its `xml:base` resolved against `parent`'s.
pub fn base_of(element: &XmlElement, parent: Option<&str>) -> Option<String> {
    match element.attr(XML_NS, "base") {
        Some(base) => urls::resolve(parent, base).or_else(|| parent.map(str::to_owned)),
        None => parent.map(str::to_owned),
    }
}

/// A link resolved against `base`, if it then is an http(s) URL.
pub fn web_link(base: Option<&str>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    let url = urls::resolve(base, href)?;
    ExternalUrl::parse(&url).map(|_| url)
}

/// An element's text, trimmed; `None` if empty.
pub fn text_of(element: Option<&XmlElement>) -> Option<String> {
    let text = element?.text();
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}
