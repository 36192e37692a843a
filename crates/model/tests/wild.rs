//! The adapters on real documents: the JSON Feeds, JSON-LD pages, WordPress REST API and
//! Ghost Content API responses of `tests/fixtures/wild/` (see its `SOURCES.md`), kept as they
//! were found.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use scraper::{Html, Selector};
use serde_json::Value;
use signal_model::adapt::native_xml::NativeXml;
use signal_model::adapt::{NATIVE, XmlElement, XmlParser, encoding, read_article, read_index, xml};
use signal_model::{AppPaths, Block, FeedPage};

fn wild(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/wild")
        .join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    files.sort();
    files
}

fn name(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// The text of every `<script type="application/ld+json">` of an HTML page.
fn script_blocks(page: &str) -> Vec<String> {
    let selector = Selector::parse(r#"script[type="application/ld+json"]"#).expect("a selector");
    Html::parse_document(page)
        .select(&selector)
        .map(|script| script.text().collect())
        .collect()
}

/// The BBC test file holds its page's JSON-LD as a single-quoted JS string after
/// `linkedData:`; `\'` is its only escape.
fn js_linked_data(source: &str) -> Vec<String> {
    let Some((_, rest)) = source.split_once("linkedData:") else {
        return Vec::new();
    };
    let Some((_, rest)) = rest.split_once('\'') else {
        return Vec::new();
    };
    let mut block = String::new();
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => block.extend(chars.next()),
            '\'' => break,
            c => block.push(c),
        }
    }
    vec![block]
}

/// WordPress plugins wrap the block in `// <![CDATA[` … `// ]]>` for old XHTML pages; a
/// search engine's extractor reads through it, and so does this harness.
fn without_cdata(block: &str) -> &str {
    let block = block.trim();
    let block = block.strip_prefix("// <![CDATA[").unwrap_or(block);
    block.strip_suffix("// ]]>").unwrap_or(block).trim()
}

/// A page's JSON-LD blocks that are JSON, as one document: an array of their objects (a
/// block that is an array gives its items). Invalid blocks are skipped, as search engines do.
fn json_ld_document(blocks: &[String]) -> Option<String> {
    let mut objects = Vec::new();
    for block in blocks {
        match serde_json::from_str::<Value>(without_cdata(block)) {
            Ok(Value::Array(items)) => objects.extend(items),
            Ok(other) => objects.push(other),
            Err(_) => {}
        }
    }
    (!objects.is_empty()).then(|| Value::Array(objects).to_string())
}

