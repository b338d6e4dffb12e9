//! The site header: the blog's name, its menu, search and the theme switch.

use leptos::prelude::*;
use quire_core::markup;

use crate::{
    components::theme::theme_switch_label,
    data::{Load, Store},
};

/// The bar at the top of every page, drawn by the same code as the
/// pre-rendered pages' (`markup::site_header`).
#[component]
pub fn SiteHeader() -> impl IntoView {
    let store = Store::get();
    let inside = move || {
        let manifest = match store.manifest() {
            Load::Ready(manifest) => Some(manifest),
            _ => None,
        };
        let site = manifest.as_ref().map(|manifest| &manifest.site);
        markup::site_header(&store.root(), site, theme_switch_label())
    };
    view! { <header class="site-header" inner_html=inside></header> }
}
