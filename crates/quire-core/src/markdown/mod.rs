//! Markdown to HTML, as the reader app renders post bodies.
//!
//! A thin, documented wrapper around pulldown-cmark that adds what a blog
//! needs and CommonMark leaves out: heading ids, footnote links that work
//! under a `<base>` element, lazy images, URLs resolved against the post's
//! folder and the site's sub-path, and safety. Post bodies are rendered with
//! `inner_html`, so nothing an author (or an attacker who gets a file into
//! `content/`) writes may run: raw HTML is shown as text except for a short
//! list of harmless inline tags (kept balanced within their block), heading
//! attribute blocks keep only their `{#id}`, and only `http`, `https`,
//! `mailto` and `tel` URLs survive. The result is a [`SafeHtml`].
//!
//! What needs a large library is done by the build tool and travels beside
//! the body as a [`Prepared`]: code blocks highlighted, TeX math written as
//! MathML. The renderer only places it, through the sanitiser.

use std::{collections::HashMap, ops::Range};

use pulldown_cmark::{
    Alignment, BlockQuoteKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd,
    html as cmark_html,
};

use crate::{
    html,
    html::{
        SafeHtml, is_safe_url,
        sanitize::{
            BlockSanitizer, CONTENT, INLINE_TAGS, InlineSanitizer, MATHML, sanitize,
            sanitize_resolving,
        },
    },
    manifest::RawHtml,
    slug::{heading_id, slugify},
};

mod code;
mod linkify;

pub use code::{CodeFence, HighlightedCode};

/// The page a body is rendered for: where its relative URLs point, and
/// what becomes of the raw HTML its author wrote.
#[derive(Debug, Clone, Copy)]
pub struct PageContext<'a> {
    /// The path the site is served under, with a trailing slash: `/` or `/blog/`.
    pub site_root: &'a str,
    /// The post's own path below the site root, with a trailing slash: `posts/cap-theorem/`.
    pub page_path: &'a str,
    /// The site's rule for raw HTML.
    pub raw_html: RawHtml,
}

/// Opens HTML that Quire's build wrote into a body (expanded shortcodes):
/// it is kept, through the [`CONTENT`] policy, whatever the site's rule for
/// an author's raw HTML. An author who writes it gets no more than the
/// sanitiser allows.
pub const GENERATED_HTML: &str = "<!--quire:html-->";

/// A heading of the rendered post, for anchors and tables of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1 for `#`, 2 for `##`, …
    pub level: u8,
    /// The element id, unique within the post.
    pub id: String,
    /// The heading's plain text (a formula as its TeX).
    pub text: String,
    /// The heading's words as the table of contents shows them: the text,
    /// with inline code as code and formulas drawn as in the heading.
    pub title: SafeHtml,
}

/// The HTML of a post body and what was found while rendering it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The body, ready for `inner_html` or a page.
    pub html: SafeHtml,
    /// Every heading in document order.
    pub headings: Vec<Heading>,
}

/// What the build tool prepares for a body so that the app need not carry
/// a highlighter or a TeX engine; written beside the body as JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Prepared {
    /// The i-th code block's highlighting ([`code_blocks`] order); `None`
    /// for a language the build does not know, which stays plain.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub code: Vec<Option<HighlightedCode>>,
    /// The i-th formula ([`math_spans`] order) as a MathML `<math>`
    /// element; `None` where the TeX could not be read, which is shown as
    /// written. Empty on a page without math, whose `$` signs are text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub math: Vec<Option<String>>,
    /// The Markdown images' widths and heights in pixels, two numbers an
    /// image ([`image_sources`] order), read from their files, so that the
    /// page keeps its place while they load; `0, 0` for one the build could
    /// not read (another site's). Empty on a page without such images.
    /// (Plain numbers: the app reads them with the code it has.)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<u32>,
}

