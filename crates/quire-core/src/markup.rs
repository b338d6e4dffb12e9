//! HTML fragments of the reading views, as text.
//!
//! The build tool pours them into every pre-rendered page and the app sets
//! them as `inner_html`, so the page a crawler or a reader without
//! JavaScript gets and the page the app draws are one piece of code and
//! cannot drift apart. Every text is escaped here; callers pass plain data.
//! Links are ordinary `<a href>`: the app's router follows them wherever
//! they are in the document.

use crate::{
    listing::paths,
    manifest::{Cover, PostSummary, Site},
    markdown::{Heading, Rendered, escape_html as esc},
    search::{SearchDoc, highlight_html},
    slug::slugify,
};

/// The theme switch's two icons (a moon, shown in the light theme, and a
/// sun, shown in the dark one), as the button's markup.
const THEME_SWITCH_ICONS: &str = r#"<svg class="icon-moon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"></path></svg><svg class="icon-sun" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><circle cx="12" cy="12" r="5" fill="none" stroke="currentColor" stroke-width="2"></circle><path d="M12 1v2M12 21v2M4.2 4.2l1.4 1.4M18.4 18.4l1.4 1.4M1 12h2M21 12h2M4.2 19.8l1.4-1.4M18.4 5.6l1.4-1.4" stroke="currentColor" stroke-width="2" stroke-linecap="round"></path></svg>"#;

/// The inside of the site's `<header>`: the blog's name, its menu, the
/// search link and the theme switch, named `theme_label` ("Switch to dark
/// theme"; the inline script in `index.html` keeps the name current). With
/// no site yet (the manifest still on its way) the bar keeps its shape.
pub fn site_header(root: &str, site: Option<&Site>, theme_label: &str) -> String {
    let (title, menu) = site.map_or((String::new(), String::new()), |site| {
        let menu = site
            .menu
            .iter()
            .map(|link| {
                format!(
                    r#"<li><a href="{}">{}</a></li>"#,
                    esc(&paths::in_site(root, &link.url)),
                    esc(&link.name)
                )
            })
            .collect();
        (esc(&site.title), menu)
    });
    format!(
        r#"<nav class="nav" aria-label="Site"><a class="site-title" href="{root}">{title}</a><ul class="menu">{menu}<li><a class="search-link" href="{root}{}" aria-keyshortcuts="/">Search</a></li><li><button type="button" class="theme-toggle" aria-label="{}">{THEME_SWITCH_ICONS}</button></li></ul></nav>"#,
        paths::SEARCH,
        esc(theme_label)
    )
}

/// The inside of the site's `<footer>`: profiles, the feed, copyright.
pub fn site_footer(root: &str, site: &Site, year: i32) -> String {
    let social: String = site
        .social
        .iter()
        .map(|link| {
            format!(
                r#"<li><a href="{}" rel="me noopener">{}</a></li>"#,
                esc(&paths::in_site(root, &link.url)),
                esc(&link.name)
            )
        })
        .collect();
    // The feed is a file, not a route: rel="external" keeps the router off it.
    format!(
        r#"<ul class="social">{social}<li><a href="{root}{}" rel="external" type="application/rss+xml">RSS</a></li></ul><p>{} · Powered by Quire</p>"#,
        paths::FEED,
        esc(&crate::page_text::copyright(site, year))
    )
}

/// The line under a title: `<time>March 9, 2026</time> · 4 min · Maya`.
pub fn post_meta_line(post: &PostSummary) -> String {
    let authors = post.author_line();
    let author = if authors.is_empty() {
        String::new()
    } else {
        format!(
            r#"<span class="meta-sep" aria-hidden="true">·</span><span class="author">{}</span>"#,
            esc(&authors)
        )
    };
    format!(
        r#"<div class="post-meta"><time datetime="{}">{}</time><span class="meta-sep" aria-hidden="true">·</span><span class="reading-time">{} min</span>{author}</div>"#,
        post.date,
        post.date.long_form(),
        post.reading_minutes
    )
}

