//! The site and the list metadata of every post: the build's model of the
//! content, written as JSON for tools (the app fetches only the pieces of
//! it a page needs, [`crate::route_data`]). Full post text is not in it;
//! each post's body is a file of its own, fetched when the post is opened.

use std::{collections::BTreeMap, sync::Arc};

use serde::{Deserialize, Serialize};

use crate::date::Date;

/// Where the manifest of a given version lives, relative to the site root.
///
/// The name carries the version, so a cache or CDN can keep it for ever.
pub fn manifest_path(version: &str) -> String {
    format!("data/manifest.{version}.json")
}

/// Everything the app needs to draw lists, tag pages and archives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// The release's name: a hash of the whole content, which changes
    /// whenever any post or the config changes (a preview's is `preview`).
    pub version: String,
    /// Site-wide settings from the config file.
    pub site: Site,
    /// Published posts, in list order: pinned posts by weight, then newest first.
    pub posts: Vec<PostSummary>,
    /// Posts and pages marked `hidden`: they have a page, but no list, feed, sitemap or search names them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unlisted: Vec<PostSummary>,
    /// Pages that are not posts: an about page, the pages of sections the
    /// home page does not list. Each has its page; its section lists it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<PostSummary>,
    /// The content's sections (its top folders) that have a list page of
    /// their own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
    /// The search index's meta file ([`crate::search::SearchMeta`] as JSON), relative to the site root; fetched when search is first opened, and naming the pieces a query fetches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
}

impl Manifest {
    /// The post or page at `path` (below the site root, decoded), listed or not.
    pub fn find_post(&self, path: &str) -> Option<&PostSummary> {
        self.every_page().find(|post| post.path == path)
    }

    /// Every post and page, listed or not.
    pub fn every_page(&self) -> impl Iterator<Item = &PostSummary> {
        self.posts.iter().chain(&self.unlisted).chain(&self.pages)
    }

    /// What a term's page lists: the posts, and the other pages that carry
    /// a term (Hugo lists every page under its terms), in list order.
    pub fn with_terms(&self) -> Vec<&PostSummary> {
        let mut listed: Vec<&PostSummary> = self.posts.iter().collect();
        let posts = listed.len();
        listed.extend(self.pages.iter().filter(|page| page.has_terms()));
        if listed.len() > posts {
            // Stable: posts of one day keep their order.
            listed.sort_by(|a, b| {
                crate::listing::pinned(a)
                    .cmp(&crate::listing::pinned(b))
                    .then(b.date.cmp(&a.date))
            });
        }
        listed
    }

    /// A section's pages, listed ones, in list order.
    pub fn section_pages(&self, section: &Section) -> Vec<&PostSummary> {
        self.posts
            .iter()
            .chain(&self.pages)
            .filter(|post| post.section == section.name)
            .collect()
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
    /// What pages show around the text (PaperMod's switches, for a Hugo site).
    #[serde(default)]
    pub display: Display,
    /// The taxonomies that get pages, by their plural name: `tags`, `categories`, `series`.
    #[serde(default = "default_taxonomies")]
    pub taxonomies: Vec<String>,
    /// What becomes of HTML an author writes in Markdown.
    #[serde(default)]
    pub raw_html: RawHtml,
    /// Whether readers' browsers keep the site for repeat visits and
    /// offline reading (a service worker); `false` also removes a worker
    /// installed by an earlier release.
    #[serde(default = "default_offline")]
    pub offline: bool,
}

fn default_offline() -> bool {
    true
}

/// What becomes of HTML an author writes in Markdown. Whichever, nothing
/// that could run reaches a page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    /// Shown as text, so the author sees it did not work (Quire's default;
    /// a few attribute-free inline tags such as `<kbd>` pass).
    #[default]
    Escape,
    /// Left out, as Hugo does unless `markup.goldmark.renderer.unsafe` is set.
    Omit,
    /// Kept when the allowlist sanitiser allows it (Hugo's `unsafe = true`):
    /// figures, images, links, tables, details, media, embeds from known hosts.
    Sanitize,
}

/// The taxonomies a site has when its config names none: Hugo's `tags`
/// and `categories`, and PaperMod's `series`.
pub fn default_taxonomies() -> Vec<String> {
    ["tags", "categories", "series"].map(str::to_owned).to_vec()
}

/// What pages show besides the text. Quire shows everything by default; a
/// Hugo site's PaperMod switches (`ShowReadingTime`, `ShowToc`, …) decide
/// for it, and a post's own front matter for that post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Display {
    /// "4 min" in a post's meta line.
    pub reading_time: bool,
    /// "850 words" in a post's meta line.
    pub word_count: bool,
    /// A table of contents on posts with enough headings.
    pub toc: bool,
    /// The table of contents starts open.
    pub toc_open: bool,
    /// Breadcrumbs above a post's title.
    pub breadcrumbs: bool,
    /// Share links under a post.
    pub share: bool,
    /// Links to the newer and older post.
    pub neighbours: bool,
    /// Summaries on list cards.
    pub summaries: bool,
    /// The meta line (date, reading time, author) on cards and posts.
    pub meta: bool,
    /// PaperMod's `homeInfoParams`: a title and text that open the home page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub home_info: Option<(String, String)>,
}

