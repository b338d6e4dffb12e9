//! Links between the pages of a paginated list.

use leptos::prelude::*;

use crate::data::Store;

/// "Newer posts" / "Older posts" links, and where we are.
#[component]
pub fn Pager(
    /// This page's number, from 1.
    number: usize,
    /// How many pages there are.
    total: usize,
    /// The route path of page `n`.
    path_of: impl Fn(usize) -> String,
) -> impl IntoView {
    let store = Store::get();
    (total > 1).then(|| {
        let newer = (number > 1).then(|| store.href(&path_of(number - 1)));
        let older = (number < total).then(|| store.href(&path_of(number + 1)));
        view! {
            <nav class="pager" aria-label="Pages">
                {newer.map(|href| view! { <a class="pager-newer" href=href rel="prev">"← Newer posts"</a> })}
                <span class="pager-position">{format!("Page {number} of {total}")}</span>
                {older.map(|href| view! { <a class="pager-older" href=href rel="next">"Older posts →"</a> })}
            </nav>
        }
    })
}
