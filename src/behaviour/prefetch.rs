//! Loading a page's data, and a post's body, before the reader clicks.

use leptos::{ev, prelude::*};
use quire_core::{markup, route::Route, route_data::RouteData};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlAnchorElement;

use crate::{
    address::linked_route,
    behaviour::{
        layout::{PreparedPost, lay_out_ahead, lay_out_list_ahead},
        rehearsal::rehearse_post,
    },
    data::{Load, Store},
    ready::CurrentRoute,
    schedule::{next_frame, when_idle},
};

/// The most posts fetched, unasked, for the links on one page's screen.
const ON_SCREEN_POSTS: usize = 2;

/// The most words fetched, unasked, for one page's screen: about 9 KB
/// compressed, which is what a reader who never clicks pays.
const ON_SCREEN_WORDS: usize = 4_000;

/// The most list pages (a tag, the next page) whose data is fetched,
/// unasked, for one page's screen: a few KB each.
const ON_SCREEN_LISTS: usize = 2;

/// What one page's screen has spent on fetching ahead.
#[derive(Default)]
struct Spent {
    /// The page's path.
    path: String,
    posts: usize,
    words: usize,
    lists: usize,
}

/// Starts loading a page's data, and a post's body, before the reader
/// opens it: as soon as they show intent (pointing at, focusing or touching
/// any link to it), and, when the browser is idle, for the first links to
/// posts and lists on screen (a post's next and previous post first),
/// within a small budget per page and not at all
/// when the reader's browser asks to save data. One listener on the
/// document serves every link, present and future. Once the body of a post
/// is here and the browser is idle, its text is laid out ahead, and the
/// first time, the post is drawn once out of sight (`rehearsal`); a list's
/// page fetched ahead is laid out once when its data is here.
#[component]
pub fn Prefetch() -> impl IntoView {
    let store = Store::get();
    let prepared = PreparedPost::provide();
    let arriving = RwSignal::new(None::<String>);
    let on_intent = move |target: Option<web_sys::EventTarget>| {
        let link = target
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten())
            .and_then(|link| link.dyn_into::<HtmlAnchorElement>().ok());
        let Some(route) = link.and_then(|link| linked_route(&store, &link)) else {
            return;
        };
        // A post's body comes with its data, or at once for a post a list
        // names. Fetched ahead: only a click may reload the page into a
        // newer release.
        let body_unasked = match &route {
            Route::Content { path } => store
                .known_post(path)
                .is_none_or(|post| store.body_untracked(&post.slug).is_none()),
            _ => false,
        };
        if let Route::Content { path } = &route {
            if store.load_route_ahead(&route) || body_unasked {
                arriving.set(Some(path.clone()));
            }
        } else {
            store.load_route_ahead_then(&route, lay_out_list_when_here);
        }
    };
    // The post prefetched last is laid out ahead once its body is here.
    Effect::new(move |_| {
        let Some(path) = arriving.get() else {
            return;
        };
        let Load::Ready(site) = store.site_untracked() else {
            return;
        };
        let post = match store.route_data(&Route::Content { path: path.clone() }) {
            Some(Load::Ready(Some(data))) => data.post().cloned(),
            Some(Load::Ready(None) | Load::Failed(_)) => None,
            None | Some(Load::Loading) => match store.known_post(&path) {
                Some(post) => Some(post),
                // Its data is on its way, and names its body.
                None => return,
            },
        };
        let Some(post) = post else {
            arriving.set(None);
            return;
        };
        match store.body(&post.slug) {
            None | Some(Load::Loading) => {}
            Some(Load::Ready(rendered)) => {
                arriving.set(None);
                let html = markup::post_content(&store.root(), &site.site, &post, &rendered);
                let route = Route::post(&post);
                let address = route.href(&store.root());
                when_idle(move || {
                    if let Some(content) = lay_out_ahead(&address, &html) {
                        prepared.keep(post.slug.clone(), content);
                    }
                    // In a task of its own: each is short.
                    when_idle(move || rehearse_post(store, site, &route, post));
                });
            }
            Some(Load::Failed(_)) => arriving.set(None),
        }
    });

    let spent = StoredValue::new(Spent::default());
    let current = CurrentRoute::get();
    let on_screen = move || {
        if saves_data() {
            return;
        }
        let page = window().location().pathname().unwrap_or_default();
        let here = current.get_untracked();
        spent.update_value(|spent| {
            if spent.path != page {
                *spent = Spent {
                    path: page,
                    ..Spent::default()
                };
            }
            for link in links_on_screen() {
                // Spent: no more looking at the page's links.
                if spent.posts >= ON_SCREEN_POSTS && spent.lists >= ON_SCREEN_LISTS {
                    break;
                }
                let Some(route) = linked_route(&store, &link).filter(|route| *route != here) else {
                    continue;
                };
                let Route::Content { path } = &route else {
                    if spent.lists < ON_SCREEN_LISTS
                        && store.load_route_ahead_then(&route, lay_out_list_when_here)
                    {
                        spent.lists += 1;
                    }
                    continue;
                };
                // The posts this page lists, which its data names.
                let Some(post) = store.known_post(path) else {
                    continue;
                };
                if spent.posts >= ON_SCREEN_POSTS || spent.words + post.word_count > ON_SCREEN_WORDS
                {
                    continue;
                }
                if store.load_body_ahead(&post) {
                    store.load_route_ahead(&route);
                    spent.posts += 1;
                    spent.words += post.word_count;
                    // The first one (the next post, or the nearest the top)
                    // is the one laid out ahead.
                    if spent.posts == 1 {
                        arriving.set(Some(post.path.clone()));
                    }
                }
            }
        });
    };
    // The pre-rendered page's data: a list's names the posts it links to;
    // a post's, without the body the reader has in front of them, makes
    // coming back to it a round trip shorter.
    Effect::new(move |_| {
        if matches!(store.site(), Load::Ready(_)) && !saves_data() {
            store.load_route_data_ahead(&current.get_untracked());
        }
    });
    // Each page shown, once its data is here, after its first frame, when
    // the browser is idle.
    let page_to_look_at = Memo::new(move |_| {
        let here = current.get();
        matches!(store.route_data(&here), Some(Load::Ready(Some(_)))).then_some(here)
    });
    Effect::new(move |_| {
        if page_to_look_at.get().is_some() {
            next_frame(move || when_idle(on_screen));
        }
    });
    let handles = [
        window_event_listener(ev::mouseover, move |event| on_intent(event.target())),
        window_event_listener(ev::focusin, move |event| on_intent(event.target())),
        window_event_listener(ev::touchstart, move |event| on_intent(event.target())),
        window_event_listener(ev::scrollend, move |_| when_idle(on_screen)),
    ];
    on_cleanup(move || handles.into_iter().for_each(|handle| handle.remove()));
}