impl Default for Display {
    fn default() -> Self {
        Self {
            reading_time: true,
            word_count: false,
            toc: true,
            toc_open: true,
            breadcrumbs: true,
            share: true,
            neighbours: true,
            summaries: true,
            meta: true,
            home_info: None,
        }
    }
}

/// A post's own choices about what is shown, each over the site's
/// [`Display`] where given (PaperMod's per-post front matter).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PostDisplay {
    /// `ShowToc` / `toc`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub toc: Option<bool>,
    /// `TocOpen`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub toc_open: Option<bool>,
    /// `ShowReadingTime`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading_time: Option<bool>,
    /// `ShowBreadCrumbs`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub breadcrumbs: Option<bool>,
    /// `ShowShareButtons` / `disableShare` (false).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<bool>,
    /// `ShowPostNavLinks`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub neighbours: Option<bool>,
    /// `hideSummary` (false).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<bool>,
    /// `hideMeta` (false).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<bool>,
}

impl PostDisplay {
    /// Whether the post has no choice of its own.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
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

/// A section of the content (a top folder, such as `posts/`) with a list
/// page of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// The folder's name: `posts`.
    pub name: String,
    /// The list page's address below the site root: `posts/`.
    pub path: String,
    /// Its title: the `_index` file's, else the name.
    pub title: String,
    /// Its description: the `_index` file's, if any.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
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

/// What a list card and a post's header show, without the post's text:
/// its [`PostSummaryFields`], shared. A site's lists, related posts and
/// neighbours show each post many times over, and copy a pointer each
/// time; a summary kept from one build to the next (by `quire watch`) is
/// known equal without comparing its fields. Changing a field of a shared
/// summary changes a copy (`Arc::make_mut`).
#[derive(Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PostSummary(Arc<PostSummaryFields>);

impl From<PostSummaryFields> for PostSummary {
    fn from(fields: PostSummaryFields) -> Self {
        Self(Arc::new(fields))
    }
}

impl std::ops::Deref for PostSummary {
    type Target = PostSummaryFields;

    fn deref(&self) -> &PostSummaryFields {
        &self.0
    }
}

impl std::ops::DerefMut for PostSummary {
    fn deref_mut(&mut self) -> &mut PostSummaryFields {
        Arc::make_mut(&mut self.0)
    }
}

impl PartialEq for PostSummary {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

impl std::fmt::Debug for PostSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// The fields of a [`PostSummary`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostSummaryFields {
    /// The post's own name, unique in the site: its file or bundle name, or
    /// its `slug`. Its body's file is named after it.
    pub slug: String,
    /// Its address below the site root, decoded, ending in `/` (or in
    /// `.html` for Hugo's ugly URLs): `posts/café/` (see
    /// [`crate::route::Route::post`]).
    pub path: String,
    /// Its section (the top folder it is in): `posts`; empty at the top.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub section: String,
    /// What the page shows instead of a text: `archives` or `search`
    /// (PaperMod's layouts), for a page of that kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<String>,
    /// The address search engines should credit, when not this page's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// Words for search engines, from front matter's `keywords`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
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
    /// Tags as the author wrote them; their URL form comes from [`crate::slug::term_slug`].
    #[serde(default)]
    pub tags: Vec<String>,
    /// Terms of the site's other taxonomies (`categories`, `series`…), by taxonomy.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub terms: BTreeMap<String, Vec<String>>,
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
    /// What the post shows unlike the rest of the site.
    #[serde(default, skip_serializing_if = "PostDisplay::is_empty")]
    pub display: PostDisplay,
    /// What the build prepared for the body (a JSON
    /// [`crate::markdown::Prepared`]: highlighted code, math as MathML), for
    /// posts that have either.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prepared: Option<String>,
}

/// A post's cover image.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
    /// Whether the body is HTML (an `.html` content file), not Markdown.
    pub fn body_is_html(&self) -> bool {
        self.body.ends_with(".html")
    }

    /// The post's terms of a taxonomy (`tags`, `categories`…), as written.
    pub fn terms_of(&self, taxonomy: &str) -> &[String] {
        if taxonomy == "tags" {
            &self.tags
        } else {
            self.terms.get(taxonomy).map_or(&[], Vec::as_slice)
        }
    }

    /// Whether it carries a term of any taxonomy.
    pub fn has_terms(&self) -> bool {
        !self.tags.is_empty() || self.terms.values().any(|terms| !terms.is_empty())
    }

    /// What the post shows: its own choices over the site's.
    pub fn shows(&self, site: &Display) -> Display {
        let own = &self.display;
        Display {
            reading_time: own.reading_time.unwrap_or(site.reading_time),
            toc: own.toc.unwrap_or(site.toc),
            toc_open: own.toc_open.unwrap_or(site.toc_open),
            breadcrumbs: own.breadcrumbs.unwrap_or(site.breadcrumbs),
            share: own.share.unwrap_or(site.share),
            neighbours: own.neighbours.unwrap_or(site.neighbours),
            summaries: own.summary.unwrap_or(site.summaries),
            meta: own.meta.unwrap_or(site.meta),
            ..site.clone()
        }
    }

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