/// A post's tags as links to their pages; empty for a post without tags.
pub fn tag_links(root: &str, post: &PostSummary, class: &str) -> String {
    if post.tags.is_empty() {
        return String::new();
    }
    let items: String = post
        .tags
        .iter()
        .map(|tag| {
            format!(
                r#"<li><a href="{root}{}">#{}</a></li>"#,
                esc(&paths::tag(&slugify(tag), 1)),
                esc(tag)
            )
        })
        .collect();
    format!(r#"<ul class="{class}" aria-label="Tags">{items}</ul>"#)
}

/// An `<img>` for a cover, with its size so nothing moves while it loads.
fn cover_image(root: &str, cover: &Cover, loading: &str) -> String {
    format!(
        r#"<img src="{}" alt="{}" width="{}" height="{}" {loading}>"#,
        esc(&paths::in_site(root, &cover.src)),
        esc(&cover.alt),
        cover.width,
        cover.height
    )
}

/// One card of a post list. The first card's cover is likely the largest
/// thing on screen, so it loads at once; the others load lazily.
pub fn card(root: &str, post: &PostSummary, first: bool) -> String {
    let loading = if first {
        r#"decoding="async" fetchpriority="high""#
    } else {
        r#"loading="lazy" decoding="async""#
    };
    let cover = post
        .cover
        .as_ref()
        .map(|cover| {
            format!(
                r#"<figure class="card-cover">{}</figure>"#,
                cover_image(root, cover, loading)
            )
        })
        .unwrap_or_default();
    format!(
        r#"<article class="post-card">{cover}<h2 class="card-title"><a href="{root}{}">{}</a></h2><p class="card-summary">{}</p>{}{}</article>"#,
        esc(&paths::post(&post.slug)),
        esc(&post.title),
        esc(&post.summary),
        post_meta_line(post),
        tag_links(root, post, "card-tags"),
    )
}

/// The cards of a list, in order.
pub fn post_list<'a>(root: &str, posts: impl IntoIterator<Item = &'a PostSummary>) -> String {
    posts
        .into_iter()
        .enumerate()
        .map(|(at, post)| card(root, post, at == 0))
        .collect()
}

/// The inside of a list's `<nav class="pager">`: "Newer posts" / "Older
/// posts" links and the position.
pub fn pager_links(
    root: &str,
    number: usize,
    total: usize,
    path_of: impl Fn(usize) -> String,
) -> String {
    let newer = if number > 1 {
        format!(
            r#"<a class="pager-newer" href="{root}{}" rel="prev">← Newer posts</a>"#,
            esc(&path_of(number - 1))
        )
    } else {
        String::new()
    };
    let older = if number < total {
        format!(
            r#"<a class="pager-older" href="{root}{}" rel="next">Older posts →</a>"#,
            esc(&path_of(number + 1))
        )
    } else {
        String::new()
    };
    format!(r#"{newer}<span class="pager-position">Page {number} of {total}</span>{older}"#)
}

/// A list's pager; empty when the list has one page.
pub fn pager(root: &str, number: usize, total: usize, path_of: impl Fn(usize) -> String) -> String {
    if total <= 1 {
        return String::new();
    }
    format!(
        r#"<nav class="pager" aria-label="Pages">{}</nav>"#,
        pager_links(root, number, total, path_of)
    )
}

/// One step of a breadcrumb trail: its name and its route path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crumb {
    /// What the step is called.
    pub name: String,
    /// Its route path below the site root (`""` for the home page).
    pub path: String,
}

impl Crumb {
    /// A step named `name` at `path`.
    pub fn new(name: impl Into<String>, path: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            path: path.into(),
        }
    }
}

/// The trail from the home page to a post.
pub fn post_trail(site: &Site, post: &PostSummary) -> Vec<Crumb> {
    vec![
        Crumb::new(site.title.clone(), ""),
        Crumb::new("Posts", paths::ARCHIVES),
        Crumb::new(post.title.clone(), paths::post(&post.slug)),
    ]
}

/// The visible trail: links up to the current page, which is named, not linked.
pub fn breadcrumbs(root: &str, trail: &[Crumb]) -> String {
    let Some((current, up)) = trail.split_last() else {
        return String::new();
    };
    let links: String = up
        .iter()
        .map(|crumb| {
            format!(
                r#"<li><a href="{root}{}">{}</a></li>"#,
                esc(&crumb.path),
                esc(&crumb.name)
            )
        })
        .collect();
    format!(
        r#"<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>{links}<li><span aria-current="page">{}</span></li></ol></nav>"#,
        esc(&current.name)
    )
}

