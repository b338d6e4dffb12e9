//! [`quire_core::route::Route::Archives`]: every post by year and month.

use leptos::prelude::*;
use quire_core::{listing::ArchiveYear, markup, page_text, route_data::SiteData};

use crate::{
    components::{markup_view::MarkupView, page_meta::PageMeta},
    data::Store,
};

/// The archive.
pub fn archives_page(site: &SiteData, years: &[ArchiveYear]) -> AnyView {
    let store = Store::get();
    view! {
        <PageMeta text=page_text::archives(&site.site) site=site.site.title.clone()/>
        <MarkupView html=markup::archives_page(&store.root(), years)/>
    }
    .into_any()
}
