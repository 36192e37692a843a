//! RSS 2.0, 0.91/0.92 and 1.0 (RDF, and Netscape's 0.90): the channel is the index, each
//! item a whole article. See `docs/formats.md` for the mapping.

use super::{
    AdaptedFeed, HtmlParser,
    html::HtmlBudget,
    media,
    media::name_of_mailbox,
    xml::XmlElement,
    xml_feed::{
        Author, Channel, Content, Entry, base_of, enclosure_image, media_description, media_image,
        text_of, web_link, xml_lang,
    },
};
use crate::{ContractError, limits::MAX_CARDS};

/// The namespaces RSS's own elements come in: none (0.9x, 2.0), RSS 1.0's, Netscape's 0.90,
/// and the two that some 2.0 feeds declare as their default.
const RSS: &[&str] = &[
    "",
    "http://purl.org/rss/1.0/",
    "http://my.netscape.com/rdf/simple/0.9/",
    "http://backend.userland.com/rss2",
    "http://blogs.law.harvard.edu/tech/rss",
];
const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const CONTENT: &[&str] = &["http://purl.org/rss/1.0/modules/content/"];
const DC: &[&str] = &[
    "http://purl.org/dc/elements/1.1/",
    "http://purl.org/dc/terms/",
];
const ATOM: &[&str] = &["http://www.w3.org/2005/Atom"];

pub fn adapt(
    root: &XmlElement,
    base: Option<&str>,
    html: &dyn HtmlParser,
) -> Result<AdaptedFeed, ContractError> {
    let rdf = root.is(RDF, "RDF");
    if !(rdf || (root.name == "rss" && RSS.contains(&root.namespace.as_str()))) {
        return Err(ContractError::at(
            "",
            format!("expected an RSS document, found a `{}` element", root.name),
        ));
    }
    let root_base = base_of(root, base);
    let channel_element = root
        .first(RSS, "channel")
        .ok_or_else(|| ContractError::at("channel", "required, but missing"))?;
    let channel_base = base_of(channel_element, root_base.as_deref());
    // RSS 1.0 puts its items beside the channel, 2.0 inside it.
    let (items_parent, items_base, prefix) = if rdf {
        (root, root_base.clone(), "item")
    } else {
        (channel_element, channel_base.clone(), "channel.item")
    };
    let items: Vec<&XmlElement> = items_parent.all(RSS, "item").collect();
    let html = HtmlBudget::new(html);
    let channel = Channel {
        title: text_of(channel_element.first(RSS, "title"))
            .and_then(|raw| Content::Loose(raw).plain(&html)),
        link: text_of(channel_element.first(RSS, "link"))
            .and_then(|link| web_link(channel_base.as_deref(), &link)),
    };
    if items.is_empty() {
        return Err(ContractError::at(prefix, "the feed has no items"));
    }
    // The channel's language: its `language` (`en-us`, `en_US`), else Dublin Core's, else the
    // nearest `xml:lang` (RSS 1.0).
    let language = [(RSS, "language"), (DC, "language")]
        .into_iter()
        .find_map(|(namespace, name)| {
            let tag = media::language(&text_of(channel_element.first(namespace, name))?)?;
            Some((tag, format!("channel.{name}")))
        })
        .or_else(|| xml_lang(&[(Some(channel_element), "channel."), (Some(root), "")]));
    let articles = items
        .iter()
        .take(MAX_CARDS)
        .enumerate()
        .map(|(index, item)| {
            let item_base = base_of(item, items_base.as_deref());
            let origin = format!("{prefix}[{index}]");
            let mut entry = entry(item, origin, item_base.as_deref());
            entry.language = entry.language.or_else(|| language.clone());
            Ok(entry.adapt(index, &channel, &html))
        })
        .collect();
    let next = channel_element
        .all(ATOM, "link")
        .find(|link| link.attr("", "rel") == Some("next"))
        .and_then(|link| link.attr("", "href"))
        .and_then(|href| web_link(channel_base.as_deref(), href));
    Ok(AdaptedFeed::new(articles, items.len(), next))
}

fn entry(item: &XmlElement, origin: String, base: Option<&str>) -> Entry {
    let guid = item.first(RSS, "guid");
    let id = text_of(guid).or_else(|| item.attr(RDF, "about").map(str::to_owned));
    // A guid that is a permalink (the default) is the item's page when it has no link, if it
    // is a whole http(s) URL: many say they are permalinks and are not (`7bd204c6-…`).
    let permalink = guid
        .filter(|guid| guid.attr("", "isPermaLink") != Some("false"))
        .and_then(|guid| text_of(Some(guid)));
    let link = text_of(item.first(RSS, "link"))
        .and_then(|link| web_link(base, &link))
        .or_else(|| permalink.and_then(|link| web_link(None, &link)));
    let encoded = text_of(item.first(CONTENT, "encoded"));
    let description = text_of(item.first(RSS, "description"));
    let (body, summary) = match (encoded, description) {
        (Some(encoded), description) => (
            Some((Content::Html(encoded), "content:encoded")),
            description.map(|d| (Content::Loose(d), "description")),
        ),
        (None, Some(description)) => (Some((Content::Loose(description), "description")), None),
        (None, None) => (media_description(item), None),
    };
    let dates = [
        (RSS, "pubDate", "pubDate"),
        (DC, "date", "dc:date"),
        (ATOM, "published", "atom:published"),
        (ATOM, "updated", "atom:updated"),
    ]
    .into_iter()
    .filter_map(|(namespace, name, field)| Some((text_of(item.first(namespace, name))?, field)))
    .collect();
    let categories = item
        .all(RSS, "category")
        .chain(item.all(DC, "subject"))
        .filter_map(|c| text_of(Some(c)))
        .map(Content::Loose)
        .collect();
    // Every `dc:creator` (Wirecutter names several), else RSS's `author`, an address by the
    // specification (`jo@example.org (Jo Bloggs)`): its name.
    let mut authors: Vec<Author> = item
        .all(DC, "creator")
        .filter_map(|creator| text_of(Some(creator)))
        .map(|name| Author {
            name: Content::Loose(name),
            url: None,
        })
        .collect();
    if authors.is_empty() {
        authors = item
            .all(RSS, "author")
            .filter_map(|author| name_of_mailbox(&text_of(Some(author))?))
            .map(|name| Author {
                name: Content::Loose(name),
                url: None,
            })
            .collect();
    }
    let updated = [
        (ATOM, "updated", "atom:updated"),
        (DC, "modified", "dcterms:modified"),
    ]
    .into_iter()
    .find_map(|(namespace, name, field)| Some((text_of(item.first(namespace, name))?, field)));
    // Media RSS, else an enclosure that is a picture.
    let image = media_image(item, base).or_else(|| {
        item.all(RSS, "enclosure").find_map(|enclosure| {
            let url = enclosure.attr("", "url")?;
            let picture = enclosure_image(url, enclosure.attr("", "type"), base)?;
            Some((picture, "enclosure"))
        })
    });
    let language = text_of(item.first(DC, "language"))
        .and_then(|tag| media::language(&tag))
        .map(|tag| (tag, format!("{origin}.dc:language")))
        .or_else(|| xml_lang(&[(Some(item), &format!("{origin}."))]));
    Entry {
        origin,
        id_field: "guid",
        id,
        link,
        title: text_of(item.first(RSS, "title")).map(|t| (Content::Loose(t), "title")),
        dates,
        date_field: "pubDate",
        body,
        summary,
        categories,
        authors,
        updated,
        image,
        language,
        body_base: base.map(str::to_owned),
    }
}
