//! The build tool end to end: a blog folder in, a site folder (or a list of problems) out.

mod common;

use std::{fs, process::Command};

use common::*;
use quire_core::{route::Route, route_data::RouteData};

#[test]
fn builds_manifest_bodies_and_bundle_images() {
    let blog = Blog::new();
    blog.post(
        "first/index.md",
        "title: First\ndate: 2026-03-09\ntags: [Rust, web]\ncover:\n  image: cover.svg\n  alt: A red square",
        "Hello <!--more--> world.",
    )
    .file("content/posts/first/cover.svg", "<svg xmlns='http://www.w3.org/2000/svg' width='800' height='400'></svg>")
    .post("second.md", "title: Second\ndate: 2026-03-10\nauthor: Guest", "Plain body.");
    let (output, out) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let manifest = manifest(&out);
    let slugs: Vec<&str> = manifest.posts.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(slugs, ["posts-second", "posts-first"]);
    let first = &manifest.posts[1];
    assert_eq!(first.summary, "Hello");
    assert_eq!(first.authors, ["Site Author"]);
    assert_eq!(manifest.posts[0].authors, ["Guest"]);
    let cover = first.cover.as_ref().unwrap();
    assert_eq!(
        (cover.src.as_str(), cover.width, cover.height),
        ("posts/first/cover.svg", 800, 400)
    );
    assert!(out.join("posts/first/cover.svg").is_file());
    assert!(
        !out.join("posts/first/index.md").exists(),
        "the Markdown source is not published as a resource"
    );
    let body = fs::read_to_string(out.join(&first.body)).unwrap();
    assert_eq!(body, "Hello <!--more--> world.");
    assert!(
        !manifest_text(&out).contains("world."),
        "no full text in the manifest"
    );
}

#[test]
fn every_problem_is_listed_with_path_and_line_and_nothing_is_written() {
    let blog = Blog::new();
    blog.post(
        "broken-yaml.md",
        "title: Broken\ndate: 2026-01-01\ntags: [a, b",
        "x",
    )
    .post("bad-date.md", "title: Bad date\ndate: next Tuesday", "x")
    .post(
        "bad-number.md",
        "title: Bad number\ndate: 2026-01-01\nweight: heavy",
        "x",
    );
    let (output, out) = blog.build(&[]);
    assert!(!output.status.success());
    let errors = stderr(&output);
    let expected = [
        ("broken-yaml.md:", "front matter is not valid YAML"),
        ("bad-date.md:3:", "`next Tuesday` is not a date"),
        ("bad-number.md:4:", "`weight`"),
    ];
    for (location, message) in expected {
        assert!(
            errors
                .lines()
                .any(|line| line.contains(location) && line.contains(message)),
            "expected `{location} … {message}` in:\n{errors}"
        );
    }
    assert!(
        errors.contains("3 problems found; nothing was written"),
        "{errors}"
    );
    assert!(!out.exists(), "a failed build must not create the output");
}

/// What Hugo builds anyway builds here too, and the author is told what
/// became of it.
#[test]
fn what_hugo_would_build_anyway_builds_with_a_warning() {
    let blog = Blog::new();
    blog.post("no-title.md", "date: 2026-01-01", "x")
        .post("no-date.md", "title: Undated", "x")
        .post(
            "one/index.md",
            "title: One\ndate: 2026-01-01\nslug: same",
            "x",
        )
        .post("two.md", "title: Two\ndate: 2026-01-02\nslug: same", "x")
        // Found on real blogs: steveyiyo's `draft: flase` and LoveIt's
        // `toc: {auto: false}` failed the build; jfet97's `published:
        // true` did too.
        .post(
            "flase.md",
            "title: Flase\ndate: 2026-01-01\ndraft: flase\ntoc:\n  auto: false\npublished: true",
            "x",
        )
        .post(
            "no-cover/index.md",
            "title: Cover\ndate: 2026-01-01\ncover:\n  image: missing.png\n  alt: Gone",
            "x",
        );
    let (output, out) = blog.build(&[]);
    let errors = stderr(&output);
    assert!(output.status.success(), "{errors}");
    let expected = [
        (
            "no-title.md:1:",
            "no title: the page is named after its file",
        ),
        ("no-date.md:1:", "no date"),
        (
            "two.md:4:",
            "`/posts/same/` is also the address of content/posts/one/index.md",
        ),
        ("no-cover/index.md:4:", "the page has no cover"),
        ("flase.md:4:", "`draft` is neither true nor false"),
        ("flase.md:7:", "`published` is no date"),
    ];
    for (location, message) in expected {
        assert!(
            errors.lines().any(|line| line.starts_with("warning: ")
                && line.contains(location)
                && line.contains(message)),
            "expected `{location} … {message}` in:\n{errors}"
        );
    }
    let manifest = manifest(&out);
    let titles: Vec<&str> = manifest
        .posts
        .iter()
        .map(|post| post.title.as_str())
        .collect();
    assert!(
        titles.contains(&"no-title") && titles.contains(&"One") && titles.contains(&"Flase"),
        "{titles:?}"
    );
    assert!(!titles.contains(&"Two"), "{titles:?}");
    let cover_post = manifest
        .posts
        .iter()
        .find(|post| post.title == "Cover")
        .unwrap();
    assert_eq!(cover_post.cover, None);
}

#[test]
fn a_failed_refresh_keeps_the_previous_site() {
    let blog = Blog::new();
    blog.post("good.md", "title: Good\ndate: 2026-01-01", "x");
    let (first, out) = blog.build(&[]);
    assert!(first.status.success());
    let before = manifest_text(&out);
    blog.post("bad.md", "title: Bad\ndate: soon", "x");
    let (second, _) = blog.build(&[]);
    assert!(!second.status.success());
    assert_eq!(manifest_text(&out), before);
}

