//! The hostile corpus (`tests/fixtures/hostile-blog`) through every path
//! author text takes to a page, checked by an independent oracle
//! (`quire-oracle`: ammonia, a maintained allowlist sanitiser, with the
//! allowlist Quire's output is meant to keep to). Nothing Quire emits may be
//! something it would strip.

use quire_core::{
    front_matter,
    html::SafeHtml,
    listing::{archive, posts_with_term, series_of, term_counts},
    manifest::{Cover, PostDisplay, PostSummary, PostSummaryFields, RawHtml, Section, Site},
    markdown::{PageContext, Prepared, render, render_for_feed},
    markup,
    search::SearchDoc,
    shortcode,
};

const CORPUS: &str =
    include_str!("../../../tests/fixtures/hostile-blog/content/posts/hostile/index.md");
const CONFIG: &str = include_str!("../../../tests/fixtures/hostile-blog/quire.toml");

const BASE: PageContext<'static> = PageContext {
    site_root: "/blog/",
    page_path: "posts/hostile/",
    raw_html: RawHtml::Escape,
};

/// Every way a site can treat an author's HTML: Quire's default, and
/// Hugo's two (left out; `unsafe = true`, sanitised).
const MODES: [RawHtml; 3] = [RawHtml::Escape, RawHtml::Omit, RawHtml::Sanitize];

/// The corpus as a page shows it in `mode`, its shortcodes expanded first
/// as the build does.
fn rendered_in(mode: RawHtml) -> SafeHtml {
    let expanded = shortcode::expand(
        corpus_body(),
        &shortcode::Context {
            resolve: &|_| None,
            param: &|name| Some(format!("<script>alert('{name}')</script>")),
            site_file: &|src| Some(format!("\"><script>alert('{src}')</script>")),
            image_size: &|_| Some((u32::MAX, 0)),
        },
    );
    render(
        &expanded.text,
        PageContext {
            raw_html: mode,
            ..BASE
        },
    )
    .html
}

/// Fails when the oracle would change anything in `html`.
fn assert_oracle_keeps(what: &str, html: &SafeHtml) {
    if let Err(difference) = quire_oracle::check(html) {
        panic!("{what}: {difference}");
    }
}

/// The fragment without its `<svg>` elements (Quire's own icons).
fn without_svg(html: &SafeHtml) -> SafeHtml {
    let mut rest: &str = html;
    let mut kept = String::new();
    while let Some(at) = rest.find("<svg") {
        kept.push_str(&rest[..at]);
        let end = rest[at..]
            .find("</svg>")
            .map_or(rest.len(), |end| at + end + "</svg>".len());
        rest = &rest[end..];
    }
    kept.push_str(rest);
    // Only this test's copy: what is checked is what the page holds, less the icons.
    SafeHtml::from_static(Box::leak(kept.into_boxed_str()))
}

fn corpus_body() -> &'static str {
    front_matter::parse(CORPUS)
        .expect("the corpus' front matter parses")
        .body
}

#[test]
fn the_corpus_has_at_least_a_hundred_payloads() {
    let payloads = corpus_body()
        .split("\n\n")
        .filter(|block| {
            let lower = block.to_ascii_lowercase();
            [
                "alert",
                "confirm",
                "prompt",
                "javascript",
                "document.title",
                "base64",
            ]
            .iter()
            .any(|word| lower.contains(word))
        })
        .count();
    assert!(payloads >= 100, "only {payloads} payloads");
}

#[test]
fn rendered_post_keeps_to_the_allowlist() {
    for mode in MODES {
        assert_oracle_keeps(&format!("the post page ({mode:?})"), &rendered_in(mode));
    }
    assert_oracle_keeps(
        "the feed",
        &render_for_feed(corpus_body(), BASE, &Prepared::default()).html,
    );
}

#[test]
fn rendered_post_holds_no_handler_style_or_unsafe_url() {
    for mode in MODES {
        holds_no_handler_style_or_unsafe_url(&rendered_in(mode));
    }
}

/// Whether an `<iframe>` frames one of the players Quire allows, over HTTPS.
fn frames_a_player(element: &scraper::ElementRef<'_>) -> bool {
    element.value().attr("src").is_some_and(|src| {
        quire_core::html::sanitize::EMBED_HOSTS
            .iter()
            .any(|host| src.starts_with(&format!("https://{host}/")))
    })
}

fn holds_no_handler_style_or_unsafe_url(html: &SafeHtml) {
    let document = scraper::Html::parse_fragment(html);
    for element in document
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        let name = element.value().name();
        assert!(
            name != "iframe" || frames_a_player(&element),
            "{}",
            element.html()
        );
        assert!(
            !matches!(
                name,
                "script"
                    | "object"
                    | "embed"
                    | "form"
                    | "svg"
                    | "math"
                    | "style"
                    | "base"
                    | "meta"
                    | "link"
            ),
            "<{name}> in the output"
        );
        for (attribute, value) in element.value().attrs() {
            assert!(
                !attribute.starts_with("on")
                    && !matches!(attribute, "style" | "srcdoc" | "formaction" | "autofocus"),
                "{attribute}={value:?} on <{name}>"
            );
            let compact: String = value
                .chars()
                .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
                .collect::<String>()
                .to_ascii_lowercase();
            assert!(
                !["javascript:", "vbscript:", "data:"]
                    .iter()
                    .any(|scheme| compact.starts_with(scheme)),
                "{attribute}={value:?} on <{name}>"
            );
        }
        if let Some(class) = element.value().attr("class") {
            assert!(
                !class
                    .split_whitespace()
                    .any(|c| matches!(c, "copy-button" | "theme-toggle") && name != "button"),
                "an author's class reached <{name} class={class:?}>"
            );
        }
    }
}

