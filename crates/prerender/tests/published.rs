//! What a run publishes beside the pages: the JSON Feed and Atom feed of every article, paged;
//! each article's oEmbed document and its discovery link; the card frames' `noindex` pages;
//! the sitemap and `robots.txt`. A backend of 120 articles on three index pages.

mod common;

use common::{Backend, Doc, Site, args};
use scraper::{Html, Selector};
use serde_json::{Value, json};
use signal_model::{
    Article,
    adapt::{NATIVE, read_index},
};
use signal_prerender::run::run;

const SITE: &str = "https://reader.example/";
const ARTICLES: usize = 120;

fn slug(i: usize) -> String {
    format!("article-{i:03}")
}

fn article(i: usize) -> Value {
    json!({
        "slug": slug(i),
        "headline": format!("Headline {i} <b>&</b> “quotes”"),
        "published_at": format!("2026-{:02}-{:02}", 12 - i / 28, 28 - i % 28),
        "kicker": "Signal of Hope",
        "summary": format!("Summary of article {i}."),
        "pillars": [{ "slug": format!("pillar-{}", i % 3), "name": format!("Pillar {}", i % 3) }],
        "body": [format!("First paragraph of {i}."), { "type": "heading", "text": "A heading" }],
        "sources": [{ "name": "A source", "url": "https://source.example/" }]
    })
}

/// The index: `pages` pages of 40 cards, linked by `next`.
fn serve(backend: &Backend, count: usize) {
    let cards: Vec<Value> = (0..count)
        .map(|i| {
            let a = article(i);
            json!({ "slug": a["slug"], "headline": a["headline"], "published_at": a["published_at"],
                    "summary": a["summary"], "pillars": a["pillars"] })
        })
        .collect();
    let pages: Vec<&[Value]> = cards.chunks(40).collect();
    for (n, chunk) in pages.iter().enumerate() {
        let mut page = json!({ "articles": chunk });
        if n + 1 < pages.len() {
            page["next"] = json!(format!("{}pages/{}.json", backend.api(), n + 2));
        }
        let path = if n == 0 {
            "/api/articles.json".to_owned()
        } else {
            format!("/api/pages/{}.json", n + 1)
        };
        backend.serve(&path, Doc::json(page.to_string()));
    }
    for i in 0..count {
        backend.serve(
            &format!("/api/articles/{}.json", slug(i)),
            Doc::json(article(i).to_string()),
        );
    }
}

fn select<'a>(page: &'a Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    page.select(&Selector::parse(selector).unwrap()).collect()
}

fn without_cut(mut article: Article) -> Article {
    article.cut.clear();
    article
}

