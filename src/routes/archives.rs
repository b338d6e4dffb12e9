//! [`quire_core::route::Route::Archives`]: every post by year and month.
//! A large blog's archive data holds its newest years; each older year's
//! posts come when the reader asks for them.

use leptos::{ev, prelude::*};
use quire_core::{dom, listing::ArchiveYear, markup, page_text, route_data::SiteData};
use wasm_bindgen::JsCast;

use crate::{
    behaviour::layout::set_prepared_html,
    components::{markup_view::MarkupView, page_meta::PageMeta, status::LoadFailed},
    data::{Load, Store},
    schedule::next_frame,
};

/// The archive.
pub fn archives_page(site: &SiteData, years: &[ArchiveYear]) -> AnyView {
    let store = Store::get();
    let root = store.root();
    let html = markup::archives_page(&root, years);
    let far_years: Vec<i32> = years
        .iter()
        .filter(|year| !year.has_rows())
        .map(|year| year.year)
        .collect();
    // A year's rows, once here, go into its section alone: drawing the
    // whole archive again would forget how tall the years laid out so far
    // are, and the reader's place with it.
    for year in far_years.iter().copied() {
        let root = root.clone();
        Effect::new(move |shown: Option<bool>| {
            if shown == Some(true) {
                return true;
            }
            let Some(Load::Ready(rows)) = store.archive_year(year) else {
                return false;
            };
            let root = root.clone();
            next_frame(move || show_year(&root, &rows));
            true
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
        store.load_archive_year(year);
    };
    // A year that could not be had says so, with a retry.
    let failed = move || {
        far_years
            .iter()
            .find_map(|year| match store.archive_year(*year) {
                Some(Load::Failed(error)) => {
                    let year = *year;
                    Some(view! { <LoadFailed error retry=move || store.load_archive_year(year)/> })
                }
                _ => None,
            })
    };
    view! {
        <PageMeta text=page_text::archives(&site.site) site=site.site.title.clone()/>
        <div on:click=on_click>
            <MarkupView html/>
        </div>
        {failed}
    }
    .into_any()
}

/// Puts a year's rows into its section, in place of its button, and moves
/// the focus the button had to the year's first post.
fn show_year(root: &str, rows: &ArchiveYear) {
    let Ok(Some(section)) =
        document().query_selector(&format!("#{}", markup::archive_year_id(rows.year)))
    else {
        return;
    };
    set_prepared_html(&section, &markup::archive_year(root, rows));
    let first = section
        .query_selector("a")
        .ok()
        .flatten()
        .and_then(|link| link.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(first) = first {
        let _ = first.focus();
    }
}
