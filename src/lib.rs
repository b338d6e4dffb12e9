//! Quire's reader: a Leptos single-page app that shows the blog the build
//! tool described in its manifest.
//!
//! `data` does every fetch; `routes` has one view per URL Hugo would serve;
//! `components` has the pieces those views share; `takeover` hands the
//! build's pre-rendered page over to the app at the first navigation;
//! `schedule` runs work at the next frame or when the browser is idle.

pub mod components;
pub mod data;
pub mod routes;
pub mod schedule;
pub mod takeover;

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};
use quire_core::listing::paths::root_path;

use crate::{
    components::{
        announcer::Announcer,
        copy::CopyOnClick,
        footer::SiteFooter,
        header::SiteHeader,
        navigation::{RouteChanges, ScrollToTop},
        prefetch::PrefetchOnIntent,
        search_shortcut::SearchShortcut,
        skip_link::SkipLink,
    },
    data::Store,
    routes::{
        archives::ArchivesPage, home::HomePage, not_found::NotFoundPage, post::PostPage,
        search::SearchPage, tag::TagPage, tags::TagsPage,
    },
    takeover::{APP_ID, PrerenderedPage, TakeOver},
};

/// Mounts the app into the page's `<body>`.
pub fn start() {
    leptos::mount::mount_to_body(App);
}

/// The path the page says the site lives under, from its `<base href>`
/// (which Trunk fills in from `--public-url`).
fn site_root() -> String {
    document()
        .base_uri()
        .ok()
        .flatten()
        .map_or_else(|| "/".to_owned(), |base| root_path(&base))
}

/// The whole app: header, the routed page, footer.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let root = site_root();
    // The router wants the base without its trailing slash, and none at all for `/`.
    let router_base = root.trim_end_matches('/').to_owned();
    Store::provide(root);
    let prerendered = PrerenderedPage::find();
    // Whether the app draws the page, rather than the pre-rendered copy showing it.
    let shown = RwSignal::new(prerendered.is_none());

    // The router runs from the start: it follows every link click. The
    // shell (header, footer) is drawn at the start too, hidden, so that the
    // first navigation draws only its route. The routes are drawn when the
    // app is first shown, and then only for the address it is shown for:
    // the first page's route was pre-rendered and is never drawn.
    view! {
        <Router base=router_base>
          <TakeOver prerendered shown/>
          <PrefetchOnIntent/>
          <CopyOnClick/>
          <RouteChanges/>
          <Announcer/>
          <ScrollToTop/>
          <SearchShortcut/>
          <div id=APP_ID hidden=move || !shown.get()>
            <SkipLink/>
            <SiteHeader/>
            <main id=move || shown.get().then_some("main") class="main" tabindex="-1">
                <Show when=move || shown.get()>
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=HomePage/>
                        <Route path=path!("/page/:page") view=HomePage/>
                        <Route path=path!("/posts/:slug") view=PostPage/>
                        <Route path=path!("/tags") view=TagsPage/>
                        <Route path=path!("/tags/:tag") view=TagPage/>
                        <Route path=path!("/tags/:tag/page/:page") view=TagPage/>
                        <Route path=path!("/archives") view=ArchivesPage/>
                        <Route path=path!("/search") view=SearchPage/>
                    </Routes>
                </Show>
            </main>
            <SiteFooter/>
          </div>
        </Router>
    }
}
