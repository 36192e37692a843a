//! The site's own Atom 1.0 feed (RFC 4287), paged as RFC 5005 describes (`first`, `previous`,
//! `next` links), for feed readers that do not read JSON Feed.

use crate::{Article, PublishedAt, site};

use super::{escape, rfc3339};

/// An entry, without its `updated` date, which an undated article takes from its page.
#[derive(Debug, Clone)]
pub struct Entry {
    pub date: Option<PublishedAt>,
    /// The entry's elements but `updated` and `published`.
    elements: String,
}

/// The article's entry: `canonical` is its page on the site, also its id; `content_html` its
/// body as [`html::article_html`](super::html::article_html) writes it.
pub fn entry(article: &Article, canonical: &str, content_html: &str) -> Entry {
    let mut xml = String::new();
    let mut element = |name: &str, text: &str| {
        xml.push_str(&format!("<{name}>{}</{name}>", escape(text)));
    };
    element("id", canonical);
    element("title", &article.headline);
    if let Some(summary) = &article.summary {
        element("summary", summary);
    }
    xml.push_str(&format!(
        "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape(canonical)
    ));
    if let Some(url) = &article.url {
        xml.push_str(&format!(
            "<link rel=\"related\" type=\"text/html\" href=\"{}\"/>",
            escape(url.as_str())
        ));
    }
    for (name, url) in super::credited(article) {
        xml.push_str(&format!("<author><name>{}</name>", escape(name)));
        if let Some(url) = url {
            xml.push_str(&format!("<uri>{}</uri>", escape(url.as_str())));
        }
        xml.push_str("</author>");
    }
    for pillar in &article.pillars {
        xml.push_str(&format!(
            "<category term=\"{}\" label=\"{}\"/>",
            escape(&pillar.slug),
            escape(&pillar.name)
        ));
    }
    xml.push_str(&format!(
        "<content type=\"html\">{}</content>",
        escape(content_html)
    ));
    Entry {
        date: article.published_at,
        elements: xml,
    }
}

/// Where a page sits among the feed's pages (absolute URLs).
pub struct PageLinks<'a> {
    pub site_url: &'a str,
    pub this: &'a str,
    pub first: &'a str,
    pub previous: Option<&'a str>,
    pub next: Option<&'a str>,
}

/// Atom wants a date on every entry and on the feed: an undated article, and a feed of
/// undated articles only, get this one, which stays the same from run to run.
const NO_DATE: &str = "1970-01-01T00:00:00Z";

/// One page of the feed.
pub fn page(links: &PageLinks, entries: &[Entry]) -> String {
    let newest = entries
        .iter()
        .filter_map(|e| e.date)
        .max_by_key(|d| d.sort_key())
        .map_or_else(|| NO_DATE.to_owned(), |d| rfc3339(&d));
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n");
    // One id for every page: they are one feed (RFC 5005, section 3).
    xml.push_str(&format!("<id>{}</id>\n", escape(links.first)));
    xml.push_str(&format!("<title>{}</title>\n", escape(site::PRODUCT_NAME)));
    xml.push_str(&format!("<subtitle>{}</subtitle>\n", escape(site::TAGLINE)));
    xml.push_str(&format!("<updated>{newest}</updated>\n"));
    xml.push_str(&format!(
        "<author><name>{}</name><uri>{}</uri></author>\n",
        escape(site::PUBLISHER_NAME),
        escape(links.site_url)
    ));
    let mut link = |rel: &str, kind: &str, href: &str| {
        xml.push_str(&format!(
            "<link rel=\"{rel}\" type=\"{kind}\" href=\"{}\"/>\n",
            escape(href)
        ));
    };
    link("self", "application/atom+xml", links.this);
    link("alternate", "text/html", links.site_url);
    link("first", "application/atom+xml", links.first);
    if let Some(previous) = links.previous {
        link("previous", "application/atom+xml", previous);
    }
    if let Some(next) = links.next {
        link("next", "application/atom+xml", next);
    }
    for entry in entries {
        xml.push_str("<entry>");
        match &entry.date {
            Some(date) => {
                let date = rfc3339(date);
                xml.push_str(&format!(
                    "<updated>{date}</updated><published>{date}</published>"
                ));
            }
            None => xml.push_str(&format!("<updated>{newest}</updated>")),
        }
        xml.push_str(&entry.elements);
        xml.push_str("</entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}