impl Prepared {
    /// The i-th Markdown image's width and height, if the build read them.
    fn image_size(&self, image: usize) -> Option<(u32, u32)> {
        match self.images.get(2 * image..2 * image + 2)? {
            [0, _] | [_, 0] => None,
            [width, height] => Some((*width, *height)),
            _ => None,
        }
    }

    /// The parser options for the body this was prepared for: `$…$` and
    /// `$$…$$` are math only on a page the build found math in.
    pub fn parser_options(&self) -> Options {
        if self.math.is_empty() {
            parser_options()
        } else {
            math_parser_options()
        }
    }
}

/// [`parser_options`] with `$…$` and `$$…$$` read as math, for pages that
/// have math.
pub fn math_parser_options() -> Options {
    parser_options() | Options::ENABLE_MATH
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
        | Options::ENABLE_GFM
}

/// Renders a page's body: Markdown, or HTML (an `.html` content file,
/// which passes the [`CONTENT`] sanitiser), with what the build prepared.
pub fn render_body(
    text: &str,
    is_html: bool,
    base: PageContext<'_>,
    prepared: &Prepared,
) -> Rendered {
    if is_html {
        let html = sanitize_resolving(text, &CONTENT, &|url| resolve_url(url, base));
        Rendered {
            html: place_formulas(html, prepared),
            headings: Vec::new(),
        }
    } else {
        render_prepared(text, base, prepared)
    }
}

/// Renders a post body to safe HTML, code blocks uncoloured and `$` signs
/// as text.
pub fn render(markdown: &str, base: PageContext<'_>) -> Rendered {
    render_prepared(markdown, base, &Prepared::default())
}

/// Renders a post body to safe HTML with what the build prepared: its
/// code blocks' highlighting and its formulas (missing entries stay plain).
pub fn render_prepared(markdown: &str, base: PageContext<'_>, prepared: &Prepared) -> Rendered {
    render_as(markdown, base, prepared, Surface::Page)
}

