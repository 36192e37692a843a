//! The app's URL rules as a table: for a page address and an API base, the page's route and
//! the document it asks for first, with its headers, and the constants `public/boot.js`
//! shares with the app. The table is computed here with the model's own functions and kept in
//! `tests/fixtures/url-rules.json`, which `tests/e2e/url_rules.test.mjs` runs boot.js over:
//! boot.js can then never drift from the app unnoticed, and the file never drifts from the
//! code (this test fails when it is stale).
//!
//! Regenerate it with `UPDATE_URL_RULES=1 cargo test -p signal-model --test url_rules`.

mod common;

use common::NativeUrl;
use serde_json::{Value, json};
use signal_model::{
    AppPaths, Route,
    api::{ACCEPT, ApiBase, WebUrl},
    limits::MAX_DOCUMENT_BYTES,
    site::THEME_STORAGE_KEY,
};

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/url-rules.json"
);

/// The sites: at the root, and under a sub-path (`trunk build --public-url /reader/`).
const SITES: &[&str] = &["https://reader.example/", "https://reader.example/reader/"];

/// `signal:api-base` as a deployer may write it (None: no `<meta>`).
const API_BASES: &[Option<&str>] = &[
    None,
    Some(""),
    Some("https://api.example.net/v1/"),
    Some("  https://api.example.net/v1  "),
    Some("https://api.example.net/v1/?key=1"),
    Some("https://api.example.net/v1/#top"),
    Some("/api/"),
    Some("../shared/data"),
    Some("https://api.example.net/feed.json"),
    Some("https://api.example.net/news.jsonld"),
    Some("data/index.json"),
    Some("https://api.example.net/?format=feed"),
    Some("ftp://api.example.net/v1/"),
    Some("javascript:alert(1)"),
    Some("http://[bad"),
    // WordPress and Ghost posts APIs, as their users know them.
    Some("https://site.example/wp-json/wp/v2/posts"),
    Some("https://site.example/wp-json/wp/v2/posts/?_embed"),
    Some("https://site.example/blog/wp-json/wp/v2/posts?per_page=5&page=2&_embed=1"),
    Some("https://site.example/?rest_route=/wp/v2/posts"),
    Some("https://site.example/index.php?rest_route=%2Fwp%2Fv2%2Fposts&_fields=id"),
    Some("https://site.example/wp-json/wp/v2/pages"),
    Some(
        "https://site.example/ghost/api/content/posts/?key=22444f78447824223cefc48062&include=tags,authors",
    ),
    Some("https://site.example/blog/ghost/api/content/posts?key=k1&limit=5&page=2&filter=tag:x"),
    Some("https://site.example/ghost/api/v3/content/posts/?key=k1"),
    Some("https://site.example/ghost/api/content/pages/?key=k1"),
];

/// The posts APIs every slug is tried with.
const POSTS_APIS: &[&str] = &[
    "https://site.example/wp-json/wp/v2/posts?_embed",
    "https://site.example/ghost/api/content/posts/?key=k1&include=tags,authors",
];

/// Slugs as they appear in an address (the browser escapes what a URL cannot hold): every
/// character with a meaning in URLs, raw and escaped, spaces, other scripts, and escapes that
/// are not UTF-8 or not escapes at all.
const SLUGS: &[&str] = &[
    "rare-liver-cancer-immunotherapy-amd3100",
    "a&b",
    "a+b",
    "a,b",
    "a;b",
    "a=b",
    "a@b",
    "a:b",
    "a$b",
    "a%26b%2Bc%2Cd%3Be%3Df%40g%3Ah%24i",
    "a%2Fb",
    "a%3Fb",
    "a%23b",
    "a%25b",
    "100%",
    "%zz",
    "a b",
    "a%20b",
    "a!b'c(d)e*f~g",
    "[a]",
    "a\"b<c>d`e{f}g|h\\i^j",
    "caf\u{e9}",
    "%E6%97%A5%E6%9C%AC",
    "\u{1F600}",
    "%FF",
    "%E2%82",
    "%C3%A9%e2%82%ac",
    "a.b..c",
];

/// The site's pages (paths relative to the site) for one slug: the article, and with
/// `all`, the other pages that carry a slug.
fn pages(slug: &str, all: bool) -> Vec<String> {
    let mut pages = vec![format!("articles/{slug}")];
    if all {
        pages.push(format!("embed/articles/{slug}"));
        pages.push(format!("embed/cards/{slug}"));
        pages.push(format!("pillars/{slug}"));
    }
    pages
}

/// Pages that read nothing or are not the app's, and the feed.
const OTHER_PAGES: &[&str] = &[
    "",
    "articles/",
    "articles",
    "articles/a/b",
    "embed/articles/",
    "embed/other/x",
    "about",
    "/elsewhere/articles/x",
    "/readerx/articles/x",
    "articles/x?utm=1#top",
    "articles/x/",
];

