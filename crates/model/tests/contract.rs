//! The published JSON contract (`docs/contract.md`, `docs/schema/*.schema.json`) against the
//! bundled sample data and against the reader's own parser: what the schema accepts the parser
//! accepts, and what the schema rejects the parser rejects, at the same place in the document.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use jsonschema::{Draft, Registry, Validator};
use serde_json::{Value, json};
use signal_model::adapt;
use signal_model::{Article, Block, ContractError, FeedPage, PublishedAt, Span};

/// The repository root: the samples, fixtures and schemas are shared with the app.
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const ARTICLE_SCHEMA_ID: &str = "https://signal-of-hope.invalid/schema/v1/article.schema.json";
const INDEX_SCHEMA_ID: &str = "https://signal-of-hope.invalid/schema/v1/index.schema.json";

/// Each invalid fixture, with a fragment of the parser's message for it.
/// Files named `index-*.json` are index pages; the others are articles.
const INVALID: &[(&str, &str)] = &[
    // Contract 1.1.
    ("image-without-alt.json", "image.alt: required, but missing"),
    (
        "image-alt-not-a-string.json",
        "image.alt: expected a string",
    ),
    ("image-width-not-an-integer.json", "image.width"),
    (
        "image-source-without-width.json",
        "image.sources[0].width: required, but missing",
    ),
    (
        "author-without-name.json",
        "authors[0].name: required, but missing",
    ),
    (
        "figure-without-image.json",
        "body[0].image: required, but missing",
    ),
    (
        "updated-at-impossible-day.json",
        "updated_at: expected a date",
    ),
    ("missing-headline.json", "headline: required, but missing"),
    (
        "missing-published-at.json",
        "published_at: required, but missing",
    ),
    ("blank-slug.json", "slug: must not be empty"),
    (
        "blank-headline-unicode-spaces.json",
        "headline: must not be empty",
    ),
    (
        "published-at-impossible-day.json",
        "published_at: expected a date (YYYY-MM-DD) or an RFC 3339 date-time, found `2026-02-30`",
    ),
    (
        "published-at-without-offset.json",
        "published_at: expected a date (YYYY-MM-DD) or an RFC 3339 date-time",
    ),
    (
        "published-at-leap-second.json",
        "published_at: expected a date (YYYY-MM-DD) or an RFC 3339 date-time",
    ),
    (
        "published-at-not-a-string.json",
        "published_at: expected a string, found the number",
    ),
    (
        "pillars-not-an-array.json",
        "pillars: expected a list, found the string",
    ),
    (
        "pillar-without-name.json",
        "pillars[0].name: required, but missing",
    ),
    (
        "pillar-name-not-a-string.json",
        "pillars[2].name: expected a string, found the number 3",
    ),
    (
        "publisher-without-name.json",
        "publisher.name: required, but missing",
    ),
    (
        "source-without-name.json",
        "sources[1].name: required, but missing",
    ),
    (
        "summary-not-a-string.json",
        "summary: expected a string, found a list",
    ),
    (
        "summary-box-point-not-a-string.json",
        "summary_boxes[0].points[1]: expected a string, found the number 40",
    ),
    (
        "quote-without-text.json",
        "body[1].text: required, but missing",
    ),
    (
        "list-without-items.json",
        "body[0].items: required, but missing",
    ),
    (
        "list-item-not-a-string.json",
        "body[0].items[1]: expected a string or a list of text runs, found the number 2",
    ),
    (
        "block-text-before-type.json",
        "body[1].text: expected a string or a list of text runs, found the number 5",
    ),
    (
        "link-without-text.json",
        "body[0].text[1].text: required, but missing",
    ),
    (
        "run-not-text.json",
        "body[0].text[0]: expected a string or a link object",
    ),
    (
        "block-without-type.json",
        "body[0].type: required, but missing",
    ),
    (
        "block-type-not-a-string.json",
        "body[0].type: expected a string, found the number 1",
    ),
    (
        "body-entry-number.json",
        "body[2]: expected a string (a paragraph) or a block object with a `type`, found the number 7",
    ),
    (
        "body-entry-null.json",
        "body[0]: expected a string (a paragraph) or a block object with a `type`, found null",
    ),
    (
        "not-an-object.json",
        "expected a JSON object, found an array",
    ),
    (
        "string-document.json",
        "expected an object, found the string",
    ),
    (
        "version-2.json",
        "version: this document is written for contract version 2, and this reader understands version 1",
    ),
    (
        "version-not-a-number.json",
        "version: expected the number 1, found the string \"1\"",
    ),
    (
        "index-missing-articles.json",
        "articles: required, but missing",
    ),
    (
        "index-articles-not-an-array.json",
        "articles: expected a list, found an object",
    ),
    (
        "index-card-missing-published-at.json",
        "articles[1].published_at: required, but missing",
    ),
    (
        "index-card-pillar-without-slug.json",
        "articles[0].pillars[0].slug: required, but missing",
    ),
    (
        "index-next-not-a-string.json",
        "next: expected a string, found the number 2",
    ),
    (
        "index-not-an-object.json",
        "expected a JSON object, found an array",
    ),
    (
        "index-version-3.json",
        "version: this document is written for contract version 3",
    ),
];

