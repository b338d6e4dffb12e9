//! The pre-rendered page of every route: the same markup, classes and words
//! the app's views produce (`src/components`, `src/routes`), drawn from the
//! same `quire_core` functions, so the app can take the page over without a
//! visible change. Readers without JavaScript, crawlers and link previews
//! read these pages as they are.

use std::collections::HashMap;

use quire_core::{
    dom, html,
    html::SafeHtml,
    listing::{
        ArchiveYear, RELATED_POSTS, Relations, TermCount, archive, paginate, posts_by_term,
        series_among, term_counts,
    },
    manifest::{Manifest, PostSummary},
    markdown::{PageContext, Prepared, render_body},
    markup::{self, Crumb},
    page_text::{self, PageText},
    route::{self, Route},
    route_data::{ListPage, PostPage, RouteData, archive_at_once},
};

use crate::head::{Head, PageKind};

/// One page to write.
pub(crate) struct Page {
    /// What goes into `<head>`, with the page's route.
    pub(crate) head: Head,
    /// The contents of `<main>`.
    pub(crate) main: SafeHtml,
    /// The app draws this page as soon as it starts, rather than at the
    /// first navigation: a tool (search), not a text to read.
    pub(crate) app_draws_at_start: bool,
}

impl Page {
    /// The page at the head's route.
    fn new(head: Head, main: SafeHtml) -> Self {
        Self {
            head,
            main,
            app_draws_at_start: false,
        }
    }

    /// The file the page is written to, below the site root: the route's
    /// path as a static host decodes it, and `index.html`; the not-found
    /// page is `404.html`.
    pub(crate) fn file(&self) -> String {
        match &self.head.route {
            Some(route) => route::file_of(&route::decode_path(&route.path())),
            None => "404.html".to_owned(),
        }
    }
}