/// The corpus' front matter in every shared fragment the pages and the app draw.
#[test]
fn front_matter_fields_keep_to_the_allowlist_in_every_fragment() {
    let document = front_matter::parse(CORPUS).expect("the corpus front matter parses");
    let fm = document.front_matter;
    let site: Site = quire_core::site::parse_config(CONFIG).expect("the hostile config parses");
    let post = PostSummary::from(PostSummaryFields {
        slug: "hostile".into(),
        path: "posts/hostile/".into(),
        title: fm.title.clone(),
        date: fm.date.expect("the corpus is dated").date,
        lastmod: fm.lastmod.map(|stamp| stamp.date),
        summary: fm.summary.clone().unwrap_or_default(),
        description: fm.description.clone().unwrap_or_default(),
        authors: fm.authors.clone(),
        tags: fm.terms("tags", "tag"),
        terms: [
            ("categories".to_owned(), fm.terms("categories", "category")),
            ("series".to_owned(), fm.terms("series", "series")),
        ]
        .into(),
        section: "posts".into(),
        layout: None,
        canonical: fm.canonical_url.clone(),
        keywords: fm.keywords.clone(),
        cover: fm.cover.as_ref().map(|cover| Cover {
            src: cover.image.clone(),
            alt: cover.alt.clone(),
            caption: cover.caption.clone(),
            width: 120,
            height: 60,
        }),
        reading_minutes: 1,
        word_count: 1,
        weight: 0,
        body: "data/posts/hostile.md".into(),
        aliases: fm.aliases.clone(),
        draft: false,
        display: PostDisplay::default(),
        prepared: None,
    });
    let mut second_part = post.clone();
    second_part.slug = "hostile-2".into();
    second_part.path = "posts/hostile-2/".into();
    let posts = vec![post.clone(), second_part];
    let rendered = render(corpus_body(), BASE);
    let tags = term_counts(&posts, "tags");
    let categories = term_counts(&posts, "categories");
    let (category, in_category) =
        posts_with_term(&posts, "categories", &categories[0].slug).expect("a category");
    let section = Section {
        name: "posts".into(),
        path: "posts/".into(),
        title: post.title.clone(),
        description: post.description.clone(),
    };
    let search = SearchDoc {
        path: post.path.clone(),
        title: post.title.clone(),
        summary: post.summary.clone(),
        tags: post.tags.clone(),
        date: post.date,
    };
    let fragments = [
        (
            "header",
            markup::site_header("/blog/", Some(&site), "Switch theme"),
        ),
        ("footer", markup::site_footer("/blog/", &site, 2026)),
        ("home", markup::home_page("/blog/", &site, 1, 1, &posts)),
        (
            "post header",
            markup::post_header("/blog/", &site, &post, &series_of(&posts, &post)),
        ),
        (
            "post content",
            markup::post_content("/blog/", &site, &post, &rendered),
        ),
        (
            "post footer",
            markup::post_footer(
                "/blog/",
                &site,
                &post,
                std::slice::from_ref(&post),
                (Some(&post), Some(&post)),
            ),
        ),
        ("tags", markup::terms_page("/blog/", "tags", &tags)),
        (
            "tag",
            markup::term_page("/blog/", &site, &tags[0], 1, 1, std::slice::from_ref(&post)),
        ),
        (
            "category",
            markup::term_page(
                "/blog/",
                &site,
                &category,
                1,
                1,
                &in_category.into_iter().cloned().collect::<Vec<_>>(),
            ),
        ),
        (
            "section",
            markup::section_page("/blog/", &site, &section, 1, 1, std::slice::from_ref(&post)),
        ),
        (
            "archives",
            markup::archives_page("/blog/", "Archives", &archive(&posts)),
        ),
        (
            "archive year",
            markup::archive_year_page("/blog/", &archive(&posts)[0], Some(2030), Some(1999)),
        ),
        (
            "not found",
            markup::not_found_page("/blog/", Some("/blog/<script>alert('nf')</script>")),
        ),
        (
            "search results",
            markup::search_results("/blog/", [&search], "script alert"),
        ),
    ];
    for (what, html) in fragments {
        // The header's theme icons are Quire's own SVG, not content.
        let html = without_svg(&html);
        assert_oracle_keeps(what, &html);
        assert!(
            !html.to_ascii_lowercase().contains("<script"),
            "{what}: {html}"
        );
    }
}