/// Renders a post body for a feed reader: no heading anchors, copy buttons
/// or colours, which only the site's pages can make work; math as MathML.
pub fn render_for_feed(markdown: &str, base: PageContext<'_>, prepared: &Prepared) -> Rendered {
    render_as(markdown, base, prepared, Surface::Feed)
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
    base: PageContext<'_>,
    prepared: &Prepared,
    surface: Surface,
) -> Rendered {
    let (events, places): (Vec<Event<'_>>, Vec<Range<usize>>) =
        Parser::new_ext(markdown, prepared.parser_options())
            .into_offset_iter()
            .unzip();
    let mut ids = HashMap::new();
    let headings = collect_headings(markdown, &events, &places, prepared, &mut ids);
    let mut footnotes = Footnotes::number(&events, &mut ids);
    let page_url = format!("{}{}", base.site_root, base.page_path);

    let mut out: Vec<Event<'_>> = Vec::with_capacity(events.len());
    let mut heading_index = 0;
    let mut code_index = 0;
    let mut math_index = 0;
    let mut image_index = 0;
    // Markdown nesting, for keeping an author's inline tags inside the block
    // they were opened in.
    let mut depth = 0_usize;
    let mut inline_html = InlineSanitizer::default();
    let mut block_html = BlockSanitizer::default();
    // For each open link: whether it was kept (an unsafe URL drops the link
    // but keeps its words, which go through this same loop).
    let mut links: Vec<bool> = Vec::new();
    let mut table = Table::default();
    let mut events = events.into_iter();
    while let Some(event) = events.next() {
        let is_display_math = matches!(event, Event::DisplayMath(_));
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                let closing = inline_html.close_inside(depth);
                if !closing.is_empty() {
                    out.push(Event::InlineHtml(closing.into_string().into()));
                }
                depth -= 1;
            }
            _ => {}
        }
        match event {
            // Of a heading's `{…}` attribute block only the `{#id}` is kept:
            // classes and attributes could hook the app's own buttons, style
            // the page or run script.
            Event::Start(Tag::Heading { level, .. }) => {
                let id = headings[heading_index].id.clone();
                heading_index += 1;
                out.push(Event::Start(Tag::Heading {
                    level,
                    id: Some(id.into()),
                    classes: Vec::new(),
                    attrs: Vec::new(),
                }));
            }
            Event::End(TagEnd::Heading(level)) if surface == Surface::Page => {
                let heading = &headings[heading_index - 1];
                // A link to the section, which the app also copies to the clipboard.
                let anchor = html!(
                    r#" <a class="heading-anchor" href="{}#{}" aria-label="Link to the section {}">#</a>"#,
                    page_url,
                    heading.id,
                    heading.text
                );
                out.push(Event::InlineHtml(anchor.into_string().into()));
                out.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                depth -= 1;
                let mut text = String::new();
                for inner in events.by_ref() {
                    match inner {
                        Event::End(TagEnd::CodeBlock) => break,
                        Event::Text(part) => text.push_str(&part),
                        _ => {}
                    }
                }
                let highlighted = prepared.code.get(code_index).and_then(Option::as_ref);
                code_index += 1;
                let html = match surface {
                    Surface::Page => code::block_html(&text, &CodeFence::of(&kind), highlighted),
                    Surface::Feed => html!("<pre><code>{}</code></pre>\n", text),
                };
                out.push(Event::Html(html.into_string().into()));
            }
            Event::Start(Tag::HtmlBlock) => {
                depth -= 1;
                let mut raw = String::new();
                for inner in events.by_ref() {
                    match inner {
                        Event::End(TagEnd::HtmlBlock) => break,
                        Event::Html(part) | Event::Text(part) => raw.push_str(&part),
                        _ => {}
                    }
                }
                let html = if raw.contains(GENERATED_HTML) || base.raw_html == RawHtml::Sanitize {
                    block_html.block(&raw, &CONTENT, &|url| resolve_url(url, base))
                } else if is_only_comments(&raw) || base.raw_html == RawHtml::Omit {
                    SafeHtml::empty()
                } else {
                    html!("<pre class=\"raw-html\"><code>{}</code></pre>\n", raw)
                };
                if !html.is_empty() {
                    out.push(Event::Html(html.into_string().into()));
                }
            }
            Event::Html(raw) | Event::InlineHtml(raw) => {
                let policy = match base.raw_html {
                    RawHtml::Sanitize => &CONTENT,
                    _ => &INLINE_TAGS,
                };
                match inline_html.tag(&raw, depth, policy, &|url| resolve_url(url, base)) {
                    Some(kept) => out.push(Event::InlineHtml(kept.into_string().into())),
                    None if is_only_comments(&raw) || base.raw_html != RawHtml::Escape => {}
                    None => out.push(Event::Text(raw)),
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                // An email autolink's address is no path: the writer puts
                // `mailto:` before it.
                let url = if link_type == LinkType::Email {
                    Some(dest_url.to_string())
                } else {
                    resolve_url(&dest_url, base)
                };
                links.push(url.is_some());
                if let Some(url) = url {
                    out.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url: url.into(),
                        title,
                        id,
                    }));
                }
            }
            Event::End(TagEnd::Link) => {
                if links.pop().unwrap_or(false) {
                    out.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                depth -= 1;
                let alt = take_image_alt(&mut events, &mut math_index);
                let size = prepared.image_size(image_index);
                image_index += 1;
                match resolve_url(&dest_url, base) {
                    Some(src) => out.push(Event::InlineHtml(
                        image_html(&src, &alt, &title, size).into_string().into(),
                    )),
                    None => out.push(Event::Text(alt.into())),
                }
            }
            Event::InlineMath(tex) | Event::DisplayMath(tex) => {
                let mathml = prepared.math.get(math_index).and_then(Option::as_deref);
                math_index += 1;
                let html = formula_html(&tex, is_display_math, mathml);
                out.push(Event::InlineHtml(html.into_string().into()));
            }
            Event::FootnoteReference(name) => {
                let (number, id, reference) = footnotes.reference(&name);
                let html = html!(
                    r#"<sup class="footnote-ref"><a href="{}#fn-{}" id="{}" aria-label="Footnote {}">{}</a></sup>"#,
                    page_url,
                    id,
                    reference,
                    number,
                    number
                );
                out.push(Event::InlineHtml(html.into_string().into()));
            }
            // marcus-crane's notes that nothing refers to showed, with a
            // back link to nowhere; Goldmark leaves them out.
            Event::Start(Tag::FootnoteDefinition(name)) if !footnotes.is_referenced(&name) => {
                depth -= 1;
                // What it holds keeps its place in the numbering of the
                // page's formulas, code blocks and headings.
                for inner in events.by_ref() {
                    match inner {
                        Event::End(TagEnd::FootnoteDefinition) => break,
                        Event::InlineMath(_) | Event::DisplayMath(_) => math_index += 1,
                        Event::Start(Tag::CodeBlock(_)) => code_index += 1,
                        Event::Start(Tag::Heading { .. }) => heading_index += 1,
                        Event::Start(Tag::Image { .. }) => image_index += 1,
                        _ => {}
                    }
                }
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                let (number, id) = footnotes.definition(&name);
                let html = html!(
                    r#"<div class="footnote-definition" id="fn-{}"><span class="footnote-label">{}.</span><a class="footnote-back" href="{}#fnref-{}" aria-label="Back to reference {}">↩</a>"#,
                    id,
                    number,
                    page_url,
                    id,
                    number
                );
                out.push(Event::Html(html.into_string().into()));
            }
            Event::End(TagEnd::FootnoteDefinition) => out.push(Event::Html("</div>\n".into())),
            // GitHub's alerts (`> [!NOTE]`), titled as GitHub and Hugo
            // themes title them.
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                let (class, title) = alert(kind);
                out.push(Event::Html(
                    html!(
                        r#"<blockquote class="alert alert-{}"><p class="alert-title">{}</p>"#,
                        class,
                        title
                    )
                    .into_string()
                    .into(),
                ));
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => {
                out.push(Event::Html("</blockquote>\n".into()));
            }
            // Column alignment as classes: pulldown-cmark writes it as a
            // `style` attribute, which the Content-Security-Policy refuses.
            Event::Start(Tag::Table(alignments)) => {
                table = Table {
                    alignments,
                    in_head: false,
                    cell: 0,
                };
                out.push(Event::Start(Tag::Table(Vec::new())));
            }
            Event::Start(Tag::TableHead) => {
                (table.in_head, table.cell) = (true, 0);
                out.push(Event::Start(Tag::TableHead));
            }
            Event::End(TagEnd::TableHead) => {
                table.in_head = false;
                out.push(Event::End(TagEnd::TableHead));
            }
            Event::Start(Tag::TableRow) => {
                table.cell = 0;
                out.push(Event::Start(Tag::TableRow));
            }
            Event::Start(Tag::TableCell) => {
                let element = if table.in_head { "th" } else { "td" };
                let class = match table.alignments.get(table.cell) {
                    Some(Alignment::Left) => " class=\"align-left\"",
                    Some(Alignment::Center) => " class=\"align-center\"",
                    Some(Alignment::Right) => " class=\"align-right\"",
                    _ => "",
                };
                table.cell += 1;
                out.push(Event::InlineHtml(format!("<{element}{class}>").into()));
            }
            // Formula marks are the build's, written only into HTML: one an
            // author wrote as a character reference is no mark.
            Event::Text(text) if text.contains([FORMULA_MARK, FORMULA_MARK_END]) => {
                out.push(Event::Text(
                    text.replace([FORMULA_MARK, FORMULA_MARK_END], "").into(),
                ));
            }
            // A bare address is a link, as Hugo's Goldmark makes it.
            Event::Text(text)
                if links.is_empty() && (text.contains("://") || text.contains("www.")) =>
            {
                for piece in linkify::pieces(&text) {
                    match piece {
                        linkify::Piece::Text(words) => {
                            out.push(Event::Text(words.to_owned().into()))
                        }
                        linkify::Piece::Link(shown, href) => {
                            out.push(Event::Start(Tag::Link {
                                link_type: LinkType::Autolink,
                                dest_url: href.into(),
                                title: "".into(),
                                id: "".into(),
                            }));
                            out.push(Event::Text(shown.to_owned().into()));
                            out.push(Event::End(TagEnd::Link));
                        }
                    }
                }
            }
            other => out.push(other),
        }
    }

    let still_open = block_html.finish();
    if !still_open.is_empty() {
        out.push(Event::Html(still_open.into_string().into()));
    }
    let mut html_out = String::with_capacity(markdown.len() * 3 / 2);
    cmark_html::push_html(&mut html_out, out.into_iter());
    Rendered {
        html: place_formulas(SafeHtml::from_renderer(html_out), prepared),
        headings,
    }
}

