//! The view for an address that names nothing: an unknown path, tag or page.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use quire_core::{markup, page_text};

use crate::{
    components::{markup_view::MarkupView, page_meta::PageMeta},
    data::{Load, Store},
};

/// "Page not found", with ways back into the blog.
#[component]
pub fn NotFound() -> impl IntoView {
    let store = Store::get();
    let location = use_location();
    // Shown inside pages that already have the site's data; the title does
    // not need to follow it.
    let Load::Ready(site) = store.site_untracked() else {
        return ().into_any();
    };
    let address = quire_core::route::decode_path(&location.pathname.get_untracked());
    view! {
        <PageMeta text=page_text::not_found() site=site.site.title.clone()/>
        <MarkupView html=markup::not_found_page(&store.root(), Some(&address))/>
    }
    .into_any()
}