fn path(relative: &str) -> PathBuf {
    Path::new(ROOT).join(relative)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn load(path: &Path) -> Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn article_schema() -> Value {
    load(&path("docs/schema/article.schema.json"))
}

fn index_schema() -> Value {
    load(&path("docs/schema/index.schema.json"))
}

/// The article and index validators, offline, with formats asserted. The index schema refers
/// to the article schema's `$defs` by a URI relative to its `$id`, so the article schema is
/// registered under its own `$id`.
fn validators() -> (Validator, Validator) {
    let registry = Registry::new()
        .add(ARTICLE_SCHEMA_ID, article_schema())
        .expect("the article schema's $id is a valid URI")
        .prepare()
        .expect("registry");
    let build = |schema: &Value| {
        jsonschema::options()
            .with_draft(Draft::Draft202012)
            .should_validate_formats(true)
            .offline()
            .with_registry(&registry)
            .build(schema)
            .unwrap_or_else(|e| panic!("schema does not compile: {e}"))
    };
    (build(&article_schema()), build(&index_schema()))
}

/// The schema's complaints about `instance`, as (instance path, message).
fn schema_errors(validator: &Validator, instance: &Value) -> Vec<(String, String)> {
    validator
        .iter_errors(instance)
        .map(|e| (e.instance_path().as_str().to_owned(), e.to_string()))
        .collect()
}

fn assert_schema_accepts(validator: &Validator, instance: &Value, what: &str) {
    let errors = schema_errors(validator, instance);
    assert!(errors.is_empty(), "{what}: schema rejects it: {errors:#?}");
}

/// The parser's path (`articles[0].pillars[0]`) as a JSON Pointer (`/articles/0/pillars/0`).
/// A missing field is named by the parser and reported at its object by the schema.
fn pointer(error: &ContractError) -> String {
    let path = if error.message == "required, but missing" {
        error.path.rsplit_once('.').map_or("", |(object, _)| object)
    } else {
        error.path.as_str()
    };
    path.replace('[', ".")
        .replace(']', "")
        .split('.')
        .filter(|segment| !segment.is_empty())
        .map(|segment| format!("/{segment}"))
        .collect()
}

/// Whether `location` is `pointer` or inside it; the document itself only matches itself.
fn is_at_or_below(location: &str, pointer: &str) -> bool {
    location == pointer || (!pointer.is_empty() && location.starts_with(&format!("{pointer}/")))
}

fn sorted_json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn schemas_are_valid_draft_2020_12_schemas() {
    for (name, schema, id) in [
        ("article", article_schema(), ARTICLE_SCHEMA_ID),
        ("index", index_schema(), INDEX_SCHEMA_ID),
    ] {
        if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
            panic!("{name} schema is not a valid 2020-12 schema: {e}");
        }
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{name} schema declares its draft"
        );
        assert_eq!(schema["$id"], id, "{name} schema $id");
    }
    // Both compile, and the index schema's relative `$ref`s resolve to the article schema.
    let (article, index) = validators();
    // The card's `pillars` comes from the article schema through a `$ref`: it must be checked.
    let card_with_bad_pillar = json!({ "articles": [
        { "slug": "s", "headline": "H", "published_at": "2026-07-02", "pillars": [{ "slug": "p" }] }
    ] });
    assert!(
        !index.is_valid(&card_with_bad_pillar),
        "cross-schema $ref is in force"
    );
    assert!(
        article.is_valid(&json!({ "slug": "s", "headline": "H", "published_at": "2026-07-02" }))
    );
}

