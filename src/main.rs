use signal_of_hope::embed::{self, EmbedApp, EmbedRequest};
use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    console_error_panic_hook::set_once();
    // Loaded into a partner's page by the script embed: mount nothing until asked.
    if embed::is_inline_host() {
        return;
    }
    // Two entry points: the frame partners embed, or the whole site. (A first visit to an
    // article loads `src/bin/article.rs` instead.)
    match EmbedRequest::from_location() {
        Some(request) => {
            signal_of_hope::app::remove_static_frame();
            leptos::mount::mount_to_body(move || {
                leptos::prelude::view! { <EmbedApp request /> }
            })
        }
        None => signal_of_hope::app::start(signal_of_hope::app::App),
    }
}

/// The script embed's entry point, called by `public/embed/v1/loader.js` (see
/// `embed::mount_inline`). Exported from the binary, which is what Trunk's glue exposes.
#[wasm_bindgen]
pub fn mount_inline(
    container: web_sys::HtmlElement,
    kind: &str,
    slug: String,
    theme: &str,
    site: &str,
    api_base: &str,
) -> Result<(), String> {
    embed::mount_inline(container, kind, slug, theme, site, api_base)
}