/// Lays out a list page fetched ahead, its data just here, when the
/// browser is next idle (see [`lay_out_list_ahead`]).
fn lay_out_list_when_here(store: &Store, route: &Route, data: &RouteData) {
    let Load::Ready(site) = store.site_untracked() else {
        return;
    };
    let root = store.root();
    if let Some((_, html)) = markup::list_view(&root, &site.site, data) {
        let address = route.href(&root);
        when_idle(move || lay_out_list_ahead(&address, &html));
    }
}

/// The links in the page's main content that are on screen: those to the
/// next and previous post first, then the others from the top.
fn links_on_screen() -> Vec<HtmlAnchorElement> {
    let Ok(links) = document().query_selector_all("main a[href]") else {
        return Vec::new();
    };
    let height = window()
        .inner_height()
        .ok()
        .and_then(|height| height.as_f64())
        .unwrap_or_default();
    let visible = (0..links.length())
        .filter_map(|at| links.item(at)?.dyn_into::<HtmlAnchorElement>().ok())
        .filter(|link| {
            let rect = link.get_bounding_client_rect();
            // A hidden link (the app's, before it is shown) has no size.
            rect.width() > 0.0 && rect.bottom() > 0.0 && rect.top() < height
        });
    // At the end of a post, the links to the next (older) and previous post
    // are the reader's way on, the next first for a reader who came from the
    // newest: they come before the related posts above them. (Partitions,
    // not a sort: a sort's code costs the wasm 2 KB.)
    let (mut on_screen, others): (Vec<_>, Vec<_>) = visible.partition(|link| link.rel() == "next");
    let (previous, others): (Vec<_>, Vec<_>) =
        others.into_iter().partition(|link| link.rel() == "prev");
    on_screen.extend(previous);
    on_screen.extend(others);
    on_screen
}

/// Whether the reader's browser asks to save data (Save-Data, or a 2G
/// connection), read from `navigator.connection` where there is one.
fn saves_data() -> bool {
    let Ok(connection) = js_sys::Reflect::get(&window().navigator(), &"connection".into()) else {
        return false;
    };
    if connection.is_undefined() || connection.is_null() {
        return false;
    }
    let read = |key: &str| js_sys::Reflect::get(&connection, &JsValue::from_str(key)).ok();
    read("saveData").and_then(|value| value.as_bool()) == Some(true)
        || read("effectiveType")
            .and_then(|value| value.as_string())
            .is_some_and(|kind| kind.ends_with("2g"))
}
