//! [`Route::Search`]: results as you type, over titles, summaries, tags and
//! full text.

use std::{collections::HashSet, sync::Arc, time::Duration};

use leptos::{ev, prelude::*};
use leptos_router::hooks::{use_navigate, use_query_map};
use quire_core::{
    dom, markup, page_text,
    route::Route,
    search::{DOCS_PER_PIECE, Ranked, SearchMeta},
};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};

use crate::{
    address::{as_written, is_current_path, remember_in_address},
    behaviour::route_changes::navigations_so_far,
    components::{
        page_meta::PageMeta,
        status::{LoadFailed, Loading, WithSite},
    },
    data::{Load, LoadError, Store},
    ready::PageReady,
};

/// How many results are shown; a reader who needs more types another word.
const MAX_RESULTS: usize = 20;

/// The search page. The index is fetched when the page first opens.
#[component]
pub fn SearchPage() -> impl IntoView {
    let store = Store::get();
    let query_map = use_query_map();
    let query = RwSignal::new(query_map.get_untracked().get("q").unwrap_or_default());
    // The address's query is the field's: a history step between two
    // searches (`?q=a` back to `?q=b`) is the same page with another query.
    Effect::new(move |_| {
        let asked = query_map.read().get("q").unwrap_or_default();
        if asked != query.get_untracked() {
            if let Some(input) = input_element() {
                input.set_value(&asked);
            }
            query.set(asked);
        }
    });
    Effect::new(move |_| {
        if matches!(store.site(), Load::Ready(_)) {
            store.load_search();
        }
    });
    PageReady::mark_when(Route::Search, move || {
        matches!(store.site(), Load::Failed(_))
            || matches!(store.search(), Some(Load::Ready(_) | Load::Failed(_)))
    });
    view! {
        <WithSite ready=move |site| {
            view! {
                <PageMeta text=page_text::search(&site.site) site=site.site.title.clone()/>
                <SearchBox query/>
                {move || match store.search() {
                    None | Some(Load::Loading) => view! { <Loading label="Loading the search index…"/> }.into_any(),
                    Some(Load::Failed(error)) => view! { <LoadFailed error retry=move || store.load_search()/> }.into_any(),
                    Some(Load::Ready(meta)) => view! { <Results meta query/> }.into_any(),
                }}
            }
        }/>
    }
}

/// The search field, drawn from the same markup as the pre-rendered page.
/// Arrow Down moves to the results; Escape clears the field, or leaves
/// search when it is already empty.
#[component]
fn SearchBox(query: RwSignal<String>) -> impl IntoView {
    let navigate = use_navigate();
    let store = Store::get();
    let address_update = StoredValue::new_local(None::<PendingAddress>);
    // A press or an Enter may follow a link away: the query goes into the
    // address first, while it is still the search page's, so that coming
    // back shows it.
    let write_now = move || write_pending(address_update);
    let handles = [
        window_event_listener(ev::pointerdown, move |_| write_now()),
        window_event_listener(ev::keydown, move |event| {
            if event.key() == "Enter" {
                write_now();
            }
        }),
    ];
    on_cleanup(move || handles.into_iter().for_each(|handle| handle.remove()));
    let on_input = move |event: ev::Event| {
        let value = event_target_value(&event);
        remember_in_address_soon(&value, address_update);
        query.set(value);
    };
    let on_keydown = move |event: ev::KeyboardEvent| match event.key().as_str() {
        "ArrowDown" => {
            event.prevent_default();
            focus_result(0);
        }
        "Escape" => {
            event.prevent_default();
            if query.get_untracked().is_empty() {
                // A query cleared a moment ago must not come back with Forward.
                write_now();
                leave_search(&navigate, &store);
            } else {
                remember_in_address_soon("", address_update);
                if let Some(input) = input_element() {
                    input.set_value("");
                }
                query.set(String::new());
            }
        }
        _ => {}
    };
    // Focus follows the page here: a reader who opened search wants to type,
    // after what they typed before the app started, if anything.
    Effect::new(move |_| {
        if let Some(input) = input_element() {
            let _ = input.focus();
            let end = input.value().encode_utf16().count() as u32;
            let _ = input.set_selection_range(end, end);
        }
    });
    let form = markup::search_form(&store.root(), &query.get_untracked());
    view! {
        <div
            class=dom::VIEW_CLASS
            inner_html=form.into_string()
            on:input=on_input
            on:keydown=on_keydown
            on:submit=|event| event.prevent_default()
        ></div>
    }
}

