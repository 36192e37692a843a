use leptos::prelude::*;

use super::{ThemeToggle, use_paths};
use signal_model::site;

/// The path of the page shown, provided by the app (its router's) and by the prerenderer.
#[derive(Clone, Copy)]
pub struct PagePath(pub Signal<String>);

/// The product's name linking home, a skip link and the theme toggle.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let home = use_paths().home();
    // The page's own path: under the document's <base>, a bare "#main" is the home page's,
    // which a reader without JavaScript would be taken to.
    let page = use_context::<PagePath>();
    let skip_href =
        move || page.map_or_else(|| "#main".to_owned(), |p| format!("{}#main", p.0.get()));
    // The document has a <base>, so a plain "#main" would point at the home page: move
    // focus directly instead.
    let skip = |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        focus_main();
    };
    view! {
        <header class="site-header">
            <a class="skip-link" href=skip_href on:click=skip>"Skip to content"</a>
            <div class="site-header-inner">
                <a class="brand" href=home>
                    <span class="brand-mark" aria-hidden="true">"⬡"</span>
                    {site::PRODUCT_NAME}
                </a>
                <ThemeToggle />
            </div>
        </header>
    }
}

/// Moves keyboard and screen-reader focus to the main content.
pub fn focus_main() {
    use leptos::wasm_bindgen::JsCast;
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}
