//! Every request the app makes: the site's data, once, each route's data
//! and each post body, once, and the search index's pieces.
//!
//! Views never fetch. They read the [`Store`]'s signals, which hold what has
//! arrived, and ask it to load what is missing. Keeping this in one module
//! means that changing where data lives touches only this file.

use std::{
    cell::Cell,
    collections::{HashMap, HashSet},
    fmt,
    rc::Rc,
    sync::Arc,
    time::Duration,
};

use gloo_net::http::{Request, Response};
use js_sys::Uint8Array;
use leptos::{prelude::*, task::spawn_local};
use quire_core::{
    listing::ArchiveYear,
    manifest::PostSummary,
    markdown::{PageContext, Prepared, Rendered, render_body},
    route::{ListNames, Route},
    route_data::{RouteData, SITE_META, SiteData},
    search::{SearchDoc, SearchMeta, TermPiece, Terms},
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader};

/// Why a year's rows did not come: the site changed under the reader.
const NO_SUCH_YEAR: &str = "The blog no longer has posts of that year.";

/// What to do with a route's data fetched ahead once it is here (a plain
/// function: one copy in the wasm, whatever the caller).
pub type OnArrival = fn(&Store, &Route, &RouteData);

/// The state of something fetched.
#[derive(Debug, Clone, PartialEq)]
pub enum Load<T> {
    /// Requested, not arrived yet.
    Loading,
    /// Arrived and usable.
    Ready(T),
    /// Could not be had; the reader is told why and offered a retry.
    Failed(LoadError),
}

impl<T> From<Result<T, LoadError>> for Load<T> {
    fn from(result: Result<T, LoadError>) -> Self {
        match result {
            Ok(value) => Load::Ready(value),
            Err(error) => Load::Failed(error),
        }
    }
}

/// Why a request failed, in words a reader understands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError(String);

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LoadError {}

/// The app's data: the site, each route's data and the post bodies seen
/// so far.
#[derive(Clone, Copy)]
pub struct Store {
    site: RwSignal<Load<Arc<SiteData>>>,
    /// Each route's data by its address ([`Route::path`]); `Ready(None)`
    /// for an address that names no page.
    routes: RwSignal<HashMap<String, Load<Option<Arc<RouteData>>>>>,
    /// The archive's years whose rows the reader asked to see; their
    /// data may have come ahead, unasked, and is not shown until then.
    opened_years: RwSignal<HashSet<i32>>,
    bodies: RwSignal<HashMap<String, Load<Arc<Rendered>>>>,
    /// Nothing until search is first opened: the index is never part of a first visit.
    search: SearchPieces,
    root: StoredValue<String>,
    /// Files (route data, bodies) on their way unasked (fetched ahead),
    /// until the reader asks for one: a missing file then only fails,
    /// rather than reloading the page under a reader who did nothing.
    ahead: StoredValue<HashSet<String>>,
}

impl Store {
    /// Creates the store, starts fetching the site's data and makes the
    /// store available to every view through context.
    pub fn provide(root: String) -> Self {
        let store = Self {
            site: RwSignal::new(Load::Loading),
            routes: RwSignal::new(HashMap::new()),
            opened_years: RwSignal::new(HashSet::new()),
            bodies: RwSignal::new(HashMap::new()),
            search: SearchPieces::default(),
            root: StoredValue::new(root),
            ahead: StoredValue::new(HashSet::new()),
        };
        store.load_site();
        provide_context(store);
        store
    }

    /// The store provided by [`Store::provide`].
    pub fn get() -> Self {
        expect_context()
    }

    /// The path the site is served under: `/` or `/blog/`.
    pub fn root(&self) -> String {
        self.root.get_value()
    }

    /// The link to a route: its address with the site's sub-path.
    pub fn href(&self, route: &Route) -> String {
        self.root.with_value(|root| route.href(root))
    }

    /// The site's data; views re-render when it arrives.
    pub fn site(&self) -> Load<Arc<SiteData>> {
        self.site.get()
    }

    /// The site's data, without subscribing to it.
    pub fn site_untracked(&self) -> Load<Arc<SiteData>> {
        self.site.get_untracked()
    }

    /// Whether the site's data has arrived or failed; tracked.
    pub fn site_settled(&self) -> bool {
        self.site.with(|site| !matches!(site, Load::Loading))
    }

    /// The names that make an address a list (taxonomies, sections): the
    /// site's once its data is here; tracked.
    pub fn list_names(&self) -> ListNames {
        self.site.with(|site| match site {
            Load::Ready(site) => site.list_names(),
            _ => ListNames::default(),
        })
    }

