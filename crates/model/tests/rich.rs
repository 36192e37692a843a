//! Contract 1.1: images, authors, updates and languages, as the model reads and writes them
//! (the adapters' side is `rich_adapters.rs`).
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use signal_model::{
    Article, Block, Card, Counted, Cut, FeedPage, Language,
    locale::{self, EnglishOnly},
    publish::contract::article_json,
    seo::{HeadEntry, PageMeta},
};

/// The e2e fixtures of `tests/fixtures/rich/`, their image server's address filled in.
fn rich(name: &str) -> String {
    let path = format!(
        "{}/../../tests/fixtures/rich/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .replace("@IMAGES@", "https://images.example")
}

fn article(extra: Value) -> Result<Article, signal_model::ContractError> {
    let mut doc = json!({ "slug": "a", "headline": "A", "published_at": "2026-07-02" });
    for (key, value) in extra.as_object().expect("an object") {
        doc[key] = value.clone();
    }
    Article::from_json(&doc.to_string())
}

fn image(value: Value) -> Option<signal_model::Image> {
    article(json!({ "image": value })).expect("valid").image
}

#[test]
fn a_1_1_article_reads_whole() {
    let a = Article::from_json(&rich("articles/solarstrom-fuer-schulen.json")).expect("valid");
    let hero = a.image.as_ref().expect("a hero");
    assert_eq!(
        hero.url.as_str(),
        "https://images.example/img/schuldach-1600x1067.png"
    );
    assert_eq!(
        hero.alt,
        "Solarmodule auf dem Flachdach einer Schule, dahinter Bäume"
    );
    assert_eq!(hero.size.map(|s| (s.width, s.height)), Some((1600, 1067)));
    assert_eq!(
        hero.caption.as_ref().map(|c| c.plain()).as_deref(),
        Some("Das Dach der Gesamtschule Nord, Projektseite")
    );
    assert_eq!(hero.credit.as_deref(), Some("Foto: Beispiel Zeitung"));
    assert_eq!(
        hero.srcset().as_deref(),
        Some(
            "https://images.example/img/schuldach-400x267.png 400w, \
             https://images.example/img/schuldach-800x534.png 800w, \
             https://images.example/img/schuldach-1600x1067.png 1600w"
        )
    );
    let names: Vec<&str> = a.authors.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, ["Anna Schmidt", "Jonas Weber"]);
    assert!(a.authors[0].url.is_some() && a.authors[1].url.is_none());
    assert_eq!(a.language.as_ref().map(Language::as_str), Some("de"));
    assert_eq!(
        a.shown_update().map(|d| d.machine()).as_deref(),
        Some("2026-07-03T08:15:00+02:00")
    );
    let figures = a
        .body
        .iter()
        .filter(|b| matches!(b, Block::Figure(_)))
        .count();
    assert_eq!(figures, 2);
    // The largest picture is the preview, in the head and the JSON-LD.
    assert_eq!(
        a.largest_image().map(|i| i.url.as_str()),
        Some(hero.url.as_str())
    );
    let head = PageMeta::article(&a, "https://reader.example/articles/x".into()).head();
    let property = |name: &str| {
        head.iter().find_map(|e| match e {
            HeadEntry::MetaProperty(n, v) | HeadEntry::MetaName(n, v) if *n == name => {
                Some(v.clone())
            }
            _ => None,
        })
    };
    assert_eq!(property("og:image").as_deref(), Some(hero.url.as_str()));
    assert_eq!(property("og:image:width").as_deref(), Some("1600"));
    assert_eq!(property("og:image:height").as_deref(), Some("1067"));
    assert_eq!(
        property("twitter:card").as_deref(),
        Some("summary_large_image")
    );
    assert_eq!(property("og:locale").as_deref(), Some("de"));
    assert_eq!(
        property("article:modified_time").as_deref(),
        Some("2026-07-03T08:15:00+02:00")
    );
    let ld: Value = head
        .iter()
        .find_map(|e| match e {
            HeadEntry::JsonLd(json) => serde_json::from_str(json).ok(),
            _ => None,
        })
        .expect("JSON-LD");
    assert_eq!(ld["inLanguage"], "de");
    assert_eq!(ld["dateModified"], "2026-07-03T08:15:00+02:00");
    assert_eq!(ld["author"][0]["@type"], "Person");
    assert_eq!(ld["author"][0]["name"], "Anna Schmidt");
    assert_eq!(ld["image"][0]["@type"], "ImageObject");
    assert_eq!(ld["image"][0]["url"], hero.url.as_str());
    assert_eq!(ld["image"][0]["width"], 1600);
    assert_eq!(
        ld["image"].as_array().map(Vec::len),
        Some(3),
        "hero and figures"
    );
}

