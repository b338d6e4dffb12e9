//! `/posts/<slug>/`: one post, its body rendered from Markdown in the browser.

use std::sync::Arc;

use leptos::{html::Div, prelude::*};
use leptos_router::hooks::use_params_map;
use quire_core::{
    listing::{RELATED_POSTS, neighbours, related},
    manifest::{Manifest, PostSummary},
    markdown::Rendered,
    markup,
    page_text::PageText,
};
use web_sys::Element;

use crate::{
    components::{
        page_meta::PageMeta,
        prefetch::PreparedPost,
        status::{LoadFailed, Loading, WithManifest},
    },
    data::{Load, Store},
    routes::not_found::NotFound,
    schedule::{next_frame, when_idle},
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
            Some(Load::Ready(rendered)) => post_text(&store, &post, &rendered),
            Some(Load::Failed(error)) => {
                let post = post.clone();
                view! { <LoadFailed error retry=move || store.load_body(&post)/> }.into_any()
            }
        }
    };
    let root = store.root();
    let site = &manifest.site;
    let header = markup::post_header(&root, site, &post);
    let footer = markup::post_footer(
        &root,
        site,
        &post,
        &related(&manifest.posts, &post, RELATED_POSTS),
        neighbours(&manifest.posts, &post.slug),
    );
    view! {
        <PageMeta text=PageText { title: Some(post.title.clone()), description: post.description.clone() } site=manifest.site.title.clone()/>
        <article class="post">
            <header class="post-header" inner_html=header></header>
            {body}
            <footer class="post-footer" inner_html=footer></footer>
        </article>
    }
}

/// The post's text (and its table of contents): the copy prepared ahead
/// when there is one, else drawn from the rendered Markdown.
fn post_text(store: &Store, post: &PostSummary, rendered: &Rendered) -> AnyView {
    let prepared = PreparedPost::take(&post.slug);
    let content = prepared
        .is_none()
        .then(|| markup::post_content(&store.root(), post, rendered));
    view! {
        <div class="post-content" data-lazy-layout="" node_ref=lay_out_rest_later(prepared) inner_html=content></div>
    }
    .into_any()
}

/// The post's text shows at once: while it carries `data-lazy-layout`, the
/// stylesheet lays out only its blocks near the viewport, which is what
/// makes a long post show within a frame. Once that frame is drawn and the
/// browser is idle, the mark goes and the rest is laid out, so heights,
/// the scrollbar and scroll positions are exact from then on. `prepared`
/// is the text parsed ahead (see [`PreparedPost`]), moved in as it mounts.
fn lay_out_rest_later(prepared: Option<Element>) -> NodeRef<Div> {
    let content = NodeRef::<Div>::new();
    content.on_load(move |content| {
        if let Some(prepared) = prepared {
            while let Some(block) = prepared.first_child() {
                let _ = content.append_child(&block);
            }
        }
        next_frame(move || {
            when_idle(move || {
                let _ = content.remove_attribute(LAZY_LAYOUT_ATTRIBUTE);
            })
        });
    });
    content
}

/// Lays out the rest of the post drawn now at once, not when the browser
/// is next idle: a jump to one of its headings needs the real heights of
/// the blocks above it.
pub fn lay_out_rest_now() {
    if let Ok(Some(content)) = document().query_selector(&format!("[{LAZY_LAYOUT_ATTRIBUTE}]")) {
        let _ = content.remove_attribute(LAZY_LAYOUT_ATTRIBUTE);
    }
}

/// The attribute the post's text is drawn with and [`lay_out_rest_later`]
/// removes; the stylesheet reads it.
const LAZY_LAYOUT_ATTRIBUTE: &str = "data-lazy-layout";
