//! One view per kind of [`Route`], and the one router route that picks it.

pub mod archives;
pub mod content;
pub mod home;
pub mod not_found;
pub mod post;
pub mod search;
pub mod section;
pub mod term;
pub mod terms;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use quire_core::route::{Route, same_path};

use crate::{AppShown, address::as_written, data::Store, ready::CurrentRoute};

/// The page for the current address. An address that spells a route
/// another way (`/page/1/`, `/tags`, a post without its last slash) is
/// replaced by the route's own, as Hugo's pages and static hosts do.
#[component]
pub fn RoutedPage() -> impl IntoView {
    let current = CurrentRoute::get();
    let store = Store::get();
    let location = use_location();
    let navigate = use_navigate();
    let shown = expect_context::<AppShown>().0;
    Effect::new(move |_| {
        let own = store.href(&current.get());
        if shown.get() && !same_path(&location.pathname.get(), &own) {
            navigate(&own, as_written(true));
        }
    });
    // Mounted from the start, so that the first click finds the router's
    // machinery ready; the pre-rendered page is never drawn again.
    move || match current.get() {
        _ if !shown.get() => ().into_any(),
        Route::Home { page } => view! { <home::HomePage page/> }.into_any(),
        Route::Terms { taxonomy } => view! { <terms::TermsPage taxonomy/> }.into_any(),
        Route::Term {
            taxonomy,
            slug,
            page,
        } => view! { <term::TermPage taxonomy slug page/> }.into_any(),
        Route::Section { path, page } => view! { <section::SectionPage path page/> }.into_any(),
        Route::Archives => view! { <archives::ArchivesPage/> }.into_any(),
        Route::Search => view! { <search::SearchPage/> }.into_any(),
        Route::Content { path } => view! { <content::ContentPage path/> }.into_any(),
    }
}
