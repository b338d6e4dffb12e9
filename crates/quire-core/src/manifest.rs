//! The JSON the build tool writes and the app reads: the site and the list
//! metadata of every post. Full post text is not in it; each post's body is
//! a file of its own, fetched when the post is opened.

use serde::{Deserialize, Serialize};

use crate::date::Date;

/// The `<meta name>` through which every page tells the app its manifest's URL.
pub const MANIFEST_META: &str = "quire-manifest";

/// Where the manifest of a given version lives, relative to the site root.
///
/// The name carries the version, so a cache or CDN can keep a manifest for
/// ever and never pair an old manifest with a new page, or the reverse.
pub fn manifest_path(version: &str) -> String {
    format!("data/manifest.{version}.json")
}

/// Everything the app needs to draw lists, tag pages and archives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// A hash of the whole content; changes whenever any post or the config changes.
    pub version: String,
    /// Site-wide settings from the config file.
    pub site: Site,
    /// Published posts, in list order: pinned posts by weight, then newest first.
    pub posts: Vec<PostSummary>,
    /// Posts marked `hidden`: they have a page, but no list, feed, sitemap or search names them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unlisted: Vec<PostSummary>,
    /// The search index ([`crate::search::SearchIndex`] as JSON), relative to the site root; fetched when search is first opened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
}

impl Manifest {
    /// The post at `path` (below the site root, decoded, ending in `/`), listed or not.
    pub fn find_post(&self, path: &str) -> Option<&PostSummary> {
        self.posts
            .iter()
            .chain(&self.unlisted)
            .find(|post| post.path == path)
    }

    /// The post that lists `path` (below the site root, decoded, ending in `/`) among its aliases.
    pub fn find_alias(&self, path: &str) -> Option<&PostSummary> {
        self.posts
            .iter()
            .chain(&self.unlisted)
            .find(|post| post.aliases.iter().any(|alias| alias == path))
    }
}

/// Site-wide settings, read from `quire.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// The blog's name, shown in the header and in every page title.
    pub title: String,
    /// One sentence about the blog, used as the home page's meta description.
    #[serde(default)]
    pub description: String,
    /// The default author of posts that name none.
    #[serde(default)]
    pub author: String,
    /// The absolute URL the site is published at, ending in `/`, e.g. `https://example.org/blog/`.
    pub base_url: String,
    /// The language of the content, as a BCP 47 tag such as `en`.
    #[serde(default = "default_language")]
    pub language: String,
    /// How many posts a list page shows before paginating.
    #[serde(default = "default_posts_per_page")]
    pub posts_per_page: usize,
    /// Links in the header menu, in order.
    #[serde(default)]
    pub menu: Vec<Link>,
    /// Links to the author's profiles, shown in the footer.
    #[serde(default)]
    pub social: Vec<Link>,
    /// The RSS feeds' settings.
    #[serde(default)]
    pub feed: FeedSettings,
}

/// What the RSS feeds (`index.xml`) hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedSettings {
    /// Put each post's whole text in the feed, not only its summary.
    #[serde(default)]
    pub full_text: bool,
    /// How many of the newest posts a feed lists.
    #[serde(default = "default_feed_limit")]
    pub limit: usize,
}

impl Default for FeedSettings {
    fn default() -> Self {
        Self {
            full_text: false,
            limit: default_feed_limit(),
        }
    }
}

fn default_feed_limit() -> usize {
    20
}

fn default_language() -> String {
    "en".to_owned()
}

fn default_posts_per_page() -> usize {
    10
}

/// A named link, for menus and social profiles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// The text shown.
    pub name: String,
    /// Where it goes: a path such as `/archives/` (inside the site) or an absolute URL.
    pub url: String,
}

/// What a list card and a post's header show, without the post's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostSummary {
    /// The post's own name, unique in the site: its file or bundle name, or
    /// its `slug`. Its body's file is named after it.
    pub slug: String,
    /// Its address below the site root, decoded, ending in `/`: `posts/café/`
    /// (see [`crate::route::Route::post`]).
    pub path: String,
    /// The title.
    pub title: String,
    /// The publication date as written by the author.
    pub date: Date,
    /// When the post last changed in substance, if the author said so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lastmod: Option<Date>,
    /// The list card's text: the front matter's summary, the text before `<!--more-->`, or the first 70 words.
    pub summary: String,
    /// The meta description: the front matter's `description`, else the summary.
    pub description: String,
    /// Who wrote it.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Tags as the author wrote them; their URL form comes from [`crate::slug::slugify`].
    #[serde(default)]
    pub tags: Vec<String>,
    /// Categories as the author wrote them.
    #[serde(default)]
    pub categories: Vec<String>,
    /// The cover image, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover: Option<Cover>,
    /// Hugo's reading time in minutes.
    pub reading_minutes: u32,
    /// Words in the body.
    pub word_count: usize,
    /// Pinning order: posts with a weight come first, lowest weight first; 0 means not pinned.
    #[serde(default)]
    pub weight: i64,
    /// The body's Markdown file, relative to the site root; its name changes when the body does.
    pub body: String,
    /// Old paths (relative to the site root) that lead to this post.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// A draft, published only because the build asked for drafts; kept out of feeds and search engines.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    /// Whether the post shows a table of contents (when it has enough headings); `toc: false` turns it off.
    #[serde(default = "yes", skip_serializing_if = "Clone::clone")]
    pub toc: bool,
    /// The build's highlighting of the body's code blocks (a JSON list of
    /// [`crate::markdown::HighlightedCode`]), for posts with code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

fn yes() -> bool {
    true
}

/// A post's cover image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cover {
    /// The image URL: relative to the site root, or absolute.
    pub src: String,
    /// The text that replaces the image for readers who cannot see it.
    pub alt: String,
    /// A caption shown under the cover on the post page.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub caption: String,
    /// The intrinsic width in pixels, so the layout does not jump while it loads.
    pub width: u32,
    /// The intrinsic height in pixels.
    pub height: u32,
}

impl PostSummary {
    /// The author line: "Ann", "Ann and Bob", "Ann, Bob and Cy".
    pub fn author_line(&self) -> String {
        match self.authors.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }

    /// Whether the post says it was updated after it was published.
    pub fn updated_later(&self) -> Option<Date> {
        self.lastmod.filter(|lastmod| *lastmod > self.date)
    }

    /// The day the post last changed: its update, else its publication.
    pub fn last_changed(&self) -> Date {
        self.updated_later().unwrap_or(self.date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_line_joins_names() {
        let mut post: PostSummary = serde_json::from_str(
            r#"{"slug":"a","path":"posts/a/","title":"A","date":"2026-03-09","summary":"","description":"","reading_minutes":1,"word_count":1,"body":"data/posts/a.md"}"#,
        )
        .unwrap();
        assert_eq!(post.author_line(), "");
        post.authors = vec!["Ann".into()];
        assert_eq!(post.author_line(), "Ann");
        post.authors = vec!["Ann".into(), "Bob".into(), "Cy".into()];
        assert_eq!(post.author_line(), "Ann, Bob and Cy");
    }
}
