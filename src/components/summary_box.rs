use leptos::prelude::*;

use signal_model as model;

/// The highlighted TL;DR paragraph: a landmark, so readers can jump straight to it.
#[component]
pub fn SummaryBox(text: String) -> impl IntoView {
    view! {
        <section class="summary-box" aria-label="Summary">
            <p>{text}</p>
        </section>
    }
}

/// Further boxes, each with a title and text and/or points; untitled ones are "Key points".
#[component]
pub fn SummaryBoxes(boxes: Vec<model::SummaryBox>) -> impl IntoView {
    boxes
        .into_iter()
        .enumerate()
        .map(|(index, b)| {
            let heading_id = format!("summary-box-{index}");
            let label = b.title.is_none().then_some("Key points");
            let labelled_by = b.title.is_some().then(|| heading_id.clone());
            let points = (!b.points.is_empty()).then(|| {
                view! {
                    <ul class="summary-points">
                        {b.points.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                    </ul>
                }
            });
            view! {
                <section class="summary-box summary-box--extra" aria-label=label aria-labelledby=labelled_by>
                    {b.title.map(|t| view! { <h2 id=heading_id>{t}</h2> })}
                    {b.text.map(|t| view! { <p>{t}</p> })}
                    {points}
                </section>
            }
        })
        .collect_view()
}
