//! How a post's text is laid out fast: ahead of the click, lazily for the
//! blocks far from the viewport, and in full when a position depends on it;
//! and a list page fetched ahead, laid out once before the click.

use leptos::{html::Div, prelude::*};
use quire_core::{dom, html::SafeHtml};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlMediaElement, HtmlTemplateElement, NodeList};

use crate::{
    address::is_current_path,
    schedule::{next_frame, when_idle},
};

/// The text of the post prefetched last, parsed and laid out ahead, waiting
/// to be shown: the post view moves it into the page instead of parsing the
/// same HTML again. One post at most, the one the reader pointed at last.
#[derive(Clone, Copy)]
pub struct PreparedPost(StoredValue<Option<(String, Element)>, LocalStorage>);

impl PreparedPost {
    /// Creates the slot and makes it available to the post view.
    pub fn provide() -> Self {
        let prepared = Self(StoredValue::new_local(None));
        provide_context(prepared);
        prepared
    }

    /// Keeps `text`, the prepared inside of the post `slug`'s `.post-content`.
    pub fn keep(&self, slug: String, text: Element) {
        self.0.set_value(Some((slug, text)));
    }

    /// The prepared text of the post `slug`, if it is the one prepared; it
    /// can be taken once.
    pub fn take(slug: &str) -> Option<Element> {
        use_context::<Self>()?
            .0
            .try_update_value(|prepared| match prepared {
                Some((for_slug, _)) if for_slug == slug => prepared.take().map(|(_, text)| text),
                _ => None,
            })
            .flatten()
    }
}

/// Parses a prefetched post's text and lays it out once, out of sight,
/// then takes it out of the page again in the same task, so it is never
/// seen or read; returns it for [`PreparedPost`]. Besides the parsing, what
/// this saves is the browser's first shaping of the post's words, which it
/// caches: that is most of the time a new post takes to lay out. Skipped if
/// the reader has already opened the post (at `address`).
pub fn lay_out_ahead(address: &str, html: &SafeHtml) -> Option<Element> {
    if is_current_path(address) {
        return None;
    }
    let copy = document().create_element("div").ok()?;
    copy.set_class_name(dom::POST_TEXT_CLASS);
    parse_holding_loads(&copy, html)?;
    lay_out_out_of_sight(&copy).then_some(copy)
}

/// The attributes that make an element fetch something once it has them
/// (an image, a video's poster, a frame), each with the name it is held
/// under while its text is prepared ahead.
const LOADING_ATTRIBUTES: [(&str, &str); 2] =
    [("src", "data-held-src"), ("poster", "data-held-poster")];

/// Parses `html` into `element` without anything in it starting to load:
/// an author's image, video or frame in a post the reader may never open
/// would cost them its bytes (and tell its host). An `<img>` or `<video>`
/// starts fetching as soon as it has an address, even out of the page; so
/// the HTML is parsed in a template, whose document loads nothing, each
/// address is held under another name there, and only then are the nodes
/// moved into `element`. [`release_loads`] gives the addresses back.
fn parse_holding_loads(element: &Element, html: &SafeHtml) -> Option<()> {
    let template: HtmlTemplateElement =
        document().create_element("template").ok()?.unchecked_into();
    set_prepared_html(&template, html);
    let text = template.content();
    rename_loading_attributes(|selector| text.query_selector_all(selector), true);
    element.append_child(&text).ok().map(drop)
}

/// Holds back the addresses of what is in `element`, as
/// [`parse_holding_loads`] does: an element drawn in this task starts
/// fetching only once the task is over, so what is held now never loads.
pub fn hold_loads(element: &Element) {
    rename_loading_attributes(|selector| element.query_selector_all(selector), true);
}

/// Gives the elements in `element` back the addresses
/// [`parse_holding_loads`] held, now that the reader is shown them: they
/// load as they would have, had the text not been prepared ahead.
fn release_loads(element: &Element) {
    rename_loading_attributes(|selector| element.query_selector_all(selector), false);
    // A player chooses among its `<source>`s as it enters the page, and
    // then found them held. Chromium looks again once a `<source>` gets its
    // address back; the HTML standard says a player waits for a new
    // `<source>`, so one still without a source is told to look again.
    if let Ok(first_sources) =
        element.query_selector_all("audio > source:first-of-type, video > source:first-of-type")
    {
        for at in 0..first_sources.length() {
            if let Some(player) = first_sources
                .item(at)
                .and_then(|source| source.parent_element())
                .and_then(|player| player.dyn_into::<HtmlMediaElement>().ok())
                .filter(|player| player.network_state() == HtmlMediaElement::NETWORK_NO_SOURCE)
            {
                player.load();
            }
        }
    }
}

/// Moves each of [`LOADING_ATTRIBUTES`] to the name it is held under
/// (`hold`), or back, in the elements `find` finds by a selector.
fn rename_loading_attributes(find: impl Fn(&str) -> Result<NodeList, JsValue>, hold: bool) {
    for (name, held) in LOADING_ATTRIBUTES {
        let (from, to) = if hold { (name, held) } else { (held, name) };
        if let Ok(elements) = find(&format!("[{from}]")) {
            rename_attribute(elements, from, to);
        }
    }
}

