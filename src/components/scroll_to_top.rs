//! The "Back to top" button.

use leptos::{ev, prelude::*};
use web_sys::{ScrollBehavior, ScrollToOptions};

use crate::focus::focus_main_heading;

/// How far down a page the scroll-to-top button appears, in viewport heights.
const TOP_BUTTON_AFTER_SCREENS: f64 = 1.5;

/// A "Back to top" button that appears once the reader is well down a long
/// page; it glides up unless the reader asked for reduced motion.
#[component]
pub fn ScrollToTop() -> impl IntoView {
    let visible = RwSignal::new(false);
    let handle = window_event_listener(ev::scroll, move |_| {
        let window = window();
        let height = window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0);
        let past = window.scroll_y().unwrap_or_default() > height * TOP_BUTTON_AFTER_SCREENS;
        if past != visible.get_untracked() {
            visible.set(past);
        }
    });
    on_cleanup(move || handle.remove());
    let to_top = move |_| {
        let reduced = window()
            .match_media("(prefers-reduced-motion: reduce)")
            .ok()
            .flatten()
            .is_some_and(|query| query.matches());
        let options = ScrollToOptions::new();
        options.set_top(0.0);
        options.set_behavior(if reduced {
            ScrollBehavior::Instant
        } else {
            ScrollBehavior::Smooth
        });
        window().scroll_to_with_scroll_to_options(&options);
        focus_main_heading();
    };
    view! {
        <button type="button" class="to-top" class:to-top-visible=move || visible.get() aria-label="Back to top" on:click=to_top tabindex=move || if visible.get() { "0" } else { "-1" }>
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="M12 19V5M5 12l7-7 7 7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>
        </button>
    }
}