    /// [`Store::list_names`], without subscribing to the site.
    pub fn list_names_untracked(&self) -> ListNames {
        untrack(|| self.list_names())
    }

    /// Fetches the site's data again after a failure.
    pub fn retry_site(&self) {
        self.site.set(Load::Loading);
        self.load_site();
    }

    fn load_site(&self) {
        let store = *self;
        spawn_local(async move {
            let Some(url) = site_data_url() else {
                store.site.set(Load::Failed(LoadError(
                    "This page does not say where the blog's data is: it was not written by `quire build`.".to_owned(),
                )));
                return;
            };
            let site = fetch_json::<SiteData>(&url, "The blog's data").await;
            store.site.set(site.map(Arc::new).into());
        });
    }

    /// A route's data; `None` until [`Store::load_route`] is called for it
    /// once the site's data is here. Tracked.
    pub fn route_data(&self, route: &Route) -> Option<Load<Option<Arc<RouteData>>>> {
        let path = route.path();
        self.routes.with(|routes| routes.get(&path).cloned())
    }

    /// [`Store::route_data`], without subscribing to it.
    pub fn route_data_untracked(&self, route: &Route) -> Option<Load<Option<Arc<RouteData>>>> {
        untrack(|| self.route_data(route))
    }

    /// Starts fetching a route's data unless it is here or on its way
    /// (again after a failure); a post's data brings its body. Needs the
    /// site's data: before it, does nothing and says so (`false`).
    pub fn load_route(&self, route: &Route) -> bool {
        self.fetch_route(route, false, true, None)
    }

    /// [`Store::load_route`] for a route the reader has not asked for yet;
    /// a failed one is left alone.
    pub fn load_route_ahead(&self, route: &Route) -> bool {
        self.fetch_route(route, true, true, None)
    }

    /// [`Store::load_route_ahead`], calling `on_arrival` with the data once
    /// it is here: not when it was here or on its way already, when none
    /// comes, or when the reader asked for it meanwhile.
    pub fn load_route_ahead_then(&self, route: &Route, on_arrival: OnArrival) -> bool {
        self.fetch_route(route, true, true, Some(on_arrival))
    }

    /// [`Store::load_route_ahead`] without a post's body: the pre-rendered
    /// page's own, whose body the reader has in front of them.
    pub fn load_route_data_ahead(&self, route: &Route) -> bool {
        self.fetch_route(route, true, false, None)
    }

    fn fetch_route(
        &self,
        route: &Route,
        ahead: bool,
        with_body: bool,
        on_arrival: Option<OnArrival>,
    ) -> bool {
        let Load::Ready(site) = self.site_untracked() else {
            return false;
        };
        // Search draws from its index, not from data of its own.
        if *route == Route::Search {
            return false;
        }
        let url = site.route_data_path(route);
        if !ahead {
            self.ahead.update_value(|files| {
                files.remove(&url);
            });
        }
        let path = route.path();
        let state = self
            .routes
            .with_untracked(|routes| routes.get(&path).cloned());
        match state {
            Some(Load::Ready(data)) => {
                if let Some(page) = data.as_deref().and_then(RouteData::post)
                    && with_body
                {
                    self.load_post_body(page, ahead);
                }
                return false;
            }
            Some(Load::Loading) => return false,
            Some(Load::Failed(_)) if ahead => return false,
            _ => {}
        }
        if ahead {
            self.ahead.update_value(|files| {
                files.insert(url.clone());
            });
        }
        // A post a list names: its body need not wait for its page's data.
        if let Route::Content { path: post_path } = route
            && with_body
            && let Some(post) = self.known_post(post_path)
        {
            self.load_post_body(&post, ahead);
        }
        self.routes.update(|routes| {
            routes.insert(path.clone(), Load::Loading);
        });
        let store = *self;
        let on_arrival = on_arrival.map(|call| (call, route.clone()));
        spawn_local(async move {
            let asked = || !store.ahead.with_value(|files| files.contains(&url));
            let what = "This page's data";
            let data = fetch_file(&url, what, &asked, None).await.and_then(|text| {
                text.map(|text| parse_json::<RouteData>(&text, what).map(Arc::new))
                    .transpose()
            });
            let asked = asked();
            store.ahead.update_value(|files| {
                files.remove(&url);
            });
            if let Ok(Some(page)) = data
                .as_ref()
                .map(|data| data.as_deref().and_then(RouteData::post))
                && (with_body || asked)
            {
                store.load_post_body(page, !asked);
            }
            // Asked for meanwhile: the reader is opening it.
            if let (Some((on_arrival, route)), false, Ok(Some(data))) = (on_arrival, asked, &data) {
                on_arrival(&store, &route, data);
            }
            store.routes.update(|routes| {
                // Missing, and not asked for: perhaps a newer release's
                // doing, which only a click may reload into; that click
                // fetches it again.
                if !asked && matches!(data, Ok(None)) {
                    routes.remove(&path);
                } else {
                    routes.insert(path, Load::from(data));
                }
            });
        });
        true
    }