/// The inside of a post's `<header>`: breadcrumbs, title, meta line,
/// "Updated …" and the cover.
pub fn post_header(root: &str, site: &Site, post: &PostSummary) -> String {
    let updated = post
        .updated_later()
        .map(|lastmod| {
            format!(
                r#"<p class="post-updated">Updated <time datetime="{lastmod}">{}</time></p>"#,
                lastmod.long_form()
            )
        })
        .unwrap_or_default();
    format!(
        r#"{}<h1 class="post-title">{}</h1>{}{updated}{}"#,
        breadcrumbs(root, &post_trail(site, post)),
        esc(&post.title),
        post_meta_line(post),
        post_cover(root, post),
    )
}

/// A post's cover with its caption; empty without a cover.
fn post_cover(root: &str, post: &PostSummary) -> String {
    let Some(cover) = &post.cover else {
        return String::new();
    };
    let caption = if cover.caption.is_empty() {
        String::new()
    } else {
        format!("<figcaption>{}</figcaption>", esc(&cover.caption))
    };
    format!(
        r#"<figure class="post-cover">{}{caption}</figure>"#,
        cover_image(root, cover, r#"decoding="async" fetchpriority="high""#)
    )
}

/// How many h2 and h3 headings a post needs before a table of contents helps.
pub const TOC_MIN_HEADINGS: usize = 3;

/// A collapsible table of contents of the h2 and h3 headings, h3 nested
/// under the h2 before it; empty when the post has too few headings.
pub fn table_of_contents(page_url: &str, headings: &[Heading]) -> String {
    let listed: Vec<&Heading> = headings
        .iter()
        .filter(|heading| matches!(heading.level, 2 | 3))
        .collect();
    if listed.len() < TOC_MIN_HEADINGS {
        return String::new();
    }
    let mut items = String::new();
    let mut nested = false;
    for (at, heading) in listed.iter().enumerate() {
        let link = format!(
            r#"<a href="{}#{}">{}</a>"#,
            esc(page_url),
            heading.id,
            esc(&heading.text)
        );
        let next_is_child = listed
            .get(at + 1)
            .is_some_and(|next| next.level == 3 && heading.level == 2);
        if heading.level == 3 && nested {
            items.push_str(&format!("<li>{link}</li>"));
        } else {
            if nested {
                items.push_str("</ol></li>");
                nested = false;
            }
            items.push_str(&format!("<li>{link}"));
            if next_is_child {
                items.push_str("<ol>");
                nested = true;
            } else {
                items.push_str("</li>");
            }
        }
    }
    if nested {
        items.push_str("</ol></li>");
    }
    format!(
        r#"<details class="toc" open><summary>Contents</summary><nav aria-label="Table of contents"><ol>{items}</ol></nav></details>"#
    )
}

/// The inside of a post's `.post-content`: the table of contents (unless the
/// post turned it off) and the body.
pub fn post_content(root: &str, post: &PostSummary, rendered: &Rendered) -> String {
    let toc = if post.toc {
        table_of_contents(
            &format!("{root}{}", paths::post(&post.slug)),
            &rendered.headings,
        )
    } else {
        String::new()
    };
    format!("{toc}{}", rendered.html)
}

/// The inside of a post's `<footer>`: tags, share links, related posts,
/// and the links to the newer and older post.
pub fn post_footer(
    root: &str,
    site: &Site,
    post: &PostSummary,
    related: &[&PostSummary],
    (older, newer): (Option<&PostSummary>, Option<&PostSummary>),
) -> String {
    let neighbour = |post: Option<&PostSummary>, class: &str, label: &str| {
        post.map(|post| {
            format!(
                r#"<a class="{class}" href="{root}{}"><span class="paginav-label">{label}</span><span class="paginav-title">{}</span></a>"#,
                esc(&paths::post(&post.slug)),
                esc(&post.title)
            )
        })
        .unwrap_or_default()
    };
    format!(
        r#"{}{}{}<nav class="paginav" aria-label="More posts">{}{}</nav>"#,
        tag_links(root, post, "post-tags"),
        share_links(site, post),
        related_posts(root, related),
        neighbour(newer, "paginav-newer", "← Newer"),
        neighbour(older, "paginav-older", "Older →"),
    )
}

/// "Related posts": up to three posts that share tags with this one.
pub fn related_posts(root: &str, related: &[&PostSummary]) -> String {
    if related.is_empty() {
        return String::new();
    }
    let items: String = related
        .iter()
        .map(|post| {
            format!(
                r#"<li><a href="{root}{}">{}</a><time datetime="{}">{}</time></li>"#,
                esc(&paths::post(&post.slug)),
                esc(&post.title),
                post.date,
                post.date.long_form()
            )
        })
        .collect();
    format!(
        r#"<section class="related" aria-labelledby="related-heading"><h2 id="related-heading">Related posts</h2><ul>{items}</ul></section>"#
    )
}

/// Share links to the usual places, plain links with no third-party
/// script, and a "Copy link" button (the app makes it work; without
/// JavaScript it is hidden).
pub fn share_links(site: &Site, post: &PostSummary) -> String {
    let url = format!("{}{}", site.base_url, paths::post(&post.slug));
    let (url_q, title_q) = (query_escape(&url), query_escape(&post.title));
    let new_tab = |name: &str, href: String| {
        format!(
            r#"<li><a href="{}" rel="external noopener" target="_blank" aria-label="Share on {name} (opens in a new tab)">{name}</a></li>"#,
            esc(&href)
        )
    };
    format!(
        r#"<section class="share" aria-label="Share this post"><span class="share-label" aria-hidden="true">Share</span><ul><li><button type="button" class="copy-button copy-link needs-js" data-copy="{}">Copy link</button></li>{}{}{}{}<li><a href="{}" rel="external" aria-label="Share by email">Email</a></li></ul></section>"#,
        esc(&url),
        new_tab(
            "X",
            format!("https://x.com/intent/post?url={url_q}&text={title_q}")
        ),
        new_tab(
            "LinkedIn",
            format!("https://www.linkedin.com/sharing/share-offsite/?url={url_q}")
        ),
        new_tab(
            "Hacker News",
            format!("https://news.ycombinator.com/submitlink?u={url_q}&t={title_q}")
        ),
        new_tab(
            "Reddit",
            format!("https://www.reddit.com/submit?url={url_q}&title={title_q}")
        ),
        esc(&format!("mailto:?subject={title_q}&body={url_q}")),
    )
}

/// Percent-encodes text for a URL's query.
pub fn query_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(byte));
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The inside of the search page's result list: one `<li>` per post, its
/// title, summary and tags with the query's words marked (see
/// [`highlight_html`]), and its date. One string, so the app sets a whole
/// list per keystroke in one go.
pub fn search_results<'a>(
    root: &str,
    docs: impl IntoIterator<Item = &'a SearchDoc>,
    query: &str,
) -> String {
    docs.into_iter()
        .map(|doc| {
            let tags = doc.tags.iter().map(|tag| format!("#{tag}")).collect::<Vec<_>>().join(" ");
            let tags = if tags.is_empty() {
                String::new()
            } else {
                format!(" · <span>{}</span>", highlight_html(&tags, query))
            };
            format!(
                r#"<li class="search-result"><a href="{root}{}"><span class="search-result-title">{}</span><span class="search-result-summary">{}</span><span class="search-result-meta"><time datetime="{}">{}</time>{tags}</span></a></li>"#,
                esc(&paths::post(&doc.slug)),
                highlight_html(&doc.title, query),
                highlight_html(&doc.summary, query),
                doc.date,
                doc.date.long_form(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_results_mark_the_query_and_escape_the_rest() {
        let doc = SearchDoc {
            slug: "cap".into(),
            title: "CAP <theorem>".into(),
            summary: "Pick two.".into(),
            tags: vec!["databases".into()],
            date: "2026-03-09".parse().unwrap(),
        };
        assert_eq!(
            search_results("/blog/", [&doc], "theorem data"),
            r#"<li class="search-result"><a href="/blog/posts/cap/"><span class="search-result-title">CAP &lt;<mark>theorem</mark>&gt;</span><span class="search-result-summary">Pick two.</span><span class="search-result-meta"><time datetime="2026-03-09">March 9, 2026</time> · <span>#<mark>databases</mark></span></span></a></li>"#
        );
    }

    #[test]
    fn query_escape_keeps_unreserved_and_encodes_the_rest() {
        assert_eq!(query_escape("a b&c/é"), "a%20b%26c%2F%C3%A9");
    }
}
