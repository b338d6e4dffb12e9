//! The CommonMark specification's examples and GitHub's extension examples
//! (tables, strikethrough, task lists) through Quire's renderer.
//!
//! Each example must render as plain pulldown-cmark renders it (with the
//! extensions Quire enables, which pulldown-cmark's own suite runs the
//! specification with) once Quire's documented decorations are taken away:
//! heading ids and anchors, the code block's frame, lazy images, URLs
//! resolved against the post, table alignment as classes. Where it cannot,
//! the example is listed below as a deliberate difference, with its reason;
//! an example that differs for no listed reason, or a listed one that no
//! longer differs, fails the test.
//!
//! The examples are read from pulldown-cmark's own test suite, in the copy
//! of the crate Cargo already has, so the repository holds no copy of them.

use std::{collections::BTreeMap, path::PathBuf};

use pulldown_cmark::{Event, Options, Parser, Tag, html::push_html};
use quire_core::{
    manifest::RawHtml,
    markdown::{PageContext, parser_options, render, resolve_url},
};
use scraper::{ElementRef, Html, Node};

/// Why Quire's output differs from plain pulldown-cmark's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Difference {
    /// Quotes, dashes and ellipses are typographic, as Hugo writes them.
    SmartPunctuation,
    /// Raw HTML is shown as text (only a few attribute-free inline tags pass).
    RawHtml,
    /// A link or image whose scheme is not `http`, `https`, `mailto` or
    /// `tel`, or whose web address names a host that cannot exist, is
    /// dropped, its words kept.
    RemovedScheme,
    /// A bare `https://…`, `http://…` or `www.…` address in text is a
    /// link, as Hugo's Goldmark (GitHub's extended autolinks) makes it.
    Linkified,
}

/// The CommonMark examples that differ from plain pulldown-cmark, by reason.
const SPEC_DIFFERENCES: &[(Difference, &[usize])] = &[
    (
        Difference::SmartPunctuation,
        &[
            14, 46, 55, 87, 91, 106, 197, 209, 210, 343, 352, 359, 363, 380, 385, 395, 508, 590,
            619, 620, 622, 624, 632, 650,
        ],
    ),
    (
        Difference::RawHtml,
        &[
            21, 31, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163,
            164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 180, 181,
            182, 184, 185, 186, 187, 188, 189, 190, 191, 201, 308, 309, 344, 475, 476, 477, 491,
            494, 524, 536, 613, 614, 615, 616, 617, 623, 626, 627, 628, 629, 630, 631, 642, 643,
        ],
    ),
    // 346 (a web address whose host has a backtick), 500 (`foo):` reads as
    // a scheme to Quire's stricter check), 596 (`irc:`), 598, 599 (made-up
    // schemes), 601 (`localhost:`).
    (Difference::RemovedScheme, &[346, 500, 596, 598, 599, 601]),
    // `<https://foo.bar/baz bim>`, `< https://foo.bar >`, `https://example.com`.
    (Difference::Linkified, &[602, 608, 611]),
];

/// The GitHub extension examples that differ, by reason.
const GFM_DIFFERENCES: &[(Difference, &[usize])] = &[(Difference::SmartPunctuation, &[6])];

const BASE: PageContext<'static> = PageContext {
    site_root: "/",
    page_path: "",
    raw_html: RawHtml::Escape,
};

/// pulldown-cmark's test folder, in the copy of the crate Cargo fetched
/// into its registry: the version `Cargo.lock` names.
fn suite_dir() -> PathBuf {
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../Cargo.lock"))
        .expect("the workspace's Cargo.lock");
    let version = lock
        .split("[[package]]")
        .find(|package| package.contains("name = \"pulldown-cmark\"\n"))
        .and_then(|package| package.split("version = \"").nth(1))
        .and_then(|rest| rest.split('"').next())
        .expect("Cargo.lock names pulldown-cmark's version");
    let cargo_home = std::env::var_os("CARGO_HOME").map_or_else(
        || PathBuf::from(std::env::var_os("HOME").expect("a home folder")).join(".cargo"),
        PathBuf::from,
    );
    let registry = cargo_home.join("registry").join("src");
    std::fs::read_dir(&registry)
        .unwrap_or_else(|error| panic!("{}: {error}", registry.display()))
        .filter_map(Result::ok)
        .map(|index| {
            index
                .path()
                .join(format!("pulldown-cmark-{version}/tests/suite"))
        })
        .find(|dir| dir.is_dir())
        .unwrap_or_else(|| {
            panic!(
                "pulldown-cmark {version}'s sources are not in {}",
                registry.display()
            )
        })
}

