//! The site footer: copyright, profiles, credit.

use leptos::prelude::*;

use crate::{
    components::header::site_link,
    data::{Load, Store},
};

/// The bar at the bottom of every page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let store = Store::get();
    let year = js_sys::Date::new_0().get_full_year();
    move || {
        let Load::Ready(manifest) = store.manifest() else {
            return None;
        };
        let site = manifest.site.clone();
        let owner = if site.author.is_empty() {
            site.title.clone()
        } else {
            site.author.clone()
        };
        Some(view! {
            <footer class="site-footer">
                <ul class="social">
                    {site
                        .social
                        .into_iter()
                        .map(|link| view! { <li><a href=site_link(&store, &link.url) rel="me noopener">{link.name}</a></li> })
                        .collect_view()}
                </ul>
                <p>{format!("© {year} {owner}")} " · Powered by Quire"</p>
            </footer>
        })
    }
}
