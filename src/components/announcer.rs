//! The polite live region: what changed, for screen-reader users.

use leptos::prelude::*;

/// The live region's id.
const ANNOUNCER_ID: &str = "quire-announcer";

/// An empty, visually hidden `aria-live` region that [`announce`] fills.
#[component]
pub fn Announcer() -> impl IntoView {
    view! { <div id=ANNOUNCER_ID class="visually-hidden" role="status" aria-live="polite" aria-atomic="true"></div> }
}

/// Says `message` through the live region.
pub fn announce(message: &str) {
    if let Some(region) = document().get_element_by_id(ANNOUNCER_ID) {
        // Emptying first makes a repeated message count as new.
        region.set_text_content(None);
        region.set_text_content(Some(message));
    }
}
