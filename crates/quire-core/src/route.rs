//! Every address of a Quire site: one type for the router, the
//! pre-renderer, aliases, prefetch, feeds and the sitemap.
//!
//! A [`Route`] says what a page shows; [`Route::path`] writes its address
//! (below the site root, percent-encoded, as Hugo writes it) and
//! [`Route::parse`] reads one back. A post's address is data, not a
//! pattern: the build decides it (from the file, its `slug`, and later the
//! site's permalinks) and the manifest carries it, so a route for content
//! is just that path.
//!
//! ```
//! use quire_core::route::{ListNames, Route};
//! let lists = ListNames::default();
//! let tag = Route::Term { taxonomy: "tags".into(), slug: "日本語".into(), page: 2 };
//! assert_eq!(tag.path(), "tags/%E6%97%A5%E6%9C%AC%E8%AA%9E/page/2/");
//! assert_eq!(Route::parse(&tag.path(), &lists), tag);
//! assert_eq!(
//!     Route::parse("posts/caf%C3%A9/", &lists),
//!     Route::Content { path: "posts/café/".into() }
//! );
//! ```

use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};

use crate::{
    listing::{archive_years, term_counts},
    manifest::{Manifest, PostSummary, default_taxonomies},
};

/// What a page of the site shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Route {
    /// The newest posts, page `page` (from 1): `""`, `page/2/`.
    Home {
        /// The page's number, from 1.
        page: usize,
    },
    /// The index of every term of a taxonomy: `tags/`, `categories/`.
    Terms {
        /// The taxonomy's plural name.
        taxonomy: String,
    },
    /// One term's posts, page `page`: `tags/<slug>/`, `tags/<slug>/page/2/`.
    Term {
        /// The taxonomy's plural name.
        taxonomy: String,
        /// The term's URL form ([`crate::slug::term_slug`] of its name).
        slug: String,
        /// The page's number, from 1.
        page: usize,
    },
    /// A section's list page (a top content folder, such as Hugo's
    /// `posts/`), page `page`: `posts/`, `posts/page/2/`.
    Section {
        /// The section's list address, decoded, ending in `/`: `posts/`.
        path: String,
        /// The page's number, from 1.
        page: usize,
    },
    /// Every post by year and month: `archives/`.
    Archives,
    /// One year of the archive: `archives/2025/`. A large blog's archive
    /// lists its older years by name, and each has this page of its own.
    ArchiveYear {
        /// The year.
        year: i32,
    },
    /// The search page: `search/`.
    Search,
    /// A post, or a path that may name one (or one of its old addresses):
    /// its path below the site root, decoded, ending in `/`.
    Content {
        /// The path, as the manifest has it: `posts/café/`.
        path: String,
    },
}

/// The folder every post's path starts with, by default.
pub const POSTS: &str = "posts/";
const ARCHIVES: &str = "archives/";
const SEARCH: &str = "search/";
const PAGE: &str = "page/";

impl Route {
    /// The route of a post: the path the build gave it.
    pub fn post(post: &PostSummary) -> Self {
        Route::Content {
            path: post.path.clone(),
        }
    }

    /// The path a post gets from its slug when nothing else decides it.
    pub fn default_post_path(slug: &str) -> String {
        format!("{POSTS}{slug}/")
    }

    /// The address below the site root, percent-encoded, ending in `/`
    /// (`""` for the home page).
    pub fn path(&self) -> String {
        let paged = |base: String, page: usize| {
            if page <= 1 {
                base
            } else {
                format!("{base}{PAGE}{page}/")
            }
        };
        match self {
            Route::Home { page } => paged(String::new(), *page),
            Route::Terms { taxonomy } => format!("{}/", encode_segment(taxonomy)),
            Route::Term {
                taxonomy,
                slug,
                page,
            } => paged(
                format!("{}/{}/", encode_segment(taxonomy), encode_segment(slug)),
                *page,
            ),
            Route::Section { path, page } => paged(encode_path(path), *page),
            Route::Archives => ARCHIVES.to_owned(),
            // Four digits, as `parse` reads them: the year 999 is `0999/`.
            Route::ArchiveYear { year } => format!("{ARCHIVES}{year:04}/"),
            Route::Search => SEARCH.to_owned(),
            Route::Content { path } => encode_path(path),
        }
    }

    /// The built-in page a page stands for when its front matter names one
    /// of PaperMod's layouts (`layout: archives`, `layout: search`): its
    /// address leads there.
    pub fn of_layout(page: &PostSummary) -> Option<Self> {
        match page.layout.as_deref()? {
            "archives" => Some(Route::Archives),
            "search" => Some(Route::Search),
            _ => None,
        }
    }

