//! HTML content (a JSON Feed's `content_html`) as contract body blocks, without ever putting
//! the HTML in the page. The browser parses it inertly (`DOMParser`: nothing runs, nothing
//! loads; see `source::dom`) into an [`HtmlNode`] tree of tag names, text, link targets and
//! image attributes, and this module keeps what an article body has: paragraphs, headings,
//! quotes, lists, figures, and text with http/https/mailto links. Everything else is dropped;
//! no attribute but a link's `href` and an image's [`IMAGE_ATTRIBUTES`] is ever read, so event
//! handlers and styles cannot survive.

use std::cell::Cell;

use serde_json::{Value, json};

use super::media::{self, Picture};
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
    /// An `<img>`, or a `<picture>`'s `<source>`: the [`IMAGE_ATTRIBUTES`] it has, as written
    /// (not yet checked). Built by [`HtmlNode::image`], which both parsers' walks call.
    Image {
        /// `img` or `source`.
        tag: String,
        /// `(name, value)`, in [`IMAGE_ATTRIBUTES`]' order.
        attributes: Vec<(String, String)>,
    },
}

/// The elements read as images.
pub const IMAGE_TAGS: &[&str] = &["img", "source"];

/// The attributes read from an image: where it is (`src`, `srcset`), what it shows (`alt`),
/// its size, and on a `<source>` what it is for (`media`, `type`). No other attribute of it is
/// ever read (not `style`, `onerror`, `data-*`).
pub const IMAGE_ATTRIBUTES: &[&str] = &["src", "srcset", "alt", "width", "height", "media", "type"];

impl HtmlNode {
    /// The node for an element named `tag` (lower-case), if it is an image ([`IMAGE_TAGS`]):
    /// only [`IMAGE_ATTRIBUTES`] are asked of `attribute`. `None` for any other element.
    pub fn image(tag: &str, attribute: impl Fn(&str) -> Option<String>) -> Option<Self> {
        IMAGE_TAGS.contains(&tag).then(|| Self::Image {
            tag: tag.to_owned(),
            attributes: IMAGE_ATTRIBUTES
                .iter()
                .filter_map(|name| Some(((*name).to_owned(), attribute(name)?)))
                .collect(),
        })
    }

