//! Loading a post before the reader clicks it.

use leptos::{ev, prelude::*};
use quire_core::listing::paths;
use wasm_bindgen::JsCast;

use crate::data::{Load, Store};

/// Starts loading a post's body as soon as the reader shows intent to open
/// it: pointing at, focusing or touching any link to it, in a list, the
/// archive, a post's neighbours, or the pre-rendered page. One listener on
/// the document serves every link, present and future.
#[component]
pub fn PrefetchOnIntent() -> impl IntoView {
    let store = Store::get();
    let prefetch = move |target: Option<web_sys::EventTarget>| {
        let Some(link) = target
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten())
        else {
            return;
        };
        let href = link.get_attribute("href").unwrap_or_default();
        let Some(slug) = href
            .strip_prefix(&store.href(paths::POSTS))
            .and_then(|rest| rest.strip_suffix('/'))
            .filter(|slug| !slug.is_empty() && !slug.contains('/'))
        else {
            return;
        };
        if let Load::Ready(manifest) = store.manifest_untracked()
            && let Some(post) = manifest.find_post(slug)
        {
            store.load_body(post);
        }
    };
    let handles = [
        window_event_listener(ev::mouseover, move |event| prefetch(event.target())),
        window_event_listener(ev::focusin, move |event| prefetch(event.target())),
        window_event_listener(ev::touchstart, move |event| prefetch(event.target())),
    ];
    on_cleanup(move || handles.into_iter().for_each(|handle| handle.remove()));
}
