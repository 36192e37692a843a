use leptos::prelude::*;

use super::use_paths;
use signal_model::Route;

use crate::source::Store;

/// The app path shown before the current one; the app keeps it up to date.
#[derive(Clone, Copy)]
pub struct PreviousPath(pub RwSignal<Option<String>>);

/// A way back that works from the keyboard alone: to the pillar page the reader came from,
/// or to the feed.
#[component]
pub fn BackLink() -> impl IntoView {
    let paths = use_paths();
    let store = Store::use_context();
    let previous = use_context::<PreviousPath>();
    let target = move || {
        let from = previous
            .and_then(|p| p.0.get())
            .map(|path| paths.route_of(&path));
        match from {
            Some(Route::Pillar(slug)) => {
                let name = store
                    .pillar_name(&slug)
                    .unwrap_or_else(|| "the pillar".to_owned());
                (paths.pillar(&slug), format!("Back to {name}"))
            }
            _ => (paths.home(), "All articles".to_owned()),
        }
    };
    let target = Memo::new(move |_| target());
    view! {
        <p class="back-link">
            <a href=move || target.get().0>
                <span aria-hidden="true">"← "</span>
                {move || target.get().1}
            </a>
        </p>
    }
}
