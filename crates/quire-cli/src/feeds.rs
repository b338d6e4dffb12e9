//! Files for machines: RSS feeds, the sitemap and `robots.txt`.
//! Drafts and hidden posts are in none of them.

use std::collections::HashMap;

use quire_core::{
    date::Date,
    html::escape as esc,
    listing::{TermCount, most_used_first, posts_by_term},
    manifest::PostSummary,
    markdown::{PageContext, render_body, render_for_feed},
    page_text,
    route::{self, Route},
};

use crate::{head::HeadContext, pages::prepared_of, publish::public_posts};

/// Writes the feeds and indexes: `(path below the site root, contents)`.
pub(crate) fn machine_files(
    context: &HeadContext<'_>,
    data_files: &HashMap<&str, &str>,
) -> Vec<(String, String)> {
    let manifest = context.manifest;
    let public = public_posts(manifest);
    let site = &manifest.site;
    let mut files = vec![(
        route::FEED.to_owned(),
        rss(
            context,
            data_files,
            &Channel {
                title: &site.title,
                description: &site.description,
                page: "",
                feed: route::FEED,
            },
            &public,
        ),
    )];
    let with_terms = manifest.with_terms();
    let terms: Vec<TermPosts<'_>> = manifest
        .site
        .taxonomies
        .iter()
        .flat_map(|taxonomy| {
            // Every term's posts in one pass: a blog may have thousands of tags.
            let mut terms = posts_by_term(with_terms.iter().copied(), taxonomy);
            terms.sort_by(|(a, _), (b, _)| most_used_first(a, b));
            terms
        })
        .map(|(term, carrying)| {
            let posts = carrying.into_iter().filter(|post| !post.draft).collect();
            TermPosts { term, posts }
        })
        .collect();
    for term in &terms {
        let heading = page_text::term_heading(&term.term.taxonomy, &term.term.name, 1);
        let title = format!("{heading} on {}", site.title);
        let description = page_text::term(
            site,
            &term.term.taxonomy,
            &term.term.name,
            1,
            term.posts.len(),
        )
        .description;
        let page = term.route().path();
        let feed = route::term_feed(&term.term.taxonomy, &term.term.slug);
        let channel = Channel {
            title: &title,
            description: &description,
            page: &page,
            feed: &feed,
        };
        files.push((
            route::decode_path(&feed),
            rss(context, data_files, &channel, &term.posts),
        ));
    }
    files.push(("sitemap.xml".to_owned(), sitemap(context, &public, &terms)));
    files.push((
        "robots.txt".to_owned(),
        format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}\n",
            context.absolute("sitemap.xml")
        ),
    ));
    files
}

/// One feed's own details.
struct Channel<'a> {
    title: &'a str,
    description: &'a str,
    /// The page the feed mirrors.
    page: &'a str,
    /// The feed's own path.
    feed: &'a str,
}

/// Posts newest first by date, as feeds list them (pinning is for the home page).
fn newest_first<'a>(posts: &[&'a PostSummary]) -> Vec<&'a PostSummary> {
    let mut sorted = posts.to_vec();
    sorted.sort_by_key(|post| std::cmp::Reverse(post.date));
    sorted
}

