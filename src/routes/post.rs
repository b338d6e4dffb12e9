//! A post: its header from its route's data at once, its body rendered
//! from Markdown in the browser when it arrives.

use std::sync::Arc;

use leptos::prelude::*;
use quire_core::{
    dom,
    manifest::{PostSummary, Site},
    markdown::Rendered,
    markup,
    page_text::PageText,
    route_data::{PostPage, SiteData},
};

#[cfg(doc)]
use crate::behaviour::rehearsal::rehearse_post;
use crate::{
    behaviour::{
        layout::{PreparedPost, lay_out_rest_later},
        rehearsal::post_drawn,
    },
    components::{
        page_meta::PageMeta,
        status::{LoadFailed, Loading},
    },
    data::{Load, Store},
};

/// The post's header comes with its route's data and shows at once; the
/// body follows when its Markdown arrives (at once, if it was seen or
/// prefetched).
#[component]
pub fn PostView(
    /// The post, with its series, related posts and neighbours.
    page: PostPage,
    /// The site it is part of.
    site: Arc<SiteData>,
) -> impl IntoView {
    Store::get().load_body(&page.post);
    post_drawn();
    let text = PageText {
        title: Some(page.post.title.clone()),
        description: page.post.description.clone(),
    };
    view! {
        <PageMeta text site=site.site.title.clone()/>
        <PostArticle page site/>
    }
}

/// The post itself, without what it changes outside its element (the
/// document's title and description): what [`rehearse_post`] draws out of
/// sight.
#[component]
pub fn PostArticle(
    /// The post, with its series, related posts and neighbours.
    page: PostPage,
    /// The site it is part of.
    site: Arc<SiteData>,
) -> impl IntoView {
    let store = Store::get();
    let post = page.post.clone();
    let slug = post.slug.clone();
    let body_state = Memo::new(move |_| store.body(&slug));
    let body = {
        let post = post.clone();
        let site = site.clone();
        move || match body_state.get() {
            None | Some(Load::Loading) => view! { <Loading label="Loading the post…"/> }.into_any(),
            Some(Load::Ready(rendered)) => post_text(&store, &site.site, &post, &rendered),
            Some(Load::Failed(error)) => {
                let post = post.clone();
                view! { <LoadFailed error retry=move || { store.load_body(&post); }/> }.into_any()
            }
        }
    };
    let root = store.root();
    let header = markup::post_header(&root, &site.site, &post, &page.series).into_string();
    let footer = markup::post_footer(
        &root,
        &site.site,
        &post,
        &page.related,
        (page.older.as_ref(), page.newer.as_ref()),
    )
    .into_string();
    view! {
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
        <div class=dom::POST_TEXT_CLASS node_ref=lay_out_rest_later(prepared) inner_html=content></div>
    }
    .into_any()
}
