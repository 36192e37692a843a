use leptos::prelude::*;

use signal_model::PublishedAt;

/// "Thursday, July 2, 2026" in a machine-readable `<time>`.
#[component]
pub fn Dateline(published_at: PublishedAt, #[prop(optional)] short: bool) -> impl IntoView {
    let text = if short {
        published_at.short_date()
    } else {
        published_at.long_date()
    };
    view! { <time datetime=published_at.machine()>{text}</time> }
}
