//! Hugo's shortcodes, expanded when the site is built, before Markdown
//! (and its smart punctuation) sees the text: Hugo's built-ins (`figure`,
//! `youtube`, `vimeo`, `x`/`tweet`, `instagram`, `gist`, `highlight`,
//! `ref`, `relref`, `param`, `details`, `qr`, `comment`) and PaperMod's
//! (`collapse`, `rawhtml`, `inTextImg`, `video`, `audio`, `ltr`, `rtl`).
//!
//! What they write is Markdown, or HTML marked as Quire's own
//! ([`GENERATED_HTML`]), which the renderer passes through the content
//! sanitiser on the pre-rendered page and in the app alike. Embeds load
//! nothing from a third party: a video is a link that the app turns into
//! the player when the reader clicks it, a post on X or Instagram a quoted
//! link. A shortcode Quire does not know (a site's own, in
//! `layouts/shortcodes/`) keeps its inner content, and the build warns.
//!
//! ```
//! use quire_core::shortcode::{Context, expand};
//! let context = Context { resolve: &|_| None, param: &|_| None, site_file: &|_| None, image_size: &|_| None };
//! let out = expand(r#"Intro. {{< figure src="a.png" alt="A cat" caption="Mine" >}}"#, &context);
//! assert!(out.text.contains(r#"<img src="a.png" alt="A cat" loading="lazy">"#));
//! ```

use crate::{html, html::SafeHtml, markdown::GENERATED_HTML};

/// What expanding needs from the site. The links `ref` writes start at
/// the site root (`/posts/a/`); the Markdown renderer adds the site's
/// sub-path, as it does for every link written that way.
pub struct Context<'a> {
    /// The address (below the site root) of the page a `ref` or `relref`
    /// names; `None` when there is no such page.
    pub resolve: &'a dyn Fn(&str) -> Option<String>,
    /// A `param`'s value: the page's front matter, else the site's params.
    pub param: &'a dyn Fn(&str) -> Option<String>,
    /// The path from the site root of a file a `figure` names by a relative
    /// `src`, when the page has no such file beside it and the site's static
    /// folder has one at its root (a site's own `figure` reads `src` through
    /// `relURL`, from the site root); `None` keeps `src` as written.
    pub site_file: &'a dyn Fn(&str) -> Option<String>,
    /// The width and height of the image at a `figure`'s `src`, read from
    /// its file, when it has one here.
    pub image_size: &'a dyn Fn(&str) -> Option<(u32, u32)>,
}

/// A body with its shortcodes expanded, and what the build should say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expanded {
    /// The Markdown.
    pub text: String,
    /// Every shortcode used, by name, with the byte offset of its first use.
    pub used: Vec<(String, usize)>,
    /// Shortcodes Quire does not know, shown as their inner content.
    pub unknown: Vec<(String, usize)>,
    /// `ref`/`relref` targets that name no page (Hugo fails the build too).
    pub broken_refs: Vec<(String, usize)>,
    /// Shortcodes shown in a reduced form (`qr` as its text).
    pub reduced: Vec<(String, usize)>,
}

/// The shortcodes Quire writes itself.
pub const KNOWN: [&str; 22] = [
    "figure",
    "youtube",
    "vimeo",
    "x",
    "tweet",
    "twitter",
    "instagram",
    "gist",
    "highlight",
    "ref",
    "relref",
    "param",
    "details",
    "qr",
    "comment",
    "collapse",
    "rawhtml",
    "intextimg",
    "video",
    "audio",
    "ltr",
    "rtl",
];

/// Expands every shortcode in `body`.
pub fn expand(body: &str, context: &Context<'_>) -> Expanded {
    let mut out = Expanded::default();
    out.text = expand_at(body, 0, context, &mut out);
    out
}

