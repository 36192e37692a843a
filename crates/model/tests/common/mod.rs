//! Test support shared by the native test files.

use signal_model::adapt::{HtmlNode, HtmlParser};

/// A small HTML reader for native tests, standing in for the browser's `DOMParser` (which
/// the wasm tests and the end-to-end tests use): tags, double-quoted attributes, text and
/// a few entities; void elements close themselves and an end tag closes up to its opener.
pub struct TestHtml;

const VOID: &[&str] = &[
    "br", "hr", "img", "input", "meta", "link", "source", "area", "wbr",
];
/// Raw text elements: their content is text up to the end tag, as in a browser.
const RAW: &[&str] = &["script", "style"];

impl HtmlParser for TestHtml {
    fn parse(&self, html: &str) -> Vec<HtmlNode> {
        // Each open element: tag, href, children so far.
        let mut stack: Vec<(String, Option<String>, Vec<HtmlNode>)> =
            vec![(String::new(), None, Vec::new())];
        let mut rest = html;
        while !rest.is_empty() {
            let Some(open) = rest.find('<') else {
                push_text(&mut stack, rest);
                break;
            };
            push_text(&mut stack, &rest[..open]);
            rest = &rest[open + 1..];
            let close = rest.find('>').expect("a tag ends with >");
            let tag_text = &rest[..close];
            rest = &rest[close + 1..];
            if let Some(name) = tag_text.strip_prefix('/') {
                let name = name.trim().to_ascii_lowercase();
                if stack.iter().skip(1).any(|(tag, ..)| *tag == name) {
                    while let Some((tag, href, children)) = stack.pop() {
                        stack.last_mut().expect("root").2.push(HtmlNode::Element {
                            tag: tag.clone(),
                            href,
                            children,
                        });
                        if tag == name {
                            break;
                        }
                    }
                }
                continue;
            }
            let name: String = tag_text
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            let href = attribute(tag_text, "href");
            if VOID.contains(&name.as_str()) {
                stack.last_mut().expect("root").2.push(HtmlNode::Element {
                    tag: name,
                    href,
                    children: Vec::new(),
                });
            } else if RAW.contains(&name.as_str()) {
                let end = format!("</{name}>");
                let until = rest.find(&end).unwrap_or(rest.len());
                let text = HtmlNode::Text(rest[..until].to_owned());
                rest = &rest[(until + end.len()).min(rest.len())..];
                stack.last_mut().expect("root").2.push(HtmlNode::Element {
                    tag: name,
                    href: None,
                    children: vec![text],
                });
            } else {
                stack.push((name, href, Vec::new()));
            }
        }
        while stack.len() > 1 {
            let (tag, href, children) = stack.pop().expect("open element");
            stack.last_mut().expect("root").2.push(HtmlNode::Element {
                tag,
                href,
                children,
            });
        }
        stack.pop().expect("root").2
    }
}

fn push_text(stack: &mut [(String, Option<String>, Vec<HtmlNode>)], text: &str) {
    if !text.is_empty() {
        let text = text
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&");
        stack.last_mut().expect("root").2.push(HtmlNode::Text(text));
    }
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let end = tag[at..].find('"')?;
    Some(tag[at..at + end].replace("&amp;", "&"))
}
