use leptos::prelude::*;

use signal_model::{Cut, Noticed, limits};

/// Says what the reader left out of a document ("Showing the first 2,000 of 50,000 body
/// blocks.", "1 of 25 items could not be read …"); nothing at all for an ordinary document.
#[component]
pub fn CutNotice(cut: Vec<Cut>, about: Noticed) -> impl IntoView {
    (!cut.is_empty()).then(|| {
        view! {
            <div class="cut-notice" role="note">
                <p>{limits::notice_lead(&cut, about)}</p>
                <ul>{cut.iter().map(|cut| view! { <li>{cut.message()}</li> }).collect_view()}</ul>
            </div>
        }
    })
}