    /// The archive's years whose rows the reader asked to see, each with
    /// its rows as they stand, from the year's own page's data (`None`
    /// until fetching it starts). Tracked.
    pub fn opened_archive_years(&self) -> Vec<(i32, Option<Load<ArchiveYear>>)> {
        let opened: Vec<i32> = self
            .opened_years
            .with(|years| years.iter().copied().collect());
        opened
            .into_iter()
            .map(|year| {
                let rows = self
                    .route_data(&Route::ArchiveYear { year })
                    .map(|state| match state {
                        Load::Ready(Some(data)) => match &*data {
                            RouteData::ArchiveYear { year, .. } => Load::Ready(year.clone()),
                            _ => Load::Failed(LoadError(NO_SUCH_YEAR.to_owned())),
                        },
                        Load::Ready(None) => Load::Failed(LoadError(NO_SUCH_YEAR.to_owned())),
                        Load::Loading => Load::Loading,
                        Load::Failed(error) => Load::Failed(error),
                    });
                (year, rows)
            })
            .collect()
    }

    /// The reader asks to see a year's rows in the archive: fetches the
    /// year's data unless it is here or on its way (again after a failure).
    pub fn open_archive_year(&self, year: i32) {
        self.opened_years.update(|years| {
            years.insert(year);
        });
        self.load_route(&Route::ArchiveYear { year });
    }

    fn load_post_body(&self, post: &PostSummary, ahead: bool) {
        if ahead {
            self.load_body_ahead(post);
        } else {
            self.load_body(post);
        }
    }

    /// What the store knows of the post at `path` (below the site root,
    /// decoded) from the routes' data fetched so far: lists name their posts.
    pub fn known_post(&self, path: &str) -> Option<PostSummary> {
        self.routes.with_untracked(|routes| {
            routes
                .values()
                .filter_map(|state| match state {
                    Load::Ready(Some(data)) => Some(data),
                    _ => None,
                })
                .find_map(|data| data.posts().find(|post| post.path == path).cloned())
        })
    }

    /// A post body's state; `None` until [`Store::load_body`] is called for it.
    pub fn body(&self, slug: &str) -> Option<Load<Arc<Rendered>>> {
        self.bodies.with(|bodies| bodies.get(slug).cloned())
    }

    /// A post body's state, without making the caller re-run when it changes.
    pub fn body_untracked(&self, slug: &str) -> Option<Load<Arc<Rendered>>> {
        self.bodies
            .with_untracked(|bodies| bodies.get(slug).cloned())
    }

    /// Starts fetching a post's body unless it is loaded or on its way, so a
    /// body is fetched once however often a reader opens or hovers its link;
    /// after a failure, it fetches again (the retry button, or pointing at
    /// the link once more). Says whether it started.
    pub fn load_body(&self, post: &PostSummary) -> bool {
        // Asked for now, if it was on its way unasked.
        self.ahead.update_value(|ahead| {
            ahead.remove(&post.body);
        });
        let known = matches!(
            self.body_untracked(&post.slug),
            Some(Load::Ready(_) | Load::Loading)
        );
        if !known {
            self.fetch_body(post);
        }
        !known
    }

    /// Starts fetching a post's body the reader has not asked for yet, unless
    /// it is loaded, on its way or failed; says whether it started.
    pub fn load_body_ahead(&self, post: &PostSummary) -> bool {
        if self.body_untracked(&post.slug).is_some() {
            return false;
        }
        self.ahead.update_value(|ahead| {
            ahead.insert(post.body.clone());
        });
        self.fetch_body(post);
        true
    }

