//! Every request the app makes: the manifest, once, and each post body, once.
//!
//! Views never fetch. They read the [`Store`]'s signals, which hold what has
//! arrived, and ask it to load what is missing. Keeping this in one module
//! means that splitting the manifest into pieces for very large blogs, or
//! changing where bodies live, touches only this file.

use std::{
    collections::{HashMap, HashSet},
    fmt,
    sync::Arc,
};

use gloo_net::http::Request;
use leptos::{prelude::*, task::spawn_local};
use quire_core::{
    manifest::{MANIFEST_META, Manifest, PostSummary},
    markdown::{PageContext, Prepared, Rendered, render_body},
    route::{ListNames, Route},
    search::SearchIndex,
};

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

/// The app's data: the manifest and the post bodies seen so far.
#[derive(Clone, Copy)]
pub struct Store {
    manifest: RwSignal<Load<Arc<Manifest>>>,
    bodies: RwSignal<HashMap<String, Load<Arc<Rendered>>>>,
    /// `None` until search is first opened: the index is never part of a first visit.
    search: RwSignal<Option<Load<Arc<SearchIndex>>>>,
    root: StoredValue<String>,
    /// Posts whose bodies are on their way unasked (fetched ahead), until
    /// the reader asks for one: a missing file then only fails, rather than
    /// reloading the page under a reader who did nothing.
    ahead: StoredValue<HashSet<String>>,
}

impl Store {
    /// Creates the store, starts fetching the manifest and makes the store
    /// available to every view through context.
    pub fn provide(root: String) -> Self {
        let store = Self {
            manifest: RwSignal::new(Load::Loading),
            bodies: RwSignal::new(HashMap::new()),
            search: RwSignal::new(None),
            root: StoredValue::new(root),
            ahead: StoredValue::new(HashSet::new()),
        };
        store.load_manifest();
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

    /// The manifest's state; views re-render when it arrives.
    pub fn manifest(&self) -> Load<Arc<Manifest>> {
        self.manifest.get()
    }

    /// The names that make an address a list (taxonomies, sections): the
    /// manifest's once it is here; tracked.
    pub fn list_names(&self) -> ListNames {
        self.manifest.with(|manifest| match manifest {
            Load::Ready(manifest) => ListNames::of(manifest),
            _ => ListNames::default(),
        })
    }

    /// [`Store::list_names`], without subscribing to the manifest.
    pub fn list_names_untracked(&self) -> ListNames {
        untrack(|| self.list_names())
    }

    /// Whether the manifest has arrived or failed; tracked.
    pub fn manifest_settled(&self) -> bool {
        !matches!(self.manifest(), Load::Loading)
    }

    /// The manifest's state, without subscribing to it.
    pub fn manifest_untracked(&self) -> Load<Arc<Manifest>> {
        self.manifest.get_untracked()
    }

    /// Fetches the manifest again after a failure.
    pub fn retry_manifest(&self) {
        self.manifest.set(Load::Loading);
        self.load_manifest();
    }

    fn load_manifest(&self) {
        let state = self.manifest;
        spawn_local(async move {
            let Some(url) = manifest_url() else {
                state.set(Load::Failed(LoadError(
                    "This page does not say where the list of posts is: it was not written by `quire build`.".to_owned(),
                )));
                return;
            };
            state.set(fetch_json(&url, "The list of posts").await.into());
        });
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
            ahead.remove(&post.slug);
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
            ahead.insert(post.slug.clone());
        });
        self.fetch_body(post);
        true
    }

    fn fetch_body(&self, post: &PostSummary) {
        let bodies = self.bodies;
        let ahead = self.ahead;
        let asked = {
            let slug = post.slug.clone();
            move || !ahead.with_value(|ahead| ahead.contains(&slug))
        };
        let slug = post.slug.clone();
        let page_path = Route::post(post).path();
        let is_html = post.body_is_html();
        let raw_html = match self.manifest.get_untracked() {
            Load::Ready(manifest) => manifest.site.raw_html,
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
                futures::join!(fetch_text(&url, "This post", &asked), async {
                    match &prepared_url {
                        Some(prepared_url) => {
                            fetch_text(prepared_url, "The post's code and math", &asked)
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
                ahead.remove(&slug);
            });
            bodies.update(|bodies| {
                bodies.insert(slug, state);
            });
        });
    }
}

