use leptos::prelude::*;

use super::{Settled, use_paths};
use crate::source::FetchError;

/// A page-level "not found", with the way back to the feed.
#[component]
pub fn NotFoundPanel(title: String, message: String) -> impl IntoView {
    let home = use_paths().home();
    view! {
        <Settled />
        <section class="notice notice--not-found">
            <h1>{title}</h1>
            <p>{message}</p>
            <p>
                <a class="button-link" href=home>"Back to all articles"</a>
            </p>
        </section>
    }
}

/// [`ErrorPanel`] for whatever an `ErrorBoundary` holds now. An `ErrorBoundary` calls its
/// fallback once, when the first error arrives; a Retry that fails differently (503, then
/// offline) replaces the error without calling it again, so the panel must follow the errors
/// itself or it goes on showing the first one.
#[component]
pub fn ErrorsPanel<F>(errors: ArcRwSignal<Errors>, what: &'static str, retry: F) -> impl IntoView
where
    F: Fn(()) + Clone + Send + Sync + 'static,
{
    let error = Memo::new(move |_| FetchError::from_errors(&errors.read()));
    view! {
        <Settled />
        {move || view! { <ErrorPanel error=error.get() what retry=retry.clone() /> }}
    }
}

/// What went wrong loading `what` ("article", "articles"), and what the reader can do:
/// go back on a 404, retry a failure that may pass, read what is wrong with a bad document.
///
/// `retry` is kept as the closure itself, not a `Callback`: a `Callback` lives in the reactive
/// owner that was current when the panel was made, and an `ErrorBoundary` may dispose of that
/// owner while the panel stays on screen (after a Retry that fails again), so a second click on
/// Retry would panic.
#[component]
pub fn ErrorPanel<F>(error: FetchError, what: &'static str, retry: F) -> impl IntoView
where
    F: Fn(()) + 'static,
{
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
        // Taken down on purpose (410): say so, and do not offer a Retry that cannot help.
        FetchError::Gone => view! {
            <NotFoundPanel
                title=heading
                message=format!("The {what} at this address has been removed by its publisher.")
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
                                    <button type="button" class="button" on:click=move |_| retry(())>
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
