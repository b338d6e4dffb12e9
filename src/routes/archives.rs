//! [`quire_core::route::Route::Archives`]: every post by year and month.
//! A large blog's archive data holds its newest years; each older year's
//! posts come when the reader asks for them.

use leptos::{ev, prelude::*};
use quire_core::{dom, html::SafeHtml, listing::ArchiveYear, markup, page_text::PageText};
use wasm_bindgen::JsCast;

use crate::{
    behaviour::layout::set_prepared_html,
    components::{announcer::announce, markup_view::MarkupView, page_meta::PageMeta},
    data::{Load, LoadError, Store},
    schedule::next_frame,
};

/// The archive, as [`markup::list_view`] drew it (`text`, `html`), with
/// its older `years`' buttons at work.
pub fn archives_page(
    years: &[ArchiveYear],
    text: PageText,
    html: SafeHtml,
    site_title: String,
) -> AnyView {
    let store = Store::get();
    let root = store.root();
    let far_years: Vec<i32> = years
        .iter()
        .filter(|year| !year.has_rows())
        .map(|year| year.year)
        .collect();
    // The year whose button the reader pressed last: its first post takes
    // the focus from the button its rows replace.
    let pressed = StoredValue::new(None::<i32>);
    // A year's rows, once here, go into its section alone: drawing the
    // whole archive again would forget how tall the years laid out so far
    // are, and the reader's place with it. A year fetched before (back to
    // the archive) is shown at once, and takes no focus.
    for year in far_years.iter().copied() {
        let root = root.clone();
        Effect::new(move |shown: Option<bool>| {
            if shown == Some(true) {
                return true;
            }
            match store.archive_year(year) {
                Some(Load::Ready(rows)) => {
                    let root = root.clone();
                    let focus = pressed.get_value() == Some(year);
                    next_frame(move || show_year(&root, &rows, focus));
                    true
                }
                Some(Load::Failed(error)) => {
                    next_frame(move || year_failed(year, &error));
                    false
                }
                _ => false,
            }
        });
    }
    let on_click = move |event: ev::MouseEvent| {
        let button = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| {
                element
                    .closest(&format!("button.{}", dom::ARCHIVE_MORE_CLASS))
                    .ok()
                    .flatten()
            });
        let Some(button) = button else {
            return;
        };
        let Some(year) = button
            .get_attribute("data-year")
            .and_then(|year| year.parse().ok())
        else {
            return;
        };
        let _ = button.set_attribute("aria-busy", "true");
        button.set_text_content(Some(&format!("Loading the posts of {year}…")));
        pressed.set_value(Some(year));
        store.load_archive_year(year);
    };
    view! {
        <PageMeta text site=site_title/>
        <div on:click=on_click>
            <MarkupView html/>
        </div>
    }
    .into_any()
}

/// The section of a year in the drawn archive.
fn year_section(year: i32) -> Option<web_sys::Element> {
    document()
        .query_selector(&format!("#{}", markup::archive_year_id(year)))
        .ok()
        .flatten()
}

/// Puts a year's rows into its section, in place of its button; `focus`
/// moves the focus the button had to the year's first post.
fn show_year(root: &str, rows: &ArchiveYear, focus: bool) {
    let Some(section) = year_section(rows.year) else {
        return;
    };
    set_prepared_html(&section, &markup::archive_year(root, rows));
    let first = section
        .query_selector("a")
        .ok()
        .flatten()
        .and_then(|link| link.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(first) = first.filter(|_| focus) {
        // The first post is where the button was: nothing to scroll to.
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = first.focus_with_options(&options);
    }
}

/// Says, on a year's button, that its posts could not be had; pressing it
/// again tries again.
fn year_failed(year: i32, error: &LoadError) {
    let button = year_section(year).and_then(|section| {
        section
            .query_selector(&format!("button.{}", dom::ARCHIVE_MORE_CLASS))
            .ok()
            .flatten()
    });
    if let Some(button) = button {
        let _ = button.remove_attribute("aria-busy");
        button.set_text_content(Some(&format!("{error} Try again")));
    }
    announce(&error.to_string());
}