#[test]
fn drafts_and_future_posts_are_left_out_unless_asked_for() {
    let blog = Blog::new();
    blog.post("published.md", "title: Published\ndate: 2026-01-01", "x")
        .post(
            "draft.md",
            "title: Draft\ndate: 2026-01-01\ndraft: true",
            "x",
        )
        .post("future.md", "title: Future\ndate: 2999-01-01", "x");
    let (output, out) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(manifest(&out).posts.len(), 1);
    assert!(
        stderr(&output).contains("1 draft and 1 future post left out"),
        "{}",
        stderr(&output)
    );
    let (output, out) = blog.build(&["--drafts", "--future"]);
    assert!(output.status.success());
    assert_eq!(manifest(&out).posts.len(), 3);
}

#[test]
fn refresh_removes_what_was_deleted_and_renames_changed_bodies() {
    let blog = Blog::new();
    blog.post("keep.md", "title: Keep\ndate: 2026-01-01", "old text")
        .post("gone/index.md", "title: Gone\ndate: 2026-01-02", "x")
        .file("content/posts/gone/photo.png", "not really a png");
    let (_, out) = blog.build(&[]);
    let old_body = manifest(&out)
        .posts
        .iter()
        .find(|p| p.slug == "posts-keep")
        .unwrap()
        .body
        .clone();
    assert!(out.join("posts/gone/photo.png").exists());

    fs::remove_dir_all(blog.path("content/posts/gone")).unwrap();
    blog.post("keep.md", "title: Keep\ndate: 2026-01-01", "new text");
    let (output, out) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let manifest = manifest(&out);
    assert_eq!(manifest.posts.len(), 1);
    assert_ne!(
        manifest.posts[0].body, old_body,
        "a changed body gets a new file name"
    );
    assert!(!out.join(&old_body).exists());
    assert!(!out.join("posts/gone/photo.png").exists());
}

#[test]
fn static_files_and_root_relative_covers() {
    let blog = Blog::new();
    blog.file("static/images/c.svg", "<svg viewBox='0 0 300 100'></svg>")
        .file("static/robots.txt", "User-agent: *");
    blog.post(
        "p.md",
        "title: P\ndate: 2026-01-01\ncover:\n  image: /images/c.svg\n  alt: Wide",
        "x",
    );
    let (output, out) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let cover = manifest(&out).posts[0].cover.clone().unwrap();
    assert_eq!(
        (cover.src.as_str(), cover.width, cover.height),
        ("images/c.svg", 300, 100)
    );
    assert!(out.join("images/c.svg").is_file());
    assert_eq!(
        fs::read_to_string(out.join("robots.txt")).unwrap(),
        "User-agent: *",
        "the author's robots.txt replaces the generated one"
    );
}

#[test]
fn a_cover_without_alt_text_builds_with_a_warning() {
    let blog = Blog::new();
    blog.post(
        "p/index.md",
        "title: P\ndate: 2026-01-01\ncover:\n  image: c.svg",
        "x",
    )
    .file("content/posts/p/c.svg", "<svg/>");
    let (output, out) = blog.build(&[]);
    let errors = stderr(&output);
    assert!(output.status.success(), "{errors}");
    assert!(
        errors.contains("warning: ") && errors.contains("p/index.md:4: the cover has no alt text"),
        "{errors}"
    );
    assert_eq!(manifest(&out).posts[0].cover.as_ref().unwrap().alt, "");
}

#[test]
fn papermod_empty_cover_placeholders_mean_no_cover() {
    let blog = Blog::new();
    blog.post(
        "p.md",
        "title: P\ndate: 2026-01-01\ncover:\n  image: \"\"\n  alt: \"\"",
        "x",
    );
    let (output, out) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(manifest(&out).posts[0].cover, None);
}

