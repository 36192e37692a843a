//! The JSON contract, natively: parsing, validation, normalisation, formatting.
#![cfg(not(target_arch = "wasm32"))]

use signal_model::{
    AppPaths, Article, Block, ExternalUrl, FeedPage, PublishedAt,
    feed::{merge_pages, with_pillar},
    seo::PageMeta,
    text,
};

const REFERENCE: &str =
    include_str!("../../../public/data/articles/rare-liver-cancer-immunotherapy-amd3100.json");
const EVERY_BLOCK: &str =
    include_str!("../../../public/data/articles/sample-every-block-type.json");

fn minimal() -> serde_json::Value {
    serde_json::json!({ "slug": "s", "headline": "H", "published_at": "2026-07-02" })
}

fn parse(value: &serde_json::Value) -> Result<Article, String> {
    Article::from_json(&value.to_string()).map_err(|e| e.to_string())
}

fn with(field: &str, value: serde_json::Value) -> serde_json::Value {
    let mut doc = minimal();
    doc[field] = value;
    doc
}

#[test]
fn reference_article_parses_with_every_element() {
    let a = Article::from_json(REFERENCE).expect("reference article is valid");
    assert_eq!(a.slug, "rare-liver-cancer-immunotherapy-amd3100");
    assert!(a.headline.starts_with("Scientists Cracked the Code"));
    assert_eq!(a.kicker.as_deref(), Some("Signal of Hope"));
    assert_eq!(
        a.published_at.expect("dated").long_date(),
        "Thursday, July 2, 2026"
    );
    assert_eq!(a.published_at.expect("dated").machine(), "2026-07-02");
    assert_eq!(
        a.publisher.as_ref().map(|p| p.name.as_str()),
        Some("DrakX Intelligence")
    );
    assert_eq!(a.status_label.as_deref(), Some("Analyzed & Published"));
    assert!(a.summary.as_deref().is_some_and(|s| s.contains("AMD3100")));
    let names: Vec<&str> = a.pillars.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["Tech Stocks & Semiconductors", "Energy & Infrastructure"]
    );
    assert_eq!(a.body.len(), 4);
    assert!(a.body.iter().all(|b| matches!(b, Block::Paragraph(_))));
    assert_eq!(a.sources[0].name, "Science Daily");
    assert_eq!(
        a.sources[0].url.as_ref().map(ExternalUrl::as_str),
        Some("https://www.sciencedaily.com/")
    );
}

#[test]
fn every_sample_document_parses() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data");
    let mut seen = 0;
    for entry in std::fs::read_dir(format!("{dir}/articles")).expect("articles dir") {
        let path = entry.expect("entry").path();
        let json = std::fs::read_to_string(&path).expect("read");
        let article =
            Article::from_json(&json).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        assert_eq!(article.slug, stem, "file name is the slug");
        seen += 1;
    }
    assert!(seen >= 5, "the reference article and the layout samples");
    for page in ["articles.json", "pages/2.json"] {
        let json = std::fs::read_to_string(format!("{dir}/{page}")).expect("read");
        FeedPage::from_json(&json).unwrap_or_else(|e| panic!("{page}: {e}"));
    }
}

#[test]
fn block_types_in_order_and_unknown_types_skipped() {
    let a = Article::from_json(EVERY_BLOCK).expect("valid");
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
    assert_eq!(
        kinds,
        ["p", "h", "p", "q", "h", "l", "q", "p"],
        "the `chart` block is skipped"
    );
    assert!(
        matches!(&a.body[3], Block::Quote { cite: Some(c), .. } if c.contains("packaging engineer"))
    );
    assert!(matches!(&a.body[6], Block::Quote { cite: None, .. }));
}

#[test]
fn minimal_document_leaves_every_optional_element_out() {
    let a = parse(&minimal()).expect("valid");
    assert_eq!(a.kicker, None);
    assert_eq!(a.publisher, None);
    assert_eq!(a.status_label, None);
    assert_eq!(a.summary, None);
    assert!(
        a.summary_boxes.is_empty()
            && a.pillars.is_empty()
            && a.body.is_empty()
            && a.sources.is_empty()
    );
}

