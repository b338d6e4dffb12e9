//! `/posts/<slug>/`: one post, its body rendered from Markdown in the browser.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use quire_core::{
    listing::{neighbours, paths},
    manifest::{Manifest, PostSummary},
    page_text::PageText,
    slug::slugify,
};

use crate::{
    components::{
        page_meta::PageMeta,
        post_meta::PostMetaLine,
        status::{LoadFailed, Loading, WithManifest},
    },
    data::{Load, Store},
    routes::not_found::NotFound,
};

/// A post, or the not-found view for an unknown slug.
#[component]
pub fn PostPage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    view! {
        <WithManifest ready=move |manifest| move || {
            let slug = slug.get();
            match manifest.find_post(&slug) {
                Some(post) => view! { <PostView post=post.clone() manifest=manifest.clone()/> }.into_any(),
                None => view! { <NotFound/> }.into_any(),
            }
        }/>
    }
}

/// The post's header comes from the manifest and shows at once; the body
/// follows when its Markdown arrives (at once, if it was seen or prefetched).
#[component]
fn PostView(post: PostSummary, manifest: Arc<Manifest>) -> impl IntoView {
    let store = Store::get();
    store.load_body(&post);
    let slug = post.slug.clone();
    let body_state = Memo::new(move |_| store.body(&slug));
    let body = {
        let post = post.clone();
        move || match body_state.get() {
            None | Some(Load::Loading) => view! { <Loading label="Loading the post…"/> }.into_any(),
            Some(Load::Ready(rendered)) => {
                view! { <div class="post-content" inner_html=rendered.html.clone()></div> }
                    .into_any()
            }
            Some(Load::Failed(error)) => {
                let post = post.clone();
                view! { <LoadFailed error retry=move || store.load_body(&post)/> }.into_any()
            }
        }
    };
    let cover = post.cover.clone().map(|cover| {
        let caption = (!cover.caption.is_empty())
            .then(|| view! { <figcaption>{cover.caption.clone()}</figcaption> });
        view! {
            <figure class="post-cover">
                <img
                    src=paths::in_site(&store.root(), &cover.src)
                    alt=cover.alt.clone()
                    width=cover.width
                    height=cover.height
                    decoding="async"
                    fetchpriority="high"
                />
                {caption}
            </figure>
        }
    });
    let tags = (!post.tags.is_empty()).then(|| {
        view! {
            <ul class="post-tags" aria-label="Tags">
                {post.tags.iter().map(|tag| view! {
                    <li><a href=store.href(&paths::tag(&slugify(tag), 1))>{format!("#{tag}")}</a></li>
                }).collect_view()}
            </ul>
        }
    });
    let (older, newer) = neighbours(&manifest.posts, &post.slug);
    let neighbour_link = |post: Option<&PostSummary>, class: &'static str, label: &'static str| {
        post.map(|post| {
            view! {
                <a class=class href=store.href(&paths::post(&post.slug))>
                    <span class="paginav-label">{label}</span>
                    <span class="paginav-title">{post.title.clone()}</span>
                </a>
            }
        })
    };
    let updated = post.updated_later().map(|lastmod| {
        view! { <p class="post-updated">"Updated " <time datetime=lastmod.to_string()>{lastmod.long_form()}</time></p> }
    });
    view! {
        <PageMeta text=PageText { title: Some(post.title.clone()), description: post.description.clone() } site=manifest.site.title.clone()/>
        <article class="post">
            <header class="post-header">
                <h1 class="post-title">{post.title.clone()}</h1>
                <PostMetaLine post=post.clone()/>
                {updated}
            </header>
            {cover}
            {body}
            <footer class="post-footer">
                {tags}
                <nav class="paginav" aria-label="More posts">
                    {neighbour_link(newer, "paginav-newer", "← Newer")}
                    {neighbour_link(older, "paginav-older", "Older →")}
                </nav>
            </footer>
        </article>
    }
}
