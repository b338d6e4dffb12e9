//! A post's card in a list: cover, title, summary and meta line.

use leptos::prelude::*;
use quire_core::{listing::paths, manifest::PostSummary};

use crate::{components::post_meta::PostMetaLine, data::Store};

/// One `<article>` of the post list.
#[component]
pub fn PostCard(
    /// The post to show.
    post: PostSummary,
    /// The list's first card, whose cover is likely the largest thing on
    /// screen: it loads at once rather than lazily.
    #[prop(optional)]
    first: bool,
) -> impl IntoView {
    let store = Store::get();
    let href = store.href(&paths::post(&post.slug));
    let cover = post.cover.clone().map(|cover| {
        view! {
            <figure class="card-cover">
                <img
                    src=paths::in_site(&store.root(), &cover.src)
                    alt=cover.alt
                    width=cover.width
                    height=cover.height
                    loading=(!first).then_some("lazy")
                    decoding="async"
                    fetchpriority=first.then_some("high")
                />
            </figure>
        }
    });
    view! {
        <article class="post-card">
            {cover}
            <h2 class="card-title">
                <a href=href>{post.title.clone()}</a>
            </h2>
            <p class="card-summary">{post.summary.clone()}</p>
            <PostMetaLine post/>
        </article>
    }
}

/// A list of cards.
#[component]
pub fn PostList(
    /// The posts, in order.
    posts: Vec<PostSummary>,
) -> impl IntoView {
    view! {
        <div class="post-list">
            {posts.into_iter().enumerate().map(|(at, post)| view! { <PostCard post first=at == 0/> }).collect_view()}
        </div>
    }
}