    fn fetch_body(&self, post: &PostSummary) {
        let bodies = self.bodies;
        let ahead = self.ahead;
        let asked = {
            let url = post.body.clone();
            move || !ahead.with_value(|ahead| ahead.contains(&url))
        };
        let slug = post.slug.clone();
        let page_path = Route::post(post).path();
        let is_html = post.body_is_html();
        let raw_html = match self.site.get_untracked() {
            Load::Ready(site) => site.site.raw_html,
            _ => Default::default(),
        };
        let url = post.body.clone();
        let prepared_url = post.prepared.clone();
        let root = self.root();
        bodies.update(|bodies| {
            bodies.insert(slug.clone(), Load::Loading);
        });
        spawn_local(async move {
            // The body and what the build prepared for it travel side by side.
            let (markdown, prepared) =
                futures::join!(fetch_text(&url, "This post", &asked, None), async {
                    match &prepared_url {
                        Some(prepared_url) => {
                            fetch_text(prepared_url, "The post's code and math", &asked, None)
                                .await
                                .ok()
                        }
                        None => None,
                    }
                });
            // Without it, code shows uncoloured and math as TeX.
            let prepared: Prepared = prepared
                .and_then(|json| serde_json::from_str(&json).ok())
                .unwrap_or_default();
            let rendered = markdown.map(|markdown| {
                let page = PageContext {
                    site_root: &root,
                    page_path: &page_path,
                    raw_html,
                };
                Arc::new(render_body(&markdown, is_html, page, &prepared))
            });
            let state = Load::from(rendered);
            ahead.update_value(|ahead| {
                ahead.remove(&url);
            });
            bodies.update(|bodies| {
                bodies.insert(slug, state);
            });
        });
    }
}

/// The search index as far as the reader's queries have needed it: its
/// meta file, the term pieces fetched (added into one [`Terms`]), and the
/// doc pieces fetched, by number.
#[derive(Clone, Copy)]
struct SearchPieces {
    meta: RwSignal<Option<Load<Arc<SearchMeta>>>>,
    terms: RwSignal<Terms>,
    /// Pieces not here yet are missing; those on their way are `Loading`.
    term_pieces: RwSignal<HashMap<usize, Load<()>>>,
    doc_pieces: RwSignal<HashMap<usize, Load<Arc<Vec<SearchDoc>>>>>,
    wanted: StoredValue<WantedPieces>,
}

/// What the current query needs and which requests are out. A reader
/// types faster than a slow network answers: pieces are fetched a few at a
/// time, the current query's first. A request for a piece that no query
/// needs any more is aborted, so that it leaves its place and its share of
/// the bandwidth to the pieces of what the reader typed since.
#[derive(Default)]
struct WantedPieces {
    /// The term pieces the query needs.
    terms: Vec<usize>,
    /// The doc pieces of its hits, best hit first.
    docs: Vec<usize>,
    /// The requests on their way, each with what aborts it.
    in_flight: Vec<SearchRequest>,
    /// The number the next request gets.
    next_request: u64,
}

impl WantedPieces {
    /// Whether the current query needs `piece`.
    fn wants(&self, piece: SearchPiece) -> bool {
        match piece {
            SearchPiece::Terms(at) => self.terms.contains(&at),
            SearchPiece::Docs(at) => self.docs.contains(&at),
        }
    }
}

/// A search piece on its way.
struct SearchRequest {
    /// Tells the piece's future, when it ends, that it is still awaited.
    number: u64,
    piece: SearchPiece,
    abort: Option<AbortController>,
}

/// Search pieces on their way at once: enough that the runs of words a
/// typed beginning needs go out together, so that the next key finds its
/// own already on their way. What the next key no longer needs is aborted,
/// so it holds back nothing; the bound keeps a beginning that many words
/// share ("tel" begins words in 26 runs of the 10,000-post benchmark's
/// index) from queueing every run at once.
const SEARCH_REQUESTS_AT_ONCE: usize = 8;

/// A piece of the search index.
#[derive(Clone, Copy, PartialEq)]
enum SearchPiece {
    Terms(usize),
    Docs(usize),
}

impl Default for SearchPieces {
    fn default() -> Self {
        Self {
            meta: RwSignal::new(None),
            terms: RwSignal::new(Terms::default()),
            term_pieces: RwSignal::new(HashMap::new()),
            doc_pieces: RwSignal::new(HashMap::new()),
            wanted: StoredValue::new(WantedPieces::default()),
        }
    }
}

