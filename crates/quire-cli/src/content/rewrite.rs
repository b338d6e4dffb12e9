//! Changes to a page's Markdown that need the whole site, made at build
//! time so the app never needs them: a link to another content file
//! (`[next](other-post.md)`, `../bundle/index.md`) becomes the address that
//! page is published at, as Hugo's render hooks and `ref` make it; an image
//! that only the static folder has, at the root, is written from there; on
//! a site whose theme sets `<base href>` to its root, relative links and
//! images (raw HTML's too) are written from the root; on a site with
//! `enableEmoji`, `:smile:` becomes 😄; on a page with math, formulas
//! between other marks (`\(x\)`, Hugo's passthrough delimiters) are written
//! `$x$` and `$$x$$`, the marks the renderer reads. Code is left as it is,
//! and so is HTML, but for its links on a site whose base is its root.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use quire_core::{
    hugo::MathDelimiter,
    markdown::{math_parser_options, parser_options},
    math::MarkFinder,
    route::{decode_path, encode_path},
};

/// What the rewrites need from the site. Links are written from the site
/// root (`/2024/04/b/`); the Markdown renderer adds the site's sub-path.
pub(super) struct Rewrites<'a> {
    /// The folder of the page's file below the content folder: `posts/a`.
    pub(super) folder: &'a str,
    /// The address (below the site root) of the page whose file is at a
    /// path below the content folder, if it is published.
    pub(super) address_of: &'a dyn Fn(&str) -> Option<String>,
    /// Whether `:name:` emoji codes become emoji (Hugo's `enableEmoji`).
    pub(super) emoji: bool,
    /// The marks around math to write as `$…$`; none on a page without math.
    pub(super) math: &'a [MathDelimiter],
    /// Whether the TeX of `$…$` and `$$…$$` was written with Markdown's
    /// escapes, which are taken out (see `MathSettings::dollar_escaped`).
    pub(super) dollar_math_escaped: bool,
    /// The path from the site root of an image named by a relative path
    /// (decoded) that is not beside the page but in the static folder at
    /// the root, where a theme's `<base href>` or render hook finds it.
    pub(super) site_file: &'a dyn Fn(&str) -> Option<String>,
    /// Whether relative links and images lead from the site root (the
    /// site's templates set `<base href>` to it), not from the page.
    pub(super) from_root: bool,
    /// Whether a relative path (decoded) names a file beside the page, in
    /// its bundle: such a link keeps leading there.
    pub(super) beside_page: &'a dyn Fn(&str) -> bool,
}

/// The content files a link may name, by extension.
const CONTENT_EXTENSIONS: [&str; 4] = [".md", ".markdown", ".mdown", ".html"];

