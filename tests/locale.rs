//! Dates and counts in an article's language, checked against one table of expected texts
//! (`tests/fixtures/locale/expected.json`) twice: natively, where ICU4X writes them for the
//! prerendered pages, and in headless Chromium, where `Intl` writes them for the app
//! (`src/source/intl.rs`). A prerendered page and the app that takes it over must write the
//! same text, or the page would change under the reader.
//!
//! The table was written from ICU4X (`UPDATE_LOCALE_TABLE=1 cargo test --test locale`).
//! Chromium's `Intl` writes the same for every language of it but the few formats in
//! [`BROWSER_DIFFERS`], which CLDR changed between the two copies of its data (record 0025).

use serde::Deserialize;
use signal_model::{
    Language, PublishedAt,
    locale::{self, DateLength},
};
use signal_of_hope::source::intl;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::*;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test_configure!(run_in_browser);

const TABLE: &str = include_str!("fixtures/locale/expected.json");

/// The languages and days of the table.
const LANGUAGES: &[&str] = &[
    "en-GB", "de", "de-CH", "fr", "es", "it", "pt-BR", "nl", "pl", "ru", "tr", "ar", "ar-EG", "he",
    "fa", "ur", "hi", "ja", "zh", "ko",
];
const DAYS: &[&str] = &["2026-07-02", "2024-02-29", "1999-12-31T23:30:00-05:00"];
const MINUTES: &[u32] = &[1, 2, 3, 11, 100];

/// Where Chromium 156's `Intl` writes otherwise than ICU4X 2.4, by language and format
/// (`long` also decides `updated`): Persian's full date ("۱۴۰۵ تیر ۱۱, پنجشنبه" against
/// "پنجشنبه ۱۱ تیر ۱۴۰۵"), Hindi's full date (no comma before the year) and Korean's medium
/// date ("2026. 7. 2." against "2026/7/2") and Russian's space before "г." (a narrow
/// no-break space in ICU4X). A prerendered page in these languages changes the date's
/// punctuation when the app takes it over.
#[cfg(target_arch = "wasm32")]
const BROWSER_DIFFERS: &[(&str, &str)] = &[
    ("fa", "long"),
    ("hi", "long"),
    ("ko", "short"),
    ("ru", "long"),
    ("ru", "short"),
];

#[derive(Debug, Deserialize, serde::Serialize, PartialEq)]
struct Row {
    language: String,
    day: String,
    long: String,
    short: String,
    updated: String,
    /// The reading time for each of [`MINUTES`].
    reading_time: Vec<String>,
}

fn row(language: &str, day: &str) -> Row {
    let tag = Language::parse(language).expect("a tag");
    let at = PublishedAt::parse(day).expect("a date");
    let formatter = intl::formatter();
    Row {
        language: language.to_owned(),
        day: day.to_owned(),
        long: locale::date(&at, DateLength::Long, Some(&tag), formatter),
        short: locale::date(&at, DateLength::Short, Some(&tag), formatter),
        updated: locale::updated(&at, Some(&tag), formatter),
        reading_time: MINUTES
            .iter()
            .map(|&n| locale::reading_time(n, Some(&tag), formatter))
            .collect(),
    }
}

fn rows() -> Vec<Row> {
    LANGUAGES
        .iter()
        .flat_map(|language| DAYS.iter().map(move |day| row(language, day)))
        .collect()
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn dates_and_counts_are_written_as_the_table_says() {
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::var_os("UPDATE_LOCALE_TABLE").is_some() {
        let text = serde_json::to_string_pretty(&rows()).expect("JSON");
        std::fs::write(
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/locale/expected.json"
            ),
            text + "\n",
        )
        .expect("the table is written");
    }
    let expected: Vec<Row> = serde_json::from_str(TABLE).expect("the table");
    #[allow(unused_mut)]
    let mut written = rows();
    #[cfg(target_arch = "wasm32")]
    for (row, table) in written.iter_mut().zip(&expected) {
        for (language, format) in BROWSER_DIFFERS {
            if row.language == *language {
                match *format {
                    "long" => {
                        row.long = table.long.clone();
                        row.updated = table.updated.clone();
                    }
                    _ => row.short = table.short.clone(),
                }
            }
        }
    }
    let differences: Vec<String> = expected
        .iter()
        .zip(&written)
        .filter(|(e, w)| e != w)
        .map(|(e, w)| format!("expected {e:?}\n     got {w:?}"))
        .collect();
    assert_eq!(
        expected.len(),
        written.len(),
        "one row per language and day"
    );
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn english_is_written_as_before_whatever_the_formatter() {
    let at = PublishedAt::parse("2026-07-02").expect("a date");
    let formatter = intl::formatter();
    for language in [None, Language::parse("en"), Language::parse("en-US")] {
        assert_eq!(
            locale::date(&at, DateLength::Long, language.as_ref(), formatter),
            "Thursday, July 2, 2026"
        );
        assert_eq!(
            locale::date(&at, DateLength::Short, language.as_ref(), formatter),
            "Jul 2, 2026"
        );
        assert_eq!(
            locale::reading_time(4, language.as_ref(), formatter),
            "4 min read"
        );
        assert_eq!(
            locale::updated(&at, language.as_ref(), formatter),
            "Updated Thursday, July 2, 2026"
        );
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_tag_the_formatter_refuses_reads_in_english() {
    // Well formed, so the model keeps it, but no locale of either formatter.
    let tag = Language::parse("qqq-x-private").expect("well formed");
    let at = PublishedAt::parse("2026-07-02").expect("a date");
    let long = locale::date(&at, DateLength::Long, Some(&tag), intl::formatter());
    assert!(!long.is_empty());
}