fn rss(
    context: &HeadContext<'_>,
    data_files: &HashMap<&str, &str>,
    channel: &Channel<'_>,
    posts: &[&PostSummary],
) -> String {
    let site = &context.manifest.site;
    let posts = newest_first(posts);
    let posts = &posts[..posts.len().min(site.feed.limit)];
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n",
    );
    out.push_str(&format!(
        "<title>{}</title>\n<link>{}</link>\n<description>{}</description>\n<generator>Quire</generator>\n<language>{}</language>\n",
        esc(channel.title),
        esc(&context.absolute(channel.page)),
        esc(channel.description),
        esc(&site.language),
    ));
    if let Some(newest) = posts.iter().map(|post| post.last_changed()).max() {
        out.push_str(&format!(
            "<lastBuildDate>{}</lastBuildDate>\n",
            newest.to_rfc2822()
        ));
    }
    out.push_str(&format!(
        "<atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        esc(&context.absolute(channel.feed))
    ));
    for post in posts {
        let link = context.absolute(&Route::post(post).path());
        let description = if site.feed.full_text {
            let markdown = data_files
                .get(post.body.as_str())
                .copied()
                .unwrap_or_default();
            // Feed readers show the text away from the site, so every link in it is absolute.
            let page_path = Route::post(post).path();
            let page = PageContext {
                site_root: &site.base_url,
                page_path: &page_path,
                raw_html: site.raw_html,
            };
            let prepared = prepared_of(post, data_files);
            if post.body_is_html() {
                render_body(markdown, true, page, &prepared)
                    .html
                    .into_string()
            } else {
                render_for_feed(markdown, page, &prepared)
                    .html
                    .into_string()
            }
        } else {
            post.summary.clone()
        };
        out.push_str(&format!(
            "<item>\n<title>{}</title>\n<link>{}</link>\n<guid isPermaLink=\"true\">{}</guid>\n<pubDate>{}</pubDate>\n",
            esc(&post.title),
            esc(&link),
            esc(&link),
            post.date.to_rfc2822()
        ));
        for author in &post.authors {
            out.push_str(&format!("<dc:creator>{}</dc:creator>\n", esc(author)));
        }
        for tag in &post.tags {
            out.push_str(&format!("<category>{}</category>\n", esc(tag)));
        }
        out.push_str(&format!(
            "<description>{}</description>\n</item>\n",
            esc(&description)
        ));
    }
    out.push_str("</channel>\n</rss>\n");
    out
}

/// A term with its public posts, for its feed and its sitemap entry.
struct TermPosts<'a> {
    /// The term.
    term: TermCount,
    /// Its posts that are not drafts, newest first.
    posts: Vec<&'a PostSummary>,
}

impl TermPosts<'_> {
    /// The term's first page.
    fn route(&self) -> Route {
        Route::Term {
            taxonomy: self.term.taxonomy.clone(),
            slug: self.term.slug.clone(),
            page: 1,
        }
    }
}

fn sitemap(context: &HeadContext<'_>, posts: &[&PostSummary], terms: &[TermPosts<'_>]) -> String {
    let newest = |posts: &[&PostSummary]| posts.iter().map(|post| post.last_changed()).max();
    let mut entries: Vec<(String, Option<Date>)> = vec![
        (String::new(), newest(posts)),
        (Route::Archives.path(), newest(posts)),
    ];
    let mut taxonomies: Vec<&str> = terms
        .iter()
        .map(|term| term.term.taxonomy.as_str())
        .collect();
    taxonomies.dedup();
    entries.extend(taxonomies.into_iter().map(|taxonomy| {
        let route = Route::Terms {
            taxonomy: taxonomy.to_owned(),
        };
        (route.path(), newest(posts))
    }));
    let manifest = context.manifest;
    let pages: Vec<&PostSummary> = manifest
        .pages
        .iter()
        .filter(|page| !page.draft && Route::of_layout(page).is_none())
        .collect();
    entries.extend(
        posts
            .iter()
            .chain(&pages)
            .map(|post| (Route::post(post).path(), Some(post.last_changed()))),
    );
    // Each year of the archive, newest first, as its page lists them.
    entries.extend(
        quire_core::listing::posts_by_year(posts.iter().copied())
            .iter()
            .rev()
            .map(|(year, posts)| (Route::ArchiveYear { year: *year }.path(), newest(posts))),
    );
    entries.extend(manifest.sections.iter().map(|section| {
        let listed: Vec<&PostSummary> = manifest
            .section_pages(section)
            .into_iter()
            .filter(|page| !page.draft)
            .collect();
        let route = Route::Section {
            path: section.path.clone(),
            page: 1,
        };
        (route.path(), newest(&listed))
    }));
    entries.extend(
        terms
            .iter()
            .filter(|term| !term.posts.is_empty())
            .map(|term| (term.route().path(), newest(&term.posts))),
    );
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, lastmod) in entries {
        out.push_str(&format!(
            "<url><loc>{}</loc>",
            esc(&context.absolute(&path))
        ));
        if let Some(lastmod) = lastmod {
            out.push_str(&format!("<lastmod>{lastmod}</lastmod>"));
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}
