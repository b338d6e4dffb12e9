//! `/tags/<tag>/` and `/tags/<tag>/page/<n>/`: the posts carrying a tag.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use quire_core::{
    listing::{paginate, paths, posts_tagged},
    page_text,
    text::count_of,
};

use crate::{
    components::{card::PostList, page_meta::PageMeta, pager::Pager, status::WithManifest},
    routes::{not_found::NotFound, page_param},
};

/// One tag's posts, paginated like the home page.
#[component]
pub fn TagPage() -> impl IntoView {
    let params = use_params_map();
    let tag = Memo::new(move |_| params.read().get("tag").unwrap_or_default());
    let page = page_param();
    view! {
        <WithManifest ready=move |manifest| move || {
            let tag_slug = tag.get();
            let found = posts_tagged(&manifest.posts, &tag_slug);
            let listed = found.as_ref().and_then(|(name, posts)| {
                let page = paginate(posts, manifest.site.posts_per_page, page.get()?)?;
                Some((name.clone(), page.items.iter().map(|post| (*post).clone()).collect::<Vec<_>>(), page.number, page.total, posts.len()))
            });
            let Some((name, posts, number, total, count)) = listed else {
                return view! { <NotFound/> }.into_any();
            };
            let path_slug = tag_slug.clone();
            view! {
                <PageMeta text=page_text::tag(&manifest.site, &name, number, count) site=manifest.site.title.clone()/>
                <h1 class="list-title">{page_text::tag_heading(&name, number)}<span class="list-count">{count_of(count, "post")}</span></h1>
                <PostList posts/>
                <Pager number total path_of=move |n| paths::tag(&path_slug, n)/>
            }
            .into_any()
        }/>
    }
}
