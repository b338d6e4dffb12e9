//! Running work at the moment the browser is ready for it.

use leptos::prelude::window;
use wasm_bindgen::{JsCast, closure::Closure};

/// Runs `then` at the next animation frame, before that frame is drawn.
pub fn next_frame(then: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(then);
    let _ = window().request_animation_frame(callback.unchecked_ref());
}

/// Runs `then` when the browser is idle, or soon where it cannot say
/// (Safari has no `requestIdleCallback`).
pub fn when_idle(then: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(then);
    let window = window();
    if window
        .request_idle_callback(callback.unchecked_ref())
        .is_err()
    {
        let _ = window.set_timeout_with_callback(callback.unchecked_ref());
    }
}

/// Runs `then` in a task of its own, soon: called from an animation frame,
/// that is once the frame is drawn, so what `then` changes waits for the
/// next one.
pub fn after_this_frame(then: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(then);
    let _ = window().set_timeout_with_callback(callback.unchecked_ref());
}
