//! A small, forgiving HTML parser standing in for the browser's `DOMParser` (which the app
//! uses, and which cannot run natively): tags, `href`, text. Like the app's walk of the
//! browser's tree (`src/source/dom.rs`), it stops at 64 levels of nesting. It never fails:
//! any input gives some tree, so the fuzzer reaches the adapters' HTML handling.

use crate::adapt::{HtmlNode, HtmlParser};

const MAX_DEPTH: usize = 64;
const VOID: &[&str] = &["br", "hr", "img", "input", "meta", "link", "source", "wbr"];

pub struct FuzzHtml;

type Open = (String, Option<String>, Vec<HtmlNode>);

impl HtmlParser for FuzzHtml {
    fn parse(&self, html: &str) -> Vec<HtmlNode> {
        let mut stack: Vec<Open> = vec![(String::new(), None, Vec::new())];
        let mut rest = html;
        while !rest.is_empty() {
            let Some(open) = rest.find('<') else {
                text(&mut stack, rest);
                break;
            };
            text(&mut stack, &rest[..open]);
            rest = &rest[open + 1..];
            let close = rest.find('>').unwrap_or(rest.len());
            let tag = &rest[..close];
            rest = &rest[(close + 1).min(rest.len())..];
            if let Some(name) = tag.strip_prefix('/') {
                let name = name.trim().to_ascii_lowercase();
                if stack.iter().skip(1).any(|(open, ..)| *open == name) {
                    while stack.len() > 1 {
                        let closed = close_last(&mut stack);
                        if closed == name {
                            break;
                        }
                    }
                }
                continue;
            }
            let name: String = tag
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            if name.is_empty() {
                continue;
            }
            let href = href(tag);
            if VOID.contains(&name.as_str()) || stack.len() > MAX_DEPTH {
                last(&mut stack).push(HtmlNode::Element {
                    tag: name,
                    href,
                    children: Vec::new(),
                });
            } else {
                stack.push((name, href, Vec::new()));
            }
        }
        while stack.len() > 1 {
            close_last(&mut stack);
        }
        stack
            .pop()
            .map(|(.., children)| children)
            .unwrap_or_default()
    }
}

fn last(stack: &mut [Open]) -> &mut Vec<HtmlNode> {
    &mut stack.last_mut().expect("the root is never closed").2
}

fn close_last(stack: &mut Vec<Open>) -> String {
    let (tag, href, children) = stack.pop().expect("an open element");
    last(stack).push(HtmlNode::Element {
        tag: tag.clone(),
        href,
        children,
    });
    tag
}

fn text(stack: &mut [Open], text: &str) {
    if !text.is_empty() {
        last(stack).push(HtmlNode::Text(text.replace("&amp;", "&")));
    }
}

fn href(tag: &str) -> Option<String> {
    let at = tag.find("href=\"")? + 6;
    let end = tag[at..].find('"')?;
    Some(tag[at..at + end].to_owned())
}
