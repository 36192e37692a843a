//! Whole runs of the prerenderer against a backend on 127.0.0.1: the pages it writes, a
//! second run, changes in the backend, and faults.

mod common;

use common::{Backend, Doc, Site, args};
use scraper::{Html, Selector};
use signal_prerender::run::run;

const REFERENCE: &str = "rare-liver-cancer-immunotherapy-amd3100";

fn select<'a>(page: &'a Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    page.select(&Selector::parse(selector).unwrap()).collect()
}

fn text(element: &scraper::ElementRef) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn reference() -> serde_json::Value {
    let path = common::repo().join(format!("public/data/articles/{REFERENCE}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_seed_article_is_laid_out_like_the_reference_page() {
    let backend = Backend::start().with_sample_data();
    let site = Site::new("seed");
    let report = run(&args(&backend.api(), &site)).expect("a run");
    assert!(report.failed.is_empty(), "{report}");
    let html = site.read(&format!("articles/{REFERENCE}/index.html"));
    let page = Html::parse_document(&html);
    let doc = reference();
    let one = |selector: &str| {
        let found = select(&page, selector);
        assert_eq!(found.len(), 1, "one {selector}");
        text(&found[0])
    };
    assert_eq!(one("article .kicker"), "Signal of Hope");
    assert_eq!(one("h1"), doc["headline"].as_str().unwrap());
    assert_eq!(one(".dateline time"), "Thursday, July 2, 2026");
    assert_eq!(
        select(&page, ".dateline time")[0].attr("datetime"),
        Some("2026-07-02")
    );
    assert_eq!(
        one(".publisher-line"),
        "DrakX Intelligence · Analyzed & Published Thursday, July 2, 2026"
    );
    assert_eq!(one(".summary-box"), doc["summary"].as_str().unwrap());
    assert_eq!(one(".pillars h2"), "⬡ 2 pillars detected");
    let badges: Vec<_> = select(&page, ".pillars ul > li > a")
        .iter()
        .map(|a| (text(a), a.attr("href").unwrap().to_owned()))
        .collect();
    assert_eq!(
        badges,
        [
            (
                "Tech Stocks & Semiconductors".to_owned(),
                "/pillars/tech-stocks-semiconductors".to_owned()
            ),
            (
                "Energy & Infrastructure".to_owned(),
                "/pillars/energy-infrastructure".to_owned()
            ),
        ]
    );
    let body: Vec<_> = select(&page, ".article-body > p")
        .iter()
        .map(text)
        .collect();
    let expected: Vec<_> = doc["body"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p.as_str()
                .unwrap()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert_eq!(body, expected);
    assert_eq!(one(".sources"), "reported via Science Daily");
    assert_eq!(
        select(&page, ".sources a")[0].attr("href"),
        Some("https://www.sciencedaily.com/")
    );

    // The head a link preview reads.
    let canonical = format!("https://reader.example/articles/{REFERENCE}");
    assert_eq!(one("title"), doc["headline"].as_str().unwrap());
    let meta = |key: &str| {
        select(
            &page,
            &format!(r#"meta[property="{key}"], meta[name="{key}"]"#),
        )
        .iter()
        .map(|m| m.attr("content").unwrap().to_owned())
        .collect::<Vec<_>>()
    };
    assert_eq!(meta("og:url"), std::slice::from_ref(&canonical));
    assert_eq!(meta("og:type"), ["article"]);
    assert_eq!(meta("article:published_time"), ["2026-07-02"]);
    assert_eq!(meta("twitter:card"), ["summary"]);
    assert_eq!(
        select(&page, r#"link[rel="canonical"]"#)[0].attr("href"),
        Some(canonical.as_str())
    );

    // The document the app reads first, carried whole.
    let carried = select(&page, "script#signal-document");
    let data: serde_json::Value =
        serde_json::from_str(&carried[0].text().collect::<String>()).unwrap();
    let served = std::fs::read_to_string(
        common::repo().join(format!("public/data/articles/{REFERENCE}.json")),
    )
    .unwrap();
    assert_eq!(data["body"].as_str().unwrap(), served);
    assert_eq!(data["status"], 200);
    assert_eq!(
        data["url"].as_str().unwrap(),
        format!("{}articles/{REFERENCE}.json", backend.api())
    );
    assert_eq!(
        select(&page, r#"meta[name="signal:prerendered"]"#)[0].attr("data-document"),
        data["url"].as_str()
    );
}

#[test]
fn a_second_run_rewrites_only_what_changed_and_removes_what_is_gone() {
    let backend = Backend::start().with_sample_data();
    let site = Site::new("incremental");
    let first = run(&args(&backend.api(), &site)).unwrap();
    // Five articles, each with its page, oEmbed document and card frame; the feed and three
    // pillars; the two feeds, the sitemap and robots.txt.
    let pages = first.new.len() + first.changed.len();
    assert_eq!(pages, 5 * 3 + 4 + 4, "{first}");

    let second = run(&args(&backend.api(), &site)).unwrap();
    assert_eq!(
        (second.new.len(), second.changed.len(), second.unchanged),
        (0, 0, pages),
        "{second}"
    );

    // One article's body changes: its page alone.
    let path = format!("/api/articles/{REFERENCE}.json");
    let mut doc = reference();
    doc["body"][0] = "A new first paragraph.".into();
    backend.serve(&path, Doc::json(doc.to_string()));
    let third = run(&args(&backend.api(), &site)).unwrap();
    let mut changed = third.changed.clone();
    changed.sort();
    // Its page, and the feeds that carry its body; not its card's oEmbed document.
    assert_eq!(
        changed,
        [
            format!("articles/{REFERENCE}/index.html"),
            "feed.json".to_owned(),
            "feed.xml".to_owned()
        ],
        "{third}"
    );
    assert!(third.new.is_empty());
    assert!(
        site.read(&format!("articles/{REFERENCE}/index.html"))
            .contains("A new first paragraph.")
    );

    // An article leaves the index (its second page): its page goes, and the lists that
    // showed it change.
    let mut page: serde_json::Value = serde_json::from_slice(
        &std::fs::read(common::repo().join("public/data/pages/2.json")).unwrap(),
    )
    .unwrap();
    let cards = page["articles"].as_array_mut().unwrap();
    let gone = cards
        .iter()
        .position(|c| c["slug"] == "sample-no-pillars")
        .unwrap();
    cards.remove(gone);
    backend.serve("/api/pages/2.json", Doc::json(page.to_string()));
    let fourth = run(&args(&backend.api(), &site)).unwrap();
    assert_eq!(
        fourth.removed,
        [
            "articles/sample-no-pillars/index.html",
            "embed/cards/sample-no-pillars/index.html",
            "oembed/articles/sample-no-pillars.json",
        ],
        "{fourth}"
    );
    let mut changed = fourth.changed.clone();
    changed.sort();
    assert!(
        ["feed.json", "feed.xml", "sitemap.xml"]
            .iter()
            .all(|file| changed.iter().any(|c| c == file)),
        "{fourth}"
    );
    assert!(!site.read("sitemap.xml").contains("sample-no-pillars"));
    assert!(
        fourth.new.is_empty() && fourth.failed.is_empty(),
        "{fourth}"
    );
    assert!(!site.0.join("articles/sample-no-pillars").exists());
    assert!(site.leftovers().is_empty());
}

#[test]
fn faults_give_clear_messages_and_leave_nothing_half_written() {
    // The index fails: the run stops, and says where.
    let backend = Backend::start().with_sample_data();
    backend.serve("/api/articles.json", Doc::status(503));
    let site = Site::new("faults");
    let err = run(&args(&backend.api(), &site)).unwrap_err();
    assert_eq!(
        err,
        format!(
            "the index could not be read: {}articles.json: the server answered 503",
            backend.api()
        )
    );

    // An unreachable backend.
    let err = run(&args("http://127.0.0.1:9/api/", &site)).unwrap_err();
    assert!(
        err.starts_with("the index could not be read: http://127.0.0.1:9/api/articles.json: "),
        "{err}"
    );

    // A bad article document: that article is named, the others are written.
    let backend = Backend::start().with_sample_data();
    backend.serve(
        "/api/articles/sample-no-pillars.json",
        Doc::json(r#"{"version": 1, "slug": "sample-no-pillars", "headline": 7}"#),
    );
    let report = run(&args(&backend.api(), &site)).unwrap();
    assert_eq!(report.failed.len(), 1, "{report}");
    assert!(
        report.failed[0].contains("sample-no-pillars.json")
            && report.failed[0].contains("headline"),
        "{}",
        report.failed[0]
    );
    assert!(
        site.0
            .join(format!("articles/{REFERENCE}/index.html"))
            .exists()
    );
    assert!(!site.0.join("articles/sample-no-pillars").exists());

    // A folder that cannot be written to: here, `articles` is a file.
    let blocked = Site::new("blocked");
    std::fs::write(blocked.0.join("articles"), b"").unwrap();
    let report = run(&args(&backend.api(), &blocked)).unwrap();
    assert!(
        report
            .failed
            .iter()
            .any(|f| f.starts_with("articles/") && f.contains("ot a directory")),
        "{report}"
    );
    assert!(blocked.leftovers().is_empty());

    // Not a built site.
    let empty = Site::new("empty");
    std::fs::remove_file(empty.0.join("404.html")).unwrap();
    let err = run(&args(&backend.api(), &empty)).unwrap_err();
    assert!(
        err.contains("is ") && err.contains("a `scripts/build` output?"),
        "{err}"
    );
    assert!(site.leftovers().is_empty());
}