#[test]
fn null_and_blank_optional_fields_count_as_missing() {
    for field in [
        "kicker",
        "publisher",
        "status_label",
        "summary",
        "summary_boxes",
        "pillars",
        "body",
        "sources",
    ] {
        let a =
            parse(&with(field, serde_json::Value::Null)).unwrap_or_else(|e| panic!("{field}: {e}"));
        assert_eq!(a, parse(&minimal()).expect("valid"), "{field}: null");
    }
    let a = parse(&with("kicker", "   ".into())).expect("valid");
    assert_eq!(a.kicker, None);
    let a = parse(&with("summary", " padded \n".into())).expect("valid");
    assert_eq!(a.summary.as_deref(), Some("padded"));
}

#[test]
fn each_required_field_missing_is_reported_by_name() {
    for field in ["slug", "headline", "published_at"] {
        let mut doc = minimal();
        doc.as_object_mut().expect("object").remove(field);
        let err = parse(&doc).expect_err(field);
        assert_eq!(err, format!("{field}: required, but missing"));
    }
    let err = parse(&with("headline", "  ".into())).expect_err("blank headline");
    assert!(err.starts_with("headline: must not be empty"), "{err}");
}

#[test]
fn wrong_types_are_reported_with_their_path() {
    let cases = [
        (
            with("headline", 5.into()),
            "headline: expected a string, found the number 5",
        ),
        (
            with("pillars", "energy".into()),
            "pillars: expected a list, found the string \"energy\"",
        ),
        (
            with("pillars", serde_json::json!([{ "slug": "x" }])),
            "pillars[0].name: required, but missing",
        ),
        (
            with("body", serde_json::json!(["ok", 7])),
            "body[1]: expected a string (a paragraph) or a block object with a `type`, found the number 7",
        ),
        (
            with("body", serde_json::json!([{ "type": "quote" }])),
            "body[0].text: required, but missing",
        ),
        (
            with(
                "body",
                serde_json::json!([{ "type": "list", "items": "a" }]),
            ),
            "body[0].items: expected a list, found the string \"a\"",
        ),
        (
            with("body", serde_json::json!([{ "text": "no type" }])),
            "body[0].type: required, but missing",
        ),
        (
            with("summary_boxes", serde_json::json!([{ "points": [1] }])),
            "summary_boxes[0].points[0]: expected a string, found the number 1",
        ),
        (
            with("sources", serde_json::json!([{ "url": "https://x.org" }])),
            "sources[0].name: required, but missing",
        ),
        (
            with("publisher", "DrakX".into()),
            "publisher: expected an object, found the string \"DrakX\"",
        ),
        (
            with("published_at", "July 2".into()),
            "published_at: expected a date (YYYY-MM-DD) or an RFC 3339 date-time, found `July 2`",
        ),
        (
            with("published_at", "2026-02-30".into()),
            "published_at: expected a date",
        ),
    ];
    for (doc, expected) in cases {
        let err = parse(&doc).expect_err(expected);
        assert!(
            err.starts_with(expected),
            "expected `{expected}`, got `{err}`"
        );
    }
    let err = Article::from_json("{ not json").expect_err("syntax");
    assert!(err.to_string().contains("key must be a string"), "{err}");
    let err = Article::from_json("[]").expect_err("not an object");
    assert!(
        err.to_string() == "expected a JSON object, found an array",
        "{err}"
    );
}

#[test]
fn unknown_fields_are_ignored() {
    let mut doc = minimal();
    doc["future_field"] = serde_json::json!({ "nested": [1, 2] });
    doc["pillars"] = serde_json::json!([{ "slug": "a", "name": "A", "color": "#fff" }]);
    doc["body"] = serde_json::json!([{ "type": "heading", "text": "H", "level": 3 }]);
    let a = parse(&doc).expect("valid");
    assert_eq!(a.pillars.len(), 1);
    assert_eq!(a.body, [Block::Heading("H".into())]);
}

