//! A post drawn once out of sight before the reader's first click.
//!
//! The first click that opens a post did two things for the first time,
//! in front of the reader: the browser compiled each function of the app's
//! WebAssembly that drawing a post runs, and it laid out a post's header
//! and footer, which took four times as long as laying out the next
//! post's (the README has the figures). So once a post is prefetched and
//! the browser is idle, the app draws that post once, out of sight, puts it
//! in the document for one layout, and drops it. Its text is left empty, in
//! the place of the text a click finds prepared ([`PreparedPost`], which
//! [`lay_out_ahead`] laid out already and is not touched); its cover is
//! held back, so that it does not load. What the post view changes outside
//! its element (the document's title and description) is not drawn. Once
//! the app has drawn a post for the reader, there is nothing left to
//! rehearse.

use std::{cell::Cell, sync::Arc};

use leptos::{mount::mount_to, prelude::*};
use quire_core::{
    manifest::PostSummary,
    route::Route,
    route_data::{PostPage, RouteData, SiteData},
};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

#[cfg(doc)]
use crate::behaviour::layout::lay_out_ahead;
use crate::{
    behaviour::layout::{PreparedPost, hold_loads, lay_out_out_of_sight},
    data::{Load, Store},
    routes::post::PostArticle,
    schedule::when_idle,
};

thread_local! {
    /// Whether a post has been drawn already, out of sight or for the
    /// reader: once is enough.
    static REHEARSED: Cell<bool> = const { Cell::new(false) };
}

/// Says that the app drew a post for the reader: no rehearsal is needed.
pub fn post_drawn() {
    REHEARSED.set(true);
}

/// Draws the post at `route` once, with an empty text, into an element out
/// of sight, under an owner of its own (so that nothing the app provides,
/// the prepared text among it, is within its reach but the store); when the
/// browser is next idle, lays it out, and when it is idle again, drops it,
/// its effects having run. Each step is a short task of its own. Only the
/// first call draws, and none once the app has drawn a post for the reader.
pub fn rehearse_post(store: Store, site: Arc<SiteData>, route: &Route, post: PostSummary) {
    if REHEARSED.get() {
        return;
    }
    let page = match store.route_data_untracked(route) {
        Some(Load::Ready(Some(data))) => match &*data {
            RouteData::Post(page) => page.as_ref().clone(),
            _ => return,
        },
        // Its series, related posts and neighbours are on their way.
        _ => PostPage::alone(post),
    };
    REHEARSED.set(true);
    let Some(stage) = document()
        .create_element("div")
        .ok()
        .and_then(|element| element.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    // A root of its own becomes the thread's current owner: the one there
    // before is put back, or nothing made later would belong where it should.
    let before = Owner::current();
    let owner = Owner::new_root(None);
    // Drawn with an empty text prepared for it, as a click draws a post
    // with the text laid out ahead: the same path, and nothing in the text
    // (an author's image or video) starts loading.
    let empty_text = document().create_element("div").ok();
    let drawn = owner.with(|| {
        mount_to(stage.clone(), move || {
            provide_context(store);
            if let Some(empty_text) = empty_text {
                PreparedPost::provide().keep(page.post.slug.clone(), empty_text);
            }
            view! { <PostArticle page site/> }
        })
    });
    match before {
        Some(before) => before.set(),
        None => owner.clone().unset(),
    }
    // Its cover started loading as it was drawn, even out of the page: held
    // back in the same task, it never does.
    hold_loads(&stage);
    when_idle(move || {
        lay_out_out_of_sight(&stage);
        when_idle(move || {
            drop(drawn);
            drop(owner);
        });
    });
}
