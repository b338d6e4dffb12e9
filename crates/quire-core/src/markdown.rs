//! Markdown to HTML, as the reader app renders post bodies.
//!
//! A thin, documented wrapper around pulldown-cmark that adds what a blog
//! needs and CommonMark leaves out: heading ids, footnote links that work
//! under a `<base>` element, lazy images, URLs resolved against the post's
//! folder and the site's sub-path, and safety. Post bodies are rendered with
//! `inner_html`, so nothing an author (or an attacker who gets a file into
//! `content/`) writes may run: raw HTML is shown as text except for a short
//! list of harmless inline tags, and only `http`, `https`, `mailto` and `tel`
//! URLs survive.

use std::collections::HashMap;

use pulldown_cmark::{
    CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html,
};

use crate::slug::slugify;

/// Where relative URLs in a post point.
#[derive(Debug, Clone, Copy)]
pub struct LinkBase<'a> {
    /// The path the site is served under, with a trailing slash: `/` or `/blog/`.
    pub site_root: &'a str,
    /// The post's own path below the site root, with a trailing slash: `posts/cap-theorem/`.
    pub page_path: &'a str,
}

/// A heading of the rendered post, for anchors and tables of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1 for `#`, 2 for `##`, …
    pub level: u8,
    /// The element id, unique within the post.
    pub id: String,
    /// The heading's plain text.
    pub text: String,
}

/// The HTML of a post body and what was found while rendering it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// Safe HTML, ready for `inner_html`.
    pub html: String,
    /// Every heading in document order.
    pub headings: Vec<Heading>,
}

/// The Markdown extensions Quire enables: tables, footnotes, strikethrough,
/// task lists, `{#id}` heading attributes and smart punctuation, as Hugo's
/// Goldmark does by default.
pub fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Inline tags an author may use as raw HTML: they carry no attributes, so
/// they cannot run anything or load anything.
const ALLOWED_INLINE_TAGS: [&str; 13] = [
    "kbd", "sub", "sup", "mark", "abbr", "b", "i", "em", "strong", "u", "s", "small", "br",
];

/// A code block as the build tool highlighted it: the language's name and
/// the code as HTML with `hl-*` spans. The build writes one list per post
/// (one entry per code block, in order, `null` where it knows no language),
/// so the browser colours code without carrying a highlighter.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HighlightedCode {
    /// The language's name for the block's label: "Rust", "YAML".
    pub label: String,
    /// The code, escaped, with `<span class="hl-…">` around tokens.
    pub html: String,
}

/// Renders a post body to safe HTML, code blocks uncoloured.
pub fn render(markdown: &str, base: LinkBase<'_>) -> Rendered {
    render_with_code(markdown, base, &[])
}

/// Renders a post body to safe HTML, with the build's highlighting of its
/// code blocks (`code[i]` for the i-th block; missing entries stay plain).
pub fn render_with_code(
    markdown: &str,
    base: LinkBase<'_>,
    code: &[Option<HighlightedCode>],
) -> Rendered {
    render_as(markdown, base, code, Surface::Page)
}

/// Renders a post body for a feed reader: no heading anchors and no copy
/// buttons, which only the site's pages can make work.
pub fn render_for_feed(markdown: &str, base: LinkBase<'_>) -> Rendered {
    render_as(markdown, base, &[], Surface::Feed)
}

/// Where a rendered body is shown.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Surface {
    /// A page of the site, with its script.
    Page,
    /// A feed reader, which shows plain HTML.
    Feed,
}

