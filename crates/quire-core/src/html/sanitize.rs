//! The allowlist sanitiser for raw HTML an author writes.
//!
//! Written by hand rather than taken from a crate because it runs in the
//! reader app too, where every dependency counts (a full HTML parser such as
//! html5ever costs hundreds of kilobytes of wasm); the tests check it
//! against `ammonia`, a maintained sanitiser, over a hostile corpus.
//!
//! It reads tags the way a browser's tokenizer does (names up to space,
//! `/` or `>`; quoted and unquoted values; character references decoded),
//! keeps only the tags and attributes its [`Policy`] names, checks URL
//! attributes with [`is_safe_url`](super::is_safe_url) after decoding, and
//! writes every kept attribute again from its decoded value, escaped, so no
//! entity trick survives the round trip. Kept tags are balanced: a closer
//! without its opener is dropped, and what is left open is closed.

use super::{SafeHtml, escape, is_safe_url};

/// What an attribute's value may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// Any text.
    Text,
    /// A URL, kept only when [`is_safe_url`](super::is_safe_url) allows it.
    Url,
    /// Class names, each starting with this prefix.
    ClassesStartingWith(&'static str),
    /// A whole number, such as a width.
    Number,
    /// A URL, kept only when it is an `https` address on one of these hosts.
    UrlOnHosts(&'static [&'static str]),
    /// One of these words.
    OneOf(&'static [&'static str]),
    /// A video the app may frame when the reader asks: `youtube:<id>` or
    /// `vimeo:<number>`.
    Embed,
}

/// One allowed tag and its allowed attributes.
#[derive(Debug, Clone, Copy)]
pub struct Tag {
    /// The tag's name, lowercase.
    pub name: &'static str,
    /// Its attributes, lowercase, with what their values may be.
    pub attributes: &'static [(&'static str, Value)],
    /// Whether it has no end tag (`br`, `img`).
    pub void: bool,
    /// An attribute without which the tag is refused (an `iframe`'s `src`).
    pub required: Option<&'static str>,
}

/// Which tags and attributes raw HTML may keep.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// The allowed tags.
    pub tags: &'static [Tag],
    /// Whether a tag with an attribute the policy does not name is refused
    /// whole (`true`), or kept without that attribute.
    pub refuse_unknown_attributes: bool,
}

const fn plain(name: &'static str) -> Tag {
    Tag {
        name,
        attributes: &[],
        void: false,
        required: None,
    }
}

/// Raw inline HTML in a post: tags that carry no attributes, so they
/// cannot run or load anything; a tag written with attributes is refused.
pub const INLINE_TAGS: Policy = Policy {
    tags: &[
        plain("kbd"),
        plain("sub"),
        plain("sup"),
        plain("mark"),
        plain("abbr"),
        plain("b"),
        plain("i"),
        plain("em"),
        plain("strong"),
        plain("u"),
        plain("s"),
        plain("small"),
        void("br", &[]),
    ],
    refuse_unknown_attributes: true,
};

/// The hosts whose players a page may frame, and the only third parties a
/// post's embeds load from (once the reader asks: see `behaviour/embeds.rs`).
pub const EMBED_HOSTS: &[&str] = &[
    "www.youtube-nocookie.com",
    "www.youtube.com",
    "player.vimeo.com",
];