/// Opens the mark the build leaves where it found a formula in HTML (a
/// `.html` page, a raw HTML block): the mark, the formula's number in
/// [`Prepared::math`], [`FORMULA_MARK_END`]. Noncharacters, which no
/// text needs.
pub const FORMULA_MARK: char = '\u{fdd0}';
/// Closes a formula's mark; see [`FORMULA_MARK`].
pub const FORMULA_MARK_END: char = '\u{fdd1}';

/// The mark for the `index`-th formula of [`Prepared::math`].
pub fn formula_mark(index: usize) -> String {
    format!("{FORMULA_MARK}{index}{FORMULA_MARK_END}")
}

/// Each formula mark in the text of `html` replaced by its formula; a
/// mark without one, or inside a tag (an attribute's value), is dropped.
fn place_formulas(html: SafeHtml, prepared: &Prepared) -> SafeHtml {
    if !html.as_str().contains(FORMULA_MARK) {
        return html;
    }
    let mut out = String::with_capacity(html.as_str().len());
    let mut rest = html.as_str();
    while let Some(start) = rest.find(FORMULA_MARK) {
        out.push_str(&rest[..start]);
        let after = &rest[start + FORMULA_MARK.len_utf8()..];
        let Some(length) = after.find(FORMULA_MARK_END) else {
            rest = after;
            continue;
        };
        // In safe HTML a `<` only ever opens a tag.
        let in_tag = out.rfind('<') > out.rfind('>');
        let mathml = after[..length]
            .parse::<usize>()
            .ok()
            .and_then(|index| prepared.math.get(index))
            .and_then(Option::as_deref)
            .filter(|_| !in_tag);
        if let Some(mathml) = mathml {
            let display = mathml.starts_with(r#"<math display="block""#);
            out.push_str(mathml_html(display, mathml).as_str());
        }
        rest = &after[length + FORMULA_MARK_END.len_utf8()..];
    }
    out.push_str(rest);
    SafeHtml::from_renderer(out)
}

/// A formula: the build's MathML, or, where the build could not read the
/// TeX, the TeX as written.
fn formula_html(tex: &str, display: bool, mathml: Option<&str>) -> SafeHtml {
    match mathml {
        Some(mathml) => mathml_html(display, mathml),
        None if display => html!(
            r#"<span class="math math-display math-tex">$${}$$</span>"#,
            tex
        ),
        None => html!(
            r#"<span class="math math-inline math-tex">${}$</span>"#,
            tex
        ),
    }
}

/// The build's MathML for a formula, through the [`MATHML`] allowlist.
fn mathml_html(display: bool, mathml: &str) -> SafeHtml {
    let class = if display {
        "math math-display"
    } else {
        "math math-inline"
    };
    html!(
        r#"<span class="{}">{}</span>"#,
        class,
        sanitize(mathml, &MATHML)
    )
}

/// An alert's class and title.
fn alert(kind: BlockQuoteKind) -> (&'static str, &'static str) {
    match kind {
        BlockQuoteKind::Note => ("note", "Note"),
        BlockQuoteKind::Tip => ("tip", "Tip"),
        BlockQuoteKind::Important => ("important", "Important"),
        BlockQuoteKind::Warning => ("warning", "Warning"),
        BlockQuoteKind::Caution => ("caution", "Caution"),
    }
}

/// The table being written: its columns' alignment and where we are in it.
#[derive(Default)]
struct Table {
    alignments: Vec<Alignment>,
    in_head: bool,
    cell: usize,
}

/// A formula of a post, as the build reads it for [`Prepared::math`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MathSpan {
    /// The TeX between the dollar signs.
    pub tex: String,
    /// `$$…$$`: a block of its own, rather than inline `$…$`.
    pub display: bool,
    /// Where the formula starts in the Markdown, in bytes.
    pub offset: usize,
}