/// `markdown` with its links to content files and, when enabled, its emoji
/// codes rewritten; and a warning for each link to a content file that
/// names no page or could not be rewritten.
pub(super) fn rewrite(markdown: &str, rules: &Rewrites<'_>) -> (String, Vec<String>) {
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut code: Vec<Range<usize>> = Vec::new();
    let mut warnings = Vec::new();
    let mut code_block_start = None;
    for (event, range) in Parser::new_ext(markdown, parser_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => code_block_start = Some(range.start),
            Event::End(TagEnd::CodeBlock) => {
                code.push(code_block_start.take().unwrap_or(range.start)..range.end);
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                if rules.from_root {
                    edits.extend(html_urls_from_root(markdown, range.clone(), rules));
                }
                code.push(range);
            }
            Event::Code(_) => code.push(range),
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if rules.from_root && content_file(&dest_url).is_none() =>
            {
                let written = &markdown[range.clone()];
                if let (Some(at), true) = (
                    inline_destination(written, &dest_url),
                    leads_from_root(&dest_url, rules),
                ) {
                    edits.push((
                        range.start + at..range.start + at + dest_url.len(),
                        written_from_root(&dest_url),
                    ));
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) if content_file(&dest_url).is_none() => {
                edits.extend(image_from_root(markdown, range, &dest_url, rules));
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                let Some(target) = content_file(&dest_url) else {
                    continue;
                };
                let Some(address) = (rules.address_of)(&joined(rules.folder, target.path)) else {
                    warnings.push(format!(
                        "the link to `{dest_url}` names no page of the site; it is left as written"
                    ));
                    continue;
                };
                let written = &markdown[range.clone()];
                if !written.starts_with('[') && !written.starts_with("![") {
                    continue;
                }
                match inline_destination(written, &dest_url) {
                    Some(at) => edits.push((
                        range.start + at..range.start + at + dest_url.len(),
                        format!("/{}{}", encode_path(&address), target.rest),
                    )),
                    // A reference link: its definition is rewritten below.
                    None if written.ends_with(']') => {}
                    None => warnings.push(format!(
                        "the link to `{dest_url}` could not be rewritten to its page's address; write it without escapes or angle brackets"
                    )),
                }
            }
            _ => {}
        }
    }
    edits.extend(reference_definitions(markdown, rules, &code));
    // Before emoji: a formula is not prose.
    edits.extend(math_marks(markdown, rules.math, &code));
    if rules.dollar_math_escaped {
        edits.extend(dollar_math_unescaped(markdown));
    }
    if rules.emoji {
        edits.extend(emoji(markdown, &code));
    }
    edits.sort_by_key(|(range, _)| range.start);
    edits.dedup_by_key(|(range, _)| range.start);
    let mut out = String::with_capacity(markdown.len());
    let mut done = 0;
    for (range, text) in edits {
        if range.start < done {
            continue;
        }
        out.push_str(&markdown[done..range.start]);
        out.push_str(&text);
        done = range.end;
    }
    out.push_str(&markdown[done..]);
    warnings.sort();
    warnings.dedup();
    (out, warnings)
}

/// Whether a link's destination is relative to the page's folder: no
/// scheme, and not from the root, a fragment or a query alone.
fn is_relative(url: &str) -> bool {
    let scheme = url
        .split(['/', '?', '#'])
        .next()
        .is_some_and(|first| first.contains(':'));
    !url.is_empty() && !scheme && !url.starts_with(['/', '#', '?'])
}

/// A relative link written from the site root: `blog/a/?x#y` is
/// `/blog/a/?x#y`, `./a/../b.png` is `/b.png`.
fn written_from_root(url: &str) -> String {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    let (path, rest) = url.split_at(end);
    let folder = if path.ends_with('/') { "/" } else { "" };
    match joined("", path) {
        joined if joined.is_empty() => format!("/{rest}"),
        joined => format!("/{joined}{folder}{rest}"),
    }
}

/// A relative link's path (decoded, without a leading `./`) and what
/// follows it (`?…`, `#…`); `None` for a link that is not relative.
fn relative_path(url: &str) -> Option<(String, &str)> {
    if !is_relative(url) {
        return None;
    }
    let end = url.find(['?', '#']).unwrap_or(url.len());
    let (path, rest) = url.split_at(end);
    Some((decode_path(path.trim_start_matches("./")), rest))
}

/// Whether a link leads from the site root on a site whose base is its
/// root: relative, and not to a file beside the page.
fn leads_from_root(url: &str, rules: &Rewrites<'_>) -> bool {
    relative_path(url).is_some_and(|(path, _)| !(rules.beside_page)(&path))
}

