//! [`Route::Content`]: a post or page at its address, an old address of
//! one (its front matter's `aliases`, as Hugo's alias pages do), a page
//! standing for the archive or search (PaperMod's layouts), or nothing.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use quire_core::route::Route;

use crate::{
    address::as_written,
    components::status::WithManifest,
    data::{Load, Store},
    ready::PageReady,
    routes::{not_found::NotFound, post::PostView},
};

/// The post at `path`, or the post that had that address, or not-found.
#[component]
pub fn ContentPage(
    /// The path below the site root, decoded.
    path: String,
) -> impl IntoView {
    let store = Store::get();
    let navigate = use_navigate();
    let route = Route::Content { path: path.clone() };
    let drawn_path = path.clone();
    PageReady::mark_when(route, move || match store.manifest() {
        Load::Loading => false,
        Load::Failed(_) => true,
        Load::Ready(manifest) => manifest.find_post(&drawn_path).is_none_or(|post| {
            Route::of_layout(post).is_some()
                || matches!(
                    store.body(&post.slug),
                    Some(Load::Ready(_) | Load::Failed(_))
                )
        }),
    });
    view! {
        <WithManifest ready=move |manifest| {
            if let Some(post) = manifest.find_post(&path) {
                if let Some(built_in) = Route::of_layout(post) {
                    navigate(&store.href(&built_in), as_written(true));
                    return ().into_any();
                }
                return view! { <PostView post=post.clone() manifest=manifest.clone()/> }.into_any();
            }
            match manifest.find_alias(&path) {
                Some(post) => {
                    let target = Route::of_layout(post).unwrap_or_else(|| Route::post(post));
                    navigate(&store.href(&target), as_written(true));
                    ().into_any()
                }
                None => view! { <NotFound/> }.into_any(),
            }
        }/>
    }
}