/// Every formula of a page with math, in the order [`render_prepared`]
/// numbers them.
pub fn math_spans(markdown: &str) -> Vec<MathSpan> {
    Parser::new_ext(markdown, math_parser_options())
        .into_offset_iter()
        .filter_map(|(event, range)| {
            let (tex, display) = match event {
                Event::InlineMath(tex) => (tex, false),
                Event::DisplayMath(tex) => (tex, true),
                _ => return None,
            };
            Some(MathSpan {
                tex: tex.into_string(),
                display,
                offset: range.start,
            })
        })
        .collect()
}

/// Every Markdown image of a post, in order: its address as written; the
/// same images, in the same order, that [`render_prepared`] counts for
/// [`Prepared::images`].
pub fn image_sources(markdown: &str, options: Options) -> Vec<String> {
    Parser::new_ext(markdown, options)
        .filter_map(|event| match event {
            Event::Start(Tag::Image { dest_url, .. }) => Some(dest_url.into_string()),
            _ => None,
        })
        .collect()
}

/// Every code block of a post, in order: its language (the info string's
/// first word, or `""`) and its text; the same blocks, in the same order,
/// that [`render_prepared`] numbers.
pub fn code_blocks(markdown: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(String, String)> = None;
    for event in Parser::new_ext(markdown, parser_options()) {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                current = Some((CodeFence::of(&kind).language, String::new()));
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

/// The headings of a page's `events`, each with an id that is Hugo's for
/// it (`places` are the events' places in `markdown`) and its title with
/// the formulas `prepared` drew.
fn collect_headings(
    markdown: &str,
    events: &[Event<'_>],
    places: &[Range<usize>],
    prepared: &Prepared,
    ids: &mut HashMap<String, usize>,
) -> Vec<Heading> {
    let mut headings = Vec::new();
    // The open heading: its level, the id its author gave, its Markdown,
    // its text and its title so far.
    let mut current: Option<(u8, Option<String>, &str, String, SafeHtml)> = None;
    let mut math_index = 0;
    for (event, place) in events.iter().zip(places) {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                current = Some((
                    heading_level(*level),
                    id.as_ref().map(|id| id.trim().to_owned()),
                    &markdown[place.clone()],
                    String::new(),
                    SafeHtml::empty(),
                ));
            }
            Event::Text(words) | Event::Code(words) => {
                if let Some((_, _, _, text, title)) = current.as_mut() {
                    text.push_str(words);
                    title.push(match event {
                        Event::Code(_) => html!("<code>{}</code>", words.as_ref()),
                        _ => SafeHtml::text(words),
                    });
                }
            }
            // A formula counts as its TeX, as in Hugo's heading ids.
            Event::InlineMath(tex) | Event::DisplayMath(tex) => {
                if let Some((_, _, _, text, title)) = current.as_mut() {
                    text.push_str(tex);
                    let mathml = prepared.math.get(math_index).and_then(Option::as_deref);
                    title.push(formula_html(tex, false, mathml));
                }
                math_index += 1;
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, explicit, source, text, title)) = current.take() {
                    // An id the author gave is kept as written, as in Hugo.
                    let wanted = explicit.unwrap_or_else(|| {
                        let attributes_read = !text.trim_end().ends_with('}');
                        heading_id(heading_markdown(source, attributes_read))
                    });
                    let wanted = if wanted.is_empty() {
                        "heading".to_owned()
                    } else {
                        wanted
                    };
                    let id = unique_id(ids, wanted);
                    headings.push(Heading {
                        level,
                        id,
                        text: text.trim().to_owned(),
                        title,
                    });
                }
            }
            _ => {}
        }
    }
    headings
}

