//! [`Route::Home`]: the newest posts, pinned ones first, page by page.

use leptos::prelude::*;
use quire_core::{listing::paginate, markup, page_text, route::Route};

use crate::{
    components::{markup_view::MarkupView, page_meta::PageMeta, status::WithManifest},
    data::Store,
    ready::PageReady,
    routes::not_found::NotFound,
};

/// The home page and its later pages.
#[component]
pub fn HomePage(
    /// The page's number, from 1.
    page: usize,
) -> impl IntoView {
    let store = Store::get();
    PageReady::mark_when(Route::Home { page }, move || store.manifest_settled());
    view! {
        <WithManifest ready=move |manifest| {
            let site = &manifest.site;
            let Some(listed) = paginate(&manifest.posts, site.posts_per_page, page) else {
                return view! { <NotFound/> }.into_any();
            };
            view! {
                <PageMeta text=page_text::home(site, listed.number) site=site.title.clone()/>
                <MarkupView html=markup::home_page(&store.root(), site, listed.number, listed.total, listed.items)/>
            }
            .into_any()
        }/>
    }
}
