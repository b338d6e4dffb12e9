//! What the app fetches to draw a page, so that what a reader downloads
//! does not grow with the blog: a small file about the site, which every
//! page names, and one small file per route with what that route's view
//! draws (a list page's cards, a post with its series, related posts and
//! neighbours, the archive's newest years, one year's rows), worked out by
//! the build.
//!
//! A route's file is found from its address alone, by a hash of
//! [`Route::path`] under the release's folder, so the app needs no index
//! of the site's routes; an address with no file names no page.
//!
//! ```
//! use quire_core::{route::Route, route_data::route_data_path};
//! let home = route_data_path("0123456789", &Route::Home { page: 1 });
//! assert!(home.starts_with("data/routes/0123456789/") && home.ends_with(".json"));
//! ```

use serde::{Deserialize, Serialize};

use crate::{
    listing::{ArchiveYear, Series, TermCount},
    manifest::{Manifest, PostSummary, Section, Site},
    route::{ListNames, Route},
};

/// The `<meta name>` through which every page tells the app where its
/// [`SiteData`] is.
pub const SITE_META: &str = "quire-site";

/// A short, stable content hash for file names and release versions
/// (FNV-1a, 64 bits, the first 40 written): good for cache busting, not
/// for security.
pub fn short_hash(bytes: &[u8]) -> String {
    format!("{:016x}", fnv1a(bytes))[..10].to_owned()
}

/// FNV-1a, 64 bits, of `bytes`.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut hash = crate::search::Fnv::default();
    hash.write(bytes);
    hash.finish()
}

/// The folder of every release's route data, relative to the site root.
pub const ROUTE_DATA_DIR: &str = "data/routes/";

/// Where a release's [`SiteData`] lives, relative to the site root. The
/// name carries the release, so a cache can keep it for ever and never
/// pair an old file with a new page, or the reverse.
pub fn site_data_path(version: &str) -> String {
    format!("data/site.{version}.json")
}

/// Where a route's [`RouteData`] lives in a release, relative to the site
/// root: the release's folder and a hash of the route's address, all 64
/// bits of it, so that the addresses of even a large blog do not collide
/// (the build checks that they do not).
pub fn route_data_path(version: &str, route: &Route) -> String {
    format!(
        "{ROUTE_DATA_DIR}{version}/{:016x}.json",
        fnv1a(route.path().as_bytes())
    )
}

/// About how many rows the archive's own page holds: the newest years,
/// whole, up to this many rows (and always the newest year); each older
/// year is named with its number of posts, and its rows are on the year's
/// own page ([`Route::ArchiveYear`]), which the app fetches when the
/// reader asks, so that opening the archive of a large blog costs a few KB.
pub const ARCHIVE_ROWS_AT_ONCE: usize = 300;

/// The archive's page: the newest `years` with their rows, and the older
/// years without them.
pub fn archive_at_once(years: Vec<ArchiveYear>) -> Vec<ArchiveYear> {
    let mut rows = 0;
    years
        .into_iter()
        .map(|year| {
            let first = rows == 0;
            rows += year.count;
            if first || rows <= ARCHIVE_ROWS_AT_ONCE {
                year
            } else {
                ArchiveYear {
                    months: Vec::new(),
                    ..year
                }
            }
        })
        .collect()
}

/// What every page of a release needs: the site's settings, its sections
/// and where its search index and route files are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteData {
    /// The release: [`Manifest::version`], which names the route files' folder.
    pub version: String,
    /// Site-wide settings from the config file.
    pub site: Site,
    /// The sections with a list page of their own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
    /// The search index's meta file, as [`Manifest::search`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
}

impl SiteData {
    /// What every page of the release `manifest` describes needs.
    pub fn of(manifest: &Manifest) -> Self {
        Self {
            version: manifest.version.clone(),
            site: manifest.site.clone(),
            sections: manifest.sections.clone(),
            search: manifest.search.clone(),
        }
    }

    /// Where `route`'s file of this release is.
    pub fn route_data_path(&self, route: &Route) -> String {
        route_data_path(&self.version, route)
    }

    /// The names that make an address a list on this site.
    pub fn list_names(&self) -> ListNames {
        ListNames {
            taxonomies: self.site.taxonomies.clone(),
            sections: self
                .sections
                .iter()
                .map(|section| section.path.clone())
                .collect(),
        }
    }
}