/// The words of a heading as written, which Goldmark makes its id of: an
/// ATX heading's line without its `#` marks, closing `#`s and the `{…}`
/// the parser read as attributes (`attributes_read`); a setext heading's
/// last line of text.
fn heading_markdown(source: &str, attributes_read: bool) -> &str {
    let lines: Vec<&str> = source.lines().collect();
    let first = lines.first().map_or("", |line| line.trim());
    let text = if first.starts_with('#') {
        let text = first.trim_start_matches('#');
        let text = match text.trim_end().strip_suffix('}') {
            Some(inside) if attributes_read => {
                inside.rsplit_once('{').map_or(text, |(before, _)| before)
            }
            _ => text,
        };
        // A closing sequence is `#`s after a space (or all there is).
        let trimmed = text.trim_end();
        let without_closing = trimmed.trim_end_matches('#');
        if without_closing.is_empty() || without_closing.ends_with([' ', '\t']) {
            without_closing
        } else {
            trimmed
        }
    } else {
        // The line above the `===` or `---` underline.
        lines
            .len()
            .checked_sub(2)
            .and_then(|at| lines.get(at))
            .map_or("", |line| line.trim_start_matches(['>', ' ', '\t']))
    };
    text.trim()
}

/// `wanted`, or `wanted-1`, `wanted-2`… when a heading or footnote of the
/// post already has it.
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

