//! What the build tool's tests share: blog folders made on the spot or
//! taken from `tests/fixtures/`, and readers for what a build writes.
#![allow(dead_code)]

use std::{
    fs,
    path::{Path, PathBuf},
    process::{Command, Output},
};

use quire_core::{
    manifest::{Manifest, manifest_path},
    route::Route,
    route_data::{RouteData, SiteData},
};
use tempfile::TempDir;

pub(crate) const CONFIG: &str = "title = \"Test Blog\"\nbase_url = \"https://example.org/\"\nauthor = \"Site Author\"\nposts_per_page = 2\n";

/// A blog folder under construction.
pub(crate) struct Blog {
    pub(crate) dir: TempDir,
}

impl Blog {
    pub(crate) fn new() -> Self {
        let blog = Self {
            dir: TempDir::new().unwrap(),
        };
        blog.file("quire.toml", CONFIG);
        fs::create_dir_all(blog.path("content/posts")).unwrap();
        blog
    }

    pub(crate) fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    pub(crate) fn file(&self, relative: &str, text: &str) -> &Self {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
        self
    }

    pub(crate) fn post(&self, relative: &str, front_matter: &str, body: &str) -> &Self {
        self.file(
            &format!("content/posts/{relative}"),
            &format!("---\n{front_matter}\n---\n{body}"),
        )
    }

    pub(crate) fn quire(&self, args: &[&str]) -> Output {
        quire_at(self.dir.path(), args)
    }

    pub(crate) fn build(&self, extra: &[&str]) -> (Output, PathBuf) {
        let out = self.path("site");
        let mut args = vec!["build", "--out", out.to_str().unwrap()];
        args.extend_from_slice(extra);
        (self.quire(&args), out)
    }
}

/// Runs `quire` on the blog at `root`, with none of Trunk's or the
/// reader's environment.
pub(crate) fn quire_at(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quire"))
        .args(args)
        .arg("--root")
        .arg(root)
        .env_remove("TRUNK_STAGING_DIR")
        .env_remove("TRUNK_PUBLIC_URL")
        .env_remove("QUIRE_BASE_URL")
        .output()
        .unwrap()
}

/// The site's data, found where the home page says it is.
pub(crate) fn site_data(out: &Path) -> SiteData {
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    let url = scraper::Html::parse_document(&home)
        .select(&scraper::Selector::parse("meta[name=quire-site]").unwrap())
        .next()
        .and_then(|meta| meta.value().attr("content").map(str::to_owned))
        .expect("the home page names its site data");
    assert!(
        url.starts_with("data/site.") && url.ends_with(".json"),
        "{url}"
    );
    serde_json::from_str(&fs::read_to_string(out.join(url)).unwrap()).unwrap()
}

/// A route's data, as the app fetches it; `None` for a route with none.
pub(crate) fn route_data(out: &Path, route: &Route) -> Option<RouteData> {
    let path = out.join(site_data(out).route_data_path(route));
    let text = fs::read_to_string(path).ok()?;
    Some(serde_json::from_str(&text).unwrap())
}

/// The manifest's text: the release's, which the site data names.
pub(crate) fn manifest_text(out: &Path) -> String {
    let version = site_data(out).version;
    fs::read_to_string(out.join(manifest_path(&version))).unwrap()
}

pub(crate) fn manifest(out: &Path) -> Manifest {
    serde_json::from_str(&manifest_text(out)).unwrap()
}

pub(crate) fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub(crate) fn page(out: &Path, path: &str) -> scraper::Html {
    let text = fs::read_to_string(out.join(path)).unwrap_or_else(|error| panic!("{path}: {error}"));
    scraper::Html::parse_document(&text)
}

/// The texts (or an attribute) of every element a CSS selector picks.
pub(crate) fn pick(html: &scraper::Html, selector: &str, attribute: Option<&str>) -> Vec<String> {
    html.select(&scraper::Selector::parse(selector).unwrap())
        .map(|element| match attribute {
            Some(name) => element.value().attr(name).unwrap_or_default().to_owned(),
            None => element.text().collect::<String>(),
        })
        .collect()
}

pub(crate) fn feed(out: &Path, path: &str) -> rss::Channel {
    let text = fs::read(out.join(path)).unwrap_or_else(|error| panic!("{path}: {error}"));
    rss::Channel::read_from(&text[..]).unwrap_or_else(|error| panic!("{path}: {error}"))
}

pub(crate) fn three_post_blog() -> Blog {
    let blog = Blog::new();
    blog.post(
        "first/index.md",
        "title: First & best\ndate: 2026-03-09\nlastmod: 2026-04-01\ntags: [Rust, web]\ndescription: The first post.\ncover:\n  image: cover.svg\n  alt: A red square",
        "Intro text.\n\n## Details\n\nSee [the second](../second/) and ![a chart](chart.svg).",
    )
    .file(
        "content/posts/first/cover.svg",
        "<svg xmlns='http://www.w3.org/2000/svg' width='1200' height='630'></svg>",
    )
    .post("second.md", "title: Second\ndate: 2026-02-01\ntags: [Rust]", "Second body.")
    .post("third.md", "title: Third\ndate: 2026-01-01\ntags: [web]", "Third body.");
    blog
}

/// Builds a fixture blog from `tests/fixtures/` into a temporary folder.
pub(crate) fn build_fixture(name: &str) -> (TempDir, PathBuf) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name);
    let out = TempDir::new().unwrap();
    let site = out.path().join("site");
    let output = quire_at(&root, &["build", "--out", site.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    (out, site)
}
