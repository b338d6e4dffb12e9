//! A route's view drawn from its shared markup.

use leptos::prelude::*;
use quire_core::{dom, html::SafeHtml};

/// The element that holds a route's view, filled with the same markup the
/// build pre-rendered the route with (`quire_core::markup`).
#[component]
pub fn MarkupView(
    /// The view's markup.
    html: SafeHtml,
) -> impl IntoView {
    view! { <div class=dom::VIEW_CLASS inner_html=html.into_string()></div> }
}