/// What a headline, a summary or a name must not show: character references or tags.
fn assert_clean(text: &str, file: &str) {
    let reference = text.match_indices('&').any(|(at, _)| {
        let after = &text[at + 1..];
        let name = after.strip_prefix('#').unwrap_or(after);
        let len = name
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(name.len());
        len > 0 && (name[len..].starts_with(';') || after.starts_with('#'))
    });
    assert!(!reference, "{file}: a character reference left in {text:?}");
    let tag = text.match_indices('<').any(|(at, _)| {
        text[at + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!')
    });
    assert!(!tag, "{file}: a tag left in {text:?}");
}

fn assert_page_clean(page: &FeedPage, file: &str) {
    assert!(!page.full.is_empty(), "{file}: no article");
    for article in &page.full {
        assert_clean(&article.headline, file);
        for text in article.summary.iter().chain(&article.kicker) {
            assert_clean(text, file);
        }
        for pillar in &article.pillars {
            assert_clean(&pillar.name, file);
        }
        if let Some(publisher) = &article.publisher {
            assert_clean(&publisher.name, file);
        }
    }
}

/// The pages that hold no article: a product, an organisation, no JSON-LD at all.
const WITHOUT_ARTICLE: &[&str] = &[
    "extruct-jsonld-mixed-valid-invalid.html",
    "extruct-jsonld-with-cdata.html",
    "html-metadata-turtle-article-invalid-block.html",
    "newspaper4k-arabic-article-no-jsonld.html",
];

#[test]
fn real_json_feeds_are_read() {
    let files = wild("jsonfeed");
    let mut read = 0;
    let mut failures = Vec::new();
    for path in &files {
        let file = name(path);
        let json = std::fs::read_to_string(path).expect("a UTF-8 feed");
        match read_index(&json, None, NATIVE) {
            Ok(page) => {
                read += 1;
                assert_page_clean(&page, &file);
                println!("{file}: {} articles", page.full.len());
            }
            Err(err) => failures.push(format!("{file}: {err}")),
        }
    }
    // Undated items and a bare "1.0" version are read too (before either: 7/10).
    println!("JSON Feeds read: {read}/{}", files.len());
    assert_eq!(read, files.len(), "{failures:?}");
    for failure in &failures {
        println!("  not read: {failure}");
    }
}

#[test]
fn real_json_ld_pages_are_read() {
    let files = wild("jsonld");
    let mut read = 0;
    let mut failures = Vec::new();
    for path in &files {
        let file = name(path);
        let source = std::fs::read_to_string(path).expect("a UTF-8 page");
        let blocks = if file.ends_with(".js") {
            js_linked_data(&source)
        } else {
            script_blocks(&source)
        };
        let Some(document) = json_ld_document(&blocks) else {
            assert!(
                WITHOUT_ARTICLE.contains(&file.as_str()),
                "{file}: no JSON-LD"
            );
            failures.push(format!("{file}: no JSON-LD block that is JSON"));
            continue;
        };
        match read_index(&document, None, NATIVE) {
            Ok(page) => {
                assert!(!WITHOUT_ARTICLE.contains(&file.as_str()), "{file}: read");
                read += 1;
                assert_page_clean(&page, &file);
                let headlines: Vec<&str> = page.full.iter().map(|a| a.headline.as_str()).collect();
                println!("{file}: {headlines:?}");
            }
            Err(err) => {
                // A page without an article is told so plainly, with what it holds instead.
                let message = err.to_string();
                assert!(
                    WITHOUT_ARTICLE.contains(&file.as_str())
                        && message.starts_with("expected a schema.org Article")
                        && message.contains(", found "),
                    "{file}: {message}"
                );
                failures.push(format!("{file}: {message}"));
            }
        }
    }
    // Before references, HTML in text, all Article types and repeats were handled: 8/15.
    println!(
        "JSON-LD pages read: {read}/{}, and {} say they hold no article",
        files.len(),
        WITHOUT_ARTICLE.len()
    );
    assert_eq!(read + WITHOUT_ARTICLE.len(), files.len());
    for failure in &failures {
        println!("  not read: {failure}");
    }
}

/// The charset a server would send with the legacy files that declare no encoding: what
/// their test suite says they are in. Without it they read as windows-1252 (`docs/formats.md`).
const SERVED_CHARSET: &[(&str, &str)] = &[
    ("feedparser-gb2312-no-declaration.xml", "gb2312"),
    ("feedparser-koi8r-no-declaration.xml", "koi8-r"),
    (
        "feedparser-windows1255-hebrew-no-declaration.xml",
        "windows-1255",
    ),
];

/// A corpus file's bytes decoded as the app decodes them.
fn decoded(path: &Path) -> String {
    let bytes = std::fs::read(path).expect("a file");
    let file = name(path);
    let charset = SERVED_CHARSET
        .iter()
        .find(|(name, _)| *name == file)
        .map(|(_, charset)| *charset);
    encoding::decode(&bytes, charset)
}

/// The XML feeds that hold nothing a reader could show, and the error each gives.
const XML_UNREAD: &[(&str, &str)] = &[
    // Test files of feedparser's that end in `</rss` (as shipped): not well-formed.
    ("feedparser-entity-160.xml", "the XML is not well-formed"),
    ("feedparser-entity-8216.xml", "the XML is not well-formed"),
    // Entity tests with a channel title and no item.
    (
        "feedparser-entity-auml.xml",
        "channel.item: the feed has no items",
    ),
    (
        "feedparser-entity-nbsp.xml",
        "channel.item: the feed has no items",
    ),
    (
        "feedparser-entity-rsquo.xml",
        "channel.item: the feed has no items",
    ),
    // Cut off in the middle of the document.
    (
        "feedrs-reuters-truncated-invalid.xml",
        "the XML is not well-formed: the root node was opened but never closed",
    ),
    // An encoding test: a feed title and no entry.
    (
        "feedparser-windows-1251-declared.xml",
        "feed.entry: the feed has no entries",
    ),
];

/// The feed whose first item's content is only an image (dropped: images are for later).
const IMAGE_ONLY: &str = "feedrs-xml-base.xml";

/// Feeds whose items have no date at all (or only O'Reilly's `03 Apr 02 1500 GMT`, which
/// `adapt::dates` refuses): their articles are undated (`published_at: null`), and some have
/// no body either.
const UNDATED: &[&str] = &[
    "feedparser-euc-kr-declared.xml",
    "feedparser-gb2312-no-declaration.xml",
    "feedparser-koi8r-no-declaration.xml",
    "feedparser-windows1255-hebrew-no-declaration.xml",
    "feedrs-tjsp-rss091-iso-8859-1.xml",
    "reader-relative-links.rss",
    "rsscrate-rss092-userland-grateful-dead.xml",
    "rssparser-oreilly-rss092-example.rss",
    "atomcrate-content-xhtml.xml",
    "feedparser-xml-base-override.xml",
    "reader-relative-links.atom",
];

fn xml_feeds(folder: &str, kind: &str) -> usize {
    let files = wild(folder);
    let mut read = 0;
    let mut failures = Vec::new();
    for path in &files {
        let file = name(path);
        let text = decoded(path);
        let base = format!("https://feeds.example.org/{folder}/{file}");
        let unread = XML_UNREAD.iter().find(|(name, _)| *name == file);
        match read_index(&text, Some(&base), NATIVE) {
            Ok(page) => {
                assert!(unread.is_none(), "{file}: read");
                read += 1;
                assert_page_clean(&page, &file);
                let first = &page.full[0];
                assert!(
                    !first.body.is_empty()
                        || UNDATED.contains(&file.as_str())
                        || file == IMAGE_ONLY,
                    "{file}: the first item's body has no text"
                );
                println!(
                    "{file}: {} articles; first: {:?}",
                    page.full.len(),
                    first.headline
                );
            }
            Err(err) => {
                let message = err.to_string();
                match unread {
                    Some((_, expected)) => {
                        assert!(message.starts_with(expected), "{file}: {message}");
                    }
                    None => assert!(
                        UNDATED.contains(&file.as_str())
                            && (message.contains(".pubDate: expected a string, found null")
                                || message.contains(".published: expected a string, found null")),
                        "{file}: {message}"
                    ),
                }
                failures.push(format!("{file}: {message}"));
            }
        }
    }
    println!("{kind} {read}/{} read", files.len());
    for failure in &failures {
        println!("  not read: {failure}");
    }
    read
}

/// Every feed is read but those that hold nothing to show (XML_UNREAD), undated ones too.
fn all_but_unread(folder: &str) -> usize {
    let unread = wild(folder)
        .iter()
        .filter(|path| XML_UNREAD.iter().any(|(file, _)| *file == name(path)))
        .count();
    wild(folder).len() - unread
}

#[test]
fn real_rss_feeds_are_read() {
    assert_eq!(xml_feeds("rss", "RSS"), all_but_unread("rss"));
}

#[test]
fn real_atom_feeds_are_read() {
    assert_eq!(xml_feeds("atom", "Atom"), all_but_unread("atom"));
}

/// The legacy encodings decode to the right text: a title or description of each file.
#[test]
fn legacy_encodings_are_decoded() {
    let expected = [
        ("atom/feedparser-windows-1251-declared.xml", "\u{402}"),
        ("rss/feedparser-euc-kr-declared.xml", "\u{b144}"),
        (
            "rss/feedparser-gb2312-no-declaration.xml",
            "不归移民漫画系列：专业工作",
        ),
        ("rss/feedrs-golem-de-rss1-iso-8859-1.xml", "Golem.de"),
        (
            "rss/rssparser-jornal-de-noticias-iso-8859-1.rss",
            "Mãe de utente é a nova presidente da Raríssimas",
        ),
    ];
    let mut fixture = serde_json::Map::new();
    for path in wild("rss").iter().chain(&wild("atom")) {
        let folder = path.parent().and_then(Path::file_name).unwrap_or_default();
        let file = format!("{}/{}", folder.to_string_lossy(), name(path));
        let text = decoded(path);
        let bytes = std::fs::read(path).expect("a file");
        let legacy = std::str::from_utf8(&bytes).is_err();
        let tree = NativeXml.parse(&xml::prepare(&text));
        let titles: Vec<String> = tree.as_ref().map(titles).unwrap_or_default();
        if let Some((_, title)) = expected.iter().find(|(name, _)| *name == file) {
            assert!(titles.iter().any(|t| t == title), "{file}: {titles:?}");
        }
        assert!(
            titles.iter().all(|t| !t.contains('\u{fffd}')),
            "{file}: {titles:?}"
        );
        let charset = SERVED_CHARSET
            .iter()
            .find(|(name, _)| file.ends_with(name))
            .map(|(_, charset)| *charset);
        fixture.insert(
            file,
            serde_json::json!({
                "charset": charset,
                "legacy": legacy,
                "text": if legacy { Some(&text) } else { None },
                "tree": tree.as_ref().map(XmlElement::digest).ok(),
                "error": tree.as_ref().err().is_some(),
            }),
        );
    }
    // Legacy files that declare nothing, served without a charset: windows-1252, never an error.
    let gb2312 = std::fs::read(
        wild("rss")
            .into_iter()
            .find(|p| name(p) == "feedparser-gb2312-no-declaration.xml")
            .expect("the file"),
    )
    .expect("bytes");
    assert_eq!(encoding::label(&gb2312, None), "windows-1252");
    check_fixture("xml-corpus.json", &serde_json::Value::Object(fixture));
}

/// Every `title` and `description` text in the document, in order.
fn titles(element: &XmlElement) -> Vec<String> {
    let mut out = Vec::new();
    if element.name == "title" || element.name == "description" {
        out.push(element.text().trim().to_owned());
    }
    for child in element.elements() {
        out.extend(titles(child));
    }
    out
}

/// `tests/fixtures/<name>`, which the browser tests (`tests/source.rs`) compare their own
/// decoding and parsing with: written with `UPDATE_XML_FIXTURE=1`, else checked.
fn check_fixture(name: &str, value: &serde_json::Value) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name);
    let text = serde_json::to_string_pretty(value).expect("JSON") + "\n";
    if std::env::var_os("UPDATE_XML_FIXTURE").is_some() {
        std::fs::write(&path, text).expect("written");
    } else {
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            current == text,
            "{} is out of date: run with UPDATE_XML_FIXTURE=1",
            path.display()
        );
    }
}

