//! What a pre-rendered page says about itself in `<head>`: title,
//! description, canonical URL, feeds, OpenGraph and Twitter cards for link
//! previews, and JSON-LD for search engines.

use quire_core::{
    listing::paths,
    manifest::{MANIFEST_META, Manifest, PostSummary, manifest_path},
    markdown::escape_html as esc,
    markup::Crumb,
};
use serde_json::{Value, json};

/// What kind of page a route is, for link previews and structured data.
pub(crate) enum PageKind {
    /// The home page and its later pages.
    Home,
    /// A list: tags, a tag, the archive.
    List,
    /// A post.
    Post(Box<PostSummary>),
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
    /// The route path below the site root.
    pub(crate) path: String,
    /// What the page is.
    pub(crate) kind: PageKind,
    /// The trail from the home page; empty on the home page.
    pub(crate) breadcrumbs: Vec<Crumb>,
    /// A tag page's own feed: the tag's name and the feed's path.
    pub(crate) tag_feed: Option<(String, String)>,
}

/// Site-wide facts every head needs.
pub(crate) struct HeadContext<'a> {
    /// The manifest written with the pages.
    pub(crate) manifest: &'a Manifest,
    /// `/` or `/blog/`.
    pub(crate) root: &'a str,
}

impl HeadContext<'_> {
    /// The absolute URL of a path below the site root.
    pub(crate) fn absolute(&self, path: &str) -> String {
        paths::in_site(&self.manifest.site.base_url, path)
    }

    /// The tags that go before `</head>`.
    pub(crate) fn render(&self, head: &Head) -> String {
        let site = &self.manifest.site;
        let url = self.absolute(&head.path);
        let mut out = format!(
            "<title>{}</title>\n<meta name=\"description\" content=\"{}\">\n<meta name=\"{MANIFEST_META}\" content=\"{}\">\n",
            esc(&head.title),
            esc(&head.description),
            esc(&manifest_path(&self.manifest.version)),
        );
        let post = match &head.kind {
            PageKind::Post(post) => Some(post.as_ref()),
            _ => None,
        };
        let hide = matches!(head.kind, PageKind::NotFound) || post.is_some_and(|post| post.draft);
        if hide {
            out.push_str("<meta name=\"robots\" content=\"noindex\">\n");
        } else {
            out.push_str(&format!(
                "<link rel=\"canonical\" href=\"{}\">\n",
                esc(&url)
            ));
        }
        out.push_str(&format!(
            "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"{}\" href=\"{}\">\n",
            esc(&site.title),
            esc(&format!("{}{}", self.root, paths::FEED))
        ));
        if let Some((name, feed)) = &head.tag_feed {
            out.push_str(&format!(
                "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"{}\" href=\"{}\">\n",
                esc(&format!("#{name} on {}", site.title)),
                esc(&format!("{}{feed}", self.root))
            ));
        }
        if matches!(head.kind, PageKind::NotFound) {
            return out + NOSCRIPT_STYLE;
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
            out.push_str(&format!(
                "<meta {attribute}=\"{key}\" content=\"{}\">\n",
                esc(&value)
            ));
        }

        let main_entity = match post {
            Some(post) => self.blog_posting(post, &url),
            None if matches!(head.kind, PageKind::Home) && head.path.is_empty() => json!({
                "@context": "https://schema.org",
                "@type": "Blog",
                "name": site.title,
                "description": site.description,
                "url": url,
                "inLanguage": site.language,
            }),
            None => Value::Null,
        };
        out.push_str(&json_ld(&main_entity));
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
                        "item": self.absolute(&crumb.path),
                    })
                })
                .collect();
            out.push_str(&json_ld(&json!({
                "@context": "https://schema.org",
                "@type": "BreadcrumbList",
                "itemListElement": items,
            })));
        }
        out + NOSCRIPT_STYLE
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
            "keywords": post.tags.join(", "),
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

/// Hides what needs JavaScript (the theme switch, copy buttons) from readers without it.
const NOSCRIPT_STYLE: &str =
    "<noscript><style>.theme-toggle,.needs-js{display:none}</style></noscript>\n";

/// A JSON-LD script element; `<` is escaped so no text can close the element early.
fn json_ld(value: &Value) -> String {
    if value.is_null() {
        return String::new();
    }
    let text = value.to_string().replace('<', "\\u003c");
    format!("<script type=\"application/ld+json\">{text}</script>\n")
}
