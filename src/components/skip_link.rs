//! The first thing a keyboard reader meets: a link past the header.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// "Skip to content". Its `href` names the page itself: a bare `#main`
/// would be read against the page's `<base href>`, that is the home page.
#[component]
pub fn SkipLink() -> impl IntoView {
    let location = use_location();
    view! {
        <a class="skip-link" href=move || format!("{}#main", location.pathname.get())>"Skip to content"</a>
    }
}
