//! The service worker the build writes as `sw.js` at the site root: it keeps
//! what readers fetched, for repeat visits and offline reading (what it does
//! is told in `service_worker.js`). Pages name it in a `<meta>` tag, and the
//! page's script in `index.html` installs it once the app has started.

use quire_core::route_data::{ROUTE_DATA_DIR, SITE_META, short_hash};

/// The `<meta name>` through which a page asks for the worker, naming its file.
pub(crate) const WORKER_META: &str = "quire-worker";

/// The worker's file, at the site root (its scope is the whole site).
pub(crate) const WORKER_FILE: &str = "sw.js";

/// The worker, with its constants to fill in.
const WORKER: &str = include_str!("service_worker.js");

/// What `sw.js` is when the site says `offline = false`: a worker that
/// empties this site's caches and removes itself from browsers that
/// installed an earlier release's.
const RETIRING_WORKER: &str = "// Written by `quire build`: the site has `offline = false`, so the worker an\n\
// earlier release installed empties its caches and removes itself.\n\
const ROOT = \"__ROOT__\";\n\
self.addEventListener(\"install\", () => self.skipWaiting());\n\
self.addEventListener(\"activate\", (event) => {\n\
  event.waitUntil(\n\
    caches\n\
      .keys()\n\
      .then((names) => Promise.all(names.filter((name) => name.startsWith(`quire-${ROOT}-`)).map((name) => caches.delete(name))))\n\
      .then(() => self.registration.unregister()),\n\
  );\n\
});\n";

/// `sw.js` for a site at `root` (`/` or `/blog/`). `app_files` are Trunk's
/// content-hashed files: their names name the cache, so a new app release
/// starts with an empty one. `None` (no app, or `offline = false`) gives
/// the worker that removes itself.
pub(crate) fn worker(root: &str, app_files: Option<&[String]>) -> String {
    // Both values are quoted JavaScript strings; the root is a URL path the
    // build checked, but it is escaped all the same.
    let quoted = |value: &str| serde_json::to_string(value).unwrap_or_else(|_| "\"\"".into());
    let Some(app_files) = app_files else {
        return RETIRING_WORKER.replace("\"__ROOT__\"", &quoted(root));
    };
    let mut names: Vec<&str> = app_files.iter().map(String::as_str).collect();
    names.sort_unstable();
    let cache = short_hash(names.join("\n").as_bytes());
    WORKER
        .replace("\"__CACHE__\"", &quoted(&format!("quire-{root}-{cache}")))
        .replace("\"__ROOT__\"", &quoted(root))
        .replace("\"__ROUTE_DATA__\"", &quoted(ROUTE_DATA_DIR))
        .replace("\"__SITE_META__\"", &quoted(SITE_META))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The worker keeps the post files a kept route's data names, finding
    /// them by the names serde gives `PostSummary`'s fields.
    #[test]
    fn the_worker_finds_post_files_by_their_field_names() {
        let post: quire_core::manifest::PostSummary = serde_json::from_str(
            r#"{"slug":"a","path":"posts/a/","title":"A","date":"2026-03-09","summary":"","description":"","reading_minutes":1,"word_count":1,"body":"data/posts/a.1.md","prepared":"data/posts/a.2.prepared.json"}"#,
        )
        .unwrap();
        let json = serde_json::to_string(&post).unwrap();
        assert!(json.contains(r#""body":"data/posts/a.1.md""#), "{json}");
        assert!(
            json.contains(r#""prepared":"data/posts/a.2.prepared.json""#),
            "{json}"
        );
        assert!(WORKER.contains(r#"(key === "body" || key === "prepared")"#));
    }

    #[test]
    fn the_worker_names_its_cache_after_the_app_and_knows_the_root() {
        let files = ["quire-web-0123456789abcdef_bg.wasm".to_owned()];
        let worker = worker("/blog/", Some(&files));
        assert!(worker.contains("const ROOT = \"/blog/\";"), "{worker}");
        assert!(!worker.contains("__"), "every constant filled in: {worker}");
        let other = super::worker(
            "/blog/",
            Some(&["quire-web-fedcba9876543210_bg.wasm".to_owned()]),
        );
        let cache = |text: &str| {
            text.lines()
                .find(|line| line.starts_with("const CACHE"))
                .map(str::to_owned)
        };
        assert_ne!(cache(&worker), cache(&other), "a new app, a new cache");
    }

    #[test]
    fn switched_off_the_worker_removes_itself() {
        let worker = worker("/blog/", None);
        assert!(worker.contains("unregister()"));
        assert!(worker.contains("const ROOT = \"/blog/\";"), "{worker}");
        assert!(!worker.contains("addEventListener(\"fetch\""));
    }
}
