//! A tap on a link opens its page as the finger lifts.
//!
//! After a touch ends, a phone's browser first works out what it was (a
//! tap, not a scroll, a long press or a double tap), draws the link as
//! pressed, and sends the mouse events a page made for a mouse expects;
//! only then comes the click the router follows. On a slow phone that is
//! some 50 ms in which the reader sees nothing happen. A touch that went
//! down and lifted on the same link of the blog, without moving and before
//! a long press, is a tap: the app clicks the link itself at once, the same
//! click a mouse makes (so every listener, the router's included, sees what
//! it would see), and cancels the browser's own.

use std::{cell::RefCell, rc::Rc};

use leptos::{ev, prelude::*};
use web_sys::HtmlAnchorElement;

use crate::{
    address::{followed_link, leads_into_site},
    data::Store,
};

/// How far a finger may move, in CSS pixels, and still tap: past that it
/// scrolls or drags, and the browser decides.
const MOST_MOVEMENT_IN_A_TAP: i32 = 10;

/// How long a finger may rest, in ms, and still tap: phones start a long
/// press (a link's menu, a selection) at about 500 ms.
const LONGEST_TAP_MS: f64 = 400.0;

/// A finger on a link, from `pointerdown` on.
struct TouchOnLink {
    /// The pointer's id, to tell its moves from another finger's.
    pointer: i32,
    /// Where it went down, in CSS pixels.
    x: i32,
    y: i32,
    /// When it went down (the event's time stamp).
    at: f64,
    /// The link it went down on.
    link: HtmlAnchorElement,
}

/// Follows a tap on a link into the blog as the finger lifts (module doc).
/// Listens on the window for as long as the app runs.
#[component]
pub fn OpenOnTap() -> impl IntoView {
    let store = Store::get();
    // Plain shared state: nothing reacts to it.
    let touch = Rc::new(RefCell::new(None::<TouchOnLink>));
    let on_down = window_event_listener(ev::pointerdown, {
        let touch = Rc::clone(&touch);
        move |event| {
            *touch.borrow_mut() = (event.pointer_type() == "touch" && event.is_primary())
                .then(|| followed_link(event.target()))
                .flatten()
                .filter(|link| leads_into_site(&store.root(), link))
                .map(|link| TouchOnLink {
                    pointer: event.pointer_id(),
                    x: event.client_x(),
                    y: event.client_y(),
                    at: event.time_stamp(),
                    link,
                });
        }
    });
    let on_move = window_event_listener(ev::pointermove, {
        let touch = Rc::clone(&touch);
        move |event| {
            let mut touch = touch.borrow_mut();
            let moved_away = touch.as_ref().is_some_and(|on_link| {
                on_link.pointer == event.pointer_id()
                    && ((event.client_x() - on_link.x).abs() > MOST_MOVEMENT_IN_A_TAP
                        || (event.client_y() - on_link.y).abs() > MOST_MOVEMENT_IN_A_TAP)
            });
            if moved_away {
                *touch = None;
            }
        }
    });
    // The browser took the touch for a scroll or a zoom.
    let on_cancel = window_event_listener(ev::pointercancel, {
        let touch = Rc::clone(&touch);
        move |_| *touch.borrow_mut() = None
    });
    let on_end = window_event_listener(ev::touchend, move |event| {
        let Some(tap) = touch.borrow_mut().take() else {
            return;
        };
        let one_finger_lifted = event.touches().length() == 0;
        // Only the touch's end, cancelled, stops the browser's click.
        if !one_finger_lifted
            || !event.cancelable()
            || event.time_stamp() - tap.at > LONGEST_TAP_MS
            || followed_link(event.target()).as_ref() != Some(&tap.link)
        {
            return;
        }
        event.prevent_default();
        tap.link.click();
    });
    on_cleanup(move || {
        on_down.remove();
        on_move.remove();
        on_cancel.remove();
        on_end.remove();
    });
}