/// The post's footnotes: numbered in order of first mention, each with an
/// id unique in the post (`fn-<id>` for the note, `fnref-<id>` for its
/// first reference, `fnref-<id>-2`… for later ones).
struct Footnotes {
    /// By label: the number and the id.
    notes: HashMap<String, (usize, String)>,
    /// How many references to each label were written out so far.
    references: HashMap<String, usize>,
    /// Labels whose definition was written out (a repeated definition gets an id of its own).
    defined: Vec<String>,
    ids: HashMap<String, usize>,
}

impl Footnotes {
    /// Numbers the notes in the order they are first referenced, as
    /// Goldmark does; a note never referenced gets no number, and
    /// [`Self::is_referenced`] tells the renderer to leave it out.
    fn number(events: &[Event<'_>], ids: &mut HashMap<String, usize>) -> Self {
        let mut notes = HashMap::new();
        for event in events {
            let Event::FootnoteReference(name) = event else {
                continue;
            };
            if !notes.contains_key(name.as_ref()) {
                let number = notes.len() + 1;
                let slug = slugify(name);
                let wanted = if slug.is_empty() {
                    number.to_string()
                } else {
                    slug
                };
                let id = unique_id(ids, format!("fn-{wanted}"))["fn-".len()..].to_owned();
                ids.insert(format!("fnref-{id}"), 1);
                notes.insert(name.to_string(), (number, id));
            }
        }
        Self {
            notes,
            references: HashMap::new(),
            defined: Vec::new(),
            ids: ids.clone(),
        }
    }

    /// Whether the text refers to the note `name`.
    fn is_referenced(&self, name: &str) -> bool {
        self.notes.contains_key(name)
    }

    /// A reference's number, the note's id, and the reference's own id.
    fn reference(&mut self, name: &str) -> (usize, String, String) {
        let (number, id) = self.notes.get(name).cloned().unwrap_or_default();
        let count = self.references.entry(name.to_owned()).or_insert(0);
        *count += 1;
        let reference = if *count == 1 {
            format!("fnref-{id}")
        } else {
            unique_id(&mut self.ids, format!("fnref-{id}-{count}"))
        };
        (number, id, reference)
    }

    /// A definition's number and id; a label defined twice gets a second id.
    fn definition(&mut self, name: &str) -> (usize, String) {
        let (number, id) = self.notes.get(name).cloned().unwrap_or_default();
        if self.defined.iter().any(|seen| seen == name) {
            return (
                number,
                unique_id(&mut self.ids, format!("fn-{id}"))["fn-".len()..].to_owned(),
            );
        }
        self.defined.push(name.to_owned());
        (number, id)
    }
}

/// An image's alt text, taken from the events up to its end. A formula in
/// it counts as its TeX, and is counted in `math_index`, so the formulas
/// after it keep their numbers.
fn take_image_alt<'a>(
    events: &mut impl Iterator<Item = Event<'a>>,
    math_index: &mut usize,
) -> String {
    let mut alt = String::new();
    let mut depth = 0;
    for inner in events.by_ref() {
        match inner {
            Event::Start(Tag::Image { .. }) => depth += 1,
            Event::End(TagEnd::Image) if depth == 0 => break,
            Event::End(TagEnd::Image) => depth -= 1,
            Event::Text(text) | Event::Code(text) => alt.push_str(&text),
            Event::InlineMath(tex) | Event::DisplayMath(tex) => {
                *math_index += 1;
                alt.push_str(&tex);
            }
            _ => {}
        }
    }
    alt
}

