//! The build tool end to end: a blog folder in, a site folder (or a list of problems) out.

use std::{
    fs,
    path::{Path, PathBuf},
    process::{Command, Output},
};

use quire_core::manifest::Manifest;
use tempfile::TempDir;

const CONFIG: &str = "title = \"Test Blog\"\nbase_url = \"https://example.org/\"\nauthor = \"Site Author\"\nposts_per_page = 2\n";

/// A blog folder under construction.
struct Blog {
    dir: TempDir,
}

impl Blog {
    fn new() -> Self {
        let blog = Self {
            dir: TempDir::new().unwrap(),
        };
        blog.file("quire.toml", CONFIG);
        fs::create_dir_all(blog.path("content/posts")).unwrap();
        blog
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    fn file(&self, relative: &str, text: &str) -> &Self {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
        self
    }

    fn post(&self, relative: &str, front_matter: &str, body: &str) -> &Self {
        self.file(
            &format!("content/posts/{relative}"),
            &format!("---\n{front_matter}\n---\n{body}"),
        )
    }

    fn quire(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_quire"))
            .args(args)
            .arg("--root")
            .arg(self.dir.path())
            .env_remove("TRUNK_STAGING_DIR")
            .output()
            .unwrap()
    }

    fn build(&self, extra: &[&str]) -> (Output, PathBuf) {
        let out = self.path("site");
        let mut args = vec!["build", "--out", out.to_str().unwrap()];
        args.extend_from_slice(extra);
        (self.quire(&args), out)
    }
}

fn manifest(out: &Path) -> Manifest {
    serde_json::from_str(&fs::read_to_string(out.join("data/manifest.json")).unwrap()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

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
    assert_eq!(slugs, ["second", "first"]);
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
        !fs::read_to_string(out.join("data/manifest.json"))
            .unwrap()
            .contains("world."),
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
    .post("no-title.md", "date: 2026-01-01", "x")
    .post("bad-date.md", "title: Bad date\ndate: next Tuesday", "x")
    .post(
        "one/index.md",
        "title: One\ndate: 2026-01-01\nslug: same",
        "x",
    )
    .post("two.md", "title: Two\ndate: 2026-01-01\nslug: same", "x")
    .post(
        "no-cover/index.md",
        "title: Cover\ndate: 2026-01-01\ncover:\n  image: missing.png\n  alt: Gone",
        "x",
    );
    let (output, out) = blog.build(&[]);
    assert!(!output.status.success());
    let errors = stderr(&output);
    let expected = [
        ("broken-yaml.md:", "front matter is not valid YAML"),
        ("no-title.md:1:", "missing title"),
        ("bad-date.md:3:", "`next Tuesday` is not a date"),
        ("two.md:4:", "duplicate slug `same`"),
        ("no-cover/index.md:4:", "cover file missing"),
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
        errors.contains("5 problems found; nothing was written"),
        "{errors}"
    );
    assert!(!out.exists(), "a failed build must not create the output");
}

#[test]
fn a_failed_refresh_keeps_the_previous_site() {
    let blog = Blog::new();
    blog.post("good.md", "title: Good\ndate: 2026-01-01", "x");
    let (first, out) = blog.build(&[]);
    assert!(first.status.success());
    let before = fs::read_to_string(out.join("data/manifest.json")).unwrap();
    blog.post("bad.md", "title: Bad\ndate: soon", "x");
    let (second, _) = blog.build(&[]);
    assert!(!second.status.success());
    assert_eq!(
        fs::read_to_string(out.join("data/manifest.json")).unwrap(),
        before
    );
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
        .find(|p| p.slug == "keep")
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
    assert!(out.join("images/c.svg").is_file() && out.join("robots.txt").is_file());
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
        errors.contains("warning: ")
            && errors.contains("p/index.md:4: cover `c.svg` has no alt text"),
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
        stderr(&output).contains("quire.toml:2: base_url `example.org` must be an absolute"),
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
