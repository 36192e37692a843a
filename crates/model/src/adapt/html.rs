//! HTML content (a JSON Feed's `content_html`) as contract body blocks, without ever putting
//! the HTML in the page. The browser parses it inertly (`DOMParser`: nothing runs, nothing
//! loads; see `source::dom`) into an [`HtmlNode`] tree of tag names, text and link targets,
//! and this module keeps what an article body has: paragraphs, headings, quotes, lists, and
//! text with http/https/mailto links. Everything else is dropped; no attribute but `href`
//! is ever read, so event handlers and styles cannot survive.

use std::cell::Cell;

use serde_json::{Value, json};

use crate::{
    Cut, ExternalUrl, RichText, Span,
    limits::{self, MAX_DOCUMENT_HTML_BYTES, MAX_HTML_BYTES},
};

/// An HTML node as far as the body cares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HtmlNode {
    Text(String),
    Element {
        /// Lower-case.
        tag: String,
        /// The `href` attribute of an `<a>`, not yet checked.
        href: Option<String>,
        children: Vec<HtmlNode>,
    },
}

/// Parses HTML into [`HtmlNode`]s. The app uses the browser's parser; tests may use another.
pub trait HtmlParser {
    /// The body's children, passed through [`trim_start`].
    fn parse(&self, html: &str) -> Vec<HtmlNode>;
}

/// A parsed body's children without the whitespace they start with. Parsing drops whitespace
/// before the body, but Chromium keeps whitespace written as a character reference there
/// (`&#32; text`) and html5ever does not; at the start of a body it shows nothing, so both
/// parsers leave it out and give the same tree.
pub fn trim_start(mut nodes: Vec<HtmlNode>) -> Vec<HtmlNode> {
    if let Some(HtmlNode::Text(text)) = nodes.first_mut() {
        let kept = text.trim_start_matches(['\t', '\n', '\u{c}', '\r', ' ']);
        if kept.is_empty() {
            nodes.remove(0);
        } else if kept.len() != text.len() {
            *text = kept.to_owned();
        }
    }
    nodes
}

#[cfg(test)]
mod trim_tests {
    use super::{HtmlNode, trim_start};

    #[test]
    fn only_leading_html_whitespace_goes() {
        let text = |t: &str| HtmlNode::Text(t.to_owned());
        assert_eq!(trim_start(vec![text(" \n\t a b ")]), [text("a b ")]);
        assert_eq!(trim_start(vec![text("  "), text("x")]), [text("x")]);
        // A no-break space is text, not markup's whitespace.
        assert_eq!(trim_start(vec![text("\u{a0}x")]), [text("\u{a0}x")]);
        assert_eq!(trim_start(vec![]), []);
    }
}

/// An [`HtmlParser`] that reads at most [`MAX_HTML_BYTES`] of each article's HTML and
/// [`MAX_DOCUMENT_HTML_BYTES`] for a whole document: the browser parses the HTML and the
/// walk reads it node by node, and a runaway document must not hold the page for seconds.
pub struct HtmlBudget<'a> {
    parser: &'a dyn HtmlParser,
    left: Cell<usize>,
    /// Short text fields (a headline with `<em>`) have their own budget, so that long bodies
    /// do not leave a later item's headline unread.
    text_left: Cell<usize>,
}

/// A text field (a headline, a summary) is read up to this many bytes of HTML: far more
/// than the contract keeps of any of them.
const MAX_TEXT_HTML_BYTES: usize = 64 * 1024;

impl<'a> HtmlBudget<'a> {
    pub fn new(parser: &'a dyn HtmlParser) -> Self {
        Self {
            parser,
            left: Cell::new(MAX_DOCUMENT_HTML_BYTES),
            text_left: Cell::new(MAX_DOCUMENT_HTML_BYTES),
        }
    }

    /// The plain text of a text field's HTML, or `None` once the budget for them is spent.
    pub fn text(&self, html: &str) -> Option<String> {
        let left = self.text_left.get();
        if left == 0 {
            return None;
        }
        let read = limits::prefix(html, MAX_TEXT_HTML_BYTES.min(left));
        self.text_left.set(left - read.len());
        Some(plain_text(&self.parser.parse(read)))
    }

    /// The body blocks of `html`, and what was cut of it, if anything.
    pub fn blocks(&self, html: &str) -> (Vec<Value>, Option<Cut>) {
        self.blocks_at(html, None)
    }

