//! The document title and meta description of each route.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// Sets `document.title` to "page | site" (or just the site's title on the
/// home page) and the meta description.
#[component]
pub fn PageMeta(
    /// The page's own title; `None` on the home page.
    #[prop(into)]
    title: Option<String>,
    /// The site's title.
    #[prop(into)]
    site: String,
    /// The meta description.
    #[prop(into)]
    description: String,
) -> impl IntoView {
    let full = match title {
        Some(title) => format!("{title} | {site}"),
        None => site,
    };
    view! {
        <Title text=full/>
        <Meta name="description" content=description/>
    }
}
