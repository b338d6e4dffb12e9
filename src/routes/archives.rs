//! [`Route::Archives`]: every post by year and month.

use leptos::prelude::*;
use quire_core::{listing::archive, markup, page_text, route::Route};

use crate::{
    behaviour::layout::lay_out_archive_later,
    components::{markup_view::MarkupView, page_meta::PageMeta, status::WithManifest},
    data::Store,
    ready::PageReady,
};

/// The archive.
#[component]
pub fn ArchivesPage() -> impl IntoView {
    let store = Store::get();
    PageReady::mark_when(Route::Archives, move || store.manifest_settled());
    Effect::new(move |_| {
        if store.manifest_settled() {
            lay_out_archive_later();
        }
    });
    view! {
        <WithManifest ready=move |manifest| view! {
            <PageMeta text=page_text::archives(&manifest.site) site=manifest.site.title.clone()/>
            <MarkupView html=markup::archives_page(&store.root(), &archive(&manifest.posts))/>
        }/>
    }
}
