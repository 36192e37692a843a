//! The article page alone: what a first visit to `/articles/<slug>` loads (`public/boot.js`
//! chooses it by the path). The feed, the pillar pages and the embed are not in this wasm, so
//! it arrives and starts sooner; links to those pages load them with the whole app.

use signal_of_hope::app::{ArticleApp, start};

fn main() {
    console_error_panic_hook::set_once();
    start(ArticleApp);
}
