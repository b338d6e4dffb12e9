//! The HTML of the reading views, one function per fragment.
//!
//! The build tool pours them into every pre-rendered page and the app sets
//! them as `inner_html`, so the page a crawler or a reader without
//! JavaScript gets and the page the app draws are one piece of code and
//! cannot drift apart. Each returns [`SafeHtml`]: callers pass plain data,
//! and every text is escaped by the [`html!`](crate::html!) templates.
//! Links are ordinary `<a href>`: the app's router follows them wherever
//! they are in the document.

use crate::{
    dom, html,
    html::SafeHtml,
    listing::{ArchiveYear, Series, TermCount},
    manifest::{Cover, Display, PostSummary, Section, Site},
    markdown::{Heading, Rendered},
    page_text::{self, PageText},
    route::{self, Route},
    route_data::RouteData,
    search::{SearchDoc, highlight_html},
    slug::term_slug,
    text::count_of,
};

/// The theme switch's two icons (a moon, shown in the light theme, and a
/// sun, shown in the dark one), as the button's markup.
const THEME_SWITCH_ICONS: &str = r#"<svg class="icon-moon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"></path></svg><svg class="icon-sun" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><circle cx="12" cy="12" r="5" fill="none" stroke="currentColor" stroke-width="2"></circle><path d="M12 1v2M12 21v2M4.2 4.2l1.4 1.4M18.4 18.4l1.4 1.4M1 12h2M21 12h2M4.2 19.8l1.4-1.4M18.4 5.6l1.4-1.4" stroke="currentColor" stroke-width="2" stroke-linecap="round"></path></svg>"#;

