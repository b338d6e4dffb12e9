//! The one router route, which draws each [`Route`] from its data: a list
//! (home, a term, a section, a taxonomy's index) from its shared markup,
//! and the views with behaviour of their own (a post, search, not-found)
//! from their modules.

pub mod not_found;
pub mod post;
pub mod search;

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use quire_core::{
    markup,
    route::{Route, same_path},
    route_data::{RouteData, SiteData},
};

use crate::{
    AppShown,
    address::as_written,
    behaviour::layout::lay_out_archive_later,
    components::{
        markup_view::MarkupView,
        page_meta::PageMeta,
        status::{LoadFailed, Loading, WithSite},
    },
    data::{Load, Store},
    ready::{CurrentRoute, PageReady},
};

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
        Route::Search => view! { <search::SearchPage/> }.into_any(),
        route => view! { <DataPage route/> }.into_any(),
    }
}

/// A route drawn from its data ([`RouteData`]), fetched unless it is here:
/// a quiet placeholder until then, the reason and a retry on failure,
/// not-found for an address with none.
#[component]
fn DataPage(route: Route) -> impl IntoView {
    let store = Store::get();
    let state = {
        let route = route.clone();
        Memo::new(move |_| store.route_data(&route))
    };
    {
        let route = route.clone();
        Effect::new(move |_| {
            if store.site_settled() {
                store.load_route(&route);
            }
        });
    }
    PageReady::mark_when(route.clone(), move || {
        match (store.site_settled(), state.get()) {
            (true, None) => matches!(store.site(), Load::Failed(_)),
            (_, Some(Load::Ready(Some(data)))) => data.post().is_none_or(|post| {
                matches!(
                    store.body(&post.slug),
                    Some(Load::Ready(_) | Load::Failed(_))
                )
            }),
            (_, Some(Load::Ready(None) | Load::Failed(_))) => true,
            _ => false,
        }
    });
    Effect::new(move |_| {
        if let Some(Load::Ready(Some(data))) = state.get()
            && matches!(
                *data,
                RouteData::Archives(_) | RouteData::ArchiveYear { .. }
            )
        {
            lay_out_archive_later();
        }
    });
    let navigate = use_navigate();
    view! {
        <WithSite ready=move |site| {
            let route = route.clone();
            let navigate = navigate.clone();
            move || match state.get() {
                None | Some(Load::Loading) => view! { <Loading label="Loading posts…"/> }.into_any(),
                Some(Load::Failed(error)) => {
                    let route = route.clone();
                    view! { <LoadFailed error retry=move || { store.load_route(&route); }/> }.into_any()
                }
                Some(Load::Ready(None)) => view! { <not_found::NotFound/> }.into_any(),
                Some(Load::Ready(Some(data))) => {
                    if let RouteData::Moved(to) = &*data {
                        navigate(&format!("{}{to}", store.root()), as_written(true));
                        return ().into_any();
                    }
                    draw(Arc::clone(&site), data)
                }
            }
        }/>
    }
}

/// A route's view from its data.
fn draw(site: Arc<SiteData>, data: Arc<RouteData>) -> AnyView {
    match &*data {
        RouteData::Post(page) => {
            let page = page.as_ref().clone();
            view! { <post::PostView page site/> }.into_any()
        }
        data => match markup::list_view(&Store::get().root(), &site.site, data) {
            Some((text, html)) => view! {
                <PageMeta text site=site.site.title.clone()/>
                <MarkupView html/>
            }
            .into_any(),
            None => ().into_any(),
        },
    }
}