#[test]
fn a_broken_config_is_reported_with_its_line() {
    let blog = Blog::new();
    blog.file("quire.toml", "title = \"x\"\nbase_url = \"example.org\"\n");
    let (output, _) = blog.build(&[]);
    assert!(
        stderr(&output).contains("quire.toml:2: base_url `example.org` is not a URL"),
        "{}",
        stderr(&output)
    );
    // It once passed and became `https:///`.
    blog.file("quire.toml", "title = \"x\"\nbase_url = \"https://\"\n");
    let (output, _) = blog.build(&[]);
    assert!(
        stderr(&output).contains("quire.toml:2: base_url `https://`"),
        "{}",
        stderr(&output)
    );
    blog.file(
        "quire.toml",
        "title = \"x\"\nbase_url = \"https://e.org/\"\ncolour = \"red\"\n",
    );
    let (output, _) = blog.build(&[]);
    assert!(
        stderr(&output).contains("quire.toml:3: unknown field `colour`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn hugo_toml_front_matter_builds() {
    let blog = Blog::new();
    blog.file(
        "content/posts/toml-post.md",
        "+++\ntitle = \"TOML\"\ndate = 2024-05-11T10:00:00Z\ntags = [\"docker\"]\nShowToc = true\n+++\nBody",
    );
    let (output, out) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(manifest(&out).posts[0].date.to_string(), "2024-05-11");
}

#[test]
fn new_starts_a_draft_bundle() {
    let blog = Blog::new();
    let output = blog.quire(&["new", "My", "First", "Post"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = fs::read_to_string(blog.path("content/posts/my-first-post/index.md")).unwrap();
    assert!(
        text.starts_with("---\ntitle: \"My First Post\"\n") && text.contains("draft: true"),
        "{text}"
    );
    assert!(
        !blog.quire(&["new", "My", "First", "Post"]).status.success(),
        "never overwrites a post"
    );
    assert!(blog.quire(&["check"]).status.success());
}

#[test]
fn never_writes_into_the_sources() {
    let blog = Blog::new();
    blog.post("p.md", "title: P\ndate: 2026-01-01", "x");
    for out in [".", "content", "content/posts/out", "static"] {
        let target = blog.path(out);
        let output = blog.quire(&["build", "--out", target.to_str().unwrap()]);
        assert!(!output.status.success(), "{out} was accepted");
        assert!(
            stderr(&output).contains("will not write the site into the blog's sources"),
            "{}",
            stderr(&output)
        );
    }
    assert!(!blog.path("data").exists() && !blog.path("content/data").exists());
}

/// Parses a built page.
#[test]
fn every_route_gets_a_page_with_its_content_and_meta_tags() {
    let blog = three_post_blog();
    let (output, out) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let routes = [
        ("index.html", "Test Blog"),
        ("page/2/index.html", "Page 2 | Test Blog"),
        ("posts/first/index.html", "First & best | Test Blog"),
        ("posts/second/index.html", "Second | Test Blog"),
        ("tags/index.html", "Tags | Test Blog"),
        ("tags/rust/index.html", "#Rust | Test Blog"),
        ("tags/web/index.html", "#web | Test Blog"),
        ("archives/index.html", "Archives | Test Blog"),
    ];
    for (path, title) in routes {
        let html = page(&out, path);
        assert_eq!(pick(&html, "title", None), [title], "{path}");
        assert_eq!(
            pick(&html, "meta[name=description]", Some("content")).len(),
            1,
            "{path}"
        );
        let url = format!(
            "https://example.org/{}",
            path.trim_end_matches("index.html")
        );
        assert_eq!(
            pick(&html, "link[rel=canonical]", Some("href")),
            std::slice::from_ref(&url),
            "{path}"
        );
        assert_eq!(
            pick(&html, "meta[property='og:url']", Some("content")),
            [url],
            "{path}"
        );
        assert_eq!(
            pick(
                &html,
                "link[rel=alternate][type='application/rss+xml']",
                Some("href")
            )[0],
            "/index.xml",
            "{path}"
        );
        assert!(
            !pick(&html, "#quire-static main h1", None).is_empty(),
            "{path} has a heading"
        );
    }

    let home = page(&out, "index.html");
    assert_eq!(
        pick(&home, ".post-card .card-title a", Some("href")),
        ["/posts/first/", "/posts/second/"]
    );
    assert_eq!(
        pick(&home, ".post-card .post-meta time", None)[0],
        "March 9, 2026"
    );
    assert_eq!(pick(&home, ".pager-older", Some("href")), ["/page/2/"]);

    let post = page(&out, "posts/first/index.html");
    assert!(pick(&post, ".post-content p", None)[0].contains("Intro text."));
    assert_eq!(pick(&post, ".post-content h2", Some("id")), ["details"]);
    assert_eq!(
        pick(&post, ".post-content p a", Some("href")),
        ["/posts/second/"],
        "relative links resolve against the post"
    );
    assert_eq!(
        pick(&post, ".post-content img", Some("src")),
        ["/posts/first/chart.svg"]
    );
    assert_eq!(
        pick(&post, "meta[property='og:type']", Some("content")),
        ["article"]
    );
    assert_eq!(
        pick(&post, "meta[property='og:image']", Some("content")),
        ["https://example.org/posts/first/cover.svg"]
    );
    assert_eq!(
        pick(&post, "meta[name='twitter:card']", Some("content")),
        ["summary_large_image"]
    );
    assert_eq!(
        pick(&post, "meta[property='og:title']", Some("content")),
        ["First & best"]
    );
    let json_ld: Vec<serde_json::Value> = pick(&post, "script[type='application/ld+json']", None)
        .iter()
        .map(|text| serde_json::from_str(text).unwrap())
        .collect();
    assert_eq!(json_ld[0]["@type"], "BlogPosting");
    assert_eq!(json_ld[0]["headline"], "First & best");
    assert_eq!(json_ld[0]["datePublished"], "2026-03-09");
    assert_eq!(json_ld[0]["dateModified"], "2026-04-01");
    assert_eq!(
        json_ld[0]["image"]["url"],
        "https://example.org/posts/first/cover.svg"
    );
    assert_eq!(json_ld[1]["@type"], "BreadcrumbList");
    // Home › Posts (the archive) › the post, as the visible breadcrumbs show.
    assert_eq!(
        json_ld[1]["itemListElement"][1]["item"],
        "https://example.org/archives/"
    );
    assert_eq!(
        json_ld[1]["itemListElement"][2]["item"],
        "https://example.org/posts/first/"
    );
    assert_eq!(pick(&post, ".breadcrumbs a", None), ["Test Blog", "Posts"]);

    let missing = page(&out, "404.html");
    assert_eq!(pick(&missing, "h1", None), ["Page not found"]);
    assert_eq!(
        pick(&missing, "meta[name=robots]", Some("content")),
        ["noindex"]
    );
    assert!(pick(&missing, "link[rel=canonical]", None).is_empty());
}

#[test]
fn feeds_parse_and_list_the_newest_posts_with_absolute_links() {
    let blog = three_post_blog();
    let (output, out) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let site = feed(&out, "index.xml");
    assert_eq!(site.title(), "Test Blog");
    assert_eq!(site.link(), "https://example.org/");
    let titles: Vec<_> = site
        .items()
        .iter()
        .map(|item| item.title().unwrap())
        .collect();
    assert_eq!(titles, ["First & best", "Second", "Third"]);
    let first = &site.items()[0];
    assert_eq!(first.link(), Some("https://example.org/posts/first/"));
    assert_eq!(first.pub_date(), Some("Mon, 09 Mar 2026 00:00:00 +0000"));
    let summary = first.description().unwrap();
    assert!(
        summary.starts_with("Intro text. Details"),
        "summaries by default: {summary}"
    );
    assert!(!summary.contains('<'), "{summary}");
    let categories: Vec<_> = first.categories().iter().map(|c| c.name()).collect();
    assert_eq!(categories, ["Rust", "web"]);

    let rust = feed(&out, "tags/rust/index.xml");
    let titles: Vec<_> = rust
        .items()
        .iter()
        .map(|item| item.title().unwrap())
        .collect();
    assert_eq!(titles, ["First & best", "Second"]);
    assert_eq!(rust.link(), "https://example.org/tags/rust/");

    blog.file(
        "quire.toml",
        &format!("{CONFIG}\n[feed]\nfull_text = true\nlimit = 2\n"),
    );
    let (output, out) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let site = feed(&out, "index.xml");
    assert_eq!(site.items().len(), 2, "the limit holds");
    let text = site.items()[0].description().unwrap();
    assert!(text.contains("<h2 id=\"details\">Details</h2>"), "{text}");
    assert!(
        text.contains("href=\"https://example.org/posts/second/\""),
        "links in full text are absolute: {text}"
    );
}

#[test]
fn drafts_and_hidden_posts_stay_out_of_feeds_sitemap_and_lists() {
    let blog = three_post_blog();
    blog.post(
        "draft.md",
        "title: Draft\ndate: 2026-03-10\ndraft: true\ntags: [Rust]",
        "x",
    )
    .post(
        "hidden.md",
        "title: Hidden\ndate: 2026-03-11\nhiddenInHomeList: true\ntags: [Rust]",
        "x",
    );
    let (output, out) = blog.build(&["--drafts"]);
    assert!(output.status.success(), "{}", stderr(&output));
    for path in ["index.xml", "tags/rust/index.xml"] {
        let titles: Vec<String> = feed(&out, path)
            .items()
            .iter()
            .map(|item| item.title().unwrap().to_owned())
            .collect();
        assert!(
            !titles.iter().any(|t| t == "Draft" || t == "Hidden"),
            "{path}: {titles:?}"
        );
    }
    let sitemap = fs::read_to_string(out.join("sitemap.xml")).unwrap();
    let mut reader = quick_xml::Reader::from_str(&sitemap);
    let mut locations = Vec::new();
    let mut in_loc = false;
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(tag) => in_loc = tag.name().0 == "loc",
            quick_xml::events::Event::Text(text) if in_loc => {
                locations.push(text.to_string());
            }
            quick_xml::events::Event::Eof => break,
            _ => in_loc = false,
        }
    }
    assert!(locations.contains(&"https://example.org/posts/first/".to_owned()));
    assert!(locations.contains(&"https://example.org/tags/rust/".to_owned()));
    assert!(
        !locations
            .iter()
            .any(|l| l.contains("draft") || l.contains("hidden")),
        "{locations:?}"
    );
    assert!(
        sitemap.contains("<lastmod>2026-04-01</lastmod>"),
        "lastmod is the post's lastmod"
    );
    assert_eq!(
        fs::read_to_string(out.join("robots.txt")).unwrap(),
        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n"
    );

    let hidden = page(&out, "posts/hidden/index.html");
    assert_eq!(
        pick(&hidden, "h1", None),
        ["Hidden"],
        "a hidden post has its page"
    );
    let home = page(&out, "index.html");
    assert!(
        !pick(&home, ".card-title", None)
            .iter()
            .any(|t| t == "Hidden")
    );
    let draft = page(&out, "posts/draft/index.html");
    assert_eq!(
        pick(&draft, "meta[name=robots]", Some("content")),
        ["noindex"]
    );
}

#[test]
fn aliases_get_redirect_pages_and_host_rules() {
    let blog = three_post_blog();
    blog.post(
        "moved.md",
        "title: Moved\ndate: 2025-01-01\naliases: [/2025/01/old-name/, old.html]",
        "x",
    );
    let (output, out) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let redirect = page(&out, "2025/01/old-name/index.html");
    assert_eq!(
        pick(&redirect, "meta[http-equiv=refresh]", Some("content")),
        ["0; url=/posts/moved/"]
    );
    assert_eq!(
        pick(&redirect, "link[rel=canonical]", Some("href")),
        ["https://example.org/posts/moved/"]
    );
    let rules = fs::read_to_string(out.join("_redirects")).unwrap();
    assert!(
        rules.contains("/2025/01/old-name/ /posts/moved/ 301\n"),
        "{rules}"
    );
    assert!(rules.contains("/page/1/ / 301\n"), "{rules}");
    assert!(page(&out, "page/1/index.html").html().contains("url=/\""));

    blog.post(
        "clash.md",
        "title: Clash\ndate: 2025-01-02\naliases: [/tags/]",
        "x",
    );
    let (output, _) = blog.build(&[]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains(
            "post `posts-clash`: alias `/tags/` is the address of a page the blog already has"
        ),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_alias_at_another_pages_address_failed_the_build() {
    // gavinzhou.com's about page names `/contact/`, its contact page's address.
    let blog = three_post_blog();
    blog.post(
        "contact.md",
        "title: Contact\ndate: 2025-01-01",
        "Write to me.",
    );
    blog.post(
        "about.md",
        "title: About\ndate: 2025-01-02\naliases: [/posts/contact/, /about-me/]",
        "About me.",
    );
    let (output, out) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("alias `/posts/contact/` is the address of content/posts/contact.md, which stays there; the alias is left out"),
        "{}",
        stderr(&output)
    );
    let contact = page(&out, "posts/contact/index.html");
    assert_eq!(pick(&contact, "h1.post-title", None), ["Contact"]);
    // The page's other alias still leads to it.
    assert_eq!(
        pick(
            &page(&out, "about-me/index.html"),
            "meta[http-equiv=refresh]",
            Some("content")
        ),
        ["0; url=/posts/about/"]
    );
}

#[test]
fn a_ref_to_a_section_without_an_index_file_from_a_sibling_bundle_or_in_newer_hugos_spelling_failed_the_build()
 {
    // ortham.github.io: `{{< ref "projects" >}}`, a folder of pages with no `_index.md`.
    let blog = three_post_blog();
    blog.file(
        "content/projects/lantern.md",
        "---\ntitle: Lantern\ndate: 2025-01-01\n---\nA project.",
    );
    blog.post(
        "news.md",
        "title: News\ndate: 2025-01-02",
        "See [my projects]({{< ref \"projects\" >}}).",
    );
    // fsanzeni.github.io: a bundle's folder named as newer Hugo finds it.
    blog.post(
        "On Risk/index.md",
        "title: On Risk\ndate: 2025-01-03",
        "See [the news]({{< ref \"posts/news\" >}}).",
    );
    blog.post(
        "later.md",
        "title: Later\ndate: 2025-01-04",
        "As [said]({{< ref \"posts/on-risk\" >}}).",
    );
    // zwbetz.com: a bundle names its sibling from the folder they share.
    blog.post(
        "sibling/index.md",
        "title: Sibling\ndate: 2025-01-05",
        "See [the first]({{< ref \"first/index.md\" >}}).",
    );
    let (output, out) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        pick(
            &page(&out, "posts/sibling/index.html"),
            ".post-content a",
            Some("href")
        ),
        ["/posts/first/"]
    );
    let news = page(&out, "posts/news/index.html");
    assert_eq!(pick(&news, ".post-content a", Some("href")), ["/projects/"]);
    assert!(out.join("projects/index.html").is_file());
    assert_eq!(
        pick(
            &page(&out, "posts/later/index.html"),
            ".post-content a",
            Some("href")
        ),
        ["/posts/on-risk/"]
    );
}

#[test]
fn a_ref_naming_a_bundle_elsewhere_by_its_folder_and_md_failed_the_build() {
    // jrfom.com: `{{< ref "chain-waxing.md" >}}` for
    // `posts/2022/05/08/chain-waxing/index.md`, from another dated folder.
    // Hugo drops the extension and finds the one page of that name.
    let blog = three_post_blog();
    blog.post(
        "2022/05/08/chain-waxing/index.md",
        "title: Chain Waxing\ndate: 2022-05-08",
        "Wax.",
    );
    blog.post(
        "2024/06/23/waxer/index.md",
        "title: Waxer\ndate: 2024-06-23",
        "My [thorough article]({{< ref \"chain-waxing.md\" >}}).",
    );
    let (output, out) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        pick(
            &page(&out, "posts/2024/06/23/waxer/index.html"),
            ".post-content a",
            Some("href")
        ),
        ["/posts/2022/05/08/chain-waxing/"]
    );
}

#[test]
fn a_post_with_bytes_that_are_not_utf8_failed_the_build() {
    // uli.heller.cool: an emoji written as two UTF-16 halves, each in UTF-8's form.
    let blog = three_post_blog();
    let mut bytes = b"---\ntitle: Menu\ndate: 2025-01-01\n---\nThe globe:\n\nname = \"".to_vec();
    bytes.extend_from_slice(b"\xed\xa0\xbc\xed\xbc\x90\" and on.\n");
    fs::write(blog.path("content/posts/menu.md"), bytes).unwrap();
    let (output, out) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("content/posts/menu.md:7: this line is not valid UTF-8 text"),
        "{}",
        stderr(&output)
    );
    let menu = page(&out, "posts/menu/index.html");
    assert!(
        pick(&menu, ".post-content p", None)
            .iter()
            .any(|text| text.contains("name = \u{201c}\u{fffd}") && text.contains("and on")),
        "{:?}",
        pick(&menu, ".post-content p", None)
    );
}

