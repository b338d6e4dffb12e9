//! The light/dark switch.
//!
//! The page follows `prefers-color-scheme` until the reader picks a theme.
//! The inline script in `index.html` applies the pick before anything is
//! painted (no flash) and works every switch, including the pre-rendered
//! page's before the app has started; this component only draws the button.

use leptos::prelude::*;
use quire_core::page_text::THEME_SWITCH_ICONS;

/// Whether the dark theme is in force: the reader's pick, else the system's.
fn dark_in_force() -> bool {
    match document()
        .document_element()
        .and_then(|root| root.get_attribute("data-theme"))
        .as_deref()
    {
        Some("dark") => true,
        Some("light") => false,
        _ => window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|query| query.matches()),
    }
}

/// A button that switches between the light and dark themes; the inline
/// script renames it after each switch.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let label = if dark_in_force() {
        "Switch to light theme"
    } else {
        "Switch to dark theme"
    };
    view! { <button type="button" class="theme-toggle" aria-label=label inner_html=THEME_SWITCH_ICONS></button> }
}
