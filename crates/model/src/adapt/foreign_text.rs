//! Text as foreign formats write it: with character references (`&amp;`, `&rsquo;`) and, where
//! plain text was expected, HTML (escaped or not). Each text field is read once into plain text
//! or body blocks, so nothing is decoded twice and no tag is ever shown.

use std::borrow::Cow;

use serde_json::Value;

use super::{
    entities,
    html::HtmlBudget,
    util::{paragraphs, string},
};
use crate::Cut;

/// Whether `text` holds markup: an opening tag (`<p>`, `<br/>`, `<a href="…">`), a closing tag
/// (`</p>`) or a comment. Text that merely uses `<` ("a < b", "I <3 it", "a<b and c>d") does
/// not: a tag's name starts with a letter right after the `<`, and anything between the name
/// and the `>` must look like attributes (hold an `=`).
pub fn looks_like_html(text: &str) -> bool {
    text.match_indices('<')
        .any(|(at, _)| is_tag(&text[at + 1..]))
}

/// Whether a tag starts just after a `<`.
fn is_tag(after: &str) -> bool {
    if after.starts_with("!--") {
        return true;
    }
    let name = after.strip_prefix('/').unwrap_or(after);
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return false;
    }
    let rest = name.trim_start_matches(|c: char| c.is_ascii_alphanumeric());
    let Some(end) = rest
        .find(['<', '>'])
        .filter(|&end| rest[end..].starts_with('>'))
    else {
        return false;
    };
    let attributes = rest[..end].trim();
    match rest.chars().next() {
        Some('>' | '/') => attributes.is_empty() || attributes == "/",
        Some(c) if c.is_ascii_whitespace() => {
            attributes.is_empty() || attributes == "/" || attributes.contains('=')
        }
        _ => false,
    }
}

/// A text field (a title, a name, a keyword) as plain text, trimmed; `None` if nothing is left.
/// HTML as it is goes to the parser, which decodes its references itself; otherwise references
/// are decoded here, and what that unescapes into HTML (`&lt;em&gt;`) goes to the parser.
/// Markup that holds no text at all (`<script>…</script>`) is kept as written, as text: the
/// field then still says something, where dropping it would leave an item without a title.
pub fn plain(raw: &str, html: &HtmlBudget) -> Option<String> {
    let decoded = || entities::decode(raw).trim().to_owned();
    let text = match markup(raw) {
        Some(markup) => {
            let text = html.text(&markup).unwrap_or_else(|| without_tags(&markup));
            let text = text.trim();
            if text.is_empty() {
                decoded()
            } else {
                text.to_owned()
            }
        }
        None => decoded(),
    };
    (!text.is_empty()).then_some(text)
}

/// A string field of a JSON document as plain text ([`plain`]); `None` for anything else.
pub fn plain_value(value: Option<&Value>, html: &HtmlBudget) -> Option<String> {
    string(value).and_then(|raw| plain(raw, html))
}

/// A body written as text (`content_text`, `articleBody`): HTML is read as HTML, anything else
/// as paragraphs of plain text.
pub fn body(raw: &str, html: &HtmlBudget) -> (Vec<Value>, Option<Cut>) {
    body_at(raw, html, None)
}

/// [`body`], with relative links in HTML resolved against `base`.
pub fn body_at(raw: &str, html: &HtmlBudget, base: Option<&str>) -> (Vec<Value>, Option<Cut>) {
    match markup(raw) {
        Some(markup) => html.blocks_at(&markup, base),
        None => paragraphs(&entities::decode(raw)),
    }
}

/// `raw` as HTML, if it is HTML: as it is, or once its references are decoded (escaped HTML).
fn markup(raw: &str) -> Option<Cow<'_, str>> {
    if looks_like_html(raw) {
        return Some(Cow::Borrowed(raw));
    }
    let decoded = entities::decode(raw);
    looks_like_html(&decoded).then_some(decoded)
}

/// Markup removed without a parser, once the budget for parsing text fields is spent (only a
/// document with megabytes of HTML in its titles gets here): every tag goes, and references
/// are decoded.
fn without_tags(markup: &str) -> String {
    let mut text = String::with_capacity(markup.len());
    let mut rest = markup;
    while let Some(at) = rest.find('<') {
        text.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        rest = match after.find('>') {
            Some(end) if is_tag(after) => &after[end + 1..],
            _ => {
                text.push('<');
                after
            }
        };
    }
    text.push_str(rest);
    // HTML's white space only: a no-break space is kept.
    entities::decode(&text)
        .split_ascii_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_told_from_text_with_a_less_than_sign() {
        for html in [
            "<p>One</p>",
            "A <em>big</em> day",
            "line<br>break",
            "line<br/>break",
            "line<br />break",
            "<a href=\"https://example.org\">link</a>",
            "text</p>",
            "<!-- a comment -->text",
            "<P CLASS=x>upper</P>",
        ] {
            assert!(looks_like_html(html), "{html}");
        }
        for text in [
            "a < b",
            "a<b",
            "if a<b then",
            "I <3 it",
            "a<b and c>d",
            "<<>>",
            "x < y > z",
            "1<2>0",
            "<",
            "",
        ] {
            assert!(!looks_like_html(text), "{text}");
        }
    }

    #[test]
    fn without_a_parser_tags_still_go() {
        assert_eq!(
            without_tags("A <em>big</em>&nbsp;day,\n a < b"),
            "A big\u{a0}day, a < b"
        );
    }
}
