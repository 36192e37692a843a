use leptos::prelude::*;

/// The label above a headline ("Signal of Hope").
#[component]
pub fn Kicker(text: String) -> impl IntoView {
    view! { <p class="kicker">{text}</p> }
}
