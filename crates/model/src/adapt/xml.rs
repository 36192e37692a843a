//! XML documents (RSS, Atom) as a plain tree of elements and text. The browser parses them
//! inertly (`DOMParser` with `application/xml`: nothing runs, nothing loads; see
//! `source::dom`); native code uses roxmltree ([`super::native_xml`]). Both read the same
//! things into an [`XmlElement`]: namespaces and local names, text (CDATA is text), and only
//! the attributes in [`ATTRIBUTES`], to the same depth.

use std::borrow::Cow;

use super::{HtmlNode, entities};

/// Deeper markup is cut off, as in the HTML walk: no feed nests this far, and the walk must
/// not overflow.
pub const MAX_DEPTH: usize = 64;

/// The namespace of `xml:base` and `xml:lang`.
pub const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// The attributes the adapters read, by local name (in any namespace); every other one is
/// never copied out of the parser's tree.
pub const ATTRIBUTES: &[&str] = &[
    "base",
    "href",
    "rel",
    "type",
    "term",
    "label",
    "src",
    "isPermaLink",
    "about",
    "resource",
    "version",
    "mode",
    // xml:lang; Media RSS's and enclosures' `url`, `medium` and size; XHTML content's images.
    "lang",
    "url",
    "medium",
    "width",
    "height",
    "alt",
    "srcset",
    "media",
];

/// An XML node as far as the adapters care.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XmlNode {
    /// Text and CDATA, adjacent runs joined.
    Text(String),
    Element(XmlElement),
}

/// An element: its namespace URI (empty for none), local name, the attributes of
/// [`ATTRIBUTES`] it has, and its children.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct XmlElement {
    pub namespace: String,
    pub name: String,
    /// `(namespace, local name, value)`.
    pub attributes: Vec<(String, String, String)>,
    pub children: Vec<XmlNode>,
}

/// Parses XML into its root element, or says where and why it is not well-formed.
pub trait XmlParser {
    fn parse(&self, xml: &str) -> Result<XmlElement, String>;
}

impl XmlElement {
    /// Whether an attribute by this local name is kept (see [`ATTRIBUTES`]).
    pub fn keeps(name: &str) -> bool {
        ATTRIBUTES.contains(&name)
    }

    /// Adds a child, joining text to text before it; what both parsers use to build the tree.
    pub fn push(&mut self, node: XmlNode) {
        match (self.children.last_mut(), node) {
            (Some(XmlNode::Text(last)), XmlNode::Text(text)) => last.push_str(&text),
            (_, node) => self.children.push(node),
        }
    }

    pub fn is(&self, namespace: &str, name: &str) -> bool {
        self.name == name && self.namespace == namespace
    }

    /// The attribute `name` in `namespace` (`""` for an unprefixed one).
    pub fn attr(&self, namespace: &str, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(ns, n, _)| ns == namespace && n == name)
            .map(|(_, _, value)| value.as_str())
    }

    pub fn elements(&self) -> impl Iterator<Item = &XmlElement> {
        self.children.iter().filter_map(|child| match child {
            XmlNode::Element(element) => Some(element),
            XmlNode::Text(_) => None,
        })
    }

    /// The child elements named `name` in one of `namespaces`.
    pub fn all<'a>(
        &'a self,
        namespaces: &'a [&'a str],
        name: &'a str,
    ) -> impl Iterator<Item = &'a XmlElement> + 'a {
        self.elements()
            .filter(move |e| e.name == name && namespaces.contains(&e.namespace.as_str()))
    }

    /// The first child element named `name` in one of `namespaces`.
    pub fn first(&self, namespaces: &[&str], name: &str) -> Option<&XmlElement> {
        self.elements()
            .find(|e| e.name == name && namespaces.contains(&e.namespace.as_str()))
    }

    /// All the text in the element, markup left out.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.text_into(&mut out);
        out
    }

    fn text_into(&self, out: &mut String) {
        for child in &self.children {
            match child {
                XmlNode::Text(text) => out.push_str(text),
                XmlNode::Element(element) => element.text_into(out),
            }
        }
    }

    /// A canonical digest of the tree, to compare two parsers' trees (the browser's and the
    /// native one) without shipping the trees: FNV-1a over names, attributes and text.
    pub fn digest(&self) -> String {
        let mut hash = Fnv(0xcbf2_9ce4_8422_2325);
        self.digest_into(&mut hash);
        format!("{:016x}", hash.0)
    }

    fn digest_into(&self, hash: &mut Fnv) {
        hash.write(b"<");
        hash.write(self.namespace.as_bytes());
        hash.write(b" ");
        hash.write(self.name.as_bytes());
        let mut attributes: Vec<_> = self.attributes.iter().collect();
        attributes.sort();
        for (ns, name, value) in attributes {
            for part in [ns, name, value] {
                hash.write(b"\x01");
                hash.write(part.as_bytes());
            }
        }
        hash.write(b">");
        for child in &self.children {
            match child {
                XmlNode::Text(text) => {
                    hash.write(b"\x02");
                    hash.write(text.as_bytes());
                }
                XmlNode::Element(element) => element.digest_into(hash),
            }
        }
        hash.write(b"</>");
    }

    /// The element's children as HTML nodes (Atom's `type="xhtml"` content): local names as
    /// tags, only `href` of links and an image's attributes kept, its addresses resolved by
    /// `resolve` (for `xml:base`).
    pub fn html_children(&self, resolve: &dyn Fn(&XmlElement, &str) -> String) -> Vec<HtmlNode> {
        self.children
            .iter()
            .map(|child| match child {
                XmlNode::Text(text) => HtmlNode::Text(text.clone()),
                XmlNode::Element(element) => {
                    let tag = element.name.to_ascii_lowercase();
                    let image = HtmlNode::image(&tag, |name| {
                        let value = element.attr("", name)?;
                        Some(match name {
                            "src" => resolve(element, value),
                            "srcset" => super::media::resolve_srcset(value, &|url| {
                                Some(resolve(element, url))
                            }),
                            _ => value.to_owned(),
                        })
                    });
                    if let Some(image) = image {
                        return image;
                    }
                    let href = (tag == "a")
                        .then(|| element.attr("", "href").map(|href| resolve(element, href)))
                        .flatten();
                    HtmlNode::Element {
                        tag,
                        href,
                        children: element.html_children(resolve),
                    }
                }
            })
            .collect()
    }
}

