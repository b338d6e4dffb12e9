//! Taking over the page the build pre-rendered.
//!
//! Every route's HTML already holds what the app will show, so the app
//! renders hidden beside it and, in the frame where its own page is complete,
//! shows itself and removes the pre-rendered copy. Both have the same markup
//! and size, so nothing moves. While the app still waits for data, or could
//! not get it, the reader keeps the pre-rendered page; a click on one of its
//! links hands over at once, since the router already follows it.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::{JsCast, closure::Closure};
use web_sys::Element;

use crate::data::{Load, Store};

/// The id of the element the app renders into.
pub const APP_ID: &str = "quire-app";

/// The id of the build's pre-rendered copy of the page.
const PRERENDERED_ID: &str = "quire-static";

/// The pre-rendered copy of the page the reader opened.
#[derive(Clone)]
pub struct PrerenderedPage {
    element: Element,
    /// The path it was rendered for.
    path: String,
}

impl PrerenderedPage {
    /// The pre-rendered page, if it shows the address being visited. A page
    /// rendered for another address (a host that answers unknown paths with
    /// the home page) is removed at once, and the app shows the right one.
    pub fn find() -> Option<Self> {
        let element = document().get_element_by_id(PRERENDERED_ID)?;
        // The app's views set the description from here on; one is enough.
        if let Ok(Some(prerendered_description)) =
            document().query_selector("head meta[name=\"description\"]")
        {
            prerendered_description.remove();
        }
        let path = element.get_attribute("data-path").unwrap_or_default();
        let visited = window().location().pathname().unwrap_or_default();
        if path == visited {
            Some(Self { element, path })
        } else {
            element.remove();
            None
        }
    }
}

/// Hands the page over to the app when the app's copy is complete, or when
/// the reader navigates.
#[component]
pub fn TakeOver(
    /// The pre-rendered page; with none, the app is visible from the start.
    prerendered: Option<PrerenderedPage>,
) -> impl IntoView {
    let Some(prerendered) = prerendered else {
        return;
    };
    let store = Store::get();
    let location = use_location();
    let done = StoredValue::new(false);
    Effect::new(move |_| {
        let navigated = location.pathname.get() != prerendered.path;
        let has_data = !matches!(store.manifest(), Load::Loading);
        store.track_bodies();
        if done.get_value() || !(navigated || has_data) {
            return;
        }
        let prerendered = prerendered.clone();
        // The check waits for the frame, when the views have applied what
        // just arrived, and the swap happens before that frame is painted.
        let check = Closure::once_into_js(move || {
            if done.get_value() || !(navigated || app_is_complete()) {
                return;
            }
            done.set_value(true);
            if let Some(app) = document().get_element_by_id(APP_ID) {
                let _ = app.remove_attribute("hidden");
            }
            prerendered.element.remove();
        });
        let _ = window().request_animation_frame(check.unchecked_ref());
    });
}

/// Whether the app's page shows its content: nothing loading, nothing failed.
fn app_is_complete() -> bool {
    let pending = format!("#{APP_ID} .loading, #{APP_ID} .load-failed");
    document().query_selector(&pending).ok().flatten().is_none()
}
