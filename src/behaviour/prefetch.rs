//! Loading a post before the reader clicks it.

use leptos::{ev, prelude::*};
use quire_core::{markup, route::Route};
use wasm_bindgen::JsCast;

use crate::{
    address::route_at,
    behaviour::layout::{PreparedPost, lay_out_ahead},
    data::{Load, Store},
    schedule::when_idle,
};

/// Starts loading a post's body as soon as the reader shows intent to open
/// it: pointing at, focusing or touching any link to it, in a list, the
/// archive, a post's neighbours, or the pre-rendered page. One listener on
/// the document serves every link, present and future. Once the body is
/// here and the browser is idle, the post's text is laid out ahead.
#[component]
pub fn PrefetchOnIntent() -> impl IntoView {
    let store = Store::get();
    let prepared = PreparedPost::provide();
    let arriving = RwSignal::new(None::<String>);
    let prefetch = move |target: Option<web_sys::EventTarget>| {
        let Some(link) = target
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten())
            .and_then(|link| link.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        if link.origin() != window().location().origin().unwrap_or_default() {
            return;
        }
        let Route::Content { path } = route_at(
            &store.root(),
            &link.pathname(),
            &store.list_names_untracked(),
        ) else {
            return;
        };
        if let Load::Ready(manifest) = store.manifest_untracked()
            && let Some(post) = manifest.find_post(&path)
            // A body that failed is fetched again: pointing at it once more is asking.
            && !matches!(store.body_untracked(&post.slug), Some(Load::Ready(_) | Load::Loading))
        {
            store.load_body(post);
            arriving.set(Some(post.path.clone()));
        }
    };
    // The post prefetched last is laid out ahead once its body is here.
    Effect::new(move |_| {
        let Some(path) = arriving.get() else {
            return;
        };
        let Load::Ready(manifest) = store.manifest_untracked() else {
            return;
        };
        let Some(post) = manifest.find_post(&path) else {
            return;
        };
        match store.body(&post.slug) {
            Some(Load::Loading) => {}
            Some(Load::Ready(rendered)) => {
                arriving.set(None);
                let html = markup::post_content(&store.root(), &manifest.site, post, &rendered);
                let address = Route::post(post).href(&store.root());
                let slug = post.slug.clone();
                when_idle(move || {
                    if let Some(content) = lay_out_ahead(&address, &html) {
                        prepared.keep(slug, content);
                    }
                });
            }
            _ => arriving.set(None),
        }
    });
    let handles = [
        window_event_listener(ev::mouseover, move |event| prefetch(event.target())),
        window_event_listener(ev::focusin, move |event| prefetch(event.target())),
        window_event_listener(ev::touchstart, move |event| prefetch(event.target())),
    ];
    on_cleanup(move || handles.into_iter().for_each(|handle| handle.remove()));
}