fn image_html(src: &str, alt: &str, title: &CowStr<'_>, size: Option<(u32, u32)>) -> SafeHtml {
    let title = if title.is_empty() {
        SafeHtml::empty()
    } else {
        html!(r#" title="{}""#, title.as_ref())
    };
    let size = size.map_or_else(SafeHtml::empty, |(width, height)| {
        html!(r#" width="{}" height="{}""#, width, height)
    });
    html!(
        r#"<img src="{}" alt="{}"{}{} loading="lazy" decoding="async">"#,
        src,
        alt,
        title,
        size
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

/// Resolves a URL written in a post against the post's folder and the site's
/// sub-path; `None` for schemes that could run code (`javascript:`,
/// `vbscript:`, `data:`, anything not on [`is_safe_url`]'s list).
pub fn resolve_url(url: &str, base: PageContext<'_>) -> Option<String> {
    if !is_safe_url(url) {
        return None;
    }
    let url = url.trim();
    let has_scheme = url
        .find([':', '/', '?', '#'])
        .is_some_and(|at| url[at..].starts_with(':'));
    if has_scheme {
        return Some(url.to_owned());
    }
    let root = base.site_root.trim_end_matches('/');
    Some(if url.starts_with("//") {
        url.to_owned()
    } else if let Some(path) = url.strip_prefix('/') {
        format!("{root}/{path}")
    } else {
        // Fragments, queries and relative paths are relative to the post, not to
        // the `<base href>` the app's page declares.
        let path_end = url.find(['?', '#']).unwrap_or(url.len());
        // An ugly address (`posts/a.html`) is a file: its folder is the base
        // of a relative path; a bare `#part` or `?q` stays on the page.
        let folder = if path_end == 0 {
            base.page_path
        } else {
            crate::route::folder_of(base.page_path)
        };
        let path = remove_dot_segments(&format!("{folder}{}", &url[..path_end]));
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