/// What the browser test (`tests/e2e/wild.test.mjs`) must see for one corpus document: what
/// this native pipeline makes of it. The browser reads the same document through its own
/// HTML parser, so the test also compares the two parsers over the whole corpus.
#[derive(serde::Serialize)]
struct Expected {
    /// The file under `tests/fixtures/wild/`.
    file: String,
    /// The `Content-Type` it is served with.
    content_type: String,
    /// What is served instead of the file, when the file is not itself the document: a
    /// page's JSON-LD blocks, as one document.
    document: Option<String>,
    /// The feed's cards' headlines, in the order the feed shows them.
    cards: Vec<String>,
    /// The feed's notice, one line per cut.
    notices: Vec<String>,
    /// The first card's article.
    article: Option<ExpectedArticle>,
    /// Why the document cannot be read at all.
    error: Option<String>,
}

#[derive(serde::Serialize)]
struct ExpectedArticle {
    /// Its page in the reader, at `/`.
    path: String,
    headline: String,
    /// The text of its first paragraph, if it has one.
    paragraph: Option<String>,
    /// "Read the full article at …" and where it leads, for an article without a body.
    full_article: Option<(String, String)>,
    notices: Vec<String>,
    /// Contract 1.1, as the adapters read it: the hero's address, the byline's names, the
    /// language tag and the update shown ("Updated …"), as `<time datetime>` writes it.
    image: Option<String>,
    authors: Vec<String>,
    language: Option<String>,
    updated: Option<String>,
}

