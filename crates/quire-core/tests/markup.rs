//! The shared HTML fragments: what the pre-rendered pages and the app both show.

use quire_core::{
    listing::series_of,
    manifest::{Display, PostSummary, RawHtml, Site},
    markdown::{
        HighlightedCode, MathSpan, PageContext, Prepared, code_blocks, math_spans, render,
        render_prepared,
    },
    markup::{self, Crumb},
    route::Route,
};

fn site() -> Site {
    toml_site("https://example.org/blog/")
}

fn toml_site(base_url: &str) -> Site {
    serde_json::from_value(serde_json::json!({
        "title": "Blog <&>",
        "base_url": base_url,
    }))
    .unwrap()
}

fn post(tags: &[&str]) -> PostSummary {
    serde_json::from_value(serde_json::json!({
        "slug": "a-post",
        "path": "posts/a-post/",
        "title": "Rust & \"wasm\"",
        "date": "2026-03-09",
        "summary": "Sum <b>",
        "description": "",
        "reading_minutes": 4,
        "word_count": 800,
        "body": "data/posts/a-post.md",
        "tags": tags,
        "authors": ["Ann"],
    }))
    .unwrap()
}

const POST: PageContext<'static> = PageContext {
    site_root: "/blog/",
    page_path: "posts/a-post/",
    raw_html: RawHtml::Escape,
};

