//! The site header: the blog's name, its menu, search and the theme switch.
//!
//! The page follows `prefers-color-scheme` until the reader picks a theme.
//! The page's script in `index.html` applies the pick before anything is
//! painted (no flash) and works every switch, including the pre-rendered
//! page's before the app has started. The button is part of the header's
//! markup (`quire_core::markup::site_header`); the app names it here.

use leptos::prelude::*;
use quire_core::markup;

use crate::data::{Load, Store};

/// The bar at the top of every page, drawn by the same code as the
/// pre-rendered pages' (`markup::site_header`).
#[component]
pub fn SiteHeader() -> impl IntoView {
    let store = Store::get();
    let inside = move || {
        let site = match store.site() {
            Load::Ready(site) => Some(site),
            _ => None,
        };
        let site = site.as_ref().map(|site| &site.site);
        markup::site_header(&store.root(), site, theme_switch_label()).into_string()
    };
    view! { <header class="site-header" inner_html=inside></header> }
}

/// Whether the dark theme is in force: the reader's pick, else the system's.
fn dark_in_force() -> bool {
    match document()
        .document_element()
        .and_then(|root| root.get_attribute("data-theme"))
        .as_deref()
    {
        Some("dark") => true,
        Some("light") => false,
        _ => window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|query| query.matches()),
    }
}

/// The theme switch's name for the theme in force: "Switch to dark theme".
pub fn theme_switch_label() -> &'static str {
    if dark_in_force() {
        "Switch to light theme"
    } else {
        "Switch to dark theme"
    }
}
