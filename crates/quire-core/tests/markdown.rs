//! Markdown output, pinned with snapshots: what readers see and what must never run.

use insta::assert_snapshot;
use quire_core::{
    manifest::RawHtml,
    markdown::{PageContext, Prepared, render, render_for_feed, resolve_url},
};

const POST: PageContext<'static> = PageContext {
    site_root: "/",
    page_path: "posts/demo/",
    raw_html: RawHtml::Escape,
};
const SUB_PATH_POST: PageContext<'static> = PageContext {
    raw_html: RawHtml::Escape,
    site_root: "/blog/",
    page_path: "posts/demo/",
};

fn html(markdown: &str) -> String {
    render(markdown, POST).html.into_string()
}

#[test]
fn extensions_render() {
    assert_snapshot!(html(
        "## Tables\n\n| Store | Model |\n|---|:---:|\n| Firestore | documents |\n\n\
         ~~gone~~ and `code`.\n\n- [x] done\n- [ ] to do\n\n\
         Claim.[^why]\n\n[^why]: Because.\n"
    ));
}

#[test]
fn headings_get_unique_ids() {
    let rendered = render(
        "# Intro\n\n## Intro\n\n## Intro\n\n### Custom {#my-id}\n\n## `code` & *more*\n",
        POST,
    );
    let ids: Vec<&str> = rendered.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["intro", "intro-1", "intro-2", "my-id", "code--more"]);
    assert_eq!(rendered.headings[4].text, "code & more");
    assert_snapshot!(rendered.html);
}

/// Eleven real blogs' heading ids differed from Hugo's (DLatreyte's
/// `Exercice 1 : Solution` is `#exercice-1--solution` there), so links to
/// their sections, from other pages and other sites, led to the top. The
/// ids on the right are Hugo 0.111's.
#[test]
fn heading_ids_were_not_hugos() {
    let cases = [
        ("## Exercice 1 : Solution", "exercice-1--solution"),
        (
            "## Qu'est-ce que la pression ?",
            "quest-ce-que-la-pression-",
        ),
        ("## Conclusion(s)", "conclusions"),
        ("## C++ & Rust", "c--rust"),
        ("## Hello&nbsp;world", "hellonbspworld"),
        ("## Foo — bar", "foo--bar"),
        ("## v1.2.3 release", "v123-release"),
        (
            "## See [the docs](https://ex.com/a-b) now",
            "see-the-docshttpsexcoma-b-now",
        ),
        ("## A &amp; B", "a-amp-b"),
        ("## 1.1 Intro", "11-intro"),
        ("## ![img](x.png)", "imgxpng"),
        ("## La concentration $\\ce{H^+}$", "la-concentration-ceh"),
        ("## 🚀 The case for aliases", "-the-case-for-aliases"),
        ("## Closed ##", "closed"),
        ("## Styled {.fancy}", "styled"),
        ("## Kept {#Given_Id}", "Given_Id"),
        ("Setext *one*\n===", "setext-one"),
        ("## ?!", "heading"),
        ("> ## Quoted *heading*", "quoted-heading"),
        ("- ## In a list", "in-a-list"),
        ("> Quoted setext\n> ---", "quoted-setext"),
    ];
    for (markdown, hugo) in cases {
        let rendered = render(&format!("{markdown}\n"), POST);
        assert_eq!(rendered.headings[0].id, hugo, "{markdown}");
    }
}