#[test]
fn an_image_beside_a_post_that_is_not_a_bundle_was_not_published() {
    // yuhi-sa's blog: `posts/20200816_ros_pubsub/1.md` shows
    // `/posts/20200816_ros_pubsub/fig1.png`, which Hugo publishes where it is.
    let blog = three_post_blog();
    blog.post(
        "ros/1.md",
        "title: ROS\ndate: 2025-01-01",
        "![PubSub](/posts/ros/fig1.png)",
    );
    fs::write(blog.path("content/posts/ros/fig1.png"), b"not really a png").unwrap();
    fs::write(blog.path("content/Top Notes.txt"), b"at the top").unwrap();
    let (output, out) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(out.join("posts/ros/fig1.png").is_file());
    assert!(out.join("Top Notes.txt").is_file());
    assert_eq!(
        pick(
            &page(&out, "posts/ros/1/index.html"),
            ".post-content img",
            Some("src")
        ),
        ["/posts/ros/fig1.png"]
    );
}

#[test]
fn a_hugo_theme_that_sets_base_href_to_the_root_had_its_relative_links_lead_from_the_page() {
    // basilesimon.fr and blog.melroy.org: `<base href="{{ .Site.BaseURL }}">`.
    let blog = Blog::new();
    blog.file(
        "config.toml",
        "baseURL = \"https://example.org/\"\ntitle = \"Based\"\ntheme = \"bear\"\n[markup.goldmark.renderer]\nunsafe = true\n",
    )
    .file(
        "themes/bear/layouts/partials/head.html",
        "<base href=\"{{ .Site.BaseURL }}\">",
    )
    .post("second.md", "title: Second\ndate: 2025-01-01", "Two.")
    .post(
        "first.md",
        "title: First\ndate: 2025-01-02",
        "![A split](assets/split.png) and [the second](posts/second/).\n\n<img src=\"assets/tsne.png\" alt=\"t-SNE\">",
    );
    let (output, out) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let first = page(&out, "posts/first/index.html");
    assert_eq!(
        pick(&first, ".post-content img", Some("src")),
        ["/assets/split.png", "/assets/tsne.png"]
    );
    assert_eq!(
        pick(&first, ".post-content a", Some("href")),
        ["/posts/second/"]
    );
}

