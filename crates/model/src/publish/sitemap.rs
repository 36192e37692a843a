//! `sitemap.xml` (<https://www.sitemaps.org/protocol.html>) and `robots.txt`.

use crate::PublishedAt;

use super::{escape, rfc3339};

/// The protocol's limits for one sitemap file: 50,000 URLs and 50 MiB.
pub const MAX_URLS: usize = 50_000;
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

const NAMESPACE: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// A page of the site: its absolute URL, and its date when it has one.
#[derive(Debug, Clone)]
pub struct Page {
    pub url: String,
    pub modified: Option<PublishedAt>,
}

/// The sitemap files for `pages`: one `urlset`, or, past either limit, `urlset` parts (each
/// within both) whose URLs `part_url` gives (numbered from 1) and the index listing them,
/// which goes first.
pub fn sitemaps(pages: &[Page], part_url: impl Fn(usize) -> String) -> Vec<String> {
    let entries: Vec<String> = pages.iter().map(url_entry).collect();
    let head =
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"{NAMESPACE}\">\n");
    let tail = "</urlset>\n";
    let mut parts: Vec<String> = Vec::new();
    let mut current = head.clone();
    let mut count = 0;
    for entry in entries {
        if count == MAX_URLS || current.len() + entry.len() + tail.len() > MAX_BYTES {
            current.push_str(tail);
            parts.push(std::mem::replace(&mut current, head.clone()));
            count = 0;
        }
        current.push_str(&entry);
        count += 1;
    }
    current.push_str(tail);
    parts.push(current);
    if parts.len() == 1 {
        return parts;
    }
    let mut index = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"{NAMESPACE}\">\n"
    );
    for n in 1..=parts.len() {
        index.push_str(&format!(
            "<sitemap><loc>{}</loc></sitemap>\n",
            escape(&part_url(n))
        ));
    }
    index.push_str("</sitemapindex>\n");
    let mut files = vec![index];
    files.extend(parts);
    files
}

fn url_entry(page: &Page) -> String {
    match &page.modified {
        Some(date) => format!(
            "<url><loc>{}</loc><lastmod>{}</lastmod></url>\n",
            escape(&page.url),
            rfc3339(date)
        ),
        None => format!("<url><loc>{}</loc></url>\n", escape(&page.url)),
    }
}

/// `robots.txt`: everything may be crawled (the embed pages say `noindex` themselves, which a
/// crawler only sees if it may fetch them), and where the sitemap is.
pub fn robots(sitemap_url: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(n: usize) -> Vec<Page> {
        (0..n)
            .map(|i| Page {
                url: format!("https://s.example/articles/a{i}"),
                modified: None,
            })
            .collect()
    }

    #[test]
    fn one_file_up_to_the_limit_then_an_index() {
        let one = sitemaps(&pages(MAX_URLS), |n| {
            format!("https://s.example/sitemap-{n}.xml")
        });
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].matches("<url>").count(), MAX_URLS);
        let split = sitemaps(&pages(MAX_URLS + 1), |n| {
            format!("https://s.example/sitemap-{n}.xml")
        });
        assert_eq!(split.len(), 3);
        assert!(split[0].contains("<sitemapindex"));
        assert!(split[0].contains("<loc>https://s.example/sitemap-2.xml</loc>"));
        assert_eq!(split[1].matches("<url>").count(), MAX_URLS);
        assert_eq!(split[2].matches("<url>").count(), 1);
    }

    #[test]
    fn urls_are_escaped_and_dated() {
        let files = sitemaps(
            &[Page {
                url: "https://s.example/articles/a?b=1&c=2".into(),
                modified: PublishedAt::parse("2026-07-02"),
            }],
            |_| unreachable!(),
        );
        assert!(files[0].contains("<loc>https://s.example/articles/a?b=1&amp;c=2</loc><lastmod>2026-07-02T00:00:00Z</lastmod>"));
    }
}