/// Expands `text`, which starts at byte `base` of the body.
fn expand_at(text: &str, base: usize, context: &Context<'_>, report: &mut Expanded) -> String {
    let mut result = String::with_capacity(text.len());
    let mut at = 0;
    while let Some(found) = next_opening(&text[at..]).map(|offset| offset + at) {
        result.push_str(&text[at..found]);
        let Some(call) = Call::read(&text[found..]) else {
            // Not a shortcode after all: keep the braces, look further.
            result.push_str("{{");
            at = found + 2;
            continue;
        };
        if call.escaped {
            // `{{</* name */>}}` is shown as the shortcode it spells.
            result.push_str(&call.literal);
            at = found + call.length;
            continue;
        }
        let offset = base + found;
        if !report.used.iter().any(|(name, _)| *name == call.name) {
            report.used.push((call.name.clone(), offset));
        }
        let after = found + call.length;
        let (inner, consumed) = if call.self_closed {
            (None, 0)
        } else {
            closing(&text[after..], &call.name, &report.used)
                .map_or((None, 0), |(inner_end, close_end)| {
                    (Some(&text[after..after + inner_end]), close_end)
                })
        };
        let inner_expanded = inner.map(|inner| expand_at(inner, base + after, context, report));
        result.push_str(&write(
            &call,
            inner_expanded.as_deref(),
            offset,
            context,
            report,
        ));
        at = after + consumed;
    }
    result.push_str(&text[at..]);
    result
}