struct Fnv(u64);

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// The text both parsers are given: without a byte order mark, white space before the root,
/// or an XML declaration (the text is already decoded, so its `encoding=` no longer holds, a
/// parser reading a string may object to it, and feeds put white space before it, which XML
/// does not allow), and with HTML's named references that XML does not define (`&nbsp;`,
/// `&rsquo;`, which feeds write without declaring them) written as numeric ones, outside
/// CDATA sections and comments. A document that declares entities of its own is left alone.
pub fn prepare(xml: &str) -> Cow<'_, str> {
    let mut text = xml.strip_prefix('\u{feff}').unwrap_or(xml).trim_start();
    if let Some(rest) = text.strip_prefix("<?xml")
        && rest.starts_with(|c: char| c.is_ascii_whitespace() || c == '?')
        && let Some(end) = rest.find("?>")
    {
        text = &rest[end + 2..];
    }
    if !text.contains('&') || text.contains("<!ENTITY") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // Sections whose `&` is not a reference: copied as they are.
        let section = [("<![CDATA[", "]]>"), ("<!--", "-->")]
            .into_iter()
            .find(|(open, _)| rest.starts_with(open));
        if let Some((open, close)) = section {
            let end = rest[open.len()..]
                .find(close)
                .map_or(rest.len(), |end| open.len() + end + close.len());
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        if rest.starts_with('<') {
            out.push('<');
            rest = &rest[1..];
            continue;
        }
        let name_len = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len() - 1);
        let name = &rest[1..1 + name_len];
        let closed = rest[1 + name_len..].starts_with(';');
        match entities::named(name).filter(|_| closed && !is_xml_entity(name)) {
            Some(c) => {
                out.push_str(&format!("&#{};", u32::from(c)));
                rest = &rest[name_len + 2..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn is_xml_entity(name: &str) -> bool {
    matches!(name, "amp" | "lt" | "gt" | "quot" | "apos")
}

/// The name of the root element, read from the text without parsing it: what is left after a
/// byte order mark, white space, the XML declaration, comments, processing instructions and a
/// doctype, if that starts an element. `rdf:RDF` keeps its prefix.
pub fn root_name(text: &str) -> Option<&str> {
    let mut rest = text.strip_prefix('\u{feff}').unwrap_or(text);
    loop {
        rest = rest.trim_start();
        let skip = if rest.starts_with("<?") {
            rest.find("?>").map(|end| end + 2)
        } else if rest.starts_with("<!--") {
            rest.find("-->").map(|end| end + 3)
        } else if rest.starts_with("<!DOCTYPE") || rest.starts_with("<!doctype") {
            doctype_end(rest)
        } else {
            break;
        };
        rest = &rest[skip?..];
    }
    let name = rest.strip_prefix('<')?;
    let end = name
        .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
        .unwrap_or(name.len());
    let name = &name[..end];
    (!name.is_empty()).then_some(name)
}

/// The length of a doctype, internal subset included.
fn doctype_end(text: &str) -> Option<usize> {
    let mut in_subset = false;
    for (at, c) in text.char_indices() {
        match c {
            '[' => in_subset = true,
            ']' => in_subset = false,
            '>' if !in_subset => return Some(at + 1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_is_found_after_the_prolog() {
        assert_eq!(root_name("<rss version=\"2.0\">"), Some("rss"));
        assert_eq!(
            root_name(
                "\u{feff}<?xml version=\"1.0\"?>\n<!-- c -->\n<?xml-stylesheet href=\"x\"?>\
                 <!DOCTYPE rss [<!ENTITY a \"b\">]>\n<rdf:RDF xmlns:rdf=\"…\">"
            ),
            Some("rdf:RDF")
        );
        assert_eq!(
            root_name("<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Some("feed")
        );
        assert_eq!(root_name("{\"a\": 1}"), None);
        assert_eq!(root_name("<!-- unclosed"), None);
        assert_eq!(root_name(""), None);
    }

    #[test]
    fn html_references_become_numeric_outside_cdata() {
        assert_eq!(
            prepare(
                "<?xml version=\"1.0\" encoding=\"windows-1251\"?><t>a&nbsp;b &amp; &rsquo;&unknown; <![CDATA[&nbsp;]]><!-- &nbsp; --></t>"
            ),
            "<t>a&#160;b &amp; &#8217;&unknown; <![CDATA[&nbsp;]]><!-- &nbsp; --></t>"
        );
        assert_eq!(
            prepare("<!DOCTYPE t [<!ENTITY nbsp \"x\">]><t>&nbsp;</t>"),
            "<!DOCTYPE t [<!ENTITY nbsp \"x\">]><t>&nbsp;</t>"
        );
        assert_eq!(prepare("<t>&amp"), "<t>&amp");
    }
}
