//! The shared HTML fragments: what the pre-rendered pages and the app both show.

use quire_core::{
    manifest::{PostSummary, Site},
    markdown::{HighlightedCode, LinkBase, code_blocks, render, render_with_code},
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

const POST: LinkBase<'static> = LinkBase {
    site_root: "/blog/",
    page_path: "posts/a-post/",
};

#[test]
fn cards_escape_their_text_and_show_tags() {
    let html = markup::card("/blog/", &post(&["Rust", "Web Dev"]), true);
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
    assert!(!markup::card("/", &post(&[]), false).contains("card-tags"));
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
    let html = markup::post_content("/blog/", &summary, &rendered);
    let toc = &html[..html.find("</details>").unwrap()];
    assert_eq!(
        toc,
        r##"<details class="toc" open><summary>Contents</summary><nav aria-label="Table of contents"><ol><li><a href="/blog/posts/a-post/#one">One</a><ol><li><a href="/blog/posts/a-post/#one-a">One a</a></li><li><a href="/blog/posts/a-post/#one-b">One b</a></li></ol></li><li><a href="/blog/posts/a-post/#two">Two</a></li></ol></nav>"##
    );
    summary.toc = false;
    assert!(
        !markup::post_content("/blog/", &summary, &rendered).contains("toc"),
        "toc: false turns it off"
    );
    let short = render("## Only\n\n## Two\n", POST);
    assert!(!markup::post_content("/blog/", &post(&[]), &short).contains("<details"));
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
    let highlighted = [Some(HighlightedCode {
        label: "Rust".into(),
        html: r#"<span class="hl-kw">fn</span> a() {}"#.into(),
    })];
    let html = render_with_code(markdown, POST, &highlighted).html;
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
