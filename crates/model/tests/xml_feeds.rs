//! RSS and Atom read as the contract: each mapping rule of `docs/formats.md`, format detection,
//! relative links, encodings, and errors named by the original document's path.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use signal_model::adapt::{
    Format, NATIVE, Reading, encoding, read_article, read_index, reading, urls,
};
use signal_model::{Article, Block, Cut, FeedPage, RichText, Span};

const BASE: &str = "https://news.example.org/feeds/main.xml";

fn detect(text: &str) -> Option<Format> {
    match reading(text).expect("within the size limit") {
        Reading::Contract(_) => None,
        Reading::Foreign(format) => Some(format),
    }
}

fn page(text: &str) -> FeedPage {
    read_index(text, Some(BASE), NATIVE).unwrap_or_else(|e| panic!("{e}"))
}

fn first(text: &str) -> Article {
    page(text).full.into_iter().next().expect("an article")
}

fn error(text: &str) -> String {
    read_index(text, Some(BASE), NATIVE)
        .map(drop)
        .expect_err("refused")
        .to_string()
}

fn rss(items: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"
     xmlns:media="http://search.yahoo.com/mrss/">
<channel>
  <title>Example &amp; News</title>
  <link>https://news.example.org/</link>
  <atom:link rel="next" href="page/2.xml"/>
  {items}
</channel>
</rss>"#
    )
}

fn atom(entries: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.net/">
  <title type="html">The &lt;em&gt;Blog&lt;/em&gt;</title>
  <link href="/"/>
  <link rel="self" href="feed.atom"/>
  <link rel="next" href="feed.atom?page=2"/>
  {entries}
</feed>"#
    )
}

fn texts(article: &Article) -> Vec<String> {
    article
        .body
        .iter()
        .map(|block| match block {
            Block::Paragraph(text) => text.plain(),
            Block::Heading(text) => text.clone(),
            Block::Quote { text, .. } => text.plain(),
            Block::List(items) => items.iter().map(RichText::plain).collect(),
            Block::Figure(image) => format!("[image: {}]", image.alt),
        })
        .collect()
}

#[test]
fn feeds_are_detected_by_their_root_element() {
    assert_eq!(detect(&rss("")), Some(Format::Rss));
    assert_eq!(detect(&atom("")), Some(Format::Atom));
    assert_eq!(
        detect("\u{feff}<!-- c --><?xml-stylesheet href='s'?><!DOCTYPE rss><rss>"),
        Some(Format::Rss)
    );
    assert_eq!(
        detect("<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"),
        Some(Format::Rss)
    );
    assert_eq!(
        detect("<entry xmlns='http://www.w3.org/2005/Atom'/>"),
        Some(Format::Atom)
    );
    assert_eq!(detect("<html><body>not a feed</body></html>"), None);
    assert_eq!(Format::from_name("rss"), Some(Format::Rss));
    assert_eq!(Format::from_name("atom"), Some(Format::Atom));
    assert_eq!(Format::Atom.name(), "atom");
}

