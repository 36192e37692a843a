//! The reader's limits (`model::limits`, "Limits" in `docs/contract.md`): every one exactly
//! at its value (nothing cut, nothing said) and one past it (cut, and said).

use serde_json::{Value, json};
use signal_model::adapt::{HtmlNode, HtmlParser, NATIVE, Parsers, read_article, read_index};
use signal_model::{
    Article, Block, Cut, FeedPage,
    limits::{
        self, MAX_BLOCK_CHARS, MAX_BODY_BLOCKS, MAX_BODY_CHARS, MAX_CARDS, MAX_DOCUMENT_BYTES,
        MAX_HEADLINE_CHARS, MAX_HTML_BYTES, MAX_LABEL_CHARS, MAX_LINKS, MAX_LIST_ITEMS,
        MAX_PILLARS, MAX_POINTS, MAX_SLUG_CHARS, MAX_SOURCES, MAX_SUMMARY_BOXES, MAX_SUMMARY_CHARS,
    },
};

fn article(extra: Value) -> Article {
    let mut doc = json!({ "slug": "a", "headline": "A", "published_at": "2026-07-02" });
    for (key, value) in extra.as_object().expect("an object") {
        doc[key] = value.clone();
    }
    Article::from_json(&doc.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

fn messages(article: &Article) -> Vec<String> {
    article.cut.iter().map(Cut::message).collect()
}

fn chars(n: usize) -> String {
    "x".repeat(n)
}

#[test]
fn document_size_is_checked_before_parsing() {
    assert!(limits::check_size(MAX_DOCUMENT_BYTES).is_ok());
    let err = limits::check_size(MAX_DOCUMENT_BYTES + 1).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the document is 33,554,433 bytes, more than the 33,554,432 bytes (32 MB) this reader reads"
    );
    // The readers refuse it without parsing: this is not even JSON.
    let huge = " ".repeat(MAX_DOCUMENT_BYTES + 1);
    let err = read_article(&huge, None, "a", Parsers::with_html(&NoHtml)).unwrap_err();
    assert!(
        err.message.starts_with("the document is 33,554,433 bytes"),
        "{err}"
    );
    assert!(read_index(&huge, None, Parsers::with_html(&NoHtml)).is_err());
}

#[test]
fn body_blocks() {
    let at = article(json!({ "body": vec!["p"; MAX_BODY_BLOCKS] }));
    assert_eq!(at.body.len(), MAX_BODY_BLOCKS);
    assert!(at.cut.is_empty(), "{:?}", at.cut);

    let over = article(json!({ "body": vec!["p"; MAX_BODY_BLOCKS + 1] }));
    assert_eq!(over.body.len(), MAX_BODY_BLOCKS);
    assert_eq!(
        messages(&over),
        ["Showing the first 2,000 of 2,001 body blocks."]
    );

    // Entries past the limit are not read: an invalid one there is no error.
    let mut body = vec![json!("p"); MAX_BODY_BLOCKS];
    body.push(json!(7));
    assert_eq!(article(json!({ "body": body })).body.len(), MAX_BODY_BLOCKS);
    // Before it, it is.
    let doc =
        json!({ "slug": "a", "headline": "A", "published_at": "2026-07-02", "body": ["p", 7] });
    assert!(Article::from_json(&doc.to_string()).is_err());
}

#[test]
fn blank_and_unknown_entries_do_not_use_up_the_limit_but_are_not_read_forever() {
    let mut body = vec![json!(""), json!({ "type": "chart" })];
    body.extend(vec![json!("p"); MAX_BODY_BLOCKS]);
    let a = article(json!({ "body": body }));
    assert_eq!(a.body.len(), MAX_BODY_BLOCKS);
    assert!(a.cut.is_empty(), "{:?}", a.cut);

    // A body of nothing but blank entries is read only so far (five times the limit); the
    // entries not read are counted.
    let blank = article(json!({ "body": vec![""; 20 * MAX_BODY_BLOCKS] }));
    assert!(blank.body.is_empty());
    assert_eq!(
        messages(&blank),
        ["Showing the first 0 of 30,000 body blocks."]
    );
}

#[test]
fn block_text() {
    let at = article(json!({ "body": [chars(MAX_BLOCK_CHARS)] }));
    assert!(at.cut.is_empty());
    let over = article(json!({ "body": [chars(MAX_BLOCK_CHARS + 1), chars(MAX_BLOCK_CHARS + 1)] }));
    let Block::Paragraph(text) = &over.body[0] else {
        panic!("a paragraph")
    };
    assert_eq!(text.plain().chars().count(), MAX_BLOCK_CHARS);
    assert!(text.plain().ends_with('…'));
    assert_eq!(
        messages(&over),
        ["2 paragraphs were shortened to 20,000 characters each."]
    );
    let one = article(json!({ "body": [{ "type": "quote", "text": chars(MAX_BLOCK_CHARS + 1) }] }));
    assert_eq!(
        messages(&one),
        ["1 quotation was shortened to 20,000 characters."]
    );
}

#[test]
fn shortening_prefers_a_word_boundary_near_the_end() {
    let words = "word ".repeat(MAX_HEADLINE_CHARS);
    let a = article(json!({ "headline": words }));
    assert!(a.headline.ends_with("word…"), "{}", a.headline);
    assert!(a.headline.chars().count() <= MAX_HEADLINE_CHARS);
    // Multi-byte characters are cut between characters.
    let a = article(json!({ "headline": "é".repeat(MAX_HEADLINE_CHARS + 1) }));
    assert_eq!(a.headline.chars().count(), MAX_HEADLINE_CHARS);
}

#[test]
fn body_text_in_all() {
    let blocks = MAX_BODY_CHARS / MAX_BLOCK_CHARS;
    let at = article(json!({ "body": vec![chars(MAX_BLOCK_CHARS); blocks] }));
    assert_eq!(at.body.len(), blocks);
    assert!(at.cut.is_empty(), "{:?}", at.cut);

    let mut body = vec![json!(chars(MAX_BLOCK_CHARS)); blocks];
    body.push(json!("one more"));
    let over = article(json!({ "body": body }));
    assert_eq!(over.body.len(), blocks);
    assert_eq!(
        messages(&over),
        [
            "Showing the first 15 of 16 body blocks.",
            "The article's text was cut after 300,000 characters."
        ]
    );
    // The block that crosses the limit is shortened to fit.
    let mut body = vec![json!(chars(MAX_BLOCK_CHARS)); blocks - 1];
    body.push(json!({ "type": "list", "items": [chars(MAX_BLOCK_CHARS - 10), chars(100), "c"] }));
    let crossing = article(json!({ "body": body }));
    let Some(Block::List(items)) = crossing.body.last() else {
        panic!("a list")
    };
    assert_eq!(items.len(), 2);
    assert_eq!(items[1].plain().chars().count(), 10);
}

#[test]
fn list_items() {
    let at = article(json!({ "body": [{ "type": "list", "items": vec!["i"; MAX_LIST_ITEMS] }] }));
    assert!(at.cut.is_empty());
    let over =
        article(json!({ "body": [{ "type": "list", "items": vec!["i"; 100 * MAX_LIST_ITEMS] }] }));
    let Block::List(items) = &over.body[0] else {
        panic!("a list")
    };
    assert_eq!(items.len(), MAX_LIST_ITEMS);
    assert_eq!(
        messages(&over),
        ["Showing the first 500 of 50,000 list items."]
    );
    let one_over =
        article(json!({ "body": [{ "type": "list", "items": vec!["i"; MAX_LIST_ITEMS + 1] }] }));
    assert_eq!(
        messages(&one_over),
        ["Showing the first 500 of 501 list items."]
    );
}

#[test]
fn links() {
    let link = json!({ "text": "l", "url": "https://example.org/" });
    let at = article(
        json!({ "body": [{ "type": "paragraph", "text": vec![link.clone(); MAX_LINKS] }] }),
    );
    assert!(at.cut.is_empty());
    let over = article(json!({ "body": [
        { "type": "paragraph", "text": vec![link.clone(); MAX_LINKS] },
        { "type": "list", "items": [[link.clone()]] },
    ] }));
    let Block::List(items) = &over.body[1] else {
        panic!("a list")
    };
    assert_eq!(items[0].spans().len(), 1);
    assert!(matches!(items[0].spans()[0], signal_model::Span::Text(_)));
    assert_eq!(
        messages(&over),
        ["Only the first 2,000 links are links; the rest are shown as plain text."]
    );
}

#[test]
fn pillars() {
    let pillars = |n: usize| -> Vec<Value> {
        (0..n)
            .map(|i| json!({ "slug": format!("p{i}"), "name": format!("P {i}") }))
            .collect()
    };
    assert!(
        article(json!({ "pillars": pillars(MAX_PILLARS) }))
            .cut
            .is_empty()
    );
    let over = article(json!({ "pillars": pillars(MAX_PILLARS + 1) }));
    assert_eq!(over.pillars.len(), MAX_PILLARS);
    assert_eq!(messages(&over), ["Showing the first 12 of 13 pillars."]);
    // Repeats are not counted.
    let mut repeated = pillars(MAX_PILLARS);
    repeated.extend(pillars(MAX_PILLARS));
    assert!(article(json!({ "pillars": repeated })).cut.is_empty());
    let many = article(json!({ "pillars": pillars(5_000) }));
    assert_eq!(messages(&many), ["Showing the first 12 of 5,000 pillars."]);
}

#[test]
fn sources_and_summary_boxes() {
    let sources = |n: usize| vec![json!({ "name": "S" }); n];
    assert!(
        article(json!({ "sources": sources(MAX_SOURCES) }))
            .cut
            .is_empty()
    );
    let over = article(json!({ "sources": sources(MAX_SOURCES + 1) }));
    assert_eq!(over.sources.len(), MAX_SOURCES);
    assert_eq!(messages(&over), ["Showing the first 100 of 101 sources."]);

    let boxes = |n: usize| vec![json!({ "text": "T" }); n];
    assert!(
        article(json!({ "summary_boxes": boxes(MAX_SUMMARY_BOXES) }))
            .cut
            .is_empty()
    );
    let over = article(json!({ "summary_boxes": boxes(MAX_SUMMARY_BOXES + 1) }));
    assert_eq!(over.summary_boxes.len(), MAX_SUMMARY_BOXES);
    assert_eq!(
        messages(&over),
        ["Showing the first 10 of 11 summary boxes."]
    );

    let points = |n: usize| json!([{ "points": vec!["p"; n] }]);
    assert!(
        article(json!({ "summary_boxes": points(MAX_POINTS) }))
            .cut
            .is_empty()
    );
    let over = article(json!({ "summary_boxes": points(MAX_POINTS + 1) }));
    assert_eq!(over.summary_boxes[0].points.len(), MAX_POINTS);
    assert_eq!(
        messages(&over),
        ["Showing the first 50 of 51 points in a summary box."]
    );
}

#[test]
fn text_fields() {
    type Check = (&'static str, Value, Value, &'static str);
    let cases: Vec<Check> = vec![
        (
            "headline",
            json!({ "headline": chars(MAX_HEADLINE_CHARS) }),
            json!({ "headline": chars(MAX_HEADLINE_CHARS + 1) }),
            "The headline was shortened to 300 characters.",
        ),
        (
            "summary",
            json!({ "summary": chars(MAX_SUMMARY_CHARS) }),
            json!({ "summary": chars(MAX_SUMMARY_CHARS + 1) }),
            "The summary was shortened to 2,000 characters.",
        ),
        (
            "kicker",
            json!({ "kicker": chars(MAX_LABEL_CHARS) }),
            json!({ "kicker": chars(MAX_LABEL_CHARS + 1) }),
            "The kicker was shortened to 300 characters.",
        ),
        (
            "status",
            json!({ "status_label": chars(MAX_LABEL_CHARS) }),
            json!({ "status_label": chars(MAX_LABEL_CHARS + 1) }),
            "The status label was shortened to 300 characters.",
        ),
        (
            "publisher",
            json!({ "publisher": { "name": chars(MAX_LABEL_CHARS) } }),
            json!({ "publisher": { "name": chars(MAX_LABEL_CHARS + 1) } }),
            "The publisher name was shortened to 300 characters.",
        ),
        (
            "slug",
            json!({ "slug": chars(MAX_SLUG_CHARS) }),
            json!({ "slug": chars(MAX_SLUG_CHARS + 1) }),
            "The slug was shortened to 200 characters.",
        ),
        (
            "pillar name",
            json!({ "pillars": [{ "slug": "p", "name": chars(MAX_LABEL_CHARS) }] }),
            json!({ "pillars": [{ "slug": "p", "name": chars(MAX_LABEL_CHARS + 1) }] }),
            "1 pillar name was shortened to 300 characters.",
        ),
        (
            "pillar slug",
            json!({ "pillars": [{ "slug": chars(MAX_SLUG_CHARS), "name": "P" }] }),
            json!({ "pillars": [{ "slug": chars(MAX_SLUG_CHARS + 1), "name": "P" }] }),
            "1 pillar slug was shortened to 200 characters.",
        ),
        (
            "source",
            json!({ "sources": [{ "name": chars(MAX_LABEL_CHARS) }] }),
            json!({ "sources": [{ "name": chars(MAX_LABEL_CHARS + 1) }, { "name": chars(MAX_LABEL_CHARS + 1) }] }),
            "2 source names were shortened to 300 characters each.",
        ),
        (
            "heading",
            json!({ "body": [{ "type": "heading", "text": chars(MAX_LABEL_CHARS) }] }),
            json!({ "body": [{ "type": "heading", "text": chars(MAX_LABEL_CHARS + 1) }] }),
            "1 heading was shortened to 300 characters.",
        ),
        (
            "box text",
            json!({ "summary_boxes": [{ "text": chars(MAX_SUMMARY_CHARS) }] }),
            json!({ "summary_boxes": [{ "text": chars(MAX_SUMMARY_CHARS + 1) }] }),
            "1 summary box text was shortened to 2,000 characters.",
        ),
    ];
    for (what, at, over, message) in cases {
        assert!(article(at).cut.is_empty(), "{what} at the limit");
        assert_eq!(messages(&article(over)), [message], "{what}");
    }
    let slug = article(json!({ "slug": chars(MAX_SLUG_CHARS + 1) })).slug;
    assert_eq!(
        slug,
        chars(MAX_SLUG_CHARS),
        "a slug is cut without an ellipsis"
    );
}

fn page(n: usize) -> String {
    let card = json!({ "slug": "a", "headline": chars(MAX_HEADLINE_CHARS + 1), "published_at": "2026-07-02" });
    let cards: Vec<Value> = (0..n)
        .map(|i| {
            let mut card = card.clone();
            card["slug"] = json!(format!("a{i}"));
            card
        })
        .collect();
    json!({ "articles": cards }).to_string()
}

#[test]
fn cards_per_index_page() {
    let at = FeedPage::from_json(&page(MAX_CARDS)).expect("a page");
    assert_eq!(at.articles.len(), MAX_CARDS);
    assert!(at.cut.is_empty());
    // A card's text is cut like its article's, silently.
    assert_eq!(at.articles[0].headline.chars().count(), MAX_HEADLINE_CHARS);
    let over = FeedPage::from_json(&page(MAX_CARDS + 1)).expect("a page");
    assert_eq!(over.articles.len(), MAX_CARDS);
    assert_eq!(
        over.cut.iter().map(Cut::message).collect::<Vec<_>>(),
        ["Showing the first 1,000 of 1,001 articles on this page."]
    );
}

/// Any HTML is one paragraph of its text.
struct TextHtml;

impl HtmlParser for TextHtml {
    fn parse(&self, html: &str) -> Vec<HtmlNode> {
        vec![HtmlNode::Element {
            tag: "p".into(),
            href: None,
            children: vec![HtmlNode::Text(html.into())],
        }]
    }
}

struct NoHtml;

impl HtmlParser for NoHtml {
    fn parse(&self, _: &str) -> Vec<HtmlNode> {
        Vec::new()
    }
}

fn feed(items: Vec<Value>) -> String {
    json!({ "version": "https://jsonfeed.org/version/1.1", "title": "F", "items": items })
        .to_string()
}

fn item(i: usize, content: Value) -> Value {
    let mut item = json!({ "id": format!("i{i}"), "title": "T", "date_published": "2026-07-02" });
    for (key, value) in content.as_object().expect("an object") {
        item[key] = value.clone();
    }
    item
}

#[test]
fn adapted_items_per_document() {
    let items = |n: usize| (0..n).map(|i| item(i, json!({}))).collect::<Vec<_>>();
    let at =
        read_index(&feed(items(MAX_CARDS)), None, Parsers::with_html(&NoHtml)).expect("a page");
    assert_eq!(at.articles.len(), MAX_CARDS);
    assert!(at.cut.is_empty());
    let over = read_index(
        &feed(items(MAX_CARDS + 1)),
        None,
        Parsers::with_html(&NoHtml),
    )
    .expect("a page");
    assert_eq!(over.full.len(), MAX_CARDS);
    assert_eq!(
        over.cut.iter().map(Cut::message).collect::<Vec<_>>(),
        ["Showing the first 1,000 of 1,001 articles on this page."]
    );
}

#[test]
fn html_content() {
    let at = feed(vec![item(
        0,
        json!({ "content_html": chars(MAX_HTML_BYTES) }),
    )]);
    assert!(
        read_article(&at, None, "i0", Parsers::with_html(&NoHtml))
            .expect("an article")
            .cut
            .is_empty()
    );
    let over = feed(vec![item(
        0,
        json!({ "content_html": chars(MAX_HTML_BYTES + 1) }),
    )]);
    let a = read_article(&over, None, "i0", Parsers::with_html(&NoHtml)).expect("an article");
    assert_eq!(
        messages(&a),
        ["Only the first 524,288 of 524,289 bytes of the article's HTML were read."]
    );
    // A document's articles share a budget: the fifth article's HTML is not read at all.
    let big = |i| item(i, json!({ "content_html": chars(MAX_HTML_BYTES) }));
    let doc = feed((0..5).map(big).collect());
    let fifth = read_article(&doc, None, "i4", Parsers::with_html(&TextHtml)).expect("an article");
    assert!(fifth.body.is_empty());
    assert_eq!(
        messages(&fifth),
        ["Only the first 0 of 524,288 bytes of the article's HTML were read."]
    );
}

#[test]
fn adapted_text_paragraphs_are_counted_from_the_original() {
    let text = "A paragraph.\n\n".repeat(MAX_BODY_BLOCKS + 5);
    let doc = feed(vec![item(0, json!({ "content_text": text }))]);
    let a = read_article(&doc, None, "i0", Parsers::with_html(&NoHtml)).expect("an article");
    assert_eq!(a.body.len(), MAX_BODY_BLOCKS);
    assert_eq!(
        messages(&a),
        ["Showing the first 2,000 of 2,005 body blocks."]
    );
    let text = "A paragraph.\n\n".repeat(MAX_BODY_BLOCKS);
    let doc = feed(vec![item(0, json!({ "content_text": text }))]);
    assert!(
        read_article(&doc, None, "i0", Parsers::with_html(&NoHtml))
            .expect("an article")
            .cut
            .is_empty()
    );
}

#[test]
fn grouped_numbers() {
    assert_eq!(limits::grouped(0), "0");
    assert_eq!(limits::grouped(999), "999");
    assert_eq!(limits::grouped(1_000), "1,000");
    assert_eq!(limits::grouped(50_000), "50,000");
    assert_eq!(limits::grouped(1_234_567), "1,234,567");
}

/// Inputs the fuzzer found (`scripts/fuzz`; `tests/fixtures/fuzz/`), read as the app reads
/// them: each must give a result or an error, never a panic.
#[test]
fn fuzz_findings() {
    let dir = format!("{}/../../tests/fixtures/fuzz", env!("CARGO_MANIFEST_DIR"));
    let mut read = 0;
    for entry in std::fs::read_dir(&dir).expect("the fuzz fixtures") {
        let path = entry.expect("a fixture").path();
        let json = std::fs::read_to_string(&path).expect("text");
        let _ = read_index(&json, None, Parsers::with_html(&NoHtml));
        let _ = read_article(&json, None, "a", Parsers::with_html(&NoHtml));
        let _ = Article::from_json(&json);
        let _ = FeedPage::from_json(&json);
        read += 1;
    }
    assert!(read > 0);
    // The first finding: a bit flip made a link's scheme `hTtps:` (in `content_html`); it is
    // still a link.
    let json = std::fs::read_to_string(format!("{dir}/adapters-mixed-case-scheme.json"))
        .expect("the fixture");
    let page = read_index(&json, None, NATIVE).expect("a page");
    let links: Vec<String> = page
        .full
        .iter()
        .flat_map(|a| a.body.iter())
        .flat_map(|block| match block {
            Block::Paragraph(text) => text.spans().to_vec(),
            _ => Vec::new(),
        })
        .filter_map(|span| match span {
            signal_model::Span::Link { url, .. } => Some(url.as_str().to_owned()),
            signal_model::Span::Text(_) => None,
        })
        .collect();
    assert!(
        links.contains(&"hTtps://www.sciencedaily.com/".to_owned()),
        "{links:?}"
    );
}

#[test]
fn combining_marks_are_capped_per_character() {
    use signal_model::limits::MAX_MARKS_PER_CHAR;
    let zalgo = format!("Z{}algo", "\u{0301}\u{0316}\u{0489}".repeat(40));
    let zalgo_article = article(json!({
        "headline": zalgo,
        "body": [
            zalgo,
            format!("e{}", "\u{0E47}".repeat(300)),
            { "type": "heading", "text": zalgo },
            { "type": "quote", "text": "Q", "cite": zalgo },
        ],
    }));
    let runs = |text: &str| {
        let mut longest = 0;
        let mut run = 0;
        for c in text.chars() {
            run = if ('\u{0300}'..='\u{036F}').contains(&c) || matches!(c, '\u{0489}' | '\u{0E47}')
            {
                run + 1
            } else {
                0
            };
            longest = longest.max(run);
        }
        longest
    };
    assert_eq!(runs(&zalgo_article.headline), MAX_MARKS_PER_CHAR);
    assert!(zalgo_article.headline.starts_with('Z') && zalgo_article.headline.ends_with("algo"));
    assert_eq!(zalgo_article.body.len(), 4);
    for block in &zalgo_article.body {
        assert_eq!(runs(&block.text().collect::<String>()), MAX_MARKS_PER_CHAR);
    }
    // Real text keeps its marks: Vietnamese stacks two (written decomposed here).
    let vietnamese = "Tie\u{0302}\u{0301}ng Vie\u{0323}\u{0302}t";
    assert_eq!(
        article(json!({ "headline": vietnamese })).headline,
        vietnamese
    );
}

#[test]
fn body_entries_past_the_text_budget_are_counted_not_read() {
    // 18,000 characters a paragraph: the 300,000-character budget is spent within 17.
    let mut body: Vec<Value> = (0..40)
        .map(|i| json!(format!("{i} {}", chars(18_000))))
        .collect();
    // Never read, so never checked: it would otherwise be an error.
    body.push(json!(5));
    let article = article(json!({ "body": body }));
    assert_eq!(article.body.len(), 17);
    assert_eq!(
        messages(&article),
        [
            "Showing the first 17 of 41 body blocks.",
            "The article's text was cut after 300,000 characters.",
        ]
    );
    let shown: usize = article
        .body
        .iter()
        .map(|b| b.text().map(|t| t.chars().count()).sum::<usize>())
        .sum();
    assert!(shown <= MAX_BODY_CHARS, "{shown}");
}

/// The app gets an adapted document from the adapter module as JSON (`source::formats`):
/// what the adapter cut, and its errors, arrive as they left.
#[test]
fn the_adapter_modules_answer_keeps_its_cuts_and_errors() {
    use signal_model::adapt::{Format, convert, decode_answer, encode_answer};
    let trip = |doc: &str, slug| {
        let answer = convert(
            Format::JsonFeed,
            doc,
            None,
            slug,
            Parsers::with_html(&NoHtml),
        );
        let decoded = decode_answer(&encode_answer(&answer)).expect("an answer");
        assert_eq!(decoded, answer);
        decoded
    };
    let html = feed(vec![item(
        0,
        json!({ "content_html": chars(MAX_HTML_BYTES + 1) }),
    )]);
    let paragraphs = feed(vec![item(
        0,
        json!({ "content_text": "A paragraph.\n\n".repeat(MAX_BODY_BLOCKS + 5) }),
    )]);
    for (doc, said) in [
        (
            html,
            "Only the first 524,288 of 524,289 bytes of the article's HTML were read.",
        ),
        (paragraphs, "Showing the first 2,000 of 2,005 body blocks."),
    ] {
        let a = trip(&doc, Some("i0"))
            .and_then(|c| c.into_article())
            .expect("an article");
        assert_eq!(messages(&a), [said]);
        let page = trip(&doc, None)
            .and_then(|c| c.into_page())
            .expect("a page");
        assert_eq!(
            page,
            read_index(&doc, None, Parsers::with_html(&NoHtml)).expect("a page")
        );
    }
    let untitled = feed(vec![json!({ "id": "i0", "title": 5 })]);
    let err = trip(&untitled, None).expect_err("invalid");
    assert!(err.path.starts_with("items[0]"), "{err:?}");
    // Anything else (a module from another build) is no answer at all.
    assert_eq!(decode_answer("{}"), None);
}
