//! Atom 1.0 (RFC 4287) and its draft 0.3: the feed is the index, each entry a whole article;
//! a lone `entry` document is a feed of one. See `docs/formats.md` for the mapping.

use super::{
    AdaptedFeed, HtmlParser,
    html::HtmlBudget,
    xml::XmlElement,
    xml_feed::{
        Author, Channel, Content, Entry, base_of, enclosure_image, media_description, media_image,
        text_of, web_link, xml_lang,
    },
};
use crate::{ContractError, limits::MAX_CARDS};

/// Atom 1.0's namespace and 0.3's, and none (the draft snapshots some feeds still serve).
const ATOM: &[&str] = &[
    "http://www.w3.org/2005/Atom",
    "http://purl.org/atom/ns#",
    "",
];
const XHTML: &str = "http://www.w3.org/1999/xhtml";

pub fn adapt(
    root: &XmlElement,
    base: Option<&str>,
    html: &dyn HtmlParser,
) -> Result<AdaptedFeed, ContractError> {
    if !ATOM.contains(&root.namespace.as_str()) || !matches!(root.name.as_str(), "feed" | "entry") {
        return Err(ContractError::at(
            "",
            format!(
                "expected an Atom feed, found a `{}` element in {}",
                root.name,
                if root.namespace.is_empty() {
                    "no namespace".to_owned()
                } else {
                    format!("the namespace {}", root.namespace)
                }
            ),
        ));
    }
    let feed_base = base_of(root, base);
    let html = HtmlBudget::new(html);
    let (entries, prefix): (Vec<&XmlElement>, &str) = if root.name == "entry" {
        (vec![root], "entry")
    } else {
        (root.all(ATOM, "entry").collect(), "feed.entry")
    };
    let lone = root.name == "entry";
    let channel = Channel {
        title: (!lone)
            .then(|| text_construct(root.first(ATOM, "title"), feed_base.as_deref()))
            .flatten()
            .and_then(|title| title.plain(&html)),
        link: (!lone)
            .then(|| link(root, "alternate", feed_base.as_deref()))
            .flatten(),
    };
    if entries.is_empty() {
        return Err(ContractError::at(prefix, "the feed has no entries"));
    }
    let articles = entries
        .iter()
        .take(MAX_CARDS)
        .enumerate()
        .map(|(index, element)| {
            let origin = if lone {
                prefix.to_owned()
            } else {
                format!("{prefix}[{index}]")
            };
            let entry_base = if lone {
                feed_base.clone()
            } else {
                base_of(element, feed_base.as_deref())
            };
            let mut entry = entry(element, origin, entry_base.as_deref());
            // An entry without an author has the feed's (RFC 4287, 4.2.1).
            if entry.authors.is_empty() && !lone {
                entry.authors = authors(root, feed_base.as_deref());
            }
            if entry.language.is_none() && !lone {
                entry.language = xml_lang(&[(Some(root), "feed.")]);
            }
            Ok(entry.adapt(index, &channel, &html))
        })
        .collect();
    let next = (!lone)
        .then(|| link(root, "next", feed_base.as_deref()))
        .flatten();
    Ok(AdaptedFeed::new(articles, entries.len(), next))
}

/// The `href` of the first `link` with relation `rel` (a link without `rel` is `alternate`),
/// resolved; of the alternates, an HTML page first.
fn link(element: &XmlElement, rel: &str, base: Option<&str>) -> Option<String> {
    let links: Vec<&XmlElement> = element
        .all(ATOM, "link")
        .filter(|link| link.attr("", "rel").unwrap_or("alternate") == rel)
        .collect();
    let html = links
        .iter()
        .find(|link| link.attr("", "type").is_some_and(|t| t.contains("html")));
    html.or(links.first()).and_then(|link| {
        let href = link.attr("", "href")?;
        web_link(base_of(link, base).as_deref(), href)
    })
}

