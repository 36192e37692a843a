use leptos::prelude::*;

use crate::source::theme::{self, Theme};

/// A switch between the light and dark themes; the choice is remembered.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let (current, set_current) = signal(theme::current());
    // Dropped with the component, which removes the listener.
    let watch = theme::watch_system(move || set_current.set(theme::current()));
    StoredValue::new_local(watch);
    let toggle = move |_| {
        let next = current.get_untracked().toggled();
        theme::choose(next);
        set_current.set(next);
    };
    view! {
        <button
            type="button"
            class="theme-toggle"
            aria-pressed=move || (current.get() == Theme::Dark).to_string()
            on:click=toggle
        >
            // Both icons: the stylesheet shows the one for the scheme in effect.
            <span class="theme-toggle-icon" aria-hidden="true">
                <span class="theme-icon-light">"☀"</span>
                <span class="theme-icon-dark">"☾"</span>
            </span>
            "Dark theme"
        </button>
    }
}
