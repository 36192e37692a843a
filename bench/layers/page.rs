//! Layer 5 of `bench/layers.sh`: the article page's own build, as `src/bin/article.rs` starts
//! it, built here beside the other layers with the same settings.

fn main() {
    console_error_panic_hook::set_once();
    signal_of_hope::app::remove_static_frame();
    leptos::mount::mount_to_body(signal_of_hope::app::ArticleApp);
}