fn route_json(route: &Route) -> Value {
    let (page, slug) = match route {
        Route::Feed => ("feed", None),
        Route::Article(slug) => ("article", Some(slug)),
        Route::Pillar(slug) => ("pillar", Some(slug)),
        Route::EmbedArticle(slug) => ("embed-article", Some(slug)),
        Route::EmbedCard(slug) => ("embed-card", Some(slug)),
        Route::Other => ("other", None),
    };
    match slug {
        Some(slug) => json!({ "page": page, "slug": slug }),
        None => json!({ "page": page }),
    }
}

/// One row: what the app does at `page` under the site `base` with `api_base`.
fn case(base: &str, page: &str, api_base: Option<&str>) -> (Value, Route, Option<String>) {
    let page = NativeUrl::parse(page, Some(base)).expect("a page address");
    let site = NativeUrl::parse(base, None).expect("a site address");
    let route = AppPaths::new(&site.pathname()).route_of(&page.pathname());
    let document = ApiBase::resolve::<NativeUrl>(base, api_base)
        .ok()
        .and_then(|api| api.first_document::<NativeUrl>(&route));
    let request = document.as_ref().map_or(
        Value::Null,
        |url| json!({ "url": url, "headers": { "Accept": ACCEPT } }),
    );
    let row = json!({
        "base": base,
        "page": page.href(),
        "apiBase": api_base,
        "route": route_json(&route),
        "request": request,
    });
    (row, route, document)
}

fn table() -> (Value, Vec<(Route, Option<String>)>) {
    let mut rows = Vec::new();
    let mut outcomes = Vec::new();
    let mut add = |base: &str, page: &str, api_base: Option<&str>| {
        let (row, route, document) = case(base, page, api_base);
        rows.push(row);
        outcomes.push((route, document));
    };
    for base in SITES {
        // Every page with a folder on another origin and with the default, relative one.
        for api_base in [None, Some("https://api.example.net/v1/")] {
            for slug in SLUGS {
                for page in pages(slug, api_base.is_some()) {
                    add(base, &page, api_base);
                }
            }
            for page in OTHER_PAGES {
                add(base, page, api_base);
            }
        }
        // Every slug's article with a posts API, which asks for it by slug.
        for api_base in POSTS_APIS {
            for slug in SLUGS {
                add(base, &format!("articles/{slug}"), Some(api_base));
            }
        }
        // Every API base with a few pages.
        for api_base in API_BASES {
            for page in [
                "",
                "articles/a&b%20c",
                "pillars/p",
                "embed/cards/x",
                "about",
            ] {
                add(base, page, *api_base);
            }
        }
    }
    let table = json!({
        "about": "Generated by crates/model/tests/url_rules.rs from the app's URL rules \
                  (crates/model/src/api.rs, link.rs); checked against public/boot.js by \
                  tests/e2e/url_rules.test.mjs. Regenerate: \
                  UPDATE_URL_RULES=1 cargo test -p signal-model --test url_rules",
        "constants": {
            "accept": ACCEPT,
            "maxDocumentBytes": MAX_DOCUMENT_BYTES,
            "themeStorageKey": THEME_STORAGE_KEY,
        },
        "cases": rows,
    });
    (table, outcomes)
}