/// The relative `src` and `href` values of raw HTML, written from the
/// site root.
fn html_urls_from_root(
    markdown: &str,
    range: Range<usize>,
    rules: &Rewrites<'_>,
) -> Vec<(Range<usize>, String)> {
    static ATTRIBUTE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let Some(attribute) = ATTRIBUTE
        .get_or_init(|| regex::Regex::new(r#"(?i)\s(?:src|href)\s*=\s*"([^"]*)""#).ok())
        .as_ref()
    else {
        return Vec::new();
    };
    let html = &markdown[range.clone()];
    attribute
        .captures_iter(html)
        .filter_map(|found| found.get(1))
        .filter(|url| leads_from_root(url.as_str(), rules))
        .map(|url| {
            (
                range.start + url.start()..range.start + url.end(),
                written_from_root(url.as_str()),
            )
        })
        .collect()
}

/// An inline image named by a relative path that only the static folder
/// has, at the site root: its destination written from the root.
fn image_from_root(
    markdown: &str,
    range: Range<usize>,
    dest_url: &str,
    rules: &Rewrites<'_>,
) -> Option<(Range<usize>, String)> {
    let (path, rest) = relative_path(dest_url)?;
    let from_root = (rules.site_file)(&path)?;
    let at = inline_destination(&markdown[range.clone()], dest_url)?;
    Some((
        range.start + at..range.start + at + dest_url.len(),
        format!("/{}{rest}", encode_path(&from_root)),
    ))
}

/// Where an inline link's destination starts in the link as written
/// (`[text](url "title")`, `[text](<url>)`): after the last `](` that the
/// URL follows.
fn inline_destination(written: &str, url: &str) -> Option<usize> {
    written
        .match_indices("](")
        .filter_map(|(at, _)| {
            let after = at + 2;
            let rest = &written[after..];
            let trimmed = rest.trim_start();
            let trimmed = trimmed.strip_prefix('<').unwrap_or(trimmed);
            let skipped = rest.len() - trimmed.len();
            trimmed.starts_with(url).then_some(after + skipped)
        })
        .last()
}

/// A link to a content file: its path and what follows it (`#part`).
struct ContentLink<'a> {
    path: &'a str,
    rest: &'a str,
}

/// The content file a link names, if it names one (no scheme, a content
/// file's extension before any `#` or `?`).
fn content_file(url: &str) -> Option<ContentLink<'_>> {
    if url.contains("://") || url.starts_with("//") || url.starts_with("mailto:") {
        return None;
    }
    let end = url.find(['#', '?']).unwrap_or(url.len());
    let (path, rest) = url.split_at(end);
    let lower = path.to_ascii_lowercase();
    CONTENT_EXTENSIONS
        .iter()
        .any(|extension| lower.ends_with(extension))
        .then_some(ContentLink { path, rest })
}

/// A link's path below the content folder: from the content folder when it
/// starts with `/`, else from the page's folder, `.` and `..` resolved.
pub(super) fn joined(folder: &str, path: &str) -> String {
    let mut parts: Vec<&str> = if path.starts_with('/') {
        Vec::new()
    } else {
        folder.split('/').filter(|part| !part.is_empty()).collect()
    };
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    parts.join("/")
}

/// Reference definitions (`[next]: other-post.md`) that name a content file.
fn reference_definitions(
    markdown: &str,
    rules: &Rewrites<'_>,
    code: &[Range<usize>],
) -> Vec<(Range<usize>, String)> {
    let mut edits = Vec::new();
    let mut offset = 0;
    for line in markdown.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let in_code = code.iter().any(|range| range.contains(&offset));
        if !in_code
            && trimmed.starts_with('[')
            && let Some(close) = trimmed.find("]:")
        {
            let after = &trimmed[close + 2..];
            let url = after.split_whitespace().next().unwrap_or_default();
            if let Some(target) = content_file(url)
                && let Some(address) = (rules.address_of)(&joined(rules.folder, target.path))
            {
                let start = offset
                    + (line.len() - trimmed.len())
                    + close
                    + 2
                    + after.find(url).unwrap_or(0);
                edits.push((
                    start..start + url.len(),
                    format!("/{}{}", encode_path(&address), target.rest),
                ));
            }
        }
        offset += line.len();
    }
    edits
}

