//! [`quire_core::route::Route::Term`]: the posts carrying a term (a tag, a category), page by page.

use leptos::prelude::*;
use quire_core::{
    listing::TermCount,
    markup, page_text,
    route_data::{ListPage, SiteData},
};

use crate::{
    components::{markup_view::MarkupView, page_meta::PageMeta},
    data::Store,
};

/// A page of one term's posts, paginated like the home page.
pub fn term_page(site: &SiteData, term: &TermCount, list: &ListPage) -> AnyView {
    let store = Store::get();
    let site = &site.site;
    view! {
        <PageMeta text=page_text::term(site, &term.taxonomy, &term.name, list.number, term.count) site=site.title.clone()/>
        <MarkupView html=markup::term_page(&store.root(), site, term, list.number, list.total, &list.items)/>
    }
    .into_any()
}