/// The hits for the current query, best first, with the query's words
/// marked. Each keystroke fetches the index's pieces that hold the words
/// typed, if they are not here yet; until they are, the last results stay.
/// The results are drawn in order as their posts arrive.
#[component]
fn Results(meta: Arc<SearchMeta>, query: RwSignal<String>) -> impl IntoView {
    let store = Store::get();
    let navigate = use_navigate();
    let needed = {
        let meta = Arc::clone(&meta);
        Memo::new(move |_| meta.term_pieces(&query.get()))
    };
    Effect::new(move |_| store.want_search_terms(&needed.read()));
    // The query answered last, and its hits; kept while the next query's
    // pieces are on their way.
    let answered = Memo::new(move |previous: Option<&Answer>| {
        let query = query.get();
        match store.search_terms_state(&needed.read()) {
            Load::Ready(()) => Answer::Hits {
                ranked: store.with_search_terms(|terms| terms.ranked(&query, MAX_RESULTS)),
                query,
            },
            Load::Failed(error) => Answer::Failed(error),
            // The last results stay while they come; with none yet (a
            // search opened with its query, or tried again), it says so.
            Load::Loading => match previous {
                Some(hits @ Answer::Hits { .. }) => hits.clone(),
                _ => Answer::Pending,
            },
        }
    });
    let doc_pieces = Memo::new(move |_| match &*answered.read() {
        Answer::Hits { ranked, .. } => {
            // The best hits' pieces first: the browser fetches in this order.
            let mut seen = HashSet::new();
            ranked
                .hits
                .iter()
                .map(|hit| hit.doc as usize / DOCS_PER_PIECE)
                .filter(|piece| seen.insert(*piece))
                .collect::<Vec<_>>()
        }
        Answer::Failed(_) | Answer::Pending => Vec::new(),
    });
    Effect::new(move |_| store.want_search_docs(&doc_pieces.read()));
    on_cleanup(move || store.stop_search());
    let on_keydown = move |event: ev::KeyboardEvent| {
        let position = focused_result();
        match (event.key().as_str(), position) {
            ("ArrowDown", Some(at)) => {
                event.prevent_default();
                focus_result(at + 1);
            }
            ("ArrowUp", Some(0)) => {
                event.prevent_default();
                if let Some(input) = input_element() {
                    let _ = input.focus();
                }
            }
            ("ArrowUp", Some(at)) => {
                event.prevent_default();
                focus_result(at - 1);
            }
            ("Escape", _) => {
                event.prevent_default();
                leave_search(&navigate, &store);
            }
            _ => {}
        }
    };
    // The results whose posts are here, up to the first that is not.
    let shown = Memo::new(move |_| {
        let Answer::Hits { ranked, query } = &*answered.read() else {
            return (String::new(), Vec::new(), false);
        };
        let mut docs = Vec::new();
        for hit in &ranked.hits {
            let piece = hit.doc as usize / DOCS_PER_PIECE;
            let Some(Load::Ready(posts)) = store.search_docs(piece) else {
                break;
            };
            let Some(doc) = posts.get(hit.doc as usize % DOCS_PER_PIECE) else {
                break;
            };
            docs.push(doc.clone());
        }
        let complete = docs.len() == ranked.hits.len();
        (query.clone(), docs, complete)
    });
    let results_html = move || {
        let (query, docs, _) = &*shown.read();
        markup::search_results(&store.root(), docs, query).into_string()
    };
    // Busy until the results drawn are all the current query's.
    let busy = move || {
        let (answers, _, complete) = &*shown.read();
        (!complete || *answers != query.get()).to_string()
    };
    let failure = move || {
        let failed = match &*answered.read() {
            Answer::Failed(error) => Some(error.clone()),
            Answer::Pending => None,
            Answer::Hits { .. } => {
                doc_pieces
                    .read()
                    .iter()
                    .find_map(|piece| match store.search_docs(*piece) {
                        Some(Load::Failed(error)) => Some(error),
                        _ => None,
                    })
            }
        };
        failed.map(|error| view! { <LoadFailed error retry=move || store.retry_search()/> })
    };
    view! {
        <p id="search-status" class="search-status" role="status" aria-live="polite">
            {move || match &*answered.read() {
                Answer::Hits { ranked, query } => {
                    page_text::search_status(query, ranked.matched, ranked.hits.len())
                }
                Answer::Pending => "Searching…".to_owned(),
                Answer::Failed(_) => String::new(),
            }}
        </p>
        {failure}
        // `data-query`: which query the drawn results answer, as they may
        // still be the last query's while this one's pieces arrive.
        <ol
            id="search-results"
            class="search-results"
            aria-busy=busy
            data-query=move || shown.read().0.clone()
            on:keydown=on_keydown
            inner_html=results_html
        ></ol>
    }
}

