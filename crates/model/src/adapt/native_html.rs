//! The HTML parser of native code (tests, the fuzzer, and anything that reads documents
//! outside a browser): html5ever, the HTML standard's parsing algorithm, as the browser's
//! `DOMParser` runs it (`source::dom` in the app). It reads the same things the browser walk
//! reads: tag names, text, the `href` of links and an image's
//! [`IMAGE_ATTRIBUTES`](super::html::IMAGE_ATTRIBUTES), to the same depth.

use html5ever::{
    driver::{self, ParseOpts},
    tendril::TendrilSink,
    tree_builder::TreeBuilderOpts,
};
use scraper::{ElementRef, Html, HtmlTreeSink, Node, node::Element};

use super::{HtmlNode, HtmlParser};

/// Deeper markup is cut off, as in the browser walk: no article nests this far, and the walk
/// must not overflow.
const MAX_DEPTH: usize = 64;

/// [`HtmlParser`] with html5ever: a document parsed as `text/html`, its `<body>`'s children.
pub struct NativeHtml;

impl HtmlParser for NativeHtml {
    fn parse(&self, html: &str) -> Vec<HtmlNode> {
        // `DOMParser` parses with scripting off: a `<noscript>`'s content is markup, not text.
        let options = ParseOpts {
            tree_builder: TreeBuilderOpts {
                scripting_enabled: false,
                ..TreeBuilderOpts::default()
            },
            ..ParseOpts::default()
        };
        let document =
            driver::parse_document(HtmlTreeSink::new(Html::new_document()), options).one(html);
        let body = document
            .root_element()
            .children()
            .filter_map(ElementRef::wrap)
            .find(|element| element.value().name() == "body");
        super::html::trim_start(body.map_or_else(Vec::new, |body| children(*body, 0)))
    }
}

fn children(node: ego_tree::NodeRef<'_, Node>, depth: usize) -> Vec<HtmlNode> {
    if depth >= MAX_DEPTH {
        return Vec::new();
    }
    node.children()
        .filter_map(|child| convert(child, depth + 1))
        .collect()
}

fn convert(node: ego_tree::NodeRef<'_, Node>, depth: usize) -> Option<HtmlNode> {
    match node.value() {
        Node::Text(text) => Some(HtmlNode::Text(text.to_string())),
        Node::Element(element) => {
            HtmlNode::image(element.name(), |name| element.attr(name).map(str::to_owned)).or_else(
                || {
                    Some(HtmlNode::Element {
                        tag: element.name().to_owned(),
                        href: href(element),
                        children: children(node, depth),
                    })
                },
            )
        }
        _ => None,
    }
}

/// The one attribute read of an element that is not an image: every other one (on*, style,
/// …) is never looked at.
fn href(element: &Element) -> Option<String> {
    (element.name() == "a")
        .then(|| element.attr("href").map(str::to_owned))
        .flatten()
}
