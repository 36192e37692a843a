//! A page of the site as HTML: the built `index.html` (its `404.html` copy, which is never
//! prerendered) with the page's `<head>` entries in place of its title, and the app's own
//! components, rendered by Leptos, in place of its static frame.

use std::sync::Arc;

use leptos::prelude::*;
use signal_model::{
    Article, Card, Cut,
    publish::Alternate,
    seo::{HeadEntry, embed_safe},
};
use signal_of_hope::{
    app::{PRERENDERED_ATTRIBUTE, PRERENDERED_META, prerendered_site},
    pages::{prerendered_article, prerendered_feed, prerendered_pillar},
    source::{Config, FeedState},
};

use crate::fetch::Fetched;

/// The `<script type="application/json">` that carries the page's first document
/// (`public/boot.js` reads it instead of requesting it).
pub const DOCUMENT_SCRIPT_ID: &str = "signal-document";

/// The largest document a page carries. An article's own document is far smaller; a feed's
/// may not be (a feed backend's pages would each carry the whole feed), and then the app
/// requests it as on a page that is not prerendered.
pub const MAX_CARRIED_BYTES: usize = 256 * 1024;

/// The built page, cut where a page's own parts go.
pub struct Template {
    /// Up to the `<title>` element.
    before_title: String,
    /// The `<title>` element as built.
    title: String,
    /// The built page's body: the static frame the app replaces.
    shell_body: String,
    /// From after `</title>` to the end of the `<body>` start tag.
    after_title: String,
    /// From `</body>` on.
    after_body: String,
    /// The `<base href>` the build was made for (Trunk's `--public-url`).
    pub base: Option<String>,
    /// Entries of every page's `<head>` that stay when the app starts: the site's feeds.
    pub site_links: Vec<Alternate>,
}

impl Template {
    /// Reads the built page; `None` if it is not one (no `<title>` or `<body>`).
    pub fn parse(html: &str) -> Option<Self> {
        let title_start = html.find("<title>")?;
        let title_end = title_start + html[title_start..].find("</title>")? + "</title>".len();
        let body_tag = title_end + html[title_end..].find("<body")?;
        let body_start = body_tag + html[body_tag..].find('>')? + 1;
        let body_end = html.rfind("</body>")?;
        let base = html[..title_start]
            .find("<base href=\"")
            .map(|at| &html[at + "<base href=\"".len()..])
            .and_then(|rest| rest.split('"').next())
            .map(str::to_owned);
        (body_end >= body_start).then(|| Self {
            base,
            site_links: Vec::new(),
            before_title: html[..title_start].to_owned(),
            title: html[title_start..title_end].to_owned(),
            shell_body: html[body_start..body_end].to_owned(),
            after_title: html[title_end..body_start].to_owned(),
            after_body: html[body_end..].to_owned(),
        })
    }

    /// The page at app path `path`, with its `<head>` entries, its body, and the document the
    /// app reads first there (unless it is larger than [`MAX_CARRIED_BYTES`]).
    pub fn page(
        &self,
        path: &str,
        head: &[HeadEntry],
        alternates: &[Alternate],
        body: &str,
        document: Option<&Fetched>,
    ) -> String {
        let document = document.filter(|d| d.text.len() <= MAX_CARRIED_BYTES);
        let mut page = String::with_capacity(
            self.before_title.len() + self.after_title.len() + body.len() + 4096,
        );
        page.push_str(&self.before_title);
        page.push_str(&head_html(
            path,
            head,
            alternates,
            &self.site_links,
            document,
        ));
        page.push_str(&self.after_title);
        page.push_str(body);
        if let Some(document) = document {
            page.push_str(&document_script(document));
        }
        page.push_str(&self.after_body);
        page
    }

    /// The built page as it is, with `head` entries after its title that stay when the app
    /// starts (not marked as prerendered): for the embed frames, which the app renders itself.
    pub fn shell_page(&self, head: &[HeadEntry]) -> String {
        let mut page = self.before_title.clone();
        page.push_str(&self.title);
        for entry in head {
            page.push_str(&entry_html(entry.clone(), false));
        }
        page.push_str(&self.after_title);
        page.push_str(&self.shell_body);
        page.push_str(&self.after_body);
        page
    }
}

/// The `<head>` entries, each marked as prerendered (the app replaces them with its own),
/// and the `<meta>` that names the page's path and the document it carries.
fn head_html(
    path: &str,
    head: &[HeadEntry],
    alternates: &[Alternate],
    site_links: &[Alternate],
    document: Option<&Fetched>,
) -> String {
    let marker = document.map(|d| d.requested.clone());
    let mut html = view! {
        <meta name=PRERENDERED_META content=path.to_owned() data-document=marker />
    }
    .to_html();
    for entry in head {
        html.push_str(&entry_html(entry.clone(), true));
    }
    for link in alternates {
        html.push_str(&alternate_html(link, true));
    }
    for link in site_links {
        html.push_str(&alternate_html(link, false));
    }
    html
}