impl SearchPieces {
    /// Starts fetching the next pieces wanted, while requests are free.
    fn fetch_next(self) {
        let Some(Load::Ready(meta)) = self.meta.get_untracked() else {
            return;
        };
        // A piece on its way reads as one missing, so marking it wakes no
        // view: under a slow CPU, the views' work for each mark would
        // delay the next request.
        while let Some(piece) = self.next_wanted() {
            let (url, what) = match piece {
                SearchPiece::Terms(at) => {
                    self.term_pieces.update_untracked(|states| {
                        states.insert(at, Load::Loading);
                    });
                    (meta.term_piece_path(at), "Part of the search index")
                }
                SearchPiece::Docs(at) => {
                    self.doc_pieces.update_untracked(|states| {
                        states.insert(at, Load::Loading);
                    });
                    (meta.doc_piece_path(at), "Part of the search results")
                }
            };
            let abort = AbortController::new().ok();
            let cancel = abort.clone();
            let number = self.wanted.try_update_value(|wanted| {
                let number = wanted.next_request;
                wanted.next_request += 1;
                wanted.in_flight.push(SearchRequest {
                    number,
                    piece,
                    abort,
                });
                number
            });
            // One future for both kinds, read once it is here: each future
            // costs the wasm a copy of the request's code.
            spawn_local(async move {
                let text = match url {
                    Some(url) => fetch_text(&url, what, &|| true, cancel.as_ref()).await,
                    // Not reached: a meta file names every piece its posts need.
                    None => Err(damaged(what, &"no such piece")),
                };
                // An aborted request left the list when it was aborted.
                let awaited = self
                    .wanted
                    .try_update_value(|wanted| {
                        let at = wanted
                            .in_flight
                            .iter()
                            .position(|request| Some(request.number) == number)?;
                        wanted.in_flight.swap_remove(at);
                        Some(())
                    })
                    .flatten()
                    .is_some();
                if awaited {
                    self.arrived(piece, text);
                    self.fetch_next();
                }
            });
        }
    }

    /// Aborts the requests for pieces the current query no longer needs;
    /// those pieces count as never asked for (as views read them already),
    /// and their places go to the pieces it does need.
    fn abort_unwanted(self) {
        let aborted = self
            .wanted
            .try_update_value(|wanted| {
                let (kept, aborted) = std::mem::take(&mut wanted.in_flight)
                    .into_iter()
                    .partition::<Vec<_>, _>(|request| wanted.wants(request.piece));
                wanted.in_flight = kept;
                aborted
            })
            .unwrap_or_default();
        for request in aborted {
            if let Some(abort) = request.abort {
                abort.abort();
            }
            match request.piece {
                SearchPiece::Terms(at) => self.term_pieces.update_untracked(|states| {
                    states.remove(&at);
                }),
                SearchPiece::Docs(at) => self.doc_pieces.update_untracked(|states| {
                    states.remove(&at);
                }),
            }
        }
        self.fetch_next();
    }

    /// Keeps a piece that arrived, or why it did not.
    fn arrived(self, piece: SearchPiece, text: Result<String, LoadError>) {
        match piece {
            SearchPiece::Terms(at) => {
                let state = text.and_then(|text| self.add_terms(&text));
                self.term_pieces.update(|states| {
                    states.insert(at, state.into());
                });
            }
            SearchPiece::Docs(at) => {
                let docs = text.and_then(|text| {
                    parse_json::<Vec<SearchDoc>>(&text, "Part of the search results")
                });
                self.doc_pieces.update(|states| {
                    states.insert(at, docs.map(Arc::new).into());
                });
            }
        }
    }

    /// Adds a term piece's words.
    fn add_terms(self, text: &str) -> Result<(), LoadError> {
        const WHAT: &str = "Part of the search index";
        let piece = parse_json::<TermPiece>(text, WHAT)?;
        self.terms
            .try_update(|terms| terms.add(piece))
            .unwrap_or(Ok(()))
            .map_err(|error| damaged(WHAT, &error))
    }

    /// The first wanted piece nobody has asked for, if a request is free.
    fn next_wanted(self) -> Option<SearchPiece> {
        self.wanted.with_value(|wanted| {
            if wanted.in_flight.len() >= SEARCH_REQUESTS_AT_ONCE {
                return None;
            }
            let terms = self.term_pieces.with_untracked(|states| {
                wanted
                    .terms
                    .iter()
                    .find(|piece| !states.contains_key(piece))
                    .copied()
            });
            terms.map(SearchPiece::Terms).or_else(|| {
                self.doc_pieces
                    .with_untracked(|states| {
                        wanted
                            .docs
                            .iter()
                            .find(|piece| !states.contains_key(piece))
                            .copied()
                    })
                    .map(SearchPiece::Docs)
            })
        })
    }
}

impl Store {
    /// The search index's meta file; `None` until [`Store::load_search`] is called.
    pub fn search(&self) -> Option<Load<Arc<SearchMeta>>> {
        self.search.meta.get()
    }