/// Unknown fields are ignored everywhere, so no schema may close an object.
#[test]
fn schemas_never_forbid_unknown_fields() {
    fn walk(value: &Value, at: &str, found: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    let here = format!("{at}/{key}");
                    let closes = matches!(
                        key.as_str(),
                        "additionalProperties" | "unevaluatedProperties"
                    ) && child != &Value::Bool(true)
                        && child != &json!({});
                    if closes {
                        found.push(here.clone());
                    }
                    walk(child, &here, found);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(child, &format!("{at}/{i}"), found);
                }
            }
            _ => {}
        }
    }
    for (name, schema) in [("article", article_schema()), ("index", index_schema())] {
        let mut found = Vec::new();
        walk(&schema, "", &mut found);
        assert!(
            found.is_empty(),
            "{name} schema restricts extra fields at {found:?}"
        );
    }
}

#[test]
fn every_bundled_article_satisfies_the_article_schema() {
    let (article, _) = validators();
    let files = sorted_json_files(&path("public/data/articles"));
    assert!(
        files.len() >= 5,
        "the reference article and the layout samples"
    );
    for file in files {
        assert_schema_accepts(&article, &load(&file), &file.display().to_string());
    }
}

#[test]
fn bundled_index_pages_satisfy_the_index_schema() {
    let (_, index) = validators();
    for page in ["public/data/articles.json", "public/data/pages/2.json"] {
        assert_schema_accepts(&index, &load(&path(page)), page);
    }
}

/// Every invalid fixture is rejected by the schema and by the parser, for the same reason and
/// at the same place: the parser's message contains the expected fragment, and one of the
/// schema's errors is at (or inside) the location the parser reports.
#[test]
fn schema_and_parser_reject_every_invalid_fixture() {
    let (article, index) = validators();
    let dir = path("tests/fixtures/invalid");

    let on_disk: Vec<String> = sorted_json_files(&dir)
        .iter()
        .filter_map(|p| p.file_name()?.to_str().map(str::to_owned))
        .collect();
    let mut in_table: Vec<String> = INVALID.iter().map(|(name, _)| (*name).to_owned()).collect();
    in_table.sort();
    assert_eq!(
        on_disk, in_table,
        "every fixture has an expectation, and every expectation a fixture"
    );

    for (name, fragment) in INVALID {
        let file = dir.join(name);
        let text = read(&file);
        let instance: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let (validator, parsed) = if name.starts_with("index-") {
            (&index, FeedPage::from_json(&text).map(drop))
        } else {
            (&article, Article::from_json(&text).map(drop))
        };

        let error = parsed.expect_err(&format!("{name}: the parser accepts it"));
        let message = error.to_string();
        assert!(
            message.contains(fragment),
            "{name}: parser says `{message}`, expected it to contain `{fragment}`"
        );

        let errors = schema_errors(validator, &instance);
        assert!(!errors.is_empty(), "{name}: the schema accepts it");
        let at = pointer(&error);
        assert!(
            errors
                .iter()
                .any(|(location, _)| is_at_or_below(location, &at)),
            "{name}: the parser reports `{message}` at `{at}`, the schema elsewhere: {errors:#?}"
        );
    }
}

