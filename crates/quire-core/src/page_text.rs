//! The words each route's page uses to describe itself: its own title and
//! its meta description. The app and the pre-rendered pages both take them
//! from here, so a page reads the same before and after the app starts.

use crate::{
    manifest::{Section, Site},
    text::count_of,
};

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

/// A taxonomy's name as a heading: `tags` is "Tags", `series` "Series".
pub fn taxonomy_title(taxonomy: &str) -> String {
    let mut chars = taxonomy.chars();
    chars.next().map_or_else(String::new, |first| {
        first
            .to_uppercase()
            .chain(chars.map(|c| if c == '-' { ' ' } else { c }))
            .collect()
    })
}

/// The index of a taxonomy, which lists `term_count` terms.
pub fn terms(site: &Site, taxonomy: &str, term_count: usize) -> PageText {
    PageText {
        title: Some(taxonomy_title(taxonomy)),
        description: format!("All {term_count} {taxonomy} of {}.", site.title),
    }
}

/// A term's page `number`, for a term on `post_count` posts.
pub fn term(site: &Site, taxonomy: &str, name: &str, number: usize, post_count: usize) -> PageText {
    let how = if taxonomy == "tags" { "tagged" } else { "in" };
    PageText {
        title: Some(term_heading(taxonomy, name, number)),
        description: format!(
            "{} {how} {name} on {}.",
            count_of(post_count, "post"),
            site.title
        ),
    }
}

/// The heading of a term's page: "#rust" for a tag, "Web" for a category,
/// "…, page 2" for its later pages.
pub fn term_heading(taxonomy: &str, name: &str, number: usize) -> String {
    let name = if taxonomy == "tags" {
        format!("#{name}")
    } else {
        name.to_owned()
    };
    if number > 1 {
        format!("{name}, page {number}")
    } else {
        name
    }
}

/// A section's list page `number`, listing `page_count` pages.
pub fn section(site: &Site, section: &Section, number: usize, page_count: usize) -> PageText {
    PageText {
        title: Some(section_heading(section, number)),
        description: if section.description.is_empty() {
            format!(
                "{} in {} on {}.",
                count_of(page_count, "page"),
                section.title,
                site.title
            )
        } else {
            section.description.clone()
        },
    }
}

/// The heading of a section's list page: its title, "…, page 2" for its
/// later pages.
pub fn section_heading(section: &Section, number: usize) -> String {
    if number > 1 {
        format!("{}, page {number}", section.title)
    } else {
        section.title.clone()
    }
}

/// The archive.
pub fn archives(site: &Site) -> PageText {
    PageText {
        title: Some("Archives".to_owned()),
        description: format!("Every post of {}, by year and month.", site.title),
    }
}

/// One year's page of the archive, with its `count` posts.
pub fn archive_year(site: &Site, year: i32, count: usize) -> PageText {
    PageText {
        title: Some(archive_year_heading(year)),
        description: format!(
            "The {} of {} in {year}, by month.",
            count_of(count, "post"),
            site.title
        ),
    }
}

/// The heading of a year's page of the archive: "Posts of 2025".
pub fn archive_year_heading(year: i32) -> String {
    format!("Posts of {year}")
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

/// What a search found, for the status line: "3 posts found.", or "312
/// posts found; the best 20 are shown." when `shown` are fewer.
pub fn search_status(query: &str, found: usize, shown: usize) -> String {
    match (query.trim().is_empty(), found) {
        (true, _) => "Type to search titles, summaries, tags and the full text.".to_owned(),
        (false, 0) => format!("No posts match “{}”.", query.trim()),
        (false, found) if shown < found => {
            format!(
                "{} found; the best {shown} are shown.",
                count_of(found, "post")
            )
        }
        (false, found) => format!("{} found.", count_of(found, "post")),
    }
}
