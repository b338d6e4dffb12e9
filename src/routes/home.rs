//! [`quire_core::route::Route::Home`]: the newest posts, pinned ones first, page by page.

use leptos::prelude::*;
use quire_core::{
    markup, page_text,
    route_data::{ListPage, SiteData},
};

use crate::{
    components::{markup_view::MarkupView, page_meta::PageMeta},
    data::Store,
};

/// A page of the home list.
pub fn home_page(site: &SiteData, list: &ListPage) -> AnyView {
    let store = Store::get();
    let site = &site.site;
    view! {
        <PageMeta text=page_text::home(site, list.number) site=site.title.clone()/>
        <MarkupView html=markup::home_page(&store.root(), site, list.number, list.total, &list.items)/>
    }
    .into_any()
}