#[test]
fn cards_escape_their_text_and_show_tags() {
    let display = Display::default();
    let html = markup::card("/blog/", &display, &post(&["Rust", "Web Dev"]), true);
    assert!(
        html.contains(r#"<a href="/blog/posts/a-post/">Rust &amp; &quot;wasm&quot;</a>"#),
        "{html}"
    );
    assert!(html.contains("Sum &lt;b&gt;"), "{html}");
    assert!(
        html.contains(r##"<a href="/blog/tags/web-dev/">#Web Dev</a>"##),
        "{html}"
    );
    assert!(html.contains(r#"<time datetime="2026-03-09">March 9, 2026</time>"#));
    assert!(!markup::card("/", &display, &post(&[]), false).contains("card-tags"));
}

#[test]
fn papermod_switches_hide_what_they_name_and_a_post_overrides_its_site() {
    let hidden = Display {
        reading_time: false,
        summaries: false,
        ..Display::default()
    };
    let card = markup::card("/", &hidden, &post(&[]), false);
    assert!(
        !card.contains("4 min") && !card.contains("card-summary"),
        "{card}"
    );
    assert!(card.contains("March 9, 2026"), "{card}");
    let mut own_choice = post(&[]);
    own_choice.display.reading_time = Some(true);
    own_choice.display.meta = Some(false);
    let card = markup::card("/", &hidden, &own_choice, false);
    assert!(
        !card.contains("post-meta"),
        "hidemeta hides the whole line: {card}"
    );
    own_choice.display.meta = None;
    assert!(markup::card("/", &hidden, &own_choice, false).contains("4 min"));
}

#[test]
fn a_post_in_a_series_links_its_other_parts() {
    let part = |slug: &str, date: &str| {
        let mut part = post(&[]);
        part.slug = slug.into();
        part.path = format!("posts/{slug}/");
        part.title = format!("Part {slug}");
        part.date = date.parse().unwrap();
        part.terms.insert("series".into(), vec!["Rust <3".into()]);
        part
    };
    let posts = [part("two", "2026-02-01"), part("one", "2026-01-01")];
    let header = markup::post_header("/", &site(), &posts[1], &series_of(&posts, &posts[1]));
    assert!(header.contains("Rust &lt;3"), "{header}");
    assert!(
        header.contains(r#"<a href="/posts/two/">Part two</a>"#),
        "{header}"
    );
    assert!(
        !header.contains(r#"<a href="/posts/one/">"#),
        "the current part is not a link: {header}"
    );
}

#[test]
fn breadcrumbs_link_every_step_but_the_current_page() {
    let trail = [
        Crumb::new("Home", Route::Home { page: 1 }),
        Crumb::new("Posts", Route::Archives),
        Crumb::new(
            "A <post>",
            Route::Content {
                path: "posts/a/".into(),
            },
        ),
    ];
    let html = markup::breadcrumbs("/blog/", &trail);
    assert_eq!(
        html,
        r#"<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/blog/">Home</a></li><li><a href="/blog/archives/">Posts</a></li><li><span aria-current="page">A &lt;post&gt;</span></li></ol></nav>"#
    );
}

#[test]
fn share_links_are_plain_links_with_the_absolute_address() {
    let html = markup::share_links(&site(), &post(&[]));
    assert!(!html.contains("<script"));
    for place in [
        "x.com/intent/post",
        "linkedin.com",
        "news.ycombinator.com",
        "reddit.com/submit",
        "mailto:",
    ] {
        assert!(html.contains(place), "{place} in {html}");
    }
    assert!(
        html.contains("url=https%3A%2F%2Fexample.org%2Fblog%2Fposts%2Fa-post%2F"),
        "{html}"
    );
    assert!(
        html.contains(r#"data-copy="https://example.org/blog/posts/a-post/""#),
        "{html}"
    );
    assert!(html.contains("text=Rust%20%26%20%22wasm%22"), "{html}");
}

#[test]
fn table_of_contents_nests_h3_under_h2_and_needs_three_headings() {
    let rendered = render(
        "## One\n\n### One a\n\n### One b\n\n## Two\n\n#### Deep\n",
        POST,
    );
    let mut summary = post(&[]);
    let html = markup::post_content("/blog/", &site(), &summary, &rendered);
    let toc = &html[..html.find("</details>").unwrap()];
    assert_eq!(
        toc,
        r##"<details class="toc" open><summary>Contents</summary><nav aria-label="Table of contents"><ol><li><a href="/blog/posts/a-post/#one">One</a><ol><li><a href="/blog/posts/a-post/#one-a">One a</a></li><li><a href="/blog/posts/a-post/#one-b">One b</a></li></ol></li><li><a href="/blog/posts/a-post/#two">Two</a></li></ol></nav>"##
    );
    summary.display.toc = Some(false);
    assert!(
        !markup::post_content("/blog/", &site(), &summary, &rendered).contains("toc"),
        "toc: false turns it off"
    );
    let short = render("## Only\n\n## Two\n", POST);
    assert!(!markup::post_content("/blog/", &site(), &post(&[]), &short).contains("<details"));
}

#[test]
fn code_blocks_take_the_builds_highlighting_in_order() {
    let markdown = "```rust\nfn a() {}\n```\n\n    indented\n\n```text\n<plain>\n```\n";
    let blocks = code_blocks(markdown);
    assert_eq!(
        blocks,
        [
            ("rust".to_owned(), "fn a() {}\n".to_owned()),
            (String::new(), "indented\n".to_owned()),
            ("text".to_owned(), "<plain>\n".to_owned()),
        ]
    );
    let prepared = Prepared {
        images: Vec::new(),
        code: vec![Some(HighlightedCode {
            label: "Rust".into(),
            html: r#"<span class="hl-kw">fn</span> a() {}"#.into(),
        })],
        math: Vec::new(),
    };
    let html = render_prepared(markdown, POST, &prepared).html;
    assert!(
        html.contains(r#"<span class="code-lang">Rust</span>"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<code class="language-rust"><span class="hl-kw">fn</span> a() {}</code>"#),
        "{html}"
    );
    assert!(html.contains("<code>indented\n</code>"), "{html}");
    assert!(
        html.contains(r#"<span class="code-lang">text</span>"#),
        "{html}"
    );
    assert!(html.contains("&lt;plain&gt;"), "{html}");
    assert_eq!(html.matches(r#"class="copy-button needs-js""#).count(), 3);
}

#[test]
fn a_menu_that_names_the_search_page_replaces_the_built_in_search_link() {
    let mut site = site();
    site.menu = vec![
        quire_core::manifest::Link {
            name: "Archive".into(),
            url: "/archives/".into(),
        },
        quire_core::manifest::Link {
            name: "Find".into(),
            url: "/search".into(),
        },
    ];
    let header = markup::site_header("/blog/", Some(&site), "Switch theme");
    assert_eq!(header.matches("/blog/search/").count(), 1, "{header}");
    assert!(
        header.contains(
            r#"<a class="search-link" href="/blog/search/" aria-keyshortcuts="/">Find</a>"#
        ),
        "{header}"
    );
    let plain = markup::site_header("/blog/", Some(&self::site()), "Switch theme");
    assert!(plain.contains(">Search</a>"), "{plain}");
}

#[test]
fn formulas_take_the_builds_mathml_in_order() {
    let markdown =
        "Energy $E = mc^2$, costs $5 or $6.\n\n$$\n\\sum_i x_i\n$$\n\nAnd $\\frac{1}$ too.\n";
    let spans = math_spans(markdown);
    assert_eq!(
        spans
            .iter()
            .map(|span| (span.tex.trim(), span.display))
            .collect::<Vec<_>>(),
        [
            ("E = mc^2", false),
            ("\\sum_i x_i", true),
            ("\\frac{1}", false)
        ]
    );
    assert_eq!(
        spans[0],
        MathSpan {
            tex: "E = mc^2".into(),
            display: false,
            offset: 7
        }
    );
    let prepared = Prepared {
        images: Vec::new(),
        code: Vec::new(),
        math: vec![
            Some("<math><mi>E</mi></math>".into()),
            Some(r#"<math display="block"><mo>∑</mo></math>"#.into()),
            None,
        ],
    };
    let html = render_prepared(markdown, POST, &prepared).html;
    assert!(
        html.contains(r#"Energy <span class="math math-inline"><math><mi>E</mi></math></span>, costs $5 or $6."#),
        "{html}"
    );
    assert!(
        html.contains(
            r#"<span class="math math-display"><math display="block"><mo>∑</mo></math></span>"#
        ),
        "{html}"
    );
    // TeX the build could not read is shown as written.
    assert!(
        html.contains(r#"<span class="math math-inline math-tex">$\frac{1}$</span>"#),
        "{html}"
    );
}

#[test]
fn a_page_without_math_keeps_its_dollar_signs() {
    let html = render("Between $x$ and $y$.\n", POST).html;
    assert_eq!(html.as_str(), "<p>Between $x$ and $y$.</p>\n");
}

#[test]
fn mathml_passes_the_allowlist_even_from_a_tampered_file() {
    let prepared = Prepared {
        images: Vec::new(),
        code: Vec::new(),
        math: vec![Some(
            r#"<math href="javascript:alert(1)" onclick="alert(1)"><mi style="color:red" class="evil math-left">x</mi><mtext><img src=x onerror=alert(1)><script>alert(1)</script></mtext><annotation-xml encoding="text/html"><style>*{}</style></annotation-xml><maction actiontype="statusline">y</maction></math>"#.into(),
        )],
    };
    let html = render_prepared("$x$\n", POST, &prepared).html;
    assert_eq!(
        html.as_str(),
        r#"<p><span class="math math-inline"><math><mi>x</mi><mtext></mtext>y</math></span></p>"#
            .to_owned()
            + "\n"
    );
}

#[test]
fn a_formula_mark_is_placed_in_text_and_dropped_inside_a_tag() {
    let prepared = Prepared {
        images: Vec::new(),
        code: Vec::new(),
        math: vec![Some("<math><mi>x</mi></math>".into())],
    };
    let mark = quire_core::markdown::formula_mark(0);
    // The build writes marks into raw HTML, which this site keeps.
    let markdown = format!(
        "<p>Text {mark} and <img src=\"a.png\" alt=\"alt {mark}\" title=\"title {mark}\"> and {mark}.</p>\n"
    );
    let page = PageContext {
        raw_html: RawHtml::Sanitize,
        ..POST
    };
    let html = render_prepared(&markdown, page, &prepared).html;
    assert_eq!(
        html.matches(r#"<span class="math math-inline"><math><mi>x</mi></math></span>"#)
            .count(),
        2,
        "{html}"
    );
    assert!(!html.as_str().contains('\u{fdd0}'), "{html}");
    assert!(html.as_str().contains(r#"alt="alt ""#), "{html}");
}

#[test]
fn a_heading_with_a_formula_names_it_by_its_tex() {
    let prepared = Prepared {
        images: Vec::new(),
        code: Vec::new(),
        math: vec![Some("<math><mi>x</mi></math>".into())],
    };
    let rendered = render_prepared("## Sum $x_i$ here\n", POST, &prepared);
    assert_eq!(rendered.headings[0].text, "Sum x_i here");
    assert_eq!(rendered.headings[0].id, "sum-x_i-here");
}

/// A real blog's (jesse-wei's) heading "Euler's identity $e^{i\pi}+1=0$"
/// showed its TeX, without the dollars, in the table of contents, while the
/// heading above the section drew the formula.
#[test]
fn a_formula_in_a_heading_showed_its_tex_in_the_table_of_contents() {
    let prepared = Prepared {
        images: Vec::new(),
        code: Vec::new(),
        math: vec![Some("<math><mi>x</mi></math>".into())],
    };
    let rendered = render_prepared(
        "## Sum $x$ & `code`\n\n## [Two](https://example.org/)\n\n## Three[^1]\n\n[^1]: Note.\n",
        POST,
        &prepared,
    );
    let html = markup::post_content("/blog/", &site(), &post(&[]), &rendered);
    let toc = &html[..html.find("</details>").unwrap()];
    assert!(
        toc.contains(r##"<a href="/blog/posts/a-post/#sum-x--code">Sum <span class="math math-inline"><math><mi>x</mi></math></span> &amp; <code>code</code></a>"##),
        "{toc}"
    );
    // A link's words stay, not the link; a footnote's mark goes.
    assert!(toc.contains(r##"#twohttpsexampleorg">Two</a>"##), "{toc}");
    assert!(toc.contains(r##"#three1">Three</a>"##), "{toc}");
}

/// marcus-crane's blog defines notes nothing refers to (`[^eardrums]:`);
/// they showed, with a back link to no reference. Goldmark leaves them out.
#[test]
fn a_footnote_nothing_refers_to_showed_with_a_back_link_to_nowhere() {
    let prepared = Prepared {
        images: Vec::new(),
        code: Vec::new(),
        math: vec![
            Some("<math><mi>a</mi></math>".into()),
            Some("<math><mi>b</mi></math>".into()),
            Some("<math><mi>c</mi></math>".into()),
        ],
    };
    let markdown = "[^early]: Defined first, used later: $a$.\n\nText.[^early]\n\n[^never]: Nobody reads $b$.\n\nLast $c$.\n";
    assert_eq!(math_spans(markdown).len(), 3);
    let html = render_prepared(markdown, POST, &prepared).html;
    assert!(!html.contains("Nobody"), "{html}");
    assert_eq!(html.matches("footnote-definition").count(), 1, "{html}");
    assert!(html.contains("Defined first"), "{html}");
    // The formula after the note left out is still the third.
    assert!(
        html.contains("Last <span class=\"math math-inline\"><math><mi>c</mi>"),
        "{html}"
    );
}

/// Found by review: a formula in an image's alt text was not counted, so
/// every formula after it moved one place on.
#[test]
fn a_formula_in_alt_text_keeps_the_later_ones_in_place() {
    let markdown = "![area $\\pi r^2$](c.png)\n\nNext: $x$ and $y$\n";
    assert_eq!(math_spans(markdown).len(), 3);
    let prepared = Prepared {
        images: Vec::new(),
        code: Vec::new(),
        math: [
            "<math><mi>π</mi></math>",
            "<math><mi>x</mi></math>",
            "<math><mi>y</mi></math>",
        ]
        .map(|mathml| Some(mathml.to_owned()))
        .to_vec(),
    };
    let html = render_prepared(markdown, POST, &prepared).html;
    assert!(html.as_str().contains(r#"alt="area \pi r^2""#), "{html}");
    assert!(
        html.as_str().contains(
            r#"Next: <span class="math math-inline"><math><mi>x</mi></math></span> and <span class="math math-inline"><math><mi>y</mi></math></span>"#
        ),
        "{html}"
    );
}

/// Found by review: a mark written as a character reference stood for a
/// formula, or swallowed the words around it.
#[test]
fn a_formula_mark_written_by_the_author_is_no_mark() {
    let prepared = Prepared {
        images: Vec::new(),
        code: Vec::new(),
        math: vec![Some("<math><mi>x</mi></math>".into())],
    };
    let html = render_prepared("Keep &#xfdd0;0&#xfdd1; this.\n", POST, &prepared).html;
    assert_eq!(html.as_str(), "<p>Keep 0 this.</p>\n");
}
