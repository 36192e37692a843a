//! A document of any shape, as the app reads it: the format is detected, then a JSON Feed or
//! JSON-LD document is adapted (HTML content through a stand-in for the browser's parser)
//! and validated, as an index page and as an article.
#![no_main]

use libfuzzer_sys::fuzz_target;
use signal_of_hope_fuzz::{
    adapt::{read_article, read_index},
    check_article, check_page,
    html::FuzzHtml,
};

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(page) = read_index(json, &FuzzHtml) {
        check_page(&page);
        if let Some(card) = page.articles.first()
            && let Ok(article) = read_article(json, &card.slug, &FuzzHtml)
        {
            check_article(&article);
        }
    }
    if let Ok(article) = read_article(json, "a", &FuzzHtml) {
        check_article(&article);
    }
});
