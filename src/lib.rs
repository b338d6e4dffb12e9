//! Quire's reader: a Leptos single-page app that shows the blog the build
//! tool described, one page's data at a time.
//!
//! `routes` has one view per kind of [`quire_core::route::Route`], picked
//! by one router route; `components` has the pieces those views draw;
//! `behaviour` what the app does that draws nothing (taking over the
//! pre-rendered page, prefetch, copy buttons, scroll and focus on route
//! changes); `data` does every fetch; `address`, `ready`, `focus` and
//! `schedule` are the small helpers they share.

pub mod address;
pub mod behaviour;
pub mod components;
pub mod data;
pub mod focus;
pub mod ready;
pub mod routes;
pub mod schedule;

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    hooks::use_location,
    path,
};
use quire_core::dom;

use crate::{
    address::{route_at, site_root},
    behaviour::{
        archive_years::ArchiveYearsInPlace,
        copy::CopyOnClick,
        embeds::PlayEmbedsOnClick,
        prefetch::Prefetch,
        route_changes::RouteChanges,
        search_shortcut::SearchShortcut,
        takeover::{PrerenderedPage, TakeOver},
        taps::OpenOnTap,
    },
    components::{
        announcer::Announcer, footer::SiteFooter, header::SiteHeader, scroll_to_top::ScrollToTop,
        skip_link::SkipLink,
    },
    data::Store,
    ready::{CurrentRoute, PageReady},
    routes::RoutedPage,
};

/// Mounts the app into the page's `<body>`.
pub fn start() {
    leptos::mount::mount_to_body(App);
}

/// The whole app: header, the routed page, footer.
#[component]
pub fn App() -> impl IntoView {
    let root = site_root();
    // The router wants the base without its trailing slash, and none at all for `/`.
    let router_base = root.trim_end_matches('/').to_owned();
    Store::provide(root);
    PageReady::provide();
    let prerendered = PrerenderedPage::find();
    // Whether the app draws the page, rather than the pre-rendered copy showing it.
    let shown = RwSignal::new(prerendered.is_none());
    provide_context(AppShown(shown));
    // Whether the app's shell shows: from before the first navigation
    // (see `TakeOver`), with the pre-rendered content in its `<main>`.
    let shell_shown = RwSignal::new(prerendered.is_none());

    // The router runs from the start: it follows every link click. The
    // shell (header, footer) is drawn at the start too, hidden, and so are
    // the routes, drawing nothing, so that the first navigation draws only
    // its page: the first page's route was pre-rendered and is never drawn.
    view! {
        <Router base=router_base>
          <ProvideCurrentRoute/>
          <TakeOver prerendered shell_shown shown/>
          <Prefetch/>
          <OpenOnTap/>
          <CopyOnClick/>
          <ArchiveYearsInPlace/>
          <PlayEmbedsOnClick/>
          <RouteChanges/>
          <Announcer/>
          <ScrollToTop/>
          <SearchShortcut/>
          <div id=dom::APP_ID hidden=move || !shell_shown.get()>
            <SkipLink/>
            <SiteHeader/>
            <main id=move || shell_shown.get().then_some(dom::MAIN_ID) class="main" tabindex="-1">
                <Routes fallback=RoutedPage>
                    <Route path=path!("/*any") view=RoutedPage/>
                </Routes>
            </main>
            <SiteFooter/>
          </div>
        </Router>
    }
}

/// Whether the app draws the page (rather than the pre-rendered copy
/// showing it): the routed page draws nothing until then.
#[derive(Clone, Copy)]
pub struct AppShown(pub RwSignal<bool>);

/// Makes the route the address names available to every view and behaviour.
#[component]
fn ProvideCurrentRoute() -> impl IntoView {
    let location = use_location();
    let store = Store::get();
    provide_context(CurrentRoute(Memo::new(move |_| {
        route_at(&store.root(), &location.pathname.get(), &store.list_names())
    })));
}
