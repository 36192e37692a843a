//! Foreign formats read liberally: character references decoded once, HTML where text was
//! expected reduced to text, every schema.org Article type read, repeated articles read once.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use signal_model::adapt::{NATIVE, read_index};
use signal_model::{Article, Cut, FeedPage};

fn page(doc: &Value) -> FeedPage {
    read_index(&doc.to_string(), None, NATIVE).unwrap_or_else(|e| panic!("{e}"))
}

fn only(doc: &Value) -> Article {
    let mut page = page(doc);
    assert_eq!(page.full.len(), 1, "one article");
    page.full.remove(0)
}

fn error(doc: &Value) -> String {
    read_index(&doc.to_string(), None, NATIVE)
        .map(drop)
        .expect_err("rejected")
        .to_string()
}

/// Each body block's text.
fn body(article: &Article) -> Vec<String> {
    article
        .body
        .iter()
        .map(|block| block.text().collect::<Vec<_>>().join("|"))
        .collect()
}

fn publisher(article: &Article) -> Option<&str> {
    article.publisher.as_ref().map(|p| p.name.as_str())
}

fn pillars(article: &Article) -> Vec<&str> {
    article.pillars.iter().map(|p| p.name.as_str()).collect()
}

fn feed(item: Value) -> Value {
    json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Hope &amp; Change &#8211; a blog",
        "items": [item],
    })
}

fn news(fields: Value) -> Value {
    let mut article = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "H",
        "datePublished": "2026-07-02",
    });
    for (key, value) in fields.as_object().expect("fields") {
        article[key] = value.clone();
    }
    article
}

#[test]
fn json_feed_text_has_its_references_decoded_once() {
    let a = only(&feed(json!({
        "id": "1",
        "title": "&#8216;Tom &amp; Jerry&#x2019; in K&auml;se&nbsp;land",
        "summary": "It&rsquo;s &amp;amp; not &; AT&T",
        "date_published": "2026-07-02",
        "tags": ["Energy &amp; Infrastructure", "&alpha; &le; &Omega;"],
        "authors": [{ "name": "Ana &eacute;crit" }],
        "content_text": "One &amp; two.\n\nThree &lt; four &#0;.",
    })));
    assert_eq!(a.headline, "\u{2018}Tom & Jerry\u{2019} in Käse\u{a0}land");
    assert_eq!(
        a.summary.as_deref(),
        Some("It\u{2019}s &amp; not &; AT&T"),
        "decoded once; a bare `&` stays"
    );
    assert_eq!(pillars(&a), ["Energy & Infrastructure", "α ≤ Ω"]);
    assert_eq!(a.pillars[0].slug, "energy-infrastructure");
    assert_eq!(publisher(&a), Some("Ana écrit"));
    assert_eq!(body(&a), ["One & two.", "Three < four \u{fffd}."]);

    let a = only(&feed(
        json!({ "id": "1", "title": "T", "date_published": "2026-07-02" }),
    ));
    assert_eq!(
        publisher(&a),
        Some("Hope & Change \u{2013} a blog"),
        "the feed's title"
    );
}

#[test]
fn json_feed_html_content_is_decoded_by_the_parser_alone() {
    let a = only(&feed(json!({
        "id": "1",
        "title": "T",
        "date_published": "2026-07-02",
        "content_html": "<p>Tom &amp;amp; Jerry &rsquo;</p>",
    })));
    assert_eq!(body(&a), ["Tom &amp; Jerry \u{2019}"]);
}

#[test]
fn json_feed_html_in_text_fields_is_reduced_to_text() {
    let a = only(&feed(json!({
        "id": "1",
        "title": "A <em>big</em> day &amp; night",
        "summary": "&lt;p&gt;Escaped &lt;b&gt;bold&lt;/b&gt; &amp;amp; more&lt;/p&gt;",
        "date_published": "2026-07-02",
        "tags": ["<b>Health</b>"],
        "content_text": "<p>First</p><p>Second &amp; last</p>",
    })));
    assert_eq!(a.headline, "A big day & night");
    assert_eq!(
        a.summary.as_deref(),
        Some("Escaped bold & more"),
        "escaped HTML is HTML: its own references are its parser's"
    );
    assert_eq!(pillars(&a), ["Health"]);
    assert_eq!(body(&a), ["First", "Second & last"]);
}

