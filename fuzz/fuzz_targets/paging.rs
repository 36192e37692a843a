//! The paging rules of the posts APIs on any text: a `Link` header (RFC 8288), an
//! `X-WP-TotalPages` value, and a URL whose `page` is set. None may panic; a next page is
//! always after the current one, and a URL given a page has exactly that one `page`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use signal_of_hope_fuzz::model::api::{next_link, next_page_number, with_page};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(target) = next_link(text) {
        assert!(!target.is_empty() && !target.contains('>'), "{target:?}");
    }
    // The text as a URL's query, and as a header's value.
    let url = format!("https://s.example/wp-json/wp/v2/posts?{text}");
    if let Some(next) = next_page_number(&url, text) {
        assert!(next >= 2, "{next}");
        let again = with_page(&url, next);
        assert!(next_page_number(&again, &next.to_string()).is_none());
    }
    let paged = with_page(&url, 7);
    let query = paged.split_once('#').map_or(paged.as_str(), |(u, _)| u);
    let query = query.split_once('?').map_or("", |(_, q)| q);
    let pages: Vec<&str> = query
        .split('&')
        .filter(|p| p.split_once('=').map_or(*p, |(n, _)| n) == "page")
        .collect();
    assert_eq!(pages, ["page=7"], "{paged}");
});
