//! A post: its header from the manifest at once, its body rendered from
//! Markdown in the browser when it arrives.

use std::sync::Arc;

use leptos::prelude::*;
use quire_core::{
    listing::{RELATED_POSTS, series_among},
    manifest::{Manifest, PostSummary, Site},
    markdown::Rendered,
    markup,
    page_text::PageText,
};

use crate::{
    behaviour::layout::{PreparedPost, lay_out_rest_later},
    components::{
        page_meta::PageMeta,
        status::{LoadFailed, Loading},
    },
    data::{Load, Store},
};

/// The post's header comes from the manifest and shows at once; the body
/// follows when its Markdown arrives (at once, if it was seen or prefetched).
#[component]
pub fn PostView(
    /// The post.
    post: PostSummary,
    /// The manifest it came from, for its neighbours and related posts.
    manifest: Arc<Manifest>,
) -> impl IntoView {
    let store = Store::get();
    store.load_body(&post);
    let slug = post.slug.clone();
    let body_state = Memo::new(move |_| store.body(&slug));
    let body = {
        let post = post.clone();
        let manifest = manifest.clone();
        move || match body_state.get() {
            None | Some(Load::Loading) => view! { <Loading label="Loading the post…"/> }.into_any(),
            Some(Load::Ready(rendered)) => post_text(&store, &manifest.site, &post, &rendered),
            Some(Load::Failed(error)) => {
                let post = post.clone();
                view! { <LoadFailed error retry=move || { store.load_body(&post); }/> }.into_any()
            }
        }
    };
    let root = store.root();
    let site = &manifest.site;
    let series = store
        .posts_by_term("series")
        .map(|series| series_among(&series, &post))
        .unwrap_or_default();
    let header = markup::post_header(&root, site, &post, &series).into_string();
    let (related, neighbours) = store
        .relations()
        .map(|relations| {
            (
                relations.related(&post, RELATED_POSTS),
                relations.neighbours(&post.slug),
            )
        })
        .unwrap_or_default();
    let footer = markup::post_footer(&root, site, &post, &related, neighbours).into_string();
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
/// when there is one, else drawn from the rendered Markdown. Only the
/// blocks near the viewport are laid out at first (see
/// [`lay_out_rest_later`]).
fn post_text(store: &Store, site: &Site, post: &PostSummary, rendered: &Rendered) -> AnyView {
    let prepared = PreparedPost::take(&post.slug);
    let content = prepared
        .is_none()
        .then(|| markup::post_content(&store.root(), site, post, rendered).into_string());
    view! {
        <div class="post-content" node_ref=lay_out_rest_later(prepared) inner_html=content></div>
    }
    .into_any()
}