/// An Atom text construct (`title`, `summary`, `content`): by its `type` (`text`, `html`,
/// `xhtml`, or for content a media type), and 0.3's `mode` (`escaped`, `xml`, `base64`).
/// `None` for content that is elsewhere (`src=`) or not text (base64, images).
fn text_construct(element: Option<&XmlElement>, base: Option<&str>) -> Option<Content> {
    let element = element?;
    if element.attr("", "src").is_some() {
        return None;
    }
    let kind = element
        .attr("", "type")
        .unwrap_or("text")
        .trim()
        .to_ascii_lowercase();
    let mode = element.attr("", "mode").unwrap_or_default();
    if mode == "base64" {
        return None;
    }
    let base = base_of(element, base);
    let xml_markup =
        kind == "xhtml" || mode == "xml" || kind.ends_with("/xml") || kind.ends_with("+xml");
    if xml_markup {
        // The content is the `div` Atom wraps it in, or whatever is there.
        let div = element
            .elements()
            .find(|e| e.is(XHTML, "div"))
            .filter(|_| element.elements().count() == 1);
        let holder = div.unwrap_or(element);
        let holder_base = base_of(holder, base.as_deref());
        let resolve = |link: &XmlElement, href: &str| {
            let link_base = base_of(link, holder_base.as_deref());
            super::urls::resolve(link_base.as_deref(), href).unwrap_or_else(|| href.to_owned())
        };
        return Some(Content::Nodes(holder.html_children(&resolve)));
    }
    let text = element.text();
    if text.trim().is_empty() {
        return None;
    }
    match kind.as_str() {
        "html" | "text/html" => Some(Content::Html(text)),
        // 0.3 escaped content is usually HTML.
        _ if mode == "escaped" => Some(Content::Html(text)),
        // Text, which feeds fill with references and HTML as well.
        "text" => Some(Content::Loose(text)),
        _ if kind.starts_with("text/") => Some(Content::Loose(text)),
        _ => None,
    }
}

fn entry(element: &XmlElement, origin: String, base: Option<&str>) -> Entry {
    let content_element = element.first(ATOM, "content");
    let content = text_construct(content_element, base);
    let summary = text_construct(element.first(ATOM, "summary"), base);
    let (body, summary) = match (content, summary) {
        (Some(content), summary) => (Some((content, "content")), summary.map(|s| (s, "summary"))),
        // Only a summary: it is the body too.
        (None, Some(summary)) => {
            let again = text_construct(element.first(ATOM, "summary"), base);
            (Some((summary, "summary")), again.map(|s| (s, "summary")))
        }
        (None, None) => (media_description(element), None),
    };
    let body_base = content_element
        .filter(|_| matches!(body, Some((_, "content"))))
        .or_else(|| element.first(ATOM, "summary"))
        .map_or_else(|| base.map(str::to_owned), |e| base_of(e, base));
    let dates = ["published", "updated", "issued", "modified", "created"]
        .into_iter()
        .filter_map(|name| Some((text_of(element.first(ATOM, name))?, name)))
        .collect();
    let categories = element
        .all(ATOM, "category")
        .filter_map(|c| {
            c.attr("", "label")
                .or_else(|| c.attr("", "term"))
                .map(str::trim)
                .filter(|t| !t.is_empty())
        })
        .map(|name| Content::Loose(name.to_owned()))
        .collect();
    // The entry's last change, read as an update when it is later than its publication.
    let updated = ["updated", "modified"]
        .into_iter()
        .find_map(|name| Some((text_of(element.first(ATOM, name))?, name)));
    // Media RSS (YouTube, Reddit), else a link to an enclosure that is a picture.
    let image = media_image(element, base).or_else(|| {
        element
            .all(ATOM, "link")
            .filter(|link| link.attr("", "rel") == Some("enclosure"))
            .find_map(|link| {
                let url = link.attr("", "href")?;
                let picture =
                    enclosure_image(url, link.attr("", "type"), base_of(link, base).as_deref())?;
                Some((picture, "link"))
            })
            .or_else(|| {
                // Content that is itself a picture, out of line (`<content type="image/jpeg"
                // src="…"/>`).
                let content = content_element?;
                let picture = enclosure_image(
                    content.attr("", "src")?,
                    Some(content.attr("", "type")?),
                    base_of(content, base).as_deref(),
                )?;
                Some((picture, "content"))
            })
    });
    // The language of the text: the nearest `xml:lang`, the content's first.
    let at = format!("{origin}.");
    let language = xml_lang(&[
        (content_element, &format!("{at}content.")),
        (Some(element), &at),
    ]);
    Entry {
        origin,
        id_field: "id",
        id: text_of(element.first(ATOM, "id")),
        link: link(element, "alternate", base),
        title: text_construct(element.first(ATOM, "title"), base).map(|t| (t, "title")),
        dates,
        date_field: "published",
        body,
        summary,
        categories,
        authors: authors(element, base),
        updated,
        image,
        language,
        body_base,
    }
}

/// The `author`s of an entry or a feed: each `name`, with its `uri` (0.3: `url`) resolved.
fn authors(element: &XmlElement, base: Option<&str>) -> Vec<Author> {
    element
        .all(ATOM, "author")
        .filter_map(|author| {
            let name = text_of(author.first(ATOM, "name"))?;
            let url = ["uri", "url"].into_iter().find_map(|field| {
                let uri = author.first(ATOM, field)?;
                web_link(
                    base_of(uri, base_of(author, base).as_deref()).as_deref(),
                    &uri.text(),
                )
            });
            Some(Author {
                name: Content::Loose(name),
                url,
            })
        })
        .collect()
}