#[test]
fn empty_elements_are_dropped_and_pillars_deduplicated() {
    let mut doc = minimal();
    doc["body"] = serde_json::json!(["", { "type": "paragraph", "text": " " }, { "type": "list", "items": ["", " "] }, "kept"]);
    doc["summary_boxes"] = serde_json::json!([{ "title": "Only a title" }, { "points": ["p"] }]);
    doc["pillars"] =
        serde_json::json!([{ "slug": "a", "name": "A" }, { "slug": "a", "name": "Again" }]);
    let a = parse(&doc).expect("valid");
    assert_eq!(a.body, [Block::Paragraph("kept".into())]);
    assert_eq!(a.summary_boxes.len(), 1);
    assert_eq!(a.summary_boxes[0].points, ["p"]);
    assert_eq!(a.pillars.len(), 1);
    assert_eq!(a.pillars[0].name, "A");
}

#[test]
fn calendar_dates_read_the_same_everywhere() {
    let d = PublishedAt::parse("2026-07-02").expect("date");
    assert_eq!(d.long_date(), "Thursday, July 2, 2026");
    assert_eq!(d.short_date(), "Jul 2, 2026");
    assert_eq!(d.machine(), "2026-07-02");
}

#[test]
fn date_times_show_the_date_of_their_own_offset() {
    let cases = [
        // Late evening in Honolulu is already July 3 in UTC: still July 2.
        (
            "2026-07-02T23:30:00-10:00",
            "Thursday, July 2, 2026",
            "2026-07-02T23:30:00-10:00",
        ),
        // Just after midnight in Kiribati is still July 1 in UTC: already July 2.
        (
            "2026-07-02T00:15:00+14:00",
            "Thursday, July 2, 2026",
            "2026-07-02T00:15:00+14:00",
        ),
        (
            "2026-07-02T12:00:00Z",
            "Thursday, July 2, 2026",
            "2026-07-02T12:00:00Z",
        ),
        (
            "2026-06-30T23:45:00.250-07:00",
            "Tuesday, June 30, 2026",
            "2026-06-30T23:45:00.25-07:00",
        ),
        (
            "2024-02-29t08:00:00+05:30",
            "Thursday, February 29, 2024",
            "2024-02-29T08:00:00+05:30",
        ),
    ];
    for (input, long, machine) in cases {
        let d = PublishedAt::parse(input).unwrap_or_else(|| panic!("{input}"));
        assert_eq!(d.long_date(), long, "{input}");
        assert_eq!(d.machine(), machine, "{input}");
    }
    for bad in [
        "2026-07-02 12:00",
        "2026-13-01",
        "2026-07-02T25:00:00Z",
        "02/07/2026",
        "",
        "2026-07-02T12:00:00",
    ] {
        assert_eq!(PublishedAt::parse(bad), None, "{bad}");
    }
}

#[test]
fn pluralisation() {
    // The page shows the mark before the label: "⬡ 2 pillars detected" (tests/components.rs).
    assert_eq!(text::pillars_detected_label(0), None);
    assert_eq!(
        text::pillars_detected_label(1).as_deref(),
        Some("1 pillar detected")
    );
    assert_eq!(
        text::pillars_detected_label(2).as_deref(),
        Some("2 pillars detected")
    );
    assert_eq!(text::articles_found(0), "0 articles found");
    assert_eq!(text::articles_found(1), "1 article found");
    assert_eq!(text::articles_found(12), "12 articles found");
}

#[test]
fn only_absolute_http_and_https_urls_become_links() {
    for ok in [
        "https://www.sciencedaily.com/",
        "http://example.org/a?b#c",
        "HTTPS://EXAMPLE.ORG",
        "  https://example.org/",
    ] {
        assert!(ExternalUrl::parse(ok).is_some(), "{ok}");
    }
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "java\tscript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "file:///etc/passwd",
        "mailto:a@b.c",
        "//example.org/protocol-relative",
        "/relative/path",
        "www.example.org",
        "",
    ] {
        assert_eq!(ExternalUrl::parse(bad), None, "{bad:?}");
    }
    let doc = with(
        "sources",
        serde_json::json!([{ "name": "Evil", "url": "javascript:alert(1)" }]),
    );
    let a = parse(&doc).expect("a bad URL is not a contract error");
    assert_eq!(a.sources[0].url, None);
    assert_eq!(a.sources[0].name, "Evil");
}