/// The inside of the site's `<header>`: the blog's name, its menu, the
/// search link and the theme switch, named `theme_label` ("Switch to dark
/// theme"; the inline script in `index.html` keeps the name current). With
/// no site yet (its data still on its way) the bar keeps its shape.
pub fn site_header(root: &str, site: Option<&Site>, theme_label: &str) -> SafeHtml {
    let search = Route::Search.href(root);
    let search_item = |name: &str| {
        html!(
            r#"<li><a class="search-link" href="{}" aria-keyshortcuts="/">{}</a></li>"#,
            search,
            name
        )
    };
    let (title, menu, menu_has_search) =
        site.map_or((SafeHtml::empty(), SafeHtml::empty(), false), |site| {
            let mut has_search = false;
            let menu = site
                .menu
                .iter()
                .map(|link| {
                    let href = site_link(root, &link.url);
                    // A menu that names the search page (PaperMod's) takes
                    // the place of Quire's own search link.
                    if route::same_path(href.trim_end_matches('/'), search.trim_end_matches('/')) {
                        has_search = true;
                        return search_item(&link.name);
                    }
                    html!(r#"<li><a href="{}">{}</a></li>"#, href, link.name)
                })
                .collect();
            (SafeHtml::text(&site.title), menu, has_search)
        });
    html!(
        r#"<nav class="nav" aria-label="Site"><a class="site-title" href="{}">{}</a><ul class="menu">{}{}<li><button type="button" class="theme-toggle" aria-label="{}">{}</button></li></ul></nav>"#,
        root,
        title,
        menu,
        if menu_has_search {
            SafeHtml::empty()
        } else {
            search_item("Search")
        },
        theme_label,
        SafeHtml::from_static(THEME_SWITCH_ICONS)
    )
}

/// A link from the config (menu, profiles): a site path gets the site's
/// sub-path; a URL keeps its own address, unless its scheme could run
/// code, in which case it leads nowhere.
fn site_link(root: &str, url: &str) -> String {
    if crate::html::is_safe_url(url) {
        route::in_site(root, url)
    } else {
        "#".to_owned()
    }
}

/// The inside of the site's `<footer>`: profiles, the feed, copyright.
pub fn site_footer(root: &str, site: &Site, year: i32) -> SafeHtml {
    let social: SafeHtml = site
        .social
        .iter()
        .map(|link| {
            html!(
                r#"<li><a href="{}" rel="me noopener">{}</a></li>"#,
                site_link(root, &link.url),
                link.name
            )
        })
        .collect();
    // The feed is a file, not a route: rel="external" keeps the router off it.
    html!(
        r#"<ul class="social">{}<li><a href="{}{}" rel="external" type="application/rss+xml">RSS</a></li></ul><p>{} · Powered by Quire</p>"#,
        social,
        root,
        route::FEED,
        page_text::copyright(site, year)
    )
}

/// The line under a title: `<time>March 9, 2026</time> · 4 min · Maya`,
/// each part as the site and the post choose to show it; empty when they
/// hide the meta line.
pub fn post_meta_line(site: &Display, post: &PostSummary) -> SafeHtml {
    let shows = post.shows(site);
    if !shows.meta {
        return SafeHtml::empty();
    }
    let separator =
        || SafeHtml::from_static(r#"<span class="meta-sep" aria-hidden="true">·</span>"#);
    let mut line = html!(
        r#"<time datetime="{}">{}</time>"#,
        post.date,
        post.date.long_form()
    );
    if shows.reading_time {
        line.push(separator());
        line.push(html!(
            r#"<span class="reading-time">{} min</span>"#,
            post.reading_minutes
        ));
    }
    if shows.word_count {
        line.push(separator());
        line.push(html!(
            r#"<span class="word-count">{}</span>"#,
            crate::text::count_of(post.word_count, "word")
        ));
    }
    let authors = post.author_line();
    if !authors.is_empty() {
        line.push(separator());
        line.push(html!(r#"<span class="author">{}</span>"#, authors));
    }
    html!(r#"<div class="post-meta">{}</div>"#, line)
}

/// A post's tags as links to their pages; empty for a post without tags.
pub fn tag_links(root: &str, post: &PostSummary, class: &'static str) -> SafeHtml {
    if post.tags.is_empty() {
        return SafeHtml::empty();
    }
    let items: SafeHtml = post
        .tags
        .iter()
        .map(|tag| {
            html!(
                r##"<li><a href="{}">#{}</a></li>"##,
                term_route("tags", tag, 1).href(root),
                tag
            )
        })
        .collect();
    html!(r#"<ul class="{}" aria-label="Tags">{}</ul>"#, class, items)
}

/// The route of a term's page `page`, from the term as written.
pub fn term_route(taxonomy: &str, term: &str, page: usize) -> Route {
    Route::Term {
        taxonomy: taxonomy.to_owned(),
        slug: term_slug(term),
        page,
    }
}

/// How an image loads: at once and first for what is likely the largest
/// thing on screen, lazily for the rest.
#[derive(Clone, Copy)]
enum Loading {
    First,
    Lazy,
}

impl Loading {
    fn attributes(self) -> SafeHtml {
        SafeHtml::from_static(match self {
            Loading::First => r#"decoding="async" fetchpriority="high""#,
            Loading::Lazy => r#"loading="lazy" decoding="async""#,
        })
    }
}

/// The address a cover's `<img>` loads from, as its `src` writes it.
pub fn cover_address(root: &str, cover: &Cover) -> String {
    site_link(root, &cover.src)
}

/// An `<img>` for a cover, with its size so nothing moves while it loads.
fn cover_image(root: &str, cover: &Cover, loading: Loading) -> SafeHtml {
    html!(
        r#"<img src="{}" alt="{}" width="{}" height="{}" {}>"#,
        cover_address(root, cover),
        cover.alt,
        cover.width,
        cover.height,
        loading.attributes()
    )
}

/// One card of a post list. The first card's cover is likely the largest
/// thing on screen, so it loads at once; the others load lazily.
pub fn card(root: &str, display: &Display, post: &PostSummary, first: bool) -> SafeHtml {
    let loading = if first { Loading::First } else { Loading::Lazy };
    let cover = post
        .cover
        .as_ref()
        .map(|cover| {
            html!(
                r#"<figure class="card-cover">{}</figure>"#,
                cover_image(root, cover, loading)
            )
        })
        .unwrap_or_default();
    let summary = if post.shows(display).summaries && !post.summary.is_empty() {
        html!(r#"<p class="card-summary">{}</p>"#, post.summary)
    } else {
        SafeHtml::empty()
    };
    html!(
        r#"<article class="post-card">{}<h2 class="card-title"><a href="{}">{}</a></h2>{}{}{}</article>"#,
        cover,
        Route::post(post).href(root),
        post.title,
        summary,
        post_meta_line(display, post),
        tag_links(root, post, "card-tags"),
    )
}

/// The cards of a list, in order, in their `<div class="post-list">`.
pub fn post_list<'a>(
    root: &str,
    display: &Display,
    posts: impl IntoIterator<Item = &'a PostSummary>,
) -> SafeHtml {
    let cards: SafeHtml = posts
        .into_iter()
        .enumerate()
        .map(|(at, post)| card(root, display, post, at == 0))
        .collect();
    html!(r#"<div class="post-list">{}</div>"#, cards)
}

/// A list's pager: "Newer posts" / "Older posts" links and the position;
/// empty when the list has one page.
pub fn pager(root: &str, number: usize, total: usize, page: impl Fn(usize) -> Route) -> SafeHtml {
    if total <= 1 {
        return SafeHtml::empty();
    }
    let newer = if number > 1 {
        html!(
            r#"<a class="pager-newer" href="{}" rel="prev">← Newer posts</a>"#,
            page(number - 1).href(root)
        )
    } else {
        SafeHtml::empty()
    };
    let older = if number < total {
        html!(
            r#"<a class="pager-older" href="{}" rel="next">Older posts →</a>"#,
            page(number + 1).href(root)
        )
    } else {
        SafeHtml::empty()
    };
    html!(
        r#"<nav class="pager" aria-label="Pages">{}<span class="pager-position">Page {} of {}</span>{}</nav>"#,
        newer,
        number,
        total,
        older
    )
}

/// A list page's words and body, drawn from its route's data: a page of
/// the home list, a term's or a section's, a taxonomy's index, the
/// archive. `None` for a post's data (its body comes on its own) and for
/// an address that leads elsewhere.
pub fn list_view(root: &str, site: &Site, data: &RouteData) -> Option<(PageText, SafeHtml)> {
    Some(match data {
        RouteData::Home(list) => (
            page_text::home(site, list.number),
            home_page(root, site, list.number, list.total, &list.items),
        ),
        RouteData::Terms { taxonomy, terms } => (
            page_text::terms(site, taxonomy, terms.len()),
            terms_page(root, taxonomy, terms),
        ),
        RouteData::Term { term, list } => (
            page_text::term(site, &term.taxonomy, &term.name, list.number, term.count),
            term_page(root, site, term, list.number, list.total, &list.items),
        ),
        RouteData::Section {
            section,
            count,
            list,
        } => (
            page_text::section(site, section, list.number, *count),
            section_page(root, site, section, list.number, list.total, &list.items),
        ),
        RouteData::Archives(years) => (
            page_text::archives(site),
            archives_page(root, "Archives", years),
        ),
        RouteData::ArchiveYear { year, newer, older } => (
            page_text::archive_year(site, year.year, year.count),
            archive_year_page(root, year, *newer, *older),
        ),
        RouteData::Post(_) | RouteData::Moved(_) => return None,
    })
}

/// The home page or one of its later pages: the blog's introduction (on
/// the first) or the page's heading, the cards and the pager.
pub fn home_page(
    root: &str,
    site: &Site,
    number: usize,
    total: usize,
    posts: &[PostSummary],
) -> SafeHtml {
    let heading = if number == 1 {
        // PaperMod's homeInfoParams, when the site has them.
        let (title, text) = site
            .display
            .home_info
            .clone()
            .unwrap_or_else(|| (site.title.clone(), site.description.clone()));
        html!(
            r#"<section class="home-info"><h1>{}</h1><p>{}</p></section>"#,
            title,
            text
        )
    } else {
        html!(
            r#"<h1 class="list-title">{}</h1>"#,
            page_text::home_heading(number)
        )
    };
    html!(
        "{}{}{}",
        heading,
        post_list(root, &site.display, posts),
        pager(root, number, total, |page| Route::Home { page })
    )
}

/// One page of a term's posts: its heading with the number of posts, the
/// cards and the pager.
pub fn term_page(
    root: &str,
    site: &Site,
    term: &TermCount,
    number: usize,
    total: usize,
    posts: &[PostSummary],
) -> SafeHtml {
    html!(
        r#"<h1 class="list-title">{} <span class="list-count">{}</span></h1>{}{}"#,
        page_text::term_heading(&term.taxonomy, &term.name, number),
        count_of(term.count, "post"),
        post_list(root, &site.display, posts),
        pager(root, number, total, |page| Route::Term {
            taxonomy: term.taxonomy.clone(),
            slug: term.slug.clone(),
            page
        })
    )
}

/// One page of a section's list: its title, its description on the first
/// page, the cards and the pager.
pub fn section_page(
    root: &str,
    site: &Site,
    section: &Section,
    number: usize,
    total: usize,
    pages: &[PostSummary],
) -> SafeHtml {
    let description = if number == 1 && !section.description.is_empty() {
        html!(r#"<p class="list-description">{}</p>"#, section.description)
    } else {
        SafeHtml::empty()
    };
    html!(
        r#"<h1 class="list-title">{}</h1>{}{}{}"#,
        page_text::section_heading(section, number),
        description,
        post_list(root, &site.display, pages),
        pager(root, number, total, |page| Route::Section {
            path: section.path.clone(),
            page
        })
    )
}

/// The index of a taxonomy's terms, with how many posts carry each.
pub fn terms_page(root: &str, taxonomy: &str, terms: &[TermCount]) -> SafeHtml {
    let items: SafeHtml = terms
        .iter()
        .map(|term| {
            html!(
                r#"<li><a href="{}">{}<span class="tag-count" aria-label="{}">{}</span></a></li>"#,
                Route::Term {
                    taxonomy: term.taxonomy.clone(),
                    slug: term.slug.clone(),
                    page: 1
                }
                .href(root),
                term.name,
                count_of(term.count, "post"),
                term.count
            )
        })
        .collect();
    html!(
        r#"<h1 class="list-title">{}</h1><ul class="tag-cloud">{}</ul>"#,
        page_text::taxonomy_title(taxonomy),
        items
    )
}

/// The archive under `heading`: posts by year and month, newest first
/// (older years of a large blog by name, [`archive_year`]).
pub fn archives_page(root: &str, heading: &str, years: &[ArchiveYear]) -> SafeHtml {
    html!(
        r#"<h1 class="list-title">{}</h1>{}"#,
        heading,
        archive_sections(
            years
                .iter()
                .map(|year| (year.year, archive_year(root, year)))
        )
    )
}

/// Each year's section, `(year, inside)`, laid out lazily at first, as a
/// post is: a large blog lists thousands of posts here, and the page must
/// show before they are all measured.
fn archive_sections(years: impl Iterator<Item = (i32, SafeHtml)>) -> SafeHtml {
    let sections: SafeHtml = years
        .map(|(year, inside)| {
            html!(
                r#"<section class="archive-year" id="{}">{}</section>"#,
                archive_year_id(year),
                inside
            )
        })
        .collect();
    html!(
        r#"<div class="{}" {}>{}</div>"#,
        crate::dom::ARCHIVE_YEARS_CLASS,
        crate::dom::DATA_LAZY_LAYOUT,
        sections
    )
}

/// A year's own page: its posts by month, and the way to the years
/// beside it and to the whole archive.
pub fn archive_year_page(
    root: &str,
    year: &ArchiveYear,
    newer: Option<i32>,
    older: Option<i32>,
) -> SafeHtml {
    let link = |year: Option<i32>, class: &str, rel: &str, text: fn(i32) -> String| match year {
        Some(year) => html!(
            r#"<a class="{}" href="{}" rel="{}">{}</a>"#,
            class,
            Route::ArchiveYear { year }.href(root),
            rel,
            text(year)
        ),
        None => SafeHtml::empty(),
    };
    // The heading names the year and its count once; its months are the
    // sections below it.
    html!(
        r#"<h1 class="list-title">{} <span class="list-count">{}</span></h1>{}<nav class="pager" aria-label="Years">{}<a class="pager-position" href="{}">All years</a>{}</nav>"#,
        page_text::archive_year_heading(year.year),
        count_of(year.count, "post"),
        archive_sections(std::iter::once((
            year.year,
            archive_months(root, year, "h2")
        ))),
        link(newer, "pager-newer", "prev", |year| format!("← {year}")),
        Route::Archives.href(root),
        link(older, "pager-older", "next", |year| format!("{year} →"))
    )
}

/// The `id` of a year's section in the archive, which links can name.
pub fn archive_year_id(year: i32) -> String {
    format!("year-{year}")
}

/// The inside of a year's section in the archive: its heading with its
/// number of posts, the year linked to its page, and its posts by month,
/// or, for a year the archive names without its rows, a link to the
/// year's page (which the app follows by showing the rows in place).
pub fn archive_year(root: &str, year: &ArchiveYear) -> SafeHtml {
    let rows = if year.has_rows() {
        archive_months(root, year, "h3")
    } else {
        html!(
            r#"<p><a class="button {}" href="{}" data-year="{}">Show the {} of {}</a></p>"#,
            crate::dom::ARCHIVE_MORE_CLASS,
            Route::ArchiveYear { year: year.year }.href(root),
            year.year,
            count_of(year.count, "post"),
            year.year
        )
    };
    html!(
        r#"<h2><a href="{}">{}</a> <span class="list-count">{}</span></h2>{}"#,
        Route::ArchiveYear { year: year.year }.href(root),
        year.year,
        count_of(year.count, "post"),
        rows
    )
}

/// A year's posts in the archive, by month.
fn archive_months(root: &str, year: &ArchiveYear, heading: &'static str) -> SafeHtml {
    year.months
        .iter()
        .map(|month| {
            let items: SafeHtml = month
                .posts
                .iter()
                .map(|post| {
                    html!(
                        r#"<li><time datetime="{}">{}</time><a href="{}">{}</a></li>"#,
                        post.date,
                        post.date.long_form(),
                        post.route().href(root),
                        post.title
                    )
                })
                .collect();
            html!(
                r#"<section class="archive-month"><{}>{}</{}><ul>{}</ul></section>"#,
                SafeHtml::from_static(heading),
                month.name(),
                SafeHtml::from_static(heading),
                items
            )
        })
        .collect()
}

/// "Page not found", with ways back into the blog; `address` is the path
/// that was asked for, when known (the pre-rendered `404.html` serves
/// every address, so it names none).
pub fn not_found_page(root: &str, address: Option<&str>) -> SafeHtml {
    let nothing_at = match address {
        Some(address) => html!("There is nothing at <code>{}</code>.", address),
        None => SafeHtml::from_static("There is nothing at this address."),
    };
    html!(
        r#"<section class="not-found"><p class="not-found-code" aria-hidden="true">404</p><h1>Page not found</h1><p>{} It may have moved, or the link may be mistyped.</p><p class="not-found-links"><a class="button" href="{}">Go to the home page</a><a href="{}">Browse the archives</a><a href="{}">See all tags</a></p></section>"#,
        nothing_at,
        root,
        Route::Archives.href(root),
        Route::Terms {
            taxonomy: "tags".into()
        }
        .href(root)
    )
}

/// The search page's heading and form, holding `query`. Without
/// JavaScript the form cannot search, so a note points to the archive and
/// the tags instead.
pub fn search_form(root: &str, query: &str) -> SafeHtml {
    html!(
        r#"<h1 class="list-title">Search</h1><form class="search-form" role="search" action="{}"><label class="visually-hidden" for="{}">Search the posts</label><input id="{}" class="search-input" type="search" name="q" value="{}" autocomplete="off" spellcheck="false" placeholder="Search posts…" aria-describedby="search-status" aria-controls="search-results" data-autofocus=""></form><noscript><p class="search-status">Search needs JavaScript. Every post is in the <a href="{}">archive</a> and under its <a href="{}">tags</a>.</p></noscript>"#,
        Route::Search.href(root),
        dom::SEARCH_INPUT_ID,
        dom::SEARCH_INPUT_ID,
        query,
        Route::Archives.href(root),
        Route::Terms {
            taxonomy: "tags".into()
        }
        .href(root)
    )
}

/// One step of a breadcrumb trail: its name and its route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crumb {
    /// What the step is called.
    pub name: String,
    /// Where it is.
    pub route: Route,
}

impl Crumb {
    /// A step named `name` at `route`.
    pub fn new(name: impl Into<String>, route: Route) -> Self {
        Self {
            name: name.into(),
            route,
        }
    }
}

/// The trail from the home page to a post.
pub fn post_trail(site: &Site, post: &PostSummary) -> Vec<Crumb> {
    vec![
        Crumb::new(site.title.clone(), Route::Home { page: 1 }),
        Crumb::new("Posts", Route::Archives),
        Crumb::new(post.title.clone(), Route::post(post)),
    ]
}

/// The visible trail: links up to the current page, which is named, not linked.
pub fn breadcrumbs(root: &str, trail: &[Crumb]) -> SafeHtml {
    let Some((current, up)) = trail.split_last() else {
        return SafeHtml::empty();
    };
    let links: SafeHtml = up
        .iter()
        .map(|crumb| {
            html!(
                r#"<li><a href="{}">{}</a></li>"#,
                crumb.route.href(root),
                crumb.name
            )
        })
        .collect();
    html!(
        r#"<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>{}<li><span aria-current="page">{}</span></li></ol></nav>"#,
        links,
        current.name
    )
}

/// The inside of a post's `<header>`: breadcrumbs, title, meta line,
/// "Updated …", where it stands in its series, and the cover.
pub fn post_header(root: &str, site: &Site, post: &PostSummary, series: &[Series]) -> SafeHtml {
    let shows = post.shows(&site.display);
    let updated = post
        .updated_later()
        .map(|lastmod| {
            html!(
                r#"<p class="post-updated">Updated <time datetime="{}">{}</time></p>"#,
                lastmod,
                lastmod.long_form()
            )
        })
        .unwrap_or_default();
    let trail = if shows.breadcrumbs {
        breadcrumbs(root, &post_trail(site, post))
    } else {
        SafeHtml::empty()
    };
    let series: SafeHtml = series
        .iter()
        .map(|series| series_box(root, post, series))
        .collect();
    html!(
        r#"{}<h1 class="post-title">{}</h1>{}{}{}{}"#,
        trail,
        post.title,
        post_meta_line(&site.display, post),
        updated,
        series,
        post_cover(root, post),
    )
}

/// "Part 2 of 5 in <series>", with the series' posts, oldest first.
fn series_box(root: &str, post: &PostSummary, series: &Series) -> SafeHtml {
    let part = series
        .posts
        .iter()
        .position(|other| other.path == post.path)
        .map_or(0, |at| at + 1);
    let items: SafeHtml = series
        .posts
        .iter()
        .map(|other| {
            if other.path == post.path {
                html!(
                    r#"<li><span aria-current="page">{}</span></li>"#,
                    other.title
                )
            } else {
                html!(
                    r#"<li><a href="{}">{}</a></li>"#,
                    other.route().href(root),
                    other.title
                )
            }
        })
        .collect();
    html!(
        // No link in the summary: it is the disclosure's button already.
        r#"<details class="series"><summary>Part {} of {} in <strong>{}</strong></summary><ol>{}</ol><p class="series-all"><a href="{}">The whole series</a></p></details>"#,
        part,
        series.posts.len(),
        series.term.name,
        items,
        Route::Term {
            taxonomy: series.term.taxonomy.clone(),
            slug: series.term.slug.clone(),
            page: 1
        }
        .href(root)
    )
}

/// A post's cover with its caption; empty without a cover.
fn post_cover(root: &str, post: &PostSummary) -> SafeHtml {
    let Some(cover) = &post.cover else {
        return SafeHtml::empty();
    };
    let caption = if cover.caption.is_empty() {
        SafeHtml::empty()
    } else {
        html!("<figcaption>{}</figcaption>", cover.caption)
    };
    html!(
        r#"<figure class="post-cover">{}{}</figure>"#,
        cover_image(root, cover, Loading::First),
        caption
    )
}

/// How many h2 and h3 headings a post needs before a table of contents helps.
pub const TOC_MIN_HEADINGS: usize = 3;

/// A collapsible table of contents of the h2 and h3 headings, h3 nested
/// under the h2 before it, open or closed; empty when the post has too few
/// headings.
pub fn table_of_contents(page_url: &str, headings: &[Heading], open: bool) -> SafeHtml {
    let listed: Vec<&Heading> = headings
        .iter()
        .filter(|heading| matches!(heading.level, 2 | 3))
        .collect();
    if listed.len() < TOC_MIN_HEADINGS {
        return SafeHtml::empty();
    }
    let mut items = SafeHtml::empty();
    let mut nested = false;
    for (at, heading) in listed.iter().enumerate() {
        let link = html!(
            r##"<a href="{}#{}">{}</a>"##,
            page_url,
            heading.id,
            heading.title
        );
        let next_is_child = listed
            .get(at + 1)
            .is_some_and(|next| next.level == 3 && heading.level == 2);
        if heading.level == 3 && nested {
            items.push(html!("<li>{}</li>", link));
        } else {
            if nested {
                items.push(SafeHtml::from_static("</ol></li>"));
                nested = false;
            }
            items.push(html!("<li>{}", link));
            if next_is_child {
                items.push(SafeHtml::from_static("<ol>"));
                nested = true;
            } else {
                items.push(SafeHtml::from_static("</li>"));
            }
        }
    }
    if nested {
        items.push(SafeHtml::from_static("</ol></li>"));
    }
    let open = SafeHtml::from_static(if open { " open" } else { "" });
    html!(
        r#"<details class="toc"{}><summary>Contents</summary><nav aria-label="Table of contents"><ol>{}</ol></nav></details>"#,
        open,
        items
    )
}

/// The inside of a post's `.post-content`: the table of contents (unless the
/// site or the post turned it off) and the body.
pub fn post_content(root: &str, site: &Site, post: &PostSummary, rendered: &Rendered) -> SafeHtml {
    let shows = post.shows(&site.display);
    let toc = if shows.toc {
        table_of_contents(
            &Route::post(post).href(root),
            &rendered.headings,
            shows.toc_open,
        )
    } else {
        SafeHtml::empty()
    };
    html!("{}{}", toc, rendered.html)
}

/// The inside of a post's `<footer>`: tags, share links, related posts,
/// and the links to the newer and older post.
pub fn post_footer(
    root: &str,
    site: &Site,
    post: &PostSummary,
    related: &[PostSummary],
    (older, newer): (Option<&PostSummary>, Option<&PostSummary>),
) -> SafeHtml {
    // `rel` says which way each goes, older being the next in a blog read
    // from the newest (prefetch looks at these first).
    let neighbour = |post: Option<&PostSummary>,
                     class: &'static str,
                     rel: &'static str,
                     label: &'static str| {
        post.map(|post| {
            html!(
                r#"<a class="{}" rel="{}" href="{}"><span class="paginav-label">{}</span><span class="paginav-title">{}</span></a>"#,
                class,
                rel,
                Route::post(post).href(root),
                label,
                post.title
            )
        })
        .unwrap_or_default()
    };
    let shows = post.shows(&site.display);
    let share = if shows.share {
        share_links(site, post)
    } else {
        SafeHtml::empty()
    };
    let neighbours = if shows.neighbours && (older.is_some() || newer.is_some()) {
        html!(
            r#"<nav class="paginav" aria-label="More posts">{}{}</nav>"#,
            neighbour(newer, "paginav-newer", "prev", "← Newer"),
            neighbour(older, "paginav-older", "next", "Older →"),
        )
    } else {
        SafeHtml::empty()
    };
    html!(
        "{}{}{}{}",
        tag_links(root, post, "post-tags"),
        share,
        related_posts(root, related),
        neighbours
    )
}

/// "Related posts": up to three posts that share tags with this one.
pub fn related_posts(root: &str, related: &[PostSummary]) -> SafeHtml {
    if related.is_empty() {
        return SafeHtml::empty();
    }
    let items: SafeHtml = related
        .iter()
        .map(|post| {
            html!(
                r#"<li><a href="{}">{}</a><time datetime="{}">{}</time></li>"#,
                Route::post(post).href(root),
                post.title,
                post.date,
                post.date.long_form()
            )
        })
        .collect();
    html!(
        r#"<section class="related" aria-labelledby="related-heading"><h2 id="related-heading">Related posts</h2><ul>{}</ul></section>"#,
        items
    )
}

/// Share links to the usual places, plain links with no third-party
/// script, and a "Copy link" button (the app makes it work; without
/// JavaScript it is hidden).
pub fn share_links(site: &Site, post: &PostSummary) -> SafeHtml {
    let url = Route::post(post).href(&site.base_url);
    let (url_q, title_q) = (query_escape(&url), query_escape(&post.title));
    let new_tab = |name: &'static str, href: String| {
        html!(
            r#"<li><a href="{}" rel="external noopener" target="_blank" aria-label="Share on {} (opens in a new tab)">{}</a></li>"#,
            href,
            name,
            name
        )
    };
    html!(
        r#"<section class="share" aria-label="Share this post"><span class="share-label" aria-hidden="true">Share</span><ul><li><button type="button" class="copy-button copy-link needs-js" data-copy="{}">Copy link</button></li>{}{}{}{}<li><a href="{}" rel="external" aria-label="Share by email">Email</a></li></ul></section>"#,
        url,
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
        format!("mailto:?subject={title_q}&body={url_q}"),
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
/// [`highlight_html`]), and its date. One fragment, so the app sets a
/// whole list per keystroke in one go.
pub fn search_results<'a>(
    root: &str,
    docs: impl IntoIterator<Item = &'a SearchDoc>,
    query: &str,
) -> SafeHtml {
    docs.into_iter()
        .map(|doc| {
            let tags = doc
                .tags
                .iter()
                .map(|tag| format!("#{tag}"))
                .collect::<Vec<_>>()
                .join(" ");
            let tags = if tags.is_empty() {
                SafeHtml::empty()
            } else {
                html!(" · <span>{}</span>", highlight_html(&tags, query))
            };
            html!(
                r#"<li class="search-result"><a href="{}"><span class="search-result-title">{}</span><span class="search-result-summary">{}</span><span class="search-result-meta"><time datetime="{}">{}</time>{}</span></a></li>"#,
                Route::Content {
                    path: doc.path.clone()
                }
                .href(root),
                highlight_html(&doc.title, query),
                highlight_html(&doc.summary, query),
                doc.date,
                doc.date.long_form(),
                tags
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
            path: "posts/cap/".into(),
            title: "CAP <theorem>".into(),
            summary: "Pick two.".into(),
            tags: vec!["databases".into()],
            date: "2026-03-09".parse().unwrap(),
        };
        assert_eq!(
            search_results("/blog/", [&doc], "theorem data").as_str(),
            r#"<li class="search-result"><a href="/blog/posts/cap/"><span class="search-result-title">CAP &lt;<mark>theorem</mark>&gt;</span><span class="search-result-summary">Pick two.</span><span class="search-result-meta"><time datetime="2026-03-09">March 9, 2026</time> · <span>#<mark>databases</mark></span></span></a></li>"#
        );
    }

    #[test]
    fn query_escape_keeps_unreserved_and_encodes_the_rest() {
        assert_eq!(query_escape("a b&c/é"), "a%20b%26c%2F%C3%A9");
    }

    #[test]
    fn config_links_with_unsafe_schemes_lead_nowhere() {
        assert_eq!(site_link("/blog/", " jAvAsCrIpT:alert(1)"), "#");
        assert_eq!(site_link("/blog/", "/archives/"), "/blog/archives/");
        assert_eq!(site_link("/", "https://x.example/"), "https://x.example/");
    }
}
