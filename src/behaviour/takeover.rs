//! Taking over the page the build pre-rendered.
//!
//! Every route's HTML already shows what the app would, so the app does not
//! draw it again: it starts, loads the site's data and waits. The reader keeps
//! reading the pre-rendered page, which the app does not draw again (its
//! behaviours work on it: copy buttons, an archive year shown in place),
//! so nothing moves or flashes and the start costs the main thread little. The first
//! navigation (the router follows every link click) hands over: the app
//! draws the new route, and only that, and the pre-rendered copy goes, in
//! one frame.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use quire_core::{dom, route::same_path};
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::{address::remember_in_address, data::Store};

/// The pre-rendered copy of the page the reader opened.
#[derive(Clone)]
pub struct PrerenderedPage {
    element: Element,
    /// The path it was rendered for.
    path: String,
}

impl PrerenderedPage {
    /// The pre-rendered page, if it shows the address being visited. A page
    /// rendered for another address (`404.html`, or a host that answers
    /// unknown paths with the home page) is removed at once, and the app
    /// draws the right one.
    pub fn find() -> Option<Self> {
        let element = document().get_element_by_id(dom::PRERENDERED_ID)?;
        let path = element.get_attribute(dom::DATA_PATH).unwrap_or_default();
        let visited = window().location().pathname().unwrap_or_default();
        let at_start = element.has_attribute(dom::DATA_TAKEOVER);
        let found = Self { element, path };
        // The browser may spell the address another way (`caf%C3%A9` for `café`).
        if same_path(&found.path, &visited) && !at_start {
            return Some(found);
        }
        keep_typed_search();
        found.remove();
        None
    }

    /// Removes the pre-rendered page and what the app replaces.
    fn remove(&self) {
        self.element.remove();
        // The app's views set the description from now on; one is enough.
        if let Ok(Some(description)) = document().query_selector("head meta[name=\"description\"]")
        {
            description.remove();
        }
    }
}

/// A query typed into the pre-rendered search field before the app started
/// goes into the address, where the app's search page reads it.
fn keep_typed_search() {
    let typed = document()
        .query_selector(&format!("#{} input[type=search]", dom::PRERENDERED_ID))
        .ok()
        .flatten()
        .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .filter(|value| !value.is_empty());
    if let Some(query) = typed {
        remember_in_address(&query);
    }
}

/// Shows the app, and removes the pre-rendered page, at the first
/// navigation away from it. Also marks the document `data-quire="ready"`
/// once the app has the site's data, for scripts and tests that wait for it.
#[component]
pub fn TakeOver(
    /// The pre-rendered page; with none, the app is shown from the start.
    prerendered: Option<PrerenderedPage>,
    /// Whether the app is shown.
    shown: RwSignal<bool>,
) -> impl IntoView {
    let store = Store::get();
    Effect::new(move |_| {
        if store.site_settled()
            && let Some(root) = document().document_element()
        {
            let _ = root.set_attribute(dom::DATA_APP_STATE, "ready");
        }
    });
    let Some(prerendered) = prerendered else {
        return;
    };
    let location = use_location();
    Effect::new(move |_| {
        if shown.get_untracked() || same_path(&location.pathname.get(), &prerendered.path) {
            return;
        }
        // The app draws the new route in this same task, so no frame is
        // painted between the old page going and the new one coming.
        prerendered.remove();
        shown.set(true);
    });
}