/// The examples of one generated suite file, numbered from 1: each test's
/// `original` Markdown.
fn examples(file: &str) -> Vec<String> {
    let text = std::fs::read_to_string(suite_dir().join(file))
        .unwrap_or_else(|error| panic!("{file}: {error}"));
    text.split("let original = r##\"")
        .skip(1)
        .map(|rest| rest.split("\"##;").next().unwrap_or_default().to_owned())
        .collect()
}

/// The spec's options: Quire's, without smart punctuation.
fn plain_options() -> Options {
    parser_options() - Options::ENABLE_SMART_PUNCTUATION
}

fn plain(markdown: &str, options: Options) -> String {
    let mut html = String::new();
    push_html(&mut html, Parser::new_ext(markdown, options));
    html
}

/// A fragment written in a canonical form, Quire's decorations removed.
fn canonical(html: &str) -> String {
    let document = Html::parse_fragment(html);
    let mut out = String::new();
    for child in document.root_element().children() {
        write_node(child, &mut out);
    }
    out.replace(">\n<", "><").trim().to_owned()
}

fn write_node(node: ego_tree::NodeRef<'_, Node>, out: &mut String) {
    match node.value() {
        Node::Text(text) => {
            // The space Quire puts before a heading's anchor.
            let next_is_anchor =
                node.next_sibling()
                    .and_then(ElementRef::wrap)
                    .is_some_and(|next| {
                        next.value()
                            .has_class("heading-anchor", scraper::CaseSensitivity::CaseSensitive)
                    });
            let text: &str = text;
            let text = if next_is_anchor {
                text.trim_end()
            } else {
                text
            };
            out.push_str(
                &quire_core::html::escape(text)
                    .replace("&#39;", "'")
                    .replace("&quot;", "\""),
            );
        }
        Node::Element(element) => {
            let classes: Vec<&str> = element.classes().collect();
            if classes.contains(&"heading-anchor") || classes.contains(&"code-head") {
                return;
            }
            if classes.contains(&"code-block") {
                for child in node.children() {
                    write_node(child, out);
                }
                return;
            }
            let name = element.name();
            let mut attributes: BTreeMap<String, String> = BTreeMap::new();
            for (key, value) in element.attrs() {
                let kept = match (name, key) {
                    ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", "id") => None,
                    ("pre", "tabindex") | ("img", "loading" | "decoding") => None,
                    ("a", "href") | ("img", "src") => {
                        Some(resolve_url(value, BASE).unwrap_or_else(|| value.to_owned()))
                    }
                    ("th" | "td", "style") => {
                        let align = value.trim_start_matches("text-align:").trim();
                        attributes.insert("class".into(), format!("align-{align}"));
                        None
                    }
                    _ => Some(value.to_owned()),
                };
                if let Some(value) = kept {
                    attributes.insert(key.to_owned(), value);
                }
            }
            out.push('<');
            out.push_str(name);
            for (key, value) in attributes {
                out.push_str(&format!(" {key}=\"{}\"", quire_core::html::escape(&value)));
            }
            out.push('>');
            for child in node.children() {
                write_node(child, out);
            }
            if !matches!(name, "br" | "hr" | "img" | "input") {
                out.push_str(&format!("</{name}>"));
            }
        }
        _ => {}
    }
}