#[test]
fn an_article_without_images_keeps_the_small_preview() {
    let a = article(json!({})).expect("valid");
    let head = PageMeta::article(&a, "https://reader.example/articles/a".into()).head();
    assert!(head.contains(&HeadEntry::MetaName("twitter:card", "summary".into())));
    assert!(
        !head
            .iter()
            .any(|e| matches!(e, HeadEntry::MetaProperty("og:image", _)))
    );
}

#[test]
fn the_e2e_index_reads_with_thumbnails_and_languages() {
    let page = FeedPage::from_json(&rich("articles.json")).expect("valid");
    let card: &Card = &page.articles[1];
    assert_eq!(card.language.as_ref().map(Language::as_str), Some("ar"));
    assert!(
        card.language
            .as_ref()
            .is_some_and(Language::is_right_to_left)
    );
    assert!(card.image.is_some());
}

#[test]
fn an_image_whose_address_cannot_be_shown_is_left_out() {
    for url in [
        "javascript:alert(1)",
        "data:image/png;base64,iVBORw0KGgo=",
        "/relative/picture.png",
        "picture.png",
        "ftp://images.example/a.png",
        "https://images.example/with space.png",
        "",
    ] {
        assert_eq!(image(json!({ "url": url, "alt": "A" })), None, "{url:?}");
    }
    assert!(image(json!({ "url": "https://images.example/a.png", "alt": "" })).is_some());
}

#[test]
fn an_image_keeps_a_whole_size_and_its_usable_sources() {
    let only_width = image(json!({ "url": "https://i.example/a.png", "alt": "", "width": 600 }));
    assert_eq!(
        only_width.expect("kept").size,
        None,
        "a width alone is no size"
    );
    let zero =
        image(json!({ "url": "https://i.example/a.png", "alt": "", "width": 0, "height": 10 }));
    assert_eq!(zero.expect("kept").size, None);
    let sources = image(json!({
        "url": "https://i.example/a.png", "alt": "", "width": 1200, "height": 800,
        "sources": [
            { "url": "https://i.example/a-800.png", "width": 800 },
            { "url": "javascript:alert(1)", "width": 400 },
            { "url": "https://i.example/a-400.png", "width": 400 },
            { "url": "https://i.example/again-800.png", "width": 800 },
            { "url": "https://i.example/a-0.png", "width": 0 }
        ]
    }))
    .expect("kept");
    let widths: Vec<u32> = sources.sources.iter().map(|s| s.width).collect();
    assert_eq!(
        widths,
        [400, 800],
        "sorted, each width once, unusable ones gone"
    );
    assert_eq!(
        sources.srcset().as_deref(),
        Some(
            "https://i.example/a-400.png 400w, https://i.example/a-800.png 800w, \
             https://i.example/a.png 1200w"
        ),
        "the image itself is a candidate at its own width"
    );
    let plain = image(json!({ "url": "https://i.example/a.png", "alt": "" })).expect("kept");
    assert_eq!(plain.srcset(), None);
}

#[test]
fn captions_are_rich_text_and_everything_is_text() {
    let a = article(json!({ "image": {
        "url": "https://i.example/a.png",
        "alt": "<img src=x onerror=alert(1)>",
        "caption": ["See ", { "text": "the map", "url": "javascript:alert(1)" }],
        "credit": "  "
    }}))
    .expect("valid");
    let hero = a.image.expect("kept");
    assert_eq!(hero.alt, "<img src=x onerror=alert(1)>", "kept as text");
    assert_eq!(hero.caption.expect("a caption").plain(), "See the map");
    assert_eq!(hero.credit, None, "blank is none");
}

#[test]
fn a_figure_with_an_unusable_image_is_skipped_and_one_without_an_image_is_an_error() {
    let a = article(json!({ "body": [
        "Before.",
        { "type": "figure", "image": { "url": "javascript:x", "alt": "" } },
        { "type": "figure", "image": { "url": "https://i.example/b.png", "alt": "B" } },
    ]}))
    .expect("valid");
    assert_eq!(a.body.len(), 2);
    assert!(matches!(&a.body[1], Block::Figure(image) if image.alt == "B"));
    let error =
        article(json!({ "body": [{ "type": "figure", "image": { "url": 1, "alt": "" } }] }))
            .expect_err("a number is not a URL");
    assert!(error.path.starts_with("body[0].image"), "{error}");
}