/// What the results show: the hits of the last query whose pieces are all
/// here, that the first are on their way, or why they could not be had.
#[derive(Clone, PartialEq)]
enum Answer {
    Hits { query: String, ranked: Ranked },
    Pending,
    Failed(LoadError),
}

impl Default for Answer {
    fn default() -> Self {
        Self::Hits {
            query: String::new(),
            ranked: Ranked::default(),
        }
    }
}

/// How long typing pauses before the query goes into the address: the
/// browser takes a few milliseconds for each change of address, too many
/// to spend on every keystroke.
const ADDRESS_UPDATE_AFTER: Duration = Duration::from_millis(400);

/// A query on its way into the address: written when typing pauses, or
/// sooner when the reader presses something, presses Enter or Escape (any
/// of which may leave the page), so a reader who opens a result and comes
/// back finds the query there. A newer query replaces it.
struct PendingAddress {
    /// The query to write.
    query: String,
    /// The search page's path: after a history step the address is another
    /// page's, which must not get the query.
    path: String,
    /// Writes the query when typing pauses; cleared when it is dropped sooner.
    timer: Option<TimeoutHandle>,
}

impl PendingAddress {
    /// Writes the query, unless the reader has left the search page.
    fn write(self) {
        if is_current_path(&self.path) {
            remember_in_address(&self.query);
        }
    }
}

impl Drop for PendingAddress {
    fn drop(&mut self) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
    }
}

/// [`remember_in_address`] once typing pauses, or sooner (see [`PendingAddress`]).
fn remember_in_address_soon(
    query: &str,
    pending: StoredValue<Option<PendingAddress>, LocalStorage>,
) {
    let timer = set_timeout_with_handle(move || write_pending(pending), ADDRESS_UPDATE_AFTER).ok();
    // The query it replaces is dropped unwritten.
    pending.set_value(Some(PendingAddress {
        query: query.to_owned(),
        path: window().location().pathname().unwrap_or_default(),
        timer,
    }));
}

/// Writes the pending query now, if there is one.
fn write_pending(pending: StoredValue<Option<PendingAddress>, LocalStorage>) {
    if let Some(query) = pending.try_update_value(Option::take).flatten() {
        query.write();
    }
}

/// Leaves search: back to the page the reader came from inside the blog,
/// or to the home page when search was the first page opened.
fn leave_search(navigate: &impl Fn(&str, leptos_router::NavigateOptions), store: &Store) {
    if navigations_so_far() > 0 {
        let _ = window().history().map(|history| history.back());
    } else {
        navigate(&store.href(&Route::Home { page: 1 }), as_written(false));
    }
}

fn input_element() -> Option<HtmlInputElement> {
    document()
        .get_element_by_id(dom::SEARCH_INPUT_ID)
        .and_then(|input| input.dyn_into::<HtmlInputElement>().ok())
}

fn result_links() -> Vec<HtmlElement> {
    let Ok(links) = document().query_selector_all("#search-results a") else {
        return Vec::new();
    };
    (0..links.length())
        .filter_map(|at| links.get(at))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// Which result has focus, if one does.
fn focused_result() -> Option<usize> {
    let active = document().active_element()?;
    result_links()
        .iter()
        .position(|link| link.is_same_node(Some(active.as_ref())))
}

fn focus_result(at: usize) {
    if let Some(link) = result_links().get(at) {
        let _ = link.focus();
    }
}
