//! What happens around a route change: where the page is scrolled, where
//! focus goes, what a screen reader hears; and the scroll-to-top button.

use std::collections::HashMap;

use leptos::{ev, prelude::*};
use leptos_router::hooks::use_location;
use wasm_bindgen::{JsCast, closure::Closure};
use web_sys::{
    Element, FocusOptions, HtmlAnchorElement, HtmlElement, MouseEvent, ScrollBehavior,
    ScrollRestoration, ScrollToOptions,
};

use crate::{components::announcer::announce, routes::post, schedule::next_frame};

/// How long, at most, a returning page waits for its content (a post body
/// still on its way) before its scroll position is restored anyway.
const RESTORE_PATIENCE_FRAMES: u32 = 180;

/// How many route changes the app has made since the page loaded.
#[derive(Clone, Copy)]
struct Navigations(StoredValue<usize>);

/// How many times the reader has moved between pages inside the app since
/// it started; 0 means the page opened first is still showing.
pub fn navigations_so_far() -> usize {
    use_context::<Navigations>().map_or(0, |count| count.0.get_value())
}

impl Navigations {
    /// Whether route change number `number` is still the latest: work left
    /// for later by an earlier one (restoring a scroll position, holding it)
    /// must not undo what the page shown now asked for.
    fn is_latest(self, number: usize) -> bool {
        self.0.get_value() == number
    }
}

/// Whether the address shows `path` (the sub-path included).
pub fn is_current_path(path: &str) -> bool {
    window().location().pathname().ok().as_deref() == Some(path)
}

/// How many frames a restored or reset scroll position is held against the
/// browser's and the router's own adjustments while the new page settles.
const HOLD_FRAMES: u32 = 20;

/// The attribute on `<html>` that [`lay_out_in_full`] sets; the stylesheet reads it.
const FULL_LAYOUT_ATTRIBUTE: &str = "data-full-layout";

/// How far down a page the scroll-to-top button appears, in viewport heights.
const TOP_BUTTON_AFTER_SCREENS: f64 = 1.5;