impl Store {
    /// The search index's state; `None` until [`Store::load_search`] is called.
    pub fn search(&self) -> Option<Load<Arc<SearchIndex>>> {
        self.search.get()
    }

    /// Fetches the search index, once (again after a failure).
    pub fn load_search(&self) {
        if matches!(
            self.search.get_untracked(),
            Some(Load::Ready(_) | Load::Loading)
        ) {
            return;
        }
        let Load::Ready(manifest) = self.manifest_untracked() else {
            return;
        };
        let state = self.search;
        let Some(url) = manifest.search.clone() else {
            state.set(Some(Load::Failed(LoadError(
                "This blog was built without a search index.".to_owned(),
            ))));
            return;
        };
        state.set(Some(Load::Loading));
        spawn_local(async move {
            state.set(Some(fetch_json(&url, "The search index").await.into()));
        });
    }
}

/// The manifest's URL, which every page names in a `<meta>` element; it
/// changes with the content, so caches never serve a stale one.
fn manifest_url() -> Option<String> {
    document()
        .query_selector(&format!("meta[name=\"{MANIFEST_META}\"]"))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|url| !url.is_empty())
}

/// Whether the site was published again since this page loaded: the page
/// at this address, asked for afresh, names another manifest than ours.
async fn newer_release_published() -> bool {
    let Some(ours) = manifest_url() else {
        return false;
    };
    let address = window().location().pathname().unwrap_or_default();
    let Ok(response) = Request::get(&address)
        .cache(web_sys::RequestCache::NoCache)
        .send()
        .await
    else {
        return false;
    };
    let page = response.text().await.unwrap_or_default();
    named_manifest(&page).is_some_and(|named| named != ours)
}

/// The manifest a page's HTML names in its `<meta name="quire-manifest">`.
fn named_manifest(page: &str) -> Option<&str> {
    let meta = &page[page.find(&format!("name=\"{MANIFEST_META}\""))?..];
    let content = &meta[meta.find("content=\"")? + "content=\"".len()..];
    content.split('"').next().filter(|url| !url.is_empty())
}

/// GETs a JSON file relative to the site root and reads it.
async fn fetch_json<T: serde::de::DeserializeOwned>(
    url: &str,
    what: &str,
) -> Result<Arc<T>, LoadError> {
    let text = fetch_text(url, what, &|| true).await?;
    serde_json::from_str(&text).map(Arc::new).map_err(|error| {
        LoadError(format!(
            "{what} is damaged and could not be read ({error})."
        ))
    })
}

/// GETs a file relative to the site root (the page's `<base href>`). A data
/// file that is gone means a new release: when the reader `asked` for it,
/// the page reloads into that release.
async fn fetch_text(url: &str, what: &str, asked: &dyn Fn() -> bool) -> Result<String, LoadError> {
    let response = Request::get(url).send().await.map_err(|_| {
        LoadError(format!("{what} could not be loaded: the network request failed. Check your connection and try again."))
    })?;
    match response.status() {
        200..=299 => response.text().await.map_err(|_| {
            LoadError(format!(
                "{what} could not be loaded: the download was interrupted."
            ))
        }),
        404 => {
            // Data files are named after their content: one that is gone was
            // replaced by a new release. The reader gets that release.
            if asked() && newer_release_published().await {
                let _ = window().location().reload();
            }
            Err(LoadError(format!(
                "{what} could not be found on the server (HTTP 404)."
            )))
        }
        status => Err(LoadError(format!(
            "{what} could not be loaded: the server answered HTTP {status}."
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::named_manifest;

    #[test]
    fn reads_the_manifest_a_page_names() {
        let page = r#"<head><meta name="description" content="x"><meta name="quire-manifest" content="data/manifest.abc.json"></head>"#;
        assert_eq!(named_manifest(page), Some("data/manifest.abc.json"));
        assert_eq!(named_manifest("<html></html>"), None);
    }
}
