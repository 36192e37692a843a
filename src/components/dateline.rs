use leptos::prelude::*;

use crate::source::intl;
use signal_model::{
    Language, PublishedAt,
    locale::{self, DateLength},
};

/// "Thursday, July 2, 2026" (in the article's `language`) in a machine-readable `<time>`;
/// "Undated" for an article its publisher gave no date.
#[component]
pub fn Dateline(
    published_at: Option<PublishedAt>,
    #[prop(optional)] short: bool,
    #[prop(optional_no_strip)] language: Option<Language>,
) -> impl IntoView {
    let Some(published_at) = published_at else {
        return view! { <span class="undated" lang="en">"Undated"</span> }.into_any();
    };
    let length = if short {
        DateLength::Short
    } else {
        DateLength::Long
    };
    let text = locale::date(&published_at, length, language.as_ref(), intl::formatter());
    view! { <time datetime=published_at.machine()>{text}</time> }.into_any()
}

/// "Updated Friday, July 3, 2026", in the article's `language`.
#[component]
pub fn UpdatedLine(updated_at: PublishedAt, language: Option<Language>) -> impl IntoView {
    let text = locale::updated(&updated_at, language.as_ref(), intl::formatter());
    view! {
        <span class="updated">
            <time datetime=updated_at.machine()>{text}</time>
        </span>
    }
}