    /// Fetches the search index's meta file, once (again after a failure).
    pub fn load_search(&self) {
        let search = self.search;
        if matches!(
            search.meta.get_untracked(),
            Some(Load::Ready(_) | Load::Loading)
        ) {
            return;
        }
        let Load::Ready(site) = self.site_untracked() else {
            return;
        };
        let Some(url) = site.search.clone() else {
            search.meta.set(Some(Load::Failed(LoadError(
                "This blog was built without a search index.".to_owned(),
            ))));
            return;
        };
        search.meta.set(Some(Load::Loading));
        spawn_local(async move {
            let meta = fetch_json::<SearchMeta>(&url, "The search index").await;
            // No piece is fetched before the meta file is here.
            if let Ok(meta) = &meta {
                search.terms.set(meta.terms());
            }
            search.meta.set(Some(meta.map(Arc::new).into()));
        });
    }

    /// Wants the term pieces `pieces` (the current query's, in place of the
    /// last query's) and fetches those not asked for yet; a failed piece
    /// waits for [`Store::retry_search`]. Tracks the pieces' states.
    pub fn want_search_terms(&self, pieces: &[usize]) {
        self.search.term_pieces.track();
        self.search
            .wanted
            .update_value(|wanted| wanted.terms = pieces.to_vec());
        self.search.abort_unwanted();
    }

    /// Whether the term pieces `pieces` are all here, so that
    /// [`Store::with_search_terms`] searches as the whole index would, on
    /// their way, or one failed. Tracked.
    pub fn search_terms_state(&self, pieces: &[usize]) -> Load<()> {
        self.search.term_pieces.with(|states| {
            let mut state = Load::Ready(());
            for piece in pieces {
                match states.get(piece) {
                    Some(Load::Ready(())) => {}
                    Some(Load::Failed(error)) => return Load::Failed(error.clone()),
                    _ => state = Load::Loading,
                }
            }
            state
        })
    }

    /// Reads the term pieces fetched so far. Tracked.
    pub fn with_search_terms<T>(&self, read: impl FnOnce(&Terms) -> T) -> T {
        self.search.terms.with(read)
    }

    /// Wants the doc pieces `pieces`, best hit's first, as
    /// [`Store::want_search_terms`] does; they come after the term pieces.
    pub fn want_search_docs(&self, pieces: &[usize]) {
        self.search.doc_pieces.track();
        self.search
            .wanted
            .update_value(|wanted| wanted.docs = pieces.to_vec());
        self.search.abort_unwanted();
    }

    /// A doc piece's state; `None` until it is fetched. Tracked.
    pub fn search_docs(&self, piece: usize) -> Option<Load<Arc<Vec<SearchDoc>>>> {
        self.search
            .doc_pieces
            .with(|states| states.get(&piece).cloned())
    }

    /// Wants no search piece any more, and aborts those on their way: the
    /// reader left search, and the page they went to needs the connections.
    pub fn stop_search(&self) {
        self.search.wanted.update_value(|wanted| {
            wanted.terms.clear();
            wanted.docs.clear();
        });
        self.search.abort_unwanted();
    }

    /// Forgets the search pieces that failed, so they are fetched again.
    pub fn retry_search(&self) {
        self.search.term_pieces.update(|states| {
            states.retain(|_, state| !matches!(state, Load::Failed(_)));
        });
        self.search.doc_pieces.update(|states| {
            states.retain(|_, state| !matches!(state, Load::Failed(_)));
        });
    }
}

/// The site data's URL, which every page names in a `<meta>` element; it
/// changes with the content, so caches never serve a stale one.
fn site_data_url() -> Option<String> {
    document()
        .query_selector(&format!("meta[name=\"{SITE_META}\"]"))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|url| !url.is_empty())
}

/// What the server has at the address showing, asked afresh once a file
/// the app needs there is missing.
enum ServedHere {
    /// A page of another release of the site: it was published again
    /// since this page loaded.
    NewerRelease,
    /// A file of the site's own that is no page of the blog's (a whole HTML
    /// document from the content folder, a page or file from `static/`),
    /// or an address the server sends elsewhere (a page's without its
    /// last slash, where the page's name has a dot).
    Elsewhere,
    /// A page of this release (the not-found page, or the home page a
    /// single-page-app host answers every address with), or nothing.
    TheBlogsOrNothing,
}

