//! `/` and `/page/<n>/`: the newest posts, pinned ones first.

use leptos::prelude::*;
use leptos_router::{components::Redirect, hooks::use_params_map};
use quire_core::{
    listing::{paginate, paths},
    page_text,
};

use crate::{
    components::{card::PostList, page_meta::PageMeta, pager::Pager, status::WithManifest},
    data::Store,
    routes::{as_written, not_found::NotFound, page_param},
};

/// The home page and its later pages.
#[component]
pub fn HomePage() -> impl IntoView {
    let store = Store::get();
    let page = page_param();
    let params = use_params_map();
    // Hugo answers /page/1/ with a redirect to /; so do we.
    let is_page_one_alias = move || params.read().get("page").as_deref() == Some("1");
    view! {
        <WithManifest ready=move |manifest| move || {
            if is_page_one_alias() {
                return view! { <Redirect path=store.href("") options=as_written(true)/> }.into_any();
            }
            let site = &manifest.site;
            let Some(listed) = page.get().and_then(|number| paginate(&manifest.posts, site.posts_per_page, number)) else {
                return view! { <NotFound/> }.into_any();
            };
            let number = listed.number;
            let heading = if number == 1 {
                view! {
                    <section class="home-info">
                        <h1>{site.title.clone()}</h1>
                        <p>{site.description.clone()}</p>
                    </section>
                }
                .into_any()
            } else {
                view! { <h1 class="list-title">{page_text::home_heading(number)}</h1> }.into_any()
            };
            view! {
                <PageMeta text=page_text::home(site, number) site=site.title.clone()/>
                {heading}
                <PostList posts=listed.items.to_vec()/>
                <Pager number total=listed.total path_of=paths::home/>
            }
            .into_any()
        }/>
    }
}