fn render_as(
    markdown: &str,
    base: LinkBase<'_>,
    code: &[Option<HighlightedCode>],
    surface: Surface,
) -> Rendered {
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, parser_options()).collect();
    let headings = collect_headings(&events);
    let footnotes = number_footnotes(&events);
    let page_url = format!("{}{}", base.site_root, base.page_path);

    let mut out: Vec<Event<'_>> = Vec::with_capacity(events.len());
    let mut heading_index = 0;
    let mut code_index = 0;
    let mut events = events.into_iter();
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                let id = headings[heading_index].id.clone();
                heading_index += 1;
                out.push(Event::Start(Tag::Heading {
                    level,
                    id: Some(id.into()),
                    classes,
                    attrs,
                }));
            }
            Event::End(TagEnd::Heading(level)) if surface == Surface::Page => {
                let heading = &headings[heading_index - 1];
                // A link to the section, which the app also copies to the clipboard.
                out.push(Event::InlineHtml(
                    format!(
                        " <a class=\"heading-anchor\" href=\"{}#{}\" aria-label=\"Link to the section {}\">#</a>",
                        escape_html(&page_url),
                        heading.id,
                        escape_html(&heading.text)
                    )
                    .into(),
                ));
                out.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let mut text = String::new();
                for inner in events.by_ref() {
                    match inner {
                        Event::End(TagEnd::CodeBlock) => break,
                        Event::Text(part) => text.push_str(&part),
                        _ => {}
                    }
                }
                let info = match &kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or(""),
                    CodeBlockKind::Indented => "",
                };
                let highlighted = code.get(code_index).and_then(Option::as_ref);
                code_index += 1;
                let html = match surface {
                    Surface::Page => code_block_html(&text, info, highlighted),
                    Surface::Feed => format!("<pre><code>{}</code></pre>\n", escape_html(&text)),
                };
                out.push(Event::Html(html.into()));
            }
            Event::Start(Tag::HtmlBlock) => {
                let mut raw = String::new();
                for inner in events.by_ref() {
                    match inner {
                        Event::End(TagEnd::HtmlBlock) => break,
                        Event::Html(part) | Event::Text(part) => raw.push_str(&part),
                        _ => {}
                    }
                }
                if !is_only_comments(&raw) {
                    out.push(Event::Html(
                        format!(
                            "<pre class=\"raw-html\"><code>{}</code></pre>\n",
                            escape_html(&raw)
                        )
                        .into(),
                    ));
                }
            }
            Event::Html(raw) | Event::InlineHtml(raw) => {
                if is_allowed_inline_tag(&raw) {
                    out.push(Event::InlineHtml(raw));
                } else if !is_only_comments(&raw) {
                    out.push(Event::Text(raw));
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => match resolve_url(&dest_url, base) {
                Some(url) => out.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url: url.into(),
                    title,
                    id,
                })),
                // Keep the link's words, drop the link.
                None => skip_matching_end(&mut out, &mut events, TagEnd::Link),
            },
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let alt = take_image_alt(&mut events);
                match resolve_url(&dest_url, base) {
                    Some(src) => out.push(Event::Html(image_html(&src, &alt, &title).into())),
                    None => out.push(Event::Text(alt.into())),
                }
            }
            Event::FootnoteReference(name) => {
                let (number, id) = &footnotes[name.as_ref()];
                out.push(Event::InlineHtml(
                    format!(
                        "<sup class=\"footnote-ref\"><a href=\"{page}#fn-{id}\" id=\"fnref-{id}\" aria-label=\"Footnote {number}\">{number}</a></sup>",
                        page = escape_html(&page_url),
                    )
                    .into(),
                ));
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                let (number, id) = &footnotes[name.as_ref()];
                out.push(Event::Html(
                    format!(
                        "<div class=\"footnote-definition\" id=\"fn-{id}\"><span class=\"footnote-label\">{number}.</span>\
                         <a class=\"footnote-back\" href=\"{page}#fnref-{id}\" aria-label=\"Back to reference {number}\">↩</a>",
                        page = escape_html(&page_url),
                    )
                    .into(),
                ));
            }
            Event::End(TagEnd::FootnoteDefinition) => out.push(Event::Html("</div>\n".into())),
            other => out.push(other),
        }
    }

    let mut html_out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut html_out, out.into_iter());
    Rendered {
        html: html_out,
        headings,
    }
}

