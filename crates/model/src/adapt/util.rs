//! Small pieces the adapters share: slugs, plain-text bodies, and reading loose JSON.

use serde_json::{Map, Value, json};

use crate::{
    Cut,
    limits::{Counted, MAX_BODY_BLOCKS},
};

/// A URL-friendly identifier from any text: lower-case letters and digits, words joined by
/// hyphens ("Energy & Infrastructure" → "energy-infrastructure"). Empty if nothing is left.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    // Long enough to tell articles apart, short enough for an address bar.
    match slug.char_indices().nth(80) {
        Some((end, _)) => slug[..end].trim_end_matches('-').to_owned(),
        None => slug.to_owned(),
    }
}

/// Whether `text` can be used as a slug as it is: a short run of URL-safe characters.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 100
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~'))
        && !text.starts_with('.')
}

/// The last non-empty path segment of an http(s) URL, without a file extension such as
/// `.html` ("https://example.com/2026/07/sodium-batteries.html" → "sodium-batteries").
pub fn last_segment(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let path = rest.split(['?', '#']).next()?;
    let (_, path) = path.split_once('/')?;
    let segment = path.split('/').rfind(|s| !s.is_empty())?;
    let stem = segment.rsplit_once('.').map_or(segment, |(stem, _)| stem);
    (!stem.is_empty()).then_some(stem)
}

/// Plain text as paragraph blocks: paragraphs are separated by blank lines, and the line
/// breaks inside one are spaces (the body shows no line breaks). Past [`MAX_BODY_BLOCKS`]
/// paragraphs are only counted; the cut says how many there were.
pub fn paragraphs(text: &str) -> (Vec<Value>, Option<Cut>) {
    let mut blocks = Vec::new();
    let mut total = 0;
    let mut current: Vec<&str> = Vec::new();
    let mut open = false;
    for line in text.lines().map(str::trim).chain([""]) {
        if line.is_empty() {
            if open {
                total += 1;
                if blocks.len() < MAX_BODY_BLOCKS {
                    blocks.push(json!({ "type": "paragraph", "text": current.join(" ") }));
                }
                current.clear();
                open = false;
            }
        } else {
            open = true;
            if blocks.len() < MAX_BODY_BLOCKS {
                current.push(line);
            }
        }
    }
    let cut = (total > blocks.len()).then_some(Cut::Items {
        what: Counted::BodyBlocks,
        shown: blocks.len(),
        total,
    });
    (blocks, cut)
}

/// Makes every slug unique within one document: a repeated one gets `-2`, `-3`, ….
pub fn unique(slugs: &mut [String]) {
    let mut seen = std::collections::HashSet::new();
    for slug in slugs.iter_mut() {
        if !seen.insert(slug.clone()) {
            let mut n = 2;
            while !seen.insert(format!("{slug}-{n}")) {
                n += 1;
            }
            *slug = format!("{slug}-{n}");
        }
    }
}

/// A string, or `None` for anything else (loose formats use whatever types they like).
pub fn string(value: Option<&Value>) -> Option<&str> {
    value
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Sets `key` only when there is a value, so absent stays absent.
pub fn set(object: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(value) = value.filter(|v| !v.is_null()) {
        object.insert(key.to_owned(), value);
    }
}
