//! The archive's older years, shown in place. The archive's page names
//! them, each with a link to the year's own page; a plain click on one, in
//! the pre-rendered page or the app's, fetches the year's data and puts its
//! posts where the link was, so the reader keeps their place in one long
//! archive. A new tab, or a reader without JavaScript, gets the year's page.

use leptos::prelude::*;
use quire_core::{dom, listing::ArchiveYear, markup};
use wasm_bindgen::{JsCast, closure::Closure};
use web_sys::{Element, HtmlElement, MouseEvent};

use crate::{
    behaviour::layout::set_prepared_html,
    components::announcer::announce,
    data::{Load, Store},
    ready::CurrentRoute,
    schedule::next_frame,
};

/// One listener on the document serves every year's link; each year the
/// reader opened is shown as soon as its data is here, and again whenever
/// the archive is drawn anew (back to it), without taking the focus.
#[component]
pub fn ArchiveYearsInPlace() -> impl IntoView {
    let store = Store::get();
    // The year whose link the reader followed last: its first post takes
    // the focus from the link its rows replace.
    let pressed = StoredValue::new(None::<i32>);
    let on_click = Closure::<dyn Fn(MouseEvent)>::new(move |event: MouseEvent| {
        if let Some(year) = year_asked(&event) {
            // The router would open the year's page; its rows go in place.
            event.prevent_default();
            pressed.set_value(Some(year));
            store.open_archive_year(year);
        }
    });
    // Captured before the router's own listener (on the window, bubbling)
    // sees the click. The app lives as long as the page, and so does this.
    let _ = window().add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    on_click.forget();

    let current = CurrentRoute::get();
    Effect::new(move |_| {
        // A newly drawn archive (its data here) shows the years opened before.
        let here = current.get();
        let _ = store.route_data(&here);
        let years: Vec<(i32, Option<Load<ArchiveYear>>)> = store
            .opened_archive_years()
            .into_iter()
            .map(|year| (year, store.archive_year(year)))
            .collect();
        let root = store.root();
        next_frame(move || {
            for (year, state) in years {
                let focus = pressed.get_value() == Some(year);
                match state {
                    // Focus once: an archive drawn again later takes none.
                    Some(Load::Ready(rows)) if show_year(&root, &rows, focus) && focus => {
                        pressed.set_value(None);
                    }
                    Some(Load::Failed(error)) => year_failed(year, &error.to_string()),
                    _ => {}
                }
            }
        });
    });
}

/// The year of the archive's link a plain click (no new tab or window)
/// was on.
fn year_asked(event: &MouseEvent) -> Option<i32> {
    if event.default_prevented()
        || event.button() != 0
        || event.ctrl_key()
        || event.meta_key()
        || event.shift_key()
        || event.alt_key()
    {
        return None;
    }
    let link = event
        .target()?
        .dyn_into::<Element>()
        .ok()?
        .closest(&format!("a.{}", dom::ARCHIVE_MORE_CLASS))
        .ok()??;
    let year = link.get_attribute("data-year")?.parse().ok()?;
    let _ = link.set_attribute("aria-busy", "true");
    link.set_text_content(Some(&format!("Loading the posts of {year}…")));
    Some(year)
}

/// The link of a year whose rows the drawn archive does not show yet.
fn year_link(year: i32) -> Option<Element> {
    document()
        .query_selector(&format!(
            "#{} a.{}",
            markup::archive_year_id(year),
            dom::ARCHIVE_MORE_CLASS
        ))
        .ok()
        .flatten()
}

/// Puts a year's rows into its section, in place of its link, if the drawn
/// archive still shows the link; `focus` moves the focus the link had to
/// the year's first post. Says whether it did.
fn show_year(root: &str, rows: &ArchiveYear, focus: bool) -> bool {
    let Some(section) = year_link(rows.year).and_then(|link| {
        link.closest(&format!("#{}", markup::archive_year_id(rows.year)))
            .ok()
            .flatten()
    }) else {
        return false;
    };
    set_prepared_html(&section, &markup::archive_year(root, rows));
    let first = section
        .query_selector("a")
        .ok()
        .flatten()
        .and_then(|link| link.dyn_into::<HtmlElement>().ok());
    if let Some(first) = first.filter(|_| focus) {
        // The first post is where the link was: nothing to scroll to.
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = first.focus_with_options(&options);
    }
    true
}

/// Says, on a year's link the reader is waiting on, that its posts could
/// not be had; following it again tries again.
fn year_failed(year: i32, error: &str) {
    let Some(link) = year_link(year).filter(|link| link.has_attribute("aria-busy")) else {
        return;
    };
    let _ = link.remove_attribute("aria-busy");
    link.set_text_content(Some(&format!("{error} Try again")));
    announce(error);
}