/// Why an example differs, if it does.
fn difference(markdown: &str) -> Option<Difference> {
    let quire = canonical(&render(markdown, BASE).html);
    if quire == canonical(&plain(markdown, plain_options())) {
        return None;
    }
    if quire == canonical(&plain(markdown, parser_options())) {
        return Some(Difference::SmartPunctuation);
    }
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, parser_options()).collect();
    if events
        .iter()
        .any(|event| matches!(event, Event::Html(_) | Event::InlineHtml(_)))
    {
        return Some(Difference::RawHtml);
    }
    let removed_scheme = events.iter().any(|event| match event {
        Event::Start(Tag::Link {
            dest_url,
            link_type,
            ..
        }) => {
            *link_type != pulldown_cmark::LinkType::Email && resolve_url(dest_url, BASE).is_none()
        }
        Event::Start(Tag::Image { dest_url, .. }) => resolve_url(dest_url, BASE).is_none(),
        _ => false,
    });
    let plain_html = canonical(&plain(markdown, plain_options()));
    let linkified = (markdown.contains("://") || markdown.contains("www."))
        && quire.matches("<a ").count() > plain_html.matches("<a ").count();
    // Unexplained differences are reported with both outputs.
    removed_scheme
        .then_some(Difference::RemovedScheme)
        .or_else(|| linkified.then_some(Difference::Linkified))
        .or_else(|| {
            panic!(
                "an unexplained difference:\n{markdown}\nQuire:  {quire}\nplain:  {}",
                canonical(&plain(markdown, plain_options()))
            )
        })
}

/// Every example's difference, checked against the recorded list.
fn check(files: &[&str], recorded: &[(Difference, &[usize])]) -> usize {
    let examples: Vec<String> = files.iter().flat_map(|file| examples(file)).collect();
    let mut found: BTreeMap<Difference, Vec<usize>> = BTreeMap::new();
    for (at, markdown) in examples.iter().enumerate() {
        if let Some(kind) = difference(markdown) {
            found.entry(kind).or_default().push(at + 1);
        }
    }
    let recorded: BTreeMap<Difference, Vec<usize>> = recorded
        .iter()
        .map(|(kind, numbers)| (*kind, numbers.to_vec()))
        .collect();
    assert_eq!(
        found, recorded,
        "the examples that differ from plain pulldown-cmark changed; found:\n{found:?}"
    );
    examples.len()
}

#[test]
fn commonmark_spec_examples_render_as_plain_pulldown_cmark_but_for_listed_differences() {
    let count = check(&["spec.rs"], SPEC_DIFFERENCES);
    assert_eq!(count, 652, "CommonMark 0.31.2 has 652 examples");
}

#[test]
fn gfm_extension_examples_render_as_plain_pulldown_cmark_but_for_listed_differences() {
    let count = check(
        &["gfm_table.rs", "gfm_strikethrough.rs", "gfm_tasklist.rs"],
        GFM_DIFFERENCES,
    );
    assert_eq!(count, 14);
}

/// Spec examples 606 and 607: email autolinks once came out as
/// `mailto:/posts/…/foo@bar`.
#[test]
fn email_autolinks_get_a_mailto_address() {
    let html = render("<foo@bar.example.com>", BASE).html;
    assert!(
        html.contains(r#"href="mailto:foo@bar.example.com""#),
        "{html}"
    );
}

/// A code block in language `föö` once got `language-f`.
#[test]
fn code_languages_keep_every_letter() {
    let html = render("```föö\nx\n```\n", BASE).html;
    assert!(html.contains(r#"class="language-föö""#), "{html}");
}

/// Footnote ids are unique, and a reference to a missing note is text.
#[test]
fn footnote_ids_are_unique_and_dangling_references_stay_text() {
    let html = render(
        "A[^a] b[^a] c[^A-]. [^nope]\n\n# fn-a\n\n[^a]: One.\n[^A-]: Two.\n",
        BASE,
    )
    .html;
    let document = Html::parse_fragment(&html);
    let ids: Vec<&str> = document
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter_map(|element| element.value().id())
        .collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "duplicate ids in {ids:?}");
    assert!(html.contains("[^nope]"), "{html}");
}

/// An author's `<b>` left open once made the rest of the page bold.
#[test]
fn unbalanced_inline_tags_are_closed_in_their_block() {
    let html = render("a <b>bold\n\nnext</b> <kbd>x</sub>\n", BASE).html;
    assert_eq!(html, "<p>a <b>bold</b></p>\n<p>next <kbd>x</kbd></p>\n");
}
