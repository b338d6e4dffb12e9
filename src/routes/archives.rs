//! [`Route::Archives`]: every post by year and month.

use leptos::prelude::*;
use quire_core::{listing::archive, markup, page_text, route::Route};

use crate::{
    behaviour::layout::lay_out_rest_now,
    components::{markup_view::MarkupView, page_meta::PageMeta, status::WithManifest},
    data::Store,
    ready::PageReady,
    schedule::{next_frame, when_idle},
};

/// The archive.
#[component]
pub fn ArchivesPage() -> impl IntoView {
    let store = Store::get();
    PageReady::mark_when(Route::Archives, move || store.manifest_settled());
    // The years far from the viewport are laid out once the page is drawn
    // and the browser is idle, as a post's far blocks are.
    Effect::new(move |_| {
        if store.manifest_settled() {
            next_frame(|| when_idle(lay_out_rest_now));
        }
    });
    view! {
        <WithManifest ready=move |manifest| view! {
            <PageMeta text=page_text::archives(&manifest.site) site=manifest.site.title.clone()/>
            <MarkupView html=markup::archives_page(&store.root(), &archive(&manifest.posts))/>
        }/>
    }
}