#[test]
fn a_page_named_for_the_default_language_on_a_site_without_languages_was_at_another_address() {
    // michael.stapelberg.ch: `series.en.md` is `/series/`, as Hugo has it;
    // `mxallowd.de.md` (no German configured) stays `/mxallowd.de/`.
    let blog = Blog::new();
    blog.file(
        "config.toml",
        "baseURL = \"https://example.org/\"\ntitle = \"Pages\"\ndefaultContentLanguage = \"en\"\n",
    )
    .file(
        "content/series.en.md",
        "---\ntitle: Series\n---\nAll of them.",
    )
    .file(
        "content/mxallowd.de.md",
        "---\ntitle: mxallowd\n---\nAuf Deutsch.",
    );
    let (output, out) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(out.join("series/index.html").is_file());
    assert!(out.join("mxallowd.de/index.html").is_file());
}

#[test]
fn a_sub_path_site_links_everything_under_its_path() {
    let blog = three_post_blog();
    let (output, out) = blog.build(&["--base-url", "https://example.org/blog"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let home = page(&out, "index.html");
    assert_eq!(pick(&home, ".site-title", Some("href")), ["/blog/"]);
    assert_eq!(
        pick(&home, ".card-title a", Some("href"))[0],
        "/blog/posts/first/"
    );
    assert_eq!(
        pick(&home, ".card-cover img", Some("src"))[0],
        "/blog/posts/first/cover.svg"
    );
    assert_eq!(
        pick(&home, "link[rel=canonical]", Some("href")),
        ["https://example.org/blog/"]
    );
    let post = page(&out, "posts/first/index.html");
    assert_eq!(
        pick(&post, ".post-content p a", Some("href")),
        ["/blog/posts/second/"]
    );
    assert_eq!(
        feed(&out, "index.xml").items()[0].link(),
        Some("https://example.org/blog/posts/first/")
    );
    assert!(
        fs::read_to_string(out.join("_headers"))
            .unwrap()
            .contains("/blog/data/*\n")
    );
}

#[test]
fn pages_go_into_trunks_shell_and_a_rebuild_starts_from_it_again() {
    let blog = three_post_blog();
    let out = blog.path("site");
    fs::create_dir_all(&out).unwrap();
    fs::write(
        out.join("index.html"),
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<title>Quire</title>\n<script type=\"module\">app()</script>\n</head>\n<body>\n</body>\n</html>\n",
    )
    .unwrap();
    fs::write(out.join("quire-web-58ae4102ebd3e74_bg.wasm"), "").unwrap();
    let (output, _) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let first = fs::read_to_string(out.join("index.html")).unwrap();
    let (output, _) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        fs::read_to_string(out.join("index.html")).unwrap(),
        first,
        "builds repeat"
    );
    for path in ["index.html", "posts/second/index.html", "404.html"] {
        let html = page(&out, path);
        assert_eq!(
            pick(&html, "script[type=module]", None),
            ["app()"],
            "{path} loads the app"
        );
        assert_eq!(pick(&html, "title", None).len(), 1, "{path}");
    }
    assert!(fs::read_to_string(out.join("_headers")).unwrap().contains(
        "/quire-web-58ae4102ebd3e74_bg.wasm\n  Cache-Control: public, max-age=31536000, immutable"
    ));

    fs::remove_file(blog.path("content/posts/second.md")).unwrap();
    let (output, _) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        !out.join("posts/second").exists(),
        "a deleted post's page goes"
    );
}