/// Asks the server for the address showing, bypassing caches.
async fn served_here() -> ServedHere {
    let location = window().location();
    let address = location.pathname().unwrap_or_default() + &location.search().unwrap_or_default();
    let Some(watchdog) = Watchdog::new(None) else {
        return ServedHere::TheBlogsOrNothing;
    };
    let Ok(response) = Request::get(&address)
        .cache(web_sys::RequestCache::NoCache)
        .abort_signal(Some(&watchdog.request.signal()))
        .send()
        .await
    else {
        return ServedHere::TheBlogsOrNothing;
    };
    let found = response.ok();
    let html = response
        .headers()
        .get("content-type")
        .is_some_and(|kind| kind.contains("html"));
    if found && (response.redirected() || !html) {
        // What the server shows there is not this page: its body (a PDF,
        // say) is for the browser to fetch as it goes there.
        watchdog.request.abort();
        return ServedHere::Elsewhere;
    }
    let Ok(page) = read_text(&response, &watchdog).await else {
        return ServedHere::TheBlogsOrNothing;
    };
    match (named_site_data(&page), site_data_url()) {
        (Some(named), Some(ours)) if named != ours => ServedHere::NewerRelease,
        (None, _) if found => ServedHere::Elsewhere,
        _ => ServedHere::TheBlogsOrNothing,
    }
}

/// The site data a page's HTML names in its `<meta name="quire-site">`.
fn named_site_data(page: &str) -> Option<&str> {
    let meta = &page[page.find(&format!("name=\"{SITE_META}\""))?..];
    let content = &meta[meta.find("content=\"")? + "content=\"".len()..];
    content.split('"').next().filter(|url| !url.is_empty())
}

/// Loads the address showing from the server, in place of the history
/// entry the app made for it. Not a reload, nor a navigation to the same
/// address, which Chromium treats as one: a reloaded entry keeps its
/// document, so Back to the app's entries before it would change only the
/// address. The entry is renamed first, so that the address is another.
fn leave_for_the_server() {
    let window = window();
    let Ok(href) = window.location().href() else {
        return;
    };
    if let Ok(history) = window.history() {
        // Another query, not another fragment: a fragment is a jump within
        // the page.
        let renamed = format!(
            "{}?leaving",
            window.location().pathname().unwrap_or_default()
        );
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&renamed));
    }
    let _ = window.location().replace(&href);
}

/// GETs a JSON file relative to the site root and reads it.
async fn fetch_json<T: serde::de::DeserializeOwned>(url: &str, what: &str) -> Result<T, LoadError> {
    let text = fetch_text(url, what, &|| true, None).await?;
    parse_json(&text, what)
}

/// Reads a JSON file the build wrote.
fn parse_json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T, LoadError> {
    serde_json::from_str(text).map_err(|error| damaged(what, &error))
}

/// The message for a file that arrived but cannot be read.
fn damaged(what: &str, error: &dyn fmt::Display) -> LoadError {
    LoadError(format!(
        "{what} is damaged and could not be read ({error})."
    ))
}

/// GETs a file relative to the site root, as [`fetch_file`]; a file that
/// is not there is an error.
async fn fetch_text(
    url: &str,
    what: &str,
    asked: &dyn Fn() -> bool,
    cancel: Option<&AbortController>,
) -> Result<String, LoadError> {
    fetch_file(url, what, asked, cancel).await?.ok_or_else(|| {
        LoadError(format!(
            "{what} could not be found on the server (HTTP 404)."
        ))
    })
}

/// How long an answer may go without a new piece arriving before its
/// request is given up: a connection can stall without failing (a phone
/// between networks, a half-open socket), and the reader would watch the
/// placeholder for good. Each piece that arrives starts the wait again, so
/// a slow link is never cut off, however long its file.
const MOST_SILENCE: Duration = Duration::from_secs(10);

/// How long a request may wait for its answer to begin: longer than
/// [`MOST_SILENCE`], as it may wait behind others for a connection (six
/// to a server over HTTP/1.1) while a slow link carries theirs.
const MOST_WAIT_FOR_ANSWER: Duration = Duration::from_secs(20);

/// How many times a file that stalled is asked for before the reader is told.
const TRIES: usize = 2;

/// Aborts a request whose answer has not begun within
/// [`MOST_WAIT_FOR_ANSWER`], or has gone [`MOST_SILENCE`] without news.
struct Watchdog {
    /// What aborts the request.
    request: AbortController,
    timer: Cell<Option<TimeoutHandle>>,
    /// Whether the silence ran out.
    barked: Rc<Cell<bool>>,
}

