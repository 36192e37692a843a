//! Each layout component mounted in headless Chromium and checked in the DOM.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::{mount::mount_to, prelude::*, wasm_bindgen::JsCast};
use signal_model::{
    AppPaths, Article, Block, Card, Pillar, PublishedAt, Publisher, Source, seo::PageMeta,
};
use signal_of_hope::{
    components::*,
    source::{Config, FetchError, Store},
};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const REFERENCE: &str =
    include_str!("../public/data/articles/rare-liver-cancer-immunotherapy-amd3100.json");
const EVERY_BLOCK: &str = include_str!("../public/data/articles/sample-every-block-type.json");

/// A fresh container in the document, and the mounted view (unmounted on drop), with the
/// data source that the app provides.
struct Mounted {
    root: HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl Mounted {
    fn new<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> Self {
        let document = document();
        let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&root).unwrap();
        let handle = mount_to(root.clone(), move || {
            provide_context(Store::new(Config::from_document()));
            view()
        });
        Self {
            root,
            _handle: Box::new(handle),
        }
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into().ok())
            .collect()
    }

    fn one(&self, selector: &str) -> Element {
        let found = self.all(selector);
        assert_eq!(
            found.len(),
            1,
            "exactly one `{selector}` in {}",
            self.root.inner_html()
        );
        found.into_iter().next().unwrap()
    }

    fn none(&self, selector: &str) {
        assert!(
            self.all(selector).is_empty(),
            "no `{selector}` in {}",
            self.root.inner_html()
        );
    }

    fn text(&self, selector: &str) -> String {
        self.one(selector).text_content().unwrap_or_default()
    }

    fn texts(&self, selector: &str) -> Vec<String> {
        self.all(selector)
            .iter()
            .map(|e| e.text_content().unwrap_or_default())
            .collect()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

fn reference() -> Article {
    Article::from_json(REFERENCE).unwrap()
}

fn date(text: &str) -> Option<PublishedAt> {
    Some(PublishedAt::parse(text).unwrap())
}

fn pillar(slug: &str, name: &str) -> Pillar {
    Pillar {
        slug: slug.into(),
        name: name.into(),
    }
}

#[wasm_bindgen_test]
fn an_article_past_the_limits_says_what_was_cut() {
    let mut doc: serde_json::Value = serde_json::from_str(REFERENCE).unwrap();
    doc["headline"] = "word ".repeat(2_000).into();
    doc["body"] = (0..2_500).map(|i| format!("Paragraph {i}.")).collect();
    let article = Arc::new(Article::from_json(&doc.to_string()).unwrap());
    let m = Mounted::new(move || view! { <ArticleView article /> });

    let note = m.one("[role=note]");
    assert_eq!(
        m.texts("[role=note] li"),
        [
            "The headline was shortened to 300 characters.",
            "Showing the first 2,000 of 2,500 body blocks.",
        ]
    );
    assert!(
        note.text_content()
            .unwrap()
            .contains("too long to show in full")
    );
    assert_eq!(m.all(".article-body p").len(), 2_000);
    assert!(m.text("h1").ends_with('…'));
}

#[wasm_bindgen_test]
fn an_article_within_the_limits_has_no_note() {
    let article = Arc::new(reference());
    let m = Mounted::new(move || view! { <ArticleView article /> });
    m.none("[role=note]");
}

#[wasm_bindgen_test]
fn reference_article_lays_out_like_the_reference_page() {
    let article = Arc::new(reference());
    let m = Mounted::new(move || view! { <ArticleView article /> });

    assert_eq!(m.text(".kicker"), "Signal of Hope");
    assert_eq!(m.all("h1").len(), 1);
    assert_eq!(
        m.text("h1"),
        "Scientists Cracked the Code on How a Rare Liver Cancer Escapes Immunotherapy — And Found the Fix"
    );
    let dateline = m.one(".dateline time");
    assert_eq!(
        dateline.get_attribute("datetime").as_deref(),
        Some("2026-07-02")
    );
    assert_eq!(dateline.text_content().unwrap(), "Thursday, July 2, 2026");
    assert_eq!(
        m.text(".publisher-line"),
        "DrakX Intelligence · Analyzed & Published Thursday, July 2, 2026"
    );
    let summary = m.one("section.summary-box");
    assert_eq!(
        summary.get_attribute("aria-label").as_deref(),
        Some("Summary")
    );
    assert!(
        summary
            .text_content()
            .unwrap()
            .starts_with("Researchers discovered that a rare liver cancer")
    );
    assert_eq!(m.text(".pillars-heading"), "⬡ 2 pillars detected");
    assert_eq!(
        m.texts(".pillars .badge"),
        ["Tech Stocks & Semiconductors", "Energy & Infrastructure"]
    );
    assert_eq!(m.all(".article-body > p").len(), 4);
    assert_eq!(m.text(".sources"), "reported via Science Daily");
    assert_eq!(m.text(".reading-time"), "2 min read");
    // Reference order: header, summary, pillars, body, sources.
    let order: Vec<String> = m
        .all(".article > *")
        .iter()
        .map(|e| e.class_name())
        .collect();
    assert_eq!(
        order,
        [
            "article-header",
            "summary-box",
            "pillars",
            "article-body",
            "article-sources"
        ]
    );
}

#[wasm_bindgen_test]
fn kicker_and_dateline() {
    let m = Mounted::new(|| {
        view! {
            <Kicker text="Signal of Hope".to_owned() />
            <Dateline published_at=date("2026-07-02T23:30:00-10:00") />
            <Dateline published_at=date("2026-07-02") short=true />
        }
    });
    assert_eq!(m.text("p.kicker"), "Signal of Hope");
    let times = m.all("time");
    assert_eq!(
        times[0].get_attribute("datetime").as_deref(),
        Some("2026-07-02T23:30:00-10:00")
    );
    assert_eq!(times[0].text_content().unwrap(), "Thursday, July 2, 2026");
    assert_eq!(times[1].text_content().unwrap(), "Jul 2, 2026");

    // An article its publisher gave no date says so, with no `<time>` to mislead machines.
    let m = Mounted::new(|| view! { <Dateline published_at=None /> });
    assert_eq!(m.text(".undated"), "Undated");
    m.none("time");
}

#[wasm_bindgen_test]
fn an_article_without_a_body_links_to_its_source() {
    let doc = serde_json::json!({
        "slug": "s", "headline": "Only a summary", "published_at": null,
        "summary": "The feed gives this much.",
        "url": "https://www.news.example.org/2026/only-a-summary",
        "publisher": { "name": "News" }, "status_label": "Published",
    });
    let article = Arc::new(Article::from_json(&doc.to_string()).unwrap());
    let m = Mounted::new(move || view! { <ArticleView article /> });
    let link = m.one(".full-article a");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://www.news.example.org/2026/only-a-summary")
    );
    assert_eq!(
        link.text_content().unwrap(),
        "Read the full article at news.example.org"
    );
    assert_eq!(m.text(".summary-box"), "The feed gives this much.");
    assert_eq!(m.text(".dateline"), "Undated");
    assert_eq!(m.text(".publisher-line"), "News · Published");
    // No "1 min read" for text that is elsewhere, and no empty body.
    m.none(".reading-time");
    m.none(".article-body");

    // With a body, the body is the article: no such link.
    let article = Arc::new(reference());
    let m = Mounted::new(move || view! { <ArticleView article /> });
    m.none(".full-article");
}

