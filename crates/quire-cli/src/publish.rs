//! Everything a build writes besides the data the app fetches: a page for
//! every route, `404.html`, redirect pages for aliases, feeds, sitemap,
//! `robots.txt`, and the rules files static hosts read.

use std::collections::{HashMap, HashSet};

use quire_core::{
    listing::paths,
    manifest::{Manifest, PostSummary},
    markdown::escape_html as esc,
};

use crate::{
    feeds::machine_files,
    head::HeadContext,
    pages::{Page, Pages},
    shell::Shell,
};

/// A build's inputs beyond the manifest.
pub(crate) struct PublishInputs<'a> {
    /// The data files (post bodies, highlighted code) by path.
    pub(crate) data_files: HashMap<&'a str, &'a str>,
    /// Trunk's `index.html`, or `None` to write plain pages without the app.
    pub(crate) shell: Option<&'a str>,
    /// Names of Trunk's content-hashed files at the site root (`quire-web-…_bg.wasm`).
    pub(crate) hashed_files: Vec<String>,
    /// The year for the footer's copyright line.
    pub(crate) year: i32,
}

/// Every file to write, as `(path below the site root, contents)`; or the
/// problems that stop the build (aliases that clash with pages).
pub(crate) fn site_files(
    manifest: &Manifest,
    inputs: PublishInputs<'_>,
) -> Result<Vec<(String, String)>, Vec<String>> {
    let shell =
        Shell::parse(inputs.shell).map_err(|message| vec![format!("index.html: {message}")])?;
    let root = paths::root_path(&manifest.site.base_url);
    let context = HeadContext {
        manifest,
        root: &root,
    };
    let pages = Pages::new(manifest, &root, inputs.data_files.clone());
    let header = pages.header();
    let footer = pages.footer(inputs.year);
    let document = |page: &Page| {
        let takeover = if page.app_draws_at_start {
            " data-takeover=\"at-start\""
        } else {
            ""
        };
        let body = format!(
            "<div id=\"quire-static\" data-path=\"{}\"{takeover}><a class=\"skip-link\" href=\"{}#main\">Skip to content</a>{header}<main id=\"main\" class=\"main\" tabindex=\"-1\">{}</main>{footer}</div>",
            esc(&format!("{root}{}", page.head.path)),
            esc(&format!("{root}{}", page.head.path)),
            page.main
        );
        shell.page(&manifest.site.language, &context.render(&page.head), &body)
    };

    let mut files = Vec::new();
    let mut routes = HashSet::new();
    for page in pages.all() {
        routes.insert(page.path.clone());
        files.push((format!("{}index.html", page.path), document(&page)));
    }
    files.push(("404.html".to_owned(), document(&pages.not_found())));

    let mut redirects = Vec::new();
    let mut problems = Vec::new();
    for post in manifest.posts.iter().chain(&manifest.unlisted) {
        for alias in &post.aliases {
            match check_alias(alias, &routes) {
                Ok(()) => redirects.push((alias.clone(), paths::post(&post.slug))),
                Err(message) => {
                    problems.push(format!("post `{}`: alias `/{alias}` {message}", post.slug))
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // Hugo answers /page/1/ with a redirect to the list's first page; so do we.
    redirects.push(("page/1/".to_owned(), paths::home(1)));
    for tag in quire_core::listing::tag_counts(&manifest.posts) {
        let first = paths::tag(&tag.slug, 1);
        redirects.push((format!("{first}page/1/"), first));
    }
    for (from, to) in &redirects {
        files.push((format!("{from}index.html"), redirect_page(&context, to)));
    }
    files.push(("_redirects".to_owned(), redirects_file(&root, &redirects)));
    files.push((
        "_headers".to_owned(),
        headers_file(&root, &inputs.hashed_files),
    ));
    files.extend(machine_files(&context, &inputs.data_files));
    Ok(files)
}

/// Whether an alias can have a redirect page of its own.
fn check_alias(alias: &str, routes: &HashSet<String>) -> Result<(), &'static str> {
    let trimmed = alias.trim_matches('/');
    if trimmed.is_empty() {
        return Err("names the home page; remove it");
    }
    if trimmed.split('/').any(|part| {
        part.is_empty() || part == "." || part == ".." || part.contains(['?', '#', '\\', ':'])
    }) {
        return Err("is not a plain path such as /2024/01/old-name/");
    }
    if routes.contains(alias) {
        return Err("is the address of a page the blog already has");
    }
    Ok(())
}

/// A page that sends readers and crawlers on to `to`, as Hugo's alias pages do.
fn redirect_page(context: &HeadContext<'_>, to: &str) -> String {
    let target = format!("{}{to}", context.root);
    let canonical = context.absolute(to);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<link rel=\"canonical\" href=\"{}\">\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url={}\">\n</head>\n<body>\n<p>This page has moved to <a href=\"{}\">{}</a>.</p>\n</body>\n</html>\n",
        esc(&context.manifest.site.language),
        esc(&canonical),
        esc(&canonical),
        esc(&target),
        esc(&target),
        esc(&canonical),
    )
}

/// Netlify's and Cloudflare Pages' redirect rules: real 301s for aliases.
/// Pages that exist need no rule, and both hosts serve `404.html`, with
/// status 404, for every other address.
fn redirects_file(root: &str, redirects: &[(String, String)]) -> String {
    let mut out = String::from(
        "# Written by `quire build` for Netlify and Cloudflare Pages: old addresses\n# (front-matter aliases, first list pages) answer with a permanent redirect.\n",
    );
    for (from, to) in redirects {
        let from = format!("{root}{from}");
        out.push_str(&format!("{from} {root}{to} 301\n"));
        out.push_str(&format!("{} {root}{to} 301\n", from.trim_end_matches('/')));
    }
    out
}

/// Netlify's and Cloudflare Pages' header rules. Files whose names carry a
/// content hash never change, so they are cached for a year; everything else
/// keeps the hosts' default (revalidate on every visit), so a new post shows
/// at once and a new page never meets an old manifest.
fn headers_file(root: &str, hashed_files: &[String]) -> String {
    let mut out = format!(
        "# Written by `quire build` for Netlify and Cloudflare Pages.\n{root}*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n# The manifest and post bodies: their names change with their content.\n{root}data/*\n  Cache-Control: public, max-age=31536000, immutable\n# The app, its styles and icons, named by Trunk after their content.\n"
    );
    for name in hashed_files {
        out.push_str(&format!(
            "{root}{name}\n  Cache-Control: public, max-age=31536000, immutable\n"
        ));
    }
    out
}

/// The posts a feed or sitemap may name: listed and not drafts.
pub(crate) fn public_posts(manifest: &Manifest) -> Vec<&PostSummary> {
    manifest.posts.iter().filter(|post| !post.draft).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_must_be_plain_free_paths() {
        let routes: HashSet<String> = ["".to_owned(), "tags/".to_owned()].into();
        assert!(check_alias("2024/01/old/", &routes).is_ok());
        assert!(check_alias("/", &routes).is_err());
        assert!(check_alias("tags/", &routes).is_err());
        assert!(check_alias("a/../b/", &routes).is_err());
        assert!(check_alias("https://x/", &routes).is_err());
    }

    #[test]
    fn headers_cache_hashed_files_for_a_year_and_nothing_else() {
        let text = headers_file("/blog/", &["quire-web-0123456789abcdef_bg.wasm".to_owned()]);
        assert!(text.contains("/blog/quire-web-0123456789abcdef_bg.wasm\n  Cache-Control: public, max-age=31536000, immutable"));
        assert!(
            text.contains("/blog/data/*\n  Cache-Control: public, max-age=31536000, immutable")
        );
        assert_eq!(text.matches("Cache-Control").count(), 2);
    }
}
