//! Taking over the page the build pre-rendered.
//!
//! Every route's HTML already shows what the app would, so the app does not
//! draw it again: it starts, loads the site's data and waits. The reader keeps
//! reading the pre-rendered page, which the app does not draw again (its
//! behaviours work on it: copy buttons, an archive year shown in place),
//! so nothing moves or flashes and the start costs the main thread little.
//!
//! Once the app has its data and the browser is idle, the app's shell
//! (skip link, header, footer: the same markup) takes the place of the
//! pre-rendered one, and the pre-rendered page's content moves into the
//! app's `<main>`, in one task, so the page looks the same. That is the
//! work a first click would otherwise do in front of the reader: laying
//! out a whole new document. The content is not moved while moving it
//! would lose something the reader did (focus, a selection or the place a
//! click left, an embed or a player); the first click then does it. A
//! screen reader's reading position cannot be seen from the page: moved
//! nodes may send it back to the top, which is why this happens as soon as
//! the app is idle, before most readers have started. Nor is a long page
//! moved: the browser lays out all of its text again, a long task on a
//! slow phone while the reader may be scrolling, for a page (a long post)
//! whose reader is not about to click away; the first click then does it.
//!
//! The first navigation (the router follows every link click) hands over:
//! the app draws the new route, and only that, and the pre-rendered content
//! goes, in one frame.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use quire_core::{dom, route::same_path};
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::{
    address::remember_in_address,
    data::{Load, Store},
    schedule::{next_frame, when_idle},
};

/// The pre-rendered copy of the page the reader opened.
#[derive(Clone)]
pub struct PrerenderedPage {
    element: Element,
    /// The path it was rendered for.
    path: String,
}

impl PrerenderedPage {
    /// The pre-rendered page, if it shows the address being visited. A page
    /// rendered for another address (`404.html`, or a host that answers
    /// unknown paths with the home page) is removed at once, and the app
    /// draws the right one.
    pub fn find() -> Option<Self> {
        let element = document().get_element_by_id(dom::PRERENDERED_ID)?;
        let path = element.get_attribute(dom::DATA_PATH).unwrap_or_default();
        let visited = window().location().pathname().unwrap_or_default();
        let at_start = element.has_attribute(dom::DATA_TAKEOVER);
        let found = Self { element, path };
        // The browser may spell the address another way (`caf%C3%A9` for `café`).
        if same_path(&found.path, &visited) && !at_start {
            return Some(found);
        }
        keep_typed_search();
        found.remove();
        None
    }

    /// Whether its nodes can move without losing what the reader did in
    /// it: the focus; a selection, or the place a click left (where Tab
    /// goes on from); a frame (an embed they started: moving a frame loads
    /// it again), or a player that is playing.
    fn can_move(&self) -> bool {
        let inside = |node: Option<web_sys::Node>| {
            node.is_some_and(|node| self.element.contains(Some(&node)))
        };
        let focused = inside(document().active_element().map(Into::into));
        let selected = window()
            .get_selection()
            .ok()
            .flatten()
            .is_some_and(|selection| {
                inside(selection.anchor_node()) || inside(selection.focus_node())
            });
        let framed = self
            .element
            .query_selector("iframe, object, embed")
            .ok()
            .flatten()
            .is_some();
        let playing = self
            .element
            .query_selector_all("video, audio")
            .ok()
            .is_some_and(|players| {
                (0..players.length())
                    .filter_map(|at| players.item(at))
                    .any(|player| {
                        js_sys::Reflect::get(&player, &"paused".into())
                            .ok()
                            .and_then(|paused| paused.as_bool())
                            == Some(false)
                    })
            });
        !focused && !selected && !framed && !playing
    }

    /// Whether the page has laid out its lazy blocks in full, as it does
    /// once idle: until then, blocks above the view keep the sizes they
    /// were last drawn at only where they are, and moved, they would fall
    /// back to their estimates.
    fn laid_out_in_full(&self) -> bool {
        self.element
            .query_selector(&format!("[{}]", dom::DATA_LAZY_LAYOUT))
            .ok()
            .flatten()
            .is_none()
    }

    /// Whether its content is short enough to lay out again in one short
    /// task: a list page or a short post, not a long post.
    fn short_enough_to_move(&self) -> bool {
        self.element
            .text_content()
            .is_some_and(|text| text.chars().count() <= MOST_CHARACTERS_MOVED_WHILE_IDLE)
    }

