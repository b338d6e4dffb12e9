//! The site footer: profiles, feed, copyright, credit.

use leptos::prelude::*;
use quire_core::markup;

use crate::data::{Load, Store};

/// The bar at the bottom of every page, drawn by the same code as the
/// pre-rendered pages' (`markup::site_footer`).
#[component]
pub fn SiteFooter() -> impl IntoView {
    let store = Store::get();
    let year = js_sys::Date::new_0().get_full_year();
    move || {
        let Load::Ready(site) = store.site() else {
            return None;
        };
        let year = i32::try_from(year).unwrap_or_default();
        let inside = markup::site_footer(&store.root(), &site.site, year).into_string();
        Some(view! { <footer class="site-footer" inner_html=inside></footer> })
    }
}
