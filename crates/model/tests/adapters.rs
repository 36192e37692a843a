//! The adapters: JSON Feed and schema.org JSON-LD read as the contract, format detection,
//! HTML content reduced to body blocks, and errors named by the original document's path.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use signal_model::adapt::native_html::NativeHtml;
use signal_model::adapt::{
    Format, HtmlNode, HtmlParser, NATIVE, Reading, convert, encode_answer, html, read_article,
    read_index, reading,
};
use signal_model::{Article, Block, Cut, RichText, Span};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/../../tests/fixtures/formats/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The format the reader recognises `json` as.
fn detect(json: &str) -> Format {
    match reading(json).expect("within the size limit") {
        Reading::Contract(_) => Format::Contract,
        Reading::Foreign(format) => format,
    }
}

fn article_in(json: &str, slug: &str) -> Article {
    read_article(json, None, slug, NATIVE).unwrap_or_else(|e| panic!("{slug}: {e}"))
}

fn index_error(json: &Value) -> String {
    read_index(&json.to_string(), None, NATIVE)
        .map(drop)
        .expect_err("rejected")
        .to_string()
}

fn link(text: &str, url: &str) -> Span {
    Span::Link {
        text: text.into(),
        url: signal_model::ExternalUrl::parse_link(url).expect("a link"),
    }
}

fn rich(spans: Vec<Span>) -> RichText {
    RichText::new(spans).expect("text")
}