    /// The address as a link in a page: `root` (the site's path, `/` or
    /// `/blog/`) and [`Route::path`].
    pub fn href(&self, root: &str) -> String {
        format!("{root}{}", self.path())
    }

    /// The route of an address below the site root (`page/2/`,
    /// `posts/caf%C3%A9/`), with or without its slashes, on a site with
    /// these `lists`. A path that names no list, term, archive or search
    /// page is [`Route::Content`]: whether a post lives there is for the
    /// route's data to say.
    pub fn parse(path: &str, lists: &ListNames) -> Self {
        let decoded = percent_decode_str(path.split(['?', '#']).next().unwrap_or_default())
            .decode_utf8_lossy();
        let trimmed = decoded.trim_matches('/');
        let segments: Vec<&str> = if trimmed.is_empty() {
            Vec::new()
        } else {
            trimmed.split('/').collect()
        };
        let page_number = |text: &str| text.parse::<usize>().ok().filter(|n| *n >= 1);
        // Four digits, as the archive writes a year (and no sign or `+`).
        let is_year = |text: &str| text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit());
        let is_taxonomy = |name: &str| lists.taxonomies.iter().any(|known| known == name);
        let section = |name: &str| {
            let path = format!("{name}/");
            lists.sections.contains(&path).then_some(path)
        };
        match segments.as_slice() {
            [] => Route::Home { page: 1 },
            ["page", n] if page_number(n).is_some() => Route::Home {
                page: page_number(n).unwrap_or(1),
            },
            [taxonomy] if is_taxonomy(taxonomy) => Route::Terms {
                taxonomy: (*taxonomy).to_owned(),
            },
            [taxonomy, slug] if is_taxonomy(taxonomy) => Route::Term {
                taxonomy: (*taxonomy).to_owned(),
                slug: (*slug).to_owned(),
                page: 1,
            },
            [taxonomy, slug, "page", n] if is_taxonomy(taxonomy) && page_number(n).is_some() => {
                Route::Term {
                    taxonomy: (*taxonomy).to_owned(),
                    slug: (*slug).to_owned(),
                    page: page_number(n).unwrap_or(1),
                }
            }
            ["archives"] => Route::Archives,
            ["archives", year] if is_year(year) => Route::ArchiveYear {
                year: year.parse().unwrap_or_default(),
            },
            ["search"] => Route::Search,
            [name] if section(name).is_some() => Route::Section {
                path: section(name).unwrap_or_default(),
                page: 1,
            },
            [name, "page", n] if section(name).is_some() && page_number(n).is_some() => {
                Route::Section {
                    path: section(name).unwrap_or_default(),
                    page: page_number(n).unwrap_or(1),
                }
            }
            // Hugo's ugly URLs name a file: `2014/11/18/news.html`.
            _ if names_file(trimmed) || names_other_file(&decoded) => Route::Content {
                path: trimmed.to_owned(),
            },
            _ => Route::Content {
                path: format!("{trimmed}/"),
            },
        }
    }
}

/// The names that make an address a list rather than content: the site's
/// taxonomies (`tags`, `categories`, `series`) and its sections' list
/// addresses (`posts/`). Before the site's data arrives, the app reads
/// addresses with [`ListNames::default`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListNames {
    /// The taxonomies' plural names.
    pub taxonomies: Vec<String>,
    /// The sections' list addresses, decoded, ending in `/`.
    pub sections: Vec<String>,
}

impl Default for ListNames {
    fn default() -> Self {
        Self {
            taxonomies: default_taxonomies(),
            sections: Vec::new(),
        }
    }
}

/// What a path segment keeps as it is: RFC 3986's unreserved characters
/// and the sub-delimiters Hugo leaves in its URLs; everything else,
/// non-ASCII letters included, is percent-encoded.
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}')
    .add(b'\'');

/// Every route of a site, in a stable order: the home page and its later
/// pages, every post and page (listed or not, but not the pages that stand
/// for a built-in one), each section's pages, each taxonomy's index and
/// each term's pages (for taxonomies with terms; `tags/` always), the
/// archive, a page for each of its years, and search.
pub fn every_route(manifest: &Manifest) -> Vec<Route> {
    let per_page = manifest.site.posts_per_page.max(1);
    let pages = |count: usize| 1..=count.div_ceil(per_page).max(1);
    let mut routes: Vec<Route> = pages(manifest.posts.len())
        .map(|page| Route::Home { page })
        .collect();
    routes.extend(
        manifest
            .every_page()
            .filter(|page| Route::of_layout(page).is_none())
            .map(Route::post),
    );
    for section in &manifest.sections {
        let listed = manifest.section_pages(section).len();
        routes.extend(pages(listed).map(|page| Route::Section {
            path: section.path.clone(),
            page,
        }));
    }
    for taxonomy in &manifest.site.taxonomies {
        let terms = term_counts(manifest.with_terms(), taxonomy);
        if terms.is_empty() && taxonomy != "tags" {
            continue;
        }
        routes.push(Route::Terms {
            taxonomy: taxonomy.clone(),
        });
        for term in terms {
            routes.extend(pages(term.count).map(|page| Route::Term {
                taxonomy: taxonomy.clone(),
                slug: term.slug.clone(),
                page,
            }));
        }
    }
    routes.push(Route::Archives);
    routes.extend(
        archive_years(&manifest.posts)
            .into_iter()
            .map(|year| Route::ArchiveYear { year }),
    );
    routes.push(Route::Search);
    routes
}

