//! [`Route::Terms`]: every term of a taxonomy with its number of posts.

use leptos::prelude::*;
use quire_core::{listing::counts_most_used_first, markup, page_text, route::Route};

use crate::{
    components::{markup_view::MarkupView, page_meta::PageMeta, status::WithManifest},
    data::Store,
    ready::PageReady,
};

/// A taxonomy's index: the tag cloud, the categories.
#[component]
pub fn TermsPage(
    /// The taxonomy's plural name: `tags`.
    taxonomy: String,
) -> impl IntoView {
    let store = Store::get();
    PageReady::mark_when(
        Route::Terms {
            taxonomy: taxonomy.clone(),
        },
        move || store.manifest_settled(),
    );
    view! {
        <WithManifest ready=move |manifest| {
            let terms = counts_most_used_first(&store.posts_by_term(&taxonomy).unwrap_or_default());
            view! {
                <PageMeta text=page_text::terms(&manifest.site, &taxonomy, terms.len()) site=manifest.site.title.clone()/>
                <MarkupView html=markup::terms_page(&store.root(), &taxonomy, &terms)/>
            }
        }/>
    }
}
