//! [`Route::Term`]: the posts carrying a term (a tag, a category), page by page.

use leptos::prelude::*;
use quire_core::{
    listing::{find_term, paginate},
    markup, page_text,
    route::Route,
};

use crate::{
    components::{markup_view::MarkupView, page_meta::PageMeta, status::WithManifest},
    data::Store,
    ready::PageReady,
    routes::not_found::NotFound,
};

/// One term's posts, paginated like the home page.
#[component]
pub fn TermPage(
    /// The taxonomy's plural name: `tags`.
    taxonomy: String,
    /// The term's URL form.
    slug: String,
    /// The page's number, from 1.
    page: usize,
) -> impl IntoView {
    let store = Store::get();
    PageReady::mark_when(
        Route::Term {
            taxonomy: taxonomy.clone(),
            slug: slug.clone(),
            page,
        },
        move || store.manifest_settled(),
    );
    view! {
        <WithManifest ready=move |manifest| {
            let site = &manifest.site;
            let terms = store.posts_by_term(&taxonomy).unwrap_or_default();
            let Some((term, posts)) = find_term(&terms, &slug) else {
                return view! { <NotFound/> }.into_any();
            };
            let Some(listed) = paginate(posts, site.posts_per_page, page) else {
                return view! { <NotFound/> }.into_any();
            };
            view! {
                <PageMeta text=page_text::term(site, &taxonomy, &term.name, listed.number, term.count) site=site.title.clone()/>
                <MarkupView html=markup::term_page(&store.root(), site, term, listed.number, listed.total, listed.items)/>
            }
            .into_any()
        }/>
    }
}