#[test]
fn refuses_a_trunk_public_url_that_differs_from_base_url() {
    let blog = three_post_blog();
    let out = blog.path("site");
    let output = Command::new(env!("CARGO_BIN_EXE_quire"))
        .args(["build", "--out", out.to_str().unwrap(), "--root"])
        .arg(blog.dir.path())
        .env("TRUNK_PUBLIC_URL", "/blog/")
        .env_remove("QUIRE_BASE_URL")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("run Trunk with --public-url /"),
        "{}",
        stderr(&output)
    );
    let output = Command::new(env!("CARGO_BIN_EXE_quire"))
        .args(["build", "--out", out.to_str().unwrap(), "--root"])
        .arg(blog.dir.path())
        .env("TRUNK_PUBLIC_URL", "/blog/")
        .env("QUIRE_BASE_URL", "https://example.org/blog/")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
}

/// Non-ASCII front matter once panicked in the line lookup (a byte index
/// inside a character) and stopped the whole build. A blog in Japanese,
/// Chinese, Arabic, German and Turkish builds, every address is a page,
/// and the files for machines carry the addresses percent-encoded.
#[test]
fn a_blog_in_any_script_builds_and_its_addresses_are_encoded_for_machines() {
    let (_dir, out) = build_fixture("world-blog");
    let manifest = manifest(&out);
    let paths: Vec<&str> = manifest
        .posts
        .iter()
        .map(|post| post.path.as_str())
        .collect();
    assert_eq!(
        paths,
        [
            "posts/café/",
            "posts/日本語の投稿/",
            "posts/你好世界/",
            "posts/مرحبا/",
            "posts/turkish/"
        ]
    );
    for path in &paths {
        assert!(out.join(path).join("index.html").is_file(), "{path}");
    }
    for tag in ["日本語", "i\u{307}stanbul", "çay", "العربية", "中文"] {
        assert!(
            out.join("tags").join(tag).join("index.html").is_file(),
            "{tag}"
        );
        assert!(
            out.join("tags").join(tag).join("index.xml").is_file(),
            "{tag}"
        );
    }
    let cafe = page(&out, "posts/café/index.html");
    assert_eq!(
        pick(&cafe, "#quire-static", Some("data-path")),
        ["/posts/caf%C3%A9/"]
    );
    assert_eq!(
        pick(&cafe, "link[rel=canonical]", Some("href")),
        ["https://world.example.org/posts/caf%C3%A9/"]
    );
    assert_eq!(
        pick(&cafe, ".post-meta .author", None),
        ["Maëlle Salmon and Ümit Özdemir"]
    );
    assert_eq!(
        pick(&cafe, ".card-summary, .post-header .post-meta time", None),
        ["March 9, 2026"]
    );
    let sitemap = fs::read_to_string(out.join("sitemap.xml")).unwrap();
    let locs: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .filter_map(|rest| rest.split("</loc>").next())
        .collect();
    assert!(locs.len() > paths.len());
    for loc in &locs {
        assert!(loc.is_ascii() && !loc.contains(' '), "{loc}");
    }
    assert!(locs.contains(&"https://world.example.org/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E/"));
    let channel = feed(&out, "index.xml");
    for item in channel.items() {
        assert!(item.link().unwrap().is_ascii(), "{:?}", item.link());
    }
    let japanese = manifest.find_post("posts/日本語の投稿/").unwrap();
    assert_eq!(
        japanese.summary,
        "これは日本語の要約です。 二行目もあります。"
    );
    assert_eq!(japanese.authors, ["山田太郎"]);
}