#[test]
fn the_feeds_carry_every_article_in_pages_and_read_back_as_they_were() {
    let backend = Backend::start();
    serve(&backend, ARTICLES);
    let site = Site::new("published-feeds");
    let report = run(&args(&backend.api(), &site)).expect("a run");
    assert!(report.failed.is_empty(), "{report}");

    // JSON Feed: 50 + 50 + 20, each page naming the next, read back exactly.
    let mut read = Vec::new();
    let mut file = "feed.json".to_owned();
    let mut pages = 0;
    loop {
        pages += 1;
        let text = site.read(&file);
        let feed: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
        assert_eq!(feed["feed_url"], format!("{SITE}{file}"));
        let page =
            read_index(&text, Some(&format!("{SITE}{file}")), NATIVE).expect("our reader reads it");
        read.extend(page.full);
        match feed["next_url"].as_str() {
            Some(next) => file = next.strip_prefix(SITE).expect("absolute").to_owned(),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(read.len(), ARTICLES);
    for (i, article) in read.into_iter().enumerate() {
        let original = Article::from_json(&article_text(i)).unwrap();
        assert_eq!(without_cut(article), without_cut(original));
    }

    // Atom: the same pages, linked as RFC 5005 says.
    let atom = |n: usize| {
        let file = if n == 1 {
            "feed.xml".to_owned()
        } else {
            format!("feed/{n}.xml")
        };
        site.read(&file)
    };
    let links = |xml: &str| -> Vec<(String, String)> {
        let doc = roxmltree::Document::parse(xml).expect("well-formed");
        doc.root_element()
            .children()
            .filter(|n| n.has_tag_name("link"))
            .map(|n| {
                (
                    n.attribute("rel").unwrap().to_owned(),
                    n.attribute("href").unwrap().to_owned(),
                )
            })
            .collect()
    };
    let second = links(&atom(2));
    for (rel, href) in [
        ("self", "feed/2.xml"),
        ("first", "feed.xml"),
        ("previous", "feed.xml"),
        ("next", "feed/3.xml"),
    ] {
        assert!(
            second.contains(&(rel.to_owned(), format!("{SITE}{href}"))),
            "{rel}: {second:?}"
        );
    }
    assert!(!links(&atom(3)).iter().any(|(rel, _)| rel == "next"));
    assert_eq!(atom(3).matches("<entry>").count(), ARTICLES - 100);

    // A second run changes nothing; a shorter index removes the pages it no longer needs.
    let again = run(&args(&backend.api(), &site)).unwrap();
    assert!(again.new.is_empty() && again.changed.is_empty(), "{again}");
    let backend = Backend::start();
    serve(&backend, 90);
    let shorter = run(&args(&backend.api(), &site)).unwrap();
    assert!(
        shorter.removed.contains(&"feed/3.json".to_owned()),
        "{shorter}"
    );
    assert!(
        shorter.removed.contains(&"feed/3.xml".to_owned()),
        "{shorter}"
    );
    assert!(!site.0.join("feed/3.json").exists());
    let last: Value = serde_json::from_str(&site.read("feed/2.json")).unwrap();
    assert_eq!(last["items"].as_array().unwrap().len(), 40);
    assert!(last.get("next_url").is_none());
}

fn article_text(i: usize) -> String {
    article(i).to_string()
}

#[test]
fn articles_announce_their_oembed_document_and_frames_say_noindex() {
    let backend = Backend::start();
    serve(&backend, 3);
    let site = Site::new("published-oembed");
    let report = run(&args(&backend.api(), &site)).expect("a run");
    assert!(report.failed.is_empty(), "{report}");
    let name = slug(1);
    let page = Html::parse_document(&site.read(&format!("articles/{name}/index.html")));
    let discovery = select(
        &page,
        r#"link[rel="alternate"][type="application/json+oembed"]"#,
    );
    assert_eq!(discovery.len(), 1);
    let href = discovery[0].attr("href").unwrap();
    assert_eq!(href, format!("{SITE}oembed/articles/{name}.json"));
    assert_eq!(
        discovery[0].attr("title"),
        Some("Headline 1 <b>&</b> “quotes”")
    );
    // The discovery link goes with the page; the feeds' links stay for the whole site.
    assert_eq!(discovery[0].attr("data-prerendered"), Some(""));
    for (kind, file) in [
        ("application/feed+json", "feed.json"),
        ("application/atom+xml", "feed.xml"),
    ] {
        for path in [
            format!("articles/{name}/index.html"),
            "index.html".to_owned(),
            "pillars/pillar-0/index.html".to_owned(),
        ] {
            let page = Html::parse_document(&site.read(&path));
            let links = select(&page, &format!(r#"link[rel="alternate"][type="{kind}"]"#));
            assert_eq!(links.len(), 1, "{path}");
            assert_eq!(
                links[0].attr("href"),
                Some(format!("{SITE}{file}").as_str())
            );
            assert_eq!(links[0].attr("data-prerendered"), None);
        }
    }

    let oembed: Value =
        serde_json::from_str(&site.read(&format!("oembed/articles/{name}.json"))).unwrap();
    assert_eq!(oembed["version"], "1.0");
    assert_eq!(oembed["type"], "rich");
    assert_eq!(oembed["title"], "Headline 1 <b>&</b> “quotes”");
    assert_eq!(oembed["provider_name"], "Signal of Hope");
    assert_eq!(oembed["provider_url"], SITE);
    assert_eq!(oembed["author_name"], "DrakX Intelligence");
    assert_eq!(oembed["width"], 600);
    assert!(oembed["height"].as_u64().unwrap() <= 1000);
    assert!(oembed["cache_age"].as_u64().unwrap() > 0);
    let html = Html::parse_fragment(oembed["html"].as_str().unwrap());
    let frame = select(&html, "iframe.wp-embedded-content")[0];
    let secret = frame.attr("data-secret").unwrap();
    assert_eq!(
        frame.attr("src").unwrap(),
        format!("{SITE}embed/cards/{name}?theme=auto#?secret={secret}")
    );
    assert_eq!(
        select(&html, "blockquote.wp-embedded-content a")[0].attr("href"),
        Some(format!("{SITE}articles/{name}").as_str())
    );
    assert_eq!(
        select(&html, "script")[0].attr("src"),
        Some(format!("{SITE}embed/v1/loader.js").as_str())
    );

    // The card's frame, which the oEmbed document names; the article's frame is left to the
    // fallback (the app adds the rule there).
    assert!(!site.0.join(format!("embed/articles/{name}")).exists());
    {
        let frame = Html::parse_document(&site.read(&format!("embed/cards/{name}/index.html")));
        let robots = select(&frame, r#"meta[name="robots"]"#);
        assert_eq!(robots[0].attr("content"), Some("noindex"));
        assert_eq!(
            robots[0].attr("data-prerendered"),
            None,
            "kept when the app starts"
        );
        assert_eq!(
            select(&frame, r#"link[rel="canonical"]"#)[0].attr("href"),
            Some(format!("{SITE}articles/{name}").as_str())
        );
        // The app's own page, which it renders itself: nothing prerendered to take over.
        assert!(select(&frame, r#"meta[name="signal:prerendered"]"#).is_empty());
        assert!(!select(&frame, "[data-shell]").is_empty());
    }

    let sitemap = site.read("sitemap.xml");
    let doc = roxmltree::Document::parse(&sitemap).unwrap();
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    let mut expected = vec![SITE.to_owned()];
    expected.extend((0..3).map(|i| format!("{SITE}articles/{}", slug(i))));
    expected.extend((0..3).map(|i| format!("{SITE}pillars/pillar-{i}")));
    assert_eq!(locs, expected);
    assert!(!sitemap.contains("/embed/"));
    assert_eq!(
        site.read("robots.txt"),
        format!("User-agent: *\nAllow: /\n\nSitemap: {SITE}sitemap.xml\n")
    );
}
