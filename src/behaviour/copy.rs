//! Copy buttons (a post's link, a code block) and heading anchors that copy
//! their section's address.

use leptos::{ev, prelude::*};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlAnchorElement};

use crate::components::announcer::announce;

/// How long a button says "Copied!" before it reads as before.
const CONFIRMATION_MS: i32 = 2000;

/// One listener on the document makes every copy button and heading anchor
/// work, whether the app drew it or the build pre-rendered it.
#[component]
pub fn CopyOnClick() -> impl IntoView {
    let handle = window_event_listener(ev::click, |event| {
        let Some(target) = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
        else {
            return;
        };
        if let Ok(Some(button)) = target.closest(".copy-button") {
            copy_from_button(button);
        } else if let Some(anchor) = target
            .closest(".heading-anchor")
            .ok()
            .flatten()
            .and_then(|anchor| anchor.dyn_into::<HtmlAnchorElement>().ok())
        {
            // The link still jumps to the section; its address also goes to the clipboard.
            copy(anchor.href(), "Link to the section copied", None);
        }
    });
    on_cleanup(move || handle.remove());
}

/// Copies the button's `data-copy` text, or else the code of its code block.
fn copy_from_button(button: Element) {
    let text = button.get_attribute("data-copy").or_else(|| {
        button
            .closest(".code-block")
            .ok()
            .flatten()
            .and_then(|block| block.query_selector("code").ok().flatten())
            .and_then(|code| code.text_content())
    });
    if let Some(text) = text {
        copy(text, "Copied to the clipboard", Some(button));
    }
}

/// Writes `text` to the clipboard, then says so: in the live region, and on
/// the button for a moment.
fn copy(text: String, message: &'static str, button: Option<Element>) {
    let clipboard = window().navigator().clipboard();
    leptos::task::spawn_local(async move {
        let written = JsFuture::from(clipboard.write_text(&text)).await.is_ok();
        announce(if written {
            message
        } else {
            "Copying was not allowed by the browser"
        });
        let Some(button) = button.filter(|_| written) else {
            return;
        };
        let label = button.text_content().unwrap_or_default();
        if label == "Copied!" {
            return;
        }
        button.set_text_content(Some("Copied!"));
        let restore = wasm_bindgen::closure::Closure::once_into_js(move || {
            button.set_text_content(Some(&label));
        });
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
            restore.unchecked_ref(),
            CONFIRMATION_MS,
        );
    });
}