    /// [`Self::blocks`], with relative links resolved against `base` (a feed's document URL
    /// or `xml:base`).
    pub fn blocks_at(&self, html: &str, base: Option<&str>) -> (Vec<Value>, Option<Cut>) {
        let read = limits::prefix(html, MAX_HTML_BYTES.min(self.left.get()));
        self.left.set(self.left.get() - read.len());
        let cut = (read.len() < html.len()).then_some(Cut::Html {
            read: read.len(),
            total: html.len(),
        });
        let mut nodes = if read.is_empty() {
            Vec::new()
        } else {
            self.parser.parse(read)
        };
        if base.is_some() {
            resolve_links(&mut nodes, base);
        }
        (blocks(&nodes), cut)
    }
}

/// Every link's `href` resolved against `base`, where it can be.
fn resolve_links(nodes: &mut [HtmlNode], base: Option<&str>) {
    for node in nodes {
        if let HtmlNode::Element { href, children, .. } = node {
            if let Some(resolved) = href.as_deref().and_then(|h| super::urls::resolve(base, h)) {
                *href = Some(resolved);
            }
            resolve_links(children, base);
        }
    }
}

/// Elements whose content is not article text (code, media, forms, metadata): dropped whole.
const DROPPED: &[&str] = &[
    "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed",
    "applet", "svg", "math", "canvas", "video", "audio", "picture", "img", "source", "track",
    "map", "area", "form", "input", "button", "select", "option", "optgroup", "textarea", "label",
    "fieldset", "legend", "datalist", "output", "progress", "meter", "dialog", "head", "title",
    "meta", "link", "base", "nav", "slot",
];

/// Elements that hold blocks: their content is read as blocks, after a paragraph break.
const CONTAINERS: &[&str] = &[
    "html", "body", "div", "section", "article", "main", "header", "footer", "aside", "figure",
    "details", "summary", "center", "hgroup", "address", "table", "thead", "tbody", "tfoot",
    "caption", "dl", "search",
];

/// Elements that each make one paragraph of their inline content.
const PARAGRAPHS: &[&str] = &["p", "pre", "tr", "dt", "dd", "figcaption", "li"];

fn is(tag: &str, set: &[&str]) -> bool {
    set.contains(&tag)
}

/// The body blocks of `nodes`, as contract JSON (see `docs/contract.md`).
pub fn blocks(nodes: &[HtmlNode]) -> Vec<Value> {
    let mut builder = Builder::default();
    builder.blocks_of(nodes);
    builder.flush();
    builder.blocks
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Value>,
    /// Inline content not yet closed into a paragraph (text directly in a `<div>`).
    inline: Vec<Span>,
}

impl Builder {
    fn flush(&mut self) {
        let spans = std::mem::take(&mut self.inline);
        if let Some(text) = tidy(spans) {
            self.blocks
                .push(json!({ "type": "paragraph", "text": rich_json(&text) }));
        }
    }

    fn blocks_of(&mut self, nodes: &[HtmlNode]) {
        for node in nodes {
            let HtmlNode::Element { tag, children, .. } = node else {
                inline_of(std::slice::from_ref(node), &mut self.inline);
                continue;
            };
            let tag = tag.as_str();
            match tag {
                _ if is(tag, DROPPED) => {}
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    self.flush();
                    if let Some(text) = tidy(inline(children)) {
                        self.blocks
                            .push(json!({ "type": "heading", "text": text.plain() }));
                    }
                }
                "blockquote" => {
                    self.flush();
                    self.quote(children);
                }
                "ul" | "ol" | "menu" => {
                    self.flush();
                    let mut items = Vec::new();
                    list_items(children, &mut items);
                    let items: Vec<Value> = items.iter().map(rich_json).collect();
                    if !items.is_empty() {
                        self.blocks.push(json!({ "type": "list", "items": items }));
                    }
                }
                "br" | "hr" => self.flush(),
                _ if is(tag, PARAGRAPHS) => {
                    self.flush();
                    self.inline = inline(children);
                    self.flush();
                }
                _ if is(tag, CONTAINERS) => {
                    self.flush();
                    self.blocks_of(children);
                    self.flush();
                }
                // Inline elements (a, em, span, …) and unknown ones: their text joins the run.
                _ => inline_of(std::slice::from_ref(node), &mut self.inline),
            }
        }
    }

    /// A `<blockquote>`: its text, and who is quoted from a `<cite>` or `<footer>` in it.
    fn quote(&mut self, children: &[HtmlNode]) {
        let mut cite = Vec::new();
        let mut text = Vec::new();
        for child in children {
            match child {
                HtmlNode::Element { tag, children, .. } if tag == "cite" || tag == "footer" => {
                    cite.extend(inline(children));
                }
                _ => {
                    // Paragraphs inside a quote run on, a space apart.
                    text.push(Span::Text(" ".into()));
                    inline_of(std::slice::from_ref(child), &mut text);
                }
            }
        }
        if let Some(text) = tidy(text) {
            let cite = tidy(cite).map(|c| c.plain());
            self.blocks
                .push(json!({ "type": "quote", "text": rich_json(&text), "cite": cite }));
        }
    }
}

