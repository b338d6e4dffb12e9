//! Loading a post before the reader clicks it.

use leptos::{ev, prelude::*};
use quire_core::listing::paths;
use wasm_bindgen::JsCast;

use crate::{
    data::{Load, Store},
    schedule::when_idle,
};

/// The class of the out-of-sight copy [`lay_out_ahead`] makes; the stylesheet
/// gives it the post column's width and hides it.
const LAYOUT_AHEAD_CLASS: &str = "post-content layout-ahead";

/// Starts loading a post's body as soon as the reader shows intent to open
/// it: pointing at, focusing or touching any link to it, in a list, the
/// archive, a post's neighbours, or the pre-rendered page. One listener on
/// the document serves every link, present and future.
#[component]
pub fn PrefetchOnIntent() -> impl IntoView {
    let store = Store::get();
    let arriving = RwSignal::new(None::<String>);
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
            && store.body_untracked(slug).is_none()
        {
            store.load_body(post);
            arriving.set(Some(post.slug.clone()));
        }
    };
    // The post prefetched last is laid out ahead once its body is here.
    Effect::new(move |_| {
        let Some(slug) = arriving.get() else {
            return;
        };
        match store.body(&slug) {
            Some(Load::Loading) => {}
            Some(Load::Ready(rendered)) => {
                arriving.set(None);
                let address = store.href(&paths::post(&slug));
                when_idle(move || lay_out_ahead(&address, &rendered.html));
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

/// Lays a prefetched post's body out once, out of sight, and removes it in
/// the same task, so it is never seen or read. What stays is the browser's
/// cache of shaped words: most of the time a new post takes to show is
/// shaping its text for the first time, and with the cache warm its first
/// frame lays out several times faster. Skipped if the reader has already
/// opened the post.
fn lay_out_ahead(address: &str, html: &str) {
    let document = document();
    if window().location().pathname().ok().as_deref() == Some(address) {
        return;
    }
    let (Ok(copy), Some(body)) = (document.create_element("div"), document.body()) else {
        return;
    };
    copy.set_class_name(LAYOUT_AHEAD_CLASS);
    let _ = copy.set_attribute("aria-hidden", "true");
    copy.set_inner_html(html);
    if body.append_child(&copy).is_ok() {
        // Reading a size makes the browser lay the copy out now.
        let _ = copy.scroll_height();
    }
    copy.remove();
}
