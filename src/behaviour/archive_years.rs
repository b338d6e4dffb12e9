//! The archive's older years, shown in place. The archive's page names
//! them, each with a link to the year's own page; a plain click on one (or
//! Enter on it), in the pre-rendered page or the app's, fetches the year's
//! data and puts its posts where the link was, so the reader keeps their
//! place in one long archive. A new tab, a reader without JavaScript, a
//! click before the app has the site's data, and a year the site no longer
//! has get the year's page.

use leptos::prelude::*;
use quire_core::{dom, listing::ArchiveYear, markup, route::Route};
use wasm_bindgen::{JsCast, closure::Closure};
use web_sys::{Element, HtmlElement, MouseEvent};

use crate::{
    behaviour::layout::set_prepared_html,
    components::announcer::announce,
    data::{Load, Store},
    ready::CurrentRoute,
    schedule::next_frame,
};

/// One listener on the window serves every year's link; each year the
/// reader opened is shown as soon as its data is here, and again whenever
/// the archive is drawn anew (back to it), without taking the focus.
#[component]
pub fn ArchiveYearsInPlace() -> impl IntoView {
    let store = Store::get();
    // The year whose link the reader followed last, while its posts are on
    // their way: its first post then takes the focus from the link.
    let pressed = StoredValue::new(None::<i32>);
    let on_click = Closure::<dyn Fn(MouseEvent)>::new(move |event: MouseEvent| {
        let Some((link, year)) = year_link_clicked(&event) else {
            return;
        };
        let shown_in_place = matches!(store.site_untracked(), Load::Ready(_))
            && !matches!(
                store.route_data_untracked(&Route::ArchiveYear { year }),
                Some(Load::Ready(None))
            );
        if !shown_in_place {
            return;
        }
        // The router would open the year's page; its posts go in place.
        event.prevent_default();
        let _ = link.set_attribute("aria-busy", "true");
        link.set_text_content(Some(&format!("Loading the posts of {year}…")));
        pressed.set_value(Some(year));
        store.open_archive_year(year);
    });
    // In the capture phase on the window: before the router's listener
    // (the window's, bubbling) and the focus handling of route changes
    // (the document's, capturing) see the click. The app lives as long as
    // the page, and so does this.
    let _ = window().add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    on_click.forget();

    let current = CurrentRoute::get();
    // Leaving the archive before a year's posts come: they take no focus
    // when it is drawn again.
    Effect::new(move |_| {
        current.track();
        pressed.set_value(None);
    });
    Effect::new(move |_| {
        // A newly drawn archive (its data here) shows the years opened before.
        let here = current.get();
        let _ = store.route_data(&here);
        let years = store.opened_archive_years();
        let root = store.root();
        next_frame(move || {
            for (year, state) in years {
                let focus = pressed.get_value() == Some(year);
                match state {
                    Some(Load::Ready(rows)) => {
                        show_year(&root, &rows, focus);
                    }
                    Some(Load::Failed(error)) => year_failed(year, &error.to_string()),
                    _ => continue,
                }
                if focus {
                    pressed.set_value(None);
                }
            }
        });
    });
}

/// The archive's year link a plain click (no new tab or window) was on,
/// and its year.
fn year_link_clicked(event: &MouseEvent) -> Option<(Element, i32)> {
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
    Some((link, year))
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
/// the year's first post.
fn show_year(root: &str, rows: &ArchiveYear, focus: bool) {
    let Some(section) = year_link(rows.year).and_then(|link| {
        link.closest(&format!("#{}", markup::archive_year_id(rows.year)))
            .ok()
            .flatten()
    }) else {
        return;
    };
    set_prepared_html(&section, &markup::archive_year(root, rows));
    // Its first post's link, not the heading's (the year's page).
    let first = section
        .query_selector(".archive-month a")
        .ok()
        .flatten()
        .and_then(|link| link.dyn_into::<HtmlElement>().ok());
    if let Some(first) = first.filter(|_| focus) {
        // The first post is where the link was: nothing to scroll to.
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = first.focus_with_options(&options);
    }
}

/// Says, on a year's link the reader is waiting on, that its posts could
/// not be had, and why; following it again tries again (or, for a year
/// the site no longer has, opens its page, which says so).
fn year_failed(year: i32, error: &str) {
    let Some(link) = year_link(year).filter(|link| link.has_attribute("aria-busy")) else {
        return;
    };
    let _ = link.remove_attribute("aria-busy");
    link.set_text_content(Some(&format!(
        "The posts of {year} could not be loaded. Try again"
    )));
    announce(error);
}
