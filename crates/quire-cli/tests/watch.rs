//! `quire watch`: the folder `trunk serve` serves, kept in step with the
//! blog one saved edit at a time, rewriting only what the edit changed.

mod common;

use std::{
    fs,
    io::{BufRead, BufReader},
    path::Path,
    process::{Child, Command, Stdio},
    sync::mpsc::{Receiver, channel},
    time::{Duration, SystemTime},
};

use common::*;

/// Trunk's page as `trunk serve` writes it: its live-reload script makes
/// the folder a preview.
const PREVIEW_SHELL: &str = "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<script>const url = 'ws://' + location.host + '/.well-known/trunk/ws';</script>\n</head>\n<body>\n</body>\n</html>\n";

/// A running `quire watch` and the lines it prints.
struct Watcher {
    child: Child,
    lines: Receiver<String>,
}

impl Watcher {
    fn start(root: &Path, out: &Path) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_quire"))
            .args(["watch", "--root"])
            .arg(root)
            .arg("--out")
            .arg(out)
            .env_remove("QUIRE_BASE_URL")
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let (sender, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = sender.send(line);
            }
        });
        Self { child, lines }
    }

    /// Waits for the line that ends a republish, and returns it with the
    /// lines before it.
    fn republished(&self) -> String {
        let mut seen = String::new();
        loop {
            let line = self
                .lines
                .recv_timeout(Duration::from_secs(60))
                .unwrap_or_else(|_| panic!("no republish within a minute; printed:\n{seen}"));
            seen.push_str(&line);
            seen.push('\n');
            if line.starts_with("quire watch: ") && !line.contains("waiting") {
                return seen;
            }
        }
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A folder holding Trunk's page of a `trunk serve` preview, and nothing else.
fn preview_folder(out: &Path) -> std::path::PathBuf {
    fs::create_dir_all(out).unwrap();
    fs::write(out.join("index.html"), PREVIEW_SHELL).unwrap();
    out.to_path_buf()
}

fn modified(path: &Path) -> SystemTime {
    fs::metadata(path).unwrap().modified().unwrap()
}

#[test]
fn an_edit_rewrites_the_pages_it_changes_and_leaves_the_others_alone() {
    let blog = Blog::new();
    blog.post(
        "newest.md",
        "title: Newest\ndate: 2026-03-09\ntags: [rust]",
        "The first words.",
    )
    .post(
        "middle.md",
        "title: Middle\ndate: 2026-02-09\ntags: [web]",
        "Middle text.",
    )
    .post(
        "oldest.md",
        "title: Oldest\ndate: 2025-01-09\ntags: [travel]",
        "Old text.",
    );
    let out = preview_folder(&blog.path("site"));
    let watcher = Watcher::start(blog.dir.path(), &out);
    let first = watcher.republished();
    assert!(first.contains("files written"), "{first}");

    // A preview: a release name that stays, no offline worker, no policy
    // meta (Trunk rewrites its script as it serves it), and the script
    // that reloads open pages.
    assert_eq!(site_data(&out).version, "preview");
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("quire-preview.js"), "{home}");
    assert!(!home.contains("Content-Security-Policy"));
    assert!(
        !home.contains("quire-worker"),
        "no page asks for the worker"
    );
    assert!(
        fs::read_to_string(out.join("quire-preview.js"))
            .unwrap()
            .contains("location.reload()")
    );
    assert!(
        fs::read_to_string(out.join("sw.js"))
            .unwrap()
            .contains("unregister()"),
        "the worker removes itself from a preview"
    );

    // The oldest post neither links to the newest (its newer neighbour is
    // the middle one) nor shares a tag with it.
    let oldest_page = out.join("posts/oldest/index.html");
    let travel_page = out.join("tags/travel/index.html");
    let untouched = (modified(&oldest_page), modified(&travel_page));
    let stamp = fs::read_to_string(out.join("quire-preview.txt")).ok();
    std::thread::sleep(Duration::from_millis(50));
    blog.post(
        "newest.md",
        "title: Newest\ndate: 2026-03-09\ntags: [rust]",
        "The edited words.",
    );
    let second = watcher.republished();
    assert!(second.contains("files written"), "{second}");
    let newest = fs::read_to_string(out.join("posts/newest/index.html")).unwrap();
    assert!(newest.contains("The edited words."), "{newest}");
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("The edited words."), "the home page's card");
    assert_eq!(
        (modified(&oldest_page), modified(&travel_page)),
        untouched,
        "pages the edit did not change are not written again"
    );
    assert_ne!(
        fs::read_to_string(out.join("quire-preview.txt")).ok(),
        stamp,
        "open pages are told to reload"
    );

    // A broken file: told, and the preview keeps the last good build.
    blog.post("middle.md", "title: Middle\ndate: next Tuesday", "x");
    let broken = watcher.republished();
    assert!(
        broken.contains("middle.md:3:") && broken.contains("nothing was written"),
        "{broken}"
    );
    assert!(out.join("posts/middle/index.html").is_file());
    blog.post(
        "middle.md",
        "title: Middle again\ndate: 2026-02-09\ntags: [web]",
        "Middle text.",
    );
    let fixed = watcher.republished();
    assert!(fixed.contains("files written"), "{fixed}");
    let middle = fs::read_to_string(out.join("posts/middle/index.html")).unwrap();
    assert!(middle.contains("Middle again"));

    // A post removed: its page goes.
    fs::remove_file(blog.path("content/posts/oldest.md")).unwrap();
    let removed = watcher.republished();
    assert!(removed.contains("files written"), "{removed}");
    assert!(!oldest_page.exists());
}