/// Where the next `{{<` or `{{%` starts.
fn next_opening(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = text[from..].find("{{").map(|at| at + from) {
        if matches!(text.as_bytes().get(at + 2), Some(b'<' | b'%')) {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

/// A shortcode's opening tag, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Call {
    /// The name, lowercased.
    name: String,
    /// Positional arguments.
    positional: Vec<String>,
    /// Named arguments, names lowercased.
    named: Vec<(String, String)>,
    /// Written `{{< name />}}`: no inner content.
    self_closed: bool,
    /// Written `{{</* name */>}}`: shown, not run.
    escaped: bool,
    /// The escaped form's text as it is shown.
    literal: String,
    /// How many bytes the tag takes.
    length: usize,
}

impl Call {
    /// Reads the tag at the start of `text` (which starts with `{{<` or `{{%`).
    fn read(text: &str) -> Option<Self> {
        let delimiter = &text[2..3];
        let close = if delimiter == "<" { ">}}" } else { "%}}" };
        let end = find_outside_quotes(&text[3..], close)? + 3;
        let inside = text[3..end].trim();
        let length = end + close.len();
        if let Some(escaped) = inside
            .strip_prefix("/*")
            .and_then(|rest| rest.strip_suffix("*/"))
        {
            return Some(Self {
                name: String::new(),
                positional: Vec::new(),
                named: Vec::new(),
                self_closed: true,
                escaped: true,
                literal: format!("{{{{{delimiter} {} {}}}}}", escaped.trim(), &close[..1]),
                length,
            });
        }
        if inside.starts_with('/') {
            return None;
        }
        let (inside, self_closed) = match inside.strip_suffix('/') {
            Some(inside) => (inside.trim_end(), true),
            None => (inside, false),
        };
        let mut words = arguments(inside).into_iter();
        let name = words.next()?.1.to_lowercase();
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
        {
            return None;
        }
        let (mut positional, mut named) = (Vec::new(), Vec::new());
        for (key, value) in words {
            match key {
                Some(key) => named.push((key.to_lowercase(), value)),
                None => positional.push(value),
            }
        }
        Some(Self {
            name,
            positional,
            named,
            self_closed,
            escaped: false,
            literal: String::new(),
            length,
        })
    }

    /// A named argument, else the positional one at `position`.
    fn arg(&self, name: &str, position: usize) -> Option<&str> {
        self.named
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .or_else(|| self.positional.get(position).map(String::as_str))
            .filter(|value| !value.is_empty())
    }

    /// A named argument only.
    fn named(&self, name: &str) -> Option<&str> {
        self.arg(name, usize::MAX)
    }
}

/// Where a quoted value that `quote` opened ends; `\"` does not end one.
fn closing_quote(text: &str, quote: char) -> Option<usize> {
    let mut escaped = false;
    for (at, ch) in text.char_indices() {
        match ch {
            _ if escaped => escaped = false,
            '\\' if quote == '"' => escaped = true,
            _ if ch == quote => return Some(at),
            _ => {}
        }
    }
    None
}

/// Where `needle` is in `text`, outside "…" and `…` quotes.
fn find_outside_quotes(text: &str, needle: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (at, ch) in text.char_indices() {
        match quote {
            Some(_) if escaped => escaped = false,
            Some('"') if ch == '\\' => escaped = true,
            Some(open) if ch == open => quote = None,
            Some(_) => {}
            None if ch == '"' || ch == '`' => quote = Some(ch),
            None if text[at..].starts_with(needle) => return Some(at),
            None => {}
        }
    }
    None
}

/// A tag's words: `name`, `"positional value"`, `key=value`, `key="value"`.
fn arguments(inside: &str) -> Vec<(Option<String>, String)> {
    let mut words = Vec::new();
    let mut rest = inside.trim();
    while !rest.is_empty() {
        let (key, after_key) = match rest.find(['=', ' ', '\t', '\n', '"', '`']) {
            Some(at) if rest[at..].starts_with('=') => (
                Some(rest[..at].trim().to_owned()),
                rest[at + 1..].trim_start(),
            ),
            _ => (None, rest),
        };
        let (value, remaining) = match after_key.chars().next() {
            Some(quote @ ('"' | '`')) => match closing_quote(&after_key[1..], quote) {
                Some(end) => (after_key[1..1 + end].to_owned(), &after_key[end + 2..]),
                None => (after_key[1..].to_owned(), ""),
            },
            _ => {
                let end = after_key
                    .find(char::is_whitespace)
                    .unwrap_or(after_key.len());
                (after_key[..end].to_owned(), &after_key[end..])
            }
        };
        words.push((key, value.replace("\\\"", "\"")));
        rest = remaining.trim_start();
    }
    words
}

/// The end of the inner content and of the closing tag `{{< /name >}}`
/// after a paired shortcode's opening tag, if it is closed. The same
/// shortcode opened inside and closed again is nested (DLatreyte's `note`
/// inside a `note`); if the closings do not balance, the first one closes.
/// As in Hugo 0.111, a closing tag of another shortcode the page `used`
/// before, which nothing opened inside closes, closes this one too
/// (DLatreyte's `{{% solution %}}…{{% /note %}}`).
fn closing(text: &str, name: &str, used: &[(String, usize)]) -> Option<(usize, usize)> {
    let mut from = 0;
    let mut first = None;
    // Shortcodes opened inside, by name, not closed yet.
    let mut open_inside: Vec<String> = Vec::new();
    while let Some(at) = next_opening(&text[from..]).map(|at| at + from) {
        let delimiter = &text[at + 2..at + 3];
        let close = if delimiter == "<" { ">}}" } else { "%}}" };
        if let Some(end) = text[at + 3..].find(close).map(|end| end + at + 3) {
            let inside = text[at + 3..end].trim();
            let found = (at, end + close.len());
            match inside
                .strip_prefix('/')
                .map(|closed| closed.trim().to_lowercase())
            {
                Some(closed) => {
                    if closed == name {
                        first.get_or_insert(found);
                    }
                    if let Some(opened) = open_inside.iter().rposition(|open| *open == closed) {
                        open_inside.remove(opened);
                    } else if closed == name
                        || (!open_inside.iter().any(|open| open == name)
                            && used.iter().any(|(used, _)| *used == closed))
                    {
                        return Some(found);
                    }
                }
                None => {
                    if let Some(call) =
                        Call::read(&text[at..]).filter(|call| !call.self_closed && !call.escaped)
                    {
                        open_inside.push(call.name);
                    }
                }
            }
        }
        from = at + 2;
    }
    first
}

/// Generated HTML on one line, so it is one HTML block that the renderer
/// keeps; blank lines around it end any paragraph.
fn block(html: SafeHtml) -> String {
    format!(
        "\n\n{GENERATED_HTML}{}\n\n",
        html.as_str().replace(['\n', '\r'], " ")
    )
}

/// What a shortcode writes.
fn write(
    call: &Call,
    inner: Option<&str>,
    offset: usize,
    context: &Context<'_>,
    report: &mut Expanded,
) -> String {
    let inner_text = inner.unwrap_or_default();
    match call.name.as_str() {
        "figure" => figure(call, context),
        "youtube" => match call.arg("id", 0) {
            Some(id) if is_token(id) => video_link(
                &format!("https://www.youtube.com/watch?v={id}"),
                &format!("youtube:{id}"),
                call.named("title").unwrap_or("the video"),
                "YouTube",
            ),
            _ => String::new(),
        },
        "vimeo" => match call.arg("id", 0) {
            Some(id) if id.bytes().all(|b| b.is_ascii_digit()) => video_link(
                &format!("https://vimeo.com/{id}"),
                &format!("vimeo:{id}"),
                call.named("title").unwrap_or("the video"),
                "Vimeo",
            ),
            _ => String::new(),
        },
        "x" | "tweet" | "twitter" => {
            let user = call.named("user").unwrap_or("i");
            match call
                .arg("id", 1)
                .or_else(|| call.positional.first().map(String::as_str))
            {
                Some(id) => quoted_link(
                    &format!("https://x.com/{user}/status/{id}"),
                    &format!("A post by @{user} on X"),
                ),
                None => String::new(),
            }
        }
        "instagram" => match call.arg("id", 0) {
            Some(id) => quoted_link(
                &format!("https://www.instagram.com/p/{id}/"),
                "A post on Instagram",
            ),
            None => String::new(),
        },
        "gist" => match (call.arg("user", 0), call.arg("id", 1)) {
            (Some(user), Some(id)) => block(html!(
                r#"<p><a href="{}">Gist {} by {} on GitHub</a></p>"#,
                format!("https://gist.github.com/{user}/{id}"),
                id,
                user
            )),
            _ => String::new(),
        },
        "highlight" => {
            let language = call.arg("lang", 0).unwrap_or("");
            // "linenos=table,hl_lines=8 15-17" as the fence's attributes:
            // each value quoted, so a value with spaces stays whole.
            let options = call
                .positional
                .get(1)
                .map(|options| {
                    let pairs: Vec<String> = options
                        .split(',')
                        .filter_map(|pair| pair.split_once('='))
                        .map(|(key, value)| {
                            format!("{}=\"{}\"", key.trim(), value.trim().replace('"', ""))
                        })
                        .collect();
                    format!(" {{{}}}", pairs.join(" "))
                })
                .unwrap_or_default();
            let code = inner_text.trim_matches('\n');
            let fence = if code.contains("```") { "~~~~" } else { "```" };
            format!("\n\n{fence}{language}{options}\n{code}\n{fence}\n\n")
        }
        "ref" | "relref" => {
            let target = call.arg("path", 0).unwrap_or("");
            let (page, fragment) = target.split_once('#').map_or((target, ""), |(p, f)| (p, f));
            match (context.resolve)(page) {
                Some(address) => {
                    let fragment = if fragment.is_empty() {
                        String::new()
                    } else {
                        format!("#{fragment}")
                    };
                    format!("/{}{fragment}", crate::route::encode_path(&address))
                }
                None => {
                    report.broken_refs.push((target.to_owned(), offset));
                    String::new()
                }
            }
        }
        "param" => call
            .arg("name", 0)
            .and_then(|name| (context.param)(name))
            .unwrap_or_default(),
        "details" | "collapse" => {
            let summary = call
                .named("summary")
                .or_else(|| call.positional.first().map(String::as_str))
                .unwrap_or("Details");
            let open = call
                .named("open")
                .or_else(|| call.named("openbydefault"))
                .is_some_and(|open| open == "true");
            let opening = if open {
                html!("<details open><summary>{}</summary>", summary)
            } else {
                html!("<details><summary>{}</summary>", summary)
            };
            format!(
                "{}{inner_text}\n\n{GENERATED_HTML}</details>\n\n",
                block(opening).trim_end_matches('\n').to_owned() + "\n\n"
            )
        }
        "comment" => String::new(),
        "qr" => {
            report.reduced.push(("qr".to_owned(), offset));
            let text = call.arg("text", 0).unwrap_or(inner_text.trim());
            block(html!(r#"<p><a href="{}">{}</a></p>"#, text, text))
        }
        "rawhtml" => format!(
            "\n\n{GENERATED_HTML}{}\n\n",
            inner_text.replace(['\n', '\r'], " ")
        ),
        "intextimg" => match call.arg("url", 0) {
            Some(url) => format!("![{}]({url})", call.named("alt").unwrap_or("")),
            None => String::new(),
        },
        "video" | "audio" => match call.arg("src", 0) {
            Some(src) if call.name == "video" => block(html!(
                r#"<video controls preload="metadata" src="{}"></video>"#,
                src
            )),
            Some(src) => block(html!(
                r#"<audio controls preload="metadata" src="{}"></audio>"#,
                src
            )),
            None => String::new(),
        },
        "ltr" | "rtl" => format!(
            "{}{inner_text}\n\n{GENERATED_HTML}</div>\n\n",
            block(html!(r#"<div dir="{}">"#, call.name.clone()))
                .trim_end_matches('\n')
                .to_owned()
                + "\n\n"
        ),
        _ => {
            if !report.unknown.iter().any(|(name, _)| *name == call.name) {
                report.unknown.push((call.name.clone(), offset));
            }
            // A theme's own image shortcode (`{{< img src="a.png" alt="…" >}}`)
            // takes what Hugo's `figure` takes: drawn as one, not lost.
            if inner_text.trim().is_empty() && call.named("src").is_some_and(names_image) {
                figure(call, context)
            } else {
                inner_text.to_owned()
            }
        }
    }
}

/// Whether a path names an image by its extension.
fn names_image(path: &str) -> bool {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    path.rsplit_once('.').is_some_and(|(_, extension)| {
        ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif"]
            .iter()
            .any(|image| extension.eq_ignore_ascii_case(image))
    })
}

/// A video as a link to it, which the app turns into the player when the
/// reader asks (`data-embed`), so nothing loads from the video's site before.
fn video_link(href: &str, embed: &str, title: &str, site: &str) -> String {
    block(html!(
        r#"<figure><a href="{}" data-embed="{}">▶ Play {} on {}</a></figure>"#,
        href,
        embed,
        title,
        site
    ))
}

/// A post elsewhere, as a quoted link: no script, no request to its site.
fn quoted_link(href: &str, text: &str) -> String {
    block(html!(
        r#"<blockquote><p><a href="{}">{}</a></p></blockquote>"#,
        href,
        text
    ))
}

/// Hugo's `figure`: an image, linked or not, with its title, caption and
/// attribution.
fn figure(call: &Call, context: &Context<'_>) -> String {
    let Some(written) = call.named("src") else {
        return String::new();
    };
    let from_root = (!written.contains(':') && !written.starts_with('/'))
        .then(|| (context.site_file)(written))
        .flatten()
        .map(|path| format!("/{path}"));
    let src = from_root.as_deref().unwrap_or(written);
    let given = |name: &str| {
        call.named(name)
            .filter(|value| !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()))
    };
    // The file's own size, unless the author gave one, keeps the page in
    // place while the image loads.
    let read = (given("width").is_none() && given("height").is_none())
        .then(|| (context.image_size)(src))
        .flatten();
    let size = |name: &str| match (given(name), read) {
        (Some(value), _) => html!(r#" {}="{}""#, name.to_owned(), value),
        (None, Some((width, height))) => {
            html!(
                r#" {}="{}""#,
                name.to_owned(),
                if name == "width" { width } else { height }
            )
        }
        (None, None) => SafeHtml::empty(),
    };
    // Hugo's figure writes its caption through `markdownify`, and its alt
    // text is that caption's words.
    let caption_text = call.named("caption").map(markdownify);
    let alt = call
        .named("alt")
        .map(str::to_owned)
        .or_else(|| caption_text.as_ref().map(|(_, words)| words.clone()))
        .unwrap_or_default();
    let image = html!(
        r#"<img src="{}" alt="{}"{}{} loading="lazy">"#,
        src,
        alt,
        size("width"),
        size("height")
    );
    let image = match call.named("link") {
        Some(link) => html!(r#"<a href="{}">{}</a>"#, link, image),
        None => image,
    };
    let mut caption = SafeHtml::empty();
    if let Some(title) = call.named("title") {
        caption.push(html!("<strong>{}</strong> ", title));
    }
    if let Some((html, _)) = caption_text {
        caption.push(html);
    }
    if let Some(attribution) = call.named("attr") {
        caption.push(" ");
        caption.push(match call.named("attrlink") {
            Some(link) => html!(r#"<a href="{}">{}</a>"#, link, attribution),
            None => SafeHtml::text(attribution),
        });
    }
    let caption = if caption.is_empty() {
        SafeHtml::empty()
    } else {
        html!("<figcaption>{}</figcaption>", caption)
    };
    block(html!("<figure>{}{}</figure>", image, caption))
}

/// A shortcode argument's inline Markdown as HTML, and its words, as
/// Hugo's `markdownify` and `plainify` make them: ox-hugo's captions hold
/// `<span class="figure-number">Figure 1: </span>` and `*emphasis*`. Raw
/// HTML keeps its words and loses its tags, as a site that does not allow
/// raw HTML shows it (and nearly as one that does).
fn markdownify(text: &str) -> (SafeHtml, String) {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let (mut html, mut words) = (SafeHtml::empty(), String::new());
    for event in Parser::new(text) {
        match event {
            Event::Text(text) => {
                html.push(SafeHtml::text(&text));
                words.push_str(&text);
            }
            Event::Code(code) => {
                html.push(html!("<code>{}</code>", code.as_ref()));
                words.push_str(&code);
            }
            Event::SoftBreak | Event::HardBreak => {
                html.push(" ");
                words.push(' ');
            }
            Event::Start(Tag::Emphasis) => html.push(SafeHtml::from_static("<em>")),
            Event::End(TagEnd::Emphasis) => html.push(SafeHtml::from_static("</em>")),
            Event::Start(Tag::Strong) => html.push(SafeHtml::from_static("<strong>")),
            Event::End(TagEnd::Strong) => html.push(SafeHtml::from_static("</strong>")),
            Event::Start(Tag::Link { dest_url, .. }) => {
                html.push(html!(r#"<a href="{}">"#, dest_url.as_ref()));
            }
            Event::End(TagEnd::Link) => html.push(SafeHtml::from_static("</a>")),
            _ => {}
        }
    }
    (html, words.trim().to_owned())
}

/// A video's id: letters, digits, `-` and `_`.
fn is_token(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 32
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(body: &str) -> Expanded {
        let resolve = |target: &str| (target == "other.md").then(|| "posts/other/".to_owned());
        let param = |name: &str| (name == "author").then(|| "Ann".to_owned());
        let site_file = |src: &str| (src == "images/2016/shared.jpg").then(|| src.to_owned());
        expand(
            body,
            &Context {
                resolve: &resolve,
                param: &param,
                site_file: &site_file,
                image_size: &|src| (src == "tank.png").then_some((320, 240)),
            },
        )
    }

    #[test]
    fn a_themes_own_image_shortcode_lost_its_image() {
        // withblue.ink's `img`, with Hugo's `figure` arguments.
        let out = run(
            r#"{{< img src="app-local.png" alt="The app" caption="Running" >}} and {{< note src="a.txt" >}}"#,
        );
        assert!(
            out.text
                .contains(r#"<img src="app-local.png" alt="The app" loading="lazy">"#),
            "{}",
            out.text
        );
        assert!(out.text.contains("Running"), "{}", out.text);
        assert!(!out.text.contains("a.txt"), "{}", out.text);
        assert_eq!(out.unknown.len(), 2);
    }

    #[test]
    fn a_figure_whose_file_is_in_the_static_folder_lost_its_image() {
        // ojisanseiuchi.com's own `figure` reads `src` from the site root.
        let shared = run(r#"{{< figure src="images/2016/shared.jpg" >}}"#).text;
        assert!(
            shared.contains(r#"src="/images/2016/shared.jpg""#),
            "{shared}"
        );
        // A file beside the page, or one the site does not have, stays as written.
        let beside = run(r#"{{< figure src="tank.png" >}}"#).text;
        assert!(beside.contains(r#"src="tank.png""#), "{beside}");
    }

    #[test]
    fn builtins_write_markdown_or_marked_html() {
        let out = run(
            r#"See {{< figure src="/a.png" title="T" caption="Cap \"q\"" width="640" >}} and {{< youtube dQw4w9WgXcQ >}}"#,
        );
        assert!(out.text.contains(r#"<!--quire:html--><figure><img src="/a.png" alt="Cap &quot;q&quot;" width="640" loading="lazy"><figcaption><strong>T</strong> Cap &quot;q&quot;</figcaption></figure>"#), "{}", out.text);
        assert!(
            out.text.contains(r#"data-embed="youtube:dQw4w9WgXcQ""#),
            "{}",
            out.text
        );
        assert_eq!(
            run(r#"[x]({{< ref "other.md" >}})"#).text,
            "[x](/posts/other/)"
        );
        assert_eq!(run(r#"By {{< param author >}}."#).text, "By Ann.");
        let code = run(
            "{{< highlight go \"linenos=table,hl_lines=8 15-17\" >}}\nfunc main() {}\n{{< /highlight >}}",
        );
        assert!(
            code.text
                .contains("```go {linenos=\"table\" hl_lines=\"8 15-17\"}\nfunc main() {}\n```"),
            "{}",
            code.text
        );
    }

    #[test]
    fn unknown_shortcodes_keep_their_inner_content_and_are_reported() {
        let out =
            run("{{< note >}}Keep *this*.{{< /note >}} {{% tldr %}}Short.{{% /tldr %}} {{< ad >}}");
        assert_eq!(out.text, "Keep *this*. Short. ");
        let names: Vec<&str> = out.unknown.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["note", "tldr", "ad"]);
    }

    #[test]
    fn escaped_shortcodes_are_shown_and_broken_refs_reported() {
        assert_eq!(
            run(r#"{{</* figure src="x" */>}}"#).text,
            r#"{{< figure src="x" >}}"#
        );
        let out = run(r#"{{< relref "missing.md#part" >}}"#);
        assert_eq!(out.broken_refs, [("missing.md#part".to_owned(), 0)]);
    }

    /// DLatreyte's exercise `note` holds a warning `note`: the outer one
    /// ended at the inner one's closing, and its own showed as text.
    #[test]
    fn a_shortcode_inside_the_same_shortcode_closed_the_outer_one() {
        let expanded = run(
            "{{% details \"Outer\" %}}\nBefore.\n{{% details \"Inner\" %}}In.{{% /details %}}\nAfter.\n{{% /details %}}\nNext.",
        );
        assert!(!expanded.text.contains("{{"), "{}", expanded.text);
        assert_eq!(
            expanded.text.matches("<details").count(),
            2,
            "{}",
            expanded.text
        );
        let outer_end = expanded.text.rfind("</details>").unwrap();
        assert!(
            expanded.text.find("After.").unwrap() < outer_end,
            "{}",
            expanded.text
        );
        assert!(
            expanded.text.find("Next.").unwrap() > outer_end,
            "{}",
            expanded.text
        );
        // Hugo closes a shortcode with another's closing tag the page used
        // before, unless that closes one opened inside.
        let mismatched = run(
            "{{% details \"A\" %}}a{{% /details %}}\n{{% details \"B\" %}}b{{% /DETAILS %}}\n{{% collapse \"C\" %}}c{{% details \"D\" %}}d{{% /details %}}e{{% /details %}}f",
        );
        assert!(!mismatched.text.contains("{{"), "{}", mismatched.text);
        assert!(mismatched.text.ends_with('f'), "{}", mismatched.text);
        // A closing too many still closes the first.
        let unbalanced = run("{{% details \"A\" %}}x{{% details \"B\" %}}y{{% /details %}}z");
        assert_eq!(
            unbalanced.text.matches("<details").count(),
            2,
            "{}",
            unbalanced.text
        );
    }

    /// aatmunbaxi's ox-hugo captions showed their `<span>` and `*` as text.
    #[test]
    fn a_figures_caption_was_not_markdown() {
        let out = run(
            r#"{{< figure src="/a.png" caption="<span class=\"figure-number\">Figure 1: </span>Demo of *our* `state`" >}}"#,
        );
        assert!(
            out.text.contains(r#"alt="Figure 1: Demo of our state""#),
            "{}",
            out.text
        );
        assert!(
            out.text.contains(
                "<figcaption>Figure 1: Demo of <em>our</em> <code>state</code></figcaption>"
            ),
            "{}",
            out.text
        );
    }

    #[test]
    fn details_wrap_markdown() {
        let out = run("{{< details summary=\"More\" >}}\n**Bold** inside.\n{{< /details >}}");
        assert!(
            out.text.contains("<details><summary>More</summary>"),
            "{}",
            out.text
        );
        assert!(out.text.contains("**Bold** inside."), "{}", out.text);
        assert!(out.text.contains("</details>"), "{}", out.text);
    }
}