#[wasm_bindgen_test]
fn publisher_line_variants() {
    let publisher = |url: Option<&str>| Publisher {
        name: "DrakX Intelligence".into(),
        url: url.and_then(signal_model::ExternalUrl::parse),
    };
    let m = Mounted::new(move || {
        view! {
            <div id="linked">
                <PublisherLine publisher=Some(publisher(Some("https://drakx.example/"))) status_label=None published_at=date("2026-07-02") />
            </div>
            <div id="status-only">
                <PublisherLine publisher=None status_label=Some("Analyzed & Published".into()) published_at=date("2026-07-02") />
            </div>
            <div id="neither">
                <PublisherLine publisher=None status_label=None published_at=date("2026-07-02") />
            </div>
        }
    });
    assert_eq!(
        m.text("#linked .publisher-line"),
        "DrakX Intelligence · Thursday, July 2, 2026"
    );
    assert_eq!(
        m.one("#linked a").get_attribute("href").as_deref(),
        Some("https://drakx.example/")
    );
    assert_eq!(
        m.text("#status-only .publisher-line"),
        "Analyzed & Published Thursday, July 2, 2026"
    );
    m.none("#neither *");
}

#[wasm_bindgen_test]
fn summary_boxes() {
    let boxes = vec![
        signal_model::SummaryBox {
            title: Some("Why it matters".into()),
            text: Some("Because.".into()),
            points: vec![],
        },
        signal_model::SummaryBox {
            title: None,
            text: None,
            points: vec!["One".into(), "Two".into()],
        },
    ];
    let m = Mounted::new(move || {
        view! {
            <SummaryBox text="The TL;DR.".to_owned() />
            <SummaryBoxes boxes />
        }
    });
    let sections = m.all("section.summary-box");
    assert_eq!(sections.len(), 3);
    assert_eq!(
        sections[0].get_attribute("aria-label").as_deref(),
        Some("Summary")
    );
    assert_eq!(sections[0].text_content().unwrap(), "The TL;DR.");
    // A titled box is named by its heading, an untitled one by a label.
    let heading = m.one("section.summary-box--extra h2");
    assert_eq!(heading.text_content().unwrap(), "Why it matters");
    assert_eq!(
        sections[1].get_attribute("aria-labelledby"),
        Some(heading.id())
    );
    assert_eq!(
        sections[2].get_attribute("aria-label").as_deref(),
        Some("Key points")
    );
    assert_eq!(m.texts("section.summary-box--extra li"), ["One", "Two"]);
}

