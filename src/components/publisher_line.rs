use leptos::prelude::*;

use super::Dateline;
use signal_model::{Language, PublishedAt, Publisher};

/// "DrakX Intelligence · Analyzed & Published Thursday, July 2, 2026". Left out when the
/// document names neither a publisher nor a status. An undated article's line has no date
/// (the dateline above already says "Undated").
#[component]
pub fn PublisherLine(
    publisher: Option<Publisher>,
    status_label: Option<String>,
    published_at: Option<PublishedAt>,
    #[prop(optional_no_strip)] language: Option<Language>,
) -> impl IntoView {
    if publisher.is_none() && status_label.is_none() {
        return None;
    }
    let name = publisher.map(|p| match p.url {
        Some(url) => view! { <a href=url.as_str().to_owned()>{p.name}</a> }.into_any(),
        None => view! { <span>{p.name}</span> }.into_any(),
    });
    let separator = name.is_some().then_some(" · ");
    let status = match published_at {
        Some(_) => status_label.map(|label| format!("{label} ")),
        None => status_label,
    };
    Some(view! {
        <p class="publisher-line">
            {name} {separator} {status} {published_at.map(|date| view! { <Dateline published_at=Some(date) language /> })}
        </p>
    })
}
