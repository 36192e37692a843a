//! An article's body as HTML, for the published feeds' `content_html` and Atom `content`:
//! every text escaped, links only to the URLs the contract already accepted.

use crate::{Article, Block, Image, RichText, Span};

use super::escape;

/// The body's blocks as HTML elements, then its sources as a list.
pub fn article_html(article: &Article) -> String {
    let mut html = String::new();
    for block in &article.body {
        match block {
            Block::Paragraph(text) => {
                html.push_str("<p>");
                rich(&mut html, text);
                html.push_str("</p>");
            }
            Block::Heading(text) => {
                html.push_str("<h2>");
                html.push_str(&escape(text));
                html.push_str("</h2>");
            }
            Block::Quote { text, cite } => {
                html.push_str("<blockquote><p>");
                rich(&mut html, text);
                html.push_str("</p>");
                if let Some(cite) = cite {
                    html.push_str("<footer><cite>");
                    html.push_str(&escape(cite));
                    html.push_str("</cite></footer>");
                }
                html.push_str("</blockquote>");
            }
            Block::List(items) => {
                html.push_str("<ul>");
                for item in items {
                    html.push_str("<li>");
                    rich(&mut html, item);
                    html.push_str("</li>");
                }
                html.push_str("</ul>");
            }
            Block::Figure(image) => figure(&mut html, image),
        }
    }
    if !article.sources.is_empty() {
        html.push_str("<h2>Sources</h2><ul>");
        for source in &article.sources {
            html.push_str("<li>");
            match &source.url {
                Some(url) => link(&mut html, &source.name, url.as_str()),
                None => html.push_str(&escape(&source.name)),
            }
            html.push_str("</li>");
        }
        html.push_str("</ul>");
    }
    html
}

/// A figure: the image (its size, so a feed reader can reserve its box), then its caption
/// and credit.
fn figure(html: &mut String, image: &Image) {
    html.push_str("<figure><img src=\"");
    html.push_str(&escape(image.url.as_str()));
    html.push_str("\" alt=\"");
    html.push_str(&escape(&image.alt));
    html.push('"');
    if let Some(size) = image.size {
        html.push_str(&format!(
            " width=\"{}\" height=\"{}\"",
            size.width, size.height
        ));
    }
    html.push('>');
    if image.caption.is_some() || image.credit.is_some() {
        html.push_str("<figcaption>");
        if let Some(caption) = &image.caption {
            rich(html, caption);
        }
        if let Some(credit) = &image.credit {
            if image.caption.is_some() {
                html.push(' ');
            }
            html.push_str("<small>");
            html.push_str(&escape(credit));
            html.push_str("</small>");
        }
        html.push_str("</figcaption>");
    }
    html.push_str("</figure>");
}

fn rich(html: &mut String, text: &RichText) {
    for span in text.spans() {
        match span {
            Span::Text(text) => html.push_str(&escape(text)),
            Span::Link { text, url } => link(html, text, url.as_str()),
        }
    }
}

fn link(html: &mut String, text: &str, url: &str) {
    html.push_str("<a href=\"");
    html.push_str(&escape(url));
    html.push_str("\">");
    html.push_str(&escape(text));
    html.push_str("</a>");
}
