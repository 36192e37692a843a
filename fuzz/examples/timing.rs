//! How long the reader's parsing and normalisation take on runaway documents, natively, built
//! like the app's wasm (opt-level "z", LTO): the figures behind `crates/model/src/limits.rs`. The
//! browser runs the same code as wasm, typically 1.5 to 3 times slower.
//!
//! ```sh
//! cargo run --manifest-path fuzz/Cargo.toml --profile timing --example timing
//! ```
//!
//! It prints figures; it asserts nothing (see DEVELOPERS.md on benchmarks).

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use signal_of_hope_fuzz::adapt::{NATIVE, read_article, read_index};

const MB: usize = 1024 * 1024;

fn article(body: Vec<Value>) -> String {
    json!({
        "slug": "runaway", "headline": "A runaway document", "published_at": "2026-07-02",
        "summary": "What happens past the limits.",
        "pillars": [{ "slug": "energy", "name": "Energy" }],
        "body": body,
    })
    .to_string()
}

/// Body entries of every kind, cycling, each about 200 bytes.
fn blocks(n: usize) -> Vec<Value> {
    let words = "The grid-scale sodium battery stores energy for hours at a fraction of the cost \
                 of lithium, and its materials are abundant on every continent today. ";
    (0..n)
        .map(|i| match i % 5 {
            0 => Value::String(format!("{i}. {words}")),
            1 => json!({ "type": "heading", "text": format!("Section {i}") }),
            2 => json!({ "type": "paragraph", "text": ["Read ", { "text": "the study", "url": "https://example.org/s" }, format!(" {words}")] }),
            3 => json!({ "type": "quote", "text": words, "cite": "An engineer" }),
            _ => json!({ "type": "list", "items": [words, words] }),
        })
        .collect()
}

fn time(label: &str, json: &str, run: impl Fn(&str) -> String) {
    let mut runs: Vec<(Duration, String)> = (0..5)
        .map(|_| {
            let start = Instant::now();
            let what = run(json);
            (start.elapsed(), what)
        })
        .collect();
    runs.sort_by_key(|(elapsed, _)| *elapsed);
    let (median, what) = &runs[runs.len() / 2];
    println!(
        "{label:<48} {:>6.1} MB  {:>7.1} ms  {what}",
        json.len() as f64 / MB as f64,
        median.as_secs_f64() * 1000.0
    );
}

fn as_article(json: &str) -> String {
    match read_article(json, None, "runaway", NATIVE) {
        Ok(article) => format!(
            "{} blocks; {}",
            article.body.len(),
            article
                .cut
                .iter()
                .map(|c| c.message())
                .collect::<Vec<_>>()
                .join(" ")
        ),
        Err(err) => format!("error: {err}"),
    }
}

fn as_index(json: &str) -> String {
    match read_index(json, None, NATIVE) {
        Ok(page) => format!(
            "{} cards; {}",
            page.articles.len(),
            page.cut
                .iter()
                .map(|c| c.message())
                .collect::<Vec<_>>()
                .join(" ")
        ),
        Err(err) => format!("error: {err}"),
    }
}

fn main() {
    println!("{:<48} {:>9}  {:>10}  result", "document", "size", "median");
    let ordinary = article(blocks(40));
    time("an ordinary article, 40 blocks", &ordinary, as_article);
    time("50,000 body blocks", &article(blocks(50_000)), as_article);

    // 20 MB, four ways.
    let many = article(blocks(20 * MB / 190));
    time("20 MB: about 105,000 body blocks", &many, as_article);
    let word = "sodium ".repeat(20 * MB / 7);
    time(
        "20 MB: one paragraph",
        &article(vec![Value::String(word.clone())]),
        as_article,
    );
    let unbroken = "x".repeat(20 * MB);
    let headline = json!({ "slug": "runaway", "headline": unbroken, "published_at": "2026-07-02" });
    time(
        "20 MB: one unbroken headline",
        &headline.to_string(),
        as_article,
    );
    let list = json!({ "type": "list", "items": vec!["An item of a list"; 20 * MB / 20] });
    time(
        "20 MB: one list of 1M items",
        &article(vec![list]),
        as_article,
    );
    let pillars: Vec<Value> = (0..20 * MB / 50)
        .map(|i| json!({ "slug": format!("p{i}"), "name": format!("Pillar {i}") }))
        .collect();
    let doc = json!({ "slug": "runaway", "headline": "Pillars", "published_at": "2026-07-02", "pillars": pillars });
    time("20 MB: 400,000 pillars", &doc.to_string(), as_article);

    time(
        "20 MB: 7M blank paragraphs",
        &article(vec![Value::String(String::new()); 20 * MB / 3]),
        as_article,
    );
    let unknown = json!({ "type": "chart", "data": [1, 2, 3, 4, 5, 6, 7, 8] });
    time(
        "20 MB: 500,000 blocks of an unknown type",
        &article(vec![unknown; 20 * MB / 42]),
        as_article,
    );
    let points = json!({ "slug": "runaway", "headline": "Points", "published_at": "2026-07-02", "summary_boxes": [{ "text": "Box", "points": vec!["A point"; 20 * MB / 10] }] });
    time(
        "20 MB: one summary box of 2M points",
        &points.to_string(),
        as_article,
    );
    let card = |i: usize| json!({ "slug": format!("a{i}"), "headline": format!("Article {i}"), "published_at": "2026-07-02", "summary": "A card's summary, as long as a sentence or two usually is.", "pillars": [{ "slug": "energy", "name": "Energy" }] });
    let index = json!({ "articles": (0..20 * MB / 200).map(card).collect::<Vec<_>>() });
    time(
        "20 MB index page: 100,000 cards",
        &index.to_string(),
        as_index,
    );

    let text = "A paragraph of an article body in JSON-LD.\n\n".repeat(20 * MB / 44);
    let ld = json!({ "@context": "https://schema.org", "@type": "NewsArticle", "headline": "LD", "datePublished": "2026-07-02", "url": "https://example.org/runaway", "articleBody": text });
    time(
        "20 MB JSON-LD: articleBody of 480,000 paragraphs",
        &ld.to_string(),
        as_article,
    );
    let item = |i: usize| json!({ "id": format!("i{i}"), "title": format!("Item {i}"), "date_published": "2026-07-02T10:00:00Z", "content_text": "Some words of the item's text, as a feed would carry them." });
    let feed = json!({ "version": "https://jsonfeed.org/version/1.1", "title": "Feed", "items": (0..20 * MB / 190).map(item).collect::<Vec<_>>() });
    time(
        "20 MB JSON Feed: 110,000 items",
        &feed.to_string(),
        as_index,
    );

    let too_big = " ".repeat(33 * MB);
    time("33 MB: over the size limit", &too_big, as_article);
}
