//! Text with links, rendered as text nodes and anchors: never as HTML.

use leptos::prelude::*;

use signal_model::{RichText, Span};

/// The runs of `text`; a link's URL was checked when the document was read (http, https or
/// mailto only). Links come from other people's documents, hence `nofollow`.
#[component]
pub fn RichTextView(text: RichText) -> impl IntoView {
    text.spans()
        .iter()
        .cloned()
        .map(|span| match span {
            Span::Text(text) => text.into_any(),
            Span::Link { text, url } => view! {
                <a href=url.as_str().to_owned() rel="nofollow noopener noreferrer">{text}</a>
            }
            .into_any(),
        })
        .collect_view()
}
