//! `/tags/`: every tag with its number of posts.

use leptos::prelude::*;
use quire_core::listing::{paths, tag_counts};

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
            let description = format!("All {} tags of {}.", tags.len(), manifest.site.title);
            view! {
                <PageMeta title=Some("Tags".to_owned()) site=manifest.site.title.clone() description/>
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