const fn with(name: &'static str, attributes: &'static [(&'static str, Value)]) -> Tag {
    Tag {
        name,
        attributes,
        void: false,
        required: None,
    }
}

/// `tag`, refused when it lacks the attribute `name`.
const fn requiring(tag: Tag, name: &'static str) -> Tag {
    Tag {
        required: Some(name),
        ..tag
    }
}

const fn void(name: &'static str, attributes: &'static [(&'static str, Value)]) -> Tag {
    Tag {
        name,
        attributes,
        void: true,
        required: None,
    }
}

const CELL: &[(&str, Value)] = &[
    ("colspan", Value::Number),
    ("rowspan", Value::Number),
    ("align", Value::OneOf(&["left", "center", "right"])),
];
const MEDIA: &[(&str, Value)] = &[
    ("src", Value::Url),
    ("controls", Value::Text),
    ("loop", Value::Text),
    ("muted", Value::Text),
    ("playsinline", Value::Text),
    ("preload", Value::OneOf(&["none", "metadata", "auto"])),
    ("poster", Value::Url),
    ("width", Value::Number),
    ("height", Value::Number),
];

/// HTML an author writes where the site allows it (Hugo's `unsafe = true`),
/// and what Quire's shortcodes write: text structure, figures and images
/// with their sizes, links, tables, details, audio and video, and players
/// framed from [`EMBED_HOSTS`]. No scripts, styles, forms, event handlers,
/// classes or ids (which could hook the page's own buttons).
pub const CONTENT: Policy = Policy {
    tags: &[
        with(
            "a",
            &[
                ("href", Value::Url),
                ("title", Value::Text),
                ("data-embed", Value::Embed),
            ],
        ),
        with("abbr", &[("title", Value::Text)]),
        plain("b"),
        with("blockquote", &[("cite", Value::Url)]),
        void("br", &[]),
        plain("caption"),
        plain("center"),
        plain("cite"),
        plain("code"),
        plain("dd"),
        plain("del"),
        with("details", &[("open", Value::Text)]),
        with("div", &[("dir", Value::OneOf(&["ltr", "rtl", "auto"]))]),
        plain("dl"),
        plain("dt"),
        plain("em"),
        plain("figcaption"),
        plain("figure"),
        plain("h1"),
        plain("h2"),
        plain("h3"),
        plain("h4"),
        plain("h5"),
        plain("h6"),
        void("hr", &[]),
        plain("i"),
        requiring(
            with(
                "iframe",
                &[
                    ("src", Value::UrlOnHosts(EMBED_HOSTS)),
                    ("width", Value::Number),
                    ("height", Value::Number),
                    ("title", Value::Text),
                    ("allowfullscreen", Value::Text),
                ],
            ),
            "src",
        ),
        void(
            "img",
            &[
                ("src", Value::Url),
                ("alt", Value::Text),
                ("title", Value::Text),
                ("width", Value::Number),
                ("height", Value::Number),
                ("loading", Value::OneOf(&["lazy", "eager"])),
            ],
        ),
        plain("ins"),
        plain("kbd"),
        plain("li"),
        plain("mark"),
        with("ol", &[("start", Value::Number)]),
        plain("p"),
        plain("pre"),
        plain("q"),
        plain("s"),
        plain("samp"),
        plain("small"),
        void("source", &[("src", Value::Url), ("type", Value::Text)]),
        plain("span"),
        plain("strong"),
        plain("sub"),
        plain("summary"),
        plain("sup"),
        plain("table"),
        plain("tbody"),
        with("td", CELL),
        plain("tfoot"),
        with("th", CELL),
        plain("thead"),
        plain("tr"),
        plain("u"),
        plain("ul"),
        with("audio", MEDIA),
        with("video", MEDIA),
    ],
    refuse_unknown_attributes: false,
};

/// The build's highlighting of a code block: spans with `hl-` classes.
pub const HIGHLIGHTED_CODE: Policy = Policy {
    tags: &[with(
        "span",
        &[("class", Value::ClassesStartingWith("hl-"))],
    )],
    refuse_unknown_attributes: false,
};

/// What MathML elements may carry: presentation attributes and the
/// classes the build gives them (`math-…`), nothing that links, loads or
/// styles.
const MATH_ATTRIBUTES: &[(&str, Value)] = &[
    ("class", Value::ClassesStartingWith("math-")),
    ("display", Value::OneOf(&["block", "inline"])),
    ("displaystyle", Value::OneOf(&["true", "false"])),
    ("scriptlevel", Value::Text),
    ("mathvariant", Value::Text),
    ("stretchy", Value::OneOf(&["true", "false"])),
    ("symmetric", Value::OneOf(&["true", "false"])),
    ("largeop", Value::OneOf(&["true", "false"])),
    ("movablelimits", Value::OneOf(&["true", "false"])),
    ("accent", Value::OneOf(&["true", "false"])),
    ("accentunder", Value::OneOf(&["true", "false"])),
    ("form", Value::OneOf(&["prefix", "infix", "postfix"])),
    ("lspace", Value::Text),
    ("rspace", Value::Text),
    ("minsize", Value::Text),
    ("maxsize", Value::Text),
    ("linethickness", Value::Text),
    ("width", Value::Text),
    ("height", Value::Text),
    ("depth", Value::Text),
    ("voffset", Value::Text),
    ("columnspan", Value::Number),
    ("rowspan", Value::Number),
];

/// Math as the build wrote it from an author's TeX: MathML Core's
/// presentation elements only. No `annotation-xml`, `mglyph`, `maction`
/// or `semantics`, whose HTML content or behaviour the HTML parser treats
/// apart, and in text only the attribute-free styles of `\text…` commands.
pub const MATHML: Policy = Policy {
    tags: &[
        with("math", MATH_ATTRIBUTES),
        with("mi", MATH_ATTRIBUTES),
        with("mn", MATH_ATTRIBUTES),
        with("mo", MATH_ATTRIBUTES),
        with("ms", MATH_ATTRIBUTES),
        with("mtext", MATH_ATTRIBUTES),
        with("mspace", MATH_ATTRIBUTES),
        with("mrow", MATH_ATTRIBUTES),
        with("mfrac", MATH_ATTRIBUTES),
        with("msqrt", MATH_ATTRIBUTES),
        with("mroot", MATH_ATTRIBUTES),
        with("msub", MATH_ATTRIBUTES),
        with("msup", MATH_ATTRIBUTES),
        with("msubsup", MATH_ATTRIBUTES),
        with("munder", MATH_ATTRIBUTES),
        with("mover", MATH_ATTRIBUTES),
        with("munderover", MATH_ATTRIBUTES),
        with("mmultiscripts", MATH_ATTRIBUTES),
        with("mprescripts", MATH_ATTRIBUTES),
        with("none", MATH_ATTRIBUTES),
        with("mtable", MATH_ATTRIBUTES),
        with("mtr", MATH_ATTRIBUTES),
        with("mtd", MATH_ATTRIBUTES),
        with("mpadded", MATH_ATTRIBUTES),
        with("mphantom", MATH_ATTRIBUTES),
        with("mstyle", MATH_ATTRIBUTES),
        with("merror", MATH_ATTRIBUTES),
        with("menclose", MATH_ATTRIBUTES),
        // `\textbf`, `\textit`, `\emph`, `\texttt`, `\textsf` in an `mtext`.
        plain("b"),
        plain("i"),
        plain("em"),
        plain("code"),
        with("span", &[("class", Value::ClassesStartingWith("math-"))]),
    ],
    refuse_unknown_attributes: false,
};

/// Sanitises a whole fragment of raw HTML: allowed tags are kept (and
/// balanced), other tags are dropped, and the content of elements that
/// hold code or hidden text (`script`, `style`, `template`, …) goes with them.
pub fn sanitize(raw: &str, policy: &Policy) -> SafeHtml {
    sanitize_resolving(raw, policy, &as_written)
}

/// How a kept URL is written: changed by `resolve` (a relative address
/// made relative to its page rather than to the app's `<base href>`), or
/// left out when `resolve` gives `None`.
pub type ResolveUrl<'a> = &'a dyn Fn(&str) -> Option<String>;

/// A URL as it was written.
fn as_written(url: &str) -> Option<String> {
    Some(url.to_owned())
}

/// [`sanitize`], writing every kept URL as `resolve` says.
pub fn sanitize_resolving(raw: &str, policy: &Policy, resolve: ResolveUrl<'_>) -> SafeHtml {
    let mut blocks = BlockSanitizer::default();
    let mut out = blocks.block(raw, policy, resolve);
    out.push(blocks.finish());
    out
}

/// Sanitises raw HTML that comes in blocks with Markdown between them (an
/// author's `<div>`, some Markdown, then `</div>`): a tag opened in one
/// block may close in a later one; what is still open closes at the end.
#[derive(Debug, Default)]
pub(crate) struct BlockSanitizer {
    balance: Balance,
}

impl BlockSanitizer {
    /// The safe form of one block of raw HTML.
    pub(crate) fn block(
        &mut self,
        raw: &str,
        policy: &Policy,
        resolve: ResolveUrl<'_>,
    ) -> SafeHtml {
        let mut out = String::with_capacity(raw.len());
        sanitize_into(raw, policy, resolve, &mut self.balance, &mut out);
        SafeHtml(out)
    }

    /// Closes whatever the blocks left open.
    pub(crate) fn finish(&mut self) -> SafeHtml {
        let mut out = String::new();
        self.balance.close_down_to(0, &mut out);
        SafeHtml(out)
    }
}

fn sanitize_into(
    raw: &str,
    policy: &Policy,
    resolve: ResolveUrl<'_>,
    balance: &mut Balance,
    out: &mut String,
) {
    let mut rest = raw;
    while !rest.is_empty() {
        let Some(at) = rest.find('<') else {
            push_text(rest, out);
            break;
        };
        push_text(&rest[..at], out);
        let (token, length) = read_token(&rest[at..]);
        rest = &rest[at + length..];
        match token {
            Token::Start(tag)
                if is_hidden_content(&tag.name) && allowed(&tag.name, policy).is_none() =>
            {
                rest = skip_to_end_tag(rest, &tag.name);
            }
            Token::Start(tag) => match keep_start(&tag, policy, resolve) {
                Some(kept) => balance.open(kept, 0, out),
                // A refused frame's fallback goes with it.
                None if is_hidden_content(&tag.name) => rest = skip_to_end_tag(rest, &tag.name),
                None => {}
            },
            Token::End(name) => balance.close(&name, 0, out),
            Token::Comment | Token::Other => {}
            Token::Text(text) => push_text(text, out),
        }
    }
}

/// Sanitises raw HTML that arrives one tag at a time, as Markdown's inline
/// HTML does, keeping kept tags balanced within the Markdown blocks they
/// were opened in.
#[derive(Debug, Default)]
pub(crate) struct InlineSanitizer {
    balance: Balance,
}

impl InlineSanitizer {
    /// The safe form of one raw tag found at Markdown nesting `depth`:
    /// `Some` for an allowed tag (possibly empty, for a closer with no
    /// opener), `None` for one the policy refuses, which the caller shows as
    /// text.
    pub(crate) fn tag(
        &mut self,
        raw: &str,
        depth: usize,
        policy: &Policy,
        resolve: ResolveUrl<'_>,
    ) -> Option<SafeHtml> {
        let (token, length) = read_token(raw);
        if length != raw.trim_end().len() {
            return None;
        }
        let mut out = String::new();
        match token {
            Token::Start(tag) => {
                let kept = keep_start(&tag, policy, resolve)?;
                self.balance.open(kept, depth, &mut out);
            }
            Token::End(name) if allowed(&name, policy).is_some() => {
                self.balance.close(&name, depth, &mut out);
            }
            _ => return None,
        }
        Some(SafeHtml(out))
    }

    /// Closes the tags opened at Markdown nesting `depth` or deeper, as the
    /// block at that depth ends.
    pub(crate) fn close_inside(&mut self, depth: usize) -> SafeHtml {
        let mut out = String::new();
        self.balance.close_down_to(depth, &mut out);
        SafeHtml(out)
    }
}

/// A start tag as read.
#[derive(Debug)]
struct StartTag {
    name: String,
    attributes: Vec<(String, String)>,
}

#[derive(Debug)]
enum Token<'a> {
    Start(StartTag),
    End(String),
    Comment,
    /// A declaration or processing instruction: dropped.
    Other,
    /// A `<` that starts no tag.
    Text(&'a str),
}

/// A kept start tag, written out.
struct Kept {
    name: &'static str,
    html: String,
    void: bool,
}

/// Open kept tags, innermost last, with the Markdown depth each opened at.
#[derive(Debug, Default)]
struct Balance {
    open: Vec<(&'static str, usize)>,
}

impl Balance {
    fn open(&mut self, kept: Kept, depth: usize, out: &mut String) {
        out.push_str(&kept.html);
        if !kept.void {
            self.open.push((kept.name, depth));
        }
    }

    /// A closer closes its opener and anything opened inside it since, but
    /// only an opener of the same Markdown block; otherwise it is dropped.
    fn close(&mut self, name: &str, depth: usize, out: &mut String) {
        let Some(at) = self
            .open
            .iter()
            .rposition(|(open, at_depth)| *open == name && *at_depth == depth)
        else {
            return;
        };
        if self.open[at..]
            .iter()
            .any(|(_, at_depth)| *at_depth != depth)
        {
            return;
        }
        for (open, _) in self.open.drain(at..).rev() {
            push_end(open, out);
        }
    }

    fn close_down_to(&mut self, depth: usize, out: &mut String) {
        while let Some((open, _)) = self.open.pop_if(|(_, at_depth)| *at_depth >= depth) {
            push_end(open, out);
        }
    }
}

fn push_end(name: &str, out: &mut String) {
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

fn push_text(text: &str, out: &mut String) {
    // Text between tags is HTML already; only stray angle brackets could
    // start markup, and quotes could not end anything here.
    for ch in text.chars() {
        match ch {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(ch),
        }
    }
}

fn allowed<'p>(name: &str, policy: &'p Policy) -> Option<&'p Tag> {
    policy.tags.iter().find(|tag| tag.name == name)
}

/// The allowed form of a start tag, or `None` when the tag is not allowed
/// (or, under a strict policy, carries an attribute it may not).
fn keep_start(tag: &StartTag, policy: &Policy, resolve: ResolveUrl<'_>) -> Option<Kept> {
    let rule = allowed(&tag.name, policy)?;
    let mut html = format!("<{}", rule.name);
    let mut seen: Vec<&str> = Vec::new();
    for (name, value) in &tag.attributes {
        let kind = rule
            .attributes
            .iter()
            .find(|(allowed, _)| allowed == name)
            .map(|(_, kind)| *kind);
        let mut resolved = None;
        let keep = !seen.contains(&name.as_str())
            && match kind {
                None => false,
                Some(Value::Text) => true,
                Some(Value::Url) => {
                    resolved = is_safe_url(value).then(|| resolve(value)).flatten();
                    resolved.is_some()
                }
                Some(Value::ClassesStartingWith(prefix)) => value
                    .split_ascii_whitespace()
                    .all(|class| class.starts_with(prefix)),
                Some(Value::Number) => {
                    !value.is_empty()
                        && value.len() <= 6
                        && value.bytes().all(|b| b.is_ascii_digit())
                }
                Some(Value::UrlOnHosts(hosts)) => {
                    let rest = value.trim().strip_prefix("https://").unwrap_or("");
                    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
                    hosts.contains(&host)
                }
                Some(Value::OneOf(words)) => words.contains(&value.trim()),
                Some(Value::Embed) => is_embed(value),
            };
        if !keep {
            if policy.refuse_unknown_attributes {
                return None;
            }
            continue;
        }
        seen.push(name);
        // Class names are written again one space apart: no line break
        // ever stands inside a tag the sanitiser writes.
        let value = match kind {
            Some(Value::Url) => resolved.unwrap_or_default().replace(['\n', '\r'], " "),
            Some(Value::ClassesStartingWith(_)) => {
                value.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
            }
            _ => value.replace(['\n', '\r'], " "),
        };
        html.push(' ');
        html.push_str(name);
        html.push_str("=\"");
        html.push_str(&escape(&value));
        html.push('"');
    }
    if rule
        .required
        .is_some_and(|required| !seen.contains(&required))
    {
        return None;
    }
    html.push('>');
    Some(Kept {
        name: rule.name,
        html,
        void: rule.void,
    })
}

/// Whether a `data-embed` value names a video by a well-formed id.
pub fn is_embed(value: &str) -> bool {
    match value.split_once(':') {
        Some(("youtube", id)) => {
            !id.is_empty()
                && id.len() <= 32
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
        }
        Some(("vimeo", id)) => {
            !id.is_empty() && id.len() <= 12 && id.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    }
}

/// The player a `data-embed` value stands for, at the host it may be framed
/// from (without cookies, for YouTube), starting at once: the reader asked.
pub fn embed_player(value: &str) -> Option<String> {
    if !is_embed(value) {
        return None;
    }
    match value.split_once(':')? {
        ("youtube", id) => Some(format!(
            "https://www.youtube-nocookie.com/embed/{id}?autoplay=1"
        )),
        ("vimeo", id) => Some(format!("https://player.vimeo.com/video/{id}?autoplay=1")),
        _ => None,
    }
}

/// Elements whose content is code or is never shown as text: dropped whole.
fn is_hidden_content(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "template"
            | "textarea"
            | "title"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "object"
            | "svg"
            | "math"
            | "select"
    )
}

/// The rest after the end tag `</name>`, or nothing when it never comes
/// (`<plaintext>` and an unclosed `<script>` swallow the rest, as in browsers).
fn skip_to_end_tag<'a>(rest: &'a str, name: &str) -> &'a str {
    match find_end_tag(rest, name) {
        Some(at) => {
            let close = rest[at..].find('>').map_or(rest.len(), |end| at + end + 1);
            &rest[close..]
        }
        None => "",
    }
}

/// Where the end tag `</name>` (any case) starts in `rest`. Compared in
/// place: lowercasing what is left at each hidden element made a page with
/// many of them quadratic.
pub(crate) fn find_end_tag(rest: &str, name: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = rest[from..].find("</").map(|at| at + from) {
        let after = &rest.as_bytes()[at + 2..];
        if after
            .get(..name.len())
            .is_some_and(|written| written.eq_ignore_ascii_case(name.as_bytes()))
            && after
                .get(name.len())
                .is_some_and(|c| *c == b'>' || *c == b'/' || c.is_ascii_whitespace())
        {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

/// Reads one token at the start of `text` (which starts with `<`) and how
/// many bytes it takes.
fn read_token(text: &str) -> (Token<'_>, usize) {
    let bytes = text.as_bytes();
    let end_of = |from: usize| {
        text[from..]
            .find('>')
            .map_or(text.len(), |at| from + at + 1)
    };
    match bytes.get(1) {
        Some(b'!') if text.starts_with("<!--") => {
            let end = text[4..].find("-->").map_or(text.len(), |at| 4 + at + 3);
            (Token::Comment, end)
        }
        Some(b'!' | b'?') => (Token::Other, end_of(1)),
        Some(b'/') if bytes.get(2).is_some_and(u8::is_ascii_alphabetic) => {
            let name_end = text[2..]
                .find(|c: char| c == '>' || c == '/' || c.is_ascii_whitespace())
                .map_or(text.len(), |at| at + 2);
            (
                Token::End(text[2..name_end].to_ascii_lowercase()),
                end_of(name_end),
            )
        }
        Some(b'/') => (Token::Other, end_of(2)),
        Some(first) if first.is_ascii_alphabetic() => read_start_tag(text),
        _ => (Token::Text(&text[..1]), 1),
    }
}

/// Reads a start tag as the HTML tokenizer does.
fn read_start_tag(text: &str) -> (Token<'_>, usize) {
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c');
    let name_end = text[1..]
        .find(|c: char| c == '>' || c == '/' || is_space(c))
        .map_or(text.len(), |at| at + 1);
    let name = text[1..name_end].to_ascii_lowercase();
    let mut attributes = Vec::new();
    let mut at = name_end;
    loop {
        let rest = &text[at..];
        let skipped = rest.len()
            - rest
                .trim_start_matches(|c: char| is_space(c) || c == '/')
                .len();
        at += skipped;
        let rest = &text[at..];
        if rest.is_empty() {
            break;
        }
        if rest.starts_with('>') {
            at += 1;
            break;
        }
        // An attribute's name runs to space, `/`, `>` or `=` (a leading `=`
        // is part of it); its first character may be any, of any width.
        let first = rest.chars().next().map_or(1, char::len_utf8);
        let name_length = rest[first..]
            .find(|c: char| is_space(c) || matches!(c, '/' | '>' | '='))
            .map_or(rest.len(), |found| found + first);
        let attribute = rest[..name_length].to_ascii_lowercase();
        at += name_length;
        let after_name = &text[at..];
        let spaces = after_name.len() - after_name.trim_start_matches(is_space).len();
        let mut value = String::new();
        if after_name[spaces..].starts_with('=') {
            at += spaces + 1;
            let rest = &text[at..];
            let spaces = rest.len() - rest.trim_start_matches(is_space).len();
            at += spaces;
            let rest = &text[at..];
            let raw_value = match rest.chars().next() {
                Some(quote @ ('"' | '\'')) => {
                    let end = rest[1..].find(quote).map_or(rest.len(), |found| found + 1);
                    at += (end + 1).min(rest.len());
                    &rest[1..end]
                }
                _ => {
                    let end = rest
                        .find(|c: char| is_space(c) || c == '>')
                        .unwrap_or(rest.len());
                    at += end;
                    &rest[..end]
                }
            };
            value = decode_references(raw_value);
        }
        attributes.push((attribute, value));
    }
    (Token::Start(StartTag { name, attributes }), at)
}

/// Decodes character references in an attribute value: numeric ones, with
/// or without their `;`, and the named ones that matter for URLs. An
/// unknown named reference stays as written (and cannot open a scheme:
/// `&` is not allowed in one).
pub(crate) fn decode_references(value: &str) -> String {
    const NAMED: [(&str, char); 9] = [
        ("amp", '&'),
        ("lt", '<'),
        ("gt", '>'),
        ("quot", '"'),
        ("apos", '\''),
        ("colon", ':'),
        ("tab", '\t'),
        ("newline", '\n'),
        ("nbsp", '\u{a0}'),
    ];
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        if let Some(number) = after.strip_prefix('#') {
            let (digits, radix) = match number.strip_prefix(['x', 'X']) {
                Some(hex) => (hex, 16),
                None => (number, 10),
            };
            let length = digits
                .find(|c: char| !c.is_digit(radix))
                .unwrap_or(digits.len());
            if length > 0 {
                let code = u32::from_str_radix(
                    &digits[..length]
                        .trim_start_matches('0')
                        .chars()
                        .take(8)
                        .collect::<String>(),
                    radix,
                )
                .unwrap_or(0);
                out.push(
                    char::from_u32(code)
                        .filter(|c| *c != '\0')
                        .unwrap_or('\u{fffd}'),
                );
                let consumed = digits.len() - digits[length..].len();
                let prefix = number.len() - digits.len();
                rest = &after[1 + prefix + consumed..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
                continue;
            }
        } else {
            let length = after
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(after.len());
            let name = after[..length].to_ascii_lowercase();
            if let Some((_, ch)) = NAMED.iter().find(|(known, _)| *known == name) {
                out.push(*ch);
                rest = &after[length..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
                continue;
            }
        }
        out.push('&');
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embeds_name_a_player_only_for_a_well_formed_id() {
        assert_eq!(
            embed_player("youtube:dQw4w9WgXcQ").as_deref(),
            Some("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1")
        );
        assert_eq!(
            embed_player("vimeo:76979871").as_deref(),
            Some("https://player.vimeo.com/video/76979871?autoplay=1")
        );
        for bad in [
            "youtube:a/../b",
            "youtube:",
            "vimeo:12a",
            "facebook:1",
            "youtube:x\"onload=1",
        ] {
            assert_eq!(embed_player(bad), None, "{bad}");
        }
        for host in EMBED_HOSTS {
            assert!(!host.contains(['/', ' ', ';']), "{host}");
        }
    }

    const LINKS: Policy = Policy {
        tags: &[
            with("a", &[("href", Value::Url), ("title", Value::Text)]),
            plain("b"),
        ],
        refuse_unknown_attributes: false,
    };

    #[test]
    fn a_frame_without_a_player_address_is_refused() {
        assert_eq!(sanitize("<iframe></iframe>x", &CONTENT).as_str(), "x");
        assert_eq!(
            sanitize(
                r#"<iframe src="https://evil.example/">x</iframe>"#,
                &CONTENT
            )
            .as_str(),
            ""
        );
        assert_eq!(
            sanitize(
                r#"<iframe src="https://www.youtube.com/embed/x" srcdoc="<b>"></iframe>"#,
                &CONTENT
            )
            .as_str(),
            r#"<iframe src="https://www.youtube.com/embed/x"></iframe>"#
        );
    }

    #[test]
    fn kept_urls_are_written_as_the_resolver_says() {
        let under_page = |url: &str| Some(format!("/posts/a/{url}"));
        assert_eq!(
            sanitize_resolving(r#"<img src="x.png" alt="">"#, &CONTENT, &under_page).as_str(),
            r#"<img src="/posts/a/x.png" alt="">"#
        );
        let refuse = |_: &str| None;
        assert_eq!(
            sanitize_resolving(r#"<a href="x">y</a>"#, &CONTENT, &refuse).as_str(),
            "<a>y</a>"
        );
    }

    /// Found by fuzzing: an attribute whose name starts with a character
    /// wider than a byte (`<a é=x>`) was cut inside that character, a panic
    /// that, in the app, stops the page.
    #[test]
    fn a_non_ascii_attribute_name_once_panicked() {
        assert_eq!(
            sanitize("<a é=x href=/y>z</a>", &CONTENT).as_str(),
            r#"<a href="/y">z</a>"#
        );
        assert_eq!(sanitize("<b 日本=1>x</b>", &CONTENT).as_str(), "<b>x</b>");
    }

    #[test]
    fn keeps_allowed_tags_and_attributes_only() {
        assert_eq!(
            sanitize(
                r#"<a href="/x" onclick="alert(1)" title='t"'>go</a>"#,
                &LINKS
            )
            .as_str(),
            r#"<a href="/x" title="t&quot;">go</a>"#
        );
        assert_eq!(sanitize("<i>x</i><b>y", &LINKS).as_str(), "x<b>y</b>");
    }

    #[test]
    fn many_hidden_elements_once_took_quadratic_time() {
        // Each `<script>` lowercased the whole rest of the page: this took
        // minutes before the fix and takes milliseconds after.
        let page = "<p>a</p><script>x()</script>".repeat(100_000);
        let kept = sanitize(&page, &CONTENT);
        assert_eq!(kept.as_str(), "<p>a</p>".repeat(100_000));
    }

    #[test]
    fn decodes_references_before_checking_schemes() {
        for href in [
            "javascript:alert(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "&#0000106avascript:alert(1)",
            "jav&#x09;ascript:alert(1)",
            "jav&Tab;ascript:alert(1)",
            "javascript&colon;alert(1)",
            " JaVaScRiPt:alert(1)",
        ] {
            let out = sanitize(&format!(r#"<a href="{href}">x</a>"#), &LINKS);
            assert_eq!(out.as_str(), "<a>x</a>", "{href}");
        }
    }

    #[test]
    fn drops_hidden_content_whole() {
        assert_eq!(
            sanitize("a<script>alert('<b>')</script>b<style>x</style>c", &LINKS).as_str(),
            "abc"
        );
        assert_eq!(sanitize("a<SCRIPT >x", &LINKS).as_str(), "a");
    }

    #[test]
    fn stray_closers_go_and_open_tags_are_closed() {
        assert_eq!(sanitize("</b>x<b>y", &LINKS).as_str(), "x<b>y</b>");
        assert_eq!(
            sanitize("<b><a>x</b>y</a>", &LINKS).as_str(),
            "<b><a>x</a></b>y"
        );
    }

    #[test]
    fn inline_tags_refuse_attributes_and_stay_in_their_block() {
        let mut inline = InlineSanitizer::default();
        assert_eq!(
            inline
                .tag("<kbd>", 1, &INLINE_TAGS, &as_written)
                .unwrap()
                .as_str(),
            "<kbd>"
        );
        assert!(
            inline
                .tag("<kbd onclick=x>", 1, &INLINE_TAGS, &as_written)
                .is_none()
        );
        assert!(
            inline
                .tag("<img src=x>", 1, &INLINE_TAGS, &as_written)
                .is_none()
        );
        // A closer from another block does not close this one's tag.
        assert_eq!(
            inline
                .tag("</kbd>", 2, &INLINE_TAGS, &as_written)
                .unwrap()
                .as_str(),
            ""
        );
        assert_eq!(inline.close_inside(2).as_str(), "");
        assert_eq!(inline.close_inside(1).as_str(), "</kbd>");
        assert_eq!(inline.close_inside(1).as_str(), "");
    }

    #[test]
    fn text_keeps_entities_and_loses_stray_brackets() {
        assert_eq!(
            sanitize("a &amp; b < c > d", &LINKS).as_str(),
            "a &amp; b &lt; c &gt; d"
        );
    }
}
