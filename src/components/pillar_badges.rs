use leptos::prelude::*;

use super::use_paths;
use signal_model::{Pillar, text};

/// The pillars as a list of badge links to their pillar pages.
#[component]
pub fn PillarBadges(
    pillars: Vec<Pillar>,
    #[prop(optional)] label: Option<String>,
) -> impl IntoView {
    let paths = use_paths();
    view! {
        <ul class="badges" aria-label=label>
            {pillars
                .into_iter()
                .map(|p| {
                    view! {
                        <li>
                            <a class="badge" href=paths.pillar(&p.slug)>{p.name}</a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// "⬡ 2 pillars detected" and the badges; nothing at all when there are none.
#[component]
pub fn PillarSection(pillars: Vec<Pillar>) -> impl IntoView {
    let label = text::pillars_detected_label(pillars.len())?;
    Some(view! {
        <section class="pillars" aria-labelledby="pillars-heading">
            <h2 id="pillars-heading" class="pillars-heading">
                <span class="pillar-mark" aria-hidden="true">{text::PILLAR_MARK}</span>
                " "
                // The interface's English, in its own direction inside an article in another.
                <span lang="en" dir="ltr">{label}</span>
            </h2>
            <PillarBadges pillars />
        </section>
    })
}
