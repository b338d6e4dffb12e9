//! Links between the pages of a paginated list.

use leptos::prelude::*;
use quire_core::markup;

use crate::data::Store;

/// "Newer posts" / "Older posts" links, and where we are; nothing for a
/// list of one page.
#[component]
pub fn Pager(
    /// This page's number, from 1.
    number: usize,
    /// How many pages there are.
    total: usize,
    /// The route path of page `n`.
    path_of: impl Fn(usize) -> String,
) -> impl IntoView {
    let root = Store::get().root();
    (total > 1).then(|| {
        view! {
            <nav class="pager" aria-label="Pages" inner_html=markup::pager_links(&root, number, total, path_of)></nav>
        }
    })
}