/// Every code block of a post, in order: its info string's first word (the
/// language, or `""`) and its text; the same blocks, in the same order, that
/// [`render_with_code`] numbers.
pub fn code_blocks(markdown: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(String, String)> = None;
    for event in Parser::new_ext(markdown, parser_options()) {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_owned()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                current = Some((info, String::new()));
            }
            Event::Text(text) => {
                if let Some((_, body)) = current.as_mut() {
                    body.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(current.take()),
            _ => {}
        }
    }
    blocks
}

/// A code block with its label and a copy button (the app makes it work;
/// without JavaScript it is hidden). The `<pre>` takes focus, so keyboard
/// readers can scroll long lines sideways.
fn code_block_html(text: &str, info: &str, highlighted: Option<&HighlightedCode>) -> String {
    let language: String = info
        .trim_start_matches("language-")
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+' | '#'))
        .collect::<String>()
        .to_ascii_lowercase();
    let label = highlighted.map_or(language.as_str(), |code| code.label.as_str());
    let label_html = if label.is_empty() {
        String::new()
    } else {
        format!("<span class=\"code-lang\">{}</span>", escape_html(label))
    };
    let class = if language.is_empty() {
        String::new()
    } else {
        format!(" class=\"language-{}\"", escape_html(&language))
    };
    let body = highlighted.map_or_else(|| escape_html(text), |code| code.html.clone());
    format!(
        "<div class=\"code-block\"><div class=\"code-head\">{label_html}<button type=\"button\" class=\"copy-button needs-js\">Copy</button></div><pre tabindex=\"0\"><code{class}>{body}</code></pre></div>\n"
    )
}

fn collect_headings(events: &[Event<'_>]) -> Vec<Heading> {
    let mut headings = Vec::new();
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut current: Option<(u8, Option<String>, String)> = None;
    for event in events {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                current = Some((
                    heading_level(*level),
                    id.as_ref().map(|id| id.to_string()),
                    String::new(),
                ));
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, _, heading_text)) = current.as_mut() {
                    heading_text.push_str(text);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, explicit, text)) = current.take() {
                    let wanted = explicit.map(|id| slugify(&id)).filter(|id| !id.is_empty());
                    let wanted = wanted.unwrap_or_else(|| {
                        let slug = slugify(&text);
                        if slug.is_empty() {
                            "section".to_owned()
                        } else {
                            slug
                        }
                    });
                    let id = unique_id(&mut used, wanted);
                    headings.push(Heading {
                        level,
                        id,
                        text: text.trim().to_owned(),
                    });
                }
            }
            _ => {}
        }
    }
    headings
}

fn unique_id(used: &mut HashMap<String, usize>, wanted: String) -> String {
    let count = used.entry(wanted.clone()).or_insert(0);
    *count += 1;
    if *count == 1 {
        return wanted;
    }
    let mut candidate = format!("{wanted}-{}", *count - 1);
    while used.contains_key(&candidate) {
        *used.get_mut(&wanted).unwrap_or(&mut 0) += 1;
        candidate = format!("{wanted}-{}", used[&wanted] - 1);
    }
    used.insert(candidate.clone(), 1);
    candidate
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Numbers footnotes in order of first mention and gives each a safe id.
fn number_footnotes(events: &[Event<'_>]) -> HashMap<String, (usize, String)> {
    let mut numbers = HashMap::new();
    for event in events {
        let name = match event {
            Event::FootnoteReference(name) | Event::Start(Tag::FootnoteDefinition(name)) => name,
            _ => continue,
        };
        if !numbers.contains_key(name.as_ref()) {
            let number = numbers.len() + 1;
            let slug = slugify(name);
            let id = if slug.is_empty() {
                number.to_string()
            } else {
                slug
            };
            numbers.insert(name.to_string(), (number, id));
        }
    }
    numbers
}

fn skip_matching_end<'a>(
    out: &mut Vec<Event<'a>>,
    events: &mut impl Iterator<Item = Event<'a>>,
    end: TagEnd,
) {
    let mut depth = 0;
    for inner in events.by_ref() {
        match &inner {
            Event::Start(Tag::Link { .. }) => depth += 1,
            Event::End(found) if *found == end && depth == 0 => return,
            Event::End(TagEnd::Link) => depth -= 1,
            _ => {}
        }
        out.push(inner);
    }
}

fn take_image_alt<'a>(events: &mut impl Iterator<Item = Event<'a>>) -> String {
    let mut alt = String::new();
    let mut depth = 0;
    for inner in events.by_ref() {
        match inner {
            Event::Start(Tag::Image { .. }) => depth += 1,
            Event::End(TagEnd::Image) if depth == 0 => break,
            Event::End(TagEnd::Image) => depth -= 1,
            Event::Text(text) | Event::Code(text) => alt.push_str(&text),
            _ => {}
        }
    }
    alt
}

