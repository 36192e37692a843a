use leptos::prelude::*;

/// Whether the page shows what it will show: its content, an error or a "not found", and no
/// longer a placeholder. The app provides it when it takes a prerendered page over
/// (`app::start`): until then the prerendered page stays on screen.
#[derive(Clone, Copy)]
pub struct PageSettled(pub RwSignal<bool>);

/// Placed in a page's final states: marks the page settled once this render is on the page.
#[component]
pub fn Settled() -> impl IntoView {
    if let Some(PageSettled(settled)) = use_context::<PageSettled>() {
        // An effect runs after the render that created it.
        Effect::new(move |_| settled.set(true));
    }
}
