//! The hostile corpus (`tests/fixtures/hostile`) through the prerenderer: whatever a document
//! holds, the written page has no markup, script or URL scheme from it, and the document it
//! carries comes back out of the page unchanged.

mod common;

use std::sync::Arc;

use scraper::{Html, Selector};
use signal_model::{
    adapt::{self, NATIVE, encoding},
    feed, publish,
    seo::PageMeta,
};
use signal_of_hope::source::{Config, FeedState};
use signal_prerender::{
    fetch::Fetched,
    render::{self, Template},
};

#[derive(serde::Deserialize)]
struct Entry {
    name: String,
    kind: String,
}

/// Checks one written page; `carried` is the document's text.
fn check_page(name: &str, html: &str, carried: &str, template_scripts: usize) {
    let page = Html::parse_document(html);
    let all = |selector: &str| {
        page.select(&Selector::parse(selector).unwrap())
            .collect::<Vec<_>>()
    };
    // Scripts: the template's, the JSON-LD (articles) and the carried document, nothing else.
    let scripts = all("script");
    let data: Vec<_> = scripts
        .iter()
        .filter(|s| {
            matches!(
                s.attr("type"),
                Some("application/json" | "application/ld+json")
            )
        })
        .collect();
    assert!(data.len() <= 2, "{name}: {} data scripts", data.len());
    assert_eq!(
        scripts.len() - data.len(),
        template_scripts,
        "{name}: a script from the data"
    );
    for script in &data {
        let json: serde_json::Value = serde_json::from_str(&script.text().collect::<String>())
            .unwrap_or_else(|e| panic!("{name}: a data script is not whole JSON: {e}"));
        if script.attr("id") == Some(render::DOCUMENT_SCRIPT_ID) {
            assert_eq!(
                json["body"].as_str(),
                Some(carried),
                "{name}: the carried document"
            );
        }
    }
    // The feeds' links, and an article's oEmbed link: absolute http(s) URLs, one of each.
    let alternates = all(r#"head link[rel="alternate"]"#);
    assert!(
        (2..=3).contains(&alternates.len()),
        "{name}: {} alternates",
        alternates.len()
    );
    for link in &alternates {
        let href = link.attr("href").unwrap_or_default();
        assert!(
            href.starts_with("https://") || href.starts_with("http://"),
            "{name}: {href}"
        );
    }
    // Nothing that loads, runs or embeds, in the page the data fills.
    for tag in [
        "body script:not(#signal-document)",
        "iframe",
        // Pictures (contract 1.1): only the app's own, in a figure or a card's frame.
        "img:not(figure.figure > img, .card-image > img)",
        "object",
        "embed",
        "svg",
        "math",
        "form",
        "style",
        "body link",
        "body meta",
        "base ~ base",
    ] {
        assert!(all(tag).is_empty(), "{name}: <{tag}> in the page");
    }
    // The app's pictures: an http(s) address, every `srcset` candidate too, and the app's
    // attributes only.
    const IMAGE_ATTRIBUTES: &[&str] = &[
        "src",
        "srcset",
        "sizes",
        "alt",
        "width",
        "height",
        "loading",
        "decoding",
        "referrerpolicy",
    ];
    for img in all("img") {
        let src = img.attr("src").unwrap_or_default();
        assert!(
            src.starts_with("https://") || src.starts_with("http://"),
            "{name}: <img src={src:?}>"
        );
        for candidate in img.attr("srcset").into_iter().flat_map(|s| s.split(", ")) {
            let address = candidate.split_whitespace().next().unwrap_or_default();
            assert!(
                address.starts_with("https://") || address.starts_with("http://"),
                "{name}: a srcset candidate {address:?}"
            );
        }
        for (attribute, _) in img.value().attrs() {
            assert!(
                IMAGE_ATTRIBUTES.contains(&attribute),
                "{name}: <img {attribute}>"
            );
        }
    }
    for element in all("*") {
        for (attribute, value) in element.value().attrs() {
            assert!(
                !attribute.to_ascii_lowercase().starts_with("on"),
                "{name}: {attribute}= on <{}>",
                element.value().name()
            );
            let scheme: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .take(12)
                .collect::<String>()
                .to_ascii_lowercase();
            for bad in ["javascript:", "data:", "vbscript:"] {
                assert!(
                    !(matches!(
                        attribute,
                        "href" | "src" | "action" | "content" | "data-document"
                    ) && scheme.starts_with(bad)),
                    "{name}: {attribute}={value:?}"
                );
            }
            if attribute == "href" && element.value().name() == "a" {
                assert!(
                    value.starts_with('/')
                        || value.starts_with("https://")
                        || value.starts_with("http://")
                        || value.starts_with('#'),
                    "{name}: a link to {value:?}"
                );
            }
        }
    }
}

#[test]
fn nothing_in_a_hostile_document_becomes_markup_a_script_or_a_url() {
    let dir = common::repo().join("tests/fixtures/hostile");
    let manifest: Vec<Entry> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    let template_html = std::fs::read_to_string(common::repo().join("index.html")).unwrap();
    let mut template = Template::parse(&template_html).unwrap();
    template.site_links = publish::feed_alternates("https://reader.example/");
    let template_scripts = Html::parse_document(&template_html)
        .select(&Selector::parse("script").unwrap())
        .count();
    let config = Config::resolve("https://reader.example/", Some("https://api.example/")).unwrap();
    let (mut articles, mut indexes) = (0, 0);
    for entry in &manifest {
        let Ok(bytes) = std::fs::read(dir.join("docs").join(format!("{}.json", entry.name))) else {
            continue; // written at test time by the end-to-end test (the very large ones)
        };
        let text = encoding::decode(&bytes, None);
        let url = format!("https://api.example/articles/{}.json", entry.name);
        let fetched = Fetched {
            requested: url.clone(),
            url: url.clone(),
            status: 200,
            text: text.clone(),
            content_type: Some("application/json".into()),
            link: Some(format!("<{}>; rel=\"next\"", entry.name)),
            total_pages: None,
        };
        if entry.kind == "article" {
            let Ok(article) = adapt::read_article(&text, Some(&url), &entry.name, NATIVE) else {
                continue;
            };
            let path = config.paths().article(&article.slug);
            let meta = PageMeta::article(&article, config.canonical(&path));
            // The oEmbed link carries the headline in its title.
            let oembed =
                publish::oembed_alternate(&config.canonical("/"), &article.slug, &article.headline);
            let body = render::article_body(&config, &path, Arc::new(article));
            let html = template.page(&path, &meta.head(), &[oembed], &body, Some(&fetched));
            check_page(&entry.name, &html, &text, template_scripts);
            articles += 1;
        } else {
            let Ok(page) = adapt::read_index(&text, Some(&url), NATIVE) else {
                continue;
            };
            let cards = feed::merge_pages([&page]);
            for pillar in cards.iter().flat_map(|c| c.pillars.iter()).take(5) {
                let (Some(name), found) = feed::with_pillar(&cards, &pillar.slug) else {
                    continue;
                };
                let found: Vec<_> = found.into_iter().cloned().collect();
                let path = config.paths().pillar(&pillar.slug);
                let meta = PageMeta::pillar(Some(name), found.len(), config.canonical(&path));
                let body =
                    render::pillar_body(&config, &path, name.to_owned(), found, page.cut.clone());
                let html = template.page(&path, &meta.head(), &[], &body, Some(&fetched));
                check_page(&entry.name, &html, &text, template_scripts);
            }
            let state = FeedState {
                cards,
                has_more: true,
                more_error: None,
                cut: page.cut.clone(),
            };
            let meta = PageMeta::feed(config.canonical("/"));
            let html = template.page(
                "/",
                &meta.head(),
                &[],
                &render::feed_body(&config, "/", state),
                Some(&fetched),
            );
            check_page(&entry.name, &html, &text, template_scripts);
            indexes += 1;
        }
    }
    // Most of the corpus is readable: the checks ran on real pages.
    assert!(
        articles > 150 && indexes > 10,
        "{articles} articles, {indexes} indexes"
    );
}
