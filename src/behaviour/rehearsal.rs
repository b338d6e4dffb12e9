//! A post drawn once out of sight before the reader's first click.
//!
//! The first click that opens a post did two things for the first time,
//! in front of the reader: the browser compiled each function of the app's
//! WebAssembly that drawing a post runs (some fifty), and it laid out a
//! post's header and footer (fonts at their sizes, the cover, the tags),
//! which took four times as long as laying out the next post. Under 4x
//! CPU, that was some 25 ms of a first tap. So once a post is prefetched
//! and the browser is idle, the app draws that post once, out of sight,
//! puts it in the document for one layout without its text (which
//! [`lay_out_ahead`] laid out), and drops it. What the post view changes outside its element (the
//! document's title) is not drawn; the text prepared for the click
//! ([`PreparedPost`]) is not touched.

use std::{cell::Cell, sync::Arc};

use leptos::{mount::mount_to, prelude::*};
use quire_core::{
    dom,
    route_data::{PostPage, SiteData},
};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

#[cfg(doc)]
use crate::behaviour::layout::{PreparedPost, lay_out_ahead};
use crate::{
    behaviour::layout::lay_out_out_of_sight, data::Store, routes::post::PostArticle,
    schedule::when_idle,
};

/// The longest post drawn out of sight: its text is parsed again, and a
/// longer one would be a long task on a slow phone. A later, shorter one
/// is drawn instead.
const MOST_WORDS_REHEARSED: usize = 3_000;

thread_local! {
    /// Whether a post has been drawn out of sight already: once is enough.
    static REHEARSED: Cell<bool> = const { Cell::new(false) };
}

/// Draws `page` once, into an element out of sight, under an owner of its
/// own (so that nothing the app provides, the prepared text among it, is
/// within its reach but the store); when the browser is next idle, lays
/// out all but its text (laid out ahead already, and most of the work),
/// and when it is idle again, drops it, its effects having run. Each step
/// is a short task of its own. Only the first call for a post short enough
/// draws.
pub fn rehearse_post_view(store: Store, site: Arc<SiteData>, page: PostPage) {
    if page.post.word_count > MOST_WORDS_REHEARSED || REHEARSED.replace(true) {
        return;
    }
    let Some(stage) = document()
        .create_element("div")
        .ok()
        .and_then(|element| element.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    let owner = Owner::new_root(None);
    let drawn = owner.with(|| {
        mount_to(stage.clone(), move || {
            provide_context(store);
            view! { <PostArticle page site/> }
        })
    });
    when_idle(move || {
        if let Ok(Some(text)) = stage.query_selector(&format!(".{}", dom::POST_TEXT_CLASS)) {
            text.remove();
        }
        lay_out_out_of_sight(&stage);
        when_idle(move || {
            drop(drawn);
            drop(owner);
        });
    });
}
