use leptos::prelude::*;
use leptos_meta::{Link, Meta, Script, Title};

use signal_model::{seo::PageMeta, site};

/// The route's `<head>` entries; leptos_meta removes them when the route changes.
#[component]
pub fn PageMetaTags(meta: PageMeta) -> impl IntoView {
    let PageMeta {
        title,
        description,
        canonical,
        og_type,
        published_time,
        section,
        tags,
        json_ld,
    } = meta;
    view! {
        <Title text=title.clone() />
        <Meta name="description" content=description.clone() />
        <Link rel="canonical" href=canonical.clone() />
        <Meta property="og:site_name" content=site::PRODUCT_NAME />
        <Meta property="og:type" content=og_type />
        <Meta property="og:title" content=title.clone() />
        <Meta property="og:description" content=description.clone() />
        <Meta property="og:url" content=canonical />
        <Meta name="twitter:card" content="summary" />
        <Meta name="twitter:title" content=title />
        <Meta name="twitter:description" content=description />
        {published_time.map(|t| view! { <Meta property="article:published_time" content=t /> })}
        {section.map(|s| view! { <Meta property="article:section" content=s /> })}
        {tags.into_iter().map(|t| view! { <Meta property="article:tag" content=t /> }).collect_view()}
        {json_ld.map(|json| view! { <Script type_="application/ld+json">{json}</Script> })}
    }
}
