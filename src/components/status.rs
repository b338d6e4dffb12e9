//! What a reader sees while data is on its way or when it could not be had.

use std::sync::Arc;

use leptos::prelude::*;
use quire_core::route_data::SiteData;

use crate::{
    data::{Load, LoadError, Store},
    focus::focus_main_start,
};

/// Renders `ready` once the site's data is loaded; until then a quiet
/// placeholder, and on failure the reason with a retry button.
#[component]
pub fn WithSite<V, F>(
    /// Draws the page from the site's data.
    ready: F,
) -> impl IntoView
where
    F: Fn(Arc<SiteData>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let store = Store::get();
    move || match store.site() {
        Load::Loading => view! { <Loading label="Loading posts…"/> }.into_any(),
        Load::Ready(site) => ready(site).into_any(),
        Load::Failed(error) => {
            view! { <LoadFailed error retry=move || store.retry_site()/> }.into_any()
        }
    }
}

/// A placeholder that says what is loading to screen readers and shows a
/// calm shimmer, not a spinner.
#[component]
pub fn Loading(
    /// What is loading, for screen readers.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    view! {
        <div class="loading" role="status" aria-live="polite">
            <span class="visually-hidden">{label}</span>
            <div class="loading-line"></div>
            <div class="loading-line"></div>
            <div class="loading-line short"></div>
        </div>
    }
}

/// Why something could not be loaded, and a button to try again.
#[component]
pub fn LoadFailed(
    /// What went wrong.
    error: LoadError,
    /// Starts the request again.
    retry: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <div class="load-failed" role="alert">
            <h2>"Something went wrong"</h2>
            <p>{error.to_string()}</p>
            <button
                type="button"
                class="button"
                on:click=move |_| {
                    retry();
                    // The button goes with this box: focus stays in the page.
                    focus_main_start();
                }
            >
                "Try again"
            </button>
        </div>
    }
}
