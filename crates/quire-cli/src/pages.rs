//! The pre-rendered page of every route: the same markup, classes and words
//! the app's views produce (`src/components`, `src/routes`), drawn from the
//! same `quire_core` functions, so the app can take the page over without a
//! visible change. Readers without JavaScript, crawlers and link previews
//! read these pages as they are.

use std::collections::HashMap;

use quire_core::{
    listing::{
        RELATED_POSTS, archive, neighbours, paginate, paths, posts_tagged, related, tag_counts,
    },
    manifest::{Manifest, PostSummary},
    markdown::{HighlightedCode, LinkBase, escape_html as esc, render_with_code},
    markup::{self, Crumb},
    page_text::{self, PageText},
    text::count_of,
};

use crate::head::{Head, PageKind};

/// One page to write.
pub(crate) struct Page {
    /// The route path below the site root, ending in `/` (`""` for the home page).
    pub(crate) path: String,
    /// What goes into `<head>`.
    pub(crate) head: Head,
    /// The contents of `<main>`.
    pub(crate) main: String,
    /// The app draws this page as soon as it starts, rather than at the
    /// first navigation: a tool (search), not a text to read.
    pub(crate) app_draws_at_start: bool,
}

impl Page {
    /// The page at the head's path.
    fn new(head: Head, main: String) -> Self {
        Self {
            path: head.path.clone(),
            head,
            main,
            app_draws_at_start: false,
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

    /// Every route the app knows, in a stable order.
    pub(crate) fn all(&self) -> Vec<Page> {
        let site = &self.manifest.site;
        let per_page = site.posts_per_page;
        let mut pages = Vec::new();
        let home_pages = self.manifest.posts.len().div_ceil(per_page).max(1);
        for number in 1..=home_pages {
            pages.push(self.home(number));
        }
        for post in self.manifest.posts.iter().chain(&self.manifest.unlisted) {
            pages.push(self.post(post));
        }
        pages.push(self.tags());
        for tag in tag_counts(&self.manifest.posts) {
            for number in 1..=tag.count.div_ceil(per_page) {
                pages.extend(self.tag(&tag.slug, number));
            }
        }
        pages.push(self.archives());
        pages.push(self.search());
        pages
    }

    /// The search page: the app draws it as soon as it starts (the page is
    /// marked so); without JavaScript it points to the archive and tags.
    pub(crate) fn search(&self) -> Page {
        let main = format!(
            r#"<h1 class="list-title">Search</h1><form class="search-form" role="search" action="{}"><label class="visually-hidden" for="search-input">Search the posts</label><input id="search-input" class="search-input" type="search" name="q" autocomplete="off" spellcheck="false" placeholder="Search posts…"></form><noscript><p class="search-status">Search needs JavaScript. Every post is in the <a href="{}">archive</a> and under its <a href="{}">tags</a>.</p></noscript>"#,
            esc(&self.href(paths::SEARCH)),
            esc(&self.href(paths::ARCHIVES)),
            esc(&self.href(paths::TAGS)),
        );
        let text = page_text::search(&self.manifest.site);
        let mut head = self.head(paths::SEARCH.to_owned(), &text, PageKind::List);
        head.breadcrumbs = vec![self.crumb_home(), Crumb::new("Search", paths::SEARCH)];
        Page {
            app_draws_at_start: true,
            ..Page::new(head, main)
        }
    }

    fn href(&self, path: &str) -> String {
        paths::in_site(self.root, path)
    }

    fn head(&self, path: String, text: &PageText, kind: PageKind) -> Head {
        Head {
            title: text.document_title(&self.manifest.site.title),
            own_title: text
                .title
                .clone()
                .unwrap_or_else(|| self.manifest.site.title.clone()),
            description: text.description.clone(),
            path,
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
        let heading = if number == 1 {
            format!(
                r#"<section class="home-info"><h1>{}</h1><p>{}</p></section>"#,
                esc(&site.title),
                esc(&site.description)
            )
        } else {
            format!(
                r#"<h1 class="list-title">{}</h1>"#,
                esc(&page_text::home_heading(number))
            )
        };
        let main = format!(
            r#"{heading}<div class="post-list">{}</div>{}"#,
            markup::post_list(self.root, items),
            markup::pager(self.root, number, total, paths::home)
        );
        let path = paths::home(number);
        let text = page_text::home(site, number);
        let mut head = self.head(path, &text, PageKind::Home);
        if number > 1 {
            head.breadcrumbs = vec![
                self.crumb_home(),
                Crumb::new(text.title.clone().unwrap_or_default(), paths::home(number)),
            ];
        }
        Page::new(head, main)
    }

    /// A post, with its whole body.
    pub(crate) fn post(&self, post: &PostSummary) -> Page {
        let path = paths::post(&post.slug);
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
        let main = format!(
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
        let mut head = self.head(path.clone(), &text, PageKind::Post(Box::new(post.clone())));
        head.breadcrumbs = markup::post_trail(site, post);
        Page::new(head, main)
    }

    /// The tag index.
    pub(crate) fn tags(&self) -> Page {
        let tags = tag_counts(&self.manifest.posts);
        let items: String = tags
            .iter()
            .map(|tag| {
                format!(
                    r#"<li><a href="{}">{}<span class="tag-count" aria-label="{} posts">{}</span></a></li>"#,
                    esc(&self.href(&paths::tag(&tag.slug, 1))),
                    esc(&tag.name),
                    tag.count,
                    tag.count
                )
            })
            .collect();
        let main = format!(r#"<h1 class="list-title">Tags</h1><ul class="tag-cloud">{items}</ul>"#);
        let text = page_text::tags(&self.manifest.site, tags.len());
        let mut head = self.head(paths::TAGS.to_owned(), &text, PageKind::List);
        head.breadcrumbs = vec![self.crumb_home(), self.crumb_tags()];
        Page::new(head, main)
    }

    /// A tag's page; `None` for a tag no post carries or a page past the end.
    pub(crate) fn tag(&self, tag_slug: &str, number: usize) -> Option<Page> {
        let site = &self.manifest.site;
        let (name, posts) = posts_tagged(&self.manifest.posts, tag_slug)?;
        let listed = paginate(&posts, site.posts_per_page, number)?;
        let heading = page_text::tag_heading(&name, number);
        let main = format!(
            r#"<h1 class="list-title">{}<span class="list-count">{}</span></h1><div class="post-list">{}</div>{}"#,
            esc(&heading),
            count_of(posts.len(), "post"),
            markup::post_list(self.root, listed.items.iter().copied()),
            markup::pager(self.root, number, listed.total, |n| paths::tag(tag_slug, n))
        );
        let text = page_text::tag(site, &name, number, posts.len());
        let path = paths::tag(tag_slug, number);
        let mut head = self.head(path.clone(), &text, PageKind::List);
        head.breadcrumbs = vec![
            self.crumb_home(),
            self.crumb_tags(),
            Crumb::new(heading, path),
        ];
        head.tag_feed = Some((name, paths::tag_feed(tag_slug)));
        Some(Page::new(head, main))
    }

    /// The archive.
    pub(crate) fn archives(&self) -> Page {
        let years: String = archive(&self.manifest.posts)
            .into_iter()
            .map(|year| {
                let months: String = year
                    .months
                    .iter()
                    .map(|month| {
                        let items: String = month
                            .posts
                            .iter()
                            .map(|post| {
                                format!(
                                    r#"<li><time datetime="{}">{}</time><a href="{}">{}</a></li>"#,
                                    post.date,
                                    post.date.long_form(),
                                    esc(&self.href(&paths::post(&post.slug))),
                                    esc(&post.title)
                                )
                            })
                            .collect();
                        format!(
                            r#"<section class="archive-month"><h3>{}</h3><ul>{items}</ul></section>"#,
                            month.name
                        )
                    })
                    .collect();
                format!(
                    r#"<section class="archive-year"><h2>{}<span class="list-count">{}</span></h2>{months}</section>"#,
                    year.year,
                    count_of(year.post_count(), "post")
                )
            })
            .collect();
        let main = format!(r#"<h1 class="list-title">Archives</h1>{years}"#);
        let text = page_text::archives(&self.manifest.site);
        let mut head = self.head(paths::ARCHIVES.to_owned(), &text, PageKind::List);
        head.breadcrumbs = vec![self.crumb_home(), Crumb::new("Archives", paths::ARCHIVES)];
        Page::new(head, main)
    }

    /// The not-found page, served as `404.html` for any address.
    pub(crate) fn not_found(&self) -> Page {
        let main = format!(
            r#"<section class="not-found"><p class="not-found-code" aria-hidden="true">404</p><h1>Page not found</h1><p>There is nothing at this address. It may have moved, or the link may be mistyped.</p><p class="not-found-links"><a class="button" href="{}">Go to the home page</a><a href="{}">Browse the archives</a><a href="{}">See all tags</a></p></section>"#,
            esc(&self.href("")),
            esc(&self.href(paths::ARCHIVES)),
            esc(&self.href(paths::TAGS)),
        );
        // Served at any address, so its head names none.
        let head = self.head(String::new(), &page_text::not_found(), PageKind::NotFound);
        Page {
            path: "404.html".to_owned(),
            ..Page::new(head, main)
        }
    }

    fn crumb_home(&self) -> Crumb {
        Crumb::new(self.manifest.site.title.clone(), "")
    }

    fn crumb_tags(&self) -> Crumb {
        Crumb::new("Tags", paths::TAGS)
    }

    /// The site's header, as the app draws it; the inline script names the
    /// theme switch after the theme in force.
    pub(crate) fn header(&self) -> String {
        format!(
            r#"<header class="site-header">{}</header>"#,
            markup::site_header(self.root, Some(&self.manifest.site), "Switch theme")
        )
    }

    /// The site's footer, as the app draws it.
    pub(crate) fn footer(&self, year: i32) -> String {
        format!(
            r#"<footer class="site-footer">{}</footer>"#,
            markup::site_footer(self.root, &self.manifest.site, year)
        )
    }
}
