use std::time::Duration;

use leptos::prelude::*;

/// Renders `children` once the browser has painted the frame this component was created in:
/// for what a reader does not see (the page's `<head>` entries), so that the task that
/// renders the article, and keeps the page from answering input, stays short.
#[component]
pub fn AfterPaint(children: ChildrenFn) -> impl IntoView {
    let painted = RwSignal::new(false);
    // An animation frame callback runs just before the paint; a timeout set there runs after.
    request_animation_frame(move || {
        set_timeout(
            move || {
                // Gone already if the reader left the page in the meantime.
                let _ = painted.try_set(true);
            },
            Duration::ZERO,
        );
    });
    move || painted.get().then(|| children())
}