#[test]
fn app_paths_encode_slugs_and_keep_the_deployment_base() {
    let root = AppPaths::new("/");
    assert_eq!(root.home(), "/");
    assert_eq!(root.article("a-b"), "/articles/a-b");
    assert_eq!(
        root.pillar("energy-infrastructure"),
        "/pillars/energy-infrastructure"
    );
    assert_eq!(root.article("a b/c?d#e%"), "/articles/a%20b%2Fc%3Fd%23e%25");
    let sub = AppPaths::new("/reader/");
    assert_eq!(sub.home(), "/reader/");
    assert_eq!(sub.article("x"), "/reader/articles/x");
    assert_eq!(AppPaths::new("reader").pillar("p"), "/reader/pillars/p");
}

#[test]
fn excerpts_cut_at_a_word_boundary() {
    assert_eq!(text::excerpt("short text", 20), "short text");
    assert_eq!(text::excerpt("one two three four", 12), "one two…");
    assert_eq!(text::excerpt("alpha, beta gamma", 9), "alpha…");
    let cut = text::excerpt(&"word ".repeat(100), 50);
    assert!(cut.chars().count() <= 50 && cut.ends_with('…'), "{cut}");
    assert_eq!(text::excerpt("Übergrößenträger", 6), "Überg…");
}

#[test]
fn reading_time_counts_what_a_reader_reads() {
    let reference = Article::from_json(REFERENCE).expect("valid");
    assert_eq!(
        text::reading_time(&reference, &signal_model::locale::EnglishOnly).as_deref(),
        Some("2 min read")
    );
    assert_eq!(text::reading_minutes(&parse(&minimal()).expect("valid")), 1);
    let long = with("body", serde_json::json!(["word ".repeat(1000)]));
    assert_eq!(text::reading_minutes(&parse(&long).expect("valid")), 5);
}

#[test]
fn list_separators_read_naturally() {
    let join = |items: &[&str]| -> String {
        items
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{}{s}", text::list_separator(i, items.len())))
            .collect()
    };
    assert_eq!(join(&["A"]), "A");
    assert_eq!(join(&["A", "B"]), "A and B");
    assert_eq!(join(&["A", "B", "C"]), "A, B and C");
}

