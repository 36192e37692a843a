//! The I/O layer's configuration, resolved by the browser's URL parser (headless Chromium),
//! and the table of URL rules (`tests/fixtures/url-rules.json`) checked against that parser.
#![cfg(target_arch = "wasm32")]

use signal_model::adapt::{
    self, HtmlNode, HtmlParser, XmlParser, html, native_html::NativeHtml, native_xml::NativeXml,
    xml,
};
use signal_model::{AppPaths, Route, api::ApiBase};
use signal_of_hope::source::{
    Config,
    config::BrowserUrl,
    dom::{BrowserHtml, BrowserXml},
    http,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn config(base: &str, meta: Option<&str>) -> Config {
    Config::resolve(base, meta).unwrap_or_else(|e| panic!("{base} + {meta:?}: {e}"))
}

#[wasm_bindgen_test]
fn the_default_api_base_is_the_bundled_data_under_the_page_base() {
    let root = config("https://reader.example/", None);
    assert_eq!(
        root.index_url(),
        "https://reader.example/data/articles.json"
    );
    assert_eq!(root.paths().home(), "/");
    let sub = config("https://example.org/reader/", Some("  "));
    assert_eq!(sub.paths().home(), "/reader/");
    assert_eq!(
        sub.index_url(),
        "https://example.org/reader/data/articles.json"
    );
}

#[wasm_bindgen_test]
fn relative_and_absolute_api_bases() {
    let base = "https://example.org/reader/";
    assert_eq!(
        config(base, Some("/api/v1")).index_url(),
        "https://example.org/api/v1/articles.json",
        "a trailing slash is implied"
    );
    assert_eq!(
        config(base, Some("../json/")).index_url(),
        "https://example.org/json/articles.json"
    );
    assert_eq!(
        config(base, Some("https://api.example.net/signal/#x")).index_url(),
        "https://api.example.net/signal/articles.json",
        "fragment dropped"
    );
    assert_eq!(
        config(base, Some("//cdn.example.net/d/")).index_url(),
        "https://cdn.example.net/d/articles.json"
    );
}

#[wasm_bindgen_test]
fn unusable_api_bases_are_reported() {
    let err = Config::resolve("https://example.org/", Some("javascript:alert(1)")).unwrap_err();
    assert!(err.contains("must be an http(s) URL"), "{err}");
    let err = Config::resolve("https://example.org/", Some("http://[bad")).unwrap_err();
    assert!(err.contains("is not a valid URL"), "{err}");
    assert!(Config::resolve("not a url", None).is_err());
}

#[wasm_bindgen_test]
fn document_urls() {
    let c = config(
        "https://example.org/reader/",
        Some("https://api.example.net/v1/"),
    );
    assert_eq!(
        c.article_url("rare-liver"),
        "https://api.example.net/v1/articles/rare-liver.json"
    );
    assert_eq!(
        c.article_url("a b/../c?#"),
        "https://api.example.net/v1/articles/a%20b%2F..%2Fc%3F%23.json"
    );
    let page = c.index_url();
    assert_eq!(
        Config::next_url(&page, "pages/2.json").as_deref(),
        Some("https://api.example.net/v1/pages/2.json")
    );
    assert_eq!(
        Config::next_url("https://api.example.net/v1/pages/2.json", "3.json").as_deref(),
        Some("https://api.example.net/v1/pages/3.json"),
        "relative to the page that names it"
    );
    assert_eq!(
        Config::next_url(&page, "https://other.example/p.json").as_deref(),
        Some("https://other.example/p.json")
    );
    assert_eq!(Config::next_url(&page, "javascript:alert(1)"), None);
    assert_eq!(
        c.canonical("/reader/articles/x"),
        "https://example.org/reader/articles/x"
    );
}

#[wasm_bindgen_test]
fn read_from_the_document() {
    // The test page has no signal:api-base meta: the default applies, against its own URL.
    let c = Config::from_document().expect("config");
    assert!(
        c.index_url().ends_with("/data/articles.json"),
        "{}",
        c.index_url()
    );
}

#[wasm_bindgen_test]
fn an_api_base_may_name_one_document() {
    let base = "https://example.org/reader/";
    let feed = config(base, Some("https://news.example/feeds/signal.json"));
    assert!(feed.names_document());
    assert_eq!(feed.index_url(), "https://news.example/feeds/signal.json");
    assert_eq!(
        feed.article_url("x"),
        "https://news.example/feeds/articles/x.json",
        "a contract index's articles live beside it"
    );
    let query = config(base, Some("https://blog.example/?feed=json"));
    assert!(query.names_document());
    assert_eq!(query.index_url(), "https://blog.example/?feed=json");
    let ld = config(base, Some("data/news.jsonld#ignored"));
    assert_eq!(
        ld.index_url(),
        "https://example.org/reader/data/news.jsonld"
    );
    let folder = config(base, Some("https://api.example.net/v1"));
    assert!(
        !folder.names_document(),
        "no extension: a folder, as before"
    );
    assert_eq!(
        folder.index_url(),
        "https://api.example.net/v1/articles.json"
    );
}

/// The browser's DOMParser: nothing in the HTML runs or loads, and only text, links and the
/// kept elements come out.
#[wasm_bindgen_test]
async fn html_content_is_parsed_inertly() {
    let hostile = r#"<p>Kept <a href="https://ok.example/" onclick="window.__pwned='click'">link</a></p>
        <script>window.__pwned = 'script'</script>
        <img src="data:," onerror="window.__pwned = 'img'">
        <iframe srcdoc="<script>parent.__pwned='frame'</script>"></iframe>
        <svg><script>window.__pwned = 'svg'</script></svg>
        <p><a href="javascript:window.__pwned='href'">js</a> <a href="mailto:a@b.example">mail</a></p>
        <template><p>inert</p></template>"#;
    let nodes = BrowserHtml.parse(hostile);
    let blocks = html::blocks(&nodes);
    assert_eq!(
        serde_json::Value::Array(blocks),
        serde_json::json!([
            { "type": "paragraph", "text": ["Kept ", { "text": "link", "url": "https://ok.example/" }] },
            { "type": "paragraph", "text": ["js ", { "text": "mail", "url": "mailto:a@b.example" }] },
        ])
    );
    // Let any event loop work (image error events, frames) happen, then check nothing ran.
    let window = web_sys::window().expect("window");
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
            .expect("timer");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("timer");
    let pwned = js_sys::Reflect::get(&window, &"__pwned".into()).expect("read");
    assert!(pwned.is_undefined(), "something ran: {pwned:?}");
    // Element names come lower-case, text as the browser decoded it.
    assert_eq!(
        BrowserHtml.parse("<P>a &amp; b</P>"),
        [HtmlNode::Element {
            tag: "p".into(),
            href: None,
            children: vec![HtmlNode::Text("a & b".into())]
        }]
    );
}

/// Native code (the model's tests, the fuzzer) parses HTML with html5ever: it must read HTML
/// as the browser's `DOMParser` does, malformed and hostile HTML included.
#[wasm_bindgen_test]
fn the_native_html_parser_reads_html_as_the_browser_does() {
    // Our fixture and the real JSON Feeds of the corpus (tests/fixtures/wild/SOURCES.md).
    let feeds = [
        include_str!("fixtures/formats/feed.json"),
        include_str!("fixtures/wild/jsonfeed/feedrs-jsonfeed-example.json"),
        include_str!("fixtures/wild/jsonfeed/feedrs-jsonfeed-spec-example.json"),
        include_str!("fixtures/wild/jsonfeed/gofeed-sample.json"),
        include_str!("fixtures/wild/jsonfeed/jsonfeed-to-atom-bret-io-test-feed.json"),
        include_str!("fixtures/wild/jsonfeed/jsonfeed-to-atom-daringfireball.json"),
        include_str!("fixtures/wild/jsonfeed/reader-full-1.1.json"),
        include_str!("fixtures/wild/jsonfeed/rsparser-jsonfeed-extension.json"),
        include_str!("fixtures/wild/jsonfeed/trafilatura-npr-technology.json"),
    ];
    let mut samples: Vec<String> = feeds
        .iter()
        .flat_map(|feed| {
            let feed: serde_json::Value = serde_json::from_str(feed).expect("a JSON Feed");
            feed["items"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|item| item["content_html"].as_str().map(str::to_owned))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        samples.len() >= 20,
        "the feeds' HTML items: {}",
        samples.len()
    );
    samples.extend(
        [
            r#"<p>Kept <a href="https://ok.example/" onclick="x()">link</a><script>x()</script>"#,
            "<P>a &amp; b &auml; &#8216;q&rsquo;&nbsp;c</P>",
            "<table><p>moved out of the table</p><tr><td>cell</table>",
            "<a href=/x><p>a link around a paragraph</a> and after",
            "<p>unclosed <b>bold <i>both</b> italic",
            "<ul><li>one<li>two</ul><h2>heading<p>para",
            "<svg><a href='https://svg.example/'>in svg</a></svg><noscript><p>no</p></noscript>",
            "<template><p>inert</p></template><select><option>o</select>",
            "text only &lt;b&gt; &",
            "",
        ]
        .map(str::to_owned),
    );
    samples.push("<div>".repeat(80) + "deep");
    for html in &samples {
        assert_eq!(NativeHtml.parse(html), BrowserHtml.parse(html), "{html}");
    }
}

#[wasm_bindgen_test]
fn the_request_timeout_is_configurable_within_bounds() {
    let c = config("https://example.org/", None);
    assert_eq!(c.timeout_seconds(), 20, "the documented default");
    assert_eq!(c.clone().with_timeout(Some(" 5 ")).timeout_seconds(), 5);
    for bad in ["0", "601", "-1", "2.5", "soon", ""] {
        assert_eq!(
            c.clone().with_timeout(Some(bad)).timeout_seconds(),
            20,
            "{bad:?}"
        );
    }
}

/// The table of URL cases that `public/boot.js` is checked against
/// (`tests/fixtures/url-rules.json`) is computed natively, with the `url` crate's parser: the
/// browser's parser, which the app uses, gives every case the same route and request.
#[wasm_bindgen_test]
fn the_browser_gives_the_url_rules_table_its_results() {
    let table: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/url-rules.json")).expect("the table");
    let cases = table["cases"].as_array().expect("cases");
    assert!(cases.len() > 100);
    for case in cases {
        let base = case["base"].as_str().expect("base");
        let meta = case["apiBase"].as_str();
        let page = web_sys::Url::new(case["page"].as_str().expect("page")).expect("a page URL");
        let site = web_sys::Url::new(base).expect("a base URL");
        let route = AppPaths::new(&site.pathname()).route_of(&page.pathname());
        let slug = match &route {
            Route::Article(slug)
            | Route::Pillar(slug)
            | Route::EmbedArticle(slug)
            | Route::EmbedCard(slug) => Some(slug.as_str()),
            Route::Feed | Route::Other => None,
        };
        assert_eq!(slug, case["route"]["slug"].as_str(), "{case}");
        let api = ApiBase::resolve::<BrowserUrl>(base, meta);
        assert_eq!(api.is_ok(), Config::resolve(base, meta).is_ok(), "{case}");
        let request = api
            .ok()
            .and_then(|api| api.first_document::<BrowserUrl>(&route));
        assert_eq!(
            request.as_deref(),
            case["request"]["url"].as_str(),
            "{case}"
        );
    }
}

/// Files of the corpus (`tests/fixtures/wild/`), as bytes, by their paths there.
macro_rules! corpus {
    ($($path:literal,)*) => {
        &[$(($path, include_bytes!(concat!("fixtures/wild/", $path)) as &[u8]),)*]
    };
}
/// The RSS and Atom files of the corpus.
fn xml_corpus() -> impl Iterator<Item = &'static (&'static str, &'static [u8])> {
    WILD_CORPUS
        .iter()
        .filter(|(file, _)| file.starts_with("rss/") || file.starts_with("atom/"))
}

/// The app's decoding (`source::http::decode`, the browser's `TextDecoder`) and XML parser
/// (`BrowserXml`, `DOMParser`) give every feed of the corpus what the native ones give
/// (encoding_rs and roxmltree): `tests/fixtures/xml-corpus.json`, written by
/// `crates/model/tests/wild.rs`, holds the native decoded text of the legacy files and a
/// digest of each file's tree.
#[wasm_bindgen_test]
fn feeds_decode_and_parse_as_natively() {
    let native: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/xml-corpus.json")).expect("the fixture");
    assert_eq!(
        native.as_object().map(serde_json::Map::len),
        Some(xml_corpus().count())
    );
    for (file, bytes) in xml_corpus() {
        let expected = &native[*file];
        let buffer = js_sys::Uint8Array::from(*bytes).buffer();
        let text = http::decode(&buffer, expected["charset"].as_str()).expect("decoded");
        match expected["text"].as_str() {
            Some(native_text) => assert_eq!(text, native_text, "{file}"),
            None => {
                let utf8 = std::str::from_utf8(bytes).expect("UTF-8");
                assert_eq!(
                    text,
                    utf8.strip_prefix('\u{feff}').unwrap_or(utf8),
                    "{file}"
                );
            }
        }
        let tree = BrowserXml.parse(&xml::prepare(&text));
        assert_eq!(
            tree.as_ref().map(|root| root.digest()).ok().as_deref(),
            expected["tree"].as_str(),
            "{file}: {:?}",
            tree.err()
        );
    }
}

/// Small documents through both XML parsers: the same tree, or both refuse it.
#[wasm_bindgen_test]
fn the_browser_and_native_xml_parsers_agree() {
    let samples = [
        "<rss><channel><title>a &amp; b <![CDATA[<em>c</em>]]> d</title></channel></rss>",
        "<feed xmlns='http://www.w3.org/2005/Atom' xml:base='https://e.org/'><entry>\
         <content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'><p>x <a href='y' \
         onclick='z'>l</a></p></div></content></entry></feed>",
        "<!DOCTYPE rss [<!ENTITY e \"entity\">]><rss>&e;<!-- c --><?pi x?></rss>",
        "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' \
         xmlns='http://purl.org/rss/1.0/'><item rdf:about='https://e.org/1'/></rdf:RDF>",
    ];
    for sample in samples {
        let native = NativeXml.parse(sample).expect("native");
        assert_eq!(BrowserXml.parse(sample).as_ref(), Ok(&native), "{sample}");
    }
    let deep = "<a>".repeat(80) + &"</a>".repeat(80);
    assert_eq!(
        NativeXml.parse(&deep).map(|r| r.digest()),
        BrowserXml.parse(&deep).map(|r| r.digest())
    );
    for broken in ["<rss><channel></rss>", "<rss>&nbsp;</rss>", "<rss", "text"] {
        assert!(NativeXml.parse(broken).is_err(), "{broken}");
        assert!(BrowserXml.parse(broken).is_err(), "{broken}");
    }
}

/// Every document of the corpus that `tests/fixtures/wild-expected.json` describes, as bytes.
const WILD_CORPUS: &[(&str, &[u8])] = corpus!(
    "jsonfeed/feedrs-influxdata-blog-1.1.json",
    "jsonfeed/feedrs-jsonfeed-example.json",
    "jsonfeed/feedrs-jsonfeed-spec-example.json",
    "jsonfeed/gofeed-sample.json",
    "jsonfeed/jsonfeed-to-atom-bret-io-test-feed.json",
    "jsonfeed/jsonfeed-to-atom-daringfireball.json",
    "jsonfeed/reader-empty.json",
    "jsonfeed/reader-full-1.1.json",
    "jsonfeed/rsparser-jsonfeed-extension.json",
    "jsonfeed/trafilatura-npr-technology.json",
    "jsonld/extruct-jsonld-mixed-valid-invalid.html",
    "jsonld/extruct-jsonld-with-cdata.html",
    "jsonld/html-metadata-turtle-article-invalid-block.html",
    "jsonld/html2jsonld-moz-blog-json-ld-for-beginners.html",
    "jsonld/html2jsonld-zeit-de-article.html",
    "jsonld/html2jsonld-zeit-magazin-jsonld-and-microdata.html",
    "jsonld/newspaper4k-arabic-article-no-jsonld.html",
    "jsonld/newspaper4k-autoindustria-ph.html",
    "jsonld/newspaper4k-blogposting-nollywood.html",
    "jsonld/newspaper4k-burmese-rfa-reportage.html",
    "jsonld/newspaper4k-fox13now-article.html",
    "jsonld/newspaper4k-latvian-news.html",
    "jsonld/newspaper4k-nikkei-japanese.html",
    "jsonld/newspaper4k-time-com.html",
    "jsonld/newspaper4k-video-article-graph.html",
    "jsonld/newspaper4k-wired-article.html",
    "jsonld/newspaper4k-yonhap-korea.html",
    "jsonld/simorgh-bbc-persian-article.test.js",
    "wordpress/frontity-demo-worona-page-embed.json",
    "wordpress/frontity-demo-worona-post-60-embed.json",
    "wordpress/frontity-demo-worona-posts-category-7-embed.json",
    "wordpress/frontity-post-60-comments.json",
    "wordpress/frontity-test-posts-embed.json",
    "wordpress/migrate-mg-wp-api-single-post-with-html-in-title.json",
    "wordpress/migrate-mg-wp-api-single-post.json",
    "wordpress/simse-io-wordpress_test.go",
    "ghost/algolia-ghost6-posts-page-1.json",
    "ghost/algolia-ghost6-posts-page-2.json",
    "ghost/migrate-ghost2-posts-include-authors-tags.json",
    "rss/feedparser-entity-160.xml",
    "rss/feedparser-entity-8216.xml",
    "rss/feedparser-entity-auml.xml",
    "rss/feedparser-entity-nbsp.xml",
    "rss/feedparser-entity-rsquo.xml",
    "rss/feedparser-euc-kr-declared.xml",
    "rss/feedparser-gb2312-no-declaration.xml",
    "rss/feedparser-koi8r-no-declaration.xml",
    "rss/feedparser-windows1255-hebrew-no-declaration.xml",
    "rss/feedrs-anchorfm-podcast.xml",
    "rss/feedrs-ars-technica.xml",
    "rss/feedrs-bbc-in-our-time.xml",
    "rss/feedrs-biorxiv-rss1.xml",
    "rss/feedrs-channel9-azure-friday.xml",
    "rss/feedrs-cloudflare-blog.xml",
    "rss/feedrs-debian-rss1.xml",
    "rss/feedrs-earthquakes-today.xml",
    "rss/feedrs-element-io-blog.xml",
    "rss/feedrs-ghost-blog.xml",
    "rss/feedrs-golem-de-rss1-iso-8859-1.xml",
    "rss/feedrs-heated-substack.xml",
    "rss/feedrs-ilgiornale-it.xml",
    "rss/feedrs-ilmessaggero-it.xml",
    "rss/feedrs-inovacaotecnologica-iso-8859-1.xml",
    "rss/feedrs-insanity-industries-relative-urls.xml",
    "rss/feedrs-kernel-org-releases.xml",
    "rss/feedrs-movie-trailers.xml",
    "rss/feedrs-nasa-breaking-news.xml",
    "rss/feedrs-nbc-newyork.xml",
    "rss/feedrs-newyorker.xml",
    "rss/feedrs-radio-katowice-pl.xml",
    "rss/feedrs-relative-enclosure.xml",
    "rss/feedrs-reuters-truncated-invalid.xml",
    "rss/feedrs-rock-paper-shotgun.xml",
    "rss/feedrs-rss2-spec-sample-scripting-news.xml",
    "rss/feedrs-spiegel-update-de.xml",
    "rss/feedrs-tjsp-rss091-iso-8859-1.xml",
    "rss/feedrs-vimeo-media.xml",
    "rss/feedrs-welcome-to-night-vale-podcast.xml",
    "rss/feedrs-wirecutter.xml",
    "rss/reader-relative-links.rss",
    "rss/rsscrate-rss092-userland-grateful-dead.xml",
    "rss/rsscrate-rss2-spec-sample-liftoff-news.xml",
    "rss/rssparser-guardian.rss",
    "rss/rssparser-instant-article.rss",
    "rss/rssparser-jornal-de-noticias-iso-8859-1.rss",
    "rss/rssparser-narro-podcast.rss",
    "rss/rssparser-oreilly-rss092-example.rss",
    "rss/rssparser-uol-noticias-pt-iso-8859-1.rss",
    "atom/atomcrate-content-xhtml.xml",
    "atom/atomcrate-rfc2822-dates-with-whitespace.xml",
    "atom/feedparser-touchnokia-ru-movable-type.xml",
    "atom/feedparser-windows-1251-declared.xml",
    "atom/feedparser-xml-base-override.xml",
    "atom/feedrs-akamai-blog.xml",
    "atom/feedrs-atom-draft07-snapshot-xhtml.xml",
    "atom/feedrs-content-src.xml",
    "atom/feedrs-ebm-papst-news.xml",
    "atom/feedrs-github-releases.xml",
    "atom/feedrs-newscred-mediarss.xml",
    "atom/feedrs-planet-gnome.xml",
    "atom/feedrs-reddit-homelab-mediarss.xml",
    "atom/feedrs-reddit-rust.xml",
    "atom/feedrs-relative-urls.xml",
    "atom/feedrs-rfc4287-spec-example.xml",
    "atom/feedrs-scattered-thoughts.xml",
    "atom/feedrs-standalone-entry.xml",
    "atom/feedrs-the-register-science.xml",
    "atom/feedrs-usgs-earthquakes.xml",
    "atom/feedrs-xml-base.xml",
    "atom/feedrs-youtube-channel.xml",
    "atom/jsonfeed-to-atom-daringfireball.xml",
    "atom/reader-relative-links.atom",
    "atom/rssparser-blogger-feedburner.atom",
    "atom/rssparser-heise-developer-de.atom",
);

/// Parses with the browser's parser and the native one, keeping where they differ.
#[derive(Default)]
struct BothHtml {
    fragments: std::cell::Cell<usize>,
    differ: std::cell::RefCell<Vec<String>>,
}

impl HtmlParser for BothHtml {
    fn parse(&self, html: &str) -> Vec<HtmlNode> {
        let browser = BrowserHtml.parse(html);
        self.fragments.set(self.fragments.get() + 1);
        let native = NativeHtml.parse(html);
        if native != browser {
            self.differ.borrow_mut().push(format!(
                "{html}\nnatively: {native:?}\nin the browser: {browser:?}"
            ));
        }
        browser
    }
}

/// The prerenderer reads every format natively (`crates/prerender`), the app in the browser:
/// over the whole corpus, every piece of HTML the adapters parse is read alike by both.
#[wasm_bindgen_test]
fn the_native_html_parser_reads_the_whole_corpus_as_the_browser_does() {
    let expected: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("fixtures/wild-expected.json")).expect("the fixture");
    let both = BothHtml::default();
    let parsers = adapt::Parsers {
        html: &both,
        xml: &BrowserXml,
    };
    for entry in &expected {
        let file = entry["file"].as_str().expect("a file");
        let (_, bytes) = WILD_CORPUS
            .iter()
            .find(|(listed, _)| *listed == file)
            .unwrap_or_else(|| panic!("{file}: add it to WILD_CORPUS"));
        let text = match entry["document"].as_str() {
            Some(document) => document.to_owned(),
            None => adapt::encoding::decode(
                bytes,
                entry["content_type"]
                    .as_str()
                    .and_then(adapt::encoding::charset),
            ),
        };
        if let Ok(adapt::Reading::Foreign(format)) = adapt::reading(&text) {
            let _ = adapt::convert(
                format,
                &text,
                Some("https://wild.example/feed"),
                None,
                parsers,
            );
        }
    }
    assert!(
        both.fragments.get() > 500,
        "{} fragments",
        both.fragments.get()
    );
    assert_eq!(both.differ.into_inner(), Vec::<String>::new());
}