/// Formulas between `delimiters` outside code, each written between
/// dollar signs. A formula that holds a dollar sign, or an opening mark
/// never closed, is left as written.
fn math_marks(
    markdown: &str,
    delimiters: &[MathDelimiter],
    code: &[Range<usize>],
) -> Vec<(Range<usize>, String)> {
    let mut edits = Vec::new();
    let is_code = |position: usize| code.iter().any(|range| range.contains(&position));
    let mut finder = MarkFinder::new(
        markdown,
        delimiters
            .iter()
            .map(|delimiter| delimiter.open.as_str())
            .collect(),
    );
    let mut at = 0;
    while let Some((found, which)) = finder.next(at) {
        let delimiter = &delimiters[which];
        let inner_start = found + delimiter.open.len();
        at = inner_start;
        if is_code(found) {
            continue;
        }
        // `\\[…\\]` on a site whose marks are `\[…\]`: written for
        // Markdown's escapes (as on a site without passthrough, where the
        // page's script reads `\[` once Markdown took one backslash out).
        let doubled = delimiter.open.starts_with('\\')
            && !delimiter.escaped
            && markdown[..found].ends_with('\\');
        let (start, close) = if doubled {
            (found - 1, format!("\\{}", delimiter.close))
        } else {
            (found, delimiter.close.clone())
        };
        let Some(length) = markdown[inner_start..].find(&close) else {
            if !doubled {
                // No later mark of this kind closes either.
                finder.retire(which);
            }
            continue;
        };
        let written = &markdown[inner_start..inner_start + length];
        let tex = if delimiter.escaped || doubled {
            unescape(written)
        } else {
            written.to_owned()
        };
        if tex.trim().is_empty() || tex.contains('$') || tex.contains("\n\n") {
            continue;
        }
        let end = inner_start + length + close.len();
        // The lines stay as they are: a formula inside a quote or a list
        // keeps the `>` or indent that starts each of its lines.
        let formula = if delimiter.display {
            format!("$${tex}$$")
        } else {
            // `$ x $` is not math: no space may follow or precede the marks.
            format!("${}$", tex.trim())
        };
        edits.push((start..end, formula));
        at = end;
    }
    edits
}

/// Each `$…$` and `$$…$$` whose TeX has Markdown's escapes, with them
/// taken out, found as the renderer finds them. One that would then hold
/// a dollar sign stays as written.
fn dollar_math_unescaped(markdown: &str) -> Vec<(Range<usize>, String)> {
    Parser::new_ext(markdown, math_parser_options())
        .into_offset_iter()
        .filter_map(|(event, range)| {
            let (tex, marks) = match event {
                Event::InlineMath(tex) => (tex, "$"),
                Event::DisplayMath(tex) => (tex, "$$"),
                _ => return None,
            };
            let unescaped = unescape(&tex);
            (unescaped != *tex && !unescaped.contains('$'))
                .then(|| (range, format!("{marks}{unescaped}{marks}")))
        })
        .collect()
}

