use leptos::prelude::*;

use signal_model::PublishedAt;

/// "Thursday, July 2, 2026" in a machine-readable `<time>`; "Undated" for an article its
/// publisher gave no date.
#[component]
pub fn Dateline(published_at: Option<PublishedAt>, #[prop(optional)] short: bool) -> impl IntoView {
    let Some(published_at) = published_at else {
        return view! { <span class="undated">"Undated"</span> }.into_any();
    };
    let text = if short {
        published_at.short_date()
    } else {
        published_at.long_date()
    };
    view! { <time datetime=published_at.machine()>{text}</time> }.into_any()
}
