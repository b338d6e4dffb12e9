//! [`Route::Tags`]: every tag with its number of posts.

use leptos::prelude::*;
use quire_core::{listing::tag_counts, markup, page_text, route::Route};

use crate::{
    components::{markup_view::MarkupView, page_meta::PageMeta, status::WithManifest},
    data::Store,
    ready::PageReady,
};

/// The tag index.
#[component]
pub fn TagsPage() -> impl IntoView {
    let store = Store::get();
    PageReady::mark_when(Route::Tags, move || store.manifest_settled());
    view! {
        <WithManifest ready=move |manifest| {
            let tags = tag_counts(&manifest.posts);
            view! {
                <PageMeta text=page_text::tags(&manifest.site, tags.len()) site=manifest.site.title.clone()/>
                <MarkupView html=markup::tags_page(&store.root(), &tags)/>
            }
        }/>
    }
}