/// A list's items; a nested list's items follow their parent's, since the body has one level.
fn list_items(nodes: &[HtmlNode], items: &mut Vec<RichText>) {
    for node in nodes {
        let HtmlNode::Element { tag, children, .. } = node else {
            continue;
        };
        match tag.as_str() {
            "li" => {
                let (nested, own): (Vec<&HtmlNode>, Vec<&HtmlNode>) =
                    children.iter().partition(|child| {
                        matches!(child, HtmlNode::Element { tag, .. }
                            if matches!(tag.as_str(), "ul" | "ol" | "menu"))
                    });
                let mut spans = Vec::new();
                for child in own {
                    inline_of(std::slice::from_ref(child), &mut spans);
                }
                items.extend(tidy(spans));
                for list in nested {
                    if let HtmlNode::Element { children, .. } = list {
                        list_items(children, items);
                    }
                }
            }
            tag if is(tag, DROPPED) => {}
            // Stray wrappers between the list and its items.
            _ => list_items(children, items),
        }
    }
}

fn inline(nodes: &[HtmlNode]) -> Vec<Span> {
    let mut spans = Vec::new();
    inline_of(nodes, &mut spans);
    spans
}

/// Text and links of `nodes`, in order; block boundaries inside become spaces.
fn inline_of(nodes: &[HtmlNode], spans: &mut Vec<Span>) {
    for node in nodes {
        match node {
            HtmlNode::Text(text) => spans.push(Span::Text(text.clone())),
            HtmlNode::Element { tag, .. } if is(tag, DROPPED) => {}
            HtmlNode::Element {
                tag,
                href,
                children,
            } if tag == "a" => {
                let text: String = inline(children).iter().map(Span::text).collect();
                match href.as_deref().and_then(ExternalUrl::parse_link) {
                    Some(url) => spans.push(Span::Link { text, url }),
                    None => spans.push(Span::Text(text)),
                }
            }
            HtmlNode::Element { tag, children, .. } => {
                // Cells, quotes, lists and headings inside inline content: words apart.
                let separate = is(tag, PARAGRAPHS)
                    || is(tag, CONTAINERS)
                    || matches!(
                        tag.as_str(),
                        "br" | "td"
                            | "th"
                            | "blockquote"
                            | "ul"
                            | "ol"
                            | "h1"
                            | "h2"
                            | "h3"
                            | "h4"
                            | "h5"
                            | "h6"
                    );
                if separate {
                    spans.push(Span::Text(" ".into()));
                }
                inline_of(children, spans);
                if separate {
                    spans.push(Span::Text(" ".into()));
                }
            }
        }
    }
}

/// HTML's white space rule: every run of white space is one space, across runs too; then
/// the text is trimmed and empty runs dropped.
fn tidy(spans: Vec<Span>) -> Option<RichText> {
    let mut after_space = true;
    let collapse = |text: &str, after_space: &mut bool| {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if c.is_ascii_whitespace() {
                if !*after_space {
                    out.push(' ');
                }
                *after_space = true;
            } else {
                out.push(c);
                *after_space = false;
            }
        }
        out
    };
    let spans: Vec<Span> = spans
        .into_iter()
        .map(|span| match span {
            Span::Text(text) => Span::Text(collapse(&text, &mut after_space)),
            Span::Link { text, url } => Span::Link {
                text: collapse(&text, &mut after_space),
                url,
            },
        })
        .collect();
    RichText::new(spans)
}

/// The text of `nodes` on one line: block boundaries become spaces, dropped elements go.
pub fn plain_text(nodes: &[HtmlNode]) -> String {
    tidy(inline(nodes)).map_or_else(String::new, |text| text.plain())
}

/// Rich text as contract JSON: a string when it has no links, else a list of runs.
pub fn rich_json(text: &RichText) -> Value {
    if let [Span::Text(only)] = text.spans() {
        return Value::String(only.clone());
    }
    Value::Array(
        text.spans()
            .iter()
            .map(|span| match span {
                Span::Text(text) => Value::String(text.clone()),
                Span::Link { text, url } => json!({ "text": text, "url": url.as_str() }),
            })
            .collect(),
    )
}