    /// Moves the pre-rendered content into the app's `<main>` and drops the
    /// pre-rendered shell, which the app's replaces: the page's element
    /// stays, as a box-less wrapper (`display: contents`) of what its
    /// `<main>` held, until the first navigation removes it.
    fn move_into(&self, app_main: &Element) -> bool {
        let Ok(Some(main)) = self.element.query_selector("main") else {
            return false;
        };
        while let Some(child) = self.element.first_child() {
            let _ = self.element.remove_child(&child);
        }
        while let Some(child) = main.first_child() {
            let _ = self.element.append_child(&child);
        }
        app_main.prepend_with_node_1(&self.element).is_ok()
    }

    /// Removes the pre-rendered page. (The head's description stays: the
    /// app's views set it in place.)
    fn remove(&self) {
        self.element.remove();
    }
}

/// The most text the takeover moves while the reader may be reading,
/// about a thousand words: a page of ten post cards has less, and a post of
/// 7,800 characters took about 90 ms of Lighthouse's total blocking time
/// (4x CPU) to lay out again.
const MOST_CHARACTERS_MOVED_WHILE_IDLE: usize = 6_000;

/// A query typed into the pre-rendered search field before the app started
/// goes into the address, where the app's search page reads it.
fn keep_typed_search() {
    let typed = document()
        .query_selector(&format!("#{} input[type=search]", dom::PRERENDERED_ID))
        .ok()
        .flatten()
        .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .filter(|value| !value.is_empty());
    if let Some(query) = typed {
        remember_in_address(&query);
    }
}

/// Moves the pre-rendered content into the app's shell and shows it, when
/// the browser is next idle and the page has laid itself out in full
/// (asking again up to `tries` times), unless the reader is in the page.
/// The caller has checked that the page is short enough to move.
fn show_shell_when_idle(prerendered: PrerenderedPage, shell_shown: RwSignal<bool>, tries: u8) {
    when_idle(move || {
        if shell_shown.get_untracked() {
            return;
        }
        if !prerendered.laid_out_in_full() {
            if tries > 1 {
                show_shell_when_idle(prerendered, shell_shown, tries - 1);
            }
            return;
        }
        if !prerendered.can_move() {
            return;
        }
        let app_main = document()
            .query_selector(&format!("#{} main", dom::APP_ID))
            .ok()
            .flatten();
        if app_main.is_some_and(|app_main| prerendered.move_into(&app_main)) {
            // The shell shows in this same task: no frame is painted
            // without a header.
            shell_shown.set(true);
        }
    });
}

/// Shows the app's shell with the pre-rendered content once the app has
/// its data and the browser is idle, and removes that content at the
/// first navigation away from it, when the app draws the route. Also marks
/// the document `data-quire="ready"` once the app has the site's data, for
/// scripts and tests that wait for it.
#[component]
pub fn TakeOver(
    /// The pre-rendered page; with none, the app is shown from the start.
    prerendered: Option<PrerenderedPage>,
    /// Whether the app's shell (skip link, header, `<main>`, footer) shows.
    shell_shown: RwSignal<bool>,
    /// Whether the app draws the route, rather than the pre-rendered page.
    shown: RwSignal<bool>,
) -> impl IntoView {
    let store = Store::get();
    Effect::new(move |_| {
        if store.site_settled()
            && let Some(root) = document().document_element()
        {
            let _ = root.set_attribute(dom::DATA_APP_STATE, "ready");
        }
    });
    let Some(prerendered) = prerendered else {
        return;
    };
    {
        let prerendered = prerendered.clone();
        // The shell is drawn from the site's data: only then is it the same.
        Effect::new(move |_| {
            if !matches!(store.site(), Load::Ready(_)) {
                return;
            }
            // A long page waits for the first click (module doc): decided
            // once, not at every idle moment.
            if !prerendered.short_enough_to_move() {
                return;
            }
            let prerendered = prerendered.clone();
            next_frame(move || show_shell_when_idle(prerendered, shell_shown, 20));
        });
    }
    let location = use_location();
    Effect::new(move |_| {
        if shown.get_untracked() || same_path(&location.pathname.get(), &prerendered.path) {
            return;
        }
        // The app draws the new route in this same task, so no frame is
        // painted between the old page going and the new one coming.
        prerendered.remove();
        shell_shown.set(true);
        shown.set(true);
    });
}