/// A URL in a page's head or a feed, where it must be plain ASCII: a path
/// inside the site, encoded or not, is percent-encoded once; a URL with a
/// scheme or a host is left as written.
pub fn encode_site_url(url: &str) -> String {
    let has_scheme = url
        .find([':', '/'])
        .is_some_and(|at| url[at..].starts_with(':'));
    if has_scheme || url.starts_with("//") {
        url.to_owned()
    } else {
        encode_path(&decode_path(url))
    }
}

/// The path part of a base URL, with leading and trailing slashes:
/// `https://example.org/blog` gives `/blog/`, and `https://example.org` gives `/`.
pub fn root_path(base_url: &str) -> String {
    let after_scheme = base_url
        .find("://")
        .map_or(base_url, |at| &base_url[at + 3..]);
    let path = after_scheme.find('/').map_or("", |at| &after_scheme[at..]);
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let trimmed = path.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_owned()
    } else {
        format!("/{trimmed}/")
    }
}

/// A URL from the config or the manifest (a menu link, a cover image):
/// a path (`/archives/`, `posts/a/cover.png`) is inside the site, so it
/// gets the site's sub-path; a URL with a scheme or a host is left alone.
pub fn in_site(site_root: &str, url: &str) -> String {
    let has_scheme = url.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    if has_scheme || url.starts_with("//") {
        url.to_owned()
    } else {
        format!("{site_root}{}", url.trim_start_matches('/'))
    }
}

/// The site's RSS feed, below the site root.
pub const FEED: &str = "index.xml";

/// A term's RSS feed, below the site root.
pub fn term_feed(taxonomy: &str, slug: &str) -> String {
    let term = Route::Term {
        taxonomy: taxonomy.to_owned(),
        slug: slug.to_owned(),
        page: 1,
    };
    format!("{}{FEED}", term.path())
}

/// One path segment, percent-encoded.
pub fn encode_segment(segment: &str) -> String {
    utf8_percent_encode(segment, SEGMENT).to_string()
}

/// A path, each segment percent-encoded, its slashes kept.
pub fn encode_path(path: &str) -> String {
    path.split('/')
        .map(encode_segment)
        .collect::<Vec<_>>()
        .join("/")
}

/// A path as a reader reads it: percent-decoded.
pub fn decode_path(path: &str) -> String {
    percent_decode_str(path).decode_utf8_lossy().into_owned()
}

/// Why a decoded path below the site root cannot be a page's address, if
/// it cannot: it must stay inside the site (no `.` or `..` segment, no
/// `\\`, no control character, no empty segment) and leave Quire's own
/// files alone (`index.html`, `404.html`, feeds, `data/`, …).
pub fn address_problem(path: &str) -> Option<&'static str> {
    let trimmed = path.trim_end_matches('/');
    if trimmed.split('/').any(|part| {
        part.is_empty()
            || part == "."
            || part == ".."
            || part.contains('\\')
            || part.chars().any(char::is_control)
    }) {
        return Some("is not a plain path inside the site, such as /2024/01/a-post/");
    }
    const OWN: [&str; 7] = [
        "index.html",
        "404.html",
        "index.xml",
        "sitemap.xml",
        "robots.txt",
        "_redirects",
        "_headers",
    ];
    if OWN.contains(&trimmed) || trimmed == "data" || trimmed.starts_with("data/") {
        return Some("is one of the files Quire writes itself");
    }
    None
}

/// Whether an address names a page file (`2014/11/18/news.html`, Hugo's
/// ugly URLs) rather than a folder: its last segment ends in `.html` or
/// `.htm`. The one rule for the build's addresses, its files and the app's
/// router.
pub fn names_file(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or_default();
    last.ends_with(".html") || last.ends_with(".htm")
}

/// Whether an address names a file beside the pages (`files/cv.pdf`,
/// `index.xml`): its last segment, not closed by a slash, has a dot and
/// is no page file. The app leaves these to the server.
pub fn names_other_file(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or_default();
    last.contains('.') && !names_file(path)
}