impl Watchdog {
    /// Watches a request that `cancel` aborts, or one of its own, made now.
    fn new(cancel: Option<&AbortController>) -> Option<Self> {
        let request = match cancel {
            Some(cancel) => cancel.clone(),
            None => AbortController::new().ok()?,
        };
        let watchdog = Self {
            request,
            timer: Cell::new(None),
            barked: Rc::default(),
        };
        watchdog.wait(MOST_WAIT_FOR_ANSWER);
        Some(watchdog)
    }

    /// Something arrived: the silence is counted from now.
    fn news(&self) {
        self.wait(MOST_SILENCE);
    }

    /// Aborts the request `patience` from now, unless told otherwise.
    fn wait(&self, patience: Duration) {
        self.stop();
        let (request, barked) = (self.request.clone(), Rc::clone(&self.barked));
        let bark = move || {
            barked.set(true);
            request.abort();
        };
        self.timer.set(set_timeout_with_handle(bark, patience).ok());
    }

    /// The request is over.
    fn stop(&self) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
    }
}

/// However a request ends, its watchdog's timer goes with it.
impl Drop for Watchdog {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Reads an answer's body as text, telling `watchdog` of each piece.
async fn read_text(response: &Response, watchdog: &Watchdog) -> Result<String, JsValue> {
    let Some(body) = response.body() else {
        return Ok(String::new());
    };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        watchdog.news();
        let piece = JsFuture::from(reader.read()).await?;
        if js_sys::Reflect::get(&piece, &"done".into())?.is_truthy() {
            break;
        }
        let piece: Uint8Array = js_sys::Reflect::get(&piece, &"value".into())?.unchecked_into();
        let at = bytes.len();
        bytes.resize(at + piece.length() as usize, 0);
        piece.copy_to(&mut bytes[at..]);
    }
    // As `Response.text()` reads it.
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned()))
}

/// GETs a file relative to the site root (the page's `<base href>`);
/// `None` when the server has no such file. A data file that is gone
/// means a new release, or an address where the blog has no page: when the
/// reader `asked` for it, the page reloads into that release, or the
/// browser loads what the server has there ([`served_here`]). `cancel`
/// aborts the request, whose caller then has no use for the answer; a
/// request that stalls ([`Watchdog`]) is made again (not one the caller
/// can cancel: its caller asks again), then fails.
async fn fetch_file(
    url: &str,
    what: &str,
    asked: &dyn Fn() -> bool,
    cancel: Option<&AbortController>,
) -> Result<Option<String>, LoadError> {
    for _ in 0..TRIES {
        let Some(watchdog) = Watchdog::new(cancel) else {
            break;
        };
        let result = fetch_once(url, what, asked, &watchdog).await;
        if !watchdog.barked.get() {
            return result;
        }
        if cancel.is_some() {
            break;
        }
    }
    Err(LoadError(format!(
        "{what} could not be loaded: the server did not answer in time. Check your connection and try again."
    )))
}

/// One try at [`fetch_file`], aborted by `watchdog`.
async fn fetch_once(
    url: &str,
    what: &str,
    asked: &dyn Fn() -> bool,
    watchdog: &Watchdog,
) -> Result<Option<String>, LoadError> {
    let response = Request::get(url)
        .abort_signal(Some(&watchdog.request.signal()))
        .send()
        .await
        .map_err(|_| {
            LoadError(format!("{what} could not be loaded: the network request failed. Check your connection and try again."))
        })?;
    match response.status() {
        200..=299 => read_text(&response, watchdog).await.map(Some).map_err(|_| {
            LoadError(format!(
                "{what} could not be loaded: the download was interrupted."
            ))
        }),
        404 => {
            // Its own request follows, which this one's silence must not cut.
            watchdog.stop();
            // Data files are named after their content: one that is gone was
            // replaced by a new release, which the reader gets. Or the
            // blog has no page here, but the site has a file of its own,
            // which the browser loads.
            if asked() {
                match served_here().await {
                    ServedHere::NewerRelease => {
                        let _ = window().location().reload();
                    }
                    ServedHere::Elsewhere => leave_for_the_server(),
                    ServedHere::TheBlogsOrNothing => {}
                }
            }
            Ok(None)
        }
        status => Err(LoadError(format!(
            "{what} could not be loaded: the server answered HTTP {status}."
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::named_site_data;

    #[test]
    fn reads_the_site_data_a_page_names() {
        let page = r#"<head><meta name="description" content="x"><meta name="quire-site" content="data/site.abc.json"></head>"#;
        assert_eq!(named_site_data(page), Some("data/site.abc.json"));
        assert_eq!(named_site_data("<html></html>"), None);
    }
}
