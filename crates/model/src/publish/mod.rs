//! What the prerenderer publishes beside the pages (`crates/prerender`): the article as
//! contract JSON again, the site's own JSON Feed and Atom feed, the sitemap and `robots.txt`,
//! and each article's oEmbed document (docs/embedding.md, "Paste a link"). Pure functions of
//! articles and absolute URLs; the prerenderer decides where each file goes, through
//! [`files`].

pub mod atom;
pub mod contract;
pub mod html;
pub mod json_feed;
pub mod oembed;
pub mod sitemap;

use crate::{PublishedAt, link::encode_segment, seo::HeadEntry, site, text};

/// Articles per page of the published feeds: a reader's first request stays small, and the
/// whole archive is still there, page by page (`next_url`, RFC 5005's `next`).
pub const FEED_PAGE_ITEMS: usize = 50;

/// The published files' paths, relative to the site's root (the build's folder and the
/// `--site-url`): the one place that names them.
pub mod files {
    use super::encode_segment;

    pub const JSON_FEED: &str = "feed.json";
    pub const ATOM_FEED: &str = "feed.xml";
    pub const SITEMAP: &str = "sitemap.xml";
    pub const ROBOTS: &str = "robots.txt";
    pub const MANIFEST: &str = "manifest.webmanifest";

    /// Page `n` (from 1) of the JSON Feed: `feed.json`, then `feed/2.json`, ….
    pub fn json_feed_page(n: usize) -> String {
        feed_page(n, "json")
    }

    /// Page `n` (from 1) of the Atom feed: `feed.xml`, then `feed/2.xml`, ….
    pub fn atom_feed_page(n: usize) -> String {
        feed_page(n, "xml")
    }

    fn feed_page(n: usize, extension: &str) -> String {
        if n <= 1 {
            format!("feed.{extension}")
        } else {
            format!("feed/{n}.{extension}")
        }
    }

    /// Part `n` (from 1) of a sitemap split past 50,000 URLs; `sitemap.xml` is then their index.
    pub fn sitemap_part(n: usize) -> String {
        format!("sitemap-{n}.xml")
    }

    /// An article's oEmbed document, as a file (`slug` must be a file name).
    pub fn oembed(slug: &str) -> String {
        format!("oembed/articles/{slug}.json")
    }

    /// An article's oEmbed document, as a URL path under the site (the slug escaped).
    pub fn oembed_url_path(slug: &str) -> String {
        format!("oembed/articles/{}.json", encode_segment(slug))
    }
}

/// `<link rel="alternate" type=… href=… title=…>`: the page's content in another format (a
/// feed, an oEmbed document). Only the prerenderer writes these: the app's own `<head>`
/// entries (`seo::HeadEntry`) have no use for them.
#[derive(Debug, Clone, PartialEq)]
pub struct Alternate {
    /// The `type`: a media type.
    pub kind: &'static str,
    pub href: String,
    pub title: String,
}

/// The site's feeds, announced in every prerendered page's `<head>` (absolute URLs: feed
/// readers and consumers do not resolve against `<base>`). `site_url` ends with `/`.
pub fn feed_alternates(site_url: &str) -> Vec<Alternate> {
    vec![
        Alternate {
            kind: "application/feed+json",
            href: format!("{site_url}{}", files::JSON_FEED),
            title: format!("{} (JSON Feed)", site::PRODUCT_NAME),
        },
        Alternate {
            kind: "application/atom+xml",
            href: format!("{site_url}{}", files::ATOM_FEED),
            title: format!("{} (Atom)", site::PRODUCT_NAME),
        },
    ]
}

/// The oEmbed discovery link of the article `slug`, titled with its headline.
pub fn oembed_alternate(site_url: &str, slug: &str, headline: &str) -> Alternate {
    Alternate {
        kind: "application/json+oembed",
        href: format!("{site_url}{}", files::oembed_url_path(slug)),
        title: headline.to_owned(),
    }
}

/// The embed frames' robots rule (`<meta name="robots" content="noindex">`): written into
/// their prerendered pages, and added by the app when it starts on one that was not.
pub const EMBED_ROBOTS: (&str, &str) = ("robots", "noindex");

/// What the frames of partners' embeds say in their `<head>`: not to be indexed (a search
/// result should be the article's page, named by `canonical`).
pub fn embed_page_head(canonical: String) -> Vec<HeadEntry> {
    vec![
        HeadEntry::MetaName(EMBED_ROBOTS.0, EMBED_ROBOTS.1.to_owned()),
        HeadEntry::Link("canonical", canonical),
    ]
}

/// A moment as RFC 3339, which feeds and sitemaps need: a date alone is that day's start in UTC.
/// Who a feed entry credits: the byline's names, or else the publisher, each with its link.
pub fn credited(article: &crate::Article) -> Vec<(&str, Option<&crate::ExternalUrl>)> {
    if article.authors.is_empty() {
        let publisher = article.publisher.iter();
        publisher
            .map(|p| (p.name.as_str(), p.url.as_ref()))
            .collect()
    } else {
        let authors = article.authors.iter();
        authors.map(|a| (a.name.as_str(), a.url.as_ref())).collect()
    }
}

pub fn rfc3339(date: &PublishedAt) -> String {
    match date {
        PublishedAt::DateTime(_) => date.machine(),
        PublishedAt::Date(_) => format!("{}T00:00:00Z", date.machine()),
    }
}

/// Text for XML and HTML ([`text::escape_markup`]), without the characters XML 1.0 does not
/// allow at all (controls but tab, newline and return; U+FFFE, U+FFFF): they are left out.
pub fn escape(text: &str) -> String {
    let allowed = |c: &char| {
        !matches!(c, '\u{FFFE}' | '\u{FFFF}')
            && ((*c as u32) >= 0x20 || matches!(c, '\t' | '\n' | '\r'))
    };
    if text.chars().all(|c| allowed(&c)) {
        return text::escape_markup(text);
    }
    text::escape_markup(&text.chars().filter(allowed).collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_named_in_one_place() {
        assert_eq!(files::json_feed_page(1), "feed.json");
        assert_eq!(files::json_feed_page(3), "feed/3.json");
        assert_eq!(files::atom_feed_page(2), "feed/2.xml");
        assert_eq!(files::oembed_url_path("a b"), "oembed/articles/a%20b.json");
    }

    #[test]
    fn dates_become_moments() {
        let day = PublishedAt::parse("2026-07-02").unwrap();
        assert_eq!(rfc3339(&day), "2026-07-02T00:00:00Z");
        let moment = PublishedAt::parse("2026-07-02T10:30:00+02:00").unwrap();
        assert_eq!(rfc3339(&moment), "2026-07-02T10:30:00+02:00");
    }

    #[test]
    fn escaping_covers_markup_and_control_characters() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>\u{1}\n"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;\n"
        );
    }
}