#[test]
fn text_with_a_less_than_sign_stays_text() {
    let a = only(&feed(json!({
        "id": "1",
        "title": "If a<b and c>d, then a < b",
        "summary": "I <3 it &lt;3",
        "date_published": "2026-07-02",
        "content_text": "x < y > z\n\n<https://example.org>",
    })));
    assert_eq!(a.headline, "If a<b and c>d, then a < b");
    assert_eq!(a.summary.as_deref(), Some("I <3 it <3"));
    assert_eq!(body(&a), ["x < y > z", "<https://example.org>"]);

    let a = only(&news(json!({
        "headline": "a &lt; b",
        "articleBody": "Since a < b,\n\nb > a.",
    })));
    assert_eq!(a.headline, "a < b");
    assert_eq!(body(&a), ["Since a < b,", "b > a."]);
}

#[test]
fn json_ld_text_has_its_references_decoded_once() {
    let a = only(&news(json!({
        "headline": "&#8216;Quoted&#8217; &amp;amp; <em>stressed</em>",
        "description": "A <b>bold</b> claim &mdash; made",
        "articleSection": "Science &amp; Health",
        "creativeWorkStatus": "Analyzed &amp; Published",
        "keywords": "Energy &amp; Infrastructure, Caf&eacute;&#44; Bar",
        "publisher": { "@type": "Organization", "name": "Ar&#x27;s &amp; Co" },
        "citation": [{ "@type": "CreativeWork", "name": "A &quot;paper&quot;" }],
    })));
    assert_eq!(
        a.headline, "\u{2018}Quoted\u{2019} &amp; stressed",
        "HTML with a reference: the parser decodes it, once"
    );
    assert_eq!(a.summary.as_deref(), Some("A bold claim \u{2014} made"));
    assert_eq!(a.kicker.as_deref(), Some("Science & Health"));
    assert_eq!(a.status_label.as_deref(), Some("Analyzed & Published"));
    assert_eq!(pillars(&a), ["Energy & Infrastructure", "Café, Bar"]);
    assert_eq!(publisher(&a), Some("Ar's & Co"));
    assert_eq!(a.sources[0].name, "A \"paper\"");
}

#[test]
fn json_ld_article_body_in_html_is_read_as_html() {
    let escaped = only(&news(json!({
        "articleBody": "&lt;p&gt;One &amp;amp; two&lt;/p&gt;&lt;p&gt;Three&lt;/p&gt;",
    })));
    assert_eq!(body(&escaped), ["One & two", "Three"]);
    let inline = only(&news(json!({
        "articleBody": "Lead text.<p>Tom &amp;amp; Jerry</p>",
    })));
    assert_eq!(body(&inline), ["Lead text.", "Tom &amp; Jerry"]);
    let plain = only(&news(
        json!({ "articleBody": "Tom &amp;amp; Jerry\n\nEnd." }),
    ));
    assert_eq!(body(&plain), ["Tom &amp; Jerry", "End."]);
}

#[test]
fn every_schema_org_article_type_is_read() {
    for kind in [
        "Article",
        "BlogPosting",
        "Report",
        "ScholarlyArticle",
        "TechArticle",
        "LiveBlogPosting",
        "SocialMediaPosting",
        "DiscussionForumPosting",
        "OpinionNewsArticle",
        "https://schema.org/BlogPosting",
    ] {
        let a = only(&news(json!({ "@type": kind, "headline": kind })));
        assert_eq!(a.headline, kind);
    }
    let a = only(&news(
        json!({ "@type": ["WebPage", "Article"], "headline": "Both" }),
    ));
    assert_eq!(a.headline, "Both");
}

#[test]
fn a_page_with_a_headline_stands_for_a_missing_article() {
    let graph = |nodes: Value| json!({ "@context": "https://schema.org", "@graph": nodes });
    let page_node = json!({
        "@type": "WebPage", "@id": "https://x.example/p", "headline": "The page",
        "datePublished": "2026-07-02"
    });
    let a = only(&graph(json!([
        { "@type": "Organization", "name": "O" },
        page_node.clone(),
    ])));
    assert_eq!(a.headline, "The page");

    let a = only(&graph(json!([
        page_node,
        { "@type": "BlogPosting", "headline": "The post", "datePublished": "2026-07-02" },
    ])));
    assert_eq!(a.headline, "The post", "the page is not a second article");

    let a = only(&json!({
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": "Page",
        "mainEntity": { "@type": "TechArticle", "headline": "Main", "datePublished": "2026-07-02" },
    }));
    assert_eq!(a.headline, "Main", "a page's mainEntity");
}