#[wasm_bindgen_test]
fn pillar_section_counts_and_links() {
    let m = Mounted::new(|| {
        view! {
            <div id="none"><PillarSection pillars=vec![] /></div>
            <div id="one"><PillarSection pillars=vec![pillar("energy-infrastructure", "Energy & Infrastructure")] /></div>
        }
    });
    m.none("#none *");
    assert_eq!(m.text("#one .pillars-heading"), "⬡ 1 pillar detected");
    let badge = m.one("#one ul.badges > li > a.badge");
    assert_eq!(
        badge.get_attribute("href").as_deref(),
        Some("/pillars/energy-infrastructure")
    );
    // The hexagon is decoration, not read out.
    assert_eq!(
        m.one("#one .pillar-mark")
            .get_attribute("aria-hidden")
            .as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
fn badges_link_under_the_deployment_sub_path() {
    let m = Mounted::new(|| {
        provide_context(AppPaths::new("/reader/"));
        view! { <PillarBadges pillars=vec![pillar("a b", "A B")] /> }
    });
    assert_eq!(
        m.one("a.badge").get_attribute("href").as_deref(),
        Some("/reader/pillars/a%20b")
    );
}

#[wasm_bindgen_test]
fn body_blocks_render_each_type_in_order() {
    let article = Article::from_json(EVERY_BLOCK).unwrap();
    let m = Mounted::new(move || view! { <BodyBlocks blocks=article.body /> });
    let tags: Vec<String> = m
        .all(".article-body > *")
        .iter()
        .map(|e| e.tag_name().to_lowercase())
        .collect();
    assert_eq!(tags, ["p", "h2", "p", "figure", "h2", "ul", "figure", "p"]);
    assert_eq!(
        m.texts(".article-body > h2"),
        ["From one die to many", "What is changing"]
    );
    let quotes = m.all("figure.quote");
    assert_eq!(
        quotes[0]
            .query_selector("blockquote")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Packaging used to be the last step. Now it is where a lot of the performance comes from."
    );
    assert_eq!(
        quotes[0]
            .query_selector("figcaption")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "A packaging engineer, in a sample interview"
    );
    assert!(quotes[1].query_selector("figcaption").unwrap().is_none());
    assert_eq!(m.all(".body-list > li").len(), 3);
}

#[wasm_bindgen_test]
fn sources_link_only_safe_urls() {
    let source = |name: &str, url: &str| Source {
        name: name.into(),
        url: signal_model::ExternalUrl::parse(url),
    };
    let sources = vec![
        source("Science Daily", "https://www.sciencedaily.com/"),
        source("Evil", "javascript:alert(1)"),
        source("Notes", ""),
    ];
    let m = Mounted::new(move || view! { <Sources sources /> });
    assert_eq!(
        m.text(".sources"),
        "reported via Science Daily, Evil and Notes"
    );
    let links = m.all(".sources a");
    assert_eq!(links.len(), 1);
    assert_eq!(
        links[0].get_attribute("href").as_deref(),
        Some("https://www.sciencedaily.com/")
    );
    assert_eq!(m.texts(".sources cite"), ["Evil", "Notes"]);
}

#[wasm_bindgen_test]
fn untrusted_text_is_rendered_as_text() {
    let hostile = r#"<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>"#;
    let mut article = reference();
    article.headline = hostile.into();
    article.summary = Some(hostile.into());
    article.body = vec![Block::Paragraph(hostile.into())];
    let article = Arc::new(article);
    let m = Mounted::new(move || view! { <ArticleView article /> });
    m.none("img");
    m.none("script");
    assert_eq!(m.text("h1"), hostile);
}

#[wasm_bindgen_test]
fn links_in_text_are_anchors_and_the_rest_is_text() {
    let text = |json: serde_json::Value| {
        let doc = serde_json::json!({
            "slug": "s", "headline": "H", "published_at": "2026-07-02",
            "body": [{ "type": "paragraph", "text": json }],
        });
        Article::from_json(&doc.to_string()).expect("valid").body
    };
    let mut article = reference();
    article.body = text(serde_json::json!([
        "See ",
        { "text": "the <b>study</b>", "url": "https://example.org/study" },
        " or ",
        { "text": "write", "url": "mailto:desk@example.org" },
        " and ",
        { "text": "not this", "url": "javascript:window.pwned=1" },
        "."
    ]));
    let article = Arc::new(article);
    let m = Mounted::new(move || view! { <ArticleView article /> });
    assert_eq!(
        m.text(".article-body p"),
        "See the <b>study</b> or write and not this."
    );
    m.none(".article-body b");
    let links = m.all(".article-body a");
    let hrefs: Vec<Option<String>> = links.iter().map(|a| a.get_attribute("href")).collect();
    assert_eq!(
        hrefs,
        [
            Some("https://example.org/study".to_owned()),
            Some("mailto:desk@example.org".to_owned())
        ]
    );
    assert_eq!(
        links[0].get_attribute("rel").as_deref(),
        Some("nofollow noopener noreferrer")
    );
}

#[wasm_bindgen_test]
async fn error_panels_offer_the_right_way_out() {
    let retries = RwSignal::new(0);
    let m = Mounted::new(move || {
        view! {
            <div id="not-found"><ErrorPanel error=FetchError::NotFound what="article" retry=|_| {} /></div>
            <div id="server"><ErrorPanel error=FetchError::Server { status: 503, retry_after: None } what="article" retry=move |_| retries.update(|n| *n += 1) /></div>
            <div id="invalid">
                <ErrorPanel
                    error=FetchError::Invalid(signal_model::Article::from_json("{}").unwrap_err())
                    what="article"
                    retry=|_| {}
                />
            </div>
        }
    });
    assert_eq!(m.text("#not-found h1"), "Article not found");
    assert_eq!(
        m.one("#not-found a").get_attribute("href").as_deref(),
        Some("/")
    );
    m.none("#not-found button");

    assert_eq!(m.text("#server h1"), "Couldn't load this article");
    assert!(m.text("#server .problem").contains("HTTP 503"));
    let retry: web_sys::HtmlButtonElement = m.one("#server button").unchecked_into();
    assert_eq!(retry.text_content().unwrap(), "Retry");
    retry.click();
    assert_eq!(retries.get_untracked(), 1);

    assert_eq!(m.text("#invalid h1"), "This article can't be displayed");
    assert!(
        m.text("#invalid code")
            .contains("slug: required, but missing"),
        "{}",
        m.text("#invalid code")
    );
    m.none("#invalid button");
}

#[wasm_bindgen_test]
async fn a_removed_article_and_a_busy_server_say_so() {
    let m = Mounted::new(move || {
        view! {
            <div id="gone"><ErrorPanel error=FetchError::Gone what="article" retry=|_| {} /></div>
            <div id="busy">
                <ErrorPanel
                    error=FetchError::Server { status: 503, retry_after: Some(120) }
                    what="article"
                    retry=|_| {}
                />
            </div>
        }
    });
    assert_eq!(m.text("#gone h1"), "Article removed");
    assert!(
        m.text("#gone p:first-of-type")
            .contains("removed by its publisher")
    );
    m.none("#gone button");
    assert!(
        m.text("#busy .problem")
            .ends_with("It asks to be tried again in 2 minutes.")
    );
    m.one("#busy button");
}

#[wasm_bindgen_test]
async fn the_errors_panel_follows_the_latest_error() {
    use leptos::error::{ErrorId, Errors};
    let errors = ArcRwSignal::new(Errors::default());
    errors.update(|e| {
        e.insert(
            ErrorId::from(1),
            FetchError::Server {
                status: 503,
                retry_after: None,
            },
        )
    });
    let shown = errors.clone();
    let m = Mounted::new(
        move || view! { <ErrorsPanel errors=shown.clone() what="article" retry=|_| {} /> },
    );
    assert!(m.text(".problem").contains("HTTP 503"));
    errors.update(|e| {
        e.remove(&ErrorId::from(1));
        e.insert(ErrorId::from(2), FetchError::Network(String::new()));
    });
    leptos::task::tick().await;
    assert!(
        m.text(".problem").contains("Couldn't reach the server"),
        "{}",
        m.text(".problem")
    );
}

#[wasm_bindgen_test]
fn skeleton_reserves_the_layout_and_announces_loading() {
    let m = Mounted::new(|| view! { <ArticleSkeleton /> });
    assert_eq!(
        m.one(".article-loading").get_attribute("role").as_deref(),
        Some("status")
    );
    assert_eq!(
        m.text(".article-loading h1.visually-hidden"),
        "Loading article…"
    );
    assert!(
        m.all(".skeleton-header span").len() >= 4,
        "kicker, headline and meta lines"
    );
    assert!(
        m.all(".skeleton-body span").len() > 10,
        "summary, badges and body lines"
    );
}

#[wasm_bindgen_test]
fn article_card() {
    let card = Card {
        slug: "rare-liver-cancer-immunotherapy-amd3100".into(),
        headline: "Headline".into(),
        published_at: date("2026-07-02"),
        kicker: Some("Signal of Hope".into()),
        summary: Some("word ".repeat(100)),
        pillars: vec![pillar("energy-infrastructure", "Energy & Infrastructure")],
        image: None,
        language: None,
    };
    let m = Mounted::new(move || view! { <ArticleCard card /> });
    let link = m.one("h2 a");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/articles/rare-liver-cancer-immunotherapy-amd3100")
    );
    assert_eq!(m.text(".kicker"), "Signal of Hope");
    assert_eq!(m.text("time"), "Jul 2, 2026");
    let summary = m.text(".card-summary");
    assert!(
        summary.ends_with('…') && summary.chars().count() <= 220,
        "{summary}"
    );
    assert_eq!(m.texts(".badge"), ["Energy & Infrastructure"]);
}

#[wasm_bindgen_test]
async fn page_meta_tags_follow_the_route() {
    let meta = PageMeta::article(&reference(), "https://example.org/articles/x".into());
    let m = Mounted::new(move || {
        leptos_meta::provide_meta_context();
        view! { <PageMetaTags meta /> }
    });
    leptos::task::tick().await;
    let head = document().head().unwrap();
    let content = |selector: &str| {
        head.query_selector(selector)
            .unwrap()
            .and_then(|e| e.get_attribute("content"))
    };
    assert!(
        document()
            .title()
            .starts_with("Scientists Cracked the Code")
    );
    assert_eq!(
        content(r#"meta[property="og:type"]"#).as_deref(),
        Some("article")
    );
    assert_eq!(
        content(r#"meta[name="twitter:card"]"#).as_deref(),
        Some("summary")
    );
    let ld = head
        .query_selector(r#"script[type="application/ld+json"]"#)
        .unwrap()
        .unwrap();
    assert!(ld.text_content().unwrap().contains("AnalysisNewsArticle"));
    drop(m);
    leptos::task::tick().await;
    assert!(
        head.query_selector(r#"script[type="application/ld+json"]"#)
            .unwrap()
            .is_none(),
        "removed with the route"
    );
}

/// Resolves after the next animation frame and a timeout set in it: after the paint.
async fn after_next_paint() {
    let (done, wait) = futures::channel::oneshot::channel::<()>();
    request_animation_frame(move || {
        set_timeout(
            move || {
                let _ = done.send(());
            },
            std::time::Duration::ZERO,
        );
    });
    let _ = wait.await;
}

#[wasm_bindgen_test]
async fn after_paint_renders_its_children_once_the_frame_is_painted() {
    let m = Mounted::new(
        || view! { <p class="now">"now"</p> <AfterPaint><p class="later">"later"</p></AfterPaint> },
    );
    leptos::task::tick().await;
    m.one(".now");
    m.none(".later");
    after_next_paint().await;
    after_next_paint().await;
    assert_eq!(m.text(".later"), "later");
}

#[wasm_bindgen_test]
async fn theme_toggle_switches_and_remembers() {
    let html = document().document_element().unwrap();
    html.remove_attribute("data-theme").unwrap();
    let m = Mounted::new(|| view! { <ThemeToggle /> });
    let button: web_sys::HtmlButtonElement = m.one("button.theme-toggle").unchecked_into();
    let before = button.get_attribute("aria-pressed").unwrap();
    button.click();
    leptos::task::tick().await;
    let after = button.get_attribute("aria-pressed").unwrap();
    assert_ne!(before, after);
    let chosen = if after == "true" { "dark" } else { "light" };
    assert_eq!(html.get_attribute("data-theme").as_deref(), Some(chosen));
    let stored = window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("signal-of-hope:theme")
        .unwrap();
    assert_eq!(stored.as_deref(), Some(chosen));
    html.remove_attribute("data-theme").unwrap();
}

#[wasm_bindgen_test]
fn site_frame() {
    let m = Mounted::new(|| view! { <SiteHeader /> <SiteFooter /> });
    assert_eq!(m.one(".brand").get_attribute("href").as_deref(), Some("/"));
    assert!(m.text(".brand").contains("Signal of Hope"));
    assert!(m.text(".site-footer").contains("DrakX Intelligence"));
    m.one(".skip-link");
}

#[wasm_bindgen_test]
fn embed_card_links_to_the_whole_article() {
    let article = Arc::new(reference());
    let m = Mounted::new(move || view! { <EmbedCard article /> });
    assert_eq!(m.text(".embed-card .kicker"), "Signal of Hope");
    assert_eq!(m.text(".embed-card h1"), reference().headline);
    assert_eq!(m.text(".embed-card time"), "Thursday, July 2, 2026");
    assert_eq!(
        m.texts(".embed-card .badge"),
        ["Tech Stocks & Semiconductors", "Energy & Infrastructure"]
    );
    assert_eq!(m.text(".embed-read-on a"), "Read on DrakX Intelligence");
    let href = m.one(".embed-read-on a").get_attribute("href").unwrap();
    assert!(
        href.starts_with("http")
            && href.ends_with("/articles/rare-liver-cancer-immunotherapy-amd3100"),
        "an absolute link, for a new tab: {href}"
    );
}

#[wasm_bindgen_test]
fn embed_control_offers_both_snippets() {
    let m = Mounted::new(|| {
        view! { <EmbedControl slug="s-1".to_owned() headline="A & B".to_owned() /> }
    });
    assert_eq!(m.text(".embed-control summary"), "Embed");
    let snippets: Vec<String> = m
        .all(".embed-snippet textarea")
        .iter()
        .map(|t| t.unchecked_ref::<web_sys::HtmlTextAreaElement>().value())
        .collect();
    assert_eq!(snippets.len(), 2);
    assert!(
        snippets[0].contains("data-kind=\"article\"") && snippets[1].contains("data-kind=\"card\"")
    );
    assert!(snippets[0].contains(">A &amp; B</a>"), "{}", snippets[0]);
    assert!(snippets[0].contains("/embed/v1/loader.js\" async></script>"));
    assert_eq!(m.texts(".embed-snippet label"), ["The article", "Its card"]);
    assert_eq!(m.all(".embed-snippet button").len(), 2);
}

#[wasm_bindgen_test]
fn a_card_list_says_what_the_index_left_out() {
    use signal_model::{Counted, Cut, FeedPage};
    let cards: Vec<_> = (0..1_001)
        .map(|i| {
            serde_json::json!({
                "slug": format!("a-{i}"),
                "headline": format!("Article {i}"),
                "published_at": "2026-07-02",
            })
        })
        .collect();
    let page = FeedPage::from_json(&serde_json::json!({ "articles": cards }).to_string()).unwrap();
    assert_eq!(
        page.cut,
        [Cut::Items {
            what: Counted::ArticlesOnPage,
            shown: 1_000,
            total: 1_001
        }]
    );
    let (cards, cut) = (page.articles, page.cut);
    let m = Mounted::new(move || view! { <CardList cards cut /> });
    assert_eq!(m.all(".card").len(), 1_000);
    assert_eq!(
        m.texts("[role=note] li"),
        ["Showing the first 1,000 of 1,001 articles on this page."]
    );
    assert!(m.text("[role=note] p").contains("too long to show in full"));

    let m = Mounted::new(|| view! { <CardList cards=Vec::new() /> });
    m.none("[role=note]");

    // A feed's items that could not be read: one line, under its own lead.
    let cut = vec![Cut::Skipped {
        count: 2,
        total: 25,
        first: "items[3].title: required, but missing".into(),
    }];
    let m = Mounted::new(move || view! { <CardList cards=Vec::new() cut /> });
    assert_eq!(
        m.text("[role=note] p"),
        "Not every item of this feed could be read."
    );
    assert_eq!(
        m.texts("[role=note] li"),
        [
            "2 of 25 items could not be read and were left out (the first, items[3].title: required, but missing)."
        ]
    );
}

/// A contract 1.1 article: every new field.
fn rich_article(language: &str) -> Article {
    let doc = serde_json::json!({
        "slug": "rich",
        "headline": "Rich",
        "published_at": "2026-07-02",
        "updated_at": "2026-07-04",
        "language": language,
        "authors": [{ "name": "Ada", "url": "https://example.com/ada" }, { "name": "Grace" }],
        "image": {
            "url": "https://images.example/hero.png", "alt": "The hero", "width": 1200, "height": 800,
            "caption": "A caption", "credit": "A credit",
            "sources": [{ "url": "https://images.example/hero-600.png", "width": 600 }]
        },
        "body": [
            "Text.",
            { "type": "figure", "image": { "url": "https://images.example/figure.png", "alt": "" } }
        ]
    });
    Article::from_value(doc).unwrap()
}

#[wasm_bindgen_test]
fn an_article_s_language_sets_its_lang_dir_dates_and_byline() {
    let article = Arc::new(rich_article("de"));
    let m = Mounted::new(move || view! { <ArticleView article /> });
    let root = m.one("article.article");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("de"));
    assert_eq!(root.get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(
        m.all(".dateline time")[0].text_content().unwrap(),
        "Donnerstag, 2. Juli 2026"
    );
    assert_eq!(m.text(".updated"), "Aktualisiert am Samstag, 4. Juli 2026");
    assert_eq!(m.text(".reading-time"), "1 Min. Lesezeit");
    assert_eq!(m.text(".byline"), "Von Ada und Grace");
    assert_eq!(
        m.one(".byline a").get_attribute("rel").as_deref(),
        Some("author")
    );

    let article = Arc::new(rich_article("ar-EG"));
    let m = Mounted::new(move || view! { <ArticleView article /> });
    assert_eq!(
        m.one("article.article").get_attribute("dir").as_deref(),
        Some("rtl")
    );
    assert_eq!(
        m.all(".dateline time")[0].text_content().unwrap(),
        "الخميس، ٢ يوليو ٢٠٢٦"
    );
}

#[wasm_bindgen_test]
fn hero_and_figures_reserve_their_boxes_and_only_the_hero_loads_at_once() {
    let article = Arc::new(rich_article("en"));
    let m = Mounted::new(move || view! { <ArticleView article /> });
    let hero = m.one(".figure-hero img");
    assert_eq!(
        hero.get_attribute("src").as_deref(),
        Some("https://images.example/hero.png")
    );
    assert_eq!(hero.get_attribute("width").as_deref(), Some("1200"));
    assert_eq!(hero.get_attribute("height").as_deref(), Some("800"));
    assert_eq!(hero.get_attribute("loading"), None);
    assert_eq!(hero.get_attribute("decoding").as_deref(), Some("async"));
    assert_eq!(
        hero.get_attribute("referrerpolicy").as_deref(),
        Some("no-referrer")
    );
    assert_eq!(
        hero.get_attribute("srcset").as_deref(),
        Some("https://images.example/hero-600.png 600w, https://images.example/hero.png 1200w")
    );
    assert!(hero.get_attribute("sizes").is_some());
    assert_eq!(m.text(".figure-hero figcaption"), "A caption A credit");
    let figure = m.one(".article-body .figure img");
    assert_eq!(figure.get_attribute("loading").as_deref(), Some("lazy"));
    assert_eq!(
        figure.get_attribute("alt").as_deref(),
        Some(""),
        "decorative"
    );
    assert_eq!(figure.get_attribute("srcset"), None);
    m.one(".article-body .figure-unsized");
    // English: as before.
    assert_eq!(m.text(".byline"), "By Ada and Grace");
}

#[wasm_bindgen_test]
fn a_card_shows_its_thumbnail_and_its_language() {
    let card = Card::from(&rich_article("fr"));
    let m = Mounted::new(move || view! { <ArticleCard card /> });
    let root = m.one("article.card");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("fr"));
    assert_eq!(m.text(".card-date time"), "2 juil. 2026");
    let thumbnail = m.one(".card-image img");
    assert_eq!(
        thumbnail.get_attribute("alt").as_deref(),
        Some(""),
        "the headline names it"
    );
    assert_eq!(thumbnail.get_attribute("loading").as_deref(), Some("lazy"));
}
