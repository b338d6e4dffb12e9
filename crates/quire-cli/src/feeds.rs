//! Files for machines: RSS feeds, the sitemap and `robots.txt`.
//! Drafts and hidden posts are in none of them.

use std::collections::HashMap;

use quire_core::{
    date::Date,
    html::escape as esc,
    listing::{posts_tagged, tag_counts},
    manifest::PostSummary,
    markdown::{LinkBase, render_for_feed},
    route::{self, Route},
};

use crate::{head::HeadContext, publish::public_posts};

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
    let tags: Vec<TagPosts<'_>> = tag_counts(&manifest.posts)
        .into_iter()
        .filter_map(|tag| {
            let (name, tagged) = posts_tagged(&manifest.posts, &tag.slug)?;
            let posts = tagged.into_iter().filter(|post| !post.draft).collect();
            Some(TagPosts {
                slug: tag.slug,
                name,
                posts,
            })
        })
        .collect();
    for tag in &tags {
        let title = format!("#{} on {}", tag.name, site.title);
        let description = format!("Posts tagged {} on {}.", tag.name, site.title);
        let page = Route::Tag {
            slug: tag.slug.clone(),
            page: 1,
        }
        .path();
        let feed = route::tag_feed(&tag.slug);
        let channel = Channel {
            title: &title,
            description: &description,
            page: &page,
            feed: &feed,
        };
        files.push((
            route::decode_path(&feed),
            rss(context, data_files, &channel, &tag.posts),
        ));
    }
    files.push(("sitemap.xml".to_owned(), sitemap(context, &public, &tags)));
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
            render_for_feed(
                markdown,
                LinkBase {
                    site_root: &site.base_url,
                    page_path: &page_path,
                },
            )
            .html
            .into_string()
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

/// A tag with its public posts, for its feed and its sitemap entry.
struct TagPosts<'a> {
    /// The tag's URL segment.
    slug: String,
    /// The tag as the author wrote it.
    name: String,
    /// Its posts that are not drafts, newest first.
    posts: Vec<&'a PostSummary>,
}

fn sitemap(context: &HeadContext<'_>, posts: &[&PostSummary], tags: &[TagPosts<'_>]) -> String {
    let newest = |posts: &[&PostSummary]| posts.iter().map(|post| post.last_changed()).max();
    let mut entries: Vec<(String, Option<Date>)> = vec![
        (String::new(), newest(posts)),
        (Route::Archives.path(), newest(posts)),
        (Route::Tags.path(), newest(posts)),
    ];
    entries.extend(
        posts
            .iter()
            .map(|post| (Route::post(post).path(), Some(post.last_changed()))),
    );
    entries.extend(tags.iter().filter(|tag| !tag.posts.is_empty()).map(|tag| {
        let route = Route::Tag {
            slug: tag.slug.clone(),
            page: 1,
        };
        (route.path(), newest(&tag.posts))
    }));
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