#[test]
fn an_rss_item_is_an_article() {
    let feed = rss(r#"
  <item>
    <title>Solar &amp;amp; wind: &lt;em&gt;records&lt;/em&gt; &#8217;24</title>
    <link>https://news.example.org/2024/solar-wind-records.html</link>
    <guid isPermaLink="false">tag:news.example.org,2024:1</guid>
    <pubDate>Mo, 04 Dez 2023 10:00:00 +0100</pubDate>
    <dc:creator>Ada Lovelace</dc:creator>
    <category>Energy &amp; Climate</category>
    <category><![CDATA[Solar]]></category>
    <description>A short &lt;b&gt;summary&lt;/b&gt;.</description>
    <content:encoded><![CDATA[<p>First <a href="/more">paragraph</a>.</p><script>x()</script><p>Second.</p>]]></content:encoded>
    <enclosure url="https://news.example.org/a.mp3" type="audio/mpeg" length="1"/>
    <media:content url="https://news.example.org/a.jpg" medium="image"/>
  </item>"#);
    let page = page(&feed);
    assert_eq!(
        page.next.as_deref(),
        Some("https://news.example.org/feeds/page/2.xml")
    );
    let article = &page.full[0];
    // References decoded once: `&amp;amp;` in XML is the text `&amp;`, which is HTML for `&`.
    assert_eq!(article.headline, "Solar & wind: records \u{2019}24");
    assert_eq!(article.slug, "solar-wind-records");
    assert_eq!(
        article.published_at.expect("dated").machine(),
        "2023-12-04T10:00:00+01:00"
    );
    assert_eq!(article.summary.as_deref(), Some("A short summary."));
    let pillars: Vec<(&str, &str)> = article
        .pillars
        .iter()
        .map(|p| (p.slug.as_str(), p.name.as_str()))
        .collect();
    assert_eq!(
        pillars,
        [("energy-climate", "Energy & Climate"), ("solar", "Solar")]
    );
    let publisher = article.publisher.as_ref().expect("a publisher");
    assert_eq!(publisher.name, "Example & News");
    assert_eq!(texts(article), ["First paragraph.", "Second."]);
    // A relative link in the HTML is resolved against the document's URL.
    let Block::Paragraph(text) = &article.body[0] else {
        panic!("a paragraph")
    };
    assert!(matches!(&text.spans()[1], Span::Link { url, .. }
        if url.as_str() == "https://news.example.org/more"));
    assert_eq!(
        article.sources[0]
            .url
            .as_ref()
            .map(|u| u.as_str())
            .unwrap_or_default(),
        "https://news.example.org/2024/solar-wind-records.html"
    );
}

#[test]
fn the_rss_author_is_the_byline() {
    // RSS's `author` is an address by the specification: the name in it is the byline.
    let feed = rss(
        "<item><title>t</title><pubDate>Tue, 05 Dec 2023 10:00:00 GMT</pubDate>\
                    <author>jo@example.org (Jo)</author></item>",
    );
    let article = first(&feed);
    assert_eq!(article.headline, "t");
    let names: Vec<&str> = article.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Jo"]);
    assert!(article.authors[0].url.is_none());
    // A bare address names nobody.
    let feed = rss(
        "<item><title>t</title><pubDate>Tue, 05 Dec 2023 10:00:00 GMT</pubDate>\
                    <author>jo@example.org</author></item>",
    );
    assert!(first(&feed).authors.is_empty());
}

#[test]
fn rss_leniencies() {
    // Description only, escaped HTML; a guid permalink as the link; no title: headed by the text.
    let article = first(&rss("<item><guid>https://news.example.org/p/42</guid>\
        <pubDate>Tue, 05 Dec 2023 10:00:00 GMT</pubDate>\
        <description>&lt;p&gt;Hello &amp;amp; welcome&lt;/p&gt;</description></item>"));
    assert_eq!(article.headline, "Hello & welcome");
    assert_eq!(article.slug, "42");
    assert_eq!(texts(&article), ["Hello & welcome"]);
    assert_eq!(
        article.sources[0]
            .url
            .as_ref()
            .map(|u| u.as_str())
            .unwrap_or_default(),
        "https://news.example.org/p/42"
    );
    // A "permalink" that is not a URL is no link (and a clean slug).
    let article = first(&rss("<item><title>t</title><guid>7bd204c6-1655</guid>\
        <pubDate>Tue, 05 Dec 2023 10:00:00 GMT</pubDate></item>"));
    assert!(article.sources.is_empty());
    assert_eq!(article.slug, "7bd204c6-1655");
    // HTML named references that XML does not define, outside CDATA.
    let article = first(&rss("<item><title>caf&eacute;&nbsp;&rsquo;</title>\
        <pubDate>Tue, 05 Dec 2023 10:00:00 GMT</pubDate></item>"));
    assert_eq!(article.headline, "café\u{a0}\u{2019}");
    // dc:date, and localized names in RFC 822 dates.
    for (date, machine) in [
        ("<dc:date>2023-12-16</dc:date>", "2023-12-16"),
        (
            "<pubDate>mer, 16 nov 2022 10:00:00 +0100</pubDate>",
            "2022-11-16T10:00:00+01:00",
        ),
        (
            "<pubDate>Seg, 24 Set 2018 19:42:40 -0300</pubDate>",
            "2018-09-24T19:42:40-03:00",
        ),
        (
            "<pubDate>Sat, Dec 16 2023 02:02:33 PM</pubDate>",
            "2023-12-16",
        ),
    ] {
        let article = first(&rss(&format!("<item><title>t</title>{date}</item>")));
        assert_eq!(
            article.published_at.expect("dated").machine(),
            machine,
            "{date}"
        );
    }
    // Repeated slugs are made unique.
    let page = page(&rss(
        "<item><title>Same</title><pubDate>Tue, 05 Dec 2023 10:00:00 GMT</pubDate></item>\
        <item><title>Same</title><pubDate>Tue, 05 Dec 2023 10:00:00 GMT</pubDate></item>",
    ));
    let slugs: Vec<&str> = page.full.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(slugs, ["same", "same-2"]);
}

#[test]
fn an_item_without_a_readable_date_is_undated() {
    let article = first(&rss("<item><title>t</title></item>"));
    assert_eq!((article.published_at, article.cut), (None, vec![]));
    // One that is no date says so on the article's page; the next date field stands in.
    let article = first(&rss(
        "<item><title>t</title><pubDate>someday</pubDate></item>",
    ));
    assert_eq!(article.published_at, None);
    assert_eq!(
        article.cut,
        [Cut::UnreadDate {
            text: "someday".into()
        }]
    );
    let article = first(&rss(
        "<item><title>t</title><pubDate>someday</pubDate><dc:date>2023-12-16</dc:date></item>",
    ));
    assert_eq!(
        article.published_at.map(|d| d.machine()).as_deref(),
        Some("2023-12-16")
    );
}

#[test]
fn rss_1_0_items_sit_beside_the_channel() {
    let feed = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://e.org/"><title>RDF site</title><link>https://e.org/</link></channel>
  <item rdf:about="https://e.org/story/7">
    <title>Seven</title><link>https://e.org/story/7</link>
    <dc:date>2023-12-16T10:00:00Z</dc:date><dc:subject>Science</dc:subject>
    <description>Text.</description>
  </item>
</rdf:RDF>"#;
    let article = first(feed);
    assert_eq!(article.headline, "Seven");
    assert_eq!(article.slug, "7");
    assert_eq!(article.pillars[0].name, "Science");
    assert_eq!(
        article.publisher.as_ref().map(|p| p.name.as_str()),
        Some("RDF site")
    );
    let undated = first(&feed.replace("<dc:date>2023-12-16T10:00:00Z</dc:date>", ""));
    assert_eq!(undated.published_at, None);
}

#[test]
fn an_atom_entry_is_an_article() {
    let feed = atom(
        r#"
  <entry xml:base="posts/">
    <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
    <title type="text">Tom &amp; Jerry &lt;3</title>
    <link rel="alternate" type="text/html" href="tom-and-jerry.html"/>
    <link rel="enclosure" href="a.mp3"/>
    <published>2023-12-04T10:00:00+01:00</published>
    <updated>2023-12-05T10:00:00+01:00</updated>
    <author><name>Ada</name></author>
    <category term="cartoons" label="Cartoons &amp; Comics"/>
    <category term="cats"/>
    <summary type="html">&lt;p&gt;A &lt;em&gt;summary&lt;/em&gt;&lt;/p&gt;</summary>
    <content type="xhtml" xml:base="/archive/">
      <div xmlns="http://www.w3.org/1999/xhtml"><h2>Head</h2><p>A <a href="x.html" onclick="evil()">link</a>.</p><script>evil()</script></div>
    </content>
  </entry>"#,
    );
    let page = page(&feed);
    assert_eq!(
        page.next.as_deref(),
        Some("https://blog.example.net/feed.atom?page=2")
    );
    let article = &page.full[0];
    assert_eq!(article.headline, "Tom & Jerry <3");
    assert_eq!(article.slug, "tom-and-jerry");
    assert_eq!(
        article.published_at.expect("dated").machine(),
        "2023-12-04T10:00:00+01:00"
    );
    assert_eq!(article.summary.as_deref(), Some("A summary"));
    let names: Vec<&str> = article.pillars.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Cartoons & Comics", "cats"]);
    assert_eq!(
        article.publisher.as_ref().map(|p| p.name.as_str()),
        Some("The Blog")
    );
    assert_eq!(texts(article), ["Head", "A link."]);
    let Block::Paragraph(text) = &article.body[1] else {
        panic!("a paragraph")
    };
    // xml:base on the content: an absolute path from the entry's base.
    assert!(matches!(&text.spans()[1], Span::Link { url, .. }
        if url.as_str() == "https://blog.example.net/archive/x.html"));
    // The alternate link, resolved against the entry's xml:base inside the feed's.
    assert_eq!(
        article.sources[0]
            .url
            .as_ref()
            .map(|u| u.as_str())
            .unwrap_or_default(),
        "https://blog.example.net/posts/tom-and-jerry.html"
    );
}

#[test]
fn atom_content_types() {
    let entry = |content: &str| {
        atom(&format!(
            "<entry><id>tag:e,2023:1</id><title>t</title><updated>2023-12-05T10:00:00Z</updated>{content}</entry>"
        ))
    };
    // Escaped HTML.
    let article = first(&entry(
        r#"<content type="html">&lt;p&gt;One&lt;/p&gt;&lt;p&gt;Two&lt;/p&gt;</content>"#,
    ));
    assert_eq!(texts(&article), ["One", "Two"]);
    assert_eq!(
        article.published_at.expect("dated").machine(),
        "2023-12-05T10:00:00Z"
    );
    // Text: paragraphs by blank lines, never tags.
    let article = first(&entry(
        "<content>First line\nsame paragraph\n\nSecond</content>",
    ));
    assert_eq!(texts(&article), ["First line same paragraph", "Second"]);
    // Out of line: no body; the summary is the body then.
    let article = first(&entry(
        r#"<content src="https://e.org/x"/><summary>Only this.</summary>"#,
    ));
    assert_eq!(texts(&article), ["Only this."]);
    assert_eq!(article.summary.as_deref(), Some("Only this."));
    let article = first(&entry(r#"<content type="image/png">iVBOR</content>"#));
    assert!(article.body.is_empty());
    // A lone entry document.
    let lone = r#"<entry xmlns="http://www.w3.org/2005/Atom"><id>tag:e,2023:lone</id>
        <title>Lone</title><updated>2023-12-05T10:00:00Z</updated></entry>"#;
    let article = read_article(lone, Some(BASE), "anything", NATIVE).expect("the only one");
    assert_eq!(article.headline, "Lone");
    // Atom 0.3: issued, escaped mode.
    let old = r#"<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title>
        <entry><title>Old entry</title><issued>2004-01-01T00:00:00Z</issued>
        <content type="text/html" mode="escaped">&lt;p&gt;Old body&lt;/p&gt;</content></entry></feed>"#;
    let article = first(old);
    assert_eq!(texts(&article), ["Old body"]);
    assert_eq!(
        article.published_at.expect("dated").machine(),
        "2004-01-01T00:00:00Z"
    );
}

#[test]
fn errors_name_the_place_in_the_feed() {
    let err = error("<rss><channel><item></channel></rss>");
    assert!(err.starts_with("the XML is not well-formed: "), "{err}");
    assert!(err.contains("1:"), "where: {err}");
    assert_eq!(
        error("<rss><channel><title>x</title></channel></rss>"),
        "channel.item: the feed has no items"
    );
    assert_eq!(error("<rss/>"), "channel: required, but missing");
    // No item the reader can use: the first one's problem.
    let err = error(&atom("<entry><id>urn:x</id></entry>"));
    assert!(err.starts_with("feed.entry[0].title"), "{err}");
    // One it can use: the other is left out, and the page says why.
    let page = page(&atom(
        "<entry><id>urn:x</id></entry><entry><title>t</title><id>urn:y</id></entry>",
    ));
    assert_eq!(page.full.len(), 1);
    assert!(
        page.cut[0].message().contains("feed.entry[0].title"),
        "{}",
        page.cut[0].message()
    );
}

#[test]
fn relative_references_resolve_as_the_url_crate_resolves_them() {
    let bases = [
        "https://a.example/b/c/d;p?q",
        "https://a.example",
        "https://a.example/dir/",
        "http://a.example/x/y.xml#frag",
    ];
    let references = [
        "g",
        "./g",
        "g/",
        "/g",
        "//other.example/g",
        "?y",
        "g?y",
        "#s",
        "g#s",
        "",
        ".",
        "..",
        "../g",
        "../../../g",
        "/./g",
        "/../g",
        "g/./h",
        "g/../h",
        "https://z.example/abs",
        "mailto:a@b.example",
    ];
    for base in bases {
        let parsed = url::Url::parse(base).expect("a base");
        for reference in references {
            let expected = parsed.join(reference).expect("joined").to_string();
            assert_eq!(
                urls::resolve(Some(base), reference).as_deref(),
                Some(expected.as_str()),
                "{base} + {reference}"
            );
        }
    }
}

#[test]
fn encodings_are_chosen_by_bom_declaration_then_header() {
    let windows_1251 = b"<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><channel><title>\xc0\xc1</title></channel></rss>";
    assert!(encoding::decode(windows_1251, None).contains("АБ"));
    // The header does not override the declaration.
    assert!(encoding::decode(windows_1251, Some("utf-8")).contains("АБ"));
    // Without a declaration, the header's charset.
    assert!(encoding::decode(b"<rss>\xc0\xc1</rss>", Some("windows-1251")).contains("АБ"));
    // Without either, not UTF-8: windows-1252.
    assert!(encoding::decode(b"<rss>caf\xe9</rss>", None).contains("café"));
    // JSON is UTF-8.
    assert_eq!(
        encoding::decode("{\"a\":\"é\"}".as_bytes(), Some("latin1")),
        "{\"a\":\"é\"}"
    );
}

fn fixture(name: &str) -> String {
    common::fixture_text(&format!("formats/{name}"))
}

/// The two sample feeds of `tests/fixtures/formats/` (also checked against the JSON Schema in
/// `contract.rs`), read as a deployer's reader would read them from drakx.example.
#[test]
fn the_sample_feeds_are_read() {
    let rss = read_index(
        &fixture("feed.rss"),
        Some("https://drakx.example/feed.rss"),
        NATIVE,
    )
    .expect("RSS");
    assert_eq!(
        rss.next.as_deref(),
        Some("https://drakx.example/feed.rss?page=2")
    );
    let slugs: Vec<&str> = rss.full.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(slugs, ["sodium-batteries-endurance", "drakx-2026-0702"]);
    let [sodium, liver] = &rss.full[..] else {
        panic!("two articles")
    };
    assert_eq!(
        sodium.headline,
        "Sodium Batteries Pass a Grid-Scale Endurance Test & More"
    );
    assert_eq!(
        texts(sodium),
        [
            "Sodium-ion cells have long been the chemistry of the future\u{a0}…",
            "What was tested",
            "The operator cycled both banks daily."
        ]
    );
    assert_eq!(
        liver.published_at.expect("dated").machine(),
        "2026-07-02T09:30:00+02:00"
    );
    assert_eq!(
        texts(liver),
        ["Researchers found the fix.", "A second paragraph."]
    );
    assert_eq!(
        liver.sources[0].url.as_ref().map(|u| u.as_str()),
        Some("https://drakx.example/analysis/rare-liver-cancer-immunotherapy")
    );

    let atom = read_index(
        &fixture("feed.atom"),
        Some("https://drakx.example/feed.atom"),
        NATIVE,
    )
    .expect("Atom");
    let slugs: Vec<&str> = atom.full.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(
        slugs,
        [
            "sodium-batteries-endurance",
            "rare-liver-cancer-immunotherapy"
        ]
    );
    let sodium = &atom.full[0];
    assert_eq!(sodium.headline, "Sodium Batteries Pass a Grid-Scale Test");
    let Block::Paragraph(text) = &sodium.body[1] else {
        panic!("a paragraph")
    };
    assert!(matches!(&text.spans()[1], Span::Link { url, .. }
        if url.as_str() == "https://drakx.example/analysis/data/cycles.csv"));
    assert_eq!(
        atom.full[1].published_at.expect("dated").machine(),
        "2026-07-02T09:30:00Z"
    );
}
