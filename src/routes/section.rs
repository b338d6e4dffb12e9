//! [`Route::Section`]: a section's pages (Hugo's `/posts/`, `/notes/`), page by page.

use leptos::prelude::*;
use quire_core::{listing::paginate, markup, page_text, route::Route};

use crate::{
    components::{markup_view::MarkupView, page_meta::PageMeta, status::WithManifest},
    data::Store,
    ready::PageReady,
    routes::not_found::NotFound,
};

/// A section's list page.
#[component]
pub fn SectionPage(
    /// The section's list address: `posts/`.
    path: String,
    /// The page's number, from 1.
    page: usize,
) -> impl IntoView {
    let store = Store::get();
    PageReady::mark_when(
        Route::Section {
            path: path.clone(),
            page,
        },
        move || store.manifest_settled(),
    );
    view! {
        <WithManifest ready=move |manifest| {
            let site = &manifest.site;
            let Some(section) = manifest.sections.iter().find(|section| section.path == path) else {
                return view! { <NotFound/> }.into_any();
            };
            let pages = manifest.section_pages(section);
            let Some(listed) = paginate(&pages, site.posts_per_page, page) else {
                return view! { <NotFound/> }.into_any();
            };
            view! {
                <PageMeta text=page_text::section(site, section, listed.number, pages.len()) site=site.title.clone()/>
                <MarkupView html=markup::section_page(&store.root(), site, section, listed.number, listed.total, listed.items)/>
            }
            .into_any()
        }/>
    }
}