/// Front-matter problems in a file written in another script still name
/// their line, and nothing panics.
#[test]
fn problems_in_non_ascii_front_matter_name_their_line() {
    let blog = Blog::new();
    blog.post(
        "a.md",
        "title: \"日本語\"\ndate: 2026-01-01\ntags:\n  - \"日本語\"\nauthor:\n  - Maëlle Salmon\nweight: schwer",
        "本文。\n",
    );
    blog.post(
        "b.md",
        "title: Über\nsummary: |\n  日本語の要約\ndate: nächsten Dienstag",
        "Text.\n",
    );
    let (output, _) = blog.build(&[]);
    let errors = stderr(&output);
    assert!(!output.status.success());
    assert!(errors.contains("a.md:8: `weight`"), "{errors}");
    assert!(errors.contains("b.md:5: `date`"), "{errors}");
    assert!(!errors.contains("panicked"), "{errors}");
}

/// A page's `slug` or `url` once could name any place on the disk: the
/// build wrote the page and its bundle's files wherever it led.
#[test]
fn a_slug_or_url_that_leaves_the_site_stops_the_build_and_writes_nothing() {
    let blog = Blog::new();
    blog.post(
        "escape/index.md",
        "title: Escape\ndate: 2026-01-01\nslug: \"../../../../outside\"",
        "x",
    )
    .file("content/posts/escape/authorized_keys", "key")
    .post(
        "home.md",
        "title: Home\ndate: 2026-01-01\nurl: /index.html",
        "x",
    );
    let (output, out) = blog.build(&[]);
    let errors = stderr(&output);
    assert!(!output.status.success(), "{errors}");
    assert!(
        errors.contains(
            "escape/index.md:4: the address `/posts/../../../../outside/` is not a plain path"
        ),
        "{errors}"
    );
    assert!(
        errors.contains(
            "home.md:1: the address `/index.html` is one of the files Quire writes itself"
        ),
        "{errors}"
    );
    assert!(!out.exists());
    assert!(
        !blog.path("outside").exists()
            && !blog.dir.path().parent().unwrap().join("outside").exists()
    );
}

/// Two addresses once made one page name (`posts/2024/recap/` and
/// `posts/2024-recap/` were both `posts-2024-recap`), and the app, which
/// keeps bodies by that name, showed one post's text on the other's page.
#[test]
fn pages_whose_addresses_flatten_alike_keep_their_own_names_and_bodies() {
    let blog = Blog::new();
    blog.post(
        "2024/recap.md",
        "title: Folder\ndate: 2026-01-01",
        "In a folder.",
    )
    .post(
        "2024-recap.md",
        "title: Dash\ndate: 2026-01-02",
        "With a dash.",
    );
    let (output, out) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let manifest = manifest(&out);
    let names: Vec<&str> = manifest
        .posts
        .iter()
        .map(|post| post.slug.as_str())
        .collect();
    assert_eq!(names.len(), 2);
    assert_ne!(names[0], names[1]);
    let bodies: Vec<String> = manifest
        .posts
        .iter()
        .map(|post| fs::read_to_string(out.join(&post.body)).unwrap())
        .collect();
    assert_eq!(bodies, ["With a dash.", "In a folder."]);
}

#[test]
fn only_a_page_that_asks_for_math_reads_dollar_signs_as_math() {
    let blog = Blog::new();
    blog.post(
        "proof.md",
        "title: Proof\ndate: 2026-01-02\nmath: true",
        "Inline $a^2 + b^2$ and, as KaTeX readers wrote it, \\\\(x\\_1\\\\).\n",
    )
    .post(
        "prices.md",
        "title: Prices\ndate: 2026-01-01",
        "Bread was $2 and milk $1, and $x$ is just text here.\n",
    );
    let (output, out) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let proof = page(&out, "posts/proof/index.html");
    assert_eq!(
        pick(&proof, ".math-inline > math > *", None),
        ["a2", "+", "b2", "x1"]
    );
    let prices = page(&out, "posts/prices/index.html");
    assert!(pick(&prices, "math", None).is_empty());
    assert_eq!(
        pick(&prices, ".post-content p", None),
        ["Bread was $2 and milk $1, and $x$ is just text here."]
    );
    let manifest = manifest(&out);
    let prices_entry = manifest.posts.iter().find(|post| post.title == "Prices");
    assert!(
        prices_entry.is_some_and(|post| post.prepared.is_none()),
        "nothing prepared for a page without code or math"
    );
}

