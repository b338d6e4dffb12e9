//! What a pre-rendered page says about itself in `<head>`: title,
//! description, canonical URL, feeds, OpenGraph and Twitter cards for link
//! previews, and JSON-LD for search engines.

use quire_core::{
    html,
    html::SafeHtml,
    manifest::{Manifest, PostSummary},
    markup::Crumb,
    route::{self, Route},
    route_data::{SITE_META, site_data_path},
};
use serde_json::{Value, json};

use crate::service_worker;

/// What kind of page a route is, for link previews and structured data.
pub(crate) enum PageKind {
    /// The home page and its later pages.
    Home,
    /// A list: tags, a tag, the archive.
    List,
    /// A post.
    Post(PostSummary),
    /// The not-found page: never indexed, no canonical URL.
    NotFound,
}

/// The `<head>` of one page.
pub(crate) struct Head {
    /// The document title: "Post | Site".
    pub(crate) title: String,
    /// The page's own title, for link previews: "Post".
    pub(crate) own_title: String,
    /// The meta description.
    pub(crate) description: String,
    /// The page's route; `None` for the not-found page, served at any address.
    pub(crate) route: Option<Route>,
    /// What the page is.
    pub(crate) kind: PageKind,
    /// The trail from the home page; empty on the home page.
    pub(crate) breadcrumbs: Vec<Crumb>,
    /// A tag page's own feed: the tag's name and the feed's path.
    pub(crate) term_feed: Option<(String, String)>,
}

/// Site-wide facts every head needs.
pub(crate) struct HeadContext<'a> {
    /// The manifest written with the pages.
    pub(crate) manifest: &'a Manifest,
    /// `/` or `/blog/`.
    pub(crate) root: &'a str,
    /// Whether pages name the offline worker (the site's `offline`, but
    /// never in a `trunk serve` preview).
    pub(crate) names_worker: bool,
}

