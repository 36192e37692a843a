//! An index page of the contract (`FeedPage::from_json`), merged and filtered by pillar.
#![no_main]

use libfuzzer_sys::fuzz_target;
use signal_of_hope_fuzz::{check_page, model::FeedPage};

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(page) = FeedPage::from_json(json) {
        check_page(&page);
    }
});