/// Where the browser test serves the corpus: its Chromium resolves this host to its own
/// server, so relative links resolve to the same URLs there as here.
const SERVED_AT: &str = "http://wild.example/";

fn expected(file: String, content_type: String, document: Option<String>, text: &str) -> Expected {
    let base = format!("{SERVED_AT}{file}");
    let base = Some(base.as_str());
    let page = match read_index(text, base, NATIVE) {
        Ok(page) => page,
        Err(err) => {
            return Expected {
                file,
                content_type,
                document,
                cards: Vec::new(),
                notices: Vec::new(),
                article: None,
                error: Some(err.to_string()),
            };
        }
    };
    let cards = signal_model::feed::merge_pages([&page]);
    let article = cards.first().map(|card| {
        let article = read_article(text, base, &card.slug, NATIVE)
            .unwrap_or_else(|e| panic!("{file}: the first card's article: {e}"));
        let paragraph = article.body.iter().find_map(|block| match block {
            Block::Paragraph(text) => Some(text.plain()),
            _ => None,
        });
        ExpectedArticle {
            path: AppPaths::new("/").article(&card.slug),
            headline: article.headline.clone(),
            paragraph,
            full_article: signal_model::text::full_article_link(&article)
                .map(|(label, url)| (label, url.as_str().to_owned())),
            notices: article.cut.iter().map(|cut| cut.message()).collect(),
            image: article.image.as_ref().map(|i| i.url.as_str().to_owned()),
            authors: article.authors.iter().map(|a| a.name.clone()).collect(),
            language: article.language.as_ref().map(|l| l.as_str().to_owned()),
            updated: article.shown_update().map(|d| d.machine()),
        }
    });
    Expected {
        file,
        content_type,
        document,
        cards: cards.iter().map(|card| card.headline.clone()).collect(),
        notices: page.cut.iter().map(|cut| cut.message()).collect(),
        article,
        error: None,
    }
}

