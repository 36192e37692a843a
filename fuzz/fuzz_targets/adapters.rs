//! A document of any shape, as the app reads it: its bytes decoded in the encoding it declares
//! (as `source::http` does with `TextDecoder`), the format detected, then a JSON Feed, JSON-LD,
//! RSS, Atom, WordPress or Ghost document adapted (HTML content through html5ever, XML through
//! roxmltree, relative links against a base URL) and validated, as an index page and as an
//! article.
#![no_main]

use libfuzzer_sys::fuzz_target;
use signal_of_hope_fuzz::{
    adapt::{NATIVE, encoding, read_article, read_index},
    check_article, check_page,
};

/// Where the fuzzed document was fetched from, for its relative links.
const BASE: Option<&str> = Some("https://fuzz.example/feeds/main.xml");

fuzz_target!(|data: &[u8]| {
    let text = encoding::decode(data, None);
    let json = text.as_str();
    if let Ok(page) = read_index(json, BASE, NATIVE) {
        check_page(&page);
        if let Some(card) = page.articles.first()
            && let Ok(article) = read_article(json, BASE, &card.slug, NATIVE)
        {
            check_article(&article);
        }
    }
    if let Ok(article) = read_article(json, BASE, "a", NATIVE) {
        check_article(&article);
    }
});
