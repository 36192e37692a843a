use signal_of_hope::embed::{EmbedApp, EmbedRequest};

fn main() {
    console_error_panic_hook::set_once();
    // One wasm, two entry points: the frame partners embed, or the whole site.
    match EmbedRequest::from_location() {
        Some(request) => leptos::mount::mount_to_body(move || {
            leptos::prelude::view! { <EmbedApp request /> }
        }),
        None => leptos::mount::mount_to_body(signal_of_hope::app::App),
    }
}
