//! The document title and meta description of each route.

use leptos::prelude::*;
use quire_core::page_text::PageText;

/// Sets `document.title` to "page | site" (or just the site's title on the
/// home page) and the meta description, from the words the pre-rendered
/// page used too, as the route's view is made: before the route change is
/// announced, which reads the title. The page has one title and one
/// description, so they are set in place rather than managed as views.
#[component]
pub fn PageMeta(
    /// The page's title and description.
    text: PageText,
    /// The site's title.
    #[prop(into)]
    site: String,
) -> impl IntoView {
    let document = document();
    document.set_title(&text.document_title(&site));
    let description = document
        .query_selector(r#"meta[name="description"]"#)
        .ok()
        .flatten()
        .or_else(|| {
            let meta = document.create_element("meta").ok()?;
            meta.set_attribute("name", "description").ok()?;
            document.head()?.append_child(&meta).ok()?;
            Some(meta)
        });
    if let Some(meta) = description {
        let _ = meta.set_attribute("content", &text.description);
    }
}
