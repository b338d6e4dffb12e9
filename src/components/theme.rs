//! The light/dark switch.
//!
//! The page follows `prefers-color-scheme` until the reader picks a theme;
//! the pick is kept in `localStorage` and applied by the inline script in
//! `index.html` before anything is painted, so there is no flash.

use leptos::prelude::*;

/// The `localStorage` key, shared with the inline script in `index.html`.
const STORAGE_KEY: &str = "quire-theme";

/// A colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Dark text on a light page.
    Light,
    /// Light text on a dark page.
    Dark,
}

impl Theme {
    fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn other(self) -> Self {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }

    /// The theme in force: the reader's pick, else the system's.
    fn current() -> Self {
        let root = document().document_element();
        match root
            .and_then(|root| root.get_attribute("data-theme"))
            .as_deref()
        {
            Some("dark") => Theme::Dark,
            Some("light") => Theme::Light,
            _ => {
                let prefers_dark = window()
                    .match_media("(prefers-color-scheme: dark)")
                    .ok()
                    .flatten()
                    .is_some_and(|query| query.matches());
                if prefers_dark {
                    Theme::Dark
                } else {
                    Theme::Light
                }
            }
        }
    }

    fn apply_and_remember(self) {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", self.name());
        }
        // Private windows may refuse storage; the theme still changes for this visit.
        if let Ok(Some(storage)) = window().local_storage() {
            let _ = storage.set_item(STORAGE_KEY, self.name());
        }
    }
}

/// A button that switches between the light and dark themes.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let theme = RwSignal::new(Theme::current());
    let toggle = move |_| {
        let next = theme.get_untracked().other();
        next.apply_and_remember();
        theme.set(next);
    };
    view! {
        <button
            type="button"
            class="theme-toggle"
            aria-label=move || format!("Switch to {} theme", theme.get().other().name())
            on:click=toggle
        >
            <svg class="icon-moon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
                <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>
            </svg>
            <svg class="icon-sun" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
                <circle cx="12" cy="12" r="5" fill="none" stroke="currentColor" stroke-width="2"/>
                <path d="M12 1v2M12 21v2M4.2 4.2l1.4 1.4M18.4 18.4l1.4 1.4M1 12h2M21 12h2M4.2 19.8l1.4-1.4M18.4 5.6l1.4-1.4" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>
            </svg>
        </button>
    }
}
