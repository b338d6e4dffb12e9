//! `/tags/`: every tag with its number of posts.

use leptos::prelude::*;
use quire_core::{
    listing::{paths, tag_counts},
    page_text,
};

use crate::{
    components::{page_meta::PageMeta, status::WithManifest},
    data::Store,
};

/// The tag index.
#[component]
pub fn TagsPage() -> impl IntoView {
    let store = Store::get();
    view! {
        <WithManifest ready=move |manifest| {
            let tags = tag_counts(&manifest.posts);
            view! {
                <PageMeta text=page_text::tags(&manifest.site, tags.len()) site=manifest.site.title.clone()/>
                <h1 class="list-title">"Tags"</h1>
                <ul class="tag-cloud">
                    {tags.into_iter().map(|tag| view! {
                        <li>
                            <a href=store.href(&paths::tag(&tag.slug, 1))>
                                {tag.name}
                                <span class="tag-count" aria-label=format!("{} posts", tag.count)>{tag.count}</span>
                            </a>
                        </li>
                    }).collect_view()}
                </ul>
            }
        }/>
    }
}
