//! `/archives/`: every post by year and month.

use leptos::prelude::*;
use quire_core::{
    listing::{archive, paths},
    page_text,
    text::count_of,
};

use crate::{
    components::{page_meta::PageMeta, status::WithManifest},
    data::Store,
};

/// The archive.
#[component]
pub fn ArchivesPage() -> impl IntoView {
    let store = Store::get();
    view! {
        <WithManifest ready=move |manifest| {
            let years = archive(&manifest.posts)
                .into_iter()
                .map(|year| {
                    let count = year.post_count();
                    view! {
                        <section class="archive-year">
                            <h2>{year.year}<span class="list-count">{count_of(count, "post")}</span></h2>
                            {year.months.into_iter().map(|month| view! {
                                <section class="archive-month">
                                    <h3>{month.name}</h3>
                                    <ul>
                                        {month.posts.into_iter().map(|post| view! {
                                            <li>
                                                <time datetime=post.date.to_string()>{post.date.long_form()}</time>
                                                <a href=store.href(&paths::post(&post.slug))>{post.title.clone()}</a>
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                </section>
                            }).collect_view()}
                        </section>
                    }
                })
                .collect_view();
            view! {
                <PageMeta text=page_text::archives(&manifest.site) site=manifest.site.title.clone()/>
                <h1 class="list-title">"Archives"</h1>
                {years}
            }
        }/>
    }
}