/// What one route's view draws besides the site: the build writes one per
/// route, and one per old address (an alias) or page that stands for a
/// built-in one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum RouteData {
    /// A page of the home list.
    Home(ListPage),
    /// A taxonomy's index of terms.
    Terms {
        /// The taxonomy's plural name: `tags`.
        taxonomy: String,
        /// Its terms, most used first.
        terms: Vec<TermCount>,
    },
    /// A page of a term's posts.
    Term {
        /// The term, with its number of posts.
        term: TermCount,
        /// The page.
        list: ListPage,
    },
    /// A page of a section's list.
    Section {
        /// The section.
        section: Section,
        /// How many pages the section lists in all.
        count: usize,
        /// The page.
        list: ListPage,
    },
    /// Every post by year and month: the newest years' rows, the older
    /// years by name ([`archive_at_once`]).
    Archives(Vec<ArchiveYear>),
    /// One year of the archive, with its rows.
    ArchiveYear {
        /// The year and its posts by month.
        year: ArchiveYear,
        /// The next year with posts, if any.
        newer: Option<i32>,
        /// The year before it with posts, if any.
        older: Option<i32>,
    },
    /// A post or page.
    Post(Box<PostPage>),
    /// An address that leads elsewhere: an old address of a post, or a
    /// page standing for the archive or search. Holds the route's path
    /// (as [`Route::path`]).
    Moved(String),
}

/// One page of a list: its cards and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListPage {
    /// This page's number, from 1.
    pub number: usize,
    /// How many pages the list has (at least 1).
    pub total: usize,
    /// The posts on this page, in list order.
    pub items: Vec<PostSummary>,
}

/// A post with what its page shows of other posts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostPage {
    /// The post.
    pub post: PostSummary,
    /// The series it is part of.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub series: Vec<Series>,
    /// Posts that share its tags, best first; whole, as its neighbours
    /// are, so that a click on one fetches its body at once, beside its
    /// page's data (the likeliest next clicks from a post).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<PostSummary>,
    /// The next older post by date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub older: Option<PostSummary>,
    /// The next newer post by date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newer: Option<PostSummary>,
}

impl PostPage {
    /// The post's page before its data has come: the post alone, with no
    /// series, related posts or neighbours.
    pub fn alone(post: PostSummary) -> Self {
        Self {
            post,
            series: Vec::new(),
            related: Vec::new(),
            older: None,
            newer: None,
        }
    }
}

impl RouteData {
    /// The post of a post's page.
    pub fn post(&self) -> Option<&PostSummary> {
        match self {
            RouteData::Post(page) => Some(&page.post),
            _ => None,
        }
    }

    /// The post a route's page is about, and the posts its page lists or
    /// links to, with what the app needs to open them ahead (their bodies
    /// and sizes).
    pub fn posts(&self) -> impl Iterator<Item = &PostSummary> {
        let (page, items) = match self {
            RouteData::Home(list)
            | RouteData::Term { list, .. }
            | RouteData::Section { list, .. } => (None, list.items.as_slice()),
            RouteData::Post(page) => (Some(page.as_ref()), page.related.as_slice()),
            _ => (None, &[][..]),
        };
        let own = page.into_iter().flat_map(|page| {
            std::iter::once(&page.post)
                .chain(page.older.as_ref())
                .chain(page.newer.as_ref())
        });
        own.chain(items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year(year: i32, count: usize) -> ArchiveYear {
        let date = format!("{year}-06-01").parse().unwrap();
        let link = crate::listing::PostLink {
            path: format!("{year}/"),
            title: String::new(),
            date,
        };
        ArchiveYear {
            year,
            count,
            months: vec![crate::listing::ArchiveMonth {
                month: 6,
                posts: vec![link; count],
            }],
        }
    }

    #[test]
    fn the_archive_keeps_its_newest_years_and_names_the_rest() {
        let kept = archive_at_once(vec![
            year(2026, 120),
            year(2025, 150),
            year(2024, 40),
            year(2023, 5),
        ]);
        assert_eq!(
            kept.iter()
                .map(|y| (y.year, y.count, y.has_rows()))
                .collect::<Vec<_>>(),
            [
                (2026, 120, true),
                (2025, 150, true),
                (2024, 40, false),
                (2023, 5, false),
            ]
        );
        // The newest year comes whole, however long.
        let kept = archive_at_once(vec![year(2026, 900), year(2025, 1)]);
        assert!(kept[0].has_rows() && !kept[1].has_rows());
    }
}
