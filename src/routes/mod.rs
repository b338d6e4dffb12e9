//! One view per URL, with Hugo's URLs.

pub mod archives;
pub mod home;
pub mod not_found;
pub mod post;
pub mod search;
pub mod tag;
pub mod tags;

use leptos::prelude::*;
use leptos_router::{NavigateOptions, hooks::use_params_map};

/// The `:page` parameter of a paginated list: `Some(1)` when absent,
/// `None` when it is not a page number.
pub(crate) fn page_param() -> Memo<Option<usize>> {
    let params = use_params_map();
    Memo::new(move |_| match params.read().get("page") {
        None => Some(1),
        Some(text) => text.parse::<usize>().ok().filter(|n| *n >= 1),
    })
}

/// How `navigate` must follow a path from `Store::href`: as it is. Left to
/// resolve it, the router adds the sub-path a second time, and turns the
/// home page `/blog/` into `/blog`.
pub(crate) fn as_written(replace: bool) -> NavigateOptions {
    NavigateOptions {
        resolve: false,
        replace,
        ..Default::default()
    }
}