/// Every file below `dir` with its contents, but the stamp that tells open
/// preview pages to reload.
fn folder_contents(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut found = std::collections::BTreeMap::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let name = path
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if name != "quire-preview.txt" {
                found.insert(name, fs::read(&path).unwrap());
            }
        }
    }
    found
}

/// Fails unless the watched folder `out` holds what a fresh build of the
/// blog as it now is writes; `step` names the edit for the message.
fn assert_same_as_fresh(blog: &Blog, out: &Path, step: &str) {
    let fresh = preview_folder(&blog.path(&format!("fresh-{step}")));
    let output = blog.quire(&["build", "--out", fresh.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let (watched, built) = (folder_contents(out), folder_contents(&fresh));
    let differing: Vec<&String> = watched
        .keys()
        .chain(built.keys())
        .filter(|name| watched.get(*name) != built.get(*name))
        .collect();
    assert!(differing.is_empty(), "after {step}: {differing:?}");
}

#[test]
fn every_edit_leaves_the_folder_as_a_fresh_build_would() {
    // What an edit republishes is worked out from the last build's work
    // (files not looked at again, pages not finished or drawn again): any
    // page or data file it failed to redo would differ from a fresh build.
    let blog = Blog::new();
    for n in 1..=9 {
        blog.post(
            &format!("post-{n}.md"),
            &format!(
                "title: Post {n}\ndate: 2026-03-{n:02}\ntags: [{}]\nsummary: About {n}.",
                ["rust", "web", "rust, web"][n % 3]
            ),
            &format!("Words of post {n}. See [the first]({{{{< ref \"post-1.md\" >}}}})."),
        );
    }
    let out = preview_folder(&blog.path("site"));
    let watcher = Watcher::start(blog.dir.path(), &out);
    watcher.republished();
    let edits: [(&str, &str, &str); 7] = [
        // the body alone
        (
            "post-5.md",
            "title: Post 5\ndate: 2026-03-05\ntags: [web]\nsummary: About 5.",
            "New words, a new paragraph.\n\nAnd another.",
        ),
        // the title and summary, seen in lists and neighbours
        (
            "post-4.md",
            "title: Post four\ndate: 2026-03-04\ntags: [web]\nsummary: All about four.",
            "Words of post 4.",
        ),
        // the tags: tag pages and related posts
        (
            "post-3.md",
            "title: Post 3\ndate: 2026-03-03\ntags: [go]\nsummary: About 3.",
            "Words of post 3.",
        ),
        // the date: the order of every list
        (
            "post-2.md",
            "title: Post 2\ndate: 2026-04-01\ntags: [web]\nsummary: About 2.",
            "Words of post 2.",
        ),
        // a new post
        (
            "post-10.md",
            "title: Post 10\ndate: 2026-03-10\ntags: [rust]\nsummary: About 10.",
            "Words of post 10.",
        ),
        // the address a `ref` leads to
        (
            "post-1.md",
            "title: Post 1\ndate: 2026-03-01\ntags: [web]\nslug: first",
            "Words of post 1.",
        ),
        // a draft, which leaves the lists
        (
            "post-6.md",
            "title: Post 6\ndate: 2026-03-06\ntags: [rust]\ndraft: true",
            "Words of post 6.",
        ),
    ];
    let same_as_fresh = |step: &str| assert_same_as_fresh(&blog, &out, step);
    for (file, front_matter, body) in edits {
        blog.post(file, front_matter, body);
        let republished = watcher.republished();
        assert!(republished.contains(" written in "), "{republished}");
        same_as_fresh(&format!("editing {file}"));
    }

    // A post saved while the configuration is broken is read once it is
    // mended, though only the configuration was saved last.
    blog.file("quire.toml", "title = [broken");
    assert!(watcher.republished().contains("nothing was written"));
    blog.post(
        "post-7.md",
        "title: Post 7\ndate: 2026-03-07\ntags: [web]",
        "Saved while the configuration was broken.",
    );
    assert!(watcher.republished().contains("nothing was written"));
    blog.file("quire.toml", CONFIG);
    let mended = watcher.republished();
    assert!(mended.contains(" written in "), "{mended}");
    same_as_fresh("mending the configuration");

    // A file that is no page, written with a post: the post is read again.
    blog.file("content/posts/notes.txt", "not a page").post(
        "post-8.md",
        "title: Post 8\ndate: 2026-03-08\ntags: [web]",
        "Saved beside a file that is no page.",
    );
    let republished = watcher.republished();
    assert!(republished.contains(" written in "), "{republished}");
    same_as_fresh("writing a file that is no page");
}

#[test]
fn a_problem_in_the_blog_does_not_fail_trunk_serves_build() {
    // Trunk watches only the app: a failed hook would leave the preview
    // without a build until the app changed, whatever the author fixed.
    let blog = Blog::new();
    blog.post("broken.md", "title: Broken\ndate: next Tuesday", "x");
    let out = preview_folder(&blog.path("preview"));
    let output = blog.quire(&["build", "--out", out.to_str().unwrap()]);
    let errors = stderr(&output);
    assert!(output.status.success(), "{errors}");
    assert!(
        errors.contains("broken.md:3:") && errors.contains("the preview shows them"),
        "{errors}"
    );
    // The page says what to fix, and reloads once it is.
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        home.contains("broken.md:3:") && home.contains("quire-preview.js"),
        "{home}"
    );
    assert!(
        home.contains(".well-known/trunk/ws"),
        "Trunk's page stays the page"
    );
    // A published build still stops on it.
    let published = blog.path("published");
    let output = blog.quire(&["build", "--out", published.to_str().unwrap()]);
    assert!(!output.status.success());
}

#[test]
fn a_page_linking_to_a_renamed_post_follows_it() {
    // Pages kept from the last build must not keep a link whose target
    // moved: the link is in the page, the move in another file.
    let blog = Blog::new();
    blog.post(
        "linking.md",
        "title: Linking\ndate: 2026-03-09",
        "See [the other]({{< ref \"other.md\" >}}).",
    )
    .post("other.md", "title: Other\ndate: 2026-02-09", "Other text.");
    let out = preview_folder(&blog.path("site"));
    let watcher = Watcher::start(blog.dir.path(), &out);
    watcher.republished();
    let linking = out.join("posts/linking/index.html");
    assert!(
        fs::read_to_string(&linking)
            .unwrap()
            .contains("/posts/other/")
    );
    blog.post(
        "other.md",
        "title: Other\ndate: 2026-02-09\nslug: renamed",
        "Other text.",
    );
    let renamed = watcher.republished();
    assert!(renamed.contains("files written"), "{renamed}");
    let page = fs::read_to_string(&linking).unwrap();
    assert!(
        page.contains("/posts/renamed/") && !page.contains("/posts/other/"),
        "{page}"
    );
}

#[test]
fn an_image_or_a_page_added_later_changes_the_pages_that_asked_for_it() {
    // Finishing a page asks whether an image it names is in the static
    // folder, and whether its alias is another page's address. Pages kept
    // from the last build must be finished again when the answer changes,
    // though their own files did not.
    let blog = Blog::new();
    blog.post(
        "pictures.md",
        "title: Pictures\ndate: 2026-03-09",
        "![One](images/one.svg)\n\n{{< figure src=\"images/two.svg\" alt=\"Two\" >}}",
    )
    .post(
        "moved.md",
        "title: Moved\ndate: 2026-02-09\naliases: [/posts/newer/]",
        "Moved here.",
    );
    let out = preview_folder(&blog.path("site"));
    let watcher = Watcher::start(blog.dir.path(), &out);
    watcher.republished();
    blog.file("static/images/one.svg", "<svg viewBox='0 0 30 10'></svg>")
        .file("static/images/two.svg", "<svg viewBox='0 0 30 10'></svg>");
    watcher.republished();
    let page = fs::read_to_string(out.join("posts/pictures/index.html")).unwrap();
    assert!(
        page.contains("src=\"/images/one.svg\"") && page.contains("src=\"/images/two.svg\""),
        "{page}"
    );
    assert_same_as_fresh(&blog, &out, "adding images to the static folder");
    blog.post(
        "newer.md",
        "title: Newer\ndate: 2026-03-01",
        "At the alias's address.",
    );
    let republished = watcher.republished();
    assert!(
        republished.contains("alias `/posts/newer/`"),
        "{republished}"
    );
    assert_same_as_fresh(&blog, &out, "adding a page at an alias's address");
}

#[test]
fn after_trunk_replaces_the_folder_the_next_edit_writes_every_file() {
    // Trunk's own build swaps in a new folder: here one with only its page,
    // as after a hook that met a problem. The watcher must not trust what
    // it wrote before.
    let blog = Blog::new();
    blog.post("one.md", "title: One\ndate: 2026-03-09", "One.")
        .post("two.md", "title: Two\ndate: 2026-02-09", "Two.");
    let out = preview_folder(&blog.path("site"));
    let watcher = Watcher::start(blog.dir.path(), &out);
    watcher.republished();
    assert!(out.join("posts/two/index.html").is_file());
    fs::remove_dir_all(&out).unwrap();
    preview_folder(&out);
    blog.post("one.md", "title: One\ndate: 2026-03-09", "One, edited.");
    let edited = watcher.republished();
    assert!(edited.contains("files written"), "{edited}");
    assert!(
        out.join("posts/two/index.html").is_file(),
        "the post the edit did not touch is back"
    );
    assert!(site_data(&out).version == "preview");
}
