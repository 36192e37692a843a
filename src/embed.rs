//! The embed entry point: the framed article or card that partner sites show
//! (`/embed/articles/:slug`, `/embed/cards/:slug`, see `docs/embedding.md`).

use leptos::prelude::*;

use crate::{
    pages::EmbedPage,
    source::{Config, Store},
};
use signal_model::{
    AppPaths, Route,
    embed::{EmbedKind, EmbedTheme},
    publish::EMBED_ROBOTS,
};

/// What the frame's URL asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedRequest {
    pub kind: EmbedKind,
    pub slug: String,
    pub theme: EmbedTheme,
}

impl EmbedRequest {
    /// The embed the current page's URL names, if it is one.
    pub fn from_location() -> Option<Self> {
        let config = Config::from_document().ok()?;
        let location = window().location();
        let (kind, slug) = match config.paths().route_of(&location.pathname().ok()?) {
            Route::EmbedArticle(slug) => (EmbedKind::Article, slug),
            Route::EmbedCard(slug) => (EmbedKind::Card, slug),
            _ => return None,
        };
        let theme = EmbedTheme::from_query(&location.search().unwrap_or_default());
        Some(Self { kind, slug, theme })
    }
}

/// The whole framed page. The document is set up for a frame: links open in a new tab (a
/// frame must never navigate to the reader's site inside a partner's page), the partner's
/// theme wins over the reader's remembered one, and the page is as tall as its content.
#[component]
pub fn EmbedApp(request: EmbedRequest) -> impl IntoView {
    let config = Config::from_document();
    let paths = config
        .as_ref()
        .map(|c| c.paths().clone())
        .unwrap_or_default();
    provide_context(Store::new(config));
    provide_context(paths);

    let document = document();
    if let Some(base) = document.query_selector("base").ok().flatten() {
        let _ = base.set_attribute("target", "_blank");
    }
    add_robots_rule(&document);
    if let Some(html) = document.document_element() {
        let _ = html.class_list().add_1("embed");
        let _ = match request.theme.attribute() {
            Some(theme) => html.set_attribute("data-theme", theme),
            None => html.remove_attribute("data-theme"),
        };
    }
    view! { <EmbedPage kind=request.kind slug=request.slug /> }
}

/// A frame is not a page of its own for search engines: its prerendered page says so
/// already (`crates/prerender`); one served by the host's fallback gets the rule here.
fn add_robots_rule(document: &web_sys::Document) {
    let (name, content) = EMBED_ROBOTS;
    let selector = format!(r#"meta[name="{name}"]"#);
    if document.query_selector(&selector).ok().flatten().is_some() {
        return;
    }
    let head = document.query_selector("head").ok().flatten();
    if let (Ok(meta), Some(head)) = (document.create_element("meta"), head) {
        let _ = meta.set_attribute("name", name);
        let _ = meta.set_attribute("content", content);
        let _ = head.append_child(&meta);
    }
}

/// Whether this wasm was loaded by the partner loader's script embed (it sets
/// `SignalEmbed.inline` first): then the page is the partner's, and nothing may be mounted
/// on it but the embeds the loader asks for (`mount_inline`).
pub fn is_inline_host() -> bool {
    let flag = js_sys::Reflect::get(&window(), &"SignalEmbed".into())
        .ok()
        .filter(|namespace| namespace.is_object())
        .and_then(|namespace| js_sys::Reflect::get(&namespace, &"inline".into()).ok());
    flag.is_some_and(|flag| flag.is_truthy())
}

/// The script embed: mounts the article or card `slug` into `container`, an element in a
/// shadow root the loader made on the partner's page. `site` is the reader's address (links
/// point there, absolute), `api_base` where its data is; `theme` light, dark or auto.
pub fn mount_inline(
    container: web_sys::HtmlElement,
    kind: &str,
    slug: String,
    theme: &str,
    site: &str,
    api_base: &str,
) -> Result<(), String> {
    let kind = if kind == "card" {
        EmbedKind::Card
    } else {
        EmbedKind::Article
    };
    let config = Config::resolve(site, Some(api_base))?;
    let paths = AppPaths::absolute(site);
    if let Some(theme) = EmbedTheme::from_query(&format!("theme={theme}")).attribute() {
        let _ = container.set_attribute("data-theme", theme);
    }
    leptos::mount::mount_to(container, move || {
        provide_context(Store::new(Ok(config)));
        provide_context(paths);
        view! { <EmbedPage kind slug inline=true /> }
    })
    .forget();
    Ok(())
}
