//! The document title and meta description of each route.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use quire_core::page_text::PageText;

/// Sets `document.title` to "page | site" (or just the site's title on the
/// home page) and the meta description, from the words the pre-rendered
/// page used too.
#[component]
pub fn PageMeta(
    /// The page's title and description.
    text: PageText,
    /// The site's title.
    #[prop(into)]
    site: String,
) -> impl IntoView {
    view! {
        <Title text=text.document_title(&site)/>
        <Meta name="description" content=text.description/>
    }
}
