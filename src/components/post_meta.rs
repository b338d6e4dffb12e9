//! The line under a title: date, reading time, author.

use leptos::prelude::*;
use quire_core::manifest::PostSummary;

/// `<time datetime="2026-03-09">March 9, 2026</time> · 4 min · Maya`.
#[component]
pub fn PostMetaLine(
    /// The post described.
    post: PostSummary,
) -> impl IntoView {
    let authors = post.author_line();
    view! {
        <div class="post-meta">
            <time datetime=post.date.to_string()>{post.date.long_form()}</time>
            <span class="meta-sep" aria-hidden="true">"·"</span>
            <span class="reading-time">{format!("{} min", post.reading_minutes)}</span>
            {(!authors.is_empty()).then(|| view! {
                <span class="meta-sep" aria-hidden="true">"·"</span>
                <span class="author">{authors}</span>
            })}
        </div>
    }
}
