//! Which route's page is drawn in full. The route views say so; what waits
//! for a page (restoring a scroll position, moving focus, announcing the
//! title) waits for this signal instead of watching the document.

use leptos::prelude::*;
use quire_core::route::Route;

/// The route whose page is drawn, its content in place (or its failure
/// shown); `None` until the app has drawn one.
#[derive(Clone, Copy)]
pub struct PageReady(RwSignal<Option<Route>>);

impl PageReady {
    /// Creates the signal and makes it available to every view.
    pub fn provide() -> Self {
        let ready = Self(RwSignal::new(None));
        provide_context(ready);
        ready
    }

    /// The signal provided by [`PageReady::provide`].
    pub fn get() -> Self {
        expect_context()
    }

    /// Marks `route`'s page drawn as soon as `drawn` says it is; called by
    /// the route's view, whose effects run once its elements are in place.
    pub fn mark_when(route: Route, drawn: impl Fn() -> bool + 'static) {
        let ready = Self::get();
        Effect::new(move |_| {
            if drawn()
                && ready
                    .0
                    .with_untracked(|shown| shown.as_ref() != Some(&route))
            {
                ready.0.set(Some(route.clone()));
            }
        });
    }

    /// Whether `route`'s page is drawn; tracked.
    pub fn is(&self, route: &Route) -> bool {
        self.0.with(|shown| shown.as_ref() == Some(route))
    }
}

/// The route the address names, for every view and behaviour to share.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub Memo<Route>);

impl CurrentRoute {
    /// The current route, provided by the app.
    pub fn get() -> Memo<Route> {
        expect_context::<Self>().0
    }
}
