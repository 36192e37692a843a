use leptos::prelude::*;

use crate::source::theme::{self, Theme};

/// A switch between the light and dark themes; the choice is remembered.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let (current, set_current) = signal(theme::current());
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
            <span class="theme-toggle-icon" aria-hidden="true">
                {move || if current.get() == Theme::Dark { "☾" } else { "☀" }}
            </span>
            "Dark theme"
        </button>
    }
}
