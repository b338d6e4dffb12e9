//! The browser's address: where the site lives, which route the address
//! names, and the search query kept in it.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use quire_core::{
    markup,
    route::{self, ListNames, Route, names_other_file, same_path},
};
use wasm_bindgen::JsCast;
use web_sys::HtmlAnchorElement;

use crate::data::Store;

/// The links the app follows itself when clicked: the router leaves a link
/// that opens elsewhere (`target`) or downloads to the browser.
pub const FOLLOWED_LINKS: &str = "a[href]:not([target]):not([download])";

/// The link around `target` (an event's) that the app follows itself, if any.
pub fn followed_link(target: Option<web_sys::EventTarget>) -> Option<HtmlAnchorElement> {
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(FOLLOWED_LINKS)
        .ok()??
        .dyn_into::<HtmlAnchorElement>()
        .ok()
}

/// The path the page says the site lives under, from its `<base href>`
/// (which Trunk fills in from `--public-url`): `/` or `/blog/`.
pub fn site_root() -> String {
    document()
        .base_uri()
        .ok()
        .flatten()
        .map_or_else(|| "/".to_owned(), |base| route::root_path(&base))
}

/// The route an address's path names, below the site at `root`, on a site
/// with these `lists`; a path outside the site names the home page.
pub fn route_at(root: &str, pathname: &str, lists: &ListNames) -> Route {
    let decoded = route::decode_path(pathname);
    let inside = decoded
        .strip_prefix(root)
        .or_else(|| (decoded.clone() + "/").strip_prefix(root).map(|_| ""))
        .unwrap_or("");
    Route::parse(&route::encode_path(inside), lists)
}

/// Whether `link` leads to a page of this site (below its root): files
/// beside the pages (feeds, images) are no pages; Hugo's `.html`
/// addresses are.
pub fn leads_into_site(root: &str, link: &HtmlAnchorElement) -> bool {
    let pathname = link.pathname();
    link.origin() == window().location().origin().unwrap_or_default()
        && pathname.starts_with(root)
        && !names_other_file(&pathname)
}

/// The route `link` leads to, if it leads into this site.
pub fn linked_route(store: &Store, link: &HtmlAnchorElement) -> Option<Route> {
    let root = store.root();
    leads_into_site(&root, link)
        .then(|| route_at(&root, &link.pathname(), &store.list_names_untracked()))
}

/// A path and query as one key. The router gives the query without its
/// `?` and the browser with it: the two must make the same key, or a page
/// opened with a query would count as a page change at once.
pub fn address_of(path: &str, query: &str) -> String {
    let path = route::decode_path(path);
    match query.trim_start_matches('?') {
        "" => path,
        query => format!("{path}?{query}"),
    }
}

/// The page's address (path and query) without its fragment.
pub fn current_address() -> String {
    let location = window().location();
    address_of(
        &location.pathname().unwrap_or_default(),
        &location.search().unwrap_or_default(),
    )
}

/// Whether the address shows `path` (the sub-path included), however
/// either is percent-encoded.
pub fn is_current_path(path: &str) -> bool {
    window()
        .location()
        .pathname()
        .is_ok_and(|current| same_path(&current, path))
}

/// Keeps a search query in the address (`?q=…`), so a reload or a shared
/// link shows the same results, without adding a history entry.
pub fn remember_in_address(query: &str) {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}?q={}", markup::query_escape(query))
    };
    if let Ok(history) = window().history() {
        let _ =
            history.replace_state_with_url(&history.state().unwrap_or_default(), "", Some(&url));
    }
}

/// How `navigate` must follow an href the app built: as it is. Left to
/// resolve it, the router adds the sub-path a second time, and turns the
/// home page `/blog/` into `/blog`.
pub fn as_written(replace: bool) -> NavigateOptions {
    NavigateOptions {
        resolve: false,
        replace,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_are_read_below_the_site_root_in_any_encoding() {
        let lists = ListNames::default();
        let route_at = |root: &str, path: &str| route_at(root, path, &lists);
        assert_eq!(route_at("/blog/", "/blog/"), Route::Home { page: 1 });
        assert_eq!(route_at("/blog/", "/blog"), Route::Home { page: 1 });
        assert_eq!(route_at("/blog/", "/blog/page/3/"), Route::Home { page: 3 });
        assert_eq!(
            route_at("/", "/posts/caf%C3%A9/"),
            Route::Content {
                path: "posts/café/".into()
            }
        );
        assert_eq!(
            route_at("/", "/tags/日本語/page/2/"),
            Route::Term {
                taxonomy: "tags".into(),
                slug: "日本語".into(),
                page: 2
            }
        );
        assert_eq!(route_at("/blog/", "/elsewhere/"), Route::Home { page: 1 });
    }

    #[test]
    fn address_keys_agree_whoever_writes_the_query() {
        assert_eq!(
            address_of("/search/", "?q=rust"),
            address_of("/search/", "q=rust")
        );
        assert_eq!(address_of("/search/", ""), "/search/");
        assert_eq!(
            address_of("/posts/caf%C3%A9/", ""),
            address_of("/posts/café/", "")
        );
    }
}
