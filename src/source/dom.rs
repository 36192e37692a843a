//! The browser's HTML and XML parsers for the adapters: `DOMParser` builds an inert document (no
//! script runs, nothing is fetched, nothing is attached to the page), read here into plain
//! [`HtmlNode`]s. It costs the wasm almost nothing, unlike an HTML parser compiled in.

use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, Node, SupportedType};

use signal_model::adapt::{HtmlNode, HtmlParser, XmlElement, XmlNode, XmlParser, html, xml};

/// Deeper markup is cut off: no article nests this far, and the walk must not overflow.
const MAX_DEPTH: usize = 64;

pub struct BrowserHtml;

impl HtmlParser for BrowserHtml {
    fn parse(&self, html: &str) -> Vec<HtmlNode> {
        let body = DomParser::new()
            .and_then(|parser| parser.parse_from_string(html, SupportedType::TextHtml))
            .ok()
            .and_then(|document| document.body());
        html::trim_start(body.map_or_else(Vec::new, |body| children(&body, 0)))
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
            // An image's few attributes (`html::IMAGE_ATTRIBUTES`), as the native walk reads them.
            if let Some(image) = HtmlNode::image(&tag, |name| element.get_attribute(name)) {
                return Some(image);
            }
            // A link's one attribute: every other one (on*, style, …) is never looked at.
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

/// The browser's XML parser for the RSS and Atom adapters: `DOMParser` with `application/xml`
/// builds an inert document (no script runs, no external entity or DTD is fetched), read here
/// into an [`XmlElement`] with what roxmltree's tree gives natively (`adapt::native_xml`).
pub struct BrowserXml;

impl XmlParser for BrowserXml {
    fn parse(&self, xml: &str) -> Result<XmlElement, String> {
        let document = DomParser::new()
            .and_then(|parser| parser.parse_from_string(xml, SupportedType::ApplicationXml))
            .map_err(|_| "the browser could not parse it".to_owned())?;
        // A document that is not well-formed comes back with a `parsererror` element that says
        // where and why.
        // Chromium and WebKit put the message in its `div`, between headings of their own
        // ("This page contains the following errors:"); Firefox in its text.
        if let Some(error) = document.get_elements_by_tag_name("parsererror").item(0) {
            let message = error
                .get_elements_by_tag_name("div")
                .item(0)
                .unwrap_or(error);
            let why = message.text_content().unwrap_or_default();
            return Err(why.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        let root = document
            .document_element()
            .ok_or_else(|| "the document has no root element".to_owned())?;
        Ok(xml_element(&root, 0))
    }
}

/// The namespace of `xmlns` and `xmlns:*` attributes.
const XMLNS_NS: &str = "http://www.w3.org/2000/xmlns/";

fn xml_element(element: &Element, depth: usize) -> XmlElement {
    let attributes = element.attributes();
    let mut out = XmlElement {
        namespace: element.namespace_uri().unwrap_or_default(),
        name: element.local_name(),
        attributes: (0..attributes.length())
            .filter_map(|index| attributes.item(index))
            // Namespace declarations (`xmlns:media`) are attributes in the DOM, not in
            // roxmltree's tree: they are never data.
            .filter(|a| a.namespace_uri().as_deref() != Some(XMLNS_NS))
            .filter(|a| XmlElement::keeps(&a.local_name()))
            .map(|a| {
                (
                    a.namespace_uri().unwrap_or_default(),
                    a.local_name(),
                    a.value(),
                )
            })
            .collect(),
        children: Vec::new(),
    };
    if depth + 1 >= xml::MAX_DEPTH {
        return out;
    }
    let list = element.child_nodes();
    for child in (0..list.length()).filter_map(|index| list.item(index)) {
        match child.node_type() {
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                if let Some(text) = child.node_value() {
                    out.push(XmlNode::Text(text));
                }
            }
            Node::ELEMENT_NODE => {
                out.push(XmlNode::Element(xml_element(
                    child.unchecked_ref(),
                    depth + 1,
                )));
            }
            _ => {}
        }
    }
    out
}
