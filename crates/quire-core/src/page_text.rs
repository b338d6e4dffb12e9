//! The words each route's page uses to describe itself: its own title and
//! its meta description. The app and the pre-rendered pages both take them
//! from here, so a page reads the same before and after the app starts.

use crate::{manifest::Site, text::count_of};

/// A page's title (without the site's name) and meta description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageText {
    /// The page's own title; `None` on the home page, which is titled by the site's name.
    pub title: Option<String>,
    /// The meta description.
    pub description: String,
}

impl PageText {
    /// The document title: "Page | Site", or the site's name alone.
    pub fn document_title(&self, site_title: &str) -> String {
        match &self.title {
            Some(title) => format!("{title} | {site_title}"),
            None => site_title.to_owned(),
        }
    }
}

/// The home page (`number` 1) or one of its later pages.
pub fn home(site: &Site, number: usize) -> PageText {
    PageText {
        title: (number > 1).then(|| format!("Page {number}")),
        description: site.description.clone(),
    }
}

/// The heading of a later home page: "Posts, page 2".
pub fn home_heading(number: usize) -> String {
    format!("Posts, page {number}")
}

/// The tag index, which lists `tag_count` tags.
pub fn tags(site: &Site, tag_count: usize) -> PageText {
    PageText {
        title: Some("Tags".to_owned()),
        description: format!("All {tag_count} tags of {}.", site.title),
    }
}

/// A tag's page `number`, for a tag on `post_count` posts.
pub fn tag(site: &Site, name: &str, number: usize, post_count: usize) -> PageText {
    PageText {
        title: Some(tag_heading(name, number)),
        description: format!(
            "{} tagged {name} on {}.",
            count_of(post_count, "post"),
            site.title
        ),
    }
}

/// The heading of a tag's page: "#rust", "#rust, page 2".
pub fn tag_heading(name: &str, number: usize) -> String {
    if number > 1 {
        format!("#{name}, page {number}")
    } else {
        format!("#{name}")
    }
}

/// The archive.
pub fn archives(site: &Site) -> PageText {
    PageText {
        title: Some("Archives".to_owned()),
        description: format!("Every post of {}, by year and month.", site.title),
    }
}

/// The not-found page.
pub fn not_found() -> PageText {
    PageText {
        title: Some("Page not found".to_owned()),
        description: "There is nothing at this address.".to_owned(),
    }
}

/// The footer's copyright line: "© 2026 Maya Lindqvist".
pub fn copyright(site: &Site, year: i32) -> String {
    let owner = if site.author.is_empty() {
        &site.title
    } else {
        &site.author
    };
    format!("© {year} {owner}")
}

/// The search page.
pub fn search(site: &Site) -> PageText {
    PageText {
        title: Some("Search".to_owned()),
        description: format!("Search every post of {}.", site.title),
    }
}

/// What a search found, for the status line: "3 posts found".
pub fn search_status(query: &str, found: usize) -> String {
    match (query.trim().is_empty(), found) {
        (true, _) => "Type to search titles, summaries, tags and the full text.".to_owned(),
        (false, 0) => format!("No posts match “{}”.", query.trim()),
        (false, found) => format!("{} found.", count_of(found, "post")),
    }
}