    /// An image's attribute `name`, if the node is an image and has it.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        match self {
            Self::Image { attributes, .. } => attributes
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, value)| value.as_str()),
            _ => None,
        }
    }

    fn is_image(&self, name: &str) -> bool {
        matches!(self, Self::Image { tag, .. } if tag == name)
    }
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

    /// A text field's HTML (a caption) as contract rich text, links kept: a string, or a
    /// list of runs. `None` when it holds no text or the budget for text fields is spent.
    pub fn rich(&self, html: &str, base: Option<&str>) -> Option<Value> {
        let left = self.text_left.get();
        if left == 0 {
            return None;
        }
        let read = limits::prefix(html, MAX_TEXT_HTML_BYTES.min(left));
        self.text_left.set(left - read.len());
        let mut nodes = self.parser.parse(read);
        if base.is_some() {
            resolve_links(&mut nodes, base);
        }
        tidy(inline(&nodes)).map(|text| rich_json(&text))
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

/// Every link's `href`, and every image's `src` and `srcset`, resolved against `base`, where
/// it can be.
fn resolve_links(nodes: &mut [HtmlNode], base: Option<&str>) {
    let resolve = |url: &str| super::urls::resolve(base, url);
    for node in nodes {
        match node {
            HtmlNode::Element { href, children, .. } => {
                if let Some(resolved) = href.as_deref().and_then(resolve) {
                    *href = Some(resolved);
                }
                resolve_links(children, base);
            }
            HtmlNode::Image { attributes, .. } => {
                for (name, value) in attributes.iter_mut() {
                    match name.as_str() {
                        "src" => {
                            if let Some(resolved) = resolve(value) {
                                *value = resolved;
                            }
                        }
                        "srcset" => *value = media::resolve_srcset(value, &resolve),
                        _ => {}
                    }
                }
            }
            HtmlNode::Text(_) => {}
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
                // Text joins the run; an image is a figure of its own.
                self.flow(std::slice::from_ref(node));
                continue;
            };
            let tag = tag.as_str();
            match tag {
                "picture" => self.picture(children, &[]),
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
                "figure" => self.figure(children),
                _ if is(tag, PARAGRAPHS) => {
                    self.flush();
                    self.flow(children);
                    self.flush();
                }
                _ if is(tag, CONTAINERS) => {
                    self.flush();
                    self.blocks_of(children);
                    self.flush();
                }
                // Inline elements (a, em, span, …) and unknown ones: their text joins the run.
                _ => self.flow(std::slice::from_ref(node)),
            }
        }
    }

    /// Inline content: text and links join the run; an image in it ends the paragraph there
    /// and becomes a figure, and the text after it starts the next paragraph.
    fn flow(&mut self, nodes: &[HtmlNode]) {
        for node in nodes {
            match node {
                HtmlNode::Text(text) => self.inline.push(Span::Text(text.clone())),
                HtmlNode::Image { .. } => match symbol(node) {
                    Some(alt) => self.inline.push(Span::Text(alt.to_owned())),
                    None if node.is_image("img") => self.figure_of(node, &[]),
                    // A `<source>` outside a `<picture>` shows nothing.
                    None => {}
                },
                HtmlNode::Element { tag, children, .. } => {
                    if tag == "picture" {
                        self.picture(children, &[]);
                    } else if is(tag, DROPPED) {
                    } else if !has_image(children) {
                        inline_of(std::slice::from_ref(node), &mut self.inline);
                    } else if tag == "a" {
                        // A linked picture (`<a href="large.jpg"><img …></a>`): the pictures
                        // become figures, the link keeps its text.
                        inline_of(std::slice::from_ref(node), &mut self.inline);
                        self.pictures_in(children);
                    } else {
                        let separate = separates(tag);
                        if separate {
                            self.inline.push(Span::Text(" ".into()));
                        }
                        self.flow(children);
                        if separate {
                            self.inline.push(Span::Text(" ".into()));
                        }
                    }
                }
            }
        }
    }

    /// Every picture inside `nodes` (a link's), as figures; their text is already read.
    fn pictures_in(&mut self, nodes: &[HtmlNode]) {
        for node in nodes {
            match node {
                HtmlNode::Image { .. } if node.is_image("img") && symbol(node).is_none() => {
                    self.figure_of(node, &[]);
                }
                HtmlNode::Element { tag, children, .. } if tag == "picture" => {
                    self.picture(children, &[]);
                }
                HtmlNode::Element { tag, children, .. } if !is(tag, DROPPED) => {
                    self.pictures_in(children);
                }
                _ => {}
            }
        }
    }

    /// A `<picture>`: its `<img>`, with the widths its `<source>`s offer (those for every
    /// screen: a `<source>` with `media` is another crop, art direction, and is left out).
    fn picture(&mut self, children: &[HtmlNode], outer: &[&HtmlNode]) {
        let mut sources: Vec<&HtmlNode> = outer.to_vec();
        let mut img = None;
        for child in children {
            match child {
                HtmlNode::Image { tag, .. } if tag == "source" => sources.push(child),
                HtmlNode::Image { tag, .. } if tag == "img" && img.is_none() => img = Some(child),
                // Fallback content some sites wrap the `<img>` in.
                HtmlNode::Element { tag, children, .. } if !is(tag, DROPPED) => {
                    self.picture(children, &sources);
                    return;
                }
                _ => {}
            }
        }
        if let Some(img) = img {
            self.figure_of(img, &sources);
        }
    }

    /// A figure block for an `<img>`, if it is a picture the reader can show.
    fn figure_of(&mut self, img: &HtmlNode, sources: &[&HtmlNode]) {
        if let Some(picture) = Picture::from_img(img, sources) {
            self.flush();
            self.blocks
                .push(json!({ "type": "figure", "image": picture.json() }));
        }
    }

    /// A `<figure>`: its content as blocks, and its `<figcaption>` as the caption of the one
    /// picture in it. A figure of several pictures (a gallery) or none (a quote, a video)
    /// keeps its caption as a paragraph, where it was.
    fn figure(&mut self, children: &[HtmlNode]) {
        self.flush();
        let start = self.blocks.len();
        let mut caption: Option<(usize, Vec<Span>)> = None;
        for child in children {
            match child {
                HtmlNode::Element { tag, children, .. }
                    if tag == "figcaption" && caption.is_none() =>
                {
                    self.flush();
                    caption = Some((self.blocks.len(), inline(children)));
                }
                _ => self.blocks_of(std::slice::from_ref(child)),
            }
        }
        self.flush();
        let Some((at, text)) = caption.and_then(|(at, spans)| Some((at, tidy(spans)?))) else {
            return;
        };
        let figures: Vec<usize> = (start..self.blocks.len())
            .filter(|&i| self.blocks[i]["type"] == "figure")
            .collect();
        if let [only] = figures[..]
            && let Some(image) = self.blocks[only]["image"].as_object_mut()
            && !image.contains_key("caption")
        {
            image.insert("caption".into(), rich_json(&text));
        } else {
            self.blocks
                .insert(at, json!({ "type": "paragraph", "text": rich_json(&text) }));
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

/// Whether `nodes` hold a picture (outside dropped elements), which inline content then
/// cannot carry.
fn has_image(nodes: &[HtmlNode]) -> bool {
    nodes.iter().any(|node| match node {
        HtmlNode::Image { .. } => node.is_image("img") && symbol(node).is_none(),
        HtmlNode::Element { tag, children, .. } => {
            tag == "picture" || (!is(tag, DROPPED) && has_image(children))
        }
        HtmlNode::Text(_) => false,
    })
}

/// The text of an image that stands for a symbol: an emoji or a smiley, as WordPress feeds
/// write them (`<img src="…/1f600.png" alt="😀">`). Its `alt` is short and has no letter or
/// digit; it is read as that text, where it stands, not as a figure.
fn symbol(node: &HtmlNode) -> Option<&str> {
    let alt = node.attribute("alt")?.trim();
    let short = !alt.is_empty() && alt.chars().count() <= 8;
    let large = ["width", "height"].iter().any(|name| {
        node.attribute(name)
            .and_then(media::dimension_text)
            .is_some_and(|size| size > 64)
    });
    (node.is_image("img") && short && !large && !alt.chars().any(char::is_alphanumeric))
        .then_some(alt)
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

/// Elements whose content, inside inline content, is set apart from the words around it
/// (cells, quotes, lists and headings): a space before and after.
fn separates(tag: &str) -> bool {
    is(tag, PARAGRAPHS)
        || is(tag, CONTAINERS)
        || matches!(
            tag,
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
        )
}

/// Text and links of `nodes`, in order; block boundaries inside become spaces. Pictures are
/// left out (a symbol's image is its text).
fn inline_of(nodes: &[HtmlNode], spans: &mut Vec<Span>) {
    for node in nodes {
        match node {
            HtmlNode::Text(text) => spans.push(Span::Text(text.clone())),
            HtmlNode::Image { .. } => spans.extend(symbol(node).map(|alt| Span::Text(alt.into()))),
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
                let separate = separates(tag);
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
