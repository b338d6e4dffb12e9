//! [`quire_core::route::Route::Section`]: a section's pages (Hugo's `/posts/`, `/notes/`), page by page.

use leptos::prelude::*;
use quire_core::{
    manifest::Section,
    markup, page_text,
    route_data::{ListPage, SiteData},
};

use crate::{
    components::{markup_view::MarkupView, page_meta::PageMeta},
    data::Store,
};

/// A page of a section's list; `count` is how many pages it lists in all.
pub fn section_page(site: &SiteData, section: &Section, count: usize, list: &ListPage) -> AnyView {
    let store = Store::get();
    let site = &site.site;
    view! {
        <PageMeta text=page_text::section(site, section, list.number, count) site=site.title.clone()/>
        <MarkupView html=markup::section_page(&store.root(), site, section, list.number, list.total, &list.items)/>
    }
    .into_any()
}
