//! An article document: parse, validate, normalise (`Article::from_json`), and what the
//! pages derive from it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use signal_of_hope_fuzz::{check_article, model::Article};

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(article) = Article::from_json(json) {
        check_article(&article);
    }
});