/// Documents at the edges of the contract, valid for both the schema and the parser.
#[test]
fn schema_and_parser_accept_the_edge_cases() {
    let (article_schema, index_schema) = validators();
    let base = || json!({ "slug": "edge", "headline": "Edge", "published_at": "2026-07-02" });
    let with = |extra: Value| {
        let mut doc = base();
        for (key, value) in extra.as_object().expect("object") {
            doc[key] = value.clone();
        }
        doc
    };
    let accept = |what: &str, doc: &Value| -> Article {
        assert_schema_accepts(&article_schema, doc, what);
        Article::from_json(&doc.to_string())
            .unwrap_or_else(|e| panic!("{what}: the parser rejects it: {e}"))
    };

    // Every optional field null means the same as absent.
    let nulls = accept(
        "optional fields null",
        &with(json!({
            "kicker": null, "publisher": null, "status_label": null, "summary": null,
            "summary_boxes": null, "pillars": null, "body": null, "sources": null,
        })),
    );
    assert_eq!(nulls, accept("optional fields absent", &base()));
    let nested = accept(
        "nested optional fields null or blank",
        &with(json!({
            "kicker": "   ",
            "publisher": { "name": "DrakX Intelligence", "url": null },
            "summary_boxes": [{ "title": null, "text": "Text", "points": null }],
            "body": [{ "type": "quote", "text": "Quoted.", "cite": null }],
            "sources": [{ "name": "Science Daily", "url": null }],
        })),
    );
    assert_eq!(nested.kicker, None, "a blank optional string is absent");
    assert!(nested.publisher.is_some_and(|p| p.url.is_none()));
    assert!(matches!(
        &nested.body[..],
        [Block::Quote { cite: None, .. }]
    ));

    // Unknown fields, at every level.
    let unknown = accept(
        "unknown fields",
        &with(json!({
            "schema_version": 2, "author": { "name": "Someone" },
            "publisher": { "name": "P", "logo": "https://example.com/logo.png" },
            "pillars": [{ "slug": "p", "name": "P", "color": "#123456" }],
            "summary_boxes": [{ "text": "T", "icon": "star" }],
            "body": [{ "type": "paragraph", "text": "Text.", "lang": "en" }],
            "sources": [{ "name": "S", "accessed": "2026-07-01" }],
        })),
    );
    assert_eq!(unknown.body, [Block::Paragraph("Text.".into())]);

    // Rich text: runs with links; a link without a usable URL is its text.
    let rich = accept(
        "rich text",
        &with(json!({
            "version": 1,
            "body": [
                { "type": "paragraph", "text": ["Read ", { "text": "the study", "url": "https://example.org/s" }, "."] },
                { "type": "quote", "text": [{ "text": "Mail us", "url": "mailto:desk@example.org" }] },
                { "type": "list", "items": ["plain", ["a ", { "text": "bad link", "url": "javascript:x" }], []] },
            ],
        })),
    );
    let Block::Paragraph(first) = &rich.body[0] else {
        panic!("a paragraph")
    };
    assert_eq!(first.plain(), "Read the study.");
    assert!(
        matches!(&first.spans()[1], Span::Link { url, .. } if url.as_str() == "https://example.org/s")
    );
    assert_eq!(
        rich.body[2],
        Block::List(vec!["plain".into(), "a bad link".into()]),
        "an empty item is dropped"
    );

    // Block types the reader does not know are skipped, whatever their fields; types are
    // case-sensitive, so `Paragraph` is one of them.
    let blocks = accept(
        "unknown block types",
        &with(json!({ "body": [
            { "type": "chart", "series": [1, 2, 3] },
            { "type": "video" },
            { "type": "Paragraph", "text": "Skipped." },
            "Kept.",
        ] })),
    );
    assert_eq!(blocks.body, [Block::Paragraph("Kept.".into())]);

    // Empty elements are valid, and dropped.
    let empty = accept(
        "blank and empty elements",
        &with(json!({
            "summary_boxes": [{ "title": "Only a title" }, { "points": ["  "] }, {}],
            "body": ["", " ", { "type": "heading", "text": "" }, { "type": "list", "items": [] }],
        })),
    );
    assert!(empty.summary_boxes.is_empty() && empty.body.is_empty());

    // Repeated pillar slugs are valid; the first one wins.
    let pillars = accept(
        "repeated pillar slugs",
        &with(json!({ "pillars": [
            { "slug": "p", "name": "First" }, { "slug": "p", "name": "Second" },
        ] })),
    );
    assert_eq!(pillars.pillars.len(), 1);
    assert_eq!(pillars.pillars[0].name, "First");

    // A URL that cannot be a link is not an error; it is just not a link.
    let urls = accept(
        "non-http URLs",
        &with(json!({
            "publisher": { "name": "P", "url": "javascript:alert(1)" },
            "sources": [
                { "name": "Relative", "url": "/about" },
                { "name": "Mail", "url": "mailto:desk@example.com" },
                { "name": "Garbage", "url": "not a url" },
                { "name": "Linked", "url": "https://example.com/" },
            ],
        })),
    );
    assert!(urls.publisher.is_some_and(|p| p.url.is_none()));
    let linked: Vec<bool> = urls.sources.iter().map(|s| s.url.is_some()).collect();
    assert_eq!(linked, [false, false, false, true]);

    // Dates: a date-time shows the calendar date of its own offset.
    for (published_at, long_date) in [
        ("2026-07-02", "Thursday, July 2, 2026"),
        ("2026-07-02T23:45:00-07:00", "Thursday, July 2, 2026"),
        ("2026-07-03T05:00:00+09:30", "Friday, July 3, 2026"),
        ("2026-07-02t09:30:00.250z", "Thursday, July 2, 2026"),
        ("2024-02-29T00:00:00Z", "Thursday, February 29, 2024"),
    ] {
        let doc = with(json!({ "published_at": published_at }));
        let parsed = accept(published_at, &doc);
        assert_eq!(
            parsed.published_at.expect("dated").long_date(),
            long_date,
            "{published_at}"
        );
        assert_eq!(
            parsed.published_at,
            Some(PublishedAt::parse(published_at).expect("parses on its own too"))
        );
    }

    // An index page: empty, with no `next`; and a card carrying article fields it ignores.
    for (what, page) in [
        ("empty index page", json!({ "articles": [] })),
        (
            "last page, next null",
            json!({ "articles": [], "next": null }),
        ),
        (
            "card with ignored article fields",
            json!({ "articles": [{
                "slug": "s", "headline": "H", "published_at": "2026-07-02T09:30:00Z",
                "kicker": null, "summary": "  ", "pillars": null,
                "body": 5, "publisher": "not checked on a card", "_note": "unknown",
            }], "next": "pages/2.json" }),
        ),
    ] {
        assert_schema_accepts(&index_schema, &page, what);
        FeedPage::from_json(&page.to_string())
            .unwrap_or_else(|e| panic!("{what}: the parser rejects it: {e}"));
    }
}

