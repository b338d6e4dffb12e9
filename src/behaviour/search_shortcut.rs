//! The `/` key opens search from anywhere, as on PaperMod and most docs sites.

use leptos::{ev, prelude::*};
use leptos_router::hooks::use_navigate;
use quire_core::{dom, route::Route};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::{address::as_written, data::Store};

/// Listens for `/` outside text fields: opens the search page, or focuses
/// its field when it is already open.
#[component]
pub fn SearchShortcut() -> impl IntoView {
    let store = Store::get();
    let navigate = use_navigate();
    let handle = window_event_listener(ev::keydown, move |event| {
        if event.key() != "/" || event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let typing = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .is_some_and(|element| {
                matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || element
                        .dyn_ref::<HtmlElement>()
                        .is_some_and(HtmlElement::is_content_editable)
            });
        if typing {
            return;
        }
        event.prevent_default();
        match document()
            .get_element_by_id(dom::SEARCH_INPUT_ID)
            .and_then(|input| input.dyn_into::<HtmlElement>().ok())
        {
            Some(input) => {
                let _ = input.focus();
            }
            None => navigate(&Route::Search.href(&store.root()), as_written(false)),
        }
    });
    on_cleanup(move || handle.remove());
}