fn image_html(src: &str, alt: &str, title: &CowStr<'_>) -> String {
    let title = if title.is_empty() {
        String::new()
    } else {
        format!(" title=\"{}\"", escape_html(title))
    };
    format!(
        "<img src=\"{}\" alt=\"{}\"{title} loading=\"lazy\" decoding=\"async\">",
        escape_html(src),
        escape_html(alt)
    )
}

fn is_only_comments(raw: &str) -> bool {
    let mut rest = raw.trim();
    while let Some(after_open) = rest.strip_prefix("<!--") {
        match after_open.find("-->") {
            Some(end) => rest = after_open[end + 3..].trim_start(),
            None => return false,
        }
    }
    rest.is_empty()
}

fn is_allowed_inline_tag(raw: &str) -> bool {
    let Some(inner) = raw.strip_prefix('<').and_then(|r| r.strip_suffix('>')) else {
        return false;
    };
    let name = inner
        .trim_start_matches('/')
        .trim_end_matches('/')
        .trim_end();
    ALLOWED_INLINE_TAGS
        .iter()
        .any(|tag| tag.eq_ignore_ascii_case(name))
}

/// Resolves a URL written in a post against the post's folder and the site's
/// sub-path; `None` for schemes that could run code (`javascript:`,
/// `vbscript:`, `data:`, anything not on the safe list).
pub fn resolve_url(url: &str, base: LinkBase<'_>) -> Option<String> {
    // Browsers ignore ASCII whitespace and control characters inside a scheme,
    // so "java\tscript:" must be read as "javascript:".
    let compact: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect();
    let scheme_end = compact.find([':', '/', '?', '#']);
    if let Some(at) = scheme_end.filter(|at| compact[*at..].starts_with(':')) {
        let scheme = compact[..at].to_ascii_lowercase();
        return matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel")
            .then(|| url.trim().to_owned());
    }
    let url = url.trim();
    let root = base.site_root.trim_end_matches('/');
    Some(if url.starts_with("//") {
        url.to_owned()
    } else if let Some(path) = url.strip_prefix('/') {
        format!("{root}/{path}")
    } else {
        // Fragments, queries and relative paths are relative to the post, not to
        // the `<base href>` the app's page declares.
        let path_end = url.find(['?', '#']).unwrap_or(url.len());
        let path = remove_dot_segments(&format!("{}{}", base.page_path, &url[..path_end]));
        format!("{root}/{path}{}", &url[path_end..])
    })
}

/// Resolves `.` and `..` in a path below the site root, as a browser would,
/// so `posts/a/../b/` is written as `posts/b/`; `..` never climbs above the root.
fn remove_dot_segments(path: &str) -> String {
    let mut kept: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    for (at, segment) in segments.iter().enumerate() {
        let last = at + 1 == segments.len();
        match *segment {
            "." => {}
            ".." => {
                kept.pop();
            }
            other => kept.push(other),
        }
        // A trailing `.` or `..` names a folder, so the path keeps its slash.
        if last && matches!(*segment, "." | "..") {
            kept.push("");
        }
    }
    kept.join("/")
}

/// Escapes text for HTML content and double-quoted attributes.
pub fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(ch),
        }
    }
    escaped
}