/// After each route change: back and forward return to where the reader
/// was on that page (once its content is drawn), other navigation starts at
/// the top (or at the `#heading` asked for); focus moves to the new page's
/// main heading and its title is announced.
#[component]
pub fn RouteChanges() -> impl IntoView {
    let location = use_location();
    // The scroll position last seen on each address.
    let positions = StoredValue::new(HashMap::<String, f64>::new());
    let going_back_or_forward = StoredValue::new(false);
    let _ = window()
        .history()
        .map(|history| history.set_scroll_restoration(ScrollRestoration::Manual));

    // The address the app shows, and its scroll position as last seen.
    // Scroll events come a frame late, so when the route changes, the last
    // one seen is still the old page's, whatever the new page did to it.
    let previous = StoredValue::new(current_address());
    let previous_hash = StoredValue::new(window().location().hash().unwrap_or_default());
    let last_y = StoredValue::new(0.0_f64);
    let on_scroll = window_event_listener(ev::scroll, move |_| {
        last_y.set_value(window().scroll_y().unwrap_or_default());
    });
    // The router may see the history step before this listener does; the
    // flag is read a frame later, when both have.
    let on_popstate = window_event_listener(ev::popstate, move |_| {
        going_back_or_forward.set_value(true);
        lay_out_in_full(true);
    });
    // A reader who scrolls or types while a page settles takes over from the hold.
    let reader_moved = StoredValue::new(false);
    let on_wheel = window_event_listener(ev::wheel, move |_| reader_moved.set_value(true));
    let on_touch = window_event_listener(ev::touchstart, move |_| reader_moved.set_value(true));
    let on_key = window_event_listener(ev::keydown, move |_| reader_moved.set_value(true));
    let on_pointer = window_event_listener(ev::pointerdown, move |_| reader_moved.set_value(true));
    release_focus_when_leaving();
    on_cleanup(move || {
        on_scroll.remove();
        on_popstate.remove();
        on_pointer.remove();
        on_wheel.remove();
        on_touch.remove();
        on_key.remove();
    });

    let navigations = Navigations(StoredValue::new(0_usize));
    provide_context(navigations);
    Effect::new(move |_| {
        let address = address_of(&location.pathname.get(), &location.search.get());
        let hash = location.hash.get();
        let hash_changed = previous_hash
            .try_update_value(|seen| std::mem::replace(seen, hash.clone()))
            != Some(hash.clone());
        // The first run is the page as loaded; a change of fragment alone is a
        // jump within the page, which the browser does. A history step that
        // only changed the fragment must not count for the next page change.
        if previous.get_value() == address {
            let number = navigations.0.get_value();
            next_frame(move || {
                if !navigations.is_latest(number) {
                    return;
                }
                // The router scrolls to a followed `#fragment` link's target,
                // but only the browser's own jump would move the keyboard
                // there: the skip link, the contents and heading anchors
                // need it, or Tab goes on from the link.
                if hash_changed
                    && !going_back_or_forward.get_value()
                    && let Some(target) = hash_target(&hash)
                {
                    focus_without_scrolling(target);
                }
                going_back_or_forward.set_value(false);
                lay_out_in_full(false);
            });
            return;
        }
        let left = previous.get_value();
        positions.update_value(|positions| {
            positions.insert(left, last_y.get_value());
        });
        previous.set_value(address.clone());
        navigations.0.update_value(|count| *count += 1);
        let number = navigations.0.get_value();
        let still_latest = move || navigations.is_latest(number);
        let saved = positions.with_value(|positions| positions.get(&address).copied());
        reader_moved.set_value(false);
        after_content_drawn(still_latest, move || {
            let restore = going_back_or_forward.get_value();
            going_back_or_forward.set_value(false);
            match (restore, saved) {
                (true, Some(y)) => hold_scroll(y, reader_moved, still_latest),
                _ => {
                    lay_out_in_full(false);
                    match hash_target(&hash) {
                        Some(target) => {
                            post::lay_out_rest_now();
                            target.scroll_into_view();
                        }
                        None => hold_scroll(0.0, reader_moved, still_latest),
                    }
                }
            }
            focus_main_heading();
            announce(&document().title());
        });
    });
}

/// The element a `#fragment` names, if the page has it.
fn hash_target(hash: &str) -> Option<web_sys::Element> {
    let id = hash.strip_prefix('#').filter(|id| !id.is_empty())?;
    document().get_element_by_id(id)
}

/// The page's address without its fragment.
fn current_address() -> String {
    let location = window().location();
    address_of(
        &location.pathname().unwrap_or_default(),
        &location.search().unwrap_or_default(),
    )
}

/// A path and query as one key. The router gives the query without its
/// `?` and the browser with it: the two must make the same key, or a page
/// opened with a query would count as a page change at once.
fn address_of(path: &str, query: &str) -> String {
    match query.trim_start_matches('?') {
        "" => path.to_owned(),
        query => format!("{path}?{query}"),
    }
}

/// Runs `then` at the first frame where the main area has nothing loading,
/// or after [`RESTORE_PATIENCE_FRAMES`] frames; never once `still_latest`
/// says another route change came since.
fn after_content_drawn(still_latest: impl Fn() -> bool + 'static, then: impl FnOnce() + 'static) {
    fn wait(frames_left: u32, still_latest: Box<dyn Fn() -> bool>, then: Box<dyn FnOnce()>) {
        if !still_latest() {
            return;
        }
        let pending = document()
            .query_selector("main .loading")
            .ok()
            .flatten()
            .is_some();
        if !pending || frames_left == 0 {
            then();
            return;
        }
        next_frame(move || wait(frames_left - 1, still_latest, then));
    }
    next_frame(move || {
        wait(
            RESTORE_PATIENCE_FRAMES,
            Box::new(still_latest),
            Box::new(then),
        )
    });
}

