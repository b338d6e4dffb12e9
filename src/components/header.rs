//! The site header: the blog's name, its menu and the theme switch.

use leptos::prelude::*;
use quire_core::listing::paths;

use crate::{
    components::theme::ThemeToggle,
    data::{Load, Store},
};

/// The bar at the top of every page.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let store = Store::get();
    let home = store.href("");
    let site = move || match store.manifest() {
        Load::Ready(manifest) => Some(manifest.site.clone()),
        _ => None,
    };
    view! {
        <header class="site-header">
            <nav class="nav" aria-label="Site">
                <a class="site-title" href=home>{move || site().map(|site| site.title)}</a>
                <ul class="menu">
                    {move || {
                        site().map(|site| {
                            site.menu
                                .into_iter()
                                .map(|link| view! { <li><a href=paths::in_site(&store.root(), &link.url)>{link.name}</a></li> })
                                .collect_view()
                        })
                    }}
                    <li><a class="search-link" href=store.href(paths::SEARCH) aria-keyshortcuts="/">"Search"</a></li>
                    <li><ThemeToggle/></li>
                </ul>
            </nav>
        </header>
    }
}
