use leptos::prelude::*;

use super::use_paths;
use crate::source::FetchError;

/// A page-level "not found", with the way back to the feed.
#[component]
pub fn NotFoundPanel(title: String, message: String) -> impl IntoView {
    let home = use_paths().home();
    view! {
        <section class="notice notice--not-found">
            <h1>{title}</h1>
            <p>{message}</p>
            <p>
                <a class="button-link" href=home>"Back to all articles"</a>
            </p>
        </section>
    }
}

/// What went wrong loading `what` ("article", "articles"), and what the reader can do:
/// go back on a 404, retry a failure that may pass, read what is wrong with a bad document.
#[component]
pub fn ErrorPanel(
    error: FetchError,
    what: &'static str,
    #[prop(into)] retry: Callback<()>,
) -> impl IntoView {
    let home = use_paths().home();
    let heading = error.heading(what);
    match error {
        FetchError::NotFound => view! {
            <NotFoundPanel
                title=heading
                message=format!("There is no {what} at this address. It may have been moved or removed.")
            />
        }
        .into_any(),
        FetchError::Invalid(problem) => view! {
            <section class="notice notice--invalid" role="alert">
                <h1>{heading}</h1>
                <p>"Its data does not match the Signal of Hope article format:"</p>
                <p>
                    <code class="problem">{problem.to_string()}</code>
                </p>
                <p>
                    <a class="button-link" href=home>"Back to all articles"</a>
                </p>
            </section>
        }
        .into_any(),
        other => {
            let retryable = other.is_retryable();
            view! {
                <section class="notice notice--failed" role="alert">
                    <h1>{heading}</h1>
                    <p class="problem">{other.to_string()}</p>
                    <p class="notice-actions">
                        {retryable
                            .then(|| {
                                view! {
                                    <button type="button" class="button" on:click=move |_| retry.run(())>
                                        "Retry"
                                    </button>
                                }
                            })}
                        <a class="button-link" href=home>"Back to all articles"</a>
                    </p>
                </section>
            }
            .into_any()
        }
    }
}