/// Scrolls to `y` and keeps it there for [`HOLD_FRAMES`] frames, unless the
/// reader moves first or leaves the page: the router and the browser's
/// scroll anchoring may still adjust the position as the page settles.
fn hold_scroll(
    y: f64,
    reader_moved: StoredValue<bool>,
    still_latest: impl Fn() -> bool + Copy + 'static,
) {
    fn hold(
        y: f64,
        frames_left: u32,
        reader_moved: StoredValue<bool>,
        still_latest: impl Fn() -> bool + Copy + 'static,
    ) {
        if !still_latest() {
            return;
        }
        if reader_moved.get_value() {
            lay_out_in_full(false);
            return;
        }
        // The top needs no reading first: reading the position would lay
        // out the new page on the spot, and scrolling to the very top is the
        // one scroll the browser does without a layout.
        if y == 0.0 || (window().scroll_y().unwrap_or_default() - y).abs() > 1.0 {
            scroll_instantly(y);
        }
        if frames_left > 0 {
            next_frame(move || hold(y, frames_left - 1, reader_moved, still_latest));
        } else {
            lay_out_in_full(false);
        }
    }
    hold(y, HOLD_FRAMES, reader_moved, still_latest);
}

/// Marks the document while a back or forward step restores a scroll
/// position. A post the app draws lays out its far blocks a moment later
/// (see `routes/post.rs`); a restored position needs them at once, or the
/// same offset would show other text.
fn lay_out_in_full(on: bool) {
    let Some(root) = document().document_element() else {
        return;
    };
    let _ = if on {
        root.set_attribute(FULL_LAYOUT_ATTRIBUTE, "")
    } else {
        root.remove_attribute(FULL_LAYOUT_ATTRIBUTE)
    };
}

/// Scrolls without animation: a page change is a jump, whatever the
/// stylesheet's `scroll-behavior`.
fn scroll_instantly(y: f64) {
    let options = ScrollToOptions::new();
    // With both coordinates given, the browser knows (0, 0) needs no clamping.
    options.set_left(0.0);
    options.set_top(y);
    options.set_behavior(ScrollBehavior::Instant);
    window().scroll_to_with_scroll_to_options(&options);
}

/// Lets go of focus when a link to another page of the blog is followed.
/// Focus sits on the old page's heading or on the clicked link, and a
/// focused element taken out of the page makes the browser recompute every
/// style on the spot, in the middle of the app drawing the new page; let go
/// of first, that work waits for the frame, which does it anyway. Focus
/// then moves to the new page's heading. Listens in the capture phase, so
/// it comes before the router's own listener, for as long as the app runs
/// (`RouteChanges` is part of the app's frame, never taken down).
fn release_focus_when_leaving() {
    let listener = Closure::<dyn Fn(MouseEvent)>::new(|event: MouseEvent| {
        let plain_click = event.button() == 0
            && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key());
        let to_another_page = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .and_then(|element| {
                element
                    .closest("a[href]:not([target]):not([download])")
                    .ok()
                    .flatten()
            })
            .and_then(|link| link.dyn_into::<HtmlAnchorElement>().ok())
            .is_some_and(|link| {
                link.origin() == window().location().origin().unwrap_or_default()
                    && !is_current_path(&link.pathname())
            });
        if !(plain_click && to_another_page) {
            return;
        }
        if let Some(focused) = document().active_element()
            && focused.closest("main").ok().flatten().is_some()
            && let Ok(focused) = focused.dyn_into::<HtmlElement>()
        {
            let _ = focused.blur();
        }
    })
    .into_js_value();
    let _ = document().add_event_listener_with_callback_and_bool(
        "click",
        listener.unchecked_ref(),
        true,
    );
}

/// Moves focus to where the new page starts, without scrolling to it: a
/// field the page marks `data-autofocus` (search), else the main heading,
/// so keyboard and screen-reader users start reading the new page.
fn focus_main_heading() {
    if let Some(start) = ["main [data-autofocus]", "main h1"]
        .into_iter()
        .find_map(|selector| document().query_selector(selector).ok().flatten())
    {
        focus_without_scrolling(start);
    }
}

/// Moves focus to `element`, where it stands: a heading or a section gets
/// `tabindex="-1"` first, so that it can hold focus without joining the
/// Tab order.
fn focus_without_scrolling(element: Element) {
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
