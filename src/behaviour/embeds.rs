//! Videos that play on request: a post's YouTube or Vimeo video is a link
//! (`a[data-embed]`, written by the build's shortcodes) until the reader
//! clicks it; only then does the player load, so no page view tells the
//! video's site anything.

use leptos::{ev, prelude::*};
use quire_core::html::sanitize::embed_player;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// One listener on the document turns any video link, pre-rendered or
/// drawn by the app, into its player when clicked.
#[component]
pub fn PlayEmbedsOnClick() -> impl IntoView {
    let handle = window_event_listener(ev::click, |event| {
        let Some(link) = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .and_then(|target| target.closest("a[data-embed]").ok().flatten())
        else {
            return;
        };
        // A new tab or window, as the reader asked, keeps the link's own way.
        if event.ctrl_key() || event.meta_key() || event.shift_key() || event.button() != 0 {
            return;
        }
        let Some(player) = link
            .get_attribute("data-embed")
            .and_then(|value| embed_player(&value))
        else {
            return;
        };
        if play_in_place(&link, &player).is_some() {
            event.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());
}

/// Puts the player where the link was, named after the link's words, and
/// gives it focus so the keyboard can control it at once.
fn play_in_place(link: &Element, player: &str) -> Option<()> {
    let frame = document().create_element("iframe").ok()?;
    let title = link.text_content().unwrap_or_default();
    let title = title.trim_start_matches(['▶', ' ']);
    for (name, value) in [
        ("src", player),
        ("title", title),
        ("class", "video-player"),
        (
            "allow",
            "autoplay; encrypted-media; picture-in-picture; fullscreen",
        ),
        ("allowfullscreen", ""),
        ("referrerpolicy", "strict-origin-when-cross-origin"),
    ] {
        frame.set_attribute(name, value).ok()?;
    }
    link.replace_with_with_node_1(&frame).ok()?;
    frame.dyn_into::<web_sys::HtmlElement>().ok()?.focus().ok()
}