#[test]
fn an_html_page_with_pandocs_math_gets_mathml_without_asking() {
    let blog = Blog::new();
    blog.file(
        "content/posts/exported.html",
        "---\ntitle: Exported\ndate: 2026-01-01\n---\n<p>Pandoc wrote <span class=\"math inline\">\\(a &lt; b\\)</span> and</p>\n<p><span class=\"math display\">\\[\\sum_i x_i\\]</span></p>\n<pre><code>\\(kept as code\\)</code></pre>\n",
    );
    blog.file(
        "quire.toml",
        &format!("{CONFIG}\n[feed]\nfull_text = true\n"),
    );
    let (output, out) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let in_feed = feed(&out, "index.xml").items()[0]
        .description()
        .unwrap_or_default()
        .to_owned();
    assert!(
        in_feed.contains(r#"<math display="block">"#),
        "the feed carries the math too: {in_feed}"
    );
    let exported = page(&out, "posts/exported/index.html");
    assert_eq!(
        pick(&exported, ".post-content .math-inline > math", None),
        ["a<b"]
    );
    assert_eq!(
        pick(
            &exported,
            ".post-content .math-display > math",
            Some("display")
        ),
        ["block"]
    );
    assert_eq!(pick(&exported, "pre code", None), ["\\(kept as code\\)"]);
}

/// Found by review: the `>` of a quote's lines became part of the TeX.
#[test]
fn math_inside_a_quote_keeps_out_the_quotes_marks() {
    let blog = Blog::new();
    blog.file("quire.toml", &format!("{CONFIG}raw_html = \"sanitize\"\n"))
        .post(
            "quoted.md",
            "title: Quoted\ndate: 2026-01-01\nmath: true",
            "> <div>\n> $$\n> a+b\n> $$\n> </div>\n\n> Sum \\\\[\n> \\gamma\n> \\\\]\n",
        );
    let (output, out) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let quoted = page(&out, "posts/quoted/index.html");
    let formulas: Vec<String> = pick(&quoted, "blockquote .math-display > math", None);
    assert_eq!(formulas, ["a+b", "γ"]);
    assert!(
        !stderr(&output).contains("could not be read"),
        "{}",
        stderr(&output)
    );
}

/// What the app fetches for a page does not grow with the blog: the site's
/// data is the same size at 12 and at 120 posts, and a route's data holds
/// one page of cards, or one post with links to a few others.
#[test]
fn the_app_fetches_per_route_data_that_does_not_grow_with_the_blog() {
    let build_with = |posts: usize| {
        let blog = Blog::new();
        for at in 0..posts {
            blog.post(
                &format!("post-{at:03}.md"),
                &format!(
                    "title: Post {at}\ndate: 2025-01-{:02}\ntags: [common, t{}]\nseries: [Saga]\naliases: [/old/{at}/]",
                    at % 28 + 1,
                    at % 5
                ),
                "Some words.",
            );
        }
        let (output, out) = blog.build(&[]);
        assert!(output.status.success(), "{}", stderr(&output));
        (blog, out)
    };
    let (_small_blog, small) = build_with(12);
    let (_large_blog, large) = build_with(120);
    let site_size = |out: &std::path::Path| serde_json::to_string(&site_data(out)).unwrap().len();
    assert_eq!(site_size(&small), site_size(&large));

    // The test blog lists two posts a page.
    let home_page = |page| match route_data(&large, &Route::Home { page }) {
        Some(RouteData::Home(list)) => list,
        other => panic!("the home page {page} has its list, not {other:?}"),
    };
    let (first, second) = (home_page(1), home_page(2));
    assert_eq!((first.number, first.total, first.items.len()), (1, 60, 2));
    let Some(RouteData::Term { term, list }) = route_data(
        &large,
        &Route::Term {
            taxonomy: "tags".into(),
            slug: "common".into(),
            page: 60,
        },
    ) else {
        panic!("a tag's last page has its list");
    };
    assert_eq!((term.count, list.number, list.items.len()), (120, 60, 2));

    let post = &second.items[0];
    let Some(RouteData::Post(page)) = route_data(&large, &Route::post(post)) else {
        panic!("a post has its page's data");
    };
    assert_eq!(page.post, *post);
    assert_eq!(page.related.len(), 3);
    assert_eq!(
        (
            page.newer.as_ref().unwrap().path.as_str(),
            page.older.as_ref().unwrap().path.as_str()
        ),
        (first.items[1].path.as_str(), second.items[1].path.as_str())
    );
    assert_eq!(
        page.series[0].posts.len(),
        120,
        "a series names its posts by title and address"
    );

    let Some(RouteData::Archives(years)) = route_data(&large, &Route::Archives) else {
        panic!("the archive has its rows");
    };
    assert_eq!(years.iter().map(|year| year.count).sum::<usize>(), 120);
    assert_eq!(
        route_data(
            &large,
            &Route::Content {
                path: "old/7/".into()
            }
        ),
        Some(RouteData::Moved("posts/post-007/".into())),
        "an old address leads on"
    );
    assert_eq!(
        route_data(
            &large,
            &Route::Content {
                path: "posts/nothing/".into()
            }
        ),
        None
    );
    assert_eq!(route_data(&large, &Route::Home { page: 61 }), None);
}

/// A large blog's archive page lists its newest years and names the older
/// ones, each a link to the year's own page (readers without JavaScript
/// follow it; the app shows the rows in place), so the archive's page
/// does not grow with the blog.
#[test]
fn the_archive_names_its_older_years_and_each_year_has_a_page() {
    let blog = Blog::new();
    let dated = [(2026, 10), (2025, 295), (2023, 2)];
    for (year, count) in dated {
        for at in 0..count {
            blog.post(
                &format!("p{year}-{at:03}.md"),
                &format!(
                    "title: Post {at} of {year}\ndate: {year}-{:02}-{:02}",
                    at % 12 + 1,
                    at % 28 + 1
                ),
                "Words.",
            );
        }
    }
    let (output, out) = blog.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));

    let archive = page(&out, "archives/index.html");
    assert_eq!(pick(&archive, "#year-2026 li", None).len(), 10);
    assert_eq!(pick(&archive, "#year-2025 li", None).len(), 0);
    assert_eq!(
        pick(&archive, "#year-2025 a.archive-more", Some("href")),
        ["/archives/2025/"]
    );
    assert_eq!(
        pick(&archive, "#year-2025 a.archive-more", None),
        ["Show the 295 posts of 2025"]
    );
    assert_eq!(
        pick(&archive, "h2 a", Some("href")),
        ["/archives/2026/", "/archives/2025/", "/archives/2023/"],
        "each year's heading leads to its page"
    );

    let year = page(&out, "archives/2025/index.html");
    // The year and its count once, in the heading; its months below it.
    assert_eq!(pick(&year, "main h1", None), ["Posts of 2025 295 posts"]);
    assert_eq!(pick(&year, "main h2", None)[0], "December");
    assert_eq!(pick(&year, "title", None), ["Posts of 2025 | Test Blog"]);
    assert_eq!(pick(&year, "#year-2025 .archive-month li", None).len(), 295);
    assert_eq!(
        pick(&year, "nav.pager a", Some("href")),
        ["/archives/2026/", "/archives/", "/archives/2023/"],
        "the years beside it, skipping a year without posts"
    );
    let Some(RouteData::ArchiveYear { year, newer, older }) =
        route_data(&out, &Route::ArchiveYear { year: 2023 })
    else {
        panic!("a year has its page's data");
    };
    assert_eq!((year.count, newer, older), (2, Some(2025), None));
    assert!(!out.join("archives/2024/index.html").exists());
    assert_eq!(route_data(&out, &Route::ArchiveYear { year: 2024 }), None);
    let sitemap = fs::read_to_string(out.join("sitemap.xml")).unwrap();
    for year in ["2026", "2025", "2023"] {
        assert!(
            sitemap.contains(&format!("/archives/{year}/</loc>")),
            "{year}"
        );
    }
}
