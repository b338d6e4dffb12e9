//! Moving the keyboard's focus without moving the view.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, FocusOptions, HtmlElement};

/// Moves focus to where the new page starts, without scrolling to it: a
/// field the page marks `data-autofocus` (search), else the main heading,
/// so keyboard and screen-reader users start reading the new page.
pub fn focus_main_heading() {
    focus_first(&["main [data-autofocus]", "main h1"]);
}

/// Moves focus to where the page starts, as [`focus_main_heading`] does,
/// or to the main content itself on a page that has no heading yet (one
/// still loading): where the reader is once the button they pressed goes.
pub fn focus_main_start() {
    focus_first(&["main [data-autofocus]", "main h1", "main"]);
}

/// Focuses the first element one of `selectors` finds, tried in turn.
fn focus_first(selectors: &[&str]) {
    if let Some(start) = selectors
        .iter()
        .find_map(|selector| document().query_selector(selector).ok().flatten())
    {
        focus_without_scrolling(start);
    }
}

/// Moves focus to `element`, where it stands: a heading or a section gets
/// `tabindex="-1"` first, so that it can hold focus without joining the
/// Tab order.
pub fn focus_without_scrolling(element: Element) {
    let Ok(element) = element.dyn_into::<HtmlElement>() else {
        return;
    };
    if !element.has_attribute("tabindex") && element.tab_index() < 0 {
        let _ = element.set_attribute("tabindex", "-1");
    }
    let options = FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}