/// Writes `tests/fixtures/wild-expected.json` (with `UPDATE_WILD_EXPECTED=1`), or fails when
/// it is stale: the browser test reads it.
#[test]
fn the_browser_test_expects_what_the_model_makes() {
    let mut all = Vec::new();
    for path in wild("jsonfeed") {
        let text = std::fs::read_to_string(&path).expect("a UTF-8 feed");
        all.push(expected(
            format!("jsonfeed/{}", name(&path)),
            "application/feed+json".into(),
            None,
            &text,
        ));
    }
    for path in wild("jsonld") {
        let file = name(&path);
        let source = std::fs::read_to_string(&path).expect("a UTF-8 page");
        let blocks = if file.ends_with(".js") {
            js_linked_data(&source)
        } else {
            script_blocks(&source)
        };
        // A page without JSON-LD is served as the page it is, and the reader says so.
        let Some(document) = json_ld_document(&blocks) else {
            all.push(Expected {
                file: format!("jsonld/{file}"),
                content_type: "text/html; charset=utf-8".into(),
                document: None,
                cards: Vec::new(),
                notices: Vec::new(),
                article: None,
                error: Some(
                    "The server sent text/html instead of JSON. Check the address in \
                     signal:api-base."
                        .into(),
                ),
            });
            continue;
        };
        all.push(expected(
            format!("jsonld/{file}"),
            "application/ld+json".into(),
            Some(document.clone()),
            &document,
        ));
    }
    for path in wild("wordpress") {
        let file = name(&path);
        let source = std::fs::read_to_string(&path).expect("a UTF-8 file");
        // The Go test serves its response from a raw string: that is the document.
        let document = file
            .ends_with(".go")
            .then(|| go_raw_string(&source).expect("a response"));
        let text = document.clone().unwrap_or(source);
        all.push(expected(
            format!("wordpress/{file}"),
            "application/json; charset=UTF-8".into(),
            document,
            &text,
        ));
    }
    // Jest snapshots are not JSON documents (see real_ghost_responses_are_read).
    for path in wild("ghost")
        .into_iter()
        .filter(|p| !name(p).ends_with(".snap"))
    {
        let text = std::fs::read_to_string(&path).expect("a UTF-8 file");
        all.push(expected(
            format!("ghost/{}", name(&path)),
            "application/json; charset=utf-8".into(),
            None,
            &text,
        ));
    }
    // Feeds are served as their bytes, with no charset unless a server would need one to
    // read them (SERVED_CHARSET): their own declaration rules.
    for (folder, media_type) in [
        ("rss", "application/rss+xml"),
        ("atom", "application/atom+xml"),
    ] {
        for path in wild(folder) {
            let file = name(&path);
            let content_type = match SERVED_CHARSET.iter().find(|(name, _)| *name == file) {
                Some((_, charset)) => format!("{media_type}; charset={charset}"),
                None => media_type.to_owned(),
            };
            all.push(expected(
                format!("{folder}/{file}"),
                content_type,
                None,
                &decoded(&path),
            ));
        }
    }
    let actual = serde_json::to_string_pretty(&all).expect("JSON") + "\n";
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/wild-expected.json");
    if std::env::var_os("UPDATE_WILD_EXPECTED").is_some() {
        std::fs::write(&path, &actual).expect("written");
        return;
    }
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == actual,
        "tests/fixtures/wild-expected.json is stale: regenerate it with \
         `UPDATE_WILD_EXPECTED=1 cargo test -p signal-model --test wild`"
    );
}

