//! Loading a post before the reader clicks it.

use leptos::{ev, prelude::*};
use quire_core::{listing::paths, markup};
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::{
    components::navigation::is_current_path,
    data::{Load, Store},
    schedule::when_idle,
};

/// The classes of the out-of-sight copy [`lay_out_ahead`] makes; the stylesheet
/// gives it the post column's width and hides it.
const LAYOUT_AHEAD_CLASSES: &str = "post-content layout-ahead";

/// The text of the post prefetched last, parsed and laid out ahead, waiting
/// to be shown: the post view moves it into the page instead of parsing the
/// same HTML again. One post at most, the one the reader pointed at last.
#[derive(Clone, Copy)]
pub struct PreparedPost(StoredValue<Option<(String, Element)>, LocalStorage>);

impl PreparedPost {
    /// The prepared text of the post `slug` (the inside of its
    /// `.post-content`), if it is the one prepared; it can be taken once.
    pub fn take(slug: &str) -> Option<Element> {
        use_context::<Self>()?
            .0
            .try_update_value(|prepared| match prepared {
                Some((for_slug, _)) if for_slug == slug => prepared.take().map(|(_, text)| text),
                _ => None,
            })
            .flatten()
    }
}

/// Starts loading a post's body as soon as the reader shows intent to open
/// it: pointing at, focusing or touching any link to it, in a list, the
/// archive, a post's neighbours, or the pre-rendered page. One listener on
/// the document serves every link, present and future.
#[component]
pub fn PrefetchOnIntent() -> impl IntoView {
    let store = Store::get();
    let prepared = PreparedPost(StoredValue::new_local(None));
    provide_context(prepared);
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
            // A body that failed is fetched again: pointing at it once more is asking.
            && !matches!(store.body_untracked(slug), Some(Load::Ready(_) | Load::Loading))
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
                let Load::Ready(manifest) = store.manifest_untracked() else {
                    return;
                };
                let Some(post) = manifest.find_post(&slug) else {
                    return;
                };
                let html = markup::post_content(&store.root(), post, &rendered);
                let address = store.href(&paths::post(&slug));
                when_idle(move || {
                    if let Some(content) = lay_out_ahead(&address, &html) {
                        prepared.0.set_value(Some((slug, content)));
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

/// Parses a prefetched post's text and lays it out once, out of sight,
/// then takes it out of the page again in the same task, so it is never
/// seen or read; returns it for [`PreparedPost`]. Besides the parsing, what
/// this saves is the browser's first shaping of the post's words, which it
/// caches: that is most of the time a new post takes to lay out. Skipped if
/// the reader has already opened the post.
fn lay_out_ahead(address: &str, html: &str) -> Option<Element> {
    let document = document();
    if is_current_path(address) {
        return None;
    }
    let copy = document.create_element("div").ok()?;
    copy.set_class_name(LAYOUT_AHEAD_CLASSES);
    let _ = copy.set_attribute("aria-hidden", "true");
    copy.set_inner_html(html);
    document.body()?.append_child(&copy).ok()?;
    // Reading a size makes the browser lay the copy out now.
    let _ = copy.scroll_height();
    copy.remove();
    Some(copy)
}
