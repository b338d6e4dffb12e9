//! [`quire_core::route::Route::Terms`]: every term of a taxonomy with its number of posts.

use leptos::prelude::*;
use quire_core::{listing::TermCount, markup, page_text, route_data::SiteData};

use crate::{
    components::{markup_view::MarkupView, page_meta::PageMeta},
    data::Store,
};

/// A taxonomy's index: the tag cloud, the categories.
pub fn terms_page(site: &SiteData, taxonomy: &str, terms: &[TermCount]) -> AnyView {
    let store = Store::get();
    view! {
        <PageMeta text=page_text::terms(&site.site, taxonomy, terms.len()) site=site.site.title.clone()/>
        <MarkupView html=markup::terms_page(&store.root(), taxonomy, terms)/>
    }
    .into_any()
}
