//! The light/dark switch.
//!
//! The page follows `prefers-color-scheme` until the reader picks a theme.
//! The inline script in `index.html` applies the pick before anything is
//! painted (no flash) and works every switch, including the pre-rendered
//! page's before the app has started. The button itself is part of the
//! header's markup (`quire_core::markup::site_header`); this module names it.

use leptos::prelude::*;

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

/// The theme switch's name for the theme in force: "Switch to dark theme".
pub fn theme_switch_label() -> &'static str {
    if dark_in_force() {
        "Switch to light theme"
    } else {
        "Switch to dark theme"
    }
}
