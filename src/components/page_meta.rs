use leptos::prelude::*;
use leptos_meta::{Link, Meta, Script, Title};

use signal_model::seo::{HeadEntry, PageMeta};

/// The route's `<head>` entries; leptos_meta removes them when the route changes.
#[component]
pub fn PageMetaTags(meta: PageMeta) -> impl IntoView {
    meta.head()
        .into_iter()
        .map(|entry| match entry {
            HeadEntry::Title(text) => view! { <Title text /> }.into_any(),
            HeadEntry::MetaName(name, content) => view! { <Meta name content /> }.into_any(),
            HeadEntry::MetaProperty(property, content) => {
                view! { <Meta property content /> }.into_any()
            }
            HeadEntry::Link(rel, href) => view! { <Link rel href /> }.into_any(),
            HeadEntry::JsonLd(json) => {
                view! { <Script type_="application/ld+json">{json}</Script> }.into_any()
            }
        })
        .collect_view()
}