/// Markdown's backslash escapes taken out (`\_` is `_`, `\\` is `\`).
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(next) if c == '\\' && next.is_ascii_punctuation() => {
                out.push(*next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// `:name:` emoji codes outside code, each with its emoji.
fn emoji(markdown: &str, code: &[Range<usize>]) -> Vec<(Range<usize>, String)> {
    let mut edits = Vec::new();
    let bytes = markdown.as_bytes();
    let mut at = 0;
    while let Some(found) = markdown[at..].find(':') {
        let start = at + found;
        let name_end = markdown[start + 1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '+' | '-')))
            .map_or(markdown.len(), |end| start + 1 + end);
        let is_code = |position: usize| code.iter().any(|range| range.contains(&position));
        if name_end > start + 1
            && bytes.get(name_end) == Some(&b':')
            && !is_code(start)
            && let Some(emoji) = emojis::get_by_shortcode(&markdown[start + 1..name_end])
        {
            edits.push((start..name_end + 1, emoji.as_str().to_owned()));
            at = name_end + 1;
            continue;
        }
        at = start + 1;
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules<'a>(address_of: &'a dyn Fn(&str) -> Option<String>) -> Rewrites<'a> {
        Rewrites {
            folder: "posts/first",
            address_of,
            emoji: true,
            math: &[],
            dollar_math_escaped: false,
            site_file: &|path| (path == "images/2021/12/prompt.png").then(|| path.to_owned()),
            from_root: false,
            beside_page: &|path| path == "chart.svg",
        }
    }

    #[test]
    fn relative_links_of_a_site_whose_base_is_its_root_led_from_the_page() {
        // basilesimon.fr's theme sets `<base href>` to the site root: its
        // `![](assets/tsne.svg)`, `[rides](blog/strava)` and raw
        // `<img src="assets/…">` come from there.
        let rules = Rewrites {
            from_root: true,
            ..rules(&addresses)
        };
        let (out, _) = rewrite(
            "![t-SNE](assets/tsne.svg) ![chart](chart.svg) [rides](blog/strava \"Rides\") [top](#top) [out](https://x.org/a) [two](../second.md)\n\n<img src=\"assets/split.png\" alt=\"\"> <a href=\"mailto:a@b.c\">mail</a>\n",
            &rules,
        );
        assert_eq!(
            out,
            "![t-SNE](/assets/tsne.svg) ![chart](chart.svg) [rides](/blog/strava \"Rides\") [top](#top) [out](https://x.org/a) [two](/2024/04/second/)\n\n<img src=\"/assets/split.png\" alt=\"\"> <a href=\"mailto:a@b.c\">mail</a>\n"
        );
    }

    #[test]
    fn an_image_only_the_static_folder_has_was_broken() {
        // blog.melroy.org: `images/2021/12/…` in a post that is not a
        // bundle, found by its theme's `<base href>` at the site root.
        let (out, _) = rewrite(
            "![The prompt](images/2021/12/prompt.png \"A prompt\") and ![a tank](tank.png).\n",
            &rules(&addresses),
        );
        assert_eq!(
            out,
            "![The prompt](/images/2021/12/prompt.png \"A prompt\") and ![a tank](tank.png).\n"
        );
    }

    fn addresses(path: &str) -> Option<String> {
        match path {
            "posts/second.md" => Some("2024/04/second/".into()),
            "posts/third/index.md" => Some("2024/05/third/".into()),
            _ => None,
        }
    }

    #[test]
    fn links_to_content_files_lead_to_their_pages() {
        let (out, unknown) = rewrite(
            "See [two](../second.md#part), [three](/posts/third/index.md) and [gone](nope.md).\n\n[ref]: ../second.md\n",
            &rules(&addresses),
        );
        assert_eq!(
            out,
            "See [two](/2024/04/second/#part), [three](/2024/05/third/) and [gone](nope.md).\n\n[ref]: /2024/04/second/\n"
        );
        assert_eq!(
            unknown,
            ["the link to `nope.md` names no page of the site; it is left as written"]
        );
    }

    #[test]
    fn the_destination_is_rewritten_not_the_words_and_code_is_left_alone() {
        let (out, warnings) = rewrite(
            "[../second.md](../second.md) and\n\n```\n[ref]: ../second.md\n```\n",
            &rules(&addresses),
        );
        assert_eq!(
            out,
            "[../second.md](/2024/04/second/) and\n\n```\n[ref]: ../second.md\n```\n"
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        let (out, warnings) = rewrite("[x](<../second.md>)\n", &rules(&addresses));
        assert_eq!(out, "[x](</2024/04/second/>)\n");
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn addresses_are_written_percent_encoded() {
        let odd = |_: &str| Some("c#-tips/my notes/".to_owned());
        let (out, _) = rewrite("[x](../second.md)\n", &rules(&odd));
        assert_eq!(out, "[x](/c%23-tips/my%20notes/)\n");
    }

    #[test]
    fn emoji_codes_become_emoji_outside_code() {
        let (out, _) = rewrite(
            "Done :rocket: at 10:30:00 `:rocket:`\n\n```\n:smile:\n```\n:not_an_emoji_name:\n",
            &rules(&addresses),
        );
        assert_eq!(
            out,
            "Done 🚀 at 10:30:00 `:rocket:`\n\n```\n:smile:\n```\n:not_an_emoji_name:\n"
        );
    }

    #[test]
    fn math_between_other_marks_is_written_between_dollar_signs() {
        let passthrough = [
            MathDelimiter {
                open: "\\[".into(),
                close: "\\]".into(),
                display: true,
                escaped: false,
            },
            MathDelimiter {
                open: "\\(".into(),
                close: "\\)".into(),
                display: false,
                escaped: false,
            },
        ];
        let rules = Rewrites {
            math: &passthrough,
            ..rules(&addresses)
        };
        let (out, _) = rewrite(
            "Inline \\( a_1 + b \\) and :rocket:\n\n\\[\nx^2\n\\]\n\n`\\(code\\)` \\(never closed\n",
            &rules,
        );
        assert_eq!(
            out,
            "Inline $a_1 + b$ and 🚀\n\n$$\nx^2\n$$\n\n`\\(code\\)` \\(never closed\n"
        );
    }

    #[test]
    fn marks_written_for_markdowns_escapes_on_a_passthrough_site_showed_dollar_signs() {
        // liubang's blog (DoIt, passthrough `\[…\]`) writes `\\[…\\]`: Quire
        // turned the inner `\[` into `$$` and left `\$$`, an escaped dollar.
        let passthrough = [MathDelimiter {
            open: "\\[".into(),
            close: "\\]".into(),
            display: true,
            escaped: false,
        }];
        let rules = Rewrites {
            math: &passthrough,
            ..rules(&addresses)
        };
        let (out, _) = rewrite("\\\\[\nq \\in \\left\\\\{0, 3\\right\\\\}\n\\\\]\n", &rules);
        assert_eq!(out, "$$\nq \\in \\left\\{0, 3\\right\\}\n$$\n");
    }

    /// A real PaperMod blog wrote `$$\\begin{aligned} x &= y \\\\ …$$` for
    /// KaTeX, which reads what Goldmark left; Quire read `\\begin` as a
    /// line break and showed the formula as TeX.
    #[test]
    fn dollar_math_of_a_hugo_site_loses_markdowns_escapes_as_goldmark_took_them_out() {
        let escaped = Rewrites {
            dollar_math_escaped: true,
            ..rules(&addresses)
        };
        let (out, _) = rewrite(
            r"$$\\begin{aligned} a\_1 &= b \\\\ c \\end{aligned}$$

and $x\_1$, $y$, a price of $12 and \$5, `$a\_b$`
",
            &escaped,
        );
        assert_eq!(
            out,
            r"$$\begin{aligned} a_1 &= b \\ c \end{aligned}$$

and $x_1$, $y$, a price of $12 and \$5, `$a\_b$`
"
        );
        // Quire's own sites write TeX as it is.
        let (out, _) = rewrite(r"$x\_1$", &rules(&addresses));
        assert_eq!(out, r"$x\_1$");
    }

    #[test]
    fn escaped_marks_lose_markdowns_escapes_inside() {
        let defaults = quire_core::hugo::MathSettings::default();
        let rules = Rewrites {
            math: &defaults.delimiters,
            ..rules(&addresses)
        };
        let (out, _) = rewrite(
            "So \\\\(x\\_1 \\\\\\\\ y\\\\) and \\\\[\\sum\\\\]\n",
            &rules,
        );
        assert_eq!(out, "So $x_1 \\\\ y$ and $$\\sum$$\n");
        // An inline formula may start and end on lines of its own.
        let (out, _) = rewrite("a \\\\(\nx\n\\\\) b\n", &rules);
        assert_eq!(out, "a $x$ b\n");
        // Inside a quote, each line keeps its `>`.
        let (out, _) = rewrite("> Sum \\\\[\n> \\gamma\n> \\\\]\n", &rules);
        assert_eq!(out, "> Sum $$\n> \\gamma\n> $$\n");
    }

    #[test]
    fn links_outside_the_content_are_left_alone() {
        let text = "[site](https://example.org/a.md) [page](/about/) [file](notes.txt)\n";
        assert_eq!(rewrite(text, &rules(&addresses)).0, text);
    }
}
