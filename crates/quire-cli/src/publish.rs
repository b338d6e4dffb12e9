//! Everything a build writes besides the data the app fetches: a page for
//! every route, `404.html`, redirect pages for aliases, feeds, sitemap,
//! `robots.txt`, and the rules files static hosts read.

use std::{
    collections::{HashMap, HashSet},
    sync::Arc,
};

use quire_core::{
    dom, html,
    html::SafeHtml,
    manifest::{Manifest, PostSummary},
    problem::Problem,
    route::{self, Route},
    route_data::{RouteData, SiteData, route_data_path, site_data_path},
};
use rayon::prelude::*;

use crate::watch::fingerprint;
use crate::{
    csp::{self, ContentSecurityPolicy},
    feeds::machine_files,
    head::HeadContext,
    pages::{Page, Pages},
    service_worker,
    shell::Shell,
};

/// A file a build writes: its path below the site root, and its text,
/// shared with [`PageMemo`] under `quire watch` rather than copied.
pub(crate) type SiteFile = (String, Arc<str>);

/// A build's inputs beyond the manifest.
pub(crate) struct PublishInputs<'a> {
    /// The data files (post bodies, highlighted code) by path.
    pub(crate) data_files: HashMap<&'a str, &'a str>,
    /// Trunk's `index.html`, or `None` to write plain pages without the app.
    pub(crate) shell: Option<&'a str>,
    /// Names of Trunk's content-hashed files at the site root (`quire-web-…_bg.wasm`).
    pub(crate) hashed_files: Vec<String>,
    /// The app's JavaScript among them (wasm-bindgen's glue), by name, as
    /// Trunk (or an earlier build) wrote it.
    pub(crate) app_scripts: Vec<(String, String)>,
    /// The year for the footer's copyright line.
    pub(crate) year: i32,
    /// Under `quire watch`, the pages the last build drew.
    pub(crate) memo: Option<&'a mut PageMemo>,
}

