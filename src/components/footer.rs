//! The site footer: copyright, profiles, feed, credit.

use leptos::prelude::*;
use quire_core::{listing::paths, page_text::copyright};

use crate::data::{Load, Store};

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
        let root = store.root();
        let line = format!("{} · Powered by Quire", copyright(&site, year as i32));
        Some(view! {
            <footer class="site-footer">
                <ul class="social">
                    {site
                        .social
                        .into_iter()
                        .map(|link| view! { <li><a href=paths::in_site(&root, &link.url) rel="me noopener">{link.name}</a></li> })
                        .collect_view()}
                    // The feed is a file, not a route: rel="external" keeps the router off it.
                    <li><a href=store.href(paths::FEED) rel="external" type="application/rss+xml">"RSS"</a></li>
                </ul>
                <p>{line}</p>
            </footer>
        })
    }
}
