//! A list of post cards.

use leptos::prelude::*;
use quire_core::{manifest::PostSummary, markup};

use crate::data::Store;

/// The cards of a list: cover, title, summary, meta line and tags each,
/// drawn by the same code as the pre-rendered pages.
#[component]
pub fn PostList(
    /// The posts, in order.
    posts: Vec<PostSummary>,
) -> impl IntoView {
    let root = Store::get().root();
    view! { <div class="post-list" inner_html=markup::post_list(&root, &posts)></div> }
}