/// Works out each route's data from the manifest, and draws its page from
/// that data and the post bodies.
pub(crate) struct Pages<'a> {
    manifest: &'a Manifest,
    /// `/` or `/blog/`.
    root: &'a str,
    /// The data files (post bodies, highlighted code) by path.
    data_files: HashMap<&'a str, &'a str>,
    /// Every page's entry by its address, for thousands of post routes.
    by_path: HashMap<&'a str, &'a PostSummary>,
    /// Each section's pages, by the section's path, gathered once.
    by_section: HashMap<&'a str, Vec<&'a PostSummary>>,
    /// The posts' related posts and neighbours, worked out once.
    relations: Relations<'a>,
    /// Each term's posts, by taxonomy and term slug, gathered once: a
    /// site of thousands of posts has thousands of term pages.
    by_term: HashMap<(String, String), (TermCount, Vec<&'a PostSummary>)>,
    /// Every series' posts, gathered once.
    series: Vec<(TermCount, Vec<&'a PostSummary>)>,
    /// Every post by year and month, gathered once for the archive and
    /// its years' pages.
    archive: Vec<ArchiveYear>,
}

impl<'a> Pages<'a> {
    /// A renderer for one build.
    pub(crate) fn new(
        manifest: &'a Manifest,
        root: &'a str,
        data_files: HashMap<&'a str, &'a str>,
    ) -> Self {
        let with_terms = manifest.with_terms();
        let by_term = manifest
            .site
            .taxonomies
            .iter()
            .flat_map(|taxonomy| posts_by_term(with_terms.iter().copied(), taxonomy))
            .map(|(term, posts)| ((term.taxonomy.clone(), term.slug.clone()), (term, posts)))
            .collect();
        Self {
            manifest,
            root,
            data_files,
            by_path: manifest
                .every_page()
                .map(|page| (page.path.as_str(), page))
                .collect(),
            by_section: manifest
                .sections
                .iter()
                .map(|section| (section.path.as_str(), manifest.section_pages(section)))
                .collect(),
            relations: Relations::new(&manifest.posts),
            by_term,
            series: posts_by_term(&manifest.posts, "series"),
            archive: archive(&manifest.posts),
        }
    }

    /// What a route's view draws, as the app fetches it; `None` for a route
    /// that names nothing, and for search, which draws from its index.
    pub(crate) fn route_data(&self, route: &Route) -> Option<RouteData> {
        let per_page = self.manifest.site.posts_per_page;
        let list = |posts: &[&PostSummary], number| {
            paginate(posts, per_page, number).map(|listed| ListPage {
                number,
                total: listed.total,
                items: listed.items.iter().map(|post| (*post).clone()).collect(),
            })
        };
        Some(match route {
            Route::Home { page } => {
                let listed = paginate(&self.manifest.posts, per_page, *page)?;
                RouteData::Home(ListPage {
                    number: *page,
                    total: listed.total,
                    items: listed.items.to_vec(),
                })
            }
            Route::Terms { taxonomy } => RouteData::Terms {
                taxonomy: taxonomy.clone(),
                terms: term_counts(self.manifest.with_terms(), taxonomy),
            },
            Route::Term {
                taxonomy,
                slug,
                page,
            } => {
                let (term, posts) = self.by_term.get(&(taxonomy.clone(), slug.clone()))?;
                RouteData::Term {
                    term: term.clone(),
                    list: list(posts, *page)?,
                }
            }
            Route::Section { path, page } => {
                let section = self
                    .manifest
                    .sections
                    .iter()
                    .find(|section| section.path == *path)?;
                let listed = self.by_section.get(path.as_str())?;
                RouteData::Section {
                    section: section.clone(),
                    count: listed.len(),
                    list: list(listed, *page)?,
                }
            }
            Route::Archives => RouteData::Archives(archive_at_once(self.archive.clone())),
            Route::ArchiveYear { year } => {
                let at = self.archive.iter().position(|y| y.year == *year)?;
                RouteData::ArchiveYear {
                    year: self.archive[at].clone(),
                    newer: at
                        .checked_sub(1)
                        .and_then(|newer| self.archive.get(newer))
                        .map(|y| y.year),
                    older: self.archive.get(at + 1).map(|y| y.year),
                }
            }
            Route::Search => return None,
            Route::Content { path } => {
                let post = self
                    .by_path
                    .get(path.as_str())
                    .copied()
                    .filter(|post| Route::of_layout(post).is_none())?;
                let (older, newer) = self.relations.neighbours(&post.slug);
                RouteData::Post(Box::new(PostPage {
                    post: post.clone(),
                    series: series_among(&self.series, post),
                    related: self
                        .relations
                        .related(post, RELATED_POSTS)
                        .into_iter()
                        .cloned()
                        .collect(),
                    older: older.cloned(),
                    newer: newer.cloned(),
                }))
            }
        })
    }

    /// A route's page from its data: a post, or a list drawn by
    /// [`markup::list_view`] as the app draws it, with its trail.
    pub(crate) fn draw(&self, route: &Route, data: &RouteData) -> Page {
        let site = &self.manifest.site;
        let Some((text, body)) = markup::list_view(self.root, site, data) else {
            let RouteData::Post(page) = data else {
                unreachable!(
                    "no route's data is a move: aliases get theirs with their redirect pages"
                )
            };
            return self.post(page);
        };
        let here = |name: String| Crumb::new(name, route.clone());
        let trail = match data {
            RouteData::Home(list) if list.number > 1 => {
                vec![
                    self.crumb_home(),
                    here(text.title.clone().unwrap_or_default()),
                ]
            }
            RouteData::Terms { taxonomy, .. } => {
                vec![self.crumb_home(), self.crumb_terms(taxonomy)]
            }
            RouteData::Term { term, list } => vec![
                self.crumb_home(),
                self.crumb_terms(&term.taxonomy),
                here(page_text::term_heading(
                    &term.taxonomy,
                    &term.name,
                    list.number,
                )),
            ],
            RouteData::Section { section, list, .. } => vec![
                self.crumb_home(),
                here(page_text::section_heading(section, list.number)),
            ],
            RouteData::Archives(_) => vec![self.crumb_home(), here("Archives".to_owned())],
            RouteData::ArchiveYear { year, .. } => vec![
                self.crumb_home(),
                Crumb::new("Archives", Route::Archives),
                here(year.year.to_string()),
            ],
            _ => Vec::new(),
        };
        let kind = match data {
            RouteData::Home(_) => PageKind::Home,
            _ => PageKind::List,
        };
        let mut head = self.head(route.clone(), &text, kind);
        head.breadcrumbs = trail;
        if let RouteData::Term { term, .. } = data {
            head.term_feed = Some((
                page_text::term_heading(&term.taxonomy, &term.name, 1),
                route::term_feed(&term.taxonomy, &term.slug),
            ));
        }
        Page::new(head, view(body))
    }

    /// The search page: the app draws it as soon as it starts (the page is
    /// marked so); without JavaScript it points to the archive and tags.
    pub(crate) fn search(&self) -> Page {
        let main = view(markup::search_form(self.root, ""));
        let text = page_text::search(&self.manifest.site);
        let mut head = self.head(Route::Search, &text, PageKind::List);
        head.breadcrumbs = vec![self.crumb_home(), Crumb::new("Search", Route::Search)];
        Page {
            app_draws_at_start: true,
            ..Page::new(head, main)
        }
    }

    fn head(&self, route: Route, text: &PageText, kind: PageKind) -> Head {
        Head {
            title: text.document_title(&self.manifest.site.title),
            own_title: text
                .title
                .clone()
                .unwrap_or_else(|| self.manifest.site.title.clone()),
            description: text.description.clone(),
            route: Some(route),
            kind,
            breadcrumbs: Vec::new(),
            term_feed: None,
        }
    }

    /// A post, with its whole body.
    fn post(&self, page: &PostPage) -> Page {
        let post = &page.post;
        let route = Route::post(post);
        let path = route.path();
        let file = |path: &str| self.data_files.get(path).copied().unwrap_or_default();
        let prepared = prepared_of(post, &self.data_files);
        let rendered = render_body(
            file(&post.body),
            post.body_is_html(),
            PageContext {
                site_root: self.root,
                page_path: &path,
                raw_html: self.manifest.site.raw_html,
            },
            &prepared,
        );
        let site = &self.manifest.site;
        let main = html!(
            // Laid out lazily, as the app draws a post (the page's script lays
            // out the rest once the page has loaded): a long post's first
            // paint waits for the blocks on screen, not for all of them.
            r#"<article class="post"><header class="post-header">{}</header><div class="{}" {}>{}</div><footer class="post-footer">{}</footer></article>"#,
            markup::post_header(self.root, site, post, &page.series),
            dom::POST_TEXT_CLASS,
            dom::DATA_LAZY_LAYOUT,
            markup::post_content(self.root, site, post, &rendered),
            markup::post_footer(
                self.root,
                site,
                post,
                &page.related,
                (page.older.as_ref(), page.newer.as_ref()),
            ),
        );
        let text = PageText {
            title: Some(post.title.clone()),
            description: post.description.clone(),
        };
        let mut head = self.head(route, &text, PageKind::Post(post.clone()));
        head.breadcrumbs = markup::post_trail(site, post);
        Page::new(head, main)
    }

    /// The not-found page, served as `404.html` for any address.
    pub(crate) fn not_found(&self) -> Page {
        let main = view(markup::not_found_page(self.root, None));
        // Served at any address, so its head names none.
        let mut head = self.head(
            Route::Home { page: 1 },
            &page_text::not_found(),
            PageKind::NotFound,
        );
        head.route = None;
        Page::new(head, main)
    }

    fn crumb_home(&self) -> Crumb {
        Crumb::new(self.manifest.site.title.clone(), Route::Home { page: 1 })
    }

    fn crumb_terms(&self, taxonomy: &str) -> Crumb {
        Crumb::new(
            page_text::taxonomy_title(taxonomy),
            Route::Terms {
                taxonomy: taxonomy.to_owned(),
            },
        )
    }

    /// The site's header, as the app draws it; the inline script names the
    /// theme switch after the theme in force.
    pub(crate) fn header(&self) -> SafeHtml {
        html!(
            r#"<header class="site-header">{}</header>"#,
            markup::site_header(self.root, Some(&self.manifest.site), "Switch theme")
        )
    }

    /// The site's footer, as the app draws it.
    pub(crate) fn footer(&self, year: i32) -> SafeHtml {
        html!(
            r#"<footer class="site-footer">{}</footer>"#,
            markup::site_footer(self.root, &self.manifest.site, year)
        )
    }
}

/// A route's view as `<main>` holds it, in the element the app draws it in too.
fn view(body: SafeHtml) -> SafeHtml {
    html!(r#"<div class="{}">{}</div>"#, dom::VIEW_CLASS, body)
}

/// What the build prepared for a post's body (highlighted code, math), as
/// the app reads it from the data folder.
pub(crate) fn prepared_of(post: &PostSummary, data_files: &HashMap<&str, &str>) -> Prepared {
    post.prepared
        .as_deref()
        .and_then(|path| data_files.get(path))
        .and_then(|json| serde_json::from_str(json).ok())
        .unwrap_or_default()
}