#[test]
fn a_document_without_an_article_says_what_it_has() {
    let expected = |found: &str| {
        format!(
            "expected a schema.org Article (NewsArticle, BlogPosting, …) or a page with a \
             headline and a date, found {found}"
        )
    };
    let err = error(&json!({ "@context": "https://schema.org", "@graph": [
        { "@type": "WebSite", "name": "S" },
        { "@type": "Organization", "name": "O" },
        { "@type": "Organization", "name": "P" },
        { "@type": "WebPage", "name": "Page", "datePublished": "2026-07-02" },
        { "@type": "BreadcrumbList", "itemListElement": [] },
        { "@type": "ImageObject", "url": "https://x.example/i.png" },
    ]}));
    assert_eq!(
        err,
        expected("WebSite, Organization, WebPage, BreadcrumbList, ImageObject")
    );
    let err = error(&json!({ "@type": "WebPage", "headline": "No date" }));
    assert_eq!(err, format!("@type: {}", expected("WebPage")));
    let err = error(&json!({ "@type": "Person", "name": "Ana" }));
    assert_eq!(err, format!("@type: {}", expected("Person")));
}

fn article_node(n: usize) -> Value {
    json!({
        "@type": "NewsArticle",
        "@id": format!("https://x.example/{n}#article"),
        "headline": format!("Article {n}"),
        "datePublished": "2026-07-02",
    })
}

#[test]
fn a_repeated_article_is_read_once() {
    let one = article_node(1);
    let page_twice = page(&json!([one, one, article_node(2)]));
    assert_eq!(page_twice.full.len(), 2, "the same object twice");
    assert!(page_twice.cut.is_empty(), "{:?}", page_twice.cut);

    let stub = json!({ "@type": "NewsArticle", "url": "https://x.example/full", "headline": "Stub", "datePublished": "2026-07-02" });
    let full = json!({
        "@type": "NewsArticle", "url": "https://x.example/full", "headline": "Full",
        "datePublished": "2026-07-02", "articleBody": "Text."
    });
    let a = only(&json!({ "@context": "https://schema.org", "@graph": [stub, full] }));
    assert_eq!(a.headline, "Full", "the same url: the fuller description");

    let same_id = json!([
        { "@type": "Article", "@id": "#a", "headline": "One", "datePublished": "2026-07-02" },
        { "@type": "Article", "@id": "#a", "headline": "One again", "datePublished": "2026-07-02" },
    ]);
    assert_eq!(only(&same_id).headline, "One", "the same @id");
}

#[test]
fn the_article_count_is_taken_once_repeats_are_gone() {
    // 600 articles, each embedded twice: 1,200 nodes, past the 1,000 read.
    let nodes: Vec<Value> = (0..600)
        .flat_map(|n| [article_node(n), article_node(n)])
        .collect();
    let page = page(&Value::Array(nodes));
    assert_eq!(page.full.len(), 600);
    assert!(page.cut.is_empty(), "no notice: {:?}", page.cut);

    let nodes: Vec<Value> = (0..1001)
        .flat_map(|n| [article_node(n), article_node(n)])
        .collect();
    let page = read_index(&Value::Array(nodes).to_string(), None, NATIVE).expect("read");
    assert_eq!(page.full.len(), 1000);
    assert!(
        matches!(
            page.cut.as_slice(),
            [Cut::Items {
                shown: 1000,
                total: 1001,
                ..
            }]
        ),
        "{:?}",
        page.cut
    );
}

/// Markup with no text in it (a title that is only a script) is kept as written, shown as
/// text: the item keeps a headline instead of being refused for a missing one.
#[test]
fn markup_without_text_is_kept_as_written() {
    let script = "<script>window.__pwned=1</script>";
    let feed = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "items": [
            { "id": "1", "title": script, "date_published": "2026-07-02", "content_text": "x" },
            { "id": "2", "title": "<em>Kept</em><script>x()</script>", "date_published": "2026-07-02", "content_text": "y" },
        ]
    });
    let page = page(&feed);
    assert_eq!(page.full[0].headline, script);
    assert_eq!(page.full[1].headline, "Kept");
}