/// The table as JSON, one case a line, so that a change to the rules shows in a diff as the
/// cases it changes.
fn to_json(table: &Value) -> String {
    let cases: Vec<String> = table["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|case| format!("    {case}"))
        .collect();
    format!(
        "{{\n  \"about\": {},\n  \"constants\": {},\n  \"cases\": [\n{}\n  ]\n}}\n",
        table["about"],
        table["constants"],
        cases.join(",\n")
    )
}

#[test]
fn url_rules_json_is_up_to_date() {
    let (table, _) = table();
    let expected = to_json(&table);
    let actual = std::fs::read_to_string(FILE).unwrap_or_default();
    if actual == expected {
        return;
    }
    if std::env::var_os("UPDATE_URL_RULES").is_some() {
        std::fs::write(FILE, &expected).expect("write tests/fixtures/url-rules.json");
        return;
    }
    let first_difference = expected
        .lines()
        .zip(actual.lines())
        .position(|(e, a)| e != a)
        .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
    panic!(
        "tests/fixtures/url-rules.json does not match the app's URL rules (first difference at \
         line {}: expected {:?}, found {:?}). If the rules changed on purpose, regenerate it with \
         `UPDATE_URL_RULES=1 cargo test -p signal-model --test url_rules` and check that \
         public/boot.js still passes tests/e2e/url_rules.test.mjs.",
        first_difference + 1,
        expected.lines().nth(first_difference).unwrap_or(""),
        actual
            .lines()
            .nth(first_difference)
            .unwrap_or("<end of file>"),
    );
}

/// An article's document URL names that article: its last segment decodes to the slug, so a
/// server finds the file whatever characters the slug holds.
#[test]
fn article_urls_decode_to_their_slug() {
    let (_, outcomes) = table();
    let mut checked = 0;
    for (route, document) in outcomes {
        let (Route::Article(slug), Some(url)) = (&route, &document) else {
            continue;
        };
        if !url.contains("/articles/") {
            continue;
        }
        let name = url.rsplit('/').next().expect("a path");
        assert!(
            !name.contains(['?', '#']),
            "{url}: a slug never adds a query or a fragment"
        );
        let decoded = percent_encoding::percent_decode_str(name).decode_utf8_lossy();
        assert_eq!(decoded, format!("{slug}.json"), "{url}");
        checked += 1;
    }
    assert!(
        checked > 50,
        "the table has articles in folders ({checked})"
    );
}

/// A posts API's article URL names that article: WordPress's `slug` parameter and Ghost's
/// `slug/<slug>/` segment decode to the slug, and the page parameters are gone.
#[test]
fn posts_api_article_urls_decode_to_their_slug() {
    let (_, outcomes) = table();
    let (mut wordpress, mut ghost) = (0, 0);
    for (route, document) in outcomes {
        let (Route::Article(slug), Some(url)) = (&route, &document) else {
            continue;
        };
        let decode = |s: &str| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8_lossy()
                .into_owned()
        };
        if url.contains("/wp/v2/posts") || url.contains("rest_route=") {
            let query = url.split_once('?').expect("a query").1;
            let slugs: Vec<&str> = query
                .split('&')
                .filter_map(|p| p.strip_prefix("slug="))
                .collect();
            assert_eq!(slugs.len(), 1, "{url}");
            assert_eq!(decode(slugs[0]), *slug, "{url}");
            assert!(!query.split('&').any(|p| p.starts_with("page=")), "{url}");
            assert!(query.contains("_embed"), "{url}");
            wordpress += 1;
        } else if url.contains("/content/posts/") {
            let (path, query) = url.split_once('?').unwrap_or((url, ""));
            let segment = path
                .strip_suffix('/')
                .and_then(|p| p.rsplit_once("/slug/"))
                .expect("a slug segment")
                .1;
            assert_eq!(decode(segment), *slug, "{url}");
            assert!(query.contains("key="), "{url}");
            assert!(!query.split('&').any(|p| p.starts_with("page=")), "{url}");
            ghost += 1;
        }
    }
    assert!(wordpress > 50 && ghost > 50, "{wordpress} {ghost}");
}

/// The table covers what it promises: every reserved character in a slug, and each kind of
/// outcome.
#[test]
fn the_table_covers_reserved_characters_and_every_outcome() {
    let (table, outcomes) = table();
    let slugs: String = outcomes
        .iter()
        .filter_map(|(route, _)| match route {
            Route::Article(slug) => Some(slug.as_str()),
            _ => None,
        })
        .collect();
    for c in "&+,;=@:$/?#% \u{e9}\u{FFFD}".chars() {
        assert!(slugs.contains(c), "a slug with {c:?}");
    }
    let rows = table["cases"].as_array().expect("cases");
    let requests = |wanted: &str| {
        rows.iter()
            .filter(|row| {
                row["request"]["url"]
                    .as_str()
                    .is_some_and(|u| u.contains(wanted))
            })
            .count()
    };
    assert!(requests("https://reader.example/reader/data/articles/") > 0);
    assert!(requests("https://api.example.net/feed.json") > 0);
    assert!(requests("https://api.example.net/news.jsonld") > 0);
    assert!(rows.iter().any(|row| row["request"].is_null()));
}

/// A slug is escaped as JavaScript's `encodeURIComponent` escapes it (boot.js calls it):
/// every ASCII character checked, and UTF-8 bytes for the rest.
#[test]
fn segments_are_escaped_as_encode_uri_component_does() {
    for byte in 0u8..0x80 {
        let c = char::from(byte);
        let kept = c.is_ascii_alphanumeric() || "-_.!~*'()".contains(c);
        let expected = if kept {
            c.to_string()
        } else {
            format!("%{byte:02X}")
        };
        assert_eq!(
            signal_model::link::encode_segment(&c.to_string()),
            expected,
            "{c:?}"
        );
    }
    assert_eq!(
        signal_model::link::encode_segment("caf\u{e9} \u{1F600}"),
        "caf%C3%A9%20%F0%9F%98%80"
    );
}

/// The `Accept` header is a CORS-safelisted request-header (Fetch standard): at most 128 bytes,
/// none of the CORS-unsafe request-header bytes. Past that, every cross-origin request the
/// reader makes would be preceded by a preflight that many backends do not answer.
#[test]
fn the_accept_header_needs_no_preflight() {
    assert!(ACCEPT.len() <= 128, "{} bytes", ACCEPT.len());
    let unsafe_byte = |b: u8| {
        (b < 0x20 && b != b'\t')
            || matches!(
                b,
                b'"' | b'('
                    | b')'
                    | b':'
                    | b'<'
                    | b'>'
                    | b'?'
                    | b'@'
                    | b'['
                    | b'\\'
                    | b']'
                    | b'{'
                    | b'}'
                    | 0x7f
            )
    };
    assert!(!ACCEPT.bytes().any(unsafe_byte), "{ACCEPT}");
}
