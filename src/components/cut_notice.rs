use leptos::prelude::*;

use signal_model::Cut;

/// Says what the reader left out of a document past its limits ("Showing the first 2,000 of
/// 50,000 body blocks."); nothing at all for an ordinary document.
#[component]
pub fn CutNotice(
    cut: Vec<Cut>,
    /// The sentence before the list.
    #[prop(into, default = "This article is too long to show in full.".to_owned())]
    lead: String,
) -> impl IntoView {
    (!cut.is_empty()).then(|| {
        view! {
            <div class="cut-notice" role="note">
                <p>{lead}</p>
                <ul>{cut.iter().map(|cut| view! { <li>{cut.message()}</li> }).collect_view()}</ul>
            </div>
        }
    })
}