/// The folder a page's relative links start from: the page's own address,
/// or, for one that names a file, the folder it is in.
pub fn folder_of(path: &str) -> &str {
    if names_file(path) {
        path.rfind('/').map_or("", |at| &path[..=at])
    } else {
        path
    }
}

/// The file a static host serves for a path below the site root (decoded):
/// `a/b/` is `a/b/index.html`; a path naming a file (Hugo's ugly URLs,
/// `a/b.html`) is that file.
pub fn file_of(path: &str) -> String {
    if names_file(path) {
        path.to_owned()
    } else if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        format!("{path}/index.html")
    }
}

/// Whether two addresses name the same path, however each is encoded.
pub fn same_path(a: &str, b: &str) -> bool {
    decode_path(a) == decode_path(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taxonomies() -> ListNames {
        ListNames {
            sections: vec!["blog/".into()],
            ..ListNames::default()
        }
    }

    fn tag(slug: &str, page: usize) -> Route {
        Route::Term {
            taxonomy: "tags".into(),
            slug: slug.into(),
            page,
        }
    }

    #[test]
    fn every_route_reads_back_from_its_path() {
        let routes = [
            Route::Home { page: 1 },
            Route::Home { page: 3 },
            Route::Terms {
                taxonomy: "categories".into(),
            },
            tag("c#", 1),
            tag("web rtc", 2),
            Route::Archives,
            Route::ArchiveYear { year: 2019 },
            Route::ArchiveYear { year: 999 },
            Route::Search,
            Route::Section {
                path: "blog/".into(),
                page: 1,
            },
            Route::Section {
                path: "blog/".into(),
                page: 4,
            },
            Route::Content {
                path: "posts/café/".into(),
            },
            Route::Content {
                path: "2024/05/i̇stanbul/".into(),
            },
            Route::Content {
                path: "2014/11/18/news.html".into(),
            },
        ];
        for route in routes {
            assert_eq!(
                Route::parse(&route.path(), &taxonomies()),
                route,
                "{}",
                route.path()
            );
            assert!(route.path().is_ascii(), "{}", route.path());
        }
    }

    #[test]
    fn paths_are_hugos() {
        assert_eq!(Route::Home { page: 1 }.path(), "");
        assert_eq!(Route::Home { page: 2 }.href("/blog/"), "/blog/page/2/");
        assert_eq!(tag("c#", 1).path(), "tags/c%23/");
        assert_eq!(
            Route::parse("/page/0/", &taxonomies()),
            Route::Content {
                path: "page/0/".into()
            }
        );
        assert_eq!(
            Route::parse("tags/rust/page/1", &taxonomies()),
            tag("rust", 1)
        );
        assert_eq!(Route::ArchiveYear { year: 2025 }.path(), "archives/2025/");
        // Only a year as the archive writes it names one of its pages.
        for not_a_year in ["archives/25/", "archives/+202/", "archives/2025/03/"] {
            assert!(
                matches!(
                    Route::parse(not_a_year, &taxonomies()),
                    Route::Content { .. }
                ),
                "{not_a_year}"
            );
        }
        // A taxonomy the site does not have is a path like any other.
        assert_eq!(
            Route::parse("topics/", &taxonomies()),
            Route::Content {
                path: "topics/".into()
            }
        );
    }

    #[test]
    fn addresses_stay_inside_the_site_and_off_quires_own_files() {
        for bad in [
            "../../x/",
            "a/../b/",
            "./a/",
            "a//b/",
            "a\\b/",
            "index.html",
            "404.html",
            "data/x/",
            "robots.txt",
        ] {
            assert!(address_problem(bad).is_some(), "{bad}");
        }
        for good in ["a/", "2024/01/a.b/", "posts/x.html", "datasets/"] {
            assert_eq!(address_problem(good), None, "{good}");
        }
    }

    #[test]
    fn ugly_addresses_are_their_own_files() {
        assert_eq!(file_of(""), "index.html");
        assert_eq!(file_of("posts/a/"), "posts/a/index.html");
        assert_eq!(file_of("2014/11/18/news.html"), "2014/11/18/news.html");
    }

    #[test]
    fn a_link_to_a_static_file_kept_its_address_without_a_slash_added() {
        let lists = taxonomies();
        for file in ["files/cv.pdf", "/files/fixer-log.txt", "index.xml"] {
            let route = Route::parse(file, &lists);
            assert_eq!(route.path(), file.trim_start_matches('/'), "{file}");
        }
        // With its last slash, a name with a dot is a post's.
        assert_eq!(
            Route::parse("posts/go-1.21/", &lists),
            Route::Content {
                path: "posts/go-1.21/".into()
            }
        );
    }

    #[test]
    fn same_path_ignores_the_encoding() {
        assert!(same_path("/posts/caf%C3%A9/", "/posts/café/"));
        assert!(!same_path("/posts/a/", "/posts/b/"));
    }
}