/// Moves the attribute `from` of each of `elements` to `to`.
fn rename_attribute(elements: NodeList, from: &str, to: &str) {
    for at in 0..elements.length() {
        if let Some(element) = elements
            .item(at)
            .and_then(|node| node.dyn_into::<Element>().ok())
        {
            let _ = element.set_attribute(to, &element.get_attribute(from).unwrap_or_default());
            let _ = element.remove_attribute(from);
        }
    }
}

/// Lays out a list page fetched ahead (its view's markup) once, out of
/// sight, and drops it: the click then finds the words of its cards shaped
/// already, which was most of the time the list took to lay out (the
/// README has the figures). None of its covers loads, for a list the
/// reader may never open. Skipped if the reader is on that page (at
/// `address`).
pub fn lay_out_list_ahead(address: &str, html: &SafeHtml) {
    if is_current_path(address) {
        return;
    }
    if let Ok(copy) = document().create_element("div") {
        copy.set_class_name(dom::VIEW_CLASS);
        if parse_holding_loads(&copy, html).is_some() {
            lay_out_out_of_sight(&copy);
        }
    }
}

/// Puts `element` at the end of the page, out of sight and hidden from
/// screen readers, has the browser lay it out, and takes it out again in
/// the same task, so it is never drawn; says whether it was laid out.
pub fn lay_out_out_of_sight(element: &Element) -> bool {
    let _ = element.class_list().add_1(dom::LAYOUT_AHEAD_CLASS);
    let _ = element.set_attribute("aria-hidden", "true");
    let Some(body) = document().body() else {
        return false;
    };
    if body.append_child(element).is_err() {
        return false;
    }
    // Reading a size makes the browser lay it out now.
    let _ = element.scroll_height();
    element.remove();
    true
}

/// The one place the app writes HTML into an element by hand, and only
/// [`SafeHtml`] (clippy refuses `set_inner_html` anywhere else).
#[allow(clippy::disallowed_methods)]
pub fn set_prepared_html(element: &Element, html: &SafeHtml) {
    element.set_inner_html(html);
}

/// The post's text shows at once: while it carries `data-lazy-layout`, the
/// stylesheet lays out only its blocks near the viewport, which is what
/// makes a long post show within a frame. Once that frame is drawn and the
/// browser is idle, the mark goes and the rest is laid out, so heights,
/// the scrollbar and scroll positions are exact from then on. `prepared`
/// is the text parsed ahead (see [`PreparedPost`]), moved in as it mounts.
pub fn lay_out_rest_later(prepared: Option<Element>) -> NodeRef<Div> {
    let content = NodeRef::<Div>::new();
    content.on_load(move |content| {
        // Set as it mounts, before the frame that first shows it.
        let _ = content.set_attribute(dom::DATA_LAZY_LAYOUT, "");
        if let Some(prepared) = prepared {
            while let Some(block) = prepared.first_child() {
                let _ = content.append_child(&block);
            }
            release_loads(&content);
        }
        lay_out_when_idle(move || Some(content.into()));
    });
    content
}

/// Once the frame that shows it is drawn and the browser is idle, takes
/// `data-lazy-layout` off the element `lazy` finds then, which lays it out
/// in full: a post's text, or the archive's years.
fn lay_out_when_idle(lazy: impl FnOnce() -> Option<Element> + 'static) {
    next_frame(move || {
        when_idle(move || {
            if let Some(element) = lazy() {
                let _ = element.remove_attribute(dom::DATA_LAZY_LAYOUT);
            }
        })
    });
}

/// Lays out the rest of the post drawn now at once, not when the browser
/// is next idle: a jump to one of its headings needs the real heights of
/// the blocks above it.
pub fn lay_out_rest_now() {
    if let Ok(Some(content)) = document().query_selector(&format!("[{}]", dom::DATA_LAZY_LAYOUT)) {
        let _ = content.remove_attribute(dom::DATA_LAZY_LAYOUT);
    }
}

/// Lays out the archive's far years once it is drawn and the browser is
/// idle, as [`lay_out_rest_later`] does for a post: only the archive's, as
/// the reader may have opened a post by then, whose own time that is.
pub fn lay_out_archive_later() {
    lay_out_when_idle(|| {
        let selector = format!(".{}[{}]", dom::ARCHIVE_YEARS_CLASS, dom::DATA_LAZY_LAYOUT);
        document().query_selector(&selector).ok().flatten()
    });
}

/// Marks the document while a back or forward step restores a scroll
/// position: a post the app draws lays out its far blocks a moment later
/// (see [`lay_out_rest_later`]); a restored position needs them at once, or
/// the same offset would show other text.
pub fn lay_out_in_full(on: bool) {
    let Some(root) = document().document_element() else {
        return;
    };
    let _ = if on {
        root.set_attribute(dom::DATA_FULL_LAYOUT, "")
    } else {
        root.remove_attribute(dom::DATA_FULL_LAYOUT)
    };
}
