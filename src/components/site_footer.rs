use leptos::prelude::*;

use signal_model::site;

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="site-footer-inner">
                <p>
                    {site::PRODUCT_NAME} " is published by " <strong>{site::PUBLISHER_NAME}</strong> "."
                </p>
            </div>
        </footer>
    }
}
