//! [`Route::Tag`]: the posts carrying a tag, page by page.

use leptos::prelude::*;
use quire_core::{
    listing::{TagCount, paginate, posts_tagged},
    markup, page_text,
    route::Route,
};

use crate::{
    components::{markup_view::MarkupView, page_meta::PageMeta, status::WithManifest},
    data::Store,
    ready::PageReady,
    routes::not_found::NotFound,
};

/// One tag's posts, paginated like the home page.
#[component]
pub fn TagPage(
    /// The tag's URL form.
    slug: String,
    /// The page's number, from 1.
    page: usize,
) -> impl IntoView {
    let store = Store::get();
    PageReady::mark_when(
        Route::Tag {
            slug: slug.clone(),
            page,
        },
        move || store.manifest_settled(),
    );
    view! {
        <WithManifest ready=move |manifest| {
            let Some((name, posts)) = posts_tagged(&manifest.posts, &slug) else {
                return view! { <NotFound/> }.into_any();
            };
            let Some(listed) = paginate(&posts, manifest.site.posts_per_page, page) else {
                return view! { <NotFound/> }.into_any();
            };
            let tag = TagCount { name, slug: slug.clone(), count: posts.len() };
            view! {
                <PageMeta text=page_text::tag(&manifest.site, &tag.name, listed.number, tag.count) site=manifest.site.title.clone()/>
                <MarkupView html=markup::tag_page(&store.root(), &tag, listed.number, listed.total, listed.items)/>
            }
            .into_any()
        }/>
    }
}
