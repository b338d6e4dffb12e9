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
        RELATED_POSTS, TagCount, archive, neighbours, paginate, posts_tagged, related, tag_counts,
    },
    manifest::{Manifest, PostSummary},
    markdown::{HighlightedCode, LinkBase, render_with_code},
    markup::{self, Crumb},
    page_text::{self, PageText},
    route::{self, Route},
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
            Some(route) => format!("{}index.html", route::decode_path(&route.path())),
            None => "404.html".to_owned(),
        }
    }
}

/// Draws pages from the manifest and the post bodies.
pub(crate) struct Pages<'a> {
    manifest: &'a Manifest,
    /// `/` or `/blog/`.
    root: &'a str,
    /// The data files (post bodies, highlighted code) by path.
    data_files: HashMap<&'a str, &'a str>,
}

impl<'a> Pages<'a> {
    /// A renderer for one build.
    pub(crate) fn new(
        manifest: &'a Manifest,
        root: &'a str,
        data_files: HashMap<&'a str, &'a str>,
    ) -> Self {
        Self {
            manifest,
            root,
            data_files,
        }
    }

    /// A page for every route of the site, in a stable order.
    pub(crate) fn all(&self) -> Vec<Page> {
        route::every_route(self.manifest)
            .iter()
            .filter_map(|route| self.page(route))
            .collect()
    }

    /// The page of a route; `None` for a route that names nothing.
    pub(crate) fn page(&self, route: &Route) -> Option<Page> {
        match route {
            Route::Home { page } => Some(self.home(*page)),
            Route::Tags => Some(self.tags()),
            Route::Tag { slug, page } => self.tag(slug, *page),
            Route::Archives => Some(self.archives()),
            Route::Search => Some(self.search()),
            Route::Content { path } => self.manifest.find_post(path).map(|post| self.post(post)),
        }
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
            tag_feed: None,
        }
    }

    /// The home page or one of its later pages.
    pub(crate) fn home(&self, number: usize) -> Page {
        let site = &self.manifest.site;
        let listed = paginate(&self.manifest.posts, site.posts_per_page, number);
        let (items, total) = listed.map_or((&[][..], 1), |page| (page.items, page.total));
        let main = view(markup::home_page(self.root, site, number, total, items));
        let route = Route::Home { page: number };
        let text = page_text::home(site, number);
        let mut head = self.head(route.clone(), &text, PageKind::Home);
        if number > 1 {
            head.breadcrumbs = vec![
                self.crumb_home(),
                Crumb::new(text.title.clone().unwrap_or_default(), route),
            ];
        }
        Page::new(head, main)
    }

    /// A post, with its whole body.
    pub(crate) fn post(&self, post: &PostSummary) -> Page {
        let route = Route::post(post);
        let path = route.path();
        let file = |path: &str| self.data_files.get(path).copied().unwrap_or_default();
        let code: Vec<Option<HighlightedCode>> = post
            .code
            .as_deref()
            .and_then(|path| serde_json::from_str(file(path)).ok())
            .unwrap_or_default();
        let rendered = render_with_code(
            file(&post.body),
            LinkBase {
                site_root: self.root,
                page_path: &path,
            },
            &code,
        );
        let site = &self.manifest.site;
        let main = html!(
            r#"<article class="post"><header class="post-header">{}</header><div class="post-content">{}</div><footer class="post-footer">{}</footer></article>"#,
            markup::post_header(self.root, site, post),
            markup::post_content(self.root, post, &rendered),
            markup::post_footer(
                self.root,
                site,
                post,
                &related(&self.manifest.posts, post, RELATED_POSTS),
                neighbours(&self.manifest.posts, &post.slug),
            ),
        );
        let text = PageText {
            title: Some(post.title.clone()),
            description: post.description.clone(),
        };
        let mut head = self.head(route, &text, PageKind::Post(Box::new(post.clone())));
        head.breadcrumbs = markup::post_trail(site, post);
        Page::new(head, main)
    }

    /// The tag index.
    pub(crate) fn tags(&self) -> Page {
        let tags = tag_counts(&self.manifest.posts);
        let main = view(markup::tags_page(self.root, &tags));
        let text = page_text::tags(&self.manifest.site, tags.len());
        let mut head = self.head(Route::Tags, &text, PageKind::List);
        head.breadcrumbs = vec![self.crumb_home(), self.crumb_tags()];
        Page::new(head, main)
    }

    /// A tag's page; `None` for a tag no post carries or a page past the end.
    pub(crate) fn tag(&self, tag_slug: &str, number: usize) -> Option<Page> {
        let site = &self.manifest.site;
        let (name, posts) = posts_tagged(&self.manifest.posts, tag_slug)?;
        let listed = paginate(&posts, site.posts_per_page, number)?;
        let heading = page_text::tag_heading(&name, number);
        let tag = TagCount {
            name: name.clone(),
            slug: tag_slug.to_owned(),
            count: posts.len(),
        };
        let main = view(markup::tag_page(
            self.root,
            &tag,
            number,
            listed.total,
            listed.items,
        ));
        let text = page_text::tag(site, &name, number, posts.len());
        let route = Route::Tag {
            slug: tag_slug.to_owned(),
            page: number,
        };
        let mut head = self.head(route.clone(), &text, PageKind::List);
        head.breadcrumbs = vec![
            self.crumb_home(),
            self.crumb_tags(),
            Crumb::new(heading, route),
        ];
        head.tag_feed = Some((name, route::tag_feed(tag_slug)));
        Some(Page::new(head, main))
    }

    /// The archive.
    pub(crate) fn archives(&self) -> Page {
        let main = view(markup::archives_page(
            self.root,
            &archive(&self.manifest.posts),
        ));
        let text = page_text::archives(&self.manifest.site);
        let mut head = self.head(Route::Archives, &text, PageKind::List);
        head.breadcrumbs = vec![self.crumb_home(), Crumb::new("Archives", Route::Archives)];
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

    fn crumb_tags(&self) -> Crumb {
        Crumb::new("Tags", Route::Tags)
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