#[test]
fn formats_are_detected_from_the_document() {
    assert_eq!(detect(&fixture("feed.json")), Format::JsonFeed);
    assert_eq!(detect(&fixture("news.jsonld")), Format::JsonLd);
    assert_eq!(
        detect(r#"[{"@context": "https://schema.org", "@type": "NewsArticle"}]"#),
        Format::JsonLd
    );
    assert_eq!(detect(r#"{"@type": "NewsArticle"}"#), Format::JsonLd);
    assert_eq!(detect(r#"{"articles": []}"#), Format::Contract);
    assert_eq!(
        detect(r#"{"version": 1, "articles": []}"#),
        Format::Contract
    );
    // Neither shape: the contract's parser says what is wrong.
    assert_eq!(detect("[1, 2]"), Format::Contract);
    assert_eq!(detect("not json"), Format::Contract);
    let err = read_index("[1, 2]", None, NATIVE).expect_err("an array of numbers");
    assert_eq!(err.to_string(), "expected a JSON object, found an array");
}

#[test]
fn a_json_feed_is_an_index_that_carries_its_articles() {
    let page = read_index(&fixture("feed.json"), None, NATIVE).expect("valid feed");
    let slugs: Vec<&str> = page.articles.iter().map(|c| c.slug.as_str()).collect();
    // A URL id gives way to the URL's last segment; a clean id is the slug as it is.
    assert_eq!(
        slugs,
        [
            "rare-liver-cancer-immunotherapy-amd3100",
            "sodium-batteries"
        ]
    );
    assert_eq!(page.full.len(), 2, "items are whole articles");
    assert_eq!(page.next, None);

    let a = &page.full[0];
    assert_eq!(
        a.headline,
        "Scientists Cracked the Code on How a Rare Liver Cancer Escapes Immunotherapy — And Found the Fix"
    );
    assert_eq!(a.kicker.as_deref(), Some("Signal of Hope"));
    assert_eq!(a.status_label.as_deref(), Some("Analyzed & Published"));
    assert_eq!(
        a.published_at.expect("dated").long_date(),
        "Thursday, July 2, 2026"
    );
    let publisher = a.publisher.as_ref().expect("from the feed's authors");
    assert_eq!(publisher.name, "DrakX Intelligence");
    assert_eq!(
        publisher.url.as_ref().map(|u| u.as_str()),
        Some("https://drakx.example/")
    );
    let pillars: Vec<(&str, &str)> = a
        .pillars
        .iter()
        .map(|p| (p.slug.as_str(), p.name.as_str()))
        .collect();
    assert_eq!(
        pillars,
        [
            ("tech-stocks-semiconductors", "Tech Stocks & Semiconductors"),
            ("energy-infrastructure", "Energy & Infrastructure")
        ],
        "tags become pillars"
    );
    assert!(
        a.summary
            .as_deref()
            .is_some_and(|s| s.starts_with("Researchers discovered"))
    );
    let sources: Vec<(&str, Option<&str>)> = a
        .sources
        .iter()
        .map(|s| (s.name.as_str(), s.url.as_ref().map(|u| u.as_str())))
        .collect();
    assert_eq!(
        sources,
        [("sciencedaily.com", Some("https://www.sciencedaily.com/"))],
        "external_url is what the item is about"
    );

    // content_html: kept blocks in order, scripts, frames, styles and images gone.
    let kinds: Vec<&str> = a
        .body
        .iter()
        .map(|b| match b {
            Block::Paragraph(_) => "p",
            Block::Heading(_) => "h",
            Block::Quote { .. } => "q",
            Block::List(_) => "l",
            Block::Figure(_) => "f",
        })
        .collect();
    assert_eq!(kinds, ["p", "p", "h", "p", "q", "l", "p"]);
    let all_text: String = a.body.iter().flat_map(Block::text).collect();
    for gone in ["__pwned", "evil.example", "display: none", "onclick"] {
        assert!(!all_text.contains(gone), "{gone} is dropped");
    }
    let Block::Paragraph(second) = &a.body[1] else {
        panic!("a paragraph")
    };
    assert!(
        second
            .spans()
            .contains(&link("Science Daily", "https://www.sciencedaily.com/")),
        "{second:?}"
    );
    let Block::Paragraph(fourth) = &a.body[3] else {
        panic!("a paragraph")
    };
    assert!(
        fourth.plain().ends_with("Not a link."),
        "a javascript: link is left as its text"
    );
    assert!(fourth.spans().iter().all(|s| matches!(s, Span::Text(_))));
    assert_eq!(
        a.body[4],
        Block::Quote {
            text: "The cancer had engineered a structural trap.".into(),
            cite: Some("The research team".into())
        }
    );
    assert_eq!(
        a.body[5],
        Block::List(vec![
            "Already FDA-approved".into(),
            rich(vec![
                Span::Text("Questions? ".into()),
                link("Write to the desk", "mailto:desk@drakx.example")
            ]),
        ])
    );

    // content_text: paragraphs at blank lines; `_signal.pillars` instead of tags.
    let b = &page.full[1];
    assert_eq!(b.pillars[0].slug, "energy-infrastructure");
    assert!(b.body.len() >= 2);
    assert!(
        b.body
            .iter()
            .all(|block| matches!(block, Block::Paragraph(_)))
    );
    assert_eq!(b.sources, [], "no url, no external_url");
}

#[test]
fn an_article_is_found_in_a_feed_by_its_slug() {
    let feed = fixture("feed.json");
    assert_eq!(
        article_in(&feed, "sodium-batteries").slug,
        "sodium-batteries"
    );
    let err = read_article(&feed, None, "nope", NATIVE).expect_err("not in the feed");
    assert_eq!(
        err.to_string(),
        "the document has no article with slug `nope`"
    );
}

#[test]
fn json_feed_items_fill_gaps_the_way_a_reader_expects() {
    let doc = json!({
        "version": "https://jsonfeed.org/version/1",
        "title": "Micro",
        "home_page_url": "https://micro.example/",
        "author": { "name": "Ada" },
        "next_url": "https://micro.example/feed.json?page=2",
        "items": [
            { "id": 42, "content_text": "A post without a title.\nSecond line.\n\nNext paragraph.", "date_modified": "2026-07-01T08:00:00Z" },
            { "id": "https://micro.example/p/a b?x", "title": "Same slug", "date_published": "2026-07-01T08:00:00Z", "url": "https://micro.example/posts/same.html" },
            { "id": "z", "_signal": { "slug": "same" }, "title": "Same again", "date_published": "2026-07-01T08:00:00Z" },
        ]
    });
    let page = read_index(&doc.to_string(), None, NATIVE).expect("valid");
    assert_eq!(
        page.next.as_deref(),
        Some("https://micro.example/feed.json?page=2")
    );
    let a = &page.full[0];
    assert_eq!(a.slug, "42", "a number id is read as text");
    assert_eq!(a.headline, "A post without a title. Second line.");
    assert_eq!(
        a.body,
        [
            Block::Paragraph("A post without a title. Second line.".into()),
            Block::Paragraph("Next paragraph.".into())
        ]
    );
    assert_eq!(
        a.publisher.as_ref().map(|p| p.name.as_str()),
        Some("Ada"),
        "1.0's author"
    );
    let slugs: Vec<&str> = page.full.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(
        slugs,
        ["42", "same", "same-2"],
        "slugs are unique in a feed"
    );
    assert_eq!(
        page.full[1].sources[0].name, "Micro",
        "an item's own page is cited by the feed's title"
    );
}

#[test]
fn json_feed_errors_name_the_feed_field() {
    let item = |extra: Value| {
        let mut item = json!({ "id": "a", "title": "A", "date_published": "2026-07-02T10:00:00Z" });
        item.as_object_mut()
            .expect("object")
            .extend(extra.as_object().expect("object").clone());
        json!({ "version": "https://jsonfeed.org/version/1.1", "title": "F", "items": [{ "id": "ok", "title": "Ok", "date_published": "2026-07-01" }, item] })
    };
    // An item that cannot be read is left out, and the feed says so in one line.
    let skipped = [
        (
            item(
                json!({ "_signal": { "pillars": [{ "slug": "a", "name": "A" }, { "slug": "b", "name": "B" }, { "slug": "c", "name": 3 }] } }),
            ),
            "items[1]._signal.pillars[2].name: expected a string, found the number 3",
        ),
        (
            item(json!({ "_signal": "kicker" })),
            "items[1]._signal: expected an object, found the string \"kicker\"",
        ),
        (
            item(json!({ "_signal": { "summary_boxes": [{ "points": [1] }] } })),
            "items[1]._signal.summary_boxes[0].points[0]: expected a string, found the number 1",
        ),
        (
            item(json!({ "title": null, "id": null })),
            "items[1].id: required, but missing",
        ),
    ];
    for (doc, expected) in skipped {
        let page = read_index(&doc.to_string(), None, NATIVE).expect("the good item is kept");
        assert_eq!(page.articles.len(), 1, "{expected}");
        assert_eq!(
            page.cut,
            [Cut::Skipped {
                count: 1,
                total: 2,
                first: expected.into()
            }]
        );
        assert_eq!(
            page.cut[0].message(),
            format!("1 of 2 items could not be read and was left out ({expected}).")
        );
    }
    // A document with nothing a reader could use is refused, naming why.
    let cases = [
        (
            json!({ "version": "https://jsonfeed.org/version/1.1", "items": [{ "id": "x" }, { "title": "T" }] }),
            "items[0].title: required, but missing",
        ),
        (
            json!({ "version": "https://jsonfeed.org/version/1.1", "items": {} }),
            "items: expected a list, found an object",
        ),
        (
            json!({ "version": "https://jsonfeed.org/version/1.1", "items": [7] }),
            "items[0]: expected an object, found the number 7",
        ),
        (
            json!({ "version": "https://jsonfeed.org/version/2", "items": [] }),
            "version: this is JSON Feed version 2, and this reader understands JSON Feed 1 and 1.1",
        ),
    ];
    for (doc, expected) in cases {
        assert_eq!(index_error(&doc), expected);
    }
}

#[test]
fn a_json_ld_graph_is_read_with_its_references() {
    let page = read_index(&fixture("news.jsonld"), None, NATIVE).expect("valid JSON-LD");
    assert_eq!(
        page.full.len(),
        2,
        "two NewsArticles; the Organization and WebPage are not"
    );
    let a = &page.full[0];
    assert_eq!(
        a.slug, "rare-liver-cancer-immunotherapy-amd3100",
        "from mainEntityOfPage"
    );
    assert_eq!(
        a.kicker.as_deref(),
        Some("Signal of Hope"),
        "articleSection"
    );
    assert_eq!(a.status_label.as_deref(), Some("Analyzed & Published"));
    assert_eq!(
        a.published_at.expect("dated").long_date(),
        "Thursday, July 2, 2026"
    );
    assert!(
        a.summary
            .as_deref()
            .is_some_and(|s| s.starts_with("Researchers")),
        "abstract before description"
    );
    assert_eq!(
        a.publisher.as_ref().map(|p| p.name.as_str()),
        Some("DrakX Intelligence"),
        "the publisher is resolved by @id"
    );
    let pillars: Vec<&str> = a.pillars.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        pillars,
        ["Tech Stocks & Semiconductors", "Energy & Infrastructure"],
        "about before keywords"
    );
    assert_eq!(a.body.len(), 4, "articleBody's paragraphs");
    assert_eq!(a.sources[0].name, "Science Daily");

    let b = &page.full[1];
    assert_eq!(b.slug, "sodium-batteries-endurance", "from url");
    assert_eq!(
        b.pillars
            .iter()
            .map(|p| p.slug.as_str())
            .collect::<Vec<_>>(),
        ["energy-infrastructure", "climate-materials"],
        "keywords"
    );
    assert_eq!(
        b.body,
        [
            Block::Paragraph("Sodium is everywhere.".into()),
            Block::Paragraph("It finally holds up.".into())
        ],
        "an HTML articleBody is read as HTML"
    );
    assert_eq!(b.sources[0].name, "utilitydive.example");
    assert_eq!(
        b.published_at.expect("dated").machine(),
        "2026-06-30T23:45:00-07:00",
        "a date-time keeps its offset"
    );
}

#[test]
fn json_ld_comes_as_one_object_an_array_or_an_item_list() {
    let one = json!({
        "@context": "https://schema.org",
        "@type": "AnalysisNewsArticle",
        "headline": "One",
        "datePublished": "2026-07-02T09:30:00",
        "keywords": "Energy & Infrastructure, Health",
        "publisher": { "@type": "Organization", "name": "P" },
        "identifier": "one-article",
        "citation": ["https://example.org/paper", "A printed report"],
    });
    let a = article_in(&one.to_string(), "anything");
    assert_eq!(a.slug, "one-article");
    assert_eq!(
        a.published_at.expect("dated").machine(),
        "2026-07-02",
        "no offset: the calendar date"
    );
    assert_eq!(a.pillars.len(), 2);
    let sources: Vec<(&str, bool)> = a
        .sources
        .iter()
        .map(|s| (s.name.as_str(), s.url.is_some()))
        .collect();
    assert_eq!(
        sources,
        [("example.org", true), ("A printed report", false)]
    );

    let array = json!([one, { "@context": "https://schema.org", "@type": "NewsArticle", "headline": "Two", "datePublished": "2026-07-03" }]);
    let page = read_index(&array.to_string(), None, NATIVE).expect("an array");
    assert_eq!(page.articles.len(), 2);
    assert_eq!(page.articles[1].slug, "two", "from the headline");

    let list = json!({
        "@context": "https://schema.org",
        "@type": "ItemList",
        "itemListElement": [
            { "@type": "ListItem", "position": 1, "item": { "@type": "NewsArticle", "headline": "Listed", "datePublished": "2026-07-04" } }
        ]
    });
    let page = read_index(&list.to_string(), None, NATIVE).expect("an ItemList");
    assert_eq!(page.articles[0].headline, "Listed");
}

#[test]
fn json_ld_errors_name_the_json_ld_field() {
    let err =
        index_error(&json!({ "@context": "https://schema.org", "@type": "WebPage", "name": "x" }));
    assert_eq!(
        err,
        "@type: expected a schema.org Article (NewsArticle, BlogPosting, …) or a page with a headline and a date, found WebPage"
    );
    let err = index_error(&json!({ "@type": "NewsArticle", "datePublished": "2026-07-02" }));
    assert_eq!(err, "headline: required, but missing");
    // Of two articles, the one without a headline is left out, and the page says why.
    let doc = json!({ "@context": "https://schema.org", "@graph": [
        { "@type": "Organization", "name": "O" },
        { "@type": "NewsArticle", "datePublished": "2026-07-02" },
        { "@type": "NewsArticle", "headline": "H", "datePublished": "soon" }
    ]});
    let page = read_index(&doc.to_string(), None, NATIVE).expect("one article is readable");
    assert_eq!(page.full.len(), 1);
    assert_eq!(
        page.cut,
        [Cut::Skipped {
            count: 1,
            total: 2,
            first: "@graph[1].headline: required, but missing".into()
        }]
    );
    // … and the one with a date that is none is undated, its page saying so.
    assert_eq!(page.full[0].published_at, None);
    assert_eq!(
        page.full[0].cut,
        [Cut::UnreadDate {
            text: "soon".into()
        }]
    );
}

#[test]
fn our_own_documents_are_versioned() {
    let page = read_index(r#"{ "version": 1, "articles": [] }"#, None, NATIVE).expect("version 1");
    assert!(page.articles.is_empty());
    read_index(r#"{ "version": 1.2, "articles": [] }"#, None, NATIVE).expect("1.x is 1");
    let err = read_index(r#"{ "version": 2, "articles": [] }"#, None, NATIVE).expect_err("v2");
    assert!(
        err.to_string().starts_with(
            "version: this document is written for contract version 2, and this reader understands version 1"
        ),
        "{err}"
    );
    let err = read_index(r#"{ "version": 0, "articles": [] }"#, None, NATIVE).expect_err("v0");
    assert_eq!(
        err.to_string(),
        "version: expected the number 1, found the number 0"
    );
}

fn el(tag: &str, children: Vec<HtmlNode>) -> HtmlNode {
    HtmlNode::Element {
        tag: tag.into(),
        href: None,
        children,
    }
}

fn text(t: &str) -> HtmlNode {
    HtmlNode::Text(t.into())
}

#[test]
fn html_is_reduced_to_body_blocks() {
    let blocks = |nodes: Vec<HtmlNode>| html::blocks(&nodes);
    // White space collapses across elements, as a browser shows it.
    assert_eq!(
        blocks(vec![el(
            "p",
            vec![
                text("  One\n  "),
                el("em", vec![text(" two ")]),
                text("three ")
            ]
        )]),
        [json!({ "type": "paragraph", "text": "One two three" })]
    );
    // Text straight in a container is a paragraph; <br> breaks it.
    assert_eq!(
        blocks(vec![el(
            "div",
            vec![text("First"), el("br", vec![]), text("Second")]
        )]),
        [
            json!({ "type": "paragraph", "text": "First" }),
            json!({ "type": "paragraph", "text": "Second" })
        ]
    );
    // A nested list's items follow their parent's.
    assert_eq!(
        blocks(vec![el(
            "ol",
            vec![
                el(
                    "li",
                    vec![text("a"), el("ul", vec![el("li", vec![text("a.1")])])]
                ),
                el("li", vec![text("b")]),
            ]
        )]),
        [json!({ "type": "list", "items": ["a", "a.1", "b"] })]
    );
    // Headings are plain text, whatever their level.
    assert_eq!(
        blocks(vec![el(
            "h4",
            vec![HtmlNode::Element {
                tag: "a".into(),
                href: Some("https://x.example/".into()),
                children: vec![text("Linked heading")]
            }]
        )]),
        [json!({ "type": "heading", "text": "Linked heading" })]
    );
    // Dropped whole: their text never shows.
    for tag in [
        "script", "style", "template", "iframe", "svg", "noscript", "form", "button",
    ] {
        assert_eq!(
            blocks(vec![el(tag, vec![text("hidden")])]),
            Vec::<Value>::new(),
            "{tag}"
        );
    }
    // Only http(s) and mailto links are links.
    for (href, is_link) in [
        ("https://ok.example/", true),
        ("mailto:a@b.example", true),
        ("javascript:alert(1)", false),
        (" JAVASCRIPT:alert(1)", false),
        ("data:text/html,x", false),
        ("/relative", false),
        ("vbscript:x", false),
    ] {
        let out = blocks(vec![el(
            "p",
            vec![HtmlNode::Element {
                tag: "a".into(),
                href: Some(href.into()),
                children: vec![text("t")],
            }],
        )]);
        let expected = if is_link {
            json!({ "type": "paragraph", "text": [{ "text": "t", "url": href.trim() }] })
        } else {
            json!({ "type": "paragraph", "text": "t" })
        };
        assert_eq!(out, [expected], "{href}");
    }
    // Deep nesting is read without trouble.
    let mut deep = text("deep");
    for _ in 0..50 {
        deep = el("div", vec![deep]);
    }
    assert_eq!(
        blocks(vec![deep]),
        [json!({ "type": "paragraph", "text": "deep" })]
    );
}

#[test]
fn untrusted_html_never_becomes_markup() {
    // The parser keeps text as text: markup inside a text node stays characters.
    let nodes = NativeHtml.parse("<p>&lt;img src=x onerror=alert(1)&gt; is text</p>");
    let out = html::blocks(&nodes);
    assert_eq!(
        out,
        [json!({ "type": "paragraph", "text": "<img src=x onerror=alert(1)> is text" })]
    );
    let converted = convert(Format::JsonFeed, &fixture("feed.json"), None, None, NATIVE);
    assert!(converted.is_ok(), "valid");
    // What the adapter module hands the app, every article's contract JSON in it.
    let serialized = encode_answer(&converted);
    for gone in ["<script", "<iframe", "onerror", "onclick", "javascript:"] {
        assert!(!serialized.contains(gone), "{gone} reached the article");
    }
}

/// Dates as real feeds and pages write them reach the contract; one the reader cannot trust is
/// refused at the field it came from, in the words it was written in.
#[test]
fn foreign_dates_are_read_liberally() {
    let feed = |date: &str| json!({ "version": "https://jsonfeed.org/version/1.1", "items": [{ "id": "a", "title": "A", "date_published": date }] });
    let page =
        |date: &str| json!({ "@type": "NewsArticle", "headline": "A", "datePublished": date });
    let cases = [
        (
            "Fri, 31 May 2019 12:17:58 -0700",
            "2019-05-31T12:17:58-07:00",
        ),
        (
            "mer, 16 nov 2022 00:38:15 +0100",
            "2022-11-16T00:38:15+01:00",
        ),
        ("2013-12-30T14:42:01-0700", "2013-12-30T14:42:01-07:00"),
        ("20180619T055000+0900", "2018-06-19T05:50:00+09:00"),
        ("2019-11-20 13:42:06+08:00", "2019-11-20T13:42:06+08:00"),
        ("Sat, Dec 16 2023 02:02:33 PM", "2023-12-16"),
        ("2018-01-06T08:00", "2018-01-06"),
        (" 2026-07-02 ", "2026-07-02"),
    ];
    for (date, expected) in cases {
        for doc in [feed(date), page(date)] {
            let a = article_in(&doc.to_string(), "a");
            assert_eq!(
                a.published_at.expect("dated").machine(),
                expected,
                "{date:?}"
            );
        }
    }
    // A date that is not one leaves the article undated, and its page says so.
    for (doc, text) in [
        (feed("31 Foo 2019"), "31 Foo 2019"),
        (
            page("Tue, 30 Feb 2021 10:00:00 GMT"),
            "Tue, 30 Feb 2021 10:00:00 GMT",
        ),
    ] {
        let a = article_in(&doc.to_string(), "a");
        assert_eq!(a.published_at, None);
        assert_eq!(a.cut, [Cut::UnreadDate { text: text.into() }], "{text}");
        assert_eq!(
            a.cut[0].message(),
            format!(
                "The date \u{201c}{text}\u{201d} could not be read, so the article is shown undated."
            )
        );
    }
    // No date at all (the JSON Feed spec's own first example): undated, nothing to say.
    let undated = json!({ "version": "https://jsonfeed.org/version/1.1", "items": [{ "id": "a", "content_text": "Hi" }] });
    let a = article_in(&undated.to_string(), "a");
    assert_eq!((a.published_at, a.cut), (None, vec![]));
    // The modified date, then (schema.org) the created one, stand in for a missing one.
    let modified = json!({ "@type": "BlogPosting", "headline": "A", "dateModified": "2024-01-02", "dateCreated": "2023-01-01" });
    assert_eq!(
        article_in(&modified.to_string(), "a")
            .published_at
            .map(|d| d.machine()),
        Some("2024-01-02".to_owned())
    );
    let created = json!({ "@type": "BlogPosting", "headline": "A", "datePublished": "", "dateCreated": "2023-01-01" });
    assert_eq!(
        article_in(&created.to_string(), "a")
            .published_at
            .map(|d| d.machine()),
        Some("2023-01-01".to_owned())
    );
}