impl HeadContext<'_> {
    /// The absolute URL of a path below the site root (encoded or not),
    /// percent-encoded; a URL with a scheme is left as written.
    pub(crate) fn absolute(&self, path: &str) -> String {
        route::in_site(&self.manifest.site.base_url, &route::encode_site_url(path))
    }

    /// The tags that go before `</head>`.
    pub(crate) fn render(&self, head: &Head) -> SafeHtml {
        let site = &self.manifest.site;
        let path = head.route.as_ref().map(Route::path).unwrap_or_default();
        let url = self.absolute(&path);
        let mut out = html!(
            "<title>{}</title>\n<meta name=\"description\" content=\"{}\">\n<meta name=\"{}\" content=\"{}\">\n",
            head.title,
            head.description,
            SITE_META,
            site_data_path(&self.manifest.version),
        );
        if self.names_worker {
            out.push(html!(
                "<meta name=\"{}\" content=\"{}{}\">\n",
                service_worker::WORKER_META,
                self.root,
                service_worker::WORKER_FILE
            ));
        }
        let post = match &head.kind {
            PageKind::Post(post) => Some(post),
            _ => None,
        };
        let hide = matches!(head.kind, PageKind::NotFound) || post.is_some_and(|post| post.draft);
        if hide {
            out.push(SafeHtml::from_static(
                "<meta name=\"robots\" content=\"noindex\">\n",
            ));
        } else {
            // A post republished from elsewhere credits its first home
            // (`canonicalURL`), when that is a web address.
            let canonical = post
                .and_then(|post| post.canonical.as_deref())
                .filter(|canonical| {
                    (canonical.starts_with("https://") || canonical.starts_with("http://"))
                        && quire_core::html::is_safe_url(canonical)
                })
                .map_or_else(|| url.clone(), route::encode_site_url);
            out.push(html!("<link rel=\"canonical\" href=\"{}\">\n", canonical));
        }
        if let Some(post) = post.filter(|post| !post.keywords.is_empty()) {
            out.push(html!(
                "<meta name=\"keywords\" content=\"{}\">\n",
                post.keywords.join(", ")
            ));
        }
        out.push(html!(
            "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"{}\" href=\"{}{}\">\n",
            site.title,
            self.root,
            route::FEED
        ));
        if let Some((name, feed)) = &head.term_feed {
            out.push(html!(
                "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"{}\" href=\"{}{}\">\n",
                format!("{name} on {}", site.title),
                self.root,
                feed
            ));
        }
        if matches!(head.kind, PageKind::NotFound) {
            out.push(SafeHtml::from_static(NOSCRIPT_STYLE));
            return out;
        }

        let og_type = if post.is_some() { "article" } else { "website" };
        let mut meta = vec![
            ("property", "og:type", og_type.to_owned()),
            ("property", "og:site_name", site.title.clone()),
            ("property", "og:title", head.own_title.clone()),
            ("property", "og:description", head.description.clone()),
            ("property", "og:url", url.clone()),
            ("property", "og:locale", site.language.replace('-', "_")),
        ];
        let cover = post.and_then(|post| post.cover.as_ref());
        if let Some(cover) = cover {
            meta.extend([
                ("property", "og:image", self.absolute(&cover.src)),
                ("property", "og:image:alt", cover.alt.clone()),
                ("property", "og:image:width", cover.width.to_string()),
                ("property", "og:image:height", cover.height.to_string()),
            ]);
        }
        if let Some(post) = post {
            meta.push(("property", "article:published_time", post.date.to_string()));
            if let Some(lastmod) = post.lastmod {
                meta.push(("property", "article:modified_time", lastmod.to_string()));
            }
            meta.extend(
                post.tags
                    .iter()
                    .map(|tag| ("property", "article:tag", tag.clone())),
            );
        }
        let card = if cover.is_some() {
            "summary_large_image"
        } else {
            "summary"
        };
        meta.extend([
            ("name", "twitter:card", card.to_owned()),
            ("name", "twitter:title", head.own_title.clone()),
            ("name", "twitter:description", head.description.clone()),
        ]);
        if let Some(cover) = cover {
            meta.extend([
                ("name", "twitter:image", self.absolute(&cover.src)),
                ("name", "twitter:image:alt", cover.alt.clone()),
            ]);
        }
        for (attribute, key, value) in meta {
            out.push(html!(
                "<meta {}=\"{}\" content=\"{}\">\n",
                attribute,
                key,
                value
            ));
        }

        let main_entity = match post {
            Some(post) => self.blog_posting(post, &url),
            None if head.route == Some(Route::Home { page: 1 }) => json!({
                "@context": "https://schema.org",
                "@type": "Blog",
                "name": site.title,
                "description": site.description,
                "url": url,
                "inLanguage": site.language,
            }),
            None => Value::Null,
        };
        out.push(json_ld(&main_entity));
        if !head.breadcrumbs.is_empty() {
            let items: Vec<Value> = head
                .breadcrumbs
                .iter()
                .enumerate()
                .map(|(at, crumb)| {
                    json!({
                        "@type": "ListItem",
                        "position": at + 1,
                        "name": crumb.name,
                        "item": self.absolute(&crumb.route.path()),
                    })
                })
                .collect();
            out.push(json_ld(&json!({
                "@context": "https://schema.org",
                "@type": "BreadcrumbList",
                "itemListElement": items,
            })));
        }
        out.push(SafeHtml::from_static(NOSCRIPT_STYLE));
        out
    }

    fn blog_posting(&self, post: &PostSummary, url: &str) -> Value {
        let site = &self.manifest.site;
        let authors: Vec<Value> = post
            .authors
            .iter()
            .map(|name| json!({ "@type": "Person", "name": name }))
            .collect();
        let mut posting = json!({
            "@context": "https://schema.org",
            "@type": "BlogPosting",
            "headline": post.title,
            "description": post.description,
            "datePublished": post.date.to_string(),
            "dateModified": post.last_changed().to_string(),
            "author": authors,
            "url": url,
            "mainEntityOfPage": { "@type": "WebPage", "@id": url },
            "wordCount": post.word_count,
            "keywords": if post.keywords.is_empty() { &post.tags } else { &post.keywords }.join(", "),
            "inLanguage": site.language,
            "isPartOf": { "@type": "Blog", "name": site.title, "url": self.absolute("") },
        });
        if let Some(cover) = &post.cover {
            posting["image"] = json!({
                "@type": "ImageObject",
                "url": self.absolute(&cover.src),
                "width": cover.width,
                "height": cover.height,
            });
        }
        posting
    }
}

/// Hides what needs JavaScript (the theme switch, copy buttons) from readers
/// without it, and lays their page out in full: only the page's script lays
/// out the blocks a first paint skipped (`data-lazy-layout`), which would
/// otherwise take their real size as they scroll into view, moving what is
/// below them under the reader's finger.
pub(crate) const NOSCRIPT_STYLE: &str = "<noscript><style>.theme-toggle,.needs-js{display:none}[data-lazy-layout]>*{content-visibility:visible!important}</style></noscript>\n";

/// A JSON-LD script element (see [`SafeHtml::json_ld`]); nothing for `null`.
fn json_ld(value: &Value) -> SafeHtml {
    if value.is_null() {
        return SafeHtml::empty();
    }
    SafeHtml::json_ld(&value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_javascript_lazy_blocks_are_laid_out_in_full() {
        // The attribute the first paint's lazy layout keys on, spelled as the
        // stylesheet and the app spell it.
        let lazy = format!(
            "[{}]>*{{content-visibility:visible",
            quire_core::dom::DATA_LAZY_LAYOUT
        );
        assert!(NOSCRIPT_STYLE.contains(&lazy), "{NOSCRIPT_STYLE}");
    }
}