#[test]
fn feed_pages_merge_newest_first_without_duplicates() {
    let page1 =
        FeedPage::from_json(include_str!("../../../public/data/articles.json")).expect("valid");
    let page2 =
        FeedPage::from_json(include_str!("../../../public/data/pages/2.json")).expect("valid");
    assert_eq!(page1.next.as_deref(), Some("pages/2.json"));
    assert_eq!(page2.next, None);
    let cards = merge_pages([&page2, &page1, &page1]);
    assert_eq!(cards.len(), 5);
    assert!(
        cards
            .windows(2)
            .all(|w| w[0].published_at.expect("dated").sort_key()
                >= w[1].published_at.expect("dated").sort_key())
    );
    assert_eq!(cards[0].slug, "rare-liver-cancer-immunotherapy-amd3100");
    let (name, energy) = with_pillar(&cards, "energy-infrastructure");
    assert_eq!(name, Some("Energy & Infrastructure"));
    assert_eq!(energy.len(), 3);
    assert_eq!(with_pillar(&cards, "nope"), (None, vec![]));
    let err = FeedPage::from_json(r#"{ "next": null }"#).expect_err("articles is required");
    assert!(
        err.to_string() == "articles: required, but missing",
        "{err}"
    );
    let err = FeedPage::from_json(r#"{ "articles": [{ "slug": "a" }] }"#).expect_err("card");
    assert!(
        err.to_string() == "articles[0].headline: required, but missing",
        "{err}"
    );
}

#[test]
fn article_metadata_and_json_ld() {
    let a = Article::from_json(REFERENCE).expect("valid");
    let meta = PageMeta::article(&a, "https://example.org/articles/x".into());
    assert_eq!(meta.title, a.headline);
    assert_eq!(meta.og_type, "article");
    assert!(
        meta.description.chars().count() <= 160
            && meta.description.starts_with("Researchers discovered")
    );
    assert_eq!(meta.published_time.as_deref(), Some("2026-07-02"));
    assert_eq!(meta.section.as_deref(), Some("Signal of Hope"));
    assert_eq!(
        meta.tags,
        ["Tech Stocks & Semiconductors", "Energy & Infrastructure"]
    );
    let ld: serde_json::Value =
        serde_json::from_str(meta.json_ld.as_deref().expect("json-ld")).expect("valid JSON");
    assert_eq!(ld["@type"], "AnalysisNewsArticle");
    assert_eq!(ld["headline"], a.headline.as_str());
    assert_eq!(ld["datePublished"], "2026-07-02");
    assert_eq!(ld["publisher"]["name"], "DrakX Intelligence");
    assert_eq!(ld["articleSection"], "Signal of Hope");
    assert_eq!(ld["about"][1]["name"], "Energy & Infrastructure");
    assert_eq!(ld["keywords"][0], "Tech Stocks & Semiconductors");
    assert_eq!(ld["abstract"], a.summary.as_deref().expect("summary"));
    assert_eq!(ld["isBasedOn"][0]["url"], "https://www.sciencedaily.com/");
    assert_eq!(ld["citation"][0]["name"], "Science Daily");

    let hostile = with("headline", "</script><script>alert(1)</script>".into());
    let meta = PageMeta::article(&parse(&hostile).expect("valid"), "https://e.org/".into());
    let ld = meta.json_ld.expect("json-ld");
    assert!(!ld.contains('<') && !ld.contains('>'), "{ld}");
    let back: serde_json::Value = serde_json::from_str(&ld).expect("still JSON");
    assert_eq!(back["headline"], "</script><script>alert(1)</script>");
}

#[test]
fn route_metadata() {
    let feed = PageMeta::feed("https://e.org/".into());
    assert_eq!(feed.title, "Signal of Hope");
    assert_eq!(feed.og_type, "website");
    assert_eq!(feed.json_ld, None);
    let pillar = PageMeta::pillar(
        Some("Energy & Infrastructure"),
        3,
        "https://e.org/pillars/e".into(),
    );
    assert_eq!(pillar.title, "Energy & Infrastructure · Signal of Hope");
    assert!(
        pillar.description.contains("3 articles found"),
        "{}",
        pillar.description
    );
    assert_eq!(
        PageMeta::not_found("https://e.org/x".into()).title,
        "Page not found · Signal of Hope"
    );
}

#[test]
fn paths_map_back_to_routes() {
    use signal_model::Route;
    let root = AppPaths::new("/");
    assert_eq!(root.route_of("/"), Route::Feed);
    assert_eq!(
        root.route_of("/articles/a%20b"),
        Route::Article("a b".into())
    );
    assert_eq!(
        root.route_of(&root.pillar("energy")),
        Route::Pillar("energy".into())
    );
    assert_eq!(root.route_of("/nope/x"), Route::Other);
    let sub = AppPaths::new("/reader/");
    assert_eq!(sub.route_of("/reader/"), Route::Feed);
    assert_eq!(sub.route_of("/reader"), Route::Feed);
    assert_eq!(sub.route_of("/reader/pillars/p"), Route::Pillar("p".into()));
    assert_eq!(sub.route_of("/articles/x"), Route::Other);
}

#[test]
fn strict_document_shape() {
    let err = Article::from_json(&format!("{} x", minimal())).expect_err("trailing characters");
    assert!(err.to_string().contains("trailing characters"), "{err}");
    for block in [
        serde_json::json!({ "type": "quote", "text": null }),
        serde_json::json!({ "type": "list", "items": null }),
        serde_json::json!({ "type": "paragraph", "text": null }),
    ] {
        let err = parse(&with("body", serde_json::json!([block]))).expect_err("null block field");
        assert!(
            err.starts_with("body[0].") && err.ends_with("found null"),
            "{err}"
        );
    }
    let err = FeedPage::from_json(r#"{ "articles": null }"#).expect_err("articles is a list");
    assert!(
        err.to_string() == "articles: expected a list, found null",
        "{err}"
    );
    for bad in [
        " 2026-07-02",
        "+2026-07-02",
        "2026-07-02 09:30:00Z",
        "2026-06-30T23:59:60Z",
    ] {
        assert_eq!(PublishedAt::parse(bad), None, "{bad:?}");
    }
}

/// The hand-written link check never accepts what the `url` crate (a full WHATWG parser)
/// would not read as an http(s) URL, and agrees with it on ordinary and tricky inputs.
#[test]
fn link_check_agrees_with_a_whatwg_parser() {
    let crate_says = |raw: &str| {
        url::Url::parse(raw)
            .ok()
            .is_some_and(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
    };
    let agree = [
        "https://www.sciencedaily.com/",
        "http://example.org:8080/a?b=c#d",
        "https://user:pass@example.org/",
        "https://[2001:db8::1]:443/x",
        "https://例え.jp/パス",
        "HTTPS://EXAMPLE.ORG",
        "https:example.org",
        "https:\\\\example.org\\path",
        "https:///example.org",
        " \u{1}https://example.org/\u{0} ",
        "ht\ttp\ns://example.org",
        "https://",
        "https://:443/",
        "https://user@/",
        "https://exa mple.org/",
        "https://example.org:99999/",
        "https://example.org:port/",
        "https://[not-v6]/",
        "javascript:alert(1)",
        "java\tscript:alert(1)",
        "\u{0}javascript:alert(1)",
        "jAvAsCrIpT:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "file:///etc/passwd",
        "ftp://example.org/",
        "mailto:a@b.c",
        "//example.org/protocol-relative",
        "/relative",
        "relative/path",
        "",
        ":",
        "http",
    ];
    for raw in agree {
        assert_eq!(
            ExternalUrl::parse(raw).is_some(),
            crate_says(raw),
            "{raw:?}"
        );
    }
    // Stricter than the crate (shown as text, which is safe): percent-encoded hosts.
    let stricter = ["https://exa%6Dple.org/"];
    for raw in stricter {
        assert!(
            crate_says(raw) && ExternalUrl::parse(raw).is_none(),
            "{raw:?}"
        );
    }
}

#[test]
fn embed_routes_and_snippets() {
    use signal_model::{
        Route,
        embed::{EmbedKind, EmbedTheme, snippet},
    };
    let sub = AppPaths::new("/reader/");
    assert_eq!(
        sub.route_of("/reader/embed/articles/a%20b"),
        Route::EmbedArticle("a b".into())
    );
    assert_eq!(
        sub.route_of("/reader/embed/cards/x"),
        Route::EmbedCard("x".into())
    );
    assert_eq!(sub.route_of("/reader/embed/other/x"), Route::Other);
    assert_eq!(sub.embed_loader(), "/reader/embed/v1/loader.js");
    // In a partner's page, links must name the reader's site.
    let abs = AppPaths::absolute("https://r.example/reader/");
    assert_eq!(abs.article("x"), "https://r.example/reader/articles/x");
    assert_eq!(abs.pillar("p q"), "https://r.example/reader/pillars/p%20q");
    assert_eq!(abs.home(), "https://r.example/reader/");

    assert_eq!(
        EmbedTheme::from_query("?theme=dark&embedId=2"),
        EmbedTheme::Dark
    );
    assert_eq!(
        EmbedTheme::from_query("embedId=2&theme=light"),
        EmbedTheme::Light
    );
    assert_eq!(EmbedTheme::from_query("?theme=neon"), EmbedTheme::Auto);
    assert_eq!(EmbedTheme::Auto.attribute(), None);

    let code = snippet(
        EmbedKind::Card,
        "a\"b",
        "Fish & <Chips>",
        "https://r.example/articles/a%22b",
        "https://r.example/embed/v1/loader.js",
    );
    assert_eq!(
        code,
        "<blockquote class=\"signal-embed\" data-slug=\"a&quot;b\" data-kind=\"card\" data-theme=\"auto\">\n  \
         <a href=\"https://r.example/articles/a%22b\">Fish &amp; &lt;Chips&gt;</a>\n</blockquote>\n\
         <script src=\"https://r.example/embed/v1/loader.js\" async></script>"
    );
}

/// Found by the fuzzer (`scripts/fuzz`, target `adapters`): a scheme in mixed case is still
/// a link, kept as written (the browser lower-cases it), never a way past the check.
#[test]
fn link_schemes_match_in_any_case() {
    use signal_model::ExternalUrl;
    assert_eq!(
        ExternalUrl::parse("hTtps://www.sciencedaily.com/").map(|u| u.as_str().to_owned()),
        Some("hTtps://www.sciencedaily.com/".to_owned())
    );
    assert!(ExternalUrl::parse_link("MAILTO:desk@example.org").is_some());
    assert!(ExternalUrl::parse_link("JavaScript:alert(1)").is_none());
}
