//! A Hugo site folder as it is (`tests/fixtures/hugo-blog`: PaperMod's
//! config, permalinks, sections, bundles, TOML and YAML front matter,
//! `.markdown` and `.html` files, a translation, drafts, an expired and a
//! headless page, shortcodes and raw HTML) builds, and every page is where
//! Hugo 0.111 puts it. The addresses below are `hugo list all`'s for the
//! same folder.

mod common;

use common::*;

/// A Hugo site of a few files in a folder of its own.
struct HugoSite(tempfile::TempDir);

impl HugoSite {
    fn new() -> Self {
        Self(tempfile::TempDir::new().unwrap())
    }

    /// A site at `https://example.org/` titled `title`, in `config.toml`.
    fn titled(title: &str) -> Self {
        let site = Self::new();
        site.write(
            "config.toml",
            format!("baseURL = \"https://example.org/\"\ntitle = \"{title}\"\n"),
        );
        site
    }

    /// Writes `text` to `path` below the site's folder.
    fn write(&self, path: &str, text: impl AsRef<[u8]>) {
        let path = self.0.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Writes a 320×240 PNG (the fixture's developing tank) to `path`.
    fn write_png(&self, path: &str) {
        let tank = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/hugo-blog/content/posts/first-light/tank.png");
        self.write(path, std::fs::read(tank).unwrap());
    }

    /// Builds the site into its `site/` folder; the output, and that folder.
    fn build(&self) -> (std::process::Output, std::path::PathBuf) {
        let out = self.0.path().join("site");
        let output = quire_at(self.0.path(), &["build", "--out", out.to_str().unwrap()]);
        (output, out)
    }
}

/// Hugo's address for every page it publishes, from `hugo list all`.
const HUGO_ADDRESSES: [&str; 9] = [
    "2024/04/the-second-roll/",
    "2024/03/first-light-developing-a-roll-at-home/",
    "2023/11/windows-line-endings/",
    "2023/05/contact-sheets/",
    "2022/06/a-page-written-in-html/",
    "2019/09/rangefinder/",
    "notes/fixer-capacity/",
    "about/",
    // PaperMod's archive page, which Quire's own archive serves.
    "archives/",
];

#[test]
fn every_page_of_a_hugo_site_is_at_hugos_address() {
    let (_dir, out) = build_fixture("hugo-blog");
    let manifest = manifest(&out);
    let posts: Vec<&str> = manifest
        .posts
        .iter()
        .map(|post| post.path.as_str())
        .collect();
    assert_eq!(
        posts,
        HUGO_ADDRESSES[..6],
        "the posts section, newest first"
    );
    for address in HUGO_ADDRESSES {
        assert!(out.join(address).join("index.html").is_file(), "{address}");
    }
    // An HTML file in the content folder that starts with HTML, not front
    // matter (a whole document, a fragment), is no page: Hugo publishes it
    // as it is, where it is.
    for file in ["notes/darkroom-timer.html", "notes/fragment.html"] {
        let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/hugo-blog/content")
            .join(file);
        assert_eq!(
            std::fs::read(out.join(file)).unwrap(),
            std::fs::read(source).unwrap(),
            "{file}"
        );
    }
    // The home page lists the main section only; the notes and the about page are pages.
    let pages: Vec<&str> = manifest
        .pages
        .iter()
        .map(|page| page.path.as_str())
        .collect();
    assert!(
        pages.contains(&"about/") && pages.contains(&"notes/fixer-capacity/"),
        "{pages:?}"
    );
    let home = page(&out, "index.html");
    assert_eq!(pick(&home, ".home-info h1", None), ["Hi, I develop film"]);
    // The config's menu, and the about page's own `menu: main` entry by its weight.
    assert_eq!(
        pick(&home, ".site-header .menu a", None),
        ["Start here", "Archives", "Notes", "Tags", "Search", "About"]
    );
    // `pageRef` names the file; the link goes to the page's address.
    assert_eq!(
        pick(&home, ".site-header .menu a", Some("href"))[0],
        "/2024/03/first-light-developing-a-roll-at-home/"
    );
    // Left out as Hugo leaves them out: the draft, the expired page, the
    // headless bundle and the French translation.
    let every_title: Vec<&str> = manifest
        .every_page()
        .map(|page| page.title.as_str())
        .collect();
    for gone in [
        "Unfinished",
        "A Sale That Ended",
        "Shared images",
        "La deuxième pellicule",
    ] {
        assert!(!every_title.contains(&gone), "{gone} in {every_title:?}");
    }
}

#[test]
fn sections_taxonomies_and_papermod_pages_have_their_hugo_list_pages() {
    let (_dir, out) = build_fixture("hugo-blog");
    let posts = page(&out, "posts/index.html");
    assert_eq!(pick(&posts, "main h1", None), ["All posts"]);
    assert_eq!(
        pick(&posts, "main .card-title", None).len(),
        3,
        "paginate: 3"
    );
    assert!(out.join("posts/page/2/index.html").is_file());
    let notes = page(&out, "notes/index.html");
    // The hidden note has its page, and no list or sitemap names it.
    assert_eq!(pick(&notes, "main .card-title", None), ["Fixer Capacity"]);
    assert!(out.join("notes/private/index.html").is_file());
    assert_eq!(
        pick(&notes, "main .list-description", None),
        ["Short notes that are not posts."]
    );
    let darkroom = page(&out, "categories/darkroom/index.html");
    assert_eq!(pick(&darkroom, "main .card-title", None).len(), 2);
    assert!(out.join("categories/darkroom/index.xml").is_file());
    assert!(out.join("series/home-darkroom/index.html").is_file());
    // A tag at Hugo's address for it: `HP5+` is `/tags/hp5+/`.
    assert_eq!(
        pick(
            &page(&out, "tags/hp5+/index.html"),
            "main .card-title",
            None
        ),
        ["The Second Roll"]
    );
    // PaperMod's search page is Quire's search; its archive page Quire's archive.
    assert_eq!(
        pick(
            &page(&out, "search/index.html"),
            "main input[type=search]",
            Some("name")
        ),
        ["q"]
    );
    assert!(
        !pick(
            &page(&out, "archives/index.html"),
            "main .archive-year",
            None
        )
        .is_empty()
    );
    // The TOML post's alias leads to its new address.
    let moved = std::fs::read_to_string(out.join("2019/old-camera/index.html")).unwrap();
    assert!(moved.contains("url=/2019/09/rangefinder/"), "{moved}");
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    for address in [
        "https://notes.example.org/notes/",
        "https://notes.example.org/about/",
    ] {
        assert!(
            sitemap.contains(&format!("<loc>{address}</loc>")),
            "{address} in {sitemap}"
        );
    }
    assert!(!sitemap.contains("private"), "{sitemap}");
    // The about page's `ref` to a section and its `param` from the site's params.
    let about = page(&out, "about/index.html");
    assert_eq!(pick(&about, ".post-content a", Some("href")), ["/notes/"]);
    assert!(
        pick(&about, ".post-content", None)
            .concat()
            .contains("Film, chemistry and patience.")
    );
    // A page that is not a post keeps its tags, and the term's page lists
    // it, as Hugo's does; the home page does not.
    assert_eq!(pick(&about, ".post-tags a", Some("href")), ["/tags/about/"]);
    assert_eq!(
        pick(
            &page(&out, "tags/about/index.html"),
            "main article h2",
            None
        ),
        ["About"]
    );
    // An HTML page's card has its text as summary.
    let older = page(&out, "page/2/index.html");
    let summaries = pick(&older, ".card-summary", None);
    assert!(
        summaries
            .iter()
            .any(|summary| summary.starts_with("Some posts were exported as HTML.")),
        "{summaries:?}"
    );
}

#[test]
fn hugo_content_renders_with_shortcodes_and_sanitised_html() {
    let (_dir, out) = build_fixture("hugo-blog");
    let first = page(
        &out,
        "2024/03/first-light-developing-a-roll-at-home/index.html",
    );
    // The figure's image is the bundle's, at the page's address.
    assert_eq!(
        pick(&first, ".post-content figure img", Some("src")),
        ["/2024/03/first-light-developing-a-roll-at-home/tank.png"]
    );
    assert!(
        out.join("2024/03/first-light-developing-a-roll-at-home/tank.png")
            .is_file()
    );
    assert_eq!(
        pick(&first, ".post-content a[href*=second]", Some("href")),
        ["/2024/04/the-second-roll/"],
        "ref finds the page by its file"
    );
    assert_eq!(
        pick(&first, ".post-content p a[href*=chemistry]", Some("href")),
        ["/2024/03/first-light-developing-a-roll-at-home/#the-chemistry"],
        "a ref to `#heading` alone failed the build: it names this page's heading"
    );
    // The series box links the other part.
    assert_eq!(pick(&first, ".series ol a", None), ["The Second Roll"]);
    assert_eq!(
        pick(&first, ".series-all a", Some("href")),
        ["/series/home-darkroom/"]
    );

    let second = page(&out, "2024/04/the-second-roll/index.html");
    assert_eq!(
        pick(&second, ".post-content figure img", Some("src")),
        ["/images/enlarger.png"],
        "a figure's file in the static folder, named from the site root, was a broken image"
    );
    assert_eq!(
        pick(&second, ".post-content a[data-embed]", Some("data-embed")),
        ["youtube:dQw4w9WgXcQ"]
    );
    assert_eq!(
        pick(&second, ".post-content details summary", None),
        ["Times I used"]
    );
    let content = pick(&second, ".post-content", None).concat();
    assert!(
        content.contains("Stop bath smells of vinegar"),
        "an unknown shortcode keeps its words"
    );
    assert!(
        !content.contains("alert("),
        "raw script is left out, not shown: {content}"
    );
    assert!(pick(&second, ".post-content [onclick]", None).is_empty());

    let html_page = page(&out, "2022/06/a-page-written-in-html/index.html");
    assert_eq!(pick(&html_page, ".post-content strong", None), ["HTML"]);
    // The `javascript:` link keeps its words and loses its address.
    assert_eq!(pick(&html_page, ".post-content a", None), ["This link"]);
    assert!(pick(&html_page, ".post-content a[href]", None).is_empty());
    assert_eq!(
        pick(&html_page, ".post-content img", Some("src")),
        ["/images/enlarger.png"]
    );
    assert!(out.join("images/enlarger.png").is_file());
    // The theme's static files are published too, under the site's own.
    assert!(out.join("theme-credits.txt").is_file());

    // `enableEmoji`, a GitHub alert, and a link to another post's file.
    let crlf = page(&out, "2023/11/windows-line-endings/index.html");
    assert!(pick(&crlf, ".post-content p", None)[0].ends_with("📷"));
    assert_eq!(
        pick(&crlf, ".post-content .alert-tip .alert-title", None),
        ["Tip"]
    );
    assert_eq!(
        pick(&crlf, ".post-content .alert a", Some("href")),
        ["/2023/05/contact-sheets/"]
    );
}

#[test]
fn math_between_hugos_passthrough_marks_becomes_mathml() {
    let (_dir, out) = build_fixture("hugo-blog");
    let note = page(&out, "notes/fixer-capacity/index.html");
    // `\\(A\\)`, `\\(n\\)`, `\\[…\\]`, `$…$`, the aligned `$$…$$`, the one in
    // a raw HTML block and `\\boxed`.
    assert_eq!(pick(&note, ".post-content .math > math", None).len(), 7);
    assert_eq!(
        pick(&note, ".post-content .math-display > math", Some("display")),
        ["block", "block", "block"]
    );
    assert_eq!(
        pick(&note, ".post-content div > .math-display mi", None),
        ["t", "t"],
        "math in raw HTML is drawn too"
    );
    assert_eq!(
        pick(&note, ".post-content mtd", Some("class"))[..2],
        ["math-right math-pr0", "math-left math-pl0"],
        "the converter's styles become classes"
    );
    assert!(pick(&note, ".post-content [style]", None).is_empty());
    assert_eq!(
        pick(&note, ".post-content .math-tex", None),
        ["$\\frac{1}$"],
        "TeX that cannot be read is shown as written"
    );
    let text = pick(&note, ".post-content", None).concat();
    assert!(
        text.contains("the kit cost $12 and a refill $8"),
        "prices stay text: {text}"
    );
}

#[test]
fn check_reports_what_came_across_from_hugo() {
    let root =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/hugo-blog");
    let output = quire_at(&root, &["check"]);
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        stderr(&output)
    );
    assert!(output.status.success(), "{report}");
    for line in [
        "shortcode `notice` is the site's or its theme's own",
        "1 draft",
        "1 expired",
        "1 headless",
        "1 translation",
        "math in 1 page: 7 formulas drawn as MathML; 1 formula could not be read",
        "content/notes/fixer-capacity.md:29: the math renderer does not know \\boxed",
        "content/notes/fixer-capacity.md:29: the formula `\\frac{1}` could not be read",
    ] {
        assert!(report.contains(line), "`{line}` in:\n{report}");
    }
}

/// Under a sub-path, the links `ref` and links to content files wrote were
/// given the sub-path twice (`/blog/blog/2024/…`).
#[test]
fn links_between_pages_carry_the_sub_path_once() {
    let root =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/hugo-blog");
    let dir = tempfile::TempDir::new().unwrap();
    let out = dir.path().join("site");
    let output = quire_at(
        &root,
        &[
            "build",
            "--out",
            out.to_str().unwrap(),
            "--base-url",
            "https://notes.example.org/blog/",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let first = page(
        &out,
        "2024/03/first-light-developing-a-roll-at-home/index.html",
    );
    assert_eq!(
        pick(&first, ".post-content a[href*=second]", Some("href")),
        ["/blog/2024/04/the-second-roll/"]
    );
    let crlf = page(&out, "2023/11/windows-line-endings/index.html");
    assert_eq!(
        pick(&crlf, ".post-content .alert a", Some("href")),
        ["/blog/2023/05/contact-sheets/"]
    );
    let about = page(&out, "about/index.html");
    assert_eq!(
        pick(&about, ".post-content a", Some("href")),
        ["/blog/notes/"]
    );
    assert_eq!(
        pick(&about, ".site-header .menu a", Some("href"))[0],
        "/blog/2024/03/first-light-developing-a-roll-at-home/"
    );
}

#[test]
fn dates_without_an_offset_are_read_in_the_sites_time_zone() {
    let site = HugoSite::new();
    site.write(
        "hugo.yaml",
        "baseURL: https://example.org/\ntitle: Tokyo\ntimeZone: Asia/Tokyo\n",
    );
    // 08:00 in Tokyo is 23:00 UTC the day before: older than 01:00 UTC.
    site.write(
        "content/posts/breakfast.md",
        "---\ntitle: Breakfast\ndate: 2026-01-01T08:00:00\n---\nx\n",
    );
    site.write(
        "content/posts/midnight.md",
        "---\ntitle: Midnight\ndate: 2026-01-01T01:00:00Z\n---\nx\n",
    );
    let (output, out) = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let titles: Vec<String> = manifest(&out)
        .posts
        .iter()
        .map(|post| post.title.clone())
        .collect();
    assert_eq!(titles, ["Midnight", "Breakfast"]);
    // The calendar date stays the one written.
    let breakfast = page(&out, "posts/breakfast/index.html");
    assert_eq!(
        pick(&breakfast, ".post-meta time", Some("datetime"))[0],
        "2026-01-01"
    );

    site.write(
        "hugo.yaml",
        "baseURL: https://example.org/\ntitle: Nowhere\ntimeZone: Mars/Olympus\n",
    );
    let (output, _) = site.build();
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("timeZone `Mars/Olympus` is not a time zone name"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn remove_path_accents_put_accented_titles_at_another_address() {
    // fljd.in: `removePathAccents: true` with `/:year/:month/:day/:slug`;
    // Hugo writes "Reprenons sérieusement" at `…/reprenons-serieusement/`.
    let site = HugoSite::new();
    site.write(
        "config.yml",
        "baseURL: https://example.org/\ntitle: Carnet\nremovePathAccents: true\npermalinks:\n  posts: /:year/:month/:day/:slug\n",
    );
    site.write(
        "content/posts/2019/reprenons.md",
        "---\ntitle: Reprenons sérieusement\ndate: 2019-06-12\ntags: [Réseau]\n---\nx\n",
    );
    site.write(
        "content/écrits/première.md",
        "---\ntitle: Première\ndate: 2019-06-13\n---\nx\n",
    );
    let (output, out) = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        out.join("2019/06/12/reprenons-serieusement/index.html")
            .is_file()
    );
    assert!(out.join("ecrits/premiere/index.html").is_file());
    assert!(out.join("ecrits/index.html").is_file());
    // Term pages keep their accents, and the author is told.
    assert!(out.join("tags/réseau/index.html").is_file());
    assert!(
        stderr(&output).contains("the page of the term `Réseau` keeps its accents (`réseau`)"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_config_file_starting_with_a_byte_order_mark_failed_the_build() {
    // blog.yuanpei.me: `config.yaml` saved with a UTF-8 byte order mark.
    let site = HugoSite::new();
    site.write(
        "config.yaml",
        "\u{feff}baseurl: https://example.org/\ntitle: 素履独行\n",
    );
    site.write(
        "content/posts/first.md",
        "---\ntitle: First\ndate: 2020-01-01\n---\nx\n",
    );
    let (output, out) = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(manifest(&out).site.title, "素履独行");
}

#[test]
fn org_mode_pages_were_published_as_their_source_without_a_word() {
    // daotoyi's blog: `content/about.org`, which Hugo renders at `/about/`.
    let site = HugoSite::titled("Org");
    site.write("content/about.org", "#+title: About\n\nWho I am.\n");
    site.write("content/posts/notes.rst", "Notes\n=====\n");
    site.write(
        "content/posts/first.md",
        "---\ntitle: First\ndate: 2020-01-01\n---\nx\n",
    );
    let (output, out) = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(
            "2 pages left out: `content/about.org`, `content/posts/notes.rst`: Quire reads Markdown and HTML pages"
        ),
        "{}",
        stderr(&output)
    );
    assert!(!out.join("about.org").exists() && !out.join("posts/notes.rst").exists());
}

#[test]
fn math_switched_on_as_loveit_does_stayed_as_tex() {
    // diabolical-ninja's blog (LoveIt): `math: { enable: true }` on a page,
    // `[params.math] enable = true` for the site.
    let math_on = |config: &str, front_matter: &str| {
        let site = HugoSite::new();
        site.write("config.toml", config);
        site.write(
            "content/posts/sir.md",
            format!("---\ntitle: SIR\ndate: 2020-01-01\n{front_matter}---\nThe rate $S(t)$.\n"),
        );
        let (output, out) = site.build();
        assert!(output.status.success(), "{}", stderr(&output));
        !pick(
            &page(&out, "posts/sir/index.html"),
            ".post-content .math > math",
            None,
        )
        .is_empty()
    };
    let config = "baseURL = \"https://example.org/\"\ntitle = \"SIR\"\n";
    assert!(math_on(config, "math:\n  enable: true\n"));
    assert!(math_on(
        &format!("{config}[params.math]\nenable = true\n"),
        ""
    ));
    assert!(!math_on(config, "math:\n  enable: false\n"));
}

#[test]
fn a_ref_to_a_nested_section_failed_the_build() {
    // DLatreyte's course pages: `{{% ref "../chap-8" %}}` from a sibling
    // chapter, where `chap-8/` has an `_index.md`. Hugo 0.111 links
    // `/terminales-pc/chap-8/`; Quire has no page for a nested section, so
    // the link leads to the list of the section it is in.
    let site = HugoSite::titled("Cours");
    site.write("content/s/_index.md", "---\ntitle: S\n---\n");
    site.write("content/s/a/_index.md", "---\ntitle: A\n---\n");
    site.write("content/s/b/_index.md", "---\ntitle: B\n---\n");
    site.write(
        "content/s/b/q.md",
        "---\ntitle: Q\ndate: 2020-01-02\n---\nx\n",
    );
    site.write(
        "content/s/a/p.md",
        "---\ntitle: P\ndate: 2020-01-01\n---\n[1]({{< ref \"../b\" >}}) [2]({{< ref \"/s/b\" >}}) [3]({{< ref \"s/b\" >}}) [4]({{< relref \"../b/_index.md\" >}})\n",
    );
    let (output, out) = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        pick(
            &page(&out, "s/a/p/index.html"),
            ".post-content a",
            Some("href")
        ),
        ["/s/", "/s/", "/s/", "/s/"]
    );
    assert!(
        stderr(&output).contains("Quire has no list page for the nested section `s/b`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_base_url_of_slash_failed_the_build_even_with_base_url_given() {
    // franksalas' and xconverge's `baseURL = "/"`.
    let site = HugoSite::new();
    site.write("config.toml", "baseURL = \"/\"\ntitle = \"Root\"\n");
    site.write(
        "content/posts/first.md",
        "---\ntitle: First\ndate: 2020-01-01\n---\nx\n",
    );
    let (output, _) = site.build();
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("`baseURL` is `/`, a path without the site's address")
            && stderr(&output).contains("or pass --base-url"),
        "{}",
        stderr(&output)
    );
    let out = site.0.path().join("given");
    let output = quire_at(
        site.0.path(),
        &[
            "build",
            "--out",
            out.to_str().unwrap(),
            "--base-url",
            "https://example.org/",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(manifest(&out).site.base_url, "https://example.org/");
}

#[test]
fn images_without_a_size_moved_the_page_as_they_loaded() {
    // lvbibir's blog: a link to a heading below such an image landed the
    // reader above the heading once the image came. The build reads each
    // image's size from its file: beside the page, or in `static/`.
    let site = HugoSite::titled("Sizes");
    site.write_png("content/posts/bundle/tank.png");
    site.write_png("static/images/tank copy.png");
    site.write(
        "content/posts/bundle/index.md",
        "---\ntitle: Sizes\ndate: 2020-01-01\n---\n![beside](tank.png)\n\n![static](/images/tank%20copy.png)\n\n![elsewhere](https://example.com/a.png)\n\n{{< figure src=\"tank.png\" alt=\"figure\" >}}\n\n{{< figure src=\"tank.png\" alt=\"given\" width=\"100\" >}}\n",
    );
    let (output, out) = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let post = page(&out, "posts/bundle/index.html");
    assert_eq!(
        pick(&post, ".post-content img", Some("width")),
        ["320", "320", "", "320", "100"]
    );
    assert_eq!(
        pick(&post, ".post-content img", Some("height")),
        ["240", "240", "", "240", ""]
    );
}

#[test]
fn terms_of_pages_outside_the_main_sections_had_no_pages() {
    // DLatreyte's course pages (375 tags) and Xuanwo's posts in year
    // folders are outside the main section; Hugo lists them under their
    // terms, and Quire had no page at those terms' addresses.
    let site = HugoSite::new();
    site.write(
        "config.toml",
        "baseURL = \"https://example.org/\"\ntitle = \"Cours\"\nmainSections = [\"posts\"]\n",
    );
    site.write(
        "content/posts/first.md",
        "---\ntitle: First\ndate: 2020-01-01\ntags: [shared]\n---\nx\n",
    );
    site.write(
        "content/notes/n.md",
        "---\ntitle: A note\ndate: 2020-01-02\ntags: [foo, shared]\ncategories: Code\n---\nx\n",
    );
    let (output, out) = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let titles = |path: &str| pick(&page(&out, path), "main article h2", None);
    assert_eq!(titles("tags/foo/index.html"), ["A note"]);
    // Newest first, the note among the posts.
    assert_eq!(titles("tags/shared/index.html"), ["A note", "First"]);
    assert_eq!(titles("categories/code/index.html"), ["A note"]);
    // The note's own page links its terms.
    assert_eq!(
        pick(
            &page(&out, "notes/n/index.html"),
            "main a[href*='/tags/']",
            Some("href")
        ),
        ["/tags/foo/", "/tags/shared/"]
    );
    // Home lists posts only, as before.
    assert_eq!(
        pick(&page(&out, "index.html"), "main article h2", None),
        ["First"]
    );
}

#[test]
fn a_papermod_cover_beside_the_posts_was_dropped() {
    // vdovhanych's `cover: {image: "posts/images/randomizer3.png"}` names
    // `content/posts/images/randomizer3.png` from the site root, where Hugo
    // publishes it and PaperMod's template finds it.
    let site = HugoSite::titled("Covers");
    site.write_png("content/posts/images/pic.png");
    site.write(
        "content/posts/a.md",
        "---\ntitle: A\ndate: 2020-01-01\ncover:\n  image: posts/images/pic.png\n  alt: A tank\n---\nx\n",
    );
    let (output, out) = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        !stderr(&output).contains("cover file missing"),
        "{}",
        stderr(&output)
    );
    let cover = manifest(&out).posts[0].cover.clone().expect("a cover");
    assert_eq!((cover.width, cover.height), (320, 240));
    assert_eq!(
        pick(
            &page(&out, "posts/a/index.html"),
            ".post-cover img",
            Some("src")
        ),
        ["/posts/images/pic.png"]
    );
    assert!(out.join("posts/images/pic.png").is_file());
}

#[test]
fn front_matter_hugo_builds_past_in_a_list_page_failed_the_build() {
    // jonocarroll's blogdown site: `content/_index.md` holds `{}` and a
    // line of TOML in YAML's place. Hugo builds; every page was lost.
    let site = HugoSite::titled("Blogdown");
    site.write(
        "content/_index.md",
        "---\n{} \noutputs = ['html','rss']\n---\n",
    );
    site.write(
        "content/posts/first.md",
        "---\ntitle: First\ndate: 2020-01-01\n---\nx\n",
    );
    let (output, out) = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("content/_index.md:")
            && stderr(&output).contains("the list page keeps its default title"),
        "{}",
        stderr(&output)
    );
    assert!(out.join("posts/first/index.html").is_file());
}