/// Not a posts response: WordPress's `/wp/v2/comments` (comments have no `slug`).
const WORDPRESS_NOT_POSTS: &[&str] = &["frontity-post-60-comments.json"];

/// The WordPress response inside the Go test file: the backquoted string it prints.
fn go_raw_string(source: &str) -> Option<String> {
    let (_, rest) = source.split_once("Fprintln")?;
    let (_, rest) = rest.split_once('`')?;
    let (body, _) = rest.split_once('`')?;
    Some(body.to_owned())
}

#[test]
fn real_wordpress_responses_are_read() {
    let files = wild("wordpress");
    let (mut read, mut documents) = (0, 0);
    for path in &files {
        let file = name(path);
        let source = std::fs::read_to_string(path).expect("a UTF-8 file");
        let json = if file.ends_with(".go") {
            // A Go test that serves a verbatim `/wp/v2/posts` response from a raw string.
            go_raw_string(&source).unwrap_or_else(|| panic!("{file}: no raw string"))
        } else {
            source
        };
        documents += 1;
        match read_index(&json, None, NATIVE) {
            Ok(page) => {
                assert!(
                    !WORDPRESS_NOT_POSTS.contains(&file.as_str()),
                    "{file}: read"
                );
                read += 1;
                assert_page_clean(&page, &file);
                for article in &page.full {
                    let date = article.published_at.expect("dated").machine();
                    assert!(date.len() > 10, "{file}: date_gmt is a UTC time ({date})");
                    assert!(!article.sources.is_empty(), "{file}: `link` is the source");
                }
                let pillars: Vec<Vec<&str>> = page
                    .full
                    .iter()
                    .map(|a| a.pillars.iter().map(|p| p.name.as_str()).collect())
                    .collect();
                let headlines: Vec<&str> = page.full.iter().map(|a| a.headline.as_str()).collect();
                println!("{file}: {headlines:?} pillars {pillars:?}");
            }
            Err(err) => {
                assert!(
                    WORDPRESS_NOT_POSTS.contains(&file.as_str()),
                    "{file}: {err}"
                );
                println!("  not read: {file}: {err}");
            }
        }
    }
    assert_eq!(read + WORDPRESS_NOT_POSTS.len(), documents);
    println!("WordPress {read}/{documents} read");
}

#[test]
fn real_ghost_responses_are_read() {
    let files = wild("ghost");
    let (mut read, mut documents) = (0, 0);
    for path in &files {
        let file = name(path);
        if file.ends_with(".snap") {
            // Jest snapshots print bodies in Jest's own format, with volatile values replaced
            // by matchers: not JSON, and not read here.
            println!("  skipped: {file} (a Jest snapshot, not JSON)");
            continue;
        }
        documents += 1;
        let json = std::fs::read_to_string(path).expect("a UTF-8 file");
        let page = read_index(&json, None, NATIVE).unwrap_or_else(|e| panic!("{file}: {e}"));
        read += 1;
        assert_page_clean(&page, &file);
        let doc: Value = serde_json::from_str(&json).expect("JSON");
        let next = doc["meta"]["pagination"]["next"].as_u64();
        assert_eq!(page.next_page, next, "{file}: meta.pagination.next");
        for article in &page.full {
            assert!(article.publisher.is_some(), "{file}: the site from `url`");
        }
        let headlines: Vec<&str> = page
            .full
            .iter()
            .take(3)
            .map(|a| a.headline.as_str())
            .collect();
        println!(
            "{file}: {} articles, next page {next:?}, first {headlines:?}",
            page.full.len()
        );
    }
    println!("Ghost {read}/{documents} read");
    assert!(documents >= 3);
}