/// mosuke5's and j2kun's posts write addresses bare, and Hugo's Goldmark
/// links them (its `linkify`, on by default); Quire showed them as text.
#[test]
fn bare_addresses_were_not_links() {
    let html = render(
        "See https://example.com/page and www.example.net too.\n\n[https://a.example](https://b.example/), `https://c.example`\n\n```\nhttps://d.example\n```\n",
        POST,
    )
    .html;
    assert!(
        html.contains(r#"<p>See <a href="https://example.com/page">https://example.com/page</a> and <a href="https://www.example.net">www.example.net</a> too.</p>"#),
        "{html}"
    );
    assert_eq!(html.matches("<a ").count(), 3, "{html}");
    assert!(html.contains("<code>https://c.example</code>"), "{html}");
}

#[test]
fn code_blocks_keep_their_language() {
    assert_snapshot!(html("```rust\nfn main() { println!(\"<hi>\"); }\n```\n"));
}

#[test]
fn feeds_get_bare_code_blocks_and_headings() {
    // A feed reader runs no script: no copy button, no anchor that copies.
    let rendered = render_for_feed(
        "## Run it\n\n```sh\necho '<hi>' && ls\n```\n",
        POST,
        &Prepared::default(),
    )
    .html;
    assert_eq!(
        rendered,
        "<h2 id=\"run-it\">Run it</h2>\n<pre><code>echo &#39;&lt;hi&gt;&#39; &amp;&amp; ls\n</code></pre>\n"
    );
}

#[test]
fn relative_urls_point_into_the_post_and_sub_path() {
    assert_snapshot!(render(
        "![Diagram](diagram.png \"A diagram\") [other](/posts/other/) [top](#intro) [web](https://example.org/a?b=1)",
        SUB_PATH_POST
    )
    .html);
}

#[test]
fn raw_html_is_shown_not_run() {
    assert_snapshot!(html(
        "<script>alert('block')</script>\n\nInline <img src=x onerror=alert(1)> and <b>bold</b> and <kbd>Ctrl</kbd>.\n\n\
         <div onclick=\"alert(1)\">\nclick\n</div>\n\n<!--more-->\n\nAfter the marker.\n"
    ));
}

#[test]
fn dangerous_urls_are_dropped() {
    let out = html(
        "[js](javascript:alert(1)) [JS](JaVaScRiPt:alert(1)) [tab](java\tscript:alert(1)) \
         [vb](vbscript:msgbox) [data](data:text/html;base64,PHNjcmlwdD4=) \
         ![img](javascript:alert(1)) ![pixel](data:image/svg+xml,<svg onload=alert(1)>) <javascript:alert(1)>",
    );
    // The words may stay as text; no attribute may carry them.
    let lower = out.to_lowercase();
    for attribute in lower.split(['"']).skip(1).step_by(2) {
        for scheme in ["javascript:", "vbscript:", "data:"] {
            assert!(
                !attribute.trim_start().starts_with(scheme),
                "{attribute} survived in {out}"
            );
        }
    }
    assert!(
        !lower.contains("<svg") && !lower.contains("<a") && !lower.contains("<img"),
        "{out}"
    );
    assert_snapshot!(out);
}

#[test]
fn resolve_url_keeps_safe_schemes() {
    for safe in [
        "https://example.org/",
        "http://a.b/c",
        "mailto:me@example.org",
        "tel:+4912345",
    ] {
        assert_eq!(resolve_url(safe, POST).as_deref(), Some(safe));
    }
    assert_eq!(
        resolve_url("//cdn.example.org/x.png", POST).as_deref(),
        Some("//cdn.example.org/x.png")
    );
    assert_eq!(resolve_url("file:///etc/passwd", POST), None);
    assert_eq!(resolve_url(" javascript:alert(1)", POST), None);
}

#[test]
fn smart_punctuation_like_hugo() {
    assert_snapshot!(html("\"Quotes\" -- and 'single' ... done"));
}

#[test]
fn relative_urls_lose_their_dot_segments() {
    let post = SUB_PATH_POST;
    assert_eq!(
        resolve_url("../other/#top", post).as_deref(),
        Some("/blog/posts/other/#top")
    );
    assert_eq!(
        resolve_url("./img/a.png", post).as_deref(),
        Some("/blog/posts/demo/img/a.png")
    );
    assert_eq!(
        resolve_url("../../../../up", post).as_deref(),
        Some("/blog/up")
    );
    assert_eq!(resolve_url("..", post).as_deref(), Some("/blog/posts/"));
    assert_eq!(
        resolve_url("?a=../b", post).as_deref(),
        Some("/blog/posts/demo/?a=../b")
    );
}

#[test]
fn github_alerts_get_their_title() {
    let html = html("> [!WARNING]\n> Stop bath smells of *vinegar*.\n\n> A plain quote.\n");
    assert_eq!(
        html,
        "<blockquote class=\"alert alert-warning\"><p class=\"alert-title\">Warning</p>\n<p>Stop bath smells of <em>vinegar</em>.</p>\n</blockquote>\n<blockquote>\n<p>A plain quote.</p>\n</blockquote>\n"
    );
}

/// A page at an ugly address (`posts/a.html`) is a file: its relative links
/// start from its folder, as a browser reads them, not from `posts/a.html/`.
#[test]
fn relative_links_of_an_ugly_address_start_from_its_folder() {
    let ugly = PageContext {
        page_path: "posts/a.html",
        ..POST
    };
    assert_eq!(
        resolve_url("b.html", ugly).as_deref(),
        Some("/posts/b.html")
    );
    assert_eq!(resolve_url("../x/", ugly).as_deref(), Some("/x/"));
    assert_eq!(
        resolve_url("#part", ugly).as_deref(),
        Some("/posts/a.html#part")
    );
}