/// The examples in `docs/contract.md` are valid documents, for the schema and for the parser.
#[test]
fn documented_examples_are_valid() {
    let (article, index) = validators();
    let doc = read(&path("docs/contract.md"));
    let mut examples = 0;
    for block in doc.split("```json\n").skip(1) {
        let json = block.split("```").next().expect("a closed code block");
        let value: Value = serde_json::from_str(json)
            .unwrap_or_else(|e| panic!("example is not JSON: {e}\n{json}"));
        let parsed = if value.get("articles").is_some() {
            assert_schema_accepts(&index, &value, json);
            FeedPage::from_json(json).map(drop)
        } else {
            assert_schema_accepts(&article, &value, json);
            Article::from_json(json).map(drop)
        };
        parsed.unwrap_or_else(|e| panic!("the parser rejects an example: {e}\n{json}"));
        examples += 1;
    }
    assert!(
        examples >= 3,
        "a full article, the smallest article and an index page"
    );
}

/// What the adapters make of a JSON Feed, JSON-LD, RSS and Atom is contract JSON the schema
/// accepts, and the parser reads every article of it.
#[test]
fn adapter_outputs_satisfy_the_schema() {
    let (article_schema, _) = validators();
    for name in ["feed.json", "news.jsonld", "feed.rss", "feed.atom"] {
        let text = read(&path(&format!("tests/fixtures/formats/{name}")));
        let adapt::Reading::Foreign(format) = adapt::reading(&text).expect("a document") else {
            panic!("{name}: read as the contract");
        };
        // Every article the adapter module hands the app is contract JSON.
        let base = format!("https://drakx.example/{name}");
        let converted = adapt::convert(format, &text, Some(&base), None, adapt::NATIVE);
        let answer: Value = serde_json::from_str(&adapt::encode_answer(&converted))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let articles = answer["Ok"]["articles"]
            .as_array()
            .unwrap_or_else(|| panic!("{name}: {answer}"));
        assert!(articles.len() >= 2, "{name}");
        for (i, converted) in articles.iter().enumerate() {
            let what = format!("{name} article {i}");
            let json = converted["json"].as_str().expect("contract JSON text");
            assert_schema_accepts(
                &article_schema,
                &serde_json::from_str(json).expect("JSON"),
                &what,
            );
            Article::from_json(json)
                .unwrap_or_else(|e| panic!("{what}: the parser rejects it: {e}"));
        }
    }
}
