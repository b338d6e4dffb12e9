//! What happens around a route change: where the page is scrolled, where
//! focus goes, what a screen reader hears.

use std::collections::HashMap;

use leptos::{ev, prelude::*};
use leptos_router::hooks::use_location;
use wasm_bindgen::{JsCast, closure::Closure};
use web_sys::{HtmlElement, MouseEvent, ScrollBehavior, ScrollRestoration, ScrollToOptions};

use crate::{
    address::{address_of, current_address, followed_link, is_current_path},
    behaviour::layout::{lay_out_in_full, lay_out_rest_now},
    components::announcer::announce,
    focus::{focus_main_heading, focus_without_scrolling},
    ready::{CurrentRoute, PageReady},
    schedule::{after_this_frame, next_frame},
};

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

/// How many frames a restored or reset scroll position is held against the
/// browser's and the router's own adjustments while the new page settles.
const HOLD_FRAMES: u32 = 20;

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
    let restoration = |mode| {
        let _ = window()
            .history()
            .map(|history| history.set_scroll_restoration(mode));
    };
    restoration(ScrollRestoration::Manual);
    // Leaving the document (another site, a reload), the browser takes its
    // own scroll restoration back for this entry: when it comes back to a
    // fresh copy of the page (no back-forward cache), it puts the reader
    // where they were, before the app has started.
    let on_pagehide =
        window_event_listener(ev::pagehide, move |_| restoration(ScrollRestoration::Auto));
    let on_pageshow = window_event_listener(ev::pageshow, move |_| {
        restoration(ScrollRestoration::Manual)
    });

    // The address the app shows, and its scroll position as last seen.
    // Scroll events come a frame late, so when the route changes, the last
    // one seen is still the old page's, whatever the new page did to it.
    let previous = StoredValue::new(current_address());
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
    move_focus_on_link_clicks();
    on_cleanup(move || {
        on_scroll.remove();
        on_popstate.remove();
        on_pointer.remove();
        on_wheel.remove();
        on_touch.remove();
        on_key.remove();
        on_pagehide.remove();
        on_pageshow.remove();
    });

    let navigations = Navigations(StoredValue::new(0_usize));
    provide_context(navigations);
    Effect::new(move |_| {
        let address = address_of(&location.pathname.get(), &location.search.get());
        let hash = location.hash.get();
        // The first run is the page as loaded; a change of fragment alone is a
        // jump within the page, which the browser does (and whose focus move
        // `move_focus_on_link_clicks` made at the click). A history step that
        // only changed the fragment must not count for the next page change.
        if previous.get_value() == address {
            let number = navigations.0.get_value();
            next_frame(move || {
                if !navigations.is_latest(number) {
                    return;
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
        after_page_drawn(still_latest, move || {
            let restore = going_back_or_forward.get_value();
            going_back_or_forward.set_value(false);
            match (restore, saved) {
                (true, Some(y)) => hold_scroll(y, reader_moved, still_latest),
                _ => {
                    lay_out_in_full(false);
                    match hash_target(&hash) {
                        Some(target) => {
                            lay_out_rest_now();
                            target.scroll_into_view();
                        }
                        None => hold_scroll(0.0, reader_moved, still_latest),
                    }
                }
            }
            // Moving focus makes the browser lay the page out on the spot;
            // done once the new page is drawn, it does not hold up its frame.
            after_this_frame(move || {
                if still_latest() {
                    focus_main_heading();
                    announce(&document().title());
                }
            });
        });
    });
}

/// The element a `#fragment` names, if the page has it.
fn hash_target(hash: &str) -> Option<web_sys::Element> {
    let id = hash.strip_prefix('#').filter(|id| !id.is_empty())?;
    document().get_element_by_id(id)
}

/// Runs `then` at the frame after the current route's page is drawn (see
/// [`PageReady`]), unless another route change came first (`still_latest`).
/// Called from within the route-change effect, whose next run disposes of
/// the wait.
fn after_page_drawn(
    still_latest: impl Fn() -> bool + Copy + 'static,
    then: impl FnOnce() + 'static,
) {
    let route = CurrentRoute::get().get_untracked();
    let ready = PageReady::get();
    let then = StoredValue::new_local(Some(then));
    Effect::new(move |_| {
        if !ready.is(&route) {
            return;
        }
        if let Some(then) = then.try_update_value(Option::take).flatten() {
            next_frame(move || {
                if still_latest() {
                    then();
                }
            });
        }
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

/// Moves the keyboard as a followed link asks, at the click itself.
///
/// A link to another page of the blog lets go of focus: focus sits on the
/// old page's heading or on the clicked link, and a focused element taken
/// out of the page makes the browser recompute every style on the spot, in
/// the middle of the app drawing the new page; let go of first, that work
/// waits for the frame, which does it anyway. Focus then moves to the new
/// page's heading.
///
/// A link to a `#fragment` of this page (the skip link, the contents,
/// heading anchors) moves focus to its target at once, as the browser's own
/// jump would: a Tab pressed right after must start from there, not from
/// the link, even before the next frame.
///
/// Listens in the capture phase on the document, so it comes before the
/// router's own listener and after [`super::archive_years`]'s, for as long
/// as the app runs (`RouteChanges` is part of the
/// app's frame, never taken down).
fn move_focus_on_link_clicks() {
    let listener = Closure::<dyn Fn(MouseEvent)>::new(|event: MouseEvent| {
        // Taken by the page (an archive year shown in place): no route change.
        if event.default_prevented() {
            return;
        }
        let plain_click = event.button() == 0
            && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key());
        let Some(link) = followed_link(event.target()).filter(|link| {
            plain_click && link.origin() == window().location().origin().unwrap_or_default()
        }) else {
            return;
        };
        if is_current_path(&link.pathname()) {
            if let Some(target) = hash_target(&link.hash()) {
                focus_without_scrolling(target);
            }
        } else if let Some(focused) = document().active_element()
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
