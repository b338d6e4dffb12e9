//! The view for every URL that names nothing: an unknown path, slug, tag or page.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use quire_core::{listing::paths, page_text};

use crate::{
    components::{page_meta::PageMeta, status::WithManifest},
    data::{Load, Store},
    routes::as_written,
};

/// The router's fallback. A path listed in a post's `aliases` leads to the
/// post, as Hugo's alias pages do.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let store = Store::get();
    let location = use_location();
    let navigate = use_navigate();
    view! {
        <WithManifest ready=move |manifest| {
            let root = store.root();
            let path = location.pathname.get_untracked();
            let relative = path.strip_prefix(root.as_str()).unwrap_or(&path).trim_matches('/').to_owned() + "/";
            match manifest.find_alias(&relative) {
                Some(post) => {
                    navigate(&store.href(&paths::post(&post.slug)), as_written(true));
                    ().into_any()
                }
                None => view! { <NotFound/> }.into_any(),
            }
        }/>
    }
}

/// "Page not found", with ways back into the blog.
#[component]
pub fn NotFound() -> impl IntoView {
    let store = Store::get();
    let location = use_location();
    // Shown inside pages that already have the manifest, or by the fallback
    // once it arrived; the title does not need to follow it.
    let Load::Ready(manifest) = store.manifest_untracked() else {
        return ().into_any();
    };
    view! {
        <PageMeta text=page_text::not_found() site=manifest.site.title.clone()/>
        <section class="not-found">
            <p class="not-found-code" aria-hidden="true">"404"</p>
            <h1>"Page not found"</h1>
            <p>"There is nothing at " <code>{move || location.pathname.get()}</code> ". It may have moved, or the link may be mistyped."</p>
            <p class="not-found-links">
                <a class="button" href=store.href("")>"Go to the home page"</a>
                <a href=store.href(paths::ARCHIVES)>"Browse the archives"</a>
                <a href=store.href(paths::TAGS)>"See all tags"</a>
            </p>
        </section>
    }
    .into_any()
}
