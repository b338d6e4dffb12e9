//! The Content-Security-Policy the site is published with: defence in depth
//! behind the renderer. Should a post ever get markup past the sanitiser,
//! the browser still runs no script but the site's own: the page's one
//! inline script (allowed by its hash), the app's files from the site's own
//! origin, and its WebAssembly. Inline event handlers, plugins, `<base>`
//! tricks and forms that post elsewhere are refused.

use base64::Engine;
use sha2::{Digest, Sha256};

use quire_core::html::sanitize::EMBED_HOSTS;

use crate::head::NOSCRIPT_STYLE;

/// The policy of one build: the fixed directives and the hashes of the
/// shell's inline scripts and styles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ContentSecurityPolicy {
    /// `'sha256-…'` of each inline script.
    scripts: Vec<String>,
    /// `'sha256-…'` of each inline style, the pages' own included.
    styles: Vec<String>,
}

impl ContentSecurityPolicy {
    /// The policy for pages poured into `shell` (Trunk's `index.html`).
    pub(crate) fn for_shell(shell: &str) -> Self {
        let mut styles: Vec<String> = inline_elements(shell, "style")
            .map(|(_, text)| hash(text))
            .collect();
        styles.push(hash(
            NOSCRIPT_STYLE
                .split_once("<style>")
                .and_then(|(_, rest)| rest.split_once("</style>"))
                .map_or("", |(style, _)| style),
        ));
        Self {
            scripts: inline_elements(shell, "script")
                .filter(|(attributes, _)| runs(attributes))
                .map(|(_, text)| hash(text))
                .collect(),
            styles,
        }
    }

    /// The policy as the `<meta http-equiv>` of a page carries it.
    pub(crate) fn meta_value(&self) -> String {
        let hashes = |list: &[String]| list.iter().map(|h| format!(" {h}")).collect::<String>();
        // Video players, framed only when a reader asks for one.
        let players: String = EMBED_HOSTS
            .iter()
            .map(|host| format!(" https://{host}"))
            .collect();
        format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'{}; img-src 'self' https:; media-src 'self' https:; font-src 'self'; connect-src 'self'; frame-src{players}; object-src 'none'; base-uri 'self'; form-action 'self'",
            hashes(&self.scripts),
            hashes(&self.styles)
        )
    }

    /// The policy as an HTTP header carries it: browsers read
    /// `frame-ancestors` (no framing by other sites) only there.
    pub(crate) fn header_value(&self) -> String {
        format!("{}; frame-ancestors 'self'", self.meta_value())
    }
}

/// Whether Trunk's live-reload script is in the shell: a `trunk serve`
/// preview, whose script Trunk rewrites as it serves it, so no hash can
/// allow it.
pub(crate) fn is_live_reload_preview(shell: &str) -> bool {
    shell.contains(".well-known/trunk/ws")
}

/// A script element runs unless its `type` names data (`application/ld+json`).
fn runs(attributes: &str) -> bool {
    let attributes = attributes.to_ascii_lowercase();
    let Some(at) = attributes.find("type=") else {
        return true;
    };
    let value = attributes[at + 5..].trim_start_matches(['"', '\'']);
    ["text/javascript", "module", "application/javascript"]
        .iter()
        .any(|kind| value.starts_with(kind))
}

/// The attributes and the text of every `<name …>…</name>` element in
/// `html` that has no `src`.
fn inline_elements<'a>(
    html: &'a str,
    name: &'a str,
) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut rest = html;
    std::iter::from_fn(move || {
        loop {
            let at = rest.find(&open)?;
            let after = &rest[at + open.len()..];
            if !after.starts_with(['>', ' ', '\t', '\n']) {
                rest = after;
                continue;
            }
            let tag_end = after.find('>')?;
            let attributes = &after[..tag_end];
            let body = &after[tag_end + 1..];
            let end = body.find(&close)?;
            rest = &body[end + close.len()..];
            if attributes.contains("src=") {
                continue;
            }
            return Some((attributes, &body[..end]));
        }
    })
}

/// `'sha256-<base64>'` of a script's or style's text, as CSP names it.
fn hash(text: impl AsRef<str>) -> String {
    let digest = Sha256::digest(text.as_ref().as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_the_inline_scripts_that_run_and_nothing_else() {
        let shell = r#"<head><script>a()</script><script type="module">b()</script><script type="application/ld+json">{}</script><script src="/x.js"></script><style>p{}</style></head>"#;
        let policy = ContentSecurityPolicy::for_shell(shell);
        assert_eq!(policy.scripts, [hash("a()"), hash("b()")]);
        assert_eq!(policy.styles[0], hash("p{}"));
        let meta = policy.meta_value();
        assert!(meta.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
        assert!(meta.contains("object-src 'none'") && meta.contains("base-uri 'self'"));
        assert!(!meta.contains("unsafe-inline") && !meta.contains("frame-ancestors"));
        assert!(policy.header_value().ends_with("frame-ancestors 'self'"));
    }

    #[test]
    fn hash_matches_the_browsers() {
        // sha256 of "alert('Hello, world.');", the example in the CSP specification.
        assert_eq!(
            hash("alert('Hello, world.');"),
            "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
        );
    }

    /// The nginx snippet cannot read the build, so it names the hashes of
    /// the page's script and stylesheet itself: they must be those of
    /// index.html's script and of the stylesheet Trunk writes into it
    /// (`rel="inline"`: its text, as it is).
    #[test]
    fn nginx_snippet_allows_the_page_script_and_stylesheet_of_index_html() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../");
        let source = std::fs::read_to_string(format!("{root}index.html")).unwrap();
        let stylesheet = std::fs::read_to_string(format!("{root}style/main.css")).unwrap();
        let inline_link = r#"<link data-trunk rel="inline" href="style/main.css">"#;
        assert!(
            source.contains(inline_link),
            "index.html inlines style/main.css"
        );
        let trunk_output = source.replace(inline_link, &format!("<style>{stylesheet}</style>"));
        // What the build pours pages into: the stylesheet without its comments.
        let shell = crate::shell::Shell::parse(Some(&trunk_output))
            .unwrap()
            .text;
        let snippet = std::fs::read_to_string(format!("{root}deploy/nginx.conf")).unwrap();
        let policy = ContentSecurityPolicy::for_shell(&shell);
        assert_eq!(policy.scripts.len(), 1, "index.html has one inline script");
        assert!(
            snippet.contains(&policy.header_value()),
            "deploy/nginx.conf must send:\n{}",
            policy.header_value()
        );
    }
}