/// One `<head>` entry; `marked` ones carry [`PRERENDERED_ATTRIBUTE`], and the app replaces
/// them with its own.
fn entry_html(entry: HeadEntry, marked: bool) -> String {
    let mark = marked.then_some("");
    match entry {
        HeadEntry::Title(text) => view! { <title>{text}</title> }.to_html(),
        HeadEntry::MetaName(name, content) => {
            view! { <meta name=name content=content data-prerendered=mark /> }.to_html()
        }
        HeadEntry::MetaProperty(property, content) => {
            // `property` is not an HTML attribute Leptos names: set as a custom one.
            leptos::html::meta()
                .attr("property", property)
                .attr("content", content)
                .attr(PRERENDERED_ATTRIBUTE, mark)
                .to_html()
        }
        HeadEntry::Link(rel, href) => {
            view! { <link rel=rel href=href data-prerendered=mark /> }.to_html()
        }
        // Already safe inside a script element (`seo::embed_safe`), and not HTML-escaped:
        // a script's text is not decoded.
        HeadEntry::JsonLd(json) => match marked {
            true => format!(
                r#"<script type="application/ld+json" {PRERENDERED_ATTRIBUTE}="">{json}</script>"#
            ),
            false => format!(r#"<script type="application/ld+json">{json}</script>"#),
        },
    }
}

/// A `<link rel="alternate">`, marked like [`entry_html`]'s.
fn alternate_html(link: &Alternate, marked: bool) -> String {
    let Alternate { kind, href, title } = link.clone();
    let mark = marked.then_some("");
    view! { <link rel="alternate" type=kind href=href title=title data-prerendered=mark /> }
        .to_html()
}

/// The document the page reads first, as the app would have fetched it: `public/boot.js`
/// makes a `Response` of it, so the app reads it through its usual path.
fn document_script(document: &Fetched) -> String {
    let mut headers = serde_json::Map::new();
    for (name, value) in [
        ("content-type", &document.content_type),
        ("link", &document.link),
        ("x-wp-totalpages", &document.total_pages),
    ] {
        if let Some(value) = value {
            headers.insert(name.into(), value.clone().into());
        }
    }
    let data = serde_json::json!({
        "url": document.requested,
        "status": document.status,
        "headers": headers,
        "body": document.text,
    });
    format!(
        r#"<script type="application/json" id="{DOCUMENT_SCRIPT_ID}">{}</script>"#,
        embed_safe(&data.to_string())
    )
}

/// The body of the article's page, at `path`.
pub fn article_body(config: &Config, path: &str, article: Arc<Article>) -> String {
    site(config, path, move || {
        prerendered_article(article).into_any()
    })
}

/// The body of the feed's first page, at `path`.
pub fn feed_body(config: &Config, path: &str, state: FeedState) -> String {
    site(config, path, move || prerendered_feed(state).into_any())
}

/// The body of a pillar's page, at `path`.
pub fn pillar_body(
    config: &Config,
    path: &str,
    name: String,
    cards: Vec<Card>,
    cut: Vec<Cut>,
) -> String {
    site(config, path, move || {
        prerendered_pillar(name, cards, cut).into_any()
    })
}

/// The site's frame around `page`, rendered in a reactive owner of its own, which is
/// dropped with everything the components made.
fn site(config: &Config, path: &str, page: impl FnOnce() -> AnyView) -> String {
    let owner = Owner::new();
    let (config, path) = (config.clone(), path.to_owned());
    owner.with(move || prerendered_site(config, path, page).to_html())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fetched(text: String) -> Fetched {
        Fetched {
            requested: "https://api.example/articles/a.json".into(),
            url: "https://api.example/articles/a.json".into(),
            status: 200,
            text,
            content_type: None,
            link: None,
            total_pages: None,
        }
    }

    const SHELL: &str = "<!DOCTYPE html><html><head><base href=\"/\" /><title>Signal of Hope</title></head><body><main data-shell>…</main></body></html>";

    #[test]
    fn the_built_page_is_cut_where_a_page_goes() {
        let template = Template::parse(SHELL).expect("a built page");
        assert_eq!(template.base.as_deref(), Some("/"));
        let page = template.page(
            "/x",
            &[HeadEntry::Title("T & U".into())],
            &[],
            "<p>body</p>",
            None,
        );
        assert_eq!(
            page,
            "<!DOCTYPE html><html><head><base href=\"/\" /><meta name=\"signal:prerendered\" content=\"/x\"><title>T &amp; U</title></head><body><p>body</p></body></html>"
        );
        assert!(Template::parse("<html><body></body></html>").is_none());
    }

    #[test]
    fn a_document_is_carried_only_up_to_its_limit() {
        let template = Template::parse(SHELL).expect("a built page");
        let small = template.page("/x", &[], &[], "", Some(&fetched("{}".into())));
        assert!(small.contains(r#"<script type="application/json" id="signal-document">"#));
        assert!(small.contains(r#"data-document="https://api.example/articles/a.json""#));
        let large = template.page(
            "/x",
            &[],
            &[],
            "",
            Some(&fetched("x".repeat(MAX_CARRIED_BYTES + 1))),
        );
        assert!(!large.contains("signal-document"));
        assert!(!large.contains("data-document"));
    }

    #[test]
    fn carried_json_cannot_end_its_script() {
        let text = "</script><script>alert(1)</script><!-- &amp;".to_owned();
        let template = Template::parse(SHELL).expect("a built page");
        let page = template.page("/x", &[], &[], "", Some(&fetched(text.clone())));
        let script = page.split(r#"id="signal-document">"#).nth(1).unwrap();
        let json = script.split("</script>").next().unwrap();
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
        let data: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(data["body"], text.as_str());
    }
}
