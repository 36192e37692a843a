//! The XML parser of native code (tests, the fuzzer): roxmltree, read into the same
//! [`XmlElement`] tree as the browser's `DOMParser` walk (`source::dom`): namespaces, local
//! names, text with CDATA, the attributes of [`ATTRIBUTES`](super::xml::ATTRIBUTES), to the
//! same depth. A doctype is allowed (RSS 0.91 names Netscape's); nothing is ever fetched.

use roxmltree::{Document, Node, ParsingOptions};

use super::xml::{MAX_DEPTH, XmlElement, XmlNode, XmlParser};

pub struct NativeXml;

impl XmlParser for NativeXml {
    fn parse(&self, xml: &str) -> Result<XmlElement, String> {
        let options = ParsingOptions {
            allow_dtd: true,
            ..ParsingOptions::default()
        };
        let document = Document::parse_with_options(xml, options).map_err(|err| err.to_string())?;
        Ok(element(document.root_element(), 0))
    }
}

fn element(node: Node<'_, '_>, depth: usize) -> XmlElement {
    let name = node.tag_name();
    let mut out = XmlElement {
        namespace: name.namespace().unwrap_or_default().to_owned(),
        name: name.name().to_owned(),
        attributes: node
            .attributes()
            .filter(|a| XmlElement::keeps(a.name()))
            .map(|a| {
                (
                    a.namespace().unwrap_or_default().to_owned(),
                    a.name().to_owned(),
                    a.value().to_owned(),
                )
            })
            .collect(),
        children: Vec::new(),
    };
    if depth + 1 >= MAX_DEPTH {
        return out;
    }
    for child in node.children() {
        if child.is_element() {
            out.push(XmlNode::Element(element(child, depth + 1)));
        } else if let Some(text) = child.is_text().then(|| child.text()).flatten() {
            out.push(XmlNode::Text(text.to_owned()));
        }
    }
    out
}
