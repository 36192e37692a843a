//! The browser's HTML parser for the adapters: `DOMParser` builds an inert document (no
//! script runs, nothing is fetched, nothing is attached to the page), read here into plain
//! [`HtmlNode`]s. It costs the wasm almost nothing, unlike an HTML parser compiled in.

use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, Node, SupportedType};

use signal_model::adapt::{HtmlNode, HtmlParser};

/// Deeper markup is cut off: no article nests this far, and the walk must not overflow.
const MAX_DEPTH: usize = 64;

pub struct BrowserHtml;

impl HtmlParser for BrowserHtml {
    fn parse(&self, html: &str) -> Vec<HtmlNode> {
        let body = DomParser::new()
            .and_then(|parser| parser.parse_from_string(html, SupportedType::TextHtml))
            .ok()
            .and_then(|document| document.body());
        body.map_or_else(Vec::new, |body| children(&body, 0))
    }
}

fn children(node: &Node, depth: usize) -> Vec<HtmlNode> {
    if depth >= MAX_DEPTH {
        return Vec::new();
    }
    let list = node.child_nodes();
    (0..list.length())
        .filter_map(|index| list.item(index))
        .filter_map(|child| convert(&child, depth + 1))
        .collect()
}

fn convert(node: &Node, depth: usize) -> Option<HtmlNode> {
    match node.node_type() {
        Node::TEXT_NODE | Node::CDATA_SECTION_NODE => node.node_value().map(HtmlNode::Text),
        Node::ELEMENT_NODE => {
            let element: &Element = node.unchecked_ref();
            let tag = element.local_name();
            // The one attribute read: every other one (on*, style, src, …) is never looked at.
            let href = (tag == "a")
                .then(|| element.get_attribute("href"))
                .flatten();
            Some(HtmlNode::Element {
                tag,
                href,
                children: children(node, depth),
            })
        }
        _ => None,
    }
}