#[test]
fn authors_past_the_limit_are_counted() {
    let many: Vec<Value> = (0..25)
        .map(|i| json!({ "name": format!("Author {i}") }))
        .collect();
    let a = article(json!({ "authors": many })).expect("valid");
    assert_eq!(a.authors.len(), signal_model::image::MAX_AUTHORS);
    assert!(a.cut.contains(&Cut::Items {
        what: Counted::Authors,
        shown: 20,
        total: 25
    }));
    let error = article(json!({ "authors": [{ "name": " " }] })).expect_err("blank name");
    assert_eq!(error.path, "authors[0].name");
}

#[test]
fn languages_are_checked_for_shape_and_direction() {
    for (tag, rtl) in [
        ("ar", true),
        ("ar-EG", true),
        ("he", true),
        ("fa-IR", true),
        ("ur", true),
        ("yi", true),
        ("az-Arab", true),
        ("ar-Latn", false),
        ("en", false),
        ("de-CH", false),
        ("zh-Hant-TW", false),
    ] {
        let language = Language::parse(tag).unwrap_or_else(|| panic!("{tag} is well formed"));
        assert_eq!(language.is_right_to_left(), rtl, "{tag}");
    }
    for bad in ["English", "d", "de_CH", "de--CH", "1de", "de-CHTOOLONGX"] {
        assert_eq!(Language::parse(bad), None, "{bad}");
    }
    let a = article(json!({ "language": "not a tag" })).expect("ignored, not an error");
    assert_eq!(a.language, None);
}

#[test]
fn an_update_is_shown_only_on_a_later_day() {
    let shown = |published: Value, updated: Value| {
        article(json!({ "published_at": published, "updated_at": updated }))
            .expect("valid")
            .shown_update()
            .map(|d| d.machine())
    };
    assert_eq!(
        shown(json!("2026-07-02"), json!("2026-07-03")).as_deref(),
        Some("2026-07-03")
    );
    assert_eq!(
        shown(json!("2026-07-02"), json!("2026-07-02T18:00:00Z")),
        None,
        "same day"
    );
    assert_eq!(
        shown(json!("2026-07-02"), json!("2026-07-01")),
        None,
        "earlier"
    );
    assert_eq!(
        shown(json!(null), json!("2026-07-01")).as_deref(),
        Some("2026-07-01")
    );
    assert_eq!(shown(json!("2026-07-02"), json!(null)), None);
}

#[test]
fn the_contract_json_carries_the_new_fields_back() {
    for name in [
        "articles/solarstrom-fuer-schulen.json",
        "articles/waha-miyah.json",
        "articles/images-arriving-late.json",
    ] {
        let a = Article::from_json(&rich(name)).expect("valid");
        let again = Article::from_value(article_json(&a)).expect("reads back");
        assert_eq!(again, a, "{name}");
    }
}

#[test]
fn english_phrases_stand_in_for_a_language_without_its_own() {
    let pl = Language::parse("pl").expect("a tag");
    assert_eq!(
        locale::reading_time(3, Some(&pl), &EnglishOnly),
        "3 min read"
    );
    let de = Language::parse("de-AT").expect("a tag");
    assert_eq!(
        locale::reading_time(3, Some(&de), &EnglishOnly),
        "3 Min. Lesezeit"
    );
    let ar = Language::parse("ar").expect("a tag");
    // Without a formatter's plural rules every count takes the `other` form.
    assert_eq!(
        locale::reading_time(3, Some(&ar), &EnglishOnly),
        "قراءة في 3 دقيقة"
    );
    // Each entry has its `other` form.
    for (tag, phrases) in locale::PHRASES {
        assert!(
            phrases
                .reading_time
                .iter()
                .any(|(c, _)| *c == locale::PluralCategory::Other),
            "{tag}"
        );
        assert!(phrases.updated.contains("{date}"), "{tag}");
        assert!(phrases.byline.contains("{names}"), "{tag}");
    }
}

#[test]
fn a_byline_joins_its_names_in_the_article_s_language() {
    let words = |n, tag: Option<&str>| {
        let language = tag.and_then(Language::parse);
        let (before, separators, after) = locale::byline_words(n, language.as_ref());
        let names: String = separators
            .iter()
            .zip(["A", "B", "C"])
            .map(|(s, name)| format!("{s}{name}"))
            .collect();
        format!("{before}{names}{after}")
    };
    assert_eq!(words(1, None), "By A");
    assert_eq!(words(2, None), "By A and B");
    assert_eq!(words(3, None), "By A, B and C");
    assert_eq!(words(3, Some("de")), "Von A, B und C");
    assert_eq!(words(3, Some("ar")), "بقلم A، B و C");
    assert_eq!(
        words(2, Some("sw")),
        "By A and B",
        "no words of its own: English"
    );
}