/// Every file to write, as `(path below the site root, contents)`: pages
/// and the like, and under `data/` what the app fetches to draw each route
/// ([`quire_core::route_data`]); or the problems that stop the build
/// (aliases that clash with pages).
pub(crate) fn site_files(
    manifest: &Manifest,
    inputs: PublishInputs<'_>,
) -> Result<Vec<SiteFile>, Vec<Problem>> {
    let shell = Shell::parse(inputs.shell)
        .map_err(|message| vec![Problem::in_file("index.html", message)])?;
    let policy = ContentSecurityPolicy::for_shell(&shell.text);
    // `trunk serve` rewrites its live-reload script as it serves it, so no
    // hash could allow it: its previews go without the policy's meta tag.
    let preview = csp::is_live_reload_preview(&shell.text);
    let page_policy = (!preview).then(|| policy.meta_value());
    let root = route::root_path(&manifest.site.base_url);
    let context = HeadContext {
        manifest,
        root: &root,
        // A preview's pages change under the reader with every edit: no
        // offline copies of them.
        names_worker: manifest.site.offline && !preview,
    };
    let pages = Pages::new(manifest, &root, inputs.data_files.clone());
    let header = pages.header();
    let footer = pages.footer(inputs.year);
    let document = |page: &Page| {
        let takeover = if page.app_draws_at_start {
            html!(r#" {}="at-start""#, dom::DATA_TAKEOVER)
        } else {
            SafeHtml::empty()
        };
        let address = page
            .head
            .route
            .as_ref()
            .map_or_else(|| root.clone(), |route| route.href(&root));
        let body = html!(
            r##"<div id="{}" {}="{}"{}><a class="skip-link" href="{}#{}">Skip to content</a>{}<main id="{}" class="main" tabindex="-1">{}</main>{}</div>"##,
            dom::PRERENDERED_ID,
            dom::DATA_PATH,
            address,
            takeover,
            address,
            dom::MAIN_ID,
            header,
            dom::MAIN_ID,
            page.main,
            footer
        );
        shell.page(
            &manifest.site.language,
            page_policy.as_deref(),
            &if preview {
                html!(
                    "{}{}",
                    context.render(&page.head),
                    crate::preview::script_tag(&root)
                )
            } else {
                context.render(&page.head)
            },
            &body,
        )
    };

    let version = &manifest.version;
    let data_file = |route: &Route, data: &RouteData| -> SiteFile {
        let json = serde_json::to_string(data).expect("route data is plain data");
        (route_data_path(version, route), json.into())
    };
    // Under `quire watch`, a page whose data is as in the last build (and
    // the site's settings and frame too) is the page the last build drew.
    let site_wide = fingerprint(&(
        &shell.text,
        &page_policy,
        &header,
        &footer,
        version,
        serde_json::to_string(&manifest.site).unwrap_or_default(),
    ));
    let kept = inputs
        .memo
        .as_deref()
        .filter(|memo| memo.site_wide == site_wide)
        .map(|memo| &memo.pages);
    let routes = route::every_route(manifest);
    let drawn: Vec<Drawn> = routes
        .par_iter()
        .filter_map(|route| {
            if *route == Route::Search {
                let page = pages.search();
                return Some(Drawn::without_data(&page, document(&page).into()));
            }
            let data = pages.route_data(route)?;
            let kept = kept
                .and_then(|kept| kept.get(route))
                .filter(|page| page.data.as_ref().is_some_and(|(kept, _)| **kept == data));
            let page = match kept {
                Some(page) => page.clone(),
                None => {
                    let document = document(&pages.draw(route, &data)).into();
                    let file = data_file(route, &data);
                    DrawnPage {
                        document,
                        data: Some((Arc::new(data), file)),
                    }
                }
            };
            Some(Drawn {
                route: Some(route.clone()),
                file: route::file_of(&route::decode_path(&route.path())),
                page,
            })
        })
        .collect();
    if let Some(memo) = inputs.memo {
        memo.site_wide = site_wide;
        memo.pages = drawn
            .iter()
            .filter(|drawn| drawn.page.data.is_some())
            .filter_map(|drawn| Some((drawn.route.clone()?, drawn.page.clone())))
            .collect();
    }
    let not_found = pages.not_found();
    let drawn: Vec<Drawn> = drawn
        .into_iter()
        .chain([Drawn::without_data(&not_found, document(&not_found).into())])
        .collect();
    // Every page's path as a host decodes it.
    let routes: HashSet<String> = drawn
        .iter()
        .filter_map(|page| page.route.as_ref())
        .map(|route| route::decode_path(&route.path()))
        .collect();
    // Two addresses whose data would be one file (a 64-bit hash
    // collision): the build stops rather than show one's page at the other.
    let with_data: Vec<Route> = drawn
        .iter()
        .filter(|drawn| drawn.page.data.is_some())
        .filter_map(|drawn| drawn.route.clone())
        .collect();
    let mut files: Vec<SiteFile> = Vec::with_capacity(drawn.len() * 2);
    for drawn in drawn {
        files.push((drawn.file, drawn.page.document));
        files.extend(drawn.page.data.map(|(_, file)| file));
    }
    files.push((
        site_data_path(version),
        serde_json::to_string(&SiteData::of(manifest))
            .expect("the site is plain data")
            .into(),
    ));

    let mut redirects = Vec::new();
    let mut problems = Vec::new();
    for post in manifest.every_page() {
        // A page standing for the archive or search (PaperMod's layouts)
        // sends its own address on to it, as it sends its aliases.
        let (target, own_address) = match Route::of_layout(post) {
            Some(built_in) => (built_in, Some(&post.path)),
            None => (Route::post(post), None),
        };
        for alias in own_address.into_iter().chain(&post.aliases) {
            if route::decode_path(&target.path()) == *alias {
                continue;
            }
            match check_alias(alias, &routes) {
                Ok(()) => {
                    // The app follows the old address too.
                    let moved = RouteData::Moved(target.path());
                    files.push(data_file(
                        &Route::Content {
                            path: alias.clone(),
                        },
                        &moved,
                    ));
                    redirects.push((alias.clone(), target.path()));
                }
                Err(message) => problems.push(Problem::new(format!(
                    "post `{}`: alias `/{alias}` {message}",
                    post.slug
                ))),
            }
        }
    }
    let mut address_of_file: HashMap<String, String> = HashMap::new();
    let addresses_with_data = with_data
        .into_iter()
        .chain(redirects.iter().map(|(alias, _)| Route::Content {
            path: alias.clone(),
        }));
    for route in addresses_with_data {
        let address = route.path();
        if let Some(other) =
            address_of_file.insert(route_data_path(version, &route), address.clone())
            && other != address
        {
            problems.push(Problem::new(format!(
                "the addresses `/{other}` and `/{address}` would share one data file; rename one of them"
            )));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // Hugo answers /page/1/ with a redirect to the list's first page; so do we.
    redirects.push(("page/1/".to_owned(), Route::Home { page: 1 }.path()));
    for section in &manifest.sections {
        redirects.push((
            format!("{}page/1/", section.path),
            route::encode_path(&section.path),
        ));
    }
    for taxonomy in &manifest.site.taxonomies {
        for term in quire_core::listing::term_counts(manifest.with_terms(), taxonomy) {
            let first = Route::Term {
                taxonomy: taxonomy.clone(),
                slug: term.slug,
                page: 1,
            }
            .path();
            redirects.push((format!("{}page/1/", route::decode_path(&first)), first));
        }
    }
    for (from, to) in &redirects {
        files.push((
            route::file_of(from),
            redirect_page(&context, &policy, to).into(),
        ));
    }
    files.push((
        "_redirects".to_owned(),
        redirects_file(&root, &redirects).into(),
    ));
    files.push((
        "_headers".to_owned(),
        headers_file(&root, &policy, &inputs.hashed_files).into(),
    ));
    files.extend(
        machine_files(&context, &inputs.data_files)
            .into_iter()
            .map(|(path, text)| (path, text.into())),
    );
    // The pages carry the app, and the site keeps itself for offline reading.
    let keeps_offline = inputs.shell.is_some() && context.names_worker;
    if preview {
        files.push((
            crate::preview::SCRIPT_FILE.to_owned(),
            crate::preview::script().into(),
        ));
    }
    files.extend(
        inputs
            .app_scripts
            .iter()
            .map(|(name, text)| (name.clone(), with_compile_hint(text).into())),
    );
    files.push((
        service_worker::WORKER_FILE.to_owned(),
        service_worker::worker(
            &root,
            keeps_offline.then_some(inputs.hashed_files.as_slice()),
        )
        .into(),
    ));
    Ok(files)
}

/// V8's compile hint: Chromium compiles the whole file as it loads it,
/// instead of each function the first time it runs.
const COMPILE_HINT: &str = "//# allFunctionsCalledOnLoad\n";

/// The app's script, starting with [`COMPILE_HINT`] once. Under 4x CPU, the
/// reader's first click compiled some 60 of its functions (6 ms), and the
/// start spent 26 ms compiling on the main thread where it now spends 13.
fn with_compile_hint(script: &str) -> String {
    if script.starts_with(COMPILE_HINT) {
        script.to_owned()
    } else {
        format!("{COMPILE_HINT}{script}")
    }
}

/// A page drawn, and where it goes.
struct Drawn {
    /// Its route; `None` for not-found.
    route: Option<Route>,
    /// Where it is written, below the site root.
    file: String,
    /// The page.
    page: DrawnPage,
}

impl Drawn {
    /// A page drawn from no data of its own (search, not-found).
    fn without_data(page: &Page, document: Arc<str>) -> Self {
        Self {
            route: page.head.route.clone(),
            file: page.file(),
            page: DrawnPage {
                data: None,
                document,
            },
        }
    }
}

/// A page's document, with what it was drawn from; shared, not copied,
/// when `quire watch` keeps it for the next build.
#[derive(Clone)]
struct DrawnPage {
    /// Its route's data, and the file the app fetches it as (`(path,
    /// JSON)`); `None` for search and not-found.
    data: Option<(Arc<RouteData>, SiteFile)>,
    /// The whole HTML document.
    document: Arc<str>,
}

/// The pages the last build drew, for `quire watch` to draw only those
/// whose data an edit changed.
#[derive(Default)]
pub(crate) struct PageMemo {
    /// A fingerprint of what every page shares: the shell, header, footer,
    /// policy, release and settings; when it changes, every page is drawn
    /// again.
    site_wide: u64,
    /// Each route's page as drawn last.
    pages: HashMap<Route, DrawnPage>,
}

/// Whether an alias (a decoded path below the site root) can have a
/// redirect page of its own.
fn check_alias(alias: &str, routes: &HashSet<String>) -> Result<(), &'static str> {
    let trimmed = alias.trim_matches('/');
    if trimmed.is_empty() {
        return Err("names the home page; remove it");
    }
    if trimmed.split('/').any(|part| {
        part.is_empty()
            || part == "."
            || part == ".."
            || part.contains(['?', '#', '\\', ':'])
            || part.chars().any(char::is_control)
    }) {
        return Err("is not a plain path such as /2024/01/old-name/");
    }
    if let Some(problem) = route::address_problem(alias) {
        return Err(problem);
    }
    if routes.contains(alias) {
        return Err("is the address of a page the blog already has");
    }
    Ok(())
}

/// A page that sends readers and crawlers on to `to`, as Hugo's alias pages do.
fn redirect_page(context: &HeadContext<'_>, policy: &ContentSecurityPolicy, to: &str) -> String {
    let target = format!("{}{to}", context.root);
    let canonical = context.absolute(to);
    html!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n<title>{}</title>\n<link rel=\"canonical\" href=\"{}\">\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url={}\">\n</head>\n<body>\n<p>This page has moved to <a href=\"{}\">{}</a>.</p>\n</body>\n</html>\n",
        context.manifest.site.language,
        policy.meta_value(),
        canonical,
        canonical,
        target,
        target,
        canonical,
    )
    .into_string()
}

/// Netlify's and Cloudflare Pages' redirect rules: real 301s for aliases.
/// Pages that exist need no rule, and both hosts serve `404.html`, with
/// status 404, for every other address. `redirects` go from a decoded path
/// to a route's (encoded) path.
fn redirects_file(root: &str, redirects: &[(String, String)]) -> String {
    let mut out = String::from(
        "# Written by `quire build` for Netlify and Cloudflare Pages: old addresses\n# (front-matter aliases, first list pages) answer with a permanent redirect.\n",
    );
    for (from, to) in redirects {
        let from = format!("{root}{}", route::encode_path(from));
        out.push_str(&format!("{from} {root}{to} 301\n"));
        out.push_str(&format!("{} {root}{to} 301\n", from.trim_end_matches('/')));
    }
    out
}

/// Netlify's and Cloudflare Pages' header rules. Files whose names carry a
/// content hash never change, so they are cached for a year; everything else
/// keeps the hosts' default (revalidate on every visit), so a new post shows
/// at once and a new page never meets an old manifest.
fn headers_file(root: &str, policy: &ContentSecurityPolicy, hashed_files: &[String]) -> String {
    let mut out = format!(
        "# Written by `quire build` for Netlify and Cloudflare Pages.\n{root}*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n  Content-Security-Policy: {}\n# The manifest and post bodies: their names change with their content.\n{root}data/*\n  Cache-Control: public, max-age=31536000, immutable\n# The app, its styles and icons, named by Trunk after their content.\n",
        policy.header_value()
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
    fn the_apps_script_starts_with_the_compile_hint_once() {
        let glue = "export class A {}\n";
        let hinted = with_compile_hint(glue);
        assert_eq!(hinted, format!("//# allFunctionsCalledOnLoad\n{glue}"));
        // A build over its own output (`quire watch`, a second build) adds none.
        assert_eq!(with_compile_hint(&hinted), hinted);
    }

    #[test]
    fn headers_cache_hashed_files_for_a_year_and_nothing_else() {
        let policy = ContentSecurityPolicy::for_shell("");
        let text = headers_file(
            "/blog/",
            &policy,
            &["quire-web-0123456789abcdef_bg.wasm".to_owned()],
        );
        assert!(text.contains(&format!(
            "/blog/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n  Content-Security-Policy: {}\n",
            policy.header_value()
        )));
        assert!(text.contains("/blog/quire-web-0123456789abcdef_bg.wasm\n  Cache-Control: public, max-age=31536000, immutable"));
        assert!(
            text.contains("/blog/data/*\n  Cache-Control: public, max-age=31536000, immutable")
        );
        assert_eq!(text.matches("Cache-Control").count(), 2);
    }
}
