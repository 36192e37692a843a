//! A document of any shape, as the app reads it: the format is detected, then a JSON Feed or
//! JSON-LD document is adapted (HTML content through html5ever, the browser's algorithm)
//! and validated, as an index page and as an article.
#![no_main]

use libfuzzer_sys::fuzz_target;
use signal_of_hope_fuzz::{
    adapt::{NATIVE, read_article, read_index},
    check_article, check_page,
};

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(page) = read_index(json, None, NATIVE) {
        check_page(&page);
        if let Some(card) = page.articles.first()
            && let Ok(article) = read_article(json, None, &card.slug, NATIVE)
        {
            check_article(&article);
        }
    }
    if let Ok(article) = read_article(json, None, "a", NATIVE) {
        check_article(&article);
    }
});
